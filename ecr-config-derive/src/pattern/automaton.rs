//! From a pattern's HIR to a byte-level DFA that answers one question: does the input, read
//! from its first byte, reach a match? (The search prefix is in the HIR already.)
//!
//! Three classic steps, each bounded so that a hopeless pattern fails fast:
//! - [`Nfa::compile`]: Thompson's construction over bytes, built from the end so that every
//!   branch of an alternation shares its continuation (`(foo|bar)baz` has one `baz`), and
//!   Unicode classes become UTF-8 byte sequences (`regex-syntax`'s `Utf8Sequences`);
//! - [`determinize`]: subset construction. A DFA state is a set of NFA states plus what the
//!   assertions (`^`, `$`, `\b`, …) need to know of the byte before; assertions that look at
//!   the byte after are resolved when that byte (or the end) is read, which is when a match
//!   is seen too;
//! - [`minimize`]: Hopcroft's partition refinement, when the DFA is small enough for it to
//!   be cheap in an unoptimized build (how proc macros usually run).
//!
//! Only what a yes/no answer needs is kept: there are no captures, no match priorities (any
//! match is a match) and no match offsets.
//!
//! This replaces `regex-automata`, which builds the same DFAs but costs every user of the
//! derive 3 s of CPU to compile (issue 10). The tests hold the DFAs to the `regex` crate's
//! answers, on chosen and on random patterns.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use regex_syntax::hir::{Class, Hir, HirKind, Look};
use regex_syntax::utf8::Utf8Sequences;

use super::tables::MAX_ENTRIES;

/// NFA states, and sub-expressions compiled, at most: bounds repetitions of repetitions
/// (`(a{1000}){1000}`).
const NFA_LIMIT: usize = 1 << 18;
/// Work of the subset construction at most, in NFA states visited: bounds compile time for
/// DFAs that stay under the size limit but are costly to find.
const WORK_LIMIT: usize = 1 << 22;
/// DFA entries (states × byte classes) at most while determinizing: four times what the
/// tables hold, since minimizing and merging classes shrink the DFA before it is re-encoded
/// (and checked against [`MAX_ENTRIES`]).
const DFA_LIMIT: usize = 4 * MAX_ENTRIES;
/// NFA states in the DFA's states, summed, at most: the memory of the subset construction.
const MEMBERS_LIMIT: usize = 1 << 20;
/// Largest DFA (states × byte classes) worth minimizing; subset construction from an NFA
/// whose branches share their continuations is near-minimal already.
const MINIMIZE_LIMIT: usize = 1 << 14;

/// Why no DFA was built.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BuildError {
    /// The NFA, the DFA or the work to find it would exceed its bound.
    TooLarge,
    /// A Unicode word boundary, which no byte-level DFA decides byte by byte (the ECMA
    /// rewrite makes every `\b` ASCII; kept as a guard).
    UnicodeWordBoundary,
}

/// One DFA state.
#[derive(Debug, Clone)]
pub(crate) struct State {
    /// Successor per byte class.
    pub(crate) next: Vec<usize>,
    /// The input read so far matched (the only such state is the match sink).
    pub(crate) is_match: bool,
    /// No input from here matches (the only such state is the dead sink).
    pub(crate) is_dead: bool,
    /// The input read so far matches if it ends here.
    pub(crate) accepts_at_end: bool,
}

/// A DFA over byte classes; state 0 is the start.
#[derive(Debug)]
pub(crate) struct Dfa {
    /// The class of each byte.
    pub(crate) class_of_byte: [u8; 256],
    /// Number of classes.
    pub(crate) classes: usize,
    pub(crate) states: Vec<State>,
}

/// Builds the DFA of `hir`.
pub(crate) fn build(hir: &Hir) -> Result<Dfa, BuildError> {
    let nfa = Nfa::compile(hir)?;
    let dfa = determinize(&nfa)?;
    Ok(if dfa.states.len() * dfa.classes <= MINIMIZE_LIMIT {
        minimize(&dfa)
    } else {
        dfa
    })
}

type Id = u32;

#[derive(Debug)]
enum Node {
    /// A byte in `start..=end`, then `next`.
    Byte {
        start: u8,
        end: u8,
        next: Id,
    },
    /// Any of these (none: no match).
    Split(Vec<Id>),
    /// The assertion holds here, then `next`.
    Look(Look, Id),
    Match,
}

/// What the assertions need to know of a neighbouring byte (or of the absence of one).
mod context {
    pub(super) const WORD: u8 = 1;
    pub(super) const LF: u8 = 2;
    pub(super) const CR: u8 = 4;
    /// Of the byte before only: there is none, the input begins here.
    pub(super) const START: u8 = 8;

    pub(super) fn of(byte: u8) -> u8 {
        match byte {
            b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | b'_' => WORD,
            b'\n' => LF,
            b'\r' => CR,
            _ => 0,
        }
    }
}

#[derive(Debug)]
struct Nfa {
    nodes: Vec<Node>,
    start: Id,
    /// The context bits any assertion of the NFA reads.
    reads: u8,
    /// Byte states by what they are, so that equal ones are one (hash-consing): the UTF-8
    /// sequences of a class then share their suffixes, and so do the DFA states after them.
    bytes: HashMap<(u8, u8, Id), Id>,
    /// Sub-expressions compiled, copies included, for [`NFA_LIMIT`].
    steps: usize,
}

impl Nfa {
    fn compile(hir: &Hir) -> Result<Nfa, BuildError> {
        let mut nfa = Nfa {
            nodes: vec![Node::Match], // MATCH_NODE
            start: 0,
            reads: 0,
            bytes: HashMap::new(),
            steps: 0,
        };
        nfa.start = nfa.add(hir, 0)?;
        Ok(nfa)
    }

    fn push(&mut self, node: Node) -> Result<Id, BuildError> {
        if self.nodes.len() >= NFA_LIMIT {
            return Err(BuildError::TooLarge);
        }
        self.nodes.push(node);
        Ok(Id::try_from(self.nodes.len() - 1).expect("NFA_LIMIT fits u32"))
    }

    fn byte(&mut self, start: u8, end: u8, next: Id) -> Result<Id, BuildError> {
        if let Some(&id) = self.bytes.get(&(start, end, next)) {
            return Ok(id);
        }
        let id = self.push(Node::Byte { start, end, next })?;
        self.bytes.insert((start, end, next), id);
        Ok(id)
    }

    fn split(&mut self, targets: Vec<Id>) -> Result<Id, BuildError> {
        match targets[..] {
            [one] => Ok(one),
            _ => self.push(Node::Split(targets)),
        }
    }

    /// The states that match `hir` and then go on to `next`; returns the entry. The
    /// recursion is as deep as the HIR, which the parser's nest limit bounds.
    fn add(&mut self, hir: &Hir, next: Id) -> Result<Id, BuildError> {
        // Bounds the work too, where it makes no state (`(?:){4000000000}`).
        self.steps += 1;
        if self.steps > NFA_LIMIT {
            return Err(BuildError::TooLarge);
        }
        match hir.kind() {
            HirKind::Empty => Ok(next),
            HirKind::Literal(literal) => literal
                .0
                .iter()
                .rev()
                .try_fold(next, |next, &byte| self.byte(byte, byte, next)),
            HirKind::Class(Class::Bytes(class)) => {
                let entries = class
                    .ranges()
                    .iter()
                    .map(|range| self.byte(range.start(), range.end(), next))
                    .collect::<Result<_, _>>()?;
                self.split(entries)
            }
            HirKind::Class(Class::Unicode(class)) => {
                let mut entries = Vec::new();
                for range in class.ranges() {
                    for sequence in Utf8Sequences::new(range.start(), range.end()) {
                        let entry = sequence
                            .as_slice()
                            .iter()
                            .rev()
                            .try_fold(next, |next, r| self.byte(r.start, r.end, next))?;
                        entries.push(entry);
                    }
                }
                self.split(entries)
            }
            HirKind::Look(look) => {
                self.reads |= reads(*look)?;
                self.push(Node::Look(*look, next))
            }
            HirKind::Capture(capture) => self.add(&capture.sub, next),
            HirKind::Concat(subs) => subs
                .iter()
                .rev()
                .try_fold(next, |next, sub| self.add(sub, next)),
            HirKind::Alternation(subs) => {
                let entries = subs
                    .iter()
                    .map(|sub| self.add(sub, next))
                    .collect::<Result<_, _>>()?;
                self.split(entries)
            }
            HirKind::Repetition(repetition) => {
                let sub = &repetition.sub;
                let mut entry = match repetition.max {
                    // A loop: one copy that comes back to the choice of going on.
                    None => {
                        let choice = self.push(Node::Split(Vec::new()))?;
                        let body = self.add(sub, choice)?;
                        self.nodes[choice as usize] = Node::Split(vec![body, next]);
                        choice
                    }
                    // `max - min` optional copies, each either taken or skipped to the end.
                    Some(max) => {
                        let mut entry = next;
                        for _ in repetition.min..max {
                            let body = self.add(sub, entry)?;
                            entry = self.split(vec![body, next])?;
                        }
                        entry
                    }
                };
                for _ in 0..repetition.min {
                    entry = self.add(sub, entry)?;
                }
                Ok(entry)
            }
        }
    }
}

/// The context bits `look` reads; an error for assertions no byte-level DFA decides.
fn reads(look: Look) -> Result<u8, BuildError> {
    use context::{CR, LF, START, WORD};
    Ok(match look {
        Look::Start => START,
        Look::End => 0,
        Look::StartLF | Look::EndLF => START | LF,
        Look::StartCRLF | Look::EndCRLF => START | LF | CR,
        Look::WordAscii
        | Look::WordAsciiNegate
        | Look::WordStartAscii
        | Look::WordEndAscii
        | Look::WordStartHalfAscii
        | Look::WordEndHalfAscii => WORD,
        _ => return Err(BuildError::UnicodeWordBoundary),
    })
}

/// Whether `look` holds between a byte of context `before` and one of context `after`
/// (`None`: the end of the input).
fn holds(look: Look, before: u8, after: Option<u8>) -> bool {
    use context::{CR, LF, START, WORD};
    let word_before = before & WORD != 0;
    let word_after = after.is_some_and(|a| a & WORD != 0);
    let after_is = |bit| after.is_some_and(|a| a & bit != 0);
    match look {
        Look::Start => before & START != 0,
        Look::End => after.is_none(),
        Look::StartLF => before & (START | LF) != 0,
        Look::EndLF => after.is_none() || after_is(LF),
        // Not between the `\r` and the `\n` of one line break.
        Look::StartCRLF => before & (START | LF) != 0 || (before & CR != 0 && !after_is(LF)),
        Look::EndCRLF => after.is_none() || after_is(CR) || (after_is(LF) && before & CR == 0),
        Look::WordAscii => word_before != word_after,
        Look::WordAsciiNegate => word_before == word_after,
        Look::WordStartAscii => !word_before && word_after,
        Look::WordEndAscii => word_before && !word_after,
        Look::WordStartHalfAscii => !word_before,
        Look::WordEndHalfAscii => !word_after,
        // Refused by `reads` when the NFA was built.
        _ => false,
    }
}

/// Byte classes: bytes that no range and no assertion of the NFA tells apart.
fn byte_classes(nfa: &Nfa) -> ([u8; 256], usize) {
    let mut boundary = [false; 257];
    for node in &nfa.nodes {
        if let Node::Byte { start, end, .. } = *node {
            boundary[usize::from(start)] = true;
            boundary[usize::from(end) + 1] = true;
        }
    }
    let mut class_of_byte = [0u8; 256];
    let mut class = 0u8;
    let mut previous = None;
    for byte in 0..=255u8 {
        let kind = context::of(byte) & nfa.reads;
        if byte > 0 && (boundary[usize::from(byte)] || previous != Some(kind)) {
            class += 1;
        }
        previous = Some(kind);
        class_of_byte[usize::from(byte)] = class;
    }
    (class_of_byte, usize::from(class) + 1)
}

/// Depth-first closures over the NFA's empty moves, with a reusable visited set.
struct Closer<'a> {
    nfa: &'a Nfa,
    /// `visited[id] == epoch` when visited in the current closure.
    visited: Vec<u32>,
    epoch: u32,
    stack: Vec<Id>,
    /// For [`sort`].
    scratch: Vec<Id>,
    /// NFA states visited, for [`WORK_LIMIT`].
    work: usize,
}

impl Closer<'_> {
    /// The states reached from `roots` by empty moves: byte and match states, and, when
    /// `resolve` is `None`, the assertions still to decide; with `resolve` (the context
    /// before, and after if not at the end), the assertions that hold there are crossed.
    /// Sorted, so equal sets are equal vectors.
    fn close(
        &mut self,
        roots: impl IntoIterator<Item = Id>,
        resolve: Option<(u8, Option<u8>)>,
    ) -> Result<Vec<Id>, BuildError> {
        self.epoch += 1;
        let mut out = Vec::new();
        self.stack.extend(roots);
        while let Some(id) = self.stack.pop() {
            let seen = &mut self.visited[id as usize];
            if *seen == self.epoch {
                continue;
            }
            *seen = self.epoch;
            self.work += 1;
            match &self.nfa.nodes[id as usize] {
                Node::Byte { .. } | Node::Match => out.push(id),
                Node::Split(targets) => self.stack.extend(targets.iter().rev()),
                Node::Look(look, next) => match resolve {
                    None => out.push(id),
                    Some((before, after)) if holds(*look, before, after) => self.stack.push(*next),
                    Some(_) => {}
                },
            }
        }
        if self.work > WORK_LIMIT {
            self.stack.clear();
            return Err(BuildError::TooLarge);
        }
        sort(&mut out, &mut self.scratch);
        Ok(out)
    }
}

/// Sorts NFA state ids: large sets with two passes of a radix sort (ids are below
/// [`NFA_LIMIT`], 22 bits cover them), which in an unoptimized build is several times faster
/// than the standard sort, the subset construction's main cost otherwise.
fn sort(ids: &mut Vec<Id>, scratch: &mut Vec<Id>) {
    const BITS: u32 = 11;
    const _: () = assert!(NFA_LIMIT <= 1 << (2 * BITS));
    if ids.len() <= 64 {
        ids.sort_unstable();
        return;
    }
    let mask = (1 << BITS) - 1;
    for shift in [0, BITS] {
        let mut start = vec![0usize; (1 << BITS) + 1];
        for &id in ids.iter() {
            start[((id >> shift) & mask) as usize + 1] += 1;
        }
        for digit in 1..start.len() {
            start[digit] += start[digit - 1];
        }
        scratch.clear();
        scratch.resize(ids.len(), 0);
        for &id in ids.iter() {
            let slot = &mut start[((id >> shift) & mask) as usize];
            scratch[*slot] = id;
            *slot += 1;
        }
        std::mem::swap(ids, scratch);
    }
}

/// The NFA's match state: the first node, so the first of a sorted set that holds it.
const MATCH_NODE: Id = 0;
/// The contexts of the sinks, which no byte has.
const DEAD_CONTEXT: u8 = u8::MAX - 1;
const MATCH_CONTEXT: u8 = u8::MAX;

fn has_looks(nfa: &Nfa, core: &[Id]) -> bool {
    core.iter()
        .any(|&id| matches!(nfa.nodes[id as usize], Node::Look(..)))
}

/// Hashes the NFA state sets that key the DFA's states, eight bytes a step: they are long
/// (hundreds of states for a Unicode class in a repetition), and `SipHash` in an unoptimized
/// build (a proc macro's) made hashing them most of the subset construction. Patterns are
/// the program's own, so there is no flooding to resist.
#[derive(Default)]
struct SetHasher(u64);

impl Hasher for SetHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }
}

impl SetHasher {
    fn add(&mut self, word: u64) {
        // FxHash's step.
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A DFA state under construction: the NFA states it stands for, and the context of the byte
/// before, limited to what the NFA's assertions read.
type Key = (Vec<Id>, u8);

fn determinize(nfa: &Nfa) -> Result<Dfa, BuildError> {
    let (class_of_byte, classes) = byte_classes(nfa);
    // A representative byte and the context of each class.
    let mut representative = vec![0u8; classes];
    for byte in (0..=255u8).rev() {
        representative[usize::from(class_of_byte[usize::from(byte)])] = byte;
    }
    let mut subsets = Subsets {
        nfa,
        class_of_byte,
        context_of_class: representative
            .iter()
            .map(|&byte| context::of(byte) & nfa.reads)
            .collect(),
        closer: Closer {
            nfa,
            visited: vec![0; nfa.nodes.len()],
            epoch: 0,
            stack: Vec::new(),
            scratch: Vec::new(),
            work: 0,
        },
        keys: Vec::new(),
        index: HashMap::default(),
        members: 0,
    };
    let start = subsets.closer.close([nfa.start], None)?;
    let start = subsets.key(start, context::START);
    // The sinks are states 1 and 2: no NFA states, and a context no byte has.
    for key in [
        start,
        (Vec::new(), DEAD_CONTEXT),
        (Vec::new(), MATCH_CONTEXT),
    ] {
        subsets.intern(key);
    }
    let mut states: Vec<State> = Vec::new();
    while states.len() < subsets.keys.len() {
        if subsets.keys.len() * (classes + 1) > DFA_LIMIT || subsets.members > MEMBERS_LIMIT {
            return Err(BuildError::TooLarge);
        }
        let current = states.len();
        // The index keeps its own copy of the key.
        let (core, before) = std::mem::take(&mut subsets.keys[current]);
        states.push(if before == MATCH_CONTEXT || core.is_empty() {
            let is_match = before == MATCH_CONTEXT;
            State {
                next: vec![current; classes],
                is_match,
                is_dead: !is_match,
                accepts_at_end: is_match,
            }
        } else {
            subsets.state(&core, before)?
        });
    }
    Ok(Dfa {
        class_of_byte,
        classes,
        states,
    })
}

/// The subset construction's state.
struct Subsets<'a> {
    nfa: &'a Nfa,
    class_of_byte: [u8; 256],
    /// The context of each class's bytes.
    context_of_class: Vec<u8>,
    closer: Closer<'a>,
    /// The DFA states found, by number; those not yet expanded still hold their key.
    keys: Vec<Key>,
    index: HashMap<Key, usize, BuildHasherDefault<SetHasher>>,
    /// NFA states in the keys, summed, for [`MEMBERS_LIMIT`].
    members: usize,
}

impl Subsets<'_> {
    /// The key of the DFA state for `core` after a byte of context `before`: the context
    /// matters only to the assertions it will decide.
    fn key(&self, core: Vec<Id>, before: u8) -> Key {
        if core.is_empty() {
            (core, DEAD_CONTEXT)
        } else if has_looks(self.nfa, &core) {
            (core, before & self.nfa.reads)
        } else {
            (core, 0)
        }
    }

    /// The number of the DFA state `key`, new or not.
    fn intern(&mut self, key: Key) -> usize {
        let fresh = self.keys.len();
        *self.index.entry(key).or_insert_with_key(|key| {
            self.members += key.0.len();
            self.keys.push(key.clone());
            fresh
        })
    }

    /// The DFA state for `core` after a byte of context `before`: its successors (which
    /// may be new states, to expand later) and whether the input matches if it ends here.
    fn state(&mut self, core: &[Id], before: u8) -> Result<State, BuildError> {
        let classes = self.context_of_class.len();
        let pending_looks = has_looks(self.nfa, core);
        let accepts_at_end = if pending_looks {
            let at_end = self
                .closer
                .close(core.iter().copied(), Some((before, None)))?;
            at_end.first() == Some(&MATCH_NODE)
        } else {
            core.first() == Some(&MATCH_NODE)
        };
        // What follows a byte depends on its context only when an assertion is pending.
        let mut contexts: Vec<u8> = if pending_looks {
            self.context_of_class.clone()
        } else {
            vec![0]
        };
        contexts.sort_unstable();
        contexts.dedup();
        let mut targets: Vec<Vec<Id>> = vec![Vec::new(); classes];
        let mut matches = vec![false; classes];
        for &after in &contexts {
            let context_of_class = &self.context_of_class;
            let applies = |class: &usize| !pending_looks || context_of_class[*class] == after;
            let resolved;
            let reached = if pending_looks {
                resolved = self
                    .closer
                    .close(core.iter().copied(), Some((before, Some(after))))?;
                &resolved[..]
            } else {
                core
            };
            if reached.first() == Some(&MATCH_NODE) {
                for class in (0..classes).filter(applies) {
                    matches[class] = true;
                }
                continue;
            }
            for &id in reached {
                if let Node::Byte { start, end, next } = self.nfa.nodes[id as usize] {
                    let first = usize::from(self.class_of_byte[usize::from(start)]);
                    let last = usize::from(self.class_of_byte[usize::from(end)]);
                    self.closer.work += last - first + 1;
                    for class in (first..=last).filter(applies) {
                        targets[class].push(next);
                    }
                }
            }
        }
        // Classes with the same successors (most of them, with UTF-8 continuation bytes)
        // are resolved once: a closure, and a lookup of its set.
        let mut resolved: HashMap<(&[Id], bool, u8), usize, BuildHasherDefault<SetHasher>> =
            HashMap::default();
        let mut next = Vec::with_capacity(classes);
        for (class, roots) in targets.iter().enumerate() {
            self.closer.work += roots.len();
            let after = self.context_of_class[class];
            let same = (&roots[..], matches[class], after);
            if let Some(&target) = resolved.get(&same) {
                next.push(target);
                continue;
            }
            let key = if matches[class] {
                (Vec::new(), MATCH_CONTEXT)
            } else {
                let core = self.closer.close(roots.iter().copied(), None)?;
                self.key(core, after)
            };
            let target = self.intern(key);
            resolved.insert(same, target);
            next.push(target);
        }
        Ok(State {
            next,
            is_match: false,
            is_dead: false,
            accepts_at_end,
        })
    }
}

/// The minimal DFA of `dfa` (Hopcroft): states that no input tells apart are merged.
fn minimize(dfa: &Dfa) -> Dfa {
    let n = dfa.states.len();
    let k = dfa.classes;
    // predecessors[class * n + target]: the states that go to `target` on `class`.
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n * k];
    for (source, state) in dfa.states.iter().enumerate() {
        for (class, &target) in state.next.iter().enumerate() {
            predecessors[class * n + target].push(source);
        }
    }
    // Blocks start as the states with the same answers.
    let mut block_of = vec![0; n];
    let mut blocks: Vec<Vec<usize>> = Vec::new();
    let mut by_answers: HashMap<(bool, bool, bool), usize> = HashMap::new();
    for (id, state) in dfa.states.iter().enumerate() {
        let answers = (state.is_match, state.is_dead, state.accepts_at_end);
        let block = *by_answers.entry(answers).or_insert_with(|| {
            blocks.push(Vec::new());
            blocks.len() - 1
        });
        blocks[block].push(id);
        block_of[id] = block;
    }
    let mut pending: Vec<usize> = (0..blocks.len()).collect();
    let mut is_pending = vec![true; blocks.len()];
    let mut marked = vec![false; n];
    let mut count: Vec<usize> = vec![0; blocks.len()];
    while let Some(splitter) = pending.pop() {
        is_pending[splitter] = false;
        let members = blocks[splitter].clone();
        for class in 0..k {
            let mut sources = Vec::new();
            for &target in &members {
                for &source in &predecessors[class * n + target] {
                    if !marked[source] {
                        marked[source] = true;
                        sources.push(source);
                    }
                }
            }
            let mut touched = Vec::new();
            for &source in &sources {
                let block = block_of[source];
                if count[block] == 0 {
                    touched.push(block);
                }
                count[block] += 1;
            }
            for block in touched {
                if count[block] < blocks[block].len() {
                    let (inside, outside): (Vec<usize>, Vec<usize>) =
                        blocks[block].iter().partition(|&&id| marked[id]);
                    let fresh = blocks.len();
                    for &id in &inside {
                        block_of[id] = fresh;
                    }
                    let smaller_is_fresh = inside.len() <= outside.len();
                    blocks[block] = outside;
                    blocks.push(inside);
                    count.push(0);
                    is_pending.push(false);
                    let add = if is_pending[block] || smaller_is_fresh {
                        fresh
                    } else {
                        block
                    };
                    if !is_pending[add] {
                        is_pending[add] = true;
                        pending.push(add);
                    }
                }
                count[block] = 0;
            }
            for source in sources {
                marked[source] = false;
            }
        }
    }
    // Renumber blocks in order of their first state, so the start's block is 0.
    let mut number: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut first_state = Vec::new();
    for (id, &block) in block_of.iter().enumerate() {
        if number[block].is_none() {
            number[block] = Some(first_state.len());
            first_state.push(id);
        }
    }
    let number = |id: usize| number[block_of[id]].expect("numbered");
    let states = first_state
        .iter()
        .map(|&id| {
            let state = &dfa.states[id];
            State {
                next: state.next.iter().map(|&t| number(t)).collect(),
                ..state.clone()
            }
        })
        .collect();
    Dfa {
        class_of_byte: dfa.class_of_byte,
        classes: dfa.classes,
        states,
    }
}
