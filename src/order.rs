//! One sort for the whole crate, for the size of the `.wasm`: every instantiation of the standard
//! library's sort (each element type and comparator) adds kilobytes of code, so the sorts of the
//! modules that can share one go through [`order_by`].

/// The indices `0..n` ordered by `key`, ties by index: the order a stable sort by `key` gives.
pub(crate) fn order_by(n: usize, key: &dyn Fn(usize) -> (u64, u64)) -> Vec<usize> {
    let mut keyed: Vec<(u64, u64, usize)> = (0..n)
        .map(|i| {
            let (major, minor) = key(i);
            (major, minor, i)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// `items` reordered as `order` (a permutation of their indices) says.
pub(crate) fn reorder<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots[i].take()).collect()
}

/// `items` sorted by `key`, stably: the result of `items.sort_by_key(key)`.
pub(crate) fn sorted_by_key<T>(items: Vec<T>, key: &dyn Fn(&T) -> (u64, u64)) -> Vec<T> {
    let order = order_by(items.len(), &|i| key(&items[i]));
    reorder(items, &order)
}

/// A `usize` as a sort key (lossless: no target has a wider `usize`).
pub(crate) fn key(x: usize) -> u64 {
    x as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_like_the_standard_sort() {
        let items: Vec<(usize, usize, char)> = vec![
            (3, 1, 'a'),
            (1, 2, 'b'),
            (3, 0, 'c'),
            (1, 2, 'd'),
            (0, 9, 'e'),
            (3, 1, 'f'),
        ];
        let mut expected = items.clone();
        expected.sort_by_key(|&(a, b, _)| (a, b));
        let got = sorted_by_key(items, &|&(a, b, _)| (key(a), key(b)));
        assert_eq!(got, expected);
        assert!(order_by(0, &|_| (0, 0)).is_empty());
    }
}
