use ecr_config::Validate;

#[derive(Validate)]
struct Registry {
    #[range(min = 65535, max = 1)]
    port: u16,
}

fn main() {}
