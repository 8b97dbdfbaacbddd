//! The typed description of the input: what the JSON looks like (serde names, required
//! properties) and which constraints each field declares.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Type};

use crate::attr::{self, FieldAttrs, StrAttr};
use crate::errors::Errors;
use crate::serde_attr::{self, DefaultFrom};

pub(crate) struct Input<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a syn::Visibility,
    pub(crate) generics: &'a Generics,
    pub(crate) title: Option<StrAttr>,
    pub(crate) description: Option<String>,
    pub(crate) examples: Vec<syn::LitStr>,
    pub(crate) shape: Shape<'a>,
}

pub(crate) enum Shape<'a> {
    /// A struct with named fields: a JSON object.
    Struct {
        fields: Vec<Field<'a>>,
        deny_unknown_fields: bool,
    },
    /// A unit-only enum: a JSON string.
    Enum { variants: Vec<Variant<'a>> },
}

pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) vis: &'a syn::Visibility,
    pub(crate) ty: &'a Type,
    /// The JSON name after serde's `rename`/`rename_all`.
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) required: bool,
    /// The value serde gives the property when it is missing, as an expression of the
    /// field's type (`None`: no default, or a generic struct, whose default has no one type).
    pub(crate) default: Option<TokenStream>,
    /// The same in the struct's own generic context (`checked!`'s omitted fields).
    pub(crate) serde_default: Option<TokenStream>,
    pub(crate) flatten: bool,
    /// `#[serde(skip)]`: not part of the JSON, so not validated either.
    pub(crate) serde_skip: bool,
    pub(crate) attrs: FieldAttrs,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
}

impl<'a> Input<'a> {
    /// `None` when the item's shape is not supported; the reason is in `errors`.
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let serde = serde_attr::container(&input.attrs);
        let (what, shape) = match &input.data {
            Data::Struct(data) => ("struct", struct_shape(input, &data.fields, &serde, errors)?),
            Data::Enum(data) => {
                let variants = data
                    .variants
                    .iter()
                    .enumerate()
                    .map(|(position, variant)| {
                        errors.at_position(position + 1);
                        if !matches!(variant.fields, Fields::Unit) {
                            errors.error_at(
                                &variant.fields,
                                format!(
                                    "`Validate` supports unit-only enums (a JSON string from a fixed list); \
                                     variant `{}` carries data",
                                    variant.ident
                                ),
                            );
                        }
                        attr::container_attrs(&variant.attrs, "enum variant", errors);
                        let renamed = serde_attr::field(&variant.attrs).rename;
                        let ident = unraw(&variant.ident);
                        Variant {
                            ident: &variant.ident,
                            name: renamed.unwrap_or_else(|| match serde.rename_all {
                                Some(rule) => rule.apply_to_variant(&ident),
                                None => ident,
                            }),
                            description: attr::docs(&variant.attrs),
                        }
                    })
                    .collect();
                ("enum", Shape::Enum { variants })
            }
            Data::Union(data) => {
                errors.error_at(
                    data.union_token,
                    "`Validate` cannot be derived for a union; use a struct with named fields",
                );
                return None;
            }
        };
        errors.at_position(0);
        let container = attr::container_attrs(&input.attrs, what, errors);
        Some(Input {
            ident: &input.ident,
            vis: &input.vis,
            generics: &input.generics,
            title: container.title,
            description: attr::docs(&input.attrs),
            examples: container.examples,
            shape,
        })
    }
}

fn struct_shape<'a>(
    input: &'a DeriveInput,
    fields: &'a Fields,
    serde: &serde_attr::SerdeContainer,
    errors: &mut Errors,
) -> Option<Shape<'a>> {
    let named = match fields {
        Fields::Named(named) => named,
        Fields::Unnamed(unnamed) => {
            errors.error_at(
                unnamed,
                format!(
                    "`Validate` needs named fields, which become the properties of a JSON object; \
                     write `struct {} {{ name: Type, … }}`",
                    input.ident
                ),
            );
            return None;
        }
        Fields::Unit => {
            errors.error_at(
                &input.ident,
                format!(
                    "`Validate` needs named fields, which become the properties of a JSON object; \
                     `{}` has none",
                    input.ident
                ),
            );
            return None;
        }
    };
    let fields = named
        .named
        .iter()
        .enumerate()
        .filter_map(|(position, field)| {
            errors.at_position(position + 1);
            let ident = field.ident.as_ref()?;
            let serde_field = serde_attr::field(&field.attrs);
            let rust_name = unraw(ident);
            let name = serde_field
                .rename
                .clone()
                .unwrap_or_else(|| match serde.rename_all {
                    Some(rule) => rule.apply_to_field(&rust_name),
                    None => rust_name,
                });
            Some(Field {
                ident,
                vis: &field.vis,
                ty: &field.ty,
                name,
                description: attr::docs(&field.attrs),
                required: !(serde.default.is_some()
                    || serde_field.default.is_some()
                    || is_option(&field.ty)),
                default: (input.generics.params.is_empty())
                    .then(|| default_value(input, ident, &field.ty, serde, &serde_field))
                    .flatten(),
                serde_default: default_value(input, ident, &field.ty, serde, &serde_field),
                flatten: serde_field.flatten,
                serde_skip: serde_field.skip,
                attrs: attr::field_attrs(&field.attrs, errors),
            })
        })
        .collect();
    Some(Shape::Struct {
        fields,
        deny_unknown_fields: serde.deny_unknown_fields,
    })
}

/// The expression serde evaluates for a missing field: the field's own default, else the
/// field of the container's default.
fn default_value(
    input: &DeriveInput,
    ident: &Ident,
    ty: &Type,
    container: &serde_attr::SerdeContainer,
    field: &serde_attr::SerdeField,
) -> Option<TokenStream> {
    let own = |from: &DefaultFrom| match from {
        DefaultFrom::Trait => quote!(<#ty as ::core::default::Default>::default()),
        DefaultFrom::Function(path) => quote!(#path()),
    };
    if let Some(from) = &field.default {
        return Some(own(from));
    }
    let (_, ty_generics, _) = input.generics.split_for_impl();
    let container_ty = &input.ident;
    let container_ty = quote!(#container_ty #ty_generics);
    match container.default.as_ref()? {
        DefaultFrom::Trait => {
            Some(quote!(<#container_ty as ::core::default::Default>::default().#ident))
        }
        DefaultFrom::Function(path) => Some(quote!(#path().#ident)),
    }
}

/// serde reads a missing `Option` field as `None`, so such a property is not required.
pub(crate) fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "Option"),
        Type::Group(group) => is_option(&group.elem),
        _ => false,
    }
}

/// The name serde sees: `r#type` is `type`.
fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#")
        .map_or_else(|| name.clone(), ToOwned::to_owned)
}
