// What the page tests share (node:test + playwright-core): the browser, the package in Node, recorded pages.

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

import { startServer } from '../../scripts/serve.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG_JS = new URL('../../pkg/article_analyzer.js', import.meta.url);
export const PKG_WASM = new URL('../../pkg/article_analyzer_bg.wasm', import.meta.url);
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launch Debian's Chromium headless (never downloads a browser). */
export function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Import the built package in Node and initialise it from the .wasm bytes. */
export async function loadPkgInNode() {
  if (!existsSync(PKG_JS) || !existsSync(PKG_WASM)) {
    throw new Error('pkg/ is not built: run `npm run build` first');
  }
  const mod = await import(PKG_JS.href);
  await mod.default({ module_or_path: readFileSync(PKG_WASM) });
  return mod;
}

export function ensureResultsDir() {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return RESULTS_DIR;
}

/**
 * Open a page in a fresh context and record what happens on it:
 * every request URL, console errors, and uncaught page errors.
 * The records are pushed into `log` (shared across tests) and also returned.
 */
export async function openPage(
  browser,
  url,
  log,
  { viewport = { width: 1280, height: 800 }, colorScheme = 'light', contextOptions = {}, initScript = null } = {},
) {
  const context = await browser.newContext({ viewport, colorScheme, ...contextOptions });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const record = { requests: [], consoleErrors: [], pageErrors: [] };
  const push = (key, value) => {
    record[key].push(value);
    log?.[key]?.push(value);
  };
  const onRequest = (request) => push('requests', request.url());
  // Context-level events also see requests made by the page's workers.
  context.on('request', onRequest);
  page.on('console', (msg) => {
    if (msg.type() === 'error') push('consoleErrors', `${msg.text()} @ ${JSON.stringify(msg.location())}`);
  });
  page.on('pageerror', (err) => push('pageErrors', String(err?.stack ?? err)));
  page.on('worker', (worker) => {
    // Worker console messages are also reported on the page in Chromium;
    // listening here too (where supported) catches the rest.
    if (typeof worker.on === 'function') {
      try {
        worker.on('console', (msg) => {
          if (msg.type() === 'error') push('consoleErrors', `[worker] ${msg.text()}`);
        });
      } catch {
        /* older playwright: no worker console event */
      }
    }
  });
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, record };
}

/** Wait until the page has shown results for the text currently in the box. */
export async function waitForAnalysis(page, { timeout = 15000 } = {}) {
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="status"]');
      return status && (status.dataset.state === 'idle' || status.dataset.state === 'error');
    },
    null,
    { timeout },
  );
  const state = await page.getAttribute('[data-testid="status"]', 'data-state');
  if (state === 'error') {
    const message = await page.textContent('[data-testid="error"]');
    throw new Error(`page reported an analysis error: ${message}`);
  }
}

/** Replace the textarea's content (fires an input event) and wait for results. */
export async function setArticle(page, text) {
  await page.fill('[data-testid="input"]', text);
  await waitForAnalysis(page);
}

/** The numbers shown in the counts panel. */
export async function readStats(page) {
  const read = async (id) => {
    const raw = (await page.textContent(`[data-testid="stat-${id}"]`)).trim();
    assertInteger(raw, id);
    return Number(raw);
  };
  return {
    words: await read('words'),
    sentences: await read('sentences'),
    paragraphs: await read('paragraphs'),
    quotes: await read('quotes'),
  };
}

function assertInteger(raw, id) {
  if (!/^\d+$/.test(raw)) throw new Error(`stat-${id} should contain just a number, got ${JSON.stringify(raw)}`);
}

/** Quotes as shown: [{ text, speaker, kind, cue }] in page order. */
export function readQuotes(page) {
  return page.$$eval('[data-testid="quote"]', (items) =>
    items.map((item) => ({
      text: item.querySelector('[data-testid="quote-text"]')?.textContent ?? '',
      speaker: item.querySelector('[data-testid="quote-speaker"]')?.textContent ?? '',
      kind: item.querySelector('[data-testid="quote-kind"]')?.textContent ?? '',
      cue: item.querySelector('[data-testid="quote-cue"]')?.textContent ?? null,
      all: item.textContent,
    })),
  );
}

/** Speakers as shown: [{ name, quoteCount }] in page order. */
export function readSpeakers(page) {
  return page.$$eval('[data-testid="speaker"]', (items) =>
    items.map((item) => ({
      name: item.querySelector('[data-testid="speaker-name"]')?.textContent ?? '',
      quoteCount: Number(item.querySelector('[data-testid="speaker-quote-count"]')?.dataset.count),
      all: item.textContent,
    })),
  );
}

/** A new log shared by the tests of one file: see openPage and assertCleanLog. */
export function newLog() {
  return { requests: [], consoleErrors: [], pageErrors: [] };
}

/** No console errors, no page errors, and every request to `origin` (blob: URLs carry their origin). */
export function assertClean(record, origin) {
  if (record.pageErrors.length) throw new Error(`page errors: ${record.pageErrors.join('\n')}`);
  if (record.consoleErrors.length) throw new Error(`console errors: ${record.consoleErrors.join('\n')}`);
  const foreign = record.requests.filter((u) => new URL(u).origin !== origin);
  if (foreign.length) throw new Error(`requests to other origins: ${foreign.join(', ')}`);
}

export const ARTICLES_DIR = new URL('../data/articles/', import.meta.url);

/** A fixture article from tests/data/articles. */
export function fixture(name) {
  return readFileSync(new URL(name, ARTICLES_DIR), 'utf8');
}

/**
 * A long text made of our different fixture articles, in turn, until `size` UTF-16 code units.
 * Saved web pages are left out: one of them would turn the whole paste into one HTML document.
 */
export function longArticleText(size) {
  const articles = readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => fixture(f).trim())
    .filter((text) => !text.startsWith('<'));
  const parts = [];
  let length = 0;
  for (let i = 0; length < size; i += 1) {
    const next = articles[i % articles.length];
    parts.push(next);
    length += next.length + 2;
  }
  return { text: parts.join('\n\n'), articles: articles.length, copies: parts.length };
}

/**
 * What a paste does: put the text in the box and fire one input event (much faster than typing
 * it for long texts). Does not wait for the analysis.
 */
export function paste(page, text) {
  return page.evaluate((t) => {
    const input = document.querySelector('[data-testid="input"]');
    input.focus();
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Drop a file on the text box, as a person dragging it from the desktop would. */
export async function dropFile(page, name, type, content) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: t }));
      return dt;
    },
    [name, type, content],
  );
  await page.dispatchEvent('[data-testid="input"]', 'drop', { dataTransfer });
}

/**
 * The text view as drawn: each paragraph's text without the speaker labels, each sentence's
 * text put together from its shaded pieces, the mentions and the quotation highlights.
 */
export function readTextView(page) {
  return page.$eval('[data-testid="text-view"]', (view) => {
    const paragraphs = [...view.querySelectorAll('[data-testid="text-paragraph"]')].map((p) => {
      const copy = p.cloneNode(true);
      for (const label of copy.querySelectorAll('.text-quote-who')) label.remove();
      return { kind: p.dataset.kind, text: copy.textContent };
    });
    const sentences = [];
    for (const piece of view.querySelectorAll('[data-sentence]')) {
      const i = Number(piece.dataset.sentence);
      sentences[i] = (sentences[i] ?? '') + piece.textContent;
    }
    const mentions = [...view.querySelectorAll('[data-testid="mention"]')].map((m) => m.textContent);
    const quotes = [...view.querySelectorAll('[data-testid="text-quote"]')].map((m) => ({
      text: m.textContent,
      who: m.dataset.who,
      kind: m.dataset.kind,
      cue: m.dataset.cue ?? null,
    }));
    return { paragraphs, sentences, mentions, quotes };
  });
}

/** RFC 4180: fields split on commas, quoted fields may hold commas, "" and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`CSV: bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i += 1;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (field !== '' || row.length) throw new Error('CSV: last line does not end with CRLF');
  return rows;
}

/**
 * The set-up every page test file shares, registered with node:test's before and after (call it
 * inside `describe`): the package loaded in Node, the page served on a free loopback port, the
 * browser, and one log of what the pages did. The fields are filled before the first test runs.
 */
export function pageSuite() {
  const suite = { log: newLog(), server: null, baseUrl: '', origin: '', browser: null, pkg: null };
  before(async () => {
    suite.pkg = await loadPkgInNode();
    ({ server: suite.server, url: suite.baseUrl } = await startServer({ port: 0 }));
    suite.origin = new URL(suite.baseUrl).origin;
    suite.browser = await launchBrowser();
    ensureResultsDir();
  });
  after(async () => {
    await suite.browser?.close();
    suite.server?.closeAllConnections?.();
    await new Promise((resolve) => suite.server?.close(resolve) ?? resolve());
  });
  return suite;
}
