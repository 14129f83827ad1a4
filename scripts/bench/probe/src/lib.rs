//! For `npm run bench` only: our analysis in wasm without the JS result object, and the time of
//! each stage of one analysis, so the browser benchmark can say where the time goes.
#![forbid(unsafe_code)]

use article_analyzer::schema::Public;
use article_analyzer::{analyze, stages, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

/// Copies `text` in and analyzes it; returns the number of sentences.
#[wasm_bindgen]
pub fn analyze_core(text: &str) -> usize {
    analyze(text, &Options::default()).sentences.len()
}

/// [`analyze_core`] and the conversion to the public shape (UTF-16 offsets, camelCase), without
/// making JS objects of it.
#[wasm_bindgen]
pub fn analyze_public(text: &str) -> usize {
    let analysis = analyze(text, &Options::default());
    Public::new(text, &analysis).sentences.len()
}

/// The result as JSON text (the same shape as the JS object), for the page to `JSON.parse`: to
/// compare that way of crossing into JavaScript with the JS object built field by field.
#[wasm_bindgen]
pub fn analyze_json(text: &str) -> String {
    let analysis = analyze(text, &Options::default());
    serde_json::to_string(&Public::new(text, &analysis)).unwrap_or_default()
}

/// Milliseconds of each part of one analysis of `text`, in order: the stages alone (cleanup,
/// paragraphs, sentences, quotes, stats), then the whole `analyze`, the public conversion, and
/// the JS result object made from it.
#[wasm_bindgen]
pub fn stage_times(text: &str) -> Vec<f64> {
    let options = Options::default();
    let mut times = Vec::new();
    let mut t = now();
    let mut lap = |times: &mut Vec<f64>| {
        let n = now();
        times.push(n - t);
        t = n;
    };
    let cleaned = stages::clean(text);
    lap(&mut times);
    let paragraphs = stages::paragraphs(&cleaned, &options);
    lap(&mut times);
    let sentences = stages::sentences(&cleaned, &paragraphs);
    lap(&mut times);
    let quotes = stages::quotes(&cleaned, &paragraphs, &sentences, &options);
    lap(&mut times);
    let stats = stages::stats(&cleaned, &paragraphs, &sentences, &options);
    lap(&mut times);
    let analysis = analyze(text, &options);
    lap(&mut times);
    let public = Public::new(text, &analysis);
    lap(&mut times);
    let value = public.serialize(&serde_wasm_bindgen::Serializer::json_compatible());
    lap(&mut times);
    drop((quotes, stats, value));
    times
}

/// Wasm memory in bytes after each part of one analysis of `text`, in a fresh module: cleanup,
/// paragraphs, sentences, stats, quotes (the stages alone), the whole `analyze`, the public
/// conversion and the JS result object. Memory only grows, so each figure is the most used so
/// far, and the stage after which it jumps is the one that needs the memory.
#[wasm_bindgen]
pub fn stage_memory(text: &str) -> Vec<f64> {
    let pages = || (core::arch::wasm32::memory_size::<0>() * 65536) as f64;
    let options = Options::default();
    let mut sizes = vec![pages()];
    let cleaned = stages::clean(text);
    sizes.push(pages());
    let paragraphs = stages::paragraphs(&cleaned, &options);
    sizes.push(pages());
    let sentences = stages::sentences(&cleaned, &paragraphs);
    sizes.push(pages());
    let stats = stages::stats(&cleaned, &paragraphs, &sentences, &options);
    sizes.push(pages());
    let quotes = stages::quotes(&cleaned, &paragraphs, &sentences, &options);
    sizes.push(pages());
    drop((cleaned, paragraphs, sentences, stats, quotes));
    let analysis = analyze(text, &options);
    sizes.push(pages());
    let public = Public::new(text, &analysis);
    sizes.push(pages());
    let value = public.serialize(&serde_wasm_bindgen::Serializer::json_compatible());
    sizes.push(pages());
    drop(value);
    sizes
}
