use ecr_config::Validate;

#[derive(Validate)]
enum Credentials {
    Static { access_key: String },
    Role(String),
    Anonymous,
}

fn main() {}
