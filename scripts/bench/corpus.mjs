// The benchmark texts, made exactly as `benches/analyze.rs` makes them: every paragraph of the
// plain-text fixture articles (files in name order, split at blank lines) and every sentence case
// of tests/data/sentences.txt, drawn by a seeded xorshift64* until the text holds at least `size`
// UTF-8 bytes, each paragraph followed by a blank line. `cargo bench` writes its own texts to
// target/bench/corpus/, and `npm run bench` checks that the two agree byte for byte.
//
//   node scripts/bench/corpus.mjs 1000000 > corpus.txt

import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = new URL('../../tests/data/', import.meta.url);

/** Every paragraph of the fixture articles and every sentence-case input. */
export function paragraphs() {
  const dir = new URL('articles/', DATA);
  const out = [];
  // Rust sorts the paths as bytes; the names are ASCII, so code-unit order is the same.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    // A saved web page: mixed into a corpus it would make the whole corpus a page.
    if (text.trimStart().startsWith('<')) continue;
    out.push(...text.split('\n\n'));
  }
  for (const line of readFileSync(new URL('sentences.txt', DATA), 'utf8').split('\n')) {
    // Rust's `lines()` also drops a final '\r'.
    const l = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (l.startsWith('> ')) out.push(l.slice(2).replaceAll('\\n', '\n'));
  }
  return out;
}

const MASK = (1n << 64n) - 1n;

/** A text of at least `size` UTF-8 bytes: paragraphs in a seeded pseudo-random order. */
export function corpus(size, pool = paragraphs()) {
  const bytes = pool.map((p) => Buffer.byteLength(p, 'utf8'));
  const n = BigInt(pool.length);
  let state = 0x9e3779b97f4a7c15n;
  const parts = [];
  let length = 0;
  while (length < size) {
    state ^= state >> 12n;
    state = (state ^ (state << 25n)) & MASK;
    state ^= state >> 27n;
    const pick = Number((((state * 0x2545f4914f6cdd1dn) & MASK) >> 33n) % n);
    parts.push(pool[pick], '\n\n');
    length += bytes[pick] + 2;
  }
  return parts.join('');
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  process.stdout.write(corpus(Number(process.argv[2] ?? 1_000_000)));
}
