//! Embedded file: `externalId` is not a property; `external_id` is.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-unknown-property.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
