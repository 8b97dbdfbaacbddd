//! The report: findings written as text in a fixed buffer, since a `const fn` cannot allocate.
//! Each finding's message comes from the rule that found it (`rules/message.rs`), so it reads
//! as the runtime prints it.

use crate::error::Keyword;
use crate::path::FieldPath;
use crate::rules::message::{Message, Num, Piece};

/// What a number too large for any float is, in a `type` finding (the runtime's words too).
pub(crate) const OUT_OF_RANGE: &str = "a number beyond the range of a 64-bit float";

/// Room for the findings' text; a longer report ends with how many findings were left out.
const CAPACITY: usize = 6 * 1024;
const _: () = assert!(CAPACITY <= u16::MAX as usize);

/// Which names a document uses: a JSON file the serialized ones, a Rust literal the Rust ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Serialized (serde) names, as in JSON.
    Serialized,
    /// Rust field and variant names, as in a struct literal.
    Rust,
}

/// The findings of one check, written as text.
#[derive(Debug)]
pub struct Report {
    pub(super) buf: [u8; CAPACITY],
    pub(super) len: usize,
    /// Findings written in full.
    pub(super) written: usize,
    /// Findings that did not fit.
    pub(super) omitted: usize,
    /// Each line starts with this (`deploy/ecr.json:` for a file).
    pub(super) prefix: &'static str,
    pub(super) names: Names,
    /// Where each written finding starts in `buf` (a finding may hold a line break, in a key).
    pub(super) starts: [u16; MAX_FINDINGS],
    /// The line and column of each written finding, to list them in document order.
    pub(super) positions: [(u32, u32); MAX_FINDINGS],
    /// The rules being checked are a map's key's (`#[keys]`): findings are `propertyNames`.
    pub(super) on_key: bool,
}

/// Findings written in full at most; the rest are counted.
pub(super) const MAX_FINDINGS: usize = 256;

impl Report {
    /// An empty report whose lines start with `prefix`.
    #[inline]
    pub const fn new(prefix: &'static str, names: Names) -> Self {
        Report {
            buf: [0; CAPACITY],
            len: 0,
            written: 0,
            omitted: 0,
            prefix,
            names,
            starts: [0; MAX_FINDINGS],
            positions: [(0, 0); MAX_FINDINGS],
            on_key: false,
        }
    }

    /// Each finding's text, in order (run time only: for tests).
    #[inline]
    pub fn findings(&self) -> impl Iterator<Item = &str> {
        let text = self.as_str();
        let starts = &self.starts[..self.written.min(MAX_FINDINGS)];
        starts.iter().enumerate().map(move |(i, &start)| {
            let end = starts
                .get(i + 1)
                .map_or(text.len(), |&next| usize::from(next) - 1);
            &text[usize::from(start)..end]
        })
    }

    /// Whether nothing was found.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.written == 0 && self.omitted == 0
    }

    /// The number of findings.
    #[inline]
    pub const fn count(&self) -> usize {
        self.written + self.omitted
    }

    /// The findings, a line each.
    #[inline]
    pub const fn as_str(&self) -> &str {
        let (bytes, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(bytes) {
            Ok(text) => text,
            // Only whole UTF-8 strings are ever written.
            Err(_) => "",
        }
    }

    /// The number of findings left out for want of room.
    #[inline]
    pub const fn omitted(&self) -> usize {
        self.omitted
    }

    #[inline]
    pub(super) const fn push_str(&mut self, text: &str) {
        self.push_bytes(text.as_bytes());
    }

    /// Appends `bytes` (whole UTF-8 text), or as much as fits, cut at a character boundary:
    /// a report that ran out of room is shortened, never made unreadable.
    #[inline]
    pub(super) const fn push_bytes(&mut self, bytes: &[u8]) {
        let mut end = bytes.len();
        if end > CAPACITY - self.len {
            end = CAPACITY - self.len;
            while end > 0 && bytes[end] & 0xC0 == 0x80 {
                end -= 1;
            }
        }
        let mut i = 0;
        while i < end {
            self.buf[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
    }

    #[inline]
    const fn push_u128(&mut self, mut n: u128) {
        let mut digits = [0u8; 39];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let (_, digits) = digits.split_at(start);
        self.push_bytes(digits);
    }

    #[inline]
    pub(super) const fn push_usize(&mut self, n: usize) {
        self.push_u128(n as u128);
    }

    #[inline]
    const fn push_i128(&mut self, n: i128) {
        if n < 0 {
            self.push_str("-");
        }
        self.push_u128(n.unsigned_abs());
    }

    /// The pointer of `path`, RFC 6901-escaped.
    #[inline]
    const fn push_pointer(&mut self, path: &FieldPath<'_>) {
        if let Some(parent) = path.parent() {
            self.push_pointer(parent);
        }
        if let Some(key) = path.key_segment() {
            self.push_str("/");
            // Runs between `~` and `/` go in whole, so a cut falls between characters.
            let mut rest = key.as_bytes();
            let mut i = 0;
            while i < rest.len() {
                let escape = match rest[i] {
                    b'~' => "~0",
                    b'/' => "~1",
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                let (run, after) = rest.split_at(i);
                self.push_bytes(run);
                self.push_str(escape);
                (_, rest) = after.split_at(1);
                i = 0;
            }
            self.push_bytes(rest);
        } else if let Some(index) = path.index_segment() {
            self.push_str("/");
            self.push_usize(index);
        }
    }

    /// Starts a finding's line: `PREFIX LINE:COLUMN: POINTER: `. `false` when there is no room
    /// left, and the finding is counted as omitted.
    /// One finding, `PREFIX LINE:COLUMN: POINTER: MESSAGE (KEYWORD)`, unless there is no room
    /// left (then it is counted as omitted).
    #[inline]
    pub(super) const fn finding(
        &mut self,
        line: u32,
        column: u32,
        path: &FieldPath<'_>,
        keyword: Keyword,
        message: &Message<'_>,
    ) {
        let (keyword, message) = if self.on_key {
            (Keyword::PropertyNames, &message.of_key())
        } else {
            (keyword, message)
        };
        if self.begin(line, column, path) {
            self.push_message(message);
            self.end(keyword);
        }
    }

    /// The message's pieces, as `Message`'s `Display` writes them.
    #[inline]
    const fn push_message(&mut self, message: &Message<'_>) {
        let pieces = message.pieces();
        let mut i = 0;
        while i < pieces.len() {
            match pieces[i] {
                Piece::Str(text) | Piece::Num(Num::Text(text)) => self.push_str(text),
                Piece::Count(n) => self.push_usize(n),
                Piece::Num(Num::Int(n)) => self.push_i128(n),
                // The checker gives every float as the text the runtime prints.
                Piece::Num(Num::Float(_)) => panic!("a float in a compile-time message"),
                Piece::List(values) => {
                    let mut k = 0;
                    while k < values.len() {
                        if k > 0 {
                            self.push_str(", ");
                        }
                        self.push_str(values[k]);
                        k += 1;
                    }
                }
            }
            i += 1;
        }
    }

    #[inline]
    pub(super) const fn begin(&mut self, line: u32, column: u32, path: &FieldPath<'_>) -> bool {
        // Room for a long finding; the rest is summarized.
        if self.len + 512 > CAPACITY || self.written == MAX_FINDINGS {
            self.omitted += 1;
            return false;
        }
        if self.written > 0 {
            self.push_str("\n");
        }
        // `CAPACITY` fits a `u16`.
        #[allow(clippy::cast_possible_truncation, reason = "`CAPACITY` fits a `u16`")]
        let start = self.len as u16;
        self.starts[self.written] = start;
        self.positions[self.written] = (line, column);
        self.written += 1;
        self.push_str(self.prefix);
        self.push_u128(line as u128);
        self.push_str(":");
        self.push_u128(column as u128);
        self.push_str(": ");
        if path.is_root() {
            self.push_str("/");
        } else {
            self.push_pointer(path);
        }
        self.push_str(": ");
        true
    }

    #[inline]
    pub(super) const fn end(&mut self, keyword: Keyword) {
        self.push_str(" (");
        self.push_str(keyword.as_str());
        self.push_str(")");
    }
}
