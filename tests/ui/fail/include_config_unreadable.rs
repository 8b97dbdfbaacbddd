//! Embedded files that cannot be read as one JSON document: missing, not JSON, or giving a
//! property twice.
use ecr_config::ecr::EcrConfig;

fn main() {
    // Named by an absolute path, the message names it as written (a relative path's message,
    // which gives the crate directory it was resolved from, is pinned by the derive crate's
    // unit tests, independently of where this runs).
    let missing = ecr_config::include_config!("/nonexistent/ecr.json" as EcrConfig);
    // A missing comma.
    let syntax_error = ecr_config::include_config!("configs/ecr-syntax-error.json" as EcrConfig);
    // `ci.region` given twice.
    let duplicate_key = ecr_config::include_config!("configs/ecr-duplicate-key.json" as EcrConfig);
    println!("{} {} {}", missing.ci.region, syntax_error.ci.region, duplicate_key.ci.region);
}
