//! The differential test (issue 4): our parser, `ecr_config::from_json_str::<T>`, against an
//! independent validator, the `jsonschema` crate, running the JSON Schema (draft 2020-12) that
//! `T::json_schema()` generates from the same declarations.
//!
//! Seeded generators write documents around the ECR schema (`differential/ecr.rs`) and the
//! example provider's (`differential/docker.rs`): valid ones, then properties removed, values
//! of every wrong type at every position, unknown and near-miss keys, duplicate members,
//! strings at and beside every length bound in characters of every UTF-8 width, strings from a
//! pattern's alphabet and just outside it, enum values in another case, the constant changed,
//! integers spelt every way JSON allows. Each is written as JSON text in one of several styles
//! (indented or not, `\u` escapes or raw UTF-8). For each, the set of `(pointer, keyword)` we
//! report must equal jsonschema's, its `required` moved to the missing property's pointer and
//! its `additionalProperties` to each unknown property's, once the differences below are
//! applied. A disagreement is shrunk to a minimal document, printed with both sets and the
//! seed; `ECR_DIFF_SEED=<n>` runs another seed. A default run compares 100,000 documents; the
//! larger run compares a million:
//!
//! ```sh
//! cargo test --release -p ecr-config-tests --test differential -- --ignored
//! ```
//!
//! # What we report that plain JSON Schema does not assert
//!
//! Dropped from our side, and nothing else is:
//! - `duplicateKey`: RFC 8259 §4 leaves duplicate names to the parser, and a JSON Schema
//!   validator only sees the object a parser built. We report the duplicate and check every
//!   occurrence; the instance jsonschema gets keeps the first occurrence (a
//!   `serde_json::Value` would keep the last), so our findings inside later occurrences are
//!   set aside too (`doc::first_occurrences`).
//! - `contentMediaType`: in draft 2020-12 an annotation of the content vocabulary
//!   (Validation §8), which validators do not assert; we check that the string is a JSON
//!   text.
//!
//! Our pointers mask a key the document chose that spells one of its secrets (`{"ci":
//! {"secret_key": "~"}, "~": 1}` is an unknown property at `/*`): jsonschema's pointers are
//! masked the same way before they are compared (`Oracle::masked_keys`).
//!
//! `syntax`, the third keyword plain JSON Schema has no word for, is not dropped: every
//! generated document is well-formed JSON, so a `syntax` finding would be a disagreement.
//!
//! # Where the answers differ by design
//!
//! Applied to jsonschema's side, each exactly where it applies (`differential/compare.rs`):
//! - **One finding per value of the wrong type.** JSON Schema evaluates every keyword of a
//!   subschema, and `enum` and `const` apply to values of any type, `minimum` and `maximum` to
//!   any number: `"region": 5` fails `type` and `enum`, `"port": 0.5` fails `type` and
//!   `minimum`. We report `type` alone, as we do for an object or a string of the wrong type
//!   (where JSON Schema's other keywords do not apply). So where jsonschema reports `type` at
//!   a pointer, its `enum`, `const`, `minimum` and `maximum` at that pointer are dropped.
//! - **Integers spelt `1.0`, `1e2` or `-0`.** JSON Schema's `integer` is any number whose
//!   fractional part is zero (Core, "Instance Data Model"); serde reads none of these into
//!   a Rust integer (it reads `-0` as the float `-0.0`), so no value could be built and we
//!   report `type`. Where such a number stands in an integer property, jsonschema's `minimum`
//!   and `maximum` there are replaced by `type`. Pinned in
//!   `integers_spelt_as_floats_are_type_findings_where_json_schema_sees_integers`.
//!
//! # Where jsonschema departs from ECMA-262 or the spec
//!
//! Neither schema's patterns meet these, so the main loop cannot; each is pinned below.
//! - **`\b` and `\B` are Unicode-aware** in jsonschema (its translation to Rust's regex
//!   dialect rewrites `\d`, `\w`, `\s` and `.` but leaves the word boundaries Unicode), while
//!   ECMA-262's word characters are `[A-Za-z0-9_]` (`WordCharacters`, more only with both
//!   the `i` and `u` flags): `\bfoo\b` matches `"éfooé"` in ECMA-262 and in our matcher, not
//!   in jsonschema.
//! - **Lone surrogate escapes** (`"\ud800"`): ECMA-262's `JSON.parse` accepts them, RFC 8259
//!   §8.2 calls the result unpredictable, `serde_json` rejects them, so there is no instance
//!   to give jsonschema and we report `syntax`. Not generated.
//!
//! Where jsonschema agrees with ECMA-262 although Rust's regex dialect does not (`\d`, `\w`,
//! `\s`, `.`, `$` before a final newline, lengths in code points), a unit test pins that too.

#[path = "differential/compare.rs"]
mod compare;
#[path = "differential/doc.rs"]
mod doc;
#[path = "differential/docker.rs"]
mod docker;
#[path = "differential/ecr.rs"]
mod ecr;
#[path = "differential/mutate.rs"]
mod mutate;
// Shared with the example program, where its items are used from `main`.
#[allow(unreachable_pub)]
#[path = "../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;
#[path = "differential/strings.rs"]
mod strings;

use ecr_config::ecr::EcrConfig;
use ecr_config::{Keyword, Validate};
use fastrand::Rng;
use serde::de::DeserializeOwned;
use serde_json::json;

use compare::{Findings, Oracle, Tally};
use doc::{Doc, Style};
use schema::RegistryCredential;

/// Documents per default run: 100,000 in all.
const ECR_DOCUMENTS: usize = 70_000;
const REGISTRY_DOCUMENTS: usize = 30_000;

/// The seed, unless `ECR_DIFF_SEED` gives another (decimal, or hexadecimal after `0x`).
fn seed(default: u64) -> u64 {
    let Ok(text) = std::env::var("ECR_DIFF_SEED") else {
        return default;
    };
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    parsed.unwrap_or_else(|_| panic!("ECR_DIFF_SEED={text:?} is not a u64"))
}

/// Compares `documents` generated documents; on a disagreement, panics with the smallest
/// document that still disagrees.
fn run<T: DeserializeOwned + Validate>(
    documents: usize,
    seed: u64,
    generate: fn(&mut Rng) -> Doc,
) -> Tally {
    let oracle = Oracle::<T>::new();
    let mut rng = Rng::with_seed(seed);
    let mut tally = Tally::default();
    for index in 0..documents {
        let doc = generate(&mut rng);
        let style = Style::random(&mut rng);
        let comparison = oracle.compare(&doc, style);
        if !comparison.agrees() {
            let minimal = doc::shrink(doc, |doc| !oracle.compare(doc, style).agrees());
            let small = oracle.compare(&minimal, style);
            panic!(
                "ecr-config and jsonschema disagree on document {index} of seed {seed} \
                 (ECR_DIFF_SEED={seed} replays it). Minimal document:\n{}\n{}\n\
                 Original document:\n{}\n{}",
                small.text,
                small.explain(),
                comparison.text,
                comparison.explain(),
            );
        }
        tally.add(&comparison);
    }
    println!("{tally:#?}");
    tally
}

/// Every keyword of the ECR schema was exercised, valid documents were common, and so were
/// the documented differences; `scale` multiplies the counts of a default run.
fn assert_ecr_coverage(tally: &Tally, scale: usize) {
    let keywords = [
        "type",
        "required",
        "additionalProperties",
        "enum",
        "const",
        "minLength",
        "maxLength",
        "pattern",
    ];
    tally.assert_covers(&keywords, 1_000 * scale, 0.3);
    assert!(tally.beside_type > 1_000 * scale, "{tally:?}");
    assert!(tally.extras["duplicateKey"] > 3_000 * scale, "{tally:?}");
    assert!(
        tally.extras["contentMediaType"] > 1_000 * scale,
        "{tally:?}"
    );
}

fn assert_registry_coverage(tally: &Tally, scale: usize) {
    let keywords = [
        "type",
        "required",
        "additionalProperties",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "maxItems",
    ];
    tally.assert_covers(&keywords, 500 * scale, 0.3);
    assert!(tally.beside_type > 500 * scale, "{tally:?}");
    assert!(tally.integral > 1_000 * scale, "{tally:?}");
    assert!(tally.extras["duplicateKey"] > 1_000 * scale, "{tally:?}");
}

#[test]
fn ecr_documents_agree_with_jsonschema() {
    let tally = run::<EcrConfig>(ECR_DOCUMENTS, seed(0xEC12_0001), ecr::document);
    assert_ecr_coverage(&tally, 1);
}

#[test]
fn registry_documents_agree_with_jsonschema() {
    let tally = run::<RegistryCredential>(REGISTRY_DOCUMENTS, seed(0xEC12_0002), docker::document);
    assert_registry_coverage(&tally, 1);
}

/// With the one below, the larger run: a million documents.
#[test]
#[ignore = "the larger run, a million documents with its sibling: see the module docs"]
fn ten_times_more_ecr_documents_agree_with_jsonschema() {
    let tally = run::<EcrConfig>(10 * ECR_DOCUMENTS, seed(0xEC12_0003), ecr::document);
    assert_ecr_coverage(&tally, 10);
}

#[test]
#[ignore = "the larger run, a million documents with its sibling: see the module docs"]
fn ten_times_more_registry_documents_agree_with_jsonschema() {
    let tally =
        run::<RegistryCredential>(10 * REGISTRY_DOCUMENTS, seed(0xEC12_0004), docker::document);
    assert_registry_coverage(&tally, 10);
}

#[test]
fn a_schema_one_bound_apart_is_caught_and_shrunk_to_the_property() {
    let mut schema = EcrConfig::json_schema();
    schema["properties"]["ci"]["properties"]["access_key"]["maxLength"] = 21.into();
    let oracle = Oracle::<EcrConfig>::with_schema(schema);
    let mut rng = Rng::with_seed(1);
    let (doc, style) =
        std::iter::repeat_with(|| (ecr::document(&mut rng), Style::random(&mut rng)))
            .take(10_000)
            .find(|(doc, style)| !oracle.compare(doc, *style).agrees())
            .expect("a 21-character access key among 10,000 documents");
    let minimal = doc::shrink(doc, |doc| !oracle.compare(doc, style).agrees());
    let comparison = oracle.compare(&minimal, style);
    let Doc::Obj(root) = &minimal else {
        panic!("{}", comparison.text)
    };
    let Some((_, Doc::Obj(ci))) = root.first() else {
        panic!("{}", comparison.text)
    };
    assert_eq!((root.len(), ci.len()), (1, 1), "{}", comparison.text);
    let only_ours: Vec<_> = comparison.ours.difference(&comparison.expected).collect();
    let maxlength = ("/ci/access_key".to_owned(), "maxLength".to_owned());
    assert_eq!(only_ours, [&maxlength], "{}", comparison.explain());
}

/// Both sides on one document given as a `serde_json::Value`.
fn both<T: DeserializeOwned + Validate>(json: &serde_json::Value) -> (Findings, Findings) {
    let text = json.to_string();
    let theirs = Oracle::<T>::new().theirs(json);
    (compare::ours::<T>(&text).0, theirs)
}

fn set(findings: &[(&str, &str)]) -> Findings {
    findings
        .iter()
        .map(|&(pointer, keyword)| (pointer.to_owned(), keyword.to_owned()))
        .collect()
}

fn credential(port: &str, priority: &str) -> String {
    format!(
        r#"{{"name": "hub", "provider": "quay", "host": "quay.io", "username": "u",
             "password": "12345678", "port": {port},
             "mirrors": [{{"url": "https://m", "priority": {priority}}}]}}"#
    )
}

#[test]
fn integers_spelt_as_floats_are_type_findings_where_json_schema_sees_integers() {
    let oracle = Oracle::<RegistryCredential>::new();
    // (port, priority, jsonschema's findings); ours are `type` at each of the two.
    let cases = [
        ("1.0", "1.0", vec![]),
        ("1e2", "1e1", vec![]),
        ("443.0e0", "-0", vec![]),
        ("-0", "100.0", vec![("/port", "minimum")]),
        (
            "7e4",
            "1e3",
            vec![("/port", "maximum"), ("/mirrors/0/priority", "maximum")],
        ),
    ];
    for (port, priority, theirs) in cases {
        let text = credential(port, priority);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(oracle.theirs(&value), set(&theirs), "{text}");
        let ours = compare::ours::<RegistryCredential>(&text).0;
        let type_at_both = set(&[("/port", "type"), ("/mirrors/0/priority", "type")]);
        assert_eq!(ours, type_at_both, "{text}");
    }
    // Why: serde has no integer for them, `-0` included.
    for text in ["1.0", "1e2", "-0"] {
        serde_json::from_str::<u32>(text).unwrap_err();
    }
    // Written as integers, both agree.
    let text = credential("443", "0");
    let (ours, theirs) = both::<RegistryCredential>(&serde_json::from_str(&text).unwrap());
    assert_eq!((ours.len(), theirs.len()), (0, 0));
}

#[test]
fn minus_zero_in_an_integer_field_is_a_type_finding_at_the_field() {
    // serde_json reads `-0` as the float `-0.0`: the value cannot be built. This used to pass
    // the shape check and fail only in serde, reported as `type` at the root.
    let text = credential("443", "-0");
    let report = ecr_config::from_json_str::<RegistryCredential>(&text).unwrap_err();
    let found: Vec<(&str, Keyword, usize)> = report
        .iter()
        .map(|f| (f.pointer(), f.keyword(), f.column()))
        .collect();
    let column = text.lines().nth(2).unwrap().find("-0").unwrap() + 1;
    assert_eq!(found, [("/mirrors/0/priority", Keyword::Type, column)]);
}

#[test]
fn a_value_of_the_wrong_type_is_one_finding_where_json_schema_adds_enum_const_and_bounds() {
    let (ours, theirs) = both::<EcrConfig>(&json!({
        "ci": { "region": 5, "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s" },
        "setup": { "region": null, "role_arn": "arn:aws:iam::123456789012:role/r" },
        "repository_provider": ["aws-ecr"],
    }));
    let wrong = [
        ("/ci/region", "type"),
        ("/setup/region", "type"),
        ("/repository_provider", "type"),
    ];
    assert_eq!(ours, set(&wrong));
    let beside = [
        ("/ci/region", "enum"),
        ("/setup/region", "enum"),
        ("/repository_provider", "const"),
    ];
    assert_eq!(theirs, set(&[&wrong[..], &beside[..]].concat()));

    let text = credential("0.5", "\"1\"");
    let (ours, theirs) = both::<RegistryCredential>(&serde_json::from_str(&text).unwrap());
    assert_eq!(
        ours,
        set(&[("/port", "type"), ("/mirrors/0/priority", "type")])
    );
    let beside = [
        ("/port", "type"),
        ("/port", "minimum"),
        ("/mirrors/0/priority", "type"),
    ];
    assert_eq!(theirs, set(&beside));
}

#[test]
fn duplicate_keys_and_media_types_are_ours_alone() {
    let text = r#"{
        "ci": { "region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s",
                "region": "nowhere" },
        "setup": { "region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/r",
                   "policy": "{not json" }
    }"#;
    let report = ecr_config::from_json_str::<EcrConfig>(text).unwrap_err();
    let ours: Vec<(&str, Keyword)> = report.iter().map(|f| (f.pointer(), f.keyword())).collect();
    assert_eq!(
        ours,
        [
            ("/ci/region", Keyword::DuplicateKey),
            // The duplicate's value is checked too.
            ("/ci/region", Keyword::Enum),
            ("/setup/policy", Keyword::ContentMediaType),
        ]
    );
    // jsonschema sees the first `region` only: the comparison sets the second's finding
    // aside, with the duplicate.
    let doc = Doc::obj([
        (
            "ci",
            Doc::obj([
                ("region", Doc::str("us-east-1")),
                ("access_key", Doc::str("AKIAIOSFODNN7EXAMPLE")),
                ("secret_key", Doc::str("s")),
                ("region", Doc::str("nowhere")),
            ]),
        ),
        (
            "setup",
            Doc::obj([
                ("region", Doc::str("us-east-1")),
                ("role_arn", Doc::str("arn:aws:iam::123456789012:role/r")),
                ("policy", Doc::str("{not json")),
            ]),
        ),
    ]);
    let comparison = Oracle::<EcrConfig>::new().compare(&doc, Style::default());
    assert!(comparison.agrees(), "{}", comparison.explain());
    assert!(comparison.theirs.is_empty());
    assert_eq!(
        comparison.extras,
        [Keyword::DuplicateKey, Keyword::ContentMediaType]
    );
}

/// Patterns whose ECMA-262 meaning a Rust regex would get wrong: one field each.
#[derive(Debug, serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Probe {
    #[pattern(r"^\d$")]
    digit: Option<String>,
    #[pattern(r"^\w$")]
    word: Option<String>,
    #[pattern(r"^\s$")]
    space: Option<String>,
    #[pattern(r"^.$")]
    dot: Option<String>,
    #[pattern(r"x$")]
    end: Option<String>,
    #[pattern(r"\bfoo\b")]
    boundary: Option<String>,
    #[pattern(r"a\B")]
    not_boundary: Option<String>,
    #[len(min = 2, max = 2)]
    two: Option<String>,
}

/// Whether `field: input` is valid for us and for jsonschema.
fn probe(field: &str, input: &str) -> (bool, bool) {
    let (ours, theirs) = both::<Probe>(&json!({ field: input }));
    (ours.is_empty(), theirs.is_empty())
}

#[test]
fn jsonschema_agrees_with_ecma_262_where_rust_regexes_do_not() {
    // (field, input, valid in ECMA-262 with the `u` flag, as JSON Schema asks)
    let cases = [
        ("digit", "7", true),
        ("digit", "٣", false),      // ARABIC-INDIC DIGIT THREE: `\d` is `[0-9]`
        ("word", "é", false),       // `\w` is `[A-Za-z0-9_]`
        ("space", "\u{85}", false), // NEL is no ECMA-262 white space…
        ("space", "\u{feff}", true), // …and the BOM is
        ("dot", "😀", true),        // one code point, not two UTF-16 units
        ("dot", "\u{2028}", false), // `.` excludes all four line terminators
        ("dot", "\r", false),
        ("end", "x\n", false), // `$` is the very end, not before a final newline
        ("two", "😀😀", true), // lengths count code points
        ("two", "é\u{301}", true),
        ("two", "😀", false),
    ];
    for (field, input, spec) in cases {
        assert_eq!(probe(field, input), (spec, spec), "{field}: {input:?}");
    }
}

#[test]
fn jsonschema_reads_word_boundaries_as_unicode_where_ecma_262_reads_ascii() {
    // `é` is no word character in ECMA-262, so `éfooé` has a boundary on each side of `foo`,
    // and `aé` one after `a`; jsonschema counts `é` as a word character.
    // (field, input, valid in ECMA-262 and for us, valid for jsonschema)
    let cases = [
        ("boundary", "éfooé", true, false),
        ("boundary", "-foo-", true, true),
        ("boundary", "_foo_", false, false),
        ("not_boundary", "aé", false, true),
        ("not_boundary", "ab", true, true),
    ];
    for (field, input, spec, jsonschema) in cases {
        assert_eq!(
            probe(field, input),
            (spec, jsonschema),
            "{field}: {input:?}"
        );
    }
}

#[test]
fn a_lone_surrogate_is_a_syntax_finding_and_no_instance_for_jsonschema() {
    let text = r#"{"digit": "\ud800"}"#;
    serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    let report = ecr_config::from_json_str::<Probe>(text).unwrap_err();
    let keywords: Vec<Keyword> = report.iter().map(ecr_config::Finding::keyword).collect();
    assert_eq!(keywords, [Keyword::Syntax]);
}
