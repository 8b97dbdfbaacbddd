//! A user-defined schema, not only the ECR model: the Docker registry example's.
#![deny(warnings, clippy::pedantic)]

use std::sync::LazyLock;

use ecr_config::ExposeSecret;
use ecr_config::include_config;

#[path = "../../../ecr-config/examples/docker_registry/schema.rs"]
#[allow(
    dead_code,
    reason = "the example's schema has more than this case reads"
)]
mod schema;

use schema::{RegistryCredential, RegistryProvider};

static REGISTRY: LazyLock<RegistryCredential> =
    LazyLock::new(|| include_config!("configs/docker-registry.json" as RegistryCredential));

fn main() {
    assert_eq!(REGISTRY.name, "team-hub");
    assert_eq!(REGISTRY.provider, RegistryProvider::DockerHub);
    assert_eq!(REGISTRY.host, "registry-1.docker.io");
    // Absent from the file: the serde default.
    assert_eq!(REGISTRY.port, 443);
    assert_eq!(
        REGISTRY.password.expose_secret(),
        "REPLACE-WITH-YOUR-ACCESS-TOKEN"
    );
    let mirrors: Vec<(&str, u8)> = REGISTRY
        .mirrors
        .iter()
        .map(|mirror| (mirror.url.as_str(), mirror.priority))
        .collect();
    assert_eq!(
        mirrors,
        [
            ("https://mirror.gcr.io", 1),
            ("https://registry.example.com/v2", 0)
        ]
    );
}
