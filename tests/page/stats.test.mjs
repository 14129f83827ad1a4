// The statistics panel and the style highlights: readability scores with their band, reading
// time, the top-words chart and its stop-word switch, the sentence-length histogram, and the hard
// sentence / adverb / passive voice switches in the text view, all compared with the package's
// analysis of the same text.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertClean, fixture, openPage, setArticle, pageSuite } from './support.mjs';

// Written for this test: a hard sentence, a very hard one, adverbs and passive voice.
const STYLE = [
  'The budget was quickly approved by the council on Monday night.',
  '',
  'Administrators reviewed the proposal before the committee approved the new budget for the city next year.',
  '',
  'Intergovernmental negotiations regarding denuclearization necessitate comprehensive verification mechanisms, internationally coordinated inspections and extraordinarily sophisticated monitoring technology.',
  '',
  'The mayor said she was happy.',
].join('\n');

describe('statistics panel', () => {
  const suite = pageSuite();

  test('scores, band, reading time, top words and histogram match the analysis', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      const text = fixture('politics-summit.txt');
      await setArticle(page, text);
      const stats = suite.pkg.analyze(text).stats;
      const r = stats.readability;
      const shown = async (id) => (await page.textContent(`[data-testid="${id}"]`)).trim();
      const number = (x) => new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(x);
      assert.equal(await shown('score-fleschReadingEase'), number(r.fleschReadingEase));
      assert.equal(await shown('score-fleschKincaidGrade'), number(r.fleschKincaidGrade));
      assert.equal(await shown('score-smog'), number(r.smog));
      assert.equal(await shown('score-lix'), number(r.lix));
      const summary = await shown('readability-summary');
      assert.ok(summary.includes(r.band) && summary.includes(r.schooling), summary);
      const minutes = Math.floor(stats.readingTimeSeconds / 60);
      assert.match(await shown('reading-time'), new RegExp(minutes > 0 ? `^${minutes} min` : '^\\d+ s$'));

      // Top words: one bar per word, stop words left out until the switch is on.
      const bars = () => page.$$eval('[data-testid="top-words-bar"] .bar-label', (els) => els.map((e) => e.textContent));
      assert.deepEqual(await bars(), stats.topWords.slice(0, 15).map((w) => w.text));
      await page.check('[data-testid="stopword-toggle"]');
      assert.deepEqual(await bars(), stats.topWordsWithStopWords.slice(0, 15).map((w) => w.text));
      assert.ok((await bars()).includes('the'));
      await page.uncheck('[data-testid="stopword-toggle"]');
      assert.ok(!(await bars()).includes('the'));

      // Histogram: five bins with the counts of the result.
      const bins = await page.$$eval('[data-testid="histogram-bin"] .bar-value', (els) => els.map((e) => e.textContent));
      assert.deepEqual(bins, stats.sentenceLengthHistogram.map((b) => String(b.count)));
      const names = await page.$$eval('[data-testid="top-names"] li', (els) => els.map((e) => e.textContent));
      assert.equal(names.length, Math.min(10, stats.topNames.length));
      assert.ok(names[0].startsWith(stats.topNames[0].text));
      await page.screenshot({ path: 'test-results/stats-panel.png', fullPage: true });
    } finally {
      await context.close();
    }
    assertClean(record, suite.origin);
  });

  test('hard sentences, adverbs and passive voice are marked and shown by their switches', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await setArticle(page, STYLE);
      const result = suite.pkg.analyze(STYLE);
      const view = '[data-testid="text-view"]';
      const texts = (selector) => page.$$eval(`${view} ${selector}`, (els) => els.map((e) => e.textContent));
      assert.deepEqual(await texts('.adverb'), result.sentences.flatMap((s) => s.adverbs.map((a) => a.text)));
      assert.deepEqual(await texts('.passive'), result.sentences.flatMap((s) => s.passive.map((a) => a.text)));
      assert.deepEqual(await texts('.adverb'), ['quickly', 'internationally', 'extraordinarily']);
      assert.deepEqual(await texts('.passive'), ['was quickly approved']);
      assert.equal((await texts('.sent.hard')).length, 1);
      assert.equal((await texts('.sent.very-hard')).length, 1);

      // Off by default; each switch shows its marks and only those.
      const background = (selector) =>
        page.$eval(`${view} ${selector}`, (el) => getComputedStyle(el).backgroundColor);
      const none = 'rgba(0, 0, 0, 0)';
      assert.equal(await background('.adverb'), none);
      assert.equal(await background('.passive'), none);
      assert.equal(await background('.sent.very-hard'), none);
      await page.check('[data-testid="toggle-adverbs"]');
      assert.notEqual(await background('.adverb'), none);
      assert.equal(await background('.passive'), none);
      await page.check('[data-testid="toggle-passive"]');
      assert.notEqual(await background('.passive'), none);
      await page.check('[data-testid="toggle-hard"]');
      assert.notEqual(await background('.sent.very-hard'), none);
      assert.notEqual(await background('.sent.hard'), await background('.sent.very-hard'));
      const lineStyle = await page.$eval(`${view} .sent.very-hard`, (el) => getComputedStyle(el).borderBottomStyle);
      assert.equal(lineStyle, 'solid', 'colour is not the only signal');
      await page.screenshot({ path: 'test-results/style-highlights.png' });
      await page.uncheck('[data-testid="toggle-adverbs"]');
      assert.equal(await background('.adverb'), none);
    } finally {
      await context.close();
    }
    assertClean(record, suite.origin);
  });
});
