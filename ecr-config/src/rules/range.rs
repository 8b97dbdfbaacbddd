//! `#[range(min = A, max = B, exclusive_min = C, exclusive_max = D)]`: `minimum`, `maximum`,
//! `exclusiveMinimum` and `exclusiveMaximum` on integers and floats.

use serde_json::{Map, Value};

use core::cmp::Ordering;

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

/// The bounds of a `#[range]`, each optional.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bounds {
    /// `min = …`: `minimum`.
    pub min: Option<Number>,
    /// `max = …`: `maximum`.
    pub max: Option<Number>,
    /// `exclusive_min = …`: `exclusiveMinimum`.
    pub exclusive_min: Option<Number>,
    /// `exclusive_max = …`: `exclusiveMaximum`.
    pub exclusive_max: Option<Number>,
}

/// The keywords of a range's bounds, in the order findings are made.
pub const KEYWORDS: [Keyword; 4] = [
    Keyword::Minimum,
    Keyword::ExclusiveMinimum,
    Keyword::Maximum,
    Keyword::ExclusiveMaximum,
];

impl Bounds {
    /// The bounds with the keyword each is checked as, in [`KEYWORDS`]' order.
    #[inline]
    pub const fn each(&self) -> [(Keyword, Option<Number>); 4] {
        [
            (KEYWORDS[0], self.min),
            (KEYWORDS[1], self.exclusive_min),
            (KEYWORDS[2], self.max),
            (KEYWORDS[3], self.exclusive_max),
        ]
    }
}

/// Whether a value of the integer type `shape` describes can be within `bounds` (a float
/// type always can): a lower bound its largest value keeps, an upper bound its smallest.
/// `false` is a declaration no value satisfies, which the derive makes a compile error.
#[inline]
pub const fn type_allows(
    shape: &crate::__private::compile_time::ConstShape,
    bounds: &Bounds,
) -> bool {
    use crate::__private::compile_time::ConstShape;
    let mut shape = shape;
    while let ConstShape::Optional(inner) | ConstShape::Sensitive(inner) = shape {
        shape = inner;
    }
    let ConstShape::Integer { min, max } = *shape else {
        return true;
    };
    let each = bounds.each();
    let mut i = 0;
    while i < each.len() {
        let (keyword, bound) = each[i];
        // `min` and `exclusive_min` first: held by the largest value, if by any.
        let edge = if i < 2 { max } else { min };
        if let Some(bound) = bound
            && breaks(keyword, Number::Int(edge), bound)
        {
            return false;
        }
        i += 1;
    }
    true
}

/// How `a` compares with `b` across integer and float; `None` when either is NaN.
#[allow(clippy::cast_precision_loss)]
#[allow(
    clippy::float_cmp,
    reason = "a bound is exact: `5.0` is not below `5.0`"
)]
#[inline]
pub const fn order(a: Number, b: Number) -> Option<Ordering> {
    let (a, b) = match (a, b) {
        (Number::Int(a), Number::Int(b)) => {
            return Some(if a < b {
                Ordering::Less
            } else if a > b {
                Ordering::Greater
            } else {
                Ordering::Equal
            });
        }
        (Number::Float(a), Number::Float(b)) => (a, b),
        (Number::Int(a), Number::Float(b)) => (a as f64, b),
        (Number::Float(a), Number::Int(b)) => (a, b as f64),
    };
    if a < b {
        Some(Ordering::Less)
    } else if a > b {
        Some(Ordering::Greater)
    } else if a == b {
        Some(Ordering::Equal)
    } else {
        None
    }
}

/// Whether `found` breaks `bound` checked as `keyword`; the one test `validate`, the parser
/// and the compile-time checker make. A NaN breaks every bound: JSON has no NaN, so no bound
/// may accept one.
#[inline]
pub const fn breaks(keyword: Keyword, found: Number, bound: Number) -> bool {
    !matches!(
        (keyword, order(found, bound)),
        (Keyword::Minimum, Some(Ordering::Greater | Ordering::Equal))
            | (Keyword::ExclusiveMinimum, Some(Ordering::Greater))
            | (Keyword::Maximum, Some(Ordering::Less | Ordering::Equal))
            | (Keyword::ExclusiveMaximum, Some(Ordering::Less))
    )
}

/// `must be at least B, found F` (`minimum`), `must be greater than B, …`
/// (`exclusiveMinimum`), `must be at most B, …`, `must be less than B, …`.
#[inline]
pub const fn message<'a>(keyword: Keyword, bound: Num<'a>, found: Num<'a>) -> Message<'a> {
    let words = match keyword {
        Keyword::Minimum => "must be at least ",
        Keyword::ExclusiveMinimum => "must be greater than ",
        Keyword::Maximum => "must be at most ",
        _ => "must be less than ",
    };
    Message::new()
        .str(words)
        .num(bound)
        .str(", found ")
        .num(found)
}

/// `#[range(…)]` in `validate` and the parser; the derive passes only the bounds that were
/// written.
#[inline]
pub fn check(
    value: Option<Number>,
    bounds: &Bounds,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let Some(found) = value else { return };
    for (keyword, bound) in bounds.each() {
        if let Some(bound) = bound
            && breaks(keyword, found, bound)
        {
            failed(keyword, bound, found, message, path, errors);
        }
    }
}

#[cold]
#[inline(never)]
fn failed(
    keyword: Keyword,
    bound: Number,
    found: Number,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::Range { bound, found };
    errors.push(ValidationError::at(path, keyword, detail).with_message(message));
}

#[inline]
pub(crate) fn schema(bounds: &Bounds, schema: &mut Map<String, Value>) {
    for (keyword, bound) in bounds.each() {
        if let Some(bound) = bound {
            schema.insert(keyword.as_str().into(), crate::schema::number(bound));
        }
    }
}

/// The bounds a number must stay within: those declared, narrowed to the integer type's own
/// where that is tighter, else the type's own when a reader can use them (`u8`: 0 to 255), as
/// the schema states them.
#[inline]
pub(crate) fn docs(declared: &Bounds, shape: &Shape, lines: &mut Lines) {
    let own = match *shape {
        Shape::Integer { min, max } => Some((min, max)),
        _ => None,
    };
    let shown =
        |n: i128| (n.unsigned_abs() <= crate::docs::MAX_SAFE_INTEGER).then(|| n.to_string());
    let (mut minimum, mut maximum) =
        own.map_or((None, None), |(min, max)| (shown(min), shown(max)));
    if let Some(min) = declared.min {
        minimum = Some(narrowed(min, own.map(|(own, _)| own), i128::max));
    }
    if let Some(max) = declared.max {
        maximum = Some(narrowed(max, own.map(|(_, own)| own), i128::min));
    }
    if let Some(min) = minimum {
        lines.push(rank::MINIMUM, format!("Minimum: {min}"));
    }
    if let Some(max) = maximum {
        lines.push(rank::MAXIMUM, format!("Maximum: {max}"));
    }
    if let Some(min) = declared.exclusive_min {
        lines.push(rank::MINIMUM, format!("Exclusive Minimum: {min}"));
    }
    if let Some(max) = declared.exclusive_max {
        lines.push(rank::MAXIMUM, format!("Exclusive Maximum: {max}"));
    }
}

#[inline]
fn narrowed(declared: Number, own: Option<i128>, tighter: fn(i128, i128) -> i128) -> String {
    match (declared, own) {
        (Number::Int(declared), Some(own)) => tighter(declared, own).to_string(),
        (declared, _) => declared.to_string(),
    }
}

super::number_target!(RangeTarget);
