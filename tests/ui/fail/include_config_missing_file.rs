//! Embedded file that does not exist, named by an absolute path: the message names it as
//! written (a relative path's message, which gives the crate directory it was resolved
//! from, is pinned by the derive crate's unit tests, independently of where this runs).
use ecr_config::ecr::EcrConfig;

fn main() {
    let ecr = ecr_config::include_config!("/nonexistent/ecr.json" as EcrConfig);
    println!("{}", ecr.ci.region);
}
