//! `#[pattern("…")]`: `pattern`, an ECMA-262 regex the string must match somewhere. The derive
//! compiles it to a DFA: straight-line code for `validate` and the parser, tables for the
//! compile-time checker (`private/dfa.rs`), from the same automaton.

use serde_json::{Map, Value};

use crate::error::{Detail, Keyword, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::message::Message;
use super::{Lines, rank};

/// The string `#[pattern]` matches. For every type that also has a
/// [`HasLength`](super::len::HasLength), `Some(s)` here comes with `Measure::Chars(s)` there
/// and `None` with `Measure::Absent`: the derive skips counting a value's length when the
/// pattern matched it and every match has an allowed length (the tests hold the impls to
/// that).
#[diagnostic::on_unimplemented(
    message = "`#[pattern]` cannot be applied to `{Self}`",
    label = "`pattern` matches strings (`String`, `Secret<String>`, or an `Option` of one)"
)]
pub trait PatternTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

super::string_target!(PatternTarget, secret);

/// `must match PATTERN`.
#[inline]
pub const fn message(pattern: &str) -> Message<'_> {
    Message::new().str("must match ").str(pattern)
}

/// `#[pattern]` did not match; `pattern` is the attribute's text.
#[cold]
#[inline(never)]
pub fn failed(
    pattern: &'static str,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::Pattern { pattern };
    errors.push(ValidationError::at(path, Keyword::Pattern, detail).with_message(message));
}

#[inline]
pub(crate) fn schema(pattern: &str, schema: &mut Map<String, Value>) {
    schema.insert("pattern".into(), pattern.into());
}

#[inline]
pub(crate) fn docs(pattern: &str, lines: &mut Lines) {
    lines.push(
        rank::FORMAT,
        format!("Pattern: {}", crate::docs::markdown::code(pattern)),
    );
}
