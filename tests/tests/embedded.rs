//! `include_config!`: a file embedded and checked at build time reads as the same value
//! `from_json_str` returns at run time for the same text.
#![deny(warnings, clippy::pedantic)]

use std::sync::LazyLock;

use ecr_config::ecr::EcrConfig;
use ecr_config::{ExposeSecret, Validate, include_config};
use serde::{Deserialize, Serialize};

// Shared with the example program, where its items are used from `main`.
#[allow(unreachable_pub)]
#[path = "../../ecr-config/examples/docker_registry/schema.rs"]
mod schema;

use schema::RegistryCredential;

/// Every field, secrets included (`Secret` serializes its value), as JSON text (a
/// `serde_json::Value` holds no `i128`).
fn fields<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serializes")
}

fn same<T: Serialize + for<'de> Deserialize<'de> + Validate>(embedded: &T, text: &str) {
    let parsed: T = ecr_config::from_json_str(text).expect("the same text is valid at run time");
    assert_eq!(fields(embedded), fields(&parsed));
}

/// Paths are relative to this crate's directory, `tests/`.
static EXAMPLE: LazyLock<EcrConfig> =
    LazyLock::new(|| include_config!("../ecr-config/examples/ecr.json" as EcrConfig));

#[test]
fn the_ecr_example_embeds_as_it_parses() {
    same(
        &*EXAMPLE,
        include_str!("../../ecr-config/examples/ecr.json"),
    );
    assert_eq!(EXAMPLE.ci.access_key, "AKIAIOSFODNN7EXAMPLE");
}

#[test]
fn the_docker_registry_example_embeds_as_it_parses() {
    let registry = include_config!("ui/configs/docker-registry.json" as RegistryCredential);
    same(
        &registry,
        include_str!("../ui/configs/docker-registry.json"),
    );
    assert_eq!(registry.port, 443, "the serde default");
}

#[test]
fn a_byte_order_mark_crlf_line_ends_and_escapes_embed_as_they_parse() {
    let ecr = include_config!("embedded/ecr-bom-crlf-escapes.json" as EcrConfig);
    same(&ecr, include_str!("../embedded/ecr-bom-crlf-escapes.json"));
    assert_eq!(ecr.setup.external_id.as_deref(), Some("日本"));
    assert_eq!(
        ecr.ci.secret_key.expose_secret(),
        "s\u{e9}cr\u{e8}t \"\u{1f511}\" / \\ \t"
    );
}

/// Numbers at the edges of `i128` and `f64`, written into the expansion as literals.
#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Numbers {
    min: i128,
    max: i128,
    huge: f64,
    tiny: f64,
    negative_zero: f64,
    exponent: f64,
    ratio: f64,
}

#[test]
fn extreme_numbers_embed_as_they_parse() {
    let numbers = include_config!("embedded/numbers.json" as Numbers);
    same(&numbers, include_str!("../embedded/numbers.json"));
    assert_eq!((numbers.min, numbers.max), (i128::MIN, i128::MAX));
    assert_eq!(numbers.huge.to_bits(), 1e300f64.to_bits());
    assert_eq!(numbers.tiny.to_bits(), 5e-324f64.to_bits());
    assert_eq!(numbers.negative_zero.to_bits(), (-0.0f64).to_bits());
}

/// The expansion names nothing a user's code could shadow.
mod shadowing {
    #![allow(
        dead_code,
        unused_imports,
        non_camel_case_types,
        reason = "shadows the names a careless expansion would use"
    )]

    struct str;
    struct f64;
    struct u32;
    struct i128;
    enum Option {
        Some,
        None,
    }
    use Option::{None, Some};
    mod core {}

    #[test]
    fn the_expansion_uses_absolute_paths_only() {
        let numbers = crate::include_config!("embedded/numbers.json" as crate::Numbers);
        assert_eq!(numbers.min, ::core::primitive::i128::MIN);
    }
}
