//! Property tests for the statistics: the counts add up and stay consistent for any text.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::readability::Readability;
use article_analyzer::{analyze, word_spans, Options, ParagraphKind, Scope};
use proptest::prelude::*;

/// Words, punctuation, names, contractions, numbers and line breaks in any order.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "The",
            "the",
            "was",
            "were",
            "quickly",
            "only",
            "signed",
            "thrown",
            "Mr.",
            "U.S.",
            "Kim",
            "Jong-un",
            "North",
            "Korea",
            "couldn’t",
            "de-nuke",
            "2019",
            "3.5",
            "said",
            "“",
            "”",
            "‘",
            "’",
            ". ",
            ", ",
            "? ",
            ": ",
            "—",
            "(",
            ")",
            "\n",
            "\n\n",
            " ",
            "  ",
            "é",
            "👩‍🔬",
            "東京",
            "denuclearization",
            "committees",
        ])
        .prop_map(str::to_string),
        "[A-Za-z]{1,12}",
    ];
    prop::collection::vec(piece, 0..120).prop_map(|parts| parts.join(" "))
}

fn check(text: &str, scope: Scope) {
    let mut options = Options::default();
    options.scope = scope;
    let a = analyze(text, &options);
    let s = &a.stats;
    let counted = |paragraph: usize| {
        scope == Scope::All || a.paragraphs[paragraph].kind == ParagraphKind::Body
    };
    assert_eq!(s.per_sentence.len(), a.sentences.len());
    let mut words = 0;
    let mut syllables = 0;
    let mut histogram = 0;
    for (sentence, notes) in a.sentences.iter().zip(&s.per_sentence) {
        let slice = sentence.span.slice(&a.text);
        assert_eq!(notes.words, word_spans(slice).count(), "{slice:?}");
        assert!(notes.hard as u8 + notes.very_hard as u8 <= 1);
        for span in notes.adverbs.iter().chain(&notes.passive) {
            assert!(sentence.span.start <= span.start && span.end <= sentence.span.end);
            assert!(a.text.is_char_boundary(span.start) && a.text.is_char_boundary(span.end));
        }
        if counted(sentence.paragraph) {
            words += notes.words;
            syllables += notes.syllables;
            histogram += usize::from(notes.words > 0);
        }
    }
    // The words of the counted sentences add up to the words of the counted paragraphs.
    assert_eq!(s.words, words);
    let paragraph_words: usize = a
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(i, _)| counted(*i))
        .map(|(_, p)| word_spans(p.span.slice(&a.text)).count())
        .sum();
    assert_eq!(s.words, paragraph_words);
    assert_eq!(s.syllables, syllables);
    assert_eq!(s.sentence_length_histogram.iter().sum::<usize>(), histogram);
    assert!(s.unique_words <= s.words);
    assert!(s.content_words <= s.words);
    assert!(s.complex_words <= s.polysyllabic_words);
    assert!(s.polysyllabic_words <= s.words && s.long_words <= s.words);
    assert!(s.letters >= s.words, "every word has a letter or digit");
    assert!(s.characters_no_spaces <= s.characters);
    assert!(s.syllables >= s.words, "every word has a syllable");
    if let Some(longest) = s.longest_sentence {
        let most = s.per_sentence[longest].words;
        for (sentence, notes) in a.sentences.iter().zip(&s.per_sentence) {
            if counted(sentence.paragraph) {
                assert!(notes.words <= most);
            }
        }
    }
    // The scores are functions of the counts in `stats`.
    assert_eq!(s.readability, Readability::new(s));
    for list in [&s.top_words, &s.top_bigrams, &s.top_trigrams, &s.top_names] {
        assert!(list.windows(2).all(|w| w[0].count >= w[1].count));
        assert!(list.iter().all(|r| r.count >= 1 && !r.text.is_empty()));
    }
    let top_total: usize = s.top_words_with_stop_words.iter().map(|r| r.count).sum();
    assert!(top_total <= s.words);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn counts_add_up(text in article()) {
        check(&text, Scope::Body);
        check(&text, Scope::All);
    }
}

#[test]
fn counts_add_up_on_every_fixture_article() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/articles");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            check(&text, Scope::Body);
            check(&text, Scope::All);
            seen += 1;
        }
    }
    assert!(seen >= 10);
}
