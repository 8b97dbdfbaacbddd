//! `#[len]` written wrong: each struct holds one mistake.
use ecr_config::Validate;

#[derive(Validate)]
struct Empty {
    #[len()]
    external_id: String,
}

#[derive(Validate)]
struct NotANumber {
    #[len(min = "1")]
    external_id: String,
}

#[derive(Validate)]
struct UnknownKey {
    #[len(mx = 3)]
    external_id: String,
}

#[derive(Validate)]
struct Duplicate {
    #[len(min = 1)]
    #[len(max = 64)]
    external_id: String,
}

#[derive(Validate)]
struct MinGreaterThanMax {
    #[len(min = 64, max = 1)]
    external_id: String,
}

#[derive(Validate)]
#[len(max = 3)]
struct OnTheStruct {
    external_id: String,
}

fn main() {}
