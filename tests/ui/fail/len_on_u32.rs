use ecr_config::Validate;

#[derive(Validate)]
struct Registry {
    #[len(max = 5)]
    port: u32,
}

fn main() {}
