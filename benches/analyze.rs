//! `cargo bench`: `analyze` on news-like texts of 10 KB, 100 KB, 1 MB and 10 MB, to show that the
//! time per byte stays flat (linear time), and each stage on its own (cleanup, paragraphs,
//! sentences, quotes, stats, serialization to the public JSON) so a regression shows where it is. The texts are paragraphs of all our fixture articles
//! and sentence cases, drawn in a seeded random order, so no single article is repeated back to
//! back. Each text is also written to `target/bench/corpus/LABEL.txt`, where `npm run bench`
//! (`scripts/bench/`) checks that the browser benchmark reads the very same bytes.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use article_analyzer::schema::Public;
    use article_analyzer::{analyze, stages, Options};
    use criterion::{BenchmarkId, Criterion, Throughput};
    use std::hint::black_box;
    use std::path::Path;

    /// Every paragraph of the fixture articles and every sentence-case input.
    fn paragraphs() -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        let mut out = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(root.join("articles"))
            .expect("fixture articles")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(file).expect("readable fixture");
            if text.trim_start().starts_with('<') {
                // A saved web page: mixed into a corpus it would make the whole corpus a page,
                // reduced to one article.
                continue;
            }
            out.extend(text.split("\n\n").map(str::to_string));
        }
        let cases = std::fs::read_to_string(root.join("sentences.txt")).expect("sentence cases");
        for line in cases.lines() {
            if let Some(input) = line.strip_prefix("> ") {
                out.push(input.replace("\\n", "\n"));
            }
        }
        out
    }

    /// The benchmark sizes: label and minimum length in bytes.
    const SIZES: [(&str, usize); 4] = [
        ("10KB", 10_000),
        ("100KB", 100_000),
        ("1MB", 1_000_000),
        ("10MB", 10_000_000),
    ];

    /// Writes `text` to `target/bench/corpus/LABEL.txt` for the browser benchmark to compare.
    fn write_corpus(label: &str, text: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/corpus");
        let written = std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(dir.join(format!("{label}.txt")), text));
        if let Err(e) = written {
            eprintln!("could not write the {label} corpus: {e}");
        }
    }

    /// A text of at least `size` bytes: paragraphs in a seeded pseudo-random order.
    pub fn corpus(size: usize) -> String {
        let paragraphs = paragraphs();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut text = String::with_capacity(size + 4096);
        while text.len() < size {
            // xorshift64*: deterministic, dependency-free.
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            let pick =
                (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % paragraphs.len();
            text.push_str(&paragraphs[pick]);
            text.push_str("\n\n");
        }
        text
    }

    pub fn analyze_sizes(c: &mut Criterion) {
        let mut group = c.benchmark_group("analyze");
        for (label, size) in SIZES {
            let text = corpus(size);
            write_corpus(label, &text);
            group.throughput(Throughput::Bytes(text.len() as u64));
            if size >= 1_000_000 {
                group.sample_size(10);
            }
            group.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, text| {
                b.iter(|| analyze(black_box(text), &Options::default()))
            });
        }
        group.finish();
    }

    /// Each stage alone, its inputs prepared outside the timed loop.
    pub fn stage_sizes(c: &mut Criterion) {
        let options = Options::default();
        for (label, size) in SIZES {
            let text = corpus(size);
            let mut group = c.benchmark_group(format!("stage/{label}"));
            group.throughput(Throughput::Bytes(text.len() as u64));
            if size >= 1_000_000 {
                group.sample_size(10);
            }
            let cleaned = stages::clean(&text);
            let paragraphs = stages::paragraphs(&cleaned, &options);
            let sentences = stages::sentences(&cleaned, &paragraphs);
            let analysis = analyze(&text, &options);
            group.bench_function("cleanup", |b| b.iter(|| stages::clean(black_box(&text))));
            group.bench_function("paragraphs", |b| {
                b.iter(|| stages::paragraphs(black_box(&cleaned), &options))
            });
            group.bench_function("sentences", |b| {
                b.iter(|| stages::sentences(black_box(&cleaned), &paragraphs))
            });
            group.bench_function("quotes", |b| {
                b.iter(|| stages::quotes(black_box(&cleaned), &paragraphs, &sentences, &options))
            });
            group.bench_function("stats", |b| {
                b.iter(|| stages::stats(black_box(&cleaned), &paragraphs, &sentences, &options))
            });
            group.bench_function("serialization", |b| {
                b.iter(|| {
                    serde_json::to_string(&Public::new(black_box(&text), &analysis))
                        .expect("serializable")
                })
            });
            group.finish();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::analyze_sizes, bench::stage_sizes);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
