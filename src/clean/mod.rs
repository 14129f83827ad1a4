//! Cleaning pasted text before analysis, in stages: mis-decoded characters (`mojibake`), then
//! HTML (`html`: a whole document is reduced to its article's text; stray inline tags in plain
//! text are removed; character references are decoded), then invisible characters, controls and
//! line endings (`invisible`). Every change is an
//! [`edit::Edit`]; the [`OffsetMap`] they build lets each span of the cleaned text
//! point back into the text as the user gave it.

pub(crate) mod edit;
mod entities;
mod html;
mod invisible;
mod mojibake;

use crate::order::{key, sorted_by_key};
use crate::{Diagnostic, DiagnosticCode, Repair, RepairKind, Span};
pub use edit::OffsetMap;
use edit::{apply, Edit, EditKind, Hint};

/// The text after cleaning, and how it came about.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// The cleaned text that the analysis reads.
    pub text: String,
    /// From the cleaned text back to the input.
    pub offsets: OffsetMap,
    /// Characters changed in place (spans into the cleaned text).
    pub repairs: Vec<Repair>,
    /// Markup roles of blocks, as byte ranges of the cleaned text, sorted.
    pub hints: Vec<Hint>,
    /// One line per kind of change, with a count (spans into the cleaned text).
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts of the edits of each kind, and where the first one is (in the cleaned text).
#[derive(Default)]
struct Tally {
    counts: Vec<(EditKind, usize, Span)>,
}

impl Tally {
    fn add(&mut self, kind: EditKind, at: Span) {
        match self.counts.iter_mut().find(|(k, ..)| *k == kind) {
            Some((_, n, _)) => *n += 1,
            None => self.counts.push((kind, 1, at)),
        }
    }
}

/// A span of a stage's input moved into its output's offsets.
fn carry(map: &OffsetMap, s: Span) -> Span {
    let start = map.forward(s.start);
    Span::new(start, map.forward(s.end).max(start))
}

/// Runs one stage: applies `edits` to `text`, records repairs and counts, and returns the new text
/// with its map back to `text`.
fn stage(
    text: &str,
    edits: &[Edit],
    tally: &mut Tally,
    repairs: &mut Vec<Repair>,
) -> (String, OffsetMap) {
    let (out, map) = apply(text, edits);
    for r in repairs.iter_mut() {
        r.span = carry(&map, r.span);
    }
    for (_, _, span) in &mut tally.counts {
        *span = carry(&map, *span);
    }
    // Spans of each edit in the new text: walk the edits, tracking the shift.
    let mut shift: isize = 0;
    for e in edits {
        let start = (e.range.start as isize + shift) as usize;
        let span = Span::new(start, start + e.replacement.len());
        shift += e.replacement.len() as isize - e.range.len() as isize;
        tally.add(e.kind, span);
        let kind = match e.kind {
            EditKind::Mojibake => RepairKind::Mojibake,
            EditKind::Entity => RepairKind::Entity,
            EditKind::Invisible => RepairKind::Invisible,
            EditKind::Control => RepairKind::Control,
            _ => continue,
        };
        repairs.push(Repair { span, kind });
    }
    (out, map)
}

/// A cleaning stage: the edits it makes to its input, and the roles its markup gives blocks.
type Stage = fn(&str) -> (Vec<Edit>, Vec<Hint>);

/// Cleans `input` for analysis.
pub(crate) fn clean(input: &str) -> Cleaned {
    let mut tally = Tally::default();
    let mut repairs: Vec<Repair> = Vec::new();
    let mut hints: Vec<Hint> = Vec::new();
    let mut text = input.to_owned();
    let mut offsets = OffsetMap::default();
    let stages: [Stage; 3] = [
        |t| (mojibake::find(t), Vec::new()),
        |t| {
            if html::looks_like_document(t) {
                html::extract(t)
            } else {
                html::strip_inline(t)
            }
        },
        |t| (invisible::find(t), Vec::new()),
    ];
    for find in stages {
        let (edits, stage_hints) = find(&text);
        if edits.is_empty() && stage_hints.is_empty() {
            continue;
        }
        let (next, map) = stage(&text, &edits, &mut tally, &mut repairs);
        // Earlier hints, and this stage's (given in its input), move into the new text.
        hints.extend(stage_hints);
        for h in &mut hints {
            let s = carry(&map, Span::new(h.range.start, h.range.end));
            h.range = s.start..s.end;
        }
        text = next;
        offsets = offsets.then(map);
    }
    let hints = sorted_by_key(hints, &|h: &Hint| (key(h.range.start), key(h.range.end)));
    let repairs = sorted_by_key(repairs, &|r: &Repair| (key(r.span.start), key(r.span.end)));
    let diagnostics = tally
        .counts
        .into_iter()
        .map(|(kind, n, span)| describe(kind, n, span))
        .collect();
    Cleaned {
        text,
        offsets,
        repairs,
        hints,
        diagnostics,
    }
}

/// The diagnostic for `n` edits of `kind`, the first at `span`.
fn describe(kind: EditKind, n: usize, span: Span) -> Diagnostic {
    let plural = |one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            many.to_owned()
        }
    };
    let (code, message) = match kind {
        EditKind::Mojibake => (
            DiagnosticCode::RepairedEncoding,
            format!(
                "repaired {n} mis-decoded {}",
                plural("character", "characters")
            ),
        ),
        EditKind::Tag => (
            DiagnosticCode::RemovedMarkup,
            format!("removed {n} HTML {}", plural("tag", "tags")),
        ),
        EditKind::Entity => (
            DiagnosticCode::DecodedEntities,
            format!(
                "decoded {n} HTML character {}",
                plural("reference", "references")
            ),
        ),
        EditKind::Furniture => (
            DiagnosticCode::RemovedMarkup,
            format!(
                "left out {n} page {} (scripts, styles, navigation)",
                plural("element", "elements")
            ),
        ),
        EditKind::Whitespace => (
            DiagnosticCode::RemovedMarkup,
            format!("collapsed {n} HTML whitespace {}", plural("run", "runs")),
        ),
        EditKind::Invisible => (
            DiagnosticCode::RemovedInvisible,
            format!(
                "removed {n} invisible {} (zero-width, soft hyphen, byte-order mark)",
                plural("character", "characters")
            ),
        ),
        EditKind::Control => (
            DiagnosticCode::ReplacedControl,
            format!(
                "replaced {n} control {} with spaces",
                plural("character", "characters")
            ),
        ),
        EditKind::LineEnding => (
            DiagnosticCode::NormalizedLineEndings,
            format!("normalized {n} line {}", plural("ending", "endings")),
        ),
    };
    Diagnostic {
        code,
        message,
        span,
    }
}
