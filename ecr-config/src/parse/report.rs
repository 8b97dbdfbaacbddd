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
    /// unknown or duplicated property, the opening brace of an object missing a property.
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
    /// Locates findings given as byte spans of `input`.
    pub(crate) fn new(
        input: &str,
        located: impl IntoIterator<Item = (ValidationError, Range<usize>)>,
        mut secrets: Vec<Range<usize>>,
    ) -> Report {
        let mut located: Vec<(ValidationError, Range<usize>)> = located.into_iter().collect();
        // Document order; stable, so findings at one place keep the schema's order.
        located.sort_by_key(|(_, span)| span.start);
        let mut cursor = Cursor::default();
        let findings = located
            .into_iter()
            .map(|(error, span)| {
                let (line, column) = cursor.advance(input, span.start);
                Finding {
                    error,
                    line,
                    column,
                    span,
                }
            })
            .collect();
        secrets.sort_by_key(|span| span.start);
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

    /// The byte ranges of the input holding secret values, for renderers that show source
    /// lines: mask them.
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

/// Line and column of offsets visited in increasing order: one pass over the input however
/// many findings a large document has.
#[derive(Default)]
struct Cursor {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl Cursor {
    /// 1-based line and column (in characters) of byte `offset`, which must not be before
    /// the previous one; a byte-order mark at the start of the input is not a column.
    fn advance(&mut self, input: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(input.len());
        let skipped = &input.as_bytes()[self.offset.min(offset)..offset];
        let newlines = count_newlines(skipped);
        if newlines > 0 {
            self.line += newlines;
            let last = skipped
                .iter()
                .rposition(|&b| b == b'\n')
                .expect("a newline");
            self.line_start = self.offset + last + 1;
        }
        self.offset = offset;
        let prefix = input.get(self.line_start..offset).unwrap_or("");
        let prefix = prefix.strip_prefix('\u{feff}').unwrap_or(prefix);
        (self.line + 1, prefix.chars().count() + 1)
    }
}

/// The line feeds in `bytes`, eight bytes at a time.
fn count_newlines(bytes: &[u8]) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let x = word ^ 0x0a0a_0a0a_0a0a_0a0a;
        // High bit set exactly in the bytes of `x` that are zero, i.e. the line feeds.
        count += (!(((x & LOW) + LOW) | x | LOW)).count_ones() as usize;
    }
    // Seven bytes at most: no dependency is worth it.
    #[allow(clippy::naive_bytecount)]
    let tail = chunks.remainder().iter().filter(|&&b| b == b'\n').count();
    count + tail
}

#[cfg(test)]
mod tests {
    use super::{Cursor, count_newlines};

    #[test]
    fn newlines_are_counted_in_and_out_of_whole_words() {
        for text in [
            "",
            "\n",
            "a\nb\n\n",
            "0123456\n89abcdef\n\n\u{10a}\n",
            &"x\n".repeat(37),
        ] {
            assert_eq!(
                count_newlines(text.as_bytes()),
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
}
