//! `cargo bench --bench compare`: `compare` of two news-like texts of 100 KB and 1 MB each, with
//! and without the two analyses (`compare_analyses` is the matching alone), to show that the
//! matching stays near-linear. Text B holds the same fixture articles as text A, in another order
//! and with every third paragraph left out, so that most quotations and sentences have a match
//! and many recur (the hard case for the indexes).

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use article_analyzer::{analyze, compare, compare_analyses, CompareOptions, Options};
    use criterion::{BenchmarkId, Criterion, Throughput};
    use std::hint::black_box;
    use std::path::Path;

    /// The plain-text fixture articles, in name order.
    fn articles() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("fixture articles")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|f| std::fs::read_to_string(f).expect("readable fixture"))
            .filter(|t| !t.trim_start().starts_with('<'))
            .collect()
    }

    /// Articles in turn from `first` until `size` bytes; with `thin`, every third paragraph of
    /// each is left out.
    pub fn pair_text(size: usize, first: usize, thin: bool) -> String {
        let articles = articles();
        let mut text = String::with_capacity(size + 8192);
        let mut k = first;
        while text.len() < size {
            for (i, paragraph) in articles[k % articles.len()].split("\n\n").enumerate() {
                if !(thin && i % 3 == 2) {
                    text.push_str(paragraph);
                    text.push_str("\n\n");
                }
            }
            k += 1;
        }
        text
    }

    pub fn compare_sizes(c: &mut Criterion) {
        let mut group = c.benchmark_group("compare");
        group.sample_size(10);
        for (label, size) in [("100KB", 100_000), ("1MB", 1_000_000)] {
            let a = pair_text(size, 0, false);
            let b = pair_text(size, 5, true);
            let options = CompareOptions::default();
            group.throughput(Throughput::Bytes((a.len() + b.len()) as u64));
            group.bench_with_input(
                BenchmarkId::new("whole", label),
                &(&a, &b),
                |bench, (a, b)| bench.iter(|| compare(black_box(a), black_box(b), &options)),
            );
            let (x, y) = (
                analyze(&a, &Options::default()),
                analyze(&b, &Options::default()),
            );
            group.bench_function(BenchmarkId::new("matching", label), |bench| {
                bench
                    .iter(|| compare_analyses(black_box(x.clone()), black_box(y.clone()), &options))
            });
        }
        group.finish();
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::compare_sizes);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
