//! `#[each(RULES)]`: the runtime's `rules/each.rs`. The rules are written as on a field,
//! without `#[…]` (`#[each(len(max = 10), pattern("^v[0-9]+$"))]`), and read by the same
//! parsers; their checks are the field rules' own, run on each item.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Meta, Token};

use crate::errors::{Errors, did_you_mean};

use super::{Checked, Rules, local, path_and_errors};

pub(crate) const NAME: &str = "each";

const USAGE: &str = "`each` expects the rules of every item, written as on a field without `#[…]`: e.g. `#[each(len(max = 10), pattern(\"^v[0-9]+$\"))]`";

/// The rules an item can have: not those about a container or an object's other fields.
const ITEM_RULES: &[&str] = &[
    super::len::NAME,
    super::pattern::NAME,
    super::range::NAME,
    super::multiple_of::NAME,
    super::constant::NAME,
    super::format::NAME,
    super::media_type::NAME,
];

/// The rules of every item, at the attribute's name.
pub(crate) struct Each {
    pub(crate) span: Span,
    pub(crate) rules: Box<Rules>,
}

impl Each {
    pub(crate) fn parse(attr: &Attribute, errors: &mut Errors) -> Option<Each> {
        let span = attr.path().span();
        let Meta::List(list) = &attr.meta else {
            errors.error_at(&attr.meta, USAGE);
            return None;
        };
        let parser = Punctuated::<Meta, Token![,]>::parse_terminated;
        let metas = match parser.parse2(list.tokens.clone()) {
            Ok(metas) if !metas.is_empty() => metas,
            Ok(_) => {
                errors.error_span(list.delimiter.span().join(), USAGE);
                return None;
            }
            Err(error) => {
                errors.error_span(error.span(), USAGE);
                return None;
            }
        };
        let mut rules = Rules::default();
        for meta in metas {
            let name = meta.path().get_ident().map(ToString::to_string);
            let name = name.as_deref().unwrap_or_default();
            if !ITEM_RULES.contains(&name) {
                errors.error_at(meta.path(), not_an_item_rule(name));
                continue;
            }
            let inner: Attribute = syn::parse_quote!(#[#meta]);
            super::parse(name, &inner, &mut rules, errors);
        }
        Some(Each {
            span,
            rules: Box::new(rules),
        })
    }

    /// `validate`'s check: the item rules' checks in a closure run on every item, each
    /// reading the item as `__ecr_value` spanned at its own attribute.
    pub(crate) fn emit_check(&self, checked: &Checked, value: &TokenStream) -> TokenStream {
        let (at, errors) = path_and_errors();
        let item = local("__ecr_item");
        let binds = super::spans(&self.rules).into_iter().map(|span| {
            let value = Ident::new("__ecr_value", span);
            quote! {
                #[allow(unused_variables)]
                let #value = #item;
            }
        });
        let checks = super::emit_checks(&self.rules, checked, |span| {
            Ident::new("__ecr_value", span).into_token_stream()
        });
        quote_spanned! {self.span=>
            ::ecr_config::__private::each::each(
                #value,
                #at,
                #errors,
                |#at: &::ecr_config::FieldPath<'_>, #item, #errors: &mut ::ecr_config::ValidationErrors| {
                    #(#binds)*
                    #checks
                },
            );
        }
    }

    pub(crate) fn emit_rule(&self, checked: &Checked) -> TokenStream {
        let rules = super::emit_rules(&self.rules, checked);
        quote!(Each { rules: &[#(::ecr_config::meta::Rule::#rules),*] })
    }

    pub(crate) fn emit_const_rule(&self, checked: &Checked) -> TokenStream {
        let rules = super::emit_const_rules(&self.rules, checked);
        quote!(Each { rules: &[#(::ecr_config::__private::compile_time::ConstRule::#rules),*] })
    }
}

fn not_an_item_rule(name: &str) -> String {
    match name {
        "each" => {
            "`each` inside `each` is not supported: declare the inner list as a type of its own"
                .to_owned()
        }
        "unique" | "requires" => format!(
            "`{name}` is not a rule of an item: declare it on a field of the item's own type"
        ),
        _ => match did_you_mean(name, ITEM_RULES) {
            Some(close) => format!("unknown rule `{name}` in `each`, did you mean `{close}`?"),
            None => format!(
                "unknown rule `{name}` in `each`; an item's rules are {}",
                ITEM_RULES
                    .iter()
                    .map(|rule| format!("`{rule}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    }
}

use quote::ToTokens as _;
