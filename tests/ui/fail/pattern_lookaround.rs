use ecr_config::Validate;

#[derive(Validate)]
struct Ci {
    #[pattern("^(?=AKIA)[A-Z0-9]{20}$")]
    access_key: String,
}

fn main() {}
