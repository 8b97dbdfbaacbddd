//! `include_config!` needs the type to read the file as.
fn main() {
    let ecr = ecr_config::include_config!("configs/ecr.json");
}
