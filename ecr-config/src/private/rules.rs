//! The traits that route a constraint to the field's type, and the cold paths that record a
//! failure. Each trait names its attribute in `on_unimplemented`, so a `#[len]` on a `bool`
//! is reported where it was written, in words.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::error::{Detail, Keyword, Number, ValidationError};
use crate::{FieldPath, Secret, ValidationErrors};

use super::json::check_json_text;
use super::length::chars_within;

/// What `#[len]` measures: the code points of a string, the items of a list or map.
#[derive(Debug, Clone, Copy)]
pub enum Measure<'a> {
    /// A string, measured in code points.
    Chars(&'a str),
    /// A list or map, measured in items.
    Items(usize),
    /// An absent optional value: nothing to check.
    Absent,
}

#[diagnostic::on_unimplemented(
    message = "`#[len]` cannot be applied to `{Self}`",
    label = "`len` counts the characters of a string or the items of a list or map",
    note = "use `#[range(min = …, max = …)]` to bound a number"
)]
pub trait HasLength {
    fn __ecr_measure(&self) -> Measure<'_>;
}

/// The string `#[pattern]` matches. For every type that also has a [`HasLength`], `Some(s)`
/// here comes with `Measure::Chars(s)` there and `None` with `Measure::Absent`: the derive
/// skips counting a value's length when the pattern matched it and every match has an
/// allowed length (the tests hold the impls to that).
#[diagnostic::on_unimplemented(
    message = "`#[pattern]` cannot be applied to `{Self}`",
    label = "`pattern` matches strings (`String`, `Secret<String>`, or an `Option` of one)"
)]
pub trait PatternTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

#[diagnostic::on_unimplemented(
    message = "`#[constant]` cannot be applied to `{Self}`",
    label = "`constant` compares strings (`String`, or an `Option` of one)"
)]
pub trait ConstTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

#[diagnostic::on_unimplemented(
    message = "`#[content_media_type]` cannot be applied to `{Self}`",
    label = "`content_media_type` checks the text of a string (`String`, `Secret<String>`, or an `Option` of one)"
)]
pub trait MediaTypeTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

#[diagnostic::on_unimplemented(
    message = "`#[range]` cannot be applied to `{Self}`",
    label = "`range` bounds integers and floats (or an `Option` of one)",
    note = "use `#[len(min = …, max = …)]` to bound the length of a string or list"
)]
pub trait RangeTarget {
    fn __ecr_number(&self) -> Option<Number>;
}

macro_rules! string_targets {
    ($($trait:ident),*) => {$(
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
    )*};
}

string_targets!(PatternTarget, ConstTarget, MediaTypeTarget);

// A constant is public by definition, so `#[constant]` is not offered on a `Secret`.
impl PatternTarget for Secret<String> {
    #[inline]
    fn __ecr_str(&self) -> Option<&str> {
        Some(secrecy::ExposeSecret::expose_secret(self))
    }
}

impl MediaTypeTarget for Secret<String> {
    #[inline]
    fn __ecr_str(&self) -> Option<&str> {
        Some(secrecy::ExposeSecret::expose_secret(self))
    }
}

impl HasLength for String {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        Measure::Chars(self)
    }
}

impl HasLength for str {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        Measure::Chars(self)
    }
}

impl HasLength for Box<str> {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        Measure::Chars(self)
    }
}

impl HasLength for std::borrow::Cow<'_, str> {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        Measure::Chars(self)
    }
}

impl HasLength for Secret<String> {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        Measure::Chars(secrecy::ExposeSecret::expose_secret(self))
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        T::__ecr_measure(self)
    }
}

impl<T: HasLength> HasLength for Option<T> {
    #[inline]
    fn __ecr_measure(&self) -> Measure<'_> {
        self.as_ref().map_or(Measure::Absent, T::__ecr_measure)
    }
}

macro_rules! item_lengths {
    ($([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> HasLength for $ty {
            #[inline]
            fn __ecr_measure(&self) -> Measure<'_> {
                Measure::Items(self.len())
            }
        }
    )*};
}

item_lengths! {
    [T] Vec<T>,
    [T] [T],
    [T] VecDeque<T>,
    [K, V] BTreeMap<K, V>,
    [K, V, S] HashMap<K, V, S>,
}

macro_rules! numbers {
    ($variant:ident as $wide:ty: $($ty:ty),*) => {$(
        impl RangeTarget for $ty {
            #[inline]
            fn __ecr_number(&self) -> Option<Number> {
                Some(Number::$variant(<$wide>::from(*self)))
            }
        }
    )*};
}

numbers!(Int as i128: i8, i16, i32, i64, u8, u16, u32, u64);
numbers!(Float as f64: f32, f64);

impl RangeTarget for i128 {
    #[inline]
    fn __ecr_number(&self) -> Option<Number> {
        Some(Number::Int(*self))
    }
}

impl RangeTarget for usize {
    #[inline]
    fn __ecr_number(&self) -> Option<Number> {
        Some(Number::Int(*self as i128))
    }
}

impl RangeTarget for isize {
    #[inline]
    fn __ecr_number(&self) -> Option<Number> {
        Some(Number::Int(*self as i128))
    }
}

impl<T: RangeTarget> RangeTarget for Option<T> {
    #[inline]
    fn __ecr_number(&self) -> Option<Number> {
        self.as_ref().and_then(T::__ecr_number)
    }
}

impl<T: RangeTarget + ?Sized> RangeTarget for &T {
    #[inline]
    fn __ecr_number(&self) -> Option<Number> {
        T::__ecr_number(self)
    }
}

/// `#[len(min = MIN, max = MAX)]` (`MAX` is `usize::MAX` when unbounded).
///
/// Always inlined: with the bounds and the kind of measure known at the call, this folds to
/// a comparison or two (`min = 1` is `is_empty`), where LLVM left it an out-of-line call.
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn check_length(
    measure: Measure<'_>,
    min: usize,
    max: usize,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let (found, chars) = match measure {
        Measure::Chars(s) => match chars_within(s, min, max) {
            Ok(()) => return,
            Err(found) => (found, true),
        },
        Measure::Items(n) if n >= min && n <= max => return,
        Measure::Items(n) => (n, false),
        Measure::Absent => return,
    };
    length_failed(found, chars, min, max, path, errors);
}

#[cold]
#[inline(never)]
fn length_failed(
    found: usize,
    chars: bool,
    min: usize,
    max: usize,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let keyword = match (chars, found < min) {
        (true, true) => Keyword::MinLength,
        (true, false) => Keyword::MaxLength,
        (false, true) => Keyword::MinItems,
        (false, false) => Keyword::MaxItems,
    };
    let detail = Detail::Length {
        min: (min > 0).then_some(min),
        max: (max < usize::MAX).then_some(max),
        found,
    };
    errors.push(ValidationError::at(path, keyword, detail));
}

/// `#[pattern]` did not match; `pattern` is the attribute's text.
#[cold]
#[inline(never)]
pub fn pattern_failed(pattern: &'static str, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
    errors.push(ValidationError::at(
        path,
        Keyword::Pattern,
        Detail::Pattern { pattern },
    ));
}

/// `#[constant(EXPECTED)]`.
#[inline]
pub fn check_const(
    value: Option<&str>,
    expected: &'static str,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(value) = value
        && value != expected
    {
        const_failed(expected, path, errors);
    }
}

#[cold]
#[inline(never)]
fn const_failed(expected: &'static str, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
    errors.push(ValidationError::at(
        path,
        Keyword::Const,
        Detail::Const { expected },
    ));
}

/// `#[content_media_type("application/json")]`, the only media type the derive accepts.
#[inline]
pub fn check_json_media_type(
    value: Option<&str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(value) = value
        && let Err(error) = check_json_text(value)
    {
        media_type_failed(value, error.offset, error.reason.describe(), path, errors);
    }
}

#[cold]
#[inline(never)]
fn media_type_failed(
    value: &str,
    offset: usize,
    reason: &'static str,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    // Report a character position: byte offsets mean nothing to a person editing text.
    let at = value
        .get(..offset)
        .map_or(offset, super::length::count_chars);
    errors.push(ValidationError::at(
        path,
        Keyword::ContentMediaType,
        Detail::ContentMediaType {
            media_type: "application/json",
            reason,
            at,
        },
    ));
}

/// `#[range(min = MIN, max = MAX)]`; the derive passes only the bounds that were written.
#[inline]
pub fn check_range(
    value: Option<Number>,
    min: Option<Number>,
    max: Option<Number>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let Some(found) = value else { return };
    if let Some(bound) = min
        && less(found, bound)
    {
        range_failed(Keyword::Minimum, found, min, max, path, errors);
    }
    if let Some(bound) = max
        && less(bound, found)
    {
        range_failed(Keyword::Maximum, found, min, max, path, errors);
    }
}

/// `a < b` across integer and float, where NaN counts as below and above everything: JSON
/// has no NaN, so no bound may accept one (a NaN value fails both `minimum` and `maximum`).
#[inline]
fn less(a: Number, b: Number) -> bool {
    #[allow(clippy::cast_precision_loss)]
    let (a, b) = match (a, b) {
        (Number::Int(a), Number::Int(b)) => return a < b,
        (Number::Float(a), Number::Float(b)) => (a, b),
        (Number::Int(a), Number::Float(b)) => (a as f64, b),
        (Number::Float(a), Number::Int(b)) => (a, b as f64),
    };
    !matches!(
        a.partial_cmp(&b),
        Some(core::cmp::Ordering::Greater | core::cmp::Ordering::Equal)
    )
}

#[cold]
#[inline(never)]
fn range_failed(
    keyword: Keyword,
    found: Number,
    min: Option<Number>,
    max: Option<Number>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    errors.push(ValidationError::at(
        path,
        keyword,
        Detail::Range { min, max, found },
    ));
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{HasLength, Measure, PatternTarget};
    use crate::Secret;

    /// What the derive relies on when a pattern implies the `len`: both traits see the same
    /// string, or both see none.
    fn same_string<T: HasLength + PatternTarget + ?Sized>(value: &T) -> bool {
        match (value.__ecr_measure(), value.__ecr_str()) {
            (Measure::Chars(measured), Some(matched)) => std::ptr::eq(measured, matched),
            (Measure::Absent, None) => true,
            _ => false,
        }
    }

    #[test]
    fn length_and_pattern_see_the_same_string() {
        let text = String::from("AKIAIOSFODNN7EXAMPLÉ");
        assert!(same_string(&text));
        assert!(same_string(text.as_str()));
        assert!(same_string(&&text));
        assert!(same_string(&Box::<str>::from("é")));
        assert!(same_string(&Cow::Borrowed("é")));
        assert!(same_string(&Cow::<str>::Owned("é".into())));
        assert!(same_string(&Secret::from(String::from("s"))));
        assert!(same_string(&Some(text.clone())));
        assert!(same_string(&None::<String>));
        assert!(same_string(&Some(Secret::from(String::from("s")))));
        assert!(same_string(&None::<Secret<String>>));
        assert!(same_string(&Some(Some(text))));
    }
}
