//! `checked!` literals that satisfy every declaration build and evaluate to the literal.

use std::sync::LazyLock;

use ecr_config::ecr::{CiConfig, EcrConfig, ReadConfig, Region, SetupConfig};
use ecr_config::{ExposeSecret, Validate, checked};

#[allow(unreachable_pub, dead_code)]
#[path = "../../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;

use schema::{Mirror, RegistryCredential, RegistryProvider};

static ECR: LazyLock<EcrConfig> = LazyLock::new(|| {
    checked!(EcrConfig {
        ci: CiConfig {
            region: Region::UsEast1,
            access_key: "AKIAIOSFODNN7EXAMPLE",
            secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        },
        read: Some(ReadConfig {
            region: Some(Region::EuWest1),
            role_arn: Some("arn:aws:iam::123456789012:role/ecr-read-role"),
        }),
        setup: SetupConfig {
            policy: Some(r#"{"Version": "2012-10-17", "Statement": []}"#),
            region: Region::EuCentral1,
            role_arn: "arn:aws:iam::123456789012:role/ecr-access-role",
            external_id: None,
            intermediate_role: None,
            intermediate_external_id: Some("ext-42"),
        },
        repository_provider: "aws-ecr",
    })
});

/// A constant with no serde default: a literal may still leave it out.
#[derive(Debug, serde::Deserialize, Validate)]
struct Versioned {
    #[constant("v1")]
    version: String,
    // A default with no rule to check.
    #[serde(default)]
    tags: Vec<String>,
    #[serde(skip)]
    cache: Option<u8>,
}

/// A type naming itself in a field still derives (the `checked!` builder names it for
/// `Self`); `checked!` cannot check it (a cycle, documented).
#[derive(Debug, serde::Deserialize, Validate)]
#[allow(dead_code)]
struct Tree {
    name: String,
    children: Vec<Self>,
}

fn main() {
    let versioned = checked!(Versioned {});
    assert_eq!(versioned.version, "v1");
    assert!(versioned.tags.is_empty() && versioned.cache.is_none());

    assert!(ECR.validate().is_ok());
    assert_eq!(ECR.ci.access_key, "AKIAIOSFODNN7EXAMPLE");
    assert_eq!(ECR.setup.region, Region::EuCentral1);

    let registry = checked!(RegistryCredential {
        name: "team-hub",
        provider: RegistryProvider::GitHub,
        host: "ghcr.io",
        port: 443,
        username: "deploy-bot",
        password: "dckr_pat_0123456789",
        mirrors: vec![
            Mirror {
                url: "https://mirror.gcr.io",
                priority: 0
            },
            Mirror {
                url: "https://mirror.example.com/v2",
                priority: 100
            },
        ],
    });
    assert!(registry.validate().is_ok());
    assert_eq!(registry.password.expose_secret(), "dckr_pat_0123456789");
    assert_eq!(registry.mirrors.len(), 2);

    // `Option`s may be left out, and so may a `#[constant]` (here with a serde default too):
    // each gets the value serde gives a missing property.
    let ecr = checked!(EcrConfig {
        ci: CiConfig {
            region: Region::UsEast1,
            access_key: "AKIAIOSFODNN7EXAMPLE",
            secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        },
        setup: SetupConfig {
            region: Region::EuCentral1,
            role_arn: "arn:aws:iam::123456789012:role/ecr-access-role",
        },
    });
    assert!(ecr.validate().is_ok());
    assert_eq!(ecr.repository_provider, "aws-ecr");
    assert!(ecr.read.is_none() && ecr.setup.policy.is_none());
}
