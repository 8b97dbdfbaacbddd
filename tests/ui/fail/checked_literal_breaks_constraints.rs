use ecr_config::checked;
use ecr_config::ecr::{EcrConfig, CiConfig, ReadConfig, Region, SetupConfig};

fn main() {
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
