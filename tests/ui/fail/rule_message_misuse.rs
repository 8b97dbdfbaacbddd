use ecr_config::Validate;

#[derive(Validate)]
struct Config {
    #[pattern("^[a-z]+$", message = 5)]
    not_a_string: String,
    #[pattern("^[a-z]+$", message = "")]
    empty: String,
    #[len(5, max = 6)]
    exact_and_more: String,
    #[len(min = 1, message = "one", message = "two")]
    twice: String,
    #[title("Name", message = "a name")]
    titled: String,
    #[range(exclusive_mn = 1)]
    misspelt: u32,
    #[range(exclusive_min = 5, max = 5)]
    empty_range: u32,
    #[range(min = 2.5, exclusive_max = 2.5)]
    empty_float_range: f64,
}

fn main() {}
