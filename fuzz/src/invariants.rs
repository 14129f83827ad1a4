//! Invariants of an analysis that hold for any input, checked by the fuzz targets and by the
//! property and hostile-input tests (`tests/properties.rs` and `tests/hostile.rs` include this
//! file), so that the three agree on what "correct" means.
//!
//! Every check panics with a message naming the broken invariant. Each is linear in the input
//! (sentences and quotations are walked in order, UTF-16 offsets come from one prefix table), so
//! a 10 MB text is checked in about the time it takes to analyse it.

use article_analyzer::schema::Public;
use article_analyzer::{analyze, Analysis, Options, ParagraphKind, Scope, Span};

/// Analyses `input` with `options` and checks every invariant of the result; returns it for
/// further checks.
pub fn analyze_checked(input: &str, options: &Options) -> Analysis {
    let analysis = analyze(input, options);
    check(input, options, &analysis);
    analysis
}

/// Checks every invariant of `a`, the analysis of `input` with `options`.
pub fn check(input: &str, options: &Options, a: &Analysis) {
    check_core(options, a);
    check_cleaning(input, a);
    check_public(input, a);
}

fn on_boundary(text: &str, at: usize) -> bool {
    at <= text.len() && text.is_char_boundary(at)
}

/// A span of `text` that is well formed: in order, inside the text, on character boundaries.
fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} lies inside the text ({} bytes)",
        text.len()
    );
    assert!(
        on_boundary(text, span.start) && on_boundary(text, span.end),
        "{what} {span:?} is on character boundaries"
    );
}

fn is_trimmed(s: &str) -> bool {
    s.trim() == s
}

/// Whether the counts take in paragraphs of `kind` under `scope`.
fn counted(kind: ParagraphKind, scope: Scope) -> bool {
    scope == Scope::All || kind == ParagraphKind::Body
}

/// Invariants of the core result: byte spans into the cleaned text (`Analysis::text`).
pub fn check_core(options: &Options, a: &Analysis) {
    let text = a.text.as_str();

    // Paragraphs: non-empty, trimmed, sorted and disjoint.
    let mut prev_end = 0;
    for (i, p) in a.paragraphs.iter().enumerate() {
        assert_span(text, p.span, "paragraph");
        assert!(p.span.start < p.span.end, "paragraph {i} is not empty");
        assert!(
            p.span.start >= prev_end,
            "paragraph {i} starts after the one before ends"
        );
        assert!(
            is_trimmed(p.span.slice(text)),
            "paragraph {i} is trimmed: {:?}",
            p.span.slice(text)
        );
        if let Some(d) = p.dateline {
            assert_span(text, d, "dateline");
            assert!(p.span.contains(d), "the dateline lies in its paragraph");
        }
        prev_end = p.span.end;
    }

    // Sentences: each non-empty, trimmed, inside its paragraph; sorted and disjoint; together
    // they hold every non-whitespace character of their paragraph.
    let mut prev_end = 0;
    let mut prev_paragraph = 0;
    for (i, s) in a.sentences.iter().enumerate() {
        assert_span(text, s.span, "sentence");
        assert!(s.span.start < s.span.end, "sentence {i} is not empty");
        assert!(
            s.span.start >= prev_end,
            "sentence {i} starts after the one before ends"
        );
        let paragraph = a
            .paragraphs
            .get(s.paragraph)
            .unwrap_or_else(|| panic!("sentence {i} names paragraph {}", s.paragraph));
        assert!(
            paragraph.span.contains(s.span),
            "sentence {i} lies in its paragraph"
        );
        assert!(
            s.paragraph >= prev_paragraph,
            "sentence {i}: paragraphs in order"
        );
        assert!(
            is_trimmed(s.span.slice(text)),
            "sentence {i} starts and ends on non-whitespace"
        );
        prev_end = s.span.end;
        prev_paragraph = s.paragraph;
    }
    let mut next = 0;
    for (pi, p) in a.paragraphs.iter().enumerate() {
        let mut covered_to = p.span.start;
        while next < a.sentences.len() && a.sentences[next].paragraph == pi {
            let s = a.sentences[next].span;
            assert_blank(text, Span::new(covered_to, s.start), pi);
            covered_to = s.end;
            next += 1;
        }
        assert_blank(text, Span::new(covered_to, p.span.end), pi);
    }

    // Quotations: the quoted words inside the marks, inside one paragraph; sorted and disjoint
    // (nested quotations are part of their outer one); cross references in range.
    let mut prev_end = 0;
    for (i, q) in a.quotes.iter().enumerate() {
        assert_span(text, q.span, "quotation");
        assert_span(text, q.outer, "quotation with its marks");
        assert!(
            !q.span.is_empty(),
            "quotation {i} holds words: {:?}",
            q.outer.slice(text)
        );
        assert!(
            q.outer.contains(q.span),
            "quotation {i}: the words lie inside the marks"
        );
        assert!(
            q.outer.start >= prev_end,
            "quotation {i} starts after the one before ends"
        );
        assert!(
            is_trimmed(q.span.slice(text)),
            "quotation {i} is trimmed: {:?}",
            q.span.slice(text)
        );
        let holder = a
            .paragraphs
            .partition_point(|p| p.span.start <= q.outer.start)
            .checked_sub(1);
        assert!(
            holder.is_some_and(|p| a.paragraphs[p].span.contains(q.outer)),
            "quotation {i} {:?} lies inside one paragraph",
            q.outer
        );
        let sentence = a
            .sentences
            .get(q.sentence)
            .unwrap_or_else(|| panic!("quotation {i} names sentence {}", q.sentence));
        assert!(
            sentence.span.start <= q.outer.start && q.outer.start < sentence.span.end,
            "quotation {i} starts in its sentence {}",
            q.sentence
        );
        if let Some(s) = q.speaker {
            let speaker = a
                .speakers
                .get(s)
                .unwrap_or_else(|| panic!("quotation {i} names speaker {s}"));
            assert!(
                speaker.quotes.contains(&i),
                "speaker {s} lists quotation {i}"
            );
        }
        if let Some(c) = q.continues {
            assert!(c < i, "quotation {i} continues an earlier one ({c})");
        }
        if let Some(cue) = q.cue {
            assert_span(text, cue, "cue");
            assert!(!cue.is_empty(), "quotation {i} has a non-empty cue");
        }
        prev_end = q.outer.end;
    }

    // Speakers: named, with quotations that point back, mentions in text order.
    for (si, sp) in a.speakers.iter().enumerate() {
        assert!(!sp.name.trim().is_empty(), "speaker {si} has a name");
        assert!(!sp.quotes.is_empty(), "speaker {si} has a quotation");
        assert!(
            sp.quotes.windows(2).all(|w| w[0] < w[1]),
            "speaker {si}: quotations in text order"
        );
        for &qi in &sp.quotes {
            assert_eq!(
                a.quotes.get(qi).and_then(|q| q.speaker),
                Some(si),
                "quotation {qi} points back to speaker {si}"
            );
        }
        for &m in &sp.mentions {
            assert_span(text, m, "mention");
            assert!(!m.is_empty(), "speaker {si}: mentions are not empty");
        }
        assert!(
            sp.mentions.windows(2).all(|w| w[0].start <= w[1].start),
            "speaker {si}: mentions in text order"
        );
    }

    // Repairs and diagnostics point into the text, in order.
    for pair in a.repairs.windows(2) {
        assert!(
            pair[0].span.start <= pair[1].span.start,
            "repairs in text order"
        );
    }
    for r in &a.repairs {
        assert_span(text, r.span, "repair");
    }
    for d in &a.diagnostics {
        assert_span(text, d.span, "diagnostic");
        assert!(
            !d.message.is_empty(),
            "diagnostic {:?} has a message",
            d.code
        );
    }
    assert!(
        a.diagnostics
            .windows(2)
            .all(|w| (w[0].span.start, w[0].span.end) <= (w[1].span.start, w[1].span.end)),
        "diagnostics sorted by position"
    );

    // Counts agree with the structure they count.
    let scope = options.scope;
    let counted_paragraphs = a
        .paragraphs
        .iter()
        .filter(|p| counted(p.kind, scope))
        .count();
    assert_eq!(a.stats.paragraphs, counted_paragraphs, "paragraph count");
    let counted_sentences = a
        .sentences
        .iter()
        .filter(|s| counted(a.paragraphs[s.paragraph].kind, scope))
        .count();
    assert_eq!(a.stats.sentences, counted_sentences, "sentence count");
    assert!(a.stats.unique_words <= a.stats.words, "unique <= words");
    let counted_chars: usize = a
        .paragraphs
        .iter()
        .filter(|p| counted(p.kind, scope))
        .map(|p| p.span.slice(text).chars().count())
        .sum();
    assert!(
        a.stats.characters <= counted_chars,
        "graphemes ({}) <= code points ({counted_chars})",
        a.stats.characters
    );
    assert!(
        a.stats.words <= counted_chars,
        "words ({}) <= code points ({counted_chars})",
        a.stats.words
    );
}

/// `text[span]` holds only whitespace: nothing of paragraph `p` is outside its sentences.
fn assert_blank(text: &str, span: Span, p: usize) {
    let gap = span.slice(text);
    assert!(
        gap.chars().all(char::is_whitespace),
        "paragraph {p}: {gap:?} at {span:?} belongs to no sentence"
    );
}

/// Cleaning never loses or garbles text: every cleaned character outside a repair comes from the
/// same character of the input (or is whitespace standing for markup or a line ending); mapped
/// spans lie on the input's character boundaries, in order.
pub fn check_cleaning(input: &str, a: &Analysis) {
    let text = a.text.as_str();
    if a.offsets.is_identity() {
        assert_eq!(text, input, "an identity map means the text is unchanged");
        assert!(a.repairs.is_empty(), "no repairs without changes");
        return;
    }
    for r in &a.repairs {
        let source = a.offsets.source(r.span);
        assert_span(input, source, "repair source");
    }
    // Walk the cleaned text; skip the repairs (sorted by start).
    let mut repairs = a.repairs.iter().map(|r| r.span).peekable();
    let mut prev_start = 0;
    for (i, c) in text.char_indices() {
        while repairs.peek().is_some_and(|r| r.end <= i) {
            repairs.next();
        }
        let span = Span::new(i, i + c.len_utf8());
        let mapped = a.offsets.span(span);
        assert_span(input, mapped, "mapped character");
        assert!(
            mapped.start >= prev_start,
            "cleaned character {c:?} at {i} maps back in order"
        );
        prev_start = mapped.start;
        if repairs.peek().is_some_and(|r| r.start <= i) || c.is_whitespace() {
            continue;
        }
        assert_eq!(
            mapped.slice(input),
            c.encode_utf8(&mut [0; 4]),
            "cleaned character {c:?} at {i} comes from the same input character"
        );
    }
    // Plain ASCII without markup or references: only controls and line endings change.
    if input.is_ascii() && !input.contains(['<', '&']) {
        assert_eq!(
            text,
            normalize_ascii(input),
            "ASCII text keeps every character"
        );
    }
}

/// What cleaning makes of ASCII text without markup: `\r\n`, `\r`, vertical tab and form feed
/// become `\n`; other controls but tab and `\n` become spaces.
fn normalize_ascii(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{b}' | '\u{c}' => out.push('\n'),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The UTF-16 offset of every byte offset of `text` that is a character boundary (a naive
/// reference for `Utf16Index`); other entries are `usize::MAX`.
fn utf16_table(text: &str) -> Vec<usize> {
    let mut table = vec![usize::MAX; text.len() + 1];
    let mut units = 0;
    for (i, c) in text.char_indices() {
        table[i] = units;
        units += c.len_utf16();
    }
    table[text.len()] = units;
    table
}

/// The public result (UTF-16 offsets into the input) slices the input exactly where the core
/// spans, mapped back through the offset map, point; its `text` fields are the cleaned words.
pub fn check_public(input: &str, a: &Analysis) {
    let public = Public::new(input, a);
    let table = utf16_table(input);
    let units: Vec<u16> = input.encode_utf16().collect();
    let identity = a.offsets.is_identity();
    let expect = |what: &str, start: usize, end: usize, source: Span| {
        assert_span(input, source, what);
        assert_eq!(
            (start, end),
            (table[source.start], table[source.end]),
            "{what}: UTF-16 offsets of input bytes {source:?}"
        );
    };
    let expect_text = |what: &str, start: usize, end: usize, cleaned: &str, span: Span| {
        expect(what, start, end, a.offsets.span(span));
        assert_eq!(
            cleaned,
            span.slice(&a.text),
            "{what}: text is the cleaned slice"
        );
        let sliced = String::from_utf16(&units[start..end])
            .unwrap_or_else(|_| panic!("{what} {start}..{end} splits a surrogate pair"));
        assert_eq!(
            sliced,
            a.offsets.span(span).slice(input),
            "{what}: the UTF-16 slice is the input slice"
        );
        if identity {
            assert_eq!(sliced, cleaned, "{what}: the slice is the text");
        }
    };
    assert_eq!(public.paragraphs.len(), a.paragraphs.len());
    assert_eq!(public.sentences.len(), a.sentences.len());
    assert_eq!(public.quotes.len(), a.quotes.len());
    assert_eq!(public.speakers.len(), a.speakers.len());
    assert_eq!(public.diagnostics.len(), a.diagnostics.len());
    assert_eq!(public.repairs.len(), a.repairs.len());
    for (p, core) in public.paragraphs.iter().zip(&a.paragraphs) {
        expect("paragraph", p.start, p.end, a.offsets.span(core.span));
        if let (Some(d), Some(core)) = (p.dateline, core.dateline) {
            expect("dateline", d.start, d.end, a.offsets.span(core));
        }
        assert_eq!(p.dateline.is_some(), core.dateline.is_some());
    }
    for (s, core) in public.sentences.iter().zip(&a.sentences) {
        expect_text("sentence", s.start, s.end, s.text, core.span);
    }
    for (q, core) in public.quotes.iter().zip(&a.quotes) {
        expect_text("quotation", q.start, q.end, q.text, core.span);
        match (q.cue, core.cue) {
            (Some(c), Some(core)) => expect_text("cue", c.start, c.end, c.text, core),
            (None, None) => {}
            _ => panic!("a cue in one result only"),
        }
    }
    for (s, core) in public.speakers.iter().zip(&a.speakers) {
        for (m, &core) in s.mentions.iter().zip(&core.mentions) {
            expect("mention", m.start, m.end, a.offsets.span(core));
        }
    }
    for (d, core) in public.diagnostics.iter().zip(&a.diagnostics) {
        expect("diagnostic", d.start, d.end, a.offsets.span(core.span));
    }
    for (r, core) in public.repairs.iter().zip(&a.repairs) {
        expect("repair", r.start, r.end, a.offsets.source(core.span));
        assert_eq!(r.text, core.span.slice(&a.text), "repair text");
    }
}
