//! Quotation gold: every `tests/data/articles/*.quotes` file lists, by hand, each quotation of its
//! article with its kind, speaker and cue. This test scores the analyzer against all of them and
//! prints every disagreement; it fails when a score falls below the floor recorded here, so a
//! change can only keep or raise it. Raise the floors when the scores rise.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Options};
use std::path::Path;

/// The lowest acceptable scores over all gold files, in percent.
const FLOOR_SPAN_RECALL: f64 = 99.0;
const FLOOR_SPAN_PRECISION: f64 = 99.0;
const FLOOR_KIND: f64 = 90.5;
const FLOOR_SPEAKER: f64 = 89.0;
const FLOOR_CUE: f64 = 91.5;

/// One hand-made line: `kind | speaker | cue | quoted text`.
#[derive(Debug)]
struct Gold {
    kind: String,
    continues: bool,
    speaker: Option<String>,
    cue: Option<String>,
    text: String,
}

fn parse(path: &Path) -> Vec<Gold> {
    let data = std::fs::read_to_string(path).unwrap();
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.splitn(4, " | ").collect();
            assert_eq!(parts.len(), 4, "{}: bad line {line:?}", path.display());
            let dash = |s: &str| (s.trim() != "-").then(|| s.trim().to_string());
            let kind = parts[0].trim();
            Gold {
                kind: kind.trim_end_matches('+').to_string(),
                continues: kind.ends_with('+'),
                speaker: dash(parts[1]),
                cue: dash(parts[2]),
                text: parts[3].trim().to_string(),
            }
        })
        .collect()
}

/// Words only, lower-case: quotation texts compare by their words so that a trailing comma
/// inside or outside the marks does not decide a match.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    kind: usize,
    speaker: usize,
    cue: usize,
    continues: usize,
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

#[test]
fn quotations_match_the_gold_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "quotes"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 12, "at least 12 gold files");
    let mut total = Score::default();
    let mut report = String::new();
    for path in &paths {
        let gold = parse(path);
        let text = std::fs::read_to_string(path.with_extension("txt")).unwrap();
        let a = analyze(&text, &Options::default());
        let mut s = Score {
            gold: gold.len(),
            found: a.quotes.len(),
            ..Score::default()
        };
        let name = path.file_stem().unwrap().to_string_lossy();
        let mut used = vec![false; a.quotes.len()];
        for g in &gold {
            let gw = words(&g.text);
            let hit = a
                .quotes
                .iter()
                .enumerate()
                .find(|(i, q)| !used[*i] && words(q.span.slice(&a.text)) == gw);
            let Some((qi, q)) = hit else {
                report += &format!("{name}: missed [{}] {:?}\n", g.kind, g.text);
                continue;
            };
            used[qi] = true;
            s.matched += 1;
            let speaker = q.speaker.map(|i| a.speakers[i].name.clone());
            let cue = q.cue.map(|c| c.slice(&a.text).to_string());
            if q.kind.as_str() == g.kind {
                s.kind += 1;
            } else {
                report += &format!(
                    "{name}: kind {} ≠ gold {} for {:?}\n",
                    q.kind.as_str(),
                    g.kind,
                    g.text
                );
            }
            if speaker == g.speaker {
                s.speaker += 1;
            } else {
                report += &format!(
                    "{name}: speaker {speaker:?} ≠ gold {:?} for {:?}\n",
                    g.speaker, g.text
                );
            }
            if cue.as_deref().map(str::to_lowercase) == g.cue.as_deref().map(str::to_lowercase) {
                s.cue += 1;
            } else {
                report += &format!("{name}: cue {cue:?} ≠ gold {:?} for {:?}\n", g.cue, g.text);
            }
            if q.continues.is_some() == g.continues {
                s.continues += 1;
            }
        }
        for (qi, q) in a.quotes.iter().enumerate() {
            if !used[qi] {
                report += &format!("{name}: extra {:?}\n", q.span.slice(&a.text));
            }
        }
        report += &format!(
            "{name}: {}/{} found ({} extra), kind {}, speaker {}, cue {}\n",
            s.matched,
            s.gold,
            s.found - s.matched,
            s.kind,
            s.speaker,
            s.cue
        );
        total.gold += s.gold;
        total.found += s.found;
        total.matched += s.matched;
        total.kind += s.kind;
        total.speaker += s.speaker;
        total.cue += s.cue;
        total.continues += s.continues;
    }
    let recall = pct(total.matched, total.gold);
    let precision = pct(total.matched, total.found);
    // Kind, speaker and cue are scored over all gold quotations: a missed one counts as wrong.
    let kind = pct(total.kind, total.gold);
    let speaker = pct(total.speaker, total.gold);
    let cue = pct(total.cue, total.gold);
    println!("{report}");
    println!(
        "TOTAL {} gold quotations in {} articles: span recall {recall:.1}%, precision \
         {precision:.1}%, kind {kind:.1}%, speaker {speaker:.1}%, cue {cue:.1}%, continues {}/{}",
        total.gold,
        paths.len(),
        total.continues,
        total.matched
    );
    assert!(recall >= FLOOR_SPAN_RECALL, "span recall {recall:.1}%");
    assert!(
        precision >= FLOOR_SPAN_PRECISION,
        "span precision {precision:.1}%"
    );
    assert!(kind >= FLOOR_KIND, "kind {kind:.1}%");
    assert!(speaker >= FLOOR_SPEAKER, "speaker {speaker:.1}%");
    assert!(cue >= FLOOR_CUE, "cue {cue:.1}%");
}
