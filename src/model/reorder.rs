//! Re-ordering a keyed list with as few moves as possible.
//!
//! When the scoreboard is re-ranked, one executive usually jumps up or down and everybody between
//! shifts by one place. Moving only the rows that left the longest run still in their old relative
//! order (here: the one that jumped) keeps the browser from laying out every row in between again.

use std::collections::HashMap;
use std::hash::Hash;

/// For each item of `new`, whether it can stay where it is when a list goes from `old` to `new`:
/// true for the items of the longest run common to both that kept its relative order; false for
/// every other item (moved, or not in `old`), which has to be put in place before its successor.
///
/// O(n log n). Keys are expected to be unique within each list; a repeated key counts once.
pub fn kept_in_place<K: Eq + Hash>(old: &[K], new: &[K]) -> Vec<bool> {
    let old_index: HashMap<&K, usize> = old.iter().enumerate().map(|(i, k)| (k, i)).collect();
    // Positions in `new` of the items also in `old`, with their old index.
    let common: Vec<(usize, usize)> = new
        .iter()
        .enumerate()
        .filter_map(|(i, k)| old_index.get(k).map(|&o| (i, o)))
        .collect();
    // Longest strictly increasing subsequence of the old indices (patience sorting): `tails[l]`
    // is the index in `common` of the smallest tail of an increasing run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; common.len()];
    for (c, &(_, old_at)) in common.iter().enumerate() {
        let length = tails.partition_point(|&t| common[t].1 < old_at);
        previous[c] = length.checked_sub(1).map(|l| tails[l]);
        if length == tails.len() {
            tails.push(c);
        } else {
            tails[length] = c;
        }
    }
    let mut kept = vec![false; new.len()];
    let mut at = tails.last().copied();
    while let Some(c) = at {
        kept[common[c].0] = true;
        at = previous[c];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::kept_in_place;

    /// Applies the moves the way the UI does (from the end, each moved or new item put before its
    /// successor) and returns the resulting order with the number of items put in place.
    fn apply(old: &[u32], new: &[u32]) -> (Vec<u32>, usize) {
        let kept = kept_in_place(old, new);
        let mut list: Vec<u32> = old.iter().copied().filter(|k| new.contains(k)).collect();
        let mut moves = 0;
        for i in (0..new.len()).rev() {
            if kept[i] {
                continue;
            }
            moves += 1;
            list.retain(|k| *k != new[i]);
            let at = match new.get(i + 1) {
                Some(next) => list.iter().position(|k| k == next).unwrap_or(list.len()),
                None => list.len(),
            };
            list.insert(at, new[i]);
        }
        (list, moves)
    }

    #[test]
    fn a_jump_to_the_top_moves_one_item() {
        let old = [1, 2, 3, 4, 5, 6, 7, 8];
        let new = [7, 1, 2, 3, 4, 5, 6, 8];
        assert_eq!(apply(&old, &new), (new.to_vec(), 1));
        assert_eq!(
            kept_in_place(&old, &new),
            [false, true, true, true, true, true, true, true]
        );
    }

    #[test]
    fn a_drop_to_the_bottom_moves_one_item() {
        let old = [1, 2, 3, 4, 5, 6];
        let new = [2, 3, 4, 5, 6, 1];
        assert_eq!(apply(&old, &new), (new.to_vec(), 1));
    }

    #[test]
    fn an_unchanged_list_moves_nothing_and_a_reversed_one_all_but_one() {
        let old = [1, 2, 3, 4];
        assert_eq!(apply(&old, &old), (old.to_vec(), 0));
        assert_eq!(apply(&old, &[4, 3, 2, 1]), (vec![4, 3, 2, 1], 3));
    }

    #[test]
    fn items_entering_and_leaving_the_page() {
        // The page shows places 1–4: one executive enters at the top, the last one leaves.
        let old = [1, 2, 3, 4];
        let new = [9, 1, 2, 3];
        assert_eq!(apply(&old, &new), (new.to_vec(), 1));
        assert_eq!(kept_in_place(&old, &new), [false, true, true, true]);
        assert_eq!(apply(&[], &[1, 2]), (vec![1, 2], 2));
        assert_eq!(apply(&[1, 2], &[]), (vec![], 0));
    }

    #[test]
    fn every_permutation_of_five_ends_in_the_new_order_with_the_fewest_moves() {
        // Fewest moves = n − the longest increasing subsequence, checked by brute force.
        fn permutations(items: Vec<u32>) -> Vec<Vec<u32>> {
            if items.len() <= 1 {
                return vec![items];
            }
            let mut out = Vec::new();
            for i in 0..items.len() {
                let mut rest = items.clone();
                let first = rest.remove(i);
                for mut p in permutations(rest) {
                    p.insert(0, first);
                    out.push(p);
                }
            }
            out
        }
        fn longest_increasing(xs: &[u32]) -> usize {
            let mut best = vec![1; xs.len()];
            for i in 0..xs.len() {
                for j in 0..i {
                    if xs[j] < xs[i] {
                        best[i] = best[i].max(best[j] + 1);
                    }
                }
            }
            best.into_iter().max().unwrap_or(0)
        }
        let old = [1, 2, 3, 4, 5];
        for new in permutations(old.to_vec()) {
            let (order, moves) = apply(&old, &new);
            assert_eq!(order, new);
            assert_eq!(moves, new.len() - longest_increasing(&new), "{new:?}");
        }
    }
}
