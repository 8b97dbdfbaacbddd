//! Semantic checks of the declared constraints: bounds in order, patterns that compile,
//! supported media types. Named `check`, not `validate`, to keep it apart from the runtime
//! trait.

use proc_macro2::{Ident, TokenStream};
use quote::format_ident;

use crate::errors::Errors;
use crate::model::{Field, Input, Shape};

/// What the checks produced for the expansion: each field's compiled pattern, if any.
pub(crate) struct Checked {
    pub(crate) patterns: Vec<Option<Matcher>>,
}

/// A pattern compiled to `const fn #name(haystack: &str) -> bool` (the `item`).
pub(crate) struct Matcher {
    pub(crate) name: Ident,
    pub(crate) item: TokenStream,
}

pub(crate) fn check(input: &Input<'_>, errors: &mut Errors) -> Checked {
    let patterns = match &input.shape {
        Shape::Struct { fields, .. } => fields
            .iter()
            .enumerate()
            .map(|(position, field)| {
                errors.at_position(position + 1);
                check_field(field, position, errors)
            })
            .collect(),
        Shape::Enum { .. } => Vec::new(),
    };
    Checked { patterns }
}

fn check_field(field: &Field<'_>, position: usize, errors: &mut Errors) -> Option<Matcher> {
    let attrs = &field.attrs;
    if let Some(len) = &attrs.len
        && let (Some(min), Some(max)) = (len.min, len.max)
        && min.value > max.value
    {
        errors.error_span(
            min.span,
            format!(
                "`min = {}` is greater than `max = {}`: no length satisfies this `len`",
                min.value, max.value
            ),
        );
    }
    if let Some(range) = &attrs.range
        && let (Some(min), Some(max)) = (range.min, range.max)
        && min.value.greater_than(max.value)
    {
        errors.error_span(
            min.span,
            format!(
                "`min = {}` is greater than `max = {}`: no number satisfies this `range`",
                min.value, max.value
            ),
        );
    }
    if let Some(media_type) = &attrs.media_type
        && media_type.lit.value() != "application/json"
    {
        errors.error_at(
            &media_type.lit,
            "unsupported media type; `content_media_type` supports `\"application/json\"`",
        );
    }
    let pattern = attrs.pattern.as_ref()?;
    let name = format_ident!("__ecr_pattern_{}", position);
    let item = errors.ok(crate::pattern::compile(&pattern.lit, &name))?;
    Some(Matcher { name, item })
}
