//! `#[derive(Validate)]` for `ecr-config`. Use it through the `ecr-config` crate, which
//! re-exports it and documents the attribute language.
#![forbid(unsafe_code)]

mod attr;
mod check;
mod errors;
mod expand;
#[cfg(feature = "include-config")]
mod include;
#[cfg(not(feature = "include-config"))]
#[path = "include/off.rs"]
mod include;
mod literal;
mod model;
mod pattern;
mod rules;
mod serde_attr;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Generates `ecr_config::Validate` (and the `Describe` metadata) from the inline constraint
/// attributes. See the `ecr-config` crate for the attribute language.
#[proc_macro_derive(
    Validate,
    // The rules (`rules::NAMES`), then the other attributes.
    attributes(
        len,
        pattern,
        range,
        multiple_of,
        unique,
        each,
        keys,
        requires,
        title,
        constant,
        format,
        content_media_type,
        validate,
        example
    )
)]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

/// `checked!(Type { field: value, … })`: the struct literal, checked against `Type`'s
/// declarations at compile time. See `ecr_config::checked`.
#[proc_macro]
pub fn checked(input: TokenStream) -> TokenStream {
    literal::expand(input.into()).into()
}

/// Embeds a JSON config file as a value of a type deriving `Validate`, checked when the crate
/// builds: `include_config!("deploy/ecr.json" as EcrConfig)`. See `ecr_config::include_config`.
#[proc_macro]
pub fn include_config(input: TokenStream) -> TokenStream {
    include::include_config(input.into()).into()
}
