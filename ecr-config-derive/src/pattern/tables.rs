//! Turns a pattern's DFA ([`super::automaton`]) into the compact tables `ecr_config::__private::dfa::Dfa`
//! runs, and emits them. The layout is documented on that type; the tests run that type's own
//! source on these tables.

use std::collections::HashMap;

use super::automaton::{Dfa, State};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Premultiplied ids are stored as `u16`, so the whole table must fit in 65,536 entries
/// (128 KiB): far beyond any pattern a schema plausibly needs, and it bounds compile time.
pub(crate) const MAX_ENTRIES: usize = 1 << 16;

const DEAD: usize = 0;
const MATCH: usize = 1;

/// Tables as emitted; ids in `trans` and `start` are premultiplied by `stride`.
#[derive(Debug)]
pub(crate) struct Tables {
    pub(crate) classes: [u8; 256],
    pub(crate) trans: Vec<u16>,
    pub(crate) stride: usize,
    pub(crate) start: usize,
}

/// The DFA does not fit [`MAX_ENTRIES`].
#[derive(Debug)]
pub(crate) struct TooLarge {
    pub(crate) states: usize,
    pub(crate) classes: usize,
}

impl Tables {
    /// Renumbers and compacts `dfa`, whose state 0 is the start.
    pub(crate) fn from_dfa(dfa: &Dfa) -> Result<Self, TooLarge> {
        let walked = &dfa.states;
        let kind = classify(walked);
        let mut weight = vec![0; dfa.classes];
        for &class in &dfa.class_of_byte {
            weight[usize::from(class)] += 1;
        }
        let (rows, start) = renumber(walked, &kind, &weight);
        let (columns, column_of_class) = merge_columns(&rows, dfa.classes);
        let stride = columns + 1;
        if rows.len() * stride > MAX_ENTRIES {
            return Err(TooLarge {
                states: rows.len(),
                classes: columns,
            });
        }
        let mut classes = [0u8; 256];
        for (column, &class) in classes.iter_mut().zip(&dfa.class_of_byte) {
            *column =
                u8::try_from(column_of_class[usize::from(class)]).expect("at most 256 columns");
        }
        let premultiply =
            |row: usize| u16::try_from(row * stride).expect("checked against MAX_ENTRIES");
        let mut trans = Vec::with_capacity(rows.len() * stride);
        for row in &rows {
            let mut line = vec![0u16; stride];
            for (class, &target) in row.next.iter().enumerate() {
                line[column_of_class[class]] = premultiply(target);
            }
            line[columns] = premultiply(if row.accepts_at_end { MATCH } else { DEAD });
            trans.extend(line);
        }
        Ok(Tables {
            classes,
            trans,
            stride,
            start: start * stride,
        })
    }

    /// Whether the pattern matches somewhere in `haystack`: the runtime's `Dfa::is_match` on
    /// these tables, for the derive's own checks (a `#[constant]` against the `#[pattern]`).
    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        let stride = self.stride;
        let mut state = self.start;
        for &byte in haystack.as_bytes() {
            if state <= stride {
                break;
            }
            state = usize::from(self.trans[state + usize::from(self.classes[usize::from(byte)])]);
        }
        if state > stride {
            state = usize::from(self.trans[state + stride - 1]);
        }
        state == MATCH * stride
    }

    /// Whether every id fits a `u8`, so the narrow table is emitted.
    pub(crate) fn is_narrow(&self) -> bool {
        self.trans.iter().all(|&id| u8::try_from(id).is_ok())
    }

    /// Number of states, special ones included.
    #[cfg(test)]
    pub(crate) fn states(&self) -> usize {
        self.trans.len() / self.stride
    }

    /// A `const`-evaluable expression of type `::ecr_config::__private::dfa::Dfa`.
    pub(crate) fn to_tokens(&self) -> TokenStream {
        let classes = Literal::byte_string(&self.classes);
        let stride = Literal::usize_unsuffixed(self.stride);
        let start = Literal::usize_unsuffixed(self.start);
        // Byte strings are one token however long the table, unlike an array literal.
        let (narrow, wide) = if self.is_narrow() {
            let bytes: Vec<u8> = self
                .trans
                .iter()
                .map(|&id| u8::try_from(id).expect("narrow"))
                .collect();
            let narrow = Literal::byte_string(&bytes);
            (quote!(#narrow), quote!(&[]))
        } else {
            let len = Literal::usize_unsuffixed(self.trans.len());
            let bytes: Vec<u8> = self.trans.iter().flat_map(|id| id.to_le_bytes()).collect();
            let bytes = Literal::byte_string(&bytes);
            // `&WIDE` is promoted to `'static` in any context, unlike `&decode_wide(..)`.
            let wide = quote!({
                const WIDE: [::core::primitive::u16; #len] = ::ecr_config::__private::dfa::decode_wide(#bytes);
                &WIDE
            });
            (quote!(&[]), wide)
        };
        quote!(::ecr_config::__private::dfa::Dfa {
            classes: #classes,
            narrow: #narrow,
            wide: #wide,
            stride: #stride,
            start: #start,
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Every continuation of the input, the empty one included, matches.
    Match,
    /// No continuation matches.
    Dead,
    Live,
}

fn classify(walked: &[State]) -> Vec<Kind> {
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); walked.len()];
    for (i, state) in walked.iter().enumerate() {
        for &t in &state.next {
            reverse[t].push(i);
        }
    }
    let accepting = |s: &State| s.is_match || s.accepts_at_end;

    // The match sink, and every state that can only lead to it, mean "yes" (`^a|^ab`
    // after `a`, or `[0-9]*` anywhere: every continuation matches). That set is a greatest
    // fixpoint: start from all candidates and drop refuted ones, revisiting
    // only the predecessors of what was dropped.
    let mut sure: Vec<bool> = walked.iter().map(accepting).collect();
    let mut stack: Vec<usize> = (0..walked.len()).filter(|&i| !sure[i]).collect();
    while let Some(t) = stack.pop() {
        for &i in &reverse[t] {
            if sure[i] && !walked[i].is_match {
                sure[i] = false;
                stack.push(i);
            }
        }
    }

    // Minimization merges hopeless states into the dead sink, but only when the DFA is
    // small enough to minimize; recomputing keeps the runtime's early exit exact regardless.
    let mut hopeful: Vec<bool> = walked.iter().map(accepting).collect();
    let mut stack: Vec<usize> = (0..walked.len()).filter(|&i| hopeful[i]).collect();
    while let Some(t) = stack.pop() {
        for &i in &reverse[t] {
            if !hopeful[i] && !walked[i].is_dead {
                hopeful[i] = true;
                stack.push(i);
            }
        }
    }

    (0..walked.len())
        .map(|i| {
            if sure[i] {
                Kind::Match
            } else if hopeful[i] && !walked[i].is_dead {
                Kind::Live
            } else {
                Kind::Dead
            }
        })
        .collect()
}

/// A row of the output table, indexed by source class; targets are row indices.
struct Row {
    next: Vec<usize>,
    accepts_at_end: bool,
}

/// Rows 0 and 1 are the dead and match states; live states follow in depth-first order,
/// most-travelled successor first (`weight[c]` = bytes in source class `c`). That makes the
/// next row the usual successor along chains like `arn:aws:` or `[0-9]{12}`, which the
/// runtime predicts (see its loop). Live states reachable only through the match state are
/// never visited at run time and get no row. Returns the rows and the start row.
fn renumber(walked: &[State], kind: &[Kind], weight: &[usize]) -> (Vec<Row>, usize) {
    let mut row_of: Vec<Option<usize>> = kind
        .iter()
        .map(|k| match k {
            Kind::Dead => Some(DEAD),
            Kind::Match => Some(MATCH),
            Kind::Live => None,
        })
        .collect();
    let mut order = Vec::new();
    let mut stack = vec![0];
    while let Some(state) = stack.pop() {
        if row_of[state].is_some() {
            continue;
        }
        row_of[state] = Some(MATCH + 1 + order.len());
        order.push(state);
        let mut bytes_to: HashMap<usize, usize> = HashMap::new();
        for (&target, &w) in walked[state].next.iter().zip(weight) {
            if row_of[target].is_none() {
                *bytes_to.entry(target).or_default() += w;
            }
        }
        let mut children: Vec<(usize, usize)> = bytes_to.into_iter().collect();
        // Lightest first so the heaviest is popped next; ties by index for determinism.
        children.sort_unstable_by_key(|&(target, w)| (w, std::cmp::Reverse(target)));
        stack.extend(children.into_iter().map(|(target, _)| target));
    }
    let width = weight.len();
    let mut rows = vec![
        Row {
            next: vec![DEAD; width],
            accepts_at_end: false,
        },
        Row {
            next: vec![MATCH; width],
            accepts_at_end: true,
        },
    ];
    for state in order {
        rows.push(Row {
            next: walked[state]
                .next
                .iter()
                .map(|&t| row_of[t].unwrap_or(DEAD))
                .collect(),
            accepts_at_end: walked[state].accepts_at_end,
        });
    }
    (rows, row_of[0].unwrap_or(DEAD))
}

/// Folding states can make source classes indistinguishable; merging them shortens rows.
/// Returns the column count and the column of each source class.
fn merge_columns(rows: &[Row], width: usize) -> (usize, Vec<usize>) {
    let mut seen: HashMap<Vec<usize>, usize> = HashMap::new();
    let column_of_class = (0..width)
        .map(|class| {
            let column: Vec<usize> = rows.iter().map(|row| row.next[class]).collect();
            let fresh = seen.len();
            *seen.entry(column).or_insert(fresh)
        })
        .collect();
    (seen.len(), column_of_class)
}
