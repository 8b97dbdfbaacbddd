use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    #[example("us-east-1")]
    region: String,
}

#[derive(Clone, Copy, Validate)]
#[example("\"a\"")]
enum Choice {
    A,
}

fn main() {}
