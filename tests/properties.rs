//! Property tests: invariants that hold for any text. The invariants themselves live in
//! `fuzz/src/invariants.rs`, shared with the fuzz targets and `tests/hostile.rs`: spans sorted,
//! disjoint and on character boundaries, sentences covering their paragraph, quotations inside one
//! paragraph, cleaning that keeps every character it does not repair, and UTF-16 offsets that
//! slice the input.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use article_analyzer::{analyze, Options, ParagraphMode, Scope};
use invariants::analyze_checked;
use proptest::prelude::*;

/// Fragments that exercise the analyzer's rules: words, abbreviations, quotes and apostrophes,
/// line breaks of every kind, emoji, combining marks, RTL and CJK text.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "said",
            "Mr.",
            "U.S.",
            "Dr.",
            "a.m.",
            "He",
            "she",
            "The",
            "Ana",
            "Ruiz",
            "told",
            "according to",
            "couldn’t",
            "leaders’",
            "’90s",
            "3.5",
            "$1.5",
            "No.",
            "e.g.",
            "J.K.",
        ])
        .prop_map(str::to_string),
        prop::sample::select(vec![
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\r",
            "\t",
            "\u{a0}",
            "\u{2029}",
            ". ",
            "? ",
            "! ",
            "...",
            "…",
            ", ",
            ": ",
            "—",
            "-",
            "“",
            "”",
            "‘",
            "’",
            "\"",
            "'",
            "«",
            "»",
            "„",
            "(",
            ")",
            "😀",
            "👩‍🔬",
            "🇺🇸",
            "e\u{301}",
            "\u{200b}",
            "שלום",
            "مرحبا",
            "東京では",
            "\u{0}",
            "\u{feff}",
        ])
        .prop_map(str::to_string),
        "[A-Za-z]{1,8}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..80).prop_map(|parts| parts.concat())
}

/// Every combination of the options.
fn all_options() -> Vec<Options> {
    let mut all = Vec::new();
    for mode in [
        ParagraphMode::Auto,
        ParagraphMode::Lines,
        ParagraphMode::BlankLines,
    ] {
        for scope in [Scope::Body, Scope::All] {
            let mut options = Options::default();
            options.paragraphs = mode;
            options.scope = scope;
            all.push(options);
        }
    }
    all
}

/// Markup, references, mis-decoded characters and invisible characters: what cleaning changes.
fn dirty_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        fragment(),
        prop::sample::select(vec![
            "<p>",
            "</p>",
            "<em>",
            "</em>",
            "<br>",
            "<article>",
            "<!DOCTYPE html>",
            "<script>x</script>",
            "&amp;",
            "&#8217;",
            "&nbsp;",
            "&bogus;",
            "â€™",
            "â€œ",
            "Ã©",
            "Â ",
            "¬†",
            "ðŸ˜€",
            "\u{ad}",
            "\u{200d}",
            "\u{2028}",
            "\u{85}",
            "\u{7}",
        ])
        .prop_map(str::to_string),
    ]
}

fn dirty_article() -> impl Strategy<Value = String> {
    prop::collection::vec(dirty_fragment(), 0..80).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_hold_for_article_like_text(text in article()) {
        for options in all_options() {
            analyze_checked(&text, &options);
        }
    }

    #[test]
    fn invariants_hold_for_text_that_needs_cleaning(text in dirty_article()) {
        for options in all_options() {
            analyze_checked(&text, &options);
        }
    }

    #[test]
    fn invariants_hold_for_any_string(text in any::<String>()) {
        analyze_checked(&text, &Options::default());
    }

    #[test]
    fn invariants_hold_for_any_bytes_read_as_utf8(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        analyze_checked(&text, &Options::default());
    }

    #[test]
    fn the_same_text_gives_the_same_analysis(text in dirty_article()) {
        let options = Options::default();
        prop_assert_eq!(analyze(&text, &options), analyze(&text, &options));
    }
}

#[test]
fn many_unmatched_quote_marks_stay_linear_and_bounded() {
    // 100,000 stray marks of every kind: no panic, every quotation inside its paragraph.
    let text = "“ ” ‘ ’ \" ' « » ".repeat(12_500);
    analyze_checked(&text, &Options::default());
}
