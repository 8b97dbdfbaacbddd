//! Semantic checks of the declarations, each rule's in its module (`crate::rules`). Named
//! `check`, not `validate`, to keep it apart from the runtime trait.

use crate::errors::Errors;
use crate::model::{Input, Shape};
use crate::rules;

/// What the checks produced for the expansion: each field's, in order.
pub(crate) struct Checked {
    pub(crate) fields: Vec<rules::Checked>,
}

/// The checks of a field's rules against its type (and its items' rules against the items'),
/// as const assertions on the types' `__CONST_SHAPE`: a `range` no value of the type is in.
fn type_checks(field: &crate::model::Field<'_>, checked: &mut rules::Checked) {
    use quote::{ToTokens, quote};
    let ty = field.ty;
    let name = ty.to_token_stream().to_string().replace(' ', "");
    if let Some(range) = &field.attrs.rules.range {
        let shape = quote!(<#ty as ::ecr_config::Validate>::__CONST_SHAPE);
        checked
            .assertions
            .push(range.emit_type_check(&shape, &format!("value of `{name}`")));
    }
    if let Some(range) = field
        .attrs
        .rules
        .each
        .as_ref()
        .and_then(|each| each.rules.range.as_ref())
    {
        let shape = quote! {
            <<#ty as ::ecr_config::__private::each::EachTarget>::Item as ::ecr_config::Validate>::__CONST_SHAPE
        };
        checked
            .assertions
            .push(range.emit_type_check(&shape, &format!("item of `{name}`")));
    }
}

pub(crate) fn check(input: &Input<'_>, errors: &mut Errors) -> Checked {
    let fields = match &input.shape {
        Shape::Struct { fields, .. } => fields
            .iter()
            .enumerate()
            .map(|(position, field)| {
                errors.at_position(position + 1);
                let mut checked = rules::check(&field.attrs.rules, &position.to_string(), errors);
                // The one rule about other fields.
                if let Some(requires) = &field.attrs.rules.requires {
                    checked.requires = requires.check(field, fields, errors);
                }
                // A const item cannot name a generic parameter.
                if input.generics.params.is_empty() && !field.attrs.skip {
                    type_checks(field, &mut checked);
                }
                checked
            })
            .collect(),
        Shape::Enum { .. } => Vec::new(),
    };
    Checked { fields }
}
