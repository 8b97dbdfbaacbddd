//! Embedded files that break their type's declarations, each read in a `LazyLock` of its own.
use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;

#[path = "../../../ecr-config/examples/docker_registry/schema.rs"]
#[allow(dead_code)]
mod schema;

// An access key of 19 lowercase characters.
static BAD_ACCESS_KEY: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-bad-access-key.json" as EcrConfig));

// A role ARN whose account ID is 5 digits, not 12.
static BAD_ROLE_ARN: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-bad-role-arn.json" as EcrConfig));

// `ci.secret_key` is required.
static MISSING_PROPERTY: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-missing-property.json" as EcrConfig));

// `externalId` is not a property; `external_id` is.
static UNKNOWN_PROPERTY: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-unknown-property.json" as EcrConfig));

// Regions outside the `Region` enum.
static WRONG_REGION: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr-wrong-region.json" as EcrConfig));

fn main() {
    let ecrs = [&BAD_ACCESS_KEY, &BAD_ROLE_ARN, &MISSING_PROPERTY, &UNKNOWN_PROPERTY, &WRONG_REGION];
    for ecr in ecrs {
        println!("{}", ecr.ci.region);
    }
    // A user-defined schema (the Docker registry example's): a port out of range and a
    // mirror that is not https.
    let registry = ecr_config::include_config!(
        "configs/docker-registry-bad-port-and-mirror.json" as schema::RegistryCredential
    );
    println!("{}", registry.name);
}
