//! HTML character references: `&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`.
//!
//! Named references are looked up in one sorted table (binary search): every Latin-1 name, the
//! typographic and symbol names of HTML 4, the Greek letters, and a few HTML5 names that editors
//! emit (`&mldr;`, `&ZeroWidthSpace;`, `&comma;` and the other ASCII punctuation, `&COPY;`).
//! The full HTML5 list (over two thousand names, mostly mathematics) is left out to keep the
//! `.wasm` small; an unknown name stays as text. Only references closed by `;` are decoded: the
//! legacy forms without it (`&copy 2024`) are too easily ordinary text (`AT&T`, `&c`).
//!
//! Numeric references follow the HTML standard: code points 0x80–0x9F are read as Windows-1252
//! (`&#146;` is `’`, as pages converted from that encoding still say), and NUL, surrogates and
//! values beyond U+10FFFF become U+FFFD.

/// The longest reference body considered, in bytes (`#x0010FFFF`, `ZeroWidthSpace` and leading
/// zeros fit): longer runs stay text, so a scan never looks far ahead.
const MAX_BODY: usize = 32;

/// Named references, sorted by their bytes (upper case first), each standing for one character.
#[rustfmt::skip]
const NAMED: [(&str, char); 310] = [
    ("AElig", 'Æ'), ("AMP", '&'), ("Aacute", 'Á'), ("Acirc", 'Â'), ("Agrave", 'À'), ("Alpha", 'Α'),
    ("Aring", 'Å'), ("Atilde", 'Ã'), ("Auml", 'Ä'), ("Beta", 'Β'), ("COPY", '©'), ("Ccedil", 'Ç'),
    ("Chi", 'Χ'), ("Dagger", '‡'), ("Delta", 'Δ'), ("ETH", 'Ð'), ("Eacute", 'É'), ("Ecirc", 'Ê'),
    ("Egrave", 'È'), ("Epsilon", 'Ε'), ("Eta", 'Η'), ("Euml", 'Ë'), ("GT", '>'), ("Gamma", 'Γ'),
    ("Hat", '^'), ("Iacute", 'Í'), ("Icirc", 'Î'), ("Igrave", 'Ì'), ("Iota", 'Ι'), ("Iuml", 'Ï'),
    ("Kappa", 'Κ'), ("LT", '<'), ("Lambda", 'Λ'), ("Mu", 'Μ'), ("NoBreak", '\u{2060}'),
    ("NonBreakingSpace", '\u{a0}'), ("Ntilde", 'Ñ'), ("Nu", 'Ν'), ("OElig", 'Œ'), ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'), ("Ograve", 'Ò'), ("Omega", 'Ω'), ("Omicron", 'Ο'), ("Oslash", 'Ø'),
    ("Otilde", 'Õ'), ("Ouml", 'Ö'), ("Phi", 'Φ'), ("Pi", 'Π'), ("Prime", '″'), ("Psi", 'Ψ'),
    ("QUOT", '"'), ("REG", '®'), ("Rho", 'Ρ'), ("Scaron", 'Š'), ("Sigma", 'Σ'), ("THORN", 'Þ'),
    ("TRADE", '™'), ("Tau", 'Τ'), ("Theta", 'Θ'), ("Uacute", 'Ú'), ("Ucirc", 'Û'), ("Ugrave", 'Ù'),
    ("Upsilon", 'Υ'), ("Uuml", 'Ü'), ("Xi", 'Ξ'), ("Yacute", 'Ý'), ("Yuml", 'Ÿ'),
    ("ZeroWidthSpace", '\u{200b}'), ("Zeta", 'Ζ'), ("aacute", 'á'), ("acirc", 'â'), ("acute", '´'),
    ("aelig", 'æ'), ("agrave", 'à'), ("alefsym", 'ℵ'), ("alpha", 'α'), ("amp", '&'), ("and", '∧'),
    ("ang", '∠'), ("apos", '\''), ("aring", 'å'), ("ast", '*'), ("asymp", '≈'), ("atilde", 'ã'),
    ("auml", 'ä'), ("bdquo", '„'), ("beta", 'β'), ("brvbar", '¦'), ("bsol", '\\'), ("bull", '•'),
    ("bullet", '•'), ("cap", '∩'), ("ccedil", 'ç'), ("cedil", '¸'), ("cent", '¢'), ("chi", 'χ'),
    ("circ", 'ˆ'), ("clubs", '♣'), ("colon", ':'), ("comma", ','), ("commat", '@'), ("cong", '≅'),
    ("copy", '©'), ("crarr", '↵'), ("cup", '∪'), ("curren", '¤'), ("dArr", '⇓'), ("dagger", '†'),
    ("darr", '↓'), ("dash", '‐'), ("deg", '°'), ("delta", 'δ'), ("diams", '♦'), ("divide", '÷'),
    ("dollar", '$'), ("eacute", 'é'), ("ecirc", 'ê'), ("egrave", 'è'), ("empty", '∅'),
    ("emsp", '\u{2003}'), ("ensp", '\u{2002}'), ("epsilon", 'ε'), ("equals", '='), ("equiv", '≡'),
    ("eta", 'η'), ("eth", 'ð'), ("euml", 'ë'), ("euro", '€'), ("excl", '!'), ("exist", '∃'),
    ("fnof", 'ƒ'), ("forall", '∀'), ("frac12", '½'), ("frac13", '⅓'), ("frac14", '¼'),
    ("frac15", '⅕'), ("frac18", '⅛'), ("frac23", '⅔'), ("frac34", '¾'), ("frac38", '⅜'),
    ("frac58", '⅝'), ("frac78", '⅞'), ("frasl", '⁄'), ("gamma", 'γ'), ("ge", '≥'), ("grave", '`'),
    ("gt", '>'), ("hArr", '⇔'), ("hairsp", '\u{200a}'), ("half", '½'), ("harr", '↔'),
    ("hearts", '♥'), ("hellip", '…'), ("horbar", '―'), ("hyphen", '‐'), ("iacute", 'í'),
    ("icirc", 'î'), ("iexcl", '¡'), ("igrave", 'ì'), ("image", 'ℑ'), ("infin", '∞'), ("int", '∫'),
    ("iota", 'ι'), ("iquest", '¿'), ("isin", '∈'), ("iuml", 'ï'), ("kappa", 'κ'), ("lArr", '⇐'),
    ("lambda", 'λ'), ("lang", '⟨'), ("laquo", '«'), ("larr", '←'), ("lceil", '⌈'), ("lcub", '{'),
    ("ldquo", '“'), ("ldquor", '„'), ("le", '≤'), ("lfloor", '⌊'), ("lowast", '∗'),
    ("lowbar", '_'), ("loz", '◊'), ("lpar", '('), ("lrm", '\u{200e}'), ("lsaquo", '‹'),
    ("lsqb", '['), ("lsquo", '‘'), ("lsquor", '‚'), ("lt", '<'), ("macr", '¯'), ("mdash", '—'),
    ("micro", 'µ'), ("middot", '·'), ("minus", '−'), ("mldr", '…'), ("mu", 'μ'), ("nabla", '∇'),
    ("nbsp", '\u{a0}'), ("ndash", '–'), ("ne", '≠'), ("ni", '∋'), ("nldr", '‥'), ("not", '¬'),
    ("notin", '∉'), ("nsub", '⊄'), ("ntilde", 'ñ'), ("nu", 'ν'), ("num", '#'), ("numero", '№'),
    ("numsp", '\u{2007}'), ("oacute", 'ó'), ("ocirc", 'ô'), ("oelig", 'œ'), ("ograve", 'ò'),
    ("oline", '‾'), ("omega", 'ω'), ("omicron", 'ο'), ("oplus", '⊕'), ("or", '∨'), ("ordf", 'ª'),
    ("ordm", 'º'), ("oslash", 'ø'), ("otilde", 'õ'), ("otimes", '⊗'), ("ouml", 'ö'), ("para", '¶'),
    ("part", '∂'), ("percnt", '%'), ("period", '.'), ("permil", '‰'), ("perp", '⊥'), ("phi", 'φ'),
    ("pi", 'π'), ("piv", 'ϖ'), ("plus", '+'), ("plusmn", '±'), ("pound", '£'), ("prime", '′'),
    ("prod", '∏'), ("prop", '∝'), ("psi", 'ψ'), ("puncsp", '\u{2008}'), ("quest", '?'),
    ("quot", '"'), ("rArr", '⇒'), ("radic", '√'), ("rang", '⟩'), ("raquo", '»'), ("rarr", '→'),
    ("rceil", '⌉'), ("rcub", '}'), ("rdquo", '”'), ("rdquor", '”'), ("real", 'ℜ'), ("reg", '®'),
    ("rfloor", '⌋'), ("rho", 'ρ'), ("rlm", '\u{200f}'), ("rpar", ')'), ("rsaquo", '›'),
    ("rsqb", ']'), ("rsquo", '’'), ("rsquor", '’'), ("sbquo", '‚'), ("scaron", 'š'), ("sdot", '⋅'),
    ("sect", '§'), ("semi", ';'), ("shy", '\u{ad}'), ("sigma", 'σ'), ("sigmaf", 'ς'), ("sim", '∼'),
    ("sol", '/'), ("spades", '♠'), ("sub", '⊂'), ("sube", '⊆'), ("sum", '∑'), ("sup", '⊃'),
    ("sup1", '¹'), ("sup2", '²'), ("sup3", '³'), ("supe", '⊇'), ("szlig", 'ß'), ("tau", 'τ'),
    ("there4", '∴'), ("theta", 'θ'), ("thetasym", 'ϑ'), ("thinsp", '\u{2009}'), ("thorn", 'þ'),
    ("tilde", '˜'), ("times", '×'), ("trade", '™'), ("uArr", '⇑'), ("uacute", 'ú'), ("uarr", '↑'),
    ("ucirc", 'û'), ("ugrave", 'ù'), ("uml", '¨'), ("upsih", 'ϒ'), ("upsilon", 'υ'), ("uuml", 'ü'),
    ("verbar", '|'), ("weierp", '℘'), ("xi", 'ξ'), ("yacute", 'ý'), ("yen", '¥'), ("yuml", 'ÿ'),
    ("zeta", 'ζ'), ("zwj", '\u{200d}'), ("zwnj", '\u{200c}'),
];

/// What Windows-1252 puts at 0x80–0x9F (0 where it has nothing, and the code point stays).
const WINDOWS_1252: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// The character of a reference's body, the part between `&` and `;`: a name (`rsquo`, case
/// sensitive), `#` and decimal digits, or `#x` and hexadecimal digits. `None` for an unknown name
/// or a malformed number.
pub(crate) fn decode(reference: &str) -> Option<char> {
    let Some(number) = reference.strip_prefix("#") else {
        return NAMED
            .binary_search_by(|(name, _)| name.as_bytes().cmp(reference.as_bytes()))
            .ok()
            .map(|i| NAMED[i].1);
    };
    let (digits, radix) = match number.as_bytes().first() {
        Some(b'x' | b'X') => (&number[1..], 16),
        _ => (number, 10),
    };
    if digits.is_empty() {
        return None;
    }
    let mut value: u32 = 0;
    for c in digits.chars() {
        // Saturates just past the last code point, so long zero-padded numbers still parse.
        value = (value * radix + c.to_digit(radix)?).min(0x11_0000);
    }
    Some(match value {
        0x80..=0x9F => match WINDOWS_1252[value as usize - 0x80] {
            0 => char::from_u32(value)?,
            mapped => char::from_u32(mapped.into())?,
        },
        0 => '\u{FFFD}',
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    })
}

/// The well-formed character reference at the start of `text`, which begins with `&`: its length
/// in bytes (`&` and `;` included) and its character. `None` when `text` does not start with a
/// reference this module decodes.
pub(crate) fn at(text: &str) -> Option<(usize, char)> {
    let body = text.strip_prefix("&")?;
    let end = body
        .bytes()
        .take(MAX_BODY + 1)
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))?;
    if body.as_bytes()[end] != b';' {
        return None;
    }
    decode(&body[..end]).map(|c| (end + 2, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        assert!(NAMED
            .windows(2)
            .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
    }

    #[test]
    fn references() {
        let cases: &[(&str, Option<(usize, char)>)] = &[
            ("&amp;", Some((5, '&'))),
            ("&amp;amp;", Some((5, '&'))),
            ("&nbsp;x", Some((6, '\u{a0}'))),
            ("&rsquo;", Some((7, '’'))),
            ("&ldquo;", Some((7, '“'))),
            ("&mdash;", Some((7, '—'))),
            ("&hellip;", Some((8, '…'))),
            ("&eacute;", Some((8, 'é'))),
            ("&Eacute;", Some((8, 'É'))),
            ("&AElig;", Some((7, 'Æ'))),
            ("&yuml;", Some((6, 'ÿ'))),
            ("&omega;", Some((7, 'ω'))),
            ("&Omega;", Some((7, 'Ω'))),
            ("&euro;", Some((6, '€'))),
            ("&shy;", Some((5, '\u{ad}'))),
            ("&zwj;", Some((5, '\u{200d}'))),
            ("&ZeroWidthSpace;", Some((16, '\u{200b}'))),
            ("&apos;", Some((6, '\''))),
            ("&#8217;", Some((7, '’'))),
            ("&#x2019;", Some((8, '’'))),
            ("&#X201c;", Some((8, '“'))),
            ("&#00000065;", Some((11, 'A'))),
            ("&#146;", Some((6, '’'))),
            ("&#x97;", Some((6, '—'))),
            ("&#x80;", Some((6, '€'))),
            ("&#x81;", Some((6, '\u{81}'))),
            ("&#0;", Some((4, '\u{fffd}'))),
            ("&#xD800;", Some((8, '\u{fffd}'))),
            ("&#x110000;", Some((10, '\u{fffd}'))),
            ("&#99999999999999999999;", Some((23, '\u{fffd}'))),
            ("&#x1F600;", Some((9, '😀'))),
            // Malformed or unknown: stays text.
            ("&amp", None),
            ("&amp x;", None),
            ("&AMP;", Some((5, '&'))),
            ("&Amp;", None),
            ("&unknown;", None),
            ("&;", None),
            ("&#;", None),
            ("&#x;", None),
            ("&#12a;", None),
            ("&#xZZ;", None),
            ("& amp;", None),
            ("&", None),
            ("AT&T", None),
            ("&#000000000000000000000000000000000065;", None),
        ];
        for &(text, expected) in cases {
            assert_eq!(at(text), expected, "{text:?}");
        }
    }

    #[test]
    fn decode_takes_the_body() {
        assert_eq!(decode("trade"), Some('™'));
        assert_eq!(decode("#x2014"), Some('—'));
        assert_eq!(decode("nosuch"), None);
        assert_eq!(decode(""), None);
    }
}
