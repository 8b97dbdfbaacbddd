use ecr_config::Validate;

const ACCESS_KEY: &str = "^[A-Z0-9]{20}$";

#[derive(Validate)]
struct Ci {
    #[pattern(ACCESS_KEY)]
    access_key: String,
}

fn main() {}
