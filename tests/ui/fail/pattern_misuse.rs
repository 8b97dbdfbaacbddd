//! `#[pattern]` written wrong: each struct holds one mistake.
use ecr_config::Validate;

#[derive(Validate)]
struct NameValue {
    #[pattern = "^[A-Z0-9]{20}$"]
    access_key: String,
}

const ACCESS_KEY: &str = "^[A-Z0-9]{20}$";

#[derive(Validate)]
struct NotALiteral {
    #[pattern(ACCESS_KEY)]
    access_key: String,
}

#[derive(Validate)]
struct Duplicate {
    #[pattern("^arn:")]
    #[pattern(":role/")]
    arn: String,
}

fn main() {}
