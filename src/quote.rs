//! Quotations and their speakers.
//!
//! Two passes. [`detect`] pairs quotation marks paragraph by paragraph, telling apostrophes
//! (couldn’t, leaders’, ’90s) from closing single quotes, and records each top-level quotation
//! (nested ones stay inside their outer quotation). [`attribute`] then looks for a cue verb from
//! `data/cue_verbs.txt` next to each quotation — `“…,” X said`, `said X`, `X said: “…”`,
//! `according to X` — and resolves its subject (a name, a pronoun, a description such as "the
//! North Korean leader") to one speaker per person.

use crate::hash::FastMap;
use crate::lexicon;
use crate::order;
use crate::paragraph::FloorCharBoundary;
use crate::words::{fold, fold_cow, is_initials, word_spans};
use crate::{
    Diagnostic, DiagnosticCode, Paragraph, ParagraphKind, Quote, QuoteKind, Scope, Sentence, Span,
    Speaker,
};
use std::cell::RefCell;
use std::collections::HashMap;

/// Quotations and speakers of one text.
pub(crate) struct Quotes {
    pub(crate) quotes: Vec<Quote>,
    pub(crate) speakers: Vec<Speaker>,
}

/// The deepest nesting of quotation marks tracked; deeper opening marks are ignored. Keeps the
/// matching of closing marks linear for pathological input.
const MAX_DEPTH: usize = 8;

/// How many words before a quotation are searched for its attribution.
const WINDOW_WORDS: usize = 40;

/// How many bytes around a quotation are searched for its attribution (enough for the words
/// above; keeps the work per quotation constant in a paragraph of any length).
const WINDOW_BYTES: usize = 400;

/// Finds the quotations of `text` and who said them.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    scope: Scope,
    diagnostics: &mut Vec<Diagnostic>,
) -> Quotes {
    let raw = detect(text, paragraphs, scope, diagnostics);
    let mut quotes: Vec<Quote> = raw
        .iter()
        .map(|r| Quote {
            span: r.inner,
            outer: r.outer,
            kind: QuoteKind::Direct,
            sentence: sentence_at(sentences, r.outer.start),
            speaker: None,
            cue: None,
            continues: r.continues,
        })
        .collect();
    for (i, r) in raw.iter().enumerate() {
        quotes[i].kind = classify(text, paragraphs, r);
    }
    let speakers = attribute(text, paragraphs, sentences, &raw, &mut quotes);
    Quotes { quotes, speakers }
}

/// A quotation found by [`detect`], before attribution.
#[derive(Clone, Debug)]
struct RawQuote {
    outer: Span,
    inner: Span,
    paragraph: usize,
    continues: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open(Family),
    Close(Family),
    /// A straight or curly apostrophe that may close a single quotation if one is open.
    MaybeClose(Family),
}

/// What the quotation-like character `c` does, given its neighbours.
fn classify_mark(c: char, prev: Option<char>, next: Option<char>) -> Option<Mark> {
    // Called for every character of the text: anything that is no quotation mark leaves at once.
    if !matches!(
        c,
        '"' | '\'' | '\u{AB}' | '\u{BB}' | '\u{2018}'..='\u{201E}' | '\u{2039}' | '\u{203A}'
    ) {
        return None;
    }
    let prev_opens =
        prev.is_none_or(|p| p.is_whitespace() || "([{—–-/\u{201C}\u{2018}\"'".contains(p));
    let next_is_word = next.is_some_and(char::is_alphanumeric);
    let prev_is_word = prev.is_some_and(char::is_alphanumeric);
    let next_ends = next.is_none_or(|n| n.is_whitespace() || (!n.is_alphanumeric()));
    match c {
        '\u{201C}' | '\u{201E}' | '\u{AB}' => Some(Mark::Open(Family::Double)),
        '\u{201D}' | '\u{BB}' => Some(Mark::Close(Family::Double)),
        '\u{2018}' | '\u{201A}' | '\u{2039}' => Some(Mark::Open(Family::Single)),
        '\u{203A}' => Some(Mark::Close(Family::Single)),
        '"' => {
            if prev_opens {
                Some(Mark::Open(Family::Double))
            } else {
                Some(Mark::Close(Family::Double))
            }
        }
        '\u{2019}' | '\'' => {
            let apostrophe = (prev_is_word && next_is_word) // couldn’t, rock’n’roll
                || (prev_opens && next.is_some_and(|n| n.is_ascii_digit())); // ’90s
            if apostrophe {
                None
            } else if c == '\'' && prev_opens && next_is_word {
                Some(Mark::Open(Family::Single))
            } else if !prev_opens && next_ends {
                Some(Mark::MaybeClose(Family::Single)) // ‘walk’ or leaders’
            } else {
                None // ’n’, 'em
            }
        }
        _ => None,
    }
}

/// Pairs quotation marks and returns the top-level quotations in text order.
fn detect(
    text: &str,
    paragraphs: &[Paragraph],
    scope: Scope,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RawQuote> {
    let mut quotes: Vec<RawQuote> = Vec::new();
    // An unclosed quotation at the end of the previous paragraph, waiting to see whether the next
    // paragraph continues it.
    let mut pending: Option<(usize, Family)> = None;
    for (p_index, paragraph) in paragraphs.iter().enumerate() {
        if !in_scope(paragraph, scope) {
            pending = None;
            continue;
        }
        let body = paragraph.span.slice(text);
        let base = paragraph.span.start;
        let mut stack: Vec<(Family, usize, usize)> = Vec::new(); // (family, mark start, mark end)
        let mut first_mark = true;
        // The index of the earlier part when this paragraph continues a quotation.
        let mut carry: Option<usize> = None;
        let mut chars = body.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let mark = classify_mark(c, prev, next);
            prev = Some(c);
            let Some(mark) = mark else { continue };
            let at = base + i;
            let end = at + c.len_utf8();
            match mark {
                Mark::Open(family) => {
                    if first_mark && i == 0 {
                        if let Some((before, pending_family)) = pending.take() {
                            if pending_family == family {
                                // A multi-paragraph quotation carries on here.
                                stack.push((family, at, end));
                                first_mark = false;
                                carry = Some(before);
                                continue;
                            }
                        }
                    }
                    // A second curly opening double mark while one is open at the top level:
                    // the first was never closed.
                    if family == Family::Double && stack.len() == 1 && stack[0].0 == Family::Double
                    {
                        let (_, open_at, open_end) = stack[0];
                        let carried = carry.take();
                        unclosed(
                            text,
                            &mut quotes,
                            diagnostics,
                            p_index,
                            (open_at, open_end),
                            at,
                            carried,
                        );
                        stack.clear();
                    }
                    if stack.len() < MAX_DEPTH {
                        stack.push((family, at, end));
                    }
                }
                Mark::Close(family) | Mark::MaybeClose(family) => {
                    let found = stack.iter().rposition(|&(f, _, _)| f == family);
                    match found {
                        Some(k) => {
                            let (_, open_at, open_end) = stack[k];
                            stack.truncate(k);
                            if stack.is_empty() {
                                push_quote(
                                    text,
                                    &mut quotes,
                                    p_index,
                                    Span::new(open_at, end),
                                    Span::new(open_end, at),
                                    carry.take(),
                                );
                            }
                        }
                        None if matches!(mark, Mark::Close(Family::Double)) => {
                            diagnostics.push(Diagnostic {
                                code: DiagnosticCode::UnmatchedClosingQuote,
                                message: "a closing quotation mark has no opening mark before it"
                                    .to_string(),
                                span: Span::new(at, end),
                            });
                        }
                        None => {}
                    }
                }
            }
            first_mark = false;
        }
        pending = None;
        if let Some(&(family, open_at, open_end)) = stack.first() {
            let opens_next = paragraphs.get(p_index + 1).is_some_and(|next| {
                let next_text = next.span.slice(text);
                let mut cs = next_text.chars();
                let first = cs.next();
                let second = cs.next();
                first.is_some_and(|c| classify_mark(c, None, second) == Some(Mark::Open(family)))
            });
            let is_real_quote = family == Family::Double || text[open_at..open_end] != *"'";
            if is_real_quote {
                let index = quotes.len();
                if opens_next {
                    push_quote(
                        text,
                        &mut quotes,
                        p_index,
                        Span::new(open_at, paragraph.span.end),
                        Span::new(open_end, paragraph.span.end),
                        carry.take(),
                    );
                    if quotes.len() > index {
                        pending = Some((index, family));
                    }
                } else {
                    let carried = carry.take();
                    unclosed(
                        text,
                        &mut quotes,
                        diagnostics,
                        p_index,
                        (open_at, open_end),
                        paragraph.span.end,
                        carried,
                    );
                }
            }
        }
    }
    quotes
}

/// Records a quotation, unless it holds no word. `outer` includes the marks.
fn push_quote(
    text: &str,
    quotes: &mut Vec<RawQuote>,
    paragraph: usize,
    outer: Span,
    inner: Span,
    continues: Option<usize>,
) {
    let inner = crate::paragraph::trim(text, inner);
    if !inner.slice(text).chars().any(char::is_alphanumeric) {
        return;
    }
    quotes.push(RawQuote {
        outer,
        inner,
        paragraph,
        continues,
    });
}

/// Records an unclosed quotation that stops at `stop`, with a diagnostic.
fn unclosed(
    text: &str,
    quotes: &mut Vec<RawQuote>,
    diagnostics: &mut Vec<Diagnostic>,
    paragraph: usize,
    (open_at, open_end): (usize, usize),
    stop: usize,
    continues: Option<usize>,
) {
    let inner = crate::paragraph::trim(text, Span::new(open_end, stop));
    diagnostics.push(Diagnostic {
        code: DiagnosticCode::UnclosedQuote,
        message: "a quotation is never closed; it was taken to end with its paragraph".to_string(),
        span: Span::new(open_at, open_end),
    });
    push_quote(
        text,
        quotes,
        paragraph,
        Span::new(open_at, inner.end),
        inner,
        continues,
    );
}

/// The char boundary at most `max` bytes before `at`, but not before `floor`: bounds every
/// look-back so that work per quotation is constant however long a paragraph is.
fn back(text: &str, floor: usize, at: usize, max: usize) -> usize {
    let mut start = at.saturating_sub(max).max(floor);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// The char boundary at most `max` bytes after `at`, but not after `ceiling`.
fn ahead(text: &str, ceiling: usize, at: usize, max: usize) -> usize {
    let mut end = at.saturating_add(max).min(ceiling);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end.max(at)
}

/// Index of the sentence holding byte `at` (the last sentence starting at or before it).
fn sentence_at(sentences: &[Sentence], at: usize) -> usize {
    sentences
        .partition_point(|s| s.span.start <= at)
        .saturating_sub(1)
}

/// Words before a quotation that make it a term or a title rather than speech.
const TERM_MARKERS: [&str; 14] = [
    "so-called",
    "dubbed",
    "titled",
    "entitled",
    "nicknamed",
    "film",
    "book",
    "song",
    "album",
    "novel",
    "show",
    "series",
    "word",
    "term",
];

/// Decides a quotation's kind from its paragraph and its first words.
fn classify(text: &str, paragraphs: &[Paragraph], q: &RawQuote) -> QuoteKind {
    let paragraph = paragraphs[q.paragraph].span;
    if paragraphs[q.paragraph].kind == ParagraphKind::Headline {
        return QuoteKind::Headline;
    }
    let before = &text[back(text, paragraph.start, q.outer.start, 64)..q.outer.start];
    if let Some(last) = word_spans(before).last() {
        if TERM_MARKERS.contains(&fold(last.slice(before)).as_str()) {
            return QuoteKind::Term;
        }
    }
    let inner = q.inner.slice(text);
    let first = inner.chars().find(|c| c.is_alphanumeric());
    let starts_upper = first.is_some_and(char::is_uppercase);
    let prev = before.trim_end().chars().last();
    let at_boundary =
        prev.is_none_or(|c| matches!(c, ':' | ',' | '.' | '?' | '!' | '—' | '–' | '-'));
    if starts_upper && (at_boundary || inner.ends_with(['.', '?', '!', ','])) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Whether quotations are looked for in `paragraph`: the body and the headline, or everything.
fn in_scope(paragraph: &Paragraph, scope: Scope) -> bool {
    scope == Scope::All
        || matches!(
            paragraph.kind,
            ParagraphKind::Body | ParagraphKind::Headline
        )
}

/// A token of an attribution window: a word, or one punctuation character.
#[derive(Clone, Copy, Debug)]
struct Token<'t> {
    span: Span,
    text: &'t str,
    word: bool,
    /// Whether a line break separates this token from the one before it.
    after_break: bool,
}

/// The words and punctuation of `text[span]`, in order.
fn tokens<'t>(text: &'t str, span: Span) -> Vec<Token<'t>> {
    let mut out = Vec::new();
    each_token(text, span, |t| out.push(t));
    out
}

/// Calls `push` with each word and punctuation token of `text[span]`, in order.
fn each_token<'t>(text: &'t str, span: Span, mut push: impl FnMut(Token<'t>)) {
    let slice = span.slice(text);
    let mut cursor = 0;
    let push_punct = |from: usize, to: usize, push: &mut dyn FnMut(Token<'t>)| -> bool {
        let mut after_break = false;
        for (i, c) in slice[from..to].char_indices() {
            if c == '\n' || c == '\r' {
                after_break = true;
            } else if !c.is_whitespace() {
                let s = Span::new(span.start + from + i, span.start + from + i + c.len_utf8());
                push(Token {
                    span: s,
                    text: s.slice(text),
                    word: false,
                    after_break,
                });
                after_break = false;
            }
        }
        after_break
    };
    for w in word_spans(slice) {
        let after_break = push_punct(cursor, w.start, &mut push);
        let s = Span::new(span.start + w.start, span.start + w.end);
        push(Token {
            span: s,
            text: s.slice(text),
            word: true,
            after_break,
        });
        cursor = w.end;
    }
    push_punct(cursor, slice.len(), &mut push);
}

/// Tokens read one at a time by position: an attribution window (a slice) or the whole text's
/// [`TextIndex`], whose tokens are packed and made on demand.
trait Tokens<'t> {
    /// How many tokens there are.
    fn count(&self) -> usize;
    /// Token `i`; `i` must be below [`Tokens::count`].
    fn at(&self, i: usize) -> Token<'t>;
    /// Token `i`, if there is one.
    fn get(&self, i: usize) -> Option<Token<'t>> {
        (i < self.count()).then(|| self.at(i))
    }
}

impl<'t> Tokens<'t> for &[Token<'t>] {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, i: usize) -> Token<'t> {
        self[i]
    }
}

/// A cue found in a token list: its token range and its span in the text.
#[derive(Clone, Copy, Debug)]
struct Cue {
    first: usize,
    last: usize,
    span: Span,
    participle: bool,
    according_to: bool,
}

/// The cue starting at token `i`, if any.
fn cue_at(tokens: &[Token<'_>], i: usize) -> Option<Cue> {
    let t = tokens[i];
    if !t.word {
        return None;
    }
    let lower = fold(t.text);
    let cues = lexicon::cues();
    for rest in cues.phrases_after(&lower) {
        let mut j = i;
        let mut ok = true;
        for w in rest {
            j += 1;
            if j >= tokens.len() || !tokens[j].word || fold(tokens[j].text) != *w {
                ok = false;
                break;
            }
        }
        if ok {
            return Some(Cue {
                first: i,
                last: j,
                span: Span::new(t.span.start, tokens[j].span.end),
                participle: lower.ends_with("ing") && lower != "according",
                according_to: lower == "according",
            });
        }
    }
    // "asked for a delay", "called for calm": a request, not speech.
    if tokens
        .get(i + 1)
        .is_some_and(|n| n.word && fold(n.text) == "for")
    {
        return None;
    }
    cues.is_single(&lower).then(|| Cue {
        first: i,
        last: i,
        span: t.span,
        participle: lower.ends_with("ing"),
        according_to: false,
    })
}

/// Who a subject phrase names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Subject {
    /// A name; the span covers the mention (titles included), `name` excludes titles.
    Name { span: Span, name: String },
    /// A personal pronoun (he, she).
    Pronoun(Span),
    /// A description ("the North Korean leader"), to be matched to an earlier introduction.
    Description { span: Span, words: Vec<String> },
    /// "who": the noun phrase before the relative clause.
    Relative(usize),
}

fn is_capitalised(t: &Token<'_>) -> bool {
    t.word && t.text.chars().next().is_some_and(char::is_uppercase)
}

fn is_title_word(t: &Token<'_>) -> bool {
    t.word && lexicon::titles().contains(fold(t.text).as_str())
}

/// Lower-case words that may sit between a subject and its cue verb ("Trump later said").
fn is_adverb(t: &Token<'_>) -> bool {
    t.word
        && matches!(
            fold(t.text).as_str(),
            "also"
                | "finally"
                | "eventually"
                | "separately"
                | "briefly"
                | "later"
                | "earlier"
                | "then"
                | "again"
                | "once"
                | "previously"
                | "repeatedly"
                | "quickly"
                | "simply"
                | "only"
                | "still"
                | "has"
                | "had"
                | "have"
                | "was"
                | "is"
                | "would"
                | "will"
                | "reportedly"
                | "publicly"
                | "privately"
                | "angrily"
                | "flatly"
                | "firmly"
                | "recently"
                | "yesterday"
                | "today"
                | "on"
                | "twitter"
        )
}

/// Initials ("W", "J.R") or a title abbreviation ("Mr"), which a name may follow after a ".".
fn is_initial_or_title(t: &Token<'_>) -> bool {
    t.word && (is_initials(t.text) || lexicon::is_title_abbreviation(t.text))
}

/// Particles inside names (Piet van Roon, Ursula von der Leyen).
fn is_name_particle(t: &Token<'_>) -> bool {
    t.word
        && matches!(
            t.text,
            "van" | "von" | "der" | "de" | "del" | "da" | "di" | "bin" | "al" | "la" | "le"
        )
}

/// A name ending at token `end` (inclusive), walking left: capitalised words, particles between
/// them, and "." after initials and titles. Returns the name's first token and the name without
/// its leading titles.
fn name_ending_at(tokens: &dyn Tokens<'_>, end: usize) -> Option<(usize, String)> {
    if !is_capitalised(&tokens.at(end))
        || lexicon::sentence_starters().contains(tokens.at(end).text)
    {
        return None;
    }
    let mut first = end;
    let mut i = end;
    while i > 0 && !tokens.at(i).after_break {
        let prev = &tokens.at(i - 1);
        if is_capitalised(prev) && !lexicon::sentence_starters().contains(prev.text) {
            first = i - 1;
            i -= 1;
        } else if prev.text == "." && i >= 2 && is_initial_or_title(&tokens.at(i - 2)) {
            i -= 1; // Mr. / W.
        } else if is_name_particle(prev) && i >= 2 && is_capitalised(&tokens.at(i - 2)) {
            i -= 1;
        } else {
            break;
        }
    }
    // "Minister of Foreign Affairs Tomas Vell": the run after a title's "of" names the office
    // first; the person is its last two words (the last one when the run has only two).
    let office = first >= 2
        && tokens.at(first - 1).text == "of"
        && (is_title_word(&tokens.at(first - 2))
            || lexicon::role(&fold(tokens.at(first - 2).text)).is_some());
    if office && end > first {
        first = if end - first >= 2 { end - 1 } else { end };
    }
    name_from(tokens, first, end).map(|name| (first, name))
}

/// A name starting at token `start`, walking right.
fn name_starting_at(tokens: &dyn Tokens<'_>, start: usize) -> Option<(usize, String)> {
    if start >= tokens.count() || !is_capitalised(&tokens.at(start)) {
        return None;
    }
    let mut last = start;
    let mut i = start + 1;
    while i < tokens.count() && !tokens.at(i).after_break {
        let t = &tokens.at(i);
        if is_capitalised(t) {
            last = i;
        } else if (t.text == "." && i == last + 1 && is_initial_or_title(&tokens.at(last)))
            || (is_name_particle(t) && tokens.get(i + 1).as_ref().is_some_and(is_capitalised))
        {
            // Mr. / initials, or a particle followed by another capitalised word.
        } else {
            break;
        }
        i += 1;
    }
    name_from(tokens, start, last).map(|name| (last, name))
}

/// The name in `tokens[first..=last]`, without leading titles and acronyms ("U.S. President",
/// "Dr.") or a trailing possessive; initials keep their periods.
fn name_from(tokens: &dyn Tokens<'_>, first: usize, last: usize) -> Option<String> {
    let is_leading_title = |t: &Token<'_>| {
        !t.word || is_title_word(t) || lexicon::is_title_abbreviation(t.text) || is_acronym(t.text)
    };
    let mut start = (first..=last).find(|&i| !is_leading_title(&tokens.at(i)))?;
    // "Finance Minister Rosa Adair", "Fire Chief Ray Castillo", "Dallas-based Corrigan": the name
    // begins after the last title or modifier of a short run before it.
    if let Some(t) = (start..last.min(start + 3)).rev().find(|&i| {
        let t = &tokens.at(i);
        t.word && (is_title_word(t) || fold(t.text).ends_with("-based"))
    }) {
        start = (t + 1..=last).find(|&i| !is_leading_title(&tokens.at(i)))?;
    }
    // Words joined by single spaces; a "." sticks to the initial before it ("Mary K. Obi").
    let mut name = String::new();
    for (k, t) in (start..=last).map(|i| tokens.at(i)).enumerate() {
        if k > 0 && t.word {
            name.push(' ');
        }
        name.push_str(t.text);
    }
    let name = name
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string();
    if lexicon::sentence_starters().contains(name.as_str()) {
        return None; // "I", "We"
    }
    name.chars().any(char::is_alphabetic).then_some(name)
}

/// A country or body written as an acronym before a title: "US", "DPRK", or a dotted one from the
/// abbreviation list ("U.S"). Dotted initials that are not listed ("J.R") belong to a name.
fn is_acronym(word: &str) -> bool {
    let capitals = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c == '.');
    capitals && (!word.contains('.') || lexicon::abbreviations().contains_key(word))
}

/// The subject directly before the cue whose first token is `cue_first`, within `tokens[floor..]`.
fn subject_before(tokens: &[Token<'_>], floor: usize, cue_first: usize) -> Option<Subject> {
    let i = skip_adverbs_back(tokens, floor, cue_first);
    if i == floor {
        return None;
    }
    let end = i - 1;
    let t = &tokens[end];
    if t.word {
        let lower = fold(t.text);
        if lexicon::pronouns().contains(lower.as_str()) {
            return Some(Subject::Pronoun(t.span));
        }
        if lower == "who" {
            return Some(Subject::Relative(end));
        }
    }
    if let Some((first, name)) = name_ending_at(&tokens, end) {
        if let Some(owner) = owner_description(tokens, floor, first, end) {
            return Some(owner);
        }
        // Include a title right before the name in the mention ("Secretary Ana Ruiz").
        let mut start = first;
        while start > floor && (is_title_word(&tokens[start - 1]) || tokens[start - 1].text == ".")
        {
            start -= 1;
        }
        return Some(Subject::Name {
            span: Span::new(tokens[start].span.start, tokens[end].span.end),
            name,
        });
    }
    // A description: "the North Korean leader", "the secretary" (its last word names a role).
    if !t.word || lexicon::role(&fold(t.text)).is_none() {
        return None;
    }
    let mut j = end;
    while j > floor && end - j < 6 {
        let w = &tokens[j - 1];
        if !w.word {
            break;
        }
        if matches!(fold(w.text).as_str(), "the" | "a" | "an") {
            if let Some(owner) = owner_description(tokens, floor, j - 1, end) {
                return Some(owner);
            }
            let words: Vec<String> = tokens[j..=end]
                .iter()
                .filter(|t| t.word)
                .map(|t| fold(t.text))
                .collect();
            return Some(Subject::Description {
                span: Span::new(tokens[j - 1].span.start, tokens[end].span.end),
                words,
            });
        }
        j -= 1;
    }
    None
}

/// "A spokesperson for the Ministry of Health said": when the phrase `tokens[first..=end]` (a name
/// or a description) follows "for"/"at"/"from"/"with" after a role ("a spokesperson"), the
/// subject is the whole description.
fn owner_description(
    tokens: &[Token<'_>],
    floor: usize,
    first: usize,
    end: usize,
) -> Option<Subject> {
    // Walk back over the rest of an organisation's name ("the Ministry of …").
    let mut j = first;
    while j > floor
        && first - j < 6
        && (is_capitalised(&tokens[j - 1])
            || matches!(fold(tokens[j - 1].text).as_str(), "the" | "of" | "and"))
    {
        j -= 1;
    }
    if j == floor
        || !matches!(
            fold(tokens[j - 1].text).as_str(),
            "for" | "at" | "from" | "with" | "of"
        )
    {
        return None;
    }
    let prep = j - 1;
    let start = (prep.saturating_sub(6).max(floor)..prep)
        .find(|&k| description_at(tokens, k).is_some_and(|(e, _)| e + 1 == prep))?;
    let words = tokens[start..=end]
        .iter()
        .filter(|t| t.word)
        .map(|t| fold(t.text))
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an"))
        .collect();
    Some(Subject::Description {
        span: Span::new(tokens[start].span.start, tokens[end].span.end),
        words,
    })
}

/// The subject right after an inverted cue ("said Judge Ruiz", "according to Ana Ruiz").
fn subject_after(tokens: &[Token<'_>], cue_last: usize) -> Option<Subject> {
    let start = cue_last + 1;
    let t = tokens.get(start)?;
    if t.word {
        let lower = fold(t.text);
        if lexicon::pronouns().contains(lower.as_str()) {
            return Some(Subject::Pronoun(t.span));
        }
        if matches!(lower.as_str(), "the" | "a" | "an") {
            let words: Vec<String> = tokens[start + 1..]
                .iter()
                .take_while(|t| t.word && !lexicon::cues().is_single(&fold(t.text)))
                .take(5)
                .map(|t| fold(t.text))
                .collect();
            if words.is_empty() {
                return None;
            }
            let end = start + words.len();
            return Some(Subject::Description {
                span: Span::new(t.span.start, tokens[end].span.end),
                words,
            });
        }
    }
    // "said council leader Zoë Brannigan", "shouted teammate Kofi Mensah": lower-case role words
    // before the name.
    let mut first = start;
    while first < start + 3
        && tokens.get(first).is_some_and(|w| {
            w.word && !is_capitalised(w) && lexicon::role(&fold(w.text)).is_some()
                || w.word && fold(w.text).ends_with("mate")
        })
    {
        first += 1;
    }
    let (last, name) = name_starting_at(&tokens, first)?;
    Some(Subject::Name {
        span: Span::new(t.span.start, tokens[last].span.end),
        name,
    })
}

/// A description starting at token `s`: an optional article, then at most six words that end in
/// a role noun ("the North Korean leader", "a spokesperson", "Police"). Returns the index of its
/// last token and its words without the article.
fn description_at(tokens: &[Token<'_>], s: usize) -> Option<(usize, Vec<String>)> {
    let t = tokens.get(s)?;
    if !t.word {
        return None;
    }
    let article = matches!(fold(t.text).as_str(), "the" | "a" | "an");
    let start = s + usize::from(article);
    let mut role_end = None;
    for (k, w) in tokens.iter().enumerate().skip(start).take(6) {
        if !w.word {
            break;
        }
        let lower = fold(w.text);
        if lexicon::pronouns().contains(lower.as_str())
            || lexicon::cues().is_single(&lower)
            || is_adverb(w)
            || matches!(
                lower.as_str(),
                "who"
                    | "that"
                    | "which"
                    | "and"
                    | "or"
                    | "of"
                    | "for"
                    | "in"
                    | "at"
                    | "on"
                    | "with"
            )
        {
            break;
        }
        if lexicon::role(&lower).is_some() {
            role_end = Some(k);
        }
    }
    let end = role_end?;
    let words = tokens[start..=end].iter().map(|t| fold(t.text)).collect();
    Some((end, words))
}

/// The subject of the clause that a cue sits in, found at the start of the sentence (or of the
/// window): "Maren, speaking …, accused … and said", "The North Korean leader struck a hopeful
/// note, saying". A leading phrase set off by a comma ("Afterwards, Mr Trump …") is skipped, and a
/// description followed by a name in apposition ("The head judge, Renée Dubois, said") or a
/// possessive ("Mr. Kowalczyk’s lawyer, Priya Raman,") gives the name.
fn sentence_subject(tokens: &[Token<'_>], floor: usize, cue_first: usize) -> Option<Subject> {
    let mut starts = vec![floor];
    if let Some(comma) = (floor..cue_first.min(floor + 8)).find(|&i| tokens[i].text == ",") {
        starts.push(comma + 1);
    }
    for s in starts {
        if s >= cue_first {
            break;
        }
        if let Some(subject) = subject_at(tokens, s, cue_first) {
            return Some(subject);
        }
    }
    None
}

/// The subject phrase starting at token `s`, which must end before `limit`.
fn subject_at(tokens: &[Token<'_>], s: usize, limit: usize) -> Option<Subject> {
    let t = tokens.get(s)?;
    if !t.word {
        return None;
    }
    let lower = fold(t.text);
    if lexicon::pronouns().contains(lower.as_str()) {
        return Some(Subject::Pronoun(t.span));
    }
    // A name in apposition after `end`: ", Renée Dubois,".
    let apposition = |end: usize| {
        if tokens.get(end + 1).is_some_and(|c| c.text == ",") {
            let (last, name) = name_starting_at(&tokens, end + 2)?;
            let closed = tokens
                .get(last + 1)
                .is_none_or(|c| !c.word || last + 1 >= limit);
            if last < limit && closed {
                return Some(Subject::Name {
                    span: Span::new(tokens[end + 2].span.start, tokens[last].span.end),
                    name,
                });
            }
        }
        None
    };
    // "Secretary of State Lorna Adeyemi", "Minister of Foreign Affairs Tomas Vell": a title and
    // its office, then the name, which is the last two capitalised words of the run after "of"
    // (the last one when the run has only two).
    if (is_title_word(t) || lexicon::role(&lower).is_some())
        && is_capitalised(t)
        && tokens.get(s + 1).is_some_and(|o| o.text == "of")
    {
        if let Some((last, _)) = name_starting_at(&tokens, s + 2) {
            let run = last + 1 - (s + 2);
            if last < limit && run >= 2 {
                let first = if run >= 3 { last - 1 } else { last };
                if let Some(name) = name_from(&tokens, first, last) {
                    return Some(Subject::Name {
                        span: Span::new(tokens[first].span.start, tokens[last].span.end),
                        name,
                    });
                }
            }
        }
    }
    if let Some((end, words)) = description_at(tokens, s) {
        if end < limit && !tokens.get(end + 1).is_some_and(is_capitalised) {
            return apposition(end).or(Some(Subject::Description {
                span: Span::new(t.span.start, tokens[end].span.end),
                words,
            }));
        }
        // "White House press secretary Sarah Sanders": the role introduces the name.
        if let Some((last, name)) = name_starting_at(&tokens, end + 1) {
            if last < limit {
                return Some(Subject::Name {
                    span: Span::new(t.span.start, tokens[last].span.end),
                    name,
                });
            }
        }
    }
    if lexicon::sentence_starters().contains(t.text) {
        return None;
    }
    let (last, name) = name_starting_at(&tokens, s)?;
    if last >= limit {
        return None;
    }
    // "Speaking to reporters, …", "Asked whether …": a capitalised verb, not a name.
    if last == s
        && (lower.ends_with("ing") || lower.ends_with("ed") || lexicon::cues().is_single(&lower))
    {
        return None;
    }
    if tokens[last].text.ends_with("’s") || tokens[last].text.ends_with("'s") {
        // "Mr. Kowalczyk’s lawyer, Priya Raman": the possessor is not the subject.
        let (end, words) = description_at(tokens, last + 1)?;
        return apposition(end).or(Some(Subject::Description {
            span: Span::new(t.span.start, tokens[end].span.end),
            words,
        }));
    }
    Some(Subject::Name {
        span: Span::new(t.span.start, tokens[last].span.end),
        name,
    })
}

/// Finds a cue and subject after a quotation: `“…,” X said` or `“…,” said X`.
fn attribution_after(tokens: &[Token<'_>]) -> Option<(Cue, Subject)> {
    let mut i = 0;
    while i < tokens.len() && !tokens[i].word {
        if !matches!(tokens[i].text, "," | "—" | "–" | "-") {
            return None; // "….” Then silence." has no attribution.
        }
        i += 1;
    }
    let start = i;
    // "… and Kim called it" starts another clause with its own subject.
    if tokens.get(start).is_some_and(|t| {
        matches!(
            fold(t.text).as_str(),
            "and"
                | "but"
                | "or"
                | "while"
                | "whereas"
                | "as"
                | "because"
                | "so"
                | "then"
                | "when"
                | "after"
                | "before"
                | "although"
                | "though"
                | "if"
        )
    }) {
        return None;
    }
    // "“…,” Dr Ana Ruiz, the centre's director, said": a subject, an inserted phrase, the cue.
    if let Some(subject) = subject_at(tokens, start, tokens.len()) {
        let end = match &subject {
            Subject::Name { span, .. }
            | Subject::Description { span, .. }
            | Subject::Pronoun(span) => tokens.partition_point(|t| t.span.end <= span.end),
            Subject::Relative(_) => start,
        };
        if tokens.get(end).is_some_and(|t| t.text == ",") {
            let found = (end + 1..tokens.len().min(end + 40))
                .take_while(|&k| !matches!(tokens[k].text, "." | "!" | "?" | ";"))
                .filter(|&k| after_comma(tokens, k))
                .find_map(|k| cue_at(tokens, k));
            if let Some(cue) = found {
                return Some((cue, subject));
            }
        }
    }
    let mut words = 0;
    while i < tokens.len() && words < 8 {
        let t = tokens[i];
        if !t.word && t.text != "." {
            break;
        }
        if let Some(cue) = cue_at(tokens, i) {
            if cue.first == start && cue.participle {
                // “…”, explaining he wanted more: a participle, not "said X".
                return None;
            }
            let subject = if cue.first == start {
                subject_after(tokens, cue.last)
            } else {
                subject_before(tokens, start, cue.first)
            };
            return subject.map(|s| (cue, s));
        }
        words += usize::from(t.word);
        i += 1;
    }
    None
}

/// Finds a cue and subject before a quotation: `X said: “…”`, `X said that “…”`,
/// `according to X, “…”`. The last cue whose subject can be found wins; a cue with no subject of
/// its own ("to say", ", saying") defers to the cue before it.
fn attribution_before(tokens: &[Token<'_>]) -> Option<(Cue, Subject)> {
    let mut found: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(cue) = cue_at(tokens, i) {
            i = cue.last + 1;
            found.push(cue);
        } else {
            i += 1;
        }
    }
    for cue in found.iter().rev() {
        if cue.according_to {
            if let Some(subject) = subject_after(tokens, cue.last) {
                return Some((*cue, subject));
            }
            continue;
        }
        match subject_before(tokens, 0, cue.first) {
            Some(subject) => return Some((*cue, subject)),
            // ", saying “…”", "… and said that “…”": the subject of the sentence's main clause.
            None if cue.first > 0 && (cue.participle || preceded_by_and(tokens, cue.first)) => {
                if let Some(subject) = sentence_subject(tokens, 0, cue.first) {
                    return Some((*cue, subject));
                }
                continue;
            }
            None if preceded_by_to(tokens, cue.first) || cue.first == 0 => continue,
            // "X, who …, said", "X, the …, told": the subject is before the inserted phrase.
            None if after_comma(tokens, cue.first) => {
                if let Some(subject) = sentence_subject(tokens, 0, cue.first) {
                    return Some((*cue, subject));
                }
                continue;
            }
            None => {
                // "X told reporters" style cues whose subject is further left are handled by the
                // subject search; a cue with words but no subject ends the search.
                if cue.first > 0 && !tokens[cue.first - 1].word {
                    continue;
                }
                return None;
            }
        }
    }
    None
}

fn preceded_by_to(tokens: &[Token<'_>], i: usize) -> bool {
    i > 0 && matches!(fold(tokens[i - 1].text).as_str(), "to" | "and" | "but")
}

/// The index before which token `i` is preceded only by adverbs ("Trump later said"), not going
/// below `floor`.
fn skip_adverbs_back(tokens: &[Token<'_>], floor: usize, i: usize) -> usize {
    let mut j = i;
    while j > floor && is_adverb(&tokens[j - 1]) {
        j -= 1;
    }
    j
}

/// Whether the cue at `i` follows a comma (adverbs aside): the end of an inserted phrase.
fn after_comma(tokens: &[Token<'_>], i: usize) -> bool {
    let j = skip_adverbs_back(tokens, 0, i);
    j > 0 && tokens[j - 1].text == ","
}

/// Whether the cue at `i` follows "and"/"but" (adverbs aside): a second verb of the same subject.
fn preceded_by_and(tokens: &[Token<'_>], i: usize) -> bool {
    let j = skip_adverbs_back(tokens, 0, i);
    j > 0 && matches!(fold(tokens[j - 1].text).as_str(), "and" | "but")
}

/// A person being built up from mentions.
struct Person {
    words: Vec<String>,
    speaker: Speaker,
    /// Named by a description ("the bus company"), not by a name.
    described: bool,
}

/// The people found so far, with a map from each folded name word to the people whose names hold
/// it, so that finding a person costs the same however many people there are.
#[derive(Default)]
struct People {
    list: Vec<Person>,
    by_word: HashMap<String, Vec<usize>>,
}

/// A token of the [`TextIndex`] in 8 bytes: its byte range, with `word` and `after_break` in the
/// top bits of `end`. The index holds one for every token of the text.
#[derive(Clone, Copy)]
struct Packed {
    start: u32,
    end: u32,
}

const PACKED_WORD: u32 = 1 << 31;
const PACKED_AFTER_BREAK: u32 = 1 << 30;
/// The index covers the first GiB of a text (the faces refuse texts over 64 MiB).
const PACKED_MAX: usize = (1 << 30) - 1;

/// The whole text's tokens and, for each folded word, where it occurs. Built once, and only when
/// a description must be matched or a speaker's full name looked up.
///
/// Tokens are packed (8 bytes instead of the 20 or 40 of a [`Token`]) and made back on demand,
/// for the index holds every token of the text: most of the memory attribution needs.
struct TextIndex<'t> {
    text: &'t str,
    packed: Vec<Packed>,
    /// Token indices of each folded word, in text order.
    by_word: FastMap<String, Vec<u32>>,
    /// [`gender_of`] and [`first_full_name`] read the whole text's mentions of a word and nothing
    /// else, so their answer for a word never changes: remembered here, they are worked out once
    /// per name instead of once per pronoun or quotation.
    genders: RefCell<FastMap<String, Option<Gender>>>,
    full_names: RefCell<FastMap<String, Option<String>>>,
}

impl<'t> TextIndex<'t> {
    /// Indexes the words of `text`, except those of headlines: a title-case headline
    /// ("Ellery Dies at 84") would lend its capitals to the names looked up here.
    fn new(text: &'t str, paragraphs: &[Paragraph]) -> TextIndex<'t> {
        let covered = &text[..text.floor_char_boundary_compat(PACKED_MAX)];
        // About one token per five bytes in English: reserving for one per four avoids the
        // copies (and the doubled peak) of growing a vector of millions of tokens.
        let mut packed: Vec<Packed> = Vec::with_capacity(covered.len() / 4 + 16);
        let mut by_word: FastMap<String, Vec<u32>> = FastMap::default();
        let mut headlines = paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Headline)
            .map(|p| p.span)
            .peekable();
        each_token(covered, Span::new(0, covered.len()), |t| {
            let i = packed.len() as u32; // at most one token per byte, below 2^30
            let flags = if t.word { PACKED_WORD } else { 0 }
                | if t.after_break { PACKED_AFTER_BREAK } else { 0 };
            packed.push(Packed {
                start: t.span.start as u32,
                end: t.span.end as u32 | flags,
            });
            while headlines.peek().is_some_and(|h| h.end <= t.span.start) {
                headlines.next();
            }
            let in_headline = headlines
                .peek()
                .is_some_and(|h| h.start <= t.span.start && t.span.end <= h.end);
            if t.word && !in_headline {
                let key = fold_cow(t.text);
                match by_word.get_mut(key.as_ref()) {
                    Some(list) => list.push(i),
                    None => {
                        by_word.insert(key.into_owned(), vec![i]);
                    }
                }
            }
        });
        packed.shrink_to_fit();
        TextIndex {
            text,
            packed,
            by_word,
            genders: RefCell::default(),
            full_names: RefCell::default(),
        }
    }

    /// The token indices of folded `word`, in text order.
    fn positions(&self, word: &str) -> &[u32] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// The index of the first token that starts at or after byte `at`.
    fn first_from(&self, at: usize) -> usize {
        self.packed.partition_point(|p| (p.start as usize) < at)
    }

    /// Tokens `range`, made back.
    fn slice(&self, range: std::ops::Range<usize>) -> Vec<Token<'t>> {
        range.map(|i| self.at(i)).collect()
    }
}

impl<'t> Tokens<'t> for TextIndex<'t> {
    fn count(&self) -> usize {
        self.packed.len()
    }

    fn at(&self, i: usize) -> Token<'t> {
        let p = self.packed[i];
        let span = Span::new(
            p.start as usize,
            (p.end & !(PACKED_WORD | PACKED_AFTER_BREAK)) as usize,
        );
        Token {
            span,
            text: span.slice(self.text),
            word: p.end & PACKED_WORD != 0,
            after_break: p.end & PACKED_AFTER_BREAK != 0,
        }
    }
}

/// How many occurrences of a word are examined when looking a name up; bounds adversarial input.
const MAX_LOOKUPS: usize = 256;

/// Attributes every quotation and builds the speakers list.
fn attribute(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    raw: &[RawQuote],
    quotes: &mut [Quote],
) -> Vec<Speaker> {
    let mut people = People::default();
    let mut index: Option<TextIndex<'_>> = None;
    let mut last_person: Option<usize> = None;
    for qi in 0..quotes.len() {
        let r = &raw[qi];
        let paragraph = paragraphs[r.paragraph].span;
        if quotes[qi].kind == QuoteKind::Term {
            continue;
        }
        // The continuation of a multi-paragraph quotation has the same speaker.
        if let Some(before) = r.continues {
            if let Some(person) = quotes[before].speaker {
                assign(&mut people, quotes, qi, person, None, None);
                continue;
            }
        }
        let prev_in_paragraph = qi
            .checked_sub(1)
            .filter(|&p| raw[p].paragraph == r.paragraph);
        let next_in_paragraph = raw.get(qi + 1).filter(|n| n.paragraph == r.paragraph);

        // After the quotation: to the end of the sentence holding the closing mark.
        let closing_index = sentence_at(sentences, r.outer.end.saturating_sub(1));
        let mut closing_sentence = sentences[closing_index].span;
        // “Why now?” Raman asked. — the sentence ended inside the marks; a short next sentence
        // in the same paragraph may be the attribution.
        if closing_sentence.end <= r.outer.end {
            if let Some(next) = sentences.get(closing_index + 1) {
                let short = word_spans(next.span.slice(text)).count() <= 6;
                if next.paragraph == r.paragraph && short {
                    closing_sentence = next.span;
                }
            }
        }
        let after_end = closing_sentence
            .end
            .min(next_in_paragraph.map_or(paragraph.end, |n| n.outer.start))
            .max(r.outer.end);
        let after_end = ahead(text, after_end, r.outer.end, WINDOW_BYTES);
        let after = tokens(text, Span::new(r.outer.end, after_end));
        // Before the quotation: from the sentence start (or the previous quotation's end).
        let opening_sentence = &sentences[quotes[qi].sentence];
        let before_start = opening_sentence
            .span
            .start
            .max(prev_in_paragraph.map_or(paragraph.start, |p| raw[p].outer.end))
            // "GENEVA, Switzerland — President Brandt …, saying": the dateline names a place.
            .max(paragraphs[r.paragraph].dateline.map_or(0, |d| d.end))
            .min(r.outer.start);
        let before_start = back(text, before_start, r.outer.start, WINDOW_BYTES);
        let mut before = tokens(text, Span::new(before_start, r.outer.start));
        if before.len() > WINDOW_WORDS {
            before.drain(..before.len() - WINDOW_WORDS);
        }

        // The attribution after the quotation wins; if it names no one we can resolve, the one
        // before it is tried. A lead-in with no speech verb ("Petrakis had one word for it —
        // “shameful.”", "X was blunt: “…”") gives the sentence's subject, when no cue was found.
        let lead = if lead_in(&before) {
            sentence_subject(&before, 0, before.len())
        } else {
            None
        };
        let candidates = [
            attribution_after(&after).map(|(cue, s)| (Some(cue), s, &after)),
            attribution_before(&before).map(|(cue, s)| (Some(cue), s, &before)),
            lead.map(|s| (None, s, &before)),
        ];
        let mut attributed = false;
        let mut resolved = None;
        for (cue, subject, window) in candidates.into_iter().flatten() {
            if cue.is_none() && attributed {
                break;
            }
            attributed = true;
            let context = Context {
                text,
                index: &mut index,
                last_person,
                quote_start: r.outer.start,
                sentences,
                paragraphs,
                raw,
            };
            resolved = resolve(context, window, &subject, &mut people)
                .map(|(person, mention)| (person, mention, cue));
            if resolved.is_some() {
                break;
            }
        }
        match resolved {
            Some((person, mention, cue)) => {
                assign(
                    &mut people,
                    quotes,
                    qi,
                    person,
                    mention,
                    cue.map(|c| c.span),
                );
                last_person = Some(person);
            }
            None if !attributed => {
                // News convention: a quotation with no attribution of its own continues the
                // speaker of the quotation before it in the same paragraph, or of the previous
                // paragraph's last quotation when this paragraph is only quotation.
                let source = prev_in_paragraph.or_else(|| {
                    let follows = qi > 0 && raw[qi - 1].paragraph + 1 == r.paragraph;
                    (follows && is_only_quotation(text, paragraph, raw, qi)).then(|| qi - 1)
                });
                // A quotation split by its attribution (“…,” X said. “…”) shares the cue that
                // stands between its parts.
                let shared_cue = prev_in_paragraph.and_then(|p| {
                    quotes[p]
                        .cue
                        .filter(|c| raw[p].outer.end <= c.start && c.end <= r.outer.start)
                });
                if let Some(person) = source.and_then(|p| quotes[p].speaker) {
                    if quotes[qi].kind != QuoteKind::Headline {
                        assign(&mut people, quotes, qi, person, None, shared_cue);
                    }
                }
            }
            None => {}
        }
    }
    headline_echoes(text, quotes);
    let index = index.get_or_insert_with(|| TextIndex::new(text, paragraphs));
    finish(index, people.list, quotes)
}

/// Whether a quotation follows a colon or a dash: a lead-in ("X was blunt: “…”").
fn lead_in(before: &[Token<'_>]) -> bool {
    before
        .last()
        .is_some_and(|t| matches!(t.text, ":" | "—" | "–"))
}

/// Whether the paragraph of quotation `qi`, its paragraph's first, holds nothing but quotations
/// (and punctuation). Called once per paragraph at most, so its scan stays linear overall.
fn is_only_quotation(text: &str, paragraph: Span, raw: &[RawQuote], qi: usize) -> bool {
    let index = raw[qi].paragraph;
    let mut cursor = paragraph.start;
    for q in raw[qi..].iter().take_while(|q| q.paragraph == index) {
        if text[cursor..q.outer.start]
            .chars()
            .any(char::is_alphanumeric)
        {
            return false;
        }
        cursor = q.outer.end;
    }
    !text[cursor..paragraph.end]
        .chars()
        .any(char::is_alphanumeric)
}

/// What [`resolve`] needs besides the subject.
struct Context<'a, 't> {
    text: &'t str,
    index: &'a mut Option<TextIndex<'t>>,
    last_person: Option<usize>,
    quote_start: usize,
    sentences: &'a [Sentence],
    paragraphs: &'a [Paragraph],
    raw: &'a [RawQuote],
}

/// A person's grammatical gender as the text shows it (a title, a gendered role).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// The gender a pronoun asks for.
fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match fold(pronoun).as_str() {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of the person called `name`, from a title before any mention of its last word
/// ("Mr. Trump", "Ms Park").
fn gender_of(index: &TextIndex<'_>, name: &str) -> Option<Gender> {
    let last = fold(name.split_whitespace().last()?);
    if let Some(&known) = index.genders.borrow().get(&last) {
        return known;
    }
    let gender = gender_by_title(index, &last);
    index.genders.borrow_mut().insert(last, gender);
    gender
}

/// [`gender_of`] worked out: the title before the first mentions of the folded word `last`.
fn gender_by_title(index: &TextIndex<'_>, last: &str) -> Option<Gender> {
    for &at in index.positions(last).iter().take(MAX_LOOKUPS) {
        let mut k = at as usize;
        while k > 0 && is_capitalised(&index.at(k - 1)) && !is_title_word(&index.at(k - 1)) {
            k -= 1;
        }
        if k > 0 && index.at(k - 1).text == "." {
            k -= 1;
        }
        let Some(title) = k.checked_sub(1).map(|k| fold(index.at(k).text)) else {
            continue;
        };
        match title.as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" | "father" | "spokesman" | "chairman"
            | "congressman" => return Some(Gender::Male),
            "ms" | "mrs" | "miss" | "dame" | "lady" | "queen" | "princess" | "spokeswoman"
            | "chairwoman" | "congresswoman" => return Some(Gender::Female),
            _ => {}
        }
    }
    None
}

/// Whether `name` may be a person: someone already quoted, or a name none of whose words marks a
/// body ("Liffey Review", "Corrigan Holdings", "Harbour Party").
fn plausible_person(people: &People, name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(fold).collect();
    let known = words.last().is_some_and(|w| {
        people.by_word.get(w).is_some_and(|list| {
            list.iter()
                .any(|&p| !people.list[p].described && people.list[p].words.contains(w))
        })
    });
    known
        || !words
            .iter()
            .any(|w| lexicon::role(w) == Some(lexicon::RoleNoun::Organisation))
}

/// Whether byte `at` lies inside a quotation.
fn inside_quote(raw: &[RawQuote], at: usize) -> bool {
    let i = raw.partition_point(|q| q.outer.end <= at);
    raw.get(i).is_some_and(|q| q.outer.start <= at)
}

/// The person a pronoun at byte `at` stands for: walking back sentence by sentence, the subject of
/// each sentence (a pronoun subject of the same gender carries on), else the first person named in
/// it outside quotations, when the gender agrees.
fn antecedent(
    context: &mut Context<'_, '_>,
    at: usize,
    gender: Option<Gender>,
    people: &People,
) -> Option<String> {
    let text = context.text;
    let index = context
        .index
        .get_or_insert_with(|| TextIndex::new(text, context.paragraphs));
    let current = sentence_at(context.sentences, at);
    let agrees = |name: &str| {
        (gender.is_none() || gender_of(index, name).is_none_or(|g| Some(g) == gender))
            && plausible_person(people, name)
    };
    for k in (current.saturating_sub(5)..current).rev() {
        let paragraph = context.sentences[k].paragraph;
        if context.paragraphs[paragraph].kind != ParagraphKind::Body {
            continue; // captions and bylines are not the story's thread
        }
        let span = context.sentences[k].span;
        // A sentence may end inside the dateline (".GT— …"): then nothing of it is left.
        let dateline_end = context.paragraphs[paragraph].dateline.map_or(0, |d| d.end);
        let from = span.start.max(dateline_end).min(span.end);
        let sentence = index.slice(index.first_from(from)..index.first_from(span.end));
        let sentence = sentence.as_slice();
        match sentence_subject(sentence, 0, sentence.len()) {
            Some(Subject::Name { name, span })
                if !inside_quote(context.raw, span.start) && agrees(&name) =>
            {
                return Some(name)
            }
            Some(Subject::Pronoun(p)) if pronoun_gender(p.slice(text)) == gender => continue,
            _ => {}
        }
        let mut i = 0;
        while i < sentence.len() {
            let t = &sentence[i];
            let titled = i > 0 && (is_title_word(&sentence[i - 1]) || sentence[i - 1].text == ".");
            if is_capitalised(t) && !inside_quote(context.raw, t.span.start) && (titled || i > 0) {
                if let Some((end, name)) = name_starting_at(&sentence, i) {
                    // A person, not a place or a body: titled ("Ms. Park"), already quoted, or
                    // given an age ("Ana Ruiz, 34,").
                    let aged = sentence.get(end + 1).is_some_and(|c| c.text == ",")
                        && sentence
                            .get(end + 2)
                            .is_some_and(|n| n.text.chars().all(|c| c.is_ascii_digit()));
                    let last = name.split_whitespace().last().map(fold).unwrap_or_default();
                    let known = titled || aged || people.by_word.contains_key(&last);
                    if known && agrees(&name) && !lexicon::sentence_starters().contains(t.text) {
                        return Some(name);
                    }
                    i = end + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
    None
}

/// Turns a subject into a person index, creating the person if needed. Returns the mention span
/// for names and pronouns.
fn resolve(
    mut context: Context<'_, '_>,
    window: &[Token<'_>],
    subject: &Subject,
    people: &mut People,
) -> Option<(usize, Option<Span>)> {
    match subject {
        Subject::Name { span, name } => {
            let text = context.text;
            // Paragraphs are sorted and disjoint: the one holding the name is found by halving
            // (a scan of them all for every quotation made attribution quadratic).
            let at = context
                .paragraphs
                .partition_point(|p| p.span.end <= span.start);
            let in_headline = context.paragraphs.get(at).is_some_and(|p| {
                p.kind == ParagraphKind::Headline
                    && p.span.start <= span.start
                    && span.end <= p.span.end
            });
            let index = context
                .index
                .get_or_insert_with(|| TextIndex::new(text, context.paragraphs));
            // In a title-case headline the capitals run on past the name ("Adair Unveils Lean
            // Budget"): keep the words the body also writes with a capital.
            let trimmed = if in_headline {
                Some(name_in_body(index, name))
            } else {
                None
            };
            let name = trimmed.as_deref().unwrap_or(name);
            // A bare surname stands for the first person the text named in full with it
            // ("Ellery" is Maud Ellery, introduced first, not her daughter Orla Ellery).
            let full = if name.split_whitespace().count() == 1 {
                first_full_name(index, name)
            } else {
                None
            };
            let name = full.as_deref().unwrap_or(name);
            Some((person_for(people, name), Some(*span)))
        }
        Subject::Pronoun(span) => {
            let gender = pronoun_gender(span.slice(context.text));
            if let Some(name) = antecedent(&mut context, span.start, gender, people) {
                // A bare surname, as above, is the first person named in full with it.
                let full = (name.split_whitespace().count() == 1)
                    .then(|| {
                        let text = context.text;
                        let index = context
                            .index
                            .get_or_insert_with(|| TextIndex::new(text, context.paragraphs));
                        first_full_name(index, &name)
                    })
                    .flatten();
                let name = full.as_deref().unwrap_or(&name);
                return Some((person_for(people, name), Some(*span)));
            }
            context.last_person.map(|p| (p, Some(*span)))
        }
        Subject::Relative(who) => {
            // "…, Trump, who had promised …": the name or description before ", who".
            let mut end = *who;
            while end > 0 && !window[end - 1].word {
                end -= 1;
            }
            if end == 0 {
                return None;
            }
            let subject = subject_before(window, 0, end)?;
            if matches!(subject, Subject::Relative(_)) {
                return None;
            }
            resolve(context, window, &subject, people)
        }
        Subject::Description { span, words } => {
            // The head noun: the last word, or the one before "for"/"of"… in "a spokesperson
            // for the Ministry of Health".
            let owner = words
                .iter()
                .position(|w| matches!(w.as_str(), "for" | "at" | "from" | "with" | "of"))
                .unwrap_or(words.len());
            let head = words[..owner].last()?;
            let organisation = lexicon::role(head) == Some(lexicon::RoleNoun::Organisation);
            let text = context.text;
            let index = context
                .index
                .get_or_insert_with(|| TextIndex::new(text, context.paragraphs));
            let named = introduced_as(index, words, context.quote_start)
                .or_else(|| {
                    (organisation && words.len() == 1)
                        .then(|| organisation_named(index, head, span.start))
                        .flatten()
                })
                .or_else(|| {
                    (!organisation)
                        .then(|| titled_as(index, head, span.start))
                        .flatten()
                })
                .or_else(|| {
                    (!organisation && words.len() <= 4)
                        .then(|| salient(&mut context, *span, people))
                        .flatten()
                });
            let person = match named {
                Some(name) => person_for(people, &name),
                None => {
                    // Nobody named: the description speaks ("the bus company", "a spokesperson
                    // for the town council").
                    let described = span.slice(text);
                    let described = ["the ", "The ", "a ", "A ", "an ", "An "]
                        .iter()
                        .find_map(|a| described.strip_prefix(a))
                        .unwrap_or(described);
                    described_person(
                        people,
                        &described.split_whitespace().collect::<Vec<_>>().join(" "),
                    )
                }
            };
            Some((person, Some(*span)))
        }
    }
}

/// The longest run of the first words of `name` that the body (the index leaves headlines out)
/// also writes with a capital; `name` itself when even its first word is not in the body.
fn name_in_body(index: &TextIndex<'_>, name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let known = words
        .iter()
        .take_while(|w| {
            index
                .positions(&fold(w))
                .iter()
                .any(|&i| is_capitalised(&index.at(i as usize)))
        })
        .count();
    if known == 0 {
        name.to_string()
    } else {
        words[..known].join(" ")
    }
}

/// The first name in the text of two or more words that ends with `surname`, without titles.
fn first_full_name(index: &TextIndex<'_>, surname: &str) -> Option<String> {
    if let Some(known) = index.full_names.borrow().get(surname) {
        return known.clone();
    }
    let full = index
        .positions(&fold(surname))
        .iter()
        .take(MAX_LOOKUPS)
        .map(|&at| at as usize)
        .filter(|&at| index.at(at).text == surname)
        .find_map(|at| {
            let (_, name) = name_ending_at(index, at)?;
            (name.split_whitespace().count() >= 2 && name.ends_with(surname)).then_some(name)
        });
    index
        .full_names
        .borrow_mut()
        .insert(surname.to_string(), full.clone());
    full
}

/// The body a one-word organisation description stands for ("the company" → the last
/// "Corrigan Holdings" before byte `before`): the nearest earlier capitalised name that ends with
/// an organisation word, or with `head` itself ("the council" → "Thornsby Town Council").
fn organisation_named(index: &TextIndex<'_>, head: &str, before: usize) -> Option<String> {
    let end = index.first_from(before);
    let generic = matches!(head, "company" | "firm" | "group" | "business");
    (end.saturating_sub(400)..end).rev().find_map(|at| {
        let t = &index.at(at);
        if !is_capitalised(t) || index.get(at + 1).as_ref().is_some_and(is_capitalised) {
            return None;
        }
        let last = fold(t.text);
        let fits = last == head
            || (generic && lexicon::role(&last) == Some(lexicon::RoleNoun::Organisation));
        if !fits {
            return None;
        }
        let (first, _) = name_ending_at(index, at)?;
        if first == at {
            return None;
        }
        // Without leading titles or modifiers ("Dallas-based Corrigan Holdings").
        name_from(index, first, at)
    })
}

/// The person a role word introduced by name: "leader Kim Jong-un", "Secretary of State Mike
/// Pompeo", "President Donald Trump" for `head` "leader", "secretary", "president" — the last such
/// introduction before byte `before`, else the first after it.
fn titled_as(index: &TextIndex<'_>, head: &str, before: usize) -> Option<String> {
    let mut found: Option<String> = None;
    for &at in index.positions(head).iter().take(MAX_LOOKUPS) {
        let at = at as usize;
        let mut k = at + 1;
        if index.get(k).is_some_and(|t| t.text == "of") {
            k += 2; // "Secretary of State"
        }
        let Some((_, name)) = name_starting_at(index, k) else {
            continue;
        };
        if index.get(k).is_some_and(|t| t.after_break) {
            continue;
        }
        let start = index.at(at).span.start;
        if start < before || found.is_none() {
            found = Some(name);
        }
        if start >= before {
            break;
        }
    }
    found
}

/// The person a definite description most likely stands for when the text never introduced anyone
/// with it: at the start of a sentence, the subject of the sentences before; elsewhere, the
/// person quoted most often so far who is not named in the same sentence.
fn salient(context: &mut Context<'_, '_>, span: Span, people: &People) -> Option<String> {
    let sentence = context.sentences[sentence_at(context.sentences, span.start)].span;
    if span.start == sentence.start {
        return antecedent(context, span.start, None, people);
    }
    let here = sentence.slice(context.text);
    people
        .list
        .iter()
        .filter(|p| !p.described && !p.speaker.mentions.is_empty())
        .filter(|p| {
            !p.words.iter().any(|w| {
                here.split(|c: char| !c.is_alphanumeric())
                    .any(|x| fold_cow(x) == w.as_str())
            })
        })
        .max_by_key(|p| p.speaker.mentions.len())
        .map(|p| p.speaker.name.clone())
}

/// The name that an earlier passage introduced with this description: for ["the", "north",
/// "korean", "leader"], the last "North Korean leader Kim Jong-un" before byte `before`.
fn introduced_as(index: &TextIndex<'_>, description: &[String], before: usize) -> Option<String> {
    let head: Vec<&str> = description
        .iter()
        .map(String::as_str)
        .filter(|w| !matches!(*w, "the" | "a" | "an"))
        .collect();
    let first = *head.first()?;
    let positions = index.positions(first);
    let earlier = positions.partition_point(|&i| index.at(i as usize).span.start < before);
    for &at in positions[..earlier].iter().rev().take(MAX_LOOKUPS) {
        let at = at as usize;
        let matches = head.iter().enumerate().all(|(k, h)| {
            index
                .get(at + k)
                .is_some_and(|t| t.word && fold_cow(t.text) == *h)
        });
        if !matches {
            continue;
        }
        let after = at + head.len();
        if let Some((last, name)) = name_starting_at(index, after) {
            if index.at(last).span.end <= before {
                return Some(name);
            }
        }
    }
    None
}

/// The person named `name`: the latest one whose words include all of this name's words (or the
/// reverse), else a new one.
fn person_for(people: &mut People, name: &str) -> usize {
    let words: Vec<String> = name.split_whitespace().map(fold).collect();
    let candidates: Vec<usize> = words
        .iter()
        .filter_map(|w| people.by_word.get(w))
        .flatten()
        .copied()
        .collect();
    // The crate's one sort (equal indices are alike, so its stability changes nothing).
    let candidates = order::sorted_by_key(candidates, &|&c| (order::key(c), 0));
    let found = candidates
        .into_iter()
        .rev()
        .find(|&i| {
            let p = &people.list[i];
            words.iter().all(|w| p.words.contains(w)) || p.words.iter().all(|w| words.contains(w))
        })
        .or_else(|| {
            // A near-miss spelling of the same name: "Kim Jung Un" / "Kim Jong-un",
            // "John Kowalczyk" / "Jon Kowalczyk".
            let letters = |ws: &[String]| -> Vec<char> {
                ws.iter()
                    .flat_map(|w| w.chars())
                    .filter(|c| c.is_alphabetic())
                    .collect()
            };
            let mine = letters(&words);
            let first_letter = |ws: &[String]| {
                ws.iter()
                    .flat_map(|w| w.chars())
                    .find(|c| c.is_alphabetic())
            };
            // Every person is looked at: the cheap tests come before the letters are gathered.
            people.list.iter().position(|p| {
                !p.described
                    && words.len() >= 2
                    && p.words.len() >= 2
                    && mine.first().copied() == first_letter(&p.words)
                    && near(&mine, &letters(&p.words))
            })
        });
    let near_miss = found.is_some_and(|i| {
        let p = &people.list[i];
        !(words.iter().all(|w| p.words.contains(w)) || p.words.iter().all(|w| words.contains(w)))
    });
    let index = match found {
        Some(i) => {
            if !near_miss && words.len() > people.list[i].words.len() {
                people.list[i].words = words.clone();
                people.list[i].speaker.name = name.to_string();
            }
            i
        }
        None => {
            people.list.push(Person {
                words: words.clone(),
                speaker: Speaker {
                    name: name.to_string(),
                    mentions: Vec::new(),
                    quotes: Vec::new(),
                },
                described: false,
            });
            people.list.len() - 1
        }
    };
    for w in words {
        let list = people.by_word.entry(w).or_default();
        if list.last() != Some(&index) && !list.contains(&index) {
            list.push(index);
        }
    }
    index
}

/// Whether two spellings differ by at most one edit (two for long names): insertion, deletion or
/// substitution of a letter.
fn near(a: &[char], b: &[char]) -> bool {
    let allowed = match a.len().min(b.len()) {
        0..=7 => return false,
        8..=13 => 1,
        _ => 2,
    };
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    // Banded edit distance.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut row = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            row[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        prev = row;
    }
    prev[b.len()] <= allowed
}

/// The person a description names when nobody was named ("bus company"): one per wording.
fn described_person(people: &mut People, name: &str) -> usize {
    if let Some(i) = people
        .list
        .iter()
        .position(|p| p.described && p.speaker.name == name)
    {
        return i;
    }
    people.list.push(Person {
        words: name.split_whitespace().map(fold).collect(),
        speaker: Speaker {
            name: name.to_string(),
            mentions: Vec::new(),
            quotes: Vec::new(),
        },
        described: true,
    });
    people.list.len() - 1
}

fn assign(
    people: &mut People,
    quotes: &mut [Quote],
    qi: usize,
    person: usize,
    mention: Option<Span>,
    cue: Option<Span>,
) {
    quotes[qi].speaker = Some(person);
    quotes[qi].cue = cue;
    if let Some(m) = mention {
        people.list[person].speaker.mentions.push(m);
    }
}

/// A headline quotation with no attribution takes the speaker of the body quotation that shares
/// most of its words (at least two, and three in five): headlines trim and reword what was said
/// ('Sometimes you walk away' for “sometimes you have to walk”).
fn headline_echoes(text: &str, quotes: &mut [Quote]) {
    let words_of = |q: &Quote| -> Vec<String> {
        let s = q.span.slice(text);
        word_spans(s).map(|w| fold(w.slice(s))).collect()
    };
    let mut echoes = Vec::new();
    for h in 0..quotes.len() {
        if quotes[h].kind != QuoteKind::Headline || quotes[h].speaker.is_some() {
            continue;
        }
        let needle = words_of(&quotes[h]);
        if needle.len() < 2 {
            continue;
        }
        let mut best: Option<(usize, usize)> = None; // (shared words, speaker)
        for q in quotes.iter().take(4096) {
            let (Some(speaker), QuoteKind::Direct | QuoteKind::Partial) = (q.speaker, q.kind)
            else {
                continue;
            };
            let hay = words_of(q);
            let shared = needle.iter().filter(|w| hay.contains(w)).count();
            if shared >= 2 && shared * 5 >= needle.len() * 3 && best.is_none_or(|(b, _)| shared > b)
            {
                best = Some((shared, speaker));
            }
        }
        if let Some((_, person)) = best {
            echoes.push((h, person));
        }
    }
    for (h, person) in echoes {
        quotes[h].speaker = Some(person);
    }
}

/// Orders speakers by their first quotation, renumbers quotes' speaker indices, and gives each
/// speaker the fullest form of its name found anywhere in the text.
fn finish(index: &TextIndex<'_>, people: Vec<Person>, quotes: &mut [Quote]) -> Vec<Speaker> {
    let mut order: Vec<Option<usize>> = vec![None; people.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut people: Vec<Option<Person>> = people.into_iter().map(Some).collect();
    for (qi, quote) in quotes.iter_mut().enumerate() {
        let Some(p) = quote.speaker else { continue };
        let index = match order[p] {
            Some(i) => i,
            None => {
                let person = people[p].take().expect("each person is taken once");
                let mut speaker = person.speaker;
                if !person.described {
                    speaker.name = fullest_name(index, &person.words).unwrap_or(speaker.name);
                }
                speaker.mentions = order::sorted_by_key(speaker.mentions, &|m| {
                    (order::key(m.start), order::key(m.end))
                });
                speaker.mentions.dedup();
                speakers.push(speaker);
                order[p] = Some(speakers.len() - 1);
                speakers.len() - 1
            }
        };
        quote.speaker = Some(index);
        speakers[index].quotes.push(qi);
    }
    speakers
}

/// The longest capitalised name in the text (at most four words) that holds all of `words`.
fn fullest_name(index: &TextIndex<'_>, words: &[String]) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for &at in index.positions(words.last()?).iter().take(MAX_LOOKUPS) {
        let Some((first, _)) = name_ending_at(index, at as usize) else {
            continue;
        };
        let Some((_, name)) = name_starting_at(index, first) else {
            continue;
        };
        let folded: Vec<String> = name.split_whitespace().map(fold).collect();
        let body = |ws: &[String]| {
            ws.iter()
                .any(|w| lexicon::role(w) == Some(lexicon::RoleNoun::Organisation))
        };
        if body(&folded) && !body(words) {
            continue; // "Corrigan Holdings" is not the fuller name of Mr Corrigan
        }
        let longer = best.as_ref().is_none_or(|(n, _)| folded.len() > *n);
        if folded.len() <= 4 && longer && words.iter().all(|w| folded.contains(w)) {
            best = Some((folded.len(), name));
        }
    }
    best.map(|(_, name)| name)
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, QuoteKind};

    fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
        let a = analyze(text, &Options::default());
        a.quotes
            .iter()
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.kind,
                    q.speaker.map(|s| a.speakers[s].name.clone()),
                    q.cue.map(|c| c.slice(text).to_string()),
                )
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        quotes(text).into_iter().map(|q| q.2).collect()
    }

    #[test]
    fn a_dateline_place_is_not_the_speaker() {
        let text = "GENEVA, Switzerland — President Harold Brandt left early, saying that “we will not sign blind”.";
        assert_eq!(speakers(text), [Some("Harold Brandt".to_string())]);
    }

    #[test]
    fn a_title_with_its_office_introduces_the_name_a_pronoun_refers_to() {
        let text = "Secretary of State Lorna Adeyemi stayed behind. “What is missing is sequencing,” she told reporters. Minister of Foreign Affairs Tomas Vell left. “We are done,” he said.";
        assert_eq!(
            speakers(text),
            [
                Some("Lorna Adeyemi".to_string()),
                Some("Tomas Vell".to_string())
            ]
        );
    }

    #[test]
    fn a_split_quotation_shares_the_cue_between_its_parts() {
        let q = quotes("“We tried,” Ana Ruiz said. “It was not enough.”\n\n“Next year.”");
        let cues: Vec<Option<&str>> = q.iter().map(|q| q.3.as_deref()).collect();
        assert_eq!(cues, [Some("said"), Some("said"), None]);
        assert!(q.iter().all(|q| q.2.as_deref() == Some("Ana Ruiz")));
    }

    #[test]
    fn title_case_headline_words_are_not_part_of_a_name() {
        let text = "Adair Unveils Lean Budget: “Not One Cent for Waste”\n\n\
                    Finance Minister Rosa Adair presented the budget on Monday. “Not one cent \
                    for waste,” Adair said.";
        assert_eq!(
            speakers(text),
            [Some("Rosa Adair".into()), Some("Rosa Adair".into())]
        );
    }

    #[test]
    fn a_pronoun_after_a_bare_surname_is_the_person_first_named_in_full() {
        let text = "Maud Ellery died on Saturday. Her daughter, Orla Ellery, said: “She was \
                    tireless.”\n\nEllery recalled the first day.\n\n“We had one camera,” \
                    she recalled.";
        assert_eq!(
            speakers(text),
            [Some("Orla Ellery".into()), Some("Maud Ellery".into())]
        );
    }

    #[test]
    fn an_owner_description_speaks_for_itself() {
        let text = "By Amina Gathoni, Health Correspondent\n\nA spokesperson for the Ministry \
                    of Health said the results were “very promising”.";
        assert_eq!(
            speakers(text),
            [Some("spokesperson for the Ministry of Health".into())]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        let q = quotes("“We couldn’t, and the leaders’ ’90s rock ’n’ roll won’t,” she said.");
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].0,
            "We couldn’t, and the leaders’ ’90s rock ’n’ roll won’t,"
        );
    }

    #[test]
    fn split_quote_keeps_its_speaker() {
        let q = quotes("“First part,” Ana Ruiz said. “Second part.”");
        assert_eq!(q[0].2.as_deref(), Some("Ana Ruiz"));
        assert_eq!(q[1].2.as_deref(), Some("Ana Ruiz"));
        assert_eq!(q[1].3.as_deref(), Some("said"));
    }

    #[test]
    fn inverted_and_colon_attributions() {
        let q = quotes("“It is over,” said Judge Mara Holt.\n\nMs. Holt added: “We are done.”");
        assert_eq!(q[0].2.as_deref(), Some("Mara Holt"));
        assert_eq!(q[0].3.as_deref(), Some("said"));
        assert_eq!(q[1].2.as_deref(), Some("Mara Holt"));
        assert_eq!(q[1].3.as_deref(), Some("added"));
    }

    #[test]
    fn pronoun_takes_the_last_speaker() {
        let q = quotes("Tom Reyes said it was “fine”.\n\n“We will see,” he said.");
        assert_eq!(q[0].1, QuoteKind::Partial);
        assert_eq!(q[1].2.as_deref(), Some("Tom Reyes"));
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let text = "She said “this never ends\n\nNext paragraph.";
        let a = analyze(text, &Options::default());
        assert_eq!(a.quotes[0].span.slice(text), "this never ends");
        assert_eq!(a.diagnostics.len(), 1);
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "“One two,” Lee said. “Three\n\n“Four.”";
        let a = analyze(text, &Options::default());
        assert_eq!(a.quotes.len(), 3);
        assert_eq!(a.quotes[2].continues, Some(1));
        assert_eq!(a.quotes[2].speaker, a.quotes[0].speaker);
        assert!(a.diagnostics.is_empty());
    }

    #[test]
    fn a_clause_after_a_conjunction_has_its_own_speaker() {
        let q = quotes("Brandt declared it “not a bad idea” and Maren called it “welcome”.");
        assert_eq!(q[0].2.as_deref(), Some("Brandt"));
        assert_eq!(q[0].3.as_deref(), Some("declared"));
        assert_eq!(q[1].2.as_deref(), Some("Maren"));
    }

    #[test]
    fn a_participle_after_the_quote_is_not_an_inverted_attribution() {
        let q = quotes(
            "Talks ended, with Mr. Brandt saying that “this was one of those times”, explaining he wanted more.",
        );
        assert_eq!(q[0].2.as_deref(), Some("Brandt"));
        assert_eq!(q[0].3.as_deref(), Some("saying"));
    }

    #[test]
    fn a_name_keeps_its_dotted_initials() {
        let q = quotes("“I had never cried in a courtroom,” J.R. Hollis told reporters.");
        assert_eq!(q[0].2.as_deref(), Some("J.R. Hollis"));
    }

    #[test]
    fn terms_have_no_speaker() {
        let q = quotes("The so-called “experts” were wrong, Lee said.");
        assert_eq!(q[0].1, QuoteKind::Term);
        assert_eq!(q[0].2, None);
    }
}
