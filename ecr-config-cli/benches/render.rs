//! The command's two renderings of a long report, against each other: 10^3, 10^4 and 10^5
//! findings, all on one line (where a renderer that reads the whole line per finding is
//! quadratic) and one a line. Parsing is done once, outside the measurement.
//!
//! `cargo bench -p ecr-config-cli --bench render`; `ECR_BENCH_CASE=human/one_line/100000
//! ECR_BENCH_ITERS=1` runs one case and exits, for instruction counts under callgrind.

use std::fmt::Write as _;
use std::hint::black_box;

#[path = "../../ecr-config/benches/common/mod.rs"]
mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use ecr_config::Report;
use ecr_config::ecr::EcrConfig;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A valid ECR config with `n` unknown properties, on one line or one a line.
fn document(n: usize, one_line: bool) -> String {
    let mut doc = String::from(
        r#"{"ci": {"region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s"}, "setup": {"region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x"}"#,
    );
    let separator = if one_line { ", " } else { ",\n  " };
    for i in 0..n {
        let _ = write!(doc, r#"{separator}"unknown_{i}": {i}"#);
    }
    doc.push('}');
    doc
}

fn report(doc: &str) -> Report {
    ecr_config::from_json_str::<EcrConfig>(doc).unwrap_err()
}

fn render(format: &str, doc: &str, report: &Report) -> usize {
    match format {
        "human" => ecr_config_cli::output::human("doc.json", doc.as_bytes(), report, false).len(),
        "json" => ecr_config_cli::output::json_line("doc.json", Some(report)).len(),
        other => panic!("unknown format {other:?}"),
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    for layout in ["one_line", "one_a_line"] {
        for n in SIZES {
            let doc = document(n, layout == "one_line");
            let report = report(&doc);
            assert_eq!(report.len(), n);
            group.throughput(Throughput::Elements(n as u64));
            for format in ["human", "json"] {
                group.bench_with_input(
                    BenchmarkId::new(format!("{format}/{layout}"), n),
                    &(doc.as_str(), &report),
                    |b, (doc, report)| b.iter(|| render(format, black_box(doc), report)),
                );
            }
        }
    }
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    if let Some((case, iterations)) = common::fixed_case(1) {
        let mut parts = case.split('/');
        let (Some(format), Some(layout), Some(n)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("<format>/<layout>/<findings>");
        };
        let n: usize = n.parse().expect("a number of findings");
        let doc = document(n, layout == "one_line");
        let report = report(&doc);
        for _ in 0..iterations {
            black_box(render(format, &doc, &report));
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
