//! `Validate` on items that are not a struct with named fields or a unit-only enum.
use ecr_config::Validate;

#[derive(Validate)]
enum Credentials {
    Static { access_key: String },
    Role(String),
    Anonymous,
}

#[derive(Validate)]
struct AccessKey(#[len(20)] String);

#[derive(Validate)]
union Number {
    int: u32,
    float: f32,
}

fn main() {}
