// Keyboard and accessibility: Tab reaches every control in document order with a visible focus
// style, and axe-core finds no serious or critical violation in light and dark schemes.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { assertClean, fixture, openPage, setArticle, waitForAnalysis, pageSuite } from './support.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** In the page: the elements Tab should reach, in document order (no positive tabindex is used). */
function tabbables() {
  const candidates = document.querySelectorAll('a[href], button, input, textarea, select, [tabindex]');
  return [...candidates]
    .filter((el) => el.tabIndex >= 0 && !el.disabled && !el.closest('[hidden], [inert]') && el.getClientRects().length > 0)
    .map((el) => el.dataset.testid || el.id || el.textContent.trim().slice(0, 30));
}

/** In the page: a name for the focused element and whether its focus indicator is visible. */
function focusedInfo() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // The file input is see-through over its label: the label carries the ring.
  const ring = el.type === 'file' ? el.closest('label') : el;
  const style = getComputedStyle(ring);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  return { name: el.dataset.testid || el.id || el.textContent.trim().slice(0, 30), visibleFocus: outline || shadow };
}

describe('keyboard and accessibility', () => {
  const suite = pageSuite();

  for (const width of [1280, 375]) {
    test(`Tab reaches every control in order with a visible focus style (${width} px)`, async () => {
      const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log, { viewport: { width, height: 800 } });
      try {
        await waitForAnalysis(page);
        await page.click('[data-testid="example-button"]');
        await waitForAnalysis(page);
        const expected = await page.evaluate(tabbables);
        // Every control of the page is among them, by its hook.
        for (const id of [
          'input',
          'file-input',
          'example-button',
          'clear-button',
          'export-json',
          'export-csv',
          'copy-markdown',
          'text-view',
          'text-quote',
          'quote-jump',
        ]) {
          assert.ok(expected.includes(id), `${id} is not reachable: ${expected.join(', ')}`);
        }
        assert.equal(expected.filter((id) => id === 'text-quote').length, 1, 'one quotation in the tab order');

        // A reload starts keyboard navigation at the top of the document (the text is kept).
        await page.reload();
        await waitForAnalysis(page);
        assert.ok((await page.inputValue('[data-testid="input"]')).length > 0);
        const seen = [];
        for (let i = 0; i < expected.length; i += 1) {
          await page.keyboard.press('Tab');
          const info = await page.evaluate(focusedInfo);
          assert.ok(info, `Tab ${i + 1} focused nothing; after ${seen.join(', ')}; expected ${expected.join(', ')}`);
          assert.ok(info.visibleFocus, `${info.name} has no visible focus style`);
          seen.push(info.name);
        }
        assert.deepEqual(seen, expected);
        assert.equal(seen[0], 'Skip to results');
        assertClean(record, suite.origin);
      } finally {
        await context.close();
      }
    });
  }

  test('the skip link, Enter on a button and Space on "Show in text" work from the keyboard', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await waitForAnalysis(page);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'results');
      await page.focus('[data-testid="example-button"]');
      await page.keyboard.press('Enter');
      await waitForAnalysis(page);
      assert.ok((await page.inputValue('[data-testid="input"]')).length > 200);
      await page.focus('[data-testid="quote"][data-index="2"] [data-testid="quote-jump"]');
      await page.keyboard.press('Space');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'text-quote-2');
      assert.ok(await page.isVisible('[data-testid="quote-tip"]'));
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      test(`axe-core: no serious or critical violations (${colorScheme}, ${width} px)`, async () => {
        const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log, { colorScheme, viewport: { width, height: 800 } });
        try {
          await waitForAnalysis(page);
          const run = async (what) => {
            // Evaluated through the debugging protocol: the page's CSP stays on.
            if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
            const violations = await page.evaluate(async () => {
              const results = await window.axe.run(document, { resultTypes: ['violations'] });
              return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
              }));
            });
            const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
            assert.deepEqual(bad, [], `${what}: ${JSON.stringify(bad, null, 2)}`);
          };
          await run('empty page');
          await page.click('[data-testid="example-button"]');
          await waitForAnalysis(page);
          await run('example loaded');
          // With a quotation focused and its tooltip shown.
          await page.focus('#text-quote-1');
          await page.waitForSelector('[data-testid="quote-tip"]', { state: 'visible' });
          await run('tooltip shown');
          // A fixture with a quotation in a dimmed headline, a caption, a repair and notes.
          await setArticle(page, fixture('politics-summit.txt'));
          await run('politics-summit.txt');
          assertClean(record, suite.origin);
        } finally {
          await context.close();
        }
      });
    }
  }

  test('no console errors, page errors or requests to other origins', () => {
    assert.ok(suite.log.requests.length > 0);
    assertClean(suite.log, suite.origin);
  });
});
