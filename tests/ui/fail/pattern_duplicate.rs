use ecr_config::Validate;

#[derive(Validate)]
struct Role {
    #[pattern("^arn:")]
    #[pattern(":role/")]
    arn: String,
}

fn main() {}
