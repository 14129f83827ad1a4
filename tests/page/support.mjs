// What the page tests share (node:test + playwright-core): the browser, the package in Node, recorded pages.

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

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
export async function openPage(browser, url, log, { viewport = { width: 1280, height: 800 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
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
