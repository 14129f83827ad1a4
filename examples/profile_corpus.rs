//! Analyzes a text file many times, for profiling: `cargo run --release --example profile_corpus -- FILE [N]`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a file");
    let n: usize = args.next().map_or(3, |s| s.parse().expect("a count"));
    let text = std::fs::read_to_string(path).expect("readable");
    let options = article_analyzer::Options::default();
    let mut words = 0;
    for _ in 0..n {
        words += article_analyzer::analyze(&text, &options).stats.words;
    }
    println!("{words}");
}
