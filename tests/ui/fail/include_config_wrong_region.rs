//! Embedded file: regions outside the `Region` enum.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-wrong-region.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
