use ecr_config::Validate;

#[derive(Validate)]
struct Setup {
    #[content_media_type("application/yaml")]
    policy: Option<String>,
}

fn main() {}
