//! The command-line program, run as a user would.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, schema::Public, Options};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_article-analyzer");
const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/articles/politics-summit.txt"
);

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // A CLI that rejects its arguments exits without reading its input; the pipe is then
    // closed under the writer, which is not a failure of the test.
    match child.stdin.take().unwrap().write_all(stdin) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing stdin: {e}"),
        _ => {}
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn json_equals_the_library_public_result() {
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    let o = run(&["--json", ARTICLE], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let printed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let expected =
        serde_json::to_value(Public::new(&text, &analyze(&text, &Options::default()))).unwrap();
    assert_eq!(printed, expected);
    assert_eq!(printed["schemaVersion"], 1);
    // Reading the same article from standard input gives the same result.
    let o = run(&["--json", "-"], text.as_bytes());
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap(),
        expected
    );
}

#[test]
fn report_shows_counts_speakers_and_quotes() {
    let o = run(&[ARTICLE], b"");
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("Words       "), "{out}");
    assert!(out.contains("\nSpeakers\n"));
    assert!(out.contains("— Dana Whitcombe [direct, \"said\"]"), "{out}");
}

#[test]
fn jsonl_streams_results_and_reports_bad_lines_without_stopping() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"“Yes,” Ana Ruiz said.\"}\n",
        "not json\n",
        "{\"id\": \"b\", \"txt\": \"typo\"}\n",
        "\n",
        "{\"id\": [3], \"text\": \"One. Two.\"}\r\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": 4, \"text\": \"\xff\"}\n");
    let o = run(&["--jsonl"], &bytes);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["result"]["speakers"][0]["name"], "Ana Ruiz");
    assert!(lines[1]["error"].as_str().unwrap().starts_with("line 2:"));
    assert_eq!(lines[2]["id"], "b");
    assert!(lines[2]["error"].as_str().unwrap().contains("txt"));
    assert_eq!(lines[3]["id"], serde_json::json!([3]));
    assert_eq!(lines[3]["result"]["stats"]["sentences"], 2);
    assert!(lines[4]["error"].as_str().unwrap().contains("not UTF-8"));
}

#[test]
fn scope_all_counts_every_paragraph() {
    let text = b"Talks End Early\n\nBy Ana Ruiz\n\nThe talks ended on Friday.\n";
    let words = |args: &[&str]| {
        let o = run(args, text);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["stats"]["words"].as_u64().unwrap()
    };
    assert_eq!(words(&["--json", "-"]), 5);
    assert_eq!(words(&["--json", "--scope", "all", "-"]), 11);
    assert_eq!(words(&["--json", "--scope=body", "-"]), 5);
}

#[test]
fn bad_usage_and_bad_input_fail_with_one_line() {
    for (args, stdin, code, needle) in [
        (
            vec!["--frobnicate"],
            &b""[..],
            2,
            "unknown option '--frobnicate'",
        ),
        (
            vec!["--paragraphs", "pages"],
            &b"x"[..],
            2,
            "option `paragraphs`",
        ),
        (vec!["--scope", "every"], &b"x"[..], 2, "option `scope`"),
        (vec!["--scope"], &b"x"[..], 2, "--scope needs a value"),
        (vec!["a.txt", "b.txt"], &b""[..], 2, "at most one FILE"),
        (
            vec!["/no/such/file.txt"],
            &b""[..],
            1,
            "cannot read '/no/such/file.txt': no such file",
        ),
        (vec!["-"], &b"caf\xe9"[..], 1, "is not UTF-8"),
        (vec!["/"], &b""[..], 1, "cannot read '/'"),
    ] {
        let o = run(&args, stdin);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        let first = err.lines().next().unwrap_or("");
        assert!(
            first.starts_with("article-analyzer: error: ") && first.contains(needle),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn help_and_version() {
    let o = run(&["--help"], b"");
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("--jsonl"));
    let o = run(&["--version"], b"");
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("article-analyzer 0."));
}
