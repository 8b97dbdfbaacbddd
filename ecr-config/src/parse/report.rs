//! Every finding of a document, each with the line and column to look at.

use core::fmt;
use std::ops::Range;

use crate::error::{Keyword, ValidationError};

/// One finding of a document: the failing constraint and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    error: ValidationError,
    line: usize,
    column: usize,
    span: Range<usize>,
}

impl Finding {
    /// A finding about `span`, placed (line and column) by [`Report::new`].
    pub(crate) fn new(error: ValidationError, span: Range<usize>) -> Finding {
        Finding {
            error,
            line: 0,
            column: 0,
            span,
        }
    }

    /// Masks the property names `secret` says hold a secret ([`ValidationError::redact`]).
    pub(crate) fn redact(&mut self, secret: impl Fn(&str) -> bool) {
        self.error.redact(secret);
    }

    /// The failing constraint: pointer, keyword and message.
    pub fn error(&self) -> &ValidationError {
        &self.error
    }

    /// The JSON Pointer of the value (or of the missing, unknown or duplicated property).
    pub fn pointer(&self) -> &str {
        self.error.pointer()
    }

    /// The JSON Schema keyword that failed.
    pub fn keyword(&self) -> Keyword {
        self.error.keyword()
    }

    /// What was expected, as a sentence.
    pub fn message(&self) -> String {
        self.error.message()
    }

    /// The line to look at, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column to look at, from 1, in characters (not bytes).
    pub fn column(&self) -> usize {
        self.column
    }

    /// The bytes of the input the finding is about: the offending value, the key of an
    /// unknown or duplicated property, the opening brace of an object missing a property, the
    /// character where a syntax error is (empty at the end of the input). Always within the
    /// input, on character boundaries.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

impl fmt::Display for Finding {
    /// `3:19: /ci/access_key: expected exactly 20 characters, found 19 (minLength)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.error)
    }
}

/// Why a document was not accepted: every finding, structural and constraint alike, in
/// document order.
///
/// Never holds a secret's value: messages carry counts and rules, not text, and
/// [`Report::secret_spans`] tells a renderer which bytes of the input to mask.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    findings: Vec<Finding>,
    secrets: Vec<Range<usize>>,
}

impl Report {
    /// Places findings given as byte spans of `input`.
    pub(crate) fn new(
        input: &str,
        mut findings: Vec<Finding>,
        mut secrets: Vec<Range<usize>>,
    ) -> Report {
        // Document order; stable, so findings at one place keep the schema's order.
        if !findings.is_sorted_by_key(|finding| finding.span.start) {
            crate::sort::sort_by(&mut findings, |a, b| a.span.start.cmp(&b.span.start));
        }
        let mut cursor = Cursor::default();
        for finding in &mut findings {
            (finding.line, finding.column) = cursor.advance(input, finding.span.start);
        }
        // Sorted and merged: a renderer finds those of a line by a binary search.
        merge(&mut secrets);
        Report { findings, secrets }
    }

    /// The findings, in document order.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings, in document order.
    pub fn iter(&self) -> core::slice::Iter<'_, Finding> {
        self.findings.iter()
    }

    /// The number of findings (never 0).
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    /// Always `false`: a report has at least one finding.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    /// The byte ranges of the input that may hold secret values, sorted and disjoint, for
    /// renderers that show source lines: mask them, and show everything else.
    ///
    /// A value is in them when it is, or may be meant as, a secret, by the type alone: the
    /// value of a [`Secret`](crate::Secret) field (every occurrence of a duplicated
    /// property), of an unknown property named like a secret field (`secret_kye`), and
    /// everything inside a value of the wrong type where a secret belongs, and every other
    /// string, word or key that spells a secret's value. In a document that is not JSON, the
    /// tokens that can be read are placed the same way; where a line stops being JSON, its
    /// rest is in them when a secret may be there.
    pub fn secret_spans(&self) -> &[Range<usize>] {
        &self.secrets
    }
}

impl fmt::Display for Report {
    /// One finding a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, finding) in self.findings.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fmt::Display::fmt(finding, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl IntoIterator for Report {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.findings.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Finding;
    type IntoIter = core::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.findings.iter()
    }
}

/// Sorts `spans` and merges those that overlap or touch; drops the empty ones.
pub(super) fn merge(spans: &mut Vec<Range<usize>>) {
    spans.retain(|span| !span.is_empty());
    crate::sort::sort_by(spans, |a, b| a.start.cmp(&b.start));
    spans.dedup_by(|next, last| {
        let touches = next.start <= last.end;
        if touches {
            last.end = last.end.max(next.end);
        }
        touches
    });
}

/// Line and column of offsets visited in increasing order: one pass over the input however
/// many findings a large document has, and on one long line too, since a column is counted
/// on from the previous offset's, not from the line's start.
#[derive(Default)]
pub(super) struct Cursor {
    offset: usize,
    line: usize,
    /// The column (0-based, in characters) of `offset`.
    column: usize,
}

impl Cursor {
    /// 1-based line and column (in characters) of byte `offset`; an offset before the
    /// previous one is taken as the previous one. A byte-order mark at the start of the input
    /// is not a column.
    pub(super) fn advance(&mut self, input: &str, offset: usize) -> (usize, usize) {
        let bytes = input.as_bytes();
        let offset = offset.clamp(self.offset, bytes.len().max(self.offset));
        let skipped = bytes.get(self.offset..offset).unwrap_or_default();
        let from = match last_newline(skipped) {
            Some(last) => {
                self.line += 1 + count(&skipped[..last], |b| b == b'\n');
                self.column = 0;
                self.offset + last + 1
            }
            None => self.offset,
        };
        let mut counted = bytes.get(from..offset).unwrap_or_default();
        if from == 0 {
            counted = counted
                .strip_prefix("\u{feff}".as_bytes())
                .unwrap_or(counted);
        }
        self.column += characters(counted);
        self.offset = offset;
        (self.line + 1, self.column + 1)
    }
}

/// The position of the last line feed of `bytes`, looking eight bytes at a time.
fn last_newline(bytes: &[u8]) -> Option<usize> {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut end = bytes.len();
    while let Some(chunk) = end.checked_sub(8).map(|start| &bytes[start..end]) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) ^ 0x0a0a_0a0a_0a0a_0a0a;
        // High bit set exactly in the bytes of `x` that are zero, i.e. the line feeds.
        let found = !(((x & LOW) + LOW) | x | LOW);
        if found != 0 {
            return Some(end - 8 + (63 - found.leading_zeros() as usize) / 8);
        }
        end -= 8;
    }
    bytes[..end].iter().rposition(|&b| b == b'\n')
}

/// The characters of UTF-8 `bytes` (the bytes that do not continue one), eight bytes at a
/// time: a line's start is short, and mostly ASCII.
fn characters(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (words, tail) = bytes.as_chunks::<8>();
    let mut continuations = 0;
    for &word in words {
        let word = u64::from_le_bytes(word);
        if word & HIGH != 0 {
            // `10xxxxxx`: the high bit set, the next one clear.
            continuations += (word & !(word << 1) & HIGH).count_ones() as usize;
        }
    }
    for &b in tail {
        continuations += usize::from(b & 0xc0 == 0x80);
    }
    bytes.len() - continuations
}

/// The bytes of `bytes` that match.
///
/// Counted in blocks into a byte-wide sum (which holds 255 at most), a loop the compiler
/// turns into vector compares and adds, sixteen bytes at a time. Blocks of 192 bytes, a
/// multiple of sixteen, measured best.
fn count(bytes: &[u8], matches: impl Fn(u8) -> bool + Copy) -> usize {
    bytes
        .chunks(192)
        .map(|block| {
            let found = block
                .iter()
                .fold(0u8, |sum, &b| sum.wrapping_add(u8::from(matches(b))));
            usize::from(found)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::{Cursor, characters, count, last_newline};

    #[test]
    fn newlines_are_counted_in_and_out_of_whole_words() {
        for text in [
            "",
            "\n",
            "a\nb\n\n",
            "0123456\n89abcdef\n\n\u{10a}\n",
            &"x\n".repeat(37),
            &"\n".repeat(600),
            &"é\n".repeat(300),
        ] {
            assert_eq!(
                count(text.as_bytes(), |b| b == b'\n'),
                text.matches('\n').count(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn columns_count_characters_and_skip_a_byte_order_mark() {
        let input = "\u{feff}{\n  \"é\": 1,\n\"x\"}";
        let mut cursor = Cursor::default();
        assert_eq!(cursor.advance(input, 3), (1, 1));
        assert_eq!(cursor.advance(input, input.find('1').unwrap()), (2, 8));
        assert_eq!(cursor.advance(input, input.find('1').unwrap()), (2, 8));
        assert_eq!(cursor.advance(input, input.find("\"x\"").unwrap()), (3, 1));
        assert_eq!(cursor.advance(input, input.len()), (3, 5));
    }

    #[test]
    fn last_newlines_are_found_in_and_out_of_whole_words() {
        for text in [
            "",
            "\n",
            "abc",
            "a\nb\n\ncdefghijklmnop",
            "0123456\n89abcdef01234567",
            "\n0123456789abcdef0123456789",
            "é\né",
        ] {
            assert_eq!(last_newline(text.as_bytes()), text.rfind('\n'), "{text:?}");
        }
    }

    #[test]
    fn characters_are_counted_in_and_out_of_whole_words() {
        for text in [
            "",
            "abc",
            "0123456789abcdef",
            "é",
            "0123456é89abcdefé",
            "😀😀😀😀 x",
            "\u{feff}ü\u{10a}\u{10ffff}0123456789",
        ] {
            assert_eq!(
                characters(text.as_bytes()),
                text.chars().count(),
                "{text:?}"
            );
        }
    }
}
