//! A JSON document as the generators build it: numbers kept as written (`1.0`, `-0`, `1e2`),
//! members in order with duplicates, written out in several styles, and shrunk on failure.

use std::fmt::Write as _;

use serde_json::{Map, Value};

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Doc {
    Null,
    Bool(bool),
    /// A number as written in the text.
    Num(String),
    Str(String),
    Arr(Vec<Doc>),
    /// Members in document order, duplicates included.
    Obj(Vec<(String, Doc)>),
}

/// How a document is written: the same document must be read the same way in every style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Indented over several lines, `serde_json::to_string_pretty`-like.
    pub(crate) pretty: bool,
    /// Every non-ASCII character as `\uXXXX`, astral ones as a surrogate pair.
    pub(crate) ascii: bool,
    /// `/` as `\/` and `e` as `\u0065`: escapes where no writer needs one.
    pub(crate) escape_more: bool,
}

impl Style {
    pub(crate) fn random(rng: &mut fastrand::Rng) -> Self {
        Self {
            pretty: rng.bool(),
            ascii: rng.u8(..4) == 0,
            escape_more: rng.u8(..8) == 0,
        }
    }
}

impl Doc {
    pub(crate) fn str(text: impl Into<String>) -> Self {
        Self::Str(text.into())
    }

    pub(crate) fn num(text: impl Into<String>) -> Self {
        Self::Num(text.into())
    }

    pub(crate) fn obj<K: Into<String>>(members: impl IntoIterator<Item = (K, Doc)>) -> Self {
        Self::Obj(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The JSON text of the document.
    pub(crate) fn text(&self, style: Style) -> String {
        let mut out = String::new();
        self.write(style, 0, &mut out);
        out
    }

    fn write(&self, style: Style, depth: usize, out: &mut String) {
        let newline = |out: &mut String, depth: usize| {
            if style.pretty {
                out.push('\n');
                out.extend(std::iter::repeat_n("  ", depth));
            }
        };
        match self {
            Doc::Null => out.push_str("null"),
            Doc::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Doc::Num(raw) => out.push_str(raw),
            Doc::Str(text) => write_string(text, style, out),
            Doc::Arr(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    item.write(style, depth + 1, out);
                }
                if !items.is_empty() {
                    newline(out, depth);
                }
                out.push(']');
            }
            Doc::Obj(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    newline(out, depth + 1);
                    write_string(key, style, out);
                    out.push_str(if style.pretty { ": " } else { ":" });
                    value.write(style, depth + 1, out);
                }
                if !members.is_empty() {
                    newline(out, depth);
                }
                out.push('}');
            }
        }
    }

    /// The document as `serde_json` holds it, with the first of duplicate keys kept: the
    /// member our parser checks (`serde_json::Value` would keep the last).
    pub(crate) fn value(&self) -> Value {
        match self {
            Doc::Null => Value::Null,
            Doc::Bool(b) => Value::Bool(*b),
            Doc::Num(raw) => serde_json::from_str(raw).expect("the generators write valid numbers"),
            Doc::Str(text) => Value::String(text.clone()),
            Doc::Arr(items) => Value::Array(items.iter().map(Doc::value).collect()),
            Doc::Obj(members) => {
                let mut map = Map::new();
                for (key, value) in members {
                    if !map.contains_key(key) {
                        map.insert(key.clone(), value.value());
                    }
                }
                Value::Object(map)
            }
        }
    }

    /// Whether some object of the document has a key twice.
    pub(crate) fn has_duplicate_keys(&self) -> bool {
        match self {
            Doc::Arr(items) => items.iter().any(Doc::has_duplicate_keys),
            Doc::Obj(members) => members.iter().enumerate().any(|(index, (key, value))| {
                members[..index].iter().any(|(earlier, _)| earlier == key)
                    || value.has_duplicate_keys()
            }),
            _ => false,
        }
    }

    /// The first member named `key` of an object.
    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut Doc> {
        match self {
            Doc::Obj(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The paths (child indices from the root) of every node, the root first.
    pub(crate) fn paths(&self) -> Vec<Vec<usize>> {
        fn collect(doc: &Doc, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
            out.push(path.clone());
            let children: Vec<&Doc> = match doc {
                Doc::Arr(items) => items.iter().collect(),
                Doc::Obj(members) => members.iter().map(|(_, v)| v).collect(),
                _ => Vec::new(),
            };
            for (index, child) in children.into_iter().enumerate() {
                path.push(index);
                collect(child, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        collect(self, &mut Vec::new(), &mut out);
        out
    }

    pub(crate) fn at(&self, path: &[usize]) -> &Doc {
        path.iter().fold(self, |node, &index| match node {
            Doc::Arr(items) => &items[index],
            Doc::Obj(members) => &members[index].1,
            _ => unreachable!("a path only goes through containers"),
        })
    }

    pub(crate) fn at_mut(&mut self, path: &[usize]) -> &mut Doc {
        path.iter().fold(self, |node, &index| match node {
            Doc::Arr(items) => &mut items[index],
            Doc::Obj(members) => &mut members[index].1,
            _ => unreachable!("a path only goes through containers"),
        })
    }

    /// A measure that every shrinking step strictly lowers, so shrinking ends.
    fn weight(&self) -> usize {
        match self {
            Doc::Null => 1,
            Doc::Bool(_) => 2,
            Doc::Num(raw) => 2 + raw.len(),
            Doc::Str(text) => 2 + text.chars().count(),
            Doc::Arr(items) => 2 + items.iter().map(Doc::weight).sum::<usize>(),
            Doc::Obj(members) => {
                2 + members
                    .iter()
                    .map(|(k, v)| 1 + k.chars().count() + v.weight())
                    .sum::<usize>()
            }
        }
    }
}

fn write_string(text: &str, style: Style, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '/' if style.escape_more => out.push_str("\\/"),
            'e' if style.escape_more => out.push_str("\\u0065"),
            c if c < ' ' || (style.ascii && !c.is_ascii()) => {
                let mut units = [0; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}").expect("writing to a String");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Greedily reduces `doc` while `fails` holds: drops members and items, replaces subtrees with
/// smaller values, shortens strings and numbers. Every accepted step lowers the weight.
pub(crate) fn shrink(mut doc: Doc, fails: impl Fn(&Doc) -> bool) -> Doc {
    'progress: loop {
        for path in doc.paths() {
            for candidate in candidates(&doc, &path) {
                if candidate.weight() < doc.weight() && fails(&candidate) {
                    doc = candidate;
                    continue 'progress;
                }
            }
        }
        return doc;
    }
}

/// Smaller variants of `doc` that differ at the node `path`.
fn candidates(doc: &Doc, path: &[usize]) -> Vec<Doc> {
    let mut out = Vec::new();
    if let Some((&last, parent)) = path.split_last() {
        let mut without = doc.clone();
        match without.at_mut(parent) {
            Doc::Arr(items) => {
                items.remove(last);
            }
            Doc::Obj(members) => {
                members.remove(last);
            }
            _ => unreachable!("a parent is a container"),
        }
        out.push(without);
    }
    let mut node = doc.clone();
    let replacements: Vec<Doc> = match node.at_mut(path) {
        Doc::Str(text) => {
            let chars: Vec<char> = text.chars().collect();
            let half = chars.len() / 2;
            let mut shorter = vec![
                chars[half..].iter().collect::<String>(),
                chars[..half].iter().collect(),
            ];
            if chars.len() <= 64 {
                for skip in 0..chars.len() {
                    shorter.push(
                        chars
                            .iter()
                            .enumerate()
                            .filter(|&(i, _)| i != skip)
                            .map(|(_, c)| c)
                            .collect(),
                    );
                }
            }
            shorter.into_iter().map(Doc::Str).collect()
        }
        Doc::Num(_) => vec![Doc::num("0"), Doc::num("1")],
        _ => Vec::new(),
    };
    let simpler = [
        Doc::Null,
        Doc::Bool(false),
        Doc::Arr(Vec::new()),
        Doc::Obj(Vec::new()),
    ];
    for replacement in replacements.into_iter().chain(simpler) {
        *node.at_mut(path) = replacement;
        out.push(node.clone());
    }
    out
}

#[test]
fn every_style_writes_the_same_document() {
    let doc = Doc::obj([
        ("a/e~", Doc::str("x\"y\\z\n\u{1}é😀/e")),
        (
            "n",
            Doc::Arr(vec![Doc::num("-0"), Doc::num("1e2"), Doc::Null]),
        ),
        ("o", Doc::Obj(Vec::new())),
    ]);
    for bits in 0..8 {
        let style = Style {
            pretty: bits & 1 != 0,
            ascii: bits & 2 != 0,
            escape_more: bits & 4 != 0,
        };
        let text = doc.text(style);
        assert_eq!(
            serde_json::from_str::<Value>(&text).unwrap(),
            doc.value(),
            "{text}"
        );
        assert_eq!(text.is_ascii(), style.ascii, "{text}");
    }
}

#[test]
fn shrinking_keeps_the_failure_and_drops_the_rest() {
    let doc = Doc::obj([
        ("keep", Doc::str("needle and more")),
        ("drop", Doc::Arr(vec![Doc::Bool(true), Doc::num("12")])),
    ]);
    let contains_needle = |doc: &Doc| doc.text(Style::default()).contains("needle");
    let small = shrink(doc, contains_needle);
    assert_eq!(small, Doc::obj([("keep", Doc::str("needle"))]));
}

/// The findings of `report` (on `text`) that a reader keeping the first occurrence of a
/// duplicated property also has: not the `duplicateKey` findings, nor those inside a
/// duplicate's value, which we check like the first's.
pub(crate) fn first_occurrences<'r>(
    text: &str,
    report: &'r ecr_config::Report,
) -> Vec<&'r ecr_config::Finding> {
    let duplicates: Vec<std::ops::Range<usize>> = report
        .iter()
        .filter(|finding| finding.keyword() == ecr_config::Keyword::DuplicateKey)
        .map(|finding| {
            // The value after the key and its colon.
            let after = finding.span().end;
            let colon = after + text[after..].find(':').expect("a colon after the key");
            let mut values = serde_json::Deserializer::from_str(&text[colon + 1..])
                .into_iter::<&serde_json::value::RawValue>();
            let value = values
                .next()
                .expect("a value")
                .expect("well-formed JSON")
                .get();
            let start = value.as_ptr() as usize - text.as_ptr() as usize;
            start..start + value.len()
        })
        .collect();
    report
        .iter()
        .filter(|finding| {
            finding.keyword() != ecr_config::Keyword::DuplicateKey
                && !duplicates
                    .iter()
                    .any(|value| value.contains(&finding.span().start))
        })
        .collect()
}
