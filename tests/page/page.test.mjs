// End-to-end tests of the article-analyzer page in headless Chromium.
//
//   npm run build && node --test tests/page/
//
// Needs pkg/ (built by `npm run build`) and Debian's /usr/bin/chromium.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer } from '../../scripts/serve.mjs';
import {
  assertClean,
  dropFile,
  ensureResultsDir,
  fixture,
  launchBrowser,
  loadPkgInNode,
  openPage,
  paste,
  readQuotes,
  readSpeakers,
  readStats,
  readTextView,
  setArticle,
  waitForAnalysis,
} from './support.mjs';

// A small article written for this test. Only plain words (no numbers,
// hyphens or apostrophes), so the counts are unambiguous:
//   paragraph 1: 8 + 7 words, 2 sentences
//   paragraph 2: 5 + 11 + 4 words, 3 sentences
const ARTICLE = [
  'Lena Marsh opened the new library on Friday. “Books belong to everyone,” Lena Marsh said.',
  '',
  'The mayor praised the building. "It is a gift to the whole town," Omar Fiddes said. Visitors stayed until dark.',
].join('\n');

const XSS_ARTICLE = [
  'Breaking <img src=x onerror="window.__xss=1"> news from the valley.',
  '',
  '<script>window.__xss=1</script> The market reopened today.',
  '“Watch <b onmouseover=window.__xss=1>this</b> closely,” Ada Vell said.',
].join('\n');

// Written for this test: a mis-decoded apostrophe and no-break space, a leftover <em> caption
// repeated as plain text, a byline, and two speakers.
const DIRTY_ARTICLE = [
  'Harbour Plan Approved',
  '',
  'By Nia Okafor',
  '',
  'The council approved the harbour plan on Monday. “We didnâ€™t expect it,” Rob Ames said.¬†He left early.',
  '',
  '<em>The new quay at dawn (AP)</em>',
  'The new quay at dawn (AP)',
  '',
  '“It is a start,” Mayor Ida Brenn said.',
].join('\n');

const HTML_FILE = `<!doctype html><html><head><title>Quay</title><script>window.__xss = 1</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Quay Opens</h1>
<p onclick="window.__xss=1">Crowds came to the quay on Sunday. &ldquo;It is ours now,&rdquo; Tom Ferris said.</p>
<p><a href="javascript:window.__xss=1">More</a> boats are due in May.</p></article>
<footer>&copy; Harbour News</footer></body></html>`;

// Representative fixtures: a headline quote, caption, dateline and pronoun speaker; British
// style with a byline and a meta line; emoji, astral letters and an unclosed quote; mis-decoded
// characters; a saved web page pasted as HTML.
const FIXTURES = ['politics-summit.txt', 'business-merger.txt', 'edge-mixed.txt', 'dirty-quay.txt', 'page-ferry.txt'];

// Markup that would run if it ever became elements: each sets window.__xss.
const XSS_PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">More</a>',
  '<svg onload="window.__xss=1"><circle r="1"></circle></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<details open ontoggle="window.__xss=1">x</details>',
];
const XSS_TEXT = [
  `Flood Warning ${XSS_PAYLOADS[0]}`,
  '',
  `The river rose overnight. ${XSS_PAYLOADS[1]} “Stay ${XSS_PAYLOADS[2]} home,” Ada Vell said.`,
  '',
  `${XSS_PAYLOADS[3]} “Keep ${XSS_PAYLOADS[4]} away from the banks,” she said. ${XSS_PAYLOADS[5]}`,
].join('\n');
const XSS_HTML = `<!doctype html><html><body><article><h1>Flood ${XSS_PAYLOADS[3]}</h1>
<p>“Stay home,” Ada Vell said. ${XSS_PAYLOADS[0]} ${XSS_PAYLOADS[2]}</p>
<p>${XSS_PAYLOADS[4]} ${XSS_PAYLOADS[5]} <a href="javascript:window.__xss=1">Read more</a></p>
<script>window.__xss=1</script></article></body></html>`;

/** Expected quote rows as the page lists them. */
function expectedQuotes(result) {
  return result.quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker == null ? (q.kind === 'term' ? 'no speaker' : 'unattributed') : result.speakers[q.speaker].name,
    kind: q.kind,
    cue: q.cue ? q.cue.text : null,
  }));
}

/** Mentions as the text view underlines them: in text order, an overlapping one left out. */
function expectedMentions(result, text) {
  const all = result.speakers.flatMap((s) => s.mentions).filter((m) => m.end > m.start);
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const m of all) if (!kept.length || m.start >= kept[kept.length - 1].end) kept.push(m);
  return kept.map((m) => text.slice(m.start, m.end));
}

/** Hover, focus and click everything in the results that could carry an injected handler. */
async function poke(page) {
  for (const el of await page.$$('[data-testid="text-quote"], [data-testid="quote"], [data-testid="sentence"], [data-testid="text-paragraph"]')) {
    await el.hover().catch(() => {});
  }
  for (const el of await page.$$('[data-testid="text-quote"]')) await el.focus();
  for (const el of await page.$$('[data-testid="quote-jump"]')) await el.click();
  await page.click('[data-testid="text-view"]');
}

describe('article-analyzer page', () => {
  /** Everything recorded on every page opened by these tests. */
  const log = { requests: [], consoleErrors: [], pageErrors: [] };
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
    if (server) {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('shows the same counts, quotes and speakers as the package', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page); // initial (empty) analysis: wasm loaded
      await setArticle(page, ARTICLE);

      const expected = pkg.analyze(ARTICLE, {});
      const shown = await readStats(page);

      // Same numbers as the package computes in Node for the same text.
      assert.deepEqual(shown, {
        words: expected.stats.words,
        sentences: expected.stats.sentences,
        paragraphs: expected.stats.paragraphs,
        quotes: expected.quotes.length,
      });
      // Hand-checked numbers for this article.
      assert.deepEqual(shown, { words: 35, sentences: 5, paragraphs: 2, quotes: 2 });

      const quotes = await readQuotes(page);
      assert.deepEqual(
        quotes.map((q) => ({ text: q.text, speaker: q.speaker, kind: q.kind })),
        expected.quotes.map((q) => ({
          text: q.text,
          speaker: q.speaker == null ? 'unattributed' : expected.speakers[q.speaker].name,
          kind: q.kind,
        })),
      );
      assert.match(quotes[0].text, /^Books belong to everyone/);
      assert.equal(quotes[0].speaker, 'Lena Marsh');
      assert.match(quotes[1].text, /^It is a gift to the whole town/);
      assert.equal(quotes[1].speaker, 'Omar Fiddes');
      for (const q of quotes) {
        assert.equal(q.kind, 'direct');
        assert.equal(q.cue, 'said');
      }

      const speakers = await readSpeakers(page);
      assert.deepEqual(
        speakers.map((s) => ({ name: s.name, quoteCount: s.quoteCount })),
        expected.speakers.map((s) => ({ name: s.name, quoteCount: s.quotes.length })),
      );
      assert.deepEqual(speakers.map((s) => s.name).sort(), ['Lena Marsh', 'Omar Fiddes']);

      const sentences = await page.$$eval('[data-testid="sentence"]', (els) => els.map((e) => e.textContent));
      assert.deepEqual(sentences, expected.sentences.map((s) => s.text));
      assert.equal(sentences.length, 5);
      assert.equal(sentences[0], 'Lena Marsh opened the new library on Friday.');

      // Screenshots at desktop and phone widths.
      const dir = ensureResultsDir();
      await page.screenshot({ path: path.join(dir, 'page-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      assert.ok(overflow <= 0, `page is ${overflow}px wider than a 375px viewport`);
      await page.screenshot({ path: path.join(dir, 'page-375.png'), fullPage: true });

      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('makes requests only to its own origin', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await setArticle(page, ARTICLE);
      await page.click('[data-testid="example-button"]');
      await waitForAnalysis(page);

      const origin = new URL(baseUrl).origin;
      assert.ok(record.requests.length > 0, 'no requests were recorded');
      // The worker's requests are recorded too.
      assert.ok(
        record.requests.some((u) => u.endsWith('/pkg/article_analyzer_bg.wasm')),
        `the .wasm request was not seen: ${record.requests.join(', ')}`,
      );
      const foreign = record.requests.filter((u) => new URL(u).origin !== origin);
      assert.deepEqual(foreign, [], 'requests to other origins');
    } finally {
      await context.close();
    }
  });

  test('text view: quotes coloured per speaker, jump from the panel, cleaning marked', async () => {
    const { context, page } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await setArticle(page, DIRTY_ARTICLE);
      const expected = pkg.analyze(DIRTY_ARTICLE);
      const marks = await page.$$eval('[data-testid="text-quote"]', (els) =>
        els.map((el) => ({ text: el.textContent, speaker: el.dataset.speaker, who: el.dataset.who, cue: el.dataset.cue })));
      assert.equal(marks.length, expected.quotes.length);
      marks.forEach((m, i) => {
        const q = expected.quotes[i];
        assert.equal(m.text, DIRTY_ARTICLE.slice(q.start, q.end), 'highlight shows the text as pasted');
        assert.equal(m.speaker, String(q.speaker % 8));
        assert.equal(m.who, expected.speakers[q.speaker].name);
        assert.equal(m.cue, q.cue.text);
      });
      // Each highlight is followed (after its closing mark) by the speaker's name.
      const labels = await page.$$eval('[data-testid="text-view"] .text-quote-who', (els) => els.map((el) => [el.previousSibling?.textContent, el.textContent]));
      assert.deepEqual(labels.map(([, who]) => who), expected.quotes.map((q) => expected.speakers[q.speaker].name));
      assert.ok(labels.every(([before]) => /[”"]$/.test(before)), `labels come after the closing mark: ${JSON.stringify(labels)}`);
      assert.notEqual(marks[0].speaker, marks[1].speaker, 'two speakers, two colours');
      // Quotes are grouped by speaker; "Show in text" focuses the highlight.
      const groups = await page.$$eval('[data-testid="quote-group"] h3', (els) => els.map((el) => el.textContent));
      assert.equal(groups.length, 2, JSON.stringify(groups));
      await page.click('[data-testid="quote"][data-index="1"] [data-testid="quote-jump"]');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'text-quote-1');
      // Repaired characters are marked with what they became; furniture is dimmed and labelled.
      const repairs = await page.$$eval('[data-testid="repair"]', (els) => els.map((el) => [el.textContent, el.title]));
      assert.deepEqual(repairs.map(([t]) => t), ['â€™', '¬†']);
      assert.match(repairs[0][1], /→ “’”/);
      const kinds = await page.$$eval('[data-testid="text-paragraph"]', (els) => els.map((el) => [el.dataset.kind, el.title]));
      assert.deepEqual(kinds.map(([k]) => k), ['headline', 'byline', 'body', 'caption', 'duplicate', 'body']);
      assert.match(kinds[3][1], /left out of the counts/);
      const cleaning = await page.textContent('[data-testid="cleaning"]');
      assert.match(cleaning, /repaired 2 mis-decoded characters/);
      assert.match(cleaning, /removed 2 HTML tags/);
      await page.screenshot({ path: path.join(ensureResultsDir(), 'text-view.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('an opened HTML file is cleaned, never run', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await page.setInputFiles('[data-testid="file-input"]', {
        name: 'quay.html',
        mimeType: 'text/html',
        buffer: Buffer.from(HTML_FILE),
      });
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes('<article>'));
      await waitForAnalysis(page);
      const quotes = await readQuotes(page);
      assert.deepEqual(quotes.map((q) => [q.text, q.speaker]), [['It is ours now,', 'Tom Ferris']]);
      const kinds = await page.$$eval('[data-testid="text-paragraph"]', (els) => els.map((el) => el.dataset.kind));
      assert.deepEqual(kinds, ['headline', 'body', 'body']);
      for (const el of await page.$$('[data-testid="text-paragraph"], [data-testid="text-paragraph"] *')) {
        await el.hover().catch(() => {});
      }
      await page.click('[data-testid="text-view"]');
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      // Dropping the same page on the text box works the same way.
      await page.click('[data-testid="clear-button"]');
      await waitForAnalysis(page);
      const dataTransfer = await page.evaluateHandle((html) => {
        const dt = new DataTransfer();
        dt.items.add(new File([html], 'quay.html', { type: 'text/html' }));
        return dt;
      }, HTML_FILE);
      await page.dispatchEvent('[data-testid="input"]', 'drop', { dataTransfer });
      await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes('<article>'));
      await waitForAnalysis(page);
      assert.deepEqual((await readQuotes(page)).map((q) => q.speaker), ['Tom Ferris']);
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.$$eval('#results a, #results script', (els) => els.length), 0);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test('renders user text as text, never as HTML', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await setArticle(page, XSS_ARTICLE);

      // Hover everything that could carry an injected mouseover handler.
      for (const el of await page.$$('[data-testid="quote"], [data-testid="sentence"]')) {
        await el.hover();
      }
      assert.equal(await page.evaluate(() => window.__xss), undefined);

      const injected = await page.$$eval('#results img, #results script, #results b', (els) => els.length);
      assert.equal(injected, 0, 'user markup became elements');

      const resultsText = await page.textContent('#results');
      assert.ok(resultsText.includes('<img src=x onerror="window.__xss=1">'), 'img payload not shown literally');
      assert.ok(resultsText.includes('<script>window.__xss=1</script>'), 'script payload not shown literally');

      // The quote is listed as text (a tag the cleaner keeps stays literal, never an element).
      const quotes = await readQuotes(page);
      assert.ok(
        quotes.some((q) => q.text.includes('this closely,')),
        `quote not shown: ${JSON.stringify(quotes)}`,
      );
      assert.ok(resultsText.includes('<b onmouseover=window.__xss=1>this</b>'), 'quote payload not shown literally');
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('Example loads an article with an attributed quote; Clear empties it', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log, { colorScheme: 'dark' });
    try {
      await waitForAnalysis(page);
      await page.click('[data-testid="example-button"]');
      await waitForAnalysis(page);

      const text = await page.inputValue('[data-testid="input"]');
      assert.ok(text.length > 200, 'example text is too short');
      const expected = pkg.analyze(text, {});

      const quotes = await readQuotes(page);
      assert.ok(quotes.length >= 1, 'no quotes shown');
      assert.equal(quotes.length, expected.quotes.length);
      assert.ok(
        quotes.some((q) => q.speaker !== 'unattributed' && q.speaker.length > 0),
        `no quote has a speaker: ${JSON.stringify(quotes)}`,
      );
      assert.ok((await readSpeakers(page)).length >= 1, 'no speakers shown');

      const stats = await readStats(page);
      assert.equal(stats.words, expected.stats.words);
      assert.equal(stats.paragraphs, expected.stats.paragraphs);
      assert.ok(stats.paragraphs >= 4, `example has ${stats.paragraphs} paragraphs`);

      const dir = ensureResultsDir();
      await page.screenshot({ path: path.join(dir, 'page-example-dark.png'), fullPage: true });

      await page.click('[data-testid="clear-button"]');
      await waitForAnalysis(page);
      assert.equal(await page.inputValue('[data-testid="input"]'), '');
      assert.deepEqual(await readStats(page), { words: 0, sentences: 0, paragraphs: 0, quotes: 0 });
      assert.equal(await page.$$eval('[data-testid="quote"]', (els) => els.length), 0);

      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('typing quickly shows only the latest text, without errors', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await page.focus('[data-testid="input"]');
      await page.keyboard.type('One two three. Four five six seven.', { delay: 5 });
      await waitForAnalysis(page);
      const stats = await readStats(page);
      const expected = pkg.analyze('One two three. Four five six seven.', {});
      assert.equal(stats.words, expected.stats.words);
      assert.equal(stats.words, 7);
      assert.equal(stats.sentences, 2);
      assert.deepEqual(record.pageErrors, []);
      assert.deepEqual(record.consoleErrors, []);
    } finally {
      await context.close();
    }
  });

  test('shows a visible error when the analyzer cannot load, and recovers', async () => {
    // Not recorded in the shared log: this test provokes errors on purpose.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    try {
      await context.route('**/pkg/article_analyzer_bg.wasm', (route) =>
        route.fulfill({ status: 200, contentType: 'application/wasm', body: 'this is not wasm' }),
      );
      await page.goto(baseUrl);
      await page.waitForSelector('[data-testid="status"][data-state="error"]');
      const error = page.locator('[data-testid="error"]');
      assert.ok(await error.isVisible(), 'error message is not visible');
      assert.match(await error.textContent(), /\S/);

      // Once the package can load again, the next edit works.
      await context.unroute('**/pkg/article_analyzer_bg.wasm');
      await setArticle(page, 'It works again. Really.');
      assert.equal(await error.isVisible(), false);
      assert.equal((await readStats(page)).sentences, 2);
    } finally {
      await context.close();
    }
  });

  test('fixture articles: counts, quotes, speakers and the text view agree with the package', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      for (const name of FIXTURES) {
        const text = fixture(name);
        await setArticle(page, text);
        const expected = pkg.analyze(text);
        assert.deepEqual(
          await readStats(page),
          {
            words: expected.stats.words,
            sentences: expected.stats.sentences,
            paragraphs: expected.stats.paragraphs,
            quotes: expected.quotes.length,
          },
          name,
        );
        assert.ok(expected.quotes.length >= 1, `${name} has quotes`);
        const quotes = await readQuotes(page);
        // Grouped by speaker on the page; compared in text order by their index.
        const order = await page.$$eval('[data-testid="quote"]', (els) => els.map((el) => Number(el.dataset.index)));
        const byIndex = [];
        order.forEach((index, i) => {
          byIndex[index] = { text: quotes[i].text, speaker: quotes[i].speaker, kind: quotes[i].kind, cue: quotes[i].cue };
        });
        assert.deepEqual(byIndex, expectedQuotes(expected), name);
        const speakers = await readSpeakers(page);
        assert.deepEqual(
          speakers.map((s) => [s.name, s.quoteCount]),
          expected.speakers.map((s) => [s.name, s.quotes.length]),
          name,
        );

        // The text view holds every character of every paragraph, as pasted.
        const view = await readTextView(page);
        assert.deepEqual(
          view.paragraphs,
          expected.paragraphs.map((p) => ({ kind: p.kind, text: text.slice(p.start, p.end) })),
          name,
        );
        assert.deepEqual(view.sentences, expected.sentences.map((x) => text.slice(x.start, x.end)), `${name}: sentences`);
        assert.deepEqual(
          view.quotes,
          expected.quotes.map((q, i) => ({
            text: text.slice(q.start, q.end),
            who: expectedQuotes(expected)[i].speaker.replace('no speaker', 'term'),
            kind: q.kind,
            cue: q.cue ? q.cue.text : null,
          })),
          `${name}: highlights`,
        );
        assert.deepEqual(view.mentions, expectedMentions(expected, text), `${name}: mentions`);
        const datelines = await page.$$eval('[data-testid="dateline"]', (els) => els.map((el) => el.textContent));
        assert.deepEqual(
          datelines,
          expected.paragraphs.filter((p) => p.dateline).map((p) => text.slice(p.dateline.start, p.dateline.end)),
          `${name}: datelines`,
        );
      }
      assertClean(record, new URL(baseUrl).origin);
    } finally {
      await context.close();
    }
  });

  test('a quotation in the text shows its speaker and cue on keyboard focus and on hover', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await page.click('[data-testid="example-button"]');
      await waitForAnalysis(page);
      const text = await page.inputValue('[data-testid="input"]');
      const expected = pkg.analyze(text);
      const tip = page.locator('[data-testid="quote-tip"]');
      const tipText = async () => (await tip.innerText()).replace(/\s+/g, ' ').trim();
      assert.equal(await tip.isVisible(), false);

      // Only the first quotation is in the tab order; Tab reaches it right after the text view.
      assert.deepEqual(
        await page.$$eval('[data-testid="text-quote"]', (els) => els.map((el) => el.tabIndex)),
        expected.quotes.map((_, i) => (i === 0 ? 0 : -1)),
      );
      await page.focus('[data-testid="text-view"]');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'text-quote-0');
      assert.ok(await tip.isVisible(), 'tooltip shown on focus');
      const describedBy = await page.getAttribute('#text-quote-0', 'aria-describedby');
      assert.equal(describedBy, await tip.getAttribute('id'));
      const tipFor = (q) => {
        const name = expected.speakers[q.speaker].name;
        return [name, q.kind, q.cue ? q.cue.text : null];
      };
      const q0 = tipFor(expected.quotes[0]);
      assert.equal(await tipText(), `${q0[0]} ${q0[1]} quotation · cue: “${q0[2]}”`);

      // The arrow keys move between quotations, End to the last; the tooltip follows.
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'text-quote-1');
      assert.ok((await tipText()).startsWith(tipFor(expected.quotes[1])[0]), await tipText());
      await page.keyboard.press('End');
      const last = expected.quotes.length - 1;
      assert.equal(await page.evaluate(() => document.activeElement?.id), `text-quote-${last}`);
      assert.ok((await tipText()).includes(`${expected.quotes[last].kind} quotation`), await tipText());
      // The focused quotation is now the one in the tab order.
      assert.deepEqual(
        await page.$$eval('[data-testid="text-quote"][tabindex="0"]', (els) => els.map((el) => el.id)),
        [`text-quote-${last}`],
      );
      // Escape dismisses the tooltip; the tooltip sits next to its quotation.
      await page.keyboard.press('Escape');
      assert.equal(await tip.isVisible(), false);

      // A quotation without a cue (a paragraph that is only a quotation, continuing the speaker
      // before it) says so.
      const noCue = expected.quotes.findIndex((q) => q.cue === null && q.speaker !== null);
      assert.ok(noCue >= 0, 'the example has a quotation without a cue');
      await page.hover(`#text-quote-${noCue}`);
      await tip.waitFor({ state: 'visible' });
      assert.match(await tipText(), /no cue/);
      const [markBox, tipBox] = [await page.locator(`#text-quote-${noCue}`).boundingBox(), await tip.boundingBox()];
      assert.ok(Math.abs(tipBox.y + tipBox.height - markBox.y) < 40 || Math.abs(tipBox.y - (markBox.y + markBox.height)) < 40,
        `tooltip ${JSON.stringify(tipBox)} is next to the quotation ${JSON.stringify(markBox)}`);
      await page.mouse.move(0, 0);
      await tip.waitFor({ state: 'hidden' });
      assertClean(record, new URL(baseUrl).origin);
    } finally {
      await context.close();
    }
  });

  for (const bypassCSP of [false, true]) {
    test(`markup in pasted text and in dropped files never runs${bypassCSP ? ' (even with the CSP off)' : ''}`, async () => {
      // With bypassCSP only the page's own care (text nodes, never HTML) keeps the payloads inert.
      const { context, page, record } = await openPage(browser, baseUrl, log, { contextOptions: { bypassCSP } });
      try {
        await waitForAnalysis(page);
        const check = async (what) => {
          await poke(page);
          assert.equal(await page.evaluate(() => window.__xss), undefined, `${what}: a payload ran`);
          // The only SVGs are the page's own two charts.
          const elements = await page.$$eval('#results img, #results script, #results svg:not([data-testid="top-words"]):not([data-testid="histogram"]), #results iframe, #results a, #results details', (els) => els.map((e) => e.outerHTML));
          assert.deepEqual(elements, [], `${what}: user markup became elements`);
          assert.ok(!record.requests.some((u) => new URL(u).pathname === '/x'), `${what}: an injected image was requested`);
        };

        await setArticle(page, XSS_TEXT);
        // Every payload inside a paragraph is shown as the characters it is made of (markup between
        // paragraphs is page furniture to the cleaner and not part of the text view).
        const shown = await page.textContent('[data-testid="text-view"]');
        const paragraphs = pkg.analyze(XSS_TEXT).paragraphs;
        const inside = XSS_PAYLOADS.filter((payload) => {
          const at = XSS_TEXT.indexOf(payload);
          return paragraphs.some((p) => p.start <= at && at + payload.length <= p.end);
        });
        assert.ok(inside.length >= 4, `only ${inside.length} payloads inside paragraphs`);
        for (const payload of inside) assert.ok(shown.includes(payload), `not shown literally: ${payload}`);
        await check('pasted text');

        await page.click('[data-testid="clear-button"]');
        await waitForAnalysis(page);
        await dropFile(page, 'flood.txt', 'text/plain', XSS_TEXT);
        await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes('Flood Warning'));
        await waitForAnalysis(page);
        await check('dropped .txt');

        await dropFile(page, 'flood.html', 'text/html', XSS_HTML);
        await page.waitForFunction(() => document.querySelector('[data-testid="input"]').value.includes('<article>'));
        await waitForAnalysis(page);
        assert.deepEqual((await readQuotes(page)).map((q) => [q.text, q.speaker]), [['Stay home,', 'Ada Vell']]);
        await check('dropped .html');
        assertClean(record, new URL(baseUrl).origin);
      } finally {
        await context.close();
      }
    });
  }

  test('a newer text cancels the drawing of an older, long one', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      const long = Array.from({ length: 60 }, () => FIXTURES.slice(0, 3).map(fixture).join('\n\n')).join('\n\n');
      const short = 'Short now. “It works,” Ana Ruiz said.';
      // In the page: paste the long text, and the moment its drawing starts, paste the short one.
      const stateThen = await page.evaluate(
        ([first, second]) =>
          new Promise((resolve) => {
            const input = document.querySelector('[data-testid="input"]');
            const status = document.querySelector('[data-testid="status"]');
            const observer = new MutationObserver(() => {
              if (status.dataset.state !== 'rendering') return;
              observer.disconnect();
              const drawn = document.querySelectorAll('[data-testid="text-paragraph"]').length;
              input.value = second;
              input.dispatchEvent(new InputEvent('input', { bubbles: true }));
              resolve({ state: 'rendering', drawn });
            });
            observer.observe(status, { attributes: true });
            input.value = first;
            input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          }),
        [long, short],
      );
      assert.equal(stateThen.state, 'rendering');
      assert.ok(stateThen.drawn < pkg.analyze(long).paragraphs.length, `the long text was drawn whole at once (${stateThen.drawn})`);
      await waitForAnalysis(page);
      // Frames later, nothing of the long text has come back.
      await page.waitForTimeout(300);
      const expected = pkg.analyze(short);
      const view = await readTextView(page);
      assert.deepEqual(view.paragraphs.map((p) => p.text), expected.paragraphs.map((p) => short.slice(p.start, p.end)));
      assert.equal((await readQuotes(page)).length, 1);
      assert.equal((await readStats(page)).words, expected.stats.words);
      assertClean(record, new URL(baseUrl).origin);
    } finally {
      await context.close();
    }
  });

  test('the CSP stays strict, and the page uses nothing it forbids', async () => {
    const { context, page, record } = await openPage(browser, baseUrl, log);
    try {
      await waitForAnalysis(page);
      await page.click('[data-testid="example-button"]');
      await waitForAnalysis(page);
      await page.focus('#text-quote-1');
      await page.click('[data-testid="quote"][data-index="3"] [data-testid="quote-jump"]');
      const found = await page.evaluate(() => ({
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content,
        styleAttributes: [...document.querySelectorAll('[style]')].map((el) => el.outerHTML.slice(0, 80)),
        inlineScripts: [...document.scripts].filter((s) => !s.src).length,
        styleElements: document.querySelectorAll('style').length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        stylesheets: [...document.styleSheets].map((sheet) => sheet.href),
      }));
      assert.equal(found.csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
      assert.deepEqual(found.styleAttributes, []);
      assert.equal(found.inlineScripts, 0);
      assert.equal(found.styleElements, 0);
      assert.deepEqual(found.handlers, []);
      assert.deepEqual(found.stylesheets, [`${baseUrl}style.css`]);
      assertClean(record, new URL(baseUrl).origin);
    } finally {
      await context.close();
    }
  });

  test('no console errors, page errors or requests to other origins on any page', () => {
    assert.ok(log.requests.length > 0, 'no requests were recorded');
    assertClean(log, new URL(baseUrl).origin);
  });
});

describe('scripts/serve.mjs', () => {
  let server;
  let baseUrl;

  before(async () => {
    ({ server, url: baseUrl } = await startServer({ port: 0 }));
  });

  after(async () => {
    server?.closeAllConnections?.();
    await new Promise((resolve) => server?.close(resolve) ?? resolve());
  });

  test('listens on 127.0.0.1 and serves www/ with content types and no-cache', async () => {
    assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const cases = [
      ['', 'text/html'],
      ['index.html', 'text/html'],
      ['app.js', 'text/javascript'],
      ['pkg/worker.js', 'text/javascript'],
      ['style.css', 'text/css'],
      ['pkg/article_analyzer.js', 'text/javascript'],
      ['pkg/article_analyzer_bg.wasm', 'application/wasm'],
    ];
    for (const [p, type] of cases) {
      const res = await fetch(baseUrl + p);
      assert.equal(res.status, 200, p);
      assert.ok(res.headers.get('content-type').startsWith(type), `${p}: ${res.headers.get('content-type')}`);
      assert.equal(res.headers.get('cache-control'), 'no-cache', p);
      await res.arrayBuffer();
    }
  });

  test('rejects path traversal and unknown files', async () => {
    const { request } = await import('node:http');
    // fetch() normalises "..", so send raw request targets.
    const rawGet = (target) =>
      new Promise((resolve, reject) => {
        const req = request(new URL(baseUrl), { path: target }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode));
        });
        req.on('error', reject);
        req.end();
      });
    for (const target of [
      '/../package.json',
      '/pkg/../../package.json',
      '/%2e%2e/package.json',
      '/pkg/%2e%2e/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/..%5cpackage.json',
    ]) {
      const status = await rawGet(target);
      assert.ok(status === 403 || status === 404, `${target} → ${status}`);
    }
    assert.equal(await rawGet('/no-such-file.js'), 404);
  });

  test('run as a script with PORT=0 prints one "Serving" line', async () => {
    const { spawn } = await import('node:child_process');
    const script = new URL('../../scripts/serve.mjs', import.meta.url);
    const child = spawn(process.execPath, [script.pathname], {
      cwd: '/',
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no output: ${out}`)), 10000);
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const match = /^Serving (http:\/\/127\.0\.0\.1:(\d+)\/)\n$/.exec(line);
      assert.ok(match, `unexpected output: ${JSON.stringify(line)}`);
      assert.notEqual(match[2], '0');
      const res = await fetch(match[1]);
      assert.equal(res.status, 200);
      assert.match(await res.text(), /data-testid="input"/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
