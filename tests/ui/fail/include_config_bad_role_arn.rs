//! Embedded file: a role ARN whose account ID is 5 digits, not 12.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-bad-role-arn.json" as EcrConfig));

fn main() {
    println!("{}", ECR.ci.region);
}
