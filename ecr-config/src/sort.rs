//! The crate's one sort: stable, small in code, and compiled once.
//!
//! The standard sorts are instantiated per element type and per comparison closure, and each
//! instantiation is large (driftsort, or the unrolled sorting networks of the unstable sort):
//! six sorts of findings, spans and keys made over a quarter of this crate's machine code,
//! compiled in every user's cold build (issue 10), to sort what is usually a few findings,
//! often in order already. These are as generic, but a few lines each: a check for order,
//! insertion below [`SMALL`], else a bottom-up merge sort of indices and a permutation.

use std::cmp::Ordering;

/// Up to this many items are sorted in place by insertion: quadratic, but fewer moves and
/// no allocation for the usual few findings.
const SMALL: usize = 16;

/// Sorts `items` by `compare`, stably: items that compare equal keep their order.
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    // Often the case (spans found in document order): one pass, no allocation.
    if items.is_sorted_by(|a, b| compare(a, b).is_le()) {
        return;
    }
    if items.len() <= SMALL {
        insertion(items, compare);
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, |a, b| compare(&items[a], &items[b]));
    permute(items, &mut order);
}

/// Sorts the indices `order` by `compare`, stably: runs of [`SMALL`] by insertion, then a
/// bottom-up merge sort that merges only the runs out of order with each other, back and
/// forth between `order` and one buffer.
pub(crate) fn sort_indices(order: &mut [usize], compare: impl Fn(usize, usize) -> Ordering) {
    let n = order.len();
    for run in order.chunks_mut(SMALL) {
        insertion(run, |&a, &b| compare(a, b));
    }
    if n <= SMALL {
        return;
    }
    let mut buffer = vec![0; n];
    let (mut from, mut to): (&mut [usize], &mut [usize]) = (order, &mut buffer);
    let mut in_buffer = false;
    let mut width = SMALL;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            // Runs already in order (a nearly sorted input's) are copied as they are.
            if middle == end || compare(from[middle], from[middle - 1]).is_ge() {
                to[start..end].copy_from_slice(&from[start..end]);
                continue;
            }
            let (mut left, mut right) = (start, middle);
            for slot in &mut to[start..end] {
                // The left run's item first on ties: stable.
                let take_left =
                    right == end || (left < middle && compare(from[right], from[left]).is_ge());
                if take_left {
                    *slot = from[left];
                    left += 1;
                } else {
                    *slot = from[right];
                    right += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        in_buffer = !in_buffer;
        width *= 2;
    }
    if in_buffer {
        // `from` is the buffer, `to` is `order`.
        to.copy_from_slice(from);
    }
}

/// Sorts a few `items` in place, stably.
fn insertion<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j], &items[j - 1]).is_lt() {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Puts `items[order[k]]` at `k`, for every `k`, by following the permutation's cycles;
/// `order` is used up (every entry is overwritten).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    const PLACED: usize = usize::MAX;
    for start in 0..order.len() {
        // The item first at `start` travels along the cycle, to where it belongs.
        let mut current = start;
        while order[current] != PLACED {
            let next = order[current];
            order[current] = PLACED;
            if next == start {
                break;
            }
            items.swap(current, next);
            current = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{SMALL, sort_by, sort_indices};

    /// Against the standard stable sort, on keys with many ties, below and above [`SMALL`].
    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut rng = fastrand::Rng::with_seed(7);
        for len in (0..=SMALL + 2).chain([40, 100, 257, 1000]) {
            for _ in 0..20 {
                let items: Vec<(u8, usize)> = (0..len).map(|i| (rng.u8(..5), i)).collect();
                let mut ours = items.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std = items.clone();
                std.sort_by_key(|item| item.0);
                assert_eq!(ours, std, "length {len}");

                let mut order: Vec<usize> = (0..len).collect();
                sort_indices(&mut order, |a, b| items[a].0.cmp(&items[b].0));
                let by_index: Vec<(u8, usize)> = order.iter().map(|&i| items[i]).collect();
                assert_eq!(by_index, std, "indices, length {len}");
            }
        }
    }

    #[test]
    fn sorts_items_that_own_memory() {
        let mut rng = fastrand::Rng::with_seed(11);
        let words: Vec<String> = (0..300).map(|_| rng.u32(..50).to_string()).collect();
        let mut ours = words.clone();
        sort_by(&mut ours, |a: &String, b: &String| a.cmp(b));
        let mut std = words;
        std.sort();
        assert_eq!(ours, std);
    }
}
