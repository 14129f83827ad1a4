//! `annotate` and `unannotate` on real DOM in headless Chromium:
//! `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use article_analyzer::wasm::annotate::{annotate, unannotate};
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, Element};

wasm_bindgen_test_configure!(run_in_browser);

/// An article with a quotation split across `<em>`, `<a>` and `<span>`, a speaker in `<b>`,
/// a script and a hidden note, and a second paragraph.
const ARTICLE: &str =
    "<h2>Harbour Opens</h2>\n  <p class=\"lead\">“It is <em>the best</em> day we \
    have <a href=\"#h\" data-x=\"1\">had <span>in years</span></a>,” said <b>Mara Quint</b>, who \
    runs the ferry.<script>var quote = \"“No,” said Nobody.\";</script><span hidden>“Secret,” \
    Ann Bell said.</span></p>\n  <p>The crowd stayed until dark. “We will be back,” she \
    added.</p>";

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<div>` holding `html`, attached to the page (`attach`) or not.
fn element(html: &str, attach: bool) -> Element {
    let div = document().create_element("div").unwrap();
    div.set_inner_html(html);
    if attach {
        document().body().unwrap().append_child(&div).unwrap();
    }
    div
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// The elements under `root` that match `selector`.
fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let err: JsValue = result.unwrap_err().into();
    let err: js_sys::Error = err.dyn_into().expect("a real JavaScript Error");
    err.message().into()
}

#[wasm_bindgen_test]
fn wraps_a_quotation_across_inline_elements_and_restores_the_dom() {
    for attach in [true, false] {
        let root = element(ARTICLE, attach);
        let before = root.inner_html();
        let text_before = root.text_content();
        let result = annotate(&root, JsValue::UNDEFINED).unwrap();

        let text = get(&result, "text").as_string().unwrap();
        assert!(
            text.starts_with("Harbour Opens\n\n“It is the best day"),
            "{text:?}"
        );
        assert!(
            !text.contains("Nobody") && !text.contains("Secret"),
            "{text:?}"
        );
        let quotes = js_sys::Array::from(&get(&get(&result, "analysis"), "quotes"));
        assert_eq!(quotes.length(), 2);

        let spans = all(&root, ".aa-quote[data-aa-quote=\"0\"]");
        let joined: String = spans.iter().map(|s| s.text_content().unwrap()).collect();
        assert_eq!(joined, "It is the best day we have had in years,");
        // One span per text node, each inside the element that held the text.
        let parents: Vec<String> = spans
            .iter()
            .map(|s| s.parent_element().unwrap().local_name())
            .collect();
        assert_eq!(parents, ["p", "em", "p", "a", "span", "p"]);
        assert!(spans[0].class_list().contains("aa-first"));
        assert!(spans[5].class_list().contains("aa-last"));
        for s in &spans {
            assert_eq!(
                s.get_attribute("data-speaker").as_deref(),
                Some("Mara Quint")
            );
            assert_eq!(s.get_attribute("data-kind").as_deref(), Some("direct"));
            assert_eq!(s.get_attribute("data-cue").as_deref(), Some("said"));
        }
        // The pronoun's quotation goes to the same speaker.
        let second = all(&root, ".aa-quote[data-aa-quote=\"1\"]");
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].text_content().unwrap(), "We will be back,");
        assert_eq!(
            second[0].get_attribute("data-speaker").as_deref(),
            Some("Mara Quint")
        );
        // The text reads the same; the page's own elements keep their attributes.
        assert_eq!(root.text_content(), text_before);
        let link = root.query_selector("a").unwrap().unwrap();
        assert_eq!(link.get_attribute("data-x").as_deref(), Some("1"));

        assert!(unannotate(&root).unwrap());
        assert_eq!(root.inner_html(), before);
        assert!(!unannotate(&root).unwrap(), "nothing left to undo");
        root.remove();
    }
}

#[wasm_bindgen_test]
fn unannotate_puts_back_the_very_same_nodes() {
    let root = element(ARTICLE, true);
    let lead = root.query_selector("p.lead").unwrap().unwrap();
    let first_text = lead.first_child().unwrap();
    let em = root.query_selector("em").unwrap().unwrap();
    let em_text = em.first_child().unwrap();
    annotate(&root, JsValue::UNDEFINED).unwrap();
    assert!(!first_text.is_connected(), "the text node was replaced");
    assert!(em.is_connected(), "elements stay where they were");
    unannotate(&root).unwrap();
    assert!(lead.first_child().unwrap().is_same_node(Some(&first_text)));
    assert!(em.first_child().unwrap().is_same_node(Some(&em_text)));
    assert_eq!(lead.child_nodes().length(), 9);
    root.remove();
}

#[wasm_bindgen_test]
fn mentions_and_sentences_nest_inside_out() {
    let root = element(ARTICLE, true);
    let before = root.inner_html();
    let on = JsValue::TRUE;
    annotate(
        &root,
        options(&[("mentions", on.clone()), ("sentences", on)]),
    )
    .unwrap();
    let mentions = all(&root, ".aa-mention");
    let named: Vec<String> = mentions.iter().map(|m| m.text_content().unwrap()).collect();
    assert!(named.contains(&"Mara Quint".to_string()), "{named:?}");
    for m in &mentions {
        assert_eq!(
            m.get_attribute("data-speaker").as_deref(),
            Some("Mara Quint")
        );
    }
    // Every quotation span sits inside a sentence span, never the other way round.
    for q in all(&root, ".aa-quote") {
        assert_eq!(
            q.parent_element().unwrap().class_name(),
            "aa-sentence",
            "{}",
            q.outer_html()
        );
    }
    assert!(all(&root, ".aa-quote .aa-sentence").is_empty());
    let sentences = all(&root, ".aa-sentence.aa-first");
    assert_eq!(
        sentences.len(),
        4,
        "the headline, the lead, two in the last paragraph"
    );
    // Annotating again re-reads the text: the same result, no nested spans.
    let html = root.inner_html();
    annotate(
        &root,
        options(&[("mentions", JsValue::TRUE), ("sentences", JsValue::TRUE)]),
    )
    .unwrap();
    assert_eq!(root.inner_html(), html);
    unannotate(&root).unwrap();
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn quotes_can_be_left_out() {
    let root = element(ARTICLE, true);
    let before = root.inner_html();
    let result = annotate(&root, options(&[("quotes", JsValue::FALSE)])).unwrap();
    assert!(get(&result, "analysis").is_object());
    assert_eq!(
        root.inner_html(),
        before,
        "nothing asked for, nothing wrapped"
    );
    assert!(!unannotate(&root).unwrap());
    root.remove();
}

#[wasm_bindgen_test]
fn bad_arguments_are_errors_that_name_them() {
    let root = element("<p>“Yes,” Ana Ruiz said.</p>", false);
    let message = error_message(annotate(&root, options(&[("colour", JsValue::TRUE)])));
    assert!(message.contains("unknown option `colour`"), "{message}");
    assert!(
        message.contains("\"mentions\"") && message.contains("\"scope\""),
        "{message}"
    );
    let message = error_message(annotate(&root, options(&[("mentions", "yes".into())])));
    assert_eq!(
        message,
        "invalid value \"yes\" for option `mentions`: expected true or false"
    );
    let message = error_message(annotate(&root, options(&[("scope", "page".into())])));
    assert!(
        message.contains("`scope`") && message.contains("page"),
        "{message}"
    );
    let message = error_message(annotate(&root, JsValue::from_f64(1.0)));
    assert!(message.contains("options must be an object"), "{message}");
    let message = error_message(annotate(&JsValue::from_str("p"), JsValue::UNDEFINED));
    assert_eq!(message, "element must be a DOM Element");
    let err: JsValue = unannotate(&JsValue::NULL).unwrap_err().into();
    assert!(err.is_instance_of::<js_sys::Error>());
    // After the errors, it works.
    let result = annotate(&root, options(&[("scope", "all".into())])).unwrap();
    assert_eq!(all(&root, ".aa-quote").len(), 1);
    assert!(get(&result, "text")
        .as_string()
        .unwrap()
        .starts_with("“Yes,”"));
}

#[wasm_bindgen_test]
fn white_space_collapses_as_shown_and_blocks_separate_paragraphs() {
    let root = element(
        "<ul><li>One   item</li><li>Two\n\titems</li></ul><pre>kept   as  is</pre>text<br>line",
        true,
    );
    let result = annotate(&root, JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&result, "text").as_string().unwrap(),
        "One item\n\nTwo items\n\nkept   as  is\n\ntext\nline"
    );
    root.remove();
}
