//! Property tests: invariants that hold for any text.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::schema::Public;
use article_analyzer::{analyze, Analysis, Options, ParagraphKind, ParagraphMode, Span};
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

/// Every span, mapped back to the input, lies inside it on character boundaries, in order.
fn mapped_invariants(input: &str, a: &Analysis) {
    let spans = a
        .paragraphs
        .iter()
        .map(|p| p.span)
        .chain(a.sentences.iter().map(|s| s.span))
        .chain(a.quotes.iter().flat_map(|q| [q.span, q.outer]))
        .chain(a.repairs.iter().map(|r| r.span));
    for span in spans {
        let m = a.offsets.span(span);
        assert!(
            m.start <= m.end && m.end <= input.len(),
            "{m:?} inside the input"
        );
        assert!(on_boundary(input, m.start) && on_boundary(input, m.end));
    }
    let mut prev = 0;
    for s in &a.sentences {
        let m = a.offsets.span(s.span);
        assert!(m.start >= prev, "mapped sentences stay in order");
        prev = m.end;
    }
}

/// Checks every structural invariant of an analysis.
fn invariants(input: &str, a: &Analysis) {
    mapped_invariants(input, a);
    let text = a.text.as_str();
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
    let body = |i: usize| a.paragraphs[i].kind == ParagraphKind::Body;
    let body_sentences = a.sentences.iter().filter(|s| body(s.paragraph)).count();
    assert_eq!(a.stats.sentences, body_sentences);
    let body_paragraphs = (0..a.paragraphs.len()).filter(|&i| body(i)).count();
    assert_eq!(a.stats.paragraphs, body_paragraphs);
    assert!(a.stats.unique_words <= a.stats.words);
    // The public result's UTF-16 offsets slice the input: exactly the cleaned words where
    // cleaning changed nothing, the characters they came from elsewhere.
    let units: Vec<u16> = input.encode_utf16().collect();
    let public = Public::new(input, a);
    let check = |start: usize, end: usize, cleaned: &str, span: Span| {
        let sliced = String::from_utf16(&units[start..end]).unwrap();
        assert_eq!(sliced, a.offsets.span(span).slice(input));
        if a.offsets.is_identity() {
            assert_eq!(sliced, cleaned);
        }
    };
    for (p, s) in public.sentences.iter().zip(&a.sentences) {
        check(p.start, p.end, p.text, s.span);
    }
    for (p, q) in public.quotes.iter().zip(&a.quotes) {
        check(p.start, p.end, p.text, q.span);
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
