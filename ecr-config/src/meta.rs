//! What the derive records about a type besides its checks: its JSON shape, serialized names,
//! titles, descriptions (doc comments), required properties and declared rules. It is the
//! single source the parser, the schema and the reference docs work from.
//!
//! Every type that implements [`Validate`](crate::Validate) has a [`Shape`]
//! ([`Validate::SHAPE`](crate::Validate::SHAPE)); the derive fills it in from the struct.

pub use crate::rules::Rule;
/// The format of [`Rule::Format`].
pub use crate::rules::format::Format;
/// The bounds of [`Rule::Range`].
pub use crate::rules::range::Bounds;

/// A nested shape, behind a function so that recursive types (`struct Tree { children:
/// Vec<Tree> }`) do not make their descriptions infinitely deep.
pub type ShapeFn = fn() -> &'static Shape;

/// The JSON a type reads and writes.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum Shape {
    /// Any JSON value: `serde_json::Value`, or a type not described (a hand-written
    /// `Validate`, a skipped field).
    Any,
    /// `true` or `false`.
    Boolean,
    /// A whole number within the Rust type's range.
    Integer {
        /// The smallest value the type holds.
        min: i128,
        /// The largest value the type holds.
        max: i128,
    },
    /// Any JSON number.
    Number,
    /// A string. (Not named `String`: a public item of that name makes rustc spell
    /// `std::string::String` out in full in every error message about strings.)
    Str,
    /// A [`Secret`](crate::Secret): the inner shape, whose value no output may show. (Not
    /// named `Secret`, which would make rustc spell `ecr_config::Secret` out in errors.)
    Sensitive(ShapeFn),
    /// An optional property: absent or the inner shape (never `null`, as in JSON Schema).
    Optional(ShapeFn),
    /// An array of items of one shape.
    Array(ShapeFn),
    /// An object with arbitrary keys and values of one shape.
    Map(ShapeFn),
    /// A struct with named fields: an object with declared properties.
    Object(&'static StructMeta),
    /// A unit-only enum: a string from a fixed list.
    Enum(&'static EnumMeta),
}

impl Shape {
    /// The JSON Schema `type` of the shape, if it has one.
    pub fn json_type(&self) -> Option<&'static str> {
        match self {
            Shape::Any => None,
            Shape::Boolean => Some("boolean"),
            Shape::Integer { .. } => Some("integer"),
            Shape::Number => Some("number"),
            Shape::Str | Shape::Enum(_) => Some("string"),
            Shape::Optional(inner) | Shape::Sensitive(inner) => inner().json_type(),
            Shape::Array(_) => Some("array"),
            Shape::Map(_) | Shape::Object(_) => Some("object"),
        }
    }
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
    /// `#[example(…)]`: JSON documents that are valid for the type (tested, not assumed).
    pub examples: &'static [&'static str],
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
    /// The value serde gives the property when it is missing (`#[serde(default)]`,
    /// `#[serde(default = "path")]`, on the field or the struct), as JSON; `None` inside when
    /// the field's type is not `Serialize`. For the schema's `default` and the docs.
    pub default: Option<fn() -> Option<serde_json::Value>>,
    /// `#[serde(flatten)]`: the field's own properties sit in this object.
    pub flatten: bool,
    /// The shape of the field's type.
    pub shape: ShapeFn,
    /// The declared constraints.
    pub rules: &'static [Rule],
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
    /// The variants' serialized names, in the same order.
    pub names: &'static [&'static str],
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
