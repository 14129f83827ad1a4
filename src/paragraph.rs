//! Paragraphs: runs of non-blank lines.

use crate::lexicon;
use crate::{Paragraph, ParagraphMode, Span};

/// The lines of `text` as spans without their terminators. `\n`, `\r\n` and a lone `\r` all end a
/// line, as do the Unicode line and paragraph separators (U+2028, U+2029).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while i < bytes.len() {
            let b = bytes[i];
            let terminator_len = match b {
                b'\n' => 1,
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\r' => 1,
                // U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
                0xE2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
                {
                    3
                }
                _ => 0,
            };
            if terminator_len > 0 {
                let line = Span::new(start, i);
                i += terminator_len;
                start = i;
                return Some(line);
            }
            i += 1;
        }
        done = true;
        Some(Span::new(start, bytes.len()))
    })
}

/// Whether `s` holds only whitespace.
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// `span` without leading and trailing whitespace (empty at its start if all whitespace).
pub(crate) fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start_trimmed = s.trim_start();
    let start = span.start + (s.len() - start_trimmed.len());
    let end = start + start_trimmed.trim_end().len();
    Span::new(start, end)
}

/// Whether a line starts with a list marker: a bullet (`-`, `*`, `•`, `⁃`, `·`, `–`) or a
/// number or single letter followed by `.`, `)` or `.)` (`1.`, `2)`, `3.)`, `a.`, `(b)`).
pub(crate) fn is_list_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['•', '⁃', '·', '▪', '◦']) {
        return true;
    }
    if let Some(rest) = line.strip_prefix(['-', '*', '–']) {
        return rest.starts_with([' ', '\t']);
    }
    list_marker_len(line).is_some()
}

/// The length of a number or letter list marker at the start of `line` (`12.`, `3)`, `4.)`, `a.`,
/// `(b)`), when a space follows it.
pub(crate) fn list_marker_len(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'('));
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() && i - start < 3 {
        i += 1;
    }
    if i == start {
        // a single lower-case letter: "a." "b)"
        if i < b.len() && b[i].is_ascii_lowercase() {
            i += 1;
        } else {
            return None;
        }
    }
    let marker_end = match &b[i..] {
        [b'.', b')', ..] => i + 2,
        [b'.', ..] | [b')', ..] => i + 1,
        _ => return None,
    };
    if start == 1 && b.get(marker_end - 1) != Some(&b')') {
        return None;
    }
    matches!(b.get(marker_end), Some(b' ' | b'\t')).then_some(marker_end)
}

/// Closing quotation marks, which may follow a sentence's final punctuation.
pub(crate) fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2019}' | '\u{201D}' | '\u{BB}' | '\u{203A}'
    )
}

/// Closing quotation marks and brackets, which may follow a sentence's final punctuation.
pub(crate) fn is_closer(c: char) -> bool {
    is_closing_quote(c) || matches!(c, ')' | ']' | '}')
}

/// Whether a line ends a sentence with `.`, `!`, `?`, `…` or `:` (closing quotes and brackets
/// aside).
pub(crate) fn ends_with_terminal(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(is_closer)
        .ends_with(['.', '!', '?', '…', ':'])
}

/// Whether a line ends with markup or a credit such as "(AP)" or "(Reuters)": a caption or a
/// leftover tag, which ends its unit even without a period.
fn ends_with_credit(line: &str) -> bool {
    let line = line.trim_end();
    if line.ends_with('>') {
        return true;
    }
    let Some(inner) = line.strip_suffix(')') else {
        return false;
    };
    let group = inner.rsplit('(').next().unwrap_or("");
    !group.is_empty()
        && group.len() <= 12
        && group.chars().next().is_some_and(char::is_uppercase)
        && !group.contains(' ')
}

/// Whether every line but the last fills most of the widest line, as in text hard-wrapped at a
/// fixed width (e-mail, PDF copy).
pub(crate) fn looks_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let width = |l: &&str| l.trim_end().chars().count();
    let widest = lines.iter().map(width).max().unwrap_or(0);
    widest >= 40
        && lines[..lines.len() - 1]
            .iter()
            .all(|l| width(l) * 2 >= widest && !is_list_item(l))
}

/// Whether the line break between `prev` and `next` is hard-wrapping inside a sentence rather
/// than the end of a unit (a headline, byline, caption or list item stands on its own line).
pub(crate) fn is_soft_break(prev: &str, next: &str, wrapped: bool) -> bool {
    if is_list_item(next) || ends_with_credit(prev) {
        return false;
    }
    let continues_lower = next.trim_start().starts_with(|c: char| c.is_lowercase())
        && prev.split_whitespace().count() >= 3
        && !ends_with_terminal(prev);
    // "…introduced by Sen.\nMaria Ortiz", "Prices rose 4.5% in\nMarch": the line cannot end there.
    let last = prev.split_whitespace().last().unwrap_or("");
    let unfinished = lexicon::continuation_words().contains(last)
        || last
            .strip_suffix('.')
            .is_some_and(lexicon::is_title_abbreviation);
    continues_lower || unfinished || wrapped
}

/// Splits `text` into paragraphs according to `mode`.
pub(crate) fn split(text: &str, mode: ParagraphMode) -> Vec<Paragraph> {
    let by_lines = match mode {
        ParagraphMode::Lines => true,
        ParagraphMode::BlankLines => false,
        ParagraphMode::Auto => !has_blank_line_between_text(text),
    };
    // Without blank lines, a line that carries on the sentence before it in lower case is
    // hard-wrapping, not a new paragraph ("a cold\nnight in the city").
    let join_wrapped = by_lines && mode == ParagraphMode::Auto;
    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    let mut prev_line = Span::default();
    for line in lines(text) {
        let blank = is_blank(line.slice(text));
        let soft = join_wrapped
            && !blank
            && current.is_some()
            && is_soft_break(prev_line.slice(text), line.slice(text), false);
        prev_line = line;
        if soft {
            current = current.map(|span| Span::new(span.start, line.end));
        } else if blank || by_lines {
            if let Some(span) = current.take() {
                paragraphs.push(Paragraph::new(trim(text, span)));
            }
            if !blank {
                current = Some(line);
            }
        } else {
            current = Some(match current {
                Some(span) => Span::new(span.start, line.end),
                None => line,
            });
        }
    }
    if let Some(span) = current {
        paragraphs.push(Paragraph::new(trim(text, span)));
    }
    paragraphs
}

/// Whether a blank line separates two non-blank lines somewhere in `text`.
fn has_blank_line_between_text(text: &str) -> bool {
    let mut seen_text = false;
    let mut blank_after_text = false;
    for line in lines(text) {
        if is_blank(line.slice(text)) {
            blank_after_text |= seen_text;
        } else if blank_after_text {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

/// `str::floor_char_boundary` for our minimum Rust version.
pub(crate) trait FloorCharBoundary {
    /// The largest char boundary at or before `index` (the length when `index` is past it).
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, mut index: usize) -> usize {
        index = index.min(self.len());
        while !self.is_char_boundary(index) {
            index -= 1;
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str, mode: ParagraphMode) -> Vec<&str> {
        split(text, mode)
            .into_iter()
            .map(|p| p.span.slice(text))
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "\n Head\n\nOne a.\nOne b.\n \t\nTwo.\n\n\n";
        assert_eq!(
            paras(text, ParagraphMode::Auto),
            ["Head", "One a.\nOne b.", "Two."]
        );
        assert_eq!(
            paras(text, ParagraphMode::Lines),
            ["Head", "One a.", "One b.", "Two."]
        );
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph_in_auto_mode() {
        assert_eq!(
            paras("A.\r\nB.\rC.", ParagraphMode::Auto),
            ["A.", "B.", "C."]
        );
        assert_eq!(
            paras("A.\r\nB.\rC.", ParagraphMode::BlankLines),
            ["A.\r\nB.\rC."]
        );
    }

    #[test]
    fn auto_mode_joins_lower_case_continuation_lines() {
        let text = "It was a cold\nnight in the city.\nNext line.\nfeatures\ncontact manager";
        assert_eq!(
            paras(text, ParagraphMode::Auto),
            [
                "It was a cold\nnight in the city.",
                "Next line.",
                "features",
                "contact manager"
            ]
        );
        assert_eq!(paras(text, ParagraphMode::Lines).len(), 5);
    }

    #[test]
    fn list_markers() {
        for item in [
            "- a", "* b", "• c", "1. d", "12) e", "3.) f", "a. g", "(b) h", "⁃9. i",
        ] {
            assert!(is_list_item(item), "{item}");
        }
        for line in [
            "-5 degrees",
            "1.5 million",
            "ab. c",
            "A. Lincoln",
            "Mr. X",
            "(AP)",
        ] {
            assert!(!is_list_item(line), "{line}");
        }
    }

    #[test]
    fn crlf_and_unicode_separators_end_lines() {
        let text = "A.\r\n\r\nB.\u{2029}\u{2029}C.";
        assert_eq!(paras(text, ParagraphMode::Auto), ["A.", "B.", "C."]);
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(paras("", ParagraphMode::Auto).is_empty());
        assert!(paras(" \n\t\r\n ", ParagraphMode::Auto).is_empty());
    }
}
