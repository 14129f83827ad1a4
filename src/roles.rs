//! Paragraph roles: which paragraphs are the article's body and which are the furniture around
//! it (headline, byline, captions and credits, page meta, repeated lines), and the dateline that
//! opens the body.
//!
//! Roles come first from markup hints (an `<h1>`, a `<figcaption>`, a line wholly in `<em>`),
//! then from the shape of each line, using the word groups of `data/furniture.txt`:
//! - caption: "Name, Agency | description", a line ending in an agency credit such as "(AP)",
//!   a line starting "Photo:" or "Pictured:";
//! - byline: "By Jane Doe", "Jane Doe, Staff Writer";
//! - meta: reading time ("3-min read"), copyright ("©", "(c)", "Copyright"), a job title alone
//!   ("·Freelance Writer"), a date alone, sharing and promotion lines ("Share this article");
//! - duplicate: the same text as the paragraph right before it;
//! - headline: a heading hint, or a first paragraph that is one short line without final
//!   punctuation.
//!
//! A paragraph made of several lines is split into one paragraph per line when one of its lines
//! has such a role, so that a caption line does not drag its neighbours out of the body.

use crate::clean::edit::{Hint, Role};
use crate::lexicon::{self, Furniture};
use crate::paragraph::{self, is_closer, lines, trim, FloorCharBoundary};
use crate::words::{fold, fold_cow, word_spans};
use crate::{Paragraph, ParagraphKind, Span};

/// Splits paragraphs whose lines have different roles, then sets every paragraph's kind and the
/// body's dateline.
pub(crate) fn assign(text: &str, paragraphs: Vec<Paragraph>, hints: &[Hint]) -> Vec<Paragraph> {
    let furniture = lexicon::furniture();
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        split_lines(text, p, hints, furniture, &mut out);
    }
    let mut previous: Option<&str> = None;
    let mut kinds = Vec::with_capacity(out.len());
    for p in &out {
        let s = p.span.slice(text);
        let kind = if previous.is_some_and(|prev| same_words(prev, s)) {
            ParagraphKind::Duplicate
        } else {
            match hint_role(hints, p.span) {
                Some(Role::Heading(0 | 1)) => ParagraphKind::Headline,
                Some(Role::Caption) => ParagraphKind::Caption,
                Some(Role::Byline) => ParagraphKind::Byline,
                _ => line_kind(s, furniture).unwrap_or(ParagraphKind::Body),
            }
        };
        kinds.push(kind);
        previous = Some(s);
    }
    // A plain-text headline: the first paragraph that is not furniture, when it is one short
    // line without final punctuation and more paragraphs follow.
    let has_heading_hint = hints.iter().any(|h| matches!(h.role, Role::Heading(0 | 1)));
    if !has_heading_hint && out.len() > 1 {
        if let Some(first) = kinds.iter().position(|k| *k == ParagraphKind::Body) {
            let before_is_furniture = kinds[..first].iter().all(|k| {
                matches!(
                    k,
                    ParagraphKind::Meta | ParagraphKind::Byline | ParagraphKind::Caption
                )
            });
            let title = out[first].span.slice(text);
            let followed = out.len() > first + 2
                || out
                    .get(first + 1)
                    .is_some_and(|next| next.span.len() > out[first].span.len());
            if before_is_furniture && followed && is_title_line(title) && !has_inner_stop(title) {
                kinds[first] = ParagraphKind::Headline;
            }
        }
    }
    for (p, kind) in out.iter_mut().zip(&kinds) {
        p.kind = *kind;
    }
    if let Some(first_body) = out.iter_mut().find(|p| p.kind == ParagraphKind::Body) {
        first_body.dateline = dateline(text, first_body.span);
    }
    out
}

/// Pushes `p`, or one paragraph per line when some line of it has a role of its own and the line
/// breaks around it are not hard-wrapping.
fn split_lines(
    text: &str,
    p: Paragraph,
    hints: &[Hint],
    furniture: &Furniture,
    out: &mut Vec<Paragraph>,
) {
    let slice = p.span.slice(text);
    if !slice.contains('\n') {
        out.push(p);
        return;
    }
    let spans: Vec<Span> = lines(slice)
        .map(|l| {
            trim(
                text,
                Span::new(p.span.start + l.start, p.span.start + l.end),
            )
        })
        .filter(|l| !l.is_empty())
        .collect();
    // Each line's role is judged once: a line with a role (or a repeat of the line before)
    // stands alone.
    let own_role: Vec<bool> = spans
        .iter()
        .map(|l| {
            hint_role(hints, *l).is_some_and(|r| r != Role::Blockquote)
                || line_kind(l.slice(text), furniture).is_some()
        })
        .collect();
    let alone: Vec<bool> = (0..spans.len())
        .map(|i| {
            own_role[i] || (i > 0 && same_words(spans[i - 1].slice(text), spans[i].slice(text)))
        })
        .collect();
    if !alone.contains(&true) {
        out.push(p);
        return;
    }
    // Other lines stay together while their breaks read as hard-wrapping.
    let mut current: Option<Span> = None;
    for (i, l) in spans.iter().enumerate() {
        let alone = alone[i];
        let joins = !alone
            && current.is_some()
            && i > 0
            && !own_role[i - 1]
            && paragraph::is_soft_break(spans[i - 1].slice(text), l.slice(text), false);
        if joins {
            current = current.map(|c| Span::new(c.start, l.end));
            continue;
        }
        if let Some(c) = current.take() {
            out.push(Paragraph::new(c));
        }
        if alone {
            out.push(Paragraph::new(*l));
        } else {
            current = Some(*l);
        }
    }
    if let Some(c) = current {
        out.push(Paragraph::new(c));
    }
}

/// The role of the hint that covers most of `span`, if any covers at least half of it.
fn hint_role(hints: &[Hint], span: Span) -> Option<Role> {
    let i = hints.partition_point(|h| h.range.end <= span.start);
    hints[i..]
        .iter()
        .take_while(|h| h.range.start < span.end)
        .find(|h| {
            let overlap = h.range.end.min(span.end) - h.range.start.max(span.start);
            overlap * 2 >= span.len()
        })
        .map(|h| h.role)
}

/// Whether two paragraphs hold the same words (case and spacing aside).
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    a.len().abs_diff(b.len()) <= a.len() / 8 + 2 && {
        let wa = words(a);
        !wa.is_empty() && wa == words(b)
    }
}

/// Whether a paragraph looks like a title: one short line without final sentence punctuation.
pub(crate) fn is_title_line(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_end_matches(|c: char| !c.is_alphanumeric() && !".?!".contains(c));
    !paragraph.contains('\n')
        && !trimmed.ends_with(['.', '?', '!'])
        && word_spans(paragraph).count() <= 25
}

/// Whether a line holds the end of a sentence before its last word: `. `, `? ` or `! ` followed by
/// a capital or an opening quotation mark.
fn has_inner_stop(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(3).enumerate().any(|(i, w)| {
        matches!(w[0], b'.' | b'?' | b'!')
            && w[1] == b' '
            && line[i + 2..].starts_with(|c: char| c.is_uppercase() || "“‘\"'".contains(c))
            && !line[..i].ends_with(|c: char| c.is_uppercase())
            && !lexicon::abbreviations()
                .contains_key(line[..i].rsplit([' ', '.']).next().unwrap_or(""))
    })
}

/// The role of one line judged by its shape alone, or `None` for body text.
fn line_kind(line: &str, furniture: &Furniture) -> Option<ParagraphKind> {
    let line = line.trim();
    if line.contains('\n') {
        return None;
    }
    let bare = line.trim_start_matches(['·', '•', '▪', '|', '-', '–', '—', '*', ' ', '\t']);
    // Called for every paragraph, so nothing is allocated for the words but the folded lead
    // below. No rule counts past 20 words, and a line that surely has more needs only its first
    // four: `count` is the number of words, capped at 21.
    let long = more_words_than(bare, 20);
    let mut spans = [Span::new(0, 0); 21];
    let mut count = 0;
    for (slot, w) in spans
        .iter_mut()
        .zip(word_spans(bare))
        .take(if long { 4 } else { 21 })
    {
        *slot = w;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let spans = &spans[..count];
    if long {
        count = 21;
    }
    let word = |i: usize| fold_cow(spans[i].slice(bare));
    // The first four words folded and joined by spaces, and where each run of them ends.
    let mut lead_text = String::new();
    let mut lead_ends = [0; 4];
    for (i, end) in lead_ends.iter_mut().enumerate().take(count) {
        if i > 0 {
            lead_text.push(' ');
        }
        lead_text.push_str(&word(i));
        *end = lead_text.len();
    }
    // The first `n` (1 to 4) words, folded and joined.
    let lead = |n: usize| &lead_text[..lead_ends[n.min(count) - 1]];
    let starts_with = |set: &std::collections::HashSet<&str>| {
        (1..=4).rev().any(|n| n <= count && set.contains(lead(n)))
    };
    let after_lead = |n: usize| {
        spans
            .get(n.saturating_sub(1))
            .map(|w| bare[w.end..].trim_start())
    };

    // Copyright and credit lines.
    if bare.starts_with(['©', '℗'])
        || bare.starts_with("(c)")
        || bare.starts_with("(C)")
        || word(0) == "copyright"
    {
        return Some(ParagraphKind::Meta);
    }
    // Reading time: "3-min read", "5 minute read".
    if count <= 4
        && spans
            .iter()
            .any(|w| w.slice(bare).bytes().any(|c| c.is_ascii_digit()))
        && word(count - 1) == "read"
    {
        return Some(ParagraphKind::Meta);
    }
    // A job title alone: "·Freelance Writer".
    if count <= 4 && furniture.role.contains(lead(count)) {
        return Some(ParagraphKind::Meta);
    }
    // Bylines: "By Jane Doe", "By Jane Doe and Ali Khan, Staff Writers".
    if word(0) == "by" && (2..=12).contains(&count) && !ends_terminal_sentence(bare) {
        let capitalised = spans[1..]
            .iter()
            .filter(|w| bare[w.start..].starts_with(char::is_uppercase))
            .count();
        if capitalised * 2 >= count - 1 {
            return Some(ParagraphKind::Byline);
        }
    }
    // "Jane Doe, Political Correspondent".
    if let Some((name, role)) = bare.rsplit_once(", ") {
        if name.starts_with(char::is_uppercase)
            && !more_words_than(name, 4)
            && (1..=4).contains(&word_spans(name).take(5).count())
        {
            let role_words: Vec<String> = word_spans(role)
                .take(5)
                .map(|w| fold(w.slice(role)))
                .collect();
            if furniture.role.contains(role_words.join(" ").as_str()) {
                return Some(ParagraphKind::Byline);
            }
        }
    }
    // Captions and credits.
    if let Some((credit, _)) = bare.split_once(" | ") {
        let credit_words: Vec<String> = word_spans(credit)
            .take(9)
            .map(|w| fold(w.slice(credit)))
            .collect();
        if (1..=8).contains(&credit_words.len())
            && (credit.contains(',')
                || credit_words
                    .iter()
                    .any(|w| furniture.agency.contains(w.as_str())))
        {
            return Some(ParagraphKind::Caption);
        }
    }
    if ends_with_agency_credit(line, furniture) {
        return Some(ParagraphKind::Caption);
    }
    if starts_with(&furniture.caption) {
        let n = (1..=4)
            .rev()
            .find(|&n| n <= count && furniture.caption.contains(lead(n)))
            .unwrap_or(1);
        if after_lead(n).is_some_and(|rest| rest.starts_with(':') || rest.starts_with("by ")) {
            return Some(ParagraphKind::Caption);
        }
    }
    // Page furniture: "Updated 4 March 2025", "Share this article", "Read more: …".
    if count <= 20 && (count <= 8 || line.contains(':')) && starts_with(&furniture.meta) {
        return Some(ParagraphKind::Meta);
    }
    // A date alone: "March 4, 2025", "Tue 4 Mar 2025 14.02 GMT".
    let time_words = lexicon::time_words();
    if count > 8 {
        return None;
    }
    let words: Vec<_> = (0..count).map(word).collect();
    if words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        && words.iter().all(|w| {
            // The lists hold capitalised names ("June", "Tue").
            let mut name: String = w.trim_end_matches('.').to_string();
            if let Some(first) = name.get(..1) {
                name.replace_range(..1, &first.to_uppercase());
            }
            w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
                || time_words.contains(name.as_str())
                || lexicon::abbreviations().get(name.as_str())
                    == Some(&lexicon::Abbreviation::Month)
                || matches!(w.as_ref(), "am" | "pm" | "gmt" | "bst" | "utc")
        })
    {
        return Some(ParagraphKind::Meta);
    }
    None
}

/// Whether `line` surely has more than `n` words, found without segmenting it: more than `n`
/// runs of non-white-space hold an ASCII letter or digit, and each such run holds at least one
/// word (UAX #29 never joins a letter or digit to white space, nor leaves it outside a word).
fn more_words_than(line: &str, n: usize) -> bool {
    let mut runs = 0;
    let mut in_run = false;
    for b in line.bytes() {
        if b.is_ascii_whitespace() {
            in_run = false;
        } else if !in_run && b.is_ascii_alphanumeric() {
            in_run = true;
            runs += 1;
            if runs > n {
                return true;
            }
        }
    }
    false
}

/// Whether a line ends with a full sentence: a final period after a lower-case word.
fn ends_terminal_sentence(line: &str) -> bool {
    let line = line.trim_end().trim_end_matches(is_closer);
    line.ends_with(['!', '?'])
        || (line.ends_with('.')
            && line[..line.len() - 1]
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.len() > 2 && w.starts_with(char::is_lowercase)))
}

/// Whether a line ends with a parenthesised credit such as "(AP)", "(Getty Images)" or
/// "(AP Photo/Jane Doe)" and no final punctuation.
fn ends_with_agency_credit(line: &str, furniture: &Furniture) -> bool {
    let Some(inner) = line.trim_end().strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let group = &inner[open + 1..];
    let before = inner[..open].trim_end();
    let words: Vec<String> = word_spans(group).map(|w| fold(w.slice(group))).collect();
    if words.is_empty() || words.len() > 6 || before.is_empty() {
        return false;
    }
    let agency = (1..=2)
        .rev()
        .any(|n| n <= words.len() && furniture.agency.contains(words[..n].join(" ").as_str()));
    let shouting = group.len() <= 8
        && group
            .chars()
            .all(|c| c.is_uppercase() || c == '/' || c == ' ')
        && group.chars().filter(|c| c.is_uppercase()).count() >= 2;
    (agency || shouting) && !before.ends_with(['.', '!', '?'])
}

/// The dateline that opens a body paragraph: "HANOI –", "NAIROBI, Kenya (Reuters) —",
/// "WASHINGTON (AP) -": capitals, then optionally a comma and a region, a parenthesised agency,
/// and a dash. The span runs from the paragraph's start to the end of the dash.
fn dateline(text: &str, paragraph: Span) -> Option<Span> {
    let s = paragraph.slice(text);
    let head = &s[..s.floor_char_boundary_compat(80)];
    let (dash_at, dash_len) = ["–", "—", " - ", "--"]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, d.len())))
        .min()?;
    let prefix = head[..dash_at].trim_end();
    let (place, rest) = match prefix.find([',', '(']) {
        Some(i) => (&prefix[..i], &prefix[i..]),
        None => (prefix, ""),
    };
    let place = place.trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = letters >= 2
        && place
            .chars()
            .all(|c| c.is_uppercase() || " .'-".contains(c));
    // After the place: ", Kenya", ", March 4", "(Reuters)": a few words, no sentence.
    if !capitals || rest.split_whitespace().count() > 6 || rest.contains(['!', '?']) {
        return None;
    }
    let end = paragraph.start + dash_at + dash_len;
    let end = paragraph.start + s[..end - paragraph.start].trim_end().len();
    Some(Span::new(paragraph.start, end))
}

#[cfg(test)]
mod tests {
    use super::more_words_than;
    use crate::words::word_spans;

    /// The fast test must never say "more than n" of a line with n words or fewer.
    fn check(line: &str) {
        let words = word_spans(line).count();
        for n in [4, 20] {
            if more_words_than(line, n) {
                assert!(words > n, "{line:?} has {words} words, not more than {n}");
            }
        }
    }

    #[test]
    fn more_words_than_is_a_lower_bound_of_the_word_count() {
        let pieces = [
            "a",
            "Bb",
            "9",
            "—",
            "-",
            "well-known",
            "U.S.",
            "x,y",
            "’n’",
            "“Yes,”",
            "é",
            "日本",
            "½",
            "...",
            "a-",
            "-b",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{a0}",
            "\u{200b}",
            "'",
            "(c)",
        ];
        let mut next = crate::seeded::numbers(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let mut line = String::new();
            for _ in 0..next(60) {
                line.push_str(pieces[next(pieces.len())]);
                if next(2) == 0 {
                    line.push(' ');
                }
            }
            check(&line);
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("readable");
            text.lines().for_each(check);
        }
        // Exactly 20 and 21 words.
        assert!(!more_words_than(&"word ".repeat(20), 20));
        assert!(more_words_than(&"word ".repeat(21), 20));
        assert!(!more_words_than("Jane Q. Doe-Smith Jr", 4));
        assert!(more_words_than("a b c d e", 4));
    }
}
