// The size of the built web package: the .wasm and its JS glue, raw and gzipped (level 9), and
// beside it the rest of what a page downloads from the npm package (the entry, the worker of
// createAnalyzer({ worker: true }), the annotate stylesheet).
// `npm run build` prints it; tests/js/size.test.mjs fails when the gzipped .wasm + glue exceeds BUDGET.
//
// BUDGET is a ratchet: set just above the size measured when it last went down, so that nothing
// makes the package bigger unnoticed. Lower it whenever the package shrinks; never raise it
// without saying why in the commit. GOAL is where we want to be (README, "Speed and size").
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped bytes (.wasm + glue) the package may not exceed. */
export const BUDGET = 226 * 1024;
/** Gzipped bytes (.wasm + glue) we aim for. */
export const GOAL = 80 * 1024;

export const FILES = ['pkg/article_analyzer_bg.wasm', 'pkg/article_analyzer.js'];
/** The package's other files a page may download (not in the budget). */
export const EXTRAS = ['pkg/index.js', 'pkg/worker.js', 'pkg/annotate.css'];

/** Raw and gzipped sizes of each of `list` (the budgeted files by default), and their totals. */
export function measure(list = FILES) {
  const files = list.map((file) => {
    const bytes = readFileSync(new URL(`../${file}`, import.meta.url));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return {
    files,
    raw: files.reduce((sum, f) => sum + f.raw, 0),
    gzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const size = measure();
  for (const f of size.files) console.log(`[size] ${f.file}: ${kb(f.raw)}, ${kb(f.gzip)} gzip`);
  console.log(`[size] total: ${kb(size.raw)}, ${kb(size.gzip)} gzip (budget ${kb(BUDGET)}, goal ${kb(GOAL)})`);
  if (size.gzip > BUDGET) console.log(`[size] OVER BUDGET by ${kb(size.gzip - BUDGET)}: npm test will fail`);
  const extras = measure(EXTRAS);
  for (const f of extras.files) console.log(`[size] ${f.file}: ${kb(f.raw)}, ${kb(f.gzip)} gzip`);
  console.log(`[size] with the package's entry, worker and stylesheet: ${kb(size.gzip + extras.gzip)} gzip`);
}
