//! `include_config!` takes a path as a string literal, `as`, and the type to read it as.
const PATH: &str = "configs/ecr.json";

fn main() {
    let not_a_literal = ecr_config::include_config!(PATH as ecr_config::ecr::EcrConfig);
    let without_as = ecr_config::include_config!("configs/ecr.json");
}
