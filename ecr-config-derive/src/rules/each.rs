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
        let rules = parse_rules(attr, NAME, USAGE, ITEM_RULES, errors)?;
        Some(Each {
            span: attr.path().span(),
            rules,
        })
    }

    /// `validate`'s check: the item rules' checks in a closure run on every item, each
    /// reading the item as `__ecr_value` spanned at its own attribute.
    pub(crate) fn emit_check(&self, checked: &Checked, value: &TokenStream) -> TokenStream {
        let (at, errors) = path_and_errors();
        let check = self.emit_closure(checked);
        quote_spanned! {self.span=>
            ::ecr_config::__private::each::each(#value, #at, #errors, #check);
        }
    }

    /// The closure of the item's checks, `|at, item, errors| { … }`.
    pub(crate) fn emit_closure(&self, checked: &Checked) -> TokenStream {
        let item = local("__ecr_item");
        closure(
            &self.rules,
            checked,
            self.span,
            &item,
            &item.to_token_stream(),
        )
    }

    pub(crate) fn emit_rule(&self, checked: &Checked) -> TokenStream {
        nested_rule("Each", &self.rules, checked, false)
    }

    pub(crate) fn emit_const_rule(&self, checked: &Checked) -> TokenStream {
        nested_rule("Each", &self.rules, checked, true)
    }
}

/// `|at, PARAM, errors| { … }`: the checks of `rules` on the value `param` binds as `value`,
/// read at each rule as `__ecr_value` spanned at its own attribute (`#[each]`'s and
/// `#[keys]`'s).
pub(crate) fn closure(
    rules: &Rules,
    checked: &Checked,
    span: Span,
    value: &Ident,
    param: &TokenStream,
) -> TokenStream {
    let (at, errors) = path_and_errors();
    let binds = super::spans(rules).into_iter().map(|span| {
        let spanned = Ident::new("__ecr_value", span);
        quote! {
            #[allow(unused_variables)]
            let #spanned = #value;
        }
    });
    let checks = super::emit_checks(rules, checked, |span| {
        Ident::new("__ecr_value", span).into_token_stream()
    });
    quote_spanned! {span=>
        |#at: &::ecr_config::FieldPath<'_>, #param, #errors: &mut ::ecr_config::ValidationErrors| {
            #(#binds)*
            #checks
        }
    }
}

/// `Each { rules: &[…] }` (or `Keys`), as a `Rule` or, with `constant`, a `ConstRule`.
pub(crate) fn nested_rule(
    variant: &str,
    rules: &Rules,
    checked: &Checked,
    constant: bool,
) -> TokenStream {
    let variant = Ident::new(variant, Span::call_site());
    if constant {
        let rules = super::emit_const_rules(rules, checked);
        quote!(#variant { rules: &[#(::ecr_config::__private::compile_time::ConstRule::#rules),*] })
    } else {
        let rules = super::emit_rules(rules, checked);
        quote!(#variant { rules: &[#(::ecr_config::meta::Rule::#rules),*] })
    }
}

/// The rules in `#[ATTR(RULES)]`, each one of `allowed`, read by the field rules' parsers.
pub(crate) fn parse_rules(
    attr: &Attribute,
    name: &str,
    usage: &str,
    allowed: &[&str],
    errors: &mut Errors,
) -> Option<Box<Rules>> {
    let Meta::List(list) = &attr.meta else {
        errors.error_at(&attr.meta, usage);
        return None;
    };
    let parser = Punctuated::<Meta, Token![,]>::parse_terminated;
    let metas = match parser.parse2(list.tokens.clone()) {
        Ok(metas) if !metas.is_empty() => metas,
        Ok(_) => {
            errors.error_span(list.delimiter.span().join(), usage);
            return None;
        }
        Err(error) => {
            errors.error_span(error.span(), usage);
            return None;
        }
    };
    let mut rules = Rules::default();
    for meta in metas {
        let rule = meta.path().get_ident().map(ToString::to_string);
        let rule = rule.as_deref().unwrap_or_default();
        if !allowed.contains(&rule) {
            errors.error_at(meta.path(), not_allowed(name, rule, allowed));
            continue;
        }
        let inner: Attribute = syn::parse_quote!(#[#meta]);
        super::parse(rule, &inner, &mut rules, errors);
    }
    Some(Box::new(rules))
}

fn not_allowed(attr: &str, rule: &str, allowed: &[&str]) -> String {
    let what = if attr == NAME { "an item" } else { "a key" };
    match rule {
        "each" | "keys" | "unique" => format!(
            "`{rule}` inside `{attr}` is not supported: declare the inner list or map as a field of a type of its own"
        ),
        "requires" => format!("`requires` is about an object's other fields, not {what}"),
        _ => match did_you_mean(rule, allowed) {
            Some(close) => format!("unknown rule `{rule}` in `{attr}`, did you mean `{close}`?"),
            None => format!(
                "`{rule}` is not a rule of {what} here; the rules of {what} are {}",
                allowed
                    .iter()
                    .map(|rule| format!("`{rule}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    }
}

use quote::ToTokens as _;
