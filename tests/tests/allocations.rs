//! Validating a valid config allocates nothing, and parsing one only what serde does; only
//! errors allocate.
// A counting global allocator is the one place the workspace needs `unsafe`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use ecr_config::Validate;
use ecr_config::ecr::EcrConfig;

/// Counts the allocations of the current thread (tests run on several threads).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator; the counter is a thread-local `Cell`.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

const VALID: &str = r#"{
            "ci": { "region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "s3cr3t" },
            "read": { "region": "eu-west-1", "role_arn": "arn:aws:iam::123456789012:role/ecr-read-role" },
            "setup": {
                "region": "us-east-1",
                "role_arn": "arn:aws:iam::123456789012:role/ecr-access-role",
                "policy": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\"}]}",
                "external_id": "ext",
                "intermediate_role": "arn:aws:iam::123456789012:role/intermediate",
                "intermediate_external_id": "ext2"
            }
        }"#;

fn config() -> EcrConfig {
    serde_json::from_str(VALID).expect("a valid document")
}

#[test]
fn parsing_a_valid_document_allocates_what_serde_does() {
    let by_serde = allocations_during(|| drop(config()));
    let parsed = allocations_during(|| {
        let config = ecr_config::from_json_str::<EcrConfig>(VALID).expect("a valid document");
        drop(config);
    });
    // The value's strings, and nothing of the checks or of where things are.
    assert_eq!(parsed, by_serde);
}

#[test]
fn validating_a_valid_config_allocates_nothing() {
    let config = config();
    let allocations = allocations_during(|| assert!(config.validate().is_ok()));
    assert_eq!(allocations, 0);
}

#[test]
fn errors_allocate_only_when_something_is_wrong() {
    let mut config = config();
    config.ci.access_key = "short".into();
    let allocations = allocations_during(|| assert!(config.validate().is_err()));
    assert!(
        allocations > 0,
        "the error list and its pointers live on the heap"
    );
}
