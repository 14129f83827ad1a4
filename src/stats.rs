//! Word and structure counts.

use crate::words::{fold, word_spans};
use crate::{Paragraph, ParagraphKind, Scope, Sentence, Stats};
use std::collections::HashSet;
use unicode_segmentation::UnicodeSegmentation;

/// Whether the counts take in `paragraph`.
pub(crate) fn counted(paragraph: &Paragraph, scope: Scope) -> bool {
    scope == Scope::All || paragraph.kind == ParagraphKind::Body
}

/// Counts words, distinct words, characters, sentences and paragraphs of the paragraphs in
/// `scope`.
pub(crate) fn compute(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    scope: Scope,
) -> Stats {
    let mut words = 0;
    let mut unique = HashSet::new();
    let mut characters = 0;
    let mut counted_paragraphs = 0;
    for p in paragraphs.iter().filter(|p| counted(p, scope)) {
        let slice = p.span.slice(text);
        counted_paragraphs += 1;
        characters += slice.graphemes(true).count();
        for span in word_spans(slice) {
            words += 1;
            unique.insert(fold(span.slice(slice)));
        }
    }
    Stats {
        words,
        unique_words: unique.len(),
        characters,
        sentences: sentences
            .iter()
            .filter(|s| {
                paragraphs
                    .get(s.paragraph)
                    .is_some_and(|p| counted(p, scope))
            })
            .count(),
        paragraphs: counted_paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options};

    #[test]
    fn counts_words_case_folded_and_graphemes() {
        let text = "The cat’s hat. The cat's HAT!\n\ne\u{301} 👩‍🔬";
        let stats = analyze(text, &Options::default()).stats;
        assert_eq!(stats.words, 7);
        assert_eq!(stats.unique_words, 4); // the, cat's, hat, é
        assert_eq!(stats.characters, text.graphemes(true).count() - 2); // not the blank line
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.paragraphs, 2);
    }
    use unicode_segmentation::UnicodeSegmentation;
}
