//! Which string lengths, in code points, a compiled pattern can match: enough to prove that a
//! `#[len]` and a `#[pattern]` on the same field contradict each other.
//!
//! The tables read bytes; a code point is one well-formed UTF-8 sequence, so one step here
//! follows every such sequence from a state. `R(n)`, the set of states reached after `n` code
//! points, is a function of `R(n - 1)`, so the sequence of sets is eventually periodic, and
//! so is the set of accepted lengths: a prefix, then a cycle.

use std::collections::HashMap;

use super::tables::Tables;

/// The well-formed UTF-8 sequences (RFC 3629), as ranges of bytes.
const UTF8_SEQUENCES: &[&[(u8, u8)]] = &[
    &[(0x00, 0x7F)],
    &[(0xC2, 0xDF), (0x80, 0xBF)],
    &[(0xE0, 0xE0), (0xA0, 0xBF), (0x80, 0xBF)],
    &[(0xE1, 0xEC), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xED, 0xED), (0x80, 0x9F), (0x80, 0xBF)],
    &[(0xEE, 0xEF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF0, 0xF0), (0x90, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF1, 0xF3), (0x80, 0xBF), (0x80, 0xBF), (0x80, 0xBF)],
    &[(0xF4, 0xF4), (0x80, 0x8F), (0x80, 0xBF), (0x80, 0xBF)],
];

/// Lengths are followed this far at most; a pattern whose lengths are not periodic by then
/// is not judged (no error is better than a wrong one).
const MAX_STEPS: usize = 4096;

/// Lengths `min..=max` in code points; no `max`: unbounded.
pub(crate) type Interval = (usize, Option<usize>);

/// The lengths a pattern matches: `accepted[n]` for every `n` below `cycle_start + period`,
/// and `accepted[n] == accepted[n - period]` beyond.
#[derive(Debug)]
pub(crate) struct Lengths {
    accepted: Vec<bool>,
    cycle_start: usize,
    period: usize,
}

impl Lengths {
    /// The lengths `tables` accepts, or `None` if they were not periodic within
    /// [`MAX_STEPS`].
    pub(crate) fn of(tables: &Tables) -> Option<Lengths> {
        let mut machine = Machine::new(tables);
        let mut seen: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut accepted = Vec::new();
        let mut states = vec![tables.start / tables.stride];
        for n in 0..=MAX_STEPS {
            if let Some(&first) = seen.get(&states) {
                return Some(Lengths {
                    accepted,
                    cycle_start: first,
                    period: n - first,
                });
            }
            accepted.push(states.iter().any(|&row| machine.accepts_at_end(row)));
            let next = machine.step(&states);
            seen.insert(std::mem::replace(&mut states, next), n);
        }
        None
    }

    /// Whether a string of `n` code points can match.
    pub(crate) fn accepts(&self, n: usize) -> bool {
        let index = if n < self.accepted.len() {
            n
        } else {
            self.cycle_start + (n - self.cycle_start) % self.period
        };
        self.accepted[index]
    }

    /// Whether some length in `min..=max` (`max` unbounded if `None`) can match.
    pub(crate) fn any_in(&self, min: usize, max: Option<usize>) -> bool {
        // Past the prefix, one period covers every case.
        let enough = min.max(self.accepted.len()) + self.period;
        let end = max.map_or(enough, |max| max.min(enough));
        (min..=end).any(|n| self.accepts(n))
    }

    /// Whether every length that can match lies in `min..=max` (`max` unbounded if `None`):
    /// then a value the pattern matches passes that `len` too, uncounted.
    pub(crate) fn all_in(&self, min: usize, max: Option<usize>) -> bool {
        let below = min
            .checked_sub(1)
            .is_some_and(|below| self.any_in(0, Some(below)));
        let above = max
            .and_then(|max| max.checked_add(1))
            .is_some_and(|above| self.any_in(above, None));
        !below && !above
    }

    /// The accepted lengths when they form one interval `min..=max` (`max` `None`: no upper
    /// bound), for a hint; `None` when there are gaps or no length at all.
    pub(crate) fn interval(&self) -> Option<Interval> {
        let min = (0..self.accepted.len()).find(|&n| self.accepts(n))?;
        let unbounded = (self.cycle_start..self.accepted.len()).any(|n| self.accepts(n));
        if unbounded {
            // Accepted from `min` on without a gap: through one whole period of the cycle.
            let enough = min.max(self.cycle_start) + self.period;
            return (min..enough)
                .all(|n| self.accepts(n))
                .then_some((min, None));
        }
        let max = (0..self.accepted.len()).rev().find(|&n| self.accepts(n))?;
        (min..=max)
            .all(|n| self.accepts(n))
            .then_some((min, Some(max)))
    }
}

/// The tables, stepped a code point at a time, each state's successors computed once.
struct Machine<'a> {
    tables: &'a Tables,
    successors: HashMap<usize, Vec<usize>>,
}

impl<'a> Machine<'a> {
    fn new(tables: &'a Tables) -> Self {
        Machine {
            tables,
            successors: HashMap::new(),
        }
    }

    fn next_row(&self, row: usize, byte: u8) -> usize {
        let column = usize::from(self.tables.classes[usize::from(byte)]);
        usize::from(self.tables.trans[row * self.tables.stride + column]) / self.tables.stride
    }

    /// Whether the input may end in `row` and match (the last column is end of input).
    fn accepts_at_end(&self, row: usize) -> bool {
        let stride = self.tables.stride;
        usize::from(self.tables.trans[row * stride + stride - 1]) / stride == 1
    }

    /// The states after one more code point from any of `states`, sorted.
    fn step(&mut self, states: &[usize]) -> Vec<usize> {
        let mut next: Vec<usize> = Vec::new();
        for &row in states {
            if !self.successors.contains_key(&row) {
                let successors = self.code_point_successors(row);
                self.successors.insert(row, successors);
            }
            next.extend(&self.successors[&row]);
        }
        next.sort_unstable();
        next.dedup();
        next
    }

    fn code_point_successors(&self, row: usize) -> Vec<usize> {
        let mut out = Vec::new();
        for sequence in UTF8_SEQUENCES {
            let mut rows = vec![row];
            for &(low, high) in *sequence {
                let mut next: Vec<usize> = rows
                    .iter()
                    .flat_map(|&row| (low..=high).map(move |byte| (row, byte)))
                    .map(|(row, byte)| self.next_row(row, byte))
                    .collect();
                next.sort_unstable();
                next.dedup();
                rows = next;
            }
            out.extend(rows);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// "20 characters", "3 to 5 characters", "at least 21 characters", "at most 2 characters".
pub(crate) fn describe(min: usize, max: Option<usize>) -> String {
    let unit = |n: usize| if n == 1 { "character" } else { "characters" };
    match max {
        Some(max) if max == min => format!("{min} {}", unit(min)),
        Some(max) if min == 0 => format!("at most {max} {}", unit(max)),
        Some(max) => format!("{min} to {max} {}", unit(max)),
        None => format!("at least {min} {}", unit(min)),
    }
}

#[cfg(test)]
mod tests {
    use super::{Interval, Lengths, describe};
    use crate::pattern::build;

    fn lengths(pattern: &str) -> Lengths {
        Lengths::of(&build(pattern).unwrap()).expect("periodic")
    }

    #[test]
    fn intervals_of_anchored_and_unanchored_patterns() {
        let cases: &[(&str, Option<Interval>)] = &[
            ("^[A-Z0-9]{20}$", Some((20, Some(20)))),
            (
                r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$",
                Some((32, None)),
            ),
            ("a", Some((1, None))),
            ("", Some((0, None))),
            ("^$", Some((0, Some(0)))),
            ("^é{2}$", Some((2, Some(2)))),
            ("^[😀-😂]$", Some((1, Some(1)))),
            ("^.{3}$", Some((3, Some(3)))),
            ("^[a-z]{1,2048}$", Some((1, Some(2048)))),
            ("^a{2,3}(b{5})?$", None),
            ("^(ab)+$", None),
            (r"[^\s\S]", None),
        ];
        for &(pattern, interval) in cases {
            assert_eq!(lengths(pattern).interval(), interval, "{pattern}");
        }
    }

    #[test]
    fn lengths_are_code_points_and_gaps_are_kept() {
        let pairs = lengths("^(ab)+$");
        assert!(!pairs.accepts(0) && pairs.accepts(2) && !pairs.accepts(3));
        assert!(pairs.accepts(1_000_000) && !pairs.accepts(1_000_001));
        assert!(!pairs.any_in(3, Some(3)));
        assert!(pairs.any_in(3, Some(4)));
        assert!(pairs.any_in(1_000_001, None));

        let gap = lengths("^a{2,3}(b{5})?$");
        assert!(gap.any_in(2, Some(3)) && gap.any_in(7, Some(8)));
        assert!(!gap.any_in(4, Some(6)) && !gap.any_in(9, None));

        // Two code points, four bytes: a byte count would say 4.
        let accented = lengths("^é{2}$");
        assert!(accented.accepts(2) && !accented.accepts(4));

        let never = lengths(r"[^\s\S]");
        assert!(!never.any_in(0, None));
    }

    #[test]
    fn a_pattern_implies_a_len_when_all_its_lengths_fit() {
        let key = lengths("^[A-Z0-9]{20}$");
        assert!(key.all_in(20, Some(20)) && key.all_in(1, None) && key.all_in(0, Some(20)));
        assert!(!key.all_in(21, None) && !key.all_in(0, Some(19)));
        let arn = lengths(r"^arn:aws:iam::[0-9]{12}:role/[a-zA-Z0-9+=,.@_-]+$");
        assert!(arn.all_in(1, None) && arn.all_in(32, None));
        assert!(!arn.all_in(33, None) && !arn.all_in(1, Some(2048)));
        // Unanchored: the value may be longer than the match.
        let unanchored = lengths("[0-9]{3}");
        assert!(unanchored.all_in(3, None) && !unanchored.all_in(3, Some(3)));
        // Gaps are not lengths: `(ab)+` has only even ones.
        let pairs = lengths("^(ab)+$");
        assert!(pairs.all_in(2, None) && pairs.all_in(1, None) && !pairs.all_in(3, None));
        let empty = lengths("^$");
        assert!(empty.all_in(0, Some(0)) && !empty.all_in(1, None));
        assert!(key.all_in(0, Some(usize::MAX)));
    }

    #[test]
    fn lengths_are_described_like_len() {
        assert_eq!(describe(20, Some(20)), "20 characters");
        assert_eq!(describe(1, Some(1)), "1 character");
        assert_eq!(describe(3, Some(5)), "3 to 5 characters");
        assert_eq!(describe(0, Some(2)), "at most 2 characters");
        assert_eq!(describe(21, None), "at least 21 characters");
    }
}
