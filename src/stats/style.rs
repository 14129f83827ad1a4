//! Style notes of a sentence: "-ly" adverbs and the passive voice, as Hemingway-style editors
//! highlight them. Both are word-list rules, documented in `data/style_words.txt`.

use super::Word;
use crate::lexicon;
use crate::words::fold_cow;
use crate::Span;

/// Words that may stand between a form of "to be" and its participle ("was not signed", "has been
/// widely reported"): any "-ly" adverb, and these.
const BETWEEN: [&str; 9] = [
    "not", "never", "also", "still", "already", "just", "all", "being", "been",
];

/// Endings that make a capitalised first word an adverb rather than a name ("Finally").
const ADVERB_ENDINGS: [&str; 12] = [
    "ally", "ously", "ively", "fully", "ently", "antly", "ately", "edly", "ingly", "lessly",
    "ably", "ibly",
];

/// The most words skipped between a form of "to be" and its participle.
const MAX_BETWEEN: usize = 3;

/// The "-ly" adverbs of a sentence: lower-case words (or the sentence's first word) ending in
/// "ly", at least five letters long, that are not in the `[not-adverbs]` list.
pub(super) fn adverbs(words: &[Word<'_>]) -> Vec<Span> {
    words
        .iter()
        .filter(|w| is_adverb(w))
        .map(|w| w.span)
        .collect()
}

fn is_adverb(word: &Word<'_>) -> bool {
    let text = word.text;
    if text.len() < 5 || !text.is_ascii() || !text.ends_with("ly") {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    if text.starts_with(|c: char| c.is_ascii_uppercase()) {
        // A capital: a name ("Kelly") unless the word opens the sentence with an adverb's
        // ending or is followed by a comma ("Finally", "Quickly,").
        let adverb_ending = ADVERB_ENDINGS.iter().any(|e| lower.ends_with(e));
        if !word.initial || !(adverb_ending || word.comma_after) {
            return false;
        }
    }
    lower.bytes().all(|b| b.is_ascii_lowercase()) && !lexicon::not_adverbs().contains(&*lower)
}

/// Passive constructions: a form of "to be", then at most [`MAX_BETWEEN`] adverbs or
/// auxiliaries, then a past participle (a word ending in "-ed" or an irregular participle). The
/// span runs from the form of "to be" through the participle. `be[i]` says whether `words[i]`
/// is a form of "to be" ([`is_be`]).
pub(super) fn passive(words: &[Word<'_>], be: impl Fn(usize) -> bool) -> Vec<Span> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !be(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut end = None;
        while j < words.len() && j <= i + 1 + MAX_BETWEEN && words[j].joined {
            let lower = words[j].text.to_lowercase();
            if is_participle(&lower) {
                end = Some(j);
                break;
            }
            let skippable = BETWEEN.contains(&lower.as_str())
                || (lower.ends_with("ly") && is_adverb(&words[j]))
                || lower == "n't";
            if !skippable {
                break;
            }
            j += 1;
        }
        match end {
            Some(end) => {
                found.push(Span::new(words[i].span.start, words[end].span.end));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// Whether a word is a form of "to be" ("was", "Is", "isn't", "wasn’t").
pub(super) fn is_be(word: &str) -> bool {
    // Runs on every word: no allocation for words already folded.
    let lower = fold_cow(word);
    let base = lower.strip_suffix("n't").unwrap_or(&lower);
    lexicon::be_forms().contains(base)
}

/// Whether a lower-case word is a past participle.
fn is_participle(lower: &str) -> bool {
    if lexicon::irregular_participles().contains(lower) {
        return true;
    }
    lower.len() >= 5
        && lower.ends_with("ed")
        && lower.bytes().all(|b| b.is_ascii_lowercase())
        && !lexicon::not_participles().contains(lower)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    fn notes(text: &str) -> (Vec<String>, Vec<String>) {
        let a = analyze(text, &Options::default());
        let mut adverbs = Vec::new();
        let mut passive = Vec::new();
        for n in &a.stats.per_sentence {
            adverbs.extend(n.adverbs.iter().map(|s| s.slice(&a.text).to_string()));
            passive.extend(n.passive.iter().map(|s| s.slice(&a.text).to_string()));
        }
        (adverbs, passive)
    }

    #[test]
    fn finds_ly_adverbs_but_not_look_alikes() {
        let (adverbs, _) = notes(
            "Quickly, the family only rarely met early. Kelly said it was likely and \
             friendly, and she replied angrily. It happened in July in Italy.",
        );
        assert_eq!(adverbs, ["Quickly", "rarely", "angrily"]);
    }

    #[test]
    fn finds_passive_voice_with_regular_and_irregular_participles() {
        let (_, passive) = notes(
            "The deal was signed. The talks were not held in Hanoi. He has been widely \
             reported to agree. It isn't known. The summit is being watched. She was \
             driven home. The road was red. We need to be seen.",
        );
        assert_eq!(
            passive,
            [
                "was signed",
                "were not held",
                "been widely reported",
                "isn't known",
                "is being watched",
                "was driven",
                "be seen"
            ]
        );
    }

    #[test]
    fn passive_does_not_reach_across_punctuation() {
        let (_, passive) = notes("The plan was, they said, approved.");
        assert!(passive.is_empty(), "{passive:?}");
    }
}
