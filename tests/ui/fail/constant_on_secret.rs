use ecr_config::{Secret, Validate};

#[derive(Validate)]
struct Ci {
    #[constant("hunter2")]
    secret_key: Secret<String>,
}

fn main() {}
