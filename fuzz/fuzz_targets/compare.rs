//! `compare` on any two texts: the fuzz bytes are split at the first 0xFF byte (or in the middle
//! when there is none) into two texts read as lossy UTF-8; the first byte chooses the analysis
//! options and the second the thresholds. It never panics and every invariant holds.
#![no_main]

use article_analyzer::CompareOptions;
use article_analyzer_fuzz::{compare_invariants, options_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (choice, rest) = data.split_first().map_or((0, data), |(&c, r)| (c, r));
    let (thresholds, rest) = rest.split_first().map_or((0, rest), |(&t, r)| (t, r));
    let cut = rest
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(rest.len() / 2);
    let a = String::from_utf8_lossy(&rest[..cut]);
    let b = String::from_utf8_lossy(rest.get(cut + 1..).unwrap_or_default());
    let mut options = CompareOptions::default();
    options.analysis = options_from(choice);
    options.paraphrase_threshold = f64::from(thresholds & 0x0F) / 15.0;
    options.sentence_threshold = f64::from(thresholds >> 4) / 15.0;
    compare_invariants::compare_checked(&a, &b, &options);
});
