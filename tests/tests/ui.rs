//! Compile-time behaviour of the derive: what must compile, and every misuse with the error a
//! user sees. Regenerate with `TRYBUILD=overwrite cargo test -p ecr-config-tests --test ui`,
//! then read every changed `.stderr` as a user would.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
