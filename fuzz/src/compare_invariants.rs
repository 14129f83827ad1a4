//! Invariants of a comparison that hold for any two texts, checked by the `compare` fuzz target
//! and by `tests/compare.rs` (which includes this file next to `invariants.rs`).
//!
//! Every check panics with a message naming the broken invariant.

use super::invariants;
use article_analyzer::schema::PublicComparison;
use article_analyzer::{compare, Analysis, CompareOptions, Comparison, DiffOp, MatchKind, Span};

/// Compares `a` and `b` with `options`, checks every invariant of the result (and of both
/// analyses), and returns it.
pub fn compare_checked(a: &str, b: &str, options: &CompareOptions) -> Comparison {
    let c = compare(a, b, options);
    invariants::check(a, &options.analysis, &c.a);
    invariants::check(b, &options.analysis, &c.b);
    check_comparison(a, b, options, &c);
    c
}

/// Checks every invariant of `c`, the comparison of `a` and `b` with `options`.
pub fn check_comparison(a: &str, b: &str, options: &CompareOptions, c: &Comparison) {
    check_quotes(c);
    check_speakers(c);
    check_sentences(options, c);
    check_public(a, b, c);
}

fn check_quotes(c: &Comparison) {
    let (qa, qb) = (c.a.quotes.len(), c.b.quotes.len());
    assert!(
        c.quote_matches
            .windows(2)
            .all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)),
        "quote matches are sorted and distinct"
    );
    let mut matched = (vec![false; qa], vec![false; qb]);
    let mut strong = (vec![0; qa], vec![0; qb]);
    for m in &c.quote_matches {
        assert!(
            m.a < qa && m.b < qb,
            "a quote match names quotations that exist"
        );
        matched.0[m.a] = true;
        matched.1[m.b] = true;
        assert!(
            m.similarity.is_finite() && (0.0..=1.0).contains(&m.similarity),
            "similarity {} lies in 0..=1",
            m.similarity
        );
        if matches!(m.kind, MatchKind::Exact | MatchKind::Variant) {
            strong.0[m.a] += 1;
            strong.1[m.b] += 1;
        }
        if m.kind == MatchKind::Exact {
            assert!(
                m.diff.iter().all(|d| d.op == DiffOp::Same),
                "an exact match has no difference"
            );
        }
        let (x, y) = (&c.a.quotes[m.a], &c.b.quotes[m.b]);
        assert_eq!(
            m.same_speaker.is_some(),
            x.speaker.is_some() && y.speaker.is_some(),
            "sameSpeaker is null exactly when a side has no speaker"
        );
        check_diff(&c.a, x.span, &c.b, y.span, &m.diff);
    }
    assert!(
        strong.0.iter().chain(&strong.1).all(|&n| n <= 1),
        "a quotation is in at most one exact or variant match"
    );
    for (only, seen, what) in [
        (&c.only_in_a, &matched.0, "onlyInA"),
        (&c.only_in_b, &matched.1, "onlyInB"),
    ] {
        let expected: Vec<usize> = (0..seen.len()).filter(|&k| !seen[k]).collect();
        assert_eq!(
            only, &expected,
            "{what} holds exactly the quotations in no match, in order"
        );
    }
}

/// The characters of `s` that are not whitespace.
fn ink(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The parts of a diff cover both quotations, in order, without overlap, and nothing is lost:
/// the parts' characters (whitespace aside) on each side are the quotation's.
fn check_diff(a: &Analysis, qa: Span, b: &Analysis, qb: Span, diff: &[article_analyzer::DiffPart]) {
    for (analysis, quote, side) in [(a, qa, 0), (b, qb, 1)] {
        let text = analysis.text.as_str();
        let mut at = quote.start;
        let mut covered = String::new();
        for part in diff {
            let Some(span) = (if side == 0 { part.a } else { part.b }) else {
                continue;
            };
            assert!(
                quote.contains(span) && span.start >= at && !span.is_empty(),
                "diff part {span:?} lies in its quotation {quote:?}, after the part before"
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "diff part {span:?} is on character boundaries"
            );
            at = span.end;
            covered.push_str(&ink(span.slice(text)));
        }
        assert_eq!(
            covered,
            ink(quote.slice(text)),
            "the diff parts hold every character of the quotation"
        );
    }
    for part in diff {
        let words = |analysis: &Analysis, span: Option<Span>| -> Vec<String> {
            span.map(|s| {
                article_analyzer::word_spans(s.slice(&analysis.text))
                    .map(|w| {
                        w.slice(s.slice(&analysis.text))
                            .to_lowercase()
                            .replace('\u{2019}', "'")
                    })
                    .collect()
            })
            .unwrap_or_default()
        };
        let (wa, wb) = (words(a, part.a), words(b, part.b));
        match part.op {
            DiffOp::Same | DiffOp::Case => {
                assert!(
                    part.a.is_some() && part.b.is_some(),
                    "{:?} has both sides",
                    part.op
                );
                assert_eq!(
                    wa, wb,
                    "a {:?} part has the same words on both sides",
                    part.op
                );
            }
            DiffOp::Added => assert!(part.a.is_none() && !wb.is_empty(), "added: words in b only"),
            DiffOp::Removed => {
                assert!(
                    part.b.is_none() && !wa.is_empty(),
                    "removed: words in a only"
                )
            }
            DiffOp::Changed => assert!(
                !wa.is_empty() && !wb.is_empty(),
                "changed: words on both sides"
            ),
            DiffOp::Punctuation => assert!(
                wa.is_empty() && wb.is_empty() && (part.a.is_some() || part.b.is_some()),
                "punctuation: marks only"
            ),
        }
    }
}

fn check_speakers(c: &Comparison) {
    let mut seen = (
        vec![false; c.a.speakers.len()],
        vec![false; c.b.speakers.len()],
    );
    for s in &c.shared_speakers {
        assert!(
            s.a < seen.0.len() && s.b < seen.1.len(),
            "a shared speaker names speakers that exist"
        );
        assert!(
            !seen.0[s.a] && !seen.1[s.b],
            "shared speakers pair one to one"
        );
        seen.0[s.a] = true;
        seen.1[s.b] = true;
        assert_eq!(
            s.quotes_a,
            c.a.speakers[s.a].quotes.len(),
            "quotesA counts the quotations"
        );
        assert_eq!(
            s.quotes_b,
            c.b.speakers[s.b].quotes.len(),
            "quotesB counts the quotations"
        );
        assert!(
            s.name == c.a.speakers[s.a].name || s.name == c.b.speakers[s.b].name,
            "a shared speaker is named as on one side"
        );
    }
    assert!(
        c.shared_speakers.windows(2).all(|w| w[0].name <= w[1].name),
        "shared speakers are sorted by name"
    );
}

fn check_sentences(options: &CompareOptions, c: &Comparison) {
    let mut seen = (
        vec![false; c.a.sentences.len()],
        vec![false; c.b.sentences.len()],
    );
    for m in &c.sentence_matches {
        assert!(
            m.a < seen.0.len() && m.b < seen.1.len(),
            "a sentence match names sentences that exist"
        );
        assert!(
            !seen.0[m.a] && !seen.1[m.b],
            "sentence matches pair one to one"
        );
        seen.0[m.a] = true;
        seen.1[m.b] = true;
        assert!(
            m.similarity <= 1.0 && m.similarity >= options.sentence_threshold.clamp(0.0, 1.0),
            "sentence similarity {} lies between the threshold and 1",
            m.similarity
        );
    }
    assert!(
        c.sentence_matches.windows(2).all(|w| w[0].a < w[1].a),
        "sentence matches are in the order of the first text"
    );
}

/// Every public range slices its input (as UTF-16) to its `text`, where cleaning changed nothing.
fn check_public(a: &str, b: &str, c: &Comparison) {
    let p = PublicComparison::new(a, b, c);
    let units = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    let (ua, ub) = (units(a), units(b));
    let check = |input: &[u16], exact: bool, start: usize, end: usize, text: &str| {
        assert!(
            start <= end && end <= input.len(),
            "range {start}..{end} lies in its text"
        );
        if exact {
            assert_eq!(
                String::from_utf16_lossy(&input[start..end]),
                text,
                "range {start}..{end} slices its text"
            );
        }
    };
    let (ea, eb) = (c.a.offsets.is_identity(), c.b.offsets.is_identity());
    for m in &p.quote_matches {
        check(&ua, ea, m.a.start, m.a.end, m.a.text);
        check(&ub, eb, m.b.start, m.b.end, m.b.text);
        for d in &m.diff {
            if let Some(r) = &d.a {
                check(&ua, ea, r.start, r.end, r.text);
            }
            if let Some(r) = &d.b {
                check(&ub, eb, r.start, r.end, r.text);
            }
        }
    }
    for q in &p.only_in_a {
        check(&ua, ea, q.start, q.end, q.text);
    }
    for q in &p.only_in_b {
        check(&ub, eb, q.start, q.end, q.text);
    }
    for m in &p.sentence_matches {
        check(&ua, ea, m.a.start, m.a.end, m.a.text);
        check(&ub, eb, m.b.start, m.b.end, m.b.text);
    }
}
