//! `#[range(min = A, max = B)]`: `minimum`/`maximum` on integers and floats.

use serde_json::{Map, Value};

use crate::error::{Detail, Keyword, Number, ValidationError};
use crate::meta::Shape;
use crate::{FieldPath, ValidationErrors};

use super::message::{Message, Num};
use super::{Lines, rank};

#[diagnostic::on_unimplemented(
    message = "`#[range]` cannot be applied to `{Self}`",
    label = "`range` bounds integers and floats (or an `Option` of one)",
    note = "use `#[len(min = …, max = …)]` to bound the length of a string or list"
)]
pub trait RangeTarget {
    fn __ecr_number(&self) -> Option<Number>;
}

/// `a < b` across integer and float, where NaN counts as below and above everything: JSON
/// has no NaN, so no bound may accept one (a NaN value fails both `minimum` and `maximum`).
/// The one comparison `validate`, the parser and the compile-time checker make.
#[allow(clippy::cast_precision_loss)]
#[inline]
pub const fn less(a: Number, b: Number) -> bool {
    let (a, b) = match (a, b) {
        (Number::Int(a), Number::Int(b)) => return a < b,
        (Number::Float(a), Number::Float(b)) => (a, b),
        (Number::Int(a), Number::Float(b)) => (a as f64, b),
        (Number::Float(a), Number::Int(b)) => (a, b as f64),
    };
    #[allow(
        clippy::neg_cmp_op_on_partial_ord,
        reason = "`!(a >= b)` is true for NaN"
    )]
    let less = !(a >= b);
    less
}

/// The keywords `found` breaks: below `min`, above `max` (a NaN breaks both).
#[inline]
pub const fn test(found: Number, min: Option<Number>, max: Option<Number>) -> (bool, bool) {
    (
        match min {
            Some(min) => less(found, min),
            None => false,
        },
        match max {
            Some(max) => less(max, found),
            None => false,
        },
    )
}

/// `must be at least MIN, found FOUND` (`minimum`) or `must be at most MAX, …` (`maximum`).
#[inline]
pub const fn message<'a>(
    keyword: Keyword,
    min: Option<Num<'a>>,
    max: Option<Num<'a>>,
    found: Num<'a>,
) -> Message<'a> {
    match (keyword, min, max) {
        (Keyword::Minimum, Some(min), _) => Message::new().str("must be at least ").num(min),
        (Keyword::Maximum, _, Some(max)) => Message::new().str("must be at most ").num(max),
        _ => Message::new().str("out of range"),
    }
    .str(", found ")
    .num(found)
}

/// `#[range(min = MIN, max = MAX)]` in `validate` and the parser; the derive passes only the
/// bounds that were written.
#[inline]
pub fn check(
    value: Option<Number>,
    min: Option<Number>,
    max: Option<Number>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let Some(found) = value else { return };
    let (below, above) = test(found, min, max);
    if below {
        failed(Keyword::Minimum, found, min, max, path, errors);
    }
    if above {
        failed(Keyword::Maximum, found, min, max, path, errors);
    }
}

#[cold]
#[inline(never)]
fn failed(
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

#[inline]
pub(crate) fn schema(min: Option<Number>, max: Option<Number>, schema: &mut Map<String, Value>) {
    if let Some(min) = min {
        schema.insert("minimum".into(), crate::schema::number(min));
    }
    if let Some(max) = max {
        schema.insert("maximum".into(), crate::schema::number(max));
    }
}

/// The bounds a number must stay within: those declared, narrowed to the integer type's own
/// where that is tighter, else the type's own when a reader can use them (`u8`: 0 to 255), as
/// the schema states them.
#[inline]
pub(crate) fn docs(declared: (Option<Number>, Option<Number>), shape: &Shape, lines: &mut Lines) {
    let own = match *shape {
        Shape::Integer { min, max } => Some((min, max)),
        _ => None,
    };
    let shown =
        |n: i128| (n.unsigned_abs() <= crate::docs::MAX_SAFE_INTEGER).then(|| n.to_string());
    let (mut minimum, mut maximum) =
        own.map_or((None, None), |(min, max)| (shown(min), shown(max)));
    if let Some(min) = declared.0 {
        minimum = Some(narrowed(min, own.map(|(own, _)| own), i128::max));
    }
    if let Some(max) = declared.1 {
        maximum = Some(narrowed(max, own.map(|(_, own)| own), i128::min));
    }
    if let Some(min) = minimum {
        lines.push(rank::MINIMUM, format!("Minimum: {min}"));
    }
    if let Some(max) = maximum {
        lines.push(rank::MAXIMUM, format!("Maximum: {max}"));
    }
}

#[inline]
fn narrowed(declared: Number, own: Option<i128>, tighter: fn(i128, i128) -> i128) -> String {
    match (declared, own) {
        (Number::Int(declared), Some(own)) => tighter(declared, own).to_string(),
        (declared, _) => declared.to_string(),
    }
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
