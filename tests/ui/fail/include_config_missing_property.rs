//! Embedded file: `ci.secret_key` is required.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-missing-property.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
