//! The inputs that hurt: documents with 10^3, 10^4 and 10^5 findings, each on one line where a
//! line is what hurts. The cost per finding must stay flat from 10^3 to 10^5 (within 2x):
//! nothing here may be quadratic in the number of members, findings or the length of a line.
//!
//! - `unknown_keys`: distinct unknown properties of one object, on one line;
//! - `duplicate_map_keys`: a map whose every key is given twice, on one line;
//! - `invalid_items`: a minified list whose every item breaks its pattern (the fast path:
//!   serde reads it, `validate` finds the items, the locator finds where they are);
//! - `wrong_typed_items`: a list whose every item has the wrong type, one a line;
//! - `duplicate_items`: a `#[unique]` list whose every item after the first equals it (JSON
//!   equality: `{"a": [1, 2]}` and `{"a": [1.0, 2e0]}` in turn), on one line;
//! - `invalid_keys`: a map whose every key breaks its `#[keys]` pattern and every value its
//!   `#[each]` format, on one line.
//!
//! `cargo bench -p ecr-config --bench hostile`; per-finding figures are the time divided by
//! the size. `ECR_BENCH_CASE=unknown_keys/100000 ECR_BENCH_ITERS=1` runs one case and exits,
//! for instruction counts under `valgrind --tool=callgrind`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use ecr_config::{Secret, Validate};
use serde::Deserialize;

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Fleet {
    name: String,
    items: Vec<Item>,
    by_name: BTreeMap<String, Item>,
    token: Option<Box<Secret<String>>>,
    #[serde(default)]
    #[unique]
    labels: Vec<serde_json::Value>,
    #[serde(default)]
    #[keys(pattern("^[a-z0-9-]+$"))]
    #[each(format("hostname"))]
    hosts: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    #[pattern("^[a-z]+$")]
    name: String,
    secret: Option<Secret<String>>,
}

const CASES: [&str; 6] = [
    "unknown_keys",
    "duplicate_map_keys",
    "invalid_items",
    "wrong_typed_items",
    "duplicate_items",
    "invalid_keys",
];

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// The document of `case` with `n` findings.
fn document(case: &str, n: usize) -> String {
    let mut doc = String::from(r#"{"name": "fleet", "token": "s3cr3t-t0k3n", "#);
    match case {
        "unknown_keys" => {
            doc.push_str(r#""items": [], "by_name": {}"#);
            for i in 0..n {
                let _ = write!(doc, r#", "unknown_{i}": {i}"#);
            }
        }
        "duplicate_map_keys" => {
            doc.push_str(r#""items": [], "by_name": {"#);
            for i in 0..n {
                let comma = if i == 0 { "" } else { ", " };
                let item = r#"{"name": "ok", "secret": "hidden"}"#;
                let _ = write!(doc, r#"{comma}"key_{i}": {item}, "key_{i}": {item}"#);
            }
            doc.push('}');
        }
        "invalid_items" => {
            doc.push_str(r#""by_name": {}, "items": ["#);
            for i in 0..n {
                let comma = if i == 0 { "" } else { "," };
                let _ = write!(doc, r#"{comma}{{"name":"NOT-{i}","secret":"x"}}"#);
            }
            doc.push(']');
        }
        "wrong_typed_items" => {
            doc.push_str("\"by_name\": {}, \"items\": [\n");
            for i in 0..n {
                let comma = if i == 0 { "" } else { ",\n" };
                let _ = write!(doc, "{comma}  [\"item\", {i}]");
            }
            doc.push_str("\n]");
        }
        "duplicate_items" => {
            doc.push_str(r#""items": [], "by_name": {}, "labels": [{"a": [1, 2]}"#);
            for i in 0..n {
                let item = if i % 2 == 0 {
                    r#"{"a": [1.0, 2e0]}"#
                } else {
                    r#"{"a": [1, 2]}"#
                };
                let _ = write!(doc, ", {item}");
            }
            doc.push(']');
        }
        "invalid_keys" => {
            doc.push_str(r#""items": [], "by_name": {}, "hosts": {"#);
            for i in 0..n {
                let comma = if i == 0 { "" } else { ", " };
                // Half break the key's pattern, half the value's format: one finding each.
                if i % 2 == 0 {
                    let _ = write!(doc, r#"{comma}"Host_{i}": "ok.example""#);
                } else {
                    let _ = write!(doc, r#"{comma}"host-{i}": "not_a_host""#);
                }
            }
            doc.push('}');
        }
        other => panic!("unknown case {other:?}"),
    }
    doc.push('}');
    doc
}

/// The findings of `doc`, which must be exactly `n`: the benchmark measures what it says.
fn findings(doc: &str) -> usize {
    ecr_config::from_json_str::<Fleet>(doc).map_or_else(|report| report.len(), |_| 0)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for case in CASES {
        for n in SIZES {
            let doc = document(case, n);
            assert_eq!(findings(&doc), n, "{case}/{n}");
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::new(case, n), &doc, |b, doc| {
                b.iter(|| findings(black_box(doc)));
            });
        }
    }
    group.finish();
}

/// `ECR_BENCH_CASE=<case>/<n> ECR_BENCH_ITERS=<k>`: one case `k` times, then exits.
fn run_fixed(case: &str, iterations: usize) {
    let (name, n) = case.split_once('/').expect("<case>/<findings>");
    let n: usize = n.parse().expect("a number of findings");
    let doc = document(name, n);
    for _ in 0..iterations {
        black_box(findings(black_box(&doc)));
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Some((case, iterations)) = common::fixed_case(1) {
        run_fixed(&case, iterations);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
