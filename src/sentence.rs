//! Sentences: UAX #29 sentence boundaries, corrected for news prose.
//!
//! UAX #29 (via `unicode-segmentation`) breaks after every period followed by a capital letter, so
//! "Mr. Lee" and "the U.S. Navy" would split, and it breaks after `?”` even when the attribution
//! follows in lower case (“Why now?” he asked). A merge pass joins such segments back together,
//! using the curated lists in `data/` (abbreviations, sentence starters).

use crate::lexicon::{self, Abbreviation};
use crate::paragraph::{self, is_closer, is_closing_quote, trim};
use crate::words::is_initials;
use crate::{Paragraph, Sentence, Span};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Splits every paragraph into sentences.
pub(crate) fn split(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let base = paragraph.span.start;
        let body = paragraph.span.slice(text);
        let masked = layout(body);
        let mut current: Option<Span> = None;
        for (offset, segment) in segments(&masked) {
            let start = base + offset;
            let span = trim(text, Span::new(start, start + segment.len()));
            if span.is_empty() {
                continue;
            }
            current = Some(match current {
                Some(prev) => {
                    let gap = &masked[prev.end - base..span.start - base];
                    let hard = gap.contains(['\n', '\r', '\u{2028}', '\u{2029}']);
                    if !hard && joins(prev.slice(text), span.slice(text)) {
                        Span::new(prev.start, span.end)
                    } else {
                        let (prev, span) = move_trailing_ellipsis(text, prev, span);
                        sentences.push(Sentence {
                            span: prev,
                            paragraph: index,
                        });
                        span
                    }
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

/// The UAX #29 sentence segments of `text` with their byte offsets: the same segments as
/// `unicode_segmentation`'s `split_sentence_bound_indices`, without running the rules over the
/// stretches that cannot hold a boundary.
///
/// A boundary only ever follows a full stop, `!`, `?` (or a non-ASCII terminator), maybe with
/// closing marks and spaces, or a paragraph separator. Between two ASCII lower-case letters there
/// is never a boundary, and no rule looks across that place: looking ahead (SB8) stops at a
/// lower-case letter, and looking back (SB7–SB11) stops at anything that is not a terminator, a
/// closing mark or a space. So only windows from such a place before each possible terminator
/// (a `.`, `!`, `?`, line break or non-ASCII character) to such a place after it are segmented,
/// by `unicode_segmentation`; the edges of the windows are not boundaries.
fn segments(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    let cut = |i: usize| bytes[i - 1].is_ascii_lowercase() && bytes[i].is_ascii_lowercase();
    let possible = |b: u8| !b.is_ascii() || matches!(b, b'.' | b'!' | b'?' | b'\n' | b'\r');
    let mut boundaries = vec![0];
    let mut window_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !possible(bytes[i]) {
            i += 1;
            continue;
        }
        let mut start = i;
        while start > window_end && !cut(start) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < bytes.len() && !cut(end) {
            end += 1;
        }
        // `start` and `end` are the ends of the text or lie between two ASCII bytes.
        boundaries.extend(
            text[start..end]
                .split_sentence_bound_indices()
                .map(|(at, _)| start + at)
                .filter(|&at| at > start),
        );
        window_end = end;
        i = end;
    }
    boundaries.push(bytes.len());
    boundaries
        .windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| (w[0], &text[w[0]..w[1]]))
        .collect()
}

/// A copy of the paragraph `body`, byte for byte the same length, that tells UAX #29 where lines
/// really end: line breaks that only hard-wrap a sentence become spaces, the space before each
/// item of an inline numbered list ("1. First 2. Second") becomes a line break, and "…" reads
/// as "...".
fn layout(body: &str) -> Cow<'_, str> {
    let has_breaks = body.contains(['\n', '\r', '\u{2028}', '\u{2029}']);
    let has_ellipsis = body.contains('…');
    let mut list_breaks = inline_list_items(body);
    list_breaks.extend(numbers_after_full_stops(body));
    if !has_breaks && !has_ellipsis && list_breaks.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut bytes = body.as_bytes().to_vec();
    if has_ellipsis {
        // UAX #29 does not treat "…" as a full stop; "..." (also three bytes) it does.
        for (at, _) in body.match_indices('…') {
            bytes[at..at + 3].copy_from_slice(b"...");
        }
    }
    if has_breaks {
        let lines: Vec<Span> = paragraph::lines(body).collect();
        let texts: Vec<&str> = lines.iter().map(|l| l.slice(body)).collect();
        let wrapped = paragraph::looks_wrapped(&texts);
        for k in 1..lines.len() {
            if paragraph::is_soft_break(texts[k - 1], texts[k], wrapped) {
                bytes[lines[k - 1].end..lines[k].start].fill(b' ');
            }
        }
    }
    for at in list_breaks {
        // `at` follows a space, so the byte before it is ASCII.
        bytes[at - 1] = b'\n';
    }
    // Only ASCII bytes and whole line separators were replaced by ASCII, so this is UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| body.to_string()))
}

/// Where a sentence begins with a number after a word and a full stop: "…on record. 2024 may…".
/// UAX #29 does not break before a digit that is followed by lower case, so these breaks are
/// added. Abbreviations and symbols before the stop ("p. 55", "No. 4", "N°. 1026") do not count.
fn numbers_after_full_stops(body: &str) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut breaks = Vec::new();
    for (dot, _) in body.match_indices(". ") {
        let digit_at = dot + 2;
        if !bytes.get(digit_at).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let word = last_token(&body[..dot]);
        let plain_word = word.chars().count() >= 3 && word.chars().all(char::is_alphabetic);
        if plain_word && !lexicon::abbreviations().contains_key(word) {
            breaks.push(digit_at);
        }
    }
    breaks
}

/// Where the items of a list written on one line begin: for "1.) First 2.) Second 3.) Third",
/// the offsets of "2.)" and "3.)". The line must start with the first marker (`1`, `a` or `i`),
/// and the later ones must follow in order with the same punctuation, each after a space.
fn inline_list_items(body: &str) -> Vec<usize> {
    // An optional bullet before each number: "• 9. First • 10. Second".
    let after_bullet = body.trim_start_matches(['•', '⁃', '▪']);
    let after_space = after_bullet.trim_start_matches(' ');
    let bullet = &body[..body.len() - after_space.len()];
    let Some(marker_len) = paragraph::list_marker_len(after_space) else {
        return Vec::new();
    };
    let first = &after_space[..marker_len];
    let first_len = bullet.len() + marker_len;
    let (label, punct) = first.split_at(first.find(['.', ')']).unwrap_or(first.len()));
    let next_label = |label: &str| -> Option<String> {
        if let Ok(n) = label.parse::<u32>() {
            return Some((n + 1).to_string());
        }
        let c = label.chars().next()?;
        (label.len() == 1 && c.is_ascii_lowercase() && c != 'z')
            .then(|| ((c as u8 + 1) as char).to_string())
    };
    let mut found = Vec::new();
    let mut label = label.trim_start_matches('(').to_string();
    let mut from = first_len;
    while let Some(next) = next_label(&label) {
        let needle = format!(" {bullet}{next}{punct} ");
        let Some(at) = body[from..].find(&needle) else {
            break;
        };
        let at = from + at + 1;
        found.push(at);
        from = at + needle.len() - 1;
        label = next;
    }
    found
}

/// "…compounds. . . . The practice": a period ends the sentence and the spaced ellipsis after it
/// opens the next one. Moves " . . ." from the end of `prev` to the start of `next`.
fn move_trailing_ellipsis(text: &str, prev: Span, next: Span) -> (Span, Span) {
    let s = prev.slice(text);
    if let Some(head) = s.strip_suffix(" . . .") {
        if head.ends_with('.')
            && !head.ends_with(" .")
            && text[prev.end..next.start].trim().is_empty()
        {
            let cut = prev.start + head.len();
            return (Span::new(prev.start, cut), Span::new(cut + 1, next.end));
        }
    }
    (prev, next)
}

/// Whether the UAX #29 segment `next` continues the sentence `prev` instead of starting one.
fn joins(prev: &str, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        return true;
    };
    // A list marker alone ("1.", "• 9.", "a.") begins the item that follows it.
    if is_list_marker(prev) {
        return true;
    }
    // A short parenthetical with no sentence inside it is a credit or an aside that belongs to
    // the sentence before it: "…on Friday. (AP Photo/Sue Ogden)".
    if let Some(inner) = next.strip_prefix('(').and_then(|n| n.strip_suffix(')')) {
        if !inner.contains(['.', '!', '?', '(']) && word_count(inner) <= 6 {
            return true;
        }
    }
    // "[...]" marks an omission inside a quotation, never an end.
    let unquoted = prev.trim_end_matches(is_closing_quote);
    if unquoted.ends_with("[...]") || unquoted.ends_with("[…]") {
        return true;
    }
    let core = prev.trim_end_matches(is_closer);
    let Some(last) = core.chars().last() else {
        return false;
    };
    let next_word = first_word(next);
    let next_is_starter = lexicon::sentence_starters().contains(next_word);
    let next_lower = first.is_lowercase();
    match last {
        '.' | '…' => {
            if is_ellipsis_end(core) {
                // An ellipsis after a space ("the thing is . . . I") omits words mid-sentence;
                // one glued to a word ("that.... She") ends the sentence.
                return spaced_ellipsis(core);
            }
            let before = &core[..core.len() - 1];
            let token = last_token(before);
            if token.is_empty() {
                return false;
            }
            let digit = first.is_ascii_digit();
            let class = lexicon::abbreviations().get(token).copied().or_else(|| {
                // "D-Calif.", "R-N.Y.": a party and a state.
                let (_, state) = token.split_once('-')?;
                lexicon::abbreviations().get(state).copied()
            });
            let capital_word_before = word_before(before, token)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            match class {
                // "Elm St. Firefighters" is a street; "St. Louis" a saint.
                Some(Abbreviation::Title) if token == "St" && capital_word_before => {
                    next_lower || digit
                }
                Some(Abbreviation::Title | Abbreviation::Before) => true,
                Some(
                    Abbreviation::Number
                    | Abbreviation::Suffix
                    | Abbreviation::Place
                    | Abbreviation::End
                    | Abbreviation::Month,
                ) => next_lower || digit,
                Some(Abbreviation::Time) => {
                    // "5 p.m. Tuesday", "10:30 a.m. EST" and "At 5 a.m. Mr. Smith went"
                    // continue; "…left at 6 P.M. Mr. Smith then went" ends.
                    next_lower
                        || digit
                        || lexicon::time_words().contains(next_word)
                        || (!next_is_starter && word_count(core) <= 3)
                }
                Some(Abbreviation::Name) => next_lower || digit || !next_is_starter,
                None if is_initials(token) => {
                    // "George W. Bush", "by E. B. White", "father, W. Edward Fry" continue;
                    // "vitamin C. Doctors" and "you and I. Did" end.
                    let previous = word_before(before, token);
                    let name_initial = token.len() > 1
                        || capital_word_before
                        || before == token
                        || previous.ends_with(',')
                        || lexicon::continuation_words().contains(previous)
                        || is_initials(next_word) && after_first_word(next).starts_with('.');
                    next_lower || (name_initial && !next_is_starter)
                }
                // A number after a short symbol or abbreviation continues ("N°. 1026").
                None => {
                    digit
                        && (token.chars().count() <= 2 || !token.chars().all(char::is_alphanumeric))
                }
            }
        }
        // “Why now?” he asked; Yahoo! in the accounting department.
        '?' | '!' => next_lower,
        _ => false,
    }
}

/// Whether `core` ends with an ellipsis: "...", "…", or ". . .".
fn is_ellipsis_end(core: &str) -> bool {
    core.ends_with("...") || core.ends_with('…') || core.ends_with(". . .")
}

/// Whether the ellipsis ending `core` stands apart from the word before it: "is . . ." or
/// "really ...", not "that...." or "compounds. . . .".
fn spaced_ellipsis(core: &str) -> bool {
    let head = core.trim_end_matches(['.', '…', ' ']);
    let dots = &core[head.len()..];
    dots.starts_with(' ')
        && !dots.trim_start().starts_with(". . . .")
        && dots.matches('.').count() <= 3
}

/// Whether `s` is only a list marker, optionally after a bullet: "1.", "2.)", "a.", "• 9.".
fn is_list_marker(s: &str) -> bool {
    let s = s.trim_start_matches(['•', '⁃', '·', '▪', '-', '*', ' ']);
    let with_space = format!("{s} ");
    paragraph::list_marker_len(&with_space) == Some(s.len())
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The whitespace-separated word before the final `token` of `before` ("" if none).
fn word_before<'s>(before: &'s str, token: &str) -> &'s str {
    let head = before[..before.len() - token.len()].trim_end();
    head.rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '“'])
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

/// What follows the first word of `s` in `s` (see [`first_word`]).
fn after_first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    &s[first_word(s).len()..]
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

    fn check_segments(text: &str) {
        let expected: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
        assert_eq!(segments(text), expected, "{text:?}");
    }

    /// Characters of the sentence-break classes: lower, upper, digits, terminators, closing
    /// marks, spaces, separators, continuations, and non-ASCII ones of each.
    const ALPHABET: [&str; 24] = [
        "a", "b", "B", "7", ".", "!", "?", " ", "\n", "\r", "\"", ")", "(", ",", ":", "-", "\t",
        "”", "’", "…", "é", "É", "\u{2029}", "\u{301}",
    ];

    #[test]
    fn segments_equal_unicode_segmentation_on_short_strings() {
        for a in ALPHABET {
            for b in ALPHABET {
                for c in ALPHABET {
                    for d in ["", "a", ".", " ", "B"] {
                        check_segments(&[a, b, c, d].concat());
                    }
                }
            }
        }
    }

    #[test]
    fn segments_equal_unicode_segmentation_on_generated_text() {
        let mut next = crate::seeded::numbers(0x9E37_79B9_7F4A_7C15);
        let words = [
            "the",
            "Mr.",
            "U.S.",
            "said",
            "3.5",
            "“Why?”",
            "e.g.",
            "...",
            "etc.)",
        ];
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..next(60) {
                if next(2) == 0 {
                    text += words[next(words.len())];
                } else {
                    text += ALPHABET[next(ALPHABET.len())];
                }
            }
            check_segments(&text);
        }
    }

    #[test]
    fn segments_equal_unicode_segmentation_on_the_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut texts = vec![std::fs::read_to_string(root.join("sentences.txt")).expect("cases")];
        for entry in std::fs::read_dir(root.join("articles")).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(path).expect("readable"));
            }
        }
        for text in &texts {
            check_segments(text);
            for paragraph in text.split("\n\n") {
                check_segments(paragraph);
                check_segments(&layout(paragraph));
            }
        }
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
