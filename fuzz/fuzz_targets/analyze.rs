//! `analyze` on any bytes (read as lossy UTF-8) with options chosen by the first byte: it never
//! panics, every invariant holds, and the same input always gives the same result.
#![no_main]

use article_analyzer::analyze;
use article_analyzer_fuzz::{invariants, options_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (choice, rest) = data.split_first().map_or((0, data), |(&c, r)| (c, r));
    let text = String::from_utf8_lossy(rest);
    let options = options_from(choice);
    let analysis = invariants::analyze_checked(&text, &options);
    // No hash order or other hidden state leaks into the result (the CLI and the page must agree).
    assert!(
        analysis == analyze(&text, &options),
        "the same input gave two different analyses"
    );
});
