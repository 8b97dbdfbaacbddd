//! `#[multiple_of(N)]`: the runtime's `rules/multiple_of.rs`. `N` is kept as its exact
//! decimal digits, so that the runtime divides in decimal, as JSON Schema means.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitStr, Token};

use crate::attr::{Bound, NumberLit, list_tokens, parse_keys, parse_usize};
use crate::errors::Errors;

use super::range::Range;
use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "multiple_of";

const USAGE: &str = "`multiple_of` expects a positive number literal (and optionally `message = \"…\"`), e.g. `#[multiple_of(5)]` or `#[multiple_of(0.01)]`";

/// Significant digits at most, so that the runtime's remainders times ten fit a `u128`.
const MAX_DIGITS: usize = 30;

pub(crate) struct MultipleOf {
    pub(crate) span: Span,
    /// `N` as an integer or a float, as written.
    integer: Option<i128>,
    float: f64,
    /// `N = mantissa × 10^exponent`, no trailing zero in `mantissa`.
    mantissa: u128,
    exponent: i64,
    pub(crate) message: Option<LitStr>,
}

impl MultipleOf {
    pub(crate) fn parse(attr: &Attribute) -> syn::Result<MultipleOf> {
        let list = list_tokens(attr, USAGE)?;
        let span = attr.path().span();
        let parser = |input: ParseStream<'_>| {
            if input.peek(Token![-]) {
                return Err(input.error("`multiple_of` must be positive: every number is a multiple of `-N` exactly when it is one of `N`"));
            }
            let literal: Lit = input
                .parse()
                .map_err(|e| syn::Error::new(e.span(), USAGE))?;
            let (digits, integer, float) = match &literal {
                Lit::Int(int) => {
                    let value = int.base10_parse::<i128>().ok();
                    let float = int.base10_parse::<f64>().unwrap_or(f64::INFINITY);
                    (int.base10_digits().to_owned(), value, float)
                }
                Lit::Float(float) => {
                    let value = float.base10_parse::<f64>().unwrap_or(f64::INFINITY);
                    (float.base10_digits().to_owned(), None, value)
                }
                other => return Err(syn::Error::new(other.span(), USAGE)),
            };
            let Some((mantissa, exponent)) = decimal(&digits) else {
                return Err(syn::Error::new(
                    literal.span(),
                    format!("`multiple_of` takes at most {MAX_DIGITS} significant digits"),
                ));
            };
            if mantissa == 0 {
                return Err(syn::Error::new(
                    literal.span(),
                    "`multiple_of(0)` holds for no number but 0; write a positive number",
                ));
            }
            if !float.is_finite() {
                return Err(syn::Error::new(
                    literal.span(),
                    "`multiple_of` is beyond the range of a 64-bit float",
                ));
            }
            let mut message = None;
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
                message = parse_keys(input, NAME, USAGE, &[], parse_usize)?.message;
            }
            Ok(MultipleOf {
                span,
                integer,
                float,
                mantissa,
                exponent,
                message,
            })
        };
        parser.parse2(list.tokens.clone())
    }

    /// An integer range with no multiple of an integer `N` in it is a declaration no value
    /// can satisfy. (Float bounds are not judged: their literals are read as `f64`.)
    pub(crate) fn check_against(&self, range: &Range, errors: &mut Errors) {
        let Some(n) = self.integer else { return };
        let int = |bound: Option<Bound<NumberLit>>| match bound.map(|b| b.value) {
            Some(NumberLit::Int(value)) => Some(Some(value)),
            Some(NumberLit::Float(_)) => None,
            None => Some(None),
        };
        let [min, exclusive_min, max, exclusive_max] = range.bounds.map(int);
        let (Some(min), Some(exclusive_min), Some(max), Some(exclusive_max)) =
            (min, exclusive_min, max, exclusive_max)
        else {
            return;
        };
        let low = match (min, exclusive_min.and_then(|e| e.checked_add(1))) {
            (Some(a), Some(b)) => a.max(b),
            (a, b) => match a.or(b) {
                Some(low) => low,
                None => return,
            },
        };
        let high = match (max, exclusive_max.and_then(|e| e.checked_sub(1))) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => match a.or(b) {
                Some(high) => high,
                None => return,
            },
        };
        if low > high {
            // An empty range is reported by `range` itself.
            return;
        }
        let first = low
            .div_euclid(n)
            .checked_add(i128::from(low.rem_euclid(n) != 0));
        if first
            .and_then(|k| k.checked_mul(n))
            .is_some_and(|first| first > high)
        {
            errors.error_span(
                self.span,
                format!("no multiple of {n} lies between {low} and {high}: no number satisfies both this `multiple_of` and the `range`"),
            );
        }
    }

    /// `multiple_of::Divisor { … }`.
    fn emit_divisor(&self) -> TokenStream {
        let (number, text) = if let Some(n) = self.integer {
            let literal = Literal::i128_unsuffixed(n);
            (quote!(::ecr_config::Number::Int(#literal)), n.to_string())
        } else {
            let literal = Literal::f64_unsuffixed(self.float);
            let number = quote!(::ecr_config::Number::Float(#literal));
            (number, self.float.to_string())
        };
        let mantissa = Literal::u128_unsuffixed(self.mantissa);
        let exponent = Literal::i64_unsuffixed(self.exponent);
        quote! {
            ::ecr_config::__private::multiple_of::Divisor {
                number: #number,
                text: #text,
                mantissa: #mantissa,
                exponent: #exponent,
            }
        }
    }

    pub(crate) fn emit_check(&self, value: &TokenStream) -> TokenStream {
        let divisor = self.emit_divisor();
        let message = optional_lit(self.message.as_ref());
        let (at, errors) = path_and_errors();
        quote_spanned! {self.span=>
            ::ecr_config::__private::multiple_of::check(
                ::ecr_config::__private::multiple_of::MultipleOfTarget::__ecr_number(#value),
                &const { #divisor },
                #message,
                #at,
                #errors,
            );
        }
    }

    pub(crate) fn emit_rule(&self) -> TokenStream {
        let divisor = self.emit_divisor();
        let message = optional_lit(self.message.as_ref());
        quote!(MultipleOf { divisor: #divisor, message: #message })
    }

    pub(crate) fn emit_const_rule(&self) -> TokenStream {
        let divisor = self.emit_divisor();
        let message = optional_lit(self.message.as_ref());
        quote!(MultipleOf { divisor: &#divisor, message: #message })
    }
}

/// The literal's digits (`2`, `0.0001`, `1.5e-3`, `1_000`) as `mantissa × 10^exponent` with no
/// trailing zero in `mantissa`; `None` beyond [`MAX_DIGITS`] significant digits.
fn decimal(digits: &str) -> Option<(u128, i64)> {
    let (number, exponent) = match digits.find(['e', 'E']) {
        Some(at) => (&digits[..at], digits[at + 1..].parse::<i64>().ok()?),
        None => (digits, 0),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let all: String = whole
        .chars()
        .chain(fraction.chars())
        .filter(char::is_ascii_digit)
        .collect();
    let significant = all.trim_start_matches('0');
    let trimmed = significant.trim_end_matches('0');
    if trimmed.is_empty() {
        return Some((0, 0));
    }
    if trimmed.len() > MAX_DIGITS {
        return None;
    }
    let trailing = i64::try_from(significant.len() - trimmed.len()).ok()?;
    let fraction = i64::try_from(fraction.chars().filter(char::is_ascii_digit).count()).ok()?;
    let mantissa = trimmed.parse::<u128>().ok()?;
    Some((mantissa, exponent - fraction + trailing))
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn literals_are_read_as_exact_decimals() {
        assert_eq!(decimal("2"), Some((2, 0)));
        assert_eq!(decimal("1000"), Some((1, 3)));
        assert_eq!(decimal("0.0001"), Some((1, -4)));
        assert_eq!(decimal("1.5"), Some((15, -1)));
        assert_eq!(decimal("1e-8"), Some((1, -8)));
        assert_eq!(decimal("2.50e2"), Some((25, 1)));
        assert_eq!(decimal("0.0"), Some((0, 0)));
        assert_eq!(decimal("1234567890123456789012345678901"), None);
    }
}
