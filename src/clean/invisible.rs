//! Invisible and control characters, and line endings.
//!
//! - Removed: zero-width space (U+200B), word joiner (U+2060), byte-order mark / zero-width
//!   no-break space (U+FEFF), soft hyphen (U+00AD), invisible maths operators (U+2061–U+2064), and
//!   zero-width joiners and non-joiners (U+200D, U+200C) *except* between two non-ASCII
//!   letters or symbols, where they shape emoji sequences (👩‍🔬) and Indic or Persian words.
//! - Made a space: C0 and C1 control characters (NUL, bell, escape, DEL, U+0080–U+009F…) other
//!   than tab and line breaks, so that they never glue two words together.
//! - Made `\n`: `\r\n`, a lone `\r`, vertical tab, form feed, NEL (U+0085), the line separator
//!   (U+2028); the paragraph separator (U+2029) becomes a blank line.

use super::edit::{Edit, EditKind};

/// The edits that normalize invisible characters, controls and line endings in `text`.
pub(crate) fn find(text: &str) -> Vec<Edit> {
    let bytes = text.as_bytes();
    let mut edits = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Fast path: printable ASCII and the bytes no handled character starts with.
        // Continuation bytes are skipped with the lead byte that a fast path stepped over.
        if (0x20..0x7F).contains(&b)
            || b == b'\n'
            || b == b'\t'
            || (0x80..0xC0).contains(&b)
            || (0xC3..0xE2).contains(&b)
        {
            i += 1;
            continue;
        }
        if b >= 0xF0 {
            i += 4;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let edit = match c {
            '\r' if bytes.get(i + 1) == Some(&b'\n') => {
                Some(Edit::new(i..i + 2, "\n", EditKind::LineEnding))
            }
            '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' => {
                Some(Edit::new(i..i + len, "\n", EditKind::LineEnding))
            }
            '\u{2029}' => Some(Edit::new(i..i + len, "\n\n", EditKind::LineEnding)),
            '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{2061}'..='\u{2064}' => {
                Some(Edit::new(i..i + len, "", EditKind::Invisible))
            }
            '\u{200c}' | '\u{200d}' if !joins_between(text, i, i + len) => {
                Some(Edit::new(i..i + len, "", EditKind::Invisible))
            }
            c if c.is_control() && c != '\t' && c != '\n' => {
                Some(Edit::new(i..i + len, " ", EditKind::Control))
            }
            _ => None,
        };
        if let Some(edit) = edit {
            i = edit.range.end;
            edits.push(edit);
        } else {
            i += len;
        }
    }
    edits
}

/// Whether a joiner at `start..end` sits between two non-ASCII, non-space characters, where it
/// carries meaning (emoji sequences, Indic and Persian shaping).
fn joins_between(text: &str, start: usize, end: usize) -> bool {
    let meaningful =
        |c: Option<char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace() && !c.is_control());
    meaningful(text[..start].chars().next_back()) && meaningful(text[end..].chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::edit::apply;

    fn cleaned(text: &str) -> String {
        apply(text, &find(text)).0
    }

    #[test]
    fn normalizes_each_kind() {
        let cases = [
            ("a\r\nb\rc", "a\nb\nc"),
            ("a\u{2028}b\u{2029}c\u{85}d\u{c}e", "a\nb\n\nc\nd\ne"),
            ("wo\u{200b}rd\u{ad}s \u{feff}x\u{2060}y", "words xy"),
            ("nul\0here\u{7}\u{1b}[0m", "nul here  [0m"),
            ("Latin jo\u{200d}in", "Latin join"),
            (
                "👩\u{200d}🔬 and \u{645}\u{200c}\u{6cc}",
                "👩\u{200d}🔬 and \u{645}\u{200c}\u{6cc}",
            ),
            (
                "plain text, café — 😀\n\tend",
                "plain text, café — 😀\n\tend",
            ),
            ("\u{200d}", ""),
        ];
        for (input, want) in cases {
            assert_eq!(cleaned(input), want, "{input:?}");
        }
    }

    #[test]
    fn edits_are_sorted_and_on_boundaries() {
        let text = "\u{feff}A\r\n\u{200b}é\u{0}\r";
        let edits = find(text);
        for pair in edits.windows(2) {
            assert!(pair[0].range.end <= pair[1].range.start);
        }
        for e in &edits {
            assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
        }
        assert_eq!(edits.len(), 5);
    }
}
