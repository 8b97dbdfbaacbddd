//! A valid file embedded as the ECR model, read once in a `LazyLock` static; the optional
//! `read` and `policy` are given.
#![deny(warnings, clippy::pedantic)]

use std::sync::LazyLock;

use ecr_config::ExposeSecret;
use ecr_config::ecr::{EcrConfig, Region};

static ECR: LazyLock<EcrConfig> =
    LazyLock::new(|| ecr_config::include_config!("configs/ecr.json" as EcrConfig));

fn main() {
    assert_eq!(ECR.ci.region, Region::UsEast1);
    assert_eq!(ECR.ci.access_key, "AKIAIOSFODNN7EXAMPLE");
    assert_eq!(
        ECR.ci.secret_key.expose_secret(),
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    );
    let read = ECR.read.as_ref().expect("`read` is given");
    assert_eq!(read.region, Some(Region::EuWest1));
    assert_eq!(
        read.role_arn.as_deref(),
        Some("arn:aws:iam::123456789012:role/ecr-read-role")
    );
    assert_eq!(ECR.setup.region, Region::UsEast1);
    assert_eq!(
        ECR.setup.policy.as_deref(),
        Some(r#"{"Version": "2012-10-17", "Statement": []}"#)
    );
    assert_eq!(ECR.setup.external_id, None);
    assert_eq!(ECR.repository_provider, "aws-ecr");
}
