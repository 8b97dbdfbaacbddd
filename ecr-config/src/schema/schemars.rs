//! `schemars::JsonSchema` for every derived type (the `schemars` feature), from the same
//! [`Shape`] as [`Validate::json_schema`](crate::Validate::json_schema): API tooling built
//! on schemars (aide, okapi, …) then sees the constraints `validate` checks.
//!
//! The derive cannot see this crate's features, so it always invokes
//! [`__impl_json_schema!`](crate::__impl_json_schema), which is defined to implement the trait
//! with the feature and to expand to nothing without it (the pattern serde and others use for
//! optional integrations).

use std::borrow::Cow;

use crate::meta::Shape;
use schemars::{Schema, SchemaGenerator};

/// The name schemars files the type's schema under: the Rust name of the type.
pub fn name(shape: &'static Shape) -> Cow<'static, str> {
    match shape {
        Shape::Object(meta) => Cow::Borrowed(meta.ident),
        Shape::Enum(meta) => Cow::Borrowed(meta.ident),
        _ => Cow::Borrowed("Value"),
    }
}

/// The type's schema for `generator`: inline, with the definitions of recursive types added to
/// the generator's and referred to at its definitions path (`#/$defs/…` by default,
/// `#/components/schemas/…` with `SchemaSettings::openapi3()`).
pub fn json_schema(shape: &'static Shape, generator: &mut SchemaGenerator) -> Schema {
    let path = &generator.settings().definitions_path;
    let path = path.strip_prefix('#').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    let (body, defs) = super::parts(shape, &format!("#{path}/"));
    let definitions = generator.definitions_mut();
    for (name, definition) in defs {
        definitions.entry(name).or_insert(definition);
    }
    Schema::from(body)
}
