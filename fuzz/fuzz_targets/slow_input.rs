//! Flags super-linear time. The input after the first byte is a unit of text (at most 256
//! bytes); it is built into a repetitive text of about 2 KB and one 16 times longer, either by
//! repetition (`unit` × n) or by nesting (the unit's first half × n, then its second half × n,
//! as in `((((…))))` or `“““…”””`). Linear time makes the long text about 16 times slower; the
//! target fails when it is more than 96 times slower (quadratic would be 256) and slower than
//! 2 ms, confirmed by a second measurement so that a busy machine does not raise false alarms.
#![no_main]

use article_analyzer::{analyze, Options};
use article_analyzer_fuzz::options_from;
use libfuzzer_sys::fuzz_target;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SMALL: usize = 2048;
const FACTOR: usize = 16;
const MAX_RATIO: u32 = 96;
const MIN_SLOW: Duration = Duration::from_millis(2);

/// The text of about `size` bytes built from `unit`.
fn build(unit: &str, nested: bool, size: usize) -> String {
    if !nested || unit.chars().count() < 2 {
        return unit.repeat(size.div_ceil(unit.len()));
    }
    let mid = unit
        .char_indices()
        .nth(unit.chars().count() / 2)
        .map_or(unit.len(), |(i, _)| i);
    let (open, close) = unit.split_at(mid);
    let n = size.div_ceil(unit.len());
    let mut text = open.repeat(n);
    text.push_str(&close.repeat(n));
    text
}

/// The fastest of `runs` analyses of `text`.
fn best_of(runs: usize, text: &str, options: &Options) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(analyze(black_box(text), options));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn too_slow(small: Duration, large: Duration) -> bool {
    large > MIN_SLOW && large > small.max(Duration::from_micros(1)) * MAX_RATIO
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, unit)) = data.split_first() else {
        return;
    };
    let unit = String::from_utf8_lossy(&unit[..unit.len().min(256)]);
    if unit.is_empty() {
        return;
    }
    let options = options_from(choice);
    let nested = choice >= 128;
    let small = build(&unit, nested, SMALL);
    let large = build(&unit, nested, SMALL * FACTOR);
    let (t_small, t_large) = (best_of(2, &small, &options), best_of(1, &large, &options));
    if !too_slow(t_small, t_large) {
        return;
    }
    let (t_small, t_large) = (best_of(5, &small, &options), best_of(3, &large, &options));
    assert!(
        !too_slow(t_small, t_large),
        "super-linear time: {} bytes took {t_small:?}, {} bytes took {t_large:?} (unit {unit:?}, nested {nested})",
        small.len(),
        large.len(),
    );
});
