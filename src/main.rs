//! `article-analyzer`: the command-line face of the library.
//!
//! ```text
//! article-analyzer [OPTIONS] [FILE|-]          a report for a person
//! article-analyzer --json [OPTIONS] [FILE|-]   the result as JSON
//! article-analyzer --jsonl [OPTIONS]           JSON lines {"id","text"} in, {"id","result"} out
//! article-analyzer compare [--json] [OPTIONS] A B   two reports of one story compared
//! ```
#![forbid(unsafe_code)]

use article_analyzer::schema::{Public, PublicCompareOptions, PublicComparison, PublicOptions};
use article_analyzer::{
    analyze, check_input_len, compare, Analysis, CompareOptions, Comparison, DiffOp, Options,
    MAX_INPUT_BYTES,
};
use std::fmt::Write as _;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: article-analyzer [OPTIONS] [FILE|-]
       article-analyzer --jsonl [OPTIONS] < articles.jsonl
       article-analyzer compare [OPTIONS] FILE_A FILE_B

Reads a news article (UTF-8 text) from FILE or standard input and reports its
sentences, quotations with their speakers, and word counts.

Options:
  --json               print the result as JSON (the same shape as the JavaScript API)
  --jsonl              read JSON lines {\"id\": ..., \"text\": ...} from standard input and
                       write one line {\"id\": ..., \"result\": {...}} (or {\"id\": ..., \"error\": ...}) each
  --paragraphs MODE    auto (default), blankLines or lines
  --scope SCOPE        body (default: counts take in the article's body) or all
  -h, --help           print this help
  -V, --version        print the version

compare reads two reports of the same story (one of them may be - for standard
input) and lists the quotations they share with their differences word by word,
the quotations found in one only, the speakers quoted in both and the sentences
they share. It takes --json, --paragraphs and --scope, and:
  --paraphrase-threshold X   least similarity (0 to 1, default 0.5) of a reworded quotation
  --sentence-threshold X     least similarity (0 to 1, default 0.6) of a shared sentence

Text longer than 64 MiB is refused (exit status 1; in --jsonl, an error line).";

/// How the program was asked to run.
#[derive(Debug, PartialEq)]
enum Mode {
    Report,
    Json,
    JsonLines,
    /// `compare A B`: a report, or JSON with `--json`.
    Compare {
        json: bool,
    },
}

#[derive(Debug)]
struct Args {
    mode: Mode,
    /// The files named: at most one, or exactly two for `compare`.
    inputs: Vec<String>,
    options: PublicOptions,
    /// The thresholds of `compare`.
    paraphrase_threshold: Option<f64>,
    sentence_threshold: Option<f64>,
}

/// An error for the user: printed on one line, exit code 2 for usage, 1 otherwise.
struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            usage: true,
        }
    }
    fn other(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            usage: false,
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if failure.message.is_empty() => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("article-analyzer: error: {}", failure.message);
            if failure.usage {
                eprintln!("Try 'article-analyzer --help' for more information.");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn run() -> Result<(), Failure> {
    let args = match parse_args(std::env::args().skip(1))? {
        Some(args) => args,
        None => return Ok(()),
    };
    let options =
        Options::try_from(args.options.clone()).map_err(|e| Failure::usage(e.to_string()))?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match args.mode {
        Mode::JsonLines => json_lines(&options, &mut out),
        Mode::Compare { json } => {
            let compare_options = CompareOptions::try_from(PublicCompareOptions {
                paragraphs: args.options.paragraphs.clone(),
                scope: args.options.scope.clone(),
                paraphrase_threshold: args.paraphrase_threshold,
                sentence_threshold: args.sentence_threshold,
            })
            .map_err(|e| Failure::usage(e.to_string()))?;
            let a = read_input(args.inputs.first().map(String::as_str))?;
            let b = read_input(args.inputs.get(1).map(String::as_str))?;
            let comparison = compare(&a, &b, &compare_options);
            if json {
                let public = PublicComparison::new(&a, &b, &comparison);
                serde_json::to_writer_pretty(&mut out, &public)
                    .map_err(io::Error::from)
                    .and_then(|()| writeln!(out))
            } else {
                let names = [args.inputs[0].as_str(), args.inputs[1].as_str()];
                out.write_all(compare_report(names, &comparison).as_bytes())
            }
        }
        Mode::Json | Mode::Report => {
            let text = read_input(args.inputs.first().map(String::as_str))?;
            let analysis = analyze(&text, &options);
            if args.mode == Mode::Json {
                let public = Public::new(&text, &analysis);
                serde_json::to_writer_pretty(&mut out, &public)
                    .map_err(io::Error::from)
                    .and_then(|()| writeln!(out))
            } else {
                out.write_all(report(&text, &analysis).as_bytes())
            }
        }
    };
    result.and_then(|()| out.flush()).or_else(|e| {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Ok(()) // `| head` closed the pipe: not an error.
        } else {
            Err(Failure::other(format!("cannot write output: {e}")))
        }
    })
}

/// Parses the command line. `Ok(None)` means help or version was printed.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Args>, Failure> {
    let mut mode = Mode::Report;
    let mut inputs = Vec::new();
    let mut options = PublicOptions::default();
    let mut thresholds = [None, None];
    let mut args = args.peekable();
    let comparing = args.peek().is_some_and(|a| a == "compare");
    if comparing {
        args.next();
    }
    let most = if comparing { 2 } else { 1 };
    let mut only_files = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            _ if only_files => set_input(&mut inputs, arg, most)?,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("article-analyzer {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--json" => mode = Mode::Json,
            "--jsonl" if comparing => {
                return Err(Failure::usage("compare takes --json, not --jsonl"));
            }
            "--jsonl" => mode = Mode::JsonLines,
            flag if comparing
                && (flag.starts_with("--paraphrase-threshold")
                    || flag.starts_with("--sentence-threshold")) =>
            {
                let (name, value) = match flag.split_once('=') {
                    Some((name, value)) => (name.to_string(), Some(value.to_string())),
                    None => (flag.to_string(), args.next()),
                };
                let slot = match name.as_str() {
                    "--paraphrase-threshold" => 0,
                    "--sentence-threshold" => 1,
                    _ => return Err(Failure::usage(format!("unknown option '{flag}'"))),
                };
                let number = value
                    .as_deref()
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|x| (0.0..=1.0).contains(x))
                    .ok_or_else(|| Failure::usage(format!("{name} needs a number from 0 to 1")))?;
                thresholds[slot] = Some(number);
            }
            "--paragraphs" => {
                let value = args.next().ok_or_else(|| {
                    Failure::usage("--paragraphs needs a value: auto, blankLines or lines")
                })?;
                options.paragraphs = Some(value);
            }
            "--scope" => {
                let value = args
                    .next()
                    .ok_or_else(|| Failure::usage("--scope needs a value: body or all"))?;
                options.scope = Some(value);
            }
            flag if flag.starts_with("--scope=") => {
                options.scope = Some(flag["--scope=".len()..].to_string());
            }
            "--" => only_files = true,
            "-" => set_input(&mut inputs, arg, most)?,
            flag if flag.starts_with("--paragraphs=") => {
                options.paragraphs = Some(flag["--paragraphs=".len()..].to_string());
            }
            flag if flag.starts_with('-') => {
                return Err(Failure::usage(format!("unknown option '{flag}'")));
            }
            _ => set_input(&mut inputs, arg, most)?,
        }
    }
    if mode == Mode::JsonLines && inputs.first().is_some_and(|i| i != "-") {
        return Err(Failure::usage("--jsonl reads standard input; give no FILE"));
    }
    if comparing {
        if inputs.len() != 2 {
            return Err(Failure::usage("compare needs two files: FILE_A FILE_B"));
        }
        if inputs.iter().all(|i| i == "-") {
            return Err(Failure::usage(
                "compare can read only one of its texts from standard input",
            ));
        }
        mode = Mode::Compare {
            json: mode == Mode::Json,
        };
    }
    Ok(Some(Args {
        mode,
        inputs,
        options,
        paraphrase_threshold: thresholds[0],
        sentence_threshold: thresholds[1],
    }))
}

fn set_input(inputs: &mut Vec<String>, arg: String, most: usize) -> Result<(), Failure> {
    if inputs.len() == most {
        return Err(Failure::usage(if most == 1 {
            "give at most one FILE"
        } else {
            "compare takes exactly two files"
        }));
    }
    inputs.push(arg);
    Ok(())
}

/// Reads the whole input as UTF-8 (a leading byte-order mark is kept: it is part of the text).
/// Text longer than [`MAX_INPUT_BYTES`] is an error: a file's size is checked before it is read,
/// and no more than the limit of standard input is kept (the rest is only counted).
fn read_input(path: Option<&str>) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    let total = match path {
        None | Some("-") => read_limited(io::stdin().lock(), &mut bytes)
            .map_err(|e| Failure::other(format!("cannot read standard input: {e}")))?,
        Some(path) => {
            let cannot =
                |e: io::Error| Failure::other(format!("cannot read '{path}': {}", io_message(&e)));
            let file = std::fs::File::open(path).map_err(cannot)?;
            if let Ok(meta) = file.metadata() {
                if meta.is_file() {
                    too_long(meta.len())?;
                }
            }
            read_limited(file, &mut bytes).map_err(cannot)?
        }
    };
    too_long(total)?;
    String::from_utf8(bytes).map_err(|e| {
        let name = path.filter(|p| *p != "-").unwrap_or("standard input");
        Failure::other(format!(
            "'{name}' is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Reads `reader` to its end, keeping at most one byte more than [`MAX_INPUT_BYTES`] in `bytes`;
/// returns how many bytes it held.
fn read_limited(mut reader: impl Read, bytes: &mut Vec<u8>) -> io::Result<u64> {
    let keep = MAX_INPUT_BYTES as u64 + 1;
    let kept = reader.by_ref().take(keep).read_to_end(bytes)? as u64;
    if kept < keep {
        return Ok(kept);
    }
    Ok(kept + io::copy(&mut reader, &mut io::sink())?)
}

/// The error for input of `len` bytes past the limit.
fn too_long(len: u64) -> Result<(), Failure> {
    check_input_len(usize::try_from(len).unwrap_or(usize::MAX))
        .map_err(|e| Failure::other(e.to_string()))
}

/// An I/O error's message without the "(os error N)" suffix.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}

/// One line in, one line out. Each output line is written (and flushed) before the next input
/// line is read, so memory stays bounded by the longest line.
fn json_lines(options: &Options, out: &mut impl Write) -> io::Result<()> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Line {
        #[serde(default)]
        id: serde_json::Value,
        text: String,
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut buf = Vec::new();
    let mut number = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        number += 1;
        let line = trim_line_end(&buf);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let reply = match std::str::from_utf8(line) {
            Err(e) => serde_json::json!({
                "id": null,
                "error": format!("line {number}: not UTF-8 (invalid byte at offset {})", e.valid_up_to()),
            }),
            Ok(line) => match serde_json::from_str::<Line>(line) {
                Ok(Line { id, text }) => match check_input_len(text.len()) {
                    Err(e) => {
                        serde_json::json!({ "id": id, "error": format!("line {number}: {e}") })
                    }
                    Ok(()) => {
                        let analysis = analyze(&text, options);
                        let public = Public::new(&text, &analysis);
                        serde_json::json!({ "id": id, "result": public })
                    }
                },
                Err(e) => serde_json::json!({
                    "id": id_of(line),
                    "error": format!("line {number}: {e}"),
                }),
            },
        };
        serde_json::to_writer(&mut *out, &reply)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    while end > 0 && matches!(line[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &line[..end]
}

/// The `id` of a line that is JSON but not a valid request, so the error can be matched to it.
fn id_of(line: &str) -> serde_json::Value {
    serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .unwrap_or(serde_json::Value::Null)
}

/// A plain-text report for a person.
fn report(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    let s = &analysis.stats;
    let _ = writeln!(out, "Words       {}", s.words);
    let _ = writeln!(out, "Unique      {}", s.unique_words);
    let _ = writeln!(out, "Characters  {}", s.characters);
    let _ = writeln!(out, "Sentences   {}", s.sentences);
    let _ = writeln!(out, "Paragraphs  {}", s.paragraphs);
    let _ = writeln!(out, "Quotations  {}", analysis.quotes.len());
    let r = &s.readability;
    if let (Some(ease), Some(band)) = (r.flesch_reading_ease, r.band) {
        let grade = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.1}"));
        let _ = writeln!(
            out,
            "Reading     {:.0} s ({:.0} s aloud)\nReadability Flesch {ease:.1}, {} ({}); grade: \
             Flesch-Kincaid {}, Fog {}, SMOG {}, Coleman-Liau {}, ARI {}; LIX {}",
            s.reading_time_seconds(),
            s.speaking_time_seconds(),
            band.as_str(),
            band.schooling(),
            grade(r.flesch_kincaid_grade),
            grade(r.gunning_fog),
            grade(r.smog),
            grade(r.coleman_liau),
            grade(r.automated_readability_index),
            grade(r.lix),
        );
    }
    if !s.top_words.is_empty() {
        let top: Vec<String> = s
            .top_words
            .iter()
            .take(8)
            .map(|w| format!("{} {}", w.text, w.count))
            .collect();
        let _ = writeln!(out, "Top words   {}", top.join(", "));
    }
    if !analysis.speakers.is_empty() {
        let _ = writeln!(out, "\nSpeakers");
        for speaker in &analysis.speakers {
            let n = speaker.quotes.len();
            let _ = writeln!(
                out,
                "  {} ({} quotation{})",
                speaker.name,
                n,
                if n == 1 { "" } else { "s" }
            );
        }
    }
    if !analysis.quotes.is_empty() {
        let _ = writeln!(out, "\nQuotations");
        for (i, q) in analysis.quotes.iter().enumerate() {
            let who = q
                .speaker
                .map_or("unattributed", |s| analysis.speakers[s].name.as_str());
            let cue = q
                .cue
                .map(|c| format!(", \"{}\"", c.slice(&analysis.text)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:>3}. “{}”\n       — {} [{}{}]",
                i + 1,
                one_line(q.span.slice(&analysis.text)),
                who,
                q.kind.as_str(),
                cue
            );
        }
    }
    if !analysis.diagnostics.is_empty() {
        let _ = writeln!(out, "\nNotes");
        for d in &analysis.diagnostics {
            let at = analysis.offsets.start(d.span.start).min(text.len());
            let line = text.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            let _ = writeln!(out, "  line {line}: {}", d.message);
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A plain-text report of a comparison for a person.
fn compare_report(names: [&str; 2], c: &Comparison) -> String {
    let mut out = String::new();
    let (a, b) = (&c.a, &c.b);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "A  {}: {}\nB  {}: {}",
        names[0],
        plural(a.quotes.len(), "quotation", "quotations"),
        names[1],
        plural(b.quotes.len(), "quotation", "quotations"),
    );
    let who = |analysis: &Analysis, q: usize| {
        analysis.quotes[q]
            .speaker
            .map_or("unattributed", |s| analysis.speakers[s].name.as_str())
            .to_string()
    };
    let quote =
        |analysis: &Analysis, q: usize| one_line(analysis.quotes[q].span.slice(&analysis.text));
    let _ = writeln!(out, "\nQuotations in both ({})", c.quote_matches.len());
    for m in &c.quote_matches {
        let _ = writeln!(
            out,
            "  {} {:.2}\n    A “{}” — {}\n    B “{}” — {}",
            m.kind.as_str(),
            m.similarity,
            quote(a, m.a),
            who(a, m.a),
            quote(b, m.b),
            who(b, m.b),
        );
        for d in m.diff.iter().filter(|d| d.op != DiffOp::Same) {
            let side = |analysis: &Analysis, s: Option<article_analyzer::Span>| {
                s.map_or("(none)".to_string(), |s| {
                    format!("“{}”", one_line(s.slice(&analysis.text)))
                })
            };
            let _ = writeln!(
                out,
                "      {:<11} {} → {}",
                d.op.as_str(),
                side(a, d.a),
                side(b, d.b)
            );
        }
    }
    for (label, analysis, only) in [("A", a, &c.only_in_a), ("B", b, &c.only_in_b)] {
        let _ = writeln!(out, "\nOnly in {label} ({})", only.len());
        for &q in only {
            let _ = writeln!(out, "  “{}” — {}", quote(analysis, q), who(analysis, q));
        }
    }
    let _ = writeln!(out, "\nSpeakers in both ({})", c.shared_speakers.len());
    for s in &c.shared_speakers {
        let _ = writeln!(
            out,
            "  {}: {} in A, {} in B",
            s.name, s.quotes_a, s.quotes_b
        );
    }
    let _ = writeln!(out, "\nSentences in both ({})", c.sentence_matches.len());
    for m in &c.sentence_matches {
        let _ = writeln!(
            out,
            "  {:.2}\n    A {}\n    B {}",
            m.similarity,
            one_line(a.sentences[m.a].span.slice(&a.text)),
            one_line(b.sentences[m.b].span.slice(&b.text)),
        );
    }
    out
}
