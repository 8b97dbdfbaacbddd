//! `from_json_slice::<EcrConfig>` against `serde_json::from_slice::<EcrConfig>` alone (the
//! floor: parsing with no checks at all), in one run, on:
//! - the valid document;
//! - `invalid`: three constraint violations serde cannot see (the floor does the same work);
//! - one structural mistake each: an unknown enum value, a wrong type, an unknown key, a
//!   missing property. serde stops at those, so their floor is the valid sibling's;
//! - a size series, 1 KB to 10 MB of a `Vec<CiConfig>`, valid and with every hundredth item
//!   invalid (constraint and structural mistakes in turn), whose cost per byte must be flat.
//!
//! `cargo bench -p ecr-config --bench parse`

use std::hint::black_box;

mod common;

use criterion::{Criterion, Throughput, criterion_group};
use ecr_config::Validate;
use ecr_config::ecr::{CiConfig, EcrConfig};

const VALID: &str = r#"{
  "ci": {
    "region": "us-east-1",
    "access_key": "AKIAIOSFODNN7EXAMPLE",
    "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
  },
  "read": {
    "region": "eu-west-1",
    "role_arn": "arn:aws:iam::123456789012:role/ecr-read-role"
  },
  "setup": {
    "region": "us-east-1",
    "role_arn": "arn:aws:iam::123456789012:role/ecr-access-role",
    "policy": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"AllowPull\", \"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}, \"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"]}]}",
    "external_id": "platform-external-id",
    "intermediate_role": "arn:aws:iam::123456789012:role/intermediate",
    "intermediate_external_id": "intermediate-external-id"
  },
  "repository_provider": "aws-ecr"
}"#;

/// The valid document with each `(from, to)` replaced, once each.
fn edit(edits: &[(&str, &str)]) -> String {
    let mut text = VALID.to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

/// The documents of the per-call comparison: name, text, and how many findings it has.
fn documents() -> Vec<(&'static str, String, usize)> {
    vec![
        ("valid", VALID.to_owned(), 0),
        (
            // Three findings serde cannot see: a bad access key, an empty secret, a wrong
            // provider. It stays well-formed, so serde alone accepts it.
            "invalid",
            edit(&[
                ("\"AKIAIOSFODNN7EXAMPLE\"", "\"akiaiosfodnn7example\""),
                ("\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "\"\""),
                ("\"aws-ecr\"", "\"gcr\""),
            ]),
            3,
        ),
        (
            "unknown-enum-value",
            edit(&[("\"region\": \"us-east-1\"", "\"region\": \"us-east1\"")]),
            1,
        ),
        (
            "wrong-type",
            edit(&[(
                "\"access_key\": \"AKIAIOSFODNN7EXAMPLE\"",
                "\"access_key\": 42",
            )]),
            1,
        ),
        (
            "unknown-key",
            edit(&[(
                "\"external_id\": \"platform-external-id\",",
                "\"external_id\": \"platform-external-id\",\n    \"extrnal_id\": \"x\",",
            )]),
            1,
        ),
        (
            "missing-property",
            edit(&[(
                "\"role_arn\": \"arn:aws:iam::123456789012:role/ecr-access-role\",\n",
                "",
            )]),
            1,
        ),
    ]
}

/// One item of the size series; `mistake` makes it invalid (odd: a constraint, even: a
/// structural mistake).
fn item(index: usize, mistake: Option<usize>) -> String {
    let (region, key) = match mistake {
        None => ("us-east-1", "AKIAIOSFODNN7EXAMPLE"),
        Some(n) if n % 2 == 1 => ("us-east-1", "akiaiosfodnn7example"),
        Some(_) => ("us-east1", "AKIAIOSFODNN7EXAMPLE"),
    };
    format!(
        "  {{\"region\": \"{region}\", \"access_key\": \"{key}\", \
         \"secret_key\": \"secret-{index:012}-wJalrXUtnFEMI/K7MDENG\"}}"
    )
}

/// A `Vec<CiConfig>` of about `bytes` bytes; `invalid`: every hundredth item (at least one)
/// breaks a rule. Returns the text and its number of findings.
fn series(bytes: usize, invalid: bool) -> (String, usize) {
    let mut text = String::from("[\n");
    let (mut index, mut findings) = (0, 0);
    while text.len() < bytes {
        if index > 0 {
            text.push_str(",\n");
        }
        let mistake = (invalid && index % 100 == 0).then(|| {
            findings += 1;
            findings
        });
        text.push_str(&item(index, mistake));
        index += 1;
    }
    text.push_str("\n]");
    (text, findings)
}

const SIZES: [(&str, usize); 4] = [
    ("1KB", 1_000),
    ("100KB", 100_000),
    ("1MB", 1_000_000),
    ("10MB", 10_000_000),
];

/// Every document of the size series: name, text, findings.
fn sized() -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for (size, bytes) in SIZES {
        for invalid in [false, true] {
            let (text, findings) = series(bytes, invalid);
            let kind = if invalid { "1%-invalid" } else { "valid" };
            out.push((format!("{size}-{kind}"), text, findings));
        }
    }
    out
}

/// The valid sibling of a size-series document: what serde reads at full length.
fn floor_of(name: &str) -> String {
    let size = name.split('-').next().expect("<size>-<kind>");
    let bytes = SIZES
        .iter()
        .find(|(s, _)| *s == size)
        .expect("a size of the series")
        .1;
    series(bytes, false).0
}

/// The comparison is only fair if both sides do what they claim: `found` is what
/// ecr-config reported, `findings` what the document holds.
fn check<T: std::fmt::Debug>(name: &str, found: &Result<T, ecr_config::Report>, findings: usize) {
    let count = found.as_ref().map_or_else(ecr_config::Report::len, |_| 0);
    assert_eq!(count, findings, "{name}: {found:?}");
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, text, findings) in documents() {
        check(
            name,
            &ecr_config::from_json_str::<EcrConfig>(&text),
            findings,
        );
        if name == "invalid" {
            assert!(serde_json::from_str::<EcrConfig>(&text).is_ok());
        }
        let input = text.as_bytes();
        if name == "valid" || name == "invalid" {
            group.bench_function(format!("serde_json/{name}"), |b| {
                b.iter(|| serde_json::from_slice::<EcrConfig>(black_box(input)).is_ok());
            });
            group.bench_function(format!("serde_json+validate/{name}"), |b| {
                b.iter(|| {
                    serde_json::from_slice::<EcrConfig>(black_box(input))
                        .map(|config| config.validate().is_ok())
                });
            });
        }
        group.bench_function(format!("ecr_config/{name}"), |b| {
            b.iter(|| ecr_config::from_json_slice::<EcrConfig>(black_box(input)).is_ok());
        });
    }
    group.finish();

    let mut group = c.benchmark_group("size");
    group.sample_size(10);
    for (name, text, findings) in sized() {
        check(
            &name,
            &ecr_config::from_json_str::<Vec<CiConfig>>(&text),
            findings,
        );
        let input = text.as_bytes();
        group.throughput(Throughput::Bytes(input.len() as u64));
        if name.ends_with("-valid") {
            group.bench_function(format!("serde_json/{name}"), |b| {
                b.iter(|| serde_json::from_slice::<Vec<CiConfig>>(black_box(input)).is_ok());
            });
        }
        group.bench_function(format!("ecr_config/{name}"), |b| {
            b.iter(|| ecr_config::from_json_slice::<Vec<CiConfig>>(black_box(input)).is_ok());
        });
    }
    group.finish();
}

/// `ECR_BENCH_CASE=<parser>/<document> ECR_BENCH_ITERS=<n>`: runs one case `n` times and
/// exits, for instruction counts under `valgrind --tool=callgrind`, which a shared machine
/// cannot disturb. `serde_json/<document>` reads the document's valid sibling, the floor
/// (the sibling of a one-mistake document is `valid`; of a series document, the valid one of
/// its size). Cases: `serde_json/valid`, `ecr_config/unknown-key`, `ecr_config/1MB-valid`, …
fn run_fixed(case: &str, iterations: usize) {
    let (parser, name) = case.split_once('/').expect("<parser>/<document>");
    let series = name.contains("KB") || name.contains("MB");
    let text = if series {
        match parser {
            "serde_json" => floor_of(name),
            _ => {
                sized()
                    .into_iter()
                    .find(|(n, ..)| n == name)
                    .unwrap_or_else(|| panic!("unknown document {name:?}"))
                    .1
            }
        }
    } else {
        let (_, text, _) = documents()
            .into_iter()
            .find(|(n, ..)| *n == name)
            .unwrap_or_else(|| panic!("unknown document {name:?}"));
        match parser {
            // serde reads `invalid` whole; the structural mistakes stop it.
            "serde_json" if name != "invalid" => VALID.to_owned(),
            _ => text,
        }
    };
    let input = text.as_bytes();
    for _ in 0..iterations {
        let ok = match (parser, series) {
            ("serde_json", false) => serde_json::from_slice::<EcrConfig>(black_box(input)).is_ok(),
            ("serde_json", true) => {
                serde_json::from_slice::<Vec<CiConfig>>(black_box(input)).is_ok()
            }
            ("ecr_config", false) => {
                ecr_config::from_json_slice::<EcrConfig>(black_box(input)).is_ok()
            }
            ("ecr_config", true) => {
                ecr_config::from_json_slice::<Vec<CiConfig>>(black_box(input)).is_ok()
            }
            (other, _) => panic!("unknown parser {other:?}"),
        };
        black_box(ok);
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Some((case, iterations)) = common::fixed_case(1000) {
        run_fixed(&case, iterations);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
