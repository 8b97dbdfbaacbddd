//! The checker as it was before it read eight bytes at a time: one byte per step, every rule
//! spelled out once. The tests hold the fast checker to it, offset and reason alike, so the
//! errors users see do not move when the fast paths change.

use super::{JsonTextError, JsonTextReason, MAX_DEPTH};

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
pub(super) const fn check_json_text(text: &str) -> Result<(), JsonTextError> {
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
