//! `from_json_slice::<EcrConfig>` against `serde_json::from_slice::<EcrConfig>` alone (the
//! floor: parsing with no checks at all), on a valid and an invalid document, in one run.
//!
//! `cargo bench -p ecr-config --bench parse`

use std::hint::black_box;

mod common;

use criterion::{Criterion, criterion_group};
use ecr_config::Validate;
use ecr_config::ecr::EcrConfig;

const VALID: &[u8] = br#"{
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

/// The valid document with three findings serde cannot see: a bad access key, an empty
/// secret, a wrong provider. It stays well-formed, so serde alone accepts it (the floor does
/// the same work).
fn invalid() -> Vec<u8> {
    let valid = std::str::from_utf8(VALID).expect("UTF-8");
    let invalid = valid
        .replace("\"AKIAIOSFODNN7EXAMPLE\"", "\"akiaiosfodnn7example\"")
        .replace("\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"", "\"\"")
        .replace(
            "\"repository_provider\": \"aws-ecr\"",
            "\"repository_provider\": \"gcr\"",
        );
    invalid.into_bytes()
}

fn bench(c: &mut Criterion) {
    // The comparison is only fair if both sides do what they claim.
    assert!(ecr_config::from_json_slice::<EcrConfig>(VALID).is_ok());
    let invalid = invalid();
    let report = ecr_config::from_json_slice::<EcrConfig>(&invalid).unwrap_err();
    assert_eq!(report.len(), 3, "{report}");
    assert!(serde_json::from_slice::<EcrConfig>(&invalid).is_ok());

    let mut group = c.benchmark_group("parse");
    for (name, input) in [("valid", VALID), ("invalid", invalid.as_slice())] {
        group.bench_function(format!("serde_json/{name}"), |b| {
            b.iter(|| serde_json::from_slice::<EcrConfig>(black_box(input)).is_ok());
        });
        group.bench_function(format!("serde_json+validate/{name}"), |b| {
            b.iter(|| {
                serde_json::from_slice::<EcrConfig>(black_box(input))
                    .map(|config| config.validate().is_ok())
            });
        });
        group.bench_function(format!("ecr_config/{name}"), |b| {
            b.iter(|| ecr_config::from_json_slice::<EcrConfig>(black_box(input)).is_ok());
        });
    }
    group.finish();
}

/// `ECR_BENCH_CASE=<case> ECR_BENCH_ITERS=<n>`: runs one case `n` times and exits, for
/// instruction counts under `valgrind --tool=callgrind`, which a shared machine cannot
/// disturb. Cases: `serde_json/valid`, `ecr_config/invalid`, …
fn run_fixed(case: &str, iterations: usize) {
    let (name, input) = case.split_once('/').expect("<parser>/<document>");
    let input = match input {
        "valid" => VALID.to_vec(),
        "invalid" => invalid(),
        other => panic!("unknown document {other:?}"),
    };
    for _ in 0..iterations {
        let ok = match name {
            "serde_json" => serde_json::from_slice::<EcrConfig>(black_box(&input)).is_ok(),
            "ecr_config" => ecr_config::from_json_slice::<EcrConfig>(black_box(&input)).is_ok(),
            other => panic!("unknown parser {other:?}"),
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
