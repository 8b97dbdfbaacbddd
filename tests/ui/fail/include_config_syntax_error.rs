//! Embedded file: a missing comma.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-syntax-error.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
