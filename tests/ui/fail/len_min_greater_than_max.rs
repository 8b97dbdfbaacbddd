use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    #[len(min = 64, max = 1)]
    external_id: String,
}

fn main() {}
