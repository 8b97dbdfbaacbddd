//! `#[constant("…")]`: the runtime's `rules/constant.rs`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::attr::StrAttr;

use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "constant";
pub(crate) const EXAMPLE: &str = "aws-ecr";

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
