//! # article-analyzer
//!
//! Reads a news article and returns its paragraphs, its sentences, its quotations (with who said
//! them) and its word statistics. The core is plain Rust with no I/O; the `wasm` module (built for
//! `wasm32` only) is the sole place that knows about JavaScript.
//!
//! ## Overview
//! [`analyze`] takes the article's text and [`Options`] and returns an [`Analysis`]: plain data whose
//! spans are UTF-8 byte ranges ([`Span`]) into the cleaned text ([`Analysis::text`]: mis-decoded
//! characters repaired, HTML reduced to its text, invisible characters removed), which
//! [`Analysis::offsets`] maps back into the text as given. Analysis never fails and never panics
//! on text: odd input gives a result plus [`Diagnostic`]s. [`schema`] turns an [`Analysis`] into the
//! public, camelCase result whose offsets are UTF-16 code units, as the JavaScript API and the
//! CLI's `--json` print it.
//!
//! ## Example
//! ```
//! use article_analyzer::{analyze, Options, ParagraphKind};
//!
//! let text = "Talks end early\n\n“We walked away,” Mr. Lee said. He left at 9 a.m. on Friday.";
//! let analysis = analyze(text, &Options::default());
//! assert_eq!(analysis.paragraphs.len(), 2);
//! assert_eq!(analysis.paragraphs[0].kind, ParagraphKind::Headline);
//! assert_eq!(analysis.sentences.len(), 3);
//! assert_eq!(analysis.quotes[0].span.slice(&analysis.text), "We walked away,");
//! let speaker = analysis.quotes[0].speaker.unwrap();
//! assert_eq!(analysis.speakers[speaker].name, "Lee");
//! // The counts take in the body, not the headline.
//! assert_eq!(analysis.stats.words, 13);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod clean;
mod compare;
mod float;
mod hash;
mod lexicon;
mod limits;
mod options;
mod order;
mod paragraph;
mod quote;
pub mod readability;
mod roles;
pub mod schema;
#[cfg(test)]
mod seeded;
mod sentence;
#[doc(hidden)]
pub mod stages;
mod stats;
mod syllables;
mod types;
mod utf16;
mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use clean::OffsetMap;
pub use compare::{
    compare, compare_analyses, CompareOptions, Comparison, DiffOp, DiffPart, MatchKind, QuoteMatch,
    SentenceMatch, SharedSpeaker,
};
pub use limits::{check_input_len, InputTooLong, MAX_INPUT_BYTES};
pub use options::{Options, OptionsError, ParagraphMode, Scope};
pub use types::{
    Analysis, Diagnostic, DiagnosticCode, Paragraph, ParagraphKind, Quote, QuoteKind, Ranked,
    Repair, RepairKind, Sentence, SentenceStats, Span, Speaker, Stats, READING_WORDS_PER_MINUTE,
    SPEAKING_WORDS_PER_MINUTE,
};
pub use utf16::Utf16Index;
pub use words::word_spans;

/// Analyzes `text`: paragraphs, sentences, quotations with their speakers, and word statistics.
///
/// Every [`Span`] in the result is a byte range into `text`. The function never panics on any
/// input; anything odd about the text is reported in [`Analysis::diagnostics`].
///
/// # Example
/// ```
/// use article_analyzer::{analyze, Options};
///
/// let analysis = analyze("One. Two three.", &Options::default());
/// let sentences: Vec<&str> = analysis.sentences.iter().map(|s| s.span.slice("One. Two three.")).collect();
/// assert_eq!(sentences, ["One.", "Two three."]);
/// assert_eq!(analysis.stats.words, 3);
/// ```
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let clean::Cleaned {
        text,
        offsets,
        repairs,
        hints,
        mut diagnostics,
    } = clean::clean(text);
    let paragraphs = paragraph::split(&text, options.paragraphs);
    let paragraphs = roles::assign(&text, paragraphs, &hints);
    let sentences = sentence::split(&text, &paragraphs);
    let quote::Quotes { quotes, speakers } = quote::find(
        &text,
        &paragraphs,
        &sentences,
        options.scope,
        &mut diagnostics,
    );
    let stats = stats::compute(&text, &paragraphs, &sentences, options.scope);
    left_out(&paragraphs, options.scope, &mut diagnostics);
    if word_spans(&text).next().is_none() {
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::EmptyText,
            message: "the text holds no words".to_string(),
            span: Span::new(0, text.len()),
        });
    }
    let diagnostics = order::sorted_by_key(diagnostics, &|d: &Diagnostic| {
        (order::key(d.span.start), order::key(d.span.end))
    });
    Analysis {
        text,
        offsets,
        repairs,
        paragraphs,
        sentences,
        quotes,
        speakers,
        stats,
        diagnostics,
    }
}

/// One diagnostic per kind of paragraph that the counts leave out.
fn left_out(paragraphs: &[Paragraph], scope: Scope, diagnostics: &mut Vec<Diagnostic>) {
    if scope == Scope::All {
        return;
    }
    for kind in [
        ParagraphKind::Headline,
        ParagraphKind::Byline,
        ParagraphKind::Caption,
        ParagraphKind::Meta,
        ParagraphKind::Duplicate,
    ] {
        let mut of_kind = paragraphs.iter().filter(|p| p.kind == kind);
        let Some(first) = of_kind.next() else {
            continue;
        };
        let n = 1 + of_kind.count();
        let name = match (kind, n) {
            (ParagraphKind::Headline, 1) => "headline",
            (ParagraphKind::Headline, _) => "headlines",
            (ParagraphKind::Byline, 1) => "byline",
            (ParagraphKind::Byline, _) => "bylines",
            (ParagraphKind::Caption, 1) => "caption line",
            (ParagraphKind::Caption, _) => "caption lines",
            (ParagraphKind::Meta, 1) => "page meta line",
            (ParagraphKind::Meta, _) => "page meta lines",
            (_, 1) => "repeated line",
            _ => "repeated lines",
        };
        diagnostics.push(Diagnostic {
            code: DiagnosticCode::LeftOut,
            message: format!("{n} {name} left out of the statistics"),
            span: first.span,
        });
    }
}
