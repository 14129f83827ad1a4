//! A seeded pseudo-random generator for the unit tests that compare a fast path with its
//! reference on generated text (no dependency, the same sequence every run).

/// A xorshift generator from `seed`: each call with `n` gives a number below `n`.
pub(crate) fn numbers(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}
