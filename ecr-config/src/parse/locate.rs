//! Finds where values are, for a document `serde_json` has already read without a problem.
//!
//! When the strict fast path reads a document and only `validate` fails, the findings are
//! already complete (the reading proved the structure right); what is missing is where each
//! failing value is, and where the secrets are. Checking the whole document again for that costs
//! several times a parse, so this pass scans the text once instead, following the type's
//! [`Shape`] to know which values are secrets. It validates nothing: the text is known to be
//! JSON, since `serde_json` (the parser of record) has just read all of it.

use std::cmp::Ordering;
use std::ops::Range;

use crate::meta::Shape;
use crate::path::push_token;

use super::secret::{Json, Place, Secrets};
use super::strict::Keys;

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
    /// The container's place, to find its members'.
    place: Place,
    /// The targets at or inside the container.
    wanted: Wanted,
}

/// The targets at the pointer of a value or inside it: `order[lo..hi]`, the pointer's `len`
/// bytes long ones first. Targets are sorted with `/` before every other byte
/// ([`pointer_order`]), which keeps each value's targets together, so that a member narrows
/// its parent's range by two binary searches: no pointer is built, and a container of many
/// members with many targets costs a logarithm a member.
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
        let range = &order[self.lo..self.hi];
        let rank = |k: &usize| segment_rank(targets[*k].as_bytes(), self.len, segment);
        // A few targets (the usual case) are looked through, and only told apart as at or
        // in the member or not: those that are sit together. Many are searched.
        let (lo, hi) = if range.len() <= 8 {
            let (at, end) = (self.len + 1, self.len + 1 + segment.len());
            let within = |k: &usize| {
                let target = targets[*k].as_bytes();
                // What follows the segment and its first byte tell most apart, before the
                // bytes (a `memcmp` call costs more than a short key).
                matches!(target.get(end), None | Some(b'/'))
                    && target.len() >= end
                    && target.get(at) == segment.first()
                    && target[at..end].iter().zip(segment).all(|(a, b)| a == b)
            };
            let Some(lo) = range.iter().position(within) else {
                return Wanted::NONE;
            };
            (
                lo,
                lo + 1 + range[lo + 1..].iter().take_while(|k| within(k)).count(),
            )
        } else {
            let lo = range.partition_point(|k| rank(k) == Ordering::Less);
            (
                lo,
                lo + range[lo..].partition_point(|k| rank(k) == Ordering::Equal),
            )
        };
        if lo == hi {
            return Wanted::NONE;
        }
        Wanted {
            lo: self.lo + lo,
            hi: self.lo + hi,
            len: self.len + 1 + segment.len(),
        }
    }

    /// Whether a target lies strictly inside the value (they come after the value's own).
    fn inside(self, targets: &[&str], order: &[usize]) -> bool {
        self.lo < self.hi && targets[order[self.hi - 1]].len() > self.len
    }
}

/// `/` before every other byte: each value's pointer is followed by those inside it, then by
/// the pointers that merely begin with its text (`/a`, `/a/b`, `/a-b`).
fn pointer_order(a: &[u8], b: &[u8]) -> Ordering {
    let key = |byte: u8| if byte == b'/' { 0 } else { u16::from(byte) + 1 };
    // Only the first byte that differs is mapped; a prefix comes first.
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(at) => key(a[at]).cmp(&key(b[at])),
        None => a.len().cmp(&b.len()),
    }
}

/// Where `target` (a pointer at or inside a value whose pointer is `len` bytes long) sorts
/// against the member `segment` of that value: `Equal` if it is at or inside the member.
fn segment_rank(target: &[u8], len: usize, segment: &[u8]) -> Ordering {
    // The value's own pointer comes before its members'.
    let Some(rest) = target.get(len + 1..) else {
        return Ordering::Less;
    };
    let common = rest.len().min(segment.len());
    match pointer_order(&rest[..common], &segment[..common]) {
        Ordering::Equal => {}
        other => return other,
    }
    match rest.get(segment.len()) {
        None if rest.len() == segment.len() => Ordering::Equal,
        None => Ordering::Less,
        Some(b'/') => Ordering::Equal,
        Some(_) => Ordering::Greater,
    }
}

/// The spans of `targets` and of the secrets in `text`, a document of `root` serde has read;
/// `objects`: where the keys of its structs' objects are, as the reading found them (or none).
pub(crate) fn locate(
    text: &str,
    root: &'static Shape,
    targets: &[&str],
    objects: &[Keys],
) -> Spans {
    let start = skip_ws(text.as_bytes(), 0);
    locate_from(
        text,
        root,
        start,
        Place::Typed(root),
        Some(objects),
        targets,
    )
}

/// The secrets of the value at `start` of `text`, a value at `place` of a document of `root`
/// that serde has not read into the type (an unknown property's).
pub(crate) fn secrets_in(
    text: &str,
    root: &'static Shape,
    start: usize,
    place: Place,
) -> Vec<Range<usize>> {
    locate_from(text, root, start, place, None, &[]).secrets
}

/// [`locate`] for the value at `start`, at `place`; `read`: serde has read it into the type
/// (so that a struct that refuses unknown properties has none), and where its structs' keys
/// are.
fn locate_from(
    text: &str,
    root: &'static Shape,
    start: usize,
    mut place: Place,
    read: Option<&[Keys]>,
    targets: &[&str],
) -> Spans {
    let bytes = text.as_bytes();
    let (mut inline, mut spilled) = ([0; 16], Vec::new());
    let mut scan = Scan {
        text,
        secrets: Secrets::of(root),
        targets,
        order: sorted(targets, &mut inline, &mut spilled),
        spans: Spans {
            targets: vec![None; targets.len()],
            secrets: Vec::new(),
        },
    };
    let mut stack: Vec<Frame> = Vec::with_capacity(8);
    // The place and the targets of the value about to start.
    let mut wanted = Wanted {
        lo: 0,
        hi: targets.len(),
        len: 0,
    };
    let mut i = start;
    loop {
        // A value starts at `i`.
        let start = i;
        let Some(&first) = bytes.get(i) else {
            return scan.spans;
        };
        let place_here = scan.secrets.value(place, Json::of_first_byte(first));
        match first {
            b'{' | b'['
                if !wanted.inside(targets, scan.order)
                    && !if read.is_some() {
                        scan.secrets.look_inside_read(place_here)
                    } else {
                        scan.secrets.look_inside(place_here)
                    } =>
            {
                // Nothing to find in there: step over it.
                i = match read {
                    Some(objects) if first == b'{' => object_end(bytes, i, objects),
                    _ => value_end(bytes, i),
                };
            }
            open @ (b'{' | b'[') => {
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
                        place: place_here,
                        wanted,
                    };
                    if open == b'{' {
                        (i, place, wanted) = scan.key(i, &frame);
                    } else {
                        wanted = wanted.member(targets, scan.order, b"0");
                        place = Secrets::element(place_here);
                    }
                    stack.push(frame);
                    continue;
                }
            }
            _ => i = any_value_end(bytes, i),
        }
        // A scalar or an empty container ended at `i`.
        scan.finish(wanted, start..i, place_here);
        // Close containers until one continues with a comma.
        loop {
            let Some(frame) = stack.last_mut() else {
                return scan.spans;
            };
            i = skip_ws(bytes, i);
            if bytes.get(i) == Some(&b',') {
                i = skip_ws(bytes, i + 1);
                match &mut frame.container {
                    Container::Array(index) => {
                        *index += 1;
                        let mut digits = [0u8; 20];
                        let segment = decimal(*index, &mut digits);
                        wanted = frame.wanted.member(targets, scan.order, segment);
                        place = Secrets::element(frame.place);
                    }
                    Container::Object => (i, place, wanted) = scan.key(i, frame),
                }
                break;
            }
            // `}` or `]`: the container's value ends here.
            let frame = stack.pop().expect("a frame");
            i += 1;
            scan.finish(frame.wanted, frame.start..i, frame.place);
        }
    }
}

/// What the scan knows and what it has found.
struct Scan<'a> {
    text: &'a str,
    secrets: &'static Secrets,
    targets: &'a [&'a str],
    order: &'a [usize],
    spans: Spans,
}

impl Scan<'_> {
    /// Reads the key at `i` (a string literal) of a member of `parent`: the position of the
    /// member's value, its place and its targets.
    fn key(&self, i: usize, parent: &Frame) -> (usize, Place, Wanted) {
        let (text, targets, order) = (self.text, self.targets, self.order);
        let bytes = text.as_bytes();
        let (end, plain) = key_end(bytes, i);
        let literal = &text[i + 1..end - 1];
        let (place, wanted) = if plain {
            (
                self.secrets.member(parent.place, literal),
                parent.wanted.member(targets, order, literal.as_bytes()),
            )
        } else {
            let key = serde_json::from_str::<String>(&text[i..end]).unwrap_or_default();
            let mut segment = String::with_capacity(key.len() + 8);
            push_token(&key, &mut segment);
            (
                self.secrets.member(parent.place, &key),
                parent.wanted.member(targets, order, segment.as_bytes()),
            )
        };
        // Past the colon.
        (skip_ws(bytes, skip_ws(bytes, end) + 1), place, wanted)
    }

    /// Records the value at `span`: called for every value found, so inlined (measured).
    #[inline]
    fn finish(&mut self, wanted: Wanted, span: Range<usize>, place: Place) {
        // The targets that are exactly this value come first.
        for &k in &self.order[wanted.lo..wanted.hi] {
            if self.targets[k].len() != wanted.len {
                break;
            }
            self.spans.targets[k].get_or_insert_with(|| span.clone());
        }
        if let Place::Secret = place {
            self.spans.secrets.push(span);
        }
    }
}

/// The targets' indices in [`pointer_order`]: in `inline` for the usual few.
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
    order.sort_unstable_by(|&a, &b| pointer_order(targets[a].as_bytes(), targets[b].as_bytes()));
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

/// The position just past the object or array starting at `i`. Between strings it looks
/// for a bracket or a quote eight bytes at a time: a skipped container is mostly indentation
/// and strings. (Skipping with `serde_json` was measured slower here: a policy string is
/// mostly escapes.)
pub(crate) fn value_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    loop {
        i = structural(bytes, i);
        match bytes.get(i) {
            None => return bytes.len(),
            Some(b'"') => {
                i = string_end(bytes, i);
                continue;
            }
            Some(b'{' | b'[') => depth += 1,
            // A closing bracket.
            Some(_) => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
        }
        i += 1;
    }
}

/// The position just past the object starting at `i`, which serde has read: from its last
/// key if `objects` (sorted by first key) says where that is, so that what is before it is
/// not read again.
fn object_end(bytes: &[u8], i: usize, objects: &[Keys]) -> usize {
    let first = skip_ws(bytes, i + 1);
    if let Ok(k) = objects.binary_search_by_key(&first, |keys| keys.first) {
        let value = skip_ws(
            bytes,
            skip_ws(bytes, string_end(bytes, objects[k].last)) + 1,
        );
        let end = skip_ws(
            bytes,
            match bytes.get(value) {
                Some(b'{') => object_end(bytes, value, objects),
                _ => any_value_end(bytes, value),
            },
        );
        if bytes.get(end) == Some(&b'}') {
            return end + 1;
        }
    }
    value_end(bytes, i)
}

/// The offset of the first bracket or quote at or after `i`, or `bytes.len()`.
fn structural(bytes: &[u8], mut i: usize) -> usize {
    // `| 0x20` makes `[` `{` and `]` `}`, and no other byte either.
    const CASE: u64 = u64::from_ne_bytes([0x20; 8]);
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        let found = bytes_equal(word | CASE, b'{')
            | bytes_equal(word | CASE, b'}')
            | bytes_equal(word, b'"');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'{' | b'}' | b'[' | b']') {
        i += 1;
    }
    i
}

/// The position just past the value (any) starting at `at`.
pub(crate) fn any_value_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'{' | b'[') => value_end(bytes, at),
        Some(b'"') => string_end(bytes, at),
        _ => {
            let rest = bytes.get(at..).unwrap_or_default();
            at + rest
                .iter()
                .position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(rest.len())
        }
    }
}

/// The position of the first byte at or after `i` that is not whitespace, in a text that is
/// JSON (between its tokens).
///
/// Indentation is looked through eight bytes at a time: between tokens, a byte above a space
/// is a token's, and each byte at or below it whitespace.
pub(crate) fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    const ABOVE: u64 = 0x5f5f_5f5f_5f5f_5f5f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Mostly one byte: a space after a colon, or none.
    match bytes.get(i) {
        Some(&byte) if byte > b' ' => return i,
        Some(_) => i += 1,
        None => return i,
    }
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        // The high bit of a byte above a space (`+ 0x5f` carries into the next byte only from
        // a byte above `0xa0`, which is above a space itself, so the first is exact).
        let above = (word.wrapping_add(ABOVE) | word) & HIGH;
        if above != 0 {
            return i + (above.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] <= b' ' {
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
            &[],
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

    /// A skipped container ends where it ends, whatever its strings hold: brackets, quotes
    /// and backslashes, and the bytes the word test may confuse with them.
    #[test]
    fn whitespace_is_skipped_in_and_out_of_whole_words() {
        let naive = |bytes: &[u8], mut i: usize| {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
            }
            i
        };
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..20_000 {
            let mut text: Vec<u8> = (0..rng.usize(0..20))
                .map(|_| [b' ', b'\t', b'\n', b'\r'][rng.usize(..4)])
                .collect();
            // Between tokens: in the whitespace, or at its end.
            let start = rng.usize(..=text.len());
            // What follows whitespace: a token's first byte, then anything (a string's
            // bytes, UTF-8 above `0xa0` included, whose carry must not move the answer).
            if rng.bool() {
                let tokens = b"\"{[]},:-0tfn";
                text.push(tokens[rng.usize(..tokens.len())]);
                text.extend((0..rng.usize(0..10)).map(|_| rng.u8(..)));
            }
            assert_eq!(
                super::skip_ws(&text, start),
                naive(&text, start),
                "{text:?} from {start}"
            );
        }
    }

    #[test]
    fn container_ends_are_found_past_any_string() {
        use serde_json::{Map, Value};
        fn value(rng: &mut fastrand::Rng, depth: usize) -> Value {
            const PIECES: [&str; 10] = ["{", "}", "[", "]", "\"", "\\", "#", "]\"", "é", "ab"];
            match rng.usize(0..if depth > 3 { 2 } else { 4 }) {
                0 => Value::from(rng.i32(..)),
                1 => Value::from(
                    (0..rng.usize(0..12))
                        .map(|_| PIECES[rng.usize(..PIECES.len())])
                        .collect::<String>(),
                ),
                2 => Value::Array(
                    (0..rng.usize(0..4))
                        .map(|_| value(rng, depth + 1))
                        .collect(),
                ),
                _ => Value::Object(
                    (0..rng.usize(0..4))
                        .map(|k| (format!("{k}{}", PIECES[k]), value(rng, depth + 1)))
                        .collect::<Map<_, _>>(),
                ),
            }
        }
        let mut rng = fastrand::Rng::with_seed(11);
        for round in 0..5_000 {
            let items: Vec<Value> = (0..rng.usize(1..4)).map(|_| value(&mut rng, 0)).collect();
            let container = Value::Array(items);
            let written = if round % 2 == 0 {
                serde_json::to_string(&container)
            } else {
                serde_json::to_string_pretty(&container)
            }
            .expect("a value");
            let text = format!("{written}, [\"]\"]");
            assert_eq!(
                super::value_end(text.as_bytes(), 0),
                written.len(),
                "{text}"
            );
        }
    }

    #[test]
    fn follows_arrays_and_escaped_keys() {
        let text = r#"[{"a~b": [1, 2, {"c/d": true}]}, 3]"#;
        let spans = locate(
            text,
            &crate::meta::Shape::Any,
            &["/0/a~0b/2/c~1d", "/1", "/0/a~0b/1"],
            &[],
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
        let spans = locate(text, &crate::meta::Shape::Any, &targets, &[]);
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
