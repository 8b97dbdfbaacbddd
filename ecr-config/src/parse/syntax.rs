//! What makes a text not a JSON document, worded by `serde_json`, the parser of record.
//!
//! The shape checker ([`check`](super::check)) reads the text itself and stops where it is
//! not JSON; `serde_json` then reads it whole (as a `&RawValue`) and says why. What its
//! grammar allows and a document still cannot hold (a string whose escapes make no string,
//! nesting deeper than `serde_json`'s own limit for typed values) the checker finds itself,
//! in document order, with the helpers here.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::value::RawValue;

/// Why the text is not a JSON document: `serde_json`'s message and the byte offset it points at.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub(crate) message: String,
    pub(crate) offset: usize,
}

/// `serde_json`'s own limit for typed values; `RawValue` skips values without one, so the
/// checker enforces it to keep its recursion bounded.
pub(crate) const MAX_DEPTH: usize = 128;

/// `serde_json`'s reason for refusing `text` (UTF-8, without a byte-order mark) as JSON, if
/// it does: the first mistake of the grammar.
pub(crate) fn grammar(text: &str) -> Option<SyntaxError> {
    serde_json::from_str::<&RawValue>(text)
        .err()
        .map(|error| syntax_error(text, 0, &error))
}

/// The string literal `text[start..end]` (quotes included, with escapes), decoded by
/// `serde_json`. (Its grammar allows `\ud800` alone, which makes no string.)
pub(crate) fn decode(text: &str, start: usize, end: usize) -> Result<Cow<'_, str>, SyntaxError> {
    let Text(value) = serde_json::from_str(&text[start..end])
        .map_err(|error| syntax_error(text, start, &error))?;
    Ok(value)
}

/// `serde_json` reports line and column in bytes; turns them into a byte offset into `text`,
/// for an error found while reading the part of `text` that starts at `base`.
pub(crate) fn syntax_error(text: &str, base: usize, error: &serde_json::Error) -> SyntaxError {
    let part = &text[base..];
    let line_start: usize = part
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    // Column 0 means the error came on reading the line break ending the previous line.
    let mut offset = (base + (line_start + error.column()).saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    // serde_json's message ends with " at line L column C"; the report gives its own position.
    let message = error.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |at| &message[..at]);
    SyntaxError {
        message: message.to_owned(),
        offset,
    }
}

/// A string, borrowed from the input when it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON string")
            }
            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(value)))
            }
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(value.to_owned())))
            }
            fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(value)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, grammar};

    #[test]
    fn grammar_errors_point_at_the_problem() {
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
        let error = grammar(text).unwrap();
        assert_eq!(error.message, "expected ident");
        assert_eq!(&text[error.offset..=error.offset], "\n");
        assert!(grammar("").is_some());
        assert!(grammar("[1] x").is_some());
        assert!(grammar("[1, {\"a\": \"\\ud800\"}]").is_none());
    }

    #[test]
    fn a_lone_surrogate_is_an_error_at_its_string() {
        let text = r#"{"a": "\ud800"}"#;
        let error = decode(text, 6, 14).unwrap_err();
        assert!(error.offset >= 6, "{error:?}");
        assert_eq!(decode(r#"["a\u0062"]"#, 1, 10).unwrap(), "ab");
    }
}
