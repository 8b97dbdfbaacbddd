use ecr_config::Validate;

#[derive(Validate)]
struct Tag {
    #[pattern(r"^(\w)\w*\1$")]
    name: String,
}

fn main() {}
