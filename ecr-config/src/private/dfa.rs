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
    use super::{Dfa, decode_wide};

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
}
