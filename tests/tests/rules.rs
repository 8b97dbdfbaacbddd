//! Each rule in all five products: `validate`, the positioned parser (its fast and slow paths
//! agreeing: a document is read whole only when it breaks a rule), the compile-time checker
//! (the same text as the runtime's), the JSON Schema and the Markdown reference.

use std::collections::BTreeMap;

use ecr_config::__private::compile_time::{self, Names};
use ecr_config::__private::const_document;
use ecr_config::{Keyword, Validate};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// The runtime's findings on `text`, `LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`.
fn parsed<T: DeserializeOwned + Validate>(text: &str) -> Vec<String> {
    match ecr_config::from_json_str::<T>(text) {
        Ok(_) => Vec::new(),
        Err(report) => report.findings().iter().map(ToString::to_string).collect(),
    }
}

/// The compile-time checker's findings on the same text, in document order.
fn compile_time<T: Validate>(text: &str) -> Vec<String> {
    let document = const_document(text).expect("JSON");
    let verdict = compile_time::verdict(T::__CONST_SHAPE, document, "doc", "", Names::Serialized);
    verdict
        .as_str()
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

/// `validate()`'s findings on the value serde reads from `text`, `POINTER: MESSAGE (KEYWORD)`;
/// `None` when serde cannot read it (a wrong type is no rule's).
fn validated<T: DeserializeOwned + Validate>(text: &str) -> Option<Vec<String>> {
    let value: T = serde_json::from_str(text).ok()?;
    Some(match value.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    })
}

/// The findings of every checker on `text`, which must agree; returns the parser's.
fn findings<T: DeserializeOwned + Validate>(text: &str) -> Vec<String> {
    let parsed = parsed::<T>(text);
    assert_eq!(compile_time::<T>(text), parsed, "compile time on {text}");
    let without_positions: Vec<String> = parsed
        .iter()
        .map(|line| {
            line.splitn(3, ':')
                .nth(2)
                .unwrap_or(line)
                .trim_start()
                .to_owned()
        })
        .collect();
    if let Some(validated) = validated::<T>(text) {
        assert_eq!(validated, without_positions, "validate on {text}");
    }
    parsed
}

/// The schema of `T`'s property `name`.
fn property<T: Validate>(name: &str) -> Value {
    T::json_schema()["properties"][name].clone()
}

#[derive(serde::Deserialize, Validate)]
struct Exclusive {
    #[range(exclusive_min = 0, max = 10)]
    count: u32,
    #[range(exclusive_min = 0.5, exclusive_max = 1.5)]
    ratio: f64,
}

#[test]
fn exclusive_bounds() {
    assert_eq!(
        findings::<Exclusive>(r#"{"count": 10, "ratio": 1.4999}"#),
        [""; 0]
    );
    assert_eq!(
        findings::<Exclusive>(r#"{"count": 0, "ratio": 1.5}"#),
        [
            "1:11: /count: must be greater than 0, found 0 (exclusiveMinimum)",
            "1:23: /ratio: must be less than 1.5, found 1.5 (exclusiveMaximum)",
        ]
    );
    assert_eq!(
        findings::<Exclusive>(r#"{"count": 11, "ratio": 0.5}"#),
        [
            "1:11: /count: must be at most 10, found 11 (maximum)",
            "1:24: /ratio: must be greater than 0.5, found 0.5 (exclusiveMinimum)",
        ]
    );
    let count = property::<Exclusive>("count");
    assert_eq!(count["exclusiveMinimum"], 0);
    assert_eq!(count["maximum"], 10);
    let ratio = property::<Exclusive>("ratio");
    assert_eq!(ratio["exclusiveMinimum"], 0.5);
    assert_eq!(ratio["exclusiveMaximum"], 1.5);
    let docs = Exclusive::markdown_reference();
    for line in [
        "Exclusive Minimum: 0",
        "Maximum: 10",
        "Exclusive Minimum: 0.5",
        "Exclusive Maximum: 1.5",
    ] {
        assert!(docs.contains(line), "{line} in {docs}");
    }
}

#[derive(serde::Deserialize, Validate)]
struct Worded {
    #[pattern("^[a-z]+$", message = "lowercase letters only")]
    name: String,
    #[len(min = 1, message = "name at least one tag")]
    tags: Vec<String>,
    #[len(3, message = "three letters")]
    code: String,
    #[range(min = 1, max = 65535, message = "a port number")]
    port: u32,
    #[constant("v1", message = "only version v1 exists")]
    version: String,
    #[content_media_type("application/json", message = "a JSON document")]
    policy: String,
}

#[test]
fn a_rule_s_message_replaces_its_words_and_keeps_its_keyword() {
    let valid = r#"{"name": "a", "tags": ["x"], "code": "abc", "port": 1, "version": "v1", "policy": "{}"}"#;
    assert_eq!(findings::<Worded>(valid), [""; 0]);
    let invalid =
        r#"{"name": "A", "tags": [], "code": "ab", "port": 0, "version": "v2", "policy": "{"}"#;
    assert_eq!(
        findings::<Worded>(invalid),
        [
            "1:10: /name: lowercase letters only (pattern)",
            "1:23: /tags: name at least one tag (minItems)",
            "1:35: /code: three letters (minLength)",
            "1:49: /port: a port number (minimum)",
            "1:63: /version: only version v1 exists (const)",
            "1:79: /policy: a JSON document (contentMediaType)",
        ]
    );
    // The finding keeps its data: what was expected, as without the message.
    let errors = serde_json::from_str::<Worded>(invalid)
        .unwrap()
        .validate()
        .unwrap_err();
    let port = errors.iter().find(|e| e.pointer() == "/port").unwrap();
    assert_eq!(port.keyword(), Keyword::Minimum);
    assert!(matches!(port.detail(), ecr_config::Detail::Range { .. }));
    // The schema states the rule, not the words.
    assert_eq!(property::<Worded>("name")["pattern"], "^[a-z]+$");
    assert_eq!(property::<Worded>("port")["minimum"], 1);
}

#[derive(serde::Deserialize, Validate)]
struct Labels {
    #[len(min = 1, max = 2)]
    labels: BTreeMap<String, String>,
}

#[test]
fn len_on_a_map_counts_its_properties() {
    assert_eq!(
        findings::<Labels>(r#"{"labels": {}}"#),
        ["1:12: /labels: expected between 1 and 2 properties, found 0 (minProperties)"]
    );
    assert_eq!(
        findings::<Labels>(r#"{"labels": {"a": "1", "b": "2", "c": "3"}}"#),
        ["1:12: /labels: expected between 1 and 2 properties, found 3 (maxProperties)"]
    );
    assert_eq!(findings::<Labels>(r#"{"labels": {"a": "1"}}"#), [""; 0]);
    let labels = property::<Labels>("labels");
    assert_eq!(labels["minProperties"], 1);
    assert_eq!(labels["maxProperties"], 2);
    let docs = Labels::markdown_reference();
    assert!(docs.contains("Minimal Properties: 1"), "{docs}");
}

#[derive(serde::Deserialize, Validate)]
struct FreeForm {
    annotations: BTreeMap<String, Value>,
    extra: Option<Value>,
}

#[test]
fn a_json_value_field_takes_any_value() {
    let text = r#"{"annotations": {"a": [1, {"b": null}], "c": "d"}, "extra": 1.5}"#;
    assert_eq!(findings::<FreeForm>(text), [""; 0]);
    assert_eq!(
        findings::<FreeForm>(r#"{"annotations": []}"#),
        ["1:17: /annotations: expected an object, found an array (type)"]
    );
    let annotations = property::<FreeForm>("annotations");
    assert_eq!(annotations["type"], "object");
    assert_eq!(annotations["additionalProperties"], json!({}));
}

#[derive(serde::Deserialize, Validate)]
struct Steps {
    #[multiple_of(0.0001)]
    price: f64,
    #[multiple_of(5)]
    minutes: u32,
    #[multiple_of(1.5, message = "whole or half steps of 1.5")]
    size: Option<f64>,
}

#[test]
fn multiple_of_divides_in_decimal() {
    // 0.0075 / 0.0001 is 74.99999999999999 in binary floating point: still a multiple.
    assert_eq!(
        findings::<Steps>(r#"{"price": 0.0075, "minutes": 0, "size": 4.5}"#),
        [""; 0]
    );
    assert_eq!(
        findings::<Steps>(r#"{"price": 75e-4, "minutes": 1e1}"#).len(),
        1,
        "1e1 is no u32"
    );
    assert_eq!(
        findings::<Steps>(r#"{"price": 0.00751, "minutes": 12, "size": 35}"#),
        [
            "1:11: /price: must be a multiple of 0.0001, found 0.00751 (multipleOf)",
            "1:31: /minutes: must be a multiple of 5, found 12 (multipleOf)",
            "1:43: /size: whole or half steps of 1.5 (multipleOf)",
        ]
    );
    assert_eq!(property::<Steps>("price")["multipleOf"], 0.0001);
    assert_eq!(property::<Steps>("minutes")["multipleOf"], 5);
    let docs = Steps::markdown_reference();
    assert!(docs.contains("Multiple Of: 0.0001"), "{docs}");
    assert!(docs.contains("Multiple Of: 5"), "{docs}");
    // Huge and tiny numbers are judged exactly, without overflow.
    let text = r#"{"price": 1e308, "minutes": 5, "size": 1.5e-300}"#;
    assert_eq!(
        findings::<Steps>(text),
        ["1:40: /size: whole or half steps of 1.5 (multipleOf)"]
    );
}

fn default_port() -> u16 {
    443
}

fn default_token() -> ecr_config::Secret<String> {
    String::from("hunter2").into()
}

/// Not `Serialize`: its default cannot be stated.
#[derive(Default, serde::Deserialize)]
struct Opaque;

impl Validate for Opaque {
    fn validate_into(&self, _: &ecr_config::FieldPath<'_>, _: &mut ecr_config::ValidationErrors) {}
}

#[derive(serde::Deserialize, Validate)]
struct Defaults {
    #[serde(default = "default_port")]
    #[range(min = 1)]
    port: u16,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    opaque: Opaque,
    #[serde(default = "default_token")]
    token: ecr_config::Secret<String>,
    plain: Option<String>,
}

#[derive(serde::Deserialize, Validate)]
#[serde(default)]
struct Tuning {
    retries: u8,
    region: String,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            retries: 3,
            region: "us-east-1".into(),
        }
    }
}

#[test]
fn serde_defaults_are_in_the_schema_and_the_docs() {
    assert_eq!(property::<Defaults>("port")["default"], 443);
    assert_eq!(property::<Defaults>("tags")["default"], json!([]));
    assert_eq!(
        property::<Defaults>("opaque").get("default"),
        None,
        "not Serialize"
    );
    // A default is printed whole: never one that may hold a secret.
    assert_eq!(property::<Defaults>("token").get("default"), None);
    assert_eq!(property::<Defaults>("plain").get("default"), None);
    assert_eq!(property::<Tuning>("retries")["default"], 3);
    assert_eq!(property::<Tuning>("region")["default"], "us-east-1");
    let docs = Defaults::markdown_reference();
    assert!(docs.contains("Default: 443"), "{docs}");
    assert!(docs.contains("Default: `[]`"), "{docs}");
    assert_eq!(docs.matches("Default:").count(), 2, "{docs}");
    assert!(!docs.contains("hunter2") && !Defaults::json_schema().to_string().contains("hunter2"));
    let docs = Tuning::markdown_reference();
    assert!(
        docs.contains("Default: 3") && docs.contains("Default: \"us-east-1\""),
        "{docs}"
    );
    // The parser reads a missing property as serde does.
    assert_eq!(findings::<Defaults>("{}"), [""; 0]);
    assert_eq!(findings::<Tuning>("{}"), [""; 0]);
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Login {
    user_name: Option<String>,
    password: Option<String>,
    #[requires(user_name, password)]
    mfa_token: Option<String>,
    #[requires(region, message = "a role needs its region")]
    role_arn: Option<String>,
    region: String,
}

#[test]
fn requires_is_dependent_required() {
    assert_eq!(findings::<Login>(r#"{"region": "x"}"#), [""; 0]);
    let text =
        r#"{"userName": "u", "password": "p", "mfaToken": "1", "roleArn": "r", "region": "x"}"#;
    assert_eq!(findings::<Login>(text), [""; 0]);
    assert_eq!(
        findings::<Login>(r#"{"mfaToken": "1", "region": "x"}"#),
        [
            "1:2: /mfaToken: requires \"userName\", which is missing (dependentRequired)",
            "1:2: /mfaToken: requires \"password\", which is missing (dependentRequired)",
        ]
    );
    // A required property missing is that property's finding, not the rule's again.
    assert_eq!(
        parsed::<Login>(r#"{"roleArn": "r"}"#),
        ["1:1: /region: required property is missing (required)"]
    );
    assert_eq!(
        compile_time::<Login>(r#"{"roleArn": "r"}"#),
        parsed::<Login>(r#"{"roleArn": "r"}"#)
    );
    let schema = Login::json_schema();
    assert_eq!(
        schema["dependentRequired"],
        json!({"mfaToken": ["userName", "password"], "roleArn": ["region"]})
    );
    let docs = Login::markdown_reference();
    assert!(docs.contains("Requires: `userName`, `password`"), "{docs}");
}

#[derive(serde::Deserialize, Validate)]
struct Narrow {
    #[multiple_of(0.1)]
    step: f32,
    #[range(max = 0.1)]
    ceiling: Option<f32>,
}

#[test]
fn an_f32_is_judged_as_the_decimal_it_was_written_as() {
    // 0.3 read into an `f32` is 0.300000011920928955078125: widened to `f64` as is, it would
    // be no multiple of 0.1, and `validate` would contradict the text.
    assert_eq!(
        findings::<Narrow>(r#"{"step": 0.3, "ceiling": 0.1}"#),
        [""; 0]
    );
    let narrow = Narrow {
        step: 0.7,
        ceiling: Some(0.1),
    };
    assert_eq!(narrow.validate(), Ok(()));
    assert_eq!(
        findings::<Narrow>(r#"{"step": 0.35, "ceiling": 0.11}"#),
        [
            "1:10: /step: must be a multiple of 0.1, found 0.35 (multipleOf)",
            "1:27: /ceiling: must be at most 0.1, found 0.11 (maximum)",
        ]
    );
}

#[derive(serde::Deserialize, Validate)]
struct Formatted {
    #[format("date-time")]
    created: String,
    #[format("email", message = "an address to write to")]
    owner: Option<String>,
    #[format("uri")]
    #[len(max = 40)]
    endpoint: String,
    #[format("uuid")]
    token: ecr_config::Secret<String>,
}

#[test]
fn format_is_asserted() {
    let valid = r#"{"created": "2024-05-01T09:30:00Z", "owner": "ops@example.com",
        "endpoint": "https://example.com", "token": "123e4567-e89b-12d3-a456-426614174000"}"#;
    assert_eq!(findings::<Formatted>(valid), [""; 0]);
    let invalid = r#"{"created": "2024-02-30T09:30:00Z", "owner": "ops",
        "endpoint": "example.com/a-path-that-is-far-too-long-for-it", "token": "hunter2"}"#;
    let found = findings::<Formatted>(invalid);
    assert_eq!(
        found,
        [
            "1:13: /created: must be a date and time (format \"date-time\", RFC 3339 date-time), such as 2024-05-01T09:30:00Z (format)",
            "1:46: /owner: an address to write to (format)",
            "2:21: /endpoint: expected at most 40 characters, found 46 (maxLength)",
            "2:21: /endpoint: must be a URI with a scheme (format \"uri\", RFC 3986 URI), such as https://example.com/path (format)",
            "2:80: /token: must be a UUID (format \"uuid\", RFC 4122), such as 123e4567-e89b-12d3-a456-426614174000 (format)",
        ]
    );
    assert!(found.iter().all(|line| !line.contains("hunter2")));
    let created = property::<Formatted>("created");
    assert_eq!(created["format"], "date-time");
    assert_eq!(property::<Formatted>("token")["format"], "uuid");
    let docs = Formatted::markdown_reference();
    assert!(
        docs.contains("Format: `date-time` (RFC 3339 date-time, such as `2024-05-01T09:30:00Z`)"),
        "{docs}"
    );
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
struct Mirror {
    url: String,
    weight: f64,
}

#[derive(serde::Deserialize, Validate)]
struct Distinct {
    #[unique]
    tags: Vec<String>,
    #[unique(message = "list each mirror once")]
    mirrors: Option<Vec<Mirror>>,
    #[unique]
    labels: Vec<Value>,
    #[unique]
    #[len(max = 3)]
    tokens: Vec<ecr_config::Secret<String>>,
}

#[test]
fn unique_items_are_equal_as_json() {
    let valid = r#"{"tags": ["a", "b"], "mirrors": [{"url": "x", "weight": 1}, {"url": "x", "weight": 2}],
        "labels": [1, "1", [1], {"a": 1}], "tokens": ["s1", "s2"]}"#;
    assert_eq!(findings::<Distinct>(valid), [""; 0]);
    let invalid = r#"{"tags": ["a", "b", "a", "a"],
        "mirrors": [{"url": "x", "weight": 1}, {"weight": 1.0, "url": "x"}],
        "labels": [1, {"a": [1, 2]}, 1.0, {"a": [1.0, 2e0]}], "tokens": ["hunter2", "hunter2"]}"#;
    let found = findings::<Distinct>(invalid);
    assert_eq!(
        found,
        [
            "1:21: /tags/2: must be unique; equals item 0 (uniqueItems)",
            "1:26: /tags/3: must be unique; equals item 0 (uniqueItems)",
            "2:48: /mirrors/1: list each mirror once (uniqueItems)",
            "3:38: /labels/2: must be unique; equals item 0 (uniqueItems)",
            "3:43: /labels/3: must be unique; equals item 1 (uniqueItems)",
            "3:85: /tokens/1: must be unique; equals item 0 (uniqueItems)",
        ]
    );
    assert!(found.iter().all(|line| !line.contains("hunter2")));
    assert_eq!(property::<Distinct>("tags")["uniqueItems"], true);
    let docs = Distinct::markdown_reference();
    assert!(docs.contains("Unique Items: yes"), "{docs}");
}

#[derive(serde::Deserialize, Validate)]
struct Items {
    #[each(len(max = 4), pattern("^v[0-9]+$"))]
    #[len(max = 3)]
    tag_prefixes: Vec<String>,
    #[each(range(min = 1, max = 10), multiple_of(2))]
    weights: Option<Vec<u32>>,
    #[each(format("hostname", message = "a host name"))]
    hosts: BTreeMap<String, String>,
    #[each(len(min = 1))]
    tokens: Vec<ecr_config::Secret<String>>,
}

#[test]
fn each_applies_the_rules_to_every_item() {
    let valid = r#"{"tag_prefixes": ["v1", "v22"], "weights": [2, 10], "hosts": {"a": "x.example"},
        "tokens": ["s"]}"#;
    assert_eq!(findings::<Items>(valid), [""; 0]);
    let invalid = r#"{"tag_prefixes": ["v1", "x", "v12345", "v2"], "weights": [0, 3, 4],
        "hosts": {"a": "x_y", "b": "ok"}, "tokens": ["hunter2", ""]}"#;
    let found = findings::<Items>(invalid);
    assert_eq!(
        found,
        [
            "1:18: /tag_prefixes: expected at most 3 items, found 4 (maxItems)",
            "1:25: /tag_prefixes/1: must match ^v[0-9]+$ (pattern)",
            "1:30: /tag_prefixes/2: expected at most 4 characters, found 6 (maxLength)",
            "1:59: /weights/0: must be at least 1, found 0 (minimum)",
            "1:62: /weights/1: must be a multiple of 2, found 3 (multipleOf)",
            "2:24: /hosts/a: a host name (format)",
            "2:65: /tokens/1: expected at least 1 character, found 0 (minLength)",
        ]
    );
    assert!(found.iter().all(|line| !line.contains("hunter2")));
    let tags = property::<Items>("tag_prefixes");
    assert_eq!(tags["items"]["maxLength"], 4);
    assert_eq!(tags["items"]["pattern"], "^v[0-9]+$");
    assert_eq!(tags["maxItems"], 3);
    assert_eq!(property::<Items>("weights")["items"]["multipleOf"], 2);
    assert_eq!(
        property::<Items>("hosts")["additionalProperties"]["format"],
        "hostname"
    );
    let docs = Items::markdown_reference();
    for line in [
        "Each item: Maximal Length: 4",
        "Each item: Pattern: `^v[0-9]+$`",
        "Each value: Format: `hostname`",
    ] {
        assert!(docs.contains(line), "{line} in {docs}");
    }
}

#[derive(serde::Deserialize, Validate)]
struct Labelled {
    #[keys(len(max = 5), pattern("^[a-z]+$"))]
    labels: BTreeMap<String, String>,
    #[keys(format("hostname", message = "host names only"))]
    #[each(len(min = 1))]
    mirrors: Option<std::collections::HashMap<String, String>>,
}

#[test]
fn keys_applies_the_rules_to_every_key() {
    let valid = r#"{"labels": {"team": "a", "env": "b"}, "mirrors": {"x.example": "y"}}"#;
    assert_eq!(findings::<Labelled>(valid), [""; 0]);
    let invalid = r#"{"labels": {"Team": "a", "environment": "b"},
        "mirrors": {"x_y": "", "ok.example": "z"}}"#;
    assert_eq!(
        findings::<Labelled>(invalid),
        [
            "1:13: /labels/Team: key must match ^[a-z]+$ (propertyNames)",
            "1:26: /labels/environment: key expected at most 5 characters, found 11 (propertyNames)",
            "2:21: /mirrors/x_y: host names only (propertyNames)",
            "2:28: /mirrors/x_y: expected at least 1 character, found 0 (minLength)",
        ]
    );
    let labels = property::<Labelled>("labels");
    assert_eq!(labels["propertyNames"]["maxLength"], 5);
    assert_eq!(labels["propertyNames"]["pattern"], "^[a-z]+$");
    let mirrors = property::<Labelled>("mirrors");
    assert_eq!(mirrors["propertyNames"]["format"], "hostname");
    assert_eq!(mirrors["additionalProperties"]["minLength"], 1);
    let docs = Labelled::markdown_reference();
    assert!(docs.contains("Each key: Pattern: `^[a-z]+$`"), "{docs}");
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
struct Point {
    x: u32,
    #[serde(default)]
    z: u32,
}

#[derive(serde::Deserialize, Validate)]
struct Points {
    #[unique]
    points: Vec<Point>,
    n: Option<u32>,
}

/// `#[unique]` in a report is about the document: two items that differ in the text but not
/// as Rust values (`z` defaulted) are not repeats, on the fast path (the document is valid
/// otherwise) as on the slow one (a type error elsewhere); `validate` judges the values.
#[test]
fn unique_in_a_report_is_about_the_document() {
    let items = r#"[{"x": 1}, {"x": 1, "z": 0}]"#;
    for doc in [
        format!(r#"{{"points": {items}}}"#),
        format!(r#"{{"points": {items}, "n": "bad"}}"#),
    ] {
        assert!(
            parsed::<Points>(&doc)
                .iter()
                .all(|line| !line.contains("uniqueItems")),
            "{doc}: {:?}",
            parsed::<Points>(&doc)
        );
        assert_eq!(
            compile_time::<Points>(&doc),
            parsed::<Points>(&doc),
            "{doc}"
        );
    }
    let value: Points = serde_json::from_str(&format!(r#"{{"points": {items}}}"#)).expect("JSON");
    let errors = value.validate().expect_err("equal values");
    assert_eq!(
        errors
            .iter()
            .next()
            .map(ecr_config::ValidationError::pointer),
        Some("/points/1")
    );
}
