//! Embedded file: an access key of 19 lowercase characters.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-bad-access-key.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
