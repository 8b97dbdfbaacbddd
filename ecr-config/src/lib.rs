//! Declare a configuration schema once, as Rust structs with inline constraints, and get the
//! validation generated at compile time.
//!
//! ```
//! use ecr_config::{Keyword, Secret, Validate};
//! use serde::Deserialize;
//!
//! /// Credentials of a Docker registry.
//! #[derive(Deserialize, Validate)]
//! #[serde(deny_unknown_fields)]
//! struct Registry {
//!     /// Host name of the registry.
//!     #[len(min = 1, max = 253)]
//!     #[pattern(r"^[a-z0-9.-]+$")]
//!     host: String,
//!     #[range(min = 1, max = 65535)]
//!     port: u32,
//!     #[len(min = 8)]
//!     password: Secret<String>,
//!     mirrors: Vec<Mirror>, // validated element by element, no attribute needed
//! }
//!
//! #[derive(Deserialize, Validate)]
//! struct Mirror {
//!     #[pattern("^https://")]
//!     url: String,
//! }
//!
//! let registry: Registry = serde_json::from_str(r#"{
//!     "host": "Registry.Example.com",
//!     "port": 0,
//!     "password": "hunter2",
//!     "mirrors": [{ "url": "https://a.example" }, { "url": "http://b.example" }]
//! }"#).unwrap();
//!
//! let errors = registry.validate().unwrap_err();
//! assert_eq!(errors.to_string(), "\
//! /host: must match ^[a-z0-9.-]+$ (pattern)
//! /port: must be at least 1, found 0 (minimum)
//! /password: expected at least 8 characters, found 7 (minLength)
//! /mirrors/1/url: must match ^https:// (pattern)");
//! assert_eq!(errors.iter().next().unwrap().keyword(), Keyword::Pattern);
//! // The secret's value appears nowhere, not even in `Debug`.
//! assert!(!format!("{errors:?}").contains("hunter2"));
//! ```
//!
//! # The rules
//!
//! | attribute | applies to | JSON Schema keyword(s) | checks |
//! |---|---|---|---|
//! | `#[len(N)]`, `#[len(min = A, max = B)]` | strings, `Secret<String>` | `minLength`, `maxLength` | length in Unicode code points, never bytes |
//! | same | `Vec`, slices, maps | `minItems`, `maxItems` | number of items |
//! | `#[pattern("…")]` | strings, `Secret<String>` | `pattern` | ECMA-262 regex matching somewhere in the string |
//! | `#[range(min = A, max = B)]` | integers, floats | `minimum`, `maximum` | inclusive bounds |
//! | `#[constant("…")]` | strings | `const` | equal to the constant |
//! | `#[content_media_type("application/json")]` | strings, `Secret<String>` | `contentMediaType` | the string is a JSON text |
//! | `#[title("…")]`, `///` docs | fields, structs, enums | `title`, `description` | (metadata for schema and docs) |
//! | `#[validate(skip)]` | any field | | do not validate the field's type |
//!
//! Every bound is optional where it is written as `min =`/`max =`. An `Option` field is checked
//! when it is `Some`. Every rule may be combined with the others; each failing keyword gives
//! its own [`ValidationError`].
//!
//! **Nested values** need no attribute: every field is validated through its type's
//! [`Validate`] implementation: a struct that derives it, `Option<T>` when `Some`, `Vec<T>`
//! element by element (`/mirrors/1/url`), `BTreeMap`/`HashMap<String, T>` value by value
//! (`/registries/docker.io/url`), `Box<T>`. A field whose type does not implement `Validate`
//! is a compile error that names `#[validate(skip)]`, so a nested struct cannot be forgotten.
//!
//! **Serde attributes** decide the names in pointers: `rename`, `rename_all` (fields and enum
//! variants), `flatten`; `default` and `Option` make a property optional; `deny_unknown_fields`
//! is recorded for the parser and the schema.
//!
//! **Unit-only enums** derive `Validate` too: the derive records each variant's serialized name
//! ([`UnitEnum::NAMES`]), so the allowed values of a field come from the Rust enum.
//!
//! # Patterns
//!
//! Patterns follow JSON Schema, which uses ECMA-262 regular expressions, not Rust's `regex`
//! dialect where they differ:
//! - a pattern matches *somewhere* in the value; anchor it with `^…$` to match the whole value;
//! - `$` matches only at the very end (a trailing `"\n"` does not satisfy `…$`);
//! - `\d`, `\w` and `\b` are ASCII-only (`^\d+$` rejects Arabic-Indic digits), `\s` is
//!   ECMA-262's white space, `.` matches anything but a line terminator;
//! - lookaround and backreferences are rejected at compile time: a pattern is compiled into a
//!   DFA when your crate builds, and runs as a table walk with no regex engine at run time.
//!
//! # Errors
//!
//! [`Validate::validate`] returns every failing constraint, not only the first. Each
//! [`ValidationError`] has a [`pointer`](ValidationError::pointer) (RFC 6901, from the serde
//! names), a [`keyword`](ValidationError::keyword) and a
//! [`message`](ValidationError::message):
//!
//! | keyword | meaning |
//! |---|---|
//! | `minLength`, `maxLength` | string too short or too long, in code points |
//! | `minItems`, `maxItems` | list or map with too few or too many items |
//! | `pattern` | string not matched by the pattern |
//! | `minimum`, `maximum` | number out of range |
//! | `const` | value other than the constant |
//! | `enum` | value outside the allowed list |
//! | `contentMediaType` | string that is not a JSON text |
//! | `type`, `required`, `additionalProperties`, `duplicateKey`, `syntax` | structural findings of the parser |
//!
//! Findings never contain the value of a string, so a [`Secret`] cannot leak through them.
//!
//! # Parsing
//!
//! [`from_json_str`] and [`from_json_slice`] turn a JSON document into a valid `T` in one
//! call, or into a [`Report`] of every finding of the document, structural (`syntax`, `type`,
//! `required`, `additionalProperties`, `duplicateKey`, `enum`) and constraint alike, each with
//! its pointer, line and column. The document is read by `serde_json` exactly as strictly as
//! JSON Schema reads it: `null` is not an absent optional property, an object is not an array,
//! a property may not be given twice.
//!
//! # The ECR model
//!
//! [`ecr::EcrConfig`] is the platform's AWS ECR integration settings, declared with these
//! attributes; `ecr-config check` (the `ecr-config-cli` crate) checks such files.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The derive writes `::ecr_config::…` paths; this lets the crate use its own derive.
extern crate self as ecr_config;

pub mod ecr;
mod error;
pub mod meta;
mod parse;
mod path;
mod schema;
mod secret;
mod validate;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use ecr_config_derive::Validate;
pub use error::{Detail, Keyword, Number, ValidationError, ValidationErrors};
pub use meta::{Shape, UnitEnum};
pub use parse::{Finding, Report, from_json_slice, from_json_str};
pub use path::FieldPath;
pub use secrecy::ExposeSecret;
pub use secret::{REDACTED, Secret};
pub use validate::Validate;

// Every Rust snippet of the README compiles and passes.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
