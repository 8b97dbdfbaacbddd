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
//! | same | `Vec`, slices | `minItems`, `maxItems` | number of items |
//! | same | maps | `minProperties`, `maxProperties` | number of members |
//! | `#[pattern("…")]` | strings, `Secret<String>` | `pattern` | ECMA-262 regex matching somewhere in the string |
//! | `#[range(min = A, max = B, exclusive_min = C, exclusive_max = D)]` (any of them) | integers, floats | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` | inclusive and exclusive bounds |
//! | `#[multiple_of(N)]` (`N > 0`) | integers, floats | `multipleOf` | a multiple of `N`, in exact decimal |
//! | `#[unique]` | `Vec`, slices, arrays | `uniqueItems` | no two items equal as JSON values (`1` equals `1.0`) |
//! | `#[each(RULES)]` (`#[each(len(max = 10), pattern("^v[0-9]+$"))]`) | `Vec`, slices, maps | `items`, `additionalProperties` | every item or map value satisfies the rules |
//! | `#[keys(RULES)]` (`#[keys(pattern("^[a-z]+$"))]`) | maps | `propertyNames` | every key satisfies the rules |
//! | `#[constant("…")]` | strings | `const` | equal to the constant |
//! | `#[requires(a, b)]` | an `Option` field | `dependentRequired` | when the field is given, fields `a` and `b` are too |
//! | `#[format("…")]` | strings, `Secret<String>` | `format` (asserted) | `date-time`, `date`, `time`, `duration`, `email`, `hostname`, `ipv4`, `ipv6`, `uri`, `uri-reference`, `uuid`, `json-pointer` ([`Format`](meta::Format)) |
//! | `#[content_media_type("application/json")]` | strings, `Secret<String>` | `contentMediaType` | the string is a JSON text |
//! | `#[title("…")]`, `///` docs | fields, structs, enums | `title`, `description` | (metadata for schema and docs) |
//! | `#[example(r#"{"region": "us-east-1"}"#)]` (any number) | structs | `examples` | a JSON document of the type, for the schema and the docs; with the `include-config` feature it is checked when the crate builds, as `include_config!` checks a file: one that is not JSON or breaks a rule fails the build |
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
//! - ECMA-262's own syntax is read as ECMA-262 reads it: `\cJ` (a control character), the
//!   surrogate pair `\uD83D\uDE00` (one character, as `\u{1F600}`), `[]` (no character),
//!   `[^]` (any character), and in a class `[` (a character) and `\b` (a backspace);
//! - Rust's regex syntax that ECMA-262 reads otherwise is a compile error saying so:
//!   `[[:alpha:]]`, `\A`, `\z`, `&&` in a class, `(?i)`, `\x{41}`,
//!   `\pL` without braces;
//! - lookaround and backreferences are rejected at compile time: a pattern is compiled into a
//!   DFA when your crate builds, and runs as a table walk with no regex engine at run time;
//! - Unicode property classes (`\p{L}`, `\P{Greek}`) need the `unicode` feature, which
//!   builds the Unicode tables into the derive; without it such a pattern is a compile error
//!   that says so. Nothing else in a pattern needs a table.
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
//! | `minItems`, `maxItems`, `minProperties`, `maxProperties` | list or map with too few or too many items |
//! | `pattern` | string not matched by the pattern |
//! | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` | number out of range |
//! | `multipleOf` | number that is not a multiple of the declared one |
//! | `uniqueItems` | list item equal to an earlier one |
//! | `propertyNames` | map key that breaks a `#[keys]` rule (the detail names the rule's keyword) |
//! | `dependentRequired` | property given without one it requires |
//! | `format` | string not in the declared format |
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
//! # Schema and reference
//!
//! The same declarations describe the type: [`Validate::json_schema`] generates its JSON
//! Schema (draft 2020-12) and [`Validate::markdown_reference`] a Markdown reference in the
//! form of the platform's settings pages, a table of properties and an example per object.
//! `ecr-config schema` and `ecr-config docs` print the ECR model's.
//!
//! # Config files checked at build time
//!
//! [`include_config!`] embeds a JSON file in the binary as a typed value, and checks it when
//! the crate builds: a file that is not JSON, misses a required property, has an unknown or
//! duplicated property or breaks any declared constraint fails `cargo build`, with every
//! finding as [`from_json_str`] would report it (file, line, column, JSON Pointer, message,
//! keyword). Editing the file rebuilds the crate. It needs the `include-config` feature.
//!
//! ```
//! use std::sync::LazyLock;
//!
//! use ecr_config::ecr::{EcrConfig, Region};
//!
//! // The path is relative to the directory of the crate's Cargo.toml.
//! static ECR: LazyLock<EcrConfig> =
//!     LazyLock::new(|| ecr_config::include_config!("examples/ecr.json" as EcrConfig));
//!
//! assert_eq!(ECR.ci.region, Region::UsEast1);
//! ```
//!
//! # The ECR model
//!
//! With the `ecr` feature, `ecr::EcrConfig` is the platform's AWS ECR integration settings,
//! declared with these attributes; `ecr-config check` (the `ecr-config-cli` crate) checks
//! such files.
//!
//! # Features
//!
//! None is on by default: each costs build time that a crate declaring its own schema with
//! the derive does not need (`scripts/compile-cost.sh` measures it). Using what one brings
//! without it is a compile error that names it.
//!
//! | feature | brings |
//! |---|---|
//! | `ecr` | the ECR model, `ecr_config::ecr` |
//! | `include-config` | [`include_config!`], which reads JSON at build time (a copy of `serde_json` built for the compiler) |
//! | `unicode` | Unicode property classes in `#[pattern]` (`\p{Lu}`): the Unicode tables, in the derive |
//! | `schemars` | `schemars::JsonSchema` for every `#[derive(Validate)]` type |
#![deny(missing_docs)]
#![forbid(unsafe_code)]

// The derive writes `::ecr_config::…` paths; this lets the crate use its own derive (the ECR
// model, tests).
#[cfg(any(feature = "ecr", test))]
extern crate self as ecr_config;

mod docs;
#[cfg(feature = "ecr")]
pub mod ecr;
mod error;
pub mod meta;
mod parse;
mod path;
mod rules;
mod schema;
mod secret;
mod sort;
mod validate;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

pub use ecr_config_derive::Validate;

/// A config written as a Rust struct literal, checked at compile time: a value that breaks a
/// declared constraint does not build.
///
/// `checked!(Type { field: value, … })` evaluates to the literal's value, each string literal
/// converted `Into` its field's type (`String`, [`Secret<String>`], …), after the compiler has
/// checked every field against `Type`'s declarations, nested structs and lists included, with
/// the very matchers and rules [`Validate::validate`] runs. Findings name the Rust field path
/// and the rule.
///
/// A field may be left out when its value is known: an `Option` is `None`, a
/// `#[constant("…")]` field its constant, a `#[serde(skip)]` field `Default::default()`, and a
/// `#[serde(default)]` or `#[serde(default = "path")]` field (the struct's too) its default,
/// but only if it has no rule, since a default is a run-time value the build cannot check. Any
/// other field left out is a compile error naming it. A setter is as visible as its field, so
/// a literal sets only the fields it could write in a struct literal.
///
/// ```
/// use std::sync::LazyLock;
///
/// use ecr_config::checked;
/// use ecr_config::ecr::{CiConfig, Region};
///
/// static CI: LazyLock<CiConfig> = LazyLock::new(|| {
///     checked!(CiConfig {
///         region: Region::UsEast1,
///         access_key: "AKIAIOSFODNN7EXAMPLE",
///         secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
///     })
/// });
/// assert_eq!(CI.access_key, "AKIAIOSFODNN7EXAMPLE");
/// ```
///
/// An access key of 19 characters is a compile error:
///
/// ```compile_fail,E0080
/// # use ecr_config::{checked, ecr::{CiConfig, Region}};
/// let ci = checked!(CiConfig {
///     region: Region::UsEast1,
///     access_key: "AKIAIOSFODNN7EXAMPL",
///     secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
/// });
/// ```
///
/// Only values known at compile time can be checked: string, number and boolean literals,
/// enum variants, nested struct literals, `Some(…)`, `None`, arrays and `vec![…]`. Anything
/// else (a variable, a function call, `..Default::default()`) is rejected; build such values
/// normally and call [`Validate::validate`]. A type that contains itself cannot be checked
/// this way.
pub use ecr_config_derive::checked;

/// Embeds a JSON config file as a `Type`, checked when the crate builds:
/// `include_config!("deploy/ecr.json" as EcrConfig)`.
///
/// Needs the `include-config` feature: the file is read by the derive with a copy of
/// `serde_json` built for the compiler, which a crate that embeds no file need not build.
/// Without it, every invocation is a compile error that says so.
///
/// The path is relative to the directory of the calling crate's `Cargo.toml`
/// (`CARGO_MANIFEST_DIR`); `Type` derives [`Validate`] and `serde::Deserialize`, and must be
/// a concrete type (not a generic parameter). The macro reads the file while the crate
/// compiles and makes the build fail, at the macro call, with every problem of the file, one
/// a line, as `PATH:LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`:
///
/// ```text
/// error[E0080]: evaluation panicked: `deploy/ecr.json` (embedded as `EcrConfig`) breaks constraints:
///               deploy/ecr.json:4:19: /ci/access_key: expected exactly 20 characters, found 19 (minLength)
///               deploy/ecr.json:9:17: /setup/role_arn: must match ^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$ (pattern)
/// ```
///
/// What is checked at build time: the syntax (UTF-8, JSON, at most 128 nested containers),
/// duplicated properties, and, against the type's declarations, what [`from_json_str`]
/// checks: types, required and unknown properties, enum values and every rule (`len`,
/// `pattern`, `range`, `constant`, `content_media_type`), in nested structs, `Option`s,
/// lists and maps. The file's text is embedded with `include_str!`, which is also what makes
/// Cargo rebuild the crate when it changes, and deserialized with `serde_json` when the
/// expression runs, without checking it again.
///
/// What cannot be checked at build time:
/// - values only known at run time: read those with [`from_json_str`], which reports the same
///   findings as a value;
/// - fields whose type has no described shape: a type with a hand-written [`Validate`] impl,
///   a `#[validate(skip)]` field. Serde still reads them when the expression runs, and if it
///   rejects one, that panics, naming the file, the line and column and the kind of error
///   (not serde's message, which can quote a secret);
/// - a type that contains itself (`struct Tree { children: Vec<Tree> }`) cannot be described
///   as `const` data: embedding one is a "cycle detected" compile error.
///
/// ```
/// use std::sync::LazyLock;
///
/// use ecr_config::ecr::EcrConfig;
///
/// static ECR: LazyLock<EcrConfig> =
///     LazyLock::new(|| ecr_config::include_config!("examples/ecr.json" as EcrConfig));
///
/// assert_eq!(ECR.ci.access_key, "AKIAIOSFODNN7EXAMPLE");
/// ```
///
/// A file that breaks a constraint does not build:
///
/// ```compile_fail,E0080
/// let ecr = ecr_config::include_config!("examples/ecr-invalid.json" as ecr_config::ecr::EcrConfig);
/// ```
pub use ecr_config_derive::include_config;
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
