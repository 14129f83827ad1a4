//! Mojibake: UTF-8 text whose bytes were decoded with a single-byte code page, so that `’` reads
//! `â€™` and `é` reads `Ã©`. [`find`] locates such runs and returns their repairs as [`Edit`]s.
//!
//! ## Families
//! A family is a single-byte encoding that UTF-8 is commonly mistaken for, kept as a 128-entry
//! table of what its bytes 0x80–0xFF decode to (ASCII decodes to itself), with a reverse lookup
//! built from the table at compile time:
//! - **sloppy Windows-1252**: cp1252, with the C1 controls U+0080–U+009F standing for the five
//!   bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Its reverse lookup also takes
//!   every C1 control back to its own byte, so plain Latin-1 (ISO-8859-1) mis-decoding is the same
//!   family: `â\u{80}\u{99}` repairs like `â€™`.
//! - **Mac Roman**: `¬†` is UTF-8 `C2 A0` (a no-break space), `‚Äô` is `’`, `√©` is `é`.
//!
//! ## Method
//! The text is scanned for stretches of non-ASCII characters (pure-ASCII stretches are skipped
//! bytewise; a UTF-8 multi-byte character never contains an ASCII byte, so no repair can cross
//! one). For each family, a stretch splits into runs of characters the family can encode; each
//! character of a run stands for one byte. Within a run, bytes that form a valid UTF-8 multi-byte
//! character (a lead 0xC2–0xF4 and the right number of 0x80–0xBF continuation bytes, no overlong
//! forms, no surrogates, nothing past U+10FFFF) are decoded, left to right. Text decoded wrongly
//! twice (`Ã¢â‚¬â„¢`) decodes again: the characters just decoded are re-encoded and scanned the
//! same way, up to [`MAX_PASSES`] passes, as long as something still decodes. Each repair covers
//! the source characters of one repaired character, however many passes it took.
//!
//! ## Evidence
//! A decoded character is only a candidate; whether it is repaired depends on how unlikely its
//! source is as real text:
//! - **strong**: a 3- or 4-byte sequence decoding to an assigned-looking character (not a
//!   noncharacter, private use or an unused plane). Real text never has `â€™` or `ðŸ˜€`. The one
//!   exception is an accented letter followed only by punctuation that real text puts after a word
//!   (`café…”`, `voilà »` with a no-break space): that is merely ambiguous.
//! - **clear**: a 2-byte sequence decoding to plausible text (Latin-1 Supplement, Latin
//!   Extended-A, `ƒ`, Romanian `Ș ș Ț ț`, Vietnamese `Ơ ơ Ư ư`, a common combining accent after a
//!   letter, or two or more adjacent Greek, Cyrillic, Hebrew or Arabic letters) from a source
//!   pair real text does not contain: `Ã©`, `Â°`, `Ã¼`, `Ä°`, `Å¡`, a letter before a C1
//!   control, Mac `√º`, `¬†`.
//! - **ambiguous**: a 2-byte sequence whose source could be real text. In cp1252 that is an
//!   uppercase letter before smart punctuation 0x80–0x9F, a no-break space or `»` (`IRMÃ”` in
//!   Portuguese would decode to `IRMÔ`, `PÅ ` to `PŠ`); in Mac Roman a maths sign before a maths
//!   sign (`√π`, `√∂`) or punctuation before a letter (`»ö`); anywhere, a lone Greek, Cyrillic,
//!   Hebrew or Arabic letter or a combining accent of the wrong look.
//!
//! Strong and clear candidates are repaired. An ambiguous one is repaired when the text holds
//! strong or clear mojibake of the same family decoded in the same pass (global evidence: a text
//! mis-decoded once is mis-decoded throughout), or, for a Latin letter, when a lowercase letter
//! touches it (`gÅ‚os`, `Ã–sterreich`, `K√∂ln`: real text does not put an uppercase letter and
//! smart punctuation inside a lowercase word). Evidence is counted per pass so that a real
//! `IRMÃ”` in once-mis-decoded text, which decodes once more to `IRMÔ`, stays `IRMÃ”` unless the
//! text is mis-decoded twice elsewhere too. A sequence decoded in a later pass that is not
//! repaired falls back to the repairs of its parts.
//!
//! Where candidates of both families overlap (cp1252 mojibake is full of Mac Roman characters),
//! the one that covers more of the text wins, then the stronger; the loser is neither repaired
//! nor counted as evidence.
//!
//! ## Lossy text
//! A decoder that met one of cp1252's undefined bytes often wrote U+FFFD or dropped the byte.
//! After `â€` (bytes E2 80) the lost byte is one of 0x81, 0x8D, 0x8F, 0x90, 0x9D, so the
//! character was U+2001, a zero-width joiner, a right-to-left mark, U+2010 or `”`. `â€` never
//! occurs in real text, so `â€` followed by U+FFFD is repaired outright, and `â€` followed by
//! anything else that cannot continue it only with global evidence: to a zero-width joiner
//! between emoji, to U+2010 `‐` between two letters or digits, and to `”` otherwise. Every other
//! lossy sequence (`Ã` + U+FFFD, or `Ã` + an ordinary space where a no-break space was lost) has
//! several equally likely readings and is left alone.

use super::edit::{Edit, EditKind};
use std::ops::Range;

/// The most times a run is decoded: once for plain mojibake, twice or three times for text that
/// was mis-decoded again after being mis-decoded.
const MAX_PASSES: u8 = 3;

/// What sloppy Windows-1252 decodes bytes 0x80–0xFF to. The five bytes cp1252 leaves undefined
/// decode to the C1 control of the same number.
const CP1252: [char; 128] = [
    // 0x80
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    // 0x90
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    // 0xA0 (no-break space, then soft hyphen at 0xAD)
    '\u{A0}', '¡', '¢', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u{AD}', '®', '¯',
    // 0xB0
    '°', '±', '²', '³', '´', 'µ', '¶', '·', '¸', '¹', 'º', '»', '¼', '½', '¾', '¿',
    // 0xC0
    'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Æ', 'Ç', 'È', 'É', 'Ê', 'Ë', 'Ì', 'Í', 'Î', 'Ï',
    // 0xD0
    'Ð', 'Ñ', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', '×', 'Ø', 'Ù', 'Ú', 'Û', 'Ü', 'Ý', 'Þ', 'ß',
    // 0xE0
    'à', 'á', 'â', 'ã', 'ä', 'å', 'æ', 'ç', 'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï',
    // 0xF0
    'ð', 'ñ', 'ò', 'ó', 'ô', 'õ', 'ö', '÷', 'ø', 'ù', 'ú', 'û', 'ü', 'ý', 'þ', 'ÿ',
];

/// What Mac Roman (Apple's current mapping, with `€` at 0xDB) decodes bytes 0x80–0xFF to.
const MAC_ROMAN: [char; 128] = [
    // 0x80
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è',
    // 0x90
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü',
    // 0xA0
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø',
    // 0xB0
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø',
    // 0xC0 (no-break space at 0xCA)
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{A0}', 'À', 'Ã', 'Õ', 'Œ', 'œ',
    // 0xD0
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›', 'ﬁ', 'ﬂ',
    // 0xE0
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô',
    // 0xF0 (the Apple logo is private use U+F8FF)
    '\u{F8FF}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛', 'ˇ',
];

/// Reverse lookups: every non-ASCII character of a table with its byte, sorted by character.
static CP1252_REVERSE: [(char, u8); 128] = reverse(&CP1252);
static MAC_ROMAN_REVERSE: [(char, u8); 128] = reverse(&MAC_ROMAN);

/// Pairs each character of `table` with its byte and sorts the pairs by character.
const fn reverse(table: &[char; 128]) -> [(char, u8); 128] {
    let mut out = [('\0', 0u8); 128];
    let mut i = 0;
    while i < 128 {
        out[i] = (table[i], 0x80 + i as u8);
        i += 1;
    }
    // Insertion sort: the table is small and this runs at compile time.
    let mut i = 1;
    while i < 128 {
        let mut j = i;
        while j > 0 && out[j - 1].0 as u32 > out[j].0 as u32 {
            let swap = out[j - 1];
            out[j - 1] = out[j];
            out[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// A single-byte encoding that UTF-8 bytes get mis-decoded with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// Sloppy Windows-1252, which covers Latin-1 as well.
    Cp1252,
    /// Mac Roman.
    MacRoman,
}

impl Family {
    /// Every family, in the order their repairs win ties.
    const ALL: [Family; 2] = [Family::Cp1252, Family::MacRoman];

    /// The byte this family decodes to `c`, if there is one.
    fn encode(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        let reverse = match self {
            // Latin-1 decodes 0x80–0x9F to the C1 controls; take them all back.
            Family::Cp1252 if c <= '\u{9F}' => return Some(c as u8),
            Family::Cp1252 => &CP1252_REVERSE,
            Family::MacRoman => &MAC_ROMAN_REVERSE,
        };
        let i = reverse.binary_search_by_key(&c, |&(ch, _)| ch).ok()?;
        Some(reverse[i].1)
    }
}

/// How much a decoded sequence says about the text being mojibake. Ordered weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// Not a repair: the decoded character is not plausible text.
    Reject,
    /// The source could be real text; repaired only with evidence.
    Ambiguous,
    /// A 2-byte sequence whose source real text does not contain.
    Clear,
    /// A 3- or 4-byte sequence.
    Strong,
}

/// A script whose 2-byte letters count only when two of them touch (or with evidence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
}

/// What a character decoded from two bytes is, as text.
enum Decoded {
    /// A letter or sign of the Latin-1 Supplement, Latin Extended-A and a few more.
    Latin,
    /// A common combining accent (decomposed text), plausible right after a letter.
    Combining,
    /// A letter of a script that needs a neighbour.
    Letter(Script),
    /// Anything else: C1 controls, IPA, modifier letters, rare blocks.
    Other,
}

fn decoded_kind(c: char) -> Decoded {
    match c {
        '\u{A0}'..='\u{17F}' | 'ƒ' | 'Ș' | 'ș' | 'Ț' | 'ț' | 'Ơ' | 'ơ' | 'Ư' | 'ư' => {
            Decoded::Latin
        }
        '\u{300}'..='\u{30C}' | '\u{327}' | '\u{328}' => Decoded::Combining,
        'Ά'..='ώ' if c.is_alphabetic() => Decoded::Letter(Script::Greek),
        'Ѐ'..='џ' | 'Ґ' | 'ґ' => Decoded::Letter(Script::Cyrillic),
        'א'..='ת' => Decoded::Letter(Script::Hebrew),
        'ء'..='ي' => Decoded::Letter(Script::Arabic),
        _ => Decoded::Other,
    }
}

/// Whether a character decoded from three or four bytes looks like assigned text: not private
/// use, not a noncharacter, not in a plane nothing is written in.
fn assigned_looking(c: char) -> bool {
    let u = c as u32;
    match u {
        0xE000..=0xF8FF | 0xFDD0..=0xFDEF | 0xFFF0..=0xFFF8 => false,
        _ if u & 0xFFFE == 0xFFFE => false,
        0x1_0000..=0x3_FFFF | 0xE_0000..=0xE_01EF => true,
        _ => u < 0x1_0000,
    }
}

/// Punctuation that real text puts right after a word: a letter followed only by these is not
/// strong evidence even when the bytes decode (`café…”` would decode to a CJK ideograph).
fn follows_words(c: char) -> bool {
    matches!(
        c,
        '’' | '”'
            | '“'
            | '‘'
            | '‚'
            | '„'
            | '…'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '–'
            | '—'
            | '•'
            | '·'
            | '™'
            | '®'
            | '©'
            | '¹'
            | '²'
            | '³'
            | '†'
            | '‡'
            | '\u{A0}'
    )
}

/// Quotation marks, after which a lowercase letter is a new word (`Å’s`), not the rest of one.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '’' | '‘' | '”' | '“' | '‚' | '„' | '\'' | '"' | '»' | '«' | '›' | '‹'
    )
}

/// Mac Roman signs that lead a 2-byte Latin sequence and are maths or logic in real text.
fn is_math_lead(c: char) -> bool {
    matches!(c, '¬' | '√' | 'ƒ' | '≈' | '∆')
}

/// Mac Roman continuation characters that can follow a maths sign in real text (`√π`, `¬∂`).
fn is_mathish(c: char) -> bool {
    matches!(
        c,
        '≠' | '≤' | '≥' | '∂' | '∑' | '∏' | 'π' | '∫' | 'Ω' | '±' | 'µ' | '°'
    )
}

fn is_emoji_part(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}')
}

/// A character of a run, or a character decoded from some of them.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The source bytes of the text it covers.
    start: usize,
    end: usize,
    /// The character itself (for a raw node) or what it decodes to.
    ch: char,
    /// 0 for a character of the text, else the pass that decoded it.
    pass: u8,
    /// The nodes it was decoded from (the first `len` entries).
    parts: [usize; 4],
    len: u8,
    /// `â€` whose third byte was lost.
    lossy: bool,
    class: Class,
    /// The script of a lone letter, until a neighbour is found.
    script: Option<Script>,
    /// An ambiguous Latin letter with a lowercase letter touching it.
    local: bool,
}

impl Node {
    fn raw(start: usize, ch: char) -> Node {
        Node {
            start,
            end: start + ch.len_utf8(),
            ch,
            pass: 0,
            parts: [0; 4],
            len: 0,
            lossy: false,
            class: Class::Reject,
            script: None,
            local: false,
        }
    }
}

/// A repair one family settled on.
#[derive(Clone, Debug)]
struct Repair {
    range: Range<usize>,
    ch: char,
    /// `â€` whose character is still to be chosen from its neighbours.
    lossy: bool,
}

/// Finds the candidates of one family over the whole text.
struct Scanner<'t> {
    text: &'t str,
    family: Family,
    /// Every node of every run, raw and decoded.
    nodes: Vec<Node>,
    /// Decoded nodes no later pass consumed, in text order.
    roots: Vec<usize>,
    /// Where the run being collected starts in `nodes`.
    run_start: usize,
    /// Scratch: the nodes of the current pass, and of the next.
    level: Vec<usize>,
    next: Vec<usize>,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, family: Family) -> Scanner<'t> {
        Scanner {
            text,
            family,
            nodes: Vec::new(),
            roots: Vec::new(),
            run_start: 0,
            level: Vec::new(),
            next: Vec::new(),
        }
    }

    /// Takes the next non-ASCII character of a stretch. A character the family cannot encode
    /// ends the current run.
    fn push(&mut self, pos: usize, c: char) {
        if self.family.encode(c).is_some() {
            self.nodes.push(Node::raw(pos, c));
        } else {
            self.end_run();
        }
    }

    /// Decodes the run collected so far.
    fn end_run(&mut self) {
        let start = self.run_start;
        if self.nodes.len() - start >= 2 {
            self.level.clear();
            self.level.extend(start..self.nodes.len());
            for pass in 1..=MAX_PASSES {
                if !self.decode_pass(pass) {
                    break;
                }
            }
            let nodes = &self.nodes;
            self.roots
                .extend(self.level.iter().filter(|&&n| nodes[n].pass > 0));
        }
        self.run_start = self.nodes.len();
    }

    /// One pass over `level`: replaces every decodable sequence by a node. Returns whether
    /// anything decoded.
    fn decode_pass(&mut self, pass: u8) -> bool {
        self.next.clear();
        let mut changed = false;
        let mut i = 0;
        while i < self.level.len() {
            if let Some(used) = self.sequence_at(i, pass) {
                changed = true;
                i += used;
            } else {
                self.next.push(self.level[i]);
                i += 1;
            }
        }
        std::mem::swap(&mut self.level, &mut self.next);
        if changed {
            self.pair_letters(pass);
        }
        changed
    }

    /// Decodes the sequence starting at `level[i]`, if there is one: pushes its node onto
    /// `next` and returns how many nodes it used.
    fn sequence_at(&mut self, i: usize, pass: u8) -> Option<usize> {
        // The first pass reads characters of the text; later ones, what earlier passes decoded.
        let eligible = |n: &Node| {
            if pass == 1 {
                n.pass == 0
            } else {
                n.pass > 0 && !n.lossy
            }
        };
        let first = self.level[i];
        if !eligible(&self.nodes[first]) {
            return None;
        }
        let lead = self.family.encode(self.nodes[first].ch)?;
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return None,
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut parts = [first, 0, 0, 0];
        let mut k = 1;
        while k < len {
            let Some(&idx) = self.level.get(i + k) else {
                break;
            };
            let node = &self.nodes[idx];
            if !eligible(node) {
                break;
            }
            match self.family.encode(node.ch) {
                Some(b @ 0x80..=0xBF) => {
                    bytes[k] = b;
                    parts[k] = idx;
                }
                _ => break,
            }
            k += 1;
        }
        if k == len {
            // from_utf8 rejects overlong forms, surrogates and anything past U+10FFFF.
            let ch = std::str::from_utf8(&bytes[..len]).ok()?.chars().next()?;
            self.push_decoded(parts, len, ch, pass);
            Some(len)
        } else if pass == 1 && self.family == Family::Cp1252 && bytes[..k] == [0xE2, 0x80] {
            self.push_lossy(parts[0], parts[1]);
            Some(2)
        } else {
            None
        }
    }

    fn push_decoded(&mut self, parts: [usize; 4], len: usize, ch: char, pass: u8) {
        let start = self.nodes[parts[0]].start;
        let end = self.nodes[parts[len - 1]].end;
        let mut source = ['\0'; 4];
        for (s, &p) in source.iter_mut().zip(&parts[..len]) {
            *s = self.nodes[p].ch;
        }
        let prev = self.text[..start].chars().next_back();
        let next = self.text[end..].chars().next();
        let (class, script, local) = classify(self.family, &source[..len], ch, prev, next);
        self.nodes.push(Node {
            start,
            end,
            ch,
            pass,
            parts,
            len: len as u8,
            lossy: false,
            class,
            script,
            local,
        });
        self.next.push(self.nodes.len() - 1);
    }

    /// `â€` that cannot go on: its third byte was lost (see the module docs).
    fn push_lossy(&mut self, a: usize, b: usize) {
        let start = self.nodes[a].start;
        let mut end = self.nodes[b].end;
        let class = if self.text[end..].starts_with('\u{FFFD}') {
            end += '\u{FFFD}'.len_utf8();
            Class::Clear
        } else {
            Class::Ambiguous
        };
        self.nodes.push(Node {
            start,
            end,
            ch: '”',
            pass: 1,
            parts: [a, b, 0, 0],
            len: 2,
            lossy: true,
            class,
            script: None,
            local: false,
        });
        self.next.push(self.nodes.len() - 1);
    }

    /// Letters of Greek, Cyrillic, Hebrew or Arabic decoded by this pass become clear when a
    /// letter of the same script decoded by the same pass touches them.
    fn pair_letters(&mut self, pass: u8) {
        let script = |n: Option<&usize>| {
            n.map(|&n| &self.nodes[n])
                .filter(|n| n.pass == pass)
                .and_then(|n| n.script)
        };
        let mut clear = Vec::new();
        for i in 0..self.level.len() {
            let node = &self.nodes[self.level[i]];
            let Some(s) = node.script.filter(|_| node.pass == pass) else {
                continue;
            };
            let before = i.checked_sub(1).and_then(|j| self.level.get(j));
            if script(before) == Some(s) || script(self.level.get(i + 1)) == Some(s) {
                clear.push(self.level[i]);
            }
        }
        for n in clear {
            self.nodes[n].class = Class::Clear;
        }
    }

    /// The candidates: the roots, or where a root decodes to nothing plausible, the candidates
    /// among its parts. Disjoint, in text order.
    fn candidates(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for &root in &self.roots {
            self.collect(root, &mut out);
        }
        out
    }

    fn collect(&self, n: usize, out: &mut Vec<usize>) {
        let node = &self.nodes[n];
        if node.class != Class::Reject {
            out.push(n);
            return;
        }
        for &part in &node.parts[..usize::from(node.len)] {
            if self.nodes[part].pass > 0 {
                self.collect(part, out);
            }
        }
    }

    /// How a candidate weighs against an overlapping one of another family: the one that
    /// explains more of the text, then the stronger, then the first family.
    fn rank(&self, n: usize) -> (usize, Class, bool) {
        let node = &self.nodes[n];
        (
            node.end - node.start,
            node.class,
            self.family == Family::ALL[0],
        )
    }

    /// Counts, by pass, the strong and clear nodes under `n` (itself included).
    fn count_evidence(&self, n: usize, evidence: &mut [usize]) {
        let node = &self.nodes[n];
        if node.pass == 0 {
            return;
        }
        if node.class >= Class::Clear {
            evidence[usize::from(node.pass - 1)] += 1;
        }
        for &part in &node.parts[..usize::from(node.len)] {
            self.count_evidence(part, evidence);
        }
    }

    /// Chooses the repairs among `candidates` (those another family did not outweigh): strong
    /// and clear ones, and ambiguous ones with evidence.
    fn repairs(&self, candidates: &[usize]) -> Vec<Repair> {
        let mut evidence = [0usize; MAX_PASSES as usize];
        for &n in candidates {
            self.count_evidence(n, &mut evidence);
        }
        let mut out = Vec::new();
        for &n in candidates {
            self.accept(n, &evidence, &mut out);
        }
        self.settle_lossy(&mut out);
        out
    }

    /// Repairs `n` if it is convincing, else whatever its parts decoded to.
    fn accept(&self, n: usize, evidence: &[usize], out: &mut Vec<Repair>) {
        let node = &self.nodes[n];
        let ok = match node.class {
            Class::Strong | Class::Clear => true,
            Class::Ambiguous => node.local || evidence[usize::from(node.pass - 1)] > 0,
            Class::Reject => false,
        };
        if ok {
            out.push(Repair {
                range: node.start..node.end,
                ch: node.ch,
                lossy: node.lossy,
            });
        } else {
            for &part in &node.parts[..usize::from(node.len)] {
                if self.nodes[part].pass > 0 {
                    self.accept(part, evidence, out);
                }
            }
        }
    }

    /// Picks what each lost `â€` stood for, from its neighbours.
    fn settle_lossy(&self, repairs: &mut [Repair]) {
        for i in 0..repairs.len() {
            if !repairs[i].lossy {
                continue;
            }
            let Range { start, end } = repairs[i].range;
            let emoji_before = i
                .checked_sub(1)
                .map(|j| &repairs[j])
                .is_some_and(|r| r.range.end == start && is_emoji_part(r.ch));
            let emoji_after = repairs
                .get(i + 1)
                .is_some_and(|r| r.range.start == end && is_emoji_part(r.ch));
            let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            repairs[i].ch = if emoji_before || emoji_after {
                '\u{200D}'
            } else if alnum(self.text[..start].chars().next_back())
                && alnum(self.text[end..].chars().next())
            {
                '\u{2010}'
            } else {
                '”'
            };
        }
    }
}

/// The candidates of `mine` that no overlapping candidate of `theirs` outweighs. Both lists are
/// disjoint and in text order.
fn unbeaten(mine: &Scanner, ours: &[usize], theirs: &Scanner, others: &[usize]) -> Vec<usize> {
    let mut j = 0;
    let mut out = Vec::with_capacity(ours.len());
    for &n in ours {
        let node = &mine.nodes[n];
        while j < others.len() && theirs.nodes[others[j]].end <= node.start {
            j += 1;
        }
        let beaten = others[j..]
            .iter()
            .take_while(|&&m| theirs.nodes[m].start < node.end)
            .any(|&m| theirs.rank(m) > mine.rank(n));
        if !beaten {
            out.push(n);
        }
    }
    out
}

/// Weighs a decoded sequence: its class, the script of a lone letter (which a neighbour may make
/// clear later) and whether a lowercase neighbour settles an ambiguous Latin pair.
fn classify(
    family: Family,
    source: &[char],
    ch: char,
    prev: Option<char>,
    next: Option<char>,
) -> (Class, Option<Script>, bool) {
    if source.len() > 2 {
        let class = if !assigned_looking(ch) {
            Class::Reject
        } else if source[0].is_alphabetic() && source[1..].iter().all(|&c| follows_words(c)) {
            Class::Ambiguous
        } else {
            Class::Strong
        };
        return (class, None, false);
    }
    let (lead, cont) = (source[0], source[1]);
    let c1 = ('\u{80}'..='\u{9F}').contains(&cont);
    let local = || {
        prev.is_some_and(char::is_lowercase)
            || (next.is_some_and(char::is_lowercase) && !is_quote(cont))
    };
    let ambiguous = |local: bool| (Class::Ambiguous, None, local);
    match decoded_kind(ch) {
        Decoded::Other => (Class::Reject, None, false),
        Decoded::Letter(script) => (Class::Ambiguous, Some(script), false),
        Decoded::Combining if !prev.is_some_and(char::is_alphabetic) => {
            (Class::Reject, None, false)
        }
        Decoded::Combining if c1 || cont.is_alphabetic() => (Class::Clear, None, false),
        Decoded::Combining => ambiguous(local()),
        Decoded::Latin => match family {
            Family::Cp1252 => {
                let byte = family.encode(cont).unwrap_or(0);
                if c1 || lead == 'Â' {
                    // Real text has no C1 controls, and no `Â` before a sign (`Â°`, `Â `).
                    (Class::Clear, None, false)
                } else if byte < 0xA0 || cont == '\u{A0}' || cont == '»' {
                    // An uppercase letter before smart punctuation, a no-break space or `»`.
                    ambiguous(local())
                } else {
                    (Class::Clear, None, false)
                }
            }
            Family::MacRoman => {
                if !is_math_lead(lead) {
                    // Punctuation before a letter: `»ö` is German quoting.
                    ambiguous(false)
                } else if is_mathish(cont) {
                    ambiguous(local())
                } else {
                    (Class::Clear, None, false)
                }
            }
        },
    }
}

/// Finds runs of mis-decoded text and returns their repairs, sorted and non-overlapping.
///
/// Each edit replaces the source characters of one mis-decoded character (however many times it
/// was mis-decoded) by that character, with [`EditKind::Mojibake`]. Ranges are byte ranges of
/// `text` on character boundaries. Real text that merely looks odd (`IRMÃ”`, `√π`, `¬p`) is left
/// alone; see the module docs for the evidence each repair needs. Runs in linear time.
pub(crate) fn find(text: &str) -> Vec<Edit> {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        return Vec::new();
    }
    let mut scanners = Family::ALL.map(|family| Scanner::new(text, family));
    let mut pos = 0;
    while let Some(skip) = bytes[pos..].iter().position(|&b| !b.is_ascii()) {
        pos += skip;
        // The stretch ends at the next ASCII character or at the end of the text.
        let mut end = text.len();
        for (i, c) in text[pos..].char_indices() {
            if c.is_ascii() {
                end = pos + i;
                break;
            }
            for scanner in &mut scanners {
                scanner.push(pos + i, c);
            }
        }
        for scanner in &mut scanners {
            scanner.end_run();
        }
        pos = end;
    }

    // Both families may claim the same characters: the candidate that explains more wins, and
    // the loser is neither repaired nor counted as evidence.
    let candidates = scanners.each_ref().map(Scanner::candidates);
    let mut repairs: Vec<(Repair, usize)> = Vec::new();
    for (i, scanner) in scanners.iter().enumerate() {
        let other = 1 - i;
        let ours = unbeaten(
            scanner,
            &candidates[i],
            &scanners[other],
            &candidates[other],
        );
        repairs.extend(scanner.repairs(&ours).into_iter().map(|r| (r, i)));
    }
    // Surviving candidates of the two families never overlap, nor do their parts; this only
    // guards the promise of sorted, non-overlapping edits.
    let repairs = crate::order::sorted_by_key(repairs, &|(r, family)| {
        (crate::order::key(r.range.start), crate::order::key(*family))
    });
    let mut kept: Vec<Repair> = Vec::with_capacity(repairs.len());
    for (repair, _) in repairs {
        match kept.last() {
            Some(last) if repair.range.start < last.range.end => {}
            _ => kept.push(repair),
        }
    }
    kept.into_iter()
        .map(|r| Edit::new(r.range, r.ch.to_string(), EditKind::Mojibake))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::edit::apply;

    /// How a test mis-decodes UTF-8: the two families, and plain Latin-1 (which the cp1252
    /// family repairs).
    #[derive(Clone, Copy, Debug)]
    enum Enc {
        Cp1252,
        Latin1,
        MacRoman,
    }

    const ENCODINGS: [Enc; 3] = [Enc::Cp1252, Enc::Latin1, Enc::MacRoman];

    /// `s` as UTF-8 bytes decoded with `enc`, `times` times over.
    fn misdecode(s: &str, enc: Enc, times: usize) -> String {
        let mut s = s.to_owned();
        for _ in 0..times {
            s = s
                .bytes()
                .map(|b| match (b, enc) {
                    (0..=0x7F, _) | (_, Enc::Latin1) => char::from(b),
                    (_, Enc::Cp1252) => CP1252[usize::from(b - 0x80)],
                    (_, Enc::MacRoman) => MAC_ROMAN[usize::from(b - 0x80)],
                })
                .collect();
        }
        s
    }

    /// Checks the edits' shape: sorted, non-overlapping, non-empty, on character boundaries.
    fn check_shape(text: &str, edits: &[Edit]) {
        let mut last = 0;
        for e in edits {
            assert_eq!(e.kind, EditKind::Mojibake);
            assert!(e.range.start >= last, "{text:?}: overlapping {edits:?}");
            assert!(e.range.start < e.range.end, "{text:?}: empty {e:?}");
            assert!(text.is_char_boundary(e.range.start), "{text:?}: {e:?}");
            assert!(text.is_char_boundary(e.range.end), "{text:?}: {e:?}");
            last = e.range.end;
        }
    }

    /// `text` with its mojibake repaired.
    fn repair(text: &str) -> String {
        let edits = find(text);
        check_shape(text, &edits);
        apply(text, &edits).0
    }

    /// Real text in many scripts: each mis-decoded once, twice or three times must come back.
    const ORIGINALS: &[&str] = &[
        "It’s a “test” — really… she said ‘no’ – twice.",
        "Prices rose 5 € • the brand™ said ® and © 2019 †",
        "Non\u{A0}breaking space, café au lait, naïve façade, élève à l’école, où ça ?",
        "Voilà tout : « Bonjour », dit-il\u{A0}!",
        "Größe, Straße, Übermut, Äpfel und Öl in Österreich.",
        "¿Dónde está el niño? ¡Mañana, señor!",
        "São Paulo, coração, ações, irmã e avó.",
        "IRMÃ”, NÃO e CAFÉ — ÀS ÉGUAS, ÂNGELA!",
        "Zażółć gęślą jaźń. Łódź i Kraków, Gdańsk.",
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
        "İstanbul’da çok güzel bir gün; şişli ağaç, ılık.",
        "Română: știință și țară.",
        "Tiếng Việt có dấu, ơn và ưu.",
        "Ørsted, Ærø, Ångström, Þórður Guðjónsson, Œuvre, œil, Ÿ.",
        "Temperature 25 °C, ½ cup, ¼ inch, ± 3, x² · y³, «quoted» § 5, ¶ 2, 10 ¥, 3 £.",
        "Emoji: 😀 👍🏽 ❤️ 👨‍👩‍👧 🇫🇷 done.",
        "東京と大阪、中文和日本語のテキスト。",
        "한국어 텍스트입니다.",
        "Привет, мир! Это тест и всё. Ґанок, їжак.",
        "Καλημέρα κόσμε, η ώρα είναι.",
        "שלום עולם",
        "مرحبا بالعالم",
        "NFD: cafe\u{301} and nai\u{308}ve, the e\u{300}.",
        "\u{FEFF}Byte-order mark first.",
        "Sign ¬ and root √ and math ≈ ∞ ≠ π, not in cp1252.",
        "Soft\u{AD}hyphen and ƒ, ‰, ‹ and ›, „low“ and ‚single‘.",
    ];

    #[test]
    fn round_trips_every_family_once_and_repeatedly() {
        let mut checked = 0;
        for &original in ORIGINALS {
            for enc in ENCODINGS {
                for times in 1..=3 {
                    let broken = misdecode(original, enc, times);
                    let edits = find(&broken);
                    check_shape(&broken, &edits);
                    let (fixed, _) = apply(&broken, &edits);
                    assert_eq!(fixed, original, "{enc:?} x{times}: {broken:?}");
                    // Each edit covers exactly the mojibake of its replacement.
                    for e in &edits {
                        assert_eq!(
                            misdecode(&e.replacement, enc, times),
                            broken[e.range.clone()],
                            "{enc:?} x{times}: {broken:?}"
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, ORIGINALS.len() * ENCODINGS.len() * 3);
    }

    #[test]
    fn repairs_mojibake_inside_clean_text() {
        let cases = [
            // Real curly quotes and dashes around cp1252 mojibake.
            (
                "She said “hello” — then cafÃ© and naÃ¯ve, itâ€™s fine.",
                "She said “hello” — then café and naïve, it’s fine.",
            ),
            (
                "“Quoted” text and a brokenâ€”dash, real ‘single’ quotes.",
                "“Quoted” text and a broken—dash, real ‘single’ quotes.",
            ),
            // Real accents next to Mac Roman mojibake.
            (
                "Café ’real’ and it‚Äôs K√∂ln¬†now.",
                "Café ’real’ and it’s Köln\u{A0}now.",
            ),
            // Mojibake right against a real curly quote.
            ("“cafÃ©”", "“café”"),
            // Once and twice mis-decoded in the same text.
            ("itâ€™s and itÃ¢â‚¬â„¢s", "it’s and it’s"),
            // Latin-1 mis-decoding (C1 controls) next to cp1252 mis-decoding.
            ("â\u{80}\u{99} and â€™", "’ and ’"),
        ];
        for (broken, want) in cases {
            assert_eq!(repair(broken), want, "{broken:?}");
        }
    }

    #[test]
    fn repairs_the_documented_examples() {
        let cases = [
            ("â€™", "’"),
            ("â€œ", "“"),
            ("â€”", "—"),
            ("â€¦", "…"),
            ("Ã©", "é"),
            ("Â\u{A0}", "\u{A0}"),
            ("Â·", "·"),
            ("Ã±", "ñ"),
            ("ðŸ˜€", "😀"),
            ("¬†", "\u{A0}"),
            ("‚Äú", "“"),
            ("√©", "é"),
            ("Ã¢â‚¬â„¢", "’"),
            ("Ã¼ber", "über"),
            ("Â°C", "°C"),
            ("Â£5", "£5"),
            ("ï»¿Text", "\u{FEFF}Text"),
            // An uppercase letter before smart punctuation: a lowercase neighbour or other
            // mojibake in the text settles it.
            ("gÅ‚os", "głos"),
            ("Å‚ and â€™", "ł and ’"),
            ("Ã–sterreich", "Österreich"),
            ("StraÃŸe", "Straße"),
            ("K√∂ln", "Köln"),
            // Two adjacent Cyrillic letters; a lone one needs evidence.
            ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
            ("Ð¸ Ð²Ñ‹", "и вы"),
        ];
        for (broken, want) in cases {
            assert_eq!(repair(broken), want, "{broken:?}");
        }
    }

    #[test]
    fn repairs_a_lost_third_byte_after_e2_80() {
        let cases = [
            // U+FFFD where the byte was: repaired without other evidence.
            ("â€œHelloâ€\u{FFFD} she said", "“Hello” she said"),
            ("endâ€\u{FFFD}", "end”"),
            // Dropped byte: needs other mojibake in the text.
            ("â€œHelloâ€ she said.", "“Hello” she said."),
            ("â€œwellâ€knownâ€\u{9D}", "“well\u{2010}known”"),
            // Between emoji it was a zero-width joiner.
            ("ðŸ‘¨â€ðŸ‘©", "👨\u{200D}👩"),
            ("ðŸ‘¨â€\u{FFFD}ðŸ‘©", "👨\u{200D}👩"),
        ];
        for (broken, want) in cases {
            assert_eq!(repair(broken), want, "{broken:?}");
        }
        // Without evidence, a bare `â€` stays.
        assert!(find("A price: â€ 5").is_empty());
    }

    /// Real text that must come through untouched.
    const CONTROLS: &[&str] = &[
        "São Paulo e NÃO, IRMÃ” disse.",
        "«IRMÃ» e AMANHÃ. MAÇÃ, CAPITÃ",
        "ÂNGELA, Âge, BÂTIMENT, CHÂTEAU",
        "Ñandú, ÑANDÚ, ¿Qué? ¡Olé!",
        "¬p ∧ ¬q, ¬(p ∨ q), ¬∀x, √2, √π ≈ 1.77, √x, ∑ ∂ ∫",
        "©2019, ½ cup, ¼ inch, 25 °C, ±3 µg, x² y³, 5×3, 6÷2, § 4, ¶ 2",
        "«guillemets», « Bonjour », voilà\u{A0}», été\u{A0}»",
        "Größe, Grüße, Übermut, ÄRGER, „Ärger“, »Öl«, »öffentlich«",
        "Þórður Guðjónsson, Ísland, ÞÓRÐUR",
        "Ørsted, Ærø, Ångström, PÅ NYTT, Œuvre",
        "It’s “quoted” — fine… ‘really’ – yes • ok™",
        "café…” and été’” and à…»",
        "É” and CAFÉ» and JOSÉ…",
        "—Ésta es, dijo. –Évian–",
        "Emoji 😀👍🏽❤️ and CJK 東京 and 中文",
        "Привет, мир. Καλημέρα. שלום. مرحبا.",
        "Zażółć gęślą jaźń, Příliš žluťoučký kůň, İstanbul",
        "Tiếng Việt, Română: știință",
        "A lone Ð¸ stays, as does Ã” and Å’s.",
        "A change of ∆°C is small; ƒ(x) = √x ≈ ∞, ¬π",
        "Ã alone, â alone, ð and ï too.",
        "Plain ASCII only.",
        "",
    ];

    #[test]
    fn leaves_real_text_alone() {
        for &text in CONTROLS {
            assert_eq!(find(text), [], "{text:?}");
        }
    }

    #[test]
    fn tables_and_reverse_lookups_agree() {
        for (family, table) in [(Family::Cp1252, &CP1252), (Family::MacRoman, &MAC_ROMAN)] {
            for (i, &c) in table.iter().enumerate() {
                assert_eq!(family.encode(c), Some(0x80 + i as u8), "{family:?} {c:?}");
            }
            for b in 0..0x80u8 {
                assert_eq!(family.encode(char::from(b)), Some(b));
            }
            assert_eq!(family.encode('\u{FFFD}'), None);
        }
        // Latin-1's C1 controls go back to their bytes in the cp1252 family.
        for b in 0x80..=0x9Fu8 {
            assert_eq!(Family::Cp1252.encode(char::from(b)), Some(b));
        }
        assert_eq!(Family::MacRoman.encode('\u{81}'), None);
    }

    #[test]
    fn edits_slice_the_source_on_char_boundaries() {
        let text = "A “real” café, then cafÃ© and ðŸ˜€ and Ã¢â‚¬â„¢ and ‚Äô.";
        let edits = find(text);
        check_shape(text, &edits);
        let pieces: Vec<(&str, &str)> = edits
            .iter()
            .map(|e| (&text[e.range.clone()], &*e.replacement))
            .collect();
        assert_eq!(
            pieces,
            [("Ã©", "é"), ("ðŸ˜€", "😀"), ("Ã¢â‚¬â„¢", "’"), ("‚Äô", "’"),]
        );
    }

    #[test]
    fn edits_keep_their_shape_on_arbitrary_input() {
        // Every character either table knows, C1 controls, U+FFFD and a few more, shuffled.
        let pool: Vec<char> = CP1252
            .iter()
            .chain(&MAC_ROMAN)
            .copied()
            .chain('\u{80}'..='\u{9F}')
            .chain("aZ .,'\"\u{FFFD}😀東".chars())
            .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5_000 {
            let len = next() % 48;
            let text: String = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize])
                .collect();
            check_shape(&text, &find(&text));
        }
    }

    #[test]
    fn stays_linear_on_long_input() {
        let chunk = "Plain words and itâ€™s cafÃ© with real “quotes”. ";
        let text = chunk.repeat(20_000);
        let edits = find(&text);
        assert_eq!(edits.len(), 40_000);
        let long_run = "Ã".repeat(200_000);
        assert!(find(&long_run).is_empty());
    }
}
