//! The AWS ECR integration settings, declared once with the constraint attributes (the `ecr`
//! feature).
//!
//! Mirrors the platform's "AWS ECR" settings page: every property, title, description,
//! enum, length, pattern, default and constant comes from it. Unknown properties are rejected
//! everywhere (`deny_unknown_fields`).

mod region;

use serde::{Deserialize, Serialize};

use crate::{Secret, Validate};

pub use region::Region;

/// The only value `repository_provider` may take, and its default.
pub const REPOSITORY_PROVIDER: &str = "aws-ecr";

/// Defines the settings for AWS ECR integration, including CI/CD and assets
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("AWS ECR")]
// The settings page's example, completed with the CI credentials it omits.
#[example(
    r#"{
    "ci": {
        "region": "us-east-1",
        "access_key": "AKIAIOSFODNN7EXAMPLE",
        "secret_key": "REPLACE-WITH-YOUR-AWS-SECRET-ACCESS-KEY"
    },
    "read": {
        "region": "us-east-1",
        "role_arn": "arn:aws:iam::123456789012:role/ecr-read-role"
    },
    "setup": {
        "region": "us-east-1",
        "role_arn": "arn:aws:iam::123456789012:role/ecr-access-role"
    },
    "repository_provider": "aws-ecr"
}"#
)]
pub struct EcrConfig {
    /// Set up credentials for writing and pushing Docker images to ECR as part of your CI/CD
    /// pipelines
    #[title("CI/CD Image Push Configuration")]
    pub ci: CiConfig,
    /// Configure permissions for pulling Docker images from a centralized ECR repository
    /// across AWS accounts
    #[title("Cross-Account Pull Access")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<ReadConfig>,
    /// Configure base settings for storing Docker builds in your ECR repository
    #[title("Storage configuration")]
    pub setup: SetupConfig,
    // The settings page gives this property a title but no description, and a doc comment
    // would become one.
    #[allow(missing_docs)]
    #[title("Provider")]
    #[constant("aws-ecr")]
    #[serde(default = "default_repository_provider")]
    pub repository_provider: String,
}

fn default_repository_provider() -> String {
    REPOSITORY_PROVIDER.to_owned()
}

/// Set up credentials for writing and pushing Docker images to ECR as part of your CI/CD
/// pipelines
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("CI/CD Image Push Configuration")]
#[example(
    r#"{
    "region": "us-east-1",
    "access_key": "AKIAIOSFODNN7EXAMPLE",
    "secret_key": "REPLACE-WITH-YOUR-AWS-SECRET-ACCESS-KEY"
}"#
)]
pub struct CiConfig {
    /// AWS region for CI/CD operations
    #[title("AWS Region")]
    pub region: Region,
    /// AWS access key for CI/CD pipeline
    #[len(20)]
    #[pattern("^[A-Z0-9]{20}$")]
    pub access_key: String,
    /// AWS secret key for CI/CD pipeline
    #[len(min = 1)]
    pub secret_key: Secret<String>,
}

/// Configure permissions for pulling Docker images from a centralized ECR repository across
/// AWS accounts
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("Cross-Account Pull Access")]
#[example(
    r#"{
    "region": "us-east-1",
    "role_arn": "arn:aws:iam::123456789012:role/ecr-read-role"
}"#
)]
pub struct ReadConfig {
    /// AWS region where the centralized Amazon ECR repository is located
    #[title("ECR Region")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Intermediate IAM role ARN that will be assumed to pull Docker images from the
    /// centralized ECR repository
    #[title("Assume Role ARN")]
    #[len(min = 1)]
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
}

/// Configure base settings for storing Docker builds in your ECR repository
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[title("Storage configuration")]
#[example(
    r#"{
    "region": "us-east-1",
    "role_arn": "arn:aws:iam::123456789012:role/ecr-access-role"
}"#
)]
pub struct SetupConfig {
    /// ECR repository access policy as a JSON string
    #[title("Repository Policy")]
    #[content_media_type("application/json")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// AWS region for ECR
    #[title("AWS Region")]
    pub region: Region,
    /// AWS IAM role ARN for ECR access
    #[len(min = 1)]
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")]
    pub role_arn: String,
    /// External ID for the main IAM role
    #[title("Role External ID")]
    #[len(min = 1)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// Intermediate IAM role for cross-account access
    #[len(min = 1)]
    #[pattern(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_role: Option<String>,
    /// External ID for the intermediate IAM role
    #[title("Intermediate Role External ID")]
    #[len(min = 1)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intermediate_external_id: Option<String>,
}

impl EcrConfig {
    /// Parses and validates a config: [`from_json_str`](crate::from_json_str) for this type.
    ///
    /// # Errors
    /// Every finding of the document, with positions.
    pub fn from_json_str(input: &str) -> Result<Self, crate::Report> {
        crate::from_json_str(input)
    }

    /// Parses and validates a config from bytes: [`from_json_slice`](crate::from_json_slice).
    ///
    /// # Errors
    /// Every finding of the document, with positions.
    pub fn from_json_slice(input: &[u8]) -> Result<Self, crate::Report> {
        crate::from_json_slice(input)
    }
}
