//! Semantic checks of the declarations, each rule's in its module (`crate::rules`). Named
//! `check`, not `validate`, to keep it apart from the runtime trait.

use crate::errors::Errors;
use crate::model::{Input, Shape};
use crate::rules;

/// What the checks produced for the expansion: each field's, in order.
pub(crate) struct Checked {
    pub(crate) fields: Vec<rules::Checked>,
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
                checked
            })
            .collect(),
        Shape::Enum { .. } => Vec::new(),
    };
    Checked { fields }
}
