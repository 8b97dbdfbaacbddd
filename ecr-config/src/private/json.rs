//! Compile-time-capable check that a string is a complete JSON text (RFC 8259), backing the
//! JSON Schema keyword `contentMediaType: "application/json"`.
//!
//! Acceptance is exactly that of `serde_json::from_str::<serde::de::IgnoredAny>`, which is the
//! RFC grammar: lone UTF-16 surrogate escapes such as `"\ud800"` are accepted, because the
//! grammar allows any four hex digits and `IgnoredAny` does not decode them. The one deliberate
//! difference is nesting: `IgnoredAny` has no depth limit, but an allocation-free check needs
//! one, so it uses the limit `serde_json` enforces everywhere else (e.g. for
//! `serde_json::Value`): 127 nested arrays/objects are accepted, the 128th is rejected.
//!
//! A policy spends most of its bytes inside strings and, pretty-printed, in indentation, so
//! those are read eight bytes at a time (bit tricks on a `u64`, which `const fn` allows); the
//! helpers of the main loop are `#[inline(always)]` so that its state stays in registers.
//! `json/reference.rs` keeps the byte-at-a-time checker this replaced, and the tests require
//! the same offset and reason from both on every input they try.

// Measured with callgrind on the compact policy of `benches/validate.rs`: with `#[inline]`
// LLVM keeps the string and whitespace helpers out of line, 2,347 instructions a check
// instead of 1,697.
#![allow(clippy::inline_always)]

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
/// so hostile nesting costs neither heap nor call stack. Whitespace is skipped before every
/// token is looked at, so each step below starts on a token or at the end.
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
        if i == len {
            return fail(i, JsonTextReason::UnexpectedEnd);
        }
        let c = b[i];
        match c {
            b'[' | b'{' => {
                if depth == MAX_DEPTH {
                    return fail(i, JsonTextReason::TooDeep);
                }
                i = skip_ws(b, i + 1);
                // `[` + 2 == `]` and `{` + 2 == `}` in ASCII.
                if i < len && b[i] == c + 2 {
                    i += 1;
                } else {
                    depth += 1;
                    stack = (stack << 1) | (c == b'{') as u128;
                    if c == b'{' {
                        i = skip_ws(b, tri!(object_key(b, i)));
                    }
                    continue 'value;
                }
            }
            b'"' => i = tri!(string(b, i)),
            b'-' | b'0'..=b'9' => i = tri!(number(b, i)),
            b't' => i = tri!(literal(b, i, b"true")),
            b'f' => i = tri!(literal(b, i, b"false")),
            b'n' => i = tri!(literal(b, i, b"null")),
            _ => return fail(i, JsonTextReason::UnexpectedCharacter),
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
                i = skip_ws(b, i + 1);
                if in_object {
                    i = skip_ws(b, tri!(object_key(b, i)));
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

/// `b[i..]`, for the reads of eight bytes at once: `first_chunk` compiles to one length
/// check and one load.
#[inline]
const fn rest(b: &[u8], i: usize) -> &[u8] {
    b.split_at(i).1
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The offset of the first byte of `word` (little-endian) flagged in `mask`.
#[inline]
pub(crate) const fn first_flagged(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// Skips JSON whitespace from `i`. Most tokens follow no whitespace or one space (`": "`,
/// `", "`), which takes a comparison or two here; the rest is [`skip_more_ws`].
#[inline(always)]
const fn skip_ws(b: &[u8], i: usize) -> usize {
    // Every token starts above the space.
    if i < b.len() && b[i] > b' ' {
        return i;
    }
    if i + 1 < b.len() && b[i] == b' ' && b[i + 1] > b' ' {
        return i + 1;
    }
    skip_more_ws(b, i)
}

/// Whitespace beyond one space: line breaks, tabs, and the indentation of pretty-printed
/// text, whose spaces are skipped eight at a time.
const fn skip_more_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' => i = skip_spaces(b, i + 1),
            _ => return i,
        }
    }
    i
}

/// Skips the spaces from `i`.
#[inline(always)]
const fn skip_spaces(b: &[u8], mut i: usize) -> usize {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    while let Some(chunk) = rest(b, i).first_chunk::<8>() {
        // The first byte that is not a space is the lowest non-zero byte after the xor.
        let other = u64::from_le_bytes(*chunk) ^ SPACES;
        if other != 0 {
            return i + first_flagged(other);
        }
        i += 8;
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    i
}

/// Parses `"key" :` from `b[i]` (whitespace before it already skipped, whitespace before the
/// colon allowed) and returns the offset after the colon.
#[inline(always)]
const fn object_key(b: &[u8], i: usize) -> Result<usize, JsonTextError> {
    if i == b.len() {
        return fail(i, JsonTextReason::UnexpectedEnd);
    }
    if b[i] != b'"' {
        return fail(i, JsonTextReason::UnexpectedCharacter);
    }
    let i = skip_ws(b, tri!(string(b, i)));
    if i == b.len() {
        return fail(i, JsonTextReason::UnexpectedEnd);
    }
    if b[i] != b':' {
        return fail(i, JsonTextReason::UnexpectedCharacter);
    }
    Ok(i + 1)
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

/// The bytes that end the plain run of a string: `"`, `\` and the control characters.
pub(crate) const STRING_STOP: [bool; 256] = {
    let mut stop = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        stop[byte] = true;
        byte += 1;
    }
    stop[b'"' as usize] = true;
    stop[b'\\' as usize] = true;
    stop
};

/// The bytes of `word` (eight bytes of a string, little-endian) that end a plain run: the
/// lowest mark is the first `"`, `\\` or control byte, and there is one if there is any.
/// Bytes >= 0x80 are parts of valid UTF-8 characters (the input is a `&str`) and never stop.
#[inline(always)]
pub(crate) const fn stop_marks(word: u64) -> u64 {
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
    // A byte that is `"` (zero after `^ QUOTES`), `\\` or below 0x20 borrows in its
    // subtraction and sets its high bit; `!word` drops bytes >= 0x80 (xor with an ASCII
    // byte keeps the high bit). A borrow can also mark the bytes above a stop, never one
    // below, so the lowest mark is the first stop.
    let borrows = (word ^ QUOTES).wrapping_sub(ONES)
        | (word ^ BACKSLASHES).wrapping_sub(ONES)
        | word.wrapping_sub(SPACES);
    borrows & !word & HIGHS
}

/// The offset of the first `"`, `\\` or control byte at or after `j`, or `b.len()`: eight
/// bytes at a time while eight remain ([`stop_marks`]), so a string costs a few
/// instructions per word.
#[inline(always)]
pub(crate) const fn plain_run(b: &[u8], mut j: usize) -> usize {
    while let Some(chunk) = rest(b, j).first_chunk::<8>() {
        let stops = stop_marks(u64::from_le_bytes(*chunk));
        if stops != 0 {
            return j + first_flagged(stops);
        }
        j += 8;
    }
    while j < b.len() && !STRING_STOP[b[j] as usize] {
        j += 1;
    }
    j
}

/// `b[i]` is the opening quote; returns the offset after the closing quote.
#[inline(always)]
const fn string(b: &[u8], i: usize) -> Result<usize, JsonTextError> {
    let mut j = i + 1;
    loop {
        j = plain_run(b, j);
        if j == b.len() {
            return fail(j, JsonTextReason::UnexpectedEnd);
        }
        match b[j] {
            b'"' => return Ok(j + 1),
            b'\\' => j = tri!(escape(b, j)),
            _ => return fail(j, JsonTextReason::ControlCharacterInString),
        }
    }
}

/// `b[j]` is a backslash in a string; returns the offset after its escape sequence.
const fn escape(b: &[u8], j: usize) -> Result<usize, JsonTextError> {
    let len = b.len();
    if j + 1 == len {
        return fail(len, JsonTextReason::UnexpectedEnd);
    }
    match b[j + 1] {
        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(j + 2),
        b'u' => {
            // Any four hex digits, surrogate or not, as the RFC grammar and serde_json's
            // `IgnoredAny` allow.
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
            Ok(k)
        }
        _ => fail(j, JsonTextReason::InvalidEscape),
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
mod reference;
#[cfg(test)]
mod tests;
