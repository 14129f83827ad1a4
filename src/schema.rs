//! The public result: camelCase, UTF-16 offsets, the same for the JavaScript API and the CLI.
//!
//! [`Public::new`] converts an [`Analysis`] (UTF-8 byte ranges) into serializable data whose
//! `start`/`end` are UTF-16 code-unit offsets, so that `text.slice(start, end)` in JavaScript is
//! exact. This module is the only place where that conversion happens. Options arrive through
//! [`PublicOptions`], whose unknown fields and bad values are errors that name the option.

use crate::{Analysis, Options, OptionsError, Span, Utf16Index};
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

/// A sentence in the public result.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicSentence;
/// let s = PublicSentence { start: 0, end: 3, text: "Hi.", paragraph: 0 };
/// assert_eq!(s.text, "Hi.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PublicSentence<'t> {
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// The sentence's text.
    pub text: &'t str,
    /// Index into `paragraphs`.
    pub paragraph: usize,
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

/// Counts in the public result.
///
/// # Example
/// ```
/// use article_analyzer::schema::PublicStats;
/// let s = PublicStats { words: 2, unique_words: 2, characters: 9, sentences: 1, paragraphs: 1 };
/// assert_eq!(s.words, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicStats {
    /// Word-like tokens.
    pub words: usize,
    /// Distinct words, case-folded.
    pub unique_words: usize,
    /// Grapheme clusters, whitespace included.
    pub characters: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    pub stats: PublicStats,
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
                .map(|s| {
                    let r = text_range(s.span);
                    PublicSentence {
                        start: r.start,
                        end: r.end,
                        text: r.text,
                        paragraph: s.paragraph,
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
            stats: PublicStats {
                words: analysis.stats.words,
                unique_words: analysis.stats.unique_words,
                characters: analysis.stats.characters,
                sentences: analysis.stats.sentences,
                paragraphs: analysis.stats.paragraphs,
            },
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
        for name in names {
            let name = name.as_ref();
            if !Self::NAMES.contains(&name) {
                let list: Vec<String> = Self::NAMES.iter().map(|n| format!("{n:?}")).collect();
                return Err(OptionsError::new(format!(
                    "unknown option `{name}`: expected one of {}",
                    list.join(", ")
                )));
            }
        }
        Ok(())
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
