//! Golden tests: every `tests/data/articles/*.txt` article is analyzed and rendered in a readable
//! form that must equal its `.expected` file. Run with `UPDATE_EXPECT=1` to rewrite the expected
//! files after a deliberate change, then review the diff like code.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Analysis, Options};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Renders `analysis` of `text` for a person to review.
fn render(input: &str, a: &Analysis) -> String {
    let text = a.text.as_str();
    let mut out = String::new();
    let s = &a.stats;
    let _ = writeln!(
        out,
        "## stats\nwords {} · uniqueWords {} · characters {} · charactersNoSpaces {} · letters {} \
         · syllables {} · sentences {} · paragraphs {}\npolysyllabic {} · complex {} · long {} \
         · content {} · longest sentence {:?} · histogram {:?}",
        s.words,
        s.unique_words,
        s.characters,
        s.characters_no_spaces,
        s.letters,
        s.syllables,
        s.sentences,
        s.paragraphs,
        s.polysyllabic_words,
        s.complex_words,
        s.long_words,
        s.content_words,
        s.longest_sentence,
        s.sentence_length_histogram,
    );
    let r = &s.readability;
    let score = |x: Option<f64>| x.map_or("—".to_string(), |x| format!("{x:.2}"));
    let _ = writeln!(
        out,
        "readability: flesch {} ({}) · fk {} · fog {} · smog {} · coleman-liau {} · ari {} · lix {}",
        score(r.flesch_reading_ease),
        r.band.map_or("—", |b| b.as_str()),
        score(r.flesch_kincaid_grade),
        score(r.gunning_fog),
        score(r.smog),
        score(r.coleman_liau),
        score(r.automated_readability_index),
        score(r.lix),
    );
    let ranked = |list: &[article_analyzer::Ranked]| {
        let items: Vec<String> = list
            .iter()
            .take(10)
            .map(|r| format!("{} {}", r.text, r.count))
            .collect();
        items.join(", ")
    };
    let _ = writeln!(out, "top words: {}", ranked(&s.top_words));
    let _ = writeln!(out, "top bigrams: {}", ranked(&s.top_bigrams));
    let _ = writeln!(out, "top trigrams: {}", ranked(&s.top_trigrams));
    let _ = writeln!(out, "top names: {}", ranked(&s.top_names));
    let _ = writeln!(out, "\n## paragraphs");
    for (i, p) in a.paragraphs.iter().enumerate() {
        let dateline = p
            .dateline
            .map(|d| {
                let source = a.offsets.span(d).slice(input);
                format!(" · dateline {:?} (source {source:?})", d.slice(text))
            })
            .unwrap_or_default();
        let first_words: String = p.span.slice(text).chars().take(48).collect();
        let _ = writeln!(
            out,
            "p{i:<2} {:<9} {}{dateline}",
            p.kind.as_str(),
            first_words.replace('\n', "⏎")
        );
    }
    let _ = writeln!(out, "\n## sentences");
    for (i, (sentence, notes)) in a.sentences.iter().zip(&s.per_sentence).enumerate() {
        let flag = match (notes.hard, notes.very_hard) {
            (_, true) => " VERY HARD",
            (true, _) => " HARD",
            _ => "",
        };
        let _ = writeln!(
            out,
            "{i:>3} p{:<2} {}\n         {} words · grade {}{flag}",
            sentence.paragraph,
            sentence.span.slice(text).replace('\n', "⏎"),
            notes.words,
            score(notes.grade),
        );
        for (label, spans) in [("adverbs", &notes.adverbs), ("passive", &notes.passive)] {
            if !spans.is_empty() {
                let found: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
                let _ = writeln!(out, "         {label}: {}", found.join(" | "));
            }
        }
    }
    let _ = writeln!(out, "\n## quotes");
    for (i, q) in a.quotes.iter().enumerate() {
        let speaker = q.speaker.map_or("—", |s| a.speakers[s].name.as_str());
        let cue = q.cue.map_or("—", |c| c.slice(text));
        let continues = q
            .continues
            .map(|c| format!(" continues {c}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{i:>3} s{:<3} {:<8} [{}] cue: {}{}\n         {}",
            q.sentence,
            q.kind.as_str(),
            speaker,
            cue,
            continues,
            q.span.slice(text).replace('\n', "⏎")
        );
        // Where cleaning changed the quotation, the characters it came from in the input.
        let source = a.offsets.span(q.span).slice(input);
        if source != q.span.slice(text) {
            let _ = writeln!(out, "         source: {}", source.replace('\n', "⏎"));
        }
    }
    let _ = writeln!(out, "\n## speakers");
    for sp in &a.speakers {
        let mentions: Vec<&str> = sp.mentions.iter().map(|m| m.slice(text)).collect();
        let _ = writeln!(
            out,
            "{} · quotes {:?} · mentions {:?}",
            sp.name, sp.quotes, mentions
        );
    }
    let _ = writeln!(out, "\n## diagnostics");
    for d in &a.diagnostics {
        let at = a.offsets.start(d.span.start);
        let line = input.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let _ = writeln!(out, "line {line}: {} ({})", d.code.as_str(), d.message);
    }
    out
}

/// Analyzes `input` and compares the rendering with `input` + `.expected`.
fn check(input: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let analysis = analyze(&text, &Options::default());
    // Every span maps back onto character boundaries of the input, in order.
    let mut previous = 0;
    for span in analysis.sentences.iter().map(|s| s.span) {
        let m = analysis.offsets.span(span);
        if m.start < previous || text.get(m.start..m.end).is_none_or(str::is_empty) {
            return Err(format!(
                "{}: sentence {span:?} maps to {m:?}",
                input.display()
            ));
        }
        previous = m.end;
    }
    let actual = render(&text, &analysis);
    let expected_path = input.with_extension("expected");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &actual).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&expected_path).map_err(|e| {
        format!(
            "{}: {e} (run with UPDATE_EXPECT=1 to create it)",
            expected_path.display()
        )
    })?;
    if actual == expected {
        return Ok(());
    }
    let mut diff = String::new();
    for (n, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        if a != e {
            let _ = writeln!(diff, "line {}:\n  expected: {e}\n  actual:   {a}", n + 1);
        }
    }
    let (na, ne) = (actual.lines().count(), expected.lines().count());
    if na != ne {
        let _ = writeln!(diff, "expected {ne} lines, got {na}");
    }
    Err(format!(
        "{} differs from {} (UPDATE_EXPECT=1 rewrites it):\n{diff}",
        input.display(),
        expected_path.display()
    ))
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/data/articles exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn golden_articles() {
    let files = articles();
    assert!(files.len() >= 6, "fixture articles are missing");
    let failures: Vec<String> = files.iter().filter_map(|f| check(f).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
