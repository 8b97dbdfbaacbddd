//! `#[range(min = A, max = B)]`: the runtime's `rules/range.rs`.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::Attribute;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;

use crate::attr::{Bound, NumberLit, list_tokens, located, parse_bounds, parse_number};
use crate::errors::Errors;

use super::{const_number, optional, optional_number};

pub(crate) const NAME: &str = "range";
pub(crate) const DUPLICATE_HINT: &str =
    ": combine them into one, e.g. `#[range(min = 1, max = 65535)]`";

pub(crate) struct Range {
    pub(crate) span: Span,
    pub(crate) min: Option<Bound<NumberLit>>,
    pub(crate) max: Option<Bound<NumberLit>>,
}

impl Range {
    pub(crate) fn parse(attr: &Attribute) -> syn::Result<Range> {
        const USAGE: &str =
            "`range` expects `min = A`, `max = B` or both, e.g. `#[range(min = 1, max = 65535)]`";
        let list = list_tokens(attr, USAGE)?;
        let span = located(attr.path().span());
        let parser = |input: ParseStream<'_>| {
            let (min, max) = parse_bounds(input, "range", USAGE, parse_number)?;
            Ok(Range { span, min, max })
        };
        parser.parse2(list.tokens.clone())
    }

    pub(crate) fn check(&self, errors: &mut Errors) {
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min.value.greater_than(max.value)
        {
            errors.error_span(
                min.span,
                format!(
                    "`min = {}` is greater than `max = {}`: no number satisfies this `range`",
                    min.value, max.value
                ),
            );
        }
    }

    pub(crate) fn emit_check(&self, value: &TokenStream) -> TokenStream {
        let min = optional_number(self.min.map(|b| b.value));
        let max = optional_number(self.max.map(|b| b.value));
        quote_spanned! {self.span=>
            ::ecr_config::__private::range::check(
                ::ecr_config::__private::range::RangeTarget::__ecr_number(#value),
                #min,
                #max,
                __ecr_at,
                __ecr_errors,
            );
        }
    }

    pub(crate) fn emit_rule(&self) -> TokenStream {
        let min = optional_number(self.min.map(|b| b.value));
        let max = optional_number(self.max.map(|b| b.value));
        quote::quote!(Range { min: #min, max: #max })
    }

    pub(crate) fn emit_const_rule(&self) -> TokenStream {
        let min = optional(self.min.map(|b| const_number(b.value)));
        let max = optional(self.max.map(|b| const_number(b.value)));
        quote::quote!(Range { min: #min, max: #max })
    }
}
