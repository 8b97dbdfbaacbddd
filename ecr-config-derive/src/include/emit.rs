//! The document as a `const` expression of `ecr_config::__private::compile_time` data: nested
//! `&[…]` slices of plain structs, which `const` promotion makes `'static`. Strings are one
//! literal token each, however long.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use syn::LitStr;

use super::scan::{Kind, Member, Number, Value};

pub(crate) fn node(value: &Value, span: Span) -> TokenStream {
    let Value { line, column, kind } = value;
    let json = json(kind, span);
    quote! {
        ::ecr_config::__private::compile_time::Node { line: #line, column: #column, value: #json }
    }
}

fn json(kind: &Kind, span: Span) -> TokenStream {
    match kind {
        Kind::Null => quote!(::ecr_config::__private::compile_time::Json::Null),
        Kind::Bool(value) => quote!(::ecr_config::__private::compile_time::Json::Bool(#value)),
        Kind::Number(number) => {
            let number = self::number(number, span);
            quote!(::ecr_config::__private::compile_time::Json::Number(#number))
        }
        Kind::Str(text) => {
            let text = LitStr::new(text, span);
            quote!(::ecr_config::__private::compile_time::Json::Str(#text))
        }
        Kind::Array(items) => {
            let items = items.iter().map(|item| node(item, span));
            quote!(::ecr_config::__private::compile_time::Json::Array(&[#(#items),*]))
        }
        Kind::Object(members) => {
            let members = members.iter().map(|member| self::member(member, span));
            quote!(::ecr_config::__private::compile_time::Json::Object(&[#(#members),*]))
        }
    }
}

fn member(member: &Member, span: Span) -> TokenStream {
    let Member {
        key,
        line,
        column,
        value,
    } = member;
    let key = LitStr::new(key, span);
    let value = node(value, span);
    quote! {
        ::ecr_config::__private::compile_time::Member {
            key: #key, line: #line, column: #column, value: #value,
        }
    }
}

fn number(number: &Number, span: Span) -> TokenStream {
    let text = LitStr::new(&number.text, span);
    let int = number.int.map_or_else(
        || quote!(::core::option::Option::None),
        |int| {
            let int = Literal::i128_suffixed(int);
            quote!(::core::option::Option::Some(#int))
        },
    );
    let float = LitStr::new(&number.float, span);
    let float_value = match number.float_value {
        value if value.is_finite() => {
            let value = Literal::f64_suffixed(value);
            quote!(#value)
        }
        value if value > 0.0 => quote!(::core::primitive::f64::INFINITY),
        _ => quote!(::core::primitive::f64::NEG_INFINITY),
    };
    quote! {
        ::ecr_config::__private::compile_time::JsonNumber {
            text: #text, int: #int, float: #float, float_value: #float_value,
        }
    }
}
