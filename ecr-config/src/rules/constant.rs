//! `#[constant("…")]`: `const`, the one value a string may take.

use serde_json::{Map, Value};

use crate::error::{Detail, Keyword, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::message::Message;
use super::{Lines, rank};

// A constant is public by definition, so `#[constant]` is not offered on a `Secret`.
#[diagnostic::on_unimplemented(
    message = "`#[constant]` cannot be applied to `{Self}`",
    label = "`constant` compares strings (`String`, or an `Option` of one)"
)]
pub trait ConstTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

super::string_target!(ConstTarget);

/// Byte equality, in a `const fn`.
#[inline]
pub const fn equal(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `must be "EXPECTED"`.
#[inline]
pub const fn message(expected: &str) -> Message<'_> {
    Message::new().str("must be \"").str(expected).str("\"")
}

/// `#[constant(EXPECTED)]` in `validate` and the parser.
#[inline]
pub fn check(
    value: Option<&str>,
    expected: &'static str,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(value) = value
        && value != expected
    {
        failed(expected, message, path, errors);
    }
}

#[cold]
#[inline(never)]
fn failed(
    expected: &'static str,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::Const { expected };
    errors.push(ValidationError::at(path, Keyword::Const, detail).with_message(message));
}

/// `const`, and for an optional property its `default`: it can only default to itself.
#[inline]
pub(crate) fn schema(value: &str, required: bool, schema: &mut Map<String, Value>) {
    schema.insert("const".into(), value.into());
    if !required {
        schema.insert("default".into(), value.into());
    }
}

#[inline]
pub(crate) fn docs(value: &str, is_default: bool, lines: &mut Lines) {
    if is_default {
        lines.push(
            rank::DEFAULT,
            format!("Default: {}", crate::docs::quoted(value)),
        );
    }
    lines.push(
        rank::CONSTANT,
        format!("Constant Value: {}", crate::docs::quoted(value)),
    );
}
