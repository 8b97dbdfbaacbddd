//! The rules a field can declare, one module each: the type it applies to (a trait naming the
//! attribute when it does not), its test as a `const fn` that `validate`, the positioned
//! parser and the compile-time checker all make, its message (`message.rs`: one wording for
//! run time and compile time), its JSON Schema keywords and its words in the reference docs.
//! The derive's side of each rule (syntax, compile-time checks, what it emits) is the module
//! of the same name in `ecr-config-derive/src/rules/`.
//!
//! Adding a rule is a module here and one there, and a line in each registry: [`Rule`] and
//! its [`schema`]/[`docs`] dispatch, `ConstRule` and the compile-time checker's dispatch
//! (`private/compile_time/check.rs`), the parser's (`parse/check.rs`), `Detail::message`
//! (`error.rs`), and the derive's `rules/mod.rs`.
//!
//! Users reach these modules only through `__private` (the derive's code) and
//! [`Rule`](crate::meta::Rule): they are not a public API.
#![allow(
    missing_docs,
    reason = "reached through `__private` only, as the derive's support"
)]

use core::fmt;

use serde_json::{Map, Value};

use crate::meta::Shape;

pub mod constant;
pub mod each;
pub mod format;
pub mod keys;
pub mod len;
pub mod media_type;
pub mod message;
pub mod multiple_of;
pub mod pattern;
pub mod range;
pub mod requires;
pub mod unique;

/// One declared constraint of a field. `message` is the rule's `message = "…"`, which
/// replaces the sentence of its findings.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum Rule {
    /// `#[len(…)]`: code points of a string, items of a list, members of a map.
    Length {
        /// Lower bound.
        min: Option<usize>,
        /// Upper bound.
        max: Option<usize>,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[pattern("…")]`.
    Pattern {
        /// The pattern, verbatim.
        pattern: &'static str,
        /// The matcher the derive compiled from it, the same one `validate` runs.
        is_match: fn(&str) -> bool,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[range(…)]`.
    Range {
        /// The bounds.
        bounds: range::Bounds,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[multiple_of(N)]`.
    MultipleOf {
        /// `N`.
        divisor: multiple_of::Divisor,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[each(…)]`: rules for every item of a list or value of a map.
    Each {
        /// The items' rules.
        rules: &'static [Rule],
    },
    /// `#[keys(…)]`: rules for every key of a map.
    Keys {
        /// The keys' rules.
        rules: &'static [Rule],
    },
    /// `#[unique]`: no two items equal as JSON values.
    Unique {
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[requires(a, b)]`: when the field is given, these properties must be too.
    Requires {
        /// The serialized names of the properties required.
        properties: &'static [&'static str],
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[constant("…")]`.
    Const {
        /// The only value allowed.
        value: &'static str,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[format("…")]`.
    Format {
        /// The format.
        format: format::Format,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
    /// `#[content_media_type("…")]`.
    ContentMediaType {
        /// The media type.
        media_type: &'static str,
        /// The findings' sentence, if declared.
        message: Option<&'static str>,
    },
}

impl Rule {
    /// The rule's `message = "…"`, if declared.
    pub fn message(&self) -> Option<&'static str> {
        match *self {
            Rule::Length { message, .. }
            | Rule::Pattern { message, .. }
            | Rule::Range { message, .. }
            | Rule::MultipleOf { message, .. }
            | Rule::Requires { message, .. }
            | Rule::Unique { message }
            | Rule::Const { message, .. }
            | Rule::Format { message, .. }
            | Rule::ContentMediaType { message, .. } => message,
            Rule::Each { .. } | Rule::Keys { .. } => None,
        }
    }
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = match self {
            Rule::Length { min, max, .. } => {
                let mut out = f.debug_struct("Length");
                out.field("min", min).field("max", max);
                out
            }
            Rule::Pattern { pattern, .. } => {
                let mut out = f.debug_struct("Pattern");
                out.field("pattern", pattern);
                out
            }
            Rule::Range { bounds, .. } => {
                let mut out = f.debug_struct("Range");
                out.field("bounds", bounds);
                out
            }
            Rule::MultipleOf { divisor, .. } => {
                let mut out = f.debug_struct("MultipleOf");
                out.field("divisor", &divisor.number);
                out
            }
            Rule::Unique { .. } => f.debug_struct("Unique"),
            Rule::Each { rules } => {
                let mut out = f.debug_struct("Each");
                out.field("rules", rules);
                out
            }
            Rule::Keys { rules } => {
                let mut out = f.debug_struct("Keys");
                out.field("rules", rules);
                out
            }
            Rule::Requires { properties, .. } => {
                let mut out = f.debug_struct("Requires");
                out.field("properties", properties);
                out
            }
            Rule::Const { value, .. } => {
                let mut out = f.debug_struct("Const");
                out.field("value", value);
                out
            }
            Rule::Format { format, .. } => {
                let mut out = f.debug_struct("Format");
                out.field("format", &format.name());
                out
            }
            Rule::ContentMediaType { media_type, .. } => {
                let mut out = f.debug_struct("ContentMediaType");
                out.field("media_type", media_type);
                out
            }
        };
        if let Some(message) = self.message() {
            out.field("message", &message);
        }
        out.finish()
    }
}

/// Rules are equal when they declare the same thing; a pattern's matcher is compiled from its
/// text, so the text decides.
impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        let same = match (self, other) {
            (Rule::Length { min: a, max: b, .. }, Rule::Length { min: c, max: d, .. }) => {
                a == c && b == d
            }
            (Rule::Range { bounds: a, .. }, Rule::Range { bounds: b, .. }) => a == b,
            (Rule::MultipleOf { divisor: a, .. }, Rule::MultipleOf { divisor: b, .. }) => a == b,
            (Rule::Requires { properties: a, .. }, Rule::Requires { properties: b, .. }) => a == b,
            (Rule::Format { format: a, .. }, Rule::Format { format: b, .. }) => a == b,
            (Rule::Unique { .. }, Rule::Unique { .. }) => true,
            (Rule::Each { rules: a }, Rule::Each { rules: b })
            | (Rule::Keys { rules: a }, Rule::Keys { rules: b }) => a == b,
            (Rule::Pattern { pattern: a, .. }, Rule::Pattern { pattern: b, .. })
            | (Rule::Const { value: a, .. }, Rule::Const { value: b, .. })
            | (
                Rule::ContentMediaType { media_type: a, .. },
                Rule::ContentMediaType { media_type: b, .. },
            ) => a == b,
            _ => false,
        };
        same && self.message() == other.message()
    }
}

/// The schema keywords of a property's `rules`; `shape` is its type's, options unwrapped.
#[inline]
pub(crate) fn schema(rules: &[Rule], shape: &Shape, required: bool, out: &mut Map<String, Value>) {
    for rule in rules {
        match *rule {
            Rule::Length { min, max, .. } => len::schema(min, max, shape, out),
            Rule::Pattern { pattern, .. } => pattern::schema(pattern, out),
            Rule::Range { ref bounds, .. } => range::schema(bounds, out),
            Rule::MultipleOf { ref divisor, .. } => multiple_of::schema(divisor, out),
            Rule::Unique { .. } => unique::schema(out),
            Rule::Each { rules } => each::schema(rules, shape, out),
            Rule::Keys { rules } => keys::schema(rules, out),
            // The object's keyword (`requires::schema`).
            Rule::Requires { .. } => {}
            Rule::Const { value, .. } => constant::schema(value, required, out),
            Rule::Format { format, .. } => format::schema(format, out),
            Rule::ContentMediaType { media_type, .. } => media_type::schema(media_type, out),
        }
    }
}

/// The reference docs' lines about a property's `rules`, in the settings page's order;
/// `constant_is_default` for an optional property with no default of its own.
#[inline]
pub(crate) fn docs(rules: &[Rule], shape: &Shape, constant_is_default: bool, lines: &mut Lines) {
    // A number's bounds are stated with or without a `range`: the type's own (`u8`: 0 to 255).
    let mut bounds = range::Bounds::default();
    for rule in rules {
        match *rule {
            Rule::Length { min, max, .. } => len::docs(min, max, shape, lines),
            Rule::Pattern { pattern, .. } => pattern::docs(pattern, lines),
            Rule::Range {
                bounds: declared, ..
            } => bounds = declared,
            Rule::MultipleOf { ref divisor, .. } => multiple_of::docs(divisor, lines),
            Rule::Unique { .. } => unique::docs(lines),
            Rule::Each { rules } => each::docs(rules, shape, lines),
            Rule::Keys { rules } => keys::docs(rules, lines),
            Rule::Requires { properties, .. } => requires::docs(properties, lines),
            Rule::Const { value, .. } => constant::docs(value, constant_is_default, lines),
            Rule::Format { format, .. } => format::docs(format, lines),
            Rule::ContentMediaType { media_type, .. } => media_type::docs(media_type, lines),
        }
    }
    range::docs(&bounds, shape, lines);
}

/// The default serde gives a missing property, as JSON, to state in the schema and docs; never
/// when the field's type holds a secret anywhere (a default is printed whole).
#[inline]
pub(crate) fn shown_default(field: &crate::meta::FieldMeta) -> Option<Value> {
    let default = field.default?;
    if may_hold_secret((field.shape)(), &mut Vec::new()) {
        return None;
    }
    // An absent `Option` is no value to state (and `null` is not one it takes).
    default().filter(|value| !(value.is_null() && matches!((field.shape)(), Shape::Optional(_))))
}

/// Whether a value of `shape` may hold a `Secret`, at any depth; `seen` stops recursive types.
fn may_hold_secret(shape: &'static Shape, seen: &mut Vec<*const crate::meta::StructMeta>) -> bool {
    match shape {
        Shape::Sensitive(_) => true,
        Shape::Optional(inner) | Shape::Array(inner) | Shape::Map(inner) => {
            may_hold_secret(inner(), seen)
        }
        Shape::Object(meta) => {
            let pointer: *const crate::meta::StructMeta = *meta;
            if seen.contains(&pointer) {
                return false;
            }
            seen.push(pointer);
            meta.fields
                .iter()
                .any(|field| may_hold_secret((field.shape)(), seen))
        }
        Shape::Any
        | Shape::Boolean
        | Shape::Integer { .. }
        | Shape::Number
        | Shape::Str
        | Shape::Enum(_) => false,
    }
}

/// Where a line stands among a property's lines in the docs (the settings page's order);
/// lines of one rank keep the order of the rules that wrote them.
pub(crate) mod rank {
    pub(crate) const MIN_LENGTH: u8 = 10;
    pub(crate) const MAX_LENGTH: u8 = 20;
    pub(crate) const UNIQUE: u8 = 25;
    pub(crate) const MINIMUM: u8 = 30;
    pub(crate) const MAXIMUM: u8 = 40;
    pub(crate) const MULTIPLE_OF: u8 = 45;
    pub(crate) const FORMAT: u8 = 50;
    pub(crate) const DEFAULT: u8 = 60;
    pub(crate) const CONSTANT: u8 = 70;
    pub(crate) const REQUIRES: u8 = 75;
    pub(crate) const EACH: u8 = 80;
}

/// A property's lines in the docs, ranked.
#[derive(Default)]
pub(crate) struct Lines(Vec<(u8, String)>);

impl Lines {
    #[inline]
    pub(crate) fn push(&mut self, rank: u8, line: String) {
        self.0.push((rank, line));
    }

    /// The lines in rank order.
    #[inline]
    pub(crate) fn into_sorted(self) -> Vec<String> {
        let mut lines = self.0;
        crate::sort::sort_by(&mut lines, |a, b| a.0.cmp(&b.0));
        lines.into_iter().map(|(_, line)| line).collect()
    }
}

/// A rule's trait for the string types: `String`, `str`, `Box<str>`, `Cow<str>`, references
/// and `Option`s of them; with `secret`, for `Secret<String>` too.
macro_rules! string_target {
    ($trait:ident, secret) => {
        $crate::rules::string_target!($trait);

        impl $trait for $crate::Secret<String> {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                Some(secrecy::ExposeSecret::expose_secret(self))
            }
        }
    };
    ($trait:ident) => {
        impl $trait for String {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                Some(self)
            }
        }
        impl $trait for str {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                Some(self)
            }
        }
        impl $trait for Box<str> {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                Some(self)
            }
        }
        impl $trait for std::borrow::Cow<'_, str> {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                Some(self)
            }
        }
        impl<T: $trait + ?Sized> $trait for &T {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                T::__ecr_str(self)
            }
        }
        impl<T: $trait> $trait for Option<T> {
            #[inline]
            fn __ecr_str(&self) -> Option<&str> {
                self.as_ref().and_then(T::__ecr_str)
            }
        }
    };
}
use string_target;

/// The `f64` of the decimal an `f32` reads back from (`0.3f32` is `0.3`, not its binary
/// value `0.30000001192092896`): the number a document wrote, so that `validate` judges it
/// as the parser and the compile-time checker judge the text.
#[inline]
pub(crate) fn as_written(x: f32) -> f64 {
    use core::fmt::Write as _;
    let mut digits = Digits::default();
    match write!(digits, "{x:e}") {
        Ok(()) => digits.as_str().parse().unwrap_or(f64::from(x)),
        Err(_) => f64::from(x),
    }
}

/// Room for a float in `{:e}` form (`-1.7976931348623157e308`), on the stack.
#[derive(Default)]
pub(crate) struct Digits {
    bytes: [u8; 32],
    len: usize,
}

impl Digits {
    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(&self.bytes[..self.len]).unwrap_or("")
    }
}

impl core::fmt::Write for Digits {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// A rule's trait for the number types, their references and `Option`s.
macro_rules! number_target {
    ($trait:ident) => {
        $crate::rules::number_target!(@each $trait, Int as i128: i8, i16, i32, i64, u8, u16, u32, u64);
        $crate::rules::number_target!(@each $trait, Float as f64: f64);

        impl $trait for f32 {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                Some(Number::Float($crate::rules::as_written(*self)))
            }
        }

        impl $trait for i128 {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                Some(Number::Int(*self))
            }
        }

        impl $trait for usize {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                Some(Number::Int(*self as i128))
            }
        }

        impl $trait for isize {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                Some(Number::Int(*self as i128))
            }
        }

        impl<T: $trait> $trait for Option<T> {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                self.as_ref().and_then(T::__ecr_number)
            }
        }

        impl<T: $trait + ?Sized> $trait for &T {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                T::__ecr_number(self)
            }
        }
    };
    (@each $trait:ident, $variant:ident as $wide:ty: $($ty:ty),*) => {$(
        impl $trait for $ty {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                Some(Number::$variant(<$wide>::from(*self)))
            }
        }
    )*};
}
use number_target;

#[cfg(test)]
mod tests;
