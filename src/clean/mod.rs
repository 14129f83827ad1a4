//! Cleaning pasted text before analysis: mis-decoded characters, HTML, invisible characters and
//! line endings. Every change is an [`edit::Edit`]; the [`OffsetMap`] they build lets each span of
//! the cleaned text point back into the text as the user gave it.

pub(crate) mod edit;
pub(crate) mod entities;
pub(crate) mod html;

pub use edit::OffsetMap;
