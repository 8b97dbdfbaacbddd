use ecr_config::checked;

#[allow(unreachable_pub, dead_code)]
#[path = "../../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;

use schema::{Mirror, RegistryCredential, RegistryProvider};

fn main() {
    let _ = checked!(RegistryCredential {
        name: "Team_Hub",
        provider: RegistryProvider::Quay,
        host: "quay.io",
        port: 70000,
        username: "bot",
        password: "short",
        mirrors: vec![
            Mirror { url: "http://mirror.example.com", priority: 7 },
        ],
    });
}
