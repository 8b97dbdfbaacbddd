//! What of a document a report may show: the source lines of a finding, with every secret
//! value masked and control characters defused.
//!
//! Masking replaces each hidden character with one `*`, so a line keeps its length in
//! characters and every column stays right; string quotes, whitespace and the JSON
//! punctuation stay, so the line keeps its shape.
//!
//! Hidden are:
//! - the spans the library reports as secrets ([`Report::secret_spans`]);
//! - the span of any finding at a secret's pointer (`/ci/secret_key`), and of a `type` finding
//!   on a value that should hold a secret (`"ci": [...]`: the library does not look inside a
//!   value of the wrong type, so it cannot say where the secret is);
//! - the value of an unknown property (the finding points at the key): it is not what is
//!   wrong, and it may be a misspelt secret (`"secret_kye": "…"`);
//! - the value of a duplicated secret, or of a duplicated object that holds one (`"ci"`): the
//!   library does not read a duplicate's value, so it reports no secret span there;
//! - on the line of a `syntax` finding, where nothing is known about the document, every
//!   value: string contents and bare words other than `true`, `false`, `null` and numbers.
//!   Only the keys (a string followed by `:`) and the punctuation stay readable.

use std::ops::Range;

use ecr_config::meta::Shape;
use ecr_config::{Keyword, Report};

/// One step of a path to a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment {
    Key(&'static str),
    /// An array index or a map key: any token.
    Any,
}

/// Where a type's secrets are: one pattern of pointer segments per `Secret` field.
#[derive(Debug, Clone, Default)]
pub(crate) struct SecretPaths {
    paths: Vec<Vec<Segment>>,
}

/// How deep the model is followed; deeper (recursive) types have no more secrets to show.
const MAX_DEPTH: usize = 32;

impl SecretPaths {
    /// The secrets of a type, from its shape.
    pub(crate) fn of(shape: &Shape) -> Self {
        let mut paths = SecretPaths::default();
        paths.walk(shape, &mut Vec::new());
        paths
    }

    fn walk(&mut self, shape: &Shape, prefix: &mut Vec<Segment>) {
        if prefix.len() > MAX_DEPTH {
            return;
        }
        match shape {
            Shape::Sensitive(_) => self.paths.push(prefix.clone()),
            Shape::Optional(inner) => self.walk(inner(), prefix),
            Shape::Array(inner) | Shape::Map(inner) => {
                prefix.push(Segment::Any);
                self.walk(inner(), prefix);
                prefix.pop();
            }
            Shape::Object(meta) => {
                for field in meta.fields {
                    if field.flatten {
                        self.walk((field.shape)(), prefix);
                    } else {
                        prefix.push(Segment::Key(field.name));
                        self.walk((field.shape)(), prefix);
                        prefix.pop();
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether `pointer` is a secret's.
    fn is_secret(&self, pointer: &str) -> bool {
        let tokens = tokens(pointer);
        self.paths
            .iter()
            .any(|path| path.len() == tokens.len() && matches(path, &tokens))
    }

    /// Whether a secret lies below `pointer`.
    fn holds_secret(&self, pointer: &str) -> bool {
        let tokens = tokens(pointer);
        self.paths
            .iter()
            .any(|path| path.len() > tokens.len() && matches(path, &tokens))
    }
}

/// The unescaped reference tokens of an RFC 6901 pointer.
fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Whether the first `tokens.len()` segments of `path` match `tokens`.
fn matches(path: &[Segment], tokens: &[String]) -> bool {
    path.iter()
        .zip(tokens)
        .all(|(segment, token)| match segment {
            Segment::Key(key) => key == token,
            Segment::Any => true,
        })
}

/// The byte ranges of `input` that no rendering of `report` may show, sorted and merged.
pub(crate) fn hidden(input: &str, report: &Report, secrets: &SecretPaths) -> Vec<Range<usize>> {
    let mut values: Vec<Range<usize>> = report.secret_spans().to_vec();
    for finding in report {
        let pointer = finding.pointer();
        match finding.keyword() {
            // The span is the key; the value follows it. An unknown property's value is not
            // what is wrong, and it may be a misspelt secret.
            Keyword::AdditionalProperties => {
                values.push(value_after_key(input, finding.span().end));
            }
            // The library does not read a duplicate's value, so it reports no secret there.
            Keyword::DuplicateKey
                if secrets.is_secret(pointer) || secrets.holds_secret(pointer) =>
            {
                values.push(value_after_key(input, finding.span().end));
            }
            Keyword::Type if secrets.is_secret(pointer) || secrets.holds_secret(pointer) => {
                values.push(finding.span());
            }
            _ if secrets.is_secret(pointer) => values.push(finding.span()),
            _ => {}
        }
    }
    let mut hidden = Vec::new();
    for value in values {
        scan(input, clamp(input, value), Mode::Value, &mut hidden);
    }
    merge(hidden)
}

/// The byte ranges to hide on the line of a `syntax` finding: every value (see the module
/// docs), sorted and merged.
pub(crate) fn hidden_on_line(input: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let mut hidden = Vec::new();
    scan(input, line, Mode::SyntaxLine, &mut hidden);
    merge(hidden)
}

fn clamp(input: &str, range: Range<usize>) -> Range<usize> {
    let end = range.end.min(input.len());
    range.start.min(end)..end
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.retain(|range| !range.is_empty());
    ranges.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_punctuation(byte: u8) -> bool {
    matches!(byte, b'{' | b'}' | b'[' | b']' | b',' | b':')
}

/// The extent of the value of the property whose key ends at `key_end`: past the `:`, a string,
/// a bracketed value (strings inside are skipped) or a bare word. Lenient: it stops at the end
/// of the input.
fn value_after_key(input: &str, key_end: usize) -> Range<usize> {
    let bytes = input.as_bytes();
    let mut at = key_end.min(bytes.len());
    while at < bytes.len() && (is_space(bytes[at]) || bytes[at] == b':') {
        at += 1;
    }
    let start = at;
    match bytes.get(at) {
        Some(b'"') => start..string_end(bytes, at, bytes.len()).0,
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            while at < bytes.len() {
                match bytes[at] {
                    b'"' => {
                        at = string_end(bytes, at, bytes.len()).0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return start..at + 1;
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            start..at
        }
        _ => {
            while at < bytes.len() && !is_space(bytes[at]) && !is_punctuation(bytes[at]) {
                at += 1;
            }
            start..at
        }
    }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A value to hide whole: every string's content and every bare word.
    Value,
    /// A line of a document with a syntax error: keep keys and literals, hide the rest.
    SyntaxLine,
}

/// Pushes the parts of `input[range]` to hide: string contents (not the quotes) and bare words.
fn scan(input: &str, range: Range<usize>, mode: Mode, out: &mut Vec<Range<usize>>) {
    let bytes = input.as_bytes();
    let mut at = range.start;
    while at < range.end {
        let byte = bytes[at];
        if is_space(byte) || is_punctuation(byte) {
            at += 1;
        } else if byte == b'"' {
            let (end, closed) = string_end(bytes, at, range.end);
            let content = at + 1..if closed { end - 1 } else { end.min(range.end) };
            let is_key = mode == Mode::SyntaxLine && closed && {
                let after = &bytes[end..range.end];
                after.iter().find(|&&b| !is_space(b)) == Some(&b':')
            };
            if !is_key {
                out.push(content);
            }
            at = end;
        } else {
            let start = at;
            while at < range.end
                && !is_space(bytes[at])
                && !is_punctuation(bytes[at])
                && bytes[at] != b'"'
            {
                at += 1;
            }
            let word = &input.as_bytes()[start..at];
            if !(mode == Mode::SyntaxLine && is_literal(word)) {
                out.push(start..at);
            }
        }
    }
}

/// `true`, `false`, `null` or a number (loosely: what a number is made of).
fn is_literal(word: &[u8]) -> bool {
    matches!(word, b"true" | b"false" | b"null")
        || (word
            .first()
            .is_some_and(|b| b.is_ascii_digit() || *b == b'-')
            && word
                .iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')))
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

/// Source lines fit to show: masked, with the span moved along.
#[derive(Debug)]
pub(crate) struct Excerpt {
    /// The lines (no trailing line break).
    pub(crate) text: String,
    /// The number of the first line.
    pub(crate) first_line: usize,
    /// The finding's span within `text`.
    pub(crate) span: Range<usize>,
}

/// The lines of `input` that `span` covers, with the bytes of `hidden` (sorted, merged)
/// masked, a leading byte-order mark and the `\r` of `\r\n` dropped (as the library's columns
/// do) and C1 control characters replaced (annotate-snippets defuses the C0 ones).
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
    let region = lines.range(input, first_line).start..lines.range(input, last_line).end;

    let dropped = elided(input, lines, start..end, last_line);

    let bytes = input.as_bytes();
    let mut text = String::with_capacity(region.len().min(4 * KEEP));
    let (mut new_start, mut new_end) = (None, None);
    let mut next_hidden = 0;
    for (at, c) in input[region.clone()].char_indices() {
        let at = region.start + at;
        if at == start {
            new_start = Some(text.len());
        }
        if at == end {
            new_end = Some(text.len());
        }
        if dropped.iter().any(|range| range.contains(&at)) {
            continue;
        }
        while hidden.get(next_hidden).is_some_and(|range| range.end <= at) {
            next_hidden += 1;
        }
        let masked = hidden
            .get(next_hidden)
            .is_some_and(|range| range.start <= at);
        match c {
            '\u{feff}' if at == 0 => {}
            '\r' if bytes.get(at + 1) == Some(&b'\n') => {}
            '\n' => text.push('\n'),
            _ if masked => text.push('*'),
            '\u{80}'..='\u{9f}' => text.push('\u{fffd}'),
            _ => text.push(c),
        }
    }
    let new_start = new_start.unwrap_or(text.len());
    let new_end = new_end.unwrap_or(text.len()).max(new_start);
    Excerpt {
        text,
        first_line,
        span: new_start..new_end,
    }
}

/// How many characters of a long span, and of a long line after it, are kept on each side:
/// more than a terminal shows, so annotate-snippets' own trimming decides what is seen.
const KEEP: usize = 256;

/// What of a very long line can go unseen without moving any column: the middle of a span
/// longer than `2 * KEEP` characters on its first line, and what follows the span on its last
/// line past `KEEP` characters. (The text before the span cannot go: columns count it.)
fn elided(input: &str, lines: &Lines, span: Range<usize>, last_line: usize) -> Vec<Range<usize>> {
    let mut dropped = Vec::new();
    let first = lines.range(input, lines.line_of(span.start));
    let inside = span.start..span.end.min(first.end);
    let chars = input[inside.clone()].char_indices();
    if let (Some((from, _)), Some((to, _))) = (chars.clone().nth(KEEP), chars.rev().nth(KEEP))
        && from < to
    {
        dropped.push(inside.start + from..inside.start + to);
    }
    let last = lines.range(input, last_line);
    if span.end < last.end
        && let Some((from, _)) = input[span.end..last.end].char_indices().nth(KEEP)
    {
        dropped.push(span.end + from..last.end);
    }
    dropped
}

#[cfg(test)]
mod tests {
    use ecr_config::Validate;
    use ecr_config::ecr::EcrConfig;

    use super::{Lines, Mode, SecretPaths, excerpt, hidden, merge, scan, value_after_key};

    fn masked(input: &str, mode: Mode) -> String {
        let mut out = Vec::new();
        scan(input, 0..input.len(), mode, &mut out);
        let hidden = merge(out);
        excerpt(input, &Lines::new(input), 0..0, &hidden).text
    }

    #[test]
    fn the_model_has_one_secret() {
        let secrets = SecretPaths::of(&EcrConfig::SHAPE);
        assert!(secrets.is_secret("/ci/secret_key"));
        assert!(!secrets.is_secret("/ci/access_key"));
        assert!(secrets.holds_secret("/ci") && secrets.holds_secret(""));
        assert!(!secrets.holds_secret("/setup") && !secrets.holds_secret("/ci/secret_key"));
    }

    #[test]
    fn values_are_masked_whole_keeping_quotes_and_punctuation() {
        assert_eq!(
            masked(r#"["a\"b", {"k": 12}, true]"#, Mode::Value),
            r#"["****", {"*": **}, ****]"#
        );
    }

    #[test]
    fn a_syntax_line_keeps_keys_and_literals() {
        assert_eq!(
            masked(
                r#""secret_key": "abc", "n": -1.5e3, "t": true x 'y'"#,
                Mode::SyntaxLine
            ),
            r#""secret_key": "***", "n": -1.5e3, "t": true * ***"#
        );
        // An unclosed string is hidden to the end of the line.
        assert_eq!(
            masked(r#""secret_key": "wJalr/K7 , "#, Mode::SyntaxLine),
            r#""secret_key": "***********"#
        );
    }

    #[test]
    fn the_value_after_a_key_is_found() {
        let input = r#"{"a" : "x\"y", "b": [1, "]"], "c":tru }"#;
        let after = |key: &str| {
            let end = input.find(key).unwrap() + key.len();
            &input[value_after_key(input, end)]
        };
        assert_eq!(after(r#""a""#), r#""x\"y""#);
        assert_eq!(after(r#""b""#), r#"[1, "]"]"#);
        assert_eq!(after(r#""c""#), "tru");
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
    fn a_duplicate_secret_and_an_unknown_property_are_hidden() {
        let input = r#"{"ci": {"region": "us-east-1", "access_key": "AKIAIOSFODNN7EXAMPLE",
            "secret_key": "first", "secret_key": "second", "secret_kye": "third"},
            "setup": {"region": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x"}}"#;
        let report = EcrConfig::from_json_str(input).unwrap_err();
        let hidden = hidden(input, &report, &SecretPaths::of(&EcrConfig::SHAPE));
        let shown = excerpt(input, &Lines::new(input), 0..input.len(), &hidden).text;
        for secret in ["first", "second", "third"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("us-east-1") && shown.contains("\"secret_kye\""));
    }
}
