// Prints the size of what a page downloads from the built package: the .wasm and the JavaScript
// (the module's glue, the entry, and the worker when createAnalyzer({ worker: true }) is used),
// raw and gzipped, and the annotate stylesheet.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const files = [
  'pkg/article_analyzer_bg.wasm',
  'pkg/article_analyzer.js',
  'pkg/index.js',
  'pkg/worker.js',
  'pkg/annotate.css',
];
let raw = 0;
let gz = 0;
for (const file of files) {
  const bytes = readFileSync(new URL(`../${file}`, import.meta.url));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += zipped;
  console.log(`[size] ${file}: ${(bytes.length / 1024).toFixed(1)} KB, ${(zipped / 1024).toFixed(1)} KB gzip`);
}
console.log(`[size] total: ${(raw / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
