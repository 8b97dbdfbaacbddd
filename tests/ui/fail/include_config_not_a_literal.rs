//! `include_config!` takes the path as a string literal.
const PATH: &str = "configs/ecr.json";

fn main() {
    let ecr = ecr_config::include_config!(PATH as ecr_config::ecr::EcrConfig);
}
