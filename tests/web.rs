//! The JavaScript binding, tested in headless Chromium:
//! `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use article_analyzer::wasm;
use article_analyzer::MAX_INPUT_BYTES;
use js_sys::{Array, ArrayBuffer, JsString, Object, Reflect, WebAssembly};
use wasm_bindgen::{JsCast, JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The binding called with a string, as JavaScript calls it.
fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    wasm::analyze(&JsString::from(text), options)
}

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

fn js_error(result: Result<JsValue, JsError>) -> String {
    let err: JsValue = result.unwrap_err().into();
    let err: js_sys::Error = err.dyn_into().expect("a real JavaScript Error");
    err.message().into()
}

fn list(value: &JsValue, key: &str) -> Vec<JsValue> {
    get(value, key)
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .collect()
}

/// Checks that each `{start, end, text}` of `items` slices `text` to its `text` (lone surrogates
/// read as U+FFFD) and returns the texts.
fn slices(text: &JsString, items: &[JsValue]) -> Vec<String> {
    items
        .iter()
        .map(|item| {
            let (start, end) = (num(item, "start"), num(item, "end"));
            assert!(start <= end && end <= text.length());
            let field = get(item, "text").as_string().unwrap();
            let slice = text.slice(start, end);
            assert_eq!(slice.length() as usize, field.encode_utf16().count());
            assert_eq!(String::from(slice), field);
            field
        })
        .collect()
}

#[wasm_bindgen_test]
fn lone_surrogates_read_as_replacement_characters_and_offsets_still_slice() {
    // "Ana Ruiz said “go \uD800 now,” and left. \uDC00Then 😀 came\uDBFF. Two\uD83D"
    let utf16 = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
    let units: Vec<u16> = [
        utf16("Ana Ruiz said \u{201C}go "),
        vec![0xD800],
        utf16(" now,\u{201D} and left. "),
        vec![0xDC00],
        utf16("Then 😀 came"),
        vec![0xDBFF],
        utf16(". Two"),
        vec![0xD83D],
    ]
    .concat();
    let text = JsString::from_char_code(&units);
    let result = wasm::analyze(&text, JsValue::UNDEFINED).unwrap();
    let quotes = slices(&text, &list(&result, "quotes"));
    assert_eq!(quotes, ["go \u{FFFD} now,"]);
    let sentences = slices(&text, &list(&result, "sentences"));
    assert_eq!(
        sentences,
        [
            "Ana Ruiz said \u{201C}go \u{FFFD} now,\u{201D} and left.",
            "\u{FFFD}Then 😀 came\u{FFFD}.",
            "Two\u{FFFD}"
        ]
    );
    let last = list(&result, "sentences").pop().unwrap();
    assert_eq!(
        num(&last, "end"),
        text.length(),
        "the lone surrogate at the end is kept"
    );
    for q in list(&result, "quotes") {
        slices(&text, &[get(&q, "cue")]);
    }
}

#[wasm_bindgen_test]
fn a_long_text_is_read_whole_across_the_chunks_it_is_copied_in() {
    // Over 2^20 UTF-16 units, so the binding copies it in chunks: a surrogate pair straddles the
    // first chunk's end, and non-ASCII text and a quotation lie on both sides of it.
    let head = "Zoë went home.";
    let mut long = String::from(head);
    long.extend(std::iter::repeat_n(
        '\n',
        (1 << 20) - 1 - head.encode_utf16().count(),
    ));
    long.push_str("😀 \u{201C}Crème,\u{201D} Ana Ruiz said. End.");
    let text = JsString::from(long.as_str());
    assert_eq!(text.char_code_at((1 << 20) - 1), f64::from(0xD83D_u16));
    assert!(text.length() > 1 << 20);
    let result = wasm::analyze(&text, JsValue::UNDEFINED).unwrap();
    let quotes = slices(&text, &list(&result, "quotes"));
    assert_eq!(quotes, ["Crème,"]);
    let sentences = list(&result, "sentences");
    let last = slices(&text, &sentences[sentences.len() - 2..]);
    assert_eq!(last, ["😀 \u{201C}Crème,\u{201D} Ana Ruiz said.", "End."]);
    assert_eq!(slices(&text, &sentences[..1]), ["Zoë went home."]);
    assert_eq!(num(&sentences[sentences.len() - 1], "end"), text.length());
    let speakers = list(&result, "speakers");
    assert_eq!(get(&speakers[0], "name").as_string().unwrap(), "Ana Ruiz");
}

#[wasm_bindgen_test]
fn text_that_is_not_a_string_is_an_error_naming_it() {
    let not_text = |v: JsValue| js_error(wasm::analyze(&v.unchecked_into(), JsValue::UNDEFINED));
    assert_eq!(
        not_text(JsValue::from_f64(42.0)),
        "text must be a string, not number"
    );
    assert_eq!(
        not_text(JsValue::UNDEFINED),
        "text must be a string, not undefined"
    );
    assert_eq!(
        not_text(Object::new().into()),
        "text must be a string, not object"
    );
    assert_eq!(
        num(
            &get(&analyze("One.", JsValue::NULL).unwrap(), "stats"),
            "sentences"
        ),
        1
    );
}

#[wasm_bindgen_test]
fn text_past_the_limit_is_an_error_and_the_next_call_works() {
    let too_long = |text: &JsString, bytes: usize| {
        assert_eq!(
            js_error(wasm::analyze(text, JsValue::UNDEFINED)),
            format!("text is too long: {bytes} bytes; the limit is 64 MiB")
        );
    };
    let count = |n: usize| i32::try_from(n).unwrap();
    // One byte per unit, one over the limit.
    too_long(
        &JsString::from("a").repeat(count(MAX_INPUT_BYTES + 1)),
        MAX_INPUT_BYTES + 1,
    );
    // Two bytes per unit: fewer units than the limit, more bytes.
    too_long(
        &JsString::from("é").repeat(count(MAX_INPUT_BYTES / 2 + 1)),
        MAX_INPUT_BYTES + 2,
    );
    // A lone surrogate becomes U+FFFD, three bytes.
    let n = MAX_INPUT_BYTES / 3 + 1;
    too_long(&JsString::from_char_code1(0xD800).repeat(count(n)), 3 * n);
    // Surrogate pairs across the chunks the length is measured in (an odd start) count four.
    let n = MAX_INPUT_BYTES / 4 + 1;
    let astral = JsString::from("a").concat(&JsString::from("😀").repeat(count(n)));
    too_long(&astral, 1 + 4 * n);
    // Bad options are reported first; after any error the next call works.
    assert!(js_error(wasm::analyze(&astral, options(&[("colour", "red")]))).contains("colour"));
    let result = analyze("“Fine,” she said. Next.", JsValue::UNDEFINED).unwrap();
    assert_eq!(num(&get(&result, "stats"), "sentences"), 2);
    assert_eq!(list(&result, "quotes").len(), 1);
}

fn memory_bytes() -> u32 {
    let memory: WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    memory
        .buffer()
        .unchecked_into::<ArrayBuffer>()
        .byte_length()
}

#[wasm_bindgen_test]
fn memory_stays_flat_over_ten_thousand_analyses() {
    let article = include_str!("data/articles/politics-summit.txt");
    let short = [
        "“Yes,” Ana Ruiz said. “No,” she added.",
        "𝔸 \u{feff}<em>x</em> &amp; isnâ€™t 😀\r\nNext line.",
        "",
        "Talks End\n\nBy Ana Ruiz\n\nThe talks ended on Friday.",
    ];
    let bad = options(&[("paragraphs", "pages")]);
    let words = |result: JsValue| num(&get(&result, "stats"), "words");
    let expected_article = words(analyze(article, JsValue::UNDEFINED).unwrap());
    let expected_short: Vec<u32> = short
        .iter()
        .map(|t| words(analyze(t, JsValue::UNDEFINED).unwrap()))
        .collect();
    let round = |i: usize| match i % 100 {
        0 => assert_eq!(
            words(analyze(article, JsValue::UNDEFINED).unwrap()),
            expected_article
        ),
        1 => assert!(js_error(analyze(short[0], bad.clone())).contains("pages")),
        _ => {
            let k = i % short.len();
            assert_eq!(
                words(analyze(short[k], JsValue::UNDEFINED).unwrap()),
                expected_short[k]
            );
        }
    };
    (0..500).for_each(round);
    let before = memory_bytes();
    (0..10_000).for_each(round);
    let after = memory_bytes();
    assert_eq!(
        after, before,
        "wasm memory grew from {before} to {after} bytes"
    );
}

#[wasm_bindgen_test]
fn options_that_throw_are_errors_and_the_module_lives_on() {
    // A JS exception passing through wasm frames leaked a slot per call; the 1,025th killed the
    // module. Getters, proxies and revoked proxies now give an Error every time.
    let getter = Object::new();
    let descriptor = Object::new();
    let throws = js_sys::Function::new_no_args("throw new Error('no getter')");
    Reflect::set(&descriptor, &"get".into(), &throws).unwrap();
    Object::define_property(&getter, &"paragraphs".into(), &descriptor);
    let handler = Object::new();
    Reflect::set(&handler, &"ownKeys".into(), &throws).unwrap();
    let keys = js_sys::Proxy::new(&Object::new(), &handler);
    let revocable = js_sys::Proxy::revocable(&Object::new(), &Object::new());
    Reflect::get(&revocable, &"revoke".into())
        .unwrap()
        .unchecked_into::<js_sys::Function>()
        .call0(&JsValue::NULL)
        .unwrap();
    let revoked = Reflect::get(&revocable, &"proxy".into()).unwrap();
    for (options, expected) in [
        (JsValue::from(getter), "options cannot be read: no getter"),
        (keys.into(), "options cannot be read: no getter"),
        (revoked, "options cannot be read: "),
    ] {
        for _ in 0..1500 {
            assert!(js_error(analyze("x", options.clone())).starts_with(expected));
        }
        assert_eq!(
            num(
                &get(&analyze("One. Two.", JsValue::NULL).unwrap(), "stats"),
                "sentences"
            ),
            2
        );
    }
}

#[wasm_bindgen_test]
fn compare_returns_matches_with_utf16_offsets_into_each_text() {
    // The emoji before the quotation takes two UTF-16 units: offsets must count them.
    let a = JsString::from("🗳️ “We couldn’t do that, frankly,” Ana Ruiz said. “Never,” she added.");
    let b = JsString::from("“We couldn't do that frankly” Ruiz said.");
    let c = wasm::compare(&a, &b, JsValue::UNDEFINED).unwrap();
    let matches = list(&c, "quoteMatches");
    assert_eq!(matches.len(), 1);
    let m = &matches[0];
    assert_eq!(get(m, "kind").as_string().unwrap(), "variant");
    let side_a = get(m, "a");
    assert_eq!(
        slices(&a, std::slice::from_ref(&side_a)),
        ["We couldn’t do that, frankly,"]
    );
    assert_eq!(get(&side_a, "speaker").as_string().unwrap(), "Ana Ruiz");
    let ops: Vec<String> = list(m, "diff")
        .iter()
        .map(|d| get(d, "op").as_string().unwrap())
        .collect();
    assert_eq!(ops, ["same", "punctuation", "same", "punctuation"]);
    // Every diff part slices its own text.
    for d in list(m, "diff") {
        for (side, text) in [("a", &a), ("b", &b)] {
            let part = get(&d, side);
            if !part.is_null() {
                let expected = get(&part, "text").as_string().unwrap();
                assert_eq!(slices(text, &[part]), [expected]);
            }
        }
    }
    assert_eq!(list(&c, "onlyInA").len(), 1);
    let shared = list(&c, "sharedSpeakers");
    assert_eq!(get(&shared[0], "name").as_string().unwrap(), "Ana Ruiz");
    assert_eq!(num(&shared[0], "quotesA"), 2);
}

#[wasm_bindgen_test]
fn compare_options_are_checked_and_named_in_errors() {
    let message = |options: JsValue| -> String {
        let err: JsValue = wasm::compare(&JsString::from("a"), &JsString::from("b"), options)
            .unwrap_err()
            .into();
        let err: js_sys::Error = err.dyn_into().expect("a real JavaScript Error");
        err.message().into()
    };
    let with = |key: &str, value: JsValue| {
        let o = Object::new();
        Reflect::set(&o, &JsValue::from_str(key), &value).unwrap();
        JsValue::from(o)
    };
    assert!(
        message(with("paraphraseThreshold", JsValue::from(1.5))).contains("`paraphraseThreshold`")
    );
    assert!(
        message(with("sentenceThreshold", JsValue::from_str("high")))
            .contains("`sentenceThreshold`: expected a number")
    );
    assert!(message(with("threshold", JsValue::from(0.5))).contains("unknown option `threshold`"));
    assert!(message(with("scope", JsValue::from_str("most"))).contains("`scope`"));
    // After the errors, a good call works.
    let ok = wasm::compare(
        &JsString::from("a"),
        &JsString::from("b"),
        with("sentenceThreshold", JsValue::from(0.9)),
    );
    assert!(ok.is_ok());
}
