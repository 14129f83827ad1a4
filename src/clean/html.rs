//! HTML to article text, as [`Edit`]s of the input and [`Hint`]s about its blocks.
//!
//! The analyzer keeps every span pointing into the text as pasted, so nothing here builds a new
//! string: [`extract`] and [`strip_inline`] return sorted, non-overlapping edits on character
//! boundaries (applied by [`super::edit::apply`]) and the input byte ranges of blocks whose
//! markup says what they are.
//!
//! # Documents ([`extract`])
//! - **Parsing** follows the HTML tokenizer where it matters and never panics: a `<` starts a tag
//!   only before a letter (`a < b`, `<3` stay text); quoted attribute values may hold `>`;
//!   comments, `<!DOCTYPE>`, `<?…>` and bogus comments run to their `>`; a tag or comment cut off
//!   by the end of the input runs to the end. `script`, `style`, `textarea`, `title`, `noscript`
//!   and `iframe` hold raw text up to their own end tag. A CDATA section's markers are removed
//!   and its content read as markup (feeds wrap article HTML in them). Elements nest on an
//!   explicit stack (no recursion); an end tag closes the nearest open element of its name within
//!   the top 256, and `p`, `li`, `dt`/`dd`, `tr`, `td`/`th` and `head` close implicitly as in
//!   browsers. Every pass is linear.
//! - **Scope.** If the document has an `<article>`, the one with the most text is the article;
//!   else the largest `<main>`, else the largest `itemprop="articleBody"` element. A kind is
//!   passed over when its largest element has less than half the text of the largest
//!   candidate (so teaser cards in `<article>`s do not hide a story in `<main>`), and elements
//!   without text or inside furniture are no candidates. Text outside the scope is furniture,
//!   except the `<h1>` headline when the scope has none: the last `<h1>` before the scope (else
//!   the first after it) that is not inside furniture or a site header (a `header` holding a
//!   `nav`); a `header` around it then stays, hidden but for the headline.
//! - **Furniture** ([`EditKind::Furniture`]), dropped with its content: `script`, `style`,
//!   `noscript`, `template`, `svg`, `iframe`, `form`, `button`, `select`, `textarea`, `canvas`,
//!   `audio`, `video`, `object`, `nav`, `head` (with `title`), `aside`, `footer`, `header`
//!   outside the scope (inside it, it holds the headline and byline), comments and doctypes.
//!   `figure` is furniture except its `figcaption`. An element whose `class` or `id` has a word
//!   in [`FURNITURE_MARKERS`] (`share-bar`, `ad-slot`, `related`) is dropped too. Those markers
//!   and the `form`-like tags are ignored on an element holding half the article's text or more,
//!   so a marker on a wrapper (or a `<form>` around a whole page) never empties it.
//! - **Blocks** (`p`, `div`, `section`, `h1`–`h6`, `li`, `blockquote`, `figcaption`, `pre`,
//!   `tr`, `dd`/`dt`, `address`, `hr`, …) separate paragraphs: the markup between two blocks
//!   becomes one edit whose replacement is `"\n\n"` ([`EditKind::Tag`]), `<br>` a `"\n"` (two in
//!   a row a paragraph break), a table cell a space. Inline tags (`a`, `em`, `span`, `time`, …)
//!   are removed with nothing in their place, so `<span>a</span><span>b</span>` stays `ab` and
//!   the source's own spaces are what separate words.
//! - **Whitespace.** Outside `<pre>`, a run of whitespace inside a block becomes one space
//!   ([`EditKind::Whitespace`]) and whitespace at a block's start or end goes; inside `<pre>` the
//!   whitespace between words stays as written. An edit never replaces text by the same text:
//!   where a kept space or line break already stands in the source, the edit leaves it alone.
//! - **Character references** in kept text are decoded ([`EditKind::Entity`], see
//!   [`super::entities`]); attribute values are only read for roles.
//! - **Hints** cover, in input bytes, the first to the last kept character of a block: `h1`–`h6`
//!   give [`Role::Heading`], `figcaption` [`Role::Caption`], `blockquote` [`Role::Blockquote`],
//!   and an element whose `class`, `rel` or `itemprop` contains `byline` or `author` gives
//!   [`Role::Byline`] to its nearest enclosing block when that block is short (else to itself).
//!
//! # Plain text ([`strip_inline`])
//! Text that is not a document may still carry stray tags. Only tags with a known HTML name,
//! written on one line, whose attributes are all `name=value`, are removed: `<br>` becomes a line
//! break, a block tag between two words a line break, anything else nothing. Character
//! references are decoded. A line wholly wrapped in `<em>…</em>` or `<i>…</i>` (a photo caption as
//! wire copy writes it) gets a [`Role::Caption`] hint.

use super::edit::{Edit, EditKind, Hint, Role};
use super::entities;
use std::ops::Range;

/// No element (the root).
const NONE: u32 = u32::MAX;
/// How far down the open elements an end tag looks for its start tag.
const MAX_END_SEARCH: usize = 256;
/// The most text (non-space bytes) a block may have and still be a byline.
const MAX_BYLINE: usize = 300;
/// Words of a `class` or `id` (split at anything but letters and digits, any case) that mark
/// page furniture. Kept short and unambiguous: "comment" alone also names opinion sections.
const FURNITURE_MARKERS: &str = "ad ads advert adverts advertisement breadcrumb breadcrumbs \
    comments consent cookie cookies menu newsletter promo related share sharing sidebar social \
    subscribe";

/// Token flag: a `class` or `id` word marks furniture.
const FURNITURE: u8 = 1;
/// Token flag: `class`, `rel` or `itemprop` names the author or byline.
const BYLINE: u8 = 2;
/// Token flag: `itemprop="articleBody"`.
const ARTICLE_BODY: u8 = 4;
/// Token flag: the start tag ends with `/>`.
const SELF_CLOSING: u8 = 8;

/// What a tag name means here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    /// A name this module does not know (custom elements, `o:p`): inline.
    Unknown,
    /// A known inline element: `a`, `em`, `span`, `time`, `abbr`…
    Inline,
    /// A known void inline element: `img`, `wbr`, `meta`, `input`…
    Void,
    /// A block with no other meaning here: `div`, `section`, `ul`, `table`…
    Block,
    /// Always furniture, with its content: `script`, `style`, `form`, `svg`…
    Drop,
    /// `nav`: furniture.
    Nav,
    /// `head`: furniture.
    Head,
    /// `html` and `body`.
    Body,
    /// `header`: furniture outside the article.
    Header,
    /// `aside` and `footer`: furniture.
    Aside,
    /// `figure`: furniture but for its caption.
    Figure,
    /// `figcaption`.
    Figcaption,
    /// `article`.
    Article,
    /// `main`.
    Main,
    /// `h1`…`h6`.
    Heading(u8),
    /// `p`.
    P,
    /// `li`.
    Li,
    /// `dt` and `dd`.
    Item,
    /// `tr`.
    Tr,
    /// `td` and `th`.
    Cell,
    /// `blockquote`.
    Blockquote,
    /// `pre`.
    Pre,
    /// `br`.
    Br,
    /// `hr`.
    Hr,
}

impl Tag {
    /// Whether the element starts and ends a paragraph.
    fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Unknown | Tag::Inline | Tag::Void | Tag::Drop | Tag::Br | Tag::Cell
        )
    }

    /// Whether the element never has content.
    fn is_void(self) -> bool {
        matches!(self, Tag::Void | Tag::Br | Tag::Hr)
    }
}

/// The HTML elements this module knows, sorted by name.
#[rustfmt::skip]
const TAGS: [(&str, Tag); 107] = [
    ("a", Tag::Inline), ("abbr", Tag::Inline), ("address", Tag::Block), ("area", Tag::Void),
    ("article", Tag::Article), ("aside", Tag::Aside), ("audio", Tag::Drop), ("b", Tag::Inline),
    ("base", Tag::Void), ("bdi", Tag::Inline), ("bdo", Tag::Inline), ("big", Tag::Inline),
    ("blockquote", Tag::Blockquote), ("body", Tag::Body), ("br", Tag::Br), ("button", Tag::Drop),
    ("canvas", Tag::Drop), ("caption", Tag::Block), ("center", Tag::Block), ("cite", Tag::Inline),
    ("code", Tag::Inline), ("col", Tag::Void), ("data", Tag::Inline), ("dd", Tag::Item),
    ("del", Tag::Inline), ("details", Tag::Block), ("dfn", Tag::Inline), ("dialog", Tag::Block),
    ("dir", Tag::Block), ("div", Tag::Block), ("dl", Tag::Block), ("dt", Tag::Item),
    ("em", Tag::Inline), ("embed", Tag::Void), ("fieldset", Tag::Block),
    ("figcaption", Tag::Figcaption), ("figure", Tag::Figure), ("font", Tag::Inline),
    ("footer", Tag::Aside), ("form", Tag::Drop), ("h1", Tag::Heading(1)), ("h2", Tag::Heading(2)),
    ("h3", Tag::Heading(3)), ("h4", Tag::Heading(4)), ("h5", Tag::Heading(5)),
    ("h6", Tag::Heading(6)), ("head", Tag::Head), ("header", Tag::Header), ("hgroup", Tag::Block),
    ("hr", Tag::Hr), ("html", Tag::Body), ("i", Tag::Inline), ("iframe", Tag::Drop),
    ("img", Tag::Void), ("input", Tag::Void), ("ins", Tag::Inline), ("kbd", Tag::Inline),
    ("label", Tag::Inline), ("legend", Tag::Block), ("li", Tag::Li), ("link", Tag::Void),
    ("main", Tag::Main), ("mark", Tag::Inline), ("menu", Tag::Block), ("meta", Tag::Void),
    ("nav", Tag::Nav), ("nobr", Tag::Inline), ("noscript", Tag::Drop), ("object", Tag::Drop),
    ("ol", Tag::Block), ("p", Tag::P), ("param", Tag::Void), ("pre", Tag::Pre), ("q", Tag::Inline),
    ("s", Tag::Inline), ("samp", Tag::Inline), ("script", Tag::Drop), ("section", Tag::Block),
    ("select", Tag::Drop), ("small", Tag::Inline), ("source", Tag::Void), ("span", Tag::Inline),
    ("strike", Tag::Inline), ("strong", Tag::Inline), ("style", Tag::Drop), ("sub", Tag::Inline),
    ("summary", Tag::Block), ("sup", Tag::Inline), ("svg", Tag::Drop), ("table", Tag::Block),
    ("tbody", Tag::Block), ("td", Tag::Cell), ("template", Tag::Drop), ("textarea", Tag::Drop),
    ("tfoot", Tag::Block), ("th", Tag::Cell), ("thead", Tag::Block), ("time", Tag::Inline),
    ("title", Tag::Drop), ("tr", Tag::Tr), ("track", Tag::Void), ("tt", Tag::Inline),
    ("u", Tag::Inline), ("ul", Tag::Block), ("var", Tag::Inline), ("video", Tag::Drop),
    ("wbr", Tag::Void),
];

/// The meaning of a tag name, in any case.
fn classify(name: &[u8]) -> Tag {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return Tag::Unknown;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    TAGS.binary_search_by(|(tag, _)| tag.as_bytes().cmp(lower))
        .map_or(Tag::Unknown, |i| TAGS[i].1)
}

/// Elements whose content is raw text up to their own end tag.
fn is_raw_text(name: &[u8]) -> bool {
    ["script", "style", "textarea", "title", "noscript", "iframe"]
        .iter()
        .any(|raw| name.eq_ignore_ascii_case(raw.as_bytes()))
}

/// HTML's whitespace: space, tab, line feed, form feed, carriage return.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// The first position at or after `from` where `needle` starts.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Whether `haystack` contains `needle` in any ASCII case.
fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The end of the bogus comment (`<!…>`, `<?…>`, `</ …>`) whose body starts at `from`.
fn to_gt(b: &[u8], from: usize) -> usize {
    find(b, from, b">").map_or(b.len(), |p| p + 1)
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Character data.
    Text,
    /// A start tag.
    Start,
    /// An end tag.
    End,
    /// A comment, doctype or processing instruction.
    Comment,
    /// The content of a raw-text element.
    Raw,
    /// Markup without meaning: `</>`, a CDATA marker, a tag cut off by the end of the input.
    Junk,
}

/// One token of a document.
#[derive(Clone, Copy, Debug)]
struct Token {
    /// Where the token starts in the input.
    start: usize,
    /// Where it ends.
    end: usize,
    /// Where a tag's name ends.
    name_end: usize,
    /// What it is.
    kind: Kind,
    /// A tag's meaning.
    tag: Tag,
    /// [`FURNITURE`], [`BYLINE`], [`ARTICLE_BODY`], [`SELF_CLOSING`].
    flags: u8,
    /// The element a start tag opens or an end tag closes, or [`NONE`].
    elem: u32,
    /// The innermost open element once the token's implied or explicit closes are done.
    parent: u32,
}

impl Token {
    /// A token of `kind` over `start..end`, before the tree is built.
    fn new(start: usize, end: usize, kind: Kind) -> Token {
        Token {
            start,
            end,
            name_end: start,
            kind,
            tag: Tag::Unknown,
            flags: 0,
            elem: NONE,
            parent: NONE,
        }
    }
}

/// The flags an attribute contributes.
fn attribute_flags(name: &[u8], value: &[u8]) -> u8 {
    let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
    let mut flags = 0;
    if (is("class") || is("id"))
        && value.split(|c| !c.is_ascii_alphanumeric()).any(|w| {
            FURNITURE_MARKERS
                .split_ascii_whitespace()
                .any(|m| w.eq_ignore_ascii_case(m.as_bytes()))
        })
    {
        flags |= FURNITURE;
    }
    if (is("class") || is("rel") || is("itemprop"))
        && (contains_ignore_case(value, b"byline") || contains_ignore_case(value, b"author"))
    {
        flags |= BYLINE;
    }
    if is("itemprop") && contains_ignore_case(value, b"articlebody") {
        flags |= ARTICLE_BODY;
    }
    flags
}

/// Reads the attributes of a tag from `j` (just after its name) to its `>`: the position after
/// the `>` and the tag's flags, or `None` if the input ends first.
fn attributes(b: &[u8], mut j: usize) -> Option<(usize, u8)> {
    let mut flags = 0;
    let mut slash = false;
    loop {
        while j < b.len() && (is_space(b[j]) || b[j] == b'/') {
            slash = b[j] == b'/';
            j += 1;
        }
        match b.get(j)? {
            b'>' if slash => return Some((j + 1, flags | SELF_CLOSING)),
            b'>' => return Some((j + 1, flags)),
            _ => slash = false,
        }
        let name_start = j;
        j += 1;
        while j < b.len() && !matches!(b[j], b'/' | b'>' | b'=') && !is_space(b[j]) {
            j += 1;
        }
        let name = &b[name_start..j];
        let mut k = j;
        while k < b.len() && is_space(b[k]) {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            continue;
        }
        k += 1;
        while k < b.len() && is_space(b[k]) {
            k += 1;
        }
        let value = match *b.get(k)? {
            quote @ (b'"' | b'\'') => {
                let close = find(b, k + 1, &[quote])?;
                j = close + 1;
                k + 1..close
            }
            _ => {
                j = k;
                while j < b.len() && b[j] != b'>' && !is_space(b[j]) {
                    j += 1;
                }
                k..j
            }
        };
        flags |= attribute_flags(name, &b[value]);
    }
}

/// The markup token starting with the `<` at `lt`, or `None` if that `<` is text.
fn markup(b: &[u8], lt: usize) -> Option<Token> {
    let rest = &b[lt..];
    let bogus = |from: usize| Some(Token::new(lt, to_gt(b, from), Kind::Comment));
    match *rest.get(1)? {
        b'!' if rest.starts_with(b"<!--") => {
            // `<!-->` and `<!--->` are complete (empty) comments, as in browsers.
            let end = if rest[4..].starts_with(b">") {
                lt + 5
            } else if rest[4..].starts_with(b"->") {
                lt + 6
            } else {
                find(b, lt + 4, b"-->").map_or(b.len(), |p| p + 3)
            };
            Some(Token::new(lt, end, Kind::Comment))
        }
        b'!' if rest.starts_with(b"<![CDATA[") => Some(Token::new(lt, lt + 9, Kind::Junk)),
        b'!' | b'?' => bogus(lt + 2),
        b'/' => match *rest.get(2)? {
            c if c.is_ascii_alphabetic() => Some(tag(b, lt, true)),
            b'>' => Some(Token::new(lt, lt + 3, Kind::Junk)),
            _ => bogus(lt + 2),
        },
        c if c.is_ascii_alphabetic() => Some(tag(b, lt, false)),
        _ => None,
    }
}

/// The start or end tag at `lt` (whose name starts with a letter). A tag the input cuts off is
/// junk running to the end.
fn tag(b: &[u8], lt: usize, end_tag: bool) -> Token {
    let name_start = lt + 1 + usize::from(end_tag);
    let mut name_end = name_start;
    while name_end < b.len() && !matches!(b[name_end], b'/' | b'>') && !is_space(b[name_end]) {
        name_end += 1;
    }
    let Some((end, flags)) = attributes(b, name_end) else {
        return Token::new(lt, b.len(), Kind::Junk);
    };
    let kind = if end_tag { Kind::End } else { Kind::Start };
    Token {
        name_end,
        tag: classify(&b[name_start..name_end]),
        flags: if end_tag { 0 } else { flags },
        ..Token::new(lt, end, kind)
    }
}

/// Splits a document into tokens: text, tags, comments and raw text. Linear: every byte is read
/// a bounded number of times.
fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut tokens = Vec::new();
    let (mut i, mut text_start) = (0, 0);
    // The `]]>` closing the open CDATA section, and whether one was left unclosed (so later
    // openers need not search again).
    let mut cdata_end: Option<usize> = None;
    let mut cdata_unclosed = false;
    let push_text = |tokens: &mut Vec<Token>, start: usize, end: usize, kind: Kind| {
        if start < end {
            tokens.push(Token::new(start, end, kind));
        }
    };
    loop {
        let lt = find(b, i, b"<");
        if let Some(close) = cdata_end.filter(|&c| c >= i && lt.is_none_or(|lt| c < lt)) {
            push_text(&mut tokens, text_start, close, Kind::Text);
            tokens.push(Token::new(close, close + 3, Kind::Junk));
            (i, text_start, cdata_end) = (close + 3, close + 3, None);
            continue;
        }
        let Some(lt) = lt else { break };
        let Some(token) = markup(b, lt) else {
            i = lt + 1;
            continue;
        };
        push_text(&mut tokens, text_start, lt, Kind::Text);
        tokens.push(token);
        i = token.end;
        if token.kind == Kind::Junk && b[lt..].starts_with(b"<![CDATA[") {
            if cdata_end.is_none_or(|c| c < i) && !cdata_unclosed {
                cdata_end = find(b, i, b"]]>");
                cdata_unclosed = cdata_end.is_none();
            }
        } else if token.kind == Kind::Start && is_raw_text(&b[lt + 1..token.name_end]) {
            let name = &b[lt + 1..token.name_end];
            let mut from = i;
            let mut close = None;
            while let Some(p) = find(b, from, b"</") {
                let name_end = p + 2 + name.len();
                if b.get(p + 2..name_end)
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
                    && b.get(name_end)
                        .is_none_or(|&c| c == b'/' || c == b'>' || is_space(c))
                {
                    close = Some(p);
                    break;
                }
                from = p + 2;
            }
            let content_end = close.unwrap_or(b.len());
            push_text(&mut tokens, i, content_end, Kind::Raw);
            i = content_end;
            if close.is_some() {
                let end_tag = tag(b, content_end, true);
                tokens.push(end_tag);
                i = end_tag.end;
            }
        }
        text_start = i;
    }
    push_text(&mut tokens, text_start, b.len(), Kind::Text);
    tokens
}

/// An element of the document tree.
#[derive(Clone, Copy, Debug)]
struct Elem {
    /// Its start tag's meaning.
    tag: Tag,
    /// The start tag's token.
    open: usize,
    /// The token that closed it (its end tag, or what closed it implicitly), or the token count.
    close: usize,
    /// The enclosing element, or [`NONE`].
    parent: u32,
    /// Non-space bytes of text in the element and its descendants.
    text: usize,
    /// Whether a `nav` lies inside.
    has_nav: bool,
}

/// Builds the element tree over `tokens`, filling in each token's `elem` and `parent`. Returns
/// the elements in document order and the document's non-space text bytes.
fn build(b: &[u8], tokens: &mut [Token]) -> (Vec<Elem>, usize) {
    let mut elems: Vec<Elem> = Vec::new();
    let mut stack: Vec<u32> = Vec::new();
    let mut total = 0;
    let pop = |stack: &mut Vec<u32>, elems: &mut Vec<Elem>, at: usize| {
        if let Some(e) = stack.pop() {
            let child = &mut elems[e as usize];
            child.close = at;
            let (text, nav) = (child.text, child.has_nav || child.tag == Tag::Nav);
            if let Some(&p) = stack.last() {
                elems[p as usize].text += text;
                elems[p as usize].has_nav |= nav;
            }
        }
    };
    for i in 0..tokens.len() {
        let t = tokens[i];
        let top =
            |stack: &Vec<u32>, elems: &Vec<Elem>| stack.last().map(|&e| elems[e as usize].tag);
        match t.kind {
            Kind::Text => {
                let n = b[t.start..t.end].iter().filter(|&&c| !is_space(c)).count();
                if n > 0 && top(&stack, &elems) == Some(Tag::Head) {
                    pop(&mut stack, &mut elems, i);
                }
                total += n;
                if let Some(&e) = stack.last() {
                    elems[e as usize].text += n;
                }
                tokens[i].parent = stack.last().copied().unwrap_or(NONE);
            }
            Kind::Start => {
                let tag = t.tag;
                if top(&stack, &elems) == Some(Tag::Head) && !matches!(tag, Tag::Void | Tag::Drop) {
                    pop(&mut stack, &mut elems, i);
                }
                if tag.is_block() && top(&stack, &elems) == Some(Tag::P) {
                    pop(&mut stack, &mut elems, i);
                }
                let closes: &[Tag] = match tag {
                    Tag::Li => &[Tag::Li],
                    Tag::Item => &[Tag::Item],
                    Tag::Tr => &[Tag::Cell, Tag::Tr],
                    Tag::Cell => &[Tag::Cell],
                    _ => &[],
                };
                for &closed in closes {
                    if top(&stack, &elems) == Some(closed) {
                        pop(&mut stack, &mut elems, i);
                    }
                }
                tokens[i].parent = stack.last().copied().unwrap_or(NONE);
                if !tag.is_void() && t.flags & SELF_CLOSING == 0 {
                    let e = elems.len() as u32;
                    elems.push(Elem {
                        tag,
                        open: i,
                        close: tokens.len(),
                        parent: tokens[i].parent,
                        text: 0,
                        has_nav: false,
                    });
                    stack.push(e);
                    tokens[i].elem = e;
                }
            }
            Kind::End => {
                let name = &b[t.start + 2..t.name_end];
                let depth = stack.iter().rev().take(MAX_END_SEARCH).position(|&e| {
                    let open = &tokens[elems[e as usize].open];
                    b[open.start + 1..open.name_end].eq_ignore_ascii_case(name)
                });
                if let Some(depth) = depth {
                    tokens[i].elem = stack[stack.len() - 1 - depth];
                    for _ in 0..=depth {
                        pop(&mut stack, &mut elems, i);
                    }
                }
                tokens[i].parent = stack.last().copied().unwrap_or(NONE);
            }
            _ => tokens[i].parent = stack.last().copied().unwrap_or(NONE),
        }
    }
    while !stack.is_empty() {
        pop(&mut stack, &mut elems, tokens.len());
    }
    (elems, total)
}

/// Element state bit: inside the article (or the article itself).
const IN_SCOPE: u8 = 1;
/// Element state bit: furniture by itself.
const DROP: u8 = 2;
/// Element state bit: furniture or inside furniture.
const DROPPED: u8 = 4;
/// Element state bit: furniture or inside furniture, a `header` outside the article aside.
const DROPPED_LOOSE: u8 = 8;
/// Element state bit: inside a `header` that holds a `nav` (the site's header).
const SITE: u8 = 16;
/// Element state bit: the kept headline or one of its ancestors.
const KEEP: u8 = 32;

/// What the tree says about the document: its article, its headline and each element's state.
struct Plan {
    /// The article element, or [`NONE`] (then the whole document is the article).
    scope: u32,
    /// The `<h1>` kept from outside the scope, or [`NONE`].
    headline: u32,
    /// Each element's [`IN_SCOPE`], [`DROP`], [`KEEP`]… bits.
    state: Vec<u8>,
}

/// Whether an element is furniture by itself, given the text of the article (or the document).
fn is_furniture(e: &Elem, flags: u8, reference: usize) -> bool {
    let outsized = e.text * 2 >= reference;
    match e.tag {
        Tag::Nav | Tag::Aside | Tag::Head => true,
        Tag::Drop => !outsized,
        Tag::Body | Tag::Article | Tag::Main => false,
        _ => flags & FURNITURE != 0 && !outsized,
    }
}

/// Picks the article scope, marks furniture and chooses the headline to keep.
fn plan(elems: &[Elem], total: usize, flags: impl Fn(&Elem) -> u8) -> Plan {
    // A teaser `<article>` in a sidebar is no candidate.
    let mut in_furniture = vec![false; elems.len()];
    for (i, e) in elems.iter().enumerate() {
        in_furniture[i] = in_furniture
            .get(e.parent as usize)
            .copied()
            .unwrap_or(false)
            || is_furniture(e, flags(e), total);
    }
    let largest = |pred: &dyn Fn(&Elem) -> bool| {
        (0..elems.len())
            .filter(|&e| pred(&elems[e]) && elems[e].text > 0 && !in_furniture[e])
            .max_by_key(|&e| (elems[e].text, std::cmp::Reverse(e)))
    };
    let candidates = [
        largest(&|e| e.tag == Tag::Article),
        largest(&|e| e.tag == Tag::Main),
        largest(&|e| flags(e) & ARTICLE_BODY != 0),
    ];
    let most = candidates.iter().flatten().map(|&e| elems[e].text).max();
    let scope = candidates
        .iter()
        .flatten()
        .find(|&&e| Some(elems[e].text * 2) >= most)
        .map_or(NONE, |&e| e as u32);
    let reference = elems.get(scope as usize).map_or(total, |e| e.text);
    let mut state = vec![0u8; elems.len()];
    for (i, e) in elems.iter().enumerate() {
        let up = state.get(e.parent as usize).copied().unwrap_or(0);
        let in_scope = i as u32 == scope || up & IN_SCOPE != 0;
        let furniture = is_furniture(e, flags(e), reference);
        let strict = furniture || (e.tag == Tag::Header && !in_scope);
        let bit = |on: bool, bit: u8| if on { bit } else { 0 };
        state[i] = bit(in_scope, IN_SCOPE)
            | bit(strict, DROP)
            | bit(strict || up & DROPPED != 0, DROPPED)
            | bit(furniture || up & DROPPED_LOOSE != 0, DROPPED_LOOSE)
            | bit(up & SITE != 0 || (e.tag == Tag::Header && e.has_nav), SITE);
    }
    let h1s = || (0..elems.len()).filter(|&i| elems[i].tag == Tag::Heading(1) && elems[i].text > 0);
    let has_headline =
        h1s().any(|i| (scope == NONE || state[i] & IN_SCOPE != 0) && state[i] & DROPPED == 0);
    let mut headline = NONE;
    if !has_headline {
        let start = elems.get(scope as usize).map_or(0, |e| e.open);
        let outside = || h1s().filter(|&i| state[i] & (IN_SCOPE | DROPPED_LOOSE | SITE) == 0);
        let before = outside().rfind(|&i| elems[i].open < start);
        if let Some(h) = before.or_else(|| outside().next()) {
            headline = h as u32;
            let mut e = headline;
            while let Some(s) = state.get_mut(e as usize) {
                *s |= KEEP;
                e = elems[e as usize].parent;
            }
        }
    }
    Plan {
        scope,
        headline,
        state,
    }
}

/// What separates the kept text before a gap from the text after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    /// Nothing: the texts join.
    None,
    /// A space.
    Space,
    /// Whitespace inside `<pre>`: kept as written.
    Pre,
    /// A line break.
    Line,
    /// A paragraph break (a blank line).
    Para,
}

/// A removed stretch of the input inside the current gap.
#[derive(Clone, Copy, Debug)]
struct Seg {
    /// Where it starts in the input.
    start: usize,
    /// Where it ends.
    end: usize,
    /// Why it goes: [`EditKind::Whitespace`], [`EditKind::Tag`] or [`EditKind::Furniture`].
    kind: EditKind,
}

/// An open element as the walk sees it.
#[derive(Clone, Copy, Debug)]
struct Frame {
    /// The element.
    elem: u32,
    /// Whether its text is article text (before `figure` quiets it).
    visible: bool,
    /// Inside a `figure` but not its `figcaption`.
    quiet: bool,
    /// Inside a `<pre>`.
    pre: bool,
    /// The frame index of the nearest enclosing block (itself for a block), or `usize::MAX`.
    block: usize,
    /// What its hint will say, if it gets one.
    role: Option<Role>,
    /// Its entry in [`Walk::slots`] once it has kept text (for a block or a role), or
    /// `usize::MAX`.
    slot: usize,
}

impl Frame {
    /// Whether text directly inside is kept.
    fn keeps(&self) -> bool {
        self.visible && !self.quiet
    }
}

/// The walk over the tokens that writes the edits.
struct Walk<'a> {
    /// The document.
    text: &'a str,
    /// Its tokens.
    tokens: &'a [Token],
    /// Its elements.
    elems: &'a [Elem],
    /// Its article, headline and furniture.
    plan: Plan,
    /// The edits written so far.
    edits: Vec<Edit>,
    /// A would-be hint for each block or role element with kept text, in the order of their
    /// first kept character (outer first), so the hints come out sorted: the range so far and,
    /// once the element closes, its role.
    slots: Vec<(Range<usize>, Option<Role>)>,
    /// The removed stretches since the last kept text.
    gap: Vec<Seg>,
    /// What the gap must leave between the kept texts around it.
    sep: Sep,
    /// Whether any text has been kept.
    started: bool,
    /// The end of the last kept run of text.
    last_end: usize,
    /// The open elements.
    frames: Vec<Frame>,
    /// Frames from this index on have not seen kept text yet.
    fresh: usize,
}

impl Walk<'_> {
    /// Asks for at least `sep` between the kept text before and after.
    fn sep(&mut self, sep: Sep) {
        self.sep = self.sep.max(sep);
    }

    /// A `<br>`: a line break, or a paragraph break after another.
    fn br(&mut self) {
        self.sep = if self.sep == Sep::Line {
            Sep::Para
        } else {
            self.sep.max(Sep::Line)
        };
    }

    /// Removes `start..end` (joined to the gap).
    fn remove(&mut self, start: usize, end: usize, kind: EditKind, pre: bool) {
        if start >= end {
            return;
        }
        if let Some(last) = self.gap.last_mut().filter(|s| s.end == start) {
            use EditKind::{Tag, Whitespace};
            let merged = match (last.kind, kind) {
                (a, b) if a == b => Some(a),
                (Whitespace, Tag) | (Tag, Whitespace) if !pre => Some(Tag),
                _ => None,
            };
            if let Some(kind) = merged {
                (last.end, last.kind) = (end, kind);
                return;
            }
        }
        self.gap.push(Seg { start, end, kind });
    }

    /// Where in `seg` the text already reads `with` between removed markup: at its start or
    /// end, or for a space, next to a tag (`</b> <i>`).
    fn spot(&self, seg: &Seg, with: &str) -> Option<usize> {
        let s = &self.text[seg.start..seg.end];
        if with.is_empty() || seg.kind == EditKind::Furniture {
            None
        } else if s.starts_with(with) {
            Some(0)
        } else if s.ends_with(with) {
            Some(s.len() - with.len())
        } else if with == " " {
            s.match_indices(' ')
                .map(|(p, _)| p)
                .find(|&p| s[..p].ends_with('>') || s[p + 1..].starts_with('<'))
        } else {
            None
        }
    }

    /// Writes the edits replacing `seg` by `with`, leaving alone a `with` that already stands in
    /// it (see [`Walk::spot`]).
    fn emit(&mut self, seg: Seg, with: &'static str) {
        let Seg { start, end, kind } = seg;
        if self.text[start..end] == *with {
            return;
        }
        let Some(at) = self.spot(&seg, with) else {
            self.edits.push(Edit::new(start..end, with, kind));
            return;
        };
        for range in [start..start + at, start + at + with.len()..end] {
            if !range.is_empty() {
                self.edits.push(Edit::new(range, "", kind));
            }
        }
    }

    /// Writes the gap's edits before more kept text (or, with `end`, at the end of the input).
    fn flush(&mut self, end: bool) {
        let sep = if self.started && !end {
            self.sep
        } else {
            Sep::None
        };
        let with = match sep {
            Sep::Para => "\n\n",
            Sep::Line => "\n",
            Sep::Space => " ",
            Sep::None | Sep::Pre => "",
        };
        let gap = std::mem::take(&mut self.gap);
        // The separator goes where the source already has it, else on the first markup.
        let target = (gap.iter().position(|s| self.spot(s, with).is_some()))
            .or_else(|| gap.iter().position(|s| s.kind != EditKind::Furniture))
            .unwrap_or(0);
        for (i, &seg) in gap.iter().enumerate() {
            if sep == Sep::Pre && seg.kind == EditKind::Whitespace {
                continue;
            }
            self.emit(seg, if i == target { with } else { "" });
        }
        self.gap = gap;
        self.gap.clear();
        self.sep = Sep::None;
    }

    /// Keeps the text `start..end`: whitespace runs join the gap, words are kept with their
    /// character references decoded.
    fn text(&mut self, start: usize, end: usize, pre: bool) {
        let b = self.text.as_bytes();
        let mut i = start;
        while i < end {
            let space = is_space(b[i]);
            let j = (i..end).find(|&k| is_space(b[k]) != space).unwrap_or(end);
            if space {
                self.remove(i, j, EditKind::Whitespace, pre);
                self.sep(if pre { Sep::Pre } else { Sep::Space });
            } else {
                self.flush(false);
                self.started = true;
                for (k, frame) in self.frames.iter_mut().enumerate().skip(self.fresh) {
                    if frame.role.is_some() || frame.block == k {
                        frame.slot = self.slots.len();
                        self.slots.push((i..i, None));
                    }
                }
                self.fresh = self.frames.len();
                self.last_end = j;
                let mut k = i;
                while let Some(amp) = b[k..j].iter().position(|&c| c == b'&').map(|p| k + p) {
                    k = amp + 1;
                    if let Some((len, c)) = entities::at(&self.text[amp..j]) {
                        self.edits.push(Edit::new(
                            amp..amp + len,
                            String::from(c),
                            EditKind::Entity,
                        ));
                        k = amp + len;
                    }
                }
            }
            i = j;
        }
    }

    /// Closes the innermost frame: a block ends its paragraph, a role becomes a hint.
    fn pop(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        self.fresh = self.fresh.min(self.frames.len());
        if self.elems[frame.elem as usize].tag.is_block() {
            self.sep(Sep::Para);
        }
        if let Some((range, role)) = self.slots.get_mut(frame.slot) {
            (range.end, *role) = (self.last_end, frame.role);
        }
    }

    /// Whether text in the innermost open element is kept.
    fn keeps(&self) -> bool {
        self.frames
            .last()
            .map_or(self.plan.scope == NONE, Frame::keeps)
    }

    /// The separator a tag asks for.
    fn boundary(&mut self, tag: Tag, start: bool) {
        match tag {
            Tag::Br => self.br(),
            Tag::Cell if start => self.sep(Sep::Space),
            tag if tag.is_block() => self.sep(Sep::Para),
            _ => {}
        }
    }

    /// Reads token `i`; returns the index of the next token to read.
    fn token(&mut self, i: usize) -> usize {
        let t = self.tokens[i];
        let kept_before = self.keeps();
        while self.frames.last().is_some_and(|f| f.elem != t.parent) {
            self.pop();
        }
        let kept = self.keeps();
        let pre = self.frames.last().is_some_and(|f| f.pre);
        let tag_kind = |kept| {
            if kept {
                EditKind::Tag
            } else {
                EditKind::Furniture
            }
        };
        match t.kind {
            Kind::Text if kept => self.text(t.start, t.end, pre),
            Kind::Text | Kind::Comment | Kind::Raw => {
                self.remove(t.start, t.end, EditKind::Furniture, pre)
            }
            Kind::Junk => self.remove(t.start, t.end, tag_kind(kept), pre),
            Kind::End => {
                self.remove(t.start, t.end, tag_kind(kept_before), pre);
                self.boundary(t.tag, false);
            }
            Kind::Start => return self.start_tag(i, pre),
        }
        i + 1
    }

    /// Reads the start tag `i`: skips furniture to the token that closed it, else opens a
    /// frame. Returns the index of the next token to read.
    fn start_tag(&mut self, i: usize, pre: bool) -> usize {
        let t = self.tokens[i];
        let e = t.elem as usize;
        let state = self.plan.state.get(e).copied().unwrap_or(0);
        if state & DROP != 0 && state & KEEP == 0 {
            let close = self.elems[e].close;
            let (end, next) = match self.tokens.get(close) {
                Some(c) if c.kind == Kind::End && c.elem == t.elem => (c.end, close + 1),
                Some(c) => (c.start, close),
                None => (self.text.len(), close),
            };
            self.remove(t.start, end, EditKind::Furniture, pre);
            if t.tag.is_block() {
                self.sep(Sep::Para);
            }
            return next;
        }
        self.boundary(t.tag, true);
        let parent = self.frames.last().copied();
        if t.elem == NONE {
            let kind = if self.keeps() {
                EditKind::Tag
            } else {
                EditKind::Furniture
            };
            self.remove(t.start, t.end, kind, pre);
            return i + 1;
        }
        let (scope, headline) = (self.plan.scope, self.plan.headline);
        let mut frame = Frame {
            elem: t.elem,
            visible: t.elem == scope
                || t.elem == headline
                || (parent.map_or(scope == NONE, |f| f.visible) && state & DROP == 0),
            quiet: match t.tag {
                Tag::Figure => true,
                Tag::Figcaption => false,
                _ => parent.is_some_and(|f| f.quiet),
            },
            pre: pre || t.tag == Tag::Pre,
            block: if t.tag.is_block() {
                self.frames.len()
            } else {
                parent.map_or(usize::MAX, |f| f.block)
            },
            role: match t.tag {
                Tag::Heading(level) => Some(Role::Heading(level)),
                Tag::Figcaption => Some(Role::Caption),
                Tag::Blockquote => Some(Role::Blockquote),
                _ => None,
            },
            slot: usize::MAX,
        };
        let kind = if frame.keeps() {
            EditKind::Tag
        } else {
            EditKind::Furniture
        };
        self.remove(t.start, t.end, kind, pre);
        if t.flags & BYLINE != 0 && frame.keeps() {
            // The byline's block, if short, else the marked element itself.
            let elems = self.elems;
            let short = |f: &Frame| {
                let el = &elems[f.elem as usize];
                el.text <= MAX_BYLINE
                    && f.elem != scope
                    && !matches!(el.tag, Tag::Body | Tag::Article | Tag::Main)
            };
            match self.frames.get_mut(frame.block) {
                Some(block) if short(block) => {
                    block.role.get_or_insert(Role::Byline);
                }
                _ if short(&frame) => {
                    frame.role.get_or_insert(Role::Byline);
                }
                _ => {}
            }
        }
        self.frames.push(frame);
        i + 1
    }

    /// Closes what is open and writes the last edits; returns the edits and the hints.
    fn finish(mut self) -> (Vec<Edit>, Vec<Hint>) {
        while !self.frames.is_empty() {
            self.pop();
        }
        self.flush(true);
        let mut hints: Vec<Hint> = Vec::new();
        for (range, role) in self.slots {
            let hint = role.map(|role| Hint { range, role });
            if hint.is_some() && hint.as_ref() != hints.last() {
                hints.extend(hint);
            }
        }
        (self.edits, hints)
    }
}

/// Whether `text` is an HTML document or a paste of markup: it has a doctype, an `<html>`,
/// `<head>` or `<body>` tag, or at least two block tags (`<p>`, `</p>`, `<div>`, `<li>`, `<br>`,
/// `<h1>`…), not just a stray `<em>`.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn looks_like_document(text: &str) -> bool {
    let b = text.as_bytes();
    let mut blocks = 0;
    let mut i = 0;
    while let Some(lt) = find(b, i, b"<") {
        i = lt + 1;
        if b.get(lt + 1..lt + 9)
            .is_some_and(|d| d.eq_ignore_ascii_case(b"!doctype"))
        {
            return true;
        }
        let name = lt + 1 + usize::from(b.get(lt + 1) == Some(&b'/'));
        match known_name(b, name).map(|(_, tag)| tag) {
            Some(Tag::Body | Tag::Head) => return true,
            Some(tag) if tag.is_block() || tag == Tag::Br => blocks += 1,
            _ => {}
        }
        if blocks >= 2 {
            return true;
        }
    }
    false
}

/// The text content of an HTML document as edits of it, and the roles of its blocks (see the
/// module documentation for the rules). Applying the edits leaves no tag, no script or style and
/// no page furniture; every character left is from the input or from an entity or separator edit.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn extract(text: &str) -> (Vec<Edit>, Vec<Hint>) {
    let mut tokens = tokenize(text);
    let (elems, total) = build(text.as_bytes(), &mut tokens);
    let plan = plan(&elems, total, |e| tokens[e.open].flags);
    let mut walk = Walk {
        text,
        tokens: &tokens,
        elems: &elems,
        plan,
        edits: Vec::new(),
        slots: Vec::new(),
        gap: Vec::new(),
        sep: Sep::None,
        started: false,
        last_end: 0,
        frames: Vec::new(),
        fresh: 0,
    };
    let mut i = 0;
    while i < tokens.len() {
        i = walk.token(i);
    }
    walk.finish()
}

/// The known tag name starting at `pos`, followed by whitespace, `/` or `>`: its end and meaning.
fn known_name(b: &[u8], pos: usize) -> Option<(usize, Tag)> {
    let len = b
        .get(pos..)?
        .iter()
        .take(11)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let end = pos + len;
    if !b
        .get(end)
        .is_some_and(|&c| c == b'/' || c == b'>' || is_space(c))
    {
        return None;
    }
    Some((end, classify(&b[pos..end]))).filter(|(_, tag)| *tag != Tag::Unknown)
}

/// A stray tag of plain text at `lt`: a known element name (not furniture such as `<script>`),
/// attributes all written `name=value`, on one line and with no `<` inside. Returns its end and
/// meaning. Scanning stops at the next `<`, so finding every tag of a text is linear.
fn stray_tag(b: &[u8], lt: usize) -> Option<(usize, Tag)> {
    let end_tag = b.get(lt + 1) == Some(&b'/');
    let (mut j, tag) = known_name(b, lt + 1 + usize::from(end_tag))?;
    if matches!(tag, Tag::Drop | Tag::Head | Tag::Body) {
        return None;
    }
    loop {
        while matches!(b.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        match *b.get(j)? {
            b'>' => return Some((j + 1, tag)),
            b'/' if b.get(j + 1) == Some(&b'>') => return Some((j + 2, tag)),
            c if c.is_ascii_alphabetic() && !end_tag => {
                while b
                    .get(j)
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || b"-_:.".contains(&c))
                {
                    j += 1;
                }
                if b.get(j) != Some(&b'=') {
                    return None;
                }
                j += 1;
                match *b.get(j)? {
                    quote @ (b'"' | b'\'') => {
                        j += 1;
                        while *b.get(j)? != quote {
                            if matches!(b[j], b'<' | b'\n') {
                                return None;
                            }
                            j += 1;
                        }
                        j += 1;
                    }
                    _ => {
                        let start = j;
                        while b
                            .get(j)
                            .is_some_and(|&c| !is_space(c) && !b"<>\"'=`".contains(&c))
                        {
                            j += 1;
                        }
                        if j == start {
                            return None;
                        }
                    }
                }
            }
            _ => return None,
        }
    }
}

/// Whether the line starting at `start` is wholly wrapped in `<em>…</em>` or `<i>…</i>` around
/// some text.
fn caption_line(b: &[u8], start: usize) -> bool {
    let end = find(b, start, b"\n").unwrap_or(b.len());
    let line = b[start..end].trim_ascii();
    if !line.starts_with(b"<") {
        return false;
    }
    let name_len = line[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let name = &line[1..1 + name_len];
    let close_start = line.len().saturating_sub(name_len + 3);
    let closes = |at: &[u8]| {
        at.starts_with(b"</")
            && at
                .get(2..2 + name_len)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
    };
    let Some((open_end, _)) = stray_tag(line, 0) else {
        return false;
    };
    let Some(inner) = line.get(open_end..close_start) else {
        return false;
    };
    (name.eq_ignore_ascii_case(b"em") || name.eq_ignore_ascii_case(b"i"))
        && closes(&line[close_start..])
        && line.ends_with(b">")
        && inner.iter().any(|c| !c.is_ascii_whitespace())
        && !inner.windows(name_len + 2).any(closes)
}

/// For plain text: removes stray tags with a known HTML name (`<em>`, `</b>`, `<a href=…>`,
/// `<span …>`; `<br>` becomes a line break, a block tag between two words a line break) and
/// decodes well-formed character references (`&amp;`, `&nbsp;`, `&#8217;`). `a < b > c`, `<3` and
/// `x<y` stay. A line wholly wrapped in `<em>…</em>` or `<i>…</i>` gets a [`Role::Caption`] hint.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn strip_inline(text: &str) -> (Vec<Edit>, Vec<Hint>) {
    let b = text.as_bytes();
    let mut edits = Vec::new();
    let mut hints = Vec::new();
    let mut caption = caption_line(b, 0);
    let mut first = None;
    let mut last = 0;
    let mut i = 0;
    loop {
        let c = b.get(i).copied();
        if matches!(c, None | Some(b'\n')) {
            if let Some(first) = first.filter(|_| caption) {
                hints.push(Hint {
                    range: first..last,
                    role: Role::Caption,
                });
            }
            if c.is_none() {
                break;
            }
            i += 1;
            (caption, first) = (caption_line(b, i), None);
            continue;
        }
        let kept = match c {
            Some(b'<') => match stray_tag(b, i) {
                Some((end, tag)) => {
                    let word = |c: Option<&u8>| c.is_some_and(|&c| !c.is_ascii_whitespace());
                    let with = if tag == Tag::Br
                        || (tag.is_block()
                            && word(i.checked_sub(1).and_then(|p| b.get(p)))
                            && word(b.get(end)))
                    {
                        "\n"
                    } else {
                        ""
                    };
                    edits.push(Edit::new(i..end, with, EditKind::Tag));
                    i = end;
                    continue;
                }
                None => 1,
            },
            Some(b'&') => match entities::at(&text[i..]) {
                Some((len, c)) => {
                    edits.push(Edit::new(i..i + len, String::from(c), EditKind::Entity));
                    len
                }
                None => 1,
            },
            Some(c) if c.is_ascii_whitespace() => {
                i += 1;
                continue;
            }
            _ => 1,
        };
        first.get_or_insert(i);
        i += kept;
        last = i;
    }
    (edits, hints)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::edit::apply;

    /// Checks the edits' contract (sorted, disjoint, on character boundaries, never a no-op,
    /// separators only from the separator set) and returns the cleaned text.
    fn cleaned(text: &str, edits: &[Edit]) -> String {
        let mut previous = 0;
        for e in edits {
            let r = e.range.clone();
            assert!(r.start >= previous && r.start <= r.end, "unsorted {e:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert_ne!(&text[r.clone()], e.replacement, "no-op {e:?}");
            match e.kind {
                EditKind::Entity => assert_eq!(e.replacement.chars().count(), 1, "{e:?}"),
                _ => assert!(["", " ", "\n", "\n\n"].contains(&&*e.replacement), "{e:?}"),
            }
            previous = r.end;
        }
        apply(text, edits).0
    }

    /// The cleaned text of a document and its hints as (role, input text) pairs.
    fn extracted(text: &str) -> (String, Vec<(Role, &str)>) {
        let (edits, hints) = extract(text);
        let hints = hints
            .iter()
            .map(|h| (h.role, &text[h.range.clone()]))
            .collect();
        (cleaned(text, &edits), hints)
    }

    /// The cleaned text of plain text with stray tags and its hints.
    fn stripped(text: &str) -> (String, Vec<(Role, &str)>) {
        let (edits, hints) = strip_inline(text);
        let hints = hints
            .iter()
            .map(|h| (h.role, &text[h.range.clone()]))
            .collect();
        (cleaned(text, &edits), hints)
    }

    const ARTICLE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Council approves river plan | The Valley Courier</title>
  <meta name="description" content="Flood plan &amp; budget">
  <link rel="stylesheet" href="/css/site.css">
  <style>
    .story > p { margin: 0 0 1em; }
    a[href*="<p>"]::after { content: "</p>"; }
  </style>
  <script>
    window.dataLayer = window.dataLayer || [];
    if (a < b && b > c) { document.write("<p>tracking</p>"); }
  </script>
</head>
<body class="story-page">
  <header class="site-header">
    <a class="logo" href="/"><img src="/logo.svg" alt="The Valley Courier"></a>
    <nav class="main-nav">
      <ul>
        <li><a href="/news">News</a></li>
        <li><a href="/sport">Sport</a></li>
      </ul>
    </nav>
  </header>
  <div class="cookie-banner">We use cookies. <button>Accept</button></div>
  <main id="content">
    <article class="story">
      <header>
        <h1>Council approves $40m river plan</h1>
        <p class="byline">By <a href="/staff/jane-doe" rel="author">Jane Doe</a></p>
        <time datetime="2024-05-02T09:00">May 2, 2024</time>
      </header>
      <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
      <p>The city council voted 7&ndash;2 on Tuesday to approve a
         <a href="/topics/flooding">flood-defense plan</a> for the Mill River,
         ending a two-year debate.</p>
      <figure>
        <img src="/photos/river.jpg" alt="The Mill River at dusk">
        <figcaption>The Mill River near Elm Street. <span class="credit">Photo: Sam Lee</span></figcaption>
      </figure>
      <p>&#8220;This protects homes for a generation,&#8221; said Mayor Ana Ruiz, who called the
         vote &ldquo;a turning point.&rdquo; The plan&rsquo;s cost &mdash; about $40 million &mdash;
         will be shared by the state &amp; the county.</p>
      <aside class="related">
        <h2>Related stories</h2>
        <ul>
          <li><a href="/a">River levels hit record</a></li>
          <li><a href="/b">Budget talks stall</a></li>
        </ul>
      </aside>
      <blockquote><p>We can&#39;t wait for the <em>next</em> flood.</p></blockquote>
      <script>renderAd("mid-article");</script>
      <p>Work is due to start in <strong>March</strong>.<br>Public comments close April&nbsp;30.</p>
    </article>
  </main>
  <form class="newsletter" action="/subscribe">
    <label for="email">Get the morning briefing</label>
    <input type="email" id="email" name="email">
    <button type="submit">Sign up</button>
  </form>
  <footer>
    <p>&copy; 2024 The Valley Courier. All rights reserved.</p>
  </footer>
</body>
</html>
"##;

    #[test]
    fn saved_news_page() {
        assert!(looks_like_document(ARTICLE));
        let (text, hints) = extracted(ARTICLE);
        assert_eq!(
            text,
            "Council approves $40m river plan\n\n\
             By Jane Doe\n\n\
             May 2, 2024\n\n\
             The city council voted 7–2 on Tuesday to approve a flood-defense plan for the Mill \
             River, ending a two-year debate.\n\n\
             The Mill River near Elm Street. Photo: Sam Lee\n\n\
             “This protects homes for a generation,” said Mayor Ana Ruiz, who called the vote “a \
             turning point.” The plan’s cost — about $40 million — will be shared by the state & \
             the county.\n\n\
             We can't wait for the next flood.\n\n\
             Work is due to start in March.\nPublic comments close April\u{a0}30."
        );
        assert_eq!(
            hints,
            [
                (Role::Heading(1), "Council approves $40m river plan"),
                (
                    Role::Byline,
                    r#"By <a href="/staff/jane-doe" rel="author">Jane Doe"#
                ),
                (
                    Role::Caption,
                    r#"The Mill River near Elm Street. <span class="credit">Photo: Sam Lee"#
                ),
                (
                    Role::Blockquote,
                    "We can&#39;t wait for the <em>next</em> flood."
                ),
            ]
        );
    }

    #[test]
    fn saved_news_page_edits_say_why() {
        let (edits, _) = extract(ARTICLE);
        let removed = |kind| {
            edits
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| &ARTICLE[e.range.clone()])
                .collect::<String>()
        };
        let furniture = removed(EditKind::Furniture);
        for piece in [
            "<title>",
            "window.dataLayer",
            "main-nav",
            "cookies",
            "Share on Facebook",
            "Related stories",
            "renderAd",
            "morning briefing",
            "All rights reserved",
        ] {
            assert!(furniture.contains(piece), "{piece}");
        }
        let entities = edits.iter().filter(|e| e.kind == EditKind::Entity).count();
        assert_eq!(entities, 11);
        let tags = removed(EditKind::Tag);
        assert!(!tags.contains("Jane") && tags.contains("<strong>"));
    }

    #[test]
    fn documents() {
        let cases: &[(&str, &str)] = &[
            // Inline tags keep the source's spacing; blocks make paragraphs.
            ("<p>Hello <b>world</b>!</p>", "Hello world!"),
            ("<span>a</span><span>b</span>", "ab"),
            ("<b>a</b> <i>b</i>", "a b"),
            ("<p>a<b><!-- c --> b</b></p>", "a b"),
            ("<p>a\n<a href=\"x\" class=\"y\">b</a></p>", "a b"),
            ("<p>one</p><p>two</p>", "one\n\ntwo"),
            ("<div>A</div>\n\n<div>B</div>", "A\n\nB"),
            ("A<p>B", "A\n\nB"),
            ("word<br>word", "word\nword"),
            ("a<br><br>b", "a\n\nb"),
            ("a<br>\nb", "a\nb"),
            ("a</br>b", "a\nb"),
            ("<p>one<hr>two</p>", "one\n\ntwo"),
            ("<p>  lots   of\n\t space  </p>", "lots of space"),
            ("<ul><li>One<li>Two</ul>", "One\n\nTwo"),
            ("<dl><dt>Term<dd>Meaning</dl>", "Term\n\nMeaning"),
            ("<table><tr><td>a<td>b<tr><td>c</table>", "a b\n\nc"),
            ("<pre>  x = 1;\n  y  = 2;\n</pre><p>After</p>", "x = 1;\n  y  = 2;\n\nAfter"),
            // Character references.
            ("<p>A &amp; B &copy; &bogus; &amp</p>", "A & B © &bogus; &amp"),
            ("<p>Caf&eacute; &#x2019;s &#146;90s</p>", "Café ’s ’90s"),
            ("<p>&lt;p&gt; is a tag</p>", "<p> is a tag"),
            // Stray `<` is text.
            ("<p>1 < 2 and 3 > 2</p>", "1 < 2 and 3 > 2"),
            ("<p>I <3 you, x<1</p>", "I <3 you, x<1"),
            // As in browsers, `<` before a letter opens a tag, even a cut-off one.
            ("<p>x<y</p>", "x"),
            ("<p>a <= b</> c</p>", "a <= b c"),
            // Comments, doctypes, processing instructions, CDATA.
            ("<!-- note --><p>Text</p><!-- unclosed <p>gone</p>", "Text"),
            ("<!--><p>A</p><!---><p>B</p>", "A\n\nB"),
            ("<?xml version=\"1.0\"?><!DOCTYPE html><p>Text</p>", "Text"),
            ("<![CDATA[<p>Feed text</p>]]>", "Feed text"),
            ("<p>a<![CDATA[ b ]]> c</p>", "a b c"),
            // Attributes with `>` inside quotes; unclosed tags and values.
            ("<p title=\"a > b\" data-x='<p>'>Quoted</p>", "Quoted"),
            ("<p>Text<p", "Text"),
            ("<p>Text</p><a href=\"x>", "Text"),
            ("<div><p>Unclosed <em>tags <p>everywhere", "Unclosed tags\n\neverywhere"),
            // Raw text elements end only at their own end tag.
            (
                "<script>if (a<b) document.write('</p>')</script><p>Real</p>",
                "Real",
            ),
            ("<title>Page</title><p>Text</p>", "Text"),
            ("<textarea><p>not markup</p></textarea><p>Text</p>", "Text"),
            ("<p>x</p><style>p{}", "x"),
            ("<SCRIPT>x</Script ><P>Shout</P>", "Shout"),
            // Furniture.
            ("<div>Intro<nav><a>Home</a></nav>More</div>", "Intro\n\nMore"),
            (
                "<aside><nav><aside>x</aside></nav>y</aside><p>Kept</p>",
                "Kept",
            ),
            ("<p>A</p><figure><img src=x><p>Credit</p></figure><p>B</p>", "A\n\nB"),
            (
                "<p>A</p><figure><figcaption>Cap</figcaption></figure><p>B</p>",
                "A\n\nCap\n\nB",
            ),
            ("<p>Story.</p><div class=\"ad-slot\">Buy now</div><p>More.</p>", "Story.\n\nMore."),
            ("<p>Hi <span class=social>Tweet</span>there</p>", "Hi there"),
            ("<div class=\"has-ads\"><p>The whole story.</p></div>", "The whole story."),
            ("<form id=aspnetForm><p>Old site story.</p></form>", "Old site story."),
            ("<p>Text</p><form><input></form><p>More</p>", "Text\n\nMore"),
            ("<header>Site</header><p>Body</p><footer>(c)</footer>", "Body"),
            ("<head><title>T</title><p>Implied body", "Implied body"),
            // The article scope.
            (
                "<h1>Headline</h1><article><p>Body.</p></article><footer>© Site</footer>",
                "Headline\n\nBody.",
            ),
            (
                "<body><header><h1>Headline</h1><p>Tagline</p></header><p>Body.</p></body>",
                "Headline\n\nBody.",
            ),
            (
                "<header><h1>Site</h1><nav>x</nav></header><article><h2>Story</h2><p>Body</p></article>",
                "Story\n\nBody",
            ),
            (
                "<p>Outside</p><article><header><h1>In</h1></header><p>Body</p></article>",
                "In\n\nBody",
            ),
            (
                "<article><p>Teaser</p></article><main><p>The story itself, much longer than \
                 the teaser.</p></main>",
                "The story itself, much longer than the teaser.",
            ),
            (
                "<article><p>Short teaser.</p></article><article><p>The long story.</p>\
                 <article><p>A comment.</p></article></article>",
                "The long story.\n\nA comment.",
            ),
            (
                "<div class=top>Site</div><div itemprop=\"articleBody\"><p>Body text.</p></div>",
                "Body text.",
            ),
            (
                "<div><p>A story in a plain div.</p></div><aside><article>Teaser</article></aside>",
                "A story in a plain div.",
            ),
            ("<article></article><p>Text next to an empty article.</p>", "Text next to an empty article."),
            // Nothing to keep.
            ("", ""),
            ("  \n ", ""),
            ("<p> </p><br>", ""),
        ];
        for &(html, expected) in cases {
            assert_eq!(extracted(html).0, expected, "{html:?}");
        }
    }

    #[test]
    fn separators_reuse_the_source() {
        use EditKind::{Tag as T, Whitespace as W};
        type Expected = &'static [(Range<usize>, &'static str, EditKind)];
        let cases: &[(&str, Expected)] = &[
            (
                "<b>a</b> <i>b</i>",
                &[
                    (0..3, "", T),
                    (4..8, "", T),
                    (9..12, "", T),
                    (13..17, "", T),
                ],
            ),
            ("a  \n b", &[(2..5, "", W)]),
            ("a<br>\nb", &[(1..5, "", T)]),
            (
                "<p>one</p>\n<p>two</p>",
                &[(0..3, "", T), (6..14, "\n\n", T), (17..21, "", T)],
            ),
        ];
        for &(html, expected) in cases {
            let (edits, _) = extract(html);
            let edits: Vec<_> = edits
                .iter()
                .map(|e| (e.range.clone(), &*e.replacement, e.kind))
                .collect();
            assert_eq!(edits, expected, "{html:?}");
        }
    }

    #[test]
    fn document_hints() {
        let cases: &[(&str, &[(Role, &str)])] = &[
            (
                "<h2>Sub &amp; head</h2><p>x</p>",
                &[(Role::Heading(2), "Sub &amp; head")],
            ),
            (
                "<blockquote>\n <p>One</p>\n <p>Two</p>\n</blockquote>",
                &[(Role::Blockquote, "One</p>\n <p>Two")],
            ),
            (
                "<div class=\"article-byline\">By <span itemprop=\"author\">Al Poe</span>, \
                 staff</div>",
                &[(
                    Role::Byline,
                    "By <span itemprop=\"author\">Al Poe</span>, staff",
                )],
            ),
            (
                "<figure><img src=x><figcaption> A <b>cap</b> </figcaption></figure>",
                &[(Role::Caption, "A <b>cap")],
            ),
            ("<h1> </h1><p>x</p>", &[]),
            ("<nav><h1>Menu</h1></nav><p>x</p>", &[]),
        ];
        for &(html, expected) in cases {
            assert_eq!(extracted(html).1, expected, "{html:?}");
        }
        // A byline link inside a long paragraph marks only itself.
        let long = format!(
            "<p>{}Written by <a rel=\"author\" href=\"/al\">Al Poe</a>.</p>",
            "Paragraph of the story. ".repeat(20)
        );
        assert_eq!(extracted(&long).1, [(Role::Byline, "Al Poe")]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 50_000;
        let html = format!("{}deep{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(extracted(&html).0, "deep");
        let html = format!("{}x", "<blockquote class=byline>".repeat(n));
        let (text, hints) = extracted(&html);
        assert_eq!(text, "x");
        assert_eq!(hints, [(Role::Blockquote, "x")]);
        let html = format!("{}y{}", "<span>".repeat(n), "</b>".repeat(n));
        assert_eq!(extracted(&html).0, "y");
    }

    #[test]
    fn megabyte_inputs_stay_linear() {
        let mb = 1 << 20;
        let cases = [
            ("<", true),
            ("</", false),
            ("<p", false),
            ("<a ", false),
            ("<!--", false),
            ("<![CDATA[", false),
            ("<a href='", false),
            ("&#", true),
            ("&amp", true),
            ("<p>x", false),
            ("</p>", false),
            ("<script>", false),
        ];
        for (unit, kept) in cases {
            let text = unit.repeat(mb / unit.len());
            let out = extracted(&text).0;
            assert!(out == text || !kept, "{unit:?}");
            stripped(&text);
            looks_like_document(&text);
        }
    }

    #[test]
    fn random_markup_keeps_the_contracts() {
        const PIECES: [&str; 44] = [
            "<p>",
            "</p>",
            "<div class=\"share\">",
            "</div>",
            "<article>",
            "</article>",
            "<h1>",
            "</h1>",
            "<br>",
            "<br/>",
            "<em>",
            "</em>",
            "<a href=\"x>y\">",
            "</a>",
            "<script>",
            "</script>",
            "<style>",
            "<nav>",
            "</nav>",
            "<figure>",
            "<figcaption>",
            "<pre>",
            "</pre>",
            "<!--",
            "-->",
            "<![CDATA[",
            "]]>",
            "<!DOCTYPE html>",
            "<p",
            "<a title='",
            "'",
            "\"",
            "<",
            ">",
            "</",
            "&amp;",
            "&#8217;",
            "&bogus;",
            "&",
            "word",
            " ",
            "\n\t",
            "é",
            "<li>",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3000 {
            let len = next(40);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let (out, hints) = extracted(&text);
            // No `<` the edits keep may open markup in the input.
            let (edits, _) = extract(&text);
            let input = text.as_bytes();
            let opens = |i: usize| match input.get(i + 1) {
                Some(&c) if c.is_ascii_alphabetic() || c == b'!' || c == b'?' => true,
                Some(b'/') => i + 2 < input.len(),
                _ => false,
            };
            let mut kept = 0;
            for range in edits
                .iter()
                .map(|e| e.range.clone())
                .chain(Some(text.len()..text.len()))
            {
                for i in (kept..range.start).filter(|&i| input[i] == b'<') {
                    assert!(!opens(i), "markup left in {out:?} from {text:?}");
                }
                kept = range.end;
            }
            assert!(hints.iter().all(|(_, h)| !h.is_empty()), "{text:?}");
            stripped(&text);
            looks_like_document(&text);
        }
    }

    #[test]
    fn plain_text_with_stray_tags() {
        type Case = (&'static str, &'static str, &'static [(Role, &'static str)]);
        let cases: &[Case] = &[
            (
                "<em>Caption line (AP)</em>\nCaption line (AP)",
                "Caption line (AP)\nCaption line (AP)",
                &[(Role::Caption, "Caption line (AP)")],
            ),
            (
                "Text.\n  <I class=\"c\">Photo: R. &amp; S.</I>  \nMore.",
                "Text.\n  Photo: R. & S.  \nMore.",
                &[(Role::Caption, "Photo: R. &amp; S.")],
            ),
            ("<em>a</em> and <em>b</em>", "a and b", &[]),
            ("<em></em>", "", &[]),
            ("a < b and c > d", "a < b and c > d", &[]),
            ("I <3 you", "I <3 you", &[]),
            ("x<y", "x<y", &[]),
            ("if x<b and c>d", "if x<b and c>d", &[]),
            ("<b\nclass=x>bold", "<b\nclass=x>bold", &[]),
            ("<unknown>tag</unknown>", "<unknown>tag</unknown>", &[]),
            ("<script>x</script>", "<script>x</script>", &[]),
            ("Say <b>hi</b> &amp; bye&hellip;", "Say hi & bye…", &[]),
            (
                "line<br>next<br/>last<br />end",
                "line\nnext\nlast\nend",
                &[],
            ),
            ("<a href=\"https://x.test/?a=1&b=2\">link</a>", "link", &[]),
            ("<span class=\"x\" data-id=7>styled</span>", "styled", &[]),
            ("<a href=\"x<y\">no</a>", "<a href=\"x<y\">no", &[]),
            ("end.</p>Next", "end.\nNext", &[]),
            ("<p>Start", "Start", &[]),
            (
                "&#146;90s &nbsp;&copy &#0;",
                "’90s \u{a0}&copy \u{fffd}",
                &[],
            ),
            ("AT&T; R&amp;D", "AT&T; R&D", &[]),
        ];
        for &(text, expected, hints) in cases {
            assert_eq!(
                stripped(text),
                (expected.to_owned(), hints.to_vec()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn document_detection() {
        let documents = [
            "<!DOCTYPE html><p>x",
            "<!doctype html>",
            "<html><p>x</p></html>",
            "<BODY>text",
            "<p>a</p><p>b</p>",
            "<div>x</div>",
            "a<br>b<br>c",
            "Intro\n<h1>Title</h1>\n<li>item",
        ];
        for text in documents {
            assert!(looks_like_document(text), "{text:?}");
        }
        let plain = [
            "Plain text.",
            "<em>Caption</em>\ntext <b>bold</b>",
            "a < b > c",
            "<p>single",
            "I <3 you",
            "one<br>",
            "<pp> <divx>",
        ];
        for text in plain {
            assert!(!looks_like_document(text), "{text:?}");
        }
    }
}
