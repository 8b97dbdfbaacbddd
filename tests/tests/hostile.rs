//! Hostile input: documents written to break the parser or to make it show a secret.
//!
//! - **Placements**: the secret in every place where it is, or may be meant as, a secret
//!   (duplicated, misspelt, inside a duplicated or wrong-typed parent at every depth, on a
//!   syntax error's line next to every kind of mistake, copied elsewhere or as a key), with
//!   every line end, with and without a byte-order mark, spelt plainly and with `\uXXXX`
//!   escapes. Both ways: no output holds a
//!   piece of the secret, and the values beside it that are not secret are shown as typed.
//! - **Mutations**: a seeded loop over valid documents of both models, changed at random
//!   everywhere but on the secret's own lines, and over random bytes: no panic, every finding
//!   inside the document at the right line and column, and no piece of the secret in any
//!   `Display`, `Debug`, human or JSON output. `cargo test --release -p ecr-config-tests
//!   --test hostile -- --ignored` runs a million documents.

#[path = "hostile/support.rs"]
mod support;

use support::{Model, SECRET, escaped_secret, leak, outputs, report};

const CI: &str = r#""region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE""#;
const SETUP: &str =
    r#""setup": {"region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x"}"#;

/// A document with the secret in it: `@S` is the secret (inside quotes where `quoted`),
/// `@CI` and `@SETUP` valid members of the ECR model, `@FF` a byte that is not UTF-8; each
/// of `shown` must be in the human output.
struct Placement {
    name: String,
    model: Model,
    template: String,
    quoted: bool,
    shown: Vec<&'static str>,
}

fn ecr(name: &str, template: &str, shown: &[&'static str]) -> Placement {
    Placement {
        name: name.to_owned(),
        model: Model::Ecr,
        template: template.replace("@CI", CI).replace("@SETUP", SETUP),
        quoted: true,
        shown: shown.to_vec(),
    }
}

/// The ECR documents: what the placement is, the document, what must be shown.
const ECR_PLACEMENTS: &[(&str, &str, &[&str])] = &[
    (
        "the secret copied where no secret belongs",
        r#"{"ci": {@CI, "secret_key": "@S"},
"setup": {"region": "us-east-1", "role_arn": "x", "external_id": {"regoin": "@S"}, "regoin": "VISIBLEe1"}}"#,
        &["VISIBLEe1"],
    ),
    (
        "the secret as a key",
        r#"{"ci": {@CI, "secret_key": "@S"},
"@S": "VISIBLEe2", @SETUP}"#,
        &["VISIBLEe2"],
    ),
    (
        "the secret inside a longer string",
        r#"{"ci": {@CI, "secret_key": "@S"},
"setup": {"region": "VISIBLEe3", "role_arn": "x", "external_id": "id-@S-x"}}"#,
        &["VISIBLEe3"],
    ),
    (
        "a quote too few before a misplaced secret where no secret belongs",
        r#"{"ci": {@CI, "secret_key": "x"},
"setup": {"role_arn": "VISIBLEd1", "region": "us-east-1, "secret_key": "@S"}}"#,
        &["VISIBLEd1"],
    ),
    (
        "a line that stops being JSON where no secret may be",
        r#"{"ci": {@CI, "secret_key": "@S"},
"setup": {"region": 'VISIBLEd2', "role_arn": "VISIBLEd3"}}"#,
        &["VISIBLEd2", "VISIBLEd3"],
    ),
    (
        "a `:` typed for a `,` after the secret",
        r#"{"ci": {"region": "VISIBLEa1", "secret_key": "@S": "x", "regoin": "VISIBLEa1b"},
@SETUP}"#,
        &["VISIBLEa1", "VISIBLEa1b"],
    ),
    (
        "a misspelt secret key given twice",
        r#"{"ci": {"region": "VISIBLEa2", "access_key": "AKIAIOSFODNN7EXAMPLE",
"secret-key": "y", "secret-key": "@S", "regoin": "VISIBLEa2b"},
@SETUP}"#,
        &["VISIBLEa2", "VISIBLEa2b"],
    ),
    (
        "a duplicated object where a secret may be",
        r#"{"ci": {@CI, "secret_key": "x"}, "read": {},
"read": {"secret_key": "@S", "region": "VISIBLEa3"},
@SETUP}"#,
        &["VISIBLEa3"],
    ),
    (
        "a duplicated parent of the secret",
        r#"{"ci": {@CI, "secret_key": "x"},
"ci": {"secret_key": "@S", "regoin": "VISIBLEa4"},
@SETUP}"#,
        &["VISIBLEa4"],
    ),
    (
        "a secret's name inside a value of the wrong type",
        r#"{"ci": {@CI, "secret_key": "x"},
"setup": {"region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x", "external_id": {"secret_key": "@S", "regoin": "VISIBLEa5"}}}"#,
        &["VISIBLEa5"],
    ),
    (
        "a secret of the wrong type, null and a list beside it",
        r#"{"ci": {@CI, "secret_key": ["@S", 1], "extra": null, "more": [41, 42]},
@SETUP}"#,
        &[r#""extra": null"#, "[41, 42]"],
    ),
    (
        "a secret's parent of the wrong type",
        r#"{"ci": ["us-east-1", "@S"],
"regoin": "VISIBLEa7", @SETUP}"#,
        &["VISIBLEa7"],
    ),
    (
        "a secret as its parent",
        r#"{"ci": "@S", "regoin": "VISIBLEa8", @SETUP}"#,
        &["VISIBLEa8"],
    ),
    (
        "unknown keys close to the secret's parent",
        r#"{"ci": {@CI, "secret_key": "x"}, "cj": ["@S"], "CI": {"secret_key": "@S"},
"regoin": "VISIBLEa9", @SETUP}"#,
        &["VISIBLEa9"],
    ),
    (
        "the secret's name misspelt every way",
        r#"{"ci": {@CI,
"Secret_Key": "@S", "secretkey": "@S", "SECRET-KEY": "@S", "secret_kye": "@S", "regoin": "VISIBLEb0"},
@SETUP}"#,
        &["VISIBLEb0"],
    ),
    (
        "a secret at its place in a map of the wrong shape",
        r#"{"ci": {@CI, "secret_key": {"nested": {"deeper": "@S"}}, "regoin": "VISIBLEc3"},
@SETUP}"#,
        &["VISIBLEc3"],
    ),
    (
        "the string just before the secret left open",
        r#"{"ci": {"region": "VISIBLEb2", "secret_key": "@S
}, @SETUP}"#,
        &["VISIBLEb2"],
    ),
    (
        "a missing comma before the secret",
        r#"{"ci": {"region": "VISIBLEb3" "secret_key": "@S", "access_key": "AKIAIOSFODNN7EXAMPLE"}, @SETUP}"#,
        &["VISIBLEb3"],
    ),
    (
        "a missing comma after the secret",
        r#"{"ci": {"region": "VISIBLEb4", "secret_key": "@S" "access_key": "VISIBLEb4b"}, @SETUP}"#,
        &["VISIBLEb4", "VISIBLEb4b"],
    ),
    (
        "the secret past the end of the document",
        r#"{@SETUP, "regoin": "VISIBLEb5"}}, "ci": {"secret_key": "@S"}}"#,
        &["VISIBLEb5"],
    ),
    (
        "a key read as a value before the secret",
        r#"{"ci": {"region": "VISIBLEb6", "access_key": "secret_key": "@S"}, @SETUP}"#,
        &["VISIBLEb6"],
    ),
    (
        "a quote too few before the secret",
        r#"{"ci": {"region": "VISIBLEb8", "access_key": "AKIA, "secret_key": "@S"}, @SETUP}"#,
        &["VISIBLEb8"],
    ),
    (
        "a quote too many inside the secret",
        r#"{"ci": {"region": "VISIBLEb9", "secret_key": "ab"@S"}, @SETUP}"#,
        &["VISIBLEb9"],
    ),
    (
        "a bad escape in the secret",
        r#"{"ci": {"region": "VISIBLEc0", "secret_key": "\q@S"}, @SETUP}"#,
        &["VISIBLEc0"],
    ),
    (
        "bytes that are not UTF-8 in the secret",
        "{\"ci\": {\"region\": \"VISIBLEc1\", \"secret_key\": \"@S@FF\"}, @SETUP}",
        &["VISIBLEc1"],
    ),
    (
        "a secret given twice, the second too",
        r#"{"ci": {@CI, "secret_key": "", "secret_key": "@S", "regoin": "VISIBLEc2"}, @SETUP}"#,
        &["VISIBLEc2"],
    ),
];

fn ecr_placements() -> Vec<Placement> {
    let mut all: Vec<Placement> = ECR_PLACEMENTS
        .iter()
        .map(|(name, template, shown)| ecr(name, template, shown))
        .collect();
    // Unquoted and single-quoted: no escape can spell the secret there.
    for (name, template, shown) in [
        (
            "an unquoted secret",
            r#"{"ci": {"region": "VISIBLEb1", "secret_key": @S, "access_key": "AKIAIOSFODNN7EXAMPLE"}, @SETUP}"#,
            "VISIBLEb1",
        ),
        (
            "a single-quoted secret",
            r#"{"ci": {"region": "VISIBLEb7", "secret_key": '@S'}, @SETUP}"#,
            "VISIBLEb7",
        ),
    ] {
        let mut placement = ecr(name, template, &[shown]);
        placement.quoted = false;
        all.push(placement);
    }
    all
}

/// The secret in a `Node` at every depth, under each kind of parent (a box, a list, a map),
/// as it is, in a duplicated parent, in a parent of the wrong type, and on a syntax error's
/// line.
fn node_placements() -> Vec<Placement> {
    let mut all = Vec::new();
    for depth in 1..=4 {
        for parent in ["child", "children", "by_name"] {
            for how in [
                "as it is",
                "duplicated parent",
                "wrong-typed parent",
                "syntax",
            ] {
                let inner = match how {
                    "syntax" => r#"{"name": "VISIBLE-N", "token": "@S": 1}"#.to_owned(),
                    "wrong-typed parent" => r#"["@S", "x"]"#.to_owned(),
                    _ => r#"{"name": "VISIBLE-N", "token": "@S"}"#.to_owned(),
                };
                let mut doc = inner;
                for level in 0..depth {
                    let innermost = level == 0;
                    let dup = innermost && how == "duplicated parent";
                    let member = match (parent, dup) {
                        ("child", false) => format!(r#""child": {doc}"#),
                        ("child", true) => format!(r#""child": {{"name": "ok"}}, "child": {doc}"#),
                        ("children", false) => format!(r#""children": [{doc}]"#),
                        ("children", true) => format!(r#""children": [], "children": [{doc}]"#),
                        (_, false) => format!(r#""by_name": {{"key": {doc}}}"#),
                        (_, true) => {
                            format!(r#""by_name": {{"key": {{"name": "ok"}}, "key": {doc}}}"#)
                        }
                    };
                    // The level's own name: a finding shown beside the secret.
                    let name = if innermost { "VISIBLE-L" } else { "level" };
                    doc = format!("{{\"name\": \"{name}\",\n{member}}}");
                }
                let shown = match how {
                    "wrong-typed parent" => vec!["VISIBLE-L"],
                    "syntax" => vec!["VISIBLE-N"],
                    _ => vec!["VISIBLE-N", "VISIBLE-L"],
                };
                all.push(Placement {
                    name: format!("{how} at depth {depth} under {parent}"),
                    model: Model::Node,
                    template: doc,
                    quoted: true,
                    shown,
                });
            }
        }
    }
    all
}

/// The document of `placement` with line ends `eol`, a byte-order mark if `bom`, the secret
/// spelt with escapes if `escaped`.
fn document(placement: &Placement, eol: &str, bom: bool, escaped: bool) -> Vec<u8> {
    let secret = if escaped {
        escaped_secret()
    } else {
        SECRET.to_owned()
    };
    let text = placement.template.replace("@S", &secret).replace('\n', eol);
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    for (k, part) in text.split("@FF").enumerate() {
        if k > 0 {
            bytes.push(0xff);
        }
        bytes.extend_from_slice(part.as_bytes());
    }
    bytes
}

#[test]
fn no_output_shows_a_secret_and_every_other_value_is_shown() {
    let mut checked = 0;
    let mut markers = 0;
    let mut failures = Vec::new();
    for placement in ecr_placements().iter().chain(&node_placements()) {
        for eol in ["\n", "\r\n", "\r"] {
            for bom in [false, true] {
                for escaped in [false, true] {
                    if escaped && !placement.quoted {
                        continue;
                    }
                    let bytes = document(placement, eol, bom, escaped);
                    let what = format!(
                        "{} (line ends {eol:?}, BOM {bom}, escaped {escaped}):\n{}",
                        placement.name,
                        String::from_utf8_lossy(&bytes)
                    );
                    let report =
                        report(placement.model, &bytes).unwrap_or_else(|| panic!("valid: {what}"));
                    support::assert_positioned(&bytes, &report);
                    let outputs = outputs(&bytes, &report);
                    for (output, text) in &outputs {
                        if let Some(piece) = leak(text, &bytes) {
                            panic!("{output} shows {piece:?} of the secret, for {what}\n{text}");
                        }
                    }
                    // Every value that is not secret is shown as typed (the masked
                    // document is what the human output shows of each line); in the plain
                    // layout each marker sits by a finding, in the human output itself.
                    let (human, masked) = (&outputs[2].1, &outputs[5].1);
                    for shown in &placement.shown {
                        if !masked.contains(shown) {
                            failures.push(format!("{shown:?} is hidden, for {what}\n{masked}"));
                        }
                        if eol == "\n" && !bom && !escaped && !human.contains(shown) {
                            failures.push(format!("{shown:?} is not shown, for {what}\n{human}"));
                        }
                        markers += 1;
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(checked > 500, "{checked}");
    assert!(markers > 500, "{markers}");
}

#[test]
fn the_seeds_are_valid_and_hold_the_secret() {
    for (model, seed) in support::seeds() {
        assert!(report(model, seed.as_bytes()).is_none(), "{seed}");
        assert!(!support::protected(seed.as_bytes()).is_empty(), "{seed}");
    }
}

/// `count` documents: mutated seeds, and random bytes (for a quarter of them).
fn mutation_loop(seed: u64, count: usize) -> usize {
    let mut rng = fastrand::Rng::with_seed(seed);
    let seeds = support::seeds();
    let mut invalid = 0;
    for _ in 0..count {
        let (model, bytes, holds_secret) = if rng.u8(..4) == 0 {
            let len = rng.usize(..256);
            let alphabet = b"{}[]:,\"\\ \n\r0-1e.truefalsnl\xff\xc3\xa9\xef\xbb\xbf";
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if rng.bool() {
                        alphabet[rng.usize(..alphabet.len())]
                    } else {
                        rng.u8(..)
                    }
                })
                .collect();
            let model = if rng.bool() { Model::Ecr } else { Model::Node };
            (model, bytes, false)
        } else {
            let (model, seed) = &seeds[rng.usize(..seeds.len())];
            let mut bytes = seed.clone().into_bytes();
            for _ in 0..rng.usize(1..=6) {
                support::mutate(&mut rng, &mut bytes);
            }
            (*model, bytes, true)
        };
        let Some(report) = report(model, &bytes) else {
            continue;
        };
        invalid += 1;
        support::assert_positioned(&bytes, &report);
        if holds_secret {
            for (output, text) in outputs(&bytes, &report) {
                if let Some(piece) = leak(&text, &bytes) {
                    panic!(
                        "{output} shows {piece:?} of the secret, for {:?} (seed {seed}):\n{text}",
                        String::from_utf8_lossy(&bytes)
                    );
                }
            }
        }
    }
    invalid
}

#[test]
fn mutated_documents_never_panic_misplace_or_leak() {
    let invalid = mutation_loop(9, 6_000);
    assert!(invalid > 4_000, "only {invalid} invalid documents");
}

#[test]
#[ignore = "a million documents: run in release"]
fn a_million_mutated_documents() {
    let seed = std::env::var("ECR_HOSTILE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let invalid = mutation_loop(seed, 1_000_000);
    assert!(invalid > 700_000, "only {invalid} invalid documents");
}

/// A secret with a `/` (as AWS secret keys have) copied with the slash written `\/`, which
/// JSON reads as the same string: the copy is masked like the secret, wherever it is and
/// whichever path reads the document.
#[test]
fn a_copy_spelt_with_an_escaped_slash_is_masked() {
    const SLASHED: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    let copy = SLASHED.replace('/', "\\/");
    let ci = format!(r#""ci": {{{CI}, "secret_key": "{SLASHED}"}}"#);
    let documents = [
        // Read whole by the fast path; one constraint fails on the copy's line.
        format!(
            r#"{{{ci},
"setup": {{"region": "us-east-1", "role_arn": "bad", "external_id": "{copy}"}}}}"#
        ),
        // A structural mistake: the shape checker reads it.
        format!(
            r#"{{{ci},
"setup": {{"region": "us-east1", "role_arn": "x", "external_id": "{copy}", "regoin": "VISIBLE"}}}}"#
        ),
        // Inside a longer string, and as a key.
        format!(
            r#"{{{ci},
"setup": {{"region": "us-east-1", "role_arn": "bad", "policy": "a {copy} b", "{copy}": 1}}}}"#
        ),
        // Not JSON: the salvage reader.
        format!(
            r#"{{{ci},
"setup": {{"region": "us-east-1", "role_arn": "x", "external_id": "{copy}",}}}}"#
        ),
    ];
    for doc in &documents {
        let report = report(support::Model::Ecr, doc.as_bytes()).expect("invalid");
        for (output, text) in outputs(doc.as_bytes(), &report) {
            for piece in ["K7MDENG", "bPxRfiCY", "wJalrXUt"] {
                assert!(
                    !text.contains(piece),
                    "{output} shows {piece:?}, for\n{doc}\n{text}"
                );
            }
        }
    }
}
