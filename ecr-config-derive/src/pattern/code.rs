//! Straight-line code for patterns whose DFA is a chain, such as `^[A-Z0-9]{20}$` or
//! `^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$`: each state either loops on itself or
//! moves to the one next state. Most config patterns have this shape.
//!
//! A table walk must finish each lookup before it can start the next, which costs a few
//! cycles per byte whatever the pattern. Emitted as code, a chain becomes what a careful
//! person would write by hand: one length check for a run of fixed positions, then the run
//! eight bytes at a time (literal stretches as one integer comparison, ASCII classes such as
//! `[A-Z0-9]{20}` by the runtime's `dfa::Lanes`), and a skip over each repetition
//! (`dfa::skip_in`, eight table lookups per branch). The benchmark against a hand-written
//! validator is what this is for; any other DFA keeps the table.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::tables::Tables;

/// A set of bytes, as a 256-bit mask.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct ByteSet([bool; 256]);

impl ByteSet {
    fn contains(&self, byte: u8) -> bool {
        self.0[usize::from(byte)]
    }

    fn is_empty(&self) -> bool {
        !self.0.contains(&true)
    }

    /// The set as inclusive ranges, in order.
    fn ranges(&self) -> Vec<(u8, u8)> {
        let mut ranges = Vec::new();
        let mut byte = 0u8;
        loop {
            if self.contains(byte) {
                let start = byte;
                while byte < u8::MAX && self.contains(byte + 1) {
                    byte += 1;
                }
                ranges.push((start, byte));
            }
            if byte == u8::MAX {
                return ranges;
            }
            byte += 1;
        }
    }

    /// The one byte in the set, if it has exactly one.
    fn single(&self) -> Option<u8> {
        match self.ranges()[..] {
            [(lo, hi)] if lo == hi => Some(lo),
            _ => None,
        }
    }

    /// The name of the set's 256-entry table (1 for a member) among the `tables` to declare.
    fn table(&self, tables: &mut Vec<ByteSet>) -> proc_macro2::Ident {
        let index = tables
            .iter()
            .position(|set| set == self)
            .unwrap_or_else(|| {
                tables.push(*self);
                tables.len() - 1
            });
        set_name(index)
    }

    /// The set's ranges when it can be one lane of a `Lanes` word test: ASCII, at most
    /// [`MAX_LANE_RANGES`] ranges.
    fn lane(&self) -> Option<Vec<(u8, u8)>> {
        let ranges = self.ranges();
        let fits = ranges.last().is_some_and(|&(_, hi)| hi < 0x80);
        (fits && ranges.len() <= MAX_LANE_RANGES).then_some(ranges)
    }

    /// A test of `byte` against the set: a `matches!` on up to two ranges, else a lookup in a
    /// 256-entry table declared in `tables` (a load per byte beats a chain of comparisons).
    fn test(&self, byte: &TokenStream, tables: &mut Vec<ByteSet>) -> TokenStream {
        let ranges = self.ranges();
        if ranges.len() > 2 {
            let name = self.table(tables);
            return quote!(#name[#byte as ::core::primitive::usize] != 0);
        }
        match ranges[..] {
            [(0, u8::MAX)] => quote!(true),
            [(lo, hi)] if lo == hi => {
                let lo = byte_literal(lo);
                quote!(#byte == #lo)
            }
            _ => {
                let ranges = ranges.iter().map(|&(lo, hi)| {
                    let (lo_lit, hi_lit) = (byte_literal(lo), byte_literal(hi));
                    if lo == hi {
                        quote!(#lo_lit)
                    } else {
                        quote!(#lo_lit..=#hi_lit)
                    }
                });
                quote!(::core::matches!(#byte, #(#ranges)|*))
            }
        }
    }
}

/// Ranges per lane past which a word test costs more than testing the bytes one by one.
const MAX_LANE_RANGES: usize = 3;

fn set_name(index: usize) -> proc_macro2::Ident {
    quote::format_ident!("SET_{}", index)
}

fn lanes_name(index: usize) -> proc_macro2::Ident {
    quote::format_ident!("LANES_{}", index)
}

/// Eight fixed positions tested as one word: each lane's ranges.
type LaneWord = Vec<Vec<(u8, u8)>>;

/// The declarations the checks refer to: byte-set tables and lane words.
#[derive(Default)]
struct Consts {
    sets: Vec<ByteSet>,
    lanes: Vec<LaneWord>,
}

impl Consts {
    fn lanes(&mut self, word: LaneWord) -> proc_macro2::Ident {
        let index = self
            .lanes
            .iter()
            .position(|known| *known == word)
            .unwrap_or_else(|| {
                self.lanes.push(word);
                self.lanes.len() - 1
            });
        lanes_name(index)
    }

    fn to_tokens(&self) -> TokenStream {
        let sets = self.sets.iter().enumerate().map(|(index, set)| {
            let name = set_name(index);
            let bytes: Vec<u8> = set.0.iter().map(|&b| u8::from(b)).collect();
            let bytes = Literal::byte_string(&bytes);
            quote!(const #name: &[::core::primitive::u8; 256] = #bytes;)
        });
        let lanes = self.lanes.iter().enumerate().map(|(index, word)| {
            let name = lanes_name(index);
            let count = word.iter().map(Vec::len).max().unwrap_or(1);
            // A lane with fewer ranges repeats its last one.
            let ranges = (0..count).map(|r| {
                let (lo, hi): (Vec<u8>, Vec<u8>) = word
                    .iter()
                    .map(|ranges| ranges[r.min(ranges.len() - 1)])
                    .unzip();
                let (lo, hi) = (Literal::byte_string(&lo), Literal::byte_string(&hi));
                quote!((*#lo, *#hi))
            });
            let count = Literal::usize_unsuffixed(count);
            quote! {
                const #name: ::ecr_config::__private::dfa::Lanes<#count> =
                    ::ecr_config::__private::dfa::Lanes::new([#(#ranges),*]);
            }
        });
        quote!(#(#sets)* #(#lanes)*)
    }
}

/// `b'a'` for printable ASCII, so the expansion reads like the pattern; a number otherwise.
fn byte_literal(byte: u8) -> Literal {
    if byte.is_ascii_graphic() || byte == b' ' {
        Literal::byte_character(byte)
    } else {
        Literal::u8_unsuffixed(byte)
    }
}

/// `bytes[i]`, `bytes[i + 1]`, …
fn byte_at(offset: usize) -> TokenStream {
    if offset == 0 {
        quote!(bytes[i])
    } else {
        let offset = Literal::usize_unsuffixed(offset);
        quote!(bytes[i + #offset])
    }
}

/// One state of a chain.
#[derive(Clone, Copy)]
pub(crate) struct Link {
    /// Bytes that stay in this state.
    stay: ByteSet,
    /// Bytes that move on; every other byte fails.
    advance: ByteSet,
    /// Whether moving on means a match has been found (the rest of the input is irrelevant).
    advance_matches: bool,
    /// Whether the input may end in this state.
    accepts_at_end: bool,
}

impl Link {
    /// A fixed position: exactly one byte from `advance`, never the last one.
    fn is_fixed(&self) -> bool {
        self.stay.is_empty() && !self.advance.is_empty() && !self.accepts_at_end
    }
}

/// The chain of states from the start, or `None` when the DFA branches or cycles.
pub(crate) fn chain(tables: &Tables) -> Option<Vec<Link>> {
    // Past this, straight-line code stops paying for its size.
    const MAX_LINKS: usize = 256;
    let stride = tables.stride;
    let (dead, matched) = (0, stride);
    let mut links = Vec::new();
    let mut state = tables.start;
    let mut seen = Vec::new();
    while state != dead && state != matched {
        if seen.contains(&state) || seen.len() == MAX_LINKS {
            return None;
        }
        seen.push(state);
        let row = &tables.trans[state..state + stride];
        let mut stay = [false; 256];
        let mut advance = [false; 256];
        let mut next = None;
        for byte in 0..=255u8 {
            let target = usize::from(row[usize::from(tables.classes[usize::from(byte)])]);
            if target == state {
                stay[usize::from(byte)] = true;
            } else if target != dead {
                if next.is_some_and(|n| n != target) {
                    return None;
                }
                next = Some(target);
                advance[usize::from(byte)] = true;
            }
        }
        links.push(Link {
            stay: ByteSet(stay),
            advance: ByteSet(advance),
            advance_matches: next == Some(matched),
            accepts_at_end: usize::from(row[stride - 1]) == matched,
        });
        match next {
            Some(next) => state = next,
            None => break,
        }
    }
    Some(links)
}

/// Runs a chain the way the emitted code does; the tests compare it with the table walk.
#[cfg(test)]
pub(crate) fn run(links: &[Link], start_matches: bool, haystack: &str) -> bool {
    let bytes = haystack.as_bytes();
    if links.is_empty() {
        return start_matches;
    }
    let mut i = 0;
    for link in links {
        while i < bytes.len() && link.stay.contains(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            return link.accepts_at_end;
        }
        if !link.advance.contains(bytes[i]) {
            return false;
        }
        i += 1;
        if link.advance_matches {
            return true;
        }
    }
    false
}

/// The body of `const fn(haystack: &str) -> bool` for a chain.
///
/// `chain` ends each chain with a link that either matches when it advances or cannot
/// advance at all, so the last step decides and the code needs no fallback.
pub(crate) fn emit(links: &[Link], start_matches: bool) -> TokenStream {
    if links.is_empty() {
        return quote! {
            let _ = haystack;
            #start_matches
        };
    }
    let mut consts = Consts::default();
    let mut steps = Vec::new();
    // Whether any step moves `i`: a chain decided by its first run never does.
    let mut moves = false;
    let mut rest = links;
    let result = loop {
        let fixed = rest.iter().take_while(|link| link.is_fixed()).count();
        if fixed > 0 {
            // A run of fixed positions: one length check and one conjunction.
            let (run, tail) = rest.split_at(fixed);
            rest = tail;
            let len = Literal::usize_unsuffixed(run.len());
            let checks = fixed_run(run, &mut consts);
            steps.push(quote! {
                if bytes.len() - i < #len || !(#(#checks)&&*) {
                    return false;
                }
            });
            if run.last().is_some_and(|link| link.advance_matches) || rest.is_empty() {
                break quote!(true);
            }
            steps.push(quote!(i += #len;));
            moves = true;
            continue;
        }
        let Some((link, tail)) = rest.split_first() else {
            break quote!(false);
        };
        rest = tail;
        if !link.stay.is_empty() {
            steps.push(if link.stay.ranges() == [(0, u8::MAX)] {
                quote!(i = bytes.len();)
            } else {
                let set = link.stay.table(&mut consts.sets);
                quote!(i = ::ecr_config::__private::dfa::skip_in(#set, bytes, i);)
            });
            moves = true;
        }
        if link.advance.is_empty() {
            // Nothing moves on: the input must end here, in an accepting state.
            break if link.accepts_at_end {
                quote!(i == bytes.len())
            } else {
                quote!(false)
            };
        }
        let at_end = link.accepts_at_end;
        let advance = link.advance.test(&quote!(bytes[i]), &mut consts.sets);
        steps.push(quote! {
            if i == bytes.len() {
                return #at_end;
            }
            if !(#advance) {
                return false;
            }
        });
        if link.advance_matches || rest.is_empty() {
            break quote!(true);
        }
        steps.push(quote!(i += 1;));
        moves = true;
    };
    let mutability = moves.then(|| quote!(mut));
    let consts = consts.to_tokens();
    quote! {
        #consts
        let bytes = haystack.as_bytes();
        let #mutability i = 0usize;
        #(#steps)*
        #result
    }
}

/// The checks of a run of fixed positions starting at `bytes[i]`. Stretches of eight or more
/// ASCII positions are tested eight at a time, by `Lanes` (the last word overlapping the one
/// before); elsewhere literal stretches are compared 8, 4 or 2 bytes at a time as one
/// integer, which the compiler turns into a single load and compare (`arn:aws:` is one
/// 64-bit comparison), and other positions one by one.
fn fixed_run(run: &[Link], consts: &mut Consts) -> Vec<TokenStream> {
    let mut checks = Vec::new();
    let mut offset = 0;
    while offset < run.len() {
        let stretch = run[offset..]
            .iter()
            .take_while(|link| link.advance.lane().is_some())
            .count();
        if stretch >= 8 {
            let end = offset + stretch;
            let mut start = offset;
            loop {
                let word = start.min(end - 8);
                checks.push(word_check(&run[word..word + 8], word, consts));
                start += 8;
                if start >= end {
                    break;
                }
            }
            offset = end;
            continue;
        }
        let literal: Vec<u8> = run[offset..]
            .iter()
            .map_while(|link| link.advance.single())
            .take(8)
            .collect();
        let width = [8, 4, 2].into_iter().find(|&w| literal.len() >= w);
        if let Some(width) = width {
            checks.push(literal_check(&literal[..width], offset));
            offset += width;
        } else {
            checks.push(run[offset].advance.test(&byte_at(offset), &mut consts.sets));
            offset += 1;
        }
    }
    checks
}

/// Eight fixed positions from `bytes[i + offset]`, each fitting a lane.
fn word_check(links: &[Link], offset: usize, consts: &mut Consts) -> TokenStream {
    let literal: Option<Vec<u8>> = links.iter().map(|link| link.advance.single()).collect();
    if let Some(literal) = literal {
        return literal_check(&literal, offset);
    }
    let word = links
        .iter()
        .map(|link| link.advance.lane().expect("a lane"))
        .collect();
    let name = consts.lanes(word);
    let at = if offset == 0 {
        quote!(i)
    } else {
        let offset = Literal::usize_unsuffixed(offset);
        quote!(i + #offset)
    };
    quote!(#name.test(bytes, #at))
}

/// `literal` (2, 4 or 8 bytes) at `bytes[i + offset]`, as one integer comparison.
fn literal_check(literal: &[u8], offset: usize) -> TokenStream {
    let int = match literal.len() {
        8 => quote!(::core::primitive::u64),
        4 => quote!(::core::primitive::u32),
        _ => quote!(::core::primitive::u16),
    };
    let bytes = (offset..offset + literal.len()).map(byte_at);
    let expected = Literal::byte_string(literal);
    quote!(#int::from_le_bytes([#(#bytes),*]) == #int::from_le_bytes(*#expected))
}
