//! `#[content_media_type("application/json")]`: the runtime's `rules/media_type.rs`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::attr::StrAttr;
use crate::errors::Errors;

use super::{optional_lit, path_and_errors};

pub(crate) const NAME: &str = "content_media_type";
pub(crate) const EXAMPLE: &str = "application/json";

pub(crate) fn check(media_type: &StrAttr, errors: &mut Errors) {
    if media_type.lit.value() != "application/json" {
        errors.error_at(
            &media_type.lit,
            "unsupported media type; `content_media_type` supports `\"application/json\"`",
        );
    }
}

pub(crate) fn emit_check(media_type: &StrAttr, value: &TokenStream) -> TokenStream {
    let message = optional_lit(media_type.message.as_ref());
    let (at, errors) = path_and_errors();
    quote_spanned! {media_type.span=>
        ::ecr_config::__private::media_type::check(
            ::ecr_config::__private::media_type::MediaTypeTarget::__ecr_str(#value),
            #message,
            #at,
            #errors,
        );
    }
}

pub(crate) fn emit_rule(media_type: &StrAttr) -> TokenStream {
    let lit = &media_type.lit;
    let message = optional_lit(media_type.message.as_ref());
    quote!(ContentMediaType { media_type: #lit, message: #message })
}

pub(crate) fn emit_const_rule(media_type: &StrAttr) -> TokenStream {
    let message = optional_lit(media_type.message.as_ref());
    quote!(ContentMediaType { message: #message })
}
