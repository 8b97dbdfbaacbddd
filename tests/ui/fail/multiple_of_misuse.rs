use ecr_config::Validate;

#[derive(Validate)]
struct Config {
    #[multiple_of(0)]
    zero: u32,
    #[multiple_of(-2)]
    negative: i32,
    #[multiple_of("5")]
    text: u32,
    #[multiple_of(5)]
    #[range(min = 1, max = 4)]
    no_multiple_in_range: u32,
}

fn main() {}
