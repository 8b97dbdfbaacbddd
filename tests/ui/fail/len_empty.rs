use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    #[len()]
    external_id: String,
}

fn main() {}
