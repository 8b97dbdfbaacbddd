use ecr_config::Validate;

#[derive(Validate)]
struct Config {
    #[format("hostname")]
    #[constant("not a host")]
    host: String,
    #[format("date")]
    #[constant("2024-05-01")]
    day: String,
}

fn main() {}
