//! The declarations: a type's [`Shape`](crate::Shape) as plain data, without `fn` pointers.

use crate::__private::dfa::Dfa;
use crate::meta::Shape;

/// A type's declarations as data: [`Shape`](crate::Shape) without `fn` pointers.
#[derive(Debug, Clone, Copy)]
pub enum ConstShape {
    /// Not described: any value.
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
    /// Any number.
    Number,
    /// A string.
    Str,
    /// A secret: the inner shape.
    Sensitive(&'static ConstShape),
    /// An optional property.
    Optional(&'static ConstShape),
    /// An array.
    Array(&'static ConstShape),
    /// An object with arbitrary keys.
    Map(&'static ConstShape),
    /// A struct.
    Object(&'static ConstStruct),
    /// A unit-only enum.
    Enum(&'static ConstEnum),
}

impl ConstShape {
    /// The data form of a shape without nested shapes; anything else is [`ConstShape::Any`]
    /// (containers and structs fill in their own).
    #[inline]
    pub const fn leaf(shape: Shape) -> ConstShape {
        match shape {
            Shape::Boolean => ConstShape::Boolean,
            Shape::Integer { min, max } => ConstShape::Integer { min, max },
            Shape::Number => ConstShape::Number,
            Shape::Str => ConstShape::Str,
            _ => ConstShape::Any,
        }
    }
}

/// A struct's properties.
#[derive(Debug, Clone, Copy)]
pub struct ConstStruct {
    /// `#[serde(deny_unknown_fields)]`.
    pub deny_unknown_fields: bool,
    /// The properties, in declaration order.
    pub fields: &'static [ConstField],
}

/// One property.
#[derive(Debug)]
pub struct ConstField {
    /// The serialized name.
    pub name: &'static str,
    /// The Rust name (what a literal written in Rust uses).
    pub ident: &'static str,
    /// Not `Option`, no `#[serde(default)]`.
    pub required: bool,
    /// `#[serde(flatten)]`.
    pub flatten: bool,
    /// The field type's shape.
    pub shape: &'static ConstShape,
    /// The declared rules.
    pub rules: &'static [ConstRule],
    /// Keeps the derive's field lists from being promoted; see [`shape_of`].
    pub not_promoted: NotPromoted,
}

/// A field that needs dropping, so that rustc extends the lifetime of a derived type's field
/// list instead of promoting it to a constant of its own; see [`shape_of`].
#[derive(Debug)]
pub struct NotPromoted;

impl Drop for NotPromoted {
    #[inline]
    fn drop(&mut self) {}
}

/// `T`'s [`ConstShape`], as the derive refers to the shape of a field's type.
///
/// A type that contains itself (`struct Tree { children: Vec<Tree> }`) has a shape that
/// contains itself, which no constant can hold. rustc evaluates the constants a constant's
/// body names, and the promoted parts of its body, as soon as it compiles the body, so naming
/// `<Vec<Tree>>::__CONST_SHAPE` in `Tree`'s would make such types fail to compile at all.
/// Reached through this call, in a field list that cannot be promoted ([`NotPromoted`]), the
/// shape is only evaluated when a compile-time check uses it; for a recursive type that use
/// is the error ("cycle detected"), and the type itself still compiles.
#[inline]
pub const fn shape_of<T: crate::Validate + ?Sized>() -> &'static ConstShape {
    T::__CONST_SHAPE
}

/// One declared rule.
#[derive(Debug, Clone, Copy)]
pub enum ConstRule {
    /// `#[len]`.
    Length {
        /// Lower bound.
        min: Option<usize>,
        /// Upper bound.
        max: Option<usize>,
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[pattern]`: the text and the DFA the derive compiled from it.
    Pattern {
        /// The pattern as written.
        pattern: &'static str,
        /// Its tables (the runtime may run the same DFA as straight-line code).
        dfa: &'static Dfa,
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[range]`.
    Range {
        /// `min`, `exclusive_min`, `max`, `exclusive_max`: `range::KEYWORDS`' order.
        bounds: &'static [Option<ConstNumber>; 4],
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[multiple_of]`.
    MultipleOf {
        /// `N`.
        divisor: &'static crate::rules::multiple_of::Divisor,
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[each]`: the items' rules, checked with the items (`check::value`).
    Each {
        /// The rules.
        rules: &'static [ConstRule],
    },
    /// `#[keys]`: the keys' rules, checked with the members (`check::value`).
    Keys {
        /// The rules.
        rules: &'static [ConstRule],
    },
    /// `#[unique]`.
    Unique {
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[requires]`: the properties required when the field is given.
    Requires {
        /// Their serialized names.
        properties: &'static [&'static str],
        /// Their Rust names (what a literal written in Rust uses).
        idents: &'static [&'static str],
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[constant]`.
    Const {
        /// The only value allowed.
        value: &'static str,
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[format]`.
    Format {
        /// The format.
        format: crate::rules::format::Format,
        /// `message = "…"`.
        message: Option<&'static str>,
    },
    /// `#[content_media_type]` (always JSON).
    ContentMediaType {
        /// `message = "…"`.
        message: Option<&'static str>,
    },
}

/// A bound of `#[range]`, with its text as the runtime prints it.
#[derive(Debug, Clone, Copy)]
pub struct ConstNumber {
    /// Whole-number bounds are compared exactly.
    pub int: Option<i128>,
    /// The bound as an `f64`.
    pub float: f64,
    /// As printed in messages.
    pub text: &'static str,
}

/// A unit-only enum's values.
#[derive(Debug, Clone, Copy)]
pub struct ConstEnum {
    /// Serialized names, in declaration order.
    pub names: &'static [&'static str],
    /// Variant names, in the same order.
    pub idents: &'static [&'static str],
}
