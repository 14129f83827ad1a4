//! Two reports of the same story side by side: their quotations matched with word-level
//! differences, the quotations found in one report only, the speakers both quote, and the
//! sentences they share.
//!
//! Matching is near-linear in the two texts: quotations are indexed by the stems of their content
//! words and sentences by three-word shingles, and only pairs that share enough of them are
//! aligned word by word (see `align`).

mod align;

use crate::hash::FastMap;
pub(crate) use crate::order::reorder;
use crate::stats::{counted, is_stop_word, stem};
use crate::{analyze, Analysis, Options, OptionsError};
use align::{Interner, Side, Token};
use std::collections::HashMap;

pub use align::{DiffOp, DiffPart};

/// Options for [`compare`]: how each text is analysed, and how similar two quotations or two
/// sentences must be to be reported as a match.
///
/// # Example
/// ```
/// use article_analyzer::CompareOptions;
/// let mut options = CompareOptions::default();
/// options.paraphrase_threshold = 0.6;
/// assert!(options.check().is_ok());
/// options.sentence_threshold = 1.5;
/// assert!(options.check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CompareOptions {
    /// How each of the two texts is analysed.
    pub analysis: Options,
    /// The least [`similarity`](QuoteMatch::similarity) (0 to 1) of a
    /// [`Paraphrase`](MatchKind::Paraphrase) match. Default 0.5.
    pub paraphrase_threshold: f64,
    /// The least [`similarity`](SentenceMatch::similarity) (0 to 1) of a sentence match.
    /// Default 0.6.
    pub sentence_threshold: f64,
}

impl CompareOptions {
    /// The default [`paraphrase_threshold`](CompareOptions::paraphrase_threshold).
    pub const PARAPHRASE_THRESHOLD: f64 = 0.5;
    /// The default [`sentence_threshold`](CompareOptions::sentence_threshold).
    pub const SENTENCE_THRESHOLD: f64 = 0.6;

    /// Checks that both thresholds are numbers from 0 to 1; the error names the option.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::CompareOptions;
    /// let mut options = CompareOptions::default();
    /// options.paraphrase_threshold = f64::NAN;
    /// assert_eq!(
    ///     options.check().unwrap_err().to_string(),
    ///     "invalid value NaN for option `paraphraseThreshold`: expected a number from 0 to 1"
    /// );
    /// ```
    pub fn check(&self) -> Result<(), OptionsError> {
        for (name, value) in [
            ("paraphraseThreshold", self.paraphrase_threshold),
            ("sentenceThreshold", self.sentence_threshold),
        ] {
            if !(0.0..=1.0).contains(&value) {
                // `float::display` prints `value` as `{value}` would, without core's float
                // formatting in the `.wasm`.
                return Err(OptionsError::new(format!(
                    "invalid value {} for option `{name}`: expected a number from 0 to 1",
                    crate::float::display(value)
                )));
            }
        }
        Ok(())
    }
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            analysis: Options::default(),
            paraphrase_threshold: Self::PARAPHRASE_THRESHOLD,
            sentence_threshold: Self::SENTENCE_THRESHOLD,
        }
    }
}

/// How two matched quotations relate.
///
/// # Example
/// ```
/// use article_analyzer::MatchKind;
/// assert_eq!(MatchKind::Contained.as_str(), "contained");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// The same words with the same capitals and punctuation (’ and ', “ and " alike).
    Exact,
    /// The same words in the same order but for differences of case or punctuation, or with at
    /// most a fifth of the words added, removed or changed.
    Variant,
    /// The shorter quotation (at most four fifths as long) is, to nine tenths of its words, a
    /// run of the longer one: a partial quote inside a full one.
    Contained,
    /// Many of the same words, not in the same run: a reworded quotation, such as a headline's
    /// version of it. A weak match, reported from
    /// [`paraphrase_threshold`](CompareOptions::paraphrase_threshold) up.
    Paraphrase,
}

impl MatchKind {
    /// The name used in the public result.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::MatchKind;
    /// assert_eq!(MatchKind::Paraphrase.as_str(), "paraphrase");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Variant => "variant",
            MatchKind::Contained => "contained",
            MatchKind::Paraphrase => "paraphrase",
        }
    }
}

/// A quotation of the first text matched with one of the second.
///
/// # Example
/// ```
/// use article_analyzer::{compare, CompareOptions, DiffOp, MatchKind};
/// let c = compare(
///     "“We will not pay,” Ana Ruiz said.",
///     "“We will not pay” for it, Ruiz said.",
///     &CompareOptions::default(),
/// );
/// let m = &c.quote_matches[0];
/// assert_eq!(m.kind, MatchKind::Variant);
/// assert_eq!(m.diff.iter().filter(|d| d.op != DiffOp::Same).count(), 1);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct QuoteMatch {
    /// Index into the first analysis's quotes.
    pub a: usize,
    /// Index into the second analysis's quotes.
    pub b: usize,
    /// How the two relate.
    pub kind: MatchKind,
    /// The share of words the two have in common, from 0 to 1: twice the words found on both
    /// sides (stems, case-insensitive, order ignored) over the words of both.
    pub similarity: f64,
    /// Whether both are attributed to the same person: `None` when either has no speaker.
    pub same_speaker: Option<bool>,
    /// The differences word by word, in text order; `Same` parts included, so the parts cover
    /// both quotations.
    pub diff: Vec<DiffPart>,
}

/// A person quoted in both texts.
///
/// # Example
/// ```
/// use article_analyzer::{compare, CompareOptions};
/// let c = compare("“Yes,” Ana Ruiz said.", "“No,” Ruiz said. “Maybe,” she added.", &CompareOptions::default());
/// let s = &c.shared_speakers[0];
/// assert_eq!((s.name.as_str(), s.quotes_a, s.quotes_b), ("Ana Ruiz", 1, 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedSpeaker {
    /// The fuller of the two names.
    pub name: String,
    /// Index into the first analysis's speakers.
    pub a: usize,
    /// Index into the second analysis's speakers.
    pub b: usize,
    /// Quotations of the person in the first text.
    pub quotes_a: usize,
    /// Quotations of the person in the second text.
    pub quotes_b: usize,
}

/// A sentence of the first text found again, word for word or nearly, in the second.
///
/// # Example
/// ```
/// use article_analyzer::{compare, CompareOptions};
/// let c = compare(
///     "The ferry left the harbour at dawn on Monday.",
///     "Rain fell. The ferry left the harbour at dawn on Monday.",
///     &CompareOptions::default(),
/// );
/// assert_eq!((c.sentence_matches[0].a, c.sentence_matches[0].b), (0, 1));
/// assert_eq!(c.sentence_matches[0].similarity, 1.0);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SentenceMatch {
    /// Index into the first analysis's sentences.
    pub a: usize,
    /// Index into the second analysis's sentences.
    pub b: usize,
    /// Twice the words aligned in order (case-insensitive) over the words of both, from 0 to 1.
    pub similarity: f64,
}

/// What [`compare`] finds: both analyses and how they relate.
///
/// # Example
/// ```
/// use article_analyzer::{compare, CompareOptions};
/// let c = compare("“Go,” Lee said.", "“Stay,” Lee said.", &CompareOptions::default());
/// assert_eq!((c.only_in_a.as_slice(), c.only_in_b.as_slice()), (&[0][..], &[0][..]));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The analysis of the first text.
    pub a: Analysis,
    /// The analysis of the second text.
    pub b: Analysis,
    /// Matched quotations, ordered by their place in the first text, then in the second.
    pub quote_matches: Vec<QuoteMatch>,
    /// Indices of the first text's quotations in no match, in text order.
    pub only_in_a: Vec<usize>,
    /// Indices of the second text's quotations in no match, in text order.
    pub only_in_b: Vec<usize>,
    /// People quoted in both, by name.
    pub shared_speakers: Vec<SharedSpeaker>,
    /// Sentences found in both, ordered by their place in the first text.
    pub sentence_matches: Vec<SentenceMatch>,
}

/// Analyzes two texts and compares them (see [`Comparison`]). Like [`analyze`], it never fails
/// on text; thresholds out of range are read as their defaults (use [`CompareOptions::check`]
/// to refuse them).
///
/// # Example
/// ```
/// use article_analyzer::{compare, CompareOptions, DiffOp, MatchKind};
/// let a = "“We couldn’t do that, frankly,” Lee said.";
/// let b = "“We couldn't do that frankly” Lee said.";
/// let c = compare(a, b, &CompareOptions::default());
/// let m = &c.quote_matches[0];
/// assert_eq!((m.kind, m.similarity), (MatchKind::Variant, 1.0));
/// let ops: Vec<DiffOp> = m.diff.iter().map(|d| d.op).collect();
/// assert_eq!(ops, [DiffOp::Same, DiffOp::Punctuation, DiffOp::Same, DiffOp::Punctuation]);
/// ```
pub fn compare(a: &str, b: &str, options: &CompareOptions) -> Comparison {
    let a = analyze(a, &options.analysis);
    let b = analyze(b, &options.analysis);
    compare_analyses(a, b, options)
}

/// Compares two analyses already made (with the same [`Options`], which `options.analysis` must
/// name for the sentence scope to agree).
///
/// # Example
/// ```
/// use article_analyzer::{analyze, compare_analyses, CompareOptions, Options};
/// let a = analyze("“Go now,” Lee said.", &Options::default());
/// let b = analyze("Lee said: “Go now.”", &Options::default());
/// let c = compare_analyses(a, b, &CompareOptions::default());
/// assert_eq!(c.quote_matches.len(), 1);
/// ```
pub fn compare_analyses(a: Analysis, b: Analysis, options: &CompareOptions) -> Comparison {
    let threshold = |x: f64, default: f64| if (0.0..=1.0).contains(&x) { x } else { default };
    let paraphrase = threshold(
        options.paraphrase_threshold,
        CompareOptions::PARAPHRASE_THRESHOLD,
    );
    let sentence = threshold(
        options.sentence_threshold,
        CompareOptions::SENTENCE_THRESHOLD,
    );
    let speakers = speaker_pairs(&a, &b);
    let mut interner = Interner::default();
    let quotes = {
        let qa = quote_words(&a, &mut interner);
        let qb = quote_words(&b, &mut interner);
        match_quotes(&a, &b, &qa, &qb, &speakers, paraphrase)
    };
    let sentence_matches = match_sentences(&a, &b, options, sentence, &mut interner);
    let unmatched = |side: usize, n: usize| {
        let mut seen = vec![false; n];
        for m in &quotes {
            seen[if side == 0 { m.a } else { m.b }] = true;
        }
        (0..n).filter(|&k| !seen[k]).collect::<Vec<_>>()
    };
    let only_in_a = unmatched(0, a.quotes.len());
    let only_in_b = unmatched(1, b.quotes.len());
    let shared_speakers: Vec<SharedSpeaker> = speakers
        .iter()
        .map(|&(i, j)| {
            let (na, nb) = (&a.speakers[i].name, &b.speakers[j].name);
            let fuller = if name_words(nb).len() > name_words(na).len() {
                nb
            } else {
                na
            };
            SharedSpeaker {
                name: fuller.clone(),
                a: i,
                b: j,
                quotes_a: a.speakers[i].quotes.len(),
                quotes_b: b.speakers[j].quotes.len(),
            }
        })
        .collect();
    // By name: the first eight bytes order them, and the rare run of names that share those is
    // put in order by comparing whole names.
    let prefix = |name: &str| {
        let mut key = [0u8; 8];
        for (k, b) in name.bytes().take(8).enumerate() {
            key[k] = b;
        }
        u64::from_be_bytes(key)
    };
    let order = order_by(shared_speakers.len(), &|i| prefix(&shared_speakers[i].name));
    let mut shared_speakers = reorder(shared_speakers, &order);
    for i in 1..shared_speakers.len() {
        let mut k = i;
        while k > 0 && shared_speakers[k - 1].name > shared_speakers[k].name {
            shared_speakers.swap(k - 1, k);
            k -= 1;
        }
    }
    Comparison {
        quote_matches: quotes,
        only_in_a,
        only_in_b,
        shared_speakers,
        sentence_matches,
        a,
        b,
    }
}

/// The indices `0..n` ordered by `key`, ties by index. Every sort of this module goes through
/// the crate's one sort ([`crate::order`]).
pub(crate) fn order_by(n: usize, key: &dyn Fn(usize) -> u64) -> Vec<usize> {
    crate::order::order_by(n, &|i| (key(i), 0))
}

/// Two indices in one sort key (each below 2³², which 64 MiB of text cannot reach).
fn pair_key(a: usize, b: usize) -> u64 {
    let part = |x: usize| {
        u64::try_from(x)
            .unwrap_or(u64::MAX)
            .min(u64::from(u32::MAX))
    };
    part(a) << 32 | part(b)
}

/// A similarity from 0 to 1 as a sort key that puts the most similar first.
fn descending(similarity: f64) -> u64 {
    ((1.0 - similarity.clamp(0.0, 1.0)) * f64::from(1u32 << 30)) as u64
}

/// Pairs (speaker in `a`, speaker in `b`) naming the same person, one to one: identical names
/// first, then compatible ones ("Trump" and "Donald Trump", "Kim Jung Un" and "Kim Jong-un").
fn speaker_pairs(a: &Analysis, b: &Analysis) -> Vec<(usize, usize)> {
    let words_a: Vec<Vec<String>> = a.speakers.iter().map(|s| name_words(&s.name)).collect();
    let words_b: Vec<Vec<String>> = b.speakers.iter().map(|s| name_words(&s.name)).collect();
    // Two names of one person share their first or their last word: the second text's speakers
    // are found by those, so the pairing stays linear in the number of speakers.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, y) in words_b.iter().enumerate() {
        for w in [y.first(), y.last()].into_iter().flatten() {
            let list = by_word.entry(w.clone()).or_default();
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    let mut taken_a = vec![false; words_a.len()];
    let mut taken_b = vec![false; words_b.len()];
    let mut pairs = Vec::new();
    for exact in [true, false] {
        for (i, x) in words_a.iter().enumerate() {
            if taken_a[i] {
                continue;
            }
            let candidates = [x.first(), x.last()]
                .into_iter()
                .flatten()
                .filter_map(|w| by_word.get(w))
                .flatten()
                .copied();
            let mut found = None;
            for j in candidates {
                let y = &words_b[j];
                if !taken_b[j]
                    && (if exact { x == y } else { same_person(x, y) })
                    && found.is_none_or(|f| j < f)
                {
                    found = Some(j);
                }
            }
            if let Some(j) = found {
                taken_a[i] = true;
                taken_b[j] = true;
                pairs.push((i, j));
            }
        }
    }
    let order = order_by(pairs.len(), &|k| pair_key(pairs[k].0, pairs[k].1));
    reorder(pairs, &order)
}

/// The words of a name, folded, split at spaces and hyphens.
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2010}')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect()
}

/// Whether two names can be the same person: one word equal to the other's first or last, or
/// the same last word with the same first word or its initial.
fn same_person(x: &[String], y: &[String]) -> bool {
    let (Some(xf), Some(yf), Some(xl), Some(yl)) = (x.first(), y.first(), x.last(), y.last())
    else {
        return false;
    };
    if x.len() == 1 || y.len() == 1 {
        let (one, other) = if x.len() == 1 {
            (xf, (yf, yl))
        } else {
            (yf, (xf, xl))
        };
        return one == other.0 || one == other.1;
    }
    let initial = |short: &str, long: &str| short.chars().count() == 1 && long.starts_with(short);
    xl == yl && (xf == yf || initial(xf, yf) || initial(yf, xf))
}

/// What matching needs to know about a quotation.
struct QuoteWords<'t> {
    tokens: Vec<Token<'t>>,
    /// Word ids, in order.
    ids: Vec<u32>,
    /// Stem ids, sorted (a multiset).
    stems: Vec<u32>,
    /// Stem ids of the content words (not stop words), sorted and distinct; all the stems when
    /// the quotation has no content word.
    keys: Vec<u32>,
    /// Whether any word is a content word.
    content: bool,
}

fn quote_words<'t>(analysis: &'t Analysis, interner: &mut Interner<'t>) -> Vec<QuoteWords<'t>> {
    analysis
        .quotes
        .iter()
        .map(|q| {
            let tokens = align::tokens(&analysis.text, q.span);
            let ids = interner.ids(&tokens);
            let mut stems = Vec::with_capacity(tokens.len());
            let mut keys = Vec::new();
            for t in &tokens {
                let s = interner.id_str(stem(&t.folded));
                stems.push(s);
                if !is_stop_word(&t.folded) {
                    keys.push(s);
                }
            }
            let content = !keys.is_empty();
            if !content {
                keys.clone_from(&stems);
            }
            let by_id = |ids: Vec<u32>| {
                let order = order_by(ids.len(), &|k| u64::from(ids[k]));
                reorder(ids, &order)
            };
            let stems = by_id(stems);
            let mut keys = by_id(keys);
            keys.dedup();
            QuoteWords {
                tokens,
                ids,
                stems,
                keys,
                content,
            }
        })
        .collect()
}

/// The number of items two sorted multisets share.
fn shared_count(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A stem found in more quotations than this is too common to find candidates by.
const MAX_POSTING: usize = 256;
/// Quotations of the other text aligned with each quotation, at most.
const QUOTE_CANDIDATES: usize = 16;
/// The least alignment score (twice the aligned words over all words) of a variant.
const VARIANT: f64 = 0.8;

/// A pair of quotations worth reporting, before the one-to-one choices.
struct Candidate {
    a: usize,
    b: usize,
    kind: MatchKind,
    similarity: f64,
    /// For `Contained`: which side is the shorter (0 for `a`).
    shorter: usize,
    pairs: Vec<(usize, usize)>,
}

fn match_quotes(
    a: &Analysis,
    b: &Analysis,
    qa: &[QuoteWords],
    qb: &[QuoteWords],
    speakers: &[(usize, usize)],
    paraphrase: f64,
) -> Vec<QuoteMatch> {
    // Index the second text's quotations by their key stems.
    let mut postings: FastMap<u64, Vec<usize>> = FastMap::default();
    for (j, q) in qb.iter().enumerate() {
        for &k in &q.keys {
            postings.entry(u64::from(k)).or_default().push(j);
        }
    }
    let mut shared = vec![0u32; qb.len()];
    let mut touched = Vec::new();
    let mut candidates = Vec::new();
    for (i, x) in qa.iter().enumerate() {
        if x.ids.is_empty() {
            continue;
        }
        for &k in &x.keys {
            let Some(list) = postings.get(&u64::from(k)) else {
                continue;
            };
            if list.len() > MAX_POSTING {
                continue;
            }
            for &j in list {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        let order = order_by(touched.len(), &|k| {
            pair_key((u32::MAX - shared[touched[k]]) as usize, touched[k])
        });
        for j in order.into_iter().take(QUOTE_CANDIDATES).map(|k| touched[k]) {
            if let Some(c) = judge(i, j, x, &qb[j], paraphrase) {
                candidates.push(c);
            }
        }
        for j in touched.drain(..) {
            shared[j] = 0;
        }
    }
    choose(a, b, qa, qb, candidates, speakers)
}

/// Classifies the pair (`i` in the first text, `j` in the second), or `None` when it is no match.
fn judge(i: usize, j: usize, x: &QuoteWords, y: &QuoteWords, paraphrase: f64) -> Option<Candidate> {
    let (n, m) = (x.ids.len(), y.ids.len());
    if n == 0 || m == 0 {
        return None;
    }
    let common = shared_count(&x.stems, &y.stems);
    let similarity = 2.0 * common as f64 / (n + m) as f64;
    let short = n.min(m);
    // Cheap bounds first: a match of any kind needs this much in common.
    if similarity < paraphrase.min(VARIANT) && (common * 10) < short * 9 {
        return None;
    }
    let pairs = align::align(&x.ids, &y.ids);
    let aligned = pairs.len();
    let shorter = usize::from(m < n);
    let kind = if aligned == n && aligned == m {
        MatchKind::Variant // Exact or Variant: decided once the diff is known.
    } else if short * 5 <= n.max(m) * 4 && aligned * 10 >= short * 9 && short >= 2 && {
        // The run must hold a content word: "and the" inside a long quotation is no match.
        let side = if shorter == 0 { x } else { y };
        side.content
    } {
        MatchKind::Contained
    } else if 2.0 * aligned as f64 / (n + m) as f64 >= VARIANT {
        MatchKind::Variant
    } else if similarity >= paraphrase
        && common >= 2
        && shared_count(&x.keys, &y.keys) > 0
        && x.content
        && y.content
    {
        MatchKind::Paraphrase
    } else {
        return None;
    };
    Some(Candidate {
        a: i,
        b: j,
        kind,
        similarity,
        shorter,
        pairs,
    })
}

/// Picks the matches: each quotation in at most one exact or variant match (best first); each
/// shorter quotation in at most one `Contained` match besides (the longer may contain many);
/// and a quotation still unmatched after that in its best paraphrase.
fn choose(
    a: &Analysis,
    b: &Analysis,
    qa: &[QuoteWords],
    qb: &[QuoteWords],
    candidates: Vec<Candidate>,
    speakers: &[(usize, usize)],
) -> Vec<QuoteMatch> {
    let rank = |c: &Candidate| match c.kind {
        MatchKind::Exact | MatchKind::Variant => 0,
        MatchKind::Contained => 1,
        MatchKind::Paraphrase => 2,
    };
    // Best first: by rank, then similarity, then place ((a, b) order first, so ties keep it).
    let order = order_by(candidates.len(), &|k| {
        pair_key(candidates[k].a, candidates[k].b)
    });
    let candidates = reorder(candidates, &order);
    let order = order_by(candidates.len(), &|k| {
        (rank(&candidates[k]) as u64) << 32 | descending(candidates[k].similarity)
    });
    let candidates = reorder(candidates, &order);
    let mut strong = [vec![false; qa.len()], vec![false; qb.len()]];
    let mut contained = [vec![false; qa.len()], vec![false; qb.len()]];
    let mut any = [vec![false; qa.len()], vec![false; qb.len()]];
    let mut chosen = Vec::new();
    for c in candidates {
        let ok = match c.kind {
            MatchKind::Exact | MatchKind::Variant => !strong[0][c.a] && !strong[1][c.b],
            MatchKind::Contained => {
                let short = if c.shorter == 0 { c.a } else { c.b };
                !contained[c.shorter][short]
            }
            MatchKind::Paraphrase => !any[0][c.a] || !any[1][c.b],
        };
        if !ok {
            continue;
        }
        match c.kind {
            MatchKind::Exact | MatchKind::Variant => {
                strong[0][c.a] = true;
                strong[1][c.b] = true;
            }
            MatchKind::Contained => {
                let short = if c.shorter == 0 { c.a } else { c.b };
                contained[c.shorter][short] = true;
            }
            MatchKind::Paraphrase => {}
        }
        any[0][c.a] = true;
        any[1][c.b] = true;
        chosen.push(c);
    }
    let out: Vec<QuoteMatch> = chosen
        .into_iter()
        .map(|c| {
            let (x, y) = (&a.quotes[c.a], &b.quotes[c.b]);
            let side_a = Side {
                text: &a.text,
                span: x.span,
                tokens: &qa[c.a].tokens,
            };
            let side_b = Side {
                text: &b.text,
                span: y.span,
                tokens: &qb[c.b].tokens,
            };
            let diff = align::diff(&side_a, &side_b, &c.pairs);
            let kind = if c.kind == MatchKind::Variant
                && qa[c.a].ids.len() == c.pairs.len()
                && qb[c.b].ids.len() == c.pairs.len()
                && diff.iter().all(|d| d.op == DiffOp::Same)
            {
                MatchKind::Exact
            } else {
                c.kind
            };
            let same_speaker = match (x.speaker, y.speaker) {
                (Some(i), Some(j)) => Some(speakers.contains(&(i, j))),
                _ => None,
            };
            QuoteMatch {
                a: c.a,
                b: c.b,
                kind,
                similarity: c.similarity,
                same_speaker,
                diff,
            }
        })
        .collect();
    let order = order_by(out.len(), &|k| pair_key(out[k].a, out[k].b));
    reorder(out, &order)
}

/// A sentence with fewer words than this is never matched: short sentences ("He left.") recur
/// without being copied.
const MIN_SENTENCE_WORDS: usize = 4;
/// A shingle found in more sentences than this is too common to find candidates by.
const MAX_SHINGLE_POSTING: usize = 64;
/// Sentences of the other text aligned with each sentence, at most.
const SENTENCE_CANDIDATES: usize = 8;

fn match_sentences<'t>(
    a: &'t Analysis,
    b: &'t Analysis,
    options: &CompareOptions,
    threshold: f64,
    interner: &mut Interner<'t>,
) -> Vec<SentenceMatch> {
    let words = |analysis: &'t Analysis, interner: &mut Interner<'t>| -> Vec<Vec<u32>> {
        analysis
            .sentences
            .iter()
            .map(|s| {
                let counts = analysis
                    .paragraphs
                    .get(s.paragraph)
                    .is_some_and(|p| counted(p, options.analysis.scope));
                if !counts {
                    return Vec::new();
                }
                let tokens = align::tokens(&analysis.text, s.span);
                if tokens.len() < MIN_SENTENCE_WORDS {
                    return Vec::new();
                }
                interner.ids(&tokens)
            })
            .collect()
    };
    let wa = words(a, interner);
    let wb = words(b, interner);
    let shingle = |w: &[u32]| {
        let h = u64::from(w[0]).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(w[1]);
        h.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ u64::from(w[2])
    };
    let mut postings: FastMap<u64, Vec<usize>> = FastMap::default();
    for (j, w) in wb.iter().enumerate() {
        for s in w.windows(3) {
            let list = postings.entry(shingle(s)).or_default();
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    let mut shared = vec![0u32; wb.len()];
    let mut touched = Vec::new();
    let mut candidates = Vec::new();
    for (i, w) in wa.iter().enumerate() {
        for s in w.windows(3) {
            let Some(list) = postings.get(&shingle(s)) else {
                continue;
            };
            if list.len() > MAX_SHINGLE_POSTING {
                continue;
            }
            for &j in list {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        let order = order_by(touched.len(), &|k| {
            pair_key((u32::MAX - shared[touched[k]]) as usize, touched[k])
        });
        for j in order
            .into_iter()
            .take(SENTENCE_CANDIDATES)
            .map(|k| touched[k])
        {
            let aligned = align::align(w, &wb[j]).len();
            let similarity = 2.0 * aligned as f64 / (w.len() + wb[j].len()) as f64;
            if similarity >= threshold && similarity > 0.0 {
                candidates.push(SentenceMatch {
                    a: i,
                    b: j,
                    similarity,
                });
            }
        }
        for j in touched.drain(..) {
            shared[j] = 0;
        }
    }
    let order = order_by(candidates.len(), &|k| {
        pair_key(candidates[k].a, candidates[k].b)
    });
    let candidates = reorder(candidates, &order);
    let order = order_by(candidates.len(), &|k| descending(candidates[k].similarity));
    let candidates = reorder(candidates, &order);
    let mut taken = [vec![false; wa.len()], vec![false; wb.len()]];
    let out: Vec<SentenceMatch> = candidates
        .into_iter()
        .filter(|m| {
            let free = !taken[0][m.a] && !taken[1][m.b];
            if free {
                taken[0][m.a] = true;
                taken[1][m.b] = true;
            }
            free
        })
        .collect();
    let order = order_by(out.len(), &|k| pair_key(out[k].a, out[k].b));
    reorder(out, &order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    /// The text of a diff part on one side.
    fn text_of(text: &str, span: Option<Span>) -> &str {
        span.map_or("", |s| s.slice(text))
    }

    #[test]
    fn names_of_one_person_pair_up() {
        let w = |s: &str| name_words(s);
        assert!(same_person(&w("Trump"), &w("Donald Trump")));
        assert!(same_person(&w("Kim Jung Un"), &w("Kim Jong-un")));
        assert!(same_person(&w("Kim"), &w("Kim Jong-un")));
        assert!(!same_person(&w("J. Ruiz"), &w("Ana Ruiz")));
        assert!(same_person(&w("A. Ruiz"), &w("Ana Ruiz")));
        assert!(!same_person(&w("Ana Ruiz"), &w("Ana Lee")));
    }

    #[test]
    fn a_partial_quote_is_contained_in_the_full_one() {
        let c = compare(
            "She said the plan was “dead on arrival in the Senate”.",
            "“The plan is dead on arrival in the Senate, and everyone knows it,” Ruiz said.",
            &CompareOptions::default(),
        );
        let m = &c.quote_matches[0];
        assert_eq!(m.kind, MatchKind::Contained);
        let parts: Vec<(DiffOp, &str, &str)> = m
            .diff
            .iter()
            .map(|d| (d.op, text_of(&c.a.text, d.a), text_of(&c.b.text, d.b)))
            .collect();
        assert_eq!(parts[0], (DiffOp::Added, "", "The plan is"));
        assert_eq!(
            parts[1],
            (
                DiffOp::Same,
                "dead on arrival in the Senate",
                "dead on arrival in the Senate"
            )
        );
    }
}
