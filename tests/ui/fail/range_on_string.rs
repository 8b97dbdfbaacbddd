use ecr_config::Validate;

#[derive(Validate)]
struct Registry {
    #[range(min = 1, max = 65535)]
    port: String,
}

fn main() {}
