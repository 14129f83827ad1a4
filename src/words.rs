//! Words: UAX #29 word-like tokens, with hyphenated compounds kept whole.

use crate::Span;
use unicode_segmentation::UnicodeSegmentation;

/// The words of `text` as byte spans, in order.
///
/// A word is a UAX #29 word segment holding a letter or digit, so numbers are words and
/// punctuation is not. Contractions stay whole (`could’ve`, `don't`), and so do hyphenated
/// compounds (`de-nuke`, `economic-driven`): a hyphen with a word directly on each side joins them.
///
/// # Example
/// ```
/// use article_analyzer::word_spans;
/// let text = "We couldn’t de-nuke $1.5 billion — fast!";
/// let words: Vec<&str> = word_spans(text).map(|s| s.slice(text)).collect();
/// assert_eq!(words, ["We", "couldn’t", "de-nuke", "1.5", "billion", "fast"]);
/// ```
pub fn word_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut segments = text.split_word_bound_indices().peekable();
    std::iter::from_fn(move || loop {
        let (start, segment) = segments.next()?;
        if !is_wordlike(segment) {
            continue;
        }
        let mut end = start + segment.len();
        // Join "word-word(-word…)" while a hyphen is directly followed by another word.
        while let Some(&(hyphen_at, hyphen)) = segments.peek() {
            if hyphen_at != end || !matches!(hyphen, "-" | "\u{2010}" | "\u{2011}") {
                break;
            }
            let after = &text[hyphen_at + hyphen.len()..];
            let next_word = after.split_word_bounds().next().unwrap_or("");
            if !is_wordlike(next_word) {
                break;
            }
            segments.next();
            let (_, word) = segments.next()?;
            end = hyphen_at + hyphen.len() + word.len();
        }
        return Some(Span::new(start, end));
    })
}

/// Initials and dotted acronyms: "W", "J.K", "U.S", "D.C" (one letter between dots).
pub(crate) fn is_initials(token: &str) -> bool {
    !token.is_empty()
        && token.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        })
        && token.starts_with(|c: char| c.is_uppercase())
}

/// Whether a word segment holds a letter or a digit.
pub(crate) fn is_wordlike(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric)
}

/// [`fold`] without allocating when the word is already folded (lower-case ASCII, the common case).
pub(crate) fn fold_cow(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(fold(word))
    }
}

/// The case-folded form of a word used to count distinct words: lower case, with the typographic
/// apostrophe ’ read as '.
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_spans(text).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn keeps_contractions_compounds_and_numbers_whole() {
        assert_eq!(
            words("It's a well-known, 21st-century U.S. rock ’n’ roll act: 3.7%."),
            [
                "It's",
                "a",
                "well-known",
                "21st-century",
                "U.S",
                "rock",
                "n",
                "roll",
                "act",
                "3.7"
            ]
        );
    }

    #[test]
    fn a_trailing_or_spaced_hyphen_does_not_join() {
        assert_eq!(
            words("pre- and post-war - end-"),
            ["pre", "and", "post-war", "end"]
        );
    }

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(fold("Couldn’t"), "couldn't");
    }
}
