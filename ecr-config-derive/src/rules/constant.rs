//! `#[constant("…")]`: the runtime's `rules/constant.rs`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::attr::StrAttr;

pub(crate) const NAME: &str = "constant";
pub(crate) const EXAMPLE: &str = "aws-ecr";

pub(crate) fn emit_check(constant: &StrAttr, value: &TokenStream) -> TokenStream {
    let StrAttr { span, lit } = constant;
    quote_spanned! {*span=>
        ::ecr_config::__private::constant::check(
            ::ecr_config::__private::constant::ConstTarget::__ecr_str(#value),
            #lit,
            __ecr_at,
            __ecr_errors,
        );
    }
}

pub(crate) fn emit_rule(constant: &StrAttr) -> TokenStream {
    let lit = &constant.lit;
    quote!(Const(#lit))
}
