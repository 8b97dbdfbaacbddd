//! The generated code: `Validate` (checks and `SHAPE`), for unit-only enums `UnitEnum`, and
//! the hook that implements `schemars::JsonSchema` under the runtime's `schemars` feature.
//! Everything sits in one `const _: () = { … };` block, so the pattern matchers the checks
//! and the shape share are items no user code can name or collide with.

use proc_macro2::{Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Ident, WherePredicate, parse_quote};

use crate::attr::{NumberLit, StrAttr};
use crate::check::{self, Checked, Matcher};
use crate::errors::Errors;
use crate::model::{Field, Input, Shape, Variant};

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let model = Input::from_syn(input, &mut errors);
    let checked = model.as_ref().map(|model| check::check(model, &mut errors));
    match (errors.into_compile_errors(), model, checked) {
        (None, Some(model), Some(checked)) => expand(&model, &checked),
        (compile_errors, ..) => {
            let fallback = fallback(input);
            quote! { #compile_errors #fallback }
        }
    }
}

/// A do-nothing impl beside the errors, so users see the mistakes in the attributes and not a
/// second wave of "`Validate` is not implemented" wherever the type is used.
fn fallback(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::ecr_config::Validate for #ident #ty_generics #where_clause {
            fn validate_into(
                &self,
                _: &::ecr_config::FieldPath<'_>,
                _: &mut ::ecr_config::ValidationErrors,
            ) {
            }
        }
    }
}

fn expand(input: &Input<'_>, checked: &Checked) -> TokenStream {
    match &input.shape {
        Shape::Struct {
            fields,
            deny_unknown_fields,
        } => expand_struct(input, fields, *deny_unknown_fields, checked),
        Shape::Enum { variants } => expand_enum(input, variants),
    }
}

fn expand_struct(
    input: &Input<'_>,
    fields: &[Field<'_>],
    deny_unknown_fields: bool,
    checked: &Checked,
) -> TokenStream {
    let ident = input.ident;
    let validated: Vec<_> = fields
        .iter()
        .zip(&checked.patterns)
        .filter(|(field, _)| !field.serde_skip)
        .collect();
    let checks = validated
        .iter()
        .map(|(field, matcher)| field_checks(field, matcher.as_ref()));
    let generics = with_bounds(input.generics, validated.iter().map(|(field, _)| *field));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let path = if validated.is_empty() {
        quote!(_)
    } else {
        quote!(__ecr_path)
    };
    let errors = if validated.is_empty() {
        quote!(_)
    } else {
        quote!(__ecr_errors)
    };
    let matchers = checked
        .patterns
        .iter()
        .flatten()
        .map(|matcher| &matcher.item);
    let field_meta = validated
        .iter()
        .map(|(field, matcher)| field_meta(field, matcher.as_ref()));
    let const_fields = validated
        .iter()
        .map(|(field, matcher)| const_field(field, matcher.as_ref()));
    let meta = container_meta(input);
    let examples = &input.examples;
    let json_schema = json_schema_impl(ident, &generics);
    quote! {
        const _: () = {
            #(#matchers)*

            #[automatically_derived]
            impl #impl_generics ::ecr_config::Validate for #ident #ty_generics #where_clause {
                const SHAPE: ::ecr_config::Shape =
                    ::ecr_config::Shape::Object(&::ecr_config::meta::StructMeta {
                        #meta
                        deny_unknown_fields: #deny_unknown_fields,
                        fields: &[#(#field_meta),*],
                        examples: &[#(#examples),*],
                    });
                const __CONST_SHAPE: &'static ::ecr_config::__private::compile_time::ConstShape =
                    &::ecr_config::__private::compile_time::ConstShape::Object(
                        &::ecr_config::__private::compile_time::ConstStruct {
                            deny_unknown_fields: #deny_unknown_fields,
                            fields: &[#(#const_fields),*],
                        },
                    );

                fn validate_into(
                    &self,
                    #path: &::ecr_config::FieldPath<'_>,
                    #errors: &mut ::ecr_config::ValidationErrors,
                ) {
                    #(#checks)*
                }
            }

            #json_schema
        };
    }
}

/// `schemars::JsonSchema` when the runtime crate has its `schemars` feature: the runtime's
/// macro decides, since a derive cannot see another crate's features.
fn json_schema_impl(ident: &Ident, generics: &Generics) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        ::ecr_config::__impl_json_schema! {
            {#impl_generics} {#ident #ty_generics} {#where_clause}
        }
    }
}

/// The checks of one field: its rules, then the validation of its type.
fn field_checks(field: &Field<'_>, matcher: Option<&Matcher>) -> TokenStream {
    let attrs = &field.attrs;
    let value = |span: Span| spanned_value(field, span);
    let mut checks = length_and_pattern(field, matcher);
    if let Some(range) = &attrs.range {
        let min = optional_number(range.min.map(|b| b.value));
        let max = optional_number(range.max.map(|b| b.value));
        let value = value(range.span);
        checks.extend(quote_spanned! {range.span=>
            ::ecr_config::__private::check_range(
                ::ecr_config::__private::RangeTarget::__ecr_number(#value),
                #min,
                #max,
                __ecr_at,
                __ecr_errors,
            );
        });
    }
    if let Some(StrAttr { span, lit }) = &attrs.constant {
        let value = value(*span);
        checks.extend(quote_spanned! {*span=>
            ::ecr_config::__private::check_const(
                ::ecr_config::__private::ConstTarget::__ecr_str(#value),
                #lit,
                __ecr_at,
                __ecr_errors,
            );
        });
    }
    if let Some(StrAttr { span, .. }) = &attrs.media_type {
        let value = value(*span);
        checks.extend(quote_spanned! {*span=>
            ::ecr_config::__private::check_json_media_type(
                ::ecr_config::__private::MediaTypeTarget::__ecr_str(#value),
                __ecr_at,
                __ecr_errors,
            );
        });
    }
    if !attrs.skip {
        let ty = field.ty;
        let value = value(ty.span());
        checks.extend(quote_spanned! {ty.span()=>
            <#ty as ::ecr_config::Validate>::validate_into(#value, __ecr_at, __ecr_errors);
        });
    }

    let at = if field.flatten {
        quote!(__ecr_path)
    } else {
        let name = &field.name;
        // Whether the name needs escaping in a pointer is settled at compile time.
        quote!(&__ecr_path.__key(#name, const { ::ecr_config::__private::is_token(#name) }))
    };
    quote! {
        {
            let __ecr_at: &::ecr_config::FieldPath<'_> = #at;
            #checks
        }
    }
}

/// `#[len]` and `#[pattern]`, which share their work when the pattern implies the length.
fn length_and_pattern(field: &Field<'_>, matcher: Option<&Matcher>) -> TokenStream {
    let attrs = &field.attrs;
    let value = |span: Span| spanned_value(field, span);
    let mut checks = TokenStream::new();
    let length = attrs.len.as_ref().map(|len| {
        let min = Literal::usize_unsuffixed(len.min.map_or(0, |b| b.value));
        let max = len.max.map_or_else(
            || quote!(::core::primitive::usize::MAX),
            |b| Literal::usize_unsuffixed(b.value).into_token_stream(),
        );
        let measured = value(len.span);
        let measure = quote_spanned! {len.span=>
            ::ecr_config::__private::HasLength::__ecr_measure(#measured)
        };
        let check = quote_spanned! {len.span=>
            ::ecr_config::__private::check_length(__ecr_length, #min, #max, __ecr_at, __ecr_errors);
        };
        (measure, check)
    });
    let pattern = attrs.pattern.as_ref().zip(matcher);
    match (length, pattern) {
        (Some((measure, check_length)), Some((StrAttr { span, lit }, matcher)))
            if matcher.implies_len =>
        {
            // Every match has an allowed length (`check::Matcher::implies_len`), so the code
            // points are counted only for a value the pattern rejects, and the findings keep
            // their order: length, then pattern.
            let name = &matcher.name;
            let value = value(*span);
            checks.extend(quote! { let __ecr_length = #measure; });
            checks.extend(quote_spanned! {*span=>
                match ::ecr_config::__private::PatternTarget::__ecr_str(#value) {
                    ::core::option::Option::Some(__ecr_str) if #name(__ecr_str) => {}
                    ::core::option::Option::Some(_) => {
                        #check_length
                        ::ecr_config::__private::pattern_failed(#lit, __ecr_at, __ecr_errors);
                    }
                    ::core::option::Option::None => {
                        #check_length
                    }
                }
            });
        }
        (length, pattern) => {
            if let Some((measure, check_length)) = length {
                checks.extend(quote! {
                    let __ecr_length = #measure;
                    #check_length
                });
            }
            if let Some((StrAttr { span, lit }, Matcher { name, .. })) = pattern {
                let value = value(*span);
                checks.extend(quote_spanned! {*span=>
                    if let ::core::option::Option::Some(__ecr_str) =
                        ::ecr_config::__private::PatternTarget::__ecr_str(#value)
                    {
                        if !#name(__ecr_str) {
                            ::ecr_config::__private::pattern_failed(#lit, __ecr_at, __ecr_errors);
                        }
                    }
                });
            }
        }
    }
    checks
}

/// `&self.field`, spanned at the attribute that checks it, so a rule that does not fit the
/// field's type is reported at the attribute, not at the derive.
fn spanned_value(field: &Field<'_>, span: Span) -> TokenStream {
    let mut member = field.ident.clone();
    member.set_span(span);
    quote_spanned!(span=> &self.#member)
}

fn optional_number(number: Option<NumberLit>) -> TokenStream {
    optional(number.map(|number| match number {
        NumberLit::Int(n) => {
            let n = Literal::i128_unsuffixed(n);
            quote!(::ecr_config::Number::Int(#n))
        }
        NumberLit::Float(x) => {
            let x = Literal::f64_unsuffixed(x);
            quote!(::ecr_config::Number::Float(#x))
        }
    }))
}

fn optional_str(value: Option<&str>) -> TokenStream {
    optional(value.map(ToTokens::into_token_stream))
}

fn optional(value: Option<TokenStream>) -> TokenStream {
    value.map_or_else(
        || quote!(::core::option::Option::None),
        |value| quote!(::core::option::Option::Some(#value)),
    )
}

/// `ident`, `title` and `description` of a struct or enum description.
fn container_meta(input: &Input<'_>) -> TokenStream {
    let ident = input.ident.to_string();
    let title = optional_str(input.title.as_ref().map(|t| t.lit.value()).as_deref());
    let description = optional_str(input.description.as_deref());
    quote! {
        ident: #ident,
        title: #title,
        description: #description,
    }
}

fn field_meta(field: &Field<'_>, matcher: Option<&Matcher>) -> TokenStream {
    let name = &field.name;
    let ident = field.ident.to_string();
    let title = optional_str(field.attrs.title.as_ref().map(|t| t.lit.value()).as_deref());
    let description = optional_str(field.description.as_deref());
    let required = field.required;
    let flatten = field.flatten;
    let ty = field.ty;
    let shape = if field.attrs.skip {
        quote!(|| &::ecr_config::Shape::Any)
    } else {
        quote!(|| &<#ty as ::ecr_config::Validate>::SHAPE)
    };
    let attrs = &field.attrs;
    let mut rules = Vec::new();
    if let Some(len) = &attrs.len {
        let min = optional_usize(len.min.map(|b| b.value));
        let max = optional_usize(len.max.map(|b| b.value));
        rules.push(quote!(::ecr_config::meta::Rule::Length { min: #min, max: #max }));
    }
    if let (Some(pattern), Some(Matcher { name, .. })) = (&attrs.pattern, matcher) {
        let lit = &pattern.lit;
        rules.push(quote!(::ecr_config::meta::Rule::Pattern { pattern: #lit, is_match: #name }));
    }
    if let Some(range) = &attrs.range {
        let min = optional_number(range.min.map(|b| b.value));
        let max = optional_number(range.max.map(|b| b.value));
        rules.push(quote!(::ecr_config::meta::Rule::Range { min: #min, max: #max }));
    }
    if let Some(constant) = &attrs.constant {
        let lit = &constant.lit;
        rules.push(quote!(::ecr_config::meta::Rule::Const(#lit)));
    }
    if let Some(media_type) = &attrs.media_type {
        let lit = &media_type.lit;
        rules.push(quote!(::ecr_config::meta::Rule::ContentMediaType(#lit)));
    }
    quote! {
        ::ecr_config::meta::FieldMeta {
            name: #name,
            ident: #ident,
            title: #title,
            description: #description,
            required: #required,
            flatten: #flatten,
            shape: #shape,
            rules: &[#(#rules),*],
        }
    }
}

/// The field as `compile_time::ConstField`: `field_meta` as plain data, patterns as tables.
fn const_field(field: &Field<'_>, matcher: Option<&Matcher>) -> TokenStream {
    let name = &field.name;
    let ident = field.ident.to_string();
    let required = field.required;
    let flatten = field.flatten;
    let ty = field.ty;
    let shape = if field.attrs.skip {
        quote!(&::ecr_config::__private::compile_time::ConstShape::Any)
    } else {
        // A call, not the constant itself: see `compile_time::shape_of`.
        quote_spanned!(ty.span()=> ::ecr_config::__private::compile_time::shape_of::<#ty>())
    };
    let attrs = &field.attrs;
    let mut rules = Vec::new();
    if let Some(len) = &attrs.len {
        let min = optional_usize(len.min.map(|b| b.value));
        let max = optional_usize(len.max.map(|b| b.value));
        rules.push(quote!(Length { min: #min, max: #max }));
    }
    if let (Some(pattern), Some(Matcher { tables, .. })) = (&attrs.pattern, matcher) {
        let lit = &pattern.lit;
        rules.push(quote!(Pattern { pattern: #lit, dfa: &#tables }));
    }
    if let Some(range) = &attrs.range {
        let min = optional(range.min.map(|b| const_number(b.value)));
        let max = optional(range.max.map(|b| const_number(b.value)));
        rules.push(quote!(Range { min: #min, max: #max }));
    }
    if let Some(constant) = &attrs.constant {
        let lit = &constant.lit;
        rules.push(quote!(Const(#lit)));
    }
    if attrs.media_type.is_some() {
        rules.push(quote!(ContentMediaType));
    }
    quote! {
        ::ecr_config::__private::compile_time::ConstField {
            name: #name,
            ident: #ident,
            required: #required,
            flatten: #flatten,
            shape: #shape,
            rules: &[#(::ecr_config::__private::compile_time::ConstRule::#rules),*],
            not_promoted: ::ecr_config::__private::compile_time::NotPromoted,
        }
    }
}

/// A `#[range]` bound with the text messages print, as `Number`'s `Display` writes it.
fn const_number(number: NumberLit) -> TokenStream {
    let (int, float, text) = match number {
        #[allow(clippy::cast_precision_loss)]
        NumberLit::Int(n) => (
            optional(Some(Literal::i128_unsuffixed(n).into_token_stream())),
            n as f64,
            n.to_string(),
        ),
        NumberLit::Float(x) => (optional(None), x, x.to_string()),
    };
    let float = Literal::f64_unsuffixed(float);
    quote! {
        ::ecr_config::__private::compile_time::ConstNumber { int: #int, float: #float, text: #text }
    }
}

fn optional_usize(value: Option<usize>) -> TokenStream {
    optional(value.map(|value| Literal::usize_unsuffixed(value).into_token_stream()))
}

fn expand_enum(input: &Input<'_>, variants: &[Variant<'_>]) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let json_schema = json_schema_impl(ident, input.generics);
    let meta = container_meta(input);
    let names: Vec<&str> = variants.iter().map(|v| v.name.as_str()).collect();
    let idents: Vec<&Ident> = variants.iter().map(|v| v.ident).collect();
    let ident_names: Vec<String> = idents.iter().map(ToString::to_string).collect();
    let variant_meta = variants.iter().map(|variant| {
        let name = &variant.name;
        let ident = variant.ident.to_string();
        let description = optional_str(variant.description.as_deref());
        quote! {
            ::ecr_config::meta::VariantMeta { name: #name, ident: #ident, description: #description }
        }
    });
    let as_str = if variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(Self::#idents => #names,)* })
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::ecr_config::Validate for #ident #ty_generics #where_clause {
            const SHAPE: ::ecr_config::Shape =
                ::ecr_config::Shape::Enum(&::ecr_config::meta::EnumMeta {
                    #meta
                    variants: &[#(#variant_meta),*],
                    names: <Self as ::ecr_config::UnitEnum>::NAMES,
                });
            const __CONST_SHAPE: &'static ::ecr_config::__private::compile_time::ConstShape =
                &::ecr_config::__private::compile_time::ConstShape::Enum(
                    &::ecr_config::__private::compile_time::ConstEnum {
                        names: <Self as ::ecr_config::UnitEnum>::NAMES,
                        idents: &[#(#ident_names),*],
                    },
                );

            #[inline]
            fn validate_into(
                &self,
                _: &::ecr_config::FieldPath<'_>,
                _: &mut ::ecr_config::ValidationErrors,
            ) {
            }
        }

        #[automatically_derived]
        impl #impl_generics ::ecr_config::UnitEnum for #ident #ty_generics #where_clause {
            const NAMES: &'static [&'static str] = &[#(#names),*];

            fn as_str(&self) -> &'static str {
                #as_str
            }
        }
        #json_schema
    }
}

/// The generics plus, for each validated field whose type mentions a type parameter, the
/// bounds its checks need (thiserror's approach: bound field types, not parameters).
fn with_bounds<'a>(generics: &Generics, fields: impl Iterator<Item = &'a Field<'a>>) -> Generics {
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    if params.is_empty() {
        return generics.clone();
    }
    let mut generics = generics.clone();
    let predicates = &mut generics.make_where_clause().predicates;
    for field in fields {
        if !mentions(field.ty.to_token_stream(), &params) {
            continue;
        }
        let ty = field.ty;
        let mut bounds: Vec<TokenStream> = Vec::new();
        if !field.attrs.skip {
            bounds.push(quote!(::ecr_config::Validate));
        }
        let rules: [(bool, &str); 5] = [
            (field.attrs.len.is_some(), "HasLength"),
            (field.attrs.pattern.is_some(), "PatternTarget"),
            (field.attrs.range.is_some(), "RangeTarget"),
            (field.attrs.constant.is_some(), "ConstTarget"),
            (field.attrs.media_type.is_some(), "MediaTypeTarget"),
        ];
        for (declared, bound) in rules {
            if declared {
                let bound = Ident::new(bound, Span::call_site());
                bounds.push(quote!(::ecr_config::__private::#bound));
            }
        }
        if !bounds.is_empty() {
            let predicate: WherePredicate = parse_quote!(#ty: #(#bounds)+*);
            predicates.push(predicate);
        }
    }
    generics
}

fn mentions(tokens: TokenStream, params: &[Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.contains(&ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
