//! Embedded file with many problems at once: every one is listed in the same build.
use ecr_config::ecr::EcrConfig;

fn main() {
    let ecr = ecr_config::include_config!("configs/ecr-several-problems.json" as EcrConfig);
    println!("{}", ecr.ci.region);
}
