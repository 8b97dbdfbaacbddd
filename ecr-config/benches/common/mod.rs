//! What the benchmarks share: the fixed-iteration mode for instruction counts.

/// `ECR_BENCH_CASE=<case> ECR_BENCH_ITERS=<n>`: the case to run `n` times (`iterations`
/// unless told) and exit, under `valgrind --tool=callgrind`, which a shared machine cannot
/// disturb; `None` for a criterion run.
pub(crate) fn fixed_case(iterations: usize) -> Option<(String, usize)> {
    let case = std::env::var("ECR_BENCH_CASE").ok()?;
    let iterations = std::env::var("ECR_BENCH_ITERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(iterations);
    Some((case, iterations))
}
