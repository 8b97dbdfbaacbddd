//! Did-you-mean: the allowed name closest to a misspelt one, within two edits (optimal
//! string alignment: insertions, deletions, substitutions, adjacent transpositions). `const
//! fn`s, so that the compile-time checker and the runtime word their suggestions alike.

/// Strings longer than this (in code points) get no did-you-mean.
const SUGGEST_MAX_CHARS: usize = 64;

/// The most edits a near miss may take.
const NEAR: usize = 2;

/// The allowed value closest to a near miss: the same letters in another case, or a typo or
/// two (optimal string alignment distance: edits and adjacent transpositions). Used by the
/// runtime too, so both word their suggestions alike.
pub const fn closest(value: &str, candidates: &[&'static str]) -> Option<&'static str> {
    let mut i = 0;
    while i < candidates.len() {
        if candidates[i].eq_ignore_ascii_case(value) {
            return Some(candidates[i]);
        }
        i += 1;
    }
    let Some(value) = Word::of(value) else {
        return None;
    };
    // The first of the nearest.
    let mut best: Option<(usize, &'static str)> = None;
    let mut i = 0;
    while i < candidates.len() {
        let candidate = candidates[i];
        i += 1;
        let Some(distance) = value.near_miss(candidate) else {
            continue;
        };
        match best {
            Some((nearest, _)) if nearest <= distance => {}
            _ => best = Some((distance, candidate)),
        }
        if distance == 1 {
            // Nothing nearer can follow: 0 is the same letters, found above.
            break;
        }
    }
    match best {
        Some((_, candidate)) => Some(candidate),
        None => None,
    }
}

/// The edit distance of `value` from `candidate` if it makes a near miss: within two edits
/// and fewer than the shorter one's length.
pub(crate) const fn near_miss(value: &str, candidate: &str) -> Option<usize> {
    match Word::of(value) {
        Some(value) => value.near_miss(candidate),
        None => None,
    }
}

/// A string of at most [`SUGGEST_MAX_CHARS`] code points, to compare with candidates.
struct Word<'a> {
    text: &'a str,
    /// Its code points.
    len: usize,
    /// ASCII (the usual case): the bit-parallel distance; otherwise the banded one.
    ascii: bool,
}

impl<'a> Word<'a> {
    /// `None` beyond [`SUGGEST_MAX_CHARS`] code points: such a string is no near miss.
    const fn of(text: &'a str) -> Option<Word<'a>> {
        let bytes = text.as_bytes();
        let ascii = bytes.is_ascii();
        let len = if ascii {
            bytes.len()
        } else {
            code_points(bytes)
        };
        if len > SUGGEST_MAX_CHARS {
            return None;
        }
        Some(Word { text, len, ascii })
    }

    const fn near_miss(&self, candidate: &str) -> Option<usize> {
        let (len, bytes) = (self.len, candidate.as_bytes());
        // Every edit changes the length by one at most, and a code point takes one to four
        // bytes: the bytes first, the code points only when they may differ from them.
        if bytes.len() + NEAR < len {
            return None;
        }
        if self.ascii && bytes.len() <= len + NEAR && bytes.len() <= SUGGEST_MAX_CHARS {
            return ascii_near_miss(self.text.as_bytes(), bytes);
        }
        let chars = code_points(bytes);
        if chars.abs_diff(len) > NEAR || chars > SUGGEST_MAX_CHARS {
            return None;
        }
        if self.ascii {
            return ascii_near_miss(self.text.as_bytes(), bytes);
        }
        let (Some(value), Some(other)) = (Points::of(self.text), Points::of(candidate)) else {
            return None;
        };
        match value.distance_within(&other) {
            Some(distance) if distance < len && distance < chars => Some(distance),
            _ => None,
        }
    }
}

/// A string's code points, at most [`SUGGEST_MAX_CHARS`] of them: its bytes if it is ASCII
/// (read in place), decoded otherwise.
struct Points<'a> {
    ascii: &'a [u8],
    decoded: Option<[u32; SUGGEST_MAX_CHARS]>,
    len: usize,
}

impl<'a> Points<'a> {
    /// `None` beyond [`SUGGEST_MAX_CHARS`] code points.
    const fn of(text: &'a str) -> Option<Points<'a>> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            if bytes.len() > SUGGEST_MAX_CHARS {
                return None;
            }
            return Some(Points {
                ascii: bytes,
                decoded: None,
                len: bytes.len(),
            });
        }
        let mut points = [0u32; SUGGEST_MAX_CHARS];
        let (mut i, mut len) = (0, 0);
        while i < bytes.len() {
            if len == SUGGEST_MAX_CHARS {
                return None;
            }
            let lead = bytes[i] as u32;
            let (mut code, width) = match lead {
                0x00..=0x7F => (lead, 1),
                0xC0..=0xDF => (lead & 0x1F, 2),
                0xE0..=0xEF => (lead & 0x0F, 3),
                _ => (lead & 0x07, 4),
            };
            let mut k = 1;
            while k < width {
                code = (code << 6) | (bytes[i + k] as u32 & 0x3F);
                k += 1;
            }
            points[len] = code;
            len += 1;
            i += width;
        }
        Some(Points {
            ascii: &[],
            decoded: Some(points),
            len,
        })
    }

    /// The code point at `i`.
    const fn at(&self, i: usize) -> u32 {
        match &self.decoded {
            Some(points) => points[i],
            None => self.ascii[i] as u32,
        }
    }

    /// The optimal string alignment distance to `other` (whose length is within [`NEAR`] of
    /// this one's), if it is at most [`NEAR`]. Only the cells within [`NEAR`] of the diagonal
    /// are computed (the others are farther), and the rows stop as soon as one has no cell
    /// within reach.
    ///
    /// A row keeps the band: cell `(i, j)` at `j + NEAR + 1 - i`, so that the cell above is
    /// at the next index of the previous row, the diagonal ones at the same index, and both
    /// ends hold `FAR`.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "a cell is at most `NEAR + 1`; the row and column written are at most `NEAR`"
    )]
    #[expect(
        clippy::many_single_char_names,
        reason = "the textbook names: strings a and b of lengths n and m, cell i, j"
    )]
    const fn distance_within(&self, other: &Points<'_>) -> Option<usize> {
        const WIDTH: usize = 2 * NEAR + 3;
        const FAR: u8 = NEAR as u8 + 1;
        // What both begin or end with costs no edit: only the rest is aligned, `a` from `p`
        // on, `b` from `p` on, `n` and `m` long.
        let mut p = 0;
        while p < self.len && p < other.len && self.at(p) == other.at(p) {
            p += 1;
        }
        let (mut n, mut m) = (self.len - p, other.len - p);
        while n > 0 && m > 0 && self.at(p + n - 1) == other.at(p + m - 1) {
            n -= 1;
            m -= 1;
        }
        let (a, b) = (self, other);
        // Rows i - 2, i - 1 and i of the edit matrix, at `rows[i % 3]`.
        let mut rows = [[FAR; WIDTH]; 3];
        let mut j = 0;
        while j <= m && j <= NEAR {
            rows[0][j + NEAR + 1] = j as u8;
            j += 1;
        }
        let mut i = 1;
        while i <= n {
            let (current, previous, before) = (i % 3, (i - 1) % 3, (i + 1) % 3);
            rows[current] = [FAR; WIDTH];
            let mut nearest = FAR;
            if i <= NEAR {
                // Cell (i, 0).
                rows[current][NEAR + 1 - i] = i as u8;
                nearest = i as u8;
            }
            let low = if i > NEAR { i - NEAR } else { 1 };
            let high = if i + NEAR < m { i + NEAR } else { m };
            let mut j = low;
            while j <= high {
                let d = j + NEAR + 1 - i;
                let cost = (a.at(p + i - 1) != b.at(p + j - 1)) as u8;
                let mut best = rows[previous][d + 1] + 1;
                if rows[current][d - 1] + 1 < best {
                    best = rows[current][d - 1] + 1;
                }
                if rows[previous][d] + cost < best {
                    best = rows[previous][d] + cost;
                }
                if i > 1
                    && j > 1
                    && a.at(p + i - 1) == b.at(p + j - 2)
                    && a.at(p + i - 2) == b.at(p + j - 1)
                    && rows[before][d] + 1 < best
                {
                    best = rows[before][d] + 1;
                }
                if best > FAR {
                    best = FAR;
                }
                rows[current][d] = best;
                if best < nearest {
                    nearest = best;
                }
                j += 1;
            }
            if nearest > NEAR as u8 {
                return None;
            }
            i += 1;
        }
        let distance = rows[n % 3][m + NEAR + 1 - n] as usize;
        if distance > NEAR {
            None
        } else {
            Some(distance)
        }
    }
}

// The bit-parallel distance keeps a column in a `u64`, a bit a code point of the value.
const _: () = assert!(SUGGEST_MAX_CHARS <= 64);

/// [`near_miss`] of an ASCII `value` and a `candidate` (UTF-8), of at most
/// [`SUGGEST_MAX_CHARS`] code points each.
const fn ascii_near_miss(value: &[u8], candidate: &[u8]) -> Option<usize> {
    // What both begin or end with costs no edit: only `tail` (of the value) and `rest` (of
    // the candidate) are aligned. The bytes matched are ASCII, whole code points.
    let p = common_prefix(value, candidate);
    // On the whole strings, to compare eight bytes at a time; then clear of the prefix.
    let mut q = common_suffix(value, candidate);
    let (_, tail) = value.split_at(p);
    let (_, rest) = candidate.split_at(p);
    if q > tail.len() {
        q = tail.len();
    }
    if q > rest.len() {
        q = rest.len();
    }
    let (tail, _) = tail.split_at(tail.len() - q);
    let (rest, _) = rest.split_at(rest.len() - q);
    let distance = if tail.is_empty() {
        code_points(rest)
    } else if rest.is_empty() {
        tail.len()
    } else {
        match aligned(tail, rest) {
            Some(distance) => distance,
            None => return None,
        }
    };
    // More than `4 * NEAR` bytes are more than `NEAR` code points; fewer are counted.
    if distance <= NEAR
        && distance < value.len()
        && (candidate.len() > 4 * NEAR || distance < code_points(candidate))
    {
        Some(distance)
    } else {
        None
    }
}

/// The optimal string alignment distance of `a` (ASCII, 1 to 64 bytes) and `b` (UTF-8, not
/// empty), if it is at most [`NEAR`].
///
/// First a bound: each code point of one that the other lacks takes an edit of its own (an
/// insertion or a substitution). Then the distance a column of the edit matrix at a time,
/// each column as bit vectors of the differences between vertically adjacent cells (Hyyrö,
/// "A bit-vector algorithm for computing Levenshtein and Damerau edit distances", Nordic
/// Journal of Computing, 2003; the variant with transpositions): `a`'s bytes are the rows,
/// `b`'s code points the columns. The columns stop as soon as the distance can no longer be
/// within [`NEAR`].
#[expect(
    clippy::many_single_char_names,
    reason = "the paper's names: strings a and b, bit vectors vp, vn, hp, hn, d0"
)]
const fn aligned(a: &[u8], b: &[u8]) -> Option<usize> {
    // The bytes in each, a bit each (`byte % 64`: a byte may seem present for another's
    // sake, which only lowers the bound), how many of one the other lacks, and the code
    // points of `b`, `m`.
    let (mut in_a, mut in_b, mut rest) = (0u64, 0u64, a);
    while let [byte, after @ ..] = rest {
        in_a |= 1 << (*byte & 63);
        rest = after;
    }
    let (mut lacking, mut m) = (0, 0);
    rest = b;
    while let [byte, after @ ..] = rest {
        rest = after;
        if *byte < 0x80 {
            in_b |= 1 << (*byte & 63);
            lacking += (in_a & (1 << (*byte & 63)) == 0) as usize;
            m += 1;
        } else if *byte >= 0xC0 {
            // A code point beyond ASCII, at its first byte.
            lacking += 1;
            m += 1;
        }
        if lacking > NEAR {
            return None;
        }
    }
    (lacking, rest) = (0, a);
    while let [byte, after @ ..] = rest {
        rest = after;
        lacking += (in_b & (1 << (*byte & 63)) == 0) as usize;
        if lacking > NEAR {
            return None;
        }
    }
    // `a` eight bytes a word, little-endian: byte `i` in word `i / 8`.
    let mut words = [0u64; SUGGEST_MAX_CHARS.div_ceil(8)];
    let (mut w, mut shift) = (0, 0);
    rest = a;
    while let Some((chunk, after)) = rest.split_first_chunk::<8>() {
        words[w] = u64::from_le_bytes(*chunk);
        (rest, w) = (after, w + 1);
    }
    while let [byte, after @ ..] = rest {
        words[w] |= (*byte as u64) << shift;
        (rest, shift) = (after, shift + 8);
    }
    let (n, used) = (a.len(), a.len().div_ceil(8));
    // The cell in column `j` of the diagonal that ends at the last cell (row `n + j - m`,
    // from the first column that has that row). Cells never fall along a diagonal, and the
    // end is no nearer from any other cell of the column, so once it is past `NEAR` the
    // distance is too; in the last column it is the distance.
    let mut diagonal = n.saturating_sub(m);
    // Vertical differences +1 and -1, the diagonal zero differences, and the previous
    // column's matches.
    let (mut vp, mut vn, mut d0, mut previous) = (u64::MAX, 0u64, 0u64, 0u64);
    let mut j = 0;
    rest = b;
    while let [byte, after @ ..] = rest {
        rest = after;
        let matches = if *byte < 0x80 {
            // The rows whose byte it is, a word at a time. (NUL matches the zeros past `a`
            // too: rows above the last, which carries and shifts, going up, never reach.)
            let spread = *byte as u64 * 0x0101_0101_0101_0101;
            let (mut matches, mut w) = (0, 0);
            while w < used {
                matches |= zero_bytes(words[w] ^ spread) << (8 * w);
                w += 1;
            }
            matches
        } else if *byte < 0xC0 {
            // A continuation byte: the code point is a column already.
            continue;
        } else {
            // Not in `a`.
            0
        };
        j += 1;
        // Adjacent transpositions: row `i` matches the previous column and row `i - 1`
        // this one, where the previous diagonal step cost an edit.
        let transposed = ((!d0 & matches) << 1) & previous;
        d0 = (((matches & vp).wrapping_add(vp)) ^ vp) | matches | vn | transposed;
        let hp = vn | !(d0 | vp);
        let hn = d0 & vp;
        let hp = (hp << 1) | 1;
        vp = (hn << 1) | !(d0 | hp);
        vn = hp & d0;
        previous = matches;
        if n + j > m {
            // One more, unless the step was free (bit `i - 1` of `d0` for row `i`).
            diagonal += 1 - ((d0 >> (n + j - m - 1)) & 1) as usize;
        } else if n + j == m {
            // Row 0.
            diagonal = j;
        }
        if diagonal > NEAR {
            return None;
        }
    }
    Some(diagonal)
}

/// Bit `i` set for each zero byte `i` of `x`.
const fn zero_bytes(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // 0x80 in each zero byte, exactly (no carry crosses a byte)...
    let high = !(((x & LOW) + LOW) | x | LOW);
    // ...gathered into the top byte: the product puts byte `i`'s bit at `56 + i`, and no
    // two of its terms share a bit, so nothing carries.
    (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// How many bytes `a` and `b` begin with alike, compared eight at a time where they can be.
const fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let (mut a, mut b, mut alike) = (a, b, 0);
    while let (Some((x, after_x)), Some((y, after_y))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        let differ = u64::from_le_bytes(*x) ^ u64::from_le_bytes(*y);
        if differ != 0 {
            // The first byte that differs is the lowest.
            return alike + (differ.trailing_zeros() / 8) as usize;
        }
        (a, b, alike) = (after_x, after_y, alike + 8);
    }
    while let ([x, after_x @ ..], [y, after_y @ ..]) = (a, b)
        && *x == *y
    {
        (a, b, alike) = (after_x, after_y, alike + 1);
    }
    alike
}

/// How many bytes `a` and `b` end with alike, as [`common_prefix`].
const fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let (mut a, mut b, mut alike) = (a, b, 0);
    while let (Some((before_x, x)), Some((before_y, y))) =
        (a.split_last_chunk::<8>(), b.split_last_chunk::<8>())
    {
        let differ = u64::from_le_bytes(*x) ^ u64::from_le_bytes(*y);
        if differ != 0 {
            // The last byte that differs is the highest.
            return alike + (differ.leading_zeros() / 8) as usize;
        }
        (a, b, alike) = (before_x, before_y, alike + 8);
    }
    while let ([before_x @ .., x], [before_y @ .., y]) = (a, b)
        && *x == *y
    {
        (a, b, alike) = (before_x, before_y, alike + 1);
    }
    alike
}

/// The code points of UTF-8 `bytes`, counted.
const fn code_points(bytes: &[u8]) -> usize {
    let (mut i, mut count) = (0, 0);
    while i < bytes.len() {
        // Continuation bytes are 0b10xx_xxxx.
        count += ((bytes[i] & 0xC0) != 0x80) as usize;
        i += 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::{NEAR, SUGGEST_MAX_CHARS, closest, near_miss};

    /// The whole edit matrix, unbounded: what the bit-parallel and banded distances must
    /// agree with.
    fn osa(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    }

    fn expected(a: &str, b: &str) -> Option<usize> {
        let (n, m) = (a.chars().count(), b.chars().count());
        if n > SUGGEST_MAX_CHARS || m > SUGGEST_MAX_CHARS {
            return None;
        }
        let distance = osa(a, b);
        (distance <= NEAR && distance < n && distance < m).then_some(distance)
    }

    /// [`closest`] from the whole matrix: the same letters in another case, else the first
    /// of the nearest.
    fn expected_closest(value: &str, candidates: &[&'static str]) -> Option<&'static str> {
        if let Some(same) = candidates.iter().find(|c| c.eq_ignore_ascii_case(value)) {
            return Some(same);
        }
        let mut best: Option<(usize, &'static str)> = None;
        for &candidate in candidates {
            if let Some(distance) = expected(value, candidate)
                && best.is_none_or(|(nearest, _)| distance < nearest)
            {
                best = Some((distance, candidate));
            }
        }
        best.map(|(_, candidate)| candidate)
    }

    /// Small alphabets, so that near misses and transpositions are common: ASCII (the
    /// bit-parallel distance), with code points beyond it (the banded one, or a column no
    /// ASCII byte matches), and a larger one, where letters one lacks often rule out a
    /// near miss early (and NUL, as the zero bytes after a word).
    const ALPHABETS: [&[char]; 3] = [
        &['a', 'b', 'c', '-', 'A'],
        &['a', 'b', 'c', '-', 'é', '中'],
        &[
            'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', '_', '\0', '\x7f', 'é',
        ],
    ];

    fn word(rng: &mut fastrand::Rng, alphabet: &[char]) -> String {
        // Mostly short, as keys and values are; sometimes up to the limit and past it.
        let len = if rng.u8(0..4) == 0 {
            rng.usize(0..=SUGGEST_MAX_CHARS + 2)
        } else {
            rng.usize(0..12)
        };
        (0..len)
            .map(|_| alphabet[rng.usize(..alphabet.len())])
            .collect()
    }

    /// Often an edit or two of `a` (some in another alphabet), sometimes anything.
    fn other(rng: &mut fastrand::Rng, a: &str) -> String {
        let alphabet = ALPHABETS[rng.usize(..ALPHABETS.len())];
        if rng.u8(0..4) == 0 {
            return word(rng, alphabet);
        }
        let mut b: Vec<char> = a.chars().collect();
        for _ in 0..rng.usize(0..4) {
            let at = rng.usize(0..=b.len());
            match rng.u8(0..4) {
                0 => b.insert(at, alphabet[rng.usize(..alphabet.len())]),
                1 if at < b.len() => drop(b.remove(at)),
                2 if at + 1 < b.len() => b.swap(at, at + 1),
                _ if at < b.len() => b[at] = alphabet[rng.usize(..alphabet.len())],
                _ => {}
            }
        }
        b.into_iter().collect()
    }

    #[test]
    fn the_distance_agrees_with_the_whole_matrix() {
        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..100_000 {
            let alphabet = ALPHABETS[rng.usize(..ALPHABETS.len())];
            let a = word(&mut rng, alphabet);
            let b = other(&mut rng, &a);
            let want = expected(&a, &b);
            assert_eq!(near_miss(&a, &b), want, "{a:?} {b:?}");
        }
    }

    #[test]
    fn the_closest_agrees_with_the_whole_matrix() {
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..20_000 {
            let alphabet = ALPHABETS[rng.usize(..ALPHABETS.len())];
            let value = word(&mut rng, alphabet);
            let candidates: Vec<&'static str> = (0..rng.usize(0..8))
                .map(|_| &*other(&mut rng, &value).leak())
                .collect();
            assert_eq!(
                closest(&value, &candidates),
                expected_closest(&value, &candidates),
                "{value:?} {candidates:?}"
            );
        }
    }

    #[test]
    fn the_closest_is_found_in_const_evaluation() {
        const NAMES: [&str; 6] = [
            "policy",
            "region",
            "role_arn",
            "external_id",
            "intermediate_role",
            "intermediate_external_id",
        ];
        const SUGGESTED: Option<&str> = closest("extrnal_id", &NAMES);
        const UNICODE: Option<&str> = closest("rëgion", &NAMES);
        assert_eq!(SUGGESTED, Some("external_id"));
        assert_eq!(UNICODE, Some("region"));
    }

    #[test]
    fn the_first_of_the_nearest_is_suggested() {
        assert_eq!(
            closest("US-EAST-1", &["us-east-2", "us-east-1"]),
            Some("us-east-1")
        );
        assert_eq!(
            closest("us-east1", &["us-west-1", "us-east-1"]),
            Some("us-east-1")
        );
        assert_eq!(
            closest("us-eats-1", &["us-east-1", "us-east-2"]),
            Some("us-east-1")
        );
        assert_eq!(
            closest("us-est-2", &["us-east-1", "us-east-2"]),
            Some("us-east-2")
        );
        assert_eq!(closest("eu-north-9", &["us-east-1", "ap-south-1"]), None);
        assert_eq!(closest("ab", &["ba", "xy"]), Some("ba"));
        // Two edits of a two-letter word is anything.
        assert_eq!(closest("ab", &["xy"]), None);
        let long = "a".repeat(65);
        assert_eq!(closest(&long, &["a"]), None);
    }
}
