//! The plain data an analysis returns. Every span is a UTF-8 byte range into the cleaned text
//! ([`Analysis::text`]); [`Analysis::offsets`] maps it back into the input.

use crate::readability::ratio;
use crate::OffsetMap;

/// A half-open byte range `start..end` into the analysed text.
///
/// # Example
/// ```
/// use article_analyzer::Span;
/// let span = Span::new(4, 9);
/// assert_eq!(span.slice("The quick fox"), "quick");
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets, `start <= end`).
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Span;
    /// assert_eq!(Span::new(1, 3).end, 3);
    /// ```
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Span;
    /// assert_eq!(Span::new(2, 7).len(), 5);
    /// ```
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span holds no bytes.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Span;
    /// assert!(Span::new(3, 3).is_empty());
    /// ```
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Returns `""` if the span is not a valid range of `text`
    /// (out of bounds or not on character boundaries) rather than panicking.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Span;
    /// assert_eq!(Span::new(0, 3).slice("abcdef"), "abc");
    /// assert_eq!(Span::new(0, 99).slice("abc"), "");
    /// ```
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies entirely inside this span.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 4)));
    /// assert!(!Span::new(0, 10).contains(Span::new(8, 12)));
    /// ```
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A paragraph: a block of text between blank lines (or a single line, see
/// [`ParagraphMode`](crate::ParagraphMode)), trimmed of surrounding whitespace.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let text = "First.\n\n  Second.  ";
/// let a = analyze(text, &Options::default());
/// assert_eq!(a.paragraphs[1].span.slice(text), "Second.");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, without leading or trailing whitespace.
    pub span: Span,
    /// What the paragraph is: the article's body, or furniture around it.
    pub kind: ParagraphKind,
    /// The dateline that opens the first body paragraph ("HANOI –"), dash included.
    pub dateline: Option<Span>,
}

impl Paragraph {
    /// A body paragraph over `span`, with no dateline.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{Paragraph, ParagraphKind, Span};
    /// assert_eq!(Paragraph::new(Span::new(0, 4)).kind, ParagraphKind::Body);
    /// ```
    pub const fn new(span: Span) -> Paragraph {
        Paragraph {
            span,
            kind: ParagraphKind::Body,
            dateline: None,
        }
    }
}

/// The role of a paragraph. Statistics count [`Body`](ParagraphKind::Body) paragraphs, and
/// quotations are looked for in the body and the headline, unless
/// [`Scope::All`](crate::Scope::All) is chosen.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options, ParagraphKind};
/// let text = "Talks End Early\n\nBy Ana Ruiz\n\nThe talks ended early on Friday.";
/// let kinds: Vec<_> = analyze(text, &Options::default()).paragraphs.iter().map(|p| p.kind).collect();
/// assert_eq!(kinds, [ParagraphKind::Headline, ParagraphKind::Byline, ParagraphKind::Body]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// The article's text.
    #[default]
    Body,
    /// The title line.
    Headline,
    /// The author line ("By Ana Ruiz").
    Byline,
    /// A photo caption or credit ("Name, Agency | …", "… (AP)").
    Caption,
    /// Page furniture: reading time, copyright, a job title or a date alone, sharing prompts.
    Meta,
    /// The same text as the paragraph right before it.
    Duplicate,
}

impl ParagraphKind {
    /// The name used in the public result.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::ParagraphKind;
    /// assert_eq!(ParagraphKind::Caption.as_str(), "caption");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Headline => "headline",
            ParagraphKind::Byline => "byline",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Meta => "meta",
            ParagraphKind::Duplicate => "duplicate",
        }
    }
}

/// What sort of change a [`Repair`] made.
///
/// # Example
/// ```
/// use article_analyzer::RepairKind;
/// assert_eq!(RepairKind::Mojibake.as_str(), "mojibake");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RepairKind {
    /// Mis-decoded UTF-8 (`â€™`, `¬†`) turned back into the characters meant.
    Mojibake,
    /// An HTML character reference (`&amp;`) decoded.
    Entity,
    /// An invisible character (zero-width space, soft hyphen, byte-order mark) removed.
    Invisible,
    /// A control character (NUL…) replaced by a space.
    Control,
}

impl RepairKind {
    /// The name used in the public result.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::RepairKind;
    /// assert_eq!(RepairKind::Invisible.as_str(), "invisible");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            RepairKind::Mojibake => "mojibake",
            RepairKind::Entity => "entity",
            RepairKind::Invisible => "invisible",
            RepairKind::Control => "control",
        }
    }
}

/// Characters that cleaning changed in place. The span is in the cleaned text
/// ([`Analysis::text`]); [`Analysis::offsets`] maps it to the characters that were replaced.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options, RepairKind};
/// let a = analyze("a\u{200b}b", &Options::default());
/// assert_eq!(a.repairs[0].kind, RepairKind::Invisible);
/// assert_eq!(a.offsets.source(a.repairs[0].span).slice("a\u{200b}b"), "\u{200b}");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repair {
    /// The replacement in the cleaned text (empty for a removal).
    pub span: Span,
    /// What was repaired.
    pub kind: RepairKind,
}

/// A sentence, or a line that stands on its own (a headline, a byline, a caption).
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let text = "It rained. We stayed in.";
/// let a = analyze(text, &Options::default());
/// assert_eq!(a.sentences[1].span.slice(text), "We stayed in.");
/// assert_eq!(a.sentences[1].paragraph, 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text; starts and ends on a non-whitespace character.
    pub span: Span,
    /// Index of the paragraph that holds the sentence.
    pub paragraph: usize,
}

/// What sort of quotation a [`Quote`] is.
///
/// # Example
/// ```
/// use article_analyzer::QuoteKind;
/// assert_eq!(QuoteKind::Partial.as_str(), "partial");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A full clause or more: `“We are done,” she said.`
    Direct,
    /// A fragment inside reported speech: `said it was “not a bad idea”`.
    Partial,
    /// A quotation in a headline line.
    Headline,
    /// Scare quotes or the title of a work (`the so-called “experts”`); never has a speaker.
    Term,
}

impl QuoteKind {
    /// The name used in the public result (`"direct"`, `"partial"`, `"headline"`, `"term"`).
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::QuoteKind;
    /// assert_eq!(QuoteKind::Headline.as_str(), "headline");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Headline => "headline",
            QuoteKind::Term => "term",
        }
    }
}

/// A quotation and, when known, who said it.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options, QuoteKind};
/// let text = "“No deal,” Ms. Park said.";
/// let a = analyze(text, &Options::default());
/// let q = &a.quotes[0];
/// assert_eq!(q.span.slice(text), "No deal,");
/// assert_eq!(q.kind, QuoteKind::Direct);
/// assert_eq!(q.cue.unwrap().slice(text), "said");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks (trimmed of whitespace).
    pub span: Span,
    /// The quotation including its marks (to the paragraph's end when the closing mark is missing).
    pub outer: Span,
    /// Direct, partial, headline or term.
    pub kind: QuoteKind,
    /// Index of the sentence in which the quotation starts.
    pub sentence: usize,
    /// Index into [`Analysis::speakers`], or `None` when no speaker was found.
    pub speaker: Option<usize>,
    /// The speech verb or phrase that attributes the quotation (`said`, `according to`).
    pub cue: Option<Span>,
    /// For a quotation that carries on from the previous paragraph (the earlier paragraph ended
    /// without a closing mark), the index of the part before it.
    pub continues: Option<usize>,
}

/// A person quoted in the article. Several mentions ("Donald Trump", "Mr. Trump", "Trump") are one
/// speaker whose [`name`](Speaker::name) is the fullest form.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let text = "“Yes,” Ana Ruiz said. “No,” Ms. Ruiz added.";
/// let a = analyze(text, &Options::default());
/// assert_eq!(a.speakers.len(), 1);
/// assert_eq!(a.speakers[0].name, "Ana Ruiz");
/// assert_eq!(a.speakers[0].quotes, [0, 1]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The fullest form of the person's name found in the article, without titles.
    pub name: String,
    /// Every mention of the person used to attribute a quotation, in text order.
    pub mentions: Vec<Span>,
    /// Indices into [`Analysis::quotes`] of the person's quotations, in text order.
    pub quotes: Vec<usize>,
}

/// Word counts, readability and top words of the article's body (every paragraph with
/// [`Scope::All`](crate::Scope::All)), and style notes for every sentence.
///
/// Each count is defined in the README ("Counting rules"); the averages and ratios are methods, and
/// the [`readability`](Stats::readability) scores are plain functions of the counts
/// ([`crate::readability`]).
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let a = analyze("The cat sat. The cat ran.", &Options::default());
/// assert_eq!(a.stats.words, 6);
/// assert_eq!(a.stats.unique_words, 4);
/// assert_eq!(a.stats.sentences, 2);
/// assert_eq!(a.stats.words_per_sentence(), Some(3.0));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Word-like tokens (see [`word_spans`](crate::word_spans)).
    pub words: usize,
    /// Distinct words after lower-casing (’ and ' treated alike).
    pub unique_words: usize,
    /// Extended grapheme clusters, whitespace included (blank lines between paragraphs are not).
    pub characters: usize,
    /// Extended grapheme clusters that are not whitespace.
    pub characters_no_spaces: usize,
    /// Letters and digits inside words (apostrophes and hyphens are not counted).
    pub letters: usize,
    /// Syllables of all words, by a rule-based counter with an exception list.
    pub syllables: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Words of three or more syllables (SMOG's polysyllables).
    pub polysyllabic_words: usize,
    /// Gunning's complex words: three or more syllables, not counting hyphenated compounds,
    /// numbers, or an "-es", "-ed" or "-ing" ending as a syllable.
    pub complex_words: usize,
    /// Words of seven or more letters (LIX's long words).
    pub long_words: usize,
    /// Words that are not function words (`data/stop_words.txt`, `[function]`) and hold a letter.
    pub content_words: usize,
    /// Index into [`Analysis::sentences`] of the counted sentence with the most words.
    pub longest_sentence: Option<usize>,
    /// Counted sentences by length: 1–10, 11–20, 21–30, 31–40 and 41 or more words.
    pub sentence_length_histogram: [usize; 5],
    /// The most frequent words that are not stop words, most frequent first.
    pub top_words: Vec<Ranked>,
    /// The most frequent words, stop words included.
    pub top_words_with_stop_words: Vec<Ranked>,
    /// Two-word phrases seen at least twice that neither start nor end with a stop word.
    pub top_bigrams: Vec<Ranked>,
    /// Three-word phrases seen at least twice that neither start nor end with a stop word.
    pub top_trigrams: Vec<Ranked>,
    /// Names and proper-noun phrases ("Kim Jong-un", "North Korea"), most mentioned first.
    pub top_names: Vec<Ranked>,
    /// The readability scores of the counted text.
    pub readability: crate::readability::Readability,
    /// One entry per sentence of [`Analysis::sentences`] (counted or not), in the same order.
    pub per_sentence: Vec<SentenceStats>,
}

/// Reading speed used for [`Stats::reading_time_seconds`], in words per minute (Brysbaert, 2019,
/// for silent reading of English non-fiction).
pub const READING_WORDS_PER_MINUTE: f64 = 238.0;

/// Speaking speed used for [`Stats::speaking_time_seconds`], in words per minute.
pub const SPEAKING_WORDS_PER_MINUTE: f64 = 140.0;

impl Stats {
    /// Words per sentence, or `None` without sentences.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 30, sentences: 4, ..Stats::default() };
    /// assert_eq!(s.words_per_sentence(), Some(7.5));
    /// ```
    pub fn words_per_sentence(&self) -> Option<f64> {
        ratio(self.words, self.sentences)
    }

    /// Syllables per word, or `None` without words.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 4, syllables: 6, ..Stats::default() };
    /// assert_eq!(s.syllables_per_word(), Some(1.5));
    /// ```
    pub fn syllables_per_word(&self) -> Option<f64> {
        ratio(self.syllables, self.words)
    }

    /// Letters per word, or `None` without words.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 4, letters: 18, ..Stats::default() };
    /// assert_eq!(s.letters_per_word(), Some(4.5));
    /// ```
    pub fn letters_per_word(&self) -> Option<f64> {
        ratio(self.letters, self.words)
    }

    /// Type-token ratio: distinct words / words, or `None` without words.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 10, unique_words: 7, ..Stats::default() };
    /// assert_eq!(s.type_token_ratio(), Some(0.7));
    /// ```
    pub fn type_token_ratio(&self) -> Option<f64> {
        ratio(self.unique_words, self.words)
    }

    /// Lexical density: content words / words, or `None` without words.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 10, content_words: 5, ..Stats::default() };
    /// assert_eq!(s.lexical_density(), Some(0.5));
    /// ```
    pub fn lexical_density(&self) -> Option<f64> {
        ratio(self.content_words, self.words)
    }

    /// Silent reading time in seconds at [`READING_WORDS_PER_MINUTE`].
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 238, ..Stats::default() };
    /// assert_eq!(s.reading_time_seconds(), 60.0);
    /// ```
    pub fn reading_time_seconds(&self) -> f64 {
        self.words as f64 * 60.0 / READING_WORDS_PER_MINUTE
    }

    /// Speaking time in seconds at [`SPEAKING_WORDS_PER_MINUTE`].
    ///
    /// # Example
    /// ```
    /// use article_analyzer::Stats;
    /// let s = Stats { words: 70, ..Stats::default() };
    /// assert_eq!(s.speaking_time_seconds(), 30.0);
    /// ```
    pub fn speaking_time_seconds(&self) -> f64 {
        self.words as f64 * 60.0 / SPEAKING_WORDS_PER_MINUTE
    }
}

/// A word, phrase or name with how often it occurs.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let a = analyze("We flew to Hanoi. It was hot in Hanoi.", &Options::default());
/// assert_eq!(a.stats.top_names[0].text, "Hanoi");
/// assert_eq!(a.stats.top_names[0].count, 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// The word or phrase: lower-case unless it is always capitalised (a name).
    pub text: String,
    /// How many times it occurs in the counted text.
    pub count: usize,
}

/// Length, grade and style notes of one sentence, for highlighting hard sentences, adverbs and
/// passive voice.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let text = "The ball was quickly thrown.";
/// let a = analyze(text, &Options::default());
/// let s = &a.stats.per_sentence[0];
/// assert_eq!(s.words, 5);
/// assert_eq!(s.adverbs[0].slice(&a.text), "quickly");
/// assert_eq!(s.passive[0].slice(&a.text), "was quickly thrown");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceStats {
    /// Words in the sentence.
    pub words: usize,
    /// Syllables in the sentence.
    pub syllables: usize,
    /// The Flesch–Kincaid grade of the sentence alone (`None` without words).
    pub grade: Option<f64>,
    /// At least 14 words and a grade from 10 to under 14.
    pub hard: bool,
    /// At least 14 words and a grade of 14 or more.
    pub very_hard: bool,
    /// Adverbs ending in "-ly" (not "only", "family", "early"…).
    pub adverbs: Vec<Span>,
    /// Passive constructions: a form of "to be" through its past participle ("was arrested",
    /// "has been widely reported").
    pub passive: Vec<Span>,
}

/// What a [`Diagnostic`] is about.
///
/// # Example
/// ```
/// use article_analyzer::DiagnosticCode;
/// assert_eq!(DiagnosticCode::UnclosedQuote.as_str(), "unclosedQuote");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiagnosticCode {
    /// A quotation mark opens a quotation that is never closed in its paragraph.
    UnclosedQuote,
    /// A closing quotation mark with no opening mark before it.
    UnmatchedClosingQuote,
    /// The text holds no words at all.
    EmptyText,
    /// Mis-decoded characters were repaired.
    RepairedEncoding,
    /// HTML tags or page furniture were removed.
    RemovedMarkup,
    /// HTML character references were decoded.
    DecodedEntities,
    /// Invisible characters were removed.
    RemovedInvisible,
    /// Control characters were replaced by spaces.
    ReplacedControl,
    /// `\r\n`, `\r` and other line endings were made `\n`.
    NormalizedLineEndings,
    /// Paragraphs that are not article body (captions, bylines…) were left out of the counts.
    LeftOut,
}

impl DiagnosticCode {
    /// The code's name in the public result.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::DiagnosticCode;
    /// assert_eq!(DiagnosticCode::EmptyText.as_str(), "emptyText");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DiagnosticCode::UnclosedQuote => "unclosedQuote",
            DiagnosticCode::UnmatchedClosingQuote => "unmatchedClosingQuote",
            DiagnosticCode::EmptyText => "emptyText",
            DiagnosticCode::RepairedEncoding => "repairedEncoding",
            DiagnosticCode::RemovedMarkup => "removedMarkup",
            DiagnosticCode::DecodedEntities => "decodedEntities",
            DiagnosticCode::RemovedInvisible => "removedInvisible",
            DiagnosticCode::ReplacedControl => "replacedControl",
            DiagnosticCode::NormalizedLineEndings => "normalizedLineEndings",
            DiagnosticCode::LeftOut => "leftOut",
        }
    }
}

/// Something odd about the text that the analysis worked around.
///
/// # Example
/// ```
/// use article_analyzer::{analyze, DiagnosticCode, Options};
/// let a = analyze("He said “we will see and left.", &Options::default());
/// assert_eq!(a.diagnostics[0].code, DiagnosticCode::UnclosedQuote);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of finding this is.
    pub code: DiagnosticCode,
    /// A sentence for a person.
    pub message: String,
    /// Where in the text (may be empty for findings about the whole text).
    pub span: Span,
}

/// The result of [`analyze`](crate::analyze).
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
/// let a = analyze("Hello there.", &Options::default());
/// assert_eq!(a.sentences.len(), 1);
/// assert!(a.quotes.is_empty());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// The cleaned text that every span of the analysis points into. It is the input unless
    /// cleaning changed something (see [`offsets`](Analysis::offsets) and
    /// [`repairs`](Analysis::repairs)).
    pub text: String,
    /// Maps spans of [`text`](Analysis::text) back to the input.
    pub offsets: OffsetMap,
    /// Characters cleaning changed in place, in text order.
    pub repairs: Vec<Repair>,
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; each lies inside its paragraph.
    pub sentences: Vec<Sentence>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
    /// Speakers in order of their first quotation.
    pub speakers: Vec<Speaker>,
    /// Counts.
    pub stats: Stats,
    /// Findings about odd input, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}
