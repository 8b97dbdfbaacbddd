//! `#[requires(a, b)]`: the runtime's `rules/requires.rs`. The names are the struct's Rust
//! field names, checked here against its fields, and emitted as their serialized names.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use crate::attr::{list_tokens, parse_keys, parse_usize};
use crate::errors::{Errors, did_you_mean};
use crate::model::{Field, is_option};

use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "requires";

const USAGE: &str = "`requires` expects the fields this one requires (and optionally `message = \"…\"`), e.g. `#[requires(username, password)]`";

pub(crate) struct Requires {
    pub(crate) span: Span,
    names: Vec<Ident>,
    pub(crate) message: Option<LitStr>,
}

/// A field required, resolved against the struct.
pub(crate) struct Target {
    ident: Ident,
    /// Its serialized name.
    name: String,
    /// An `Option`: `validate` checks it is `Some` (any other field is always present).
    optional: bool,
}

impl Requires {
    pub(crate) fn parse(attr: &Attribute) -> syn::Result<Requires> {
        let list = list_tokens(attr, USAGE)?;
        let span = attr.path().span();
        let parser = |input: ParseStream<'_>| {
            let mut names: Vec<Ident> = Vec::new();
            while !input.is_empty() {
                if input.peek(syn::Ident) && input.peek2(Token![=]) {
                    let message = parse_keys(input, NAME, USAGE, &[], parse_usize)?.message;
                    return Ok(Requires {
                        span,
                        names,
                        message,
                    });
                }
                let name: Ident = input
                    .parse()
                    .map_err(|e| syn::Error::new(e.span(), USAGE))?;
                if names.contains(&name) {
                    return Err(syn::Error::new(
                        name.span(),
                        format!("`{name}` is listed twice"),
                    ));
                }
                names.push(name);
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                }
            }
            Ok(Requires {
                span,
                names,
                message: None,
            })
        };
        let requires = parser.parse2(list.tokens.clone())?;
        if requires.names.is_empty() {
            return Err(syn::Error::new_spanned(&list.tokens, USAGE));
        }
        Ok(requires)
    }

    /// The fields named, resolved against `fields` (`this` is the field that requires them).
    pub(crate) fn check(
        &self,
        this: &Field<'_>,
        fields: &[Field<'_>],
        errors: &mut Errors,
    ) -> Vec<Target> {
        let idents: Vec<String> = fields.iter().map(|field| field.ident.to_string()).collect();
        let candidates: Vec<&str> = idents.iter().map(String::as_str).collect();
        let mut targets = Vec::new();
        for name in &self.names {
            let Some(field) = fields.iter().find(|field| field.ident == name) else {
                let message = match did_you_mean(&name.to_string(), &candidates) {
                    Some(close) => {
                        format!("no field `{name}` in this struct; did you mean `{close}`?")
                    }
                    None => format!("no field `{name}` in this struct"),
                };
                errors.error_span(name.span(), message);
                continue;
            };
            if field.ident == this.ident {
                errors.error_span(name.span(), "a field cannot require itself");
            } else if field.serde_skip {
                errors.error_span(
                    name.span(),
                    format!("`{name}` is `#[serde(skip)]`: never in the document, so never given"),
                );
            } else if !field.required && !is_option(field.ty) {
                errors.error_span(
                    name.span(),
                    format!("`{name}` has a serde default: `validate` cannot tell whether it was given; require an `Option` field or a required one"),
                );
            } else {
                targets.push(Target {
                    ident: field.ident.clone(),
                    name: field.name.clone(),
                    optional: !field.required,
                });
            }
        }
        targets
    }

    pub(crate) fn emit_check(&self, targets: &[Target], value: &TokenStream) -> TokenStream {
        let message = optional_lit(self.message.as_ref());
        let (at, errors) = path_and_errors();
        let checks = targets
            .iter()
            .filter(|target| target.optional)
            .map(|target| {
                let (ident, name) = (&target.ident, &target.name);
                quote! {
                    if !::ecr_config::__private::requires::Presence::__ecr_present(&self.#ident) {
                        ::ecr_config::__private::requires::failed(#name, #message, #at, #errors);
                    }
                }
            });
        let present = quote_spanned! {self.span=>
            ::ecr_config::__private::requires::Presence::__ecr_present(#value)
        };
        quote! {
            if #present {
                #(#checks)*
            }
        }
    }

    pub(crate) fn emit_rule(&self, targets: &[Target]) -> TokenStream {
        let names = targets.iter().map(|target| &target.name);
        let message = optional_lit(self.message.as_ref());
        quote!(Requires { properties: &[#(#names),*], message: #message })
    }

    pub(crate) fn emit_const_rule(&self, targets: &[Target]) -> TokenStream {
        let names = targets.iter().map(|target| &target.name);
        let idents = targets.iter().map(|target| target.ident.to_string());
        let message = optional_lit(self.message.as_ref());
        quote!(Requires { properties: &[#(#names),*], idents: &[#(#idents),*], message: #message })
    }
}
