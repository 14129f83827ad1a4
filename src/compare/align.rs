//! Word alignment of two short texts (quotations, sentences) and the diff between them.
//!
//! Words are compared case-folded, with ’ read as '. The alignment is a longest common
//! subsequence of words: exact by dynamic programming when the part between the common prefix
//! and suffix is small, and anchored on words found once in each side otherwise, so that a
//! pathological pair costs linear time and memory instead of quadratic.

use super::{order_by, reorder};
use crate::hash::FastMap;
use crate::words::{fold_cow, word_spans};
use crate::Span;
use std::borrow::Cow;

/// The largest table (cells = words of one side × words of the other) aligned exactly.
const MAX_CELLS: usize = 1 << 16;

/// A word of a quotation or sentence.
pub(crate) struct Token<'t> {
    /// Byte span in the analysed text.
    pub span: Span,
    /// The word as written.
    pub raw: &'t str,
    /// Lower case, ’ read as '.
    pub folded: Cow<'t, str>,
}

/// The words of `span` in `text`.
pub(crate) fn tokens(text: &str, span: Span) -> Vec<Token<'_>> {
    let slice = span.slice(text);
    word_spans(slice)
        .map(|w| {
            let span = Span::new(span.start + w.start, span.start + w.end);
            let raw = span.slice(text);
            Token {
                span,
                raw,
                folded: fold_cow(raw),
            }
        })
        .collect()
}

/// Pairs `(i, j)` of equal words `a[i] == b[j]`, increasing in both: a longest common subsequence
/// when the differing middle is at most [`MAX_CELLS`], otherwise one anchored on words that occur
/// once on each side. Words are
/// compared as ids (see [`Interner`]).
pub(crate) fn align(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    pairs.extend((0..prefix).map(|i| (i, i)));
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix = ra
        .iter()
        .rev()
        .zip(rb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&ra[..ra.len() - suffix], &rb[..rb.len() - suffix]);
    middle(ma, mb, prefix, prefix, &mut pairs);
    let (sa, sb) = (a.len() - suffix, b.len() - suffix);
    pairs.extend((0..suffix).map(|k| (sa + k, sb + k)));
    pairs
}

/// Aligns `a` and `b` (whose first elements sit at `oa` and `ob`) into `pairs`.
fn middle(a: &[u32], b: &[u32], oa: usize, ob: usize, pairs: &mut Vec<(usize, usize)>) {
    if a.is_empty() || b.is_empty() {
        return;
    }
    if a.len().saturating_mul(b.len()) <= MAX_CELLS {
        exact(a, b, oa, ob, pairs);
        return;
    }
    // Too large for the table: anchor on the words found exactly once on each side, keep the
    // longest run of anchors in order on both (patience diff), and align the gaps between them
    // when they are small enough.
    let anchors = unique_anchors(a, b);
    let (mut pa, mut pb) = (0, 0);
    for (i, j) in anchors.into_iter().chain([(a.len(), b.len())]) {
        let (ga, gb) = (&a[pa..i], &b[pb..j]);
        if ga.len().saturating_mul(gb.len()) <= MAX_CELLS {
            exact(ga, gb, oa + pa, ob + pb, pairs);
        }
        if i < a.len() {
            pairs.push((oa + i, ob + j));
        }
        (pa, pb) = (i + 1, j + 1);
    }
}

/// The longest common subsequence of `a` and `b` by dynamic programming (at most
/// [`MAX_CELLS`] cells, so every length fits in a `u16`).
fn exact(a: &[u32], b: &[u32], oa: usize, ob: usize, pairs: &mut Vec<(usize, usize)>) {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return;
    }
    let width = m + 1;
    // table[i * width + j]: the length of the LCS of a[i..] and b[j..].
    let mut table = vec![0u16; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((oa + i, ob + j));
            i += 1;
            j += 1;
        } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// Pairs of positions of the words that occur exactly once in `a` and once in `b`, reduced to
/// the longest run increasing on both sides (patience diff).
fn unique_anchors(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    // Every position of both sides, grouped by word (ties keep `a`'s positions first): a word
    // found once on each side is an anchor.
    let word = |k: usize| if k < a.len() { a[k] } else { b[k - a.len()] };
    let order = order_by(a.len() + b.len(), &|k| u64::from(word(k)));
    let mut unique = Vec::new();
    let mut g = 0;
    while g < order.len() {
        let w = word(order[g]);
        let mut end = g + 1;
        while end < order.len() && word(order[end]) == w {
            end += 1;
        }
        if end - g == 2 && order[g] < a.len() && order[g + 1] >= a.len() {
            unique.push((order[g], order[g + 1] - a.len()));
        }
        g = end;
    }
    let order = order_by(unique.len(), &|k| unique[k].0 as u64);
    longest_increasing(&reorder(unique, &order))
}

/// The longest subsequence of `pairs` (sorted by their first element) whose second elements
/// increase, in O(n log n).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into `pairs` of the smallest tail of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(_, j)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].1 < j);
        before[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        run.push(pairs[k]);
        at = before[k];
    }
    run.reverse();
    run
}

/// Equal folded words get equal ids, so alignments compare integers.
#[derive(Default)]
pub(crate) struct Interner<'t> {
    ids: FastMap<Cow<'t, str>, u32>,
}

impl<'t> Interner<'t> {
    /// The id of `word`, given the first time it is seen.
    pub(crate) fn id(&mut self, word: Cow<'t, str>) -> u32 {
        if let Some(&id) = self.ids.get(word.as_ref()) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(word, id);
        id
    }

    /// The id of `word`, copied into the table the first time it is seen.
    pub(crate) fn id_str(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        self.id(Cow::Owned(word.to_string()))
    }

    /// The ids of `tokens`' words.
    pub(crate) fn ids(&mut self, tokens: &[Token<'t>]) -> Vec<u32> {
        tokens.iter().map(|t| self.id(t.folded.clone())).collect()
    }
}

/// What a part of a [`diff`](crate::QuoteMatch::diff) is.
///
/// # Example
/// ```
/// use article_analyzer::DiffOp;
/// assert_eq!(DiffOp::Punctuation.as_str(), "punctuation");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiffOp {
    /// The same words (and punctuation) on both sides.
    Same,
    /// Words only in the second text.
    Added,
    /// Words only in the first text.
    Removed,
    /// Words of the first text replaced by other words in the second.
    Changed,
    /// The same words with different punctuation between or around them: a comma, a dash, a
    /// full stop added, dropped or replaced.
    Punctuation,
    /// The same word with different capitals.
    Case,
}

impl DiffOp {
    /// The name used in the public result.
    ///
    /// # Example
    /// ```
    /// # use article_analyzer::DiffOp;
    /// assert_eq!(DiffOp::Case.as_str(), "case");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DiffOp::Same => "same",
            DiffOp::Added => "added",
            DiffOp::Removed => "removed",
            DiffOp::Changed => "changed",
            DiffOp::Punctuation => "punctuation",
            DiffOp::Case => "case",
        }
    }
}

/// One part of a diff: what it is and the text it covers on each side (`None` on the side that
/// lacks it: the first text for [`Added`](DiffOp::Added), the second for
/// [`Removed`](DiffOp::Removed), either for a punctuation mark present on one side only).
///
/// # Example
/// ```
/// use article_analyzer::{DiffOp, DiffPart, Span};
/// let part = DiffPart { op: DiffOp::Removed, a: Some(Span::new(0, 4)), b: None };
/// assert!(part.b.is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiffPart {
    /// What the part is.
    pub op: DiffOp,
    /// Its text in the first text (byte span), if any.
    pub a: Option<Span>,
    /// Its text in the second text (byte span), if any.
    pub b: Option<Span>,
}

/// One side of a diff: the text, the span compared, its words and the aligned positions.
pub(crate) struct Side<'s, 't> {
    pub text: &'t str,
    pub span: Span,
    pub tokens: &'s [Token<'t>],
}

/// The diff of two texts whose words are aligned by `pairs` (from [`align`]). The parts are in
/// text order; `Same` parts are as long as possible.
pub(crate) fn diff(a: &Side, b: &Side, pairs: &[(usize, usize)]) -> Vec<DiffPart> {
    let mut out = Vec::new();
    let mut same: Option<(Span, Span)> = None;
    let (mut pa, mut pb) = (0, 0);
    let (mut ea, mut eb) = (a.span.start, b.span.start);
    for k in 0..=pairs.len() {
        let (i, j) = pairs
            .get(k)
            .copied()
            .unwrap_or((a.tokens.len(), b.tokens.len()));
        let next_a = a.tokens.get(i).map_or(a.span.end, |t| t.span.start);
        let next_b = b.tokens.get(j).map_or(b.span.end, |t| t.span.start);
        let gap_a = Span::new(ea, next_a);
        let gap_b = Span::new(eb, next_b);
        let (marks_a, at_a) = marks(a.text, gap_a);
        let (marks_b, at_b) = marks(b.text, gap_b);
        let words_a = pa < i;
        let words_b = pb < j;
        if !words_a && !words_b {
            if marks_a == marks_b {
                if let (Some(sa), Some(sb)) = (at_a, at_b) {
                    extend(&mut same, sa, sb);
                }
            } else {
                flush(&mut same, &mut out);
                out.push(DiffPart {
                    op: DiffOp::Punctuation,
                    a: at_a,
                    b: at_b,
                });
            }
        } else {
            // Words differ here: each side with words is one part with the punctuation around
            // them; a side with only punctuation gets a punctuation part of its own.
            flush(&mut same, &mut out);
            let op = match (words_a, words_b) {
                (true, true) => DiffOp::Changed,
                (true, false) => DiffOp::Removed,
                _ => DiffOp::Added,
            };
            let mut parts = vec![DiffPart {
                op,
                a: at_a.filter(|_| words_a),
                b: at_b.filter(|_| words_b),
            }];
            if !words_a && at_a.is_some() {
                parts.push(DiffPart {
                    op: DiffOp::Punctuation,
                    a: at_a,
                    b: None,
                });
            }
            if !words_b && at_b.is_some() {
                parts.push(DiffPart {
                    op: DiffOp::Punctuation,
                    a: None,
                    b: at_b,
                });
            }
            out.extend(parts);
        }
        let (Some(ta), Some(tb)) = (a.tokens.get(i), b.tokens.get(j)) else {
            break;
        };
        if same_letters(ta.raw, tb.raw) {
            extend(&mut same, ta.span, tb.span);
        } else {
            flush(&mut same, &mut out);
            match out.last_mut() {
                // Words in a row that differ in case only ("You Have To" against "you have
                // to"; only spaces can lie between, or a `Same` part would) are one part.
                Some(DiffPart {
                    op: DiffOp::Case,
                    a: Some(last_a),
                    b: Some(last_b),
                }) => {
                    last_a.end = ta.span.end;
                    last_b.end = tb.span.end;
                }
                _ => out.push(DiffPart {
                    op: DiffOp::Case,
                    a: Some(ta.span),
                    b: Some(tb.span),
                }),
            }
        }
        (pa, pb) = (i + 1, j + 1);
        (ea, eb) = (ta.span.end, tb.span.end);
    }
    flush(&mut same, &mut out);
    out
}

/// The punctuation of `gap` (a stretch of text without aligned words), normalised (curly quotes
/// read as straight, … as ...), and the span from its first to its last character that is not
/// whitespace. Only the marks are compared; the span is what the part shows.
fn marks(text: &str, gap: Span) -> (String, Option<Span>) {
    let slice = gap.slice(text);
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return (String::new(), None);
    }
    let start = gap.start + (slice.len() - slice.trim_start().len());
    let mut normal = String::new();
    for c in trimmed.chars().filter(|c| !c.is_whitespace()) {
        match c {
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => {
                normal.push('"')
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => normal.push('\''),
            '\u{2026}' => normal.push_str("..."),
            _ => normal.push(c),
        }
    }
    (normal, Some(Span::new(start, start + trimmed.len())))
}

/// Whether two words read the same letter for letter (’ and ' alike).
fn same_letters(a: &str, b: &str) -> bool {
    let norm = |c: char| if c == '\u{2019}' { '\'' } else { c };
    a.chars().map(norm).eq(b.chars().map(norm))
}

fn extend(same: &mut Option<(Span, Span)>, a: Span, b: Span) {
    match same {
        Some((sa, sb)) => {
            sa.end = a.end;
            sb.end = b.end;
        }
        None => *same = Some((a, b)),
    }
}

fn flush(same: &mut Option<(Span, Span)>, out: &mut Vec<DiffPart>) {
    if let Some((a, b)) = same.take() {
        out.push(DiffPart {
            op: DiffOp::Same,
            a: Some(a),
            b: Some(b),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(words: &str) -> Vec<u32> {
        words.bytes().map(u32::from).collect()
    }

    #[test]
    fn aligns_a_longest_common_subsequence() {
        let pairs = align(&ids("abcbdab"), &ids("bdcaba"));
        assert_eq!(pairs.len(), 4);
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert_eq!(align(&ids("abc"), &ids("abc")), [(0, 0), (1, 1), (2, 2)]);
        assert!(align(&ids("abc"), &ids("")).is_empty());
    }

    #[test]
    fn long_texts_align_on_unique_anchors_in_linear_memory() {
        // 300 × 300 words differing in the middle is past the exact table.
        let a: Vec<u32> = (0..300).collect();
        let mut b: Vec<u32> = (0..300).map(|x| x + 1000).collect();
        b[150] = 150;
        b[10] = 10;
        let pairs = align(&a, &b);
        assert_eq!(pairs, [(10, 10), (150, 150)]);
        assert_eq!(
            longest_increasing(&[(0, 5), (1, 1), (2, 2), (3, 9), (4, 3)]).len(),
            3
        );
    }

    fn diff_of(a: &str, b: &str) -> Vec<(DiffOp, Option<String>, Option<String>)> {
        let (ta, tb) = (
            tokens(a, Span::new(0, a.len())),
            tokens(b, Span::new(0, b.len())),
        );
        let mut interner = Interner::default();
        let pairs = align(&interner.ids(&ta), &interner.ids(&tb));
        let side_a = Side {
            text: a,
            span: Span::new(0, a.len()),
            tokens: &ta,
        };
        let side_b = Side {
            text: b,
            span: Span::new(0, b.len()),
            tokens: &tb,
        };
        diff(&side_a, &side_b, &pairs)
            .into_iter()
            .map(|p| {
                (
                    p.op,
                    p.a.map(|s| s.slice(a).to_string()),
                    p.b.map(|s| s.slice(b).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn reports_case_and_punctuation_apart_from_words() {
        use DiffOp::*;
        let parts = diff_of("well, we can’t go", "Well, we can't go,");
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            parts,
            [
                (Case, s("well"), s("Well")),
                (Same, s(", we can’t go"), s(", we can't go")),
                (Punctuation, None, s(",")),
            ]
        );
        let parts = diff_of("we will not go, ever", "we shall not go ever again");
        assert_eq!(
            parts,
            [
                (Same, s("we"), s("we")),
                (Changed, s("will"), s("shall")),
                (Same, s("not go"), s("not go")),
                (Punctuation, s(","), None),
                (Same, s("ever"), s("ever")),
                (Added, None, s("again")),
            ]
        );
        assert_eq!(
            diff_of("we will not sign, and we left.", "we will not sign"),
            [
                (Same, s("we will not sign"), s("we will not sign")),
                (Removed, s(", and we left."), None),
            ]
        );
        assert_eq!(
            diff_of("so, then", "so now then"),
            [
                (Same, s("so"), s("so")),
                (Added, None, s("now")),
                (Punctuation, s(","), None),
                (Same, s("then"), s("then")),
            ]
        );
        assert_eq!(
            diff_of("You Have To Go", "you have to go"),
            [(Case, s("You Have To Go"), s("you have to go"))]
        );
        assert_eq!(diff_of("", ""), []);
        assert_eq!(
            diff_of("“Yes”", "\"Yes\""),
            [(Same, s("“Yes”"), s("\"Yes\""))]
        );
    }
}
