//! Finds where values are, for a document `serde_json` has already read without a problem.
//!
//! When the strict fast path reads a document and only `validate` fails, the findings are
//! already complete (the reading proved the structure right); what is missing is where each
//! failing value is, and where the secrets are. Building the position tree for that costs
//! several times a parse, so this pass scans the text once instead, following the type's
//! [`Shape`] to know which values are secrets. It validates nothing: the text is known to be
//! JSON, since `serde_json` (the parser of record) has just read all of it.

use std::ops::Range;

use crate::meta::{Shape, StructMeta};
use crate::path::push_token;

/// The spans of the values at `targets` (JSON Pointers), and of every secret value.
pub(crate) struct Spans {
    pub(crate) targets: Vec<Option<Range<usize>>>,
    pub(crate) secrets: Vec<Range<usize>>,
}

enum Container {
    Object,
    Array(usize),
}

struct Frame {
    container: Container,
    start: usize,
    /// The shape of the container's value, to look up its members' shapes.
    shape: Option<&'static Shape>,
    /// The targets at or inside the container.
    wanted: Wanted,
    secret: bool,
}

/// The targets that begin with the pointer of a value: `order[lo..hi]`, targets sorted, all
/// sharing the pointer's `len` bytes. (Some may go on with something else than `/`: the
/// pointer `/a` keeps `/a-b`, which no member of `/a` matches.) No pointer is built: a
/// member only narrows its parent's range.
#[derive(Clone, Copy)]
struct Wanted {
    lo: usize,
    hi: usize,
    len: usize,
}

impl Wanted {
    const NONE: Wanted = Wanted {
        lo: 0,
        hi: 0,
        len: 0,
    };

    /// The targets of the member or element whose pointer segment is `segment` (escaped).
    fn member(self, targets: &[&str], order: &[usize], segment: &[u8]) -> Wanted {
        if self.lo == self.hi {
            return Wanted::NONE;
        }
        let len = self.len + 1 + segment.len();
        // Those that go on with `/segment`: adjacent, since sorted.
        let starts = |k: usize| {
            let target: &[u8] = targets[k].as_bytes();
            target.len() >= len
                && target[self.len] == b'/'
                && target.get(self.len + 1) == segment.first()
                && &target[self.len + 1..len] == segment
        };
        let mut lo = self.lo;
        while lo < self.hi && !starts(order[lo]) {
            lo += 1;
        }
        if lo == self.hi {
            return Wanted::NONE;
        }
        let mut hi = lo + 1;
        while hi < self.hi && starts(order[hi]) {
            hi += 1;
        }
        Wanted { lo, hi, len }
    }

    /// Whether a target lies strictly inside the value.
    fn inside(self, targets: &[&str], order: &[usize]) -> bool {
        order[self.lo..self.hi]
            .iter()
            .any(|&k| targets[k].as_bytes().get(self.len) == Some(&b'/'))
    }
}

pub(crate) fn locate(text: &str, root: &'static Shape, targets: &[&str]) -> Spans {
    let bytes = text.as_bytes();
    let mut spans = Spans {
        targets: vec![None; targets.len()],
        secrets: Vec::new(),
    };
    let (mut inline, mut spilled) = ([0; 16], Vec::new());
    let order = sorted(targets, &mut inline, &mut spilled);
    let mut stack: Vec<Frame> = Vec::with_capacity(8);
    // The shape and the targets of the value about to start.
    let mut shape = Some(root);
    let mut wanted = Wanted {
        lo: 0,
        hi: targets.len(),
        len: 0,
    };
    let mut i = skip_ws(bytes, 0);
    loop {
        // A value starts at `i`.
        let start = i;
        let (secret, resolved) = unwrap(shape);
        match bytes.get(i) {
            Some(b'{' | b'[')
                if !wanted.inside(targets, order) && !may_hold_secret(resolved, 0) =>
            {
                // Nothing to find in there: step over it.
                i = value_end(bytes, i);
            }
            Some(&open @ (b'{' | b'[')) => {
                i = skip_ws(bytes, i + 1);
                if matches!(bytes.get(i), Some(b'}' | b']')) {
                    // Empty: a value like a scalar.
                    i += 1;
                } else {
                    let frame = Frame {
                        container: if open == b'{' {
                            Container::Object
                        } else {
                            Container::Array(0)
                        },
                        start,
                        shape: resolved,
                        wanted,
                        secret,
                    };
                    if open == b'{' {
                        i = key(text, i, &frame, targets, order, &mut shape, &mut wanted);
                    } else {
                        wanted = wanted.member(targets, order, b"0");
                        shape = member_shape(resolved, None);
                    }
                    stack.push(frame);
                    continue;
                }
            }
            Some(b'"') => i = string_end(bytes, i),
            Some(_) => {
                while i < bytes.len()
                    && !matches!(bytes[i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    i += 1;
                }
            }
            None => return spans,
        }
        // A scalar or an empty container ended at `i`.
        finish(&mut spans, targets, order, wanted, start..i, secret);
        // Close containers until one continues with a comma.
        loop {
            let Some(frame) = stack.last_mut() else {
                return spans;
            };
            i = skip_ws(bytes, i);
            if bytes.get(i) == Some(&b',') {
                i = skip_ws(bytes, i + 1);
                match &mut frame.container {
                    Container::Array(index) => {
                        *index += 1;
                        let mut digits = [0u8; 20];
                        wanted = frame
                            .wanted
                            .member(targets, order, decimal(*index, &mut digits));
                        shape = member_shape(frame.shape, None);
                    }
                    Container::Object => {
                        i = key(text, i, frame, targets, order, &mut shape, &mut wanted);
                    }
                }
                break;
            }
            // `}` or `]`: the container's value ends here.
            let frame = stack.pop().expect("a frame");
            i += 1;
            finish(
                &mut spans,
                targets,
                order,
                frame.wanted,
                frame.start..i,
                frame.secret,
            );
        }
    }
}

/// The targets' indices in the targets' order: in `inline` for the usual few.
fn sorted<'a>(
    targets: &[&str],
    inline: &'a mut [usize; 16],
    spilled: &'a mut Vec<usize>,
) -> &'a [usize] {
    let order = if targets.len() <= inline.len() {
        &mut inline[..targets.len()]
    } else {
        spilled.resize(targets.len(), 0);
        &mut spilled[..]
    };
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    order.sort_unstable_by_key(|&k| targets[k]);
    order
}

/// `n` in decimal, written at the end of `buffer`.
fn decimal(mut n: usize, buffer: &mut [u8; 20]) -> &[u8] {
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + u8::try_from(n % 10).expect("a digit");
        n /= 10;
        if n == 0 {
            return &buffer[at..];
        }
    }
}

/// Reads the key at `i` (a string literal) of a member of `parent`, sets the member's shape
/// and targets, and returns the position of its value.
fn key(
    text: &str,
    i: usize,
    parent: &Frame,
    targets: &[&str],
    order: &[usize],
    shape: &mut Option<&'static Shape>,
    wanted: &mut Wanted,
) -> usize {
    let bytes = text.as_bytes();
    let (end, plain) = key_end(bytes, i);
    let literal = &text[i + 1..end - 1];
    if plain {
        *shape = member_shape(parent.shape, Some(literal));
        *wanted = parent.wanted.member(targets, order, literal.as_bytes());
    } else {
        let key = serde_json::from_str::<String>(&text[i..end]).unwrap_or_default();
        *shape = member_shape(parent.shape, Some(&key));
        let mut segment = String::with_capacity(key.len() + 8);
        push_token(&key, &mut segment);
        *wanted = parent.wanted.member(targets, order, segment.as_bytes());
    }
    // Past the colon.
    skip_ws(bytes, skip_ws(bytes, end) + 1)
}

/// Whether a value of this shape can contain a secret. Values the shape does not describe
/// cannot: the position tree does not look for secrets in them either.
fn may_hold_secret(shape: Option<&'static Shape>, depth: usize) -> bool {
    let Some(mut shape) = shape else {
        return false;
    };
    let mut depth = depth;
    loop {
        // Deeper than any config nests; recursive types end here, conservatively.
        if depth > 16 {
            return true;
        }
        match shape {
            Shape::Sensitive(_) => return true,
            Shape::Optional(inner) | Shape::Array(inner) | Shape::Map(inner) => shape = inner(),
            Shape::Object(meta) => {
                return meta.fields.iter().any(|field| {
                    // The usual optional scalar, without a call per level.
                    let mut shape = (field.shape)();
                    for _ in 0..4 {
                        match shape {
                            Shape::Optional(inner) => shape = inner(),
                            Shape::Sensitive(_) => return true,
                            _ => break,
                        }
                    }
                    match shape {
                        Shape::Sensitive(_)
                        | Shape::Optional(_)
                        | Shape::Array(_)
                        | Shape::Map(_)
                        | Shape::Object(_) => may_hold_secret(Some(shape), depth + 1),
                        _ => false,
                    }
                });
            }
            _ => return false,
        }
        depth += 1;
    }
}

/// The position just past the object or array starting at `i`. (Skipping with `serde_json`
/// was measured slower here: a policy string is mostly escapes.)
fn value_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
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
    bytes.len()
}

/// Strips `Optional`; says whether the value is a secret.
fn unwrap(shape: Option<&'static Shape>) -> (bool, Option<&'static Shape>) {
    match shape {
        Some(Shape::Optional(inner)) => unwrap(Some(inner())),
        Some(Shape::Sensitive(inner)) => (true, unwrap(Some(inner())).1),
        other => (false, other),
    }
}

/// The shape of a member (`key`) or an element (`None`) of a value of shape `parent`.
fn member_shape(parent: Option<&'static Shape>, key: Option<&str>) -> Option<&'static Shape> {
    match (parent?, key) {
        (Shape::Array(item), None) => Some(item()),
        (Shape::Map(value), Some(_)) => Some(value()),
        (Shape::Object(meta), Some(key)) => field_shape(meta, key),
        _ => None,
    }
}

fn field_shape(meta: &'static StructMeta, key: &str) -> Option<&'static Shape> {
    for field in meta.fields {
        if field.flatten {
            if let Shape::Object(inner) = (field.shape)()
                && let Some(shape) = field_shape(inner, key)
            {
                return Some(shape);
            }
        // Names first: a shape is a function call.
        } else if field.name == key {
            return Some((field.shape)());
        }
    }
    None
}

/// Records the value at `span`: called for every value found, so inlined (measured).
#[inline]
fn finish(
    spans: &mut Spans,
    targets: &[&str],
    order: &[usize],
    wanted: Wanted,
    span: Range<usize>,
    secret: bool,
) {
    // Sorted: the targets that are exactly this value come first.
    for &k in &order[wanted.lo..wanted.hi] {
        if targets[k].len() != wanted.len {
            break;
        }
        spans.targets[k].get_or_insert_with(|| span.clone());
    }
    if secret {
        spans.secrets.push(span);
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// High bit set in the first byte of `word` equal to `byte`, and maybe in later ones that
/// are not: past a match, a borrow also marks a byte differing from `byte` in the lowest bit
/// only (`#` for `"`, `]` for `\`). So only "is there one" and "which is the first" are
/// exact, and that is all that is asked. (One operation fewer than the exact test, per byte
/// sought per word.)
fn bytes_equal(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (u64::from(byte) * ONES);
    x.wrapping_sub(ONES) & !x & (ONES << 7)
}

/// [`string_end`] for a key, and whether the key is plain: no escape, and nothing to escape
/// in a pointer (`~`, `/`), so its text is its pointer segment.
fn key_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut i = start + 1;
    let mut plain = true;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let special = bytes_equal(word, b'\\') | bytes_equal(word, b'~') | bytes_equal(word, b'/');
        let quotes = bytes_equal(word, b'"');
        if quotes == 0 {
            plain &= special == 0;
            i += 8;
            continue;
        }
        // Nothing special before the first quote: it is not escaped, and ends the key.
        if plain && special & ((1 << quotes.trailing_zeros()) - 1) == 0 {
            return (i + (quotes.trailing_zeros() / 8) as usize + 1, true);
        }
        break;
    }
    let end = string_end(bytes, start);
    let literal = &bytes[(start + 1).min(end)..end.saturating_sub(1).max(start + 1)];
    let plain = !literal
        .iter()
        .any(|&b| b == b'\\' || b == b'~' || b == b'/');
    (end, plain)
}

/// The position just past the string literal starting at `i`.
///
/// Looks for a quote or a backslash eight bytes at a time, stepping over the byte each
/// backslash escapes: a policy string is mostly escaped quotes, and stepping byte by byte
/// through it was most of this pass's time. (Counting the backslashes before each quote,
/// or stepping over every escape within the word, was measured slower.)
pub(crate) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    loop {
        let at = if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let found = bytes_equal(word, b'"') | bytes_equal(word, b'\\');
            if found == 0 {
                i += 8;
                continue;
            }
            i + (found.trailing_zeros() / 8) as usize
        } else {
            match bytes[i.min(bytes.len())..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
            {
                Some(at) => i + at,
                None => return bytes.len(),
            }
        };
        if bytes[at] == b'"' {
            return at + 1;
        }
        // A backslash: the next byte is escaped.
        i = at + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::locate;
    use crate::Validate;
    use crate::ecr::EcrConfig;

    #[test]
    fn finds_targets_and_secrets() {
        let text = r#"{"ci": {"region": "us-east-1", "access_key": "x", "secret_key": "s\"cret"},
            "setup": {"region": "us-east-1", "role_arn": "r", "policy": "{}"},
            "read": {}, "repository_provider": "aws-ecr"}"#;
        let spans = locate(
            text,
            &EcrConfig::SHAPE,
            &["/ci/access_key", "/setup/role_arn", "/read", "/nowhere", ""],
        );
        let found: Vec<Option<&str>> = spans
            .targets
            .iter()
            .map(|span| span.clone().map(|span| &text[span]))
            .collect();
        assert_eq!(
            found,
            [Some("\"x\""), Some("\"r\""), Some("{}"), None, Some(text)]
        );
        let secrets: Vec<&str> = spans.secrets.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(secrets, ["\"s\\\"cret\""]);
    }

    #[test]
    fn string_ends_skip_escaped_quotes() {
        for literal in [
            r#""""#,
            r#""abc""#,
            r#""a\"b""#,
            r#""\\""#,
            r#""\\\"x""#,
            r#""0123456789\"0123456789\"0123456789""#,
            r#""é\u0022x\"\\""#,
            // Bytes one past a quote or a backslash, which the word test may also mark.
            r##""\"#\\]#]""##,
            r##""#]#]#]#]#]\"]""##,
        ] {
            let text = format!("{literal}, \"next\"");
            assert_eq!(
                super::string_end(text.as_bytes(), 0),
                literal.len(),
                "{literal}"
            );
        }
        assert_eq!(super::string_end(br#""unterminated"#, 0), 13);
    }

    #[test]
    fn follows_arrays_and_escaped_keys() {
        let text = r#"[{"a~b": [1, 2, {"c/d": true}]}, 3]"#;
        let spans = locate(
            text,
            &crate::meta::Shape::Any,
            &["/0/a~0b/2/c~1d", "/1", "/0/a~0b/1"],
        );
        let found: Vec<_> = spans
            .targets
            .iter()
            .map(|span| span.clone().map(|span| &text[span]))
            .collect();
        assert_eq!(found, [Some("true"), Some("3"), Some("2")]);
    }

    #[test]
    fn tells_apart_keys_sharing_a_prefix_and_many_targets() {
        let text = r#"{"a": 1, "a-b": {"c": 2}, "ab": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            "a~": 3, "a/b": 4, "x\u0061": 5, "a\"b": 6}"#;
        let indices: Vec<String> = (0..12).rev().map(|n| format!("/ab/{n}")).collect();
        let mut targets = vec![
            "/a-b/c", "/a", "/a~1b", "/a~0", "/xa", "/a\"b", "/a-b", "/a/b",
        ];
        targets.extend(indices.iter().map(String::as_str));
        let spans = locate(text, &crate::meta::Shape::Any, &targets);
        let found: Vec<_> = spans
            .targets
            .iter()
            .map(|span| span.clone().map(|span| &text[span]))
            .collect();
        let mut expected = vec![
            Some("2"),
            Some("1"),
            Some("4"),
            Some("3"),
            Some("5"),
            Some("6"),
            Some(r#"{"c": 2}"#),
            None,
        ];
        let digits: Vec<String> = (0..12).rev().map(|n| n.to_string()).collect();
        expected.extend(digits.iter().map(|n| Some(n.as_str())));
        assert_eq!(found, expected);
    }

    #[test]
    fn key_ends_say_whether_the_key_is_its_segment() {
        for (literal, plain) in [
            (r#""""#, true),
            (r#""region""#, true),
            (r#""a_rather_long_key_name""#, true),
            (r#""a~b""#, false),
            (r#""a/b""#, false),
            (r#""a\"b""#, false),
            (r#""0123456789\\""#, false),
            (r#""0123456\u0041""#, false),
        ] {
            let text = format!("{literal}: \"value\"");
            assert_eq!(
                super::key_end(text.as_bytes(), 0),
                (literal.len(), plain),
                "{literal}"
            );
        }
    }
}
