//! Word and structure counts.

use crate::words::{fold, word_spans};
use crate::{Paragraph, Sentence, Stats};
use std::collections::HashSet;
use unicode_segmentation::UnicodeSegmentation;

/// Counts words, distinct words, characters, sentences and paragraphs.
pub(crate) fn compute(text: &str, paragraphs: &[Paragraph], sentences: &[Sentence]) -> Stats {
    let mut words = 0;
    let mut unique = HashSet::new();
    for span in word_spans(text) {
        words += 1;
        unique.insert(fold(span.slice(text)));
    }
    Stats {
        words,
        unique_words: unique.len(),
        characters: text.graphemes(true).count(),
        sentences: sentences.len(),
        paragraphs: paragraphs.len(),
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
        assert_eq!(stats.characters, text.graphemes(true).count());
        assert_eq!(stats.sentences, 3);
        assert_eq!(stats.paragraphs, 2);
    }
    use unicode_segmentation::UnicodeSegmentation;
}
