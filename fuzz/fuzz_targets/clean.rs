//! The cleaning stage (mis-decoded characters, HTML, invisible characters and line endings),
//! through `analyze`, which is its public face: the cleaned text keeps every character it does
//! not repair, maps back onto the input in order and on character boundaries, and the public
//! offsets slice the input. Each input is tried as given and wrapped in an HTML document, so both
//! the plain-text and the document paths see it. Run it with `fuzz/dict/clean.dict`.
#![no_main]

use article_analyzer::Options;
use article_analyzer_fuzz::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = Options::default();
    invariants::analyze_checked(&text, &options);
    let page = format!("<!DOCTYPE html><html><body><article>{text}</article></body></html>");
    invariants::analyze_checked(&page, &options);
});
