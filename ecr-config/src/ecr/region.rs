use serde::{Deserialize, Serialize};

use crate::Validate;

/// The AWS regions the ECR integration supports, spelled as AWS spells them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Validate,
)]
pub enum Region {
    /// US East (N. Virginia).
    #[serde(rename = "us-east-1")]
    UsEast1,
    /// US East (Ohio).
    #[serde(rename = "us-east-2")]
    UsEast2,
    /// US West (N. California).
    #[serde(rename = "us-west-1")]
    UsWest1,
    /// US West (Oregon).
    #[serde(rename = "us-west-2")]
    UsWest2,
    /// Europe (Ireland).
    #[serde(rename = "eu-west-1")]
    EuWest1,
    /// Europe (London).
    #[serde(rename = "eu-west-2")]
    EuWest2,
    /// Europe (Paris).
    #[serde(rename = "eu-west-3")]
    EuWest3,
    /// Europe (Frankfurt).
    #[serde(rename = "eu-central-1")]
    EuCentral1,
    /// Europe (Stockholm).
    #[serde(rename = "eu-north-1")]
    EuNorth1,
    /// Asia Pacific (Singapore).
    #[serde(rename = "ap-southeast-1")]
    ApSoutheast1,
    /// Asia Pacific (Sydney).
    #[serde(rename = "ap-southeast-2")]
    ApSoutheast2,
    /// Asia Pacific (Tokyo).
    #[serde(rename = "ap-northeast-1")]
    ApNortheast1,
    /// Asia Pacific (Seoul).
    #[serde(rename = "ap-northeast-2")]
    ApNortheast2,
    /// Asia Pacific (Mumbai).
    #[serde(rename = "ap-south-1")]
    ApSouth1,
    /// South America (São Paulo).
    #[serde(rename = "sa-east-1")]
    SaEast1,
    /// Canada (Central).
    #[serde(rename = "ca-central-1")]
    CaCentral1,
    /// Middle East (Bahrain).
    #[serde(rename = "me-south-1")]
    MeSouth1,
    /// Africa (Cape Town).
    #[serde(rename = "af-south-1")]
    AfSouth1,
}

impl core::fmt::Display for Region {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(crate::UnitEnum::as_str(self))
    }
}
