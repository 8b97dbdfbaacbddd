//! Compile-time behaviour of the derive and the macros: every misuse, with the error a user
//! sees (what must compile and run is in `pass/`, this package's `pass_*` tests). Regenerate
//! with
//! `TRYBUILD=overwrite cargo test -p ecr-config-ui-tests`, then read every changed
//! `.stderr` as a user would.
//!
//! Related mistakes share a file, one item (or function) each, as in serde's and thiserror's
//! UI tests: an error in one item does not hide those of the others. A case whose error
//! would hide or be hidden by another's has a file of its own (the `const` cycle of
//! `checked_literal_recursive_type`; the trait list of `nested_type_without_validate`,
//! which names the file's own `Validate` types).
//!
//! The `include_config!` cases embed the JSON files of `configs/`. trybuild compiles every
//! case as a binary of one generated crate, `<target dir>/tests/trybuild/ecr-config-ui-tests/`,
//! and that directory is the `CARGO_MANIFEST_DIR` the macro resolves paths against; so the
//! files are copied into its `configs/` first, and the cases read as a user's crate would:
//! `include_config!("configs/ecr.json" as EcrConfig)`. No `.stderr` may show that
//! directory: trybuild rewrites it to `$WORKSPACE/target/…` only when the target directory
//! is the workspace's own, so the missing-file case names an absolute path, and the message
//! for a relative one (which gives the full path looked for) is a unit test of the derive.

#![warn(clippy::pedantic)]

use std::fs;
use std::path::{Path, PathBuf};

#[test]
fn ui() {
    copy_configs();
    // With no pass case in the run, trybuild checks all the cases in one
    // `cargo check --keep-going`, in parallel, instead of one `cargo build` after another.
    // (The pass cases are this package's `pass_*` test targets.)
    trybuild::TestCases::new().compile_fail("fail/*.rs");
}

/// Copies `configs/*.json` next to the crate trybuild generates.
fn copy_configs() {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("configs");
    let to = trybuild_crate_dir().join("configs");
    fs::create_dir_all(&to).unwrap_or_else(|error| panic!("creating {}: {error}", to.display()));
    for entry in fs::read_dir(&from).expect("configs") {
        let path = entry.expect("a file of configs").path();
        let name = path.file_name().expect("a file name");
        fs::copy(&path, to.join(name))
            .unwrap_or_else(|error| panic!("copying {}: {error}", path.display()));
    }
}

/// The crate trybuild generates, inside the target directory this test runs from (the test
/// binary is `<target dir>/debug/deps/ui-HASH`), so that any `CARGO_TARGET_DIR` works.
fn trybuild_crate_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let target = exe
        .ancestors()
        .nth(3)
        .expect("the test binary is in <target dir>/<profile>/deps");
    target
        .join("tests")
        .join("trybuild")
        .join(env!("CARGO_PKG_NAME"))
}
