//! `compare` on pairs of our own reports of one story (`tests/data/compare/`): each pair is
//! compared and rendered for a person to review, and the rendering must equal its `.expected` file
//! (run with `UPDATE_EXPECT=1` to rewrite the files after a deliberate change, then review the
//! diff like code). The findings the comparison exists for are also asserted one by one, and
//! property tests check the invariants of `fuzz/src/compare_invariants.rs` on generated texts.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../fuzz/src/invariants.rs"]
mod invariants;

#[allow(dead_code)]
#[path = "../fuzz/src/compare_invariants.rs"]
mod compare_invariants;

use article_analyzer::{Analysis, CompareOptions, Comparison, DiffOp, MatchKind, QuoteMatch, Span};
use compare_invariants::compare_checked;
use proptest::prelude::*;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(data(path)).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn quote_line(a: &Analysis, q: usize) -> String {
    let quote = &a.quotes[q];
    let who = quote.speaker.map_or("—", |s| a.speakers[s].name.as_str());
    format!(
        "[{q}] {} “{}” — {who}",
        quote.kind.as_str(),
        one_line(quote.span.slice(&a.text))
    )
}

fn side(a: &Analysis, span: Option<Span>) -> String {
    span.map_or("∅".to_string(), |s| {
        format!("“{}”", one_line(s.slice(&a.text)))
    })
}

/// The comparison in a readable form.
fn render(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## quote matches ({})", c.quote_matches.len());
    for m in &c.quote_matches {
        let speaker = match m.same_speaker {
            Some(true) => "same speaker",
            Some(false) => "DIFFERENT SPEAKERS",
            None => "speaker unknown",
        };
        let _ = writeln!(
            out,
            "{} {:.3} · {speaker}\n  a {}\n  b {}",
            m.kind.as_str(),
            m.similarity,
            quote_line(&c.a, m.a),
            quote_line(&c.b, m.b)
        );
        for d in m.diff.iter().filter(|d| d.op != DiffOp::Same) {
            let _ = writeln!(
                out,
                "    {} {} → {}",
                d.op.as_str(),
                side(&c.a, d.a),
                side(&c.b, d.b)
            );
        }
    }
    for (name, analysis, only) in [("a", &c.a, &c.only_in_a), ("b", &c.b, &c.only_in_b)] {
        let _ = writeln!(out, "## only in {name} ({})", only.len());
        for &q in only {
            let _ = writeln!(out, "{}", quote_line(analysis, q));
        }
    }
    let _ = writeln!(out, "## shared speakers ({})", c.shared_speakers.len());
    for s in &c.shared_speakers {
        let _ = writeln!(
            out,
            "{}: a “{}” {} · b “{}” {}",
            s.name, c.a.speakers[s.a].name, s.quotes_a, c.b.speakers[s.b].name, s.quotes_b
        );
    }
    let _ = writeln!(out, "## sentence matches ({})", c.sentence_matches.len());
    for m in &c.sentence_matches {
        let _ = writeln!(
            out,
            "{:.3}\n  a [{}] {}\n  b [{}] {}",
            m.similarity,
            m.a,
            one_line(c.a.sentences[m.a].span.slice(&c.a.text)),
            m.b,
            one_line(c.b.sentences[m.b].span.slice(&c.b.text))
        );
    }
    out
}

/// Compares the pair, checks every invariant, and checks the rendering against
/// `tests/data/compare/<name>.expected`.
fn check(name: &str, a: &str, b: &str) -> Comparison {
    let c = compare_checked(&read(a), &read(b), &CompareOptions::default());
    let actual = format!("# {a} against {b}\n{}", render(&c));
    let path = data(&format!("compare/{name}.expected"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).expect("expected file written");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (run with UPDATE_EXPECT=1)",
            path.display()
        )
    });
    assert!(
        actual == expected,
        "{name}: the comparison differs from {}; run with UPDATE_EXPECT=1 and review the diff\n{actual}",
        path.display()
    );
    c
}

/// The match between the quotation of `a` and that of `b` whose texts start so.
fn matched<'c>(c: &'c Comparison, a: &str, b: &str) -> &'c QuoteMatch {
    c.quote_matches
        .iter()
        .find(|m| {
            c.a.quotes[m.a].span.slice(&c.a.text).starts_with(a)
                && c.b.quotes[m.b].span.slice(&c.b.text).starts_with(b)
        })
        .unwrap_or_else(|| panic!("no match between “{a}…” and “{b}…”"))
}

/// The differences of a match other than `same`, as (op, text in a, text in b).
fn differences(c: &Comparison, m: &QuoteMatch) -> Vec<(DiffOp, String, String)> {
    let text = |analysis: &Analysis, s: Option<Span>| {
        s.map_or(String::new(), |s| s.slice(&analysis.text).to_string())
    };
    m.diff
        .iter()
        .filter(|d| d.op != DiffOp::Same)
        .map(|d| (d.op, text(&c.a, d.a), text(&c.b, d.b)))
        .collect()
}

fn only<'c>(analysis: &'c Analysis, list: &[usize]) -> Vec<&'c str> {
    list.iter()
        .map(|&q| analysis.quotes[q].span.slice(&analysis.text))
        .collect()
}

#[test]
fn two_reports_of_one_summit() {
    let c = check(
        "summit",
        "articles/politics-summit.txt",
        "compare/summit-lakeside.txt",
    );
    let s = |x: &str| x.to_string();

    // One sentence quoted with a different capital, a comma dropped before "and" and the
    // closing comma dropped: three findings, none of them a word.
    let m = matched(&c, "A handshake is cheap", "a handshake is cheap");
    assert_eq!(
        (m.kind, m.similarity, m.same_speaker),
        (MatchKind::Variant, 1.0, Some(true))
    );
    assert_eq!(
        differences(&c, m),
        [
            (DiffOp::Case, s("A"), s("a")),
            (DiffOp::Punctuation, s(","), s("")),
            (DiffOp::Punctuation, s(","), s("")),
        ]
    );

    // The headline's quotation is in the other report's body, lower-cased.
    let m = matched(&c, "We Will Not Sign Blind", "we will not sign blind");
    assert_eq!(m.kind, MatchKind::Variant);
    assert_eq!(
        differences(&c, m),
        [(
            DiffOp::Case,
            s("We Will Not Sign Blind"),
            s("we will not sign blind")
        )]
    );
    // … and a trimmed version of the body's longer quotation.
    let m = matched(&c, "we will not sign blind, and", "we will not sign blind");
    assert_eq!(m.kind, MatchKind::Contained);

    // The other headline rewords it: a weak match.
    let m = matched(&c, "We Will Not Sign Blind", "We won't sign blindly");
    assert_eq!(m.kind, MatchKind::Paraphrase);
    assert!(m.similarity >= CompareOptions::PARAPHRASE_THRESHOLD && m.similarity < 0.8);

    // Trimmed quotations are contained in the full ones.
    for (full, trimmed) in [
        (
            "What is missing is sequencing —",
            "What is missing is sequencing,",
        ),
        ("So we keep talking. My team", "So we keep talking."),
    ] {
        let m = matched(&c, full, trimmed);
        assert_eq!((m.kind, m.same_speaker), (MatchKind::Contained, Some(true)));
    }

    // A changed word.
    let m = matched(
        &c,
        "We flew four thousand miles",
        "We flew four thousand miles",
    );
    assert_eq!(m.kind, MatchKind::Variant);
    assert_eq!(
        differences(&c, m),
        [(DiffOp::Changed, s("photograph,"), s("photo,"))]
    );
    assert_eq!(
        differences(&c, matched(&c, "everything at once", "everything at once")),
        []
    );
    assert_eq!(
        matched(&c, "everything at once", "everything at once").kind,
        MatchKind::Exact
    );

    // The quotation only one report has, and the one it made up.
    assert_eq!(
        only(&c.a, &c.only_in_a),
        [
            "not a bad idea",
            "The framework is there,",
            "Nobody walked out angry. We walked out unfinished,",
            "The growers in my state cannot eat a photograph.",
        ]
    );
    assert_eq!(
        only(&c.b, &c.only_in_b),
        [
            "Arvenia will pay for walking away from this table,",
            "We came for relief and we are leaving with a handshake.",
        ]
    );

    // Everyone quoted in both, however each report names them.
    let shared: Vec<(&str, usize, usize)> = c
        .shared_speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes_a, s.quotes_b))
        .collect();
    assert_eq!(
        shared,
        [
            ("Dana Whitcombe", 2, 1),
            ("Harold Brandt", 5, 5),
            ("Ilse Maren", 1, 2),
            ("Lorna Adeyemi", 4, 2),
        ]
    );

    // Wire copy reused in another order, one sentence with two words changed.
    let sentence = |a: &Analysis, k: usize| a.sentences[k].span.slice(&a.text).to_string();
    let pairs: Vec<(String, f64)> = c
        .sentence_matches
        .iter()
        .map(|m| (sentence(&c.a, m.a), m.similarity))
        .collect();
    assert!(pairs.contains(&(
        s("Instead, both motorcades left the palace shortly after noon."),
        1.0
    )));
    let geneva = c
        .sentence_matches
        .iter()
        .find(|m| sentence(&c.a, m.a).starts_with("The Geneva meeting"))
        .expect("the reworded sentence is matched");
    assert!(sentence(&c.b, geneva.b).contains("the two leaders"));
    assert!(geneva.similarity > 0.6 && geneva.similarity < 1.0);
    // It comes near the end of the first report and before the Adeyemi quotations in the second.
    assert!(c
        .sentence_matches
        .iter()
        .any(|m| m.a < geneva.a && m.b > geneva.b));
}

#[test]
fn reports_of_different_stories_share_nothing() {
    let c = check(
        "unrelated",
        "articles/politics-summit.txt",
        "articles/sport-final.txt",
    );
    assert!(c.quote_matches.is_empty());
    assert!(c.sentence_matches.is_empty());
    assert!(c.shared_speakers.is_empty());
    assert_eq!(c.only_in_a.len(), c.a.quotes.len());
}

#[test]
fn every_article_compared_with_itself_matches_every_quotation_exactly() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data("articles"))
        .expect("fixture articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable fixture");
        let c = compare_checked(&text, &text, &CompareOptions::default());
        let name = file.display();
        for m in c
            .quote_matches
            .iter()
            .filter(|m| m.kind != MatchKind::Contained)
        {
            let (x, y) = (&c.a.quotes[m.a], &c.b.quotes[m.b]);
            if m.kind != MatchKind::Paraphrase {
                assert_eq!(
                    x.span.slice(&c.a.text),
                    y.span.slice(&c.b.text),
                    "{name}: a strong match is the same text"
                );
            }
        }
        for (k, q) in c.a.quotes.iter().enumerate() {
            let exact = c
                .quote_matches
                .iter()
                .any(|m| m.a == k && m.kind == MatchKind::Exact);
            assert!(
                exact,
                "{name}: quotation {k} “{}” matched exactly",
                q.span.slice(&c.a.text)
            );
        }
        assert!(
            c.only_in_a.is_empty() && c.only_in_b.is_empty(),
            "{name}: nothing only on one side"
        );
        assert_eq!(
            c.shared_speakers.len(),
            c.a.speakers.len(),
            "{name}: every speaker shared"
        );
        assert!(
            c.sentence_matches
                .iter()
                .all(|m| m.similarity == 1.0 && m.a == m.b),
            "{name}: each sentence with itself"
        );
    }
}

#[test]
fn thresholds_decide_what_is_reported() {
    let a = read("articles/politics-summit.txt");
    let b = read("compare/summit-lakeside.txt");
    let mut options = CompareOptions::default();
    options.paraphrase_threshold = 1.0;
    options.sentence_threshold = 1.0;
    let c = compare_checked(&a, &b, &options);
    assert!(c
        .quote_matches
        .iter()
        .all(|m| m.kind != MatchKind::Paraphrase));
    assert!(c.sentence_matches.iter().all(|m| m.similarity == 1.0));
    assert!(!c.sentence_matches.is_empty());
    let default = compare_checked(&a, &b, &CompareOptions::default());
    assert!(default.sentence_matches.len() > c.sentence_matches.len());
}

/// Sentences made of a small vocabulary with quotation marks, so that quotations recur across
/// the two texts with small differences.
fn story() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "we",
        "will",
        "not",
        "sign",
        "blind",
        "We",
        "Sign",
        "talks",
        "ended",
        "early",
        "Ana Ruiz",
        "Lee",
        "said",
        "she",
        "added",
        ",",
        ".",
        "“",
        "”",
        "\"",
        " ",
        " ",
        " ",
        "\n\n",
        "—",
        "couldn’t",
        "couldn't",
        "table",
    ]);
    prop::collection::vec(piece, 0..120).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn comparisons_keep_their_invariants(a in story(), b in story(), t in 0.0f64..=1.0) {
        let mut options = CompareOptions::default();
        options.paraphrase_threshold = t;
        options.sentence_threshold = 1.0 - t;
        compare_checked(&a, &b, &options);
    }

    #[test]
    fn a_text_compared_with_itself_matches_every_worded_quotation(a in story()) {
        let c = compare_checked(&a, &a, &CompareOptions::default());
        for (k, q) in c.a.quotes.iter().enumerate() {
            let worded = article_analyzer::word_spans(q.span.slice(&c.a.text)).next().is_some();
            let exact = c.quote_matches.iter().any(|m| m.a == k && m.kind == MatchKind::Exact);
            prop_assert_eq!(worded, exact, "quotation {} “{}”", k, q.span.slice(&c.a.text));
        }
    }
}
