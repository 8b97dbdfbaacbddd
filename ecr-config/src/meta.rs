//! What the derive records about a type besides its checks: serialized names, titles,
//! descriptions (doc comments), which properties are required and the declared rules. It is
//! the single source the schema and reference docs are generated from.

use crate::error::Number;

/// A type the derive has described.
pub trait Describe {
    /// The description, built at compile time.
    const META: Meta;
}

/// The description of a derived type.
#[derive(Debug, Clone, Copy)]
pub enum Meta {
    /// A struct with named fields: a JSON object.
    Struct(&'static StructMeta),
    /// A unit-only enum: a JSON string from a fixed list.
    Enum(&'static EnumMeta),
}

/// A struct with named fields, described as a JSON object.
#[derive(Debug, Clone, Copy)]
pub struct StructMeta {
    /// The Rust name of the type.
    pub ident: &'static str,
    /// `#[title("…")]` on the struct.
    pub title: Option<&'static str>,
    /// The struct's doc comment.
    pub description: Option<&'static str>,
    /// `#[serde(deny_unknown_fields)]`: properties not declared are rejected.
    pub deny_unknown_fields: bool,
    /// The properties, in declaration order (flattened fields included as written).
    pub fields: &'static [FieldMeta],
}

/// One property of a struct.
#[derive(Debug, Clone, Copy)]
pub struct FieldMeta {
    /// The serialized (deserialize-side) name, after `rename`/`rename_all`.
    pub name: &'static str,
    /// The Rust name of the field.
    pub ident: &'static str,
    /// `#[title("…")]`.
    pub title: Option<&'static str>,
    /// The field's doc comment.
    pub description: Option<&'static str>,
    /// Whether the property must be present: not an `Option` and no `#[serde(default)]`.
    pub required: bool,
    /// `#[serde(flatten)]`: the field's own properties sit in this object.
    pub flatten: bool,
    /// The declared constraints.
    pub rules: &'static [Rule],
}

/// One declared constraint of a field.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Rule {
    /// `#[len(…)]`: code points of a string, items of a list or map.
    Length {
        /// Lower bound.
        min: Option<usize>,
        /// Upper bound.
        max: Option<usize>,
    },
    /// `#[pattern("…")]`, verbatim.
    Pattern(&'static str),
    /// `#[range(…)]`.
    Range {
        /// Lower bound.
        min: Option<Number>,
        /// Upper bound.
        max: Option<Number>,
    },
    /// `#[constant("…")]`.
    Const(&'static str),
    /// `#[content_media_type("…")]`.
    ContentMediaType(&'static str),
}

/// A unit-only enum, described as a string with a fixed set of values.
#[derive(Debug, Clone, Copy)]
pub struct EnumMeta {
    /// The Rust name of the type.
    pub ident: &'static str,
    /// `#[title("…")]` on the enum.
    pub title: Option<&'static str>,
    /// The enum's doc comment.
    pub description: Option<&'static str>,
    /// The variants, in declaration order.
    pub variants: &'static [VariantMeta],
}

/// One variant of a unit-only enum.
#[derive(Debug, Clone, Copy)]
pub struct VariantMeta {
    /// The serialized name, after `rename`/`rename_all`.
    pub name: &'static str,
    /// The Rust name of the variant.
    pub ident: &'static str,
    /// The variant's doc comment.
    pub description: Option<&'static str>,
}

/// A unit-only enum whose serialized names the derive recorded: the allowed values come
/// from the Rust enum, the single source of truth.
pub trait UnitEnum {
    /// Every serialized name, in declaration order.
    const NAMES: &'static [&'static str];

    /// The serialized name of this variant.
    fn as_str(&self) -> &'static str;
}
