//! Reads JSON text token by token, exactly as strict as JSON's grammar (RFC 8259), building
//! nothing: the shape checker ([`check`](super::check)) follows it with the type, the
//! compile-time checker's test document ([`const_tree`](super::const_tree)) with a tree.
//!
//! Where the text stops being JSON it stops ([`Stop`]); `serde_json`, the parser of record,
//! then says why ([`syntax`](super::syntax)).

use std::borrow::Cow;
use std::ops::Range;

use crate::__private::json::{first_flagged, plain_run, stop_marks};

use super::syntax::{SyntaxError, decode};

/// Why reading stopped: the text is not JSON.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Not JSON's grammar at this byte offset; `serde_json` words it.
    Grammar(usize),
    /// JSON's grammar, but not a document: a string whose escapes make no string (`"\ud800"`),
    /// or nesting too deep.
    Syntax(SyntaxError),
}

/// A member's key, decoded, and the span of its string literal.
pub(crate) type Key<'a> = (Cow<'a, str>, Range<usize>);

/// A cursor over JSON text.
pub(crate) struct Reader<'a> {
    pub(crate) text: &'a str,
    pub(crate) bytes: &'a [u8],
    /// The byte offset read up to.
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    /// The first byte of the next value (after white space), the cursor on it.
    pub(crate) fn peek(&mut self) -> Result<u8, Stop> {
        self.skip_ws();
        self.bytes
            .get(self.at)
            .copied()
            .ok_or(Stop::Grammar(self.at))
    }

    /// After the document's value: nothing but white space may follow.
    pub(crate) fn end(&mut self) -> Result<(), Stop> {
        self.skip_ws();
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err(Stop::Grammar(self.at))
        }
    }

    pub(crate) fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// Steps over `byte` (after white space), which the grammar requires here.
    fn expect(&mut self, byte: u8) -> Result<(), Stop> {
        self.skip_ws();
        if self.bytes.get(self.at) != Some(&byte) {
            return Err(Stop::Grammar(self.at));
        }
        self.at += 1;
        Ok(())
    }

    /// The next member's key (after white space) and its span, the cursor past the colon
    /// after it; `None` at the end of an empty object (`first`: the cursor was just past the
    /// `{`), the cursor past its `}`.
    pub(crate) fn key(&mut self, first: bool) -> Result<Option<Key<'a>>, Stop> {
        self.skip_ws();
        match self.bytes.get(self.at) {
            Some(b'}') if first => {
                self.at += 1;
                return Ok(None);
            }
            Some(b'"') => {}
            _ => return Err(Stop::Grammar(self.at)),
        }
        let start = self.at;
        let key = self.string()?;
        let span = start..self.at;
        self.expect(b':')?;
        Ok(Some((key, span)))
    }

    /// After a member or an item: `true` if another follows (the cursor past the comma),
    /// `false` at the container's end (past `close`).
    pub(crate) fn next(&mut self, close: u8) -> Result<bool, Stop> {
        self.skip_ws();
        match self.bytes.get(self.at) {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(&byte) if byte == close => {
                self.at += 1;
                Ok(false)
            }
            _ => Err(Stop::Grammar(self.at)),
        }
    }

    /// Past the `[` at the cursor: `false` if the array is empty (the cursor past its `]`).
    pub(crate) fn open_array(&mut self) -> bool {
        self.at += 1;
        self.skip_ws();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return false;
        }
        true
    }

    /// The string literal at the cursor, decoded; borrowed when it has no escapes.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>, Stop> {
        let start = self.at;
        let mut i = start + 1;
        let mut escaped = false;
        loop {
            i = plain_run(self.bytes, i);
            match self.bytes.get(i) {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    i = self.escape(i)?;
                }
                // A control character, or the end of the text.
                _ => return Err(Stop::Grammar(i)),
            }
        }
        self.at = i + 1;
        if !escaped {
            return Ok(Cow::Borrowed(&self.text[start + 1..i]));
        }
        match unescape(&self.bytes[start + 1..i]) {
            Some(value) => Ok(Cow::Owned(value)),
            // serde_json words why the escapes make no string.
            None => decode(self.text, start, self.at).map_err(Stop::Syntax),
        }
    }

    /// The offset past the escape sequence at `i` (its backslash).
    fn escape(&self, i: usize) -> Result<usize, Stop> {
        match self.bytes.get(i + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 2),
            Some(b'u') => {
                let hex = self.bytes.get(i + 2..i + 6).ok_or(Stop::Grammar(i))?;
                if hex.iter().all(u8::is_ascii_hexdigit) {
                    Ok(i + 6)
                } else {
                    Err(Stop::Grammar(i))
                }
            }
            _ => Err(Stop::Grammar(i)),
        }
    }

    /// Past `word` (`true`, `false`, `null`), which must be at the cursor.
    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<(), Stop> {
        if !self.bytes[self.at..].starts_with(word) {
            return Err(Stop::Grammar(self.at));
        }
        self.at += word.len();
        Ok(())
    }

    /// The number at the cursor, as written: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    pub(crate) fn number(&mut self) -> Result<&'a str, Stop> {
        let bytes = self.bytes;
        let start = self.at;
        let mut i = start;
        if bytes.get(i) == Some(&b'-') {
            i += 1;
        }
        let digits = |mut i: usize| {
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            i
        };
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i + 1),
            _ => return Err(Stop::Grammar(i)),
        }
        if bytes.get(i) == Some(&b'.') {
            let end = digits(i + 1);
            if end == i + 1 {
                return Err(Stop::Grammar(end));
            }
            i = end;
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = bytes.get(i) {
                i += 1;
            }
            let end = digits(i);
            if end == i {
                return Err(Stop::Grammar(end));
            }
            i = end;
        }
        self.at = i;
        Ok(&self.text[start..i])
    }
}

/// The spans of the strings (keys included), numbers and literals of `text`, a JSON
/// document: for a look at every token, where nothing else is wanted.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(b'{' | b'}' | b'[' | b']' | b',' | b':' | b' ' | b'\t' | b'\n' | b'\r') =
            bytes.get(at)
        {
            at += 1;
        }
        let start = at;
        match bytes.get(at)? {
            b'"' => {
                at = plain_run(bytes, at + 1);
                // An escape's backslash and the byte after it; `\uXXXX` goes on as plain text.
                while bytes.get(at) == Some(&b'\\') {
                    at = plain_run(bytes, at + 2);
                }
                at = (at + 1).min(bytes.len());
            }
            _ => {
                while !matches!(
                    bytes.get(at),
                    None | Some(
                        b'{' | b'}' | b'[' | b']' | b',' | b':' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                ) {
                    at += 1;
                }
            }
        }
        Some(start..at)
    })
}

/// The value of a string literal's body `inner`, whose escapes are well-formed; `None` if a
/// `\u` escape makes no character (a surrogate without its other half).
///
/// The plain runs between escapes are copied a word at a time (a policy is mostly short runs
/// between escaped quotes, where a copy call per run cost more than the rest of the reading):
/// the output has room for a whole word past the last byte, and a run's end is its first
/// backslash ([`stop_marks`]: the body holds no other stop).
#[inline(never)]
fn unescape(inner: &[u8]) -> Option<String> {
    let mut out = vec![0; inner.len() + 8];
    let (mut i, mut w) = (0, 0);
    loop {
        while let Some(chunk) = inner.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            out[w..w + 8].copy_from_slice(chunk);
            let marks = stop_marks(u64::from_le_bytes(*chunk));
            if marks != 0 {
                i += first_flagged(marks);
                w += first_flagged(marks);
                break;
            }
            i += 8;
            w += 8;
        }
        // Fewer than eight bytes left, or at a backslash.
        while let Some(&byte) = inner.get(i)
            && byte != b'\\'
        {
            out[w] = byte;
            i += 1;
            w += 1;
        }
        if i == inner.len() {
            break;
        }
        let escaped = match inner[i + 1] {
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => {
                let high = hex4(&inner[i + 2..i + 6]);
                i += 6;
                let code = match high {
                    0xD800..=0xDBFF => {
                        let low = match inner.get(i..i + 6) {
                            Some([b'\\', b'u', hex @ ..]) => hex4(hex),
                            _ => return None,
                        };
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        i += 6;
                        0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return None,
                    code => code,
                };
                // At most four bytes for six or twelve read: within the room.
                w += char::from_u32(code)?.encode_utf8(&mut out[w..]).len();
                continue;
            }
            // `"`, `\\` and `/` stand for themselves.
            other => other,
        };
        out[w] = escaped;
        i += 2;
        w += 1;
    }
    out.truncate(w);
    // Runs of UTF-8 text and whole characters.
    String::from_utf8(out).ok()
}

/// The value of four hexadecimal digits.
fn hex4(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |value, &digit| {
        let nibble = match digit {
            b'0'..=b'9' => digit - b'0',
            b'a'..=b'f' => digit - b'a' + 10,
            _ => digit - b'A' + 10,
        };
        (value << 4) | u32::from(nibble)
    })
}

#[cfg(test)]
mod tests {
    use super::{Reader, Stop, plain_run};
    use crate::__private::json::STRING_STOP;

    /// The word-at-a-time scan finds the byte the byte-at-a-time one finds.
    #[test]
    fn a_plain_runs_at_its_first_stop() {
        let mut rng = fastrand::Rng::with_seed(9);
        let special = [b'"', b'\\', 0x00, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0xff, b'a'];
        for _ in 0..100_000 {
            let bytes: Vec<u8> = (0..rng.usize(0..40))
                .map(|_| {
                    if rng.bool() {
                        special[rng.usize(..special.len())]
                    } else {
                        rng.u8(..)
                    }
                })
                .collect();
            let from = rng.usize(0..=bytes.len());
            let expected = (from..bytes.len())
                .find(|&k| STRING_STOP[usize::from(bytes[k])])
                .unwrap_or(bytes.len());
            assert_eq!(plain_run(&bytes, from), expected, "{bytes:?} from {from}");
        }
    }

    /// Reads any value at the cursor, as the checker does where nothing is described.
    fn value(reader: &mut Reader<'_>) -> Result<(), Stop> {
        match reader.peek()? {
            b'{' => {
                reader.at += 1;
                let mut first = true;
                while reader.key(first)?.is_some() {
                    first = false;
                    value(reader)?;
                    if !reader.next(b'}')? {
                        break;
                    }
                }
            }
            b'[' => {
                if reader.open_array() {
                    loop {
                        value(reader)?;
                        if !reader.next(b']')? {
                            break;
                        }
                    }
                }
            }
            b'"' => drop(reader.string()?),
            b't' => reader.literal(b"true")?,
            b'f' => reader.literal(b"false")?,
            b'n' => reader.literal(b"null")?,
            _ => drop(reader.number()?),
        }
        Ok(())
    }

    /// Decoding escapes must give what `serde_json` gives, and fail where it fails.
    #[test]
    fn escapes_decode_as_serde_json_decodes_them() {
        let pieces = [
            "a",
            // Longer than a word: the plain runs are copied eight bytes at a time.
            "0123456789abcdef",
            "é",
            "😀",
            "\\\"",
            "\\\\",
            "\\/",
            "\\b",
            "\\f",
            "\\n",
            "\\r",
            "\\t",
            "\\u0041",
            "\\u00e9",
            "\\u4E2D",
            "\\ud83d",
            "\\ude00",
            "\\uD83D\\uDE00",
            "\\uDBFF",
            "\\uFFFF",
            "\\u0000",
        ];
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..50_000 {
            let literal: String = std::iter::once("\"")
                .chain((0..rng.usize(0..12)).map(|_| pieces[rng.usize(..pieces.len())]))
                .chain(std::iter::once("\""))
                .collect();
            let expected = serde_json::from_str::<String>(&literal).ok();
            let mut reader = Reader::new(&literal);
            let ours = match reader.string() {
                Ok(value) => Some(value.into_owned()),
                Err(Stop::Syntax(_)) => None,
                Err(Stop::Grammar(at)) => panic!("{literal}: grammar stop at {at}"),
            };
            assert_eq!(ours, expected, "{literal}");
        }
    }

    /// `Some(offset)` where the grammar stops the reader; `None` if it reads it all.
    fn grammar_stop(text: &str) -> Option<usize> {
        let mut reader = Reader::new(text);
        match value(&mut reader).and_then(|()| reader.end()) {
            Ok(()) | Err(Stop::Syntax(_)) => None,
            Err(Stop::Grammar(offset)) => Some(offset),
        }
    }

    /// The reader must take exactly the texts `serde_json` takes: a text it passed that is not
    /// JSON would be checked as if it were, and one it stopped at that is would get no word.
    #[test]
    fn the_reader_takes_what_serde_json_takes() {
        let seeds = [
            r#"{"a": [1, -2.5e+3, 0, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9y"], "b": {}}"#,
            r#"[{"k": "v"}, [], [[]], -0, 1E9, 0.5, "é中😀"]"#,
            "\t\n\r {\"a\" :\n1 }  ",
        ];
        // Bytes that matter to the grammar, and a few that do not belong anywhere.
        let alphabet: Vec<char> = "{}[]:,\"\\/0123456789-+.eEtrufalsn \t\n\rxu\u{1}é"
            .chars()
            .collect();
        let mut rng = fastrand::Rng::with_seed(3);
        let (mut accepted, mut rejected) = (0, 0);
        for _ in 0..200_000 {
            let mut text: Vec<char> = seeds[rng.usize(..seeds.len())].chars().collect();
            for _ in 0..rng.usize(1..4) {
                let at = rng.usize(0..=text.len());
                match rng.u8(0..3) {
                    0 => text.insert(at, alphabet[rng.usize(..alphabet.len())]),
                    1 if at < text.len() => drop(text.remove(at)),
                    _ if at < text.len() => text[at] = alphabet[rng.usize(..alphabet.len())],
                    _ => {}
                }
            }
            let text: String = text.into_iter().collect();
            let serde = serde_json::from_str::<&serde_json::value::RawValue>(&text).is_ok();
            let ours = grammar_stop(&text);
            assert_eq!(ours.is_none(), serde, "{text:?}: stopped at {ours:?}");
            if serde {
                accepted += 1;
            } else {
                rejected += 1;
            }
        }
        assert!(
            accepted > 10_000 && rejected > 10_000,
            "{accepted} {rejected}"
        );
    }
}
