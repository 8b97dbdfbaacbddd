use ecr_config::Validate;

#[derive(Validate)]
struct Account {
    #[pattern("^[0-9]{12}$")]
    id: u64,
}

fn main() {}
