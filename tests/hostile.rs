//! Hostile and odd input: each case checks every invariant of the analysis (through the checker
//! the fuzz targets share, `fuzz/src/invariants.rs`) and what the case itself must give, not only
//! that nothing panics. Inputs found by fuzzing are replayed at the end, each with its story.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../fuzz/src/invariants.rs"]
mod invariants;

use article_analyzer::schema::Public;
use article_analyzer::{
    analyze, Analysis, DiagnosticCode, Options, ParagraphMode, RepairKind, Scope, MAX_INPUT_BYTES,
};
use invariants::analyze_checked;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Instant;

fn checked(text: &str) -> Analysis {
    analyze_checked(text, &Options::default())
}

fn all_scopes(text: &str) -> Analysis {
    let mut options = Options::default();
    options.scope = Scope::All;
    analyze_checked(text, &options)
}

fn count(a: &Analysis, code: DiagnosticCode) -> usize {
    a.diagnostics.iter().filter(|d| d.code == code).count()
}

fn quotes(a: &Analysis) -> Vec<&str> {
    a.quotes.iter().map(|q| q.span.slice(&a.text)).collect()
}

fn sentences(a: &Analysis) -> Vec<&str> {
    a.sentences.iter().map(|s| s.span.slice(&a.text)).collect()
}

/// Every plain-text fixture article, in name order, separated by blank lines. The saved HTML page
/// is left out: joined to other text it would make the whole text one page.
fn fixtures() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut text = String::new();
    for file in files {
        let article = std::fs::read_to_string(file).unwrap();
        if article.starts_with('<') {
            continue;
        }
        text.push_str(article.trim_end());
        text.push_str("\n\n");
    }
    text
}

#[test]
fn empty_text_gives_an_empty_result() {
    let a = checked("");
    assert!(a.paragraphs.is_empty() && a.sentences.is_empty() && a.quotes.is_empty());
    assert_eq!(a.stats.words + a.stats.characters + a.stats.sentences, 0);
    assert_eq!(a.text, "");
    assert!(a.offsets.is_identity());
}

#[test]
fn whitespace_only_gives_no_paragraphs() {
    for text in [
        " ",
        "\n\n\n",
        " \t\n\r\n\u{a0}\u{2029}  \u{3000}\u{2028}\r",
        &" \n".repeat(50_000),
    ] {
        let a = checked(text);
        assert!(a.paragraphs.is_empty(), "{text:?}");
        assert!(a.sentences.is_empty() && a.quotes.is_empty());
        assert_eq!(a.stats.words, 0);
    }
}

#[test]
fn one_word_of_a_megabyte_is_one_word_and_one_sentence() {
    let word = "abcdefghij".repeat(100_000) + "k";
    assert!(word.len() > 1_000_000);
    let a = checked(&word);
    assert_eq!(sentences(&a), [word.as_str()]);
    assert_eq!((a.stats.words, a.stats.unique_words), (1, 1));
    assert_eq!(a.stats.characters, word.len());
    let quoted = format!("“{word},” she said.");
    let a = checked(&quoted);
    assert_eq!(sentences(&a), [quoted.as_str()]);
    assert_eq!(quotes(&a), [format!("{word},")]);
}

/// The size of the large-text test: 10 MB in an optimized build (`cargo test --release`), 2 MB in
/// a debug build, where `analyze` runs about ten times slower. The 10 MB case is also timed by
/// `tests/js/hostile.test.mjs` on the optimized wasm package.
const LARGE: usize = if cfg!(debug_assertions) {
    2_000_000
} else {
    10_000_000
};

#[test]
fn ten_megabytes_of_articles_lose_nothing() {
    let one = fixtures();
    let copies = LARGE.div_ceil(one.len());
    let text = one.repeat(copies);
    assert!(text.len() >= LARGE);
    let mut options = Options::default();
    options.scope = Scope::All;
    let started = Instant::now();
    let a = analyze(&text, &options);
    let elapsed = started.elapsed();
    invariants::check(&text, &options, &a);
    let single = all_scopes(&one);
    // With every paragraph counted, words and quotations add up copy by copy: nothing is lost or
    // invented at any size.
    assert_eq!(a.stats.words, copies * single.stats.words);
    assert_eq!(a.quotes.len(), copies * single.quotes.len());
    assert_eq!(a.paragraphs.len(), copies * single.paragraphs.len());
    assert!(a.speakers.len() >= single.speakers.len());
    eprintln!(
        "{} bytes ({copies} copies of the fixtures) analysed in {elapsed:?}",
        text.len()
    );
}

#[test]
fn a_hundred_thousand_unmatched_quotation_marks() {
    // Closing marks with nothing open: each one is reported, nothing is a quotation.
    let a = checked(&"”".repeat(100_000));
    assert!(a.quotes.is_empty());
    assert_eq!(count(&a, DiagnosticCode::UnmatchedClosingQuote), 100_000);

    // Opening marks before words: each opening mark closes the unclosed one before it.
    let a = checked(&"“word ".repeat(100_000));
    assert_eq!(a.quotes.len(), 100_000);
    assert!(quotes(&a).iter().all(|q| *q == "word"));
    assert_eq!(count(&a, DiagnosticCode::UnclosedQuote), 100_000);

    // Straight marks and apostrophes of every kind, in one paragraph and one per line.
    for text in [
        "\" ' ‘ ’ « » „ ‹ › ".repeat(10_000),
        "\"a\n'b\n‘c\n’d\n".repeat(25_000),
        "'".repeat(100_000),
        "\"".repeat(100_000),
    ] {
        checked(&text);
    }
}

#[test]
fn fifty_thousand_nested_brackets_and_quotations() {
    let text = format!("{}deep{}", "(".repeat(50_000), ")".repeat(50_000));
    let a = checked(&text);
    assert_eq!(a.stats.words, 1);
    assert_eq!(a.sentences.len(), 1);

    // Nesting past the tracked depth: the outer quotation holds the innermost words, the
    // closing marks left over are reported.
    let text = format!("{}deep{}", "“‘".repeat(25_000), "’”".repeat(25_000));
    let a = checked(&text);
    assert_eq!(a.quotes.len(), 1);
    assert!(a.quotes[0].span.slice(&a.text).contains("deep"));
    assert!(count(&a, DiagnosticCode::UnmatchedClosingQuote) > 20_000);

    let text = format!("{}deep{}", "«".repeat(50_000), "»".repeat(50_000));
    let a = checked(&text);
    assert_eq!(a.quotes.len(), 1);
}

#[test]
fn punctuation_only_has_no_words() {
    for text in [
        "!?.,;:—…()[]{}-–/\\*&%$#@^~`|<>+=_".repeat(3_000),
        ". ".repeat(50_000),
        "?!".repeat(50_000),
        "...\n\n".repeat(20_000),
    ] {
        let a = checked(&text);
        assert_eq!(a.stats.words, 0, "{:?}", &text[..20]);
        assert!(a.quotes.is_empty());
    }
}

#[test]
fn nul_bytes_become_spaces_that_still_slice_the_input() {
    let text = "one\0two\0\0three\u{0}";
    let a = checked(text);
    assert_eq!(a.text, "one two  three ");
    assert_eq!(a.stats.words, 3);
    assert_eq!(a.repairs.len(), 4);
    assert!(a.repairs.iter().all(|r| r.kind == RepairKind::Control));
    let public = Public::new(text, &a);
    assert_eq!(public.repairs[0].start, 3);
    assert_eq!(count(&a, DiagnosticCode::ReplacedControl), 1);
    checked(&"\0".repeat(100_000));
}

#[test]
fn byte_order_marks_are_removed_and_offsets_count_them() {
    let text = "\u{feff}“Hi,” Ana Ruiz said.\u{feff} Then\u{feff}she left.";
    let a = checked(text);
    assert_eq!(a.text, "“Hi,” Ana Ruiz said. Thenshe left.");
    let public = Public::new(text, &a);
    // The BOM is one UTF-16 unit: the quotation starts after it and its opening mark.
    assert_eq!((public.quotes[0].start, public.quotes[0].end), (2, 5));
    assert_eq!(public.speakers[0].name, "Ana Ruiz");
    assert_eq!(count(&a, DiagnosticCode::RemovedInvisible), 1);
}

#[test]
fn carriage_returns_alone_and_mixed_line_endings() {
    let text = "Headline here\r\rFirst para.\rStill first.\r\r\nSecond para.\n\r\nThird.";
    let a = checked(text);
    assert_eq!(a.paragraphs.len(), 4);
    assert_eq!(
        sentences(&a),
        [
            "Headline here",
            "First para.",
            "Still first.",
            "Second para.",
            "Third."
        ]
    );
    let public = Public::new(text, &a);
    let units: Vec<u16> = text.encode_utf16().collect();
    let s = &public.sentences[4];
    assert_eq!(
        String::from_utf16(&units[s.start..s.end]).unwrap(),
        "Third."
    );
    for mode in [ParagraphMode::Lines, ParagraphMode::BlankLines] {
        let mut options = Options::default();
        options.paragraphs = mode;
        analyze_checked(text, &options);
        analyze_checked(&"a\rb\r\n\n\r".repeat(20_000), &options);
    }
}

#[test]
fn right_to_left_text() {
    let arabic = "قال الرئيس «نحن مستعدون للحوار». ثم غادر القاعة.";
    let a = checked(arabic);
    assert_eq!(quotes(&a), ["نحن مستعدون للحوار"]);
    assert_eq!(a.sentences.len(), 2);
    assert_eq!(a.stats.words, 8);

    let hebrew = "הוא אמר: \"שלום לכולם\". אחר כך הלך הביתה.";
    let a = checked(hebrew);
    assert_eq!(quotes(&a), ["שלום לכולם"]);
    assert_eq!(a.sentences.len(), 2);

    // Bidirectional controls are kept as written and never break the offsets.
    checked("\u{202b}שלום\u{202c} and \u{2067}مرحبا\u{2069}. \u{200f}x\u{200e}");
}

#[test]
fn chinese_and_japanese_without_spaces() {
    let text = "東京では雨が降った。明日は晴れるでしょう。「本当ですか」と彼は言った。";
    let a = checked(text);
    assert_eq!(a.sentences.len(), 3);
    assert!(a.stats.words >= 10, "{}", a.stats.words);
    assert_eq!(a.stats.characters, text.chars().count());
    let long = "中文没有空格也没有句号".repeat(50_000);
    let a = checked(&long);
    assert_eq!(a.sentences.len(), 1);
}

#[test]
fn emoji_sequences_are_kept_and_counted_as_one_character() {
    let text = "Team 👨‍👩‍👧‍👦 won. Then 👩🏽‍🔬 and 🏳️‍🌈 and 🇺🇸🇬🇧 came.";
    let a = checked(text);
    assert_eq!(a.text, text, "joiners inside emoji stay");
    assert_eq!(a.sentences.len(), 2);
    assert_eq!(
        sentences(&a)[0].chars().count(),
        17,
        "the family is seven code points"
    );
    let family = checked("👨‍👩‍👧‍👦");
    assert_eq!(family.stats.characters, 1);
    checked(&"👩‍🔬\u{200d}".repeat(30_000));
}

#[test]
fn floods_of_combining_marks() {
    let zalgo = format!("e{}", "\u{301}".repeat(100_000));
    let a = checked(&zalgo);
    assert_eq!(a.stats.characters, 1);
    assert_eq!(a.stats.words, 1);
    let mixed = "Z\u{337}\u{322}\u{353}a\u{335}l\u{336}g\u{338}o\u{334}. ".repeat(20_000);
    let a = checked(&mixed);
    assert_eq!(a.stats.words, 20_000);
    // Marks with nothing to combine with.
    checked(&format!("\u{301}{}", " \u{301}\u{308}".repeat(30_000)));
}

const BIN: &str = env!("CARGO_BIN_EXE_article-analyzer");

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Written from another thread: the CLI may stop reading early.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[test]
fn cli_rejects_text_past_the_limit_and_names_the_limit() {
    let over = MAX_INPUT_BYTES + 7;
    let want =
        format!("article-analyzer: error: text is too long: {over} bytes; the limit is 64 MiB\n");
    // Standard input: read no further than the limit, then counted.
    let o = run(&["--json", "-"], &vec![b'a'; over]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stderr), want);
    assert!(o.stdout.is_empty());
    // A file: its size decides before anything is read (a sparse file of zeros).
    let path =
        std::env::temp_dir().join(format!("article-analyzer-limit-{}.txt", std::process::id()));
    std::fs::File::create(&path)
        .unwrap()
        .set_len(over as u64)
        .unwrap();
    let o = run(&[path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stderr), want);
}

#[test]
fn cli_json_lines_reports_a_long_text_and_goes_on() {
    let mut input = b"{\"id\": 1, \"text\": \"".to_vec();
    input.extend(std::iter::repeat_n(b'a', MAX_INPUT_BYTES + 1));
    input.extend_from_slice(b"\"}\n{\"id\": 2, \"text\": \"One. Two.\"}\n");
    let o = run(&["--jsonl"], &input);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(
        lines[0]["error"],
        format!(
            "line 1: text is too long: {} bytes; the limit is 64 MiB",
            MAX_INPUT_BYTES + 1
        )
    );
    assert_eq!(lines[1]["result"]["stats"]["sentences"], 2);
}

#[test]
fn cli_analyses_odd_text_like_the_library() {
    for text in ["", "\u{feff}\r\r“Hi,” she said.\0", "👨‍👩‍👧‍👦 «نحن» 東京。"]
    {
        let o = run(&["--json", "-"], text.as_bytes());
        assert!(o.status.success());
        let printed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let a = checked(text);
        assert_eq!(
            printed,
            serde_json::to_value(Public::new(text, &a)).unwrap()
        );
    }
}

// Inputs found by fuzzing (`scripts/fuzz.sh`), minimized.

/// clean target, crash-527e2a61: after initials ("U."), a segment that opens with a multi-byte
/// character before an initial ("\u{FFFD}Ī", "“B. White") made the sentence splitter slice the
/// segment at the initial's length from its start, inside the first character: a panic, which in
/// the browser kills the module.
#[test]
fn initials_before_a_segment_that_opens_with_a_wide_character() {
    for text in [
        "| U.\u{FFFD}\u{12A}",
        "He met J.\u{201C}B. White, the author.",
        "Ask E.\u{2014}B. White.",
        "By E. «B. White» and F. «C. Gray».",
    ] {
        checked(text);
    }
    // The initial after the wide character is still read as one: no break after "E.".
    let a = checked("A talk by E. \u{201C}B. White\u{201D} Jones.");
    assert!(
        sentences(&a)[0].starts_with("A talk by E. “B."),
        "{:?}",
        sentences(&a)
    );
}

/// compare target, crash-3589a5ab: a sentence that ends inside its paragraph's dateline (".", in
/// ".GT—he put it“t") left the pronoun's search with a sentence whose words start after its end:
/// a slice from 4 to 1, a panic. The search now skips what lies in the dateline, and so nothing of
/// that sentence.
#[test]
fn a_sentence_that_ends_inside_the_dateline() {
    for text in [
        ".GT\u{2014}he put it\u{201C}t",
        "A. B\u{2014} she said \u{201C}yes\u{201D}",
        "GENEVA \u{2014} \u{201C}No,\u{201D} he said.",
    ] {
        checked(text);
    }
}
