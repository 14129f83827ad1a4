#!/usr/bin/env node
// compare() of two 1 MB reports in headless Chromium, on the page's own origin.
//
//   npm run build && node scripts/bench/compare.mjs [--size 1000000] [--runs 5]
//
// Text A is our fixture articles (the plain-text ones) in turn until the size; text B the same
// articles from the sixth on, with every third paragraph left out, so most quotations and
// sentences have a match. It prints the median time of compare(A, B), of analyze(A) plus
// analyze(B), and their difference (the matching and its result), for 100 KB and the size.
// A measurement, not a test: it exits 0 whatever it measures (1 only if the page failed).

import { readdirSync, readFileSync } from 'node:fs';

import { startServer } from '../serve.mjs';
import { launchBrowser } from '../../tests/page/support.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('size', 1_000_000);
const RUNS = arg('runs', 5);

const dir = new URL('../../tests/data/articles/', import.meta.url);
const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), 'utf8'))
  .filter((t) => !t.trimStart().startsWith('<'));

function pairText(size, first, thin) {
  const parts = [];
  let length = 0;
  for (let k = first; length < size; k += 1) {
    articles[k % articles.length].split('\n\n').forEach((p, i) => {
      if (!(thin && i % 3 === 2)) {
        parts.push(p);
        length += p.length + 2;
      }
    });
  }
  return parts.join('\n\n');
}

const { server, url } = await startServer({ port: 0 });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    const mod = await import('/pkg/article_analyzer.js');
    await mod.default();
    window.__pkg = mod;
  });
  console.log(`compare() in ${await browser.version()}, median of ${RUNS} runs`);
  console.log('size each | compare(A, B) | analyze(A) + analyze(B) | matching | quotation matches');
  for (const size of [100_000, SIZE]) {
    const a = pairText(size, 0, false);
    const b = pairText(size, 5, true);
    const r = await page.evaluate(
      ({ a, b, runs }) => {
        const { compare, analyze } = window.__pkg;
        const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
        const time = (f) => {
          const t = performance.now();
          f();
          return performance.now() - t;
        };
        let matches = 0;
        const whole = [];
        const both = [];
        for (let i = 0; i < runs; i += 1) {
          whole.push(time(() => (matches = compare(a, b).quoteMatches.length)));
          both.push(time(() => (analyze(a), analyze(b))));
        }
        return { whole: median(whole), both: median(both), matches };
      },
      { a, b, runs: RUNS },
    );
    const kb = `${Math.round(a.length / 1000)} KB`;
    console.log(`${kb.padStart(9)} | ${r.whole.toFixed(0).padStart(10)} ms | ${r.both.toFixed(0).padStart(20)} ms | ${(r.whole - r.both).toFixed(0).padStart(5)} ms | ${r.matches}`);
  }
} finally {
  await browser.close();
  server.close();
}
