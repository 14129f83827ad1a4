//! The stages of [`analyze`](crate::analyze) one at a time, for the benchmarks that show where the
//! time goes. Not part of the stable API: hidden from the docs and free to change.

use crate::{clean, paragraph, quote, roles, sentence, stats};
use crate::{Options, Paragraph, Quote, Sentence, Speaker, Stats};

/// The cleaned text and what cleaning learned about it.
pub struct Cleaned(clean::Cleaned);

impl Cleaned {
    /// The cleaned text.
    pub fn text(&self) -> &str {
        &self.0.text
    }
}

/// Stage 1: mis-decoding, HTML and invisible characters.
pub fn clean(input: &str) -> Cleaned {
    Cleaned(clean::clean(input))
}

/// Stage 2: paragraphs and their roles.
pub fn paragraphs(cleaned: &Cleaned, options: &Options) -> Vec<Paragraph> {
    let text = &cleaned.0.text;
    roles::assign(
        text,
        paragraph::split(text, options.paragraphs),
        &cleaned.0.hints,
    )
}

/// Stage 3: sentences.
pub fn sentences(cleaned: &Cleaned, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    sentence::split(&cleaned.0.text, paragraphs)
}

/// Stage 4: quotations and speakers.
pub fn quotes(
    cleaned: &Cleaned,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    options: &Options,
) -> (Vec<Quote>, Vec<Speaker>) {
    let mut diagnostics = Vec::new();
    let found = quote::find(
        &cleaned.0.text,
        paragraphs,
        sentences,
        options.scope,
        &mut diagnostics,
    );
    (found.quotes, found.speakers)
}

/// Stage 5: word statistics.
pub fn stats(
    cleaned: &Cleaned,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    options: &Options,
) -> Stats {
    stats::compute(&cleaned.0.text, paragraphs, sentences, options.scope)
}
