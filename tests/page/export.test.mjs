// Exports: the JSON and CSV downloads read back and compared with the package's analysis, the
// Markdown copy through the clipboard and its fallbacks, and www/export.js on its own in Node.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { csvField, guardFormula, markdownText, quotesCsv, quotesMarkdown } from '../../www/export.js';
import { assertClean, fixture, openPage, parseCsv, setArticle, waitForAnalysis, pageSuite } from './support.mjs';

// Written for this test: a quotation with a comma and a line break in it, in a sentence with
// straight double quotes; quotations that start with + - @ and one with = inside.
const TRICKY = [
  'Harbor Council Votes',
  '',
  'Ana Ruiz spoke on Monday. "We will rebuild, and',
  "we will say 'never again' together,\" Ana Ruiz said.",
  '',
  '“+1 for the plan,” Ana Ruiz said. “-5 degrees tonight,” she added.',
  '',
  '“@everyone come =now,” said Leo Park. “=SUM(A1:A3)” was on the board.',
].join('\n');

/** The rows the CSV must hold, worked out here from the result (not with www/export.js). */
function expectedRows(result) {
  const guard = (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return result.quotes.map((q) =>
    [
      q.speaker == null ? '' : result.speakers[q.speaker].name,
      q.text,
      q.kind,
      q.cue ? q.cue.text : '',
      result.sentences[q.sentence].text,
    ].map(guard),
  );
}

describe('exports in the page', () => {
  const suite = pageSuite();

  /** Click `testid` and read the file it downloads. */
  async function download(page, testid) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    const path = await file.path();
    return { name: file.suggestedFilename(), url: file.url(), bytes: await readFile(path) };
  }

  test('Download JSON gives the analysis of the text, deep-equal', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await waitForAnalysis(page);
      for (const text of [fixture('politics-summit.txt'), fixture('edge-mixed.txt'), TRICKY]) {
        await setArticle(page, text);
        const file = await download(page, 'export-json');
        assert.match(file.url, /^blob:/);
        assert.match(file.name, /^[a-z0-9-]+-analysis\.json$/);
        assert.deepEqual(JSON.parse(file.bytes.toString('utf8')), suite.pkg.analyze(text));
      }
      assert.equal((await download(page, 'export-json')).name, 'harbor-council-votes-analysis.json');
      assert.match(await page.textContent('[data-testid="export-status"]'), /Downloaded the analysis as JSON/);
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('Download quotes (CSV): one row per quotation, RFC 4180, formula cells made text', async () => {
    const { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log);
    try {
      await waitForAnalysis(page);
      for (const text of [TRICKY, fixture('business-merger.txt'), fixture('courts-fraud.txt')]) {
        await setArticle(page, text);
        const file = await download(page, 'export-csv');
        assert.match(file.name, /-quotes\.csv$/);
        const csv = file.bytes.toString('utf8');
        assert.ok(csv.startsWith('\uFEFF'), 'UTF-8 byte-order mark for spreadsheets');
        const [header, ...rows] = parseCsv(csv.slice(1));
        assert.deepEqual(header, ['speaker', 'quote', 'kind', 'cue', 'sentence']);
        const expected = suite.pkg.analyze(text);
        assert.equal(rows.length, expected.quotes.length);
        assert.deepEqual(rows, expectedRows(expected));
      }

      // The tricky fields came back whole.
      await setArticle(page, TRICKY);
      const [, ...rows] = parseCsv((await download(page, 'export-csv')).bytes.toString('utf8').slice(1));
      const first = rows[0];
      assert.equal(first[0], 'Ana Ruiz');
      assert.equal(first[1], "We will rebuild, and\nwe will say 'never again' together,");
      assert.equal(first[4], `"We will rebuild, and\nwe will say 'never again' together," Ana Ruiz said.`);
      for (const field of [first[1], first[4]]) {
        assert.ok(field.includes(',') && field.includes('\n'), field);
      }
      assert.ok(first[4].includes('"'), 'a field with a double quote');
      const quotes = rows.map((r) => r[1]);
      assert.ok(quotes.includes("'+1 for the plan,"), JSON.stringify(quotes));
      assert.ok(quotes.includes("'-5 degrees tonight,"), JSON.stringify(quotes));
      assert.ok(quotes.includes("'@everyone come =now,"), JSON.stringify(quotes));
      assert.ok(quotes.includes("'=SUM(A1:A3)"), JSON.stringify(quotes));
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }
  });

  test('Copy quotes as Markdown: clipboard API, then the selection command, then a selected text box', async () => {
    const contextOptions = { permissions: ['clipboard-read', 'clipboard-write'] };
    const text = fixture('politics-summit.txt');
    const expected = suite.pkg.analyze(text);
    const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

    // 1. The clipboard API.
    let { context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log, { contextOptions });
    try {
      await waitForAnalysis(page);
      await setArticle(page, text);
      await page.click('[data-testid="copy-markdown"]');
      await page.waitForFunction(() => /Copied/.test(document.querySelector('[data-testid="export-status"]').textContent));
      const markdown = await readClipboard(page);
      assert.ok(markdown.startsWith('# Quotations\n'));
      for (const speaker of expected.speakers) {
        if (speaker.quotes.length) assert.ok(markdown.includes(`## ${speaker.name} (${speaker.quotes.length})\n`), speaker.name);
      }
      for (const q of expected.quotes) assert.ok(markdown.includes(`“${markdownText(q.text)}” (${q.kind}`), q.text);
      assert.equal(markdown.split('\n').filter((l) => l.startsWith('- “')).length, expected.quotes.length);
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }

    // 2. No clipboard API on this page: the selection command copies it.
    ({ context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log, { contextOptions }));
    try {
      await waitForAnalysis(page);
      await setArticle(page, text);
      await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true }));
      await page.click('[data-testid="copy-markdown"]');
      await page.waitForFunction(() => /Copied/.test(document.querySelector('[data-testid="export-status"]').textContent));
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'copy-markdown', 'focus stays on the button');
      assert.equal(await page.isVisible('[data-testid="markdown-fallback"]'), false);
      // Another page of the same browser reads what was copied.
      const other = await context.newPage();
      await other.goto(`${suite.baseUrl}favicon.svg`);
      await other.bringToFront();
      assert.equal(await readClipboard(other), quotesMarkdown(expected));
      assertClean(record, suite.origin);
    } finally {
      await context.close();
    }

    // 3. Nothing can copy: the Markdown is shown, selected, for the reader to copy.
    ({ context, page, record } = await openPage(suite.browser, suite.baseUrl, suite.log, {
      initScript: () => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
        Document.prototype.execCommand = () => false;
      },
    }));
    try {
      await waitForAnalysis(page);
      await setArticle(page, text);
      await page.click('[data-testid="copy-markdown"]');
      await page.waitForSelector('[data-testid="markdown-fallback"]', { state: 'visible' });
      const area = page.locator('[data-testid="markdown-fallback"] textarea');
      assert.equal(await area.inputValue(), quotesMarkdown(expected));
      const selected = await area.evaluate((el) => [document.activeElement === el, el.selectionStart, el.selectionEnd, el.value.length]);
      assert.deepEqual(selected, [true, 0, selected[3], selected[3]]);
      assert.match(await page.textContent('[data-testid="export-status"]'), /Ctrl\+C/);
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

describe('www/export.js', () => {
  test('formula guard: = + - @ tab and CR at the start get an apostrophe, nothing else', () => {
    for (const v of ['=1+1', '+1', '-5', '@x', '\tx', '\rx']) assert.equal(guardFormula(v), `'${v}`);
    for (const v of ['', 'a=1', ' =1', "'=1", 'Ana', '5-1']) assert.equal(guardFormula(v), v);
  });

  test('CSV fields: quoted only when needed, quotes doubled, guard inside the quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('=A1,B1'), `"'=A1,B1"`);
    assert.equal(csvField(null), '');
  });

  test('CSV of a result: header, CRLF lines, empty cells for no speaker and no cue', () => {
    const result = {
      quotes: [
        { text: 'Yes, "now"', kind: 'direct', sentence: 0, speaker: 0, cue: { text: 'said' } },
        { text: 'odd', kind: 'term', sentence: 1, speaker: null, cue: null },
      ],
      speakers: [{ name: 'Ana Ruiz' }],
      sentences: [{ text: '“Yes, "now",” Ana Ruiz said.' }, { text: 'It was “odd”.' }],
    };
    assert.equal(
      quotesCsv(result),
      '\uFEFFspeaker,quote,kind,cue,sentence\r\n' +
        'Ana Ruiz,"Yes, ""now""",direct,said,"“Yes, ""now"",” Ana Ruiz said."\r\n' +
        ',odd,term,,It was “odd”.\r\n',
    );
    assert.deepEqual(parseCsv(quotesCsv(result).slice(1)).slice(1), [
      ['Ana Ruiz', 'Yes, "now"', 'direct', 'said', '“Yes, "now",” Ana Ruiz said.'],
      ['', 'odd', 'term', '', 'It was “odd”.'],
    ]);
  });

  test('Markdown: grouped by speaker, markup characters escaped, line breaks joined', () => {
    const result = {
      quotes: [
        { text: 'a *bold*\n<b>claim</b>', kind: 'direct', sentence: 0, speaker: 0, cue: { text: 'said' } },
        { text: 'x', kind: 'partial', sentence: 0, speaker: null, cue: null },
      ],
      speakers: [{ name: 'Ana [Ruiz]' }],
      sentences: [{ text: '' }],
    };
    assert.equal(
      quotesMarkdown(result),
      [
        '# Quotations',
        '',
        '## Ana \\[Ruiz\\] (1)',
        '',
        '- “a \\*bold\\* \\<b\\>claim\\</b\\>” (direct; cue: said)',
        '',
        '## Unattributed (1)',
        '',
        '- “x” (partial)',
        '',
      ].join('\n'),
    );
    assert.equal(quotesMarkdown({ quotes: [], speakers: [] }), '# Quotations\n\nNo quotations found.\n');
  });
});
