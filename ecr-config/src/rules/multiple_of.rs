//! `#[multiple_of(N)]`: `multipleOf` on integers and floats, with JSON Schema's meaning: the
//! number divided by `N` is an integer, in exact decimal arithmetic (`0.0075` is a multiple of
//! `0.0001`, whatever binary floating point makes of either). A float is taken as the
//! shortest decimal that reads back as it, as Rust and JSON print it.

use core::fmt::{self, Write as _};

use serde_json::{Map, Value};

use crate::error::{Detail, Keyword, Number, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::message::{Message, Num};
use super::{Lines, rank};

#[diagnostic::on_unimplemented(
    message = "`#[multiple_of]` cannot be applied to `{Self}`",
    label = "`multiple_of` applies to integers and floats (or an `Option` of one)"
)]
pub trait MultipleOfTarget {
    fn __ecr_number(&self) -> Option<Number>;
}

super::number_target!(MultipleOfTarget);

/// The declared `N`: `mantissa × 10^exponent` with no trailing zero in `mantissa`, which the
/// derive keeps below `10^30` so that remainders times ten fit a `u128`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Divisor {
    /// `N` as written, for the schema and findings.
    pub number: Number,
    /// `N` as messages print it (`Number`'s `Display`).
    pub text: &'static str,
    /// The digits of `N`, trailing zeros moved into `exponent`; never 0.
    pub mantissa: u128,
    /// The power of ten.
    pub exponent: i64,
}

/// Whether a number `value × 10^exponent`, of which `remainder` is `value mod
/// divisor.mantissa` (`value` has no trailing zero), is a multiple of `divisor`.
#[inline]
const fn multiple(remainder: u128, exponent: i64, divisor: &Divisor) -> bool {
    if remainder == 0 {
        return exponent >= divisor.exponent;
    }
    // `value × 10^shift` must be a multiple of `mantissa`: the part of `mantissa` not shared
    // with `remainder` must divide a power of ten, `10^shift` at most.
    let shift = exponent.saturating_sub(divisor.exponent);
    if shift < 0 {
        return false;
    }
    let mut rest = divisor.mantissa / gcd(divisor.mantissa, remainder);
    let (mut twos, mut fives) = (0i64, 0i64);
    while rest.is_multiple_of(2) {
        rest /= 2;
        twos += 1;
    }
    while rest.is_multiple_of(5) {
        rest /= 5;
        fives += 1;
    }
    rest == 1 && twos <= shift && fives <= shift
}

#[inline]
const fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Whether the JSON number `text` is a multiple of `divisor`: the one test the parser, the
/// compile-time checker and `validate` (through [`test`]) make. Linear in the text.
#[inline]
pub const fn test_text(text: &str, divisor: &Divisor) -> bool {
    let bytes = text.as_bytes();
    // The digits (before and after the point), then the exponent.
    let mut i = 0;
    if i < bytes.len() && bytes[i] == b'-' {
        i += 1;
    }
    let digits_start = i;
    let mut fraction: i64 = 0;
    let mut seen_point = false;
    let mut last_nonzero = None;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        if bytes[i] == b'.' {
            seen_point = true;
        } else {
            if seen_point {
                fraction += 1;
            }
            if bytes[i] != b'0' {
                last_nonzero = Some(i);
            }
        }
        i += 1;
    }
    let digits_end = i;
    let mut exponent: i64 = 0;
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        i += 1;
        let negative = i < bytes.len() && bytes[i] == b'-';
        if i < bytes.len() && (bytes[i] == b'-' || bytes[i] == b'+') {
            i += 1;
        }
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            exponent = exponent
                .saturating_mul(10)
                .saturating_add((bytes[i] - b'0') as i64);
            i += 1;
        }
        if negative {
            exponent = -exponent;
        }
    }
    let Some(last) = last_nonzero else {
        // Zero is a multiple of everything.
        return true;
    };
    // Trailing zeros (after `last`) go into the exponent; so do the fraction digits.
    let mut trailing: i64 = 0;
    let mut j = last + 1;
    let mut remainder: u128 = 0;
    while j < digits_end {
        if bytes[j] != b'.' {
            trailing += 1;
        }
        j += 1;
    }
    let mut k = digits_start;
    while k <= last {
        if bytes[k] != b'.' {
            remainder = (remainder * 10 + (bytes[k] - b'0') as u128) % divisor.mantissa;
        }
        k += 1;
    }
    // The value is `digits × 10^(exponent - fraction)`, and without its trailing zeros
    // `digits[..=last] × 10^(exponent - fraction + trailing)`.
    let exponent = exponent.saturating_sub(fraction).saturating_add(trailing);
    multiple(remainder, exponent, divisor)
}

/// Whether `value` is a multiple of `divisor`; a float as its shortest decimal. NaN and the
/// infinities are no multiple of anything.
#[inline]
pub fn test(value: Number, divisor: &Divisor) -> bool {
    match value {
        Number::Int(n) => {
            let mut value = n.unsigned_abs();
            if value == 0 {
                return true;
            }
            let mut exponent = 0;
            while value.is_multiple_of(10) {
                value /= 10;
                exponent += 1;
            }
            multiple(value % divisor.mantissa, exponent, divisor)
        }
        Number::Float(x) if x.is_finite() => {
            let mut text = super::Digits::default();
            // `{:e}` is the shortest decimal that reads back as `x`: `7.5e-3`.
            match write!(text, "{x:e}") {
                Ok(()) => test_text(text.as_str(), divisor),
                Err(fmt::Error) => false,
            }
        }
        Number::Float(_) => false,
    }
}

/// `must be a multiple of N, found X`.
#[inline]
pub const fn message<'a>(divisor: Num<'a>, found: Num<'a>) -> Message<'a> {
    Message::new()
        .str("must be a multiple of ")
        .num(divisor)
        .str(", found ")
        .num(found)
}

/// `#[multiple_of(N)]` in `validate`.
#[inline]
pub fn check(
    value: Option<Number>,
    divisor: &Divisor,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(found) = value
        && !test(found, divisor)
    {
        failed(divisor, found, message, path, errors);
    }
}

/// `#[multiple_of(N)]` in the parser, on the number as written.
#[inline]
pub(crate) fn check_text(
    text: &str,
    divisor: &Divisor,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if !test_text(text, divisor) {
        let found = text
            .parse::<i128>()
            .map(Number::Int)
            .or_else(|_| text.parse::<f64>().map(Number::Float))
            .unwrap_or(Number::Float(f64::NAN));
        failed(divisor, found, message, path, errors);
    }
}

#[cold]
#[inline(never)]
fn failed(
    divisor: &Divisor,
    found: Number,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::MultipleOf {
        divisor: divisor.number,
        found,
    };
    errors.push(ValidationError::at(path, Keyword::MultipleOf, detail).with_message(message));
}

#[inline]
pub(crate) fn schema(divisor: &Divisor, schema: &mut Map<String, Value>) {
    schema.insert("multipleOf".into(), crate::schema::number(divisor.number));
}

#[inline]
pub(crate) fn docs(divisor: &Divisor, lines: &mut Lines) {
    lines.push(rank::MULTIPLE_OF, format!("Multiple Of: {}", divisor.text));
}
