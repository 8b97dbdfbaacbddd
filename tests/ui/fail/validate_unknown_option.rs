use ecr_config::Validate;

struct Endpoint;

#[derive(Validate)]
struct Registry {
    #[validate(skp)]
    mirror: Endpoint,
}

fn main() {}
