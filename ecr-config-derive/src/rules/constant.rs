//! `#[constant("…")]`: the runtime's `rules/constant.rs`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::attr::StrAttr;
use crate::errors::Errors;

use super::len::Len;

use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "constant";
pub(crate) const EXAMPLE: &str = "aws-ecr";

/// A constant the field's own `len` excludes is a declaration no value can satisfy.
pub(crate) fn check(constant: &StrAttr, len: Option<&Len>, errors: &mut Errors) {
    let value = constant.lit.value();
    let chars = value.chars().count();
    if let Some(len) = len
        && (chars < len.lower() || len.upper().is_some_and(|max| chars > max))
    {
        errors.error_at(
            &constant.lit,
            format!(
                "the constant {value:?} has {chars} character{}, which this field's `len` does not allow: no value satisfies both",
                if chars == 1 { "" } else { "s" }
            ),
        );
    }
}

pub(crate) fn emit_check(constant: &StrAttr, value: &TokenStream) -> TokenStream {
    let StrAttr { span, lit, message } = constant;
    let message = optional_lit(message.as_ref());
    let (at, errors) = path_and_errors();
    quote_spanned! {*span=>
        ::ecr_config::__private::constant::check(
            ::ecr_config::__private::constant::ConstTarget::__ecr_str(#value),
            #lit,
            #message,
            #at,
            #errors,
        );
    }
}

pub(crate) fn emit_rule(constant: &StrAttr) -> TokenStream {
    let lit = &constant.lit;
    let message = optional_lit(constant.message.as_ref());
    quote!(Const { value: #lit, message: #message })
}
