//! The compile-time checker's document, built at run time from the runtime's own reading of
//! the text: lets tests run [`compile_time::check`](crate::__private::compile_time::check) on
//! exactly the documents [`from_json_str`](crate::from_json_str) sees, and compare the two.
//! Leaks what it builds (`&'static` slices, as `const` data has); for tests only.

use crate::__private::compile_time::{Json, JsonNumber, Member, Node};

use super::report::Cursor;
use super::tree::{self, Kind};

/// The document of `text`, duplicate keys dropped after their first occurrence (the
/// `include_config!` macro reports those itself); `None` if `text` is not JSON.
pub fn document(text: &str) -> Option<&'static Node> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let base = text.len() - body.len();
    let root = tree::parse(body).ok()?;
    let mut lines = Lines {
        text,
        base,
        cursor: Cursor::default(),
    };
    Some(Box::leak(Box::new(lines.node(&root))))
}

/// Positions as the runtime's report computes them; nodes are visited in document order.
struct Lines<'a> {
    text: &'a str,
    base: usize,
    cursor: Cursor,
}

impl Lines<'_> {
    /// 1-based line and column in characters of byte `offset` of the body.
    fn position(&mut self, offset: usize) -> (u32, u32) {
        let (line, column) = self.cursor.advance(self.text, self.base + offset);
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (narrow(line), narrow(column))
    }

    fn node(&mut self, node: &tree::Node<'_>) -> Node {
        let (line, column) = self.position(node.start);
        let value = match &node.kind {
            Kind::Null => Json::Null,
            Kind::Bool => Json::Bool(self.text[self.base + node.start..].starts_with('t')),
            Kind::Number(text) => {
                let float_value = text.parse::<f64>().unwrap_or(f64::INFINITY);
                Json::Number(JsonNumber {
                    text: leak(text),
                    int: text.parse::<i128>().ok(),
                    float: leak(&float_value.to_string()),
                    float_value,
                })
            }
            Kind::Str(text) => Json::Str(leak(text)),
            Kind::Array(items) => {
                let items: Vec<Node> = items.iter().map(|item| self.node(item)).collect();
                Json::Array(Box::leak(items.into_boxed_slice()))
            }
            Kind::Object(members) => {
                let mut kept: Vec<Member> = Vec::with_capacity(members.len());
                for member in members {
                    if kept.iter().any(|earlier| earlier.key == member.key) {
                        continue;
                    }
                    let (line, column) = self.position(member.key_start);
                    kept.push(Member {
                        key: leak(&member.key),
                        line,
                        column,
                        value: self.node(&member.value),
                    });
                }
                Json::Object(Box::leak(kept.into_boxed_slice()))
            }
        };
        Node {
            line,
            column,
            value,
        }
    }
}

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}
