//! Paragraphs: runs of non-blank lines.

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

/// Splits `text` into paragraphs according to `mode`.
pub(crate) fn split(text: &str, mode: ParagraphMode) -> Vec<Paragraph> {
    let by_lines = match mode {
        ParagraphMode::Lines => true,
        ParagraphMode::BlankLines => false,
        ParagraphMode::Auto => !has_blank_line_between_text(text),
    };
    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines(text) {
        let blank = is_blank(line.slice(text));
        if blank || by_lines {
            if let Some(span) = current.take() {
                paragraphs.push(Paragraph {
                    span: trim(text, span),
                });
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
        paragraphs.push(Paragraph {
            span: trim(text, span),
        });
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
