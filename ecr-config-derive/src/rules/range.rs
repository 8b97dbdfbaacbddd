//! `#[range(min = A, max = B)]`: the runtime's `rules/range.rs`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, LitStr};

use crate::attr::{Bound, NumberLit, list_tokens, parse_keys, parse_number};
use crate::errors::Errors;

use super::{const_number, optional, optional_lit, optional_number, path_and_errors};

pub(crate) const NAME: &str = "range";
pub(crate) const DUPLICATE_HINT: &str =
    ": combine them into one, e.g. `#[range(min = 1, max = 65535)]`";

pub(crate) struct Range {
    pub(crate) span: Span,
    /// `min`, `exclusive_min`, `max`, `exclusive_max`: the runtime's `range::KEYWORDS` order.
    pub(crate) bounds: [Option<Bound<NumberLit>>; 4],
    pub(crate) message: Option<LitStr>,
}

/// The keys, in the runtime's `range::KEYWORDS` order.
const KEYS: [&str; 4] = ["min", "exclusive_min", "max", "exclusive_max"];

impl Range {
    pub(crate) fn parse(attr: &Attribute) -> syn::Result<Range> {
        const USAGE: &str = "`range` expects `min = A`, `max = B`, `exclusive_min = A`, `exclusive_max = B` (any of them, and optionally `message = \"…\"`), e.g. `#[range(min = 1, max = 65535)]`";
        let list = list_tokens(attr, USAGE)?;
        let span = attr.path().span();
        let parser = |input: ParseStream<'_>| {
            let keyed = parse_keys(input, "range", USAGE, &KEYS, parse_number)?;
            let bounds = [
                keyed.values[0],
                keyed.values[1],
                keyed.values[2],
                keyed.values[3],
            ];
            Ok(Range {
                span,
                bounds,
                message: keyed.message,
            })
        };
        parser.parse2(list.tokens.clone())
    }

    /// Some number must satisfy every bound: no lower bound above an upper one (nor equal to
    /// it where one is exclusive).
    pub(crate) fn check(&self, errors: &mut Errors) {
        let [min, exclusive_min, max, exclusive_max] = self.bounds;
        let lower = [(min, false, "min"), (exclusive_min, true, "exclusive_min")];
        let upper = [(max, false, "max"), (exclusive_max, true, "exclusive_max")];
        for (low, low_exclusive, low_key) in lower {
            for (high, high_exclusive, high_key) in upper {
                let (Some(low), Some(high)) = (low, high) else {
                    continue;
                };
                let empty = if low_exclusive || high_exclusive {
                    !high.value.greater_than(low.value)
                } else {
                    low.value.greater_than(high.value)
                };
                if empty {
                    errors.error_span(
                        low.span,
                        format!(
                            "`{low_key} = {}` with `{high_key} = {}`: no number satisfies this `range`",
                            low.value, high.value
                        ),
                    );
                }
            }
        }
    }

    /// `range::Bounds { … }`, as a constant.
    fn emit_bounds(&self) -> TokenStream {
        let [min, exclusive_min, max, exclusive_max] = self
            .bounds
            .map(|bound| optional_number(bound.map(|b| b.value)));
        quote! {
            ::ecr_config::__private::range::Bounds {
                min: #min,
                max: #max,
                exclusive_min: #exclusive_min,
                exclusive_max: #exclusive_max,
            }
        }
    }

    /// A const assertion that a value of `shape` (a `ConstShape` expression, the field's or an
    /// item's) can be in the range: `#[range(min = 300)]` on a `u8` fails the build.
    pub(crate) fn emit_type_check(&self, shape: &TokenStream, holder: &str) -> TokenStream {
        let bounds = self.emit_bounds();
        let message = format!("this `range` holds no {holder}: no value satisfies both");
        quote_spanned! {self.span=>
            const _: () = ::core::assert!(
                ::ecr_config::__private::range::type_allows(#shape, &#bounds),
                #message,
            );
        }
    }

    pub(crate) fn emit_check(&self, value: &TokenStream) -> TokenStream {
        let bounds = self.emit_bounds();
        let message = optional_lit(self.message.as_ref());
        let (at, errors) = path_and_errors();
        quote_spanned! {self.span=>
            ::ecr_config::__private::range::check(
                ::ecr_config::__private::range::RangeTarget::__ecr_number(#value),
                &const { #bounds },
                #message,
                #at,
                #errors,
            );
        }
    }

    pub(crate) fn emit_rule(&self) -> TokenStream {
        let bounds = self.emit_bounds();
        let message = optional_lit(self.message.as_ref());
        quote!(Range { bounds: #bounds, message: #message })
    }

    pub(crate) fn emit_const_rule(&self) -> TokenStream {
        let bounds = self
            .bounds
            .map(|bound| optional(bound.map(|b| const_number(b.value))));
        let message = optional_lit(self.message.as_ref());
        quote!(Range { bounds: &[#(#bounds),*], message: #message })
    }
}
