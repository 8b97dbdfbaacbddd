//! Length counting in Unicode code points, as JSON Schema's `minLength`/`maxLength` count.
//! <https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.1>

/// The number of code points in `s`: its bytes minus the UTF-8 continuation bytes
/// (`0b10xx_xxxx`), counted eight bytes at a time.
pub const fn count_chars(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = s.as_bytes();
    let mut continuation = 0;
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes([
            bytes[i],
            bytes[i + 1],
            bytes[i + 2],
            bytes[i + 3],
            bytes[i + 4],
            bytes[i + 5],
            bytes[i + 6],
            bytes[i + 7],
        ]);
        // Bit 7 set and bit 6 clear, per byte.
        continuation += (word & !(word << 1) & HIGH).count_ones() as usize;
        i += 8;
    }
    while i < bytes.len() {
        continuation += (bytes[i].cast_signed() < -64) as usize;
        i += 1;
    }
    bytes.len() - continuation
}

/// `Ok` when `min <= chars(s) <= max`, else `Err(chars(s))`.
///
/// A string of `n` bytes has between `n / 4` (rounded up) and `n` code points, so most strings
/// are decided from their byte length without counting.
#[inline]
pub const fn chars_within(s: &str, min: usize, max: usize) -> Result<(), usize> {
    let bytes = s.len();
    if bytes <= max && bytes.div_ceil(4) >= min {
        return Ok(());
    }
    let n = count_chars(s);
    if n >= min && n <= max { Ok(()) } else { Err(n) }
}

#[cfg(test)]
mod tests {
    use super::{chars_within, count_chars};

    #[test]
    fn counts_code_points_not_bytes() {
        assert_eq!(count_chars(""), 0);
        assert_eq!(count_chars("AKIAIOSFODNN7EXAMPLE"), 20);
        assert_eq!(count_chars("AKIAIOSFODNN7EXAMPLÉ"), 20);
        assert_eq!(count_chars("😀😀"), 2);
        assert_eq!(count_chars("日本"), 2);
        // Across the eight-byte blocks and the tail.
        for text in ["abcdefghé", "éééééééé", "😀😀😀😀😀", "a😀b😀c😀d😀eé"]
        {
            assert_eq!(count_chars(text), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn bounds_are_inclusive_and_reported_in_code_points() {
        assert_eq!(chars_within("abc", 3, 3), Ok(()));
        assert_eq!(chars_within("ab", 3, 3), Err(2));
        assert_eq!(chars_within("abcd", 3, 3), Err(4));
        assert_eq!(chars_within("ÉÉÉ", 3, 3), Ok(()));
        assert_eq!(chars_within("😀😀😀😀", 1, 4), Ok(()));
        assert_eq!(chars_within("😀😀😀😀😀", 1, 4), Err(5));
        assert_eq!(chars_within("", 1, usize::MAX), Err(0));
    }

    const _: () = assert!(count_chars("AKIAIOSFODNN7EXAMPLÉ") == 20);
    const _: () = assert!(chars_within("x", 1, usize::MAX).is_ok());
}
