//! The generated code: `Validate` (checks and `SHAPE`), for unit-only enums `UnitEnum`, and
//! the hook that implements `schemars::JsonSchema` under the runtime's `schemars` feature.
//! Everything sits in one `const _: () = { … };` block, so the pattern matchers the checks
//! and the shape share are items no user code can name or collide with.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DeriveInput, Generics, Ident, WherePredicate, parse_quote};

use crate::check::{self, Checked};
use crate::errors::Errors;
use crate::model::{Field, Input, Shape, Variant};
use crate::rules::{self, optional};

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
        .zip(&checked.fields)
        .filter(|(field, _)| !field.serde_skip)
        .collect();
    let checks = validated
        .iter()
        .map(|(field, checked)| field_checks(field, checked));
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
    let items = checked.fields.iter().flat_map(rules::Checked::items);
    let field_meta = validated
        .iter()
        .map(|(field, checked)| field_meta(field, checked));
    let const_fields = validated
        .iter()
        .map(|(field, checked)| const_field(field, checked));
    let meta = container_meta(input);
    let examples = &input.examples;
    let json_schema = json_schema_impl(ident, &generics);
    let builder = crate::literal::emit_builder(input, fields);
    // A const item cannot name a generic type's parameters.
    let example_checks = if input.generics.params.is_empty() {
        crate::include::examples(ident, &input.examples)
    } else {
        TokenStream::new()
    };
    quote! {
        const _: () = {
            #(#items)*
            #builder
            #example_checks

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
fn field_checks(field: &Field<'_>, checked: &rules::Checked) -> TokenStream {
    let attrs = &field.attrs;
    let mut checks = TokenStream::new();
    // `self` is the derive's: the field is read here, and named at each attribute below.
    let mut spans = rules::spans(&attrs.rules);
    spans.push(field.ty.span());
    let member = &field.ident;
    for span in spans {
        let value = spanned_value(span);
        checks.extend(quote! {
            #[allow(unused_variables)]
            let #value = &self.#member;
        });
    }
    checks.extend(rules::emit_checks(&attrs.rules, checked, spanned_value));
    if !attrs.skip {
        let ty = field.ty;
        let value = spanned_value(ty.span());
        let (at, errors) = rules::path_and_errors();
        checks.extend(quote_spanned! {ty.span()=>
            <#ty as ::ecr_config::Validate>::validate_into(#value, #at, #errors);
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

/// The field's value (`&self.field`, bound in `field_checks`) named at the attribute that
/// checks it, so a rule that does not fit the field's type is reported at the attribute, not
/// at the derive. (Not `&self.field` itself spanned there: when a `macro_rules!` macro wrote
/// the struct, `self` at its spans would not resolve.)
fn spanned_value(span: Span) -> TokenStream {
    Ident::new("__ecr_value", span).into_token_stream()
}

fn optional_str(value: Option<&str>) -> TokenStream {
    optional(value.map(ToTokens::into_token_stream))
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

fn field_meta(field: &Field<'_>, checked: &rules::Checked) -> TokenStream {
    let name = &field.name;
    let ident = field.ident.to_string();
    let title = optional_str(field.attrs.title.as_ref().map(|t| t.lit.value()).as_deref());
    let description = optional_str(field.description.as_deref());
    let required = field.required;
    let flatten = field.flatten;
    let ty = field.ty;
    let default = optional(field.default.as_ref().map(|value| {
        quote! {
            || {
                #[allow(unused_imports)]
                use ::ecr_config::__private::{DefaultNotSerialized as _, DefaultViaSerialize as _};
                let value: #ty = #value;
                (&&::ecr_config::__private::DefaultJson(&value)).__ecr_json()
            }
        }
    }));
    let shape = if field.attrs.skip {
        quote!(|| &::ecr_config::Shape::Any)
    } else {
        quote!(|| &<#ty as ::ecr_config::Validate>::SHAPE)
    };
    let rules = rules::emit_rules(&field.attrs.rules, checked);
    quote! {
        ::ecr_config::meta::FieldMeta {
            name: #name,
            ident: #ident,
            title: #title,
            description: #description,
            required: #required,
            default: #default,
            flatten: #flatten,
            shape: #shape,
            rules: &[#(::ecr_config::meta::Rule::#rules),*],
        }
    }
}

/// The field as `compile_time::ConstField`: `field_meta` as plain data, patterns as tables.
fn const_field(field: &Field<'_>, checked: &rules::Checked) -> TokenStream {
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
    let rules = rules::emit_const_rules(&field.attrs.rules, checked);
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
        bounds.extend(rules::bounds(&field.attrs.rules));
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
