//! The JavaScript binding: the only module that knows about `wasm-bindgen` and `JsValue`.
//!
//! It converts options from a JS object, runs [`crate::analyze`], and returns the
//! [`Public`](crate::schema::Public) result as a plain JS object (`null` for `None`, arrays for
//! lists). Invalid options become a JS `Error` whose message names the option.

use crate::schema::{Public, PublicOptions};
use crate::Options;
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
/// option or a bad value throws an `Error` naming it.
///
/// # Example (JavaScript)
/// ```js
/// import init, { analyze } from './pkg/article_analyzer.js';
/// await init();
/// const result = analyze('“Yes,” Ana Ruiz said.');
/// result.quotes[0].text; // "Yes,"
/// ```
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let analysis = crate::analyze(text, &options);
    let public = Public::new(text, &analysis);
    public
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The version of the result's shape (`schemaVersion` in every result).
#[wasm_bindgen(js_name = schemaVersion)]
pub fn schema_version() -> u32 {
    crate::schema::SCHEMA_VERSION
}

fn parse_options(options: JsValue) -> Result<Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    if !options.is_object() || js_sys::Array::is_array(&options) {
        return Err(JsError::new(
            "options must be an object, such as { paragraphs: \"auto\" }",
        ));
    }
    // serde-wasm-bindgen reads only the fields a struct names, so unknown ones are checked here.
    let names: Vec<String> = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    PublicOptions::check_names(&names).map_err(|e| JsError::new(&e.to_string()))?;
    let public: PublicOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    Options::try_from(public).map_err(|e| JsError::new(&e.to_string()))
}
