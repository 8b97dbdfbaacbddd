//! Length counting in Unicode code points, as JSON Schema's `minLength`/`maxLength` count.
//! <https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.1>

/// The number of code points in `s`: its bytes minus the UTF-8 continuation bytes
/// (`0b10xx_xxxx`), counted eight bytes at a time.
pub const fn count_chars(s: &str) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut rest = s.as_bytes();
    let mut continuation = 0;
    // `split_first_chunk` is one load per word, where eight indexed bytes were eight bounds
    // checks.
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        let word = u64::from_le_bytes(*chunk);
        // Bit 7 set and bit 6 clear, per byte, moved down to a 1 per byte; the multiply
        // sums the eight bytes into the top one (at most 8, so nothing carries out).
        let marks = (word & !(word << 1) & HIGH) >> 7;
        continuation += (marks.wrapping_mul(ONES) >> 56) as usize;
        rest = tail;
    }
    while let [byte, tail @ ..] = rest {
        continuation += (byte.cast_signed() < -64) as usize;
        rest = tail;
    }
    s.len() - continuation
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
