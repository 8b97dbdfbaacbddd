use ecr_config::checked;
use ecr_config::ecr::{CiConfig, Region};

fn main() {
    let key = std::env::var("AWS_ACCESS_KEY_ID").unwrap();
    let _ = checked!(CiConfig {
        region: Region::UsEast1,
        access_key: key,
        secret_key: "s",
    });
}
