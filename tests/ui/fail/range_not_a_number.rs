use ecr_config::Validate;

const MAX_PORT: u16 = 65535;

#[derive(Validate)]
struct Registry {
    #[range(max = MAX_PORT)]
    port: u16,
}

fn main() {}
