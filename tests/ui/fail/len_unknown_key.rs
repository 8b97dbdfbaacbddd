use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    #[len(mx = 3)]
    external_id: String,
}

fn main() {}
