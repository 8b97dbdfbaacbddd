use ecr_config::Validate;

#[derive(Validate)]
#[len(max = 3)]
struct Setup {
    external_id: String,
}

fn main() {}
