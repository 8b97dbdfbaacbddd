//! A JSON document as a tree of values that remember where they are.
//!
//! `serde_json` is the parser of record: it reads the whole text first (as a `&RawValue`),
//! and says why a text is not JSON. The tree is then built in one pass over text known to be
//! JSON, each string decoded by `serde_json` again where it has escapes: the work is linear
//! in the size of the document, however deeply it nests. Nesting deeper than `serde_json`'s
//! own limit for typed values (128) is refused, which keeps the recursion here (and the
//! checker's) bounded. This pass only runs once the fast path has found something wrong.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_json::value::RawValue;

use super::locate::string_end;

/// One JSON value and the byte offset where it starts in the input.
#[derive(Debug)]
pub(crate) struct Node<'a> {
    pub(crate) start: usize,
    /// Byte length of the value's text.
    pub(crate) len: usize,
    pub(crate) kind: Kind<'a>,
}

#[derive(Debug)]
pub(crate) enum Kind<'a> {
    Null,
    Bool,
    /// The number as written.
    Number(&'a str),
    Str(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<Member<'a>>),
}

/// A property of an object, duplicates included, in document order.
#[derive(Debug)]
pub(crate) struct Member<'a> {
    pub(crate) key: Cow<'a, str>,
    /// Byte offset and length of the key's string literal, quotes included.
    pub(crate) key_start: usize,
    pub(crate) key_len: usize,
    pub(crate) value: Node<'a>,
}

impl Kind<'_> {
    /// The JSON type, as a message names it.
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number(_) => "a number",
            Kind::Str(_) => "a string",
            Kind::Array(_) => "an array",
            Kind::Object(_) => "an object",
        }
    }
}

/// Why the text is not a JSON document: `serde_json`'s message and the byte offset it points at.
#[derive(Debug)]
pub(crate) struct SyntaxError {
    pub(crate) message: String,
    pub(crate) offset: usize,
}

/// `serde_json`'s own limit for typed values; `RawValue` skips values without one, so the
/// tree enforces it to keep its recursion (and the checker's) bounded.
const MAX_DEPTH: usize = 128;

/// Reads `text` (already known to be UTF-8, without a byte-order mark) into a tree.
pub(crate) fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let _: &RawValue = serde_json::from_str(text).map_err(|error| syntax_error(text, 0, &error))?;
    let mut builder = Builder { text, at: 0 };
    builder.value(0)
}

/// Builds the tree of a text `serde_json` has read: every token is where JSON puts it.
struct Builder<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Builder<'a> {
    fn skip_ws(&mut self) {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() && matches!(bytes[self.at], b' ' | b'\t' | b'\n' | b'\r') {
            self.at += 1;
        }
    }

    /// The value at the cursor (after white space), and the cursor past it.
    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        self.skip_ws();
        let bytes = self.text.as_bytes();
        let start = self.at;
        let first = bytes.get(start).copied().unwrap_or_default();
        if depth == MAX_DEPTH && matches!(first, b'{' | b'[') {
            return Err(SyntaxError {
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
                offset: start,
            });
        }
        let kind = match first {
            b'{' => Kind::Object(self.members(depth)?),
            b'[' => Kind::Array(self.items(depth)?),
            b'"' => {
                let end = string_end(bytes, start);
                self.at = end;
                Kind::Str(self.string(start, end)?)
            }
            b't' => {
                self.at += 4;
                Kind::Bool
            }
            b'f' => {
                self.at += 5;
                Kind::Bool
            }
            b'n' => {
                self.at += 4;
                Kind::Null
            }
            _ => {
                while self.at < bytes.len()
                    && matches!(
                        bytes[self.at],
                        b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
                    )
                {
                    self.at += 1;
                }
                Kind::Number(&self.text[start..self.at])
            }
        };
        Ok(Node {
            start,
            len: self.at - start,
            kind,
        })
    }

    /// The members of the object at the cursor, duplicates included, in document order.
    fn members(&mut self, depth: usize) -> Result<Vec<Member<'a>>, SyntaxError> {
        let bytes = self.text.as_bytes();
        self.at += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(members);
        }
        loop {
            self.skip_ws();
            let key_start = self.at;
            let key_end = string_end(bytes, key_start);
            let key = self.string(key_start, key_end)?;
            self.at = key_end;
            self.skip_ws();
            // The colon.
            self.at += 1;
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_start,
                key_len: key_end - key_start,
                value,
            });
            self.skip_ws();
            let separator = bytes.get(self.at).copied();
            self.at += 1;
            if separator != Some(b',') {
                return Ok(members);
            }
        }
    }

    /// The items of the array at the cursor.
    fn items(&mut self, depth: usize) -> Result<Vec<Node<'a>>, SyntaxError> {
        let bytes = self.text.as_bytes();
        self.at += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(items);
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            let separator = bytes.get(self.at).copied();
            self.at += 1;
            if separator != Some(b',') {
                return Ok(items);
            }
        }
    }

    /// The string literal `text[start..end]`, borrowed when it has no escapes. (`serde_json`
    /// checked its syntax, not that its escapes make a string: `\ud800` alone does not.)
    fn string(&self, start: usize, end: usize) -> Result<Cow<'a, str>, SyntaxError> {
        let literal = &self.text[start..end];
        let inner = &literal[1..literal.len() - 1];
        if !inner.as_bytes().contains(&b'\\') {
            return Ok(Cow::Borrowed(inner));
        }
        let Text(value) = serde_json::from_str(literal)
            .map_err(|error| syntax_error(self.text, start, &error))?;
        Ok(value)
    }
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
    use super::{Kind, parse};

    #[test]
    fn offsets_point_at_values_and_keys() {
        let text = "{\n  \"a\": [1, \"x\\\"y\"],\n  \"b\" : {\"c\": null}\n}";
        let root = parse(text).unwrap();
        let Kind::Object(members) = &root.kind else {
            panic!("an object")
        };
        assert_eq!(members.len(), 2);
        assert_eq!(&text[members[0].key_start..][..3], "\"a\"");
        assert_eq!(members[0].key_len, 3);
        assert_eq!(&text[members[1].key_start..][..3], "\"b\"");
        let Kind::Array(items) = &members[0].value.kind else {
            panic!("an array")
        };
        assert_eq!(&text[items[1].start..][..items[1].len], "\"x\\\"y\"");
        assert!(matches!(&items[1].kind, Kind::Str(s) if s == "x\"y"));
        let Kind::Object(inner) = &members[1].value.kind else {
            panic!("an object")
        };
        assert!(matches!(inner[0].value.kind, Kind::Null));
    }

    #[test]
    fn duplicate_keys_are_kept_in_order() {
        let root = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let Kind::Object(members) = &root.kind else {
            panic!("an object")
        };
        let values: Vec<_> = members
            .iter()
            .map(|m| match m.value.kind {
                Kind::Number(n) => n,
                _ => "?",
            })
            .collect();
        assert_eq!(values, ["1", "2"]);
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
        let error = parse(text).unwrap_err();
        assert_eq!(error.message, "expected ident");
        assert_eq!(&text[error.offset..=error.offset], "\n");
        assert!(parse("").is_err());
        assert!(parse("[1] x").is_err());
        assert!(parse(&"[".repeat(5000)).is_err());
    }

    #[test]
    fn a_lone_surrogate_in_a_nested_string_is_a_syntax_error_at_the_string() {
        let text = r#"{"a": "\ud800"}"#;
        let error = parse(text).unwrap_err();
        assert!(error.offset >= 6, "{error:?}");
    }
}
