//! Sentence boundaries on our own cases: `tests/data/sentences.txt`, one block per case.
//!
//! Format: `@ category` sets the category; `> ` lines are the input (joined with line breaks);
//! `| ` lines are the expected sentences. Escapes: `\n`, `\r`, `\t`, `\u{XXXX}`, `\\`.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Options};
use std::collections::BTreeMap;

const CASES: &str = include_str!("data/sentences.txt");

struct Case {
    line: usize,
    category: String,
    input: String,
    expected: Vec<String>,
}

fn unescape(s: &str, line: usize) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let rest: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let hex = rest.trim_start_matches('{');
                let scalar = u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("line {line}: bad escape \\u{rest}}}"));
                out.push(scalar);
            }
            other => panic!("line {line}: unknown escape \\{other:?}"),
        }
    }
    out
}

fn parse(data: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut category = String::from("uncategorised");
    let mut input: Vec<String> = Vec::new();
    let mut expected: Vec<String> = Vec::new();
    let mut start = 0;
    let mut flush = |input: &mut Vec<String>, expected: &mut Vec<String>, category: &str, start| {
        if !input.is_empty() {
            cases.push(Case {
                line: start,
                category: category.to_string(),
                input: input.join("\n"),
                expected: std::mem::take(expected),
            });
        }
        input.clear();
    };
    for (n, raw) in data.lines().enumerate() {
        let n = n + 1;
        if raw.trim().is_empty() {
            flush(&mut input, &mut expected, &category, start);
        } else if let Some(name) = raw.strip_prefix("@ ") {
            flush(&mut input, &mut expected, &category, start);
            category = name.trim().to_string();
        } else if raw.starts_with('#') {
            continue;
        } else if let Some(text) = raw
            .strip_prefix("> ")
            .or(raw.strip_prefix(">").filter(|t| t.is_empty()))
        {
            if input.is_empty() {
                start = n;
            }
            input.push(unescape(text, n));
        } else if let Some(text) = raw.strip_prefix("| ") {
            expected.push(unescape(text, n));
        } else {
            panic!("tests/data/sentences.txt line {n}: not a case line: {raw:?}");
        }
    }
    flush(&mut input, &mut expected, &category, start);
    cases
}

#[test]
fn sentence_cases() {
    let cases = parse(CASES);
    assert!(cases.len() >= 150, "only {} cases", cases.len());
    let mut failures = Vec::new();
    let mut per_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for case in &cases {
        let analysis = analyze(&case.input, &Options::default());
        let got: Vec<&str> = analysis
            .sentences
            .iter()
            .map(|s| analysis.offsets.span(s.span).slice(&case.input))
            .collect();
        let entry = per_category.entry(&case.category).or_default();
        entry.1 += 1;
        if got == case.expected {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "line {} [{}]\n  input:    {:?}\n  expected: {:?}\n  got:      {:?}",
                case.line, case.category, case.input, case.expected, got
            ));
        }
    }
    let summary: Vec<String> = per_category
        .iter()
        .map(|(c, (pass, total))| format!("{c} {pass}/{total}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} sentence cases fail ({})\n{}",
        failures.len(),
        cases.len(),
        summary.join(", "),
        failures.join("\n")
    );
}
