// Compare mode: two reports of one story side by side.
//
// The comparison runs in a module worker through the package's createAnalyzer({ worker: true })
// (a second analyzer, so a long comparison never holds up the analysis of the other mode). A new
// request aborts the one before it, and a reply to anything but the newest is ignored. Both texts are shown with
// their quotations marked; a quotation found in both reports is linked to its match, so pointing
// at it (or focusing it) lights up the match on the other side and its entry in the list of
// differences, where the two versions are shown with every difference marked inline.
//
// As everywhere on this page, the user's text reaches the DOM through text nodes only.

import { h, numberFormat, plural } from './dom.js';
import { EXAMPLE_A, EXAMPLE_B } from './compare-example.js';
import { createTextStore } from './storage.js';

const DEBOUNCE_MS = 200;
const SAVE_DEBOUNCE_MS = 600;

const $ = (selector) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`Missing element: ${selector}`);
  return el;
};

const ui = {
  modeAnalyze: $('[data-testid="mode-analyze"]'),
  modeCompare: $('[data-testid="mode-compare"]'),
  analyzeMain: $('#analyze-mode'),
  compareMain: $('#compare-mode'),
  inputA: $('[data-testid="compare-input-a"]'),
  inputB: $('[data-testid="compare-input-b"]'),
  example: $('[data-testid="compare-example"]'),
  swap: $('[data-testid="compare-swap"]'),
  clear: $('[data-testid="compare-clear"]'),
  status: $('[data-testid="compare-status"]'),
  error: $('[data-testid="compare-error"]'),
  summary: $('[data-testid="compare-summary"]'),
  viewA: $('[data-testid="compare-view-a"]'),
  viewB: $('[data-testid="compare-view-b"]'),
  matches: $('[data-testid="compare-matches"]'),
  onlyA: $('[data-testid="compare-only-a"]'),
  onlyB: $('[data-testid="compare-only-b"]'),
  speakers: $('[data-testid="compare-speakers"]'),
  sentences: $('[data-testid="compare-sentences"]'),
};

const stores = {
  a: createTextStore('article-analyzer:compare-a'),
  b: createTextStore('article-analyzer:compare-b'),
};

const KIND_LABEL = {
  exact: 'exact',
  variant: 'variant',
  contained: 'contained',
  paraphrase: 'paraphrase (weak)',
};

const OP_LABEL = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  punctuation: 'punctuation',
  case: 'case',
};

// ---------------------------------------------------------------------------
// Mode

let started = false;

function setMode(mode) {
  const compare = mode === 'compare';
  ui.analyzeMain.hidden = compare;
  ui.compareMain.hidden = !compare;
  ui.modeAnalyze.setAttribute('aria-pressed', String(!compare));
  ui.modeCompare.setAttribute('aria-pressed', String(compare));
  const hash = compare ? '#compare' : '';
  if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  if (compare && !started) {
    started = true;
    ui.inputA.value = stores.a.load() ?? '';
    ui.inputB.value = stores.b.load() ?? '';
    request();
  }
}

ui.modeAnalyze.addEventListener('click', () => setMode('analyze'));
ui.modeCompare.addEventListener('click', () => setMode('compare'));
window.addEventListener('hashchange', () => setMode(location.hash === '#compare' ? 'compare' : 'analyze'));

// ---------------------------------------------------------------------------
// Worker

let analyzerPromise = null;
let latestId = 0;
let latestTexts = null;
let inFlight = null;
let debounceTimer = 0;
let saveTimer = 0;

function getAnalyzer() {
  if (!analyzerPromise) {
    analyzerPromise = import('./pkg/index.js').then((pkg) => pkg.createAnalyzer({ worker: true }));
    analyzerPromise.catch(() => {
      analyzerPromise = null; // the next edit tries again
    });
  }
  return analyzerPromise;
}

async function request() {
  const a = ui.inputA.value;
  const b = ui.inputB.value;
  latestId += 1;
  const id = latestId;
  latestTexts = { a, b };
  inFlight?.abort();
  inFlight = null;
  if (!a.trim() || !b.trim()) {
    setStatus('idle', 'Paste one report on each side to compare them.');
    render(null, latestTexts);
    return;
  }
  setStatus('busy', 'Comparing…');
  const controller = new AbortController();
  inFlight = controller;
  let analyzer = null;
  try {
    analyzer = await getAnalyzer();
    const result = await analyzer.compare(a, b, null, { signal: controller.signal });
    if (id === latestId) render(result, latestTexts);
  } catch (err) {
    if (controller.signal.aborted || id !== latestId) return;
    // After a failure the next edit starts a fresh worker.
    analyzer?.terminate();
    analyzerPromise = null;
    showError(err instanceof Error ? err.message : String(err));
  }
}

function scheduleRequest() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(request, DEBOUNCE_MS);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(save, SAVE_DEBOUNCE_MS);
}

function save() {
  stores.a.save(ui.inputA.value);
  stores.b.save(ui.inputB.value);
}

function setStatus(state, message) {
  ui.status.dataset.state = state;
  ui.status.textContent = message;
  if (state !== 'error') ui.error.hidden = true;
  ui.compareMain.querySelector('.compare-results').setAttribute('aria-busy', String(state === 'busy'));
}

function showError(message) {
  setStatus('error', 'The comparison failed.');
  ui.error.hidden = false;
  ui.error.textContent = message;
}

ui.inputA.addEventListener('input', scheduleRequest);
ui.inputB.addEventListener('input', scheduleRequest);
ui.example.addEventListener('click', () => {
  ui.inputA.value = EXAMPLE_A;
  ui.inputB.value = EXAMPLE_B;
  save();
  request();
});
ui.swap.addEventListener('click', () => {
  [ui.inputA.value, ui.inputB.value] = [ui.inputB.value, ui.inputA.value];
  save();
  request();
});
ui.clear.addEventListener('click', () => {
  ui.inputA.value = '';
  ui.inputB.value = '';
  stores.a.clear();
  stores.b.clear();
  request();
  ui.inputA.focus();
});

// ---------------------------------------------------------------------------
// Rendering

/** Elements of each match (text marks and list entries), by match index: for linked highlights. */
let linked = new Map();
let lit = [];

function link(index, el) {
  if (!linked.has(index)) linked.set(index, []);
  linked.get(index).push(el);
}

function light(el) {
  unlight();
  const ids = (el?.dataset.matches ?? '').split(' ').filter(Boolean);
  for (const id of ids) {
    for (const target of linked.get(Number(id)) ?? []) {
      target.classList.add('linked');
      lit.push(target);
    }
  }
}

function unlight() {
  for (const el of lit) el.classList.remove('linked');
  lit = [];
}

for (const container of [ui.viewA, ui.viewB, ui.matches]) {
  container.addEventListener('pointerover', (event) => light(event.target.closest('[data-matches]')));
  container.addEventListener('pointerleave', unlight);
  container.addEventListener('focusin', (event) => light(event.target.closest('[data-matches]')));
  container.addEventListener('focusout', unlight);
}

/** The text of `text` with `marks` ({ start, end, className, matches, title }) wrapped. */
function renderText(view, text, marks) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // quotations never overlap; guard all the same
    if (m.start > at) fragment.append(text.slice(at, m.start));
    const mark = h('mark', {
      className: m.className,
      attrs: { tabindex: '0', 'data-matches': m.matches.join(' ') || null, title: m.title, 'data-testid': m.testid },
      text: text.slice(m.start, m.end),
    });
    for (const id of m.matches) link(id, mark);
    fragment.append(mark);
    at = m.end;
  }
  fragment.append(text.slice(at));
  view.replaceChildren(fragment);
}

/** Marks for the quotations of one side: matched ones (with their match indices) and the rest. */
function sideMarks(result, side) {
  const byQuote = new Map();
  result.quoteMatches.forEach((m, i) => {
    const q = m[side];
    const entry = byQuote.get(q.index) ?? { start: q.start, end: q.end, matches: [], kinds: [] };
    entry.matches.push(i);
    entry.kinds.push(m.kind);
    byQuote.set(q.index, entry);
  });
  const other = side === 'a' ? 'B' : 'A';
  const marks = [...byQuote.values()].map((e) => {
    const strong = e.kinds.find((k) => k !== 'paraphrase') ?? 'paraphrase';
    return {
      ...e,
      className: `cmp-quote matched kind-${strong}`,
      title: `Also in ${other}: ${e.kinds.map((k) => KIND_LABEL[k]).join(', ')}`,
      testid: `cmp-quote-${side}`,
    };
  });
  for (const q of side === 'a' ? result.onlyInA : result.onlyInB) {
    marks.push({
      start: q.start,
      end: q.end,
      matches: [],
      className: 'cmp-quote only',
      title: `Only in ${side.toUpperCase()}`,
      testid: `cmp-only-${side}`,
    });
  }
  return marks.sort((x, y) => x.start - y.start);
}

/** One version of a matched quotation with its differences marked. */
function diffLine(label, text, quote, parts, side) {
  const line = h('p', { className: 'cmp-diff-line' }, [h('span', { className: 'cmp-side', text: label })]);
  const body = h('q', { className: 'cmp-diff-text', attrs: { 'data-testid': `diff-${side}` } });
  let at = quote.start;
  for (const part of parts) {
    const range = part[side];
    if (!range) continue;
    if (range.start > at) body.append(text.slice(at, range.start));
    body.append(
      part.op === 'same'
        ? text.slice(range.start, range.end)
        : h('span', { className: `op op-${part.op}`, attrs: { 'data-op': part.op }, text: text.slice(range.start, range.end) }),
    );
    at = range.end;
  }
  if (quote.end > at) body.append(text.slice(at, quote.end));
  line.append(body);
  return line;
}

function who(quote) {
  return quote.speaker ?? 'unattributed';
}

function renderMatch(m, i, texts) {
  const item = h('li', { className: `cmp-match kind-${m.kind}`, attrs: { 'data-matches': String(i), tabindex: '0', 'data-testid': 'compare-match' } });
  const speakers = m.a.speaker === m.b.speaker ? who(m.a) : `${who(m.a)} / ${who(m.b)}`;
  item.append(
    h('p', { className: 'cmp-match-head' }, [
      h('span', { className: `badge kind-${m.kind}`, attrs: { 'data-testid': 'match-kind' }, text: KIND_LABEL[m.kind] }),
      h('span', { className: 'cmp-similarity', text: `${Math.round(m.similarity * 100)}% of words shared` }),
      h('span', { className: 'cmp-who', text: speakers }),
      m.sameSpeaker === false ? h('span', { className: 'cmp-warn', text: 'different speakers' }) : null,
    ]),
    diffLine('A', texts.a, m.a, m.diff, 'a'),
    diffLine('B', texts.b, m.b, m.diff, 'b'),
  );
  const differences = m.diff.filter((d) => d.op !== 'same');
  if (differences.length) {
    const list = h('ul', { className: 'cmp-differences', attrs: { 'aria-label': 'Differences' } });
    for (const d of differences) {
      const show = (r) => (r ? `“${r.text}”` : 'nothing');
      list.append(h('li', { attrs: { 'data-op': d.op }, text: `${OP_LABEL[d.op]}: ${show(d.a)} → ${show(d.b)}` }));
    }
    item.append(list);
  } else {
    item.append(h('p', { className: 'help', text: 'Word for word and mark for mark the same.' }));
  }
  link(i, item);
  return item;
}

function renderOnly(list, quotes, view, side) {
  list.replaceChildren(
    ...quotes.map((q) => {
      const item = h('li', {}, [h('q', { text: q.text }), ` — ${who(q)}`]);
      item.addEventListener('click', () => {
        const mark = [...view.querySelectorAll('mark.only')].find((m) => m.textContent === texts()[side].slice(q.start, q.end));
        mark?.scrollIntoView({ block: 'center' });
        mark?.focus({ preventScroll: true });
      });
      return item;
    }),
  );
  list.previousElementSibling?.toggleAttribute('hidden', quotes.length > 0);
}

const texts = () => latestTexts ?? { a: '', b: '' };

function render(result, sources) {
  linked = new Map();
  lit = [];
  ui.compareMain.querySelector('.compare-results').hidden = !result;
  if (!result) {
    for (const el of [ui.viewA, ui.viewB]) el.replaceChildren();
    for (const el of [ui.matches, ui.onlyA, ui.onlyB, ui.speakers, ui.sentences, ui.summary]) el.replaceChildren();
    ui.viewA.textContent = sources?.a ?? '';
    ui.viewB.textContent = sources?.b ?? '';
    return;
  }
  renderText(ui.viewA, sources.a, sideMarks(result, 'a'));
  renderText(ui.viewB, sources.b, sideMarks(result, 'b'));

  const count = (kind) => result.quoteMatches.filter((m) => m.kind === kind).length;
  const kinds = ['exact', 'variant', 'contained', 'paraphrase']
    .filter((k) => count(k) > 0)
    .map((k) => `${numberFormat.format(count(k))} ${k}`);
  ui.summary.replaceChildren(
    ...[
      [`${plural(result.quoteMatches.length, 'quotation match', 'quotation matches')}`, kinds.join(', '), 'summary-matches'],
      [plural(result.onlyInA.length, 'quotation', 'quotations'), 'only in A', 'summary-only-a'],
      [plural(result.onlyInB.length, 'quotation', 'quotations'), 'only in B', 'summary-only-b'],
      [plural(result.sharedSpeakers.length, 'speaker', 'speakers'), 'quoted in both', 'summary-speakers'],
      [plural(result.sentenceMatches.length, 'sentence', 'sentences'), 'in both', 'summary-sentences'],
    ].map(([value, note, testid]) =>
      h('div', { className: 'stat' }, [h('dt', { text: note || ' ' }), h('dd', { attrs: { 'data-testid': testid }, text: value })]),
    ),
  );

  ui.matches.replaceChildren(...result.quoteMatches.map((m, i) => renderMatch(m, i, sources)));
  ui.matches.previousElementSibling?.toggleAttribute('hidden', result.quoteMatches.length > 0);
  renderOnly(ui.onlyA, result.onlyInA, ui.viewA, 'a');
  renderOnly(ui.onlyB, result.onlyInB, ui.viewB, 'b');

  ui.speakers.replaceChildren(
    ...result.sharedSpeakers.map((s) =>
      h('tr', {}, [h('th', { attrs: { scope: 'row' }, text: s.name }), h('td', { text: numberFormat.format(s.quotesA) }), h('td', { text: numberFormat.format(s.quotesB) })]),
    ),
  );
  ui.speakers.closest('table').hidden = result.sharedSpeakers.length === 0;

  ui.sentences.replaceChildren(
    ...result.sentenceMatches.map((m) =>
      h('li', { attrs: { 'data-testid': 'compare-sentence' } }, [
        h('span', { className: 'cmp-similarity', text: m.similarity === 1 ? 'identical' : `${Math.round(m.similarity * 100)}% alike` }),
        h('p', { className: 'cmp-diff-line' }, [h('span', { className: 'cmp-side', text: 'A' }), h('span', { text: m.a.text })]),
        m.similarity === 1 ? null : h('p', { className: 'cmp-diff-line' }, [h('span', { className: 'cmp-side', text: 'B' }), h('span', { text: m.b.text })]),
      ]),
    ),
  );
  ui.sentences.previousElementSibling?.toggleAttribute('hidden', result.sentenceMatches.length > 0);

  setStatus(
    'idle',
    `Compared ${plural(sources.a.length, 'character', 'characters')} with ${plural(sources.b.length, 'character', 'characters')}.`,
  );
}

setMode(location.hash === '#compare' ? 'compare' : 'analyze');
