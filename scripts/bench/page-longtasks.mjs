#!/usr/bin/env node
// Main-thread long tasks while the page analyzes and draws about 1 MB of article text.
//
//   npm run build && node scripts/bench/page-longtasks.mjs [--size 1000000] [--runs 3]
//
// Serves the page on 127.0.0.1, opens it in headless Chromium (Debian's /usr/bin/chromium),
// installs a PerformanceObserver for `longtask` entries, then pastes the text: our fixture
// articles (tests/data/articles/*.txt, the plain-text ones) one after another, in turn, until the
// size is reached. It prints the time until the counts show, the time until everything is drawn,
// and the long tasks seen (any task over 50 ms); then it types a few words at the end of the
// text and reports the same for the re-analysis. The goal is no task over 100 ms.
// A measurement, not a test: it exits 0 whatever it measures (1 only if the page failed).

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { startServer } from '../serve.mjs';
import { launchBrowser, longArticleText } from '../../tests/page/support.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIZE = arg('size', 1_000_000);
const RUNS = arg('runs', 3);

/** In the page: record long tasks and the moments the counts and the final state appear. */
function installProbes() {
  const w = window;
  w.__bench = { longtasks: [], frames: [], countsAt: null, idleAt: null, t0: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  // Long animation frames say which scripts ran in a slow frame (where the browser has them).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__bench.frames.push({
          start: e.startTime,
          end: e.startTime + e.duration,
          styleAndLayout: e.startTime + e.duration - e.styleAndLayoutStart,
          scripts: e.scripts.map((s) => `${s.sourceFunctionName || s.invoker} ${Math.round(s.duration)} ms`),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch {
    /* not supported: long tasks alone */
  }
  const words = document.querySelector('[data-testid="stat-words"]');
  const status = document.querySelector('[data-testid="status"]');
  new MutationObserver(() => {
    if (w.__bench.t0 !== null && w.__bench.countsAt === null) w.__bench.countsAt = performance.now();
  }).observe(words, { childList: true, characterData: true, subtree: true });
  new MutationObserver(() => {
    if (w.__bench.t0 !== null && status.dataset.state === 'idle' && w.__bench.idleAt === null) w.__bench.idleAt = performance.now();
  }).observe(status, { attributes: true, attributeFilter: ['data-state'] });
}

function resetProbes() {
  const b = window.__bench;
  b.longtasks.length = 0;
  b.frames.length = 0;
  b.countsAt = null;
  b.idleAt = null;
  b.t0 = performance.now();
}

async function waitIdle(page) {
  await page.waitForFunction(() => window.__bench.idleAt !== null, null, { timeout: 120_000, polling: 100 });
  // Let the last frames and the observer's buffered entries arrive.
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const b = window.__bench;
    const tasks = b.longtasks.filter((t) => t.start + t.duration >= b.t0);
    const worst = tasks.reduce((m, t) => (m && m.duration >= t.duration ? m : t), null);
    const frame = worst && b.frames.find((f) => f.start <= worst.start + 1 && f.end >= worst.start + worst.duration - 1);
    return {
      worstFrame: frame
        ? `style and layout ${Math.round(frame.styleAndLayout)} ms; scripts: ${frame.scripts.join(', ') || 'none'}`
        : null,
      countsMs: b.countsAt - b.t0,
      idleMs: b.idleAt - b.t0,
      longTasks: tasks.length,
      longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      top: tasks.map((t) => Math.round(t.duration)).sort((a, b) => b - a).slice(0, 5),
    };
  });
}

const fmt = (r) =>
  `counts after ${r.countsMs.toFixed(0)} ms, all drawn after ${r.idleMs.toFixed(0)} ms; ` +
  `${r.longTasks} long tasks (>50 ms), longest ${r.longest.toFixed(0)} ms` +
  (r.top.length ? ` [${r.top.join(', ')}]` : '') +
  (r.worstFrame ? `\n    longest task's frame: ${r.worstFrame}` : '');

async function main() {
  const { text, articles, copies } = longArticleText(SIZE);
  console.log(`text: ${text.length.toLocaleString('en')} UTF-16 units from ${articles} fixture articles (${copies} copies in turn)`);
  const { server, url } = await startServer({ port: 0 });
  const browser = await launchBrowser();
  const worst = { paste: 0, edit: 0 };
  let failed = false;
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (err) => {
        failed = true;
        console.error(`page error: ${err}`);
      });
      await page.goto(url);
      await page.waitForSelector('[data-testid="status"][data-state="idle"]');
      await page.evaluate(installProbes);

      // Paste: the text goes into the box and an input event follows, as after a paste. (Chrome's
      // own insertText of a megabyte takes minutes, so the value is set directly; the layout of
      // the text box that follows is the browser's, see the reference at the end.)
      await page.evaluate((t) => {
        const input = document.querySelector('[data-testid="input"]');
        input.focus();
        const b = window.__bench;
        b.longtasks.length = 0;
        b.frames.length = 0;
        b.countsAt = null;
        b.idleAt = null;
        b.t0 = performance.now();
        input.value = t;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      }, text);
      const paste = await waitIdle(page);
      const shown = await page.$eval('[data-testid="stat-words"]', (el) => el.textContent);
      console.log(`run ${run} paste: ${fmt(paste)}; ${shown} words shown`);

      // Typing at the end of the long text.
      await page.evaluate(resetProbes);
      await page.focus('[data-testid="input"]');
      await page.keyboard.press('End');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' More words at the end.', { delay: 30 });
      const edit = await waitIdle(page);
      console.log(`run ${run} typing: ${fmt(edit)}`);
      worst.paste = Math.max(worst.paste, paste.longest);
      worst.edit = Math.max(worst.edit, edit.longest);
      await context.close();
    }
    // Reference: what the browser alone takes to lay out the same text in a bare text box.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.setContent('<textarea style="width:450px;height:28rem"></textarea>');
    worst.bare = await page.evaluate(
      (t) =>
        new Promise((resolve) => {
          const input = document.querySelector('textarea');
          input.value = t;
          const start = performance.now();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        }),
      text,
    );
    await context.close();
  } finally {
    await browser.close();
    server.closeAllConnections?.();
    server.close();
  }
  console.log(`longest task over ${RUNS} runs: paste ${worst.paste.toFixed(0)} ms, typing ${worst.edit.toFixed(0)} ms (goal: under 100 ms)`);
  console.log(`reference: a bare <textarea> takes ${worst.bare.toFixed(0)} ms to show the same text (the browser's own layout)`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) await main();
