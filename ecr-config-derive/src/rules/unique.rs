//! `#[unique]`: the runtime's `rules/unique.rs`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::Parser;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Meta};

use crate::attr::{parse_keys, parse_usize};

use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "unique";

const USAGE: &str = "`unique` takes no value: `#[unique]`, or `#[unique(message = \"…\")]` for the findings' sentence";

pub(crate) struct Unique {
    pub(crate) span: Span,
    message: Option<LitStr>,
}

impl Unique {
    pub(crate) fn parse(attr: &Attribute) -> syn::Result<Unique> {
        let span = attr.path().span();
        match &attr.meta {
            Meta::Path(_) => Ok(Unique {
                span,
                message: None,
            }),
            Meta::List(list) if !list.tokens.is_empty() => {
                let parser = |input: syn::parse::ParseStream<'_>| {
                    parse_keys(input, NAME, USAGE, &[], parse_usize)
                };
                let keyed = parser.parse2(list.tokens.clone())?;
                Ok(Unique {
                    span,
                    message: keyed.message,
                })
            }
            _ => Err(syn::Error::new_spanned(&attr.meta, USAGE)),
        }
    }

    pub(crate) fn emit_check(&self, value: &TokenStream) -> TokenStream {
        let message = optional_lit(self.message.as_ref());
        let (at, errors) = path_and_errors();
        quote_spanned! {self.span=>
            ::ecr_config::__private::unique::check(
                ::ecr_config::__private::unique::UniqueTarget::__ecr_items(#value),
                #message,
                #at,
                #errors,
            );
        }
    }

    /// The `Rule` and the `ConstRule` alike.
    pub(crate) fn emit_rule(&self) -> TokenStream {
        let message = optional_lit(self.message.as_ref());
        quote!(Unique { message: #message })
    }
}
