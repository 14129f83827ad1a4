//! Property tests: invariants that hold for any text.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::schema::Public;
use article_analyzer::{analyze, Analysis, Options, ParagraphMode};
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

fn on_boundary(text: &str, at: usize) -> bool {
    at <= text.len() && text.is_char_boundary(at)
}

/// Checks every structural invariant of an analysis.
fn invariants(text: &str, a: &Analysis) {
    let mut prev_end = 0;
    for p in &a.paragraphs {
        assert!(
            p.span.start >= prev_end && p.span.start < p.span.end,
            "paragraphs sorted, non-empty"
        );
        assert!(on_boundary(text, p.span.start) && on_boundary(text, p.span.end));
        let s = p.span.slice(text);
        assert_eq!(s, s.trim(), "paragraphs are trimmed");
        prev_end = p.span.end;
    }
    let mut prev_end = 0;
    for s in &a.sentences {
        let para = a.paragraphs[s.paragraph].span;
        assert!(para.contains(s.span), "sentence inside its paragraph");
        assert!(
            s.span.start >= prev_end && s.span.start < s.span.end,
            "sentences sorted, disjoint"
        );
        assert!(on_boundary(text, s.span.start) && on_boundary(text, s.span.end));
        let slice = s.span.slice(text);
        assert_eq!(
            slice,
            slice.trim(),
            "sentences start and end on non-whitespace"
        );
        prev_end = s.span.end;
    }
    // Every non-whitespace character of a paragraph belongs to one sentence.
    for (i, p) in a.paragraphs.iter().enumerate() {
        let mut covered: Vec<(usize, usize)> = a
            .sentences
            .iter()
            .filter(|s| s.paragraph == i)
            .map(|s| (s.span.start, s.span.end))
            .collect();
        covered.sort();
        for (at, c) in p.span.slice(text).char_indices() {
            let at = p.span.start + at;
            if !c.is_whitespace() {
                assert!(
                    covered.iter().any(|&(s, e)| s <= at && at < e),
                    "char at {at} lost"
                );
            }
        }
    }
    let mut prev_end = 0;
    for (i, q) in a.quotes.iter().enumerate() {
        assert!(
            q.outer.contains(q.span),
            "quoted words inside the quotation"
        );
        assert!(q.outer.start >= prev_end, "quotations sorted and disjoint");
        assert!(on_boundary(text, q.span.start) && on_boundary(text, q.span.end));
        assert!(q.sentence < a.sentences.len());
        if let Some(s) = q.speaker {
            assert!(a.speakers[s].quotes.contains(&i));
        }
        if let Some(c) = q.continues {
            assert!(c < i);
        }
        if let Some(cue) = q.cue {
            assert!(on_boundary(text, cue.start) && on_boundary(text, cue.end) && !cue.is_empty());
        }
        prev_end = q.outer.end;
    }
    for (si, sp) in a.speakers.iter().enumerate() {
        assert!(!sp.name.is_empty() && !sp.quotes.is_empty());
        for &qi in &sp.quotes {
            assert_eq!(a.quotes[qi].speaker, Some(si));
        }
    }
    assert_eq!(a.stats.sentences, a.sentences.len());
    assert_eq!(a.stats.paragraphs, a.paragraphs.len());
    assert!(a.stats.unique_words <= a.stats.words);
    // The public result's UTF-16 offsets slice the same text.
    let units: Vec<u16> = text.encode_utf16().collect();
    let public = Public::new(text, a);
    for s in &public.sentences {
        assert_eq!(String::from_utf16(&units[s.start..s.end]).unwrap(), s.text);
    }
    for q in &public.quotes {
        assert_eq!(String::from_utf16(&units[q.start..q.end]).unwrap(), q.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_hold_for_article_like_text(text in article()) {
        for mode in [ParagraphMode::Auto, ParagraphMode::Lines, ParagraphMode::BlankLines] {
            let mut options = Options::default();
            options.paragraphs = mode;
            invariants(&text, &analyze(&text, &options));
        }
    }

    #[test]
    fn invariants_hold_for_any_string(text in any::<String>()) {
        invariants(&text, &analyze(&text, &Options::default()));
    }
}

#[test]
fn many_unmatched_quote_marks_stay_linear_and_bounded() {
    // 100,000 stray marks of every kind: no panic, every quotation inside its paragraph.
    let text = "“ ” ‘ ’ \" ' « » ".repeat(12_500);
    let a = analyze(&text, &Options::default());
    invariants(&text, &a);
}
