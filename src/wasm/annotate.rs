//! Highlighting on the host page: [`annotate`] analyzes the visible text of an element and wraps
//! its quotations (and, on request, speaker mentions and sentences) in `<span>` elements with
//! classes and `data-` attributes; [`unannotate`] puts the original nodes back.
//!
//! Compiled for `wasm32` only, as part of the binding layer (`src/wasm/`), the only code that knows
//! about the DOM.
//!
//! How the page's markup is kept whole:
//! - Only text nodes are touched. A text node that holds part of a highlight is replaced by new
//!   text nodes, some of them inside new spans; no element of the page is moved, recreated or
//!   given an attribute, so attributes, event listeners and element references survive.
//! - A quotation that runs across `<em>`, `<a>` or `<span>` becomes one span per text node it
//!   touches, each inside the element that held the text (`aa-first` and `aa-last` mark the ends).
//! - The replaced text nodes are kept aside (in a `WeakMap` keyed by the element), and
//!   [`unannotate`] puts those very nodes back, so the DOM is the original one again, node for
//!   node, and `innerHTML` is unchanged.
//!
//! What counts as visible text: text nodes under the element, leaving out `<script>`, `<style>`,
//! `<template>`, form controls, embedded content, SVG and MathML, editable regions and elements
//! that are `hidden` or `display: none`. Block-level elements (by their computed `display`, or
//! by tag name when the element is not rendered) separate paragraphs, `<br>` breaks a line, and
//! white space collapses as the browser shows it (except where `white-space` keeps it).

use super::{is_array, message, object_keys, parse_options};
use crate::order::{key, sorted_by_key};
use crate::schema::{Public, PublicOptions};
use crate::{check_input_len, Options, OptionsError};
use js_sys::{Array, Object, Reflect, WeakMap};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, Node, Text, Window};

/// Option names of [`annotate`] beside those of `analyze` (`paragraphs`, `scope`).
const NAMES: [&str; 3] = ["quotes", "mentions", "sentences"];

const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements whose text is never shown as text, or that a span must not enter.
const SKIPPED: [&str; 20] = [
    "script", "style", "template", "noscript", "head", "title", "textarea", "input", "select",
    "option", "button", "iframe", "object", "embed", "canvas", "video", "audio", "img", "svg",
    "math",
];

/// Elements that start a new paragraph when `display` cannot be read (a detached element).
const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Parents in which a text node may not be wrapped in a span (table and list structure).
const TEXTLESS: [&str; 12] = [
    "table", "thead", "tbody", "tfoot", "tr", "colgroup", "ul", "ol", "dl", "menu", "optgroup",
    "datalist",
];

thread_local! {
    /// Annotated element → `[[original text node, [nodes in its place]], …]`.
    static RECORDS: WeakMap = WeakMap::new();
}

/// What [`annotate`] wraps.
#[derive(Clone, Debug, PartialEq, Eq)]
struct AnnotateOptions {
    quotes: bool,
    mentions: bool,
    sentences: bool,
    analyze: Options,
}

/// What [`annotate`] returns: the text it analyzed (its offsets are into this string) and the
/// result of `analyze` on it.
#[derive(Serialize)]
struct Annotated<'t> {
    text: &'t str,
    analysis: Public<'t>,
}

/// Analyzes the visible text of `element` and wraps its quotations in
/// `<span class="aa-quote">` elements, and with `{ mentions: true }` speaker mentions
/// (`aa-mention`) and with `{ sentences: true }` sentences (`aa-sentence`).
///
/// A quotation's spans carry `data-aa-quote` (its index), `data-kind`, `data-speaker` (the
/// speaker's name), `data-aa-speaker` (the speaker's index), `data-aa-hue` (the speaker's index
/// modulo 8, for colours) and `data-cue` (the speech verb), the last three only when known. A
/// mention's spans carry the speaker's attributes; a sentence's `data-aa-sentence`. A highlight
/// that crosses inline elements is one span per text node, the first with class `aa-first`, the
/// last with `aa-last`. Nesting, outermost first: sentence, quotation, mention.
///
/// `options` may be `undefined`, `null` or an object: `quotes` (default `true`), `mentions` and
/// `sentences` (default `false`) take booleans; `paragraphs` and `scope` are those of `analyze`.
/// An unknown option or a bad value throws an `Error` naming it. An element annotated before is
/// first restored, so calling `annotate` again re-reads the text. Returns `{ text, analysis }`:
/// the text that was analyzed and the result, whose offsets point into that text.
///
/// # Example (JavaScript)
/// ```js
/// import init, { annotate, unannotate } from 'article-analyzer';
/// await init();
/// const article = document.querySelector('article');
/// const { analysis } = annotate(article, { mentions: true });
/// analysis.quotes.length; // as many as there are <span class="aa-quote aa-first">
/// unannotate(article);    // the article's DOM is the original one again
/// ```
#[wasm_bindgen]
pub fn annotate(element: &JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let element = as_element(element)?;
    let options = parse(options)?;
    unannotate_element(element);
    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("the element has no document"))?;
    let collected = collect(element, document.default_view().as_ref());
    check_input_len(collected.text.len()).map_err(|e| JsError::new(&e.to_string()))?;
    let analysis = crate::analyze(&collected.text, &options.analyze);
    let public = Public::new(&collected.text, &analysis);
    let wraps = wraps(&public, &options);
    let record = wrap(&document, &collected, &wraps).map_err(|e| JsError::new(&message(&e)))?;
    if record.length() > 0 {
        RECORDS.with(|records| records.set(element.as_ref(), &record));
    }
    Annotated {
        text: &collected.text,
        analysis: public,
    }
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .map_err(|e| JsError::new(&e.to_string()))
}

/// Undoes [`annotate`] on `element`: the text nodes it replaced are put back and its spans
/// removed, so the element's DOM is the original one (the same nodes, the same `innerHTML`).
/// Returns `true` if there was something to undo.
///
/// # Example (JavaScript)
/// ```js
/// const before = article.innerHTML;
/// annotate(article);
/// unannotate(article); // true
/// article.innerHTML === before; // true
/// unannotate(article); // false: nothing left to undo
/// ```
#[wasm_bindgen]
pub fn unannotate(element: &JsValue) -> Result<bool, JsError> {
    Ok(unannotate_element(as_element(element)?))
}

fn as_element(value: &JsValue) -> Result<&Element, JsError> {
    value
        .dyn_ref::<Element>()
        .ok_or_else(|| JsError::new("element must be a DOM Element"))
}

fn unannotate_element(element: &Element) -> bool {
    let record = RECORDS.with(|records| records.get(element.as_ref()));
    let Ok(record) = record.dyn_into::<Array>() else {
        return false;
    };
    for entry in record.iter() {
        let entry = Array::from(&entry);
        let original: Node = entry.get(0).unchecked_into();
        let replacements = Array::from(&entry.get(1));
        let first: Node = replacements.get(0).unchecked_into();
        if let Some(parent) = first.parent_node() {
            // Cannot fail: `first` is a child of `parent` and `original` a detached text node.
            let _ = parent.insert_before(&original, Some(&first));
        }
        for node in replacements.iter() {
            let node: Node = node.unchecked_into();
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
    RECORDS.with(|records| records.delete(element.as_ref()));
    true
}

fn parse(options: JsValue) -> Result<AnnotateOptions, JsError> {
    let mut parsed = AnnotateOptions {
        quotes: true,
        mentions: false,
        sentences: false,
        analyze: Options::default(),
    };
    if options.is_undefined() || options.is_null() {
        return Ok(parsed);
    }
    let unreadable = |e: JsValue| JsError::new(&format!("options cannot be read: {}", message(&e)));
    if !options.is_object() || is_array(&options).map_err(unreadable)? {
        return Err(JsError::new(
            "options must be an object, such as { mentions: true }",
        ));
    }
    let keys: Vec<String> = object_keys(&options)
        .map_err(unreadable)?
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let known: Vec<&str> = NAMES.iter().chain(&PublicOptions::NAMES).copied().collect();
    OptionsError::check_names(&keys, &known).map_err(|e| JsError::new(&e.to_string()))?;
    // The options of `analyze` are copied (each read once, by a call that catches) into a plain
    // object and checked by the binding's own parser, so the two functions speak alike.
    let plain = Object::new();
    for name in PublicOptions::NAMES {
        let key = JsValue::from_str(name);
        let value = Reflect::get(&options, &key).map_err(unreadable)?;
        Reflect::set(&plain, &key, &value).map_err(unreadable)?;
    }
    parsed.analyze = parse_options(plain.into())?;
    for name in NAMES {
        let value = Reflect::get(&options, &JsValue::from_str(name)).map_err(unreadable)?;
        let flag = if value.is_undefined() || value.is_null() {
            continue;
        } else if let Some(flag) = value.as_bool() {
            flag
        } else {
            let shown = js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|s| s.as_string())
                .or_else(|| value.js_typeof().as_string())
                .unwrap_or_default();
            return Err(JsError::new(&format!(
                "invalid value {shown} for option `{name}`: expected true or false"
            )));
        };
        match name {
            "quotes" => parsed.quotes = flag,
            "mentions" => parsed.mentions = flag,
            _ => parsed.sentences = flag,
        }
    }
    Ok(parsed)
}

/// A run of the collected text and the text node it came from (all lengths in UTF-16 units).
#[derive(Clone, Copy, Debug)]
struct Segment {
    /// First unit in the collected text.
    start: usize,
    /// Units in the collected text: the node's units, or 1 for collapsed white space.
    len: usize,
    /// Index into [`Collected::nodes`].
    node: usize,
    /// First unit in the node's data.
    node_start: usize,
    /// Units in the node's data.
    node_len: usize,
}

/// What separates the next text from the text before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    Space,
    Line,
    Paragraph,
}

/// The visible text of an element, and where each part of it lives in the DOM.
struct Collected {
    text: String,
    /// Length of `text` in UTF-16 units.
    units: usize,
    segments: Vec<Segment>,
    /// Text nodes in document order, with their length in UTF-16 units.
    nodes: Vec<(Text, usize)>,
    gap: Gap,
    /// The first run of white space behind a pending [`Gap::Space`]: node, start, length.
    space: Option<(usize, usize, usize)>,
}

impl Collected {
    fn gap(&mut self, gap: Gap) {
        if gap > self.gap {
            self.gap = gap;
        }
    }

    /// Writes the pending gap (none before the first text: the text is trimmed).
    fn flush(&mut self) {
        if !self.text.is_empty() {
            match (self.gap, self.space) {
                (Gap::None, _) => {}
                (Gap::Space, Some((node, node_start, node_len))) => {
                    self.push(" ", node, node_start, node_len);
                }
                (Gap::Space, None) => self.push_unmapped(" "),
                (Gap::Line, _) => self.push_unmapped("\n"),
                (Gap::Paragraph, _) => self.push_unmapped("\n\n"),
            }
        }
        self.gap = Gap::None;
        self.space = None;
    }

    fn push(&mut self, s: &str, node: usize, node_start: usize, node_len: usize) {
        let len = s.encode_utf16().count();
        self.segments.push(Segment {
            start: self.units,
            len,
            node,
            node_start,
            node_len,
        });
        self.text.push_str(s);
        self.units += len;
    }

    fn push_unmapped(&mut self, s: &str) {
        self.text.push_str(s);
        self.units += s.len();
    }

    /// Adds a text node, its white space collapsed unless `keep_space`.
    fn text_node(&mut self, node: Text, keep_space: bool) {
        let data = node.data();
        let index = self.nodes.len();
        let units = data.encode_utf16().count();
        self.nodes.push((node, units));
        if keep_space {
            if units > 0 {
                self.flush();
                self.push(&data, index, 0, units);
            }
            return;
        }
        let mut at = 0; // UTF-16 offset of `run` in the node
        for (space, run) in runs(&data) {
            let len = run.encode_utf16().count();
            if space {
                if self.gap == Gap::None {
                    self.gap = Gap::Space;
                    self.space = Some((index, at, len));
                }
            } else {
                self.flush();
                self.push(run, index, at, len);
            }
            at += len;
        }
    }
}

/// White space that CSS collapses.
fn is_collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

/// `s` as alternating runs: `(true, white space)` and `(false, other text)`.
fn runs(s: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = is_collapsible(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| is_collapsible(c) != space)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some((space, run))
    })
}

/// How an element takes part in the visible text.
enum Role {
    Skip,
    LineBreak,
    Inline { keep_space: bool },
    Block { keep_space: bool },
}

/// The role of `element`; `inherited`: whether its parent keeps white space, which decides when
/// no computed style can be read.
fn role(element: &Element, window: Option<&Window>, inherited: bool) -> Role {
    if element.namespace_uri().as_deref() != Some(HTML_NAMESPACE) {
        return Role::Skip;
    }
    let tag = element.local_name();
    if SKIPPED.contains(&tag.as_str()) || element.has_attribute("hidden") {
        return Role::Skip;
    }
    if tag == "br" {
        return Role::LineBreak;
    }
    if element
        .dyn_ref::<HtmlElement>()
        .is_some_and(|e| e.is_content_editable())
    {
        return Role::Skip;
    }
    let style = window.and_then(|w| w.get_computed_style(element).ok().flatten());
    let read = |name: &str| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .unwrap_or_default()
    };
    let display = read("display");
    let keep_space = matches!(
        read("white-space-collapse").as_str(),
        "preserve" | "preserve-breaks" | "break-spaces"
    ) || (display.is_empty() && (inherited || tag == "pre"));
    let block = match display.as_str() {
        "none" => return Role::Skip,
        "" => BLOCKS.contains(&tag.as_str()),
        d => !(d.starts_with("inline") || d.starts_with("ruby") || d == "contents"),
    };
    if block {
        Role::Block { keep_space }
    } else {
        Role::Inline { keep_space }
    }
}

/// Walks the element's subtree in document order (iteratively: pages nest deeply).
fn collect(root: &Element, window: Option<&Window>) -> Collected {
    let mut out = Collected {
        text: String::new(),
        units: 0,
        segments: Vec::new(),
        nodes: Vec::new(),
        gap: Gap::None,
        space: None,
    };
    // The root counts as shown even if it is, say, a <button>: the caller chose it.
    let (root_block, root_space) = match role(root, window, false) {
        Role::Block { keep_space } => (true, keep_space),
        Role::Inline { keep_space } => (false, keep_space),
        Role::Skip | Role::LineBreak => (false, false),
    };
    // Entered elements: (element, is a block, keeps white space).
    let mut stack: Vec<(Node, bool, bool)> = vec![(root.clone().into(), root_block, root_space)];
    let mut cursor = root.first_child();
    loop {
        let Some(node) = cursor else {
            let Some((element, block, _)) = stack.pop() else {
                break;
            };
            if block {
                out.gap(Gap::Paragraph);
            }
            if stack.is_empty() {
                break;
            }
            cursor = element.next_sibling();
            continue;
        };
        match node.node_type() {
            Node::TEXT_NODE => {
                let keep_space = stack.last().is_some_and(|&(_, _, keep)| keep);
                cursor = node.next_sibling();
                out.text_node(node.unchecked_into(), keep_space);
            }
            Node::ELEMENT_NODE => {
                let element: &Element = node.unchecked_ref();
                let inherited = stack.last().is_some_and(|&(_, _, keep)| keep);
                let (block, keep_space) = match role(element, window, inherited) {
                    Role::Skip => {
                        cursor = node.next_sibling();
                        continue;
                    }
                    Role::LineBreak => {
                        out.gap(Gap::Line);
                        cursor = node.next_sibling();
                        continue;
                    }
                    Role::Inline { keep_space } => (false, keep_space),
                    Role::Block { keep_space } => (true, keep_space),
                };
                if block {
                    out.gap(Gap::Paragraph);
                }
                cursor = node.first_child();
                stack.push((node, block, keep_space));
            }
            _ => cursor = node.next_sibling(),
        }
    }
    out
}

/// A highlight to draw: a range of the collected text and the span that marks it.
struct Wrap {
    start: usize,
    end: usize,
    class: &'static str,
    attributes: Vec<(&'static str, String)>,
}

/// The highlights `options` ask for, outermost kind first (sentences, quotations, mentions).
fn wraps(public: &Public, options: &AnnotateOptions) -> Vec<Wrap> {
    let speaker_attributes = |index: usize| {
        let mut attributes = vec![
            ("data-aa-speaker", index.to_string()),
            ("data-aa-hue", (index % 8).to_string()),
        ];
        if let Some(speaker) = public.speakers.get(index) {
            attributes.push(("data-speaker", speaker.name.clone()));
        }
        attributes
    };
    let mut wraps = Vec::new();
    if options.sentences {
        for (i, s) in public.sentences.iter().enumerate() {
            wraps.push(Wrap {
                start: s.start,
                end: s.end,
                class: "aa-sentence",
                attributes: vec![("data-aa-sentence", i.to_string())],
            });
        }
    }
    if options.quotes {
        for (i, q) in public.quotes.iter().enumerate() {
            let mut attributes = vec![
                ("data-aa-quote", i.to_string()),
                ("data-kind", q.kind.to_string()),
            ];
            if let Some(speaker) = q.speaker {
                attributes.extend(speaker_attributes(speaker));
            }
            if let Some(cue) = q.cue {
                attributes.push(("data-cue", cue.text.to_string()));
            }
            wraps.push(Wrap {
                start: q.start,
                end: q.end,
                class: "aa-quote",
                attributes,
            });
        }
    }
    if options.mentions {
        for (i, speaker) in public.speakers.iter().enumerate() {
            for m in &speaker.mentions {
                wraps.push(Wrap {
                    start: m.start,
                    end: m.end,
                    class: "aa-mention",
                    attributes: speaker_attributes(i),
                });
            }
        }
    }
    wraps
}

/// A part of one text node that one highlight covers (UTF-16 offsets into the node's data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Cut {
    node: usize,
    wrap: usize,
    start: usize,
    end: usize,
}

/// The parts of text nodes that `wraps` cover, in node order, merged where a highlight covers
/// adjoining runs of one node.
fn cuts(segments: &[Segment], wraps: &[Wrap]) -> Vec<Cut> {
    let mut cuts = Vec::new();
    for (w, wrap) in wraps.iter().enumerate() {
        let first = segments.partition_point(|s| s.start + s.len <= wrap.start);
        for s in segments.get(first..).unwrap_or_default() {
            if s.start >= wrap.end {
                break;
            }
            let (start, end) = if s.len == s.node_len {
                let from = wrap.start.max(s.start) - s.start;
                let to = wrap.end.min(s.start + s.len) - s.start;
                (s.node_start + from, s.node_start + to)
            } else {
                // Collapsed white space: all of it or none.
                (s.node_start, s.node_start + s.node_len)
            };
            if start < end {
                cuts.push(Cut {
                    node: s.node,
                    wrap: w,
                    start,
                    end,
                });
            }
        }
    }
    // One sort for the crate (src/order.rs). On wasm32 a `usize` has 32 bits, so two fit in a key.
    let pack = |high: usize, low: usize| key(high) << 32 | key(low);
    let cuts = sorted_by_key(cuts, &|c: &Cut| {
        (pack(c.node, c.wrap), pack(c.start, c.end))
    });
    let mut merged: Vec<Cut> = Vec::with_capacity(cuts.len());
    for cut in cuts {
        match merged.last_mut() {
            Some(last)
                if last.node == cut.node && last.wrap == cut.wrap && last.end >= cut.start =>
            {
                last.end = last.end.max(cut.end);
            }
            _ => merged.push(cut),
        }
    }
    sorted_by_key(merged, &|c: &Cut| (pack(c.node, c.start), key(c.wrap)))
}

/// Replaces every text node that a highlight touches by its pieces, each piece inside the spans
/// of the highlights that cover it. Returns the record [`unannotate`] reads.
fn wrap(document: &Document, collected: &Collected, wraps: &[Wrap]) -> Result<Array, JsValue> {
    let cuts = cuts(&collected.segments, wraps);
    // Where each highlight begins and ends: (node, offset).
    let mut first = vec![None; wraps.len()];
    let mut last = vec![None; wraps.len()];
    for c in &cuts {
        first[c.wrap].get_or_insert((c.node, c.start));
        let end = last[c.wrap].get_or_insert((c.node, c.end));
        *end = (*end).max((c.node, c.end));
    }
    let record = Array::new();
    for group in cuts.chunk_by(|a, b| a.node == b.node) {
        let Some(&(ref node, units)) = collected.nodes.get(group[0].node) else {
            continue;
        };
        let Some(parent) = node.parent_node() else {
            continue;
        };
        let wrappable = parent
            .dyn_ref::<Element>()
            .is_none_or(|p| !TEXTLESS.contains(&p.local_name().as_str()));
        let mut bounds: Vec<usize> = group.iter().flat_map(|c| [c.start, c.end]).collect();
        bounds.extend([0, units]);
        let mut bounds = sorted_by_key(bounds, &|&b| (key(b), 0));
        bounds.dedup();
        let fragment = document.create_document_fragment();
        let replacements = Array::new();
        for piece in bounds.windows(2) {
            let (start, end) = (piece[0], piece[1]);
            let text = node.substring_data(start as u32, (end - start) as u32)?;
            let mut outer: Node = document.create_text_node(&text).into();
            if wrappable {
                let covering: Vec<&Cut> = group
                    .iter()
                    .filter(|c| c.start <= start && end <= c.end)
                    .collect();
                // Innermost (the last kind) first, so the outermost kind ends up outside.
                let covering = sorted_by_key(covering, &|c| (!key(c.wrap), 0));
                for c in covering {
                    let span = span(document, &wraps[c.wrap])?;
                    let classes = span.class_list();
                    if first[c.wrap] == Some((c.node, start)) {
                        classes.add_1("aa-first")?;
                    }
                    if last[c.wrap] == Some((c.node, end)) {
                        classes.add_1("aa-last")?;
                    }
                    span.append_child(&outer)?;
                    outer = span.into();
                }
            }
            fragment.append_child(&outer)?;
            replacements.push(&outer);
        }
        parent.replace_child(&fragment, node)?;
        record.push(&Array::of2(node, &replacements));
    }
    Ok(record)
}

fn span(document: &Document, wrap: &Wrap) -> Result<Element, JsValue> {
    let span = document.create_element("span")?;
    span.set_class_name(wrap.class);
    for (name, value) in &wrap.attributes {
        span.set_attribute(name, value)?;
    }
    Ok(span)
}
