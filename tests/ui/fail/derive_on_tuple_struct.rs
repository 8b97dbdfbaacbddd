use ecr_config::Validate;

#[derive(Validate)]
struct AccessKey(#[len(20)] String);

fn main() {}
