use ecr_config::Validate;

#[derive(Validate)]
union Number {
    int: u32,
    float: f32,
}

fn main() {}
