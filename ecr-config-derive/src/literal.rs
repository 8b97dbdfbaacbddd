//! `checked!(CiConfig { region: Region::UsEast1, access_key: "AKIA…", … })`: a config written
//! as a Rust struct literal, checked against the type's declarations in `const` evaluation.
//!
//! The literal is read as a small grammar (strings, numbers, booleans, paths, nested struct
//! literals, `Some(…)`/`None`, arrays and `vec![…]`), turned into the document tree the
//! compile-time checker walks (keyed by Rust field names), and written back out as the same
//! expression with each string literal converted `Into` its field's type.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Ident, Lit, LitStr, Path, Token, braced, bracketed, parenthesized};

/// One value of the literal.
enum Value {
    Str(LitStr),
    /// An integer or float, with its sign.
    Number {
        minus: Option<Token![-]>,
        lit: Lit,
    },
    Bool(syn::LitBool),
    /// An enum variant (or any other name, which the checker reports as not a literal).
    Path(Path),
    Struct(StructLit),
    Some {
        some: Ident,
        value: Box<Value>,
    },
    None(Ident),
    Array {
        /// `vec!` before the brackets.
        vec: Option<Ident>,
        span: Span,
        items: Vec<Value>,
    },
}

struct StructLit {
    path: Path,
    fields: Vec<(Ident, Value)>,
}

const ONLY_LITERALS: &str = "`checked!` checks values known at compile time: string, number and \
     boolean literals, enum variants, nested struct literals, `Some(…)`, `None`, and lists; \
     build values only known at run time normally and call `.validate()`";

impl Parse for StructLit {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: Path = input.parse()?;
        let content;
        braced!(content in input);
        let mut fields = Vec::new();
        while !content.is_empty() {
            if content.peek(Token![..]) {
                return Err(content.error(
                    "`checked!` needs every field written out: `..` fills fields with values \
                     only known at run time",
                ));
            }
            let ident: Ident = content.parse()?;
            // `Struct { field }` shorthand names a variable: not a literal.
            if !content.peek(Token![:]) {
                return Err(syn::Error::new(ident.span(), ONLY_LITERALS));
            }
            content.parse::<Token![:]>()?;
            let value: Value = content.parse()?;
            fields.push((ident, value));
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        Ok(StructLit { path, fields })
    }
}

impl Parse for Value {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Token![-]) {
            let minus = input.parse()?;
            let lit: Lit = input.parse()?;
            return match lit {
                Lit::Int(_) | Lit::Float(_) => Ok(Value::Number {
                    minus: Some(minus),
                    lit,
                }),
                _ => Err(syn::Error::new(lit.span(), "expected a number after `-`")),
            };
        }
        if input.peek(Lit) {
            return match input.parse::<Lit>()? {
                Lit::Str(lit) => Ok(Value::Str(lit)),
                lit @ (Lit::Int(_) | Lit::Float(_)) => Ok(Value::Number { minus: None, lit }),
                Lit::Bool(lit) => Ok(Value::Bool(lit)),
                lit => Err(syn::Error::new(lit.span(), ONLY_LITERALS)),
            };
        }
        if input.peek(syn::token::Bracket) {
            return array(input, None);
        }
        if input.peek(Ident) && input.peek2(Token![!]) {
            let vec: Ident = input.parse()?;
            if vec != "vec" {
                return Err(syn::Error::new(vec.span(), ONLY_LITERALS));
            }
            input.parse::<Token![!]>()?;
            return array(input, Some(vec));
        }
        let fork = input.fork();
        let path: Path = fork.parse().map_err(|_| input.error(ONLY_LITERALS))?;
        if fork.peek(syn::token::Brace) {
            return Ok(Value::Struct(input.parse()?));
        }
        input.parse::<Path>()?;
        if let Some(ident) = path.get_ident() {
            if ident == "Some" && input.peek(syn::token::Paren) {
                let content;
                parenthesized!(content in input);
                let value: Value = content.parse()?;
                if !content.is_empty() {
                    return Err(content.error("`Some` takes one value"));
                }
                return Ok(Value::Some {
                    some: ident.clone(),
                    value: Box::new(value),
                });
            }
            if ident == "None" {
                return Ok(Value::None(ident.clone()));
            }
        }
        if input.peek(syn::token::Paren) || input.peek(Token![.]) {
            return Err(syn::Error::new(path.span(), ONLY_LITERALS));
        }
        Ok(Value::Path(path))
    }
}

fn array(input: ParseStream<'_>, vec: Option<Ident>) -> syn::Result<Value> {
    let content;
    let bracket = bracketed!(content in input);
    let items = Punctuated::<Value, Token![,]>::parse_terminated(&content)?;
    Ok(Value::Array {
        vec,
        span: bracket.span.join(),
        items: items.into_iter().collect(),
    })
}

/// The expansion of `checked!(…)`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let literal: StructLit = match syn::parse2(input) {
        Ok(literal) => literal,
        Err(error) => return error.into_compile_error(),
    };
    let path = &literal.path;
    let document = object(&literal);
    let value = struct_value(&literal);
    let (file, line, column) = location(path.span());
    let source = format!(
        "the `{}` literal at {file}:{line}:{column}",
        path.to_token_stream().to_string().replace(' ', "")
    );
    let prefix = format!("{file}:");
    let ct = quote!(::ecr_config::__private::compile_time);
    quote_spanned! {path.span()=>
        {
            const _: () = {
                let verdict = #ct::verdict(
                    <#path as ::ecr_config::Validate>::__CONST_SHAPE,
                    &#ct::Node { line: #line, column: #column, value: #document },
                    #source,
                    #prefix,
                    #ct::Names::Rust,
                );
                if !verdict.is_empty() {
                    ::core::panic!("{}", verdict.as_str());
                }
            };
            #value
        }
    }
}

/// The source file, 1-based line and 1-based column (in characters) of `span`.
fn location(span: Span) -> (String, u32, u32) {
    let span = span.unwrap();
    let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (span.file(), narrow(span.line()), narrow(span.column()))
}

fn node(value: &Value, span: Span) -> TokenStream {
    let (_, line, column) = location(span);
    let ct = quote!(::ecr_config::__private::compile_time);
    let json = json(value);
    quote!(#ct::Node { line: #line, column: #column, value: #json })
}

/// The value as a `compile_time::Json`.
fn json(value: &Value) -> TokenStream {
    let ct = quote!(::ecr_config::__private::compile_time);
    match value {
        Value::Str(lit) => quote!(#ct::Json::Str(#lit)),
        Value::Number { minus, lit } => {
            let digits = match lit {
                Lit::Int(lit) => lit.base10_digits().to_owned(),
                Lit::Float(lit) => lit.base10_digits().to_owned(),
                _ => unreachable!("parsed as a number"),
            };
            let text = format!("{}{digits}", if minus.is_some() { "-" } else { "" });
            let int = text.parse::<i128>().ok().map_or_else(
                || quote!(None),
                |n| {
                    let n = proc_macro2::Literal::i128_unsuffixed(n);
                    quote!(Some(#n))
                },
            );
            let float_value = text.parse::<f64>().unwrap_or(f64::INFINITY);
            let float = float_value.to_string();
            let float_value = proc_macro2::Literal::f64_unsuffixed(float_value);
            quote! {
                #ct::Json::Number(#ct::JsonNumber {
                    text: #text,
                    int: ::core::option::Option::#int,
                    float: #float,
                    float_value: #float_value,
                })
            }
        }
        Value::Bool(lit) => quote!(#ct::Json::Bool(#lit)),
        Value::Path(path) => {
            let last = path
                .segments
                .last()
                .map(|segment| segment.ident.to_string())
                .unwrap_or_default();
            quote!(#ct::Json::Path(#last))
        }
        Value::Struct(literal) => object(literal),
        Value::Some { value, .. } => json(value),
        // Absent: the member is left out of its object.
        Value::None(_) => quote!(#ct::Json::Null),
        Value::Array { items, .. } => {
            let items = items.iter().map(|item| node(item, item_span(item)));
            quote!(#ct::Json::Array(&[#(#items),*]))
        }
    }
}

fn object(literal: &StructLit) -> TokenStream {
    let ct = quote!(::ecr_config::__private::compile_time);
    let members = literal
        .fields
        .iter()
        .filter(|(_, value)| !matches!(value, Value::None(_)))
        .map(|(ident, value)| {
            let key = ident.to_string();
            let key = key.strip_prefix("r#").unwrap_or(&key).to_owned();
            let (_, line, column) = location(ident.span());
            let node = node(value, item_span(value));
            quote!(#ct::Member { key: #key, line: #line, column: #column, value: #node })
        });
    quote!(#ct::Json::Object(&[#(#members),*]))
}

/// Where a value starts, for its position in findings.
fn item_span(value: &Value) -> Span {
    match value {
        Value::Str(lit) => lit.span(),
        Value::Number {
            minus: Some(minus), ..
        } => minus.span,
        Value::Number { lit, .. } => lit.span(),
        Value::Bool(lit) => lit.span,
        Value::Path(path) => path.span(),
        Value::Struct(literal) => literal.path.span(),
        Value::Some { value, .. } => item_span(value),
        Value::None(ident) => ident.span(),
        Value::Array { vec: Some(vec), .. } => vec.span(),
        Value::Array { span, .. } => *span,
    }
}

/// The value as the Rust expression to build, strings converted into their field's type.
fn rust(value: &Value) -> TokenStream {
    match value {
        Value::Str(lit) => quote_spanned!(lit.span()=> ::core::convert::Into::into(#lit)),
        Value::Number { minus, lit } => quote!(#minus #lit),
        Value::Bool(lit) => lit.to_token_stream(),
        Value::Path(path) => path.to_token_stream(),
        Value::Struct(literal) => struct_value(literal),
        Value::Some { some, value } => {
            let value = rust(value);
            quote_spanned!(some.span()=> ::core::option::Option::Some(#value))
        }
        Value::None(ident) => quote_spanned!(ident.span()=> ::core::option::Option::None),
        Value::Array { vec, items, .. } => {
            let items = items.iter().map(rust);
            if let Some(vec) = vec {
                quote_spanned!(vec.span()=> ::std::vec![#(#items),*])
            } else {
                quote!([#(#items),*])
            }
        }
    }
}

/// The struct built by the derive's builder ([`emit_builder`]): each field written set by its
/// method, each left out given the value serde would give it.
fn struct_value(literal: &StructLit) -> TokenStream {
    let path = &literal.path;
    let fields = literal.fields.iter().map(|(ident, value)| {
        let value = rust(value);
        quote!(.#ident(#value))
    });
    quote_spanned! {path.span()=>
        #path::__ecr_checked_literal() #(#fields)* .__ecr_build()
    }
}

/// The builder `checked!` writes a literal with (the derive emits it with the struct): a
/// method per field, named after it, and `__ecr_build`, which gives each field left out the
/// value serde gives a missing property (its default, `None`), or its `#[constant]`. A field
/// the literal must have and lacks is reported by the compile-time checker, so `__ecr_build`
/// never meets one.
pub(crate) fn emit_builder(
    input: &crate::model::Input<'_>,
    fields: &[crate::model::Field<'_>],
) -> TokenStream {
    let ident = input.ident;
    let builder = quote::format_ident!("{}CheckedLiteral", ident);
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // In the builder `Self` is the builder: a field's `Vec<Self>` names the struct.
    let this = quote!(#ident #ty_generics);
    let field_ty =
        |field: &crate::model::Field<'_>| without_self(field.ty.to_token_stream(), &this);
    let slots = fields.iter().map(|field| {
        let (name, ty) = (field.ident, field_ty(field));
        quote!(#name: ::core::option::Option<#ty>)
    });
    let empty = fields.iter().map(|field| {
        let name = field.ident;
        quote!(#name: ::core::option::Option::None)
    });
    // A setter is as visible as its field: a literal can set only what it could write.
    let setters = fields.iter().map(|field| {
        let (name, ty, vis) = (field.ident, field_ty(field), field.vis);
        quote! {
            #[inline]
            #vis fn #name(mut self, value: #ty) -> Self {
                self.#name = ::core::option::Option::Some(value);
                self
            }
        }
    });
    let built = fields.iter().map(|field| {
        let name = field.ident;
        let missing = missing_value(field);
        quote!(#name: match self.#name {
            ::core::option::Option::Some(value) => value,
            ::core::option::Option::None => #missing,
        })
    });
    let vis = input.vis;
    quote! {
        #[doc(hidden)]
        #[allow(non_camel_case_types)]
        #vis struct #builder #impl_generics #where_clause {
            #(#slots,)*
        }

        #[automatically_derived]
        impl #impl_generics #ident #ty_generics #where_clause {
            #[doc(hidden)]
            #[inline]
            #vis fn __ecr_checked_literal() -> #builder #ty_generics {
                #builder { #(#empty,)* }
            }
        }

        #[automatically_derived]
        impl #impl_generics #builder #ty_generics #where_clause {
            #(#setters)*

            #[doc(hidden)]
            #[inline]
            pub fn __ecr_build(self) -> #ident #ty_generics {
                #ident { #(#built,)* }
            }
        }
    }
}

/// `Self` in `tokens` replaced by `this`.
fn without_self(tokens: TokenStream, this: &TokenStream) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    tokens
        .into_iter()
        .flat_map(|tree| match tree {
            TokenTree::Ident(ident) if ident == "Self" => this.clone(),
            TokenTree::Group(group) => {
                let mut inner = Group::new(group.delimiter(), without_self(group.stream(), this));
                inner.set_span(group.span());
                TokenTree::Group(inner).into_token_stream()
            }
            other => other.into_token_stream(),
        })
        .collect()
}

/// What `__ecr_build` gives a field the literal left out. A `#[constant]` field its constant
/// (the only value it may hold), else what serde gives a missing property.
fn missing_value(field: &crate::model::Field<'_>) -> TokenStream {
    if let Some(constant) = &field.attrs.rules.constant
        && !crate::model::is_option(field.ty)
    {
        let lit = &constant.lit;
        return quote!(::core::convert::Into::into(#lit));
    }
    if let Some(default) = &field.serde_default {
        return default.clone();
    }
    if field.serde_skip || crate::model::is_option(field.ty) {
        return quote!(::core::default::Default::default());
    }
    quote!(::core::unreachable!(
        "`checked!` reports a field left out at compile time"
    ))
}
