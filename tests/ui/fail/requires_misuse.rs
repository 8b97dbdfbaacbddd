use ecr_config::Validate;

#[derive(serde::Deserialize, Validate)]
struct Config {
    username: Option<String>,
    #[serde(default)]
    retries: u8,
    #[requires(usrname)]
    misspelt: Option<String>,
    #[requires(itself)]
    itself: Option<String>,
    #[requires(retries)]
    defaulted: Option<String>,
    #[requires()]
    nothing: Option<String>,
    #[requires(username, username)]
    twice: Option<String>,
}

fn main() {}
