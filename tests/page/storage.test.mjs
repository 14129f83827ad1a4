// The text survives a reload through this browser's localStorage only; Clear forgets it; a full
// or blocked storage is reported and the page keeps working.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertClean, fixture, openPage, readStats, setArticle, waitForAnalysis, pageSuite } from './support.mjs';

const KEY = 'article-analyzer:text';

describe('text kept in this browser', () => {
  const suite = pageSuite();

  const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

  test('a reload brings the text back; Clear then reload finds it empty', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), '');
      const text = fixture('local-fire.txt');
      await setArticle(page, text);
      await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
      assert.equal(await stored(page), text);
      assert.match(await page.textContent('[data-testid="storage-note"]'), /kept in this browser only/);

      await page.reload();
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), text);
      const expected = suite.pkg.analyze(text);
      assert.equal((await readStats(page)).words, expected.stats.words);
      assert.equal(await page.$$eval('[data-testid="quote"]', (els) => els.length), expected.quotes.length);

      // A new tab of the same browser too (no form restoration there, only storage).
      const tab = await context.newPage();
      await tab.goto(suite.baseUrl);
      await waitForAnalysis(tab);
      assert.equal(await tab.inputValue('[data-testid="input"]'), text);
      await tab.close();

      // Typing is saved after a pause, and a reload right after typing keeps the last words.
      await page.focus('[data-testid="input"]');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' The end.');
      await page.reload();
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), `${text} The end.`);

      await page.click('[data-testid="clear-button"]');
      await waitForAnalysis(page);
      assert.equal(await stored(page), null);
      await page.reload();
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), '');
      assert.deepEqual(await readStats(page), { words: 0, sentences: 0, paragraphs: 0, quotes: 0 });
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('the Example and an opened file are kept too', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await waitForAnalysis(page);
      await page.click('[data-testid="example-button"]');
      await waitForAnalysis(page);
      const example = await page.inputValue('[data-testid="input"]');
      assert.equal(await stored(page), example);
      await page.setInputFiles('[data-testid="file-input"]', { name: 'a.md', mimeType: 'text/markdown', buffer: Buffer.from('# Title\n\nOne line.') });
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.startsWith('# Title'));
      await waitForAnalysis(page);
      assert.equal(await stored(page), '# Title\n\nOne line.');
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('a full storage is reported, the older copy is dropped, and the page goes on working', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await waitForAnalysis(page);
      await setArticle(page, 'An older text. It was kept.');
      await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY);
      // From now on every write is over the quota.
      await context.addInitScript(() => {
        Storage.prototype.setItem = function setItem() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await page.reload();
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), 'An older text. It was kept.');
      const text = fixture('sport-final.txt');
      await setArticle(page, text);
      await page.waitForSelector('[data-testid="storage-note"][data-state="full"]');
      assert.match(await page.textContent('[data-testid="storage-note"]'), /too long for this browser’s storage/);
      assert.equal(await stored(page), null, 'the older copy is gone, so a reload cannot bring back stale text');
      assert.equal((await readStats(page)).words, suite.pkg.analyze(text).stats.words);
      await page.reload();
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), '');
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('a browser that blocks localStorage: said on the page, everything else works', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log, {
      initScript: () =>
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        }),
    });
    try {
      await waitForAnalysis(page);
      assert.equal(await page.getAttribute('[data-testid="storage-note"]', 'data-state'), 'unavailable');
      const text = fixture('science-study.txt');
      await setArticle(page, text);
      assert.equal((await readStats(page)).words, suite.pkg.analyze(text).stats.words);
      await page.click('[data-testid="clear-button"]');
      await waitForAnalysis(page);
      assert.match(await page.textContent('[data-testid="storage-note"]'), /does not let the page keep your text/);
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('no console errors, page errors or requests to other origins', () => {
    assert.ok(suite.log.requests.length > 0);
    assertClean(suite.log, suite.origin);
  });
});
