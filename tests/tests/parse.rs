//! `from_json_str`: every finding of a document at once, each with its position.

use ecr_config::ecr::EcrConfig;
use ecr_config::{Keyword, Report, from_json_slice, from_json_str};

const SEED_EXAMPLE: &str = include_str!("../../ecr-config/examples/seed-example.json");
const VALID: &str = include_str!("../../ecr-config/examples/ecr.json");
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn rejected(input: &str) -> Report {
    match from_json_str::<EcrConfig>(input) {
        Ok(config) => panic!("accepted: {config:?}"),
        Err(report) => report,
    }
}

/// `(line, column, pointer, keyword)` of every finding.
fn findings(input: &str) -> Vec<(usize, usize, String, Keyword)> {
    rejected(input)
        .iter()
        .map(|f| (f.line(), f.column(), f.pointer().to_owned(), f.keyword()))
        .collect()
}

fn at(
    line: usize,
    column: usize,
    pointer: &str,
    keyword: Keyword,
) -> (usize, usize, String, Keyword) {
    (line, column, pointer.to_owned(), keyword)
}

/// The valid example with one property of one object replaced (or removed, with `None`).
fn edit(object: &str, key: &str, value: Option<serde_json::Value>) -> String {
    let mut doc: serde_json::Value = serde_json::from_str(VALID).unwrap();
    let target = if object.is_empty() {
        &mut doc
    } else {
        &mut doc[object]
    };
    let map = target.as_object_mut().unwrap();
    match value {
        Some(value) => map.insert(key.to_owned(), value),
        None => map.remove(key),
    };
    serde_json::to_string_pretty(&doc).unwrap()
}

#[test]
fn the_seed_example_misses_exactly_the_two_credentials() {
    assert_eq!(
        findings(SEED_EXAMPLE),
        [
            at(2, 7, "/ci/access_key", Keyword::Required),
            at(2, 7, "/ci/secret_key", Keyword::Required),
        ]
    );
}

#[test]
fn a_valid_document_parses_into_a_valid_config() {
    let config = from_json_str::<EcrConfig>(VALID).unwrap();
    assert_eq!(config.ci.access_key, "AKIAIOSFODNN7EXAMPLE");
    assert_eq!(
        EcrConfig::from_json_slice(VALID.as_bytes())
            .unwrap()
            .repository_provider,
        "aws-ecr"
    );
}

#[test]
fn a_byte_order_mark_is_accepted_and_not_a_column() {
    assert!(from_json_str::<EcrConfig>(&format!("\u{feff}{VALID}")).is_ok());
    let with_bom = format!("\u{feff}{SEED_EXAMPLE}");
    assert_eq!(findings(&with_bom)[0].1, 7);
    assert_eq!(
        rejected("\u{feff}{").findings()[0].keyword(),
        Keyword::Syntax
    );
}

#[test]
fn syntax_errors_are_one_finding_at_the_root() {
    for (input, message_start) in [
        ("", "the document is empty"),
        ("  \n ", "the document is empty"),
        ("{\"ci\": }", "expected value"),
        ("{} x", "trailing characters"),
        ("{\"ci\": \"\u{0}\"}", "control character"),
        ("{\"ci\": \"\\ud800\"}", "unexpected end of hex escape"),
        ("{\"ci\": \"\\udc00\"}", "lone leading surrogate"),
    ] {
        let report = rejected(input);
        assert_eq!(report.len(), 1, "{input:?}");
        let finding = &report.findings()[0];
        assert_eq!(
            (finding.pointer(), finding.keyword()),
            ("", Keyword::Syntax)
        );
        assert!(
            finding.message().starts_with(message_start),
            "{input:?}: {}",
            finding.message()
        );
    }
    let report = from_json_slice::<EcrConfig>(b"{\"ci\": \"\xff\"}").unwrap_err();
    let finding = &report.findings()[0];
    assert_eq!(
        (finding.keyword(), finding.line(), finding.column()),
        (Keyword::Syntax, 1, 9)
    );
    assert!(finding.message().contains("UTF-8"));
}

#[test]
fn deep_nesting_and_huge_strings_give_findings_not_crashes() {
    let deep = "[".repeat(5000) + &"]".repeat(5000);
    assert_eq!(rejected(&deep).findings()[0].keyword(), Keyword::Syntax);
    let deep_in_policy = edit("setup", "policy", Some(serde_json::json!("[".repeat(5000))));
    let found = findings(&deep_in_policy);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].3, Keyword::ContentMediaType);

    let huge = edit(
        "ci",
        "access_key",
        Some(serde_json::json!("A".repeat(5 << 20))),
    );
    let found = findings(&huge);
    assert_eq!(
        found
            .iter()
            .map(|f| (f.2.as_str(), f.3))
            .collect::<Vec<_>>(),
        [
            ("/ci/access_key", Keyword::MaxLength),
            ("/ci/access_key", Keyword::Pattern)
        ]
    );
}

#[test]
fn wrong_types_stop_at_the_value() {
    let found = findings(&edit("", "ci", Some(serde_json::json!("x"))));
    assert_eq!(found, [at(2, 9, "/ci", Keyword::Type)]);
    let report = rejected(&edit("", "read", Some(serde_json::Value::Null)));
    assert_eq!(report.findings()[0].keyword(), Keyword::Type);
    assert_eq!(
        report.findings()[0].message(),
        "expected an object, found null"
    );
    // serde's derive would read a struct from an array; JSON Schema does not.
    let as_array = edit(
        "",
        "setup",
        Some(serde_json::json!([
            "us-east-1",
            "arn:aws:iam::123456789012:role/x"
        ])),
    );
    assert_eq!(
        findings(&as_array)
            .iter()
            .map(|f| (f.2.as_str(), f.3))
            .collect::<Vec<_>>(),
        [("/setup", Keyword::Type)]
    );
}

#[test]
fn unknown_and_duplicated_properties_point_at_the_key() {
    let input = "{\n  \"ci\": {\"regoin\": \"us-east-1\", \"region\": \"us-east-1\", \"access_key\": \"AKIAIOSFODNN7EXAMPLE\", \"secret_key\": \"s\"},\n  \"setup\": {\"region\": \"us-east-1\", \"region\": \"eu-west-1\", \"role_arn\": \"arn:aws:iam::123456789012:role/x\"}\n}";
    let report = rejected(input);
    let found: Vec<_> = report
        .iter()
        .map(|f| (f.line(), f.column(), f.pointer(), f.keyword(), f.message()))
        .collect();
    assert_eq!(
        found,
        [
            (
                2,
                10,
                "/ci/regoin",
                Keyword::AdditionalProperties,
                r#"unknown property "regoin"; did you mean "region"?"#.to_owned()
            ),
            (
                3,
                36,
                "/setup/region",
                Keyword::DuplicateKey,
                r#"property "region" is given more than once"#.to_owned()
            ),
        ]
    );
}

#[test]
fn enum_values_come_with_the_list_and_a_suggestion() {
    let report = rejected(&edit(
        "setup",
        "region",
        Some(serde_json::json!("us-east1")),
    ));
    let finding = &report.findings()[0];
    assert_eq!(
        (finding.pointer(), finding.keyword()),
        ("/setup/region", Keyword::Enum)
    );
    assert!(
        finding
            .message()
            .starts_with("must be one of: us-east-1, us-east-2, ")
    );
    assert!(finding.message().ends_with(r#"did you mean "us-east-1"?"#));
    let upper = rejected(&edit(
        "setup",
        "region",
        Some(serde_json::json!("EU-WEST-1")),
    ));
    assert!(
        upper.findings()[0]
            .message()
            .ends_with(r#"did you mean "eu-west-1"?"#)
    );
}

#[test]
fn constraint_findings_come_with_structural_ones() {
    let input = r#"{
  "ci": {"region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPL", "secret_key": ""},
  "setup": {"region": "us-east-1", "role_arn": "arn:aws:iam::1:role/x", "policy": "{", "extra": 1},
  "repository_provider": "gcr"
}"#;
    let found: Vec<_> = findings(input).into_iter().map(|f| (f.2, f.3)).collect();
    let expected = [
        ("/ci/access_key", Keyword::MinLength),
        ("/ci/access_key", Keyword::Pattern),
        ("/ci/secret_key", Keyword::MinLength),
        ("/setup/role_arn", Keyword::Pattern),
        ("/setup/policy", Keyword::ContentMediaType),
        ("/setup/extra", Keyword::AdditionalProperties),
        ("/repository_provider", Keyword::Const),
    ];
    assert_eq!(found, expected.map(|(p, k)| (p.to_owned(), k)));
}

#[test]
fn secrets_never_reach_a_finding_or_a_debug() {
    for input in [
        edit("ci", "access_key", Some(serde_json::json!("short"))),
        edit("ci", "extra", Some(serde_json::json!(SECRET))),
        edit("ci", "secret_key", Some(serde_json::json!([SECRET]))),
    ] {
        let input = input.replace("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", SECRET);
        let report = rejected(&input);
        let text = format!("{report} {report:?}");
        if !input.contains(&format!("\"extra\": \"{SECRET}\"")) {
            assert!(!text.contains(SECRET), "secret leaked: {text}");
        }
        for span in report.secret_spans() {
            assert!(input[span.clone()].contains(SECRET) || input[span.clone()].starts_with('['));
        }
    }
    // The secret's span is reported so renderers can mask it.
    let input = edit("ci", "access_key", Some(serde_json::json!("short")));
    let report = rejected(&input);
    assert_eq!(report.secret_spans().len(), 1);
    assert_eq!(
        &input[report.secret_spans()[0].clone()],
        format!("\"{SECRET}\"")
    );
}
