#!/usr/bin/env node
// `npm run bench`: our `analyze` against the browser's own segmenter and three npm libraries, in
// headless Chromium (Debian's /usr/bin/chromium), on the texts `cargo bench` uses.
//
//   npm run build && npm run bench [-- --sizes 10KB,100KB,1MB,10MB] [--contenders ours,intlWords,…]
//                                   [--budget 20] [--no-probe]
//
// Contenders, each a function of the text timed by performance.now() on one page:
//   ours                 analyze(text) on the main thread: copy into wasm, analysis, JS result object
//   oursWorker           the same call inside a module worker, timed there
//   oursWorkerRoundTrip  post the text to the worker, analyze, post the result object back
//   oursNoObjects        (probe build) copy in, analysis and the public conversion, no JS objects
//   oursJsonParse        (probe build) the same result as JSON text, then JSON.parse in the page
//   oursCore             (probe build) copy in and analysis only
//   byteScan             TextEncoder.encodeInto into wasm memory + one wasm pass over the bytes
//   intlSentences        Intl.Segmenter sentence iteration; intlWords: word iteration (isWordLike)
//   sbd                  sbd.sentences(text)
//   winkNlp              readDoc + sentences + tokens + readability stats (lite web model)
//   compromise           nlp(text) + sentences + quotations + terms
// Per size, contenders run in interleaved rounds (so a burst of load on the machine hits all of
// them alike), with a garbage collection before each call; the median is reported. A contender
// whose one call would take longer than --budget seconds (projected from the smaller size) is
// left out at that size. Also measured, each in a fresh page: start-up (import + init + first
// analyze of a 5 KB text), peak wasm memory for the 10 MB text, and wasm memory across 1,000
// analyses once warm; and the gzip size of each contender's code.
// Prints a table and writes target/bench/report.json. A measurement, not a test: it exits 0
// whatever it measures (1 only when something failed to run).

import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { corpus, paragraphs } from './corpus.mjs';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const OUT = path.join(ROOT, 'target/bench/www');
const HERE = path.dirname(fileURLToPath(import.meta.url));

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ALL_SIZES = { '10KB': 10_000, '100KB': 100_000, '1MB': 1_000_000, '10MB': 10_000_000 };
const SIZES = opt('sizes', Object.keys(ALL_SIZES).join(',')).split(',');
const BUDGET_S = Number(opt('budget', 20));
const ROUND_BUDGET_S = Number(opt('round-budget', 12));
const MAX_ROUNDS = Number(opt('max-rounds', 15));
const MIN_ROUNDS = Number(opt('min-rounds', 3));
const WITH_PROBE = !args.includes('--no-probe');
const START_TEXT = 5_000;

const CONTENDERS = opt('contenders', [
  'ours', 'oursWorker', 'oursWorkerRoundTrip', 'oursNoObjects', 'oursJsonParse', 'oursCore', 'byteScan',
  'intlSentences', 'intlWords', 'sbd', 'winkNlp', 'compromise',
].join(',')).split(',');

/** Debian's Chromium, headless, with the flags the page tests use, plus `gc()` and exact heap sizes. */
function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
}

/** The contenders that need the probe build. */
const PROBED = ['oursNoObjects', 'oursJsonParse', 'oursCore'];

const log = (...a) => console.error(...a);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Bundles each npm peer into OUT/peers/NAME.js (minified ES module exporting `run`). */
async function bundlePeers() {
  const esbuild = await import('esbuild');
  const entries = {
    sbd: `import sbd from 'sbd';
      export function run(text) { return sbd.sentences(text).length; }`,
    wink: `import winkNLP from 'wink-nlp'; import model from 'wink-eng-lite-web-model';
      const nlp = winkNLP(model); const its = nlp.its;
      export function run(text) {
        const doc = nlp.readDoc(text);
        const sentences = doc.sentences().out();
        const tokens = doc.tokens().out();
        const stats = doc.out(its.readabilityStats);
        return sentences.length + tokens.length + stats.numOfWords;
      }`,
    compromise: `import nlp from 'compromise';
      export function run(text) {
        const doc = nlp(text);
        const sentences = doc.sentences().out('array');
        const quotations = doc.quotations().out('array');
        const terms = doc.terms().out('array');
        return sentences.length + quotations.length + terms.length;
      }`,
  };
  const sizes = {};
  for (const [name, contents] of Object.entries(entries)) {
    const outfile = path.join(OUT, 'peers', `${name}.js`);
    await esbuild.build({
      stdin: { contents, resolveDir: ROOT, loader: 'js' },
      bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022',
      outfile, logLevel: 'error', legalComments: 'none',
    });
    const bytes = readFileSync(outfile);
    sizes[name] = { raw: bytes.length, gzip: gz(bytes) };
  }
  return sizes;
}

/** Our package's size: the .wasm and its JS glue. */
function ourSize() {
  const files = ['pkg/article_analyzer_bg.wasm', 'pkg/article_analyzer.js'].map((f) => readFileSync(path.join(ROOT, f)));
  return { raw: files.reduce((s, b) => s + b.length, 0), gzip: files.reduce((s, b) => s + gz(b), 0), wasmGzip: gz(files[0]), glueGzip: gz(files[1]) };
}

/** Builds scripts/bench/probe (the analysis without JS objects, and stage times) into OUT/probe. */
function buildProbe() {
  const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` };
  const targetDir = path.join(ROOT, 'target/bench/probe-target');
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown',
    '--manifest-path', path.join(HERE, 'probe/Cargo.toml'), '--target-dir', targetDir], { stdio: ['ignore', 'inherit', 'inherit'], env });
  const wasm = path.join(targetDir, 'wasm32-unknown-unknown/release/article_analyzer_probe.wasm');
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', path.join(OUT, 'probe'), wasm], { stdio: 'inherit', env });
  const bg = path.join(OUT, 'probe/article_analyzer_probe_bg.wasm');
  // The flags of scripts/build.sh, so the probe is optimized like the package.
  execFileSync('wasm-opt', ['-Oz', '-ocimfs=20', '--converge', '--strip-debug', '--strip-producers', bg, '-o', bg], { stdio: 'inherit', env });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };
/** Serves /pkg/ (our package), /out/ (texts, bundles, probe) and /bench/ (these pages) on 127.0.0.1. */
function serve() {
  const mounts = [['/pkg/', path.join(ROOT, 'pkg')], ['/out/', OUT], ['/bench/', HERE]];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const mount = mounts.find(([prefix]) => url.pathname.startsWith(prefix));
    const rel = mount && decodeURIComponent(url.pathname.slice(mount[0].length));
    const file = mount && path.resolve(mount[1], rel);
    if (!file || !file.startsWith(mount[1] + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store',
      // Cross-origin isolation: performance.now() then counts in microseconds, not in 0.1 ms steps.
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/bench/page.html` })));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function freshPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e}`));
  await page.goto(url);
  await page.waitForFunction(() => window.bench !== undefined);
  return { context, page };
}

async function main() {
  if (!existsSync(path.join(ROOT, 'pkg/article_analyzer_bg.wasm'))) {
    console.error('pkg/ is not built: run `npm run build` first');
    process.exitCode = 1;
    return;
  }
  mkdirSync(path.join(OUT, 'corpus'), { recursive: true });
  // The texts, and whether they are the very bytes `cargo bench` wrote.
  const pool = paragraphs();
  const corpusInfo = {};
  for (const [label, size] of [...SIZES.map((l) => [l, ALL_SIZES[l]]), ['5KB', START_TEXT]]) {
    const text = corpus(size, pool);
    writeFileSync(path.join(OUT, 'corpus', `${label}.txt`), text);
    const cargoFile = path.join(ROOT, 'target/bench/corpus', `${label}.txt`);
    const sameAsCargo = existsSync(cargoFile) ? readFileSync(cargoFile).equals(Buffer.from(text)) : null;
    corpusInfo[label] = { utf8Bytes: Buffer.byteLength(text), utf16Units: text.length, sameAsCargoBench: sameAsCargo };
  }
  execFileSync(path.join(ROOT, 'node_modules/.bin/wasm-as'), [path.join(HERE, 'scan.wat'), '-o', path.join(OUT, 'scan.wasm')]);
  log('bundling the npm peers (esbuild)…');
  const sizes = { ours: ourSize(), ...(await bundlePeers()), intlSegmenter: { raw: 0, gzip: 0 } };
  sizes.byteScan = { raw: statSync(path.join(OUT, 'scan.wasm')).size, gzip: gz(readFileSync(path.join(OUT, 'scan.wasm'))) };
  let contenders = CONTENDERS;
  if (WITH_PROBE) {
    log('building the probe (scripts/bench/probe)…');
    try {
      buildProbe();
    } catch (e) {
      log(`probe build failed, going on without it: ${e.message}`);
      contenders = contenders.filter((c) => !PROBED.includes(c));
    }
  } else {
    contenders = contenders.filter((c) => !PROBED.includes(c));
  }

  const { server, url } = await serve();
  const browser = await launchBrowser();
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load: os.loadavg(), browser: browser.version() },
    corpus: corpusInfo, sizes, results: {}, loadMs: {}, stages: {}, skipped: {},
  };
  let failed = false;
  try {
    const { context, page } = await freshPage(browser, url);
    for (const name of contenders) {
      try {
        report.loadMs[name] = await page.evaluate((n) => window.bench.load(n), name);
      } catch (e) {
        log(`${name}: failed to load: ${e.message}`);
        failed = true;
        contenders = contenders.filter((c) => c !== name);
      }
    }
    const perMb = {}; // last measured ms per MB, for the projections
    for (const label of SIZES) {
      const mb = corpusInfo[label].utf8Bytes / 1e6;
      await page.evaluate((l) => window.bench.text(l), label);
      // One call each: a warm-up, and an estimate of the time of a call.
      const estimate = {};
      const active = [];
      for (const name of contenders) {
        const projected = perMb[name] !== undefined ? perMb[name] * mb : 0;
        if (projected > BUDGET_S * 1000) {
          report.skipped[`${name}@${label}`] = `projected ${(projected / 1000).toFixed(0)} s per call (over --budget ${BUDGET_S} s)`;
          continue;
        }
        const { ms } = await page.evaluate(([n, l]) => window.bench.once(n, l), [name, label]);
        estimate[name] = ms;
        perMb[name] = ms / mb;
        active.push(name);
      }
      const roundMs = active.reduce((s, n) => s + estimate[n], 0);
      const rounds = Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, Math.floor((ROUND_BUDGET_S * 1000) / roundMs)));
      const samples = Object.fromEntries(active.map((n) => [n, []]));
      const values = {};
      for (let r = 0; r < rounds; r += 1) {
        for (const name of active) {
          const { ms, value } = await page.evaluate(([n, l]) => window.bench.once(n, l), [name, label]);
          samples[name].push(ms);
          values[name] = value;
        }
      }
      for (const name of active) {
        const ms = median(samples[name]);
        perMb[name] = ms / mb;
        (report.results[name] ??= {})[label] = { medianMs: ms, msPerMb: ms / mb, mbPerS: mb / (ms / 1000), runs: samples[name].length, min: Math.min(...samples[name]), value: values[name] };
      }
      if (contenders.includes('oursCore')) {
        const times = [];
        for (let r = 0; r < Math.min(rounds, 5); r += 1) times.push(await page.evaluate((l) => window.bench.stageTimes(l), label));
        const names = ['cleanup', 'paragraphs', 'sentences', 'quotes', 'stats', 'analyze', 'public', 'objects'];
        report.stages[label] = Object.fromEntries(names.map((n, i) => [n, median(times.map((t) => t[i]))]));
      }
      await page.evaluate((l) => window.bench.forget(l), label);
      log(`${label}: ${rounds} rounds; ` + active.map((n) => `${n} ${report.results[n][label].medianMs.toFixed(1)} ms`).join(', '));
    }
    await context.close();

    // Start-up: each in a fresh context (no cache, no compiled code kept).
    const starts = [];
    for (let i = 0; i < 5; i += 1) {
      const fresh = await freshPage(browser, url);
      await fresh.page.evaluate(() => window.bench.text('5KB'));
      starts.push(await fresh.page.evaluate(() => window.bench.start('5KB')));
      await fresh.context.close();
    }
    report.start = {
      textBytes: corpusInfo['5KB'].utf8Bytes,
      initMs: median(starts.map((s) => s.initMs)),
      firstAnalyzeMs: median(starts.map((s) => s.firstAnalyzeMs)),
      totalMs: median(starts.map((s) => s.totalMs)),
      runs: starts.length,
    };
    log(`start: ${report.start.totalMs.toFixed(1)} ms`);

    // Memory: peak for the largest text, and growth across 1,000 analyses once warm.
    const largest = SIZES[SIZES.length - 1];
    {
      const fresh = await freshPage(browser, url);
      await fresh.page.evaluate((l) => window.bench.text(l), largest);
      const m = await fresh.page.evaluate((l) => window.bench.peakMemory(l), largest);
      report.memory = { peak: { label: largest, ...m, ratio: m.after / m.utf8Bytes } };
      await fresh.context.close();
    }
    if (contenders.includes('oursCore')) {
      const fresh = await freshPage(browser, url);
      await fresh.page.evaluate((l) => window.bench.text(l), largest);
      const sizes = await fresh.page.evaluate((l) => window.bench.stageMemory(l), largest);
      const names = ['start', 'cleanup', 'paragraphs', 'sentences', 'stats', 'quotes', 'analyze', 'public', 'objects'];
      report.memory.stages = Object.fromEntries(names.map((n, i) => [n, sizes[i]]));
      await fresh.context.close();
    }
    {
      const fresh = await freshPage(browser, url);
      const label = SIZES[0];
      await fresh.page.evaluate((l) => window.bench.text(l), label);
      const g = await fresh.page.evaluate((l) => window.bench.growth(l, 20, 1000), label);
      report.memory.growth = { label, analyses: 1000, ...g, grewBytes: g.afterBytes - g.warmBytes };
      await fresh.context.close();
    }
  } catch (e) {
    failed = true;
    log(e.stack ?? String(e));
  } finally {
    await browser.close();
    server.close();
  }

  summarize(report);
  mkdirSync(path.join(ROOT, 'target/bench'), { recursive: true });
  writeFileSync(path.join(ROOT, 'target/bench/report.json'), JSON.stringify(report, null, 2) + '\n');
  console.log('report: target/bench/report.json');
  if (failed) process.exitCode = 1;
}

/** Ratios, targets, and the printed table. */
function summarize(report) {
  const r = report.results;
  const at = (name, label) => r[name]?.[label]?.medianMs;
  const ratio = (a, b) => (a !== undefined && b !== undefined ? a / b : null);
  const target = (name, value, goal, met) => ({ name, value, goal, met: value === null ? null : met });
  const oursMb = at('ours', '1MB');
  const linear = ratio(r.ours?.['10MB']?.msPerMb, r.ours?.['100KB']?.msPerMb);
  const s = report.sizes.ours.gzip / 1024;
  report.ratios = {
    oursOverIntlSentences: ratio(oursMb, at('intlSentences', '1MB')),
    oursOverIntlWords: ratio(oursMb, at('intlWords', '1MB')),
    winkOverOurs: ratio(at('winkNlp', '1MB'), oursMb),
    compromiseOverOurs: ratio(at('compromise', '1MB'), oursMb),
    sbdOverOurs: ratio(at('sbd', '1MB'), oursMb),
    perMb10MbOver100Kb: linear,
  };
  const q = report.ratios;
  report.targets = [
    target('1 MB analyze ≤ 2× Intl.Segmenter sentences', q.oursOverIntlSentences, '≤ 2', q.oursOverIntlSentences <= 2),
    target('1 MB analyze faster than Intl.Segmenter words', q.oursOverIntlWords, '< 1', q.oursOverIntlWords < 1),
    target('≥ 25× faster than wink-nlp', q.winkOverOurs, '≥ 25', q.winkOverOurs >= 25),
    target('≥ 300× faster than compromise', q.compromiseOverOurs, '≥ 300', q.compromiseOverOurs >= 300),
    target('time per MB at 10 MB within 1.3× of 100 KB', linear, '≤ 1.3', linear <= 1.3),
    target('.wasm + glue ≤ 80 KB gzip', s, '≤ 80 KB', s <= 80),
    target('init + first analyze of 5 KB < 30 ms', report.start?.totalMs ?? null, '< 30 ms', report.start?.totalMs < 30),
    target('peak wasm memory at 10 MB ≤ 8× UTF-8 size', report.memory?.peak?.ratio ?? null, '≤ 8', report.memory?.peak?.ratio <= 8),
    target('no wasm memory growth over 1,000 warm analyses', report.memory?.growth?.grewBytes ?? null, '0 bytes', report.memory?.growth?.grewBytes === 0),
  ];

  const labels = SIZES;
  const rows = [['contender', ...labels.map((l) => `${l} ms`), ...labels.map((l) => `${l} MB/s`), '1MB ×ours', 'gzip KB']];
  const sizeOf = { ours: 'ours', oursWorker: 'ours', oursWorkerRoundTrip: 'ours', intlSentences: 'intlSegmenter', intlWords: 'intlSegmenter', sbd: 'sbd', winkNlp: 'wink', compromise: 'compromise', byteScan: 'byteScan' };
  for (const name of Object.keys(r)) {
    const cell = (l, f) => (r[name][l] ? f(r[name][l]) : report.skipped[`${name}@${l}`] ? 'skip' : '');
    const x = ratio(at(name, '1MB'), oursMb);
    rows.push([
      name,
      ...labels.map((l) => cell(l, (e) => e.medianMs.toFixed(e.medianMs < 10 ? 2 : 1))),
      ...labels.map((l) => cell(l, (e) => e.mbPerS.toFixed(1))),
      x === null ? '' : x.toFixed(x < 10 ? 2 : 0),
      sizeOf[name] ? (report.sizes[sizeOf[name]].gzip / 1024).toFixed(1) : '',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  console.log('');
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
  for (const [k, v] of Object.entries(report.skipped)) console.log(`skipped ${k}: ${v}`);
  for (const [label, st] of Object.entries(report.stages)) {
    console.log(`stages in wasm, ${label} (ms): ` + Object.entries(st).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
  }
  if (report.start) console.log(`start: import + init ${report.start.initMs.toFixed(1)} ms + first analyze of ${report.start.textBytes} B ${report.start.firstAnalyzeMs.toFixed(1)} ms = ${report.start.totalMs.toFixed(1)} ms`);
  const m = report.memory;
  if (m?.peak) console.log(`memory: wasm ${(m.peak.after / 2 ** 20).toFixed(1)} MiB after ${m.peak.label} (${(m.peak.utf8Bytes / 2 ** 20).toFixed(1)} MiB UTF-8): ${m.peak.ratio.toFixed(2)}×; before ${(m.peak.before / 2 ** 20).toFixed(1)} MiB`);
  if (m?.stages) console.log(`memory: wasm MiB after each stage of ${m.peak.label} (fresh module): ` + Object.entries(m.stages).map(([k, v]) => `${k} ${(v / 2 ** 20).toFixed(1)}`).join(', '));
  if (m?.growth) console.log(`memory: ${m.growth.analyses} analyses of ${m.growth.label} once warm: wasm ${m.growth.warmBytes} → ${m.growth.afterBytes} bytes (${m.growth.grewBytes} grown), ${m.growth.msPerAnalysis.toFixed(2)} ms each`);
  console.log(`sizes (gzip KB): ` + Object.entries(report.sizes).map(([k, v]) => `${k} ${(v.gzip / 1024).toFixed(1)}`).join(', '));
  console.log(`corpus same bytes as cargo bench: ` + Object.entries(report.corpus).filter(([k]) => k !== '5KB').map(([k, v]) => `${k} ${v.sameAsCargoBench ?? 'not written yet (run cargo bench)'}`).join(', '));
  console.log('');
  for (const t of report.targets) {
    const v = t.value === null ? 'n/a' : Number.isInteger(t.value) ? String(t.value) : t.value.toFixed(2);
    console.log(`${t.met === null ? '  ?' : t.met ? 'met' : 'NOT'}  ${t.name}: ${v} (goal ${t.goal})`);
  }
}

await main();
