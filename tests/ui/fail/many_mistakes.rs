use ecr_config::Validate;

// Every mistake of the item is reported in one build.
#[derive(Validate)]
struct Ci {
    #[len(mx = 20)]
    #[pattern("^[A-Z0-9]{20")]
    access_key: String,
    #[len(min = 5, max = 1)]
    #[len(max = 3)]
    secret_key: String,
    #[pattern("(?<=arn:)aws")]
    role_arn: String,
    #[range(min = 10, max = 1)]
    port: u16,
    #[content_media_type("text/plain")]
    policy: Option<String>,
}

fn main() {}
