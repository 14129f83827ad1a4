// Compare mode: two reports side by side, matched quotations with their differences marked
// inline, linked highlights between the two texts and the list, the quotations found in one
// report only, the speakers quoted in both and the shared sentences, all compared with the
// package's own compare() of the same texts.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { assertClean, fixture, openPage, RESULTS_DIR, pageSuite } from './support.mjs';

const lakeside = readFileSync(new URL('../data/compare/summit-lakeside.txt', import.meta.url), 'utf8');

/** Waits until the compare status says the latest comparison is shown. */
async function waitForComparison(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-testid="compare-status"]');
    return status && status.dataset.state !== 'busy' && /Compared|failed/.test(status.textContent);
  });
  const state = await page.getAttribute('[data-testid="compare-status"]', 'data-state');
  assert.equal(state, 'idle', await page.textContent('[data-testid="compare-error"]'));
}

describe('compare mode', () => {
  const suite = pageSuite();

  test('two reports: matches, inline differences, only-in lists, speakers and sentences as the package finds them', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await page.click('[data-testid="mode-compare"]');
      assert.equal(await page.getAttribute('[data-testid="mode-compare"]', 'aria-pressed'), 'true');
      assert.ok(await page.isHidden('#analyze-mode'));
      const a = fixture('politics-summit.txt');
      await page.fill('[data-testid="compare-input-a"]', a);
      await page.fill('[data-testid="compare-input-b"]', lakeside);
      await waitForComparison(page);
      const expected = suite.pkg.compare(a, lakeside);

      assert.equal(await page.locator('[data-testid="compare-match"]').count(), expected.quoteMatches.length);
      const kinds = await page.locator('[data-testid="match-kind"]').allTextContents();
      assert.deepEqual(kinds.map((k) => k.split(' ')[0]), expected.quoteMatches.map((m) => m.kind));
      const onlyA = await page.locator('[data-testid="compare-only-a"] li q').allTextContents();
      assert.deepEqual(onlyA, expected.onlyInA.map((q) => q.text));
      const onlyB = await page.locator('[data-testid="compare-only-b"] li q').allTextContents();
      assert.deepEqual(onlyB, expected.onlyInB.map((q) => q.text));
      const speakers = await page.locator('[data-testid="compare-speakers"] th').allTextContents();
      assert.deepEqual(speakers, expected.sharedSpeakers.map((s) => s.name));
      assert.equal(await page.locator('[data-testid="compare-sentence"]').count(), expected.sentenceMatches.length);

      // The re-punctuated quotation: its differences are marked inline on each side and listed.
      const index = expected.quoteMatches.findIndex((m) => m.a.text.startsWith('A handshake'));
      const card = page.locator('[data-testid="compare-match"]').nth(index);
      assert.deepEqual(await card.locator('[data-testid="diff-a"] [data-op]').evaluateAll((els) => els.map((e) => [e.dataset.op, e.textContent])), [
        ['case', 'A'],
        ['punctuation', ','],
        ['punctuation', ','],
      ]);
      assert.deepEqual(await card.locator('[data-testid="diff-b"] [data-op]').evaluateAll((els) => els.map((e) => [e.dataset.op, e.textContent])), [['case', 'a']]);
      assert.equal(await card.locator('[data-testid="diff-a"]').textContent(), expected.quoteMatches[index].a.text);
      assert.equal(await card.locator('[data-testid="diff-b"]').textContent(), expected.quoteMatches[index].b.text);
      assert.equal(await card.locator('.cmp-differences li').count(), 3);

      // Each text is shown whole, with every quotation marked.
      assert.equal(await page.textContent('[data-testid="compare-view-a"]'), a);
      assert.equal(await page.textContent('[data-testid="compare-view-b"]'), lakeside);
      assert.equal(await page.locator('[data-testid="cmp-only-b"]').count(), expected.onlyInB.length);

      // Linked highlights: pointing at the quotation in A lights its match in B and its card.
      const markA = page.locator('[data-testid="compare-view-a"] mark', { hasText: 'A handshake is cheap' });
      await markA.hover();
      const markB = page.locator('[data-testid="compare-view-b"] mark', { hasText: 'a handshake is cheap' });
      assert.match(await markB.getAttribute('class'), /\blinked\b/);
      assert.match(await card.getAttribute('class'), /\blinked\b/);
      // And by keyboard: focusing the card lights both quotations.
      await page.mouse.move(0, 0);
      await card.focus();
      assert.match(await markA.getAttribute('class'), /\blinked\b/);
      assert.match(await markB.getAttribute('class'), /\blinked\b/);

      await page.screenshot({ path: join(RESULTS_DIR, 'compare-1280.png'), fullPage: false });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(RESULTS_DIR, 'compare-diff-1280.png') });
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('the example pair, #compare links, swapping, and texts kept across a reload', async () => {
    const { context, page, record } = await openPage(suite.browser, `${suite.baseUrl}#compare`, suite.log, { viewport: { width: 375, height: 800 }, colorScheme: 'dark' });
    try {
      assert.ok(await page.isVisible('#compare-mode'));
      await page.click('[data-testid="compare-example"]');
      await waitForComparison(page);
      const a = await page.inputValue('[data-testid="compare-input-a"]');
      const b = await page.inputValue('[data-testid="compare-input-b"]');
      const expected = suite.pkg.compare(a, b);
      assert.ok(expected.quoteMatches.length >= 3 && expected.onlyInA.length >= 1 && expected.onlyInB.length >= 1);
      assert.equal(await page.locator('[data-testid="compare-match"]').count(), expected.quoteMatches.length);
      await page.screenshot({ path: join(RESULTS_DIR, 'compare-375-dark.png'), fullPage: true });

      await page.click('[data-testid="compare-swap"]');
      await waitForComparison(page);
      assert.equal(await page.inputValue('[data-testid="compare-input-a"]'), b);
      const swapped = suite.pkg.compare(b, a);
      assert.deepEqual(await page.locator('[data-testid="compare-only-a"] li q').allTextContents(), swapped.onlyInA.map((q) => q.text));

      await page.waitForTimeout(800); // the texts are saved after a short pause
      await page.reload();
      await waitForComparison(page);
      assert.equal(await page.inputValue('[data-testid="compare-input-a"]'), b);
      assert.equal(await page.inputValue('[data-testid="compare-input-b"]'), a);

      await page.click('[data-testid="compare-clear"]');
      assert.equal(await page.inputValue('[data-testid="compare-input-a"]'), '');
      assert.ok(await page.isHidden('.compare-results'));
      await page.click('[data-testid="mode-analyze"]');
      assert.ok(await page.isVisible('#analyze-mode'));
      assert.equal(new URL(page.url()).hash, '');
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('quotations and names that look like markup stay text', async () => {
    const { context, page, record } = await openPage(suite.browser, `${suite.baseUrl}#compare`, suite.log);
    try {
      const evil = '“<img src=x onerror=alert(1)> is <b>fine</b>,” said Ana <script>Ruiz</script>.';
      await page.fill('[data-testid="compare-input-a"]', evil);
      await page.fill('[data-testid="compare-input-b"]', evil);
      await waitForComparison(page);
      assert.equal(await page.locator('#compare-mode img, #compare-mode b, #compare-mode script').count(), 0);
      assert.ok((await page.textContent('[data-testid="compare-view-a"]')).includes('<img src=x'));
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });
});
