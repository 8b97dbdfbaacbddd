//! The compile-time checker (`include_config!`, `checked!`) against the runtime parser: both
//! must find the same problems, worded the same, at the same lines and columns. The checker
//! is a `const fn`, so it runs here at run time on documents the runtime parser also reads.

// The differential test's document generators, reused: the same 100,000-document mix of
// valid documents, removed properties, wrong types, unknown and duplicate keys, strings at
// every bound, enum case changes, integers spelt `1.0`, … (see `differential.rs`).
#[allow(
    dead_code,
    unreachable_pub,
    reason = "shared with `differential.rs`, which uses all of it"
)]
#[path = "differential/doc.rs"]
mod doc;
#[allow(dead_code, unreachable_pub, reason = "shared with `differential.rs`")]
#[path = "differential/docker.rs"]
mod docker;
#[allow(dead_code, unreachable_pub, reason = "shared with `differential.rs`")]
#[path = "differential/ecr.rs"]
mod ecr;
#[allow(dead_code, unreachable_pub, reason = "shared with `differential.rs`")]
#[path = "differential/mutate.rs"]
mod mutate;
#[allow(dead_code, unreachable_pub, reason = "shared with the example program")]
#[path = "../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;
#[allow(dead_code, unreachable_pub, reason = "shared with `differential.rs`")]
#[path = "differential/strings.rs"]
mod strings;

use ecr_config::__private::compile_time::{self, Names, Report};
use ecr_config::__private::const_document;
use ecr_config::Validate;
use ecr_config::ecr::EcrConfig;
use fastrand::Rng;
use serde::de::DeserializeOwned;

use doc::{Doc, Style};
use schema::RegistryCredential;

/// The runtime's findings, `LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`, sorted; duplicate keys
/// are left to the macro, which reports them itself and keeps the first occurrence.
fn runtime<T: DeserializeOwned + Validate>(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = match ecr_config::from_json_str::<T>(text) {
        Ok(_) => Vec::new(),
        Err(report) => doc::first_occurrences(text, &report)
            .into_iter()
            .map(ToString::to_string)
            .collect(),
    };
    lines.sort();
    lines
}

/// The compile-time checker's findings on the same text, sorted.
fn compile_time<T: Validate>(text: &str) -> Vec<String> {
    let document = const_document(text).expect("well-formed JSON");
    let mut report = Report::new("", Names::Serialized);
    compile_time::check(T::__CONST_SHAPE, document, &mut report);
    assert_eq!(report.omitted(), 0);
    let mut lines: Vec<String> = report.findings().map(str::to_owned).collect();
    lines.sort();
    lines
}

fn assert_agree<T: DeserializeOwned + Validate>(text: &str) -> usize {
    let runtime = runtime::<T>(text);
    assert_eq!(compile_time::<T>(text), runtime, "on {text}");
    runtime.len()
}

#[test]
fn the_examples_agree() {
    let valid = include_str!("../../ecr-config/examples/ecr.json");
    assert_eq!(assert_agree::<EcrConfig>(valid), 0);
    let invalid = include_str!("../../ecr-config/examples/ecr-invalid.json");
    assert!(assert_agree::<EcrConfig>(invalid) >= 5);
    let seed = include_str!("../../ecr-config/examples/seed-example.json");
    assert_eq!(assert_agree::<EcrConfig>(seed), 2);
}

#[test]
fn structure_problems_agree() {
    for text in [
        r#"{"ci": "x", "setup": []}"#,
        r#"{"ci": {"region": "US-EAST-1", "access_key": 5, "secret_key": null}, "setup": {}}"#,
        r#"{"ci": {}, "setup": {"regoin": "us-east-1", "role_arn": "arn"}, "extra": 1}"#,
        r#"{"ci": {}, "setup": {}, "repository_provider": "AWS-ECR"}"#,
        "\u{feff}{\n\t\"ci\": {},\n  \"sétup\": {}\n}",
        "[]",
        r#"{"ci": {}, "ci": 5, "setup": {"policy": "{\"a\": }"}}"#,
    ] {
        assert!(assert_agree::<EcrConfig>(text) > 0, "{text}");
    }
}

// The same checker in `const` evaluation: `{}` misses `ci` and `setup`.
const _: () = {
    let empty = compile_time::Node {
        line: 1,
        column: 1,
        value: compile_time::Json::Object(&[]),
    };
    let mut report = Report::new("", Names::Serialized);
    compile_time::check(EcrConfig::__CONST_SHAPE, &empty, &mut report);
    assert!(report.count() == 2);
};

/// Numbers at the edges of what serde reads: floats beyond `f64`, integers spelt as floats,
/// `-0`, integers beyond `i128`, and the bounds of a `#[range]` with a fractional bound.
#[test]
fn numbers_agree() {
    #[derive(serde::Deserialize, Validate)]
    #[allow(dead_code, reason = "only read")]
    struct Numbers {
        ratio: f64,
        #[range(min = 0.5, max = 2)]
        scale: Option<f32>,
        count: u8,
        #[range(min = -3)]
        offset: Option<i64>,
    }

    let mut invalid = 0;
    for (ratio, scale, count, offset) in [
        ("1", "1", "1", "1"),
        ("1e400", "2.5", "256", "-4"),
        ("-1e400", "0.49", "-1", "-1e2"),
        ("1e-400", "1e0", "1.0", "-0"),
        (
            "0.5",
            "5e-1",
            "-0",
            "-170141183460469231731687303715884105729",
        ),
        ("1e308", "2", "1e2", "-3.0"),
    ] {
        let text = format!(
            r#"{{"ratio": {ratio}, "scale": {scale}, "count": {count}, "offset": {offset}}}"#
        );
        invalid += usize::from(assert_agree::<Numbers>(&text) > 0);
    }
    assert_eq!(invalid, 5);
}

/// Generated documents, read both ways; a disagreement is shrunk to a minimal document.
fn agree_on_generated<T: DeserializeOwned + Validate>(
    documents: usize,
    seed: u64,
    generate: fn(&mut Rng) -> Doc,
) -> (usize, usize) {
    let mut rng = Rng::with_seed(seed);
    let (mut invalid, mut findings) = (0, 0);
    let differs = |doc: &Doc, style: Style| {
        let text = doc.text(style);
        runtime::<T>(&text) != compile_time::<T>(&text)
    };
    for index in 0..documents {
        let doc = generate(&mut rng);
        let style = Style::random(&mut rng);
        if differs(&doc, style) {
            let minimal = doc::shrink(doc, |doc| differs(doc, style));
            let text = minimal.text(style);
            panic!(
                "document {index} of seed {seed}: the runtime and the compile-time checker \
                 disagree on\n{text}\nruntime:\n{:#?}\ncompile time:\n{:#?}",
                runtime::<T>(&text),
                compile_time::<T>(&text),
            );
        }
        let found = runtime::<T>(&doc.text(style)).len();
        invalid += usize::from(found > 0);
        findings += found;
    }
    (invalid, findings)
}

#[test]
fn generated_ecr_documents_agree() {
    let (invalid, findings) = agree_on_generated::<EcrConfig>(20_000, 0x0ec2, ecr::document);
    // Mostly invalid documents, with many findings: the comparison is not vacuous.
    assert!(invalid > 8_000 && findings > 12_000, "{invalid} {findings}");
}

#[test]
fn generated_registry_documents_agree() {
    let (invalid, findings) =
        agree_on_generated::<RegistryCredential>(10_000, 0xd0c2, docker::document);
    assert!(invalid > 4_000 && findings > 6_000, "{invalid} {findings}");
}

/// A report too long for its buffer is cut at a character boundary and says how many
/// findings it left out: the compile error stays readable.
#[test]
fn a_report_that_overflows_stays_readable() {
    let key = "é".repeat(100);
    let members: Vec<String> = (0..300).map(|i| format!(r#""{key}{i}": 1"#)).collect();
    let text = format!(r#"{{"ci": {{}}, "setup": {{}}, {}}}"#, members.join(", "));
    let document = const_document(&text).expect("well-formed JSON");
    let verdict = compile_time::verdict(
        EcrConfig::__CONST_SHAPE,
        document,
        "`big.json`",
        "big.json:",
        Names::Serialized,
    );
    let message = verdict.as_str();
    assert!(
        message.starts_with("`big.json` breaks constraints:\nbig.json:1:"),
        "{message}"
    );
    assert!(message.contains(r#"unknown property "éé"#), "{message}");
    let omitted: usize = message
        .rsplit_once("… and ")
        .and_then(|(_, rest)| rest.strip_suffix(" more"))
        .and_then(|n| n.parse().ok())
        .expect("the count of findings left out");
    assert!(omitted > 250, "{omitted}");

    // One finding longer than the buffer, cut inside it whatever the parity of the cut.
    for key in ["é".repeat(4000), format!("x{}", "é".repeat(4000))] {
        let text = format!(r#"{{"ci": {{}}, "setup": {{}}, "{key}": 1}}"#);
        let document = const_document(&text).expect("well-formed JSON");
        let mut report = Report::new("big.json:", Names::Serialized);
        compile_time::check(EcrConfig::__CONST_SHAPE, document, &mut report);
        let findings = report.as_str();
        assert!(findings.len() > 6_000, "{}", findings.len());
        assert!(findings.starts_with("big.json:1:25: /"), "{findings}");
        assert_eq!(
            report.omitted(),
            5,
            "the required properties of ci and setup"
        );
    }
}

/// In a Rust literal, `None` in a list is an absent optional value; in JSON, `null` is a
/// value of the wrong type.
#[test]
fn none_in_a_rust_list_is_not_null() {
    #[derive(Validate)]
    #[allow(dead_code, reason = "only the shape is used")]
    struct Slots {
        slots: Vec<Option<u8>>,
    }

    const NULL: compile_time::Node = compile_time::Node {
        line: 1,
        column: 12,
        value: compile_time::Json::Null,
    };
    let document = compile_time::Node {
        line: 1,
        column: 1,
        value: compile_time::Json::Object(&[compile_time::Member {
            key: "slots",
            line: 1,
            column: 3,
            value: compile_time::Node {
                line: 1,
                column: 10,
                value: compile_time::Json::Array(&[NULL]),
            },
        }]),
    };
    let mut literal = Report::new("", Names::Rust);
    compile_time::check(Slots::__CONST_SHAPE, &document, &mut literal);
    assert!(literal.is_empty(), "{}", literal.as_str());
    let mut json = Report::new("", Names::Serialized);
    compile_time::check(Slots::__CONST_SHAPE, &document, &mut json);
    assert_eq!(
        json.as_str(),
        "1:12: /slots/0: expected an integer, found null (type)"
    );
}
