//! Sentences: UAX #29 sentence boundaries, corrected for news prose.
//!
//! UAX #29 (via `unicode-segmentation`) breaks after every period followed by a capital letter, so
//! "Mr. Lee" and "the U.S. Navy" would split, and it breaks after `?”` even when the attribution
//! follows in lower case (“Why now?” he asked). A merge pass joins such segments back together,
//! using the curated lists in `data/` (abbreviations, sentence starters).

use crate::lexicon;
use crate::paragraph::trim;
use crate::{Paragraph, Sentence, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Splits every paragraph into sentences.
pub(crate) fn split(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let body = paragraph.span.slice(text);
        let mut current: Option<Span> = None;
        for (offset, segment) in body.split_sentence_bound_indices() {
            let start = paragraph.span.start + offset;
            let span = trim(text, Span::new(start, start + segment.len()));
            if span.is_empty() {
                continue;
            }
            current = Some(match current {
                Some(prev) if joins(prev.slice(text), span.slice(text)) => {
                    Span::new(prev.start, span.end)
                }
                Some(prev) => {
                    sentences.push(Sentence {
                        span: prev,
                        paragraph: index,
                    });
                    span
                }
                None => span,
            });
        }
        if let Some(span) = current {
            sentences.push(Sentence {
                span,
                paragraph: index,
            });
        }
    }
    sentences
}

/// Characters that may follow a sentence's final punctuation: closing quotes and brackets.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2019}' | '\u{201D}' | ')' | ']' | '}' | '\u{BB}' | '\u{203A}'
    )
}

/// Whether the UAX #29 segment `next` continues the sentence `prev` instead of starting one.
fn joins(prev: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return true;
    };
    let core = prev.trim_end_matches(is_closer);
    let Some(last) = core.chars().last() else {
        return false;
    };
    let next_word = first_word(next);
    let next_is_starter = lexicon::sentence_starters().contains(next_word);
    let next_lower = first.is_lowercase();
    match last {
        '.' => {
            let token = last_token(&core[..core.len() - 1]);
            if token.is_empty() {
                return false;
            }
            if lexicon::is_title_abbreviation(token) {
                return true;
            }
            let abbreviation = lexicon::abbreviations().contains(token)
                || is_initials(token)
                || token
                    .split_once('-')
                    .is_some_and(|(_, state)| lexicon::abbreviations().contains(state));
            if abbreviation {
                // "the U.S. Navy" continues; "in the U.S. But" ends. A digit or lower-case word
                // always continues ("Inc. said", "No. 4").
                return next_lower || first.is_ascii_digit() || !next_is_starter;
            }
            false
        }
        // “Why now?” he asked.
        '?' | '!' => next_lower && core.len() < prev.len(),
        _ => false,
    }
}

/// The last whitespace-separated token of `s`, without opening brackets or quotes.
fn last_token(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    s[start..].trim_start_matches(['(', '[', '"', '\'', '\u{201C}', '\u{2018}'])
}

/// The first word of `s` (letters only), without opening punctuation.
fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Initials and dotted acronyms: "W", "J.K", "U.S", "D.C" (one letter between dots).
fn is_initials(token: &str) -> bool {
    !token.is_empty()
        && token.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
        && token.starts_with(|c: char| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{paragraph, ParagraphMode};

    fn sentences(text: &str) -> Vec<&str> {
        let paragraphs = paragraph::split(text, ParagraphMode::Auto);
        split(text, &paragraphs)
            .into_iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("Mr. Lee met Dr. Park and Gen. Ortiz. They talked."),
            ["Mr. Lee met Dr. Park and Gen. Ortiz.", "They talked."]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_when_a_starter_follows() {
        assert_eq!(
            sentences("She flew to the U.S. But the talks failed. The U.S. Navy came."),
            [
                "She flew to the U.S.",
                "But the talks failed.",
                "The U.S. Navy came."
            ]
        );
        assert_eq!(
            sentences("We met at 9 a.m. The summit began at 10 a.m. on Friday."),
            ["We met at 9 a.m.", "The summit began at 10 a.m. on Friday."]
        );
    }

    #[test]
    fn initials_and_numbers_do_not_split() {
        assert_eq!(
            sentences("J.K. Rowling met George W. Bush in No. 4 at $1.5 billion. Done."),
            [
                "J.K. Rowling met George W. Bush in No. 4 at $1.5 billion.",
                "Done."
            ]
        );
    }

    #[test]
    fn lower_case_attribution_after_a_quoted_question_continues() {
        assert_eq!(
            sentences("“Why now?” he asked. “We’re done.” Then silence."),
            ["“Why now?” he asked.", "“We’re done.”", "Then silence."]
        );
    }

    #[test]
    fn lines_without_punctuation_stand_alone() {
        assert_eq!(
            sentences("A headline\nBy A. Writer\n\nBody text here."),
            ["A headline", "By A. Writer", "Body text here."]
        );
    }
}
