//! Every constraint of the ECR model at its boundaries.

use ecr_config::ecr::{CiConfig, EcrConfig, ReadConfig, Region, SetupConfig};
use ecr_config::{Keyword, Secret, Shape, UnitEnum, Validate};

const ROLE: &str = "arn:aws:iam::123456789012:role/ecr-access-role";

fn valid() -> EcrConfig {
    EcrConfig {
        ci: CiConfig {
            region: Region::UsEast1,
            access_key: "AKIAIOSFODNN7EXAMPLE".into(),
            secret_key: Secret::from("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        },
        read: Some(ReadConfig {
            region: Some(Region::UsEast1),
            role_arn: Some("arn:aws:iam::123456789012:role/ecr-read-role".into()),
        }),
        setup: SetupConfig {
            policy: Some(r#"{"Version":"2012-10-17","Statement":[]}"#.into()),
            region: Region::EuCentral1,
            role_arn: ROLE.into(),
            external_id: Some("external".into()),
            intermediate_role: Some(ROLE.into()),
            intermediate_external_id: Some("intermediate".into()),
        },
        repository_provider: "aws-ecr".into(),
    }
}

/// `(pointer, keyword)` of every finding, in order.
fn findings(config: &EcrConfig) -> Vec<(String, Keyword)> {
    match config.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.pointer().to_owned(), e.keyword()))
            .collect(),
    }
}

fn with_access_key(key: &str) -> Vec<(String, Keyword)> {
    let mut config = valid();
    config.ci.access_key = key.into();
    findings(&config)
}

fn at(pointer: &str, keyword: Keyword) -> (String, Keyword) {
    (pointer.to_owned(), keyword)
}

#[test]
fn a_complete_config_is_valid() {
    assert_eq!(findings(&valid()), []);
}

#[test]
fn a_minimal_config_is_valid() {
    let mut config = valid();
    config.read = None;
    config.setup.policy = None;
    config.setup.external_id = None;
    config.setup.intermediate_role = None;
    config.setup.intermediate_external_id = None;
    assert_eq!(findings(&config), []);
}

#[test]
fn access_key_must_have_exactly_20_characters() {
    assert_eq!(with_access_key("AKIAIOSFODNN7EXAMPLE"), []);
    assert_eq!(
        with_access_key("AKIAIOSFODNN7EXAMPL"),
        [
            at("/ci/access_key", Keyword::MinLength),
            at("/ci/access_key", Keyword::Pattern)
        ]
    );
    assert_eq!(
        with_access_key("AKIAIOSFODNN7EXAMPLEX"),
        [
            at("/ci/access_key", Keyword::MaxLength),
            at("/ci/access_key", Keyword::Pattern)
        ]
    );
    assert_eq!(
        with_access_key(""),
        [
            at("/ci/access_key", Keyword::MinLength),
            at("/ci/access_key", Keyword::Pattern)
        ]
    );
}

#[test]
fn access_key_counts_code_points_not_bytes() {
    // 20 code points, 21 bytes: the length holds, only the pattern fails.
    assert_eq!(
        with_access_key("AKIAIOSFODNN7EXAMPLÉ"),
        [at("/ci/access_key", Keyword::Pattern)]
    );
    // 20 astral code points (80 bytes).
    assert_eq!(
        with_access_key(&"😀".repeat(20)),
        [at("/ci/access_key", Keyword::Pattern)]
    );
    assert_eq!(
        with_access_key(&"😀".repeat(21)),
        [
            at("/ci/access_key", Keyword::MaxLength),
            at("/ci/access_key", Keyword::Pattern)
        ]
    );
}

#[test]
fn access_key_pattern_rejects_lowercase_and_a_trailing_newline() {
    assert_eq!(
        with_access_key("akiaiosfodnn7example"),
        [at("/ci/access_key", Keyword::Pattern)]
    );
    // 19 characters plus "\n": `$` does not match before a final newline.
    assert_eq!(
        with_access_key("AKIAIOSFODNN7EXAMPL\n"),
        [at("/ci/access_key", Keyword::Pattern)]
    );
}

#[test]
fn length_messages_name_the_expectation() {
    let mut config = valid();
    config.ci.access_key = "AKIAIOSFODNN7EXAMPL".into();
    let errors = config.validate().unwrap_err();
    let messages: Vec<String> = errors
        .iter()
        .map(ecr_config::ValidationError::message)
        .collect();
    assert_eq!(
        messages,
        [
            "expected exactly 20 characters, found 19",
            "must match ^[A-Z0-9]{20}$"
        ]
    );
    assert_eq!(
        errors.to_string(),
        "/ci/access_key: expected exactly 20 characters, found 19 (minLength)\n\
         /ci/access_key: must match ^[A-Z0-9]{20}$ (pattern)"
    );
}

#[test]
fn secret_key_must_not_be_empty() {
    let mut config = valid();
    config.ci.secret_key = Secret::from("");
    assert_eq!(
        findings(&config),
        [at("/ci/secret_key", Keyword::MinLength)]
    );
    config.ci.secret_key = Secret::from("x");
    assert_eq!(findings(&config), []);
}

#[test]
fn role_arns_follow_the_seed_pattern() {
    for bad in [
        "",
        "arn:aws:iam::12345678901:role/short-account",
        "arn:aws:iam::1234567890123:role/long-account",
        "arn:aws:iam::123456789012:user/not-a-role",
        "arn:aws:iam::123456789012:role/",
        "arn:aws:iam::123456789012:role/has space",
        "arn:aws:iam::123456789012:role/ecr-access-role\n",
        "xarn:aws:iam::123456789012:role/ecr-access-role",
        "arn:aws:iam::١٢٣٤٥٦٧٨٩٠١٢:role/arabic-indic-digits",
    ] {
        let mut config = valid();
        config.setup.role_arn = bad.into();
        let found = findings(&config);
        assert!(
            found.contains(&at("/setup/role_arn", Keyword::Pattern)),
            "{bad:?} passed: {found:?}"
        );
    }
    for good in [
        "arn:aws:iam::000000000000:role/a",
        "arn:aws:iam::123456789012:role/A-Za-z0-9+=,.@_-",
    ] {
        let mut config = valid();
        config.setup.role_arn = good.into();
        config.setup.intermediate_role = Some(good.into());
        config.read.as_mut().unwrap().role_arn = Some(good.into());
        assert_eq!(findings(&config), [], "{good:?}");
    }
}

#[test]
fn empty_role_arn_fails_both_min_length_and_pattern() {
    let mut config = valid();
    config.setup.role_arn = String::new();
    config.setup.intermediate_role = Some(String::new());
    config.read.as_mut().unwrap().role_arn = Some(String::new());
    assert_eq!(
        findings(&config),
        [
            at("/read/role_arn", Keyword::MinLength),
            at("/read/role_arn", Keyword::Pattern),
            at("/setup/role_arn", Keyword::MinLength),
            at("/setup/role_arn", Keyword::Pattern),
            at("/setup/intermediate_role", Keyword::MinLength),
            at("/setup/intermediate_role", Keyword::Pattern),
        ]
    );
}

#[test]
fn external_ids_must_not_be_empty() {
    let mut config = valid();
    config.setup.external_id = Some(String::new());
    config.setup.intermediate_external_id = Some(String::new());
    assert_eq!(
        findings(&config),
        [
            at("/setup/external_id", Keyword::MinLength),
            at("/setup/intermediate_external_id", Keyword::MinLength),
        ]
    );
}

#[test]
fn policy_must_be_a_json_text() {
    let mut config = valid();
    config.setup.policy = Some(r#"{"Version": "2012-10-17", "Statement": [}"#.into());
    let errors = config.validate().unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(
        (error.pointer(), error.keyword()),
        ("/setup/policy", Keyword::ContentMediaType)
    );
    assert_eq!(
        error.message(),
        "must be a JSON text (application/json): unexpected character at character 41"
    );
    config.setup.policy = Some(String::new());
    assert_eq!(
        findings(&config),
        [at("/setup/policy", Keyword::ContentMediaType)]
    );
    config.setup.policy = Some("\"a JSON string is a JSON text\"".into());
    assert_eq!(findings(&config), []);
}

#[test]
fn repository_provider_is_the_constant_aws_ecr() {
    let mut config = valid();
    config.repository_provider = "aws-ecr ".into();
    let errors = config.validate().unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(
        (error.pointer(), error.keyword(), error.message().as_str()),
        (
            "/repository_provider",
            Keyword::Const,
            "must be \"aws-ecr\""
        )
    );
}

#[test]
fn every_failure_of_the_whole_config_is_reported() {
    let mut config = valid();
    config.ci.access_key = "short".into();
    config.ci.secret_key = Secret::from("");
    config.setup.role_arn = "arn:aws:iam::1:role/x".into();
    config.repository_provider = "gcr".into();
    assert_eq!(
        findings(&config),
        [
            at("/ci/access_key", Keyword::MinLength),
            at("/ci/access_key", Keyword::Pattern),
            at("/ci/secret_key", Keyword::MinLength),
            at("/setup/role_arn", Keyword::Pattern),
            at("/repository_provider", Keyword::Const),
        ]
    );
}

#[test]
fn region_names_come_from_the_enum() {
    assert_eq!(
        Region::NAMES,
        [
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "eu-central-1",
            "eu-north-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-south-1",
            "sa-east-1",
            "ca-central-1",
            "me-south-1",
            "af-south-1",
        ]
    );
    assert_eq!(Region::ApNortheast2.as_str(), "ap-northeast-2");
    for name in Region::NAMES {
        let region: Region = serde_json::from_value(serde_json::json!(name)).unwrap();
        assert_eq!(region.as_str(), *name);
    }
}

#[test]
fn the_model_carries_the_seed_titles_and_descriptions() {
    let Shape::Object(root) = EcrConfig::SHAPE else {
        panic!("EcrConfig is a struct")
    };
    assert_eq!(root.title, Some("AWS ECR"));
    assert_eq!(
        root.description,
        Some("Defines the settings for AWS ECR integration, including CI/CD and assets")
    );
    assert!(root.deny_unknown_fields);
    let summary: Vec<_> = root
        .fields
        .iter()
        .map(|f| (f.name, f.title, f.required))
        .collect();
    assert_eq!(
        summary,
        [
            ("ci", Some("CI/CD Image Push Configuration"), true),
            ("read", Some("Cross-Account Pull Access"), false),
            ("setup", Some("Storage configuration"), true),
            ("repository_provider", Some("Provider"), false),
        ]
    );
    assert_eq!(root.fields[3].description, None);
    assert_eq!(
        root.fields[0].description,
        Some(
            "Set up credentials for writing and pushing Docker images to ECR as part of your \
             CI/CD pipelines"
        )
    );

    let Shape::Object(setup) = SetupConfig::SHAPE else {
        panic!("SetupConfig is a struct")
    };
    let summary: Vec<_> = setup
        .fields
        .iter()
        .map(|f| (f.name, f.title, f.required))
        .collect();
    assert_eq!(
        summary,
        [
            ("policy", Some("Repository Policy"), false),
            ("region", Some("AWS Region"), true),
            ("role_arn", None, true),
            ("external_id", Some("Role External ID"), false),
            ("intermediate_role", None, false),
            (
                "intermediate_external_id",
                Some("Intermediate Role External ID"),
                false
            ),
        ]
    );
    let Shape::Object(ci) = CiConfig::SHAPE else {
        panic!("CiConfig is a struct")
    };
    assert_eq!(
        ci.fields[1].rules,
        [
            ecr_config::meta::Rule::Length {
                min: Some(20),
                max: Some(20),
                message: None,
            },
            ecr_config::meta::Rule::Pattern {
                pattern: "^[A-Z0-9]{20}$",
                is_match: |_| unreachable!("compared by pattern text"),
                message: None,
            },
        ]
    );
    assert_eq!(ci.fields.iter().filter(|f| f.required).count(), 3);
}

#[test]
fn the_secret_key_never_appears_in_debug_display_or_errors() {
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    let mut config = valid();
    config.ci.access_key = "bad".into();
    config.repository_provider = "other".into();
    let errors = config.validate().unwrap_err();
    let outputs = [
        format!("{config:?}"),
        format!("{config:#?}"),
        format!("{:?}", config.ci.secret_key),
        format!("{}", config.ci.secret_key),
        format!("{errors}"),
        format!("{errors:?}"),
        errors
            .iter()
            .map(ecr_config::ValidationError::message)
            .collect::<String>(),
    ];
    for output in &outputs {
        assert!(!output.contains(SECRET), "secret leaked: {output}");
        assert!(
            !output.contains("wJalr"),
            "part of the secret leaked: {output}"
        );
    }
    assert!(outputs[0].contains("[REDACTED]"));

    // A secret that breaks its own rule is reported by length only.
    config.ci.secret_key = Secret::from("");
    let errors = config.validate().unwrap_err();
    assert!(errors.iter().any(|e| e.pointer() == "/ci/secret_key"));
}

#[test]
fn the_seed_example_parses_once_the_missing_credentials_are_added() {
    let seed = serde_json::json!({
        "ci": { "region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s" },
        "read": { "region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/ecr-read-role" },
        "setup": { "region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/ecr-access-role" },
        "repository_provider": "aws-ecr"
    });
    let config: EcrConfig = serde_json::from_value(seed).unwrap();
    assert_eq!(findings(&config), []);

    let without_provider = serde_json::json!({
        "ci": { "region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s" },
        "setup": { "region": "us-east-1", "role_arn": ROLE },
    });
    let config: EcrConfig = serde_json::from_value(without_provider).unwrap();
    assert_eq!(config.repository_provider, "aws-ecr");
}
