//! Finds where values are, for a document `serde_json` has already read without a problem.
//!
//! When the strict fast path reads a document and only `validate` fails, the findings are
//! already complete (the reading proved the structure right); what is missing is where each
//! failing value is, and where the secrets are. Checking the whole document again for that costs
//! several times a parse, so this pass scans the text once instead, following the type's
//! [`Shape`] to know which values are secrets. It validates nothing: the text is known to be
//! JSON, since `serde_json` (the parser of record) has just read all of it.

use std::cmp::Ordering;
use std::ops::Range;

use crate::error::unescape;
use crate::meta::{Shape, StructMeta};
use crate::path::push_token;

use super::secret::{Json, Place, Secrets};
use super::strict::Records;

/// The spans of the values at `targets` (JSON Pointers), and of every secret value.
#[cfg(test)]
pub(crate) struct Spans {
    pub(crate) targets: Vec<Option<Range<usize>>>,
    pub(crate) secrets: Vec<Range<usize>>,
}

enum Container {
    Object,
    Array(usize),
}

struct Frame {
    container: Container,
    start: usize,
    /// The container's place, to find its members'.
    place: Place,
    /// The targets at or inside the container.
    wanted: Wanted,
}

/// The targets at the pointer of a value or inside it: `order[lo..hi]`, the pointer's `len`
/// bytes long ones first. Targets are sorted with `/` before every other byte
/// ([`pointer_order`]), which keeps each value's targets together, so that a member narrows
/// its parent's range by two binary searches: no pointer is built, and a container of many
/// members with many targets costs a logarithm a member.
#[derive(Clone, Copy)]
struct Wanted {
    lo: usize,
    hi: usize,
    len: usize,
}

impl Wanted {
    const NONE: Wanted = Wanted {
        lo: 0,
        hi: 0,
        len: 0,
    };

    /// The targets of the member or element whose pointer segment is `segment` (escaped).
    fn member(self, targets: &[&str], order: &[usize], segment: &[u8]) -> Wanted {
        if self.lo == self.hi {
            return Wanted::NONE;
        }
        let range = &order[self.lo..self.hi];
        let rank = |k: &usize| segment_rank(targets[*k].as_bytes(), self.len, segment);
        // A few targets (the usual case) are looked through, and only told apart as at or
        // in the member or not: those that are sit together. Many are searched.
        let (lo, hi) = if range.len() <= 8 {
            let within = |k: &usize| in_member(targets[*k].as_bytes(), self.len + 1, segment);
            let Some(lo) = range.iter().position(within) else {
                return Wanted::NONE;
            };
            (
                lo,
                lo + 1 + range[lo + 1..].iter().take_while(|k| within(k)).count(),
            )
        } else {
            let lo = range.partition_point(|k| rank(k) == Ordering::Less);
            (
                lo,
                lo + range[lo..].partition_point(|k| rank(k) == Ordering::Equal),
            )
        };
        if lo == hi {
            return Wanted::NONE;
        }
        Wanted {
            lo: self.lo + lo,
            hi: self.lo + hi,
            len: self.len + 1 + segment.len(),
        }
    }

    /// Whether a target lies strictly inside the value (they come after the value's own).
    fn inside(self, targets: &[&str], order: &[usize]) -> bool {
        self.lo < self.hi && targets[order[self.hi - 1]].len() > self.len
    }
}

/// Whether `target` is at or inside the member `segment` (escaped) of a value whose pointer
/// is `at - 1` bytes long.
#[inline]
fn in_member(target: &[u8], at: usize, segment: &[u8]) -> bool {
    let end = at + segment.len();
    // What follows the segment tells most apart, before the bytes.
    matches!(target.get(end), None | Some(b'/'))
        && target.len() >= end
        && same(&target[at..end], segment)
}

/// `/` before every other byte: each value's pointer is followed by those inside it, then by
/// the pointers that merely begin with its text (`/a`, `/a/b`, `/a-b`).
fn pointer_order(a: &[u8], b: &[u8]) -> Ordering {
    let key = |byte: u8| if byte == b'/' { 0 } else { u16::from(byte) + 1 };
    // Only the first byte that differs is mapped; a prefix comes first.
    match first_difference(a, b) {
        Some(at) => key(a[at]).cmp(&key(b[at])),
        None => a.len().cmp(&b.len()),
    }
}

/// Whether `a` and `b` are the same bytes: [`first_difference`], for keys are short and a
/// `memcmp` call costs more than one.
#[inline]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && first_difference(a, b).is_none()
}

/// Where `a` and `b` first differ, within the shorter: eight bytes compared at a time.
fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    let common = a.len().min(b.len());
    let mut at = 0;
    while let (Some(x), Some(y)) = (
        a.get(at..common).and_then(<[u8]>::first_chunk::<8>),
        b.get(at..common).and_then(<[u8]>::first_chunk::<8>),
    ) {
        let differ = u64::from_le_bytes(*x) ^ u64::from_le_bytes(*y);
        if differ != 0 {
            return Some(at + (differ.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..common).find(|&k| a[k] != b[k])
}

/// Where `target` (a pointer at or inside a value whose pointer is `len` bytes long) sorts
/// against the member `segment` of that value: `Equal` if it is at or inside the member.
fn segment_rank(target: &[u8], len: usize, segment: &[u8]) -> Ordering {
    // The value's own pointer comes before its members'.
    let Some(rest) = target.get(len + 1..) else {
        return Ordering::Less;
    };
    let common = rest.len().min(segment.len());
    match pointer_order(&rest[..common], &segment[..common]) {
        Ordering::Equal => {}
        other => return other,
    }
    match rest.get(segment.len()) {
        None if rest.len() == segment.len() => Ordering::Equal,
        None => Ordering::Less,
        Some(b'/') => Ordering::Equal,
        Some(_) => Ordering::Greater,
    }
}

/// [`locate_into`], the targets' spans in a vector.
#[cfg(test)]
pub(crate) fn locate(
    text: &str,
    root: &'static Shape,
    targets: &[&str],
    records: &Records<'_, '_>,
) -> Spans {
    let mut found = vec![None; targets.len()];
    let secrets = locate_into(text, root, targets, records, &mut found);
    Spans {
        targets: found,
        secrets,
    }
}

/// The spans of `targets` (into `found`, a slot each, all `None`) and of the secrets
/// (returned) in `text`, a document of `root` serde has read; `records`: where the keys of its
/// structs' objects are, as the reading found them (or none).
///
/// Where the type alone says where the secrets are, the search goes by the records: from an
/// object's keys straight to the members that hold a target or may hold a secret, reading no
/// other member. Where it cannot (an object the reading did not note whole, a value the type
/// does not describe, a secret-named key a struct may accept), it reads the text ([`Scan::walk`]).
pub(crate) fn locate_into(
    text: &str,
    root: &'static Shape,
    targets: &[&str],
    records: &Records<'_, '_>,
    found: &mut [Option<Range<usize>>],
) -> Vec<Range<usize>> {
    debug_assert_eq!(found.len(), targets.len(), "a slot a target");
    let start = skip_ws(text.as_bytes(), 0);
    let (mut inline, mut spilled) = ([0; 16], Vec::new());
    let mut scan = Scan::new(
        text,
        root,
        targets,
        sorted(targets, &mut inline, &mut spilled),
        found,
    );
    let all = Wanted {
        lo: 0,
        hi: targets.len(),
        len: 0,
    };
    if scan.secrets.by_type_alone() {
        scan.directed(records, start, Place::Typed(root), all, false);
    } else {
        scan.walk(start, Place::Typed(root), all, Some(records));
    }
    scan.secrets_found
}

/// The secrets of the value at `start` of `text`, a value at `place` of a document of `root`
/// that serde has not read into the type (an unknown property's).
pub(crate) fn secrets_in(
    text: &str,
    root: &'static Shape,
    start: usize,
    place: Place,
) -> Vec<Range<usize>> {
    let mut scan = Scan::new(text, root, &[], &[], &mut []);
    scan.walk(start, place, Wanted::NONE, None);
    scan.secrets_found
}

/// What the scan knows and what it has found.
struct Scan<'a> {
    text: &'a str,
    secrets: &'static Secrets,
    targets: &'a [&'a str],
    order: &'a [usize],
    /// The spans of the targets found, a slot each.
    found: &'a mut [Option<Range<usize>>],
    /// The spans of the secrets found.
    secrets_found: Vec<Range<usize>>,
}

impl<'a> Scan<'a> {
    fn new(
        text: &'a str,
        root: &'static Shape,
        targets: &'a [&'a str],
        order: &'a [usize],
        found: &'a mut [Option<Range<usize>>],
    ) -> Scan<'a> {
        Scan {
            text,
            secrets: Secrets::of(root),
            targets,
            order,
            found,
            secrets_found: Vec::new(),
        }
    }

    /// Finds the targets `wanted` at and in the value at `start`, at `place`, and its secrets,
    /// by the `records` where it can: its end if `need_end` or it is a target or secret
    /// itself (else, for an object, `start`).
    fn directed(
        &mut self,
        records: &Records<'_, '_>,
        start: usize,
        place: Place,
        wanted: Wanted,
        need_end: bool,
    ) -> usize {
        let bytes = self.text.as_bytes();
        let Some(&first) = bytes.get(start) else {
            return start;
        };
        let here = self.secrets.value(place, Json::of_first_byte(first));
        let Place::Typed(shape) = here else {
            // A secret, whole, or a value the type does not describe.
            return self.walk(start, place, wanted, Some(records));
        };
        let inside = wanted.inside(self.targets, self.order);
        let own = wanted.lo < wanted.hi && self.targets[self.order[wanted.lo]].len() == wanted.len;
        let end = match (first, shape) {
            (b'{' | b'[', _) if !inside && !self.secrets.holds(shape) => {
                if !need_end && !own {
                    return start;
                }
                match first {
                    b'{' => object_end(bytes, start, records),
                    _ => value_end(bytes, start),
                }
            }
            (b'{', Shape::Object(meta)) => {
                let names = records
                    .at(skip_ws(bytes, start + 1))
                    .and_then(|keys| records.names(keys));
                let Some(names) = names else {
                    return self.walk(start, place, wanted, Some(records));
                };
                self.members(records, meta, here, wanted, names);
                if !need_end && !own {
                    return start;
                }
                object_end(bytes, start, records)
            }
            (b'[', Shape::Array(_)) => self.elements(records, start, here, wanted, inside),
            (b'{' | b'[', _) => return self.walk(start, place, wanted, Some(records)),
            _ => any_value_end(bytes, start),
        };
        self.finish(wanted, start..end, here);
        end
    }

    /// [`directed`](Scan::directed) for the members of an object of `meta`, at `here`,
    /// whose keys are `names`: those the targets are at or in, and those that may hold a
    /// secret, once each.
    fn members(
        &mut self,
        records: &Records<'_, '_>,
        meta: &'static StructMeta,
        here: Place,
        wanted: Wanted,
        names: &[&str],
    ) {
        let (targets, order) = (self.targets, self.order);
        // Bit `k`: the member of key `k` was looked into.
        let mut visited = 0u64;
        // The targets inside, one member at a time (they sit together, `pointer_order`).
        let mut lo = wanted.lo;
        while lo < wanted.hi {
            let target = targets[order[lo]].as_bytes();
            let Some(rest) = target.get(wanted.len + 1..) else {
                // The object itself: `finish` tells it.
                lo += 1;
                continue;
            };
            let segment = &rest[..rest.iter().position(|&b| b == b'/').unwrap_or(rest.len())];
            // Those at or in the same member follow it: the first that is not ends them.
            let at = wanted.len + 1;
            let mut hi = lo + 1;
            while hi < wanted.hi && in_member(targets[order[hi]].as_bytes(), at, segment) {
                hi += 1;
            }
            let member = Wanted {
                lo,
                hi,
                len: at + segment.len(),
            };
            lo = hi;
            if let Some(k) = find_key(names, segment) {
                visited |= 1 << k;
                let place = self.secrets.member(here, names[k]);
                let value = self.value_of(names[k]);
                self.directed(records, value, place, member, false);
            }
        }
        for field in self.secrets.holders(meta) {
            // The field's name is the key itself, not a reference token.
            if let Some(k) = key_index(names, field.name.as_bytes())
                && visited & (1 << k) == 0
            {
                let value = self.value_of(names[k]);
                self.directed(
                    records,
                    value,
                    Place::Typed((field.shape)()),
                    Wanted::NONE,
                    false,
                );
            }
        }
    }

    /// [`directed`](Scan::directed) for the elements of the array at `start`, at `here`:
    /// those a target is at or in, or all if they may hold a secret. Its end.
    fn elements(
        &mut self,
        records: &Records<'_, '_>,
        start: usize,
        here: Place,
        wanted: Wanted,
        inside: bool,
    ) -> usize {
        let bytes = self.text.as_bytes();
        let place = Secrets::element(here);
        let look = self.secrets.holds_by_type(place);
        let mut i = skip_ws(bytes, start + 1);
        if bytes.get(i) == Some(&b']') {
            return i + 1;
        }
        let mut index = 0;
        loop {
            let member = if inside {
                let mut digits = [0u8; 20];
                wanted.member(self.targets, self.order, decimal(index, &mut digits))
            } else {
                Wanted::NONE
            };
            i = skip_ws(
                bytes,
                if look || member.lo < member.hi {
                    self.directed(records, i, place, member, true)
                } else if bytes.get(i) == Some(&b'{') {
                    object_end(bytes, i, records)
                } else {
                    any_value_end(bytes, i)
                },
            );
            if bytes.get(i) != Some(&b',') {
                // The closing bracket.
                return i + 1;
            }
            i = skip_ws(bytes, i + 1);
            index += 1;
        }
    }

    /// Where the value of the member whose key, as written in the text, is `key` starts.
    fn value_of(&self, key: &str) -> usize {
        let bytes = self.text.as_bytes();
        // The reading's keys are slices of this text.
        let at = (key.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        debug_assert!(at + key.len() <= bytes.len(), "a key of another text");
        // Past the closing quote, the colon and the spaces around it.
        skip_ws(bytes, skip_ws(bytes, at + key.len() + 1) + 1)
    }

    /// Reads the text from the value at `start`, at `place`, to its end, for the targets
    /// `wanted` and the secrets; `read`: serde has read it into the type (so that a struct
    /// that refuses unknown properties has none), and where its structs' keys are. Its end.
    fn walk(
        &mut self,
        start: usize,
        mut place: Place,
        mut wanted: Wanted,
        read: Option<&Records<'_, '_>>,
    ) -> usize {
        let (text, targets) = (self.text, self.targets);
        let bytes = text.as_bytes();
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = start;
        loop {
            // A value starts at `i`.
            let start = i;
            let Some(&first) = bytes.get(i) else {
                return i;
            };
            let place_here = self.secrets.value(place, Json::of_first_byte(first));
            match first {
                b'{' | b'['
                    if !wanted.inside(targets, self.order)
                        && !if read.is_some() {
                            self.secrets.look_inside_read(place_here)
                        } else {
                            self.secrets.look_inside(place_here)
                        } =>
                {
                    // Nothing to find in there: step over it.
                    i = match read {
                        Some(records) if first == b'{' => object_end(bytes, i, records),
                        _ => value_end(bytes, i),
                    };
                }
                open @ (b'{' | b'[') => {
                    i = skip_ws(bytes, i + 1);
                    if matches!(bytes.get(i), Some(b'}' | b']')) {
                        // Empty: a value like a scalar.
                        i += 1;
                    } else {
                        let frame = Frame {
                            container: if open == b'{' {
                                Container::Object
                            } else {
                                Container::Array(0)
                            },
                            start,
                            place: place_here,
                            wanted,
                        };
                        if open == b'{' {
                            (i, place, wanted) = self.key(i, &frame);
                        } else {
                            wanted = wanted.member(targets, self.order, b"0");
                            place = Secrets::element(place_here);
                        }
                        stack.push(frame);
                        continue;
                    }
                }
                _ => i = any_value_end(bytes, i),
            }
            // A scalar or an empty container ended at `i`.
            self.finish(wanted, start..i, place_here);
            // Close containers until one continues with a comma.
            loop {
                let Some(frame) = stack.last_mut() else {
                    return i;
                };
                i = skip_ws(bytes, i);
                if bytes.get(i) == Some(&b',') {
                    i = skip_ws(bytes, i + 1);
                    match &mut frame.container {
                        Container::Array(index) => {
                            *index += 1;
                            let mut digits = [0u8; 20];
                            let segment = decimal(*index, &mut digits);
                            wanted = frame.wanted.member(targets, self.order, segment);
                            place = Secrets::element(frame.place);
                        }
                        Container::Object => (i, place, wanted) = self.key(i, frame),
                    }
                    break;
                }
                // `}` or `]`: the container's value ends here.
                let frame = stack.pop().expect("a frame");
                i += 1;
                self.finish(frame.wanted, frame.start..i, frame.place);
            }
        }
    }

    /// Reads the key at `i` (a string literal) of a member of `parent`: the position of the
    /// member's value, its place and its targets.
    fn key(&self, i: usize, parent: &Frame) -> (usize, Place, Wanted) {
        let (text, targets, order) = (self.text, self.targets, self.order);
        let bytes = text.as_bytes();
        let (end, plain) = key_end(bytes, i);
        let literal = &text[i + 1..end - 1];
        let (place, wanted) = if plain {
            (
                self.secrets.member(parent.place, literal),
                parent.wanted.member(targets, order, literal.as_bytes()),
            )
        } else {
            let key = serde_json::from_str::<String>(&text[i..end]).unwrap_or_default();
            let mut segment = String::with_capacity(key.len() + 8);
            push_token(&key, &mut segment);
            (
                self.secrets.member(parent.place, &key),
                parent.wanted.member(targets, order, segment.as_bytes()),
            )
        };
        // Past the colon.
        (skip_ws(bytes, skip_ws(bytes, end) + 1), place, wanted)
    }

    /// Records the value at `span`: called for every value found, so inlined (measured).
    #[inline]
    fn finish(&mut self, wanted: Wanted, span: Range<usize>, place: Place) {
        // The targets that are exactly this value come first.
        for &k in &self.order[wanted.lo..wanted.hi] {
            if self.targets[k].len() != wanted.len {
                break;
            }
            self.found[k].get_or_insert_with(|| span.clone());
        }
        if let Place::Secret = place {
            self.secrets_found.push(span);
        }
    }
}

/// The targets' indices in [`pointer_order`]: in `inline` for the usual few.
fn sorted<'a>(
    targets: &[&str],
    inline: &'a mut [usize; 16],
    spilled: &'a mut Vec<usize>,
) -> &'a [usize] {
    let order = if targets.len() <= inline.len() {
        &mut inline[..targets.len()]
    } else {
        spilled.resize(targets.len(), 0);
        &mut spilled[..]
    };
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    let compare =
        |&a: &usize, &b: &usize| pointer_order(targets[a].as_bytes(), targets[b].as_bytes());
    // `validate` reports in the fields' order, often the text's: then there is nothing to do.
    if !order.is_sorted_by(|a, b| compare(a, b).is_le()) {
        crate::sort::sort_indices(order, |a, b| compare(&a, &b));
    }
    order
}

/// `n` in decimal, written at the end of `buffer`.
fn decimal(mut n: usize, buffer: &mut [u8; 20]) -> &[u8] {
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + u8::try_from(n % 10).expect("a digit");
        n /= 10;
        if n == 0 {
            return &buffer[at..];
        }
    }
}

/// The position just past the object or array starting at `i`. Between strings it looks
/// for a bracket or a quote eight bytes at a time: a skipped container is mostly indentation
/// and strings. (Skipping with `serde_json` was measured slower here: a policy string is
/// mostly escapes.)
pub(crate) fn value_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    loop {
        i = structural(bytes, i);
        match bytes.get(i) {
            None => return bytes.len(),
            Some(b'"') => {
                i = string_end(bytes, i);
                continue;
            }
            Some(b'{' | b'[') => depth += 1,
            // A closing bracket.
            Some(_) => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
        }
        i += 1;
    }
}

/// The position just past the object starting at `i`, which serde has read: from its last
/// key if the `records` say where that is, so that what is before it is not read again.
fn object_end(bytes: &[u8], i: usize, records: &Records<'_, '_>) -> usize {
    if let Some(keys) = records.at(skip_ws(bytes, i + 1)) {
        let value = skip_ws(bytes, skip_ws(bytes, string_end(bytes, keys.last)) + 1);
        let end = skip_ws(
            bytes,
            match bytes.get(value) {
                Some(b'{') => object_end(bytes, value, records),
                _ => any_value_end(bytes, value),
            },
        );
        if bytes.get(end) == Some(&b'}') {
            return end + 1;
        }
    }
    value_end(bytes, i)
}

/// Which of `names` (keys as written, with no escapes) the reference token `segment` of a
/// pointer (escaped) names.
#[expect(
    clippy::manual_contains,
    reason = "a segment is short: a byte loop costs less than the call `contains` makes (measured)"
)]
fn find_key(names: &[&str], segment: &[u8]) -> Option<usize> {
    if segment.iter().any(|&b| b == b'~') {
        // Rare: the token's text, unescaped, compared as a key.
        let token = std::str::from_utf8(segment).ok()?;
        return key_index(names, unescape(token).as_bytes());
    }
    // Without `~`, the token is the key as it is (a key with `/` would have one).
    key_index(names, segment)
}

/// Which of `names` is `key`.
fn key_index(names: &[&str], key: &[u8]) -> Option<usize> {
    names.iter().position(|name| same(name.as_bytes(), key))
}

/// The offset of the first bracket or quote at or after `i`, or `bytes.len()`.
fn structural(bytes: &[u8], mut i: usize) -> usize {
    // `| 0x20` makes `[` `{` and `]` `}`, and no other byte either.
    const CASE: u64 = u64::from_ne_bytes([0x20; 8]);
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        let found = bytes_equal(word | CASE, b'{')
            | bytes_equal(word | CASE, b'}')
            | bytes_equal(word, b'"');
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !matches!(bytes[i], b'"' | b'{' | b'}' | b'[' | b']') {
        i += 1;
    }
    i
}

/// The position just past the value (any) starting at `at`.
pub(crate) fn any_value_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'{' | b'[') => value_end(bytes, at),
        Some(b'"') => string_end(bytes, at),
        _ => {
            let rest = bytes.get(at..).unwrap_or_default();
            at + rest
                .iter()
                .position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(rest.len())
        }
    }
}

/// The position of the first byte at or after `i` that is not whitespace, in a text that is
/// JSON (between its tokens).
///
/// Indentation is looked through eight bytes at a time: between tokens, a byte above a space
/// is a token's, and each byte at or below it whitespace.
pub(crate) fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    const ABOVE: u64 = 0x5f5f_5f5f_5f5f_5f5f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Mostly one byte: a space after a colon, or none.
    match bytes.get(i) {
        Some(&byte) if byte > b' ' => return i,
        Some(_) => i += 1,
        None => return i,
    }
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*chunk);
        // The high bit of a byte above a space (`+ 0x5f` carries into the next byte only from
        // a byte above `0xa0`, which is above a space itself, so the first is exact).
        let above = (word.wrapping_add(ABOVE) | word) & HIGH;
        if above != 0 {
            return i + (above.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i] <= b' ' {
        i += 1;
    }
    i
}

/// High bit set in the first byte of `word` equal to `byte`, and maybe in later ones that
/// are not: past a match, a borrow also marks a byte differing from `byte` in the lowest bit
/// only (`#` for `"`, `]` for `\`). So only "is there one" and "which is the first" are
/// exact, and that is all that is asked. (One operation fewer than the exact test, per byte
/// sought per word.)
fn bytes_equal(word: u64, byte: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let x = word ^ (u64::from(byte) * ONES);
    x.wrapping_sub(ONES) & !x & (ONES << 7)
}

/// [`string_end`] for a key, and whether the key is plain: no escape, and nothing to escape
/// in a pointer (`~`, `/`), so its text is its pointer segment.
fn key_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut i = start + 1;
    let mut plain = true;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let special = bytes_equal(word, b'\\') | bytes_equal(word, b'~') | bytes_equal(word, b'/');
        let quotes = bytes_equal(word, b'"');
        if quotes == 0 {
            plain &= special == 0;
            i += 8;
            continue;
        }
        // Nothing special before the first quote: it is not escaped, and ends the key.
        if plain && special & ((1 << quotes.trailing_zeros()) - 1) == 0 {
            return (i + (quotes.trailing_zeros() / 8) as usize + 1, true);
        }
        break;
    }
    let end = string_end(bytes, start);
    let literal = &bytes[(start + 1).min(end)..end.saturating_sub(1).max(start + 1)];
    let plain = !literal
        .iter()
        .any(|&b| b == b'\\' || b == b'~' || b == b'/');
    (end, plain)
}

/// The position just past the string literal starting at `i`.
///
/// Looks for a quote or a backslash eight bytes at a time, stepping over the byte each
/// backslash escapes: a policy string is mostly escaped quotes, and stepping byte by byte
/// through it was most of this pass's time. (Counting the backslashes before each quote,
/// or stepping over every escape within the word, was measured slower.)
pub(crate) fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    loop {
        let at = if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let found = bytes_equal(word, b'"') | bytes_equal(word, b'\\');
            if found == 0 {
                i += 8;
                continue;
            }
            i + (found.trailing_zeros() / 8) as usize
        } else {
            match bytes[i.min(bytes.len())..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
            {
                Some(at) => i + at,
                None => return bytes.len(),
            }
        };
        if bytes[at] == b'"' {
            return at + 1;
        }
        // A backslash: the next byte is escaped.
        i = at + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::locate;
    use crate::ecr::EcrConfig;
    use crate::parse::secret::Secrets;
    use crate::parse::strict::{Records, Trail};
    use crate::{Shape, Validate};
    use serde_json::{Value, json};

    #[test]
    fn finds_targets_and_secrets() {
        let text = r#"{"ci": {"region": "us-east-1", "access_key": "x", "secret_key": "s\"cret"},
            "setup": {"region": "us-east-1", "role_arn": "r", "policy": "{}"},
            "read": {}, "repository_provider": "aws-ecr"}"#;
        let spans = locate(
            text,
            &EcrConfig::SHAPE,
            &["/ci/access_key", "/setup/role_arn", "/read", "/nowhere", ""],
            &Records::default(),
        );
        let found: Vec<Option<&str>> = spans
            .targets
            .iter()
            .map(|span| span.clone().map(|span| &text[span]))
            .collect();
        assert_eq!(
            found,
            [Some("\"x\""), Some("\"r\""), Some("{}"), None, Some(text)]
        );
        let secrets: Vec<&str> = spans.secrets.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(secrets, ["\"s\\\"cret\""]);
    }

    #[test]
    fn string_ends_skip_escaped_quotes() {
        for literal in [
            r#""""#,
            r#""abc""#,
            r#""a\"b""#,
            r#""\\""#,
            r#""\\\"x""#,
            r#""0123456789\"0123456789\"0123456789""#,
            r#""é\u0022x\"\\""#,
            // Bytes one past a quote or a backslash, which the word test may also mark.
            r##""\"#\\]#]""##,
            r##""#]#]#]#]#]\"]""##,
        ] {
            let text = format!("{literal}, \"next\"");
            assert_eq!(
                super::string_end(text.as_bytes(), 0),
                literal.len(),
                "{literal}"
            );
        }
        assert_eq!(super::string_end(br#""unterminated"#, 0), 13);
    }

    /// A skipped container ends where it ends, whatever its strings hold: brackets, quotes
    /// and backslashes, and the bytes the word test may confuse with them.
    #[test]
    fn whitespace_is_skipped_in_and_out_of_whole_words() {
        let naive = |bytes: &[u8], mut i: usize| {
            while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
            }
            i
        };
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..20_000 {
            let mut text: Vec<u8> = (0..rng.usize(0..20))
                .map(|_| [b' ', b'\t', b'\n', b'\r'][rng.usize(..4)])
                .collect();
            // Between tokens: in the whitespace, or at its end.
            let start = rng.usize(..=text.len());
            // What follows whitespace: a token's first byte, then anything (a string's
            // bytes, UTF-8 above `0xa0` included, whose carry must not move the answer).
            if rng.bool() {
                let tokens = b"\"{[]},:-0tfn";
                text.push(tokens[rng.usize(..tokens.len())]);
                text.extend((0..rng.usize(0..10)).map(|_| rng.u8(..)));
            }
            assert_eq!(
                super::skip_ws(&text, start),
                naive(&text, start),
                "{text:?} from {start}"
            );
        }
    }

    #[test]
    fn container_ends_are_found_past_any_string() {
        use serde_json::{Map, Value};
        fn value(rng: &mut fastrand::Rng, depth: usize) -> Value {
            const PIECES: [&str; 10] = ["{", "}", "[", "]", "\"", "\\", "#", "]\"", "é", "ab"];
            match rng.usize(0..if depth > 3 { 2 } else { 4 }) {
                0 => Value::from(rng.i32(..)),
                1 => Value::from(
                    (0..rng.usize(0..12))
                        .map(|_| PIECES[rng.usize(..PIECES.len())])
                        .collect::<String>(),
                ),
                2 => Value::Array(
                    (0..rng.usize(0..4))
                        .map(|_| value(rng, depth + 1))
                        .collect(),
                ),
                _ => Value::Object(
                    (0..rng.usize(0..4))
                        .map(|k| (format!("{k}{}", PIECES[k]), value(rng, depth + 1)))
                        .collect::<Map<_, _>>(),
                ),
            }
        }
        let mut rng = fastrand::Rng::with_seed(11);
        for round in 0..5_000 {
            let items: Vec<Value> = (0..rng.usize(1..4)).map(|_| value(&mut rng, 0)).collect();
            let container = Value::Array(items);
            let written = if round % 2 == 0 {
                serde_json::to_string(&container)
            } else {
                serde_json::to_string_pretty(&container)
            }
            .expect("a value");
            let text = format!("{written}, [\"]\"]");
            assert_eq!(
                super::value_end(text.as_bytes(), 0),
                written.len(),
                "{text}"
            );
        }
    }

    /// The texts of `targets` in `text`, a document of no described type.
    fn untyped<'t>(text: &'t str, targets: &[&str]) -> Vec<Option<&'t str>> {
        locate(text, &crate::meta::Shape::Any, targets, &Records::default())
            .targets
            .into_iter()
            .map(|span| span.map(|span| &text[span]))
            .collect()
    }

    #[test]
    fn follows_arrays_and_escaped_keys() {
        let text = r#"[{"a~b": [1, 2, {"c/d": true}]}, 3]"#;
        let found = untyped(text, &["/0/a~0b/2/c~1d", "/1", "/0/a~0b/1"]);
        assert_eq!(found, [Some("true"), Some("3"), Some("2")]);
    }

    /// An empty key is a member like any other, with members of its own.
    #[test]
    fn finds_values_under_empty_keys() {
        let text = r#"{"a": {"": {"x": 1, "": 2}}, "": [3]}"#;
        let found = untyped(text, &["/a//x", "/a//", "//0", "/a/"]);
        assert_eq!(
            found,
            [Some("1"), Some("2"), Some("3"), Some(r#"{"x": 1, "": 2}"#)]
        );
    }

    #[test]
    fn tells_apart_keys_sharing_a_prefix_and_many_targets() {
        let text = r#"{"a": 1, "a-b": {"c": 2}, "ab": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
            "a~": 3, "a/b": 4, "x\u0061": 5, "a\"b": 6}"#;
        let indices: Vec<String> = (0..12).rev().map(|n| format!("/ab/{n}")).collect();
        let mut targets = vec![
            "/a-b/c", "/a", "/a~1b", "/a~0", "/xa", "/a\"b", "/a-b", "/a/b",
        ];
        targets.extend(indices.iter().map(String::as_str));
        let found = untyped(text, &targets);
        let mut expected = vec![
            Some("2"),
            Some("1"),
            Some("4"),
            Some("3"),
            Some("5"),
            Some("6"),
            Some(r#"{"c": 2}"#),
            None,
        ];
        let digits: Vec<String> = (0..12).rev().map(|n| n.to_string()).collect();
        expected.extend(digits.iter().map(|n| Some(n.as_str())));
        assert_eq!(found, expected);
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        items: Vec<Inner>,
        #[serde(rename = "a~b")]
        tilde: Option<Inner>,
        #[serde(rename = "c/d")]
        slash: Option<Inner>,
        key: Option<crate::Secret<String>>,
        inner: Option<Inner>,
        n: u32,
    }

    #[derive(Debug, serde::Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: u32,
        token: Option<crate::Secret<String>>,
        tags: Vec<String>,
    }

    /// A document of [`Outer`], its members there or not, some of its objects with a key
    /// they refuse; at times more objects than the reading keeps inline.
    fn outer(rng: &mut fastrand::Rng) -> Value {
        let names = ["a", "a~b", "c/d", "tok\"en", "token", "é", "x"];
        let inner = |rng: &mut fastrand::Rng| {
            let mut value = json!({ "a": rng.u32(..9), "tags": vec!["t"; rng.usize(..3)] });
            if rng.bool() {
                value["token"] = json!("s3cret");
            }
            if rng.u8(..4) == 0 {
                // Refused: its object's keys are not all kept, so it is walked.
                value[names[rng.usize(..names.len())]] = json!({ "token": "hidden" });
            }
            value
        };
        let mut doc = json!({
            "items": (0..rng.usize(..10)).map(|_| inner(rng)).collect::<Vec<_>>(),
            "n": 1,
        });
        for key in ["a~b", "c/d", "inner"] {
            if rng.bool() {
                doc[key] = inner(rng);
            }
        }
        if rng.bool() {
            doc["key"] = json!("k");
        }
        doc
    }

    /// Every pointer to a value of `value`, at `at`.
    fn pointers(value: &Value, at: String, all: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (key, member) in members {
                    let token = key.replace('~', "~0").replace('/', "~1");
                    pointers(member, format!("{at}/{token}"), all);
                }
            }
            Value::Array(items) => {
                for (k, item) in items.iter().enumerate() {
                    pointers(item, format!("{at}/{k}"), all);
                }
            }
            _ => {}
        }
        all.push(at);
    }

    /// What reading the whole text of a document of `root` finds of `targets`.
    fn walked(text: &str, root: &'static Shape, targets: &[&str]) -> super::Spans {
        let (mut inline, mut spilled) = ([0; 16], Vec::new());
        let order = super::sorted(targets, &mut inline, &mut spilled);
        let mut found = vec![None; targets.len()];
        let mut scan = super::Scan::new(text, root, targets, order, &mut found);
        let all = super::Wanted {
            lo: 0,
            hi: targets.len(),
            len: 0,
        };
        let start = super::skip_ws(text.as_bytes(), 0);
        scan.walk(start, super::Place::Typed(root), all, None);
        let secrets = scan.secrets_found;
        super::Spans {
            targets: found,
            secrets,
        }
    }

    /// Going by the strict reading's records (straight to the members wanted) finds what
    /// reading the whole text finds: the same targets, present or absent, and the same secrets,
    /// with keys that need escaping in pointers, arrays and refused keys in the way.
    #[test]
    fn directed_search_finds_what_the_walk_finds() {
        let absent = [
            "/items/9",
            "/a~0b/nowhere/a",
            "/c~1d/9",
            "/inner/tags/0/x",
            "/n/0",
        ];
        assert!(Secrets::of(&Outer::SHAPE).by_type_alone());
        let mut rng = fastrand::Rng::with_seed(23);
        let mut compared = 0;
        for round in 0..2_000 {
            let doc = outer(&mut rng);
            let text = if round % 2 == 0 {
                serde_json::to_string_pretty(&doc)
            } else {
                serde_json::to_string(&doc)
            }
            .expect("a document");
            let trail = Trail::new(&text, &Outer::SHAPE);
            if trail.read::<Outer>().is_err() {
                continue;
            }
            let mut all = Vec::new();
            pointers(&doc, String::new(), &mut all);
            all.extend(absent.map(String::from));
            let targets: Vec<&str> = (0..rng.usize(..6))
                .map(|_| all[rng.usize(..all.len())].as_str())
                .collect();
            let objects = trail.objects();
            let found = locate(&text, &Outer::SHAPE, &targets, &objects.records());
            let walked = walked(&text, &Outer::SHAPE, &targets);
            assert_eq!(found.targets, walked.targets, "{targets:?} in {text}");
            let (mut a, mut b) = (found.secrets, walked.secrets);
            a.sort_by_key(|span| span.start);
            b.sort_by_key(|span| span.start);
            assert_eq!(a, b, "secrets of {text}");
            compared += 1;
        }
        assert!(compared > 1_000, "only {compared} documents compared");
    }

    /// Bytes compared eight at a time differ where they first differ, in and out of whole
    /// words, and agree with `==` on sameness.
    #[test]
    fn first_differences_are_found_in_and_out_of_whole_words() {
        let mut rng = fastrand::Rng::with_seed(9);
        for _ in 0..20_000 {
            let a: Vec<u8> = (0..rng.usize(0..30)).map(|_| rng.u8(b'a'..b'd')).collect();
            let mut b = a.clone();
            match rng.u8(..3) {
                0 if !b.is_empty() => {
                    let at = rng.usize(..b.len());
                    b[at] = b'/';
                }
                1 => b.truncate(rng.usize(..=b.len())),
                _ => b.push(b'z'),
            }
            let expected = a.iter().zip(&b).position(|(x, y)| x != y);
            assert_eq!(super::first_difference(&a, &b), expected, "{a:?} {b:?}");
            assert_eq!(super::same(&a, &b), a == b, "{a:?} {b:?}");
            assert!(super::same(&a, &a.clone()));
        }
    }

    #[test]
    fn key_ends_say_whether_the_key_is_its_segment() {
        for (literal, plain) in [
            (r#""""#, true),
            (r#""region""#, true),
            (r#""a_rather_long_key_name""#, true),
            (r#""a~b""#, false),
            (r#""a/b""#, false),
            (r#""a\"b""#, false),
            (r#""0123456789\\""#, false),
            (r#""0123456\u0041""#, false),
        ] {
            let text = format!("{literal}: \"value\"");
            assert_eq!(
                super::key_end(text.as_bytes(), 0),
                (literal.len(), plain),
                "{literal}"
            );
        }
    }
}
