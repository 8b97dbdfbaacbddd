//! `#[len(N)]`, `#[len(min = A)]`, `#[len(max = B)]`, `#[len(min = A, max = B)]`: the runtime's
//! `rules/len.rs`.

use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use crate::attr::{Bound, list_tokens, parse_keys, parse_usize};
use crate::errors::Errors;

use super::{local, optional_lit, optional_usize, path_and_errors};

pub(crate) const NAME: &str = "len";
pub(crate) const DUPLICATE_HINT: &str = ": combine them into one, e.g. `#[len(min = 1, max = 20)]`";

pub(crate) struct Len {
    pub(crate) span: Span,
    pub(crate) min: Option<Bound<usize>>,
    pub(crate) max: Option<Bound<usize>>,
    pub(crate) message: Option<LitStr>,
}

impl Len {
    pub(crate) fn parse(attr: &Attribute) -> syn::Result<Len> {
        const USAGE: &str = "`len` expects `N` or `min = N, max = M` (and optionally `message = \"…\"`), e.g. `#[len(20)]` or `#[len(min = 1, max = 64)]`";
        let list = list_tokens(attr, USAGE)?;
        let span = attr.path().span();
        let parser = |input: ParseStream<'_>| {
            if input.peek(syn::LitInt) && (input.peek2(Token![,]) || input.peek2(syn::parse::End)) {
                let exact = parse_usize(input)?;
                let mut message = None;
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                    let only_message = input.is_empty()
                        || input
                            .fork()
                            .parse::<syn::Ident>()
                            .is_ok_and(|key| key == "message");
                    if !only_message {
                        return Err(input.error(
                            "`len(N)` sets the exact length and takes only a `message`; write `len(min = A, max = B)` for a range",
                        ));
                    }
                    message = parse_keys(input, "len", USAGE, &[], parse_usize)?.message;
                }
                return Ok(Len {
                    span,
                    min: Some(exact),
                    max: Some(exact),
                    message,
                });
            }
            let keyed = parse_keys(input, "len", USAGE, &["min", "max"], parse_usize)?;
            let [min, max] = [keyed.values[0], keyed.values[1]];
            Ok(Len {
                span,
                min,
                max,
                message: keyed.message,
            })
        };
        parser.parse2(list.tokens.clone())
    }

    /// The lower bound, `0` when there is none.
    pub(crate) fn lower(&self) -> usize {
        self.min.map_or(0, |bound| bound.value)
    }

    /// The upper bound, if any.
    pub(crate) fn upper(&self) -> Option<usize> {
        self.max.map(|bound| bound.value)
    }

    /// Bounds in order (a pattern's lengths are checked against them in `pattern.rs`).
    pub(crate) fn check(&self, errors: &mut Errors) {
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min.value > max.value
        {
            errors.error_span(
                min.span,
                format!(
                    "`min = {}` is greater than `max = {}`: no length satisfies this `len`",
                    min.value, max.value
                ),
            );
        }
    }

    /// `let __ecr_length = <measure>;` and the check of it, for `validate`, apart: a pattern
    /// that implies the length checks it only when it fails (`pattern.rs`).
    pub(crate) fn emit_check(&self, value: &TokenStream) -> (TokenStream, TokenStream) {
        let min = Literal::usize_unsuffixed(self.lower());
        let max = self.upper().map_or_else(
            || quote!(::core::primitive::usize::MAX),
            |max| Literal::usize_unsuffixed(max).into_token_stream(),
        );
        let measure = quote_spanned! {self.span=>
            ::ecr_config::__private::len::HasLength::__ecr_measure(#value)
        };
        let message = optional_lit(self.message.as_ref());
        let length = local("__ecr_length");
        let (at, errors) = path_and_errors();
        let check = quote_spanned! {self.span=>
            ::ecr_config::__private::len::check(
                #length, #min, #max, #message, #at, #errors,
            );
        };
        (measure, check)
    }

    /// The `Rule` and `ConstRule` variant, `Length { … }`.
    pub(crate) fn emit_rule(&self) -> TokenStream {
        let min = optional_usize(self.min.map(|b| b.value));
        let max = optional_usize(self.max.map(|b| b.value));
        let message = optional_lit(self.message.as_ref());
        quote!(Length { min: #min, max: #max, message: #message })
    }
}
