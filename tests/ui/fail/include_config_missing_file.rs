//! Embedded file that does not exist.
use ecr_config::ecr::EcrConfig;

fn main() {
    let ecr = ecr_config::include_config!("configs/no-such-file.json" as EcrConfig);
    println!("{}", ecr.ci.region);
}
