use ecr_config::Validate;

struct Endpoint {
    url: String,
}

#[derive(Validate)]
struct Registry {
    mirror: Endpoint,
}

fn main() {}
