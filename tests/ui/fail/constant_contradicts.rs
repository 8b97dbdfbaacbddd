use ecr_config::Validate;

#[derive(Validate)]
struct Config {
    #[constant("abc")]
    #[len(5)]
    too_short: String,
    #[constant("")]
    #[len(min = 1)]
    empty: String,
    #[constant("aws-ecr")]
    #[pattern("^[A-Z]+$")]
    unmatched: String,
    #[constant("aws-ecr")]
    #[len(min = 1, max = 20)]
    #[pattern("^[a-z-]+$")]
    consistent: String,
}

fn main() {}
