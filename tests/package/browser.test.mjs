// The package in Chromium, installed from the tarball into scratch projects: a plain page with
// <script type="module"> and no bundler, and a Vite app built for production. On each: analyze on
// the page, createAnalyzer({ worker: true }) (the package's worker), the page's own worker that
// imports the package, and annotate; under a strict CSP, with no request to another origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { build } from 'vite';

import { assertClean, ensureResultsDir, launchBrowser, loadPkgInNode, newLog, openPage } from '../page/support.mjs';
import { cleanUp, pack, project, startServer } from './support.mjs';

const TEXT = '“We walked away,” Mr. Lee said. “It was not enough,” she added.';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
let tarball;
let pkg;

before(async () => {
  browser = await launchBrowser();
  tarball = pack().tarball;
  pkg = await loadPkgInNode();
});
after(async () => {
  await browser?.close();
  cleanUp();
});

/** Serves `root`, opens it, waits for the page's window.results; checks and returns them. */
async function runPage(root, name) {
  const { server, url } = await startServer({ port: 0, root });
  const log = newLog();
  const { context, page, record } = await openPage(browser, url, log);
  try {
    await page.waitForFunction(() => window.results, null, { timeout: 30000 });
    const results = await page.evaluate(() => window.results);
    assert.equal(results.error, undefined, results.error);
    // Every worker is gone: the page terminated its own and createAnalyzer's, and createAnalyzer stopped
    // the one whose module could not load.
    for (let i = 0; i < 40 && page.workers().length > 0; i += 1) await page.waitForTimeout(50);
    assert.deepEqual(page.workers().map((w) => w.url()), []);
    assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), CSP);
    const background = await page.$eval('.aa-quote', (el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'the annotate stylesheet applies');
    await page.screenshot({ path: path.join(ensureResultsDir(), `package-${name}.png`) });
    assertClean(record, new URL(url).origin);
    return { results, requests: record.requests.map((u) => new URL(u).pathname) };
  } finally {
    await context.close();
    server.closeAllConnections();
    server.close();
  }
}

function checkResults(results) {
  const expected = pkg.analyze(TEXT);
  assert.deepEqual(results.page, expected, 'analyze on the page');
  assert.equal(results.inWorker, true);
  assert.deepEqual(results.viaCreateAnalyzer, expected, 'createAnalyzer({ worker: true })');
  assert.deepEqual(results.ownWorker, expected, 'the page’s own worker');
  assert.deepEqual(results.abort, ['AbortError', 'AbortError', 3]);
  assert.match(results.badOption, /unknown option `colour`/);
  assert.match(results.afterTerminate, /terminated/);
  assert.match(results.badWasm, /WebAssembly/);
  assert.deepEqual(results.annotated, {
    quotes: 1,
    spans: [
      { text: 'We have ', speaker: 'Priya Nand' },
      { text: 'waited', speaker: 'Priya Nand' },
      { text: ' long enough,', speaker: 'Priya Nand' },
    ],
  });
}

describe('the package in the browser', () => {
  test('a plain <script type="module"> page, no bundler', async () => {
    const dir = project(tarball, 'plain');
    const { results, requests } = await runPage(dir, 'plain');
    checkResults(results);
    for (const file of ['index.js', 'article_analyzer.js', 'article_analyzer_bg.wasm', 'worker.js', 'annotate.css']) {
      assert.ok(requests.includes(`/node_modules/article-analyzer/${file}`), `${file} was not loaded: ${requests}`);
    }
  });

  test('a Vite app built for production', async () => {
    const dir = project(tarball, 'vite');
    await build({ root: dir, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
    const assets = readdirSync(path.join(dir, 'dist/assets'));
    assert.ok(assets.some((f) => /^article_analyzer_bg-.*\.wasm$/.test(f)), `no .wasm asset: ${assets}`);
    assert.ok(assets.some((f) => /^worker-.*\.js$/.test(f)), `no worker chunk: ${assets}`);
    assert.ok(!existsSync(path.join(dir, 'dist/node_modules')));
    const { results, requests } = await runPage(path.join(dir, 'dist'), 'vite');
    checkResults(results);
    // Everything but the page itself (and index.html, which the bad-.wasm case asks for) is a built asset.
    assert.ok(requests.every((p) => p === '/' || p === '/index.html' || p.startsWith('/assets/')), `requests outside the build: ${requests}`);
  });
});
