//! `ecr-config example`: a complete, valid config to start from.

use ecr_config::Secret;
use ecr_config::ecr::{CiConfig, EcrConfig, REPOSITORY_PROVIDER, ReadConfig, Region, SetupConfig};

/// The example's secret: obviously not a key, and still a valid value (at least 1 character).
pub(crate) const PLACEHOLDER_SECRET: &str = "REPLACE-WITH-YOUR-AWS-SECRET-ACCESS-KEY";

/// A complete config: every required property and the cross-account pull access.
pub(crate) fn config() -> EcrConfig {
    EcrConfig {
        ci: CiConfig {
            region: Region::UsEast1,
            // AWS's documented example access key ID: the right shape, and no one's key.
            access_key: "AKIAIOSFODNN7EXAMPLE".to_owned(),
            secret_key: Secret::from(PLACEHOLDER_SECRET),
        },
        read: Some(ReadConfig {
            region: Some(Region::UsEast1),
            role_arn: Some("arn:aws:iam::123456789012:role/ecr-read-role".to_owned()),
        }),
        setup: SetupConfig {
            policy: None,
            region: Region::UsEast1,
            role_arn: "arn:aws:iam::123456789012:role/ecr-access-role".to_owned(),
            external_id: None,
            intermediate_role: None,
            intermediate_external_id: None,
        },
        repository_provider: REPOSITORY_PROVIDER.to_owned(),
    }
}

/// The example as pretty JSON, with a final line break.
pub(crate) fn json() -> String {
    let mut text = serde_json::to_string_pretty(&config()).expect("the example serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use ecr_config::ecr::EcrConfig;

    #[test]
    fn the_example_is_valid() {
        let text = super::json();
        if let Err(report) = EcrConfig::from_json_str(&text) {
            panic!("{report}");
        }
        assert!(text.contains(super::PLACEHOLDER_SECRET));
    }
}
