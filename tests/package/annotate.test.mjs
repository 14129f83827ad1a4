// annotate and unannotate through the package on a sample news page with nested inline markup
// (<em>, <a>, <span>, <strong>, <b>, <i> inside quotations), a data script, a hidden paragraph, a list
// and a button: the quotations are wrapped, the page's listeners and attributes survive, and
// unannotate gives back the same innerHTML and the same nodes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { assertClean, ensureResultsDir, launchBrowser, newLog, openPage } from '../page/support.mjs';
import { cleanUp, pack, project, startServer } from './support.mjs';

let browser;
let server;
let url;
let page;
let context;
let record;

before(async () => {
  browser = await launchBrowser();
  const dir = project(pack().tarball, 'annotate');
  ({ server, url } = await startServer({ port: 0, root: dir }));
  ({ context, page, record } = await openPage(browser, url, newLog()));
  await page.waitForFunction(() => window.ready);
});
after(async () => {
  await context?.close();
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  cleanUp();
});

test('quotations across inline elements are wrapped with their speaker, kind and cue', async () => {
  const found = await page.evaluate(() => {
    const story = document.querySelector('#story');
    const before = story.innerHTML;
    const textBefore = story.textContent;
    const { text, analysis } = window.aa.annotate(story);
    const parts = [...story.querySelectorAll('.aa-quote')];
    const quotes = analysis.quotes.map((q, i) => {
      const own = parts.filter((el) => el.dataset.aaQuote === String(i));
      return {
        // A collapsed run of white space inside a quotation is wrapped whole.
        text: own.map((el) => el.textContent).join('').replace(/\s+/g, ' '),
        parents: own.map((el) => el.parentElement.localName),
        speaker: own[0]?.dataset.speaker ?? null,
        kind: own[0]?.dataset.kind,
        cue: own[0]?.dataset.cue ?? null,
        first: own[0]?.classList.contains('aa-first'),
        last: own.at(-1)?.classList.contains('aa-last'),
        same: own.every((el) => el.dataset.speaker === own[0].dataset.speaker),
      };
    });
    return { before, textBefore, textAfter: story.textContent, text, quotes, expected: analysis.quotes.map((q) => q.text) };
  });
  assert.deepEqual(found.quotes.map((q) => q.text), found.expected, 'every quotation wrapped, all of it');
  const byText = Object.fromEntries(found.quotes.map((q) => [q.text, q]));
  assert.deepEqual(byText['It is the best day we have had in years,'], {
    text: 'It is the best day we have had in years,',
    parents: ['p', 'em', 'p', 'a', 'span', 'strong', 'p'],
    speaker: 'Mara Quint', kind: 'direct', cue: 'said', first: true, last: true, same: true,
  });
  assert.equal(byText['We will be back next summer,'].speaker, 'Mara Quint');
  assert.deepEqual(byText['We will be back next summer,'].parents, ['p', 'span', 'p']);
  assert.equal(byText.overdue.kind, 'partial');
  assert.equal(byText.overdue.parents[0], 'i');
  // What is not shown is neither analyzed nor touched.
  assert.ok(!found.text.includes('Hidden') && !found.text.includes('secret') && !found.text.includes('Share'), found.text);
  assert.ok(found.text.startsWith('Quay Reopens After Two Winters\n\nBy Ines Calloway\n\nBRAMPORT — The quay'), found.text);
  assert.equal(found.textAfter, found.textBefore, 'the page reads the same');
  await page.screenshot({ path: path.join(ensureResultsDir(), 'package-annotate.png'), fullPage: true });
});

test('listeners and attributes survive, and unannotate restores innerHTML and the nodes themselves', async () => {
  await page.evaluate(() => window.aa.unannotate(document.querySelector('#story')));
  const before = await page.evaluate(() => {
    const story = document.querySelector('#story');
    window.kept = { link: story.querySelector('#years-link'), text: story.querySelector('em').firstChild, hl: story.querySelector('.hl') };
    return story.innerHTML;
  });
  await page.evaluate(() => window.aa.annotate(document.querySelector('#story'), { mentions: true, sentences: true }));
  assert.ok(await page.$('#story .aa-mention'));
  // The link inside the quotation is the same element, with its attributes and its listener.
  await page.click('#years-link');
  await page.click('#share');
  const during = await page.evaluate(() => {
    const link = document.querySelector('#years-link');
    return {
      same: link === window.kept.link && document.querySelector('.hl') === window.kept.hl,
      attributes: [link.getAttribute('href'), link.dataset.track, document.querySelector('.hl').className],
      clicks: [...window.clicks],
      storyAttributes: [...document.querySelector('#story').attributes].map((a) => `${a.name}=${a.value}`),
    };
  });
  assert.deepEqual(during, {
    same: true,
    attributes: ['#years', 'quote-link', 'hl'],
    clicks: ['years-link', 'share'],
    storyAttributes: ['id=story', 'class=story', 'data-story-id=417'],
  });

  const restored = await page.evaluate(() => {
    const story = document.querySelector('#story');
    const done = window.aa.unannotate(story);
    return {
      done,
      again: window.aa.unannotate(story),
      html: story.innerHTML,
      sameText: story.querySelector('em').firstChild === window.kept.text,
      spans: story.querySelectorAll('[class^="aa-"]').length,
    };
  });
  assert.deepEqual({ ...restored, html: undefined }, { done: true, again: false, html: undefined, sameText: true, spans: 0 });
  assert.equal(restored.html, before);
  await page.click('#years-link');
  assert.deepEqual(await page.evaluate(() => window.clicks), ['years-link', 'share', 'years-link']);
});

test('bad arguments throw an Error that names them, and the next call works', async () => {
  const errors = await page.evaluate(() => {
    const story = document.querySelector('#story');
    const message = (fn) => {
      try {
        fn();
        return null;
      } catch (e) {
        return `${e instanceof Error}: ${e.message}`;
      }
    };
    return [
      message(() => window.aa.annotate(story, { colour: 'red' })),
      message(() => window.aa.annotate(story, { sentences: 1 })),
      message(() => window.aa.annotate(story, { paragraphs: 'pages' })),
      message(() => window.aa.annotate('#story')),
      message(() => window.aa.unannotate(null)),
      window.aa.annotate(story).analysis.quotes.length > 0 && window.aa.unannotate(story),
    ];
  });
  assert.match(errors[0], /^true: unknown option `colour`: expected one of "quotes", "mentions", "sentences", "paragraphs", "scope"$/);
  assert.equal(errors[1], 'true: invalid value 1 for option `sentences`: expected true or false');
  assert.match(errors[2], /^true: invalid value "pages" for option `paragraphs`/);
  assert.equal(errors[3], 'true: element must be a DOM Element');
  assert.equal(errors[4], 'true: element must be a DOM Element');
  assert.equal(errors[5], true);
  assertClean(record, new URL(url).origin);
});
