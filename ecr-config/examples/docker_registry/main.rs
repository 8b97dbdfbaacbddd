//! Declares a Docker registry credential schema with the same attributes as the ECR model and
//! validates two credentials: `cargo run -p ecr-config --example docker_registry`. With
//! `-- docs`, prints the schema's Markdown reference instead (committed as `REFERENCE.md`).

// `pub` items: the tests include this module too.
#[allow(unreachable_pub)]
mod schema;

use ecr_config::Validate;
use schema::RegistryCredential;

const GOOD: &str = r#"{
    "name": "team-hub",
    "provider": "docker-hub",
    "host": "registry-1.docker.io",
    "username": "deploy-bot",
    "password": "dckr_pat_0123456789",
    "mirrors": [{ "url": "https://mirror.gcr.io", "priority": 1 }]
}"#;

const BAD: &str = r#"{
    "name": "Team Hub",
    "provider": "ghcr",
    "host": "ghcr.io",
    "port": 0,
    "username": "",
    "password": "short",
    "mirrors": [
        { "url": "https://mirror.example" },
        { "url": "http://insecure.example", "priority": 101 }
    ]
}"#;

fn main() {
    if std::env::args().nth(1).as_deref() == Some("docs") {
        print!("{}", RegistryCredential::markdown_reference());
        return;
    }
    for (label, json) in [("good", GOOD), ("bad", BAD)] {
        let credential: RegistryCredential = match serde_json::from_str(json) {
            Ok(credential) => credential,
            Err(error) => {
                println!("{label}: not a registry credential: {error}");
                continue;
            }
        };
        match credential.validate() {
            Ok(()) => println!("{label}: valid ({credential:?})"),
            Err(errors) => println!("{label}: {} problems\n{errors}", errors.len()),
        }
    }
}
