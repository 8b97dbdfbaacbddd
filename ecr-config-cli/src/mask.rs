//! What of a document a report may show: the source lines of a finding, with every secret
//! value masked and control characters defused, cut to a window around the finding.
//!
//! What is secret is the library's to say, by the type: [`Report::secret_spans`] holds the
//! value of every `Secret` field (duplicates included), of every unknown property named like
//! one, everything inside a value of the wrong type where a secret belongs, and on the line of
//! a syntax error what may hold one. Everything else is shown as typed.
//!
//! Masking replaces each hidden character with one `*`, so a line keeps its length in
//! characters and every column stays right; string quotes, whitespace and the JSON
//! punctuation stay, so the line keeps its shape.

use std::borrow::Cow;
use std::ops::Range;

use ecr_config::Report;

/// A document as text to show: each invalid UTF-8 sequence replaced by U+FFFD, with the
/// byte offsets of the original (those of a report) mapped onto the text.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    pub(crate) text: Cow<'a, str>,
    /// Each replaced sequence: its start and end in the original, its start in `text`.
    replaced: Vec<[usize; 3]>,
}

impl<'a> Document<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Document<'a> {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Document {
                text: Cow::Borrowed(text),
                replaced: Vec::new(),
            };
        }
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut replaced = Vec::new();
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            at += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                replaced.push([at, at + chunk.invalid().len(), text.len()]);
                text.push(char::REPLACEMENT_CHARACTER);
                at += chunk.invalid().len();
            }
        }
        Document {
            text: Cow::Owned(text),
            replaced,
        }
    }

    /// Where byte `offset` of the original is in the text.
    pub(crate) fn offset(&self, offset: usize) -> usize {
        let k = self
            .replaced
            .partition_point(|[start, ..]| *start <= offset);
        let Some(&[_, end, at]) = k.checked_sub(1).map(|k| &self.replaced[k]) else {
            return offset;
        };
        if offset < end {
            at
        } else {
            at + char::REPLACEMENT_CHARACTER.len_utf8() + (offset - end)
        }
    }

    /// [`Document::offset`] of both ends.
    pub(crate) fn span(&self, span: Range<usize>) -> Range<usize> {
        self.offset(span.start)..self.offset(span.end)
    }
}

/// The byte ranges of `document`'s text that no rendering of `report` may show, sorted and
/// disjoint: the report's secret spans, less their quotes, white space and punctuation.
pub(crate) fn hidden(document: &Document<'_>, report: &Report) -> Vec<Range<usize>> {
    let input = &*document.text;
    let mut hidden = Vec::new();
    for span in report.secret_spans() {
        let span = document.span(span.clone());
        let end = input.floor_char_boundary(span.end.min(input.len()));
        scan(input, span.start.min(end)..end, &mut hidden);
    }
    // Spans come sorted and disjoint, and so do their parts.
    hidden
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_punctuation(byte: u8) -> bool {
    matches!(byte, b'{' | b'}' | b'[' | b']' | b',' | b':')
}

/// The end of the string literal opening at `open` (past its closing quote), and whether it
/// was closed before `limit` or a line break.
fn string_end(bytes: &[u8], open: usize, limit: usize) -> (usize, bool) {
    let mut at = open + 1;
    while at < limit {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return (at + 1, true),
            b'\n' => return (at, false),
            _ => at += 1,
        }
    }
    (limit, false)
}

/// Pushes the parts of `input[range]` to hide: string contents (not the quotes) and bare words.
fn scan(input: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let bytes = input.as_bytes();
    let mut at = range.start;
    while at < range.end {
        let byte = bytes[at];
        if is_space(byte) || is_punctuation(byte) {
            at += 1;
        } else if byte == b'"' {
            let (end, closed) = string_end(bytes, at, range.end);
            let content = at + 1..if closed { end - 1 } else { end.min(range.end) };
            if !content.is_empty() {
                out.push(content);
            }
            at = end.max(at + 1);
        } else {
            let start = at;
            while at < range.end
                && !is_space(bytes[at])
                && !is_punctuation(bytes[at])
                && bytes[at] != b'"'
            {
                at += 1;
            }
            out.push(start..at);
        }
    }
}

/// Where each line of a document starts.
#[derive(Debug)]
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(input: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(input.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Lines { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The bytes of line `line` (1-based), without its line break.
    pub(crate) fn range(&self, input: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(input.len(), |next| next - 1);
        start..end
    }
}

/// Source lines fit to show: masked, cut to a window, with the span moved along.
#[derive(Debug)]
pub(crate) struct Excerpt {
    /// The lines (no trailing line break), the first one from the window's start.
    pub(crate) text: String,
    /// The number of the first line.
    pub(crate) first_line: usize,
    /// The finding's span within `text`.
    pub(crate) span: Range<usize>,
}

/// How many characters before and after a span, and at each end of a long span, are shown:
/// more than annotate-snippets shows of a line (140 columns), so that its own trimming
/// decides what is seen, and marks with `...` where the line goes on.
const KEEP: usize = 160;

/// The lines of a span longer than this show only their first [`HEAD_LINES`] and last
/// [`TAIL_LINES`] lines (annotate-snippets folds the others away); the text of the others is
/// not even read.
const LONG_SPAN_LINES: usize = 8;
const HEAD_LINES: usize = 4;
const TAIL_LINES: usize = 2;

/// The lines of `input` that `span` covers, from [`KEEP`] characters before the span to
/// [`KEEP`] after it, with the bytes of `hidden` (sorted, merged) masked, a leading
/// byte-order mark and the `\r` of `\r\n` dropped (as the library's columns do) and C1
/// control characters replaced (annotate-snippets defuses the C0 ones).
///
/// The work is bounded by the window, not by the length of the lines: a document of one long
/// line with many findings renders in time linear in the findings.
pub(crate) fn excerpt(
    input: &str,
    lines: &Lines,
    span: Range<usize>,
    hidden: &[Range<usize>],
) -> Excerpt {
    let start = input.floor_char_boundary(span.start.min(input.len()));
    let end = input.ceil_char_boundary(span.end.clamp(start, input.len()));
    let first_line = lines.line_of(start);
    let last_line = lines.line_of(if end > start { end - 1 } else { start });
    let first = lines.range(input, first_line);
    let last = lines.range(input, last_line);
    let from = first.start
        + input[first.start..start]
            .char_indices()
            .rev()
            .nth(KEEP - 1)
            .map_or(0, |(at, _)| at);
    // (A span may end with the line break after its last line, which is not shown.)
    let after = end.min(last.end);
    let to = input[after..last.end]
        .char_indices()
        .nth(KEEP)
        .map_or(last.end, |(at, _)| after + at);

    // What goes unseen, each with what stands for it: the middle of a long span on its first
    // line, and the middle lines of a span over many lines (their line breaks kept, so that
    // line numbers stay right).
    let mut skips: Vec<(Range<usize>, Cow<'static, str>)> = Vec::new();
    let inside = start..end.min(first.end);
    let chars = input[inside.clone()].char_indices();
    if let (Some((a, _)), Some((b, _))) = (chars.clone().nth(KEEP), chars.rev().nth(KEEP))
        && a < b
    {
        skips.push((inside.start + a..inside.start + b, Cow::Borrowed("")));
    }
    if last_line - first_line + 1 > LONG_SPAN_LINES {
        let from_line = first_line + HEAD_LINES;
        let to_line = last_line - TAIL_LINES;
        let skipped = lines.range(input, from_line).start..lines.range(input, to_line).end;
        // The first line's own skip, if any, ends before.
        skips.retain(|(range, _)| range.end <= skipped.start);
        skips.push((skipped, Cow::Owned("\n".repeat(to_line - from_line))));
    }

    let mut out = Writer {
        input,
        hidden,
        next_hidden: hidden.partition_point(|range| range.end <= from),
        text: String::with_capacity((to - from).min(8 * KEEP)),
        marks: [start, end],
        found: [None, None],
    };
    let mut at = from;
    for (range, replacement) in &skips {
        out.copy(at..range.start);
        out.text.push_str(replacement);
        at = range.end;
    }
    out.copy(at..to.max(at));
    let text_len = out.text.len();
    let new_start = out.found[0].unwrap_or(text_len);
    let new_end = out.found[1].unwrap_or(text_len).max(new_start);
    Excerpt {
        text: out.text,
        first_line,
        span: new_start..new_end,
    }
}

/// The whole of `document` as the human output shows its lines: masked, a byte-order mark
/// and the `\r` of `\r\n` dropped.
pub(crate) fn masked(document: &Document<'_>, report: &Report) -> String {
    let hidden = hidden(document, report);
    let input = &*document.text;
    let mut out = Writer {
        input,
        hidden: &hidden,
        next_hidden: 0,
        text: String::with_capacity(input.len()),
        marks: [0, 0],
        found: [None, None],
    };
    out.copy(0..input.len());
    out.text
}

/// Copies parts of the input into an excerpt, masked.
struct Writer<'a> {
    input: &'a str,
    hidden: &'a [Range<usize>],
    /// The first hidden range that does not end before what is copied next.
    next_hidden: usize,
    text: String,
    /// The span's start and end in the input, and where they landed in `text`.
    marks: [usize; 2],
    found: [Option<usize>; 2],
}

impl Writer<'_> {
    fn copy(&mut self, range: Range<usize>) {
        let mut at = range.start;
        while at < range.end {
            while self
                .hidden
                .get(self.next_hidden)
                .is_some_and(|hidden| hidden.end <= at)
            {
                self.next_hidden += 1;
            }
            // The next stretch that is all hidden or all shown.
            let (end, masked) = match self.hidden.get(self.next_hidden) {
                Some(hidden) if hidden.start <= at => (hidden.end.min(range.end), true),
                Some(hidden) => (hidden.start.min(range.end), false),
                None => (range.end, false),
            };
            let end = self.input.ceil_char_boundary(end);
            self.stretch(at..end, masked);
            at = end;
        }
    }

    /// Copies `range`, hidden or shown, noting where the span's ends land.
    fn stretch(&mut self, range: Range<usize>, masked: bool) {
        let part = &self.input[range.clone()];
        let plain = !masked
            && range.start > 0
            && !part.bytes().any(|b| b == b'\r' || b == 0xc2 || b == b'\n');
        if plain {
            // The usual case, copied whole: no mark to drop or character to replace.
            for (mark, found) in self.marks.iter().zip(&mut self.found) {
                if range.contains(mark) && found.is_none() {
                    *found = Some(self.text.len() + (mark - range.start));
                }
            }
            self.text.push_str(part);
            return;
        }
        let bytes = self.input.as_bytes();
        for (at, c) in part.char_indices() {
            let at = range.start + at;
            for (mark, found) in self.marks.iter().zip(&mut self.found) {
                if at == *mark && found.is_none() {
                    *found = Some(self.text.len());
                }
            }
            match c {
                '\u{feff}' if at == 0 => {}
                '\r' if bytes.get(at + 1) == Some(&b'\n') => {}
                '\n' => self.text.push('\n'),
                _ if masked => self.text.push('*'),
                '\u{80}'..='\u{9f}' => self.text.push('\u{fffd}'),
                _ => self.text.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use ecr_config::ecr::EcrConfig;

    use super::{Document, KEEP, Lines, excerpt, hidden, scan};

    fn masked(input: &str) -> String {
        let mut out = Vec::new();
        scan(input, 0..input.len(), &mut out);
        excerpt(input, &Lines::new(input), 0..0, &out).text
    }

    #[test]
    fn values_are_masked_whole_keeping_quotes_and_punctuation() {
        assert_eq!(
            masked(r#"["a\"b", {"k": 12}, true]"#),
            r#"["****", {"*": **}, ****]"#
        );
        // An unclosed string is hidden to the end of the line.
        assert_eq!(masked(r#""wJalr/K7 , "#), r#""***********"#);
    }

    #[test]
    fn an_excerpt_keeps_columns_in_characters() {
        let input = "\u{feff}{\r\n\"é\": \"sécret\", \"x\": 1\r\n}";
        let secret = input.find("sé").unwrap()..input.find("\",").unwrap();
        let hidden = std::slice::from_ref(&secret);
        let at = input.find("1\r").unwrap();
        let excerpt = excerpt(input, &Lines::new(input), at..at + 1, hidden);
        assert_eq!(excerpt.text, "\"é\": \"******\", \"x\": 1");
        assert_eq!(excerpt.first_line, 2);
        assert_eq!(&excerpt.text[excerpt.span.clone()], "1");
    }

    #[test]
    fn an_excerpt_of_a_long_line_is_a_window_around_the_span() {
        let input = format!("{}\"needle\"{}", "é".repeat(10_000), "x".repeat(10_000));
        let at = input.find('"').unwrap();
        let excerpt = excerpt(&input, &Lines::new(&input), at..at + 8, &[]);
        assert_eq!(
            excerpt.text,
            format!("{}\"needle\"{}", "é".repeat(KEEP), "x".repeat(KEEP))
        );
        assert_eq!(&excerpt.text[excerpt.span.clone()], "\"needle\"");
    }

    #[test]
    fn the_middle_lines_of_a_long_span_are_not_shown() {
        let input: String = (0..20)
            .map(|n| format!("line {n}\n"))
            .collect::<Vec<_>>()
            .concat();
        let excerpt = excerpt(&input, &Lines::new(&input), 0..input.len() - 1, &[]);
        let lines: Vec<&str> = excerpt.text.split('\n').collect();
        assert_eq!(lines.len(), 20);
        assert_eq!(lines[..5], ["line 0", "line 1", "line 2", "line 3", ""]);
        assert_eq!(lines[17..], ["", "line 18", "line 19"]);
    }

    #[test]
    fn offsets_past_invalid_utf8_are_mapped_onto_the_replacement_text() {
        let bytes = b"ab\xff\xfecd\xe2\x82x";
        let document = Document::new(bytes);
        assert_eq!(document.text, "ab\u{fffd}\u{fffd}cd\u{fffd}x");
        let text = &*document.text;
        let at = |original: usize| &text[document.offset(original)..];
        assert_eq!(at(0), text);
        assert_eq!(at(2), "\u{fffd}\u{fffd}cd\u{fffd}x");
        assert_eq!(at(3), "\u{fffd}cd\u{fffd}x");
        assert_eq!(at(4), "cd\u{fffd}x");
        assert_eq!(at(6), "\u{fffd}x");
        assert_eq!(at(7), "\u{fffd}x");
        assert_eq!(at(8), "x");
        assert_eq!(at(9), "");
    }

    #[test]
    fn the_library_says_what_is_secret() {
        let input = r#"{"ci": {"region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE",
            "secret_key": "first", "secret_key": "second", "secret_kye": "third",
            "regoin": "fourth"},
            "setup": {"region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x"}}"#;
        let report = EcrConfig::from_json_str(input).unwrap_err();
        let hidden = hidden(&Document::new(input.as_bytes()), &report);
        let shown = excerpt(input, &Lines::new(input), 0..input.len(), &hidden).text;
        for secret in ["first", "second", "third"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("us-east-1") && shown.contains("\"secret_kye\""));
        assert!(shown.contains("\"fourth\""), "{shown}");
    }
}
