use ecr_config::Validate;

#[derive(Validate)]
struct Misspelt {
    #[format("date_time")]
    created: String,
    #[format("ip")]
    address: String,
    #[format("regex")]
    pattern: String,
}

#[derive(Validate)]
struct Written {
    #[format]
    bare: String,
    #[format(date)]
    unquoted: String,
    #[format("date")]
    #[format("time")]
    twice: String,
}

#[derive(Validate)]
struct WrongType {
    #[format("date")]
    day: u32,
}

fn main() {}
