// A megabyte of articles: the page shows its stages (analyzing, then rendering n%), draws every
// paragraph (no cap), and ends with the same numbers as the package.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../../scripts/serve.mjs';
import {
  assertClean,
  launchBrowser,
  loadPkgInNode,
  longArticleText,
  newLog,
  openPage,
  paste,
  readStats,
  readTextView,
  waitForAnalysis,
} from './support.mjs';

describe('a 1.1 MB article', () => {
  const log = newLog();
  let server;
  let baseUrl;
  let browser;
  let pkg;

  before(async () => {
    pkg = await loadPkgInNode();
    ({ server, url: baseUrl } = await startServer({ port: 0 }));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections?.();
    await new Promise((resolve) => server?.close(resolve) ?? resolve());
  });

  test('shows progress by stage, draws all of it, and agrees with the package', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      const { text } = longArticleText(1_100_000);
      assert.ok(text.length > 1_000_000);
      // Record what the progress indicator says, from before the paste.
      await page.evaluate(() => {
        window.__seen = [];
        const progress = document.querySelector('[data-testid="progress"]');
        const status = document.querySelector('[data-testid="status"]');
        const note = () => {
          if (!progress.hidden && progress.getClientRects().length > 0) {
            window.__seen.push(`${status.textContent} | ${progress.textContent.trim()}`);
          }
        };
        new MutationObserver(note).observe(progress, { attributes: true, childList: true, subtree: true, characterData: true });
      });
      await paste(page, text);
      await waitForAnalysis(page, { timeout: 90_000 });
      const seen = await page.evaluate(() => window.__seen);
      assert.ok(
        seen.some((s) => /^Analyzing 1\.1 MB… \| Analyzing…$/.test(s)),
        `no visible "analyzing" stage: ${JSON.stringify(seen.slice(0, 5))}`,
      );
      const rendering = seen.filter((s) => /^Rendering… \| Rendering \d+%$/.test(s)).map((s) => Number(/(\d+)%$/.exec(s)[1]));
      assert.ok(rendering.length >= 3, `too few rendering steps: ${JSON.stringify(seen.slice(-5))}`);
      assert.deepEqual(rendering, [...rendering].sort((a, b) => a - b), 'progress only goes up');
      assert.equal(await page.isVisible('[data-testid="progress"]'), false, 'progress hidden when done');

      const expected = pkg.analyze(text);
      assert.deepEqual(await readStats(page), {
        words: expected.stats.words,
        sentences: expected.stats.sentences,
        paragraphs: expected.stats.paragraphs,
        quotes: expected.quotes.length,
      });
      // Every paragraph and every quotation is drawn, to the last character.
      const view = await readTextView(page);
      assert.equal(view.paragraphs.length, expected.paragraphs.length);
      assert.deepEqual(
        view.paragraphs.map((p) => p.text),
        expected.paragraphs.map((p) => text.slice(p.start, p.end)),
      );
      assert.equal(view.sentences.length, expected.sentences.length);
      assert.equal(view.quotes.length, expected.quotes.length);
      assert.equal(await page.$$eval('[data-testid="quote"]', (els) => els.length), expected.quotes.length);
      assert.equal(await page.$$eval('[data-testid="speaker"]', (els) => els.length), expected.speakers.length);
      // "Show in text" reaches the last quotation, far down the text view.
      const last = expected.quotes.length - 1;
      await page.click(`[data-testid="quote"][data-index="${last}"] [data-testid="quote-jump"]`);
      assert.equal(await page.evaluate(() => document.activeElement?.id), `text-quote-${last}`);
      assertClean(record, new URL(baseUrl).origin);
      assertClean(log, new URL(baseUrl).origin);
    } finally {
      await context.close();
    }
  });
});
