//! Embedded file: `ci.region` given twice.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-duplicate-key.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
