//! `#[keys(RULES)]`: the runtime's `rules/keys.rs`. The rules are written as on a field,
//! without `#[…]` (`#[keys(len(max = 63), pattern("^[a-z0-9-]+$"))]`), and read by the same
//! parsers; their checks are the field rules' own, run on each key as a string.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Attribute;
use syn::spanned::Spanned;

use crate::errors::Errors;

use super::{Checked, Rules, local, path_and_errors};

pub(crate) const NAME: &str = "keys";

const USAGE: &str = "`keys` expects the rules of every key, written as on a field without `#[…]`: e.g. `#[keys(len(max = 63), pattern(\"^[a-z0-9-]+$\"))]`";

/// The rules a key (a string) can have.
const KEY_RULES: &[&str] = &[
    super::len::NAME,
    super::pattern::NAME,
    super::constant::NAME,
    super::format::NAME,
];

/// The rules of every key, at the attribute's name.
pub(crate) struct Keys {
    pub(crate) span: Span,
    pub(crate) rules: Box<Rules>,
}

impl Keys {
    pub(crate) fn parse(attr: &Attribute, errors: &mut Errors) -> Option<Keys> {
        let rules = super::each::parse_rules(attr, NAME, USAGE, KEY_RULES, errors)?;
        Some(Keys {
            span: attr.path().span(),
            rules,
        })
    }

    /// `validate`'s check: the key rules' checks in a closure run on every key, each reading
    /// the key as `__ecr_value` spanned at its own attribute; then `each`'s checks (a closure
    /// of the same form, or none) on its value.
    pub(crate) fn emit_check(
        &self,
        checked: &Checked,
        value: &TokenStream,
        each: Option<TokenStream>,
    ) -> TokenStream {
        let (at, errors) = path_and_errors();
        let key = local("__ecr_key");
        let check =
            super::each::closure(&self.rules, checked, self.span, &key, &quote!(#key: &str));
        let each = each.unwrap_or_else(|| quote!(|_, _, _| {}));
        quote_spanned! {self.span=>
            ::ecr_config::__private::keys::keys(#value, #at, #errors, #check, #each);
        }
    }

    pub(crate) fn emit_rule(&self, checked: &Checked) -> TokenStream {
        super::each::nested_rule("Keys", &self.rules, checked, false)
    }

    pub(crate) fn emit_const_rule(&self, checked: &Checked) -> TokenStream {
        super::each::nested_rule("Keys", &self.rules, checked, true)
    }
}
