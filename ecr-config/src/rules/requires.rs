//! `#[requires(a, b)]` on an optional field: `dependentRequired`. When the field is given,
//! `a` and `b` must be too. The finding is at the given field's key and names the missing
//! property.

use serde_json::{Map, Value};

use crate::error::{Detail, Keyword, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::message::Message;
use super::{Lines, rank};

/// Whether an optional field holds a value: what `validate` knows of "given".
#[diagnostic::on_unimplemented(
    message = "`#[requires]` needs an `Option` field, not `{Self}`",
    label = "a required field is always present, and `validate` cannot tell whether a defaulted one was given"
)]
pub trait Presence {
    fn __ecr_present(&self) -> bool;
}

impl<T> Presence for Option<T> {
    #[inline]
    fn __ecr_present(&self) -> bool {
        self.is_some()
    }
}

/// `requires "a", which is missing`.
#[inline]
pub const fn message(missing: &str) -> Message<'_> {
    Message::new()
        .str("requires \"")
        .str(missing)
        .str("\", which is missing")
}

/// The given field at `path` lacks `missing` (its serialized name).
#[cold]
#[inline(never)]
pub fn failed(
    missing: &'static str,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::DependentRequired { missing };
    let error = ValidationError::at(path, Keyword::DependentRequired, detail);
    errors.push(error.with_message(message));
}

/// `dependentRequired` of an object: each field with `#[requires]` and what it requires.
#[inline]
pub(crate) fn schema(dependents: &[(&str, &[&str])], schema: &mut Map<String, Value>) {
    if dependents.is_empty() {
        return;
    }
    let dependents: Map<String, Value> = dependents
        .iter()
        .map(|(name, required)| ((*name).to_owned(), Value::from(required.to_vec())))
        .collect();
    schema.insert("dependentRequired".into(), Value::Object(dependents));
}

#[inline]
pub(crate) fn docs(properties: &[&str], lines: &mut Lines) {
    let names: Vec<String> = properties
        .iter()
        .map(|name| crate::docs::markdown::code(name))
        .collect();
    lines.push(rank::REQUIRES, format!("Requires: {}", names.join(", ")));
}
