use ecr_config::Validate;

#[derive(Validate)]
struct Config {
    #[range(min = 300)]
    small: u8,
    #[range(max = -1)]
    unsigned: Option<u32>,
    #[range(exclusive_min = 255)]
    exclusive: u8,
    #[each(range(min = 1000))]
    items: Vec<u8>,
    // Within the type: fine.
    #[range(min = 1, max = 255)]
    fits: u8,
    #[range(min = 1e300)]
    float: f64,
}

fn main() {}
