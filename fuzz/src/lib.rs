//! Shared code of the fuzz targets in `fuzz_targets/`: the invariants every analysis and every
//! comparison keeps, and
//! how fuzz bytes become options and text.

pub mod compare_invariants;
pub mod invariants;

use article_analyzer::{Options, ParagraphMode, Scope};

/// The options a fuzz byte chooses: one of the three paragraph modes times the two scopes.
pub fn options_from(byte: u8) -> Options {
    let mut options = Options::default();
    options.paragraphs = match byte % 3 {
        0 => ParagraphMode::Auto,
        1 => ParagraphMode::BlankLines,
        _ => ParagraphMode::Lines,
    };
    options.scope = if byte / 3 % 2 == 1 {
        Scope::All
    } else {
        Scope::Body
    };
    options
}
