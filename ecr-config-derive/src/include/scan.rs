//! Reads the embedded file into a tree whose values know their line and column, accepting and
//! rejecting exactly what the runtime's parser (`ecr-config/src/parse/tree.rs`) does, and
//! wording its syntax errors alike:
//!
//! - UTF-8 only, a leading byte-order mark accepted (and not counted as a column);
//! - `serde_json` decides the syntax: the whole text is first read as a `&RawValue`, as the
//!   runtime does, then every string is decoded by `serde_json` (a lone surrogate escape is a
//!   syntax error at its string);
//! - at most 128 nested containers;
//! - when several strings or containers are wrong, the one the runtime reaches first is
//!   reported: it reads an object's keys before any of its values.
//!
//! Duplicate keys are not syntax errors: each is a finding, and only the first occurrence is
//! kept in the tree (the value serde would reject anyway).

use std::fmt;

use serde_json::value::RawValue;

/// `serde_json`'s recursion limit, which the runtime enforces on its tree.
const MAX_DEPTH: usize = 128;

/// A JSON value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Value {
    /// 1-based line of the value's first character.
    pub(crate) line: u32,
    /// 1-based column of that character, in characters.
    pub(crate) column: u32,
    pub(crate) kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Null,
    Bool(bool),
    Number(Number),
    /// Escapes decoded.
    Str(String),
    Array(Vec<Value>),
    /// Keys unique: later occurrences are reported and left out.
    Object(Vec<Member>),
}

/// A property: its key (escapes decoded), where the key's opening quote is, and the value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub(crate) key: String,
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) value: Value,
}

/// A number read the way the runtime reads it (`parse/check.rs`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// As written.
    pub(crate) text: String,
    /// `text` as an `i128`, if it is one.
    pub(crate) int: Option<i128>,
    /// `text` as an `f64`: the nearest one, infinite beyond its range.
    pub(crate) float_value: f64,
    /// `float_value` as the runtime prints it.
    pub(crate) float: String,
}

impl Number {
    fn new(text: &str) -> Number {
        let float_value = text.parse::<f64>().unwrap_or(f64::INFINITY);
        Number {
            text: text.to_owned(),
            int: text.parse::<i128>().ok(),
            float_value,
            float: format!("{float_value}"),
        }
    }
}

/// A problem of the file, printed as the runtime prints a finding:
/// `LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) line: u32,
    pub(crate) column: u32,
    /// RFC 6901; empty for the whole document.
    pub(crate) pointer: String,
    pub(crate) message: String,
    pub(crate) keyword: &'static str,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(
            f,
            "{}:{}: {pointer}: {} ({})",
            self.line, self.column, self.message, self.keyword
        )
    }
}

/// A file that is JSON: its tree and its duplicate keys, in document order.
#[derive(Debug)]
pub(crate) struct Document {
    pub(crate) root: Value,
    pub(crate) duplicates: Vec<Finding>,
}

/// Reads `bytes`; the error is the one `syntax` finding the runtime would report.
pub(crate) fn read(bytes: &[u8]) -> Result<Document, Finding> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let prefix = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            let message = "invalid UTF-8: the document must be UTF-8 text";
            return Err(syntax(prefix, prefix.len(), message.to_owned()));
        }
    };
    let base = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let body = &text[base..];
    if body.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        return Err(syntax(text, text.len(), "the document is empty".to_owned()));
    }
    if let Err(error) = serde_json::from_str::<&RawValue>(body) {
        let (offset, message) = serde_error(text, base, &error);
        return Err(syntax(text, offset, message));
    }
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: base,
        cursor: Cursor::default(),
        visits: 0,
        path: Vec::new(),
        discarding: 0,
        duplicates: Vec::new(),
        error: None,
    };
    let root = parser.value(0);
    match parser.error {
        Some(error) => Err(syntax(text, error.offset, error.message)),
        None => Ok(Document {
            root,
            duplicates: parser.duplicates,
        }),
    }
}

fn syntax(text: &str, offset: usize, message: String) -> Finding {
    let (line, column) = Cursor::default().advance(text, offset);
    Finding {
        line,
        column,
        pointer: String::new(),
        message,
        keyword: "syntax",
    }
}

/// `serde_json`'s message without its " at line L column C", and the byte offset into `text`
/// it points at, for an error found reading the part of `text` from `base`: as the runtime's
/// `parse::syntax::syntax_error` computes it (the derive cannot call the runtime crate).
fn serde_error(text: &str, base: usize, error: &serde_json::Error) -> (usize, String) {
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
    let message = error.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |at| &message[..at]);
    (offset, message.to_owned())
}

/// Line and column of offsets visited in increasing order, in one pass over the text.
#[derive(Default)]
struct Cursor {
    offset: usize,
    /// 0-based.
    line: usize,
    line_start: usize,
    /// Characters from `line_start` to `offset`.
    chars: usize,
}

impl Cursor {
    /// 1-based line and column (in characters) of byte `offset`, not before the previous one;
    /// a byte-order mark starting the line is not a column (the runtime's `report.rs`).
    fn advance(&mut self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.clamp(self.offset, text.len());
        let skipped = &text[self.offset..offset];
        match skipped.rfind('\n') {
            Some(last) => {
                self.line += skipped.bytes().filter(|&b| b == b'\n').count();
                self.line_start = self.offset + last + 1;
                self.chars = text[self.line_start..offset].chars().count();
            }
            None => self.chars += skipped.chars().count(),
        }
        self.offset = offset;
        let bom = text[self.line_start..offset].starts_with('\u{feff}');
        (
            narrow(self.line + 1),
            narrow(self.chars - usize::from(bom) + 1),
        )
    }
}

fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

enum Segment {
    Key(String),
    Index(usize),
}

/// The first problem in the runtime's reading order, of those `serde_json` finds only when a
/// value is decoded.
struct Deferred {
    /// The runtime's order: the value it was visiting (in document order) and, for a key,
    /// 1 + the member's index.
    order: (usize, usize),
    offset: usize,
    message: String,
}

/// A recursive descent over text `serde_json` has already validated, which therefore only
/// needs to tell values apart, never to reject.
struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    cursor: Cursor,
    /// Values entered so far.
    visits: usize,
    path: Vec<Segment>,
    /// Inside the value of a duplicate key, which the runtime does not check.
    discarding: usize,
    duplicates: Vec<Finding>,
    error: Option<Deferred>,
}

impl Parser<'_> {
    fn skip_whitespace(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn fail(&mut self, order: (usize, usize), offset: usize, message: String) {
        if self.error.as_ref().is_none_or(|first| order < first.order) {
            self.error = Some(Deferred {
                order,
                offset,
                message,
            });
        }
    }

    fn value(&mut self, depth: usize) -> Value {
        self.skip_whitespace();
        let start = self.pos;
        let (line, column) = self.cursor.advance(self.text, start);
        let visit = self.visits;
        self.visits += 1;
        let kind = match self.bytes[start] {
            b'{' | b'[' if depth == MAX_DEPTH => {
                let message = format!("nesting deeper than {MAX_DEPTH} levels");
                self.fail((visit, 0), start, message);
                self.pos = container_end(self.bytes, start);
                Kind::Null
            }
            b'{' => self.object(visit, depth),
            b'[' => self.array(depth),
            b'"' => Kind::Str(self.string((visit, 0))),
            b't' => {
                self.pos += "true".len();
                Kind::Bool(true)
            }
            b'f' => {
                self.pos += "false".len();
                Kind::Bool(false)
            }
            b'n' => {
                self.pos += "null".len();
                Kind::Null
            }
            _ => {
                let len = self.bytes[start..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .unwrap_or(self.bytes.len() - start);
                self.pos += len;
                Kind::Number(Number::new(&self.text[start..self.pos]))
            }
        };
        Value { line, column, kind }
    }

    /// The string at `pos`, decoded; a failure is recorded with `order`.
    fn string(&mut self, order: (usize, usize)) -> String {
        let start = self.pos;
        self.pos = string_end(self.bytes, start);
        let literal = &self.text[start..self.pos];
        let inner = &literal[1..literal.len() - 1];
        if !inner.contains('\\') {
            return inner.to_owned();
        }
        match serde_json::from_str::<String>(literal) {
            Ok(decoded) => decoded,
            Err(error) => {
                let (offset, message) = serde_error(self.text, start, &error);
                self.fail(order, offset, message);
                String::new()
            }
        }
    }

    fn object(&mut self, visit: usize, depth: usize) -> Kind {
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        let mut index = 0;
        loop {
            self.skip_whitespace();
            match self.bytes[self.pos] {
                b'}' => {
                    self.pos += 1;
                    return Kind::Object(members);
                }
                b',' => {
                    self.pos += 1;
                    self.skip_whitespace();
                }
                _ => {}
            }
            index += 1;
            let (line, column) = self.cursor.advance(self.text, self.pos);
            let key = self.string((visit, index));
            self.skip_whitespace();
            // The colon.
            self.pos += 1;
            let duplicate = members.iter().any(|earlier| earlier.key == key);
            self.path.push(Segment::Key(key));
            if duplicate {
                if self.discarding == 0 {
                    self.duplicate(line, column);
                }
                self.discarding += 1;
                self.value(depth + 1);
                self.discarding -= 1;
                self.path.pop();
                continue;
            }
            let value = self.value(depth + 1);
            let Some(Segment::Key(key)) = self.path.pop() else {
                unreachable!("the key pushed above")
            };
            members.push(Member {
                key,
                line,
                column,
                value,
            });
        }
    }

    fn array(&mut self, depth: usize) -> Kind {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_whitespace();
            match self.bytes[self.pos] {
                b']' => {
                    self.pos += 1;
                    return Kind::Array(items);
                }
                b',' => self.pos += 1,
                _ => {}
            }
            self.path.push(Segment::Index(items.len()));
            items.push(self.value(depth + 1));
            self.path.pop();
        }
    }

    /// Reports the key just read (the last segment of the path) as given more than once.
    fn duplicate(&mut self, line: u32, column: u32) {
        let mut pointer = String::new();
        for segment in &self.path {
            pointer.push('/');
            match segment {
                Segment::Key(key) => pointer.push_str(&key.replace('~', "~0").replace('/', "~1")),
                Segment::Index(index) => pointer.push_str(&index.to_string()),
            }
        }
        let Some(Segment::Key(key)) = self.path.last() else {
            unreachable!("called right after a key")
        };
        let message = format!("property \"{key}\" is given more than once");
        self.duplicates.push(Finding {
            line,
            column,
            pointer,
            message,
            keyword: "duplicateKey",
        });
    }
}

/// The offset just past the string literal starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    loop {
        match bytes[i] {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// The offset just past the container starting at `start`, without recursion: it may be
/// nested deeper than the stack allows.
fn container_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i);
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
}
