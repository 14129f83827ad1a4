// Prints the size of the built web package: the .wasm and its JS glue, raw and gzipped.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const files = ['pkg/article_analyzer_bg.wasm', 'pkg/article_analyzer.js'];
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
