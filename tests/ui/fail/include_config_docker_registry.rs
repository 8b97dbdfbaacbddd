//! Embedded file for a user-defined schema (the Docker registry example's): a port out of
//! range and a mirror that is not https.
use ecr_config::include_config;

#[path = "../../../ecr-config/examples/docker_registry/schema.rs"]
#[allow(dead_code)]
mod schema;

fn main() {
    let registry = include_config!(
        "configs/docker-registry-bad-port-and-mirror.json" as schema::RegistryCredential
    );
    println!("{}", registry.name);
}
