//! The JavaScript binding: with its submodule [`annotate`], the only code that knows about
//! `wasm-bindgen`, `JsValue` and the DOM.
//!
//! It converts options from a JS object, runs [`crate::analyze`], and returns the
//! [`Public`](crate::schema::Public) result as a plain JS object (`null` for `None`, arrays for
//! lists). Invalid options become a JS `Error` whose message names the option; text that is not
//! a string, or longer than [`MAX_INPUT_BYTES`](crate::MAX_INPUT_BYTES) once in UTF-8, a JS
//! `Error` that says so. An error leaves nothing behind: the next call works as usual.

pub mod annotate;

use crate::schema::{Public, PublicCompareOptions, PublicComparison, PublicOptions};
use crate::{check_input_len, CompareOptions, Options, OptionsError, MAX_INPUT_BYTES};
use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// UTF-16 code units copied into wasm memory at a time when a long string is measured.
const CHUNK: u32 = 1 << 20;

/// Installs the panic hook (when the `console_error_panic_hook` feature is on) so that a bug shows
/// a readable message in the console instead of a bare `unreachable`.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Analyzes `text` and returns the result object (see the README for its schema).
///
/// `options` may be `undefined`, `null` or an object such as `{ paragraphs: "lines" }`; an unknown
/// option or a bad value throws an `Error` naming it. Text longer than 64 MiB in UTF-8 throws
/// `Error("text is too long: N bytes; the limit is 64 MiB")` before it is copied into wasm memory.
/// A lone surrogate in `text` is read as U+FFFD, which is one UTF-16 unit too, so every offset
/// still slices `text` exactly.
///
/// # Example (JavaScript)
/// ```js
/// import init, { analyze } from './pkg/article_analyzer.js';
/// await init();
/// const result = analyze('“Yes,” Ana Ruiz said.');
/// result.quotes[0].text; // "Yes,"
/// ```
#[wasm_bindgen]
pub fn analyze(text: &JsString, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let text = read_text(text)?;
    let analysis = crate::analyze(&text, &options);
    let public = Public::new(&text, &analysis);
    public
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Compares two reports of the same story and returns the comparison object (see the README
/// for its schema): matched quotations with their word-level differences, the quotations of
/// each text found in no match, the speakers quoted in both and the sentences found in both.
/// Offsets are UTF-16 code units into `textA` and `textB` as given.
///
/// `options` may be `undefined`, `null` or an object with `paragraphs` and `scope` (as for
/// `analyze`) and `paraphraseThreshold` and `sentenceThreshold` (numbers from 0 to 1); an unknown
/// option or a bad value throws an `Error` naming it. Each text has the limit of `analyze`.
///
/// # Example (JavaScript)
/// ```js
/// import init, { compare } from './pkg/article_analyzer.js';
/// await init();
/// const c = compare('“Go now,” Lee said.', '“go now” Lee said.');
/// c.quoteMatches[0].kind; // "variant"
/// c.quoteMatches[0].diff.map((d) => d.op); // ["case", "same", "punctuation"]
/// ```
#[wasm_bindgen]
pub fn compare(text_a: &JsString, text_b: &JsString, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_compare_options(options)?;
    let a = read_text(text_a)?;
    let b = read_text(text_b)?;
    let comparison = crate::compare(&a, &b, &options);
    let public = PublicComparison::new(&a, &b, &comparison);
    public
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The version of the result's shape (`schemaVersion` in every result).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    crate::schema::SCHEMA_VERSION
}

#[wasm_bindgen]
extern "C" {
    // `Array.isArray` and `Object.keys` throw on a revoked Proxy or a throwing `ownKeys` trap. An
    // exception that passes through wasm frames skips their clean-up, and the slots it leaks kill
    // the module after about a thousand such calls, so these two catch it.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    pub(crate) fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    pub(crate) fn object_keys(object: &JsValue) -> Result<js_sys::Array, JsValue>;
}

pub(crate) fn parse_options(options: JsValue) -> Result<Options, JsError> {
    let Some(values) = option_values(options, &PublicOptions::NAMES, &[])? else {
        return Ok(Options::default());
    };
    let [paragraphs, scope] = values;
    let public = PublicOptions {
        paragraphs: paragraphs.and_then(|v| v.as_string()),
        scope: scope.and_then(|v| v.as_string()),
    };
    Options::try_from(public).map_err(|e| JsError::new(&e.to_string()))
}

fn parse_compare_options(options: JsValue) -> Result<CompareOptions, JsError> {
    let Some(values) = option_values(
        options,
        &PublicCompareOptions::NAMES,
        &PublicCompareOptions::NUMBERS,
    )?
    else {
        return Ok(CompareOptions::default());
    };
    let [paragraphs, scope, paraphrase, sentence] = values;
    let public = PublicCompareOptions {
        paragraphs: paragraphs.and_then(|v| v.as_string()),
        scope: scope.and_then(|v| v.as_string()),
        paraphrase_threshold: paraphrase.and_then(|v| v.as_f64()),
        sentence_threshold: sentence.and_then(|v| v.as_f64()),
    };
    CompareOptions::try_from(public).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads an options object safely: the value of each of the options `names`, in their order
/// (`None` for `undefined` or `null`; `None` in all for an options object that is `undefined` or
/// `null`). The options in `numbers` take a number; the others a string.
///
/// The values are read here rather than by a deserializer (which would bring serde's messages
/// and float printing into the `.wasm`): every type is checked, so none could fail there.
fn option_values<const N: usize>(
    options: JsValue,
    names: &[&str; N],
    numbers: &[&str],
) -> Result<Option<[Option<JsValue>; N]>, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let unreadable = |e: JsValue| JsError::new(&format!("options cannot be read: {}", message(&e)));
    if !options.is_object() || is_array(&options).map_err(unreadable)? {
        return Err(JsError::new(
            "options must be an object, such as { paragraphs: \"auto\" }",
        ));
    }
    // Only the named options are read, so unknown ones are checked here.
    let keys: Vec<String> = object_keys(&options)
        .map_err(unreadable)?
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    OptionsError::check_names(&keys, names).map_err(|e| JsError::new(&e.to_string()))?;
    // Each value is read once, by a call that catches what a getter or a proxy throws. A value
    // of the wrong type is refused here, with the option's name.
    let mut values = [const { None }; N];
    for (slot, &name) in values.iter_mut().zip(names) {
        let key = JsValue::from_str(name);
        let value = js_sys::Reflect::get(&options, &key).map_err(unreadable)?;
        if value.is_undefined() || value.is_null() {
            continue;
        }
        if numbers.contains(&name) {
            if value.as_f64().is_none() {
                return Err(not_of_type(name, &value, "a number from 0 to 1"));
            }
        } else if !value.is_string() {
            return Err(not_of_type(name, &value, "a string"));
        }
        *slot = Some(value);
    }
    Ok(Some(values))
}

/// The error for option `name` given `value`, which is not `expected`.
fn not_of_type(name: &str, value: &JsValue, expected: &str) -> JsError {
    let shown = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .or_else(|| value.js_typeof().as_string())
        .unwrap_or_default();
    JsError::new(&format!(
        "invalid value {shown} for option `{name}`: expected {expected}"
    ))
}

/// The message of a caught JS exception, read with calls that cannot throw in turn (what is
/// thrown may itself be a revoked Proxy).
pub(crate) fn message(exception: &JsValue) -> String {
    js_sys::Reflect::get(exception, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| exception.as_string())
        .unwrap_or_else(|| "an exception was thrown".to_string())
}

/// The text as a Rust string, once it is known to be a string within the limit.
fn read_text(text: &JsString) -> Result<String, JsError> {
    if !text.is_string() {
        let kind = text.js_typeof().as_string().unwrap_or_default();
        return Err(JsError::new(&format!("text must be a string, not {kind}")));
    }
    // UTF-8 takes one to three bytes per UTF-16 unit: only a string that might pass the limit
    // is measured, in chunks, so an oversized one never fills wasm memory (which never shrinks).
    let units = text.length();
    if units as usize > MAX_INPUT_BYTES / 3 {
        check_input_len(utf8_len(text)).map_err(|e| JsError::new(&e.to_string()))?;
    }
    if units <= CHUNK {
        return Ok(String::from(text));
    }
    // The glue reserves three bytes of wasm memory per UTF-16 unit it copies, and wasm memory
    // never shrinks: a long text is copied a chunk at a time into a string sized for it, so the
    // module grows by about the text's size instead of three times it.
    let mut out = String::with_capacity(units as usize + units as usize / 16);
    let mut start = 0;
    while start < units {
        let end = chunk_end(text, start, units);
        let chunk = String::from(text.slice(start, end));
        if out.capacity() - out.len() < chunk.len() {
            out.reserve_exact(chunk.len() + (units - end) as usize);
        }
        out.push_str(&chunk);
        start = end;
    }
    Ok(out)
}

/// The end of the chunk of `text` that starts at UTF-16 unit `start`: `CHUNK` units on, or one
/// more so that a surrogate pair is never split between two chunks.
fn chunk_end(text: &JsString, start: u32, units: u32) -> u32 {
    let end = start.saturating_add(CHUNK).min(units);
    if end < units && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
        end + 1
    } else {
        end
    }
}

/// The length of `text` in UTF-8 (a lone surrogate counts as U+FFFD, three bytes), measured
/// `CHUNK` units at a time.
fn utf8_len(text: &JsString) -> usize {
    let units = text.length();
    let mut bytes = 0;
    let mut start = 0;
    while start < units {
        let end = chunk_end(text, start, units);
        bytes += String::from(text.slice(start, end)).len();
        start = end;
    }
    bytes
}
