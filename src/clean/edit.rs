//! Edits to a text and the offset map that lets every span of the edited text point back into the
//! text as it was.

use crate::Span;
use std::borrow::Cow;
use std::ops::Range;

/// Why a piece of text was changed. Each kind becomes one diagnostic line with a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum EditKind {
    /// A run of characters that were UTF-8 bytes decoded with the wrong single-byte encoding.
    Mojibake,
    /// An HTML tag removed (or turned into a line break).
    Tag,
    /// An HTML character reference (`&amp;`, `&#8217;`) decoded.
    Entity,
    /// Page furniture left out: `script`, `style`, `nav`, comments and the like.
    Furniture,
    /// Whitespace that HTML collapses.
    Whitespace,
    /// An invisible character removed: zero-width space or joiner, soft hyphen, byte-order mark.
    Invisible,
    /// A control character (NUL and the like) turned into a space.
    Control,
    /// A `\r\n` or `\r` line ending (or U+2028, U+2029, U+0085) made `\n`.
    LineEnding,
}

/// One change: the bytes `range` of the input become `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Edit {
    /// The replaced bytes of the input, on character boundaries.
    pub range: Range<usize>,
    /// What stands in their place (empty for a removal).
    pub replacement: Cow<'static, str>,
    /// Why.
    pub kind: EditKind,
}

impl Edit {
    /// An edit replacing `range` by `replacement`.
    pub fn new(
        range: Range<usize>,
        replacement: impl Into<Cow<'static, str>>,
        kind: EditKind,
    ) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
            kind,
        }
    }
}

/// A changed region: `clean` bytes of the edited text stand for `orig` bytes of its input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    clean: (usize, usize),
    orig: (usize, usize),
}

/// One stage's changed regions, sorted by position in the edited text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Stage {
    pieces: Vec<Piece>,
}

impl Stage {
    fn start(&self, pos: usize) -> usize {
        // The last piece whose clean start is at or before `pos`.
        let i = self.pieces.partition_point(|p| p.clean.0 <= pos);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            None => pos,
            Some(p) if pos < p.clean.1 => p.orig.0,
            Some(p) => p.orig.1 + (pos - p.clean.1),
        }
    }

    fn end(&self, pos: usize) -> usize {
        // The last piece whose clean start is strictly before `pos`.
        let i = self.pieces.partition_point(|p| p.clean.0 < pos);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            None => pos,
            Some(p) if pos <= p.clean.1 => p.orig.1,
            Some(p) => p.orig.1 + (pos - p.clean.1),
        }
    }

    fn forward(&self, pos: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.orig.0 <= pos);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            None => pos,
            Some(p) if pos < p.orig.1 => p.clean.0,
            Some(p) => p.clean.1 + (pos - p.orig.1),
        }
    }
}

/// Maps byte offsets of a cleaned text back to the text as it was given. Outside the edited
/// regions the two texts are byte-for-byte the same, shifted.
///
/// A span that starts or ends inside a replaced region covers the whole region in the input; a
/// span that touches a removal (a dropped tag) leaves the removed text out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Cleaning stages in the order they ran, each mapping its output to its input.
    stages: Vec<Stage>,
}

impl OffsetMap {
    /// Whether the cleaned text is the input unchanged.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, Options};
    /// assert!(analyze("Plain text.", &Options::default()).offsets.is_identity());
    /// assert!(!analyze("Soft\u{ad}ware", &Options::default()).offsets.is_identity());
    /// ```
    pub fn is_identity(&self) -> bool {
        self.stages.is_empty()
    }

    /// The input offset where a span starting at cleaned offset `pos` starts.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, Options};
    /// // A byte-order mark (3 bytes) is removed.
    /// let a = analyze("\u{feff}Hi there.", &Options::default());
    /// assert_eq!(a.text, "Hi there.");
    /// assert_eq!(a.offsets.start(0), 3);
    /// ```
    pub fn start(&self, pos: usize) -> usize {
        self.stages.iter().rev().fold(pos, |p, s| s.start(p))
    }

    /// The input offset where a span ending at cleaned offset `pos` ends.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, Options};
    /// let a = analyze("\u{feff}Hi there.", &Options::default());
    /// assert_eq!(a.offsets.end(2), 5);
    /// ```
    pub fn end(&self, pos: usize) -> usize {
        self.stages.iter().rev().fold(pos, |p, s| s.end(p))
    }

    /// The input range of a span of the cleaned text.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, Options, Span};
    /// let text = "Hello\u{200b} world.";
    /// let a = analyze(text, &Options::default());
    /// assert_eq!(a.offsets.span(Span::new(6, 11)).slice(text), "world");
    /// ```
    pub fn span(&self, span: Span) -> Span {
        let start = self.start(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        Span::new(start, self.end(span.end).max(start))
    }

    /// The input characters a span of the cleaned text came from. Unlike
    /// [`span`](OffsetMap::span), an empty span where text was removed covers the removed text.
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, Options, Span};
    /// let a = analyze("a\u{ad}b", &Options::default());
    /// assert_eq!(a.text, "ab");
    /// assert_eq!(a.offsets.source(Span::new(1, 1)), Span::new(1, 3));
    /// ```
    pub fn source(&self, span: Span) -> Span {
        if span.is_empty() {
            let before = self.end(span.start);
            return Span::new(before, self.start(span.start).max(before));
        }
        self.span(span)
    }

    /// The cleaned offset of input offset `pos` (the start of the region that replaced it, when
    /// `pos` falls inside an edit).
    ///
    /// # Example
    /// ```
    /// use article_analyzer::{analyze, Options};
    /// let a = analyze("\u{feff}Hi there.", &Options::default());
    /// assert_eq!(a.offsets.forward(6), 3);
    /// ```
    pub fn forward(&self, pos: usize) -> usize {
        self.stages.iter().fold(pos, |p, s| s.forward(p))
    }

    /// Adds a later stage: `later` maps a text edited once more to the text this map starts from.
    pub(crate) fn then(mut self, later: OffsetMap) -> OffsetMap {
        self.stages.extend(later.stages);
        self
    }
}

/// Applies `edits` (sorted by position, not overlapping) to `text`, returning the edited text and
/// the map back to `text`. Edits that overlap an earlier one or do not fall on character
/// boundaries are skipped rather than trusted.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> (String, OffsetMap) {
    if edits.is_empty() {
        return (text.to_owned(), OffsetMap::default());
    }
    let mut out = String::with_capacity(text.len());
    let mut pieces = Vec::with_capacity(edits.len());
    let mut copied = 0;
    for edit in edits {
        let Range { start, end } = edit.range;
        if start < copied
            || end < start
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[copied..start]);
        let clean_start = out.len();
        out.push_str(&edit.replacement);
        let piece = Piece {
            clean: (clean_start, out.len()),
            orig: (start, end),
        };
        pieces.push(piece);
        copied = end;
    }
    out.push_str(&text[copied..]);
    let stages = if pieces.is_empty() {
        Vec::new()
    } else {
        vec![Stage { pieces }]
    };
    (out, OffsetMap { stages })
}

/// What a block of the input is, as its markup says (an `<h1>`, a `<figcaption>`, a line wholly
/// wrapped in `<em>`). Paragraph roles start from these hints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// A heading: `<h1>`…`<h6>` (the level) or the document's `<title>` (level 0).
    Heading(u8),
    /// A photo caption or credit: `<figcaption>`, or a plain-text line wholly inside `<em>`/`<i>`.
    Caption,
    /// An author line: an element whose class, `rel` or `itemprop` names the author or byline.
    Byline,
    /// A `<blockquote>`.
    Blockquote,
}

/// A block of the input with the role its markup gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Hint {
    /// The block's text content, as a byte range of the stage's input.
    pub range: Range<usize>,
    /// What the block is.
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(range: Range<usize>, with: &'static str) -> Edit {
        Edit::new(range, with, EditKind::Tag)
    }

    #[test]
    fn maps_replacements_removals_and_insertions() {
        // "<b>Caf&eacute;</b> ok" → "Café ok"
        let text = "<b>Caf&eacute;</b> ok";
        let edits = [edit(0..3, ""), edit(6..14, "é"), edit(14..18, "")];
        let (out, map) = apply(text, &edits);
        assert_eq!(out, "Café ok");
        // "Café" maps to the characters without the tags, the entity included.
        assert_eq!(map.span(Span::new(0, 5)).slice(text), "Caf&eacute;");
        // "é" alone maps to the whole entity; a removal is covered by `source`.
        assert_eq!(map.span(Span::new(3, 5)).slice(text), "&eacute;");
        assert_eq!(map.source(Span::new(0, 0)).slice(text), "<b>");
        assert_eq!(map.span(Span::new(6, 8)).slice(text), "ok");
        assert_eq!(map.forward(19), 6);
        // An insertion maps to the point where it stands.
        let (out, map) = apply("ab", &[edit(1..1, "\n\n")]);
        assert_eq!(out, "a\n\nb");
        assert_eq!(map.span(Span::new(3, 4)), Span::new(1, 2));
        assert_eq!(map.span(Span::new(0, 1)), Span::new(0, 1));
    }

    #[test]
    fn stages_compose() {
        let input = "x&amp;&amp;y\r\nz";
        let (mid, first) = apply(input, &[edit(1..6, "&"), edit(6..11, "&")]);
        assert_eq!(mid, "x&&y\r\nz");
        let (out, second) = apply(&mid, &[edit(4..6, "\n")]);
        assert_eq!(out, "x&&y\nz");
        let map = first.then(second);
        assert_eq!(map.span(Span::new(5, 6)).slice(input), "z");
        assert_eq!(map.span(Span::new(2, 3)).slice(input), "&amp;");
        assert_eq!(map.span(Span::new(0, 6)).slice(input), input);
        assert_eq!(map.forward(14), 5);
    }

    #[test]
    fn skips_bad_edits_instead_of_trusting_them() {
        let text = "héllo";
        // Overlapping, reversed and out of range.
        let edits = [
            edit(0..1, "X"),
            edit(0..3, "Y"),
            #[allow(clippy::reversed_empty_ranges)]
            edit(4..3, ""),
            edit(3..99, ""),
        ];
        let (out, map) = apply(text, &edits);
        assert_eq!(out, "Xéllo");
        assert!(!map.is_identity());
        // Off a character boundary.
        let edits = [edit(2..3, "Z")];
        let (out, map) = apply(text, &edits);
        assert_eq!(out, text);
        assert!(map.is_identity());
    }
}
