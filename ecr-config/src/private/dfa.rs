//! Runtime half of `#[pattern("…")]`: the regex was compiled to a DFA while the derive
//! expanded, and only its tables reach this crate, so matching needs nothing beyond `core`
//! and works in `const` items.
//!
//! # Table layout
//!
//! - `classes[b]` is the column of byte `b`. Bytes the pattern never tells apart share a
//!   column, which keeps rows short.
//! - The transition table has one row per state and `stride` columns: one per byte class,
//!   then a last column for "end of input" whose entry is the match state's id or `0` (see
//!   below).
//! - State ids are premultiplied (`row index * stride`), so a step is one add and one load.
//! - Exactly one of `narrow` (every id fits a `u8`) and `wide` (`u16`) is non-empty.
//!
//! # Special states
//!
//! Row 0 is the dead state (id `0`: no match is possible any more) and row 1 is the match
//! state (id `stride`: some prefix of the input read so far already contains a match). Every
//! other state has a larger id, so `id <= stride` is the single comparison the loop needs to
//! stop early. The generator folds into the match state every state from which all
//! continuations match, and into the dead state every state from which none does.

/// A regex compiled to a DFA by `#[derive(Validate)]`; see the module docs for the layout.
#[derive(Debug)]
pub struct Dfa {
    /// Column of each byte.
    pub classes: &'static [u8; 256],
    /// Transition table when every premultiplied id fits a `u8`; empty otherwise.
    pub narrow: &'static [u8],
    /// Transition table when ids need a `u16`; empty otherwise.
    pub wide: &'static [u16],
    /// Row length: the byte classes plus the end-of-input column (the last one).
    pub stride: usize,
    /// Premultiplied id of the start state (may be special: `0` or `stride`).
    pub start: usize,
}

// One body for both table widths; a macro because const fns cannot be generic over the
// integer conversion.
//
// A plain DFA loop is latency-bound: each table load needs the previous one's result. The
// two inner loops guess the next state instead (unchanged, or the next row, which is where
// the generator puts the usual successor), so the CPU runs ahead on the predicted branch and
// the loads only confirm the guess. Long self-loops (`[a-z]+`, the search prefix of an
// unanchored pattern) and literal-like chains (`arn:aws:`, `[0-9]{12}`) then cost about a
// cycle per byte instead of a load latency (ARN check on one machine: 64 ns before, 34 ns
// after, 21 ns by hand). In the chain loop the prediction is computed before the load on purpose: written
// the other way round, LLVM replaces `state + stride` by the loaded value it was just found
// equal to, which brings the dependency back.
macro_rules! run {
    ($dfa:expr, $table:expr, $haystack:expr) => {{
        let (dfa, table, bytes) = ($dfa, $table, $haystack);
        let stride = dfa.stride;
        let mut state = dfa.start;
        let mut i = 0;
        while state > stride {
            if i == bytes.len() {
                return table[state + stride - 1] as usize == stride;
            }
            let next = table[state + dfa.classes[bytes[i] as usize] as usize] as usize;
            i += 1;
            if next == state {
                while i < bytes.len()
                    && table[state + dfa.classes[bytes[i] as usize] as usize] as usize == state
                {
                    i += 1;
                }
            } else if next == state + stride {
                loop {
                    state += stride;
                    let predicted = state + stride;
                    if i == bytes.len()
                        || predicted
                            != table[state + dfa.classes[bytes[i] as usize] as usize] as usize
                    {
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            state = next;
        }
        state == stride
    }};
}

impl Dfa {
    /// Whether the pattern matches somewhere in `haystack` (ECMA-262 / JSON Schema semantics).
    pub const fn is_match(&self, haystack: &str) -> bool {
        let bytes = haystack.as_bytes();
        if self.wide.is_empty() {
            run!(self, self.narrow, bytes)
        } else {
            run!(self, self.wide, bytes)
        }
    }
}

// Helpers of the straight-line matchers the derive emits for chain-shaped patterns (see the
// derive's `pattern/code.rs`): a run of fixed positions is checked eight bytes at a time,
// and a repetition skips eight bytes at a time.

const LOW_SEVEN: u64 = u64::from_ne_bytes([0x7f; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The eight bytes from `bytes[at]` as a little-endian word, if there are eight.
#[inline]
const fn word(bytes: &[u8], at: usize) -> Option<u64> {
    match bytes.split_at_checked(at) {
        Some((_, rest)) => match rest.first_chunk::<8>() {
            Some(chunk) => Some(u64::from_le_bytes(*chunk)),
            None => None,
        },
        None => None,
    }
}

/// Eight consecutive fixed positions of a pattern, tested at once: byte `k` of the word must
/// lie in `lo[k]..=hi[k]` for one of the `N` ranges. Every bound is ASCII, which is what
/// makes the lanes independent: on the low seven bits of each byte, `x + (0x80 - lo)` sets
/// bit 7 exactly when `x >= lo` and `x + (0x7f - hi)` exactly when `x > hi`, and neither sum
/// carries into the next byte; a byte >= 0x80 is in no range.
#[derive(Debug)]
pub struct Lanes<const N: usize> {
    at_least: [u64; N],
    above: [u64; N],
}

impl<const N: usize> Lanes<N> {
    /// The lanes for `N` ranges given as `(lo, hi)`, one byte per lane.
    ///
    /// # Panics
    ///
    /// If a range is empty or not ASCII (a bug in the generator; it fails the build, since
    /// the derive declares lanes as constants).
    pub const fn new(ranges: [([u8; 8], [u8; 8]); N]) -> Self {
        let mut at_least = [0; N];
        let mut above = [0; N];
        let mut r = 0;
        while r < N {
            let (lo, hi) = ranges[r];
            let (mut start, mut end) = ([0; 8], [0; 8]);
            let mut k = 0;
            while k < 8 {
                assert!(lo[k] <= hi[k] && hi[k] < 0x80, "lane ranges must be ASCII");
                start[k] = 0x80 - lo[k];
                end[k] = 0x7f - hi[k];
                k += 1;
            }
            at_least[r] = u64::from_le_bytes(start);
            above[r] = u64::from_le_bytes(end);
            r += 1;
        }
        Lanes { at_least, above }
    }

    /// Whether the eight bytes from `bytes[at]` are each in their lane's ranges; `false` when
    /// fewer than eight remain.
    #[inline]
    pub const fn test(&self, bytes: &[u8], at: usize) -> bool {
        let Some(word) = word(bytes, at) else {
            return false;
        };
        let low = word & LOW_SEVEN;
        let mut inside = 0;
        let mut r = 0;
        while r < N {
            inside |= (low + self.at_least[r]) & !(low + self.above[r]);
            r += 1;
        }
        inside & !word & HIGHS == HIGHS
    }
}

/// The end of the run of bytes from `bytes[i]` that `set` admits (non-zero entries, which
/// are all 1): a repetition such as `[a-z0-9-]+`. Eight bytes are looked up per step while
/// eight remain, so the loop branches once per word instead of once per byte.
#[inline]
pub const fn skip_in(set: &[u8; 256], bytes: &[u8], mut i: usize) -> usize {
    while let Some((_, rest)) = bytes.split_at_checked(i)
        && let Some(c) = rest.first_chunk::<8>()
    {
        let all = set[c[0] as usize]
            & set[c[1] as usize]
            & set[c[2] as usize]
            & set[c[3] as usize]
            & set[c[4] as usize]
            & set[c[5] as usize]
            & set[c[6] as usize]
            & set[c[7] as usize];
        if all == 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && set[bytes[i] as usize] != 0 {
        i += 1;
    }
    i
}

/// Decodes a little-endian `u16` table at compile time, so generated code can ship a wide
/// table as one byte-string token instead of thousands of integer tokens.
///
/// # Panics
///
/// If `bytes.len() != 2 * N` (a bug in the generator; it fails the build when const-evaluated).
pub const fn decode_wide<const N: usize>(bytes: &[u8]) -> [u16; N] {
    assert!(bytes.len() == 2 * N, "wide DFA table has the wrong length");
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = u16::from_le_bytes([bytes[2 * i], bytes[2 * i + 1]]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Dfa, Lanes, decode_wide, skip_in};

    // Hand-built DFA for the unanchored regex `ab`: classes 0 = other, 1 = 'a', 2 = 'b',
    // column 3 = end of input; stride 4. Rows: 0 dead, 1 match, 2 start, 3 seen "a".
    static CLASSES: [u8; 256] = {
        let mut c = [0; 256];
        c[b'a' as usize] = 1;
        c[b'b' as usize] = 2;
        c
    };
    #[rustfmt::skip]
    const TABLE: [u8; 16] = [
        0, 0, 0, 0, // dead
        4, 4, 4, 4, // match
        8, 12, 8, 0, // start
        8, 12, 4, 0, // after "a"
    ];
    const AB: Dfa = Dfa {
        classes: &CLASSES,
        narrow: &TABLE,
        wide: &[],
        stride: 4,
        start: 8,
    };
    const AB_WIDE: Dfa = Dfa {
        classes: &CLASSES,
        narrow: &[],
        wide: &{
            const W: [u16; 16] =
                decode_wide(b"\0\0\0\0\0\0\0\0\x04\0\x04\0\x04\0\x04\0\x08\0\x0c\0\x08\0\0\0\x08\0\x0c\0\x04\0\0\0");
            W
        },
        stride: 4,
        start: 8,
    };

    const IN_CONST: bool = AB.is_match("xxab");
    const NOT_IN_CONST: bool = AB.is_match("ba");

    #[test]
    fn const_context() {
        const { assert!(IN_CONST && !NOT_IN_CONST) };
        const { assert!(AB_WIDE.is_match("ab") && !AB_WIDE.is_match("a")) };
    }

    #[test]
    fn narrow_and_wide_agree() {
        for dfa in [&AB, &AB_WIDE] {
            assert!(dfa.is_match("ab"));
            assert!(dfa.is_match("aab"));
            assert!(dfa.is_match("zzabzz"));
            assert!(!dfa.is_match(""));
            assert!(!dfa.is_match("a"));
            assert!(!dfa.is_match("a b"));
            assert!(!dfa.is_match("ba"));
            assert!(!dfa.is_match("ééa"));
        }
    }

    #[test]
    fn special_start_states() {
        let always = Dfa {
            classes: &[0; 256],
            narrow: &[0, 0, 2, 2],
            wide: &[],
            stride: 2,
            start: 2,
        };
        let never = Dfa { start: 0, ..always };
        assert!(always.is_match(""));
        assert!(always.is_match("anything"));
        assert!(!never.is_match(""));
        assert!(!never.is_match("anything"));
    }

    #[test]
    fn end_of_input_column() {
        // `a$`: after 'a' only the end-of-input column leads to the match state.
        #[rustfmt::skip]
        static TABLE: [u8; 12] = [
            0, 0, 0,
            3, 3, 3,
            6, 9, 0,
            6, 9, 3,
        ];
        let mut classes = [0; 256];
        classes[b'a' as usize] = 1;
        let classes: &'static [u8; 256] = Box::leak(Box::new(classes));
        let dfa = Dfa {
            classes,
            narrow: &TABLE,
            wide: &[],
            stride: 3,
            start: 6,
        };
        assert!(dfa.is_match("a"));
        assert!(dfa.is_match("bba"));
        assert!(!dfa.is_match("ab"));
        assert!(!dfa.is_match("a\n"));
    }

    /// Bytes near every boundary the lane arithmetic has: 0, the ends of ASCII, the bounds.
    fn interesting_byte(r: &mut fastrand::Rng, bounds: &[u8]) -> u8 {
        match r.usize(..4) {
            0 => *r.choice(bounds).unwrap(),
            1 => r
                .choice(bounds)
                .unwrap()
                .wrapping_add(r.u8(..3))
                .wrapping_sub(1),
            2 => *r
                .choice(&[0x00, 0x01, 0x7e, 0x7f, 0x80, 0x81, 0xc3, 0xfe, 0xff])
                .unwrap(),
            _ => r.u8(..),
        }
    }

    /// How many of the words tried matched.
    fn lanes_agree<const N: usize>(r: &mut fastrand::Rng) -> usize {
        let mut ranges = [([0; 8], [0; 8]); N];
        for (lo, hi) in &mut ranges {
            for k in 0..8 {
                let (a, b) = (r.u8(..0x80), r.u8(..0x80));
                (lo[k], hi[k]) = (a.min(b), a.max(b));
                if r.usize(..4) == 0 {
                    hi[k] = lo[k];
                }
            }
        }
        let lanes = Lanes::new(ranges);
        let mut matched = 0;
        let bounds: Vec<u8> = ranges
            .iter()
            .flat_map(|(lo, hi)| lo.iter().chain(hi))
            .copied()
            .collect();
        for _ in 0..200 {
            let mut bytes: Vec<u8> = (0..10).map(|_| interesting_byte(r, &bounds)).collect();
            // Mostly words that nearly match, so both answers occur.
            for (k, byte) in bytes[1..9].iter_mut().enumerate() {
                if r.usize(..8) != 0 {
                    let (lo, hi) = ranges[r.usize(..N)];
                    *byte = r.u8(lo[k]..=hi[k]);
                }
            }
            let naive = (0..8).all(|k| {
                ranges
                    .iter()
                    .any(|(lo, hi)| (lo[k]..=hi[k]).contains(&bytes[1 + k]))
            });
            assert_eq!(lanes.test(&bytes, 1), naive, "{bytes:x?} {ranges:x?}");
            matched += usize::from(naive);
            assert!(!lanes.test(&bytes, 3), "fewer than eight bytes left");
            assert!(!lanes.test(&bytes, 11), "past the end");
        }
        matched
    }

    #[test]
    fn lanes_agree_with_a_byte_by_byte_test() {
        const DIGITS: Lanes<1> = Lanes::new([(*b"00000000", *b"99999999")]);
        const { assert!(DIGITS.test(b"x12345678", 1) && !DIGITS.test(b"1234567:", 0)) };
        let mut r = fastrand::Rng::with_seed(7);
        let mut matched = 0;
        for _ in 0..500 {
            matched +=
                lanes_agree::<1>(&mut r) + lanes_agree::<2>(&mut r) + lanes_agree::<3>(&mut r);
        }
        // Both answers, often: 1,500 lane sets of 200 words each.
        assert!((30_000..270_000).contains(&matched), "{matched}");
    }

    #[test]
    fn skip_in_agrees_with_a_byte_by_byte_loop() {
        let mut r = fastrand::Rng::with_seed(11);
        for _ in 0..2_000 {
            let mut set = [0u8; 256];
            let admitted: Vec<u8> = (0..r.usize(1..6)).map(|_| r.u8(..)).collect();
            for &byte in &admitted {
                set[usize::from(byte)] = 1;
            }
            let bytes: Vec<u8> = (0..r.usize(..40))
                .map(|_| {
                    if r.usize(..10) == 0 {
                        r.u8(..)
                    } else {
                        *r.choice(&admitted).unwrap()
                    }
                })
                .collect();
            let from = r.usize(..=bytes.len());
            let naive = from
                + bytes[from..]
                    .iter()
                    .take_while(|&&b| set[usize::from(b)] != 0)
                    .count();
            assert_eq!(skip_in(&set, &bytes, from), naive, "{bytes:x?} from {from}");
        }
        assert_eq!(skip_in(&[1; 256], b"abc", 3), 3);
        const { assert!(skip_in(&[1; 256], b"0123456789", 1) == 10) };
    }
}
