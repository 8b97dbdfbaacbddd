//! The compile-time checker's document, built at run time from the runtime's own reading of
//! the text: lets tests run [`compile_time::check`](crate::__private::compile_time::check) on
//! exactly the documents [`from_json_str`](crate::from_json_str) sees, and compare the two.
//! Leaks what it builds (`&'static` slices, as `const` data has); for tests only.
//!
//! For tests only: `#[inline]`, so it is compiled into the tests that call it, not here.

use crate::__private::compile_time::{Json, JsonNumber, Member, Node};

use super::reader::{Reader, Stop};
use super::report::Cursor;
use super::syntax;

/// The document of `text`, duplicate keys dropped after their first occurrence (the
/// `include_config!` macro reports those itself); `None` if `text` is not JSON.
#[inline]
pub fn document(text: &str) -> Option<&'static Node> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.len() - body.len();
    if syntax::grammar(body).is_some() {
        return None;
    }
    let mut lines = Lines {
        text,
        base,
        cursor: Cursor::default(),
    };
    let mut reader = Reader::new(body);
    let root = lines.node(&mut reader, 0).ok()?;
    reader.end().ok()?;
    Some(Box::leak(Box::new(root)))
}

/// Positions as the runtime's report computes them; nodes are visited in document order.
struct Lines<'a> {
    text: &'a str,
    base: usize,
    cursor: Cursor,
}

impl Lines<'_> {
    /// 1-based line and column in characters of byte `offset` of the body.
    #[inline]
    fn position(&mut self, offset: usize) -> (u32, u32) {
        let (line, column) = self.cursor.advance(self.text, self.base + offset);
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (narrow(line), narrow(column))
    }

    /// The value at the reader's cursor.
    #[inline]
    fn node(&mut self, reader: &mut Reader<'_>, depth: usize) -> Result<Node, Stop> {
        let first = reader.peek()?;
        let (line, column) = self.position(reader.at);
        if depth == syntax::MAX_DEPTH && matches!(first, b'{' | b'[') {
            return Err(Stop::Grammar(reader.at));
        }
        let value = match first {
            b'n' => reader.literal(b"null").map(|()| Json::Null)?,
            b't' => reader.literal(b"true").map(|()| Json::Bool(true))?,
            b'f' => reader.literal(b"false").map(|()| Json::Bool(false))?,
            b'"' => Json::Str(leak(&reader.string()?)),
            b'[' => {
                let mut items: Vec<Node> = Vec::new();
                if reader.open_array() {
                    loop {
                        items.push(self.node(reader, depth + 1)?);
                        if !reader.next(b']')? {
                            break;
                        }
                    }
                }
                Json::Array(Box::leak(items.into_boxed_slice()))
            }
            b'{' => {
                reader.at += 1;
                let mut kept: Vec<Member> = Vec::new();
                let mut first = true;
                while let Some((key, span)) = reader.key(first)? {
                    first = false;
                    let (line, column) = self.position(span.start);
                    let value = self.node(reader, depth + 1)?;
                    if !kept.iter().any(|earlier| earlier.key == key) {
                        kept.push(Member {
                            key: leak(&key),
                            line,
                            column,
                            value,
                        });
                    }
                    if !reader.next(b'}')? {
                        break;
                    }
                }
                Json::Object(Box::leak(kept.into_boxed_slice()))
            }
            _ => {
                let text = reader.number()?;
                let float_value = text.parse::<f64>().unwrap_or(f64::INFINITY);
                Json::Number(JsonNumber {
                    text: leak(text),
                    int: text.parse::<i128>().ok(),
                    float: leak(&float_value.to_string()),
                    float_value,
                })
            }
        };
        Ok(Node {
            line,
            column,
            value,
        })
    }
}

#[inline]
fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}
