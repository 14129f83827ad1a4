//! Readability formulas, each a plain function of counts that [`Stats`](crate::Stats) exposes, so
//! anyone can recompute a score from the public result.
//!
//! Every function returns `None` when a count it divides by is zero (no words or no sentences).
//! The scores are the published formulas with their published constants; the counts they take
//! are defined in the README ("Counting rules").
//!
//! # Example
//! ```
//! use article_analyzer::readability::{flesch_reading_ease, Band};
//! // 100 words in 5 sentences with 150 syllables.
//! let score = flesch_reading_ease(100, 5, 150).unwrap();
//! assert!((score - 59.635).abs() < 1e-9);
//! assert_eq!(Band::of(score), Band::FairlyDifficult);
//! ```

/// `a / b` as a float, or `None` when `b` is zero.
pub(crate) fn ratio(a: usize, b: usize) -> Option<f64> {
    (b != 0).then(|| a as f64 / b as f64)
}

/// Flesch Reading Ease: `206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)`.
///
/// Source: Rudolf Flesch, "A new readability yardstick", *Journal of Applied Psychology* 32
/// (1948). Higher is easier; plain English scores 60 to 70.
///
/// # Example
/// ```
/// use article_analyzer::readability::flesch_reading_ease;
/// assert_eq!(flesch_reading_ease(10, 1, 10), Some(206.835 - 10.15 - 84.6));
/// assert_eq!(flesch_reading_ease(0, 0, 0), None);
/// ```
pub fn flesch_reading_ease(words: usize, sentences: usize, syllables: usize) -> Option<f64> {
    Some(206.835 - 1.015 * ratio(words, sentences)? - 84.6 * ratio(syllables, words)?)
}

/// Flesch–Kincaid Grade Level: `0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59`.
///
/// Source: J. Peter Kincaid et al., "Derivation of new readability formulas for Navy enlisted
/// personnel", Research Branch Report 8-75 (1975). A U.S. school grade.
///
/// # Example
/// ```
/// use article_analyzer::readability::flesch_kincaid_grade;
/// let grade = flesch_kincaid_grade(20, 1, 30).unwrap();
/// assert!((grade - (0.39 * 20.0 + 11.8 * 1.5 - 15.59)).abs() < 1e-9);
/// ```
pub fn flesch_kincaid_grade(words: usize, sentences: usize, syllables: usize) -> Option<f64> {
    Some(0.39 * ratio(words, sentences)? + 11.8 * ratio(syllables, words)? - 15.59)
}

/// Gunning Fog index: `0.4 × (words / sentences + 100 × complex words / words)`.
///
/// Source: Robert Gunning, *The Technique of Clear Writing* (1952). Complex words have three or
/// more syllables, not counting hyphenated compounds or the "-es", "-ed" and "-ing" endings as a
/// syllable ([`Stats::complex_words`](crate::Stats::complex_words)). Gunning also left out
/// proper nouns; like textstat and most editors we count them.
///
/// # Example
/// ```
/// use article_analyzer::readability::gunning_fog;
/// assert_eq!(gunning_fog(100, 5, 10), Some(0.4 * (20.0 + 10.0)));
/// ```
pub fn gunning_fog(words: usize, sentences: usize, complex_words: usize) -> Option<f64> {
    Some(0.4 * (ratio(words, sentences)? + 100.0 * ratio(complex_words, words)?))
}

/// SMOG grade: `1.0430 × √(polysyllabic words × 30 / sentences) + 3.1291`.
///
/// Source: G. Harry McLaughlin, "SMOG grading: a new readability formula", *Journal of Reading*
/// 12 (1969), in its regression form. Polysyllabic words have three or more syllables. The
/// formula was made for 30 sentences; it is scaled to the sentences there are.
///
/// # Example
/// ```
/// use article_analyzer::readability::smog;
/// let grade = smog(30, 30).unwrap();
/// assert!((grade - (1.0430 * 30f64.sqrt() + 3.1291)).abs() < 1e-9);
/// ```
pub fn smog(sentences: usize, polysyllabic_words: usize) -> Option<f64> {
    Some(1.0430 * (ratio(polysyllabic_words * 30, sentences)?).sqrt() + 3.1291)
}

/// Coleman–Liau index: `0.0588 × L − 0.296 × S − 15.8`, where `L` is letters per 100 words and
/// `S` sentences per 100 words.
///
/// Source: Meri Coleman and T. L. Liau, "A computer readability formula designed for machine
/// scoring", *Journal of Applied Psychology* 60 (1975). Letters are the letters and digits of
/// words ([`Stats::letters`](crate::Stats::letters)).
///
/// # Example
/// ```
/// use article_analyzer::readability::coleman_liau;
/// let grade = coleman_liau(100, 5, 450).unwrap();
/// assert!((grade - (0.0588 * 450.0 - 0.296 * 5.0 - 15.8)).abs() < 1e-9);
/// ```
pub fn coleman_liau(words: usize, sentences: usize, letters: usize) -> Option<f64> {
    let per_100_words = 100.0 / (words != 0).then_some(words as f64)?;
    (sentences != 0).then_some(())?;
    Some(0.0588 * letters as f64 * per_100_words - 0.296 * sentences as f64 * per_100_words - 15.8)
}

/// Automated Readability Index: `4.71 × (characters / words) + 0.5 × (words / sentences) −
/// 21.43`.
///
/// Source: E. A. Smith and R. J. Senter, "Automated Readability Index", AMRL-TR-66-220 (1967).
/// Characters are the letters and digits of words, as the original counted keystrokes of
/// letters and numbers ([`Stats::letters`](crate::Stats::letters)).
///
/// # Example
/// ```
/// use article_analyzer::readability::automated_readability_index;
/// let grade = automated_readability_index(100, 5, 450).unwrap();
/// assert!((grade - (4.71 * 4.5 + 0.5 * 20.0 - 21.43)).abs() < 1e-9);
/// ```
pub fn automated_readability_index(words: usize, sentences: usize, letters: usize) -> Option<f64> {
    Some(4.71 * ratio(letters, words)? + 0.5 * ratio(words, sentences)? - 21.43)
}

/// LIX (läsbarhetsindex): `words / sentences + 100 × long words / words`.
///
/// Source: Carl-Hugo Björnsson, *Läsbarhet* (1968). Long words have more than six letters
/// ([`Stats::long_words`](crate::Stats::long_words)). Under 30 is very easy, over 60 very hard.
///
/// # Example
/// ```
/// use article_analyzer::readability::lix;
/// assert_eq!(lix(100, 5, 30), Some(20.0 + 30.0));
/// ```
pub fn lix(words: usize, sentences: usize, long_words: usize) -> Option<f64> {
    Some(ratio(words, sentences)? + 100.0 * ratio(long_words, words)?)
}

/// A plain-language band for a Flesch Reading Ease score, from Flesch's own table (*How to Test
/// Readability*, 1951), with the schooling it asks of a reader.
///
/// # Example
/// ```
/// use article_analyzer::readability::Band;
/// assert_eq!(Band::of(47.6).as_str(), "difficult");
/// assert_eq!(Band::of(47.6).schooling(), "college");
/// assert_eq!(Band::of(65.0), Band::Standard);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Band {
    /// 90 and above.
    VeryEasy,
    /// 80 to 90.
    Easy,
    /// 70 to 80.
    FairlyEasy,
    /// 60 to 70: plain English.
    Standard,
    /// 50 to 60.
    FairlyDifficult,
    /// 30 to 50.
    Difficult,
    /// Under 30.
    VeryDifficult,
}

impl Band {
    /// The band of a Flesch Reading Ease score.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::readability::Band;
    /// assert_eq!(Band::of(90.0), Band::VeryEasy);
    /// assert_eq!(Band::of(-12.0), Band::VeryDifficult);
    /// ```
    pub fn of(flesch_reading_ease: f64) -> Band {
        match flesch_reading_ease {
            s if s >= 90.0 => Band::VeryEasy,
            s if s >= 80.0 => Band::Easy,
            s if s >= 70.0 => Band::FairlyEasy,
            s if s >= 60.0 => Band::Standard,
            s if s >= 50.0 => Band::FairlyDifficult,
            s if s >= 30.0 => Band::Difficult,
            _ => Band::VeryDifficult,
        }
    }

    /// The band's name in the public result.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::readability::Band;
    /// assert_eq!(Band::FairlyDifficult.as_str(), "fairly difficult");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Band::VeryEasy => "very easy",
            Band::Easy => "easy",
            Band::FairlyEasy => "fairly easy",
            Band::Standard => "standard",
            Band::FairlyDifficult => "fairly difficult",
            Band::Difficult => "difficult",
            Band::VeryDifficult => "very difficult",
        }
    }

    /// The schooling a reader needs for text of this band, as Flesch gave it.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::readability::Band;
    /// assert_eq!(Band::Standard.schooling(), "8th and 9th grade");
    /// ```
    pub const fn schooling(self) -> &'static str {
        match self {
            Band::VeryEasy => "5th grade",
            Band::Easy => "6th grade",
            Band::FairlyEasy => "7th grade",
            Band::Standard => "8th and 9th grade",
            Band::FairlyDifficult => "10th to 12th grade",
            Band::Difficult => "college",
            Band::VeryDifficult => "college graduate",
        }
    }
}

/// Every score of the article, computed from the counts of its [`Stats`](crate::Stats).
///
/// # Example
/// ```
/// use article_analyzer::{analyze, readability::Band, Options};
/// let a = analyze("The cat sat on the mat. It was a very good day.", &Options::default());
/// let r = &a.stats.readability;
/// assert!(r.flesch_reading_ease.unwrap() > 90.0);
/// assert_eq!(r.band, Some(Band::VeryEasy));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Readability {
    /// [`flesch_reading_ease`].
    pub flesch_reading_ease: Option<f64>,
    /// [`flesch_kincaid_grade`].
    pub flesch_kincaid_grade: Option<f64>,
    /// [`gunning_fog`].
    pub gunning_fog: Option<f64>,
    /// [`smog`].
    pub smog: Option<f64>,
    /// [`coleman_liau`].
    pub coleman_liau: Option<f64>,
    /// [`automated_readability_index`].
    pub automated_readability_index: Option<f64>,
    /// [`lix`].
    pub lix: Option<f64>,
    /// The [`Band`] of the Flesch Reading Ease score.
    pub band: Option<Band>,
}

impl Readability {
    /// Computes every score from the counts of `stats`.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{readability::Readability, Stats};
    /// let stats = Stats { words: 10, sentences: 2, syllables: 14, ..Stats::default() };
    /// let r = Readability::new(&stats);
    /// assert!((r.flesch_kincaid_grade.unwrap() - (0.39 * 5.0 + 11.8 * 1.4 - 15.59)).abs() < 1e-9);
    /// ```
    pub fn new(stats: &crate::Stats) -> Readability {
        let (w, s) = (stats.words, stats.sentences);
        let flesch_reading_ease = flesch_reading_ease(w, s, stats.syllables);
        Readability {
            flesch_reading_ease,
            flesch_kincaid_grade: flesch_kincaid_grade(w, s, stats.syllables),
            gunning_fog: gunning_fog(w, s, stats.complex_words),
            smog: smog(s, stats.polysyllabic_words),
            coleman_liau: coleman_liau(w, s, stats.letters),
            automated_readability_index: automated_readability_index(w, s, stats.letters),
            lix: lix(w, s, stats.long_words),
            band: flesch_reading_ease.map(Band::of),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) {
        let a = a.expect("a score");
        assert!((a - b).abs() < 0.005, "{a} != {b}");
    }

    /// Hand-computed: 120 words, 6 sentences, 180 syllables, 14 polysyllabic, 12 complex,
    /// 560 letters, 30 long words.
    #[test]
    fn formulas_on_hand_computed_counts() {
        // 206.835 − 1.015·20 − 84.6·1.5 = 206.835 − 20.3 − 126.9
        close(flesch_reading_ease(120, 6, 180), 59.635);
        // 0.39·20 + 11.8·1.5 − 15.59 = 7.8 + 17.7 − 15.59
        close(flesch_kincaid_grade(120, 6, 180), 9.91);
        // 0.4·(20 + 10)
        close(gunning_fog(120, 6, 12), 12.0);
        // 1.043·√(14·5) + 3.1291 = 1.043·8.3666 + 3.1291
        close(smog(6, 14), 11.8555);
        // L = 466.667, S = 5: 0.0588·466.667 − 0.296·5 − 15.8
        close(coleman_liau(120, 6, 560), 10.16);
        // 4.71·4.6667 + 0.5·20 − 21.43
        close(automated_readability_index(120, 6, 560), 10.55);
        // 20 + 25
        close(lix(120, 6, 30), 45.0);
    }

    #[test]
    fn nothing_to_divide_by_gives_no_score() {
        assert_eq!(flesch_reading_ease(0, 0, 0), None);
        assert_eq!(flesch_kincaid_grade(3, 0, 3), None);
        assert_eq!(gunning_fog(0, 1, 0), None);
        assert_eq!(smog(0, 4), None);
        assert_eq!(coleman_liau(0, 1, 0), None);
        assert_eq!(automated_readability_index(4, 0, 9), None);
        assert_eq!(lix(0, 0, 0), None);
        assert_eq!(Readability::new(&crate::Stats::default()).band, None);
    }

    #[test]
    fn bands_follow_flesch_table() {
        let cases = [
            (100.0, "very easy"),
            (85.0, "easy"),
            (75.0, "fairly easy"),
            (60.0, "standard"),
            (59.99, "fairly difficult"),
            (30.0, "difficult"),
            (29.0, "very difficult"),
        ];
        for (score, name) in cases {
            assert_eq!(Band::of(score).as_str(), name, "{score}");
        }
    }
}
