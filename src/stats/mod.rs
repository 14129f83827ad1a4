//! Word statistics: counts, readability inputs, top words and names, and per-sentence style notes.
//!
//! One pass over the words of every sentence does all the counting. Counts take in the
//! paragraphs of the chosen [`Scope`] (the body by default); style notes are made for every
//! sentence, so the page can highlight any of them.

mod style;
mod top;

use crate::hash::FastMap;
use crate::readability::{flesch_kincaid_grade, Readability};
use crate::words::{fold_cow, word_spans};
use crate::{lexicon, syllables};
use crate::{Paragraph, ParagraphKind, Scope, Sentence, SentenceStats, Span, Stats};
use unicode_segmentation::UnicodeSegmentation;

/// Whether the counts take in `paragraph`.
pub(crate) fn counted(paragraph: &Paragraph, scope: Scope) -> bool {
    scope == Scope::All || paragraph.kind == ParagraphKind::Body
}

/// A sentence with at least this many words can be flagged hard or very hard.
const HARD_MIN_WORDS: usize = 14;
/// The sentence grade from which a sentence is hard.
const HARD_GRADE: f64 = 10.0;
/// The sentence grade from which a sentence is very hard.
const VERY_HARD_GRADE: f64 = 14.0;

/// Upper bounds (inclusive) of the sentence-length histogram's first four bins.
const HISTOGRAM_BOUNDS: [usize; 4] = [10, 20, 30, 40];

/// A word of a sentence with what the counts need to know about it.
pub(super) struct Word<'t> {
    /// Byte span in the analysed text.
    pub span: Span,
    /// The word as written.
    pub text: &'t str,
    /// Whether it opens its sentence or a quotation, parenthesis or clause after a colon, where
    /// capitals say nothing about names.
    pub initial: bool,
    /// Whether only whitespace separates it from the word before.
    pub joined: bool,
    /// Whether a comma follows it.
    pub comma_after: bool,
}

/// What the counts need to know about one spelling of a word, worked out once per spelling: an
/// article writes the same few thousand words over and over.
pub(super) struct Spelling {
    syllables: usize,
    /// Letters and digits.
    letters: usize,
    complex: bool,
    /// Holds a letter and is not a function word.
    content: bool,
    /// The case-folded word's index in [`Vocabulary::folded`].
    folded: usize,
    /// The top-word key's index in [`Vocabulary::keys`]: case-folded, possessive ending off.
    pub key: usize,
    /// Whether a capital starts it and it can be part of a name.
    pub name_word: bool,
    /// Whether the case-folded word is a stop word.
    pub folded_stop: bool,
    /// Whether it is a form of "to be".
    be: bool,
}

/// The spellings and keys seen so far, each numbered in order of first appearance.
#[derive(Default)]
pub(super) struct Vocabulary<'t> {
    by_text: FastMap<&'t str, usize>,
    pub spellings: Vec<Spelling>,
    folded_ids: FastMap<String, usize>,
    /// Case-folded words, and whether one was counted (for `uniqueWords`).
    folded: Vec<bool>,
    key_ids: FastMap<String, usize>,
    /// The top-word keys.
    pub keys: Vec<Key>,
}

/// A top-word key (a case-folded word without its possessive ending).
pub(super) struct Key {
    pub text: String,
    /// Holds a letter.
    pub letters: bool,
    /// A stop word.
    pub stop: bool,
}

/// The number of `text` in `ids`, adding it when it is new.
fn intern(ids: &mut FastMap<String, usize>, text: &str, mut add: impl FnMut()) -> usize {
    if let Some(&id) = ids.get(text) {
        return id;
    }
    let id = ids.len();
    ids.insert(text.to_string(), id);
    add();
    id
}

impl<'t> Vocabulary<'t> {
    /// The number of the spelling `text`.
    fn spelling(&mut self, text: &'t str) -> usize {
        if let Some(&id) = self.by_text.get(text) {
            return id;
        }
        let syllables = syllables::count(text);
        let folded_text = fold_cow(text);
        let folded = &mut self.folded;
        let folded_id = intern(&mut self.folded_ids, &folded_text, || folded.push(false));
        let key_text = top::strip_possessive(&folded_text);
        let keys = &mut self.keys;
        let key = intern(&mut self.key_ids, key_text, || {
            keys.push(Key {
                text: key_text.to_string(),
                letters: key_text.chars().any(char::is_alphabetic),
                stop: is_stop_word(key_text),
            });
        });
        let id = self.spellings.len();
        self.spellings.push(Spelling {
            syllables,
            letters: text.chars().filter(|c| c.is_alphanumeric()).count(),
            complex: is_complex(text, syllables),
            content: folded_text.chars().any(char::is_alphabetic)
                && !is_function_word(&folded_text),
            folded: folded_id,
            key,
            name_word: top::is_name_word(text),
            folded_stop: is_stop_word(&folded_text),
            be: style::is_be(text),
        });
        self.by_text.insert(text, id);
        id
    }

    /// The number of a key, if the text has one like it.
    pub fn key_id(&self, key: &str) -> Option<usize> {
        self.key_ids.get(key).copied()
    }
}

/// Extended grapheme clusters in `text`, and those that are not whitespace. Between two ASCII
/// characters other than CR LF there is always a boundary that no rule looks across, so only
/// the stretches around non-ASCII characters go through the full segmentation.
fn graphemes(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut all, mut visible) = (0, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() && bytes.get(i + 1).is_none_or(u8::is_ascii) {
            // A cluster of its own (CR LF is one).
            let crlf = b == b'\r' && bytes.get(i + 1) == Some(&b'\n');
            all += 1;
            visible += usize::from(!matches!(b, b'\t'..=b'\r' | b' '));
            i += 1 + usize::from(crlf);
            continue;
        }
        // The run up to the next pair of ASCII characters (not CR LF), then through its first.
        let mut end = i + 1;
        while end < bytes.len()
            && !(bytes[end - 1].is_ascii()
                && bytes[end].is_ascii()
                && !(bytes[end - 1] == b'\r' && bytes[end] == b'\n'))
        {
            end += 1;
        }
        // `end` follows an ASCII byte or is the end: a character boundary.
        for g in text[i..end].graphemes(true) {
            all += 1;
            if !g.chars().all(char::is_whitespace) {
                visible += 1;
            }
        }
        i = end;
    }
    (all, visible)
}

/// Computes the [`Stats`] of the paragraphs in `scope` and the style notes of every sentence.
pub(crate) fn compute(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    scope: Scope,
) -> Stats {
    let mut stats = Stats::default();
    for p in paragraphs.iter().filter(|p| counted(p, scope)) {
        stats.paragraphs += 1;
        let (all, visible) = graphemes(p.span.slice(text));
        stats.characters += all;
        stats.characters_no_spaces += visible;
    }
    let mut vocabulary = Vocabulary::default();
    let mut tally = top::Tally::default();
    let mut longest = 0;
    let mut words = Vec::new();
    let mut spellings: Vec<usize> = Vec::new();
    stats.per_sentence = sentences
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let paragraph = paragraphs.get(sentence.paragraph);
            let in_scope = paragraph.is_some_and(|p| counted(p, scope));
            sentence_words(text, sentence.span, &mut words);
            spellings.clear();
            spellings.extend(words.iter().map(|w| vocabulary.spelling(w.text)));
            let mut notes = SentenceStats {
                adverbs: style::adverbs(&words),
                passive: style::passive(&words, |i| vocabulary.spellings[spellings[i]].be),
                ..SentenceStats::default()
            };
            for &id in &spellings {
                let spelling = &vocabulary.spellings[id];
                let syllables = spelling.syllables;
                notes.words += 1;
                notes.syllables += syllables;
                if !in_scope {
                    continue;
                }
                stats.words += 1;
                stats.syllables += syllables;
                stats.letters += spelling.letters;
                stats.polysyllabic_words += usize::from(syllables >= 3);
                stats.complex_words += usize::from(spelling.complex);
                stats.long_words += usize::from(spelling.letters >= 7);
                stats.content_words += usize::from(spelling.content);
                vocabulary.folded[spelling.folded] = true;
            }
            notes.grade = flesch_kincaid_grade(notes.words, 1, notes.syllables);
            let grade = notes.grade.unwrap_or(0.0);
            let long_enough = notes.words >= HARD_MIN_WORDS;
            notes.very_hard = long_enough && grade >= VERY_HARD_GRADE;
            notes.hard = long_enough && !notes.very_hard && grade >= HARD_GRADE;
            if in_scope {
                stats.sentences += 1;
                let bin = HISTOGRAM_BOUNDS
                    .iter()
                    .position(|&max| notes.words <= max)
                    .unwrap_or(HISTOGRAM_BOUNDS.len());
                if notes.words > 0 {
                    stats.sentence_length_histogram[bin] += 1;
                }
                if notes.words > longest {
                    longest = notes.words;
                    stats.longest_sentence = Some(index);
                }
                let names = paragraph.is_some_and(|p| p.kind != ParagraphKind::Headline);
                tally.add_sentence(
                    text,
                    &words,
                    &spellings,
                    &vocabulary,
                    names,
                    paragraph.and_then(|p| p.dateline),
                );
            }
            notes
        })
        .collect();
    stats.unique_words = vocabulary.folded.iter().filter(|&&seen| seen).count();
    let ranked = tally.finish(&vocabulary);
    stats.top_words = ranked.words;
    stats.top_words_with_stop_words = ranked.words_with_stop_words;
    stats.top_bigrams = ranked.bigrams;
    stats.top_trigrams = ranked.trigrams;
    stats.top_names = ranked.names;
    stats.readability = Readability::new(&stats);
    stats
}

/// Fills `words` with the words of the sentence at `span`.
fn sentence_words<'t>(text: &'t str, span: Span, words: &mut Vec<Word<'t>>) {
    words.clear();
    let slice = span.slice(text);
    let mut previous_end = None;
    for w in word_spans(slice) {
        let gap = &slice[previous_end.unwrap_or(0)..w.start];
        let last_mark = gap.chars().rev().find(|c| !c.is_whitespace());
        let initial = previous_end.is_none()
            || matches!(
                last_mark,
                Some('“' | '"' | '‘' | '\'' | '«' | '„' | '(' | '[' | ':' | '—' | '–')
            );
        if let Some(last) = words.last_mut() {
            last.comma_after = gap.starts_with(',');
        }
        words.push(Word {
            span: Span::new(span.start + w.start, span.start + w.end),
            text: w.slice(slice),
            initial,
            joined: previous_end.is_some() && gap.chars().all(char::is_whitespace),
            comma_after: false,
        });
        previous_end = Some(w.end);
    }
}

/// Whether a word is one of Gunning's complex words: three or more syllables, not a hyphenated
/// compound, not a number, and not counting an "-ing", "-ed" or "-es" ending that is a syllable of
/// its own ("created", "processes"). Gunning also left out proper nouns; we count them, as
/// textstat and most editors do (the README explains why).
fn is_complex(text: &str, syllables: usize) -> bool {
    if syllables < 3
        || text.contains(['-', '\u{2010}', '\u{2011}'])
        || !text.chars().any(char::is_alphabetic)
    {
        return false;
    }
    let lower = text.to_lowercase();
    let syllabic_ending = if lower.len() > 5 && lower.ends_with("ing") {
        true
    } else if let Some(stem) = lower.strip_suffix("ed") {
        stem.ends_with(['t', 'd'])
    } else if let Some(stem) = lower.strip_suffix("es") {
        stem.ends_with(['s', 'x', 'z', 'c', 'g']) || stem.ends_with("ch") || stem.ends_with("sh")
    } else {
        false
    };
    syllables - usize::from(syllabic_ending) >= 3
}

/// The word with a contraction or possessive ending taken off ("don't" → "do", "she's" → "she",
/// "won't" → "will", "Kim's" → "kim"), for stop-word lookups. `folded` is already case-folded.
pub(crate) fn stem(folded: &str) -> &str {
    match folded {
        "won't" => return "will",
        "can't" => return "can",
        "shan't" => return "shall",
        "ain't" => return "is",
        _ => {}
    }
    if let Some(stem) = folded.strip_suffix("n't") {
        return stem;
    }
    for ending in ["'s", "'m", "'re", "'ve", "'ll", "'d", "'"] {
        if let Some(stem) = folded.strip_suffix(ending) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    folded
}

/// Whether a case-folded word is a function word (possibly contracted: "don't", "they're").
fn is_function_word(folded: &str) -> bool {
    lexicon::function_words().contains(stem(folded))
}

/// Whether a case-folded word is a stop word for top words and phrases.
pub(crate) fn is_stop_word(folded: &str) -> bool {
    let stem = stem(folded);
    lexicon::function_words().contains(stem) || lexicon::common_words().contains(stem)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, Scope};
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn counts_words_case_folded_and_graphemes() {
        let text = "The cat’s hat. The cat's HAT!\n\ne\u{301} 👩‍🔬";
        let stats = analyze(text, &Options::default()).stats;
        assert_eq!(stats.words, 7);
        assert_eq!(stats.unique_words, 4); // the, cat's, hat, é
        assert_eq!(stats.characters, text.graphemes(true).count() - 2); // not the blank line
        assert_eq!(stats.characters_no_spaces, 24 + 2);
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.paragraphs, 2);
    }

    #[test]
    fn grapheme_counts_equal_unicode_segmentation() {
        let pieces = [
            "a", " ", "\r", "\n", "\t", "\u{b}", ".", "e\u{301}", "\u{301}", "\u{200d}", "👩", "🇺",
            "\u{a0}", "\u{600}", "क्", "\u{85}", "\u{1c}",
        ];
        let reference = |s: &str| {
            let all = s.graphemes(true).count();
            let visible = s
                .graphemes(true)
                .filter(|g| !g.chars().all(char::is_whitespace))
                .count();
            (all, visible)
        };
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "x", "\n"] {
                        let s = [a, b, c, d].concat();
                        assert_eq!(super::graphemes(&s), reference(&s), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn counts_letters_syllables_and_long_words() {
        let text = "Negotiators reached a de-nuke deal in 2019.";
        let s = analyze(text, &Options::default()).stats;
        assert_eq!(s.words, 7);
        // negotiators 11, reached 7, a 1, de-nuke 6, deal 4, in 2, 2019 4
        assert_eq!(s.letters, 35);
        assert_eq!(s.long_words, 2);
        // ne-go-ti-a-tors 5, reached 1, a 1, de-nuke 2, deal 1, in 1, 2019 (twen-ty nine-teen) 4
        assert_eq!(s.syllables, 15);
        assert_eq!(s.polysyllabic_words, 2);
        // "2019" has four syllables but a number is not one of Gunning's complex words.
        assert_eq!(s.complex_words, 1);
    }

    #[test]
    fn complex_words_leave_out_names_compounds_and_endings() {
        let text = "Yesterday Anderson praised the well-organized, interesting, emotional \
                    negotiations and created committees.";
        let s = analyze(text, &Options::default()).stats;
        // yesterday (3) and Anderson (3) count; well-organized is a compound;
        // interesting (4, less "-ing"); emotional (4); negotiations (5); created (3, less
        // "-ed": 2); committees (3: its "-es" is no syllable of its own).
        assert_eq!(s.complex_words, 6);
    }

    #[test]
    fn lexical_density_histogram_and_longest() {
        let text = "One two three four five six seven eight nine ten eleven. Short one.\n\n\
                    It is what it is.";
        let a = analyze(text, &Options::default());
        let s = &a.stats;
        assert_eq!(s.sentence_length_histogram, [2, 1, 0, 0, 0]);
        assert_eq!(s.longest_sentence, Some(0));
        // Function words: it, is, what, it, is → content = 18 − 5 = 13 (numbers are words too).
        assert_eq!(s.words, 18);
        assert_eq!(s.content_words, 13);
        assert_eq!(s.lexical_density(), Some(13.0 / 18.0));
    }

    #[test]
    fn sentence_notes_cover_every_sentence_and_add_up() {
        let text = "Talks Collapse in Hanoi\n\nThe deal was not signed. “We walked,” he said.";
        let a = analyze(text, &Options::default());
        assert_eq!(a.stats.per_sentence.len(), a.sentences.len());
        let counted: usize = a
            .sentences
            .iter()
            .zip(&a.stats.per_sentence)
            .filter(|(s, _)| a.paragraphs[s.paragraph].kind == crate::ParagraphKind::Body)
            .map(|(_, n)| n.words)
            .sum();
        assert_eq!(counted, a.stats.words);
        assert_eq!(a.stats.per_sentence[0].words, 4); // the headline, not counted
        let all = analyze(
            text,
            &Options {
                scope: Scope::All,
                ..Options::default()
            },
        );
        assert_eq!(all.stats.words, a.stats.words + 4);
    }

    #[test]
    fn hard_and_very_hard_sentences() {
        let easy = "The dog ran to the big red barn and then it sat down by the gate.";
        let hard = "Administrators reviewed the proposal before the committee approved the new \
                    budget for the city next year.";
        let very = "Intergovernmental negotiations regarding denuclearization necessitate \
                    comprehensive verification mechanisms, internationally coordinated \
                    inspections and extraordinarily sophisticated monitoring technology.";
        for (text, hard_flag, very_flag) in [
            (easy, false, false),
            (hard, true, false),
            (very, false, true),
        ] {
            let a = analyze(text, &Options::default());
            let n = &a.stats.per_sentence[0];
            assert!(n.words >= 14, "{text}");
            assert_eq!(
                (n.hard, n.very_hard),
                (hard_flag, very_flag),
                "{text}: {n:?}"
            );
        }
        let short = analyze(
            "Denuclearization necessitates verification.",
            &Options::default(),
        );
        assert!(!short.stats.per_sentence[0].very_hard);
    }

    #[test]
    fn text_without_words_is_reported() {
        use crate::DiagnosticCode;
        for text in ["", "  \n\t", "… — !!! ***", "\u{200b}"] {
            let a = analyze(text, &Options::default());
            assert_eq!(a.stats.words, 0);
            assert_eq!(a.stats.readability.flesch_reading_ease, None);
            assert!(
                a.diagnostics
                    .iter()
                    .any(|d| d.code == DiagnosticCode::EmptyText),
                "{text:?}"
            );
        }
        let a = analyze("Words here.", &Options::default());
        assert!(a.diagnostics.is_empty());
    }

    #[test]
    fn stems_contractions_for_stop_words() {
        assert_eq!(super::stem("don't"), "do");
        assert_eq!(super::stem("won't"), "will");
        assert_eq!(super::stem("they're"), "they");
        assert_eq!(super::stem("kim's"), "kim");
        assert_eq!(super::stem("leaders'"), "leaders");
        assert!(super::is_stop_word("couldn't"));
        assert!(super::is_stop_word("said"));
        assert!(!super::is_stop_word("year"));
        assert!(!super::is_stop_word("new"));
    }
}
