//! Any bytes, read as both models: no panic, every finding inside the document at its line
//! and column, and every output renders.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../tests/tests/hostile/support.rs"]
mod support;

use support::{Model, assert_positioned, outputs, report};

fuzz_target!(|bytes: &[u8]| {
    for model in [Model::Ecr, Model::Node] {
        if let Some(report) = report(model, bytes) {
            assert_positioned(bytes, &report);
            let _ = outputs(bytes, &report);
        }
    }
});
