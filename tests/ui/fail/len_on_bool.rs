use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    #[len(min = 1)]
    enabled: bool,
}

fn main() {}
