//! # article-analyzer
//!
//! Reads a news article and returns its paragraphs, its sentences, its quotations (with who said
//! them) and its word statistics. The core is plain Rust with no I/O; the `wasm` module (built for
//! `wasm32` only) is the sole place that knows about JavaScript.
//!
//! ## Overview
//! [`analyze`] takes the article's text and [`Options`] and returns an [`Analysis`]: plain data whose
//! spans are UTF-8 byte ranges ([`Span`]) into the text. Analysis never fails and never panics on
//! text: odd input gives a result plus [`Diagnostic`]s. [`schema`] turns an [`Analysis`] into the
//! public, camelCase result whose offsets are UTF-16 code units, as the JavaScript API and the
//! CLI's `--json` print it.
//!
//! ## Example
//! ```
//! use article_analyzer::{analyze, Options};
//!
//! let text = "Talks end early\n\n“We walked away,” Mr. Lee said. He left at 9 a.m. on Friday.";
//! let analysis = analyze(text, &Options::default());
//! assert_eq!(analysis.paragraphs.len(), 2);
//! assert_eq!(analysis.sentences.len(), 3);
//! assert_eq!(analysis.quotes[0].span.slice(text), "We walked away,");
//! let speaker = analysis.quotes[0].speaker.unwrap();
//! assert_eq!(analysis.speakers[speaker].name, "Lee");
//! assert_eq!(analysis.stats.words, 16);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[allow(dead_code)] // wired into analyze in the next step
mod clean;
mod lexicon;
mod options;
mod paragraph;
mod quote;
pub mod schema;
mod sentence;
mod stats;
mod syllables;
mod types;
mod utf16;
mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use options::{Options, OptionsError, ParagraphMode};
pub use types::{
    Analysis, Diagnostic, DiagnosticCode, Paragraph, Quote, QuoteKind, Sentence, Span, Speaker,
    Stats,
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
    let paragraphs = paragraph::split(text, options.paragraphs);
    let sentences = sentence::split(text, &paragraphs);
    let mut diagnostics = Vec::new();
    let quote::Quotes { quotes, speakers } =
        quote::find(text, &paragraphs, &sentences, &mut diagnostics);
    let stats = stats::compute(text, &paragraphs, &sentences);
    diagnostics.sort_by_key(|d: &Diagnostic| (d.span.start, d.span.end));
    Analysis {
        paragraphs,
        sentences,
        quotes,
        speakers,
        stats,
        diagnostics,
    }
}
