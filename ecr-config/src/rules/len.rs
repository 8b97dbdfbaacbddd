//! `#[len]`: `minLength`/`maxLength` on strings (in code points), `minItems`/`maxItems` on
//! lists, `minProperties`/`maxProperties` on maps.

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde_json::{Map, Value};

use crate::__private::length::chars_within;
use crate::error::{Detail, Keyword, ValidationError};
use crate::meta::Shape;
use crate::{FieldPath, Secret, ValidationErrors};

use super::message::Message;
use super::{Lines, rank};

/// What `#[len]` measures: the code points of a string, the items of a list or the members of
/// a map.
#[derive(Debug, Clone, Copy)]
pub enum Measure<'a> {
    /// A string, measured in code points.
    Chars(&'a str),
    /// A list, measured in items.
    Items(usize),
    /// A map, measured in members.
    Properties(usize),
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

/// `min <= length <= max`, else `Err(length)`; the one test `validate`, the parser and the
/// compile-time checker make.
#[inline]
pub const fn test(measure: Measure<'_>, min: usize, max: usize) -> Result<(), usize> {
    match measure {
        Measure::Chars(s) => chars_within(s, min, max),
        Measure::Items(n) | Measure::Properties(n) if n >= min && n <= max => Ok(()),
        Measure::Items(n) | Measure::Properties(n) => Err(n),
        Measure::Absent => Ok(()),
    }
}

/// The keyword a length `found` outside `min..=max` breaks.
#[inline]
pub const fn keyword(measure: Measure<'_>, found: usize, min: usize) -> Keyword {
    let short = found < min;
    match measure {
        Measure::Items(_) if short => Keyword::MinItems,
        Measure::Items(_) => Keyword::MaxItems,
        Measure::Properties(_) if short => Keyword::MinProperties,
        Measure::Properties(_) => Keyword::MaxProperties,
        _ if short => Keyword::MinLength,
        _ => Keyword::MaxLength,
    }
}

/// `expected between 1 and 64 characters, found 0` and the like.
#[inline]
pub const fn message(
    keyword: Keyword,
    min: Option<usize>,
    max: Option<usize>,
    found: usize,
) -> Message<'static> {
    let (one, many) = match keyword {
        Keyword::MinItems | Keyword::MaxItems => ("item", "items"),
        Keyword::MinProperties | Keyword::MaxProperties => ("property", "properties"),
        _ => ("character", "characters"),
    };
    let message = match (min, max) {
        (Some(min), Some(max)) if min == max => Message::new()
            .str("expected exactly ")
            .count(min)
            .str(" ")
            .str(if min == 1 { one } else { many }),
        (Some(min), Some(max)) => Message::new()
            .str("expected between ")
            .count(min)
            .str(" and ")
            .count(max)
            .str(" ")
            .str(many),
        (Some(min), None) => Message::new()
            .str("expected at least ")
            .count(min)
            .str(" ")
            .str(if min == 1 { one } else { many }),
        (None, Some(max)) => Message::new()
            .str("expected at most ")
            .count(max)
            .str(" ")
            .str(if max == 1 { one } else { many }),
        (None, None) => Message::new().str("unexpected number of ").str(many),
    };
    message.str(", found ").count(found)
}

/// The bounds as `Detail::Length` holds them (`0` and `usize::MAX` are no bound).
#[inline]
pub const fn declared(min: usize, max: usize) -> (Option<usize>, Option<usize>) {
    (
        if min > 0 { Some(min) } else { None },
        if max < usize::MAX { Some(max) } else { None },
    )
}

/// `#[len(min = MIN, max = MAX)]` in `validate` and the parser (`MAX` is `usize::MAX` when
/// unbounded).
///
/// Always inlined: with the bounds and the kind of measure known at the call, this folds to
/// a comparison or two (`min = 1` is `is_empty`), where LLVM left it an out-of-line call.
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn check(
    measure: Measure<'_>,
    min: usize,
    max: usize,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Err(found) = test(measure, min, max) {
        let keyword = keyword(measure, found, min);
        failed(keyword, found, min, max, message, path, errors);
    }
}

#[cold]
#[inline(never)]
fn failed(
    keyword: Keyword,
    found: usize,
    min: usize,
    max: usize,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let (min, max) = declared(min, max);
    let detail = Detail::Length { min, max, found };
    errors.push(ValidationError::at(path, keyword, detail).with_message(message));
}

/// The schema's keywords, named after what the field's type holds.
#[inline]
pub(crate) fn schema(
    min: Option<usize>,
    max: Option<usize>,
    shape: &Shape,
    schema: &mut Map<String, Value>,
) {
    let (min_key, max_key) = match shape {
        Shape::Array(_) => ("minItems", "maxItems"),
        Shape::Map(_) => ("minProperties", "maxProperties"),
        _ => ("minLength", "maxLength"),
    };
    if let Some(min) = min {
        schema.insert(min_key.into(), min.into());
    }
    if let Some(max) = max {
        schema.insert(max_key.into(), max.into());
    }
}

/// `Minimal Length: 1`, `Maximal Items: 10`, … in the settings page's words.
#[inline]
pub(crate) fn docs(min: Option<usize>, max: Option<usize>, shape: &Shape, lines: &mut Lines) {
    let (min_word, max_word) = match shape {
        Shape::Array(_) => ("Minimal Items", "Maximal Items"),
        Shape::Map(_) => ("Minimal Properties", "Maximal Properties"),
        _ => ("Minimal Length", "Maximal Length"),
    };
    if let Some(min) = min {
        lines.push(rank::MIN_LENGTH, format!("{min_word}: {min}"));
    }
    if let Some(max) = max {
        lines.push(rank::MAX_LENGTH, format!("{max_word}: {max}"));
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

macro_rules! counted {
    ($measure:ident: $([$($generics:tt)*] $ty:ty),* $(,)?) => {$(
        impl<$($generics)*> HasLength for $ty {
            #[inline]
            fn __ecr_measure(&self) -> Measure<'_> {
                Measure::$measure(self.len())
            }
        }
    )*};
}

counted! { Items: [T] Vec<T>, [T] [T], [T] VecDeque<T> }
counted! { Properties: [K, V] BTreeMap<K, V>, [K, V, S] HashMap<K, V, S> }
