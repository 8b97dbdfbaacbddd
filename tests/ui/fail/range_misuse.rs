//! `#[range]` written wrong: each struct holds one mistake.
use ecr_config::Validate;

#[derive(Validate)]
struct MinGreaterThanMax {
    #[range(min = 65535, max = 1)]
    port: u16,
}

const MAX_PORT: u16 = 65535;

#[derive(Validate)]
struct NotANumber {
    #[range(max = MAX_PORT)]
    port: u16,
}

fn main() {}
