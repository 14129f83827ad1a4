//! The JavaScript binding, tested in headless Chromium:
//! `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use article_analyzer::wasm::analyze;
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn num(value: &JsValue, key: &str) -> u32 {
    get(value, key).as_f64().unwrap() as u32
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    o.into()
}

fn error_message(options: JsValue) -> String {
    let err: JsValue = analyze("x", options).unwrap_err().into();
    let err: js_sys::Error = err.dyn_into().expect("a real JavaScript Error");
    err.message().into()
}

#[wasm_bindgen_test]
fn returns_plain_objects_with_utf16_offsets() {
    let text = "𝔸 “Crème brûlée,” said Zoë Ruiz. 👩‍🔬 “Again?” she asked.";
    let result = analyze(text, JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&result, "schemaVersion"), 1);
    let js_text = JsString::from(text);
    let quotes: Array = get(&result, "quotes").dyn_into().unwrap();
    assert_eq!(quotes.length(), 2);
    for q in quotes.iter() {
        let slice = js_text.slice(num(&q, "start"), num(&q, "end"));
        assert_eq!(JsValue::from(slice), get(&q, "text"));
        let cue = get(&q, "cue");
        assert_eq!(
            JsValue::from(js_text.slice(num(&cue, "start"), num(&cue, "end"))),
            get(&cue, "text")
        );
    }
    let speakers: Array = get(&result, "speakers").dyn_into().unwrap();
    assert_eq!(
        get(&speakers.get(0), "name").as_string().unwrap(),
        "Zoë Ruiz"
    );
    assert!(
        get(&quotes.get(0), "continues").is_null(),
        "None is null, not undefined"
    );
    assert!(Array::is_array(&get(&result, "diagnostics")));
}

#[wasm_bindgen_test]
fn options_are_checked_and_named_in_errors() {
    assert!(error_message(options(&[("colour", "red")])).contains("unknown option `colour`"));
    let message = error_message(options(&[("paragraphs", "pages")]));
    assert!(
        message.contains("`paragraphs`") && message.contains("pages"),
        "{message}"
    );
    assert!(error_message(JsValue::from_f64(3.0)).contains("options must be an object"));
    let lines = analyze("a\nb", options(&[("paragraphs", "lines")])).unwrap();
    assert_eq!(num(&get(&lines, "stats"), "paragraphs"), 2);
    assert_eq!(
        num(
            &get(&analyze("a\nb", JsValue::NULL).unwrap(), "stats"),
            "words"
        ),
        2
    );
}
