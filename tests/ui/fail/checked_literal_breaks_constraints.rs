//! `checked!` literals that break their type's declarations, each in a function of its own.
use ecr_config::checked;
use ecr_config::ecr::{CiConfig, EcrConfig, ReadConfig, Region, SetupConfig};

#[allow(unreachable_pub, dead_code)]
#[path = "../../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;

use schema::{Mirror, RegistryCredential, RegistryProvider};

fn ecr() {
    let _ = checked!(EcrConfig {
        ci: CiConfig {
            region: Region::UsEast1,
            access_key: "akiaiosfodnn7example",
            secret_key: "",
        },
        read: Some(ReadConfig {
            region: None,
            role_arn: Some("arn:aws:iam::12345:role/reader"),
        }),
        setup: SetupConfig {
            policy: Some("{\"Version\": "),
            region: Region::EuWest1,
            role_arn: "arn:aws:iam::123456789012:role/ecr access",
            external_id: Some(""),
            intermediate_role: None,
            intermediate_external_id: None,
        },
        repository_provider: "aws_ecr",
    });
}

// A user-defined schema (the Docker registry example's).
fn docker() {
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

// A required field left out (serde has no value for it), and a misspelt one.
fn left_out() {
    let _ = checked!(CiConfig {
        region: Region::UsEast1,
        secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
}

// A default with rules: its value is only known at run time.
fn left_out_default() {
    let _ = checked!(RegistryCredential {
        name: "team-hub",
        provider: RegistryProvider::GitHub,
        host: "ghcr.io",
        username: "deploy-bot",
        password: "dckr_pat_0123456789",
        mirrors: vec![],
    });
}

// A field the literal's module cannot see, as in a plain struct literal.
mod private {
    #[derive(ecr_config::Validate)]
    pub struct Account {
        pub name: String,
        secret: String,
    }
}

fn private_field() {
    let _ = checked!(private::Account {
        name: "ci",
        secret: "hidden",
    });
}

fn misspelt() {
    let _ = checked!(CiConfig {
        regin: Region::UsEast1,
        access_key: "AKIAIOSFODNN7EXAMPLE",
        secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    });
}

fn not_a_literal() {
    let key = std::env::var("AWS_ACCESS_KEY_ID").unwrap();
    let _ = checked!(CiConfig {
        region: Region::UsEast1,
        access_key: key,
        secret_key: "s",
    });
}

// A literal `checked!` cannot take at all; its imports, left unused, warn.
mod with_rest {
    use ecr_config::checked;
    use ecr_config::ecr::{ReadConfig, Region};

    pub(crate) fn with_rest() {
        let _ = checked!(ReadConfig {
            region: Some(Region::UsEast1),
            ..Default::default()
        });
    }
}

fn main() {
    ecr();
    docker();
    left_out();
    left_out_default();
    private_field();
    misspelt();
    not_a_literal();
    with_rest::with_rest();
}
