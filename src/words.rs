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
    let mut segments = Segments::new(text);
    // The next segments, read ahead to see a hyphen and the word after it.
    let mut ahead: [Option<(usize, &str)>; 2] = [None, None];
    std::iter::from_fn(move || loop {
        let (start, segment) = match ahead[0].take() {
            Some(next) => {
                ahead[0] = ahead[1].take();
                next
            }
            None => segments.next()?,
        };
        if !is_wordlike(segment) {
            continue;
        }
        let mut end = start + segment.len();
        // Join "word-word(-word…)" while a hyphen is directly followed by another word. A hyphen
        // segment ends at a boundary that no rule looks across, so the segment after it is the
        // first segment of the text after it.
        loop {
            if ahead[0].is_none() {
                ahead[0] = segments.next();
            }
            let Some((hyphen_at, hyphen)) = ahead[0] else {
                break;
            };
            if hyphen_at != end || !matches!(hyphen, "-" | "\u{2010}" | "\u{2011}") {
                break;
            }
            if ahead[1].is_none() {
                ahead[1] = segments.next();
            }
            let Some((_, word)) = ahead[1].filter(|&(_, w)| is_wordlike(w)) else {
                break;
            };
            ahead = [None, None];
            end = hyphen_at + hyphen.len() + word.len();
        }
        return Some(Span::new(start, end));
    })
}

/// The UAX #29 word segments of a text with their byte offsets: the same segments as
/// `unicode_segmentation`'s `split_word_bound_indices`, found faster in ASCII text.
///
/// The text is cut into regions at the places where one ASCII character is whitespace and its
/// ASCII neighbour is not (a space and a space, or CR and LF, stay together). Every such place is
/// a word boundary, and no word-boundary rule looks across it: the rules that look past a
/// neighbour (WB6, WB7, WB11, WB12) need a letter, a digit or punctuation on both sides, and the
/// rules that skip characters (WB4) skip only non-ASCII ones. So each region can be segmented on
/// its own: an all-ASCII region by the ASCII rules below, any other by `unicode_segmentation`.
pub(crate) struct Segments<'t> {
    text: &'t str,
    /// Start of the next segment.
    pos: usize,
    /// End of the current region.
    region_end: usize,
    /// The segments of the current region when it holds non-ASCII characters, and its start.
    unicode: Option<(usize, unicode_segmentation::UWordBoundIndices<'t>)>,
}

impl<'t> Segments<'t> {
    pub(crate) fn new(text: &'t str) -> Segments<'t> {
        Segments {
            text,
            pos: 0,
            region_end: 0,
            unicode: None,
        }
    }
}

/// ASCII whitespace as the word rules see it: space, tab, LF, VT, FF and CR.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The end of the region that starts at `start` (see [`Segments`]), and whether it is all ASCII.
fn region(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut ascii = bytes[start].is_ascii();
    let mut i = start + 1;
    while i < bytes.len() {
        let (a, b) = (bytes[i - 1], bytes[i]);
        if b.is_ascii() {
            if a.is_ascii() && is_ascii_space(a) != is_ascii_space(b) {
                break;
            }
        } else {
            ascii = false;
        }
        i += 1;
    }
    (i, ascii)
}

/// Whether the ASCII byte `b` joins letters and digits into one word: letters, digits and "_".
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The length of the UAX #29 word segment at the start of `bytes`, an all-ASCII region (so its
/// end reads as the end of the text). The ASCII word-break classes: CR, LF, Newline (VT, FF),
/// WSegSpace (space), ALetter (letters), Numeric (digits), ExtendNumLet ("_"), MidLetter (":"),
/// MidNumLet ("."), MidNum ("," and ";"), Single_Quote, Double_Quote, and Other.
fn ascii_segment_len(bytes: &[u8]) -> usize {
    let first = bytes[0];
    match first {
        // WB3d: spaces stay together.
        b' ' => bytes.iter().take_while(|&&b| b == b' ').count(),
        // WB3: CR × LF.
        b'\r' if bytes.get(1) == Some(&b'\n') => 2,
        _ if is_word_byte(first) => {
            let mut i = 1;
            while i < bytes.len() {
                let b = bytes[i];
                if is_word_byte(b) {
                    // WB5, WB8, WB9, WB10, WB13a, WB13b.
                    i += 1;
                    continue;
                }
                let (before, after) = (bytes[i - 1], bytes.get(i + 1).copied().unwrap_or(0));
                let joins = match b {
                    // WB11, WB12: Numeric (MidNum | MidNumLetQ) Numeric.
                    b'.' | b',' | b';' | b'\''
                        if before.is_ascii_digit() && after.is_ascii_digit() =>
                    {
                        true
                    }
                    // WB6, WB7: AHLetter (MidLetter | MidNumLetQ) AHLetter.
                    b'.' | b':' | b'\''
                        if before.is_ascii_alphabetic() && after.is_ascii_alphabetic() =>
                    {
                        true
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += 2;
            }
            i
        }
        // WB3a, WB3b, WB999: everything else stands alone.
        _ => 1,
    }
}

impl<'t> Iterator for Segments<'t> {
    type Item = (usize, &'t str);

    fn next(&mut self) -> Option<(usize, &'t str)> {
        loop {
            if let Some((base, segments)) = &mut self.unicode {
                if let Some((at, segment)) = segments.next() {
                    return Some((*base + at, segment));
                }
                self.unicode = None;
            }
            let bytes = self.text.as_bytes();
            if self.pos >= bytes.len() {
                return None;
            }
            if self.pos >= self.region_end {
                let (end, ascii) = region(bytes, self.pos);
                self.region_end = end;
                if !ascii {
                    let region = &self.text[self.pos..end];
                    self.unicode = Some((self.pos, region.split_word_bound_indices()));
                    self.pos = end;
                    continue;
                }
            }
            let start = self.pos;
            self.pos += ascii_segment_len(&bytes[start..self.region_end]);
            return Some((start, &self.text[start..self.pos]));
        }
    }
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
    if segment.is_ascii() {
        return segment.bytes().any(|b| b.is_ascii_alphanumeric());
    }
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
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

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

    /// The segments as `unicode_segmentation` gives them: what [`Segments`] must equal.
    fn reference_segments(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    /// The words as found before [`Segments`] existed: UAX #29 segments, then the hyphen rule
    /// with a fresh segmentation of the text after each hyphen.
    fn reference_words(text: &str) -> Vec<Span> {
        let mut segments = text.split_word_bound_indices().peekable();
        let mut out = Vec::new();
        while let Some((start, segment)) = segments.next() {
            if !is_wordlike(segment) {
                continue;
            }
            let mut end = start + segment.len();
            while let Some(&(hyphen_at, hyphen)) = segments.peek() {
                if hyphen_at != end || !matches!(hyphen, "-" | "\u{2010}" | "\u{2011}") {
                    break;
                }
                let after = &text[hyphen_at + hyphen.len()..];
                if !is_wordlike(after.split_word_bounds().next().unwrap_or("")) {
                    break;
                }
                segments.next();
                let Some((_, word)) = segments.next() else {
                    break;
                };
                end = hyphen_at + hyphen.len() + word.len();
            }
            out.push(Span::new(start, end));
        }
        out
    }

    fn check(text: &str) {
        assert_eq!(
            Segments::new(text).collect::<Vec<_>>(),
            reference_segments(text),
            "{text:?}"
        );
        assert_eq!(
            word_spans(text).collect::<Vec<_>>(),
            reference_words(text),
            "{text:?}"
        );
    }

    /// Characters of every ASCII word-break class and of the non-ASCII classes next to which the
    /// ASCII rules would go wrong (letters, marks, format characters, joiners, quotes, spaces).
    const ALPHABET: [&str; 32] = [
        "a", "Z", "7", "_", ".", ":", ",", ";", "'", "\"", " ", "\t", "\n", "\r", "\u{b}", "-",
        "!", "é", "\u{301}", "\u{200d}", "\u{ad}", "’", "‘", "\u{2010}", "\u{a0}", "\u{3000}",
        "ア", "א", "🇺", "👩", "٣", "\u{85}",
    ];

    #[test]
    fn segments_equal_unicode_segmentation_on_every_short_string() {
        // Every string of up to three characters from the alphabet, and every four-character
        // string of the ASCII classes.
        for a in ALPHABET {
            for b in ALPHABET {
                for c in ALPHABET.iter().copied().chain([""]) {
                    check(&[a, b, c].concat());
                }
            }
        }
        let ascii = &ALPHABET[..17];
        for a in ascii {
            for b in ascii {
                for c in ascii {
                    for d in ascii {
                        check(&[*a, b, c, d].concat());
                    }
                }
            }
        }
    }

    #[test]
    fn segments_equal_unicode_segmentation_on_generated_text() {
        // A seeded generator (no dependency): long strings of alphabet characters and words.
        let mut next = crate::seeded::numbers(0x2545_F491_4F6C_DD1D);
        let words = [
            "the",
            "U.S.",
            "3.5",
            "don't",
            "co-op",
            "e.g.",
            "1,000",
            "“Yes,”",
            "—",
        ];
        for _ in 0..3_000 {
            let mut text = String::new();
            for _ in 0..next(40) {
                if next(3) == 0 {
                    text += words[next(words.len())];
                } else {
                    text += ALPHABET[next(ALPHABET.len())];
                }
            }
            check(&text);
        }
    }

    #[test]
    fn segments_equal_unicode_segmentation_on_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|x| x == "txt") {
                check(&std::fs::read_to_string(path).expect("readable"));
            }
        }
    }

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(fold("Couldn’t"), "couldn't");
    }
}
