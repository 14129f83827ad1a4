//! Curated word lists compiled in from `data/*.txt`, parsed once on first use.
//!
//! Each data file documents its own source and scope. Lines starting with `#` and blank lines are
//! ignored.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::hash::FastSet;

/// The lines of a data file that can hold entries, chosen at compile time: comment and blank
/// lines are left out of the binary (they were a third of its word-list bytes). [`entries`]
/// reads the result exactly as it would read the whole file.
macro_rules! data_file {
    ($path:literal) => {{
        const RAW: &str = include_str!($path);
        const KEPT: [u8; $crate::lexicon::kept_len(RAW)] = $crate::lexicon::kept(RAW);
        match std::str::from_utf8(&KEPT) {
            Ok(text) => text,
            Err(_) => panic!("a data file is not UTF-8"),
        }
    }};
}
pub(crate) use data_file;

const ABBREVIATIONS: &str = data_file!("../data/abbreviations.txt");
const CUE_VERBS: &str = data_file!("../data/cue_verbs.txt");
const TITLES: &str = data_file!("../data/titles.txt");
const SENTENCE_STARTERS: &str = data_file!("../data/sentence_starters.txt");
const PRONOUNS: &str = data_file!("../data/pronouns.txt");
const TIME_WORDS: &str = data_file!("../data/time_words.txt");
const CONTINUATION_WORDS: &str = data_file!("../data/continuation_words.txt");
const FURNITURE: &str = data_file!("../data/furniture.txt");
const ROLES: &str = data_file!("../data/roles.txt");
const STOP_WORDS: &str = data_file!("../data/stop_words.txt");
const STYLE_WORDS: &str = data_file!("../data/style_words.txt");

/// Whether the line `bytes[start..end]` is surely a comment or blank: what is left after ASCII
/// whitespace is nothing or starts with `#`. (A line that [`entries`] drops for other
/// whitespace is kept here and dropped there.)
const fn dropped(bytes: &[u8], start: usize, end: usize) -> bool {
    let mut i = start;
    while i < end && matches!(bytes[i], b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    i == end || bytes[i] == b'#'
}

/// The end of the line that starts at `start` (its `\n`, or the end of the text).
const fn line_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len() && bytes[end] != b'\n' {
        end += 1;
    }
    end
}

/// The length of [`kept`]`(raw)`.
pub(crate) const fn kept_len(raw: &str) -> usize {
    let bytes = raw.as_bytes();
    let (mut start, mut len) = (0, 0);
    while start < bytes.len() {
        let end = line_end(bytes, start);
        if !dropped(bytes, start, end) {
            len += end - start + 1;
        }
        start = end + 1;
    }
    len
}

/// The lines of `raw` that are not surely comments or blank, each ended by `\n`. Whole lines
/// of valid UTF-8 are copied, so the result is valid UTF-8.
pub(crate) const fn kept<const N: usize>(raw: &str) -> [u8; N] {
    let bytes = raw.as_bytes();
    let mut out = [0u8; N];
    let (mut start, mut at) = (0, 0);
    while start < bytes.len() {
        let end = line_end(bytes, start);
        if !dropped(bytes, start, end) {
            let mut i = start;
            while i < end {
                out[at] = bytes[i];
                at += 1;
                i += 1;
            }
            out[at] = b'\n';
            at += 1;
        }
        start = end + 1;
    }
    out
}

/// The entries of a data file: trimmed, non-empty lines that are not comments.
pub(crate) fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// What usually follows an abbreviation, which decides whether its period can end a sentence.
/// The classes are the `[class]` groups of `data/abbreviations.txt`, where each is explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbreviation {
    /// Precedes a name: Mr., Gen., Sen.
    Title,
    /// Precedes what it qualifies: e.g., vs., approx.
    Before,
    /// A number sign: No., Vol., p.
    Number,
    /// Follows a name: Jr., Ph.D.
    Suffix,
    /// States and streets: Calif., St. (after a name).
    Place,
    /// Often closes a sentence: etc., et al.
    End,
    /// Months and weekdays: Jan., Tues.
    Month,
    /// a.m. and p.m.
    Time,
    /// Acronyms and company forms that begin names: U.S., Inc.
    Name,
}

/// The abbreviations of `data/abbreviations.txt` (without their final period) and their class.
pub(crate) fn abbreviations() -> &'static HashMap<&'static str, Abbreviation> {
    static MAP: OnceLock<HashMap<&'static str, Abbreviation>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        let mut class = Abbreviation::Name;
        for entry in entries(ABBREVIATIONS) {
            if let Some(name) = entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
                class = match name {
                    "title" => Abbreviation::Title,
                    "before" => Abbreviation::Before,
                    "number" => Abbreviation::Number,
                    "suffix" => Abbreviation::Suffix,
                    "place" => Abbreviation::Place,
                    "end" => Abbreviation::End,
                    "month" => Abbreviation::Month,
                    "time" => Abbreviation::Time,
                    _ => Abbreviation::Name,
                };
            } else {
                map.insert(entry, class);
            }
        }
        map
    })
}

/// Whether `word` is a title abbreviation that stands before a name (Mr, Dr, Sen).
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    abbreviations().get(word) == Some(&Abbreviation::Title)
}

/// Declares an accessor for a word list of `data/` that is parsed into a set on first use.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $data:expr) => {
        $(#[$doc])*
        pub(crate) fn $name() -> &'static FastSet<&'static str> {
            static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| entries($data).collect())
        }
    };
}

word_set!(
    /// Words that may follow "a.m."/"p.m." in the same sentence: weekdays, months, time zones.
    time_words,
    TIME_WORDS
);
word_set!(
    /// Lower-case words that cannot end a sentence (prepositions, articles, conjunctions).
    continuation_words,
    CONTINUATION_WORDS
);
word_set!(
    /// Capitalised words that usually begin a sentence (pronouns, articles, conjunctions): after
    /// an abbreviation such as "U.S." one of these signals that the abbreviation ended the
    /// sentence.
    sentence_starters,
    SENTENCE_STARTERS
);
word_set!(
    /// Titles and roles that stand before a name, lower-case ("mr", "secretary").
    titles,
    TITLES
);
word_set!(
    /// Subject pronouns that stand for one earlier-named person ("he said").
    pronouns,
    PRONOUNS
);

/// The groups of `data/furniture.txt`: words that mark captions, credits, bylines and page
/// furniture.
#[derive(Default)]
pub(crate) struct Furniture {
    /// Photo and wire agencies ("ap", "getty images").
    pub agency: HashSet<&'static str>,
    /// First words of captions ("photo", "pictured").
    pub caption: HashSet<&'static str>,
    /// Job titles of bylines ("staff writer").
    pub role: HashSet<&'static str>,
    /// First words of page furniture ("updated", "share this").
    pub meta: HashSet<&'static str>,
}

/// The furniture word groups, parsed once.
pub(crate) fn furniture() -> &'static Furniture {
    static SETS: OnceLock<Furniture> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut sets = Furniture::default();
        let mut group = None;
        for entry in entries(FURNITURE) {
            if let Some(name) = entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
                group = Some(name);
                continue;
            }
            let set = match group {
                Some("agency") => &mut sets.agency,
                Some("caption") => &mut sets.caption,
                Some("role") => &mut sets.role,
                _ => &mut sets.meta,
            };
            set.insert(entry);
        }
        sets
    })
}

/// The entries of the `[group]` of a grouped data file.
fn group(data: &'static str, name: &str) -> FastSet<&'static str> {
    let mut inside = false;
    let mut set = FastSet::default();
    for entry in entries(data) {
        if let Some(group) = entry.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
            inside = group == name;
        } else if inside {
            set.insert(entry);
        }
    }
    set
}

/// Declares an accessor for one `[group]` of a grouped data file, parsed into a set on first use.
macro_rules! group_set {
    ($(#[$doc:meta])* $name:ident, $data:expr, $group:literal) => {
        $(#[$doc])*
        pub(crate) fn $name() -> &'static FastSet<&'static str> {
            static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| group($data, $group))
        }
    };
}

group_set!(
    /// Function words (`data/stop_words.txt`, `[function]`): not content words.
    function_words,
    STOP_WORDS,
    "function"
);
group_set!(
    /// Common news words that top-word lists leave out (`data/stop_words.txt`, `[common]`).
    common_words,
    STOP_WORDS,
    "common"
);
group_set!(
    /// Words ending in "-ly" that are not adverbs (`data/style_words.txt`).
    not_adverbs,
    STYLE_WORDS,
    "not-adverbs"
);
group_set!(
    /// Forms of "to be" that make the passive voice (`data/style_words.txt`).
    be_forms,
    STYLE_WORDS,
    "be"
);
group_set!(
    /// Irregular past participles (`data/style_words.txt`).
    irregular_participles,
    STYLE_WORDS,
    "participles"
);
group_set!(
    /// Words ending in "-ed" that are not past participles (`data/style_words.txt`).
    not_participles,
    STYLE_WORDS,
    "not-participles"
);

/// Whether a lower-case noun names someone by role, and what it stands for: a person ("leader",
/// "spokesperson"; every title counts) or a body ("company", "police").
pub(crate) fn role(word: &str) -> Option<RoleNoun> {
    static SETS: OnceLock<(FastSet<&'static str>, FastSet<&'static str>)> = OnceLock::new();
    let (person, organisation) =
        SETS.get_or_init(|| (group(ROLES, "person"), group(ROLES, "organisation")));
    if person.contains(word) || titles().contains(word) {
        Some(RoleNoun::Person)
    } else if organisation.contains(word) {
        Some(RoleNoun::Organisation)
    } else {
        None
    }
}

/// What a role noun stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RoleNoun {
    /// One person ("the secretary").
    Person,
    /// A body that speaks as itself ("the company").
    Organisation,
}

/// Every inflected form of every cue verb, lower-case, as word sequences. A one-word cue is a
/// one-element vector; "according to" is `["according", "to"]`.
pub(crate) struct Cues {
    single: HashSet<String>,
    /// Multi-word cues by their first word; each entry holds the remaining words, longest first.
    multi: HashMap<String, Vec<Vec<String>>>,
}

impl Cues {
    /// Whether the lower-case word is a one-word cue form (`said`, `tells`, `insisting`).
    pub(crate) fn is_single(&self, word: &str) -> bool {
        self.single.contains(word)
    }

    /// The rest of each multi-word cue that starts with the lower-case `first` word (for
    /// "according" → `[["to"]]`), longest first.
    pub(crate) fn phrases_after(&self, first: &str) -> &[Vec<String>] {
        self.multi.get(first).map_or(&[], Vec::as_slice)
    }
}

/// The cue verbs of `data/cue_verbs.txt` with their inflections.
pub(crate) fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut single = HashSet::new();
        let mut multi: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for entry in entries(CUE_VERBS) {
            let (lemma, irregular) = match entry.split_once(':') {
                Some((lemma, past)) => (lemma.trim(), Some(past.trim())),
                None => (entry, None),
            };
            let mut words = lemma.split_whitespace();
            let Some(head) = words.next() else { continue };
            let rest: Vec<String> = words.map(str::to_string).collect();
            for form in inflections(head, irregular) {
                if rest.is_empty() {
                    single.insert(form);
                } else {
                    multi.entry(form).or_default().push(rest.clone());
                }
            }
        }
        // "according to" is a cue phrase with no verb to inflect.
        multi
            .entry("according".to_string())
            .or_default()
            .push(vec!["to".to_string()]);
        for phrases in multi.values_mut() {
            // Longest first, stably.
            let taken = std::mem::take(phrases);
            *phrases =
                crate::order::sorted_by_key(taken, &|rest| (!crate::order::key(rest.len()), 0));
        }
        Cues { single, multi }
    })
}

/// The base form, third person, past (or `irregular`), and present participle of a verb.
fn inflections(lemma: &str, irregular: Option<&str>) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b' ');
    let before_last = if bytes.len() >= 2 {
        bytes[bytes.len() - 2]
    } else {
        b' '
    };
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    // third person singular
    if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        forms.push(format!("{lemma}es"));
    } else if last == b'y' && !is_vowel(before_last) {
        forms.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        forms.push(format!("{lemma}s"));
    }
    // past tense and participle
    let stem_for_ed = if last == b'e' {
        lemma[..lemma.len() - 1].to_string()
    } else if last == b'y' && !is_vowel(before_last) {
        format!("{}i", &lemma[..lemma.len() - 1])
    } else {
        lemma.to_string()
    };
    let doubled = ends_consonant_vowel_consonant(lemma).then(|| format!("{lemma}{}", last as char));
    match irregular {
        Some(past) => forms.push(past.to_string()),
        None => {
            forms.push(format!("{stem_for_ed}ed"));
            if let Some(doubled) = &doubled {
                forms.push(format!("{doubled}ed"));
            }
        }
    }
    // present participle
    let stem_for_ing = if last == b'e' && !lemma.ends_with("ee") {
        &lemma[..lemma.len() - 1]
    } else {
        lemma
    };
    forms.push(format!("{stem_for_ing}ing"));
    if let Some(doubled) = &doubled {
        forms.push(format!("{doubled}ing"));
    }
    forms
}

/// Whether a word ends consonant–vowel–consonant (admit, quip), the pattern whose final consonant
/// doubles before -ed and -ing. Both spellings are generated; the wrong one never occurs in text.
fn ends_consonant_vowel_consonant(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 3 {
        return false;
    }
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let (c1, v, c2) = (b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]);
    // In "quip" the "u" after "q" is part of the consonant.
    let c1_is_consonant = !is_vowel(c1) || (c1 == b'u' && b.len() >= 4 && b[b.len() - 4] == b'q');
    c1_is_consonant && is_vowel(v) && !is_vowel(c2) && !matches!(c2, b'w' | b'x' | b'y')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        let cues = cues();
        for form in [
            "say",
            "says",
            "said",
            "saying",
            "told",
            "tells",
            "added",
            "adding",
            "insisted",
            "implored",
            "admitted",
            "admitting",
            "quipped",
            "tweeted",
            "cries",
            "cried",
            "explaining",
            "wrote",
            "writing",
        ] {
            assert!(cues.is_single(form), "{form} should be a cue");
        }
        assert_eq!(cues.phrases_after("according"), [vec!["to".to_string()]]);
        assert_eq!(cues.phrases_after("pointed"), [vec!["out".to_string()]]);
        assert!(cues.phrases_after("said").is_empty());
    }

    #[test]
    fn data_files_keep_every_entry() {
        for (kept, raw) in [
            (ABBREVIATIONS, include_str!("../data/abbreviations.txt")),
            (CUE_VERBS, include_str!("../data/cue_verbs.txt")),
            (TITLES, include_str!("../data/titles.txt")),
            (
                SENTENCE_STARTERS,
                include_str!("../data/sentence_starters.txt"),
            ),
            (PRONOUNS, include_str!("../data/pronouns.txt")),
            (TIME_WORDS, include_str!("../data/time_words.txt")),
            (
                CONTINUATION_WORDS,
                include_str!("../data/continuation_words.txt"),
            ),
            (FURNITURE, include_str!("../data/furniture.txt")),
            (ROLES, include_str!("../data/roles.txt")),
            (STOP_WORDS, include_str!("../data/stop_words.txt")),
            (STYLE_WORDS, include_str!("../data/style_words.txt")),
        ] {
            assert!(entries(kept).eq(entries(raw)));
            assert!(kept.len() < raw.len());
        }
        let odd = "# note\n  \t\nword\r\n  # indented note\n\u{a0}# other space\nlast";
        const KEPT: [u8; kept_len(
            "# note\n  \t\nword\r\n  # indented note\n\u{a0}# other space\nlast",
        )] = kept("# note\n  \t\nword\r\n  # indented note\n\u{a0}# other space\nlast");
        let kept_text = std::str::from_utf8(&KEPT).unwrap();
        assert_eq!(kept_text, "word\r\n\u{a0}# other space\nlast\n");
        assert!(entries(kept_text).eq(entries(odd)));
    }

    #[test]
    fn lists_are_curated_without_duplicates() {
        for data in [
            ABBREVIATIONS,
            CUE_VERBS,
            TITLES,
            SENTENCE_STARTERS,
            PRONOUNS,
        ] {
            let mut seen = HashSet::new();
            for entry in entries(data) {
                assert!(seen.insert(entry), "duplicate entry {entry:?}");
            }
        }
        assert!(entries(CUE_VERBS).count() >= 150);
        for (word, class) in [
            ("Mr", Abbreviation::Title),
            ("No", Abbreviation::Number),
            ("vs", Abbreviation::Before),
            ("Jr", Abbreviation::Suffix),
            ("Calif", Abbreviation::Place),
            ("etc", Abbreviation::End),
            ("Sept", Abbreviation::Month),
            ("p.m", Abbreviation::Time),
            ("U.S", Abbreviation::Name),
        ] {
            assert_eq!(abbreviations().get(word), Some(&class), "{word}");
        }
    }
}
