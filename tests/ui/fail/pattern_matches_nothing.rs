use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    // An empty class: no string can match, so no value is ever valid.
    #[pattern(r"^[^\s\S]+$")]
    external_id: String,
    #[pattern("^a$b")]
    role_arn: String,
}

fn main() {}
