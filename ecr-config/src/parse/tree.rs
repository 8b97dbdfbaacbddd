//! A JSON document as a tree of values that remember where they are, read with `serde_json`.
//!
//! `serde_json` is the parser of record: each value is first taken as a `&RawValue`, a slice
//! of the input, whose address gives its exact byte offset; containers are then read again
//! from that slice into their members. Each level re-reads its own text, so the work is the
//! document size times its depth, and depth is bounded by `serde_json`'s recursion limit (128).
//! This pass only runs once the fast path has found something wrong.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

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
    let raw: &RawValue =
        serde_json::from_str(text).map_err(|error| syntax_error(text, 0, &error))?;
    node(text, raw, 0)
}

fn offset_of(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

fn node<'a>(text: &'a str, raw: &'a RawValue, depth: usize) -> Result<Node<'a>, SyntaxError> {
    let slice = raw.get();
    let start = offset_of(text, slice);
    if depth == MAX_DEPTH && slice.starts_with(['{', '[']) {
        return Err(SyntaxError {
            message: format!("nesting deeper than {MAX_DEPTH} levels"),
            offset: start,
        });
    }
    let fail = |error: &serde_json::Error| syntax_error(text, start, error);
    let kind = match slice.as_bytes().first() {
        Some(b'{') => {
            let Entries(entries) = serde_json::from_str(slice).map_err(|e| fail(&e))?;
            let mut members = Vec::with_capacity(entries.len());
            // Keys are found by scanning from the end of the previous value (or the brace):
            // serde_json has validated the syntax, so only white space and a comma come first.
            let mut cursor = start + 1;
            for (key, value) in entries {
                let key_start = cursor
                    + text[cursor..]
                        .find('"')
                        .expect("serde_json validated the object");
                let value = node(text, value, depth + 1)?;
                members.push(Member {
                    key,
                    key_start,
                    key_len: super::locate::string_end(text.as_bytes(), key_start) - key_start,
                    value,
                });
                let last = members.last().expect("just pushed");
                cursor = last.value.start + last.value.len;
            }
            Kind::Object(members)
        }
        Some(b'[') => {
            let Items(items) = serde_json::from_str(slice).map_err(|e| fail(&e))?;
            Kind::Array(
                items
                    .into_iter()
                    .map(|item| node(text, item, depth + 1))
                    .collect::<Result<_, _>>()?,
            )
        }
        Some(b'"') => {
            let Text(value) = serde_json::from_str(slice).map_err(|e| fail(&e))?;
            Kind::Str(value)
        }
        Some(b't' | b'f') => Kind::Bool,
        Some(b'n') => Kind::Null,
        _ => Kind::Number(slice),
    };
    Ok(Node {
        start,
        len: slice.len(),
        kind,
    })
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

/// An object's members as written: duplicates kept, values left raw.
struct Entries<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for Entries<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(Text(key)) = map.next_key()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

/// An array's items, left raw.
struct Items<'a>(Vec<&'a RawValue>);

impl<'de> Deserialize<'de> for Items<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemsVisitor;
        impl<'de> Visitor<'de> for ItemsVisitor {
            type Value = Items<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Items(items))
            }
        }
        deserializer.deserialize_seq(ItemsVisitor)
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
