//! A different provider's schema, declared with the same attributes as the ECR model: the
//! credentials a deployment platform keeps for a Docker registry.

use ecr_config::{Secret, Validate};
use serde::{Deserialize, Serialize};

/// Credentials for pulling from and pushing to a Docker registry
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("Docker Registry")]
#[example(
    r#"{
    "name": "team-hub",
    "provider": "docker-hub",
    "host": "registry-1.docker.io",
    "port": 443,
    "username": "deploy-bot",
    "password": "REPLACE-WITH-YOUR-ACCESS-TOKEN",
    "mirrors": [{ "url": "https://mirror.gcr.io", "priority": 1 }]
}"#
)]
pub struct RegistryCredential {
    /// Unique name of this credential, used to reference it from pipelines
    #[title("Credential Name")]
    #[len(min = 3, max = 63)]
    #[pattern("^[a-z][a-z0-9-]*[a-z0-9]$")]
    pub name: String,
    /// Which registry service the credential is for
    #[title("Provider")]
    pub provider: RegistryProvider,
    /// Registry host name, without scheme
    #[title("Host")]
    #[len(min = 1, max = 253)]
    #[pattern(r"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$")]
    pub host: String,
    /// Registry port
    #[title("Port")]
    #[range(min = 1, max = 65535)]
    #[serde(default = "default_port")]
    pub port: u32,
    /// User name for the registry login
    #[title("Username")]
    #[len(min = 1, max = 255)]
    pub username: String,
    /// Password or access token for the registry login
    #[title("Password")]
    #[len(min = 8, max = 1024)]
    pub password: Secret<String>,
    /// Pull-through mirrors tried before the registry itself
    #[title("Mirrors")]
    #[len(max = 5)]
    #[serde(default)]
    pub mirrors: Vec<Mirror>,
}

fn default_port() -> u32 {
    443
}

/// The registry services the platform supports
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[serde(rename_all = "kebab-case")]
pub enum RegistryProvider {
    /// Docker Hub
    DockerHub,
    /// GitHub Container Registry
    #[serde(rename = "ghcr")]
    GitHub,
    /// Quay.io
    Quay,
    /// A self-hosted registry
    SelfHosted,
}

/// A pull-through mirror
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("Mirror")]
#[example(r#"{ "url": "https://mirror.gcr.io", "priority": 1 }"#)]
pub struct Mirror {
    /// Mirror URL, https only
    #[title("URL")]
    #[len(max = 2048)]
    #[pattern("^https://[^/?#]+")]
    pub url: String,
    /// Lower values are tried first
    #[title("Priority")]
    #[range(min = 0, max = 100)]
    #[serde(default)]
    pub priority: u8,
}
