//! The public result: camelCase, UTF-16 offsets, the same for the JavaScript API and the CLI.
//!
//! [`Public::new`] converts an [`Analysis`] (UTF-8 byte ranges) into serializable data whose
//! `start`/`end` are UTF-16 code-unit offsets, so that `text.slice(start, end)` in JavaScript is
//! exact. This module is the only place where that conversion happens. Options arrive through
//! [`PublicOptions`], whose unknown fields and bad values are errors that name the option.

use crate::{Analysis, Comparison, Options, OptionsError, Span, Utf16Index};
use serde::{Deserialize, Serialize};

/// The version of the result's shape. It changes only when a field is removed or its meaning
/// changes; new fields may appear without a change.
pub const SCHEMA_VERSION: u32 = 1;

/// A `{ start, end }` range in UTF-16 code units.
///
/// # Example
/// ```
/// use article_analyzer::schema::Range;
/// let r = Range { start: 0, end: 2 };
/// assert_eq!(r.end - r.start, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Range {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// A range with the text it covers.
///
/// # Example
/// ```
/// use article_analyzer::schema::TextRange;
/// let t = TextRange { start: 0, end: 4, text: "said" };
/// assert_eq!(t.text, "said");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TextRange<'t> {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The text of the range.
    pub text: &'t str,
}

/// A paragraph in the public result.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicParagraph;
/// let p = PublicParagraph { start: 0, end: 5, kind: "body", dateline: None };
/// assert_eq!(p.start, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicParagraph {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// `"body"`, `"headline"`, `"byline"`, `"caption"`, `"meta"` or `"duplicate"`.
    pub kind: &'static str,
    /// The dateline that opens the first body paragraph, or `null`.
    pub dateline: Option<Range>,
}

/// A character repair in the public result: `start..end` of the input was replaced by `text`.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicRepair;
/// let r = PublicRepair { start: 3, end: 5, text: "\u{a0}", kind: "mojibake" };
/// assert_eq!(r.kind, "mojibake");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicRepair<'t> {
    /// First code unit of the replaced characters in the input.
    pub start: usize,
    /// One past the last replaced code unit.
    pub end: usize,
    /// What stands in their place in the analysis (empty for a removal).
    pub text: &'t str,
    /// `"mojibake"`, `"entity"`, `"invisible"` or `"control"`.
    pub kind: &'static str,
}

/// A sentence in the public result, with its style notes.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, schema::Public, Options};
/// let text = "It was quickly done.";
/// let a = analyze(text, &Options::default());
/// let s = &Public::new(text, &a).sentences[0];
/// assert_eq!((s.start, s.end, s.words), (0, 20, 4));
/// assert_eq!(s.adverbs[0].text, "quickly");
/// assert_eq!(s.passive[0].text, "was quickly done");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicSentence<'t> {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The sentence's text.
    pub text: &'t str,
    /// Index into `paragraphs`.
    pub paragraph: usize,
    /// Words in the sentence.
    pub words: usize,
    /// Flesch–Kincaid grade of the sentence alone, to two decimals, or `null` without words.
    pub grade: Option<f64>,
    /// At least 14 words and a grade from 10 to under 14.
    pub hard: bool,
    /// At least 14 words and a grade of 14 or more.
    pub very_hard: bool,
    /// "-ly" adverbs.
    pub adverbs: Vec<TextRange<'t>>,
    /// Passive constructions, from the form of "to be" through the participle.
    pub passive: Vec<TextRange<'t>>,
}

/// A quotation in the public result.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicQuote;
/// let q = PublicQuote { start: 1, end: 3, text: "no", kind: "direct", sentence: 0,
///                       speaker: None, cue: None, continues: None };
/// assert_eq!(q.kind, "direct");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicQuote<'t> {
    /// First code unit of the quoted words (marks excluded).
    pub start: usize,
    /// One past the last code unit of the quoted words.
    pub end: usize,
    /// The quoted words.
    pub text: &'t str,
    /// `"direct"`, `"partial"`, `"headline"` or `"term"`.
    pub kind: &'static str,
    /// Index into `sentences` of the sentence where the quotation starts.
    pub sentence: usize,
    /// Index into `speakers`, or `null`.
    pub speaker: Option<usize>,
    /// The speech verb, or `null`.
    pub cue: Option<TextRange<'t>>,
    /// For the later part of a multi-paragraph quotation: index of the part before it, or `null`.
    pub continues: Option<usize>,
}

/// A speaker in the public result.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicSpeaker;
/// let s = PublicSpeaker { name: "Ana Ruiz".into(), mentions: vec![], quotes: vec![0] };
/// assert_eq!(s.quotes.len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicSpeaker {
    /// The fullest form of the name.
    pub name: String,
    /// The mentions used to attribute quotations.
    pub mentions: Vec<Range>,
    /// Indices into `quotes`.
    pub quotes: Vec<usize>,
}

/// A word, phrase or name with its count.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicRanked;
/// let r = PublicRanked { text: "summit", count: 3 };
/// assert_eq!(r.count, 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicRanked<'t> {
    /// The word or phrase.
    pub text: &'t str,
    /// How often it occurs.
    pub count: usize,
}

/// One bin of the sentence-length histogram: sentences of `min..=max` words (`max` is `null` for
/// the last, open bin).
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicBin;
/// let b = PublicBin { min: 41, max: None, count: 2 };
/// assert_eq!(b.max, None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PublicBin {
    /// Fewest words of a sentence in the bin.
    pub min: usize,
    /// Most words, or `null` for no limit.
    pub max: Option<usize>,
    /// Sentences in the bin.
    pub count: usize,
}

/// Readability scores (two decimals) and the plain-language band of the Flesch score.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, schema::Public, Options};
/// let text = "The cat sat on the mat. It was a very good day.";
/// let r = Public::new(text, &analyze(text, &Options::default())).stats.readability;
/// assert_eq!(r.band, Some("very easy"));
/// assert_eq!(r.schooling, Some("5th grade"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicReadability {
    /// Flesch Reading Ease.
    pub flesch_reading_ease: Option<f64>,
    /// Flesch–Kincaid Grade Level.
    pub flesch_kincaid_grade: Option<f64>,
    /// Gunning Fog index.
    pub gunning_fog: Option<f64>,
    /// SMOG grade.
    pub smog: Option<f64>,
    /// Coleman–Liau index.
    pub coleman_liau: Option<f64>,
    /// Automated Readability Index.
    pub automated_readability_index: Option<f64>,
    /// LIX.
    pub lix: Option<f64>,
    /// `"very easy"`, `"easy"`, `"fairly easy"`, `"standard"`, `"fairly difficult"`,
    /// `"difficult"` or `"very difficult"`.
    pub band: Option<&'static str>,
    /// The schooling the band asks of a reader (`"college"`).
    pub schooling: Option<&'static str>,
}

/// Counts, averages, top lists and readability in the public result.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, schema::Public, Options};
/// let text = "The cat sat. The cat ran.";
/// let analysis = analyze(text, &Options::default());
/// let s = Public::new(text, &analysis).stats;
/// assert_eq!((s.words, s.unique_words, s.sentences), (6, 4, 2));
/// assert_eq!(s.words_per_sentence, Some(3.0));
/// assert_eq!(s.top_words[0].text, "cat");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicStats<'t> {
    /// Word-like tokens.
    pub words: usize,
    /// Distinct words, case-folded.
    pub unique_words: usize,
    /// Grapheme clusters, whitespace included.
    pub characters: usize,
    /// Grapheme clusters that are not whitespace.
    pub characters_no_spaces: usize,
    /// Letters and digits inside words.
    pub letters: usize,
    /// Syllables.
    pub syllables: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Words of three or more syllables.
    pub polysyllabic_words: usize,
    /// Gunning's complex words.
    pub complex_words: usize,
    /// Words of seven or more letters.
    pub long_words: usize,
    /// Words that are not function words.
    pub content_words: usize,
    /// Words per sentence (two decimals).
    pub words_per_sentence: Option<f64>,
    /// Syllables per word (two decimals).
    pub syllables_per_word: Option<f64>,
    /// Letters per word (two decimals).
    pub letters_per_word: Option<f64>,
    /// Index into `sentences` of the longest counted sentence.
    pub longest_sentence: Option<usize>,
    /// Its word count (0 without sentences).
    pub longest_sentence_words: usize,
    /// Distinct words / words (three decimals).
    pub type_token_ratio: Option<f64>,
    /// Content words / words (three decimals).
    pub lexical_density: Option<f64>,
    /// Seconds to read silently at 238 words per minute, rounded.
    pub reading_time_seconds: u64,
    /// Seconds to read aloud at 140 words per minute, rounded.
    pub speaking_time_seconds: u64,
    /// Sentences of 1–10, 11–20, 21–30, 31–40 and 41 or more words.
    pub sentence_length_histogram: [PublicBin; 5],
    /// Most frequent words, stop words left out.
    pub top_words: Vec<PublicRanked<'t>>,
    /// Most frequent words, stop words included.
    pub top_words_with_stop_words: Vec<PublicRanked<'t>>,
    /// Two-word phrases seen at least twice.
    pub top_bigrams: Vec<PublicRanked<'t>>,
    /// Three-word phrases seen at least twice.
    pub top_trigrams: Vec<PublicRanked<'t>>,
    /// Names and proper-noun phrases.
    pub top_names: Vec<PublicRanked<'t>>,
    /// Readability scores.
    pub readability: PublicReadability,
}

/// `x` rounded to `digits` decimals.
fn round(x: Option<f64>, digits: i32) -> Option<f64> {
    let scale = 10f64.powi(digits);
    x.map(|x| (x * scale).round() / scale)
}

impl<'t> PublicStats<'t> {
    fn new(analysis: &'t Analysis) -> PublicStats<'t> {
        let s = &analysis.stats;
        let ranked = |list: &'t [crate::Ranked]| {
            list.iter()
                .map(|r| PublicRanked {
                    text: &r.text,
                    count: r.count,
                })
                .collect()
        };
        let r = &s.readability;
        let bounds = [
            (1, Some(10)),
            (11, Some(20)),
            (21, Some(30)),
            (31, Some(40)),
            (41, None),
        ];
        PublicStats {
            words: s.words,
            unique_words: s.unique_words,
            characters: s.characters,
            characters_no_spaces: s.characters_no_spaces,
            letters: s.letters,
            syllables: s.syllables,
            sentences: s.sentences,
            paragraphs: s.paragraphs,
            polysyllabic_words: s.polysyllabic_words,
            complex_words: s.complex_words,
            long_words: s.long_words,
            content_words: s.content_words,
            words_per_sentence: round(s.words_per_sentence(), 2),
            syllables_per_word: round(s.syllables_per_word(), 2),
            letters_per_word: round(s.letters_per_word(), 2),
            longest_sentence: s.longest_sentence,
            longest_sentence_words: s
                .longest_sentence
                .and_then(|i| s.per_sentence.get(i))
                .map_or(0, |n| n.words),
            type_token_ratio: round(s.type_token_ratio(), 3),
            lexical_density: round(s.lexical_density(), 3),
            reading_time_seconds: s.reading_time_seconds().round() as u64,
            speaking_time_seconds: s.speaking_time_seconds().round() as u64,
            sentence_length_histogram: std::array::from_fn(|i| PublicBin {
                min: bounds[i].0,
                max: bounds[i].1,
                count: s.sentence_length_histogram[i],
            }),
            top_words: ranked(&s.top_words),
            top_words_with_stop_words: ranked(&s.top_words_with_stop_words),
            top_bigrams: ranked(&s.top_bigrams),
            top_trigrams: ranked(&s.top_trigrams),
            top_names: ranked(&s.top_names),
            readability: PublicReadability {
                flesch_reading_ease: round(r.flesch_reading_ease, 2),
                flesch_kincaid_grade: round(r.flesch_kincaid_grade, 2),
                gunning_fog: round(r.gunning_fog, 2),
                smog: round(r.smog, 2),
                coleman_liau: round(r.coleman_liau, 2),
                automated_readability_index: round(r.automated_readability_index, 2),
                lix: round(r.lix, 2),
                band: r.band.map(|b| b.as_str()),
                schooling: r.band.map(|b| b.schooling()),
            },
        }
    }
}

/// A diagnostic in the public result.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicDiagnostic;
/// let d = PublicDiagnostic { code: "emptyText", message: "no words".into(), start: 0, end: 0 };
/// assert_eq!(d.code, "emptyText");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicDiagnostic {
    /// A stable camelCase code.
    pub code: &'static str,
    /// A sentence for a person.
    pub message: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// The whole public result.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, schema::Public, Options};
/// let text = "“Oui,” dit-il. 😀 “Yes,” Lee said.";
/// let analysis = analyze(text, &Options::default());
/// let public = Public::new(text, &analysis);
/// let utf16: Vec<u16> = text.encode_utf16().collect();
/// let q = &public.quotes[1];
/// assert_eq!(String::from_utf16(&utf16[q.start..q.end]).unwrap(), "Yes,");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Public<'t> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Paragraphs.
    pub paragraphs: Vec<PublicParagraph>,
    /// Sentences.
    pub sentences: Vec<PublicSentence<'t>>,
    /// Quotations.
    pub quotes: Vec<PublicQuote<'t>>,
    /// Speakers.
    pub speakers: Vec<PublicSpeaker>,
    /// Counts.
    pub stats: PublicStats<'t>,
    /// Findings about odd input.
    pub diagnostics: Vec<PublicDiagnostic>,
    /// Characters repaired by cleaning.
    pub repairs: Vec<PublicRepair<'t>>,
}

impl<'t> Public<'t> {
    /// Converts `analysis` of `text` to the public shape with UTF-16 offsets into `text` (the
    /// input as given); `text` fields carry the cleaned words.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, schema::Public, Options};
    /// let text = "é. Ok.";
    /// let analysis = analyze(text, &Options::default());
    /// let public = Public::new(text, &analysis);
    /// assert_eq!((public.sentences[1].start, public.sentences[1].end), (3, 6));
    /// ```
    pub fn new(text: &str, analysis: &'t Analysis) -> Public<'t> {
        let index = Utf16Index::new(text);
        let range = |s: Span| {
            let s = analysis.offsets.span(s);
            Range {
                start: index.utf16(s.start),
                end: index.utf16(s.end),
            }
        };
        let text_range = |s: Span| {
            let r = range(s);
            TextRange {
                start: r.start,
                end: r.end,
                text: s.slice(&analysis.text),
            }
        };
        Public {
            schema_version: SCHEMA_VERSION,

            paragraphs: analysis
                .paragraphs
                .iter()
                .map(|p| {
                    let r = range(p.span);
                    PublicParagraph {
                        start: r.start,
                        end: r.end,
                        kind: p.kind.as_str(),
                        dateline: p.dateline.map(range),
                    }
                })
                .collect(),
            sentences: analysis
                .sentences
                .iter()
                .zip(&analysis.stats.per_sentence)
                .map(|(s, notes)| {
                    let r = text_range(s.span);
                    PublicSentence {
                        start: r.start,
                        end: r.end,
                        text: r.text,
                        paragraph: s.paragraph,
                        words: notes.words,
                        grade: round(notes.grade, 2),
                        hard: notes.hard,
                        very_hard: notes.very_hard,
                        adverbs: notes.adverbs.iter().map(|&a| text_range(a)).collect(),
                        passive: notes.passive.iter().map(|&p| text_range(p)).collect(),
                    }
                })
                .collect(),
            quotes: analysis
                .quotes
                .iter()
                .map(|q| {
                    let r = text_range(q.span);
                    PublicQuote {
                        start: r.start,
                        end: r.end,
                        text: r.text,
                        kind: q.kind.as_str(),
                        sentence: q.sentence,
                        speaker: q.speaker,
                        cue: q.cue.map(text_range),
                        continues: q.continues,
                    }
                })
                .collect(),
            speakers: analysis
                .speakers
                .iter()
                .map(|s| PublicSpeaker {
                    name: s.name.clone(),
                    mentions: s.mentions.iter().map(|&m| range(m)).collect(),
                    quotes: s.quotes.clone(),
                })
                .collect(),
            stats: PublicStats::new(analysis),
            diagnostics: analysis
                .diagnostics
                .iter()
                .map(|d| {
                    let r = range(d.span);
                    PublicDiagnostic {
                        code: d.code.as_str(),
                        message: d.message.clone(),
                        start: r.start,
                        end: r.end,
                    }
                })
                .collect(),
            repairs: analysis
                .repairs
                .iter()
                .map(|r| {
                    let source = analysis.offsets.source(r.span);
                    PublicRepair {
                        start: index.utf16(source.start),
                        end: index.utf16(source.end),
                        text: r.span.slice(&analysis.text),
                        kind: r.kind.as_str(),
                    }
                })
                .collect(),
        }
    }
}

/// The options object of the public API (`analyze(text, options)`, the CLI's flags), camelCase.
/// Unknown fields are rejected with an error that names them.
///
/// # Example
/// ```
/// use article_analyzer::{schema::PublicOptions, Options, ParagraphMode};
/// let public = PublicOptions { paragraphs: Some("lines".into()), scope: None };
/// let options: Options = public.try_into().unwrap();
/// assert_eq!(options.paragraphs, ParagraphMode::Lines);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicOptions {
    /// `"auto"` (default), `"blankLines"` or `"lines"`.
    #[serde(default)]
    pub paragraphs: Option<String>,
    /// `"body"` (default) or `"all"`.
    #[serde(default)]
    pub scope: Option<String>,
}

impl PublicOptions {
    /// The names of the public options, in camelCase.
    pub const NAMES: [&'static str; 2] = ["paragraphs", "scope"];

    /// Checks option names before their values are read: an unknown name is an error naming it.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::schema::PublicOptions;
    /// assert!(PublicOptions::check_names(["paragraphs"]).is_ok());
    /// let err = PublicOptions::check_names(["colour"]).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "unknown option `colour`: expected one of \"paragraphs\", \"scope\""
    /// );
    /// ```
    pub fn check_names<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
    ) -> Result<(), OptionsError> {
        OptionsError::check_names(names, &Self::NAMES)
    }
}

impl TryFrom<PublicOptions> for Options {
    type Error = OptionsError;

    fn try_from(public: PublicOptions) -> Result<Options, OptionsError> {
        let mut options = Options::default();
        if let Some(mode) = public.paragraphs {
            options.paragraphs = mode.parse()?;
        }
        if let Some(scope) = public.scope {
            options.scope = scope.parse()?;
        }
        Ok(options)
    }
}

/// A quotation of one of the two compared texts.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicComparedQuote;
/// let q = PublicComparedQuote { index: 0, start: 1, end: 4, text: "Yes", kind: "direct",
///                               speaker: Some("Ana Ruiz") };
/// assert_eq!(q.speaker, Some("Ana Ruiz"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicComparedQuote<'t> {
    /// Index of the quotation in that text's analysis.
    pub index: usize,
    /// First code unit of the quoted words in that text.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The quoted words.
    pub text: &'t str,
    /// `"direct"`, `"partial"`, `"headline"` or `"term"`.
    pub kind: &'static str,
    /// The speaker's name, or `null`.
    pub speaker: Option<&'t str>,
}

/// One part of a word-level diff.
///
/// # Example
/// ```
/// use article_analyzer::schema::{PublicDiffPart, TextRange};
/// let d = PublicDiffPart { op: "added", a: None, b: Some(TextRange { start: 0, end: 2, text: "so" }) };
/// assert!(d.a.is_none());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicDiffPart<'t> {
    /// `"same"`, `"added"`, `"removed"`, `"changed"`, `"punctuation"` or `"case"`.
    pub op: &'static str,
    /// The part in the first text, or `null` when it has none.
    pub a: Option<TextRange<'t>>,
    /// The part in the second text, or `null` when it has none.
    pub b: Option<TextRange<'t>>,
}

/// Two matched quotations.
///
/// # Example
/// ```
/// use article_analyzer::{compare, schema::PublicComparison, CompareOptions};
/// let (a, b) = ("“Go,” Lee said.", "“go” Lee said.");
/// let c = compare(a, b, &CompareOptions::default());
/// let m = &PublicComparison::new(a, b, &c).quote_matches[0];
/// assert_eq!((m.kind, m.similarity, m.same_speaker), ("variant", 1.0, Some(true)));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicQuoteMatch<'t> {
    /// The quotation in the first text.
    pub a: PublicComparedQuote<'t>,
    /// The quotation in the second text.
    pub b: PublicComparedQuote<'t>,
    /// Words in common, from 0 to 1 (three decimals).
    pub similarity: f64,
    /// `"exact"`, `"variant"`, `"contained"` or `"paraphrase"`.
    pub kind: &'static str,
    /// Whether both have the same speaker; `null` when either has none.
    pub same_speaker: Option<bool>,
    /// The differences, in text order, `same` parts included.
    pub diff: Vec<PublicDiffPart<'t>>,
}

/// A person quoted in both texts.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicSharedSpeaker;
/// let s = PublicSharedSpeaker { name: "Ana Ruiz", name_a: "Ruiz", name_b: "Ana Ruiz", quotes_a: 1, quotes_b: 2 };
/// assert_eq!(s.quotes_b, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicSharedSpeaker<'t> {
    /// The fuller of the two names.
    pub name: &'t str,
    /// The name in the first text.
    pub name_a: &'t str,
    /// The name in the second text.
    pub name_b: &'t str,
    /// Quotations of the person in the first text.
    pub quotes_a: usize,
    /// Quotations of the person in the second text.
    pub quotes_b: usize,
}

/// A sentence of one of the two compared texts.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicComparedSentence;
/// let s = PublicComparedSentence { index: 2, start: 10, end: 20, text: "It rained." };
/// assert_eq!(s.index, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicComparedSentence<'t> {
    /// Index of the sentence in that text's analysis.
    pub index: usize,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The sentence.
    pub text: &'t str,
}

/// A sentence found in both texts.
///
/// # Example
/// ```
/// use article_analyzer::{compare, schema::PublicComparison, CompareOptions};
/// let (a, b) = ("The ferry left the harbour at dawn.", "The ferry left the harbour at dawn.");
/// let c = compare(a, b, &CompareOptions::default());
/// let s = &PublicComparison::new(a, b, &c).sentence_matches[0];
/// assert_eq!((s.a.end, s.similarity), (35, 1.0));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublicSentenceMatch<'t> {
    /// The sentence in the first text.
    pub a: PublicComparedSentence<'t>,
    /// The sentence in the second text.
    pub b: PublicComparedSentence<'t>,
    /// Words aligned in order, from 0 to 1 (three decimals).
    pub similarity: f64,
}

/// The public result of `compare`: UTF-16 offsets into each of the two texts as given.
///
/// # Example
/// ```
/// use article_analyzer::{compare, schema::PublicComparison, CompareOptions};
/// let (a, b) = ("“Go,” Lee said. “Now,” he added.", "“Go,” Lee said.");
/// let c = compare(a, b, &CompareOptions::default());
/// let p = PublicComparison::new(a, b, &c);
/// assert_eq!(p.quote_matches[0].kind, "exact");
/// assert_eq!(p.only_in_a[0].text, "Now,");
/// assert!(p.only_in_b.is_empty());
/// assert_eq!(p.shared_speakers[0].quotes_a, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicComparison<'t> {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Matched quotations, in the order of the first text.
    pub quote_matches: Vec<PublicQuoteMatch<'t>>,
    /// Quotations of the first text matched with nothing in the second.
    pub only_in_a: Vec<PublicComparedQuote<'t>>,
    /// Quotations of the second text matched with nothing in the first.
    pub only_in_b: Vec<PublicComparedQuote<'t>>,
    /// People quoted in both, sorted by name.
    pub shared_speakers: Vec<PublicSharedSpeaker<'t>>,
    /// Sentences found in both, in the order of the first text.
    pub sentence_matches: Vec<PublicSentenceMatch<'t>>,
}

impl<'t> PublicComparison<'t> {
    /// Converts `comparison` of `text_a` and `text_b` (the inputs as given) to the public shape.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{compare, schema::PublicComparison, CompareOptions};
    /// let (a, b) = ("é “Oui,” Lee said.", "“Oui” Lee said.");
    /// let c = compare(a, b, &CompareOptions::default());
    /// let m = &PublicComparison::new(a, b, &c).quote_matches[0];
    /// assert_eq!((m.a.start, m.b.start), (3, 1));
    /// ```
    pub fn new(text_a: &str, text_b: &str, comparison: &'t Comparison) -> PublicComparison<'t> {
        let side_a = Converter::new(text_a, &comparison.a);
        let side_b = Converter::new(text_b, &comparison.b);
        let round3 = |x: f64| (x * 1000.0).round() / 1000.0;
        PublicComparison {
            schema_version: SCHEMA_VERSION,
            quote_matches: comparison
                .quote_matches
                .iter()
                .map(|m| PublicQuoteMatch {
                    a: side_a.quote(m.a),
                    b: side_b.quote(m.b),
                    similarity: round3(m.similarity),
                    kind: m.kind.as_str(),
                    same_speaker: m.same_speaker,
                    diff: m
                        .diff
                        .iter()
                        .map(|d| PublicDiffPart {
                            op: d.op.as_str(),
                            a: d.a.map(|s| side_a.text_range(s)),
                            b: d.b.map(|s| side_b.text_range(s)),
                        })
                        .collect(),
                })
                .collect(),
            only_in_a: comparison
                .only_in_a
                .iter()
                .map(|&q| side_a.quote(q))
                .collect(),
            only_in_b: comparison
                .only_in_b
                .iter()
                .map(|&q| side_b.quote(q))
                .collect(),
            shared_speakers: comparison
                .shared_speakers
                .iter()
                .map(|s| PublicSharedSpeaker {
                    name: &s.name,
                    name_a: &comparison.a.speakers[s.a].name,
                    name_b: &comparison.b.speakers[s.b].name,
                    quotes_a: s.quotes_a,
                    quotes_b: s.quotes_b,
                })
                .collect(),
            sentence_matches: comparison
                .sentence_matches
                .iter()
                .map(|m| PublicSentenceMatch {
                    a: side_a.sentence(m.a),
                    b: side_b.sentence(m.b),
                    similarity: round3(m.similarity),
                })
                .collect(),
        }
    }
}

/// Byte spans of one analysis to UTF-16 ranges of its input.
struct Converter<'t> {
    index: Utf16Index,
    analysis: &'t Analysis,
}

impl<'t> Converter<'t> {
    fn new(text: &str, analysis: &'t Analysis) -> Converter<'t> {
        Converter {
            index: Utf16Index::new(text),
            analysis,
        }
    }

    fn text_range(&self, s: Span) -> TextRange<'t> {
        let source = self.analysis.offsets.span(s);
        TextRange {
            start: self.index.utf16(source.start),
            end: self.index.utf16(source.end),
            text: s.slice(&self.analysis.text),
        }
    }

    fn quote(&self, k: usize) -> PublicComparedQuote<'t> {
        let q = &self.analysis.quotes[k];
        let r = self.text_range(q.span);
        PublicComparedQuote {
            index: k,
            start: r.start,
            end: r.end,
            text: r.text,
            kind: q.kind.as_str(),
            speaker: q
                .speaker
                .and_then(|s| self.analysis.speakers.get(s))
                .map(|s| s.name.as_str()),
        }
    }

    fn sentence(&self, k: usize) -> PublicComparedSentence<'t> {
        let r = self.text_range(self.analysis.sentences[k].span);
        PublicComparedSentence {
            index: k,
            start: r.start,
            end: r.end,
            text: r.text,
        }
    }
}

/// The options object of `compare(textA, textB, options)`: the analysis options and the two
/// thresholds, camelCase. Unknown fields are rejected with an error that names them.
///
/// # Example
/// ```
/// use article_analyzer::{schema::PublicCompareOptions, CompareOptions};
/// let public = PublicCompareOptions { paraphrase_threshold: Some(0.7), ..Default::default() };
/// let options: CompareOptions = public.try_into().unwrap();
/// assert_eq!(options.paraphrase_threshold, 0.7);
/// let bad = PublicCompareOptions { sentence_threshold: Some(2.0), ..Default::default() };
/// assert!(CompareOptions::try_from(bad).unwrap_err().to_string().contains("sentenceThreshold"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicCompareOptions {
    /// `"auto"` (default), `"blankLines"` or `"lines"`.
    #[serde(default)]
    pub paragraphs: Option<String>,
    /// `"body"` (default) or `"all"`.
    #[serde(default)]
    pub scope: Option<String>,
    /// From 0 to 1 (default 0.5): the least similarity of a paraphrase match.
    #[serde(default)]
    pub paraphrase_threshold: Option<f64>,
    /// From 0 to 1 (default 0.6): the least similarity of a sentence match.
    #[serde(default)]
    pub sentence_threshold: Option<f64>,
}

impl PublicCompareOptions {
    /// The names of the options, in camelCase.
    pub const NAMES: [&'static str; 4] = [
        "paragraphs",
        "scope",
        "paraphraseThreshold",
        "sentenceThreshold",
    ];
    /// The options whose value is a number (the others take a string).
    pub const NUMBERS: [&'static str; 2] = ["paraphraseThreshold", "sentenceThreshold"];

    /// Checks option names before their values are read: an unknown name is an error naming it.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::schema::PublicCompareOptions;
    /// assert!(PublicCompareOptions::check_names(["sentenceThreshold"]).is_ok());
    /// assert!(PublicCompareOptions::check_names(["threshold"]).unwrap_err().to_string().contains("`threshold`"));
    /// ```
    pub fn check_names<S: AsRef<str>>(
        names: impl IntoIterator<Item = S>,
    ) -> Result<(), OptionsError> {
        OptionsError::check_names(names, &Self::NAMES)
    }
}

impl TryFrom<PublicCompareOptions> for crate::CompareOptions {
    type Error = OptionsError;

    fn try_from(public: PublicCompareOptions) -> Result<crate::CompareOptions, OptionsError> {
        let mut options = crate::CompareOptions {
            analysis: PublicOptions {
                paragraphs: public.paragraphs,
                scope: public.scope,
            }
            .try_into()?,
            ..Default::default()
        };
        if let Some(x) = public.paraphrase_threshold {
            options.paraphrase_threshold = x;
        }
        if let Some(x) = public.sentence_threshold {
            options.sentence_threshold = x;
        }
        options.check()?;
        Ok(options)
    }
}
