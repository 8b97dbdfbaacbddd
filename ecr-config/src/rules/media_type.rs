//! `#[content_media_type("application/json")]`: `contentMediaType`, a string that holds a
//! JSON text (the only media type the derive accepts).

use serde_json::{Map, Value};

use crate::__private::json::{JsonTextError, check_json_text};
use crate::__private::length::count_chars;
use crate::error::{Detail, Keyword, ValidationError};
use crate::{FieldPath, ValidationErrors};

use super::message::Message;
use super::{Lines, rank};

#[diagnostic::on_unimplemented(
    message = "`#[content_media_type]` cannot be applied to `{Self}`",
    label = "`content_media_type` checks the text of a string (`String`, `Secret<String>`, or an `Option` of one)"
)]
pub trait MediaTypeTarget {
    fn __ecr_str(&self) -> Option<&str>;
}

super::string_target!(MediaTypeTarget, secret);

/// The media type `#[content_media_type]` accepts.
pub const JSON: &str = "application/json";

/// Why `text` is not a JSON text, and where: in characters from its start, since byte offsets
/// mean nothing to a person editing text.
#[inline]
pub const fn test(text: &str) -> Result<(), (&'static str, usize)> {
    match check_json_text(text) {
        Ok(()) => Ok(()),
        Err(JsonTextError { offset, reason }) => {
            let (before, _) = text.as_bytes().split_at(offset);
            let at = match core::str::from_utf8(before) {
                Ok(before) => count_chars(before),
                Err(_) => offset,
            };
            Err((reason.describe(), at))
        }
    }
}

/// `must be a JSON text (application/json): REASON at character N`; `at` counts from 0.
#[inline]
pub const fn message<'a>(media_type: &'a str, reason: &'a str, at: usize) -> Message<'a> {
    let name = if equal(media_type, JSON) {
        "JSON"
    } else {
        media_type
    };
    Message::new()
        .str("must be a ")
        .str(name)
        .str(" text (")
        .str(media_type)
        .str("): ")
        .str(reason)
        .str(" at character ")
        .count(at + 1)
}

use super::constant::equal;

/// `#[content_media_type("application/json")]` in `validate` and the parser.
#[inline]
pub fn check(
    value: Option<&str>,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(value) = value
        && let Err((reason, at)) = test(value)
    {
        failed(reason, at, message, path, errors);
    }
}

#[cold]
#[inline(never)]
fn failed(
    reason: &'static str,
    at: usize,
    message: Option<&'static str>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::ContentMediaType {
        media_type: JSON,
        reason,
        at,
    };
    let error = ValidationError::at(path, Keyword::ContentMediaType, detail);
    errors.push(error.with_message(message));
}

#[inline]
pub(crate) fn schema(media_type: &str, schema: &mut Map<String, Value>) {
    schema.insert("contentMediaType".into(), media_type.into());
}

#[inline]
pub(crate) fn docs(media_type: &str, lines: &mut Lines) {
    lines.push(
        rank::FORMAT,
        format!(
            "Content Media Type: {}",
            crate::docs::markdown::text(media_type)
        ),
    );
}
