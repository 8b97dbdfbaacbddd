//! Compile-time-capable check that a string is a complete JSON text (RFC 8259), backing the
//! JSON Schema keyword `contentMediaType: "application/json"`.
//!
//! Acceptance is exactly that of `serde_json::from_str::<serde::de::IgnoredAny>`, which is the
//! RFC grammar: lone UTF-16 surrogate escapes such as `"\ud800"` are accepted, because the
//! grammar allows any four hex digits and `IgnoredAny` does not decode them. The one deliberate
//! difference is nesting: `IgnoredAny` has no depth limit, but an allocation-free check needs
//! one, so it uses the limit `serde_json` enforces everywhere else (e.g. for
//! `serde_json::Value`): 127 nested arrays/objects are accepted, the 128th is rejected.

/// Deepest nesting of arrays and objects accepted; matches `serde_json`'s default recursion limit
/// (`serde_json::Value` accepts 127 nested containers and rejects 128).
pub const MAX_DEPTH: usize = 127;

/// Why a string is not a JSON text, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonTextError {
    /// Byte offset of the problem; `text.len()` when the input ended too early. Always on a
    /// UTF-8 character boundary.
    pub offset: usize,
    /// What is wrong at `offset`.
    pub reason: JsonTextReason,
}

/// The kind of a [`JsonTextError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonTextReason {
    /// The text is empty or only whitespace.
    Empty,
    /// The input ended inside a value, string, array or object.
    UnexpectedEnd,
    /// A character that cannot start a value, or is not the expected `,` `:` `]` `}` `"`,
    /// or does not continue `true`/`false`/`null`.
    UnexpectedCharacter,
    /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`; `offset` is the `\`.
    InvalidEscape,
    /// A raw byte below 0x20 inside a string; it has to be escaped.
    ControlCharacterInString,
    /// A malformed number (leading zero, missing digits); `offset` is where a digit was needed.
    InvalidNumber,
    /// Something other than whitespace follows the complete value.
    TrailingCharacters,
    /// More than [`MAX_DEPTH`] nested arrays/objects; `offset` is the opening bracket too many.
    TooDeep,
}

impl JsonTextReason {
    /// Short lowercase phrase for error messages.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Empty => "empty JSON text",
            Self::UnexpectedEnd => "unexpected end of input",
            Self::UnexpectedCharacter => "unexpected character",
            Self::InvalidEscape => "invalid escape sequence in string",
            Self::ControlCharacterInString => "unescaped control character in string",
            Self::InvalidNumber => "invalid number",
            Self::TrailingCharacters => "trailing characters after the JSON value",
            Self::TooDeep => "nesting deeper than 127 levels",
        }
    }
}

// `?` is not usable in a `const fn`.
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return Err(e),
        }
    };
}

const fn fail<T>(offset: usize, reason: JsonTextReason) -> Result<T, JsonTextError> {
    Err(JsonTextError { offset, reason })
}

/// Checks that `text` is exactly one JSON value, optionally surrounded by whitespace.
///
/// Iterative and allocation-free: the open containers are a bit stack in a `u128` (1 = object),
/// so hostile nesting costs neither heap nor call stack.
pub const fn check_json_text(text: &str) -> Result<(), JsonTextError> {
    let b = text.as_bytes();
    let len = b.len();
    let mut i = skip_ws(b, 0);
    if i == len {
        return fail(i, JsonTextReason::Empty);
    }
    let mut stack: u128 = 0;
    let mut depth = 0;
    'value: loop {
        i = skip_ws(b, i);
        if i == len {
            return fail(i, JsonTextReason::UnexpectedEnd);
        }
        let c = b[i];
        if c == b'[' || c == b'{' {
            if depth == MAX_DEPTH {
                return fail(i, JsonTextReason::TooDeep);
            }
            depth += 1;
            stack <<= 1;
            if c == b'{' {
                stack |= 1;
            }
            i = skip_ws(b, i + 1);
            // `[` + 2 == `]` and `{` + 2 == `}` in ASCII.
            if i < len && b[i] == c + 2 {
                i += 1;
                depth -= 1;
                stack >>= 1;
            } else {
                if c == b'{' {
                    i = tri!(object_key(b, i));
                }
                continue 'value;
            }
        } else {
            i = tri!(scalar(b, i));
        }
        // A value just ended: close containers until one wants another element.
        loop {
            i = skip_ws(b, i);
            if depth == 0 {
                if i == len {
                    return Ok(());
                }
                return fail(i, JsonTextReason::TrailingCharacters);
            }
            if i == len {
                return fail(i, JsonTextReason::UnexpectedEnd);
            }
            let in_object = stack & 1 == 1;
            if b[i] == b',' {
                i += 1;
                if in_object {
                    i = tri!(object_key(b, i));
                }
                continue 'value;
            }
            if b[i] != if in_object { b'}' } else { b']' } {
                return fail(i, JsonTextReason::UnexpectedCharacter);
            }
            i += 1;
            depth -= 1;
            stack >>= 1;
        }
    }
}

const fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Parses `"key" :` (whitespace allowed around both) and returns the offset after the colon.
const fn object_key(b: &[u8], i: usize) -> Result<usize, JsonTextError> {
    let mut i = skip_ws(b, i);
    if i == b.len() {
        return fail(i, JsonTextReason::UnexpectedEnd);
    }
    if b[i] != b'"' {
        return fail(i, JsonTextReason::UnexpectedCharacter);
    }
    i = skip_ws(b, tri!(string(b, i)));
    if i == b.len() {
        return fail(i, JsonTextReason::UnexpectedEnd);
    }
    if b[i] != b':' {
        return fail(i, JsonTextReason::UnexpectedCharacter);
    }
    Ok(i + 1)
}

/// A string, number or literal starting at `b[i]` (not whitespace, not a bracket).
const fn scalar(b: &[u8], i: usize) -> Result<usize, JsonTextError> {
    match b[i] {
        b'"' => string(b, i),
        b'-' | b'0'..=b'9' => number(b, i),
        b't' => literal(b, i, b"true"),
        b'f' => literal(b, i, b"false"),
        b'n' => literal(b, i, b"null"),
        _ => fail(i, JsonTextReason::UnexpectedCharacter),
    }
}

const fn literal(b: &[u8], i: usize, word: &[u8]) -> Result<usize, JsonTextError> {
    let mut k = 1;
    while k < word.len() {
        if i + k == b.len() {
            return fail(i + k, JsonTextReason::UnexpectedEnd);
        }
        if b[i + k] != word[k] {
            return fail(i + k, JsonTextReason::UnexpectedCharacter);
        }
        k += 1;
    }
    Ok(i + word.len())
}

/// `b[i]` is the opening quote; returns the offset after the closing quote.
const fn string(b: &[u8], i: usize) -> Result<usize, JsonTextError> {
    let len = b.len();
    let mut j = i + 1;
    loop {
        if j == len {
            return fail(j, JsonTextReason::UnexpectedEnd);
        }
        match b[j] {
            b'"' => return Ok(j + 1),
            b'\\' => {
                if j + 1 == len {
                    return fail(len, JsonTextReason::UnexpectedEnd);
                }
                match b[j + 1] {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => j += 2,
                    b'u' => {
                        // Any four hex digits, surrogate or not, as the RFC grammar and
                        // serde_json's `IgnoredAny` allow.
                        let mut k = j + 2;
                        while k < j + 6 {
                            if k == len {
                                return fail(len, JsonTextReason::UnexpectedEnd);
                            }
                            if !b[k].is_ascii_hexdigit() {
                                return fail(j, JsonTextReason::InvalidEscape);
                            }
                            k += 1;
                        }
                        j = k;
                    }
                    _ => return fail(j, JsonTextReason::InvalidEscape),
                }
            }
            0..0x20 => return fail(j, JsonTextReason::ControlCharacterInString),
            // Input is `&str`, so bytes >= 0x80 are parts of valid UTF-8 characters.
            _ => j += 1,
        }
    }
}

/// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; returns the offset after it.
const fn number(b: &[u8], i: usize) -> Result<usize, JsonTextError> {
    let len = b.len();
    let mut j = i;
    if b[j] == b'-' {
        j += 1;
    }
    if j == len {
        return fail(j, JsonTextReason::InvalidNumber);
    }
    match b[j] {
        b'0' => {
            j += 1;
            if j < len && b[j].is_ascii_digit() {
                return fail(j, JsonTextReason::InvalidNumber);
            }
        }
        b'1'..=b'9' => j = digits(b, j + 1),
        _ => return fail(j, JsonTextReason::InvalidNumber),
    }
    if j < len && b[j] == b'.' {
        let start = j + 1;
        j = digits(b, start);
        if j == start {
            return fail(j, JsonTextReason::InvalidNumber);
        }
    }
    if j < len && (b[j] == b'e' || b[j] == b'E') {
        j += 1;
        if j < len && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let start = j;
        j = digits(b, start);
        if j == start {
            return fail(j, JsonTextReason::InvalidNumber);
        }
    }
    Ok(j)
}

const fn digits(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::JsonTextReason::{
        ControlCharacterInString, Empty, InvalidEscape, InvalidNumber, TooDeep, TrailingCharacters,
        UnexpectedCharacter, UnexpectedEnd,
    };
    use super::{JsonTextError, JsonTextReason, MAX_DEPTH, check_json_text};
    use serde::de::IgnoredAny;

    const _: () = assert!(check_json_text("{}").is_ok());
    const _: () = assert!(matches!(
        check_json_text("[1] x"),
        Err(JsonTextError {
            offset: 4,
            reason: TrailingCharacters
        })
    ));

    fn serde_ok(s: &str) -> bool {
        serde_json::from_str::<IgnoredAny>(s).is_ok()
    }

    fn err(s: &str) -> (usize, JsonTextReason) {
        let e = check_json_text(s).expect_err(s);
        (e.offset, e.reason)
    }

    #[test]
    fn accepts_valid_texts_like_serde_json() {
        for s in [
            r#"{"Version":"2012-10-17","Statement":[]}"#,
            " \t\r\n{ \"a\" : [ 1 , -0.5e+3 , true , false , null , { } , [ ] ] } \n",
            "1",
            "-0",
            "0.0e0",
            "1E-07",
            "123456789012345678901234567890e999",
            "\"x\"",
            "true",
            "null",
            r#""\u00e9 é € 😀 \" \\ \/ \b \f \n \r \t""#,
            r#""\ud83d\ude00""#,
            "\"\u{7f}\"",
            // Lone surrogate escapes: grammatical, and accepted by `IgnoredAny`.
            r#"["\ud800", "\udc00", "\ud800x", "\ud800\u0041", "\uDBFF\uDBFF"]"#,
        ] {
            assert_eq!(check_json_text(s), Ok(()), "{s:?}");
            assert!(serde_ok(s), "{s:?}");
        }
    }

    #[test]
    fn each_reason_with_offset() {
        let cases: &[(&str, usize, JsonTextReason)] = &[
            ("", 0, Empty),
            ("  ", 2, Empty),
            (" \n\t\r", 4, Empty),
            ("{", 1, UnexpectedEnd),
            ("[1,", 3, UnexpectedEnd),
            ("{\"a\"", 4, UnexpectedEnd),
            ("\"abc", 4, UnexpectedEnd),
            ("\"\\", 2, UnexpectedEnd),
            ("\"\\u12", 5, UnexpectedEnd),
            ("tru", 3, UnexpectedEnd),
            ("{\"a\":1,}", 7, UnexpectedCharacter),
            ("[1,]", 3, UnexpectedCharacter),
            ("[1 2]", 3, UnexpectedCharacter),
            ("{1:2}", 1, UnexpectedCharacter),
            ("{\"a\" 1}", 5, UnexpectedCharacter),
            ("[}", 1, UnexpectedCharacter),
            ("{]", 1, UnexpectedCharacter),
            ("[1}", 2, UnexpectedCharacter),
            ("trUe", 2, UnexpectedCharacter),
            ("\u{feff}1", 0, UnexpectedCharacter),
            ("+1", 0, UnexpectedCharacter),
            (".5", 0, UnexpectedCharacter),
            ("'a'", 0, UnexpectedCharacter),
            ("\u{a0}1", 0, UnexpectedCharacter),
            ("\"\\x\"", 1, InvalidEscape),
            ("\"ab\\u12g4\"", 3, InvalidEscape),
            ("\"\\u12\"", 1, InvalidEscape),
            ("\"\\U0041\"", 1, InvalidEscape),
            ("\"a\tb\"", 2, ControlCharacterInString),
            ("\"\0\"", 1, ControlCharacterInString),
            ("\"\n\"", 1, ControlCharacterInString),
            ("01", 1, InvalidNumber),
            ("-01", 2, InvalidNumber),
            ("1.", 2, InvalidNumber),
            ("1.e5", 2, InvalidNumber),
            ("1e", 2, InvalidNumber),
            ("1e+", 3, InvalidNumber),
            ("-", 1, InvalidNumber),
            ("-a", 1, InvalidNumber),
            ("[-]", 2, InvalidNumber),
            ("[1] x", 4, TrailingCharacters),
            ("1 2", 2, TrailingCharacters),
            ("{}}", 2, TrailingCharacters),
            ("0x1", 1, TrailingCharacters),
            ("nullx", 4, TrailingCharacters),
        ];
        for &(s, offset, reason) in cases {
            assert_eq!(err(s), (offset, reason), "{s:?}");
            assert!(!serde_ok(s), "serde_json accepts {s:?}");
        }
    }

    fn nested(n: usize, object: bool) -> String {
        let (open, close) = if object { ("{\"k\":", "}") } else { ("[", "]") };
        open.repeat(n) + "0" + &close.repeat(n)
    }

    #[test]
    fn depth_limit_is_serde_json_recursion_limit() {
        for object in [false, true] {
            for n in 120..=135 {
                let s = nested(n, object);
                let value_ok = serde_json::from_str::<serde_json::Value>(&s).is_ok();
                assert_eq!(check_json_text(&s).is_ok(), value_ok, "depth {n}");
                assert_eq!(value_ok, n <= MAX_DEPTH, "depth {n}");
                // `IgnoredAny` has no limit; this is the one intended difference.
                assert!(serde_ok(&s));
            }
        }
        let mixed = "[{\"a\":".repeat(64) + &"}]".repeat(64);
        assert_eq!(err(&mixed).1, TooDeep);
        assert_eq!(err(&"[".repeat(100_000)), (MAX_DEPTH, TooDeep));
        assert!(check_json_text(&("[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH))).is_ok());
        assert_eq!(
            JsonTextReason::TooDeep.describe(),
            format!("nesting deeper than {MAX_DEPTH} levels")
        );
    }

    type Rng = fastrand::Rng;

    fn pick<T: Copy>(r: &mut Rng, items: &[T]) -> T {
        items[r.usize(..items.len())]
    }

    fn ws(r: &mut Rng, out: &mut String) {
        while r.usize(..4) == 0 {
            out.push(pick(r, &[' ', '\t', '\n', '\r']));
        }
    }

    fn gen_string(r: &mut Rng, out: &mut String) {
        out.push('"');
        for _ in 0..r.usize(..6) {
            match r.usize(..6) {
                0 => out.push_str(pick(
                    r,
                    &["\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"],
                )),
                1 => {
                    let hex = [
                        "0041", "00e9", "D83D", "de00", "d800", "DBFF", "dfff", "FFFF",
                    ];
                    out.push_str("\\u");
                    out.push_str(pick(r, &hex));
                }
                2 => out.push(pick(r, &['é', '€', '😀', '\u{7f}', '\u{a0}'])),
                _ => out.push(pick(r, &['a', 'z', 'Q', ' ', '0', '{', ']', ':', ','])),
            }
        }
        out.push('"');
    }

    fn gen_number(r: &mut Rng, out: &mut String) {
        if r.usize(..3) == 0 {
            out.push('-');
        }
        if r.usize(..3) == 0 {
            out.push('0');
        } else {
            out.push(pick(r, &['1', '5', '9']));
            for _ in 0..r.usize(..4) {
                out.push(pick(r, &['0', '3', '7']));
            }
        }
        if r.usize(..3) == 0 {
            out.push('.');
            for _ in 0..=r.usize(..3) {
                out.push(pick(r, &['0', '4', '9']));
            }
        }
        if r.usize(..3) == 0 {
            out.push(pick(r, &['e', 'E']));
            if r.usize(..2) == 0 {
                out.push(pick(r, &['+', '-']));
            }
            for _ in 0..=r.usize(..3) {
                out.push(pick(r, &['0', '2', '8']));
            }
        }
    }

    fn gen_value(r: &mut Rng, depth: usize, out: &mut String) {
        ws(r, out);
        match r.usize(..if depth == 0 { 5 } else { 7 }) {
            0 => gen_string(r, out),
            1 => gen_number(r, out),
            2 => out.push_str(pick(r, &["true", "false", "null"])),
            3 | 4 if depth == 0 => gen_string(r, out),
            3 | 5 => {
                out.push('[');
                for k in 0..r.usize(..4) {
                    if k > 0 {
                        out.push(',');
                    }
                    gen_value(r, depth - 1, out);
                }
                ws(r, out);
                out.push(']');
            }
            _ => {
                out.push('{');
                for k in 0..r.usize(..4) {
                    if k > 0 {
                        out.push(',');
                    }
                    ws(r, out);
                    gen_string(r, out);
                    ws(r, out);
                    out.push(':');
                    gen_value(r, depth - 1, out);
                }
                ws(r, out);
                out.push('}');
            }
        }
        ws(r, out);
    }

    /// Deepest container nesting of a text `serde_json` accepted (so strings are well formed).
    fn max_depth(s: &str) -> usize {
        let (mut depth, mut max, mut in_str, mut escaped) = (0, 0, false, false);
        for c in s.bytes() {
            if in_str {
                (in_str, escaped) = (escaped || c != b'"', !escaped && c == b'\\');
            } else if c == b'"' {
                in_str = true;
            } else if c == b'[' || c == b'{' {
                depth += 1;
                max = max.max(depth);
            } else if c == b']' || c == b'}' {
                depth -= 1;
            }
        }
        max
    }

    fn assert_agrees(s: &str) -> bool {
        let expected = serde_ok(s) && max_depth(s) <= MAX_DEPTH;
        let got = check_json_text(s);
        assert_eq!(
            got.is_ok(),
            expected,
            "disagreement with serde_json on {s:?}: {got:?}"
        );
        if let Err(e) = got {
            assert!(
                e.offset <= s.len() && s.is_char_boundary(e.offset),
                "{s:?}: {e:?}"
            );
        }
        expected
    }

    const ALPHABET: &str =
        "{}[]:,\"\\/bfnrtu0123456789.eE+- \t\n\raxlsZ\u{e9}\u{20ac}\u{1f600}\0\u{1}\u{1f}\u{7f}";

    #[test]
    fn differential_against_serde_json() {
        let alphabet: Vec<char> = ALPHABET.chars().collect();
        let mut r = Rng::with_seed(0x9E37_79B9_7F4A_7C15);
        let (mut inputs, mut accepted) = (0, 0);
        let mut doc = String::new();
        while inputs < 200_000 {
            doc.clear();
            if r.usize(..50) == 0 {
                // Near the depth limit, with random container kinds.
                let n = 120 + r.usize(..16);
                let kinds: Vec<bool> = (0..n).map(|_| r.usize(..2) == 0).collect();
                for &object in &kinds {
                    doc.push_str(if object { "{\"\":" } else { "[" });
                }
                gen_value(&mut r, 1, &mut doc);
                for &object in kinds.iter().rev() {
                    doc.push(if object { '}' } else { ']' });
                }
            } else {
                let depth = r.usize(..5);
                gen_value(&mut r, depth, &mut doc);
            }
            assert!(serde_ok(&doc), "generator produced invalid JSON {doc:?}");
            accepted += usize::from(assert_agrees(&doc));
            let mut chars: Vec<char> = doc.chars().collect();
            for _ in 0..=r.usize(..3) {
                let at = r.usize(..=chars.len());
                match r.usize(..4) {
                    0 if at < chars.len() => drop(chars.remove(at)),
                    1 if at < chars.len() => chars[at] = pick(&mut r, &alphabet),
                    2 => chars.truncate(at),
                    _ => chars.insert(at, pick(&mut r, &alphabet)),
                }
            }
            let mutated: String = chars.into_iter().collect();
            accepted += usize::from(assert_agrees(&mutated));
            inputs += 2;
        }
        // Guard against a generator that degenerates to all-valid or all-invalid input.
        assert!(
            (inputs / 3..inputs * 9 / 10).contains(&accepted),
            "{accepted} of {inputs}"
        );
    }
}
