//! `#[derive(Validate)]` for `ecr-config`. Use it through the `ecr-config` crate, which
//! re-exports it and documents the attribute language.
#![forbid(unsafe_code)]

mod attr;
mod check;
mod errors;
mod expand;
mod model;
mod pattern;
mod serde_attr;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Generates `ecr_config::Validate` (and the `Describe` metadata) from the inline constraint
/// attributes. See the `ecr-config` crate for the attribute language.
#[proc_macro_derive(
    Validate,
    attributes(
        len,
        pattern,
        range,
        title,
        constant,
        content_media_type,
        validate,
        example
    )
)]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
