//! Top words, two- and three-word phrases, and names, tallied sentence by sentence.

use super::{is_stop_word, stem, Vocabulary, Word};
use crate::hash::FastMap;
use crate::lexicon;
use crate::words::{fold, is_initials};
use crate::{Ranked, Span};
use std::collections::HashMap;

/// How many entries each top list keeps.
const TOP: usize = 25;

/// Lower-case words that may join the capitalised words of a name ("Bank of England",
/// "Ludwig van Beethoven").
const NAME_JOINERS: [&str; 14] = [
    "of", "de", "van", "von", "bin", "al", "da", "del", "di", "du", "la", "le", "der", "den",
];

/// A tallied word or phrase: how often it occurs, whether it was ever written in lower case, and
/// how it was first written with a capital where a capital means something (not at the start of
/// a sentence).
#[derive(Default)]
struct Entry {
    count: usize,
    capitalised: Option<String>,
    lower_seen: bool,
}

impl Entry {
    /// Counts one occurrence written `written` (its words), whose key is `key` (their keys).
    fn add(&mut self, written: &[&str], key: &[&str], initial: bool) {
        self.count += 1;
        if written == key {
            self.lower_seen = true;
        } else if !initial && self.capitalised.is_none() {
            self.capitalised = Some(written.join(" "));
        }
    }
}

/// A run of capitalised words seen in the text, waiting to be judged as a name once every
/// sentence has been read.
struct Candidate {
    /// The words as written, the first of which may be sentence-initial.
    words: Vec<String>,
    /// Whether the first word opens its sentence or a quotation.
    initial: bool,
}

/// The running tallies. Words and phrases are counted by their keys' numbers in the
/// [`Vocabulary`].
#[derive(Default)]
pub(super) struct Tally {
    /// By key number.
    words: Vec<Entry>,
    bigrams: FastMap<[usize; 2], Entry>,
    trigrams: FastMap<[usize; 3], Entry>,
    candidates: Vec<Candidate>,
    /// By key number: seen capitalised where a capital means a name (not sentence-initial).
    capitalised: Vec<bool>,
    /// By key number: seen in lower case.
    lower: Vec<bool>,
}

/// The finished top lists.
pub(super) struct Lists {
    pub words: Vec<Ranked>,
    pub words_with_stop_words: Vec<Ranked>,
    pub bigrams: Vec<Ranked>,
    pub trigrams: Vec<Ranked>,
    pub names: Vec<Ranked>,
}

/// `word` without a final "’s", "'s" or "’".
pub(super) fn strip_possessive(word: &str) -> &str {
    for ending in ["\u{2019}s", "'s", "\u{2019}S", "'S", "\u{2019}", "'"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
}

impl Tally {
    /// Adds the words of one counted sentence (`spellings`: their numbers in `vocabulary`); names
    /// are looked for only when `names` is set (not in title-case headlines).
    pub(super) fn add_sentence(
        &mut self,
        text: &str,
        words: &[Word<'_>],
        spellings: &[usize],
        vocabulary: &Vocabulary<'_>,
        names: bool,
        dateline: Option<Span>,
    ) {
        let keys = vocabulary.keys.len();
        if self.words.len() < keys {
            self.words.resize_with(keys, Entry::default);
            self.capitalised.resize(keys, false);
            self.lower.resize(keys, false);
        }
        // Per word: its key (case-folded, possessive off), how it is written, and whether it
        // is a content word that may start or end a phrase.
        let mut found: Vec<Found<'_>> = Vec::with_capacity(words.len());
        for (word, &spelling) in words.iter().zip(spellings) {
            let id = vocabulary.spellings[spelling].key;
            let key = &vocabulary.keys[id];
            let written = shown_word(text, word, strip_possessive(word.text));
            found.push(Found {
                id,
                key: &key.text,
                written,
                content: key.letters && !key.stop,
            });
            if !key.letters {
                continue;
            }
            if is_capitalised(written) {
                if !word.initial {
                    self.capitalised[id] = true;
                }
            } else {
                self.lower[id] = true;
            }
            self.words[id].add(&[written], &[&key.text], word.initial);
        }
        self.phrases(words, &found);
        if names && !title_case(words, spellings, vocabulary) {
            // A dateline ("HANOI, Vietnam —") names a place in capitals that are not its name.
            let after_dateline = dateline.map_or(0, |d| {
                words.iter().take_while(|w| w.span.start < d.end).count()
            });
            self.name_runs(
                text,
                &words[after_dateline..],
                &spellings[after_dateline..],
                vocabulary,
            );
        }
    }

    /// Two- and three-word phrases of words joined by whitespace only.
    fn phrases(&mut self, words: &[Word<'_>], found: &[Found<'_>]) {
        for i in 0..words.len() {
            if !found[i].content {
                continue;
            }
            for n in [2, 3] {
                let last = i + n - 1;
                if last >= words.len() || !found[last].content {
                    continue;
                }
                if !words[i + 1..=last].iter().all(|w| w.joined) {
                    continue;
                }
                let run = &found[i..=last];
                let entry = if n == 2 {
                    self.bigrams.entry([run[0].id, run[1].id]).or_default()
                } else {
                    self.trigrams
                        .entry([run[0].id, run[1].id, run[2].id])
                        .or_default()
                };
                let mut written = [""; 3];
                let mut key = [""; 3];
                for (k, f) in run.iter().enumerate() {
                    written[k] = f.written;
                    key[k] = f.key;
                }
                entry.add(&written[..n], &key[..n], words[i].initial);
            }
        }
    }

    /// Runs of capitalised words, joined by whitespace and name joiners, as name candidates.
    fn name_runs(
        &mut self,
        text: &str,
        words: &[Word<'_>],
        spellings: &[usize],
        vocabulary: &Vocabulary<'_>,
    ) {
        let is_name_word = |i: usize| vocabulary.spellings[spellings[i]].name_word;
        let mut i = 0;
        while i < words.len() {
            if !is_name_word(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                if end < words.len() && words[end].joined && is_name_word(end) {
                    end += 1;
                } else if end + 1 < words.len()
                    && words[end].joined
                    && words[end + 1].joined
                    && NAME_JOINERS.contains(&words[end].text)
                    && is_name_word(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
                // A possessive ends a name: "Kim’s Workers’ Party" is two.
                if strip_possessive(words[end - 1].text) != words[end - 1].text {
                    break;
                }
            }
            let mut run: Vec<String> = words[start..end]
                .iter()
                .map(|w| written_name_word(text, w))
                .collect();
            let mut initial = words[start].initial;
            // A title inside a run starts the name: "Foreign Minister Tomas Vell" is Tomas Vell.
            if let Some(last_title) = run
                .iter()
                .rposition(|w| lexicon::titles().contains(fold(w).trim_end_matches('.')))
            {
                if last_title + 1 < run.len() {
                    run.drain(..=last_title);
                    initial = false;
                    while run
                        .first()
                        .is_some_and(|w| NAME_JOINERS.contains(&w.as_str()))
                    {
                        run.remove(0);
                    }
                }
            }
            // Titles, weekdays and stop words lead into names but are not part of them.
            while let Some(first) = run.first() {
                let key = fold(first);
                let leading = lexicon::titles().contains(key.trim_end_matches('.'))
                    || lexicon::time_words().contains(first.as_str())
                    || is_stop_word(&key);
                if !leading {
                    break;
                }
                run.remove(0);
                initial = false;
            }
            if !run.is_empty() {
                self.candidates.push(Candidate {
                    words: run,
                    initial,
                });
            }
            i = end;
        }
    }

    /// Ranks everything tallied.
    pub(super) fn finish(self, vocabulary: &Vocabulary<'_>) -> Lists {
        let key = |id: usize| vocabulary.keys[id].text.as_str();
        let flag = |flags: &[bool], folded: &str| {
            vocabulary
                .key_id(folded)
                .is_some_and(|id| flags.get(id).copied().unwrap_or(false))
        };
        let mut names: HashMap<String, usize> = HashMap::new();
        for mut candidate in self.candidates {
            if candidate.initial {
                // A capital at the start of a sentence proves nothing: keep the word only if it is
                // capitalised elsewhere and never written in lower case.
                let first = fold(&candidate.words[0]);
                let lower = flag(&self.lower, &first);
                let known = flag(&self.capitalised, &first) && !lower;
                if !known {
                    if candidate.words.len() == 1 {
                        continue;
                    }
                    if lower {
                        candidate.words.remove(0);
                    }
                }
            }
            if let Some(last) = candidate.words.last() {
                if NAME_JOINERS.contains(&last.as_str()) {
                    candidate.words.pop();
                }
            }
            if candidate.words.is_empty() {
                continue;
            }
            *names.entry(candidate.words.join(" ")).or_default() += 1;
        }
        let counted = || self.words.iter().enumerate().filter(|(_, e)| e.count > 0);
        let words_all = rank(counted().map(|(id, e)| (shown(key(id), e), e.count)), 1);
        let words = rank(
            counted()
                .filter(|&(id, _)| !vocabulary.keys[id].stop && key(id).chars().count() > 1)
                .map(|(id, e)| (shown(key(id), e), e.count)),
            1,
        );
        let phrase = |ids: &[usize], e: &Entry| {
            let text = ids.iter().map(|&id| key(id)).collect::<Vec<_>>().join(" ");
            (shown(&text, e), e.count)
        };
        Lists {
            words,
            words_with_stop_words: words_all,
            bigrams: rank(self.bigrams.iter().map(|(k, e)| phrase(k, e)), 2),
            trigrams: rank(self.trigrams.iter().map(|(k, e)| phrase(k, e)), 2),
            names: rank(names.into_iter(), 1),
        }
    }
}

/// A word of a counted sentence as the top lists see it.
struct Found<'v> {
    /// The key's number in the vocabulary.
    id: usize,
    /// The key: case-folded, possessive ending off.
    key: &'v str,
    /// How it is written (possessive off, an initialism's final period kept).
    written: &'v str,
    /// Whether it may start or end a phrase: it has a letter and is no stop word.
    content: bool,
}

/// How an entry is shown: as written with its capitals if it was never written in lower case and
/// was capitalised in mid-sentence at least once (a name), otherwise in lower case.
fn shown(key: &str, entry: &Entry) -> String {
    match &entry.capitalised {
        Some(written) if !entry.lower_seen => written.clone(),
        _ => key.to_string(),
    }
}

/// The [`TOP`] most frequent entries seen at least `min` times, most frequent first, then in
/// alphabetical order.
fn rank(entries: impl Iterator<Item = (String, usize)>, min: usize) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = entries
        .filter(|(_, count)| *count >= min)
        .map(|(text, count)| Ranked { text, count })
        .collect();
    ranked.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    ranked.truncate(TOP);
    ranked
}

/// Whether a word can be part of a name: capitalised, with a letter, not the pronoun "I".
pub(super) fn is_name_word(word: &str) -> bool {
    is_capitalised(word) && word != "I" && !stem(&fold(word)).eq("i")
}

/// A word as written for the top lists: an initialism keeps its final period ("U.S."). `written`
/// is the word without its possessive ending.
fn shown_word<'t>(text: &'t str, word: &Word<'t>, written: &'t str) -> &'t str {
    if written.len() == word.text.len()
        && written.contains('.')
        && is_initials(written)
        && text[word.span.end..].starts_with('.')
    {
        &text[word.span.start..word.span.end + 1]
    } else {
        written
    }
}

/// A name word as shown: possessive taken off, and an initialism's final period kept ("U.S.").
fn written_name_word(text: &str, word: &Word<'_>) -> String {
    shown_word(text, word, strip_possessive(word.text)).to_string()
}

/// Whether a sentence is written in title case (every word but stop words capitalised), where
/// capitals do not mark names.
fn title_case(words: &[Word<'_>], spellings: &[usize], vocabulary: &Vocabulary<'_>) -> bool {
    let mut content = 0;
    for (w, &spelling) in words.iter().zip(spellings) {
        if !w.text.chars().any(char::is_alphabetic) {
            continue;
        }
        if is_capitalised(w.text) {
            content += 1;
        } else if !vocabulary.spellings[spelling].folded_stop {
            return false;
        }
    }
    content >= 4
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    fn names(text: &str) -> Vec<(String, usize)> {
        analyze(text, &Options::default())
            .stats
            .top_names
            .into_iter()
            .map(|r| (r.text, r.count))
            .collect()
    }

    #[test]
    fn finds_names_and_proper_noun_phrases() {
        let text = "President Donald Trump met Kim Jong-un in Hanoi. Trump’s aides said \
                    North Korea wanted relief. The U.S. delegation left Hanoi on Thursday. \
                    North Korea said the Bank of England was not involved.";
        assert_eq!(
            names(text),
            [
                ("Hanoi".to_string(), 2),
                ("North Korea".to_string(), 2),
                ("Bank of England".to_string(), 1),
                ("Donald Trump".to_string(), 1),
                ("Kim Jong-un".to_string(), 1),
                ("Trump".to_string(), 1),
                ("U.S.".to_string(), 1),
            ]
        );
    }

    #[test]
    fn titles_and_datelines_are_not_part_of_names() {
        let text = "GENEVA (Meridian) — Arvenian Foreign Minister Tomas Vell met Secretary of \
                    State Ana Ruiz in Geneva on Monday. Vell left.";
        assert_eq!(
            names(text),
            [
                ("Ana Ruiz".to_string(), 1),
                ("Geneva".to_string(), 1),
                ("Tomas Vell".to_string(), 1),
                ("Vell".to_string(), 1),
            ]
        );
    }

    #[test]
    fn sentence_initial_capitals_need_evidence() {
        // "Officials" starts a sentence and is written in lower case elsewhere; "Lee" is
        // capitalised mid-sentence too; "Yesterday" never is.
        let text = "Officials met. Yesterday it rained. Lee spoke. Then officials left with Lee.";
        assert_eq!(names(text), [("Lee".to_string(), 2)]);
    }

    #[test]
    fn top_words_skip_stop_words_and_merge_possessives() {
        let a = analyze(
            "The summit ended. The summit’s end was abrupt, officials said. Summit talks \
             will resume next year, the officials said.",
            &Options::default(),
        );
        let top: Vec<(&str, usize)> = a
            .stats
            .top_words
            .iter()
            .map(|r| (r.text.as_str(), r.count))
            .collect();
        assert_eq!(&top[..2], [("summit", 3), ("officials", 2)]);
        assert!(top.iter().all(|(w, _)| *w != "said" && *w != "the"));
        assert!(top.contains(&("year", 1)));
        assert_eq!(a.stats.top_words_with_stop_words[0].text, "summit");
        assert!(a
            .stats
            .top_words_with_stop_words
            .iter()
            .any(|r| r.text == "the" && r.count == 3));
        let bigrams: Vec<&str> = a
            .stats
            .top_bigrams
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert!(bigrams.is_empty(), "{bigrams:?}"); // no phrase occurs twice
    }

    #[test]
    fn phrases_stay_inside_clauses_and_need_two_occurrences() {
        let a = analyze(
            "Economic sanctions hurt. Economic sanctions, they said, remain. New economic \
             sanctions policy. New economic sanctions policy.",
            &Options::default(),
        );
        let bigrams: Vec<(&str, usize)> = a
            .stats
            .top_bigrams
            .iter()
            .map(|r| (r.text.as_str(), r.count))
            .collect();
        assert_eq!(bigrams[0], ("economic sanctions", 4));
        assert!(bigrams.contains(&("sanctions policy", 2)));
        assert!(!bigrams.iter().any(|(b, _)| b.contains("hurt")));
        let trigrams: Vec<&str> = a
            .stats
            .top_trigrams
            .iter()
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(
            trigrams,
            ["economic sanctions policy", "new economic sanctions"]
        );
    }
}
