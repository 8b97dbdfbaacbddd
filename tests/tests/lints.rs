//! The expansion is free of warnings under the strictest lints users turn on
//! (checked by `cargo clippy --all-targets -- -D warnings` in CI).
#![deny(warnings, clippy::pedantic, missing_docs)]

use ecr_config::{Secret, Validate};

/// A config with every kind of rule.
#[derive(Debug, serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
pub struct Linted {
    /// A string.
    #[len(min = 1, max = 20)]
    #[pattern("^[a-z]+$")]
    pub name: String,
    /// A secret.
    #[len(min = 1)]
    pub secret: Secret<String>,
    /// A number.
    #[range(min = 1, max = 10)]
    pub count: u8,
    /// A constant.
    #[constant("x")]
    pub kind: Option<String>,
    /// A JSON text.
    #[content_media_type("application/json")]
    pub policy: Option<String>,
    /// Nested values.
    pub children: Vec<Child>,
}

/// A nested value.
#[derive(Debug, serde::Deserialize, Validate)]
pub struct Child {
    /// A string.
    #[len(max = 3)]
    pub label: String,
}

/// An enum.
#[derive(Debug, Clone, Copy, serde::Deserialize, Validate)]
pub enum Choice {
    /// One.
    One,
    /// Two.
    Two,
}

/// No fields at all.
#[derive(Debug, Validate)]
pub struct Nothing {}

#[test]
fn derived_code_compiles_without_warnings() {
    let child = Child { label: "ok".into() };
    assert!(child.validate().is_ok());
    assert!(Nothing {}.validate().is_ok());
    assert!(Choice::One.validate().is_ok() && Choice::Two.validate().is_ok());
}
