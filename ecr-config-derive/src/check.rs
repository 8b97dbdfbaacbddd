//! Semantic checks of the declared constraints: bounds in order, patterns that compile,
//! supported media types. Named `check`, not `validate`, to keep it apart from the runtime
//! trait.

use proc_macro2::{Ident, TokenStream};
use quote::format_ident;

use syn::LitStr;

use crate::attr::LenAttr;
use crate::errors::Errors;
use crate::model::{Field, Input, Shape};
use crate::pattern::{self, Lengths, describe_lengths};

/// What the checks produced for the expansion: each field's compiled pattern, if any.
pub(crate) struct Checked {
    pub(crate) patterns: Vec<Option<Matcher>>,
}

/// A pattern compiled to `const fn #name(haystack: &str) -> bool` and `const #tables: Dfa`
/// (the `item`).
pub(crate) struct Matcher {
    pub(crate) name: Ident,
    pub(crate) tables: Ident,
    pub(crate) item: TokenStream,
    /// Every string the pattern matches has a length the field's `len` allows, so the length
    /// needs counting only when the pattern fails.
    pub(crate) implies_len: bool,
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
    let tables = errors.ok(pattern::compile(&pattern.lit))?;
    // Lengths that are not periodic soon enough are not judged: no error beats a wrong one.
    let lengths = Lengths::of(&tables);
    if let Some(lengths) = &lengths {
        check_satisfiable(&pattern.lit, lengths, attrs.len.as_ref(), errors);
    }
    let implies_len = attrs
        .len
        .as_ref()
        .zip(lengths.as_ref())
        .is_some_and(|(len, lengths)| {
            lengths.all_in(
                len.min.map_or(0, |bound| bound.value),
                len.max.map(|bound| bound.value),
            )
        });
    let name = format_ident!("__ecr_pattern_{}", position);
    let tables_name = format_ident!("__ECR_PATTERN_{}", position);
    let item = pattern::emit(&tables, &name, &tables_name);
    Some(Matcher {
        name,
        tables: tables_name,
        item,
        implies_len,
    })
}

/// A pattern no string matches, or none of the lengths `len` allows, is a declaration no
/// value can satisfy: reported here rather than by every document at run time. Lengths count
/// code points, as `len` does.
fn check_satisfiable(lit: &LitStr, lengths: &Lengths, len: Option<&LenAttr>, errors: &mut Errors) {
    let pattern = lit.value();
    if !lengths.any_in(0, None) {
        errors.error_at(lit, format!("no string matches `{pattern}`"));
        return;
    }
    let Some(len) = len else { return };
    let (min, max) = (
        len.min.map_or(0, |bound| bound.value),
        len.max.map(|bound| bound.value),
    );
    // `min > max` is reported on its own.
    if max.is_some_and(|max| max < min) || lengths.any_in(min, max) {
        return;
    }
    let hint = lengths.interval().map_or_else(String::new, |(low, high)| {
        format!(
            ": it matches only strings of {}",
            describe_lengths(low, high)
        )
    });
    errors.error_span(
        len.span,
        format!(
            "no string of {} matches `{pattern}`{hint}",
            describe_lengths(min, max)
        ),
    );
}
