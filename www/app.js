// Page controller for article-analyzer.
//
// The analysis runs in a module Web Worker (worker.js). Every request gets an
// increasing id; replies for anything but the latest request are ignored, so
// a slow reply can never overwrite newer results.
//
// All text that comes from the user (or from the analyzer, which echoes the
// user's text) is rendered with textContent / text nodes only.

import { EXAMPLE_ARTICLE } from './example.js';

const DEBOUNCE_MS = 150;
/** Longest list rendered in full; the rest is summarised in one line. */
const MAX_LIST_ITEMS = 1000;

const $ = (selector) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`Missing element: ${selector}`);
  return el;
};

const ui = {
  input: $('[data-testid="input"]'),
  exampleButton: $('[data-testid="example-button"]'),
  clearButton: $('[data-testid="clear-button"]'),
  status: $('[data-testid="status"]'),
  error: $('[data-testid="error"]'),
  results: $('#results'),
  stats: {
    words: $('[data-testid="stat-words"]'),
    uniqueWords: $('[data-testid="stat-unique-words"]'),
    sentences: $('[data-testid="stat-sentences"]'),
    paragraphs: $('[data-testid="stat-paragraphs"]'),
    quotes: $('[data-testid="stat-quotes"]'),
    characters: $('[data-testid="stat-characters"]'),
  },
  quotes: $('[data-testid="quotes"]'),
  speakers: $('[data-testid="speakers"]'),
  sentences: $('[data-testid="sentences"]'),
  diagnosticsPanel: $('[data-testid="diagnostics-panel"]'),
  diagnostics: $('[data-testid="diagnostics"]'),
};

// ---------------------------------------------------------------------------
// Small DOM helpers (text only, never HTML strings)

/** Create an element with optional class, attributes and text/children. */
function h(tag, { className, attrs, text } = {}, children = []) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (attrs) for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = String(text);
  for (const child of children) if (child) el.append(child);
  return el;
}

const numberFormat = new Intl.NumberFormat('en');
const plural = (n, one, many) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

function setEmptyState(name, isEmpty) {
  const note = document.querySelector(`[data-empty-for="${name}"]`);
  if (note) note.hidden = !isEmpty;
}

/** A final list item saying how many items were left out, or null. */
function moreItemsNote(total) {
  if (total <= MAX_LIST_ITEMS) return null;
  return h('li', {
    className: 'more-items',
    text: `…and ${numberFormat.format(total - MAX_LIST_ITEMS)} more`,
  });
}

// ---------------------------------------------------------------------------
// Status and errors

/** state: "loading" | "busy" | "idle" | "error" */
function setStatus(state, message) {
  ui.status.dataset.state = state;
  ui.status.textContent = message;
  ui.results.setAttribute('aria-busy', String(state === 'busy' || state === 'loading'));
}

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = false;
}

function clearError() {
  ui.error.textContent = '';
  ui.error.hidden = true;
}

// ---------------------------------------------------------------------------
// Rendering

function renderStats(result) {
  const stats = result.stats ?? {};
  const set = (el, value) => {
    el.textContent = String(value ?? 0);
  };
  set(ui.stats.words, stats.words);
  set(ui.stats.uniqueWords, stats.uniqueWords);
  set(ui.stats.sentences, stats.sentences);
  set(ui.stats.paragraphs, stats.paragraphs);
  set(ui.stats.quotes, (result.quotes ?? []).length);
  set(ui.stats.characters, stats.characters);
}

function speakerName(result, quote) {
  const speaker = quote.speaker == null ? null : result.speakers?.[quote.speaker];
  return speaker ? speaker.name : null;
}

function renderQuotes(result) {
  const quotes = result.quotes ?? [];
  const items = quotes.slice(0, MAX_LIST_ITEMS).map((quote, index) => {
    const name = speakerName(result, quote);
    const meta = h('p', { className: 'quote-meta' }, [
      h('span', {
        className: name ? 'quote-speaker' : 'quote-speaker unattributed',
        attrs: { 'data-testid': 'quote-speaker' },
        text: name ?? 'unattributed',
      }),
      h('span', {
        className: `badge kind kind-${String(quote.kind).replace(/[^a-z-]/gi, '')}`,
        attrs: { 'data-testid': 'quote-kind', title: 'Kind of quotation' },
        text: quote.kind,
      }),
      quote.cue
        ? h('span', {
            className: 'badge cue',
            attrs: { 'data-testid': 'quote-cue', title: 'Speech verb' },
            text: quote.cue.text,
          })
        : null,
      h('span', {
        className: 'quote-where',
        text: `sentence ${numberFormat.format((quote.sentence ?? 0) + 1)}`,
      }),
    ]);
    return h('li', { className: 'quote', attrs: { 'data-testid': 'quote', 'data-index': index } }, [
      h('q', { className: 'quote-text', attrs: { 'data-testid': 'quote-text' }, text: quote.text }),
      meta,
    ]);
  });
  const more = moreItemsNote(quotes.length);
  ui.quotes.replaceChildren(...items, ...(more ? [more] : []));
  setEmptyState('quotes', quotes.length === 0);
}

function renderSpeakers(result) {
  const speakers = result.speakers ?? [];
  const items = speakers.slice(0, MAX_LIST_ITEMS).map((speaker, index) => {
    const quoteCount = (speaker.quotes ?? []).length;
    const mentionCount = (speaker.mentions ?? []).length;
    return h('li', { className: 'speaker', attrs: { 'data-testid': 'speaker', 'data-index': index } }, [
      h('span', { className: 'speaker-name', attrs: { 'data-testid': 'speaker-name' }, text: speaker.name }),
      h('span', { className: 'speaker-counts' }, [
        h('span', {
          className: 'badge',
          attrs: { 'data-testid': 'speaker-quote-count', 'data-count': quoteCount },
          text: plural(quoteCount, 'quote', 'quotes'),
        }),
        h('span', {
          className: 'badge subtle',
          attrs: { 'data-testid': 'speaker-mention-count', 'data-count': mentionCount },
          text: plural(mentionCount, 'mention', 'mentions'),
        }),
      ]),
    ]);
  });
  const more = moreItemsNote(speakers.length);
  ui.speakers.replaceChildren(...items, ...(more ? [more] : []));
  setEmptyState('speakers', speakers.length === 0);
}

function renderSentences(result, source) {
  const sentences = result.sentences ?? [];
  let previousParagraph = null;
  const items = sentences.slice(0, MAX_LIST_ITEMS).map((sentence, index) => {
    const newParagraph = sentence.paragraph !== previousParagraph;
    previousParagraph = sentence.paragraph;
    const classes = ['sentence', index % 2 === 0 ? 'even' : 'odd'];
    if (newParagraph && index > 0) classes.push('paragraph-start');
    return h('li', {
      className: classes.join(' '),
      attrs: {
        'data-testid': 'sentence',
        'data-paragraph': sentence.paragraph,
        title: `Paragraph ${numberFormat.format((sentence.paragraph ?? 0) + 1)}`,
      },
      // The text as pasted (offsets are UTF-16, so slicing is exact); the analysis reads
      // the cleaned words, but the reader sees what they wrote.
      text: source.slice(sentence.start, sentence.end),
    });
  });
  const more = moreItemsNote(sentences.length);
  ui.sentences.replaceChildren(...items, ...(more ? [more] : []));
  setEmptyState('sentences', sentences.length === 0);
}

function renderDiagnostics(result) {
  const diagnostics = result.diagnostics ?? [];
  const items = diagnostics.slice(0, MAX_LIST_ITEMS).map((d) =>
    h('li', { className: 'diagnostic', attrs: { 'data-testid': 'diagnostic', 'data-code': d.code } }, [
      h('code', { text: d.code }),
      document.createTextNode(' '),
      h('span', { text: d.message }),
    ]),
  );
  ui.diagnostics.replaceChildren(...items);
  ui.diagnosticsPanel.hidden = diagnostics.length === 0;
}

function render(result, source) {
  renderStats(result);
  renderQuotes(result);
  renderSpeakers(result);
  renderSentences(result, source);
  renderDiagnostics(result);
}

// ---------------------------------------------------------------------------
// Worker communication

let worker = null;
let latestId = 0;
// The text of the latest request: result offsets point into it.
let latestText = '';
let debounceTimer = null;
let loaded = false;

function startWorker() {
  const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  w.addEventListener('message', onWorkerMessage);
  w.addEventListener('error', (event) => {
    event.preventDefault();
    // The worker script itself failed (it reports analyzer errors as
    // messages). Drop it; the next edit starts a fresh one.
    if (worker === w) worker = null;
    w.terminate();
    setStatus('error', 'Analyzer unavailable');
    showError(`The analyzer could not start${event.message ? `: ${event.message}` : '.'}`);
  });
  w.addEventListener('messageerror', () => {
    setStatus('error', 'Analyzer error');
    showError('The analyzer sent a reply that could not be read.');
  });
  return w;
}

function onWorkerMessage(event) {
  const { id, result, error } = event.data ?? {};
  if (id !== latestId) return; // stale reply: a newer request is on its way
  if (error !== undefined) {
    setStatus('error', 'Analysis failed');
    showError(`Analysis failed: ${error}`);
    return;
  }
  loaded = true;
  clearError();
  try {
    render(result, latestText);
  } catch (err) {
    setStatus('error', 'Display failed');
    showError(`Could not display the results: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  setStatus('idle', 'Up to date');
}

function analyzeNow() {
  clearTimeout(debounceTimer);
  debounceTimer = null;
  if (!worker) worker = startWorker();
  latestId += 1;
  setStatus(loaded ? 'busy' : 'loading', loaded ? 'Analyzing…' : 'Loading analyzer…');
  latestText = ui.input.value;
  worker.postMessage({ id: latestId, text: latestText });
}

function scheduleAnalysis() {
  // Invalidate any reply in flight right away, so results never describe
  // text older than what is in the box, and show that work is pending.
  latestId += 1;
  setStatus(loaded ? 'busy' : 'loading', loaded ? 'Analyzing…' : 'Loading analyzer…');
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(analyzeNow, DEBOUNCE_MS);
}

// ---------------------------------------------------------------------------
// Controls

ui.input.addEventListener('input', scheduleAnalysis);

ui.exampleButton.addEventListener('click', () => {
  ui.input.value = EXAMPLE_ARTICLE;
  analyzeNow();
  ui.input.focus();
  ui.input.setSelectionRange(0, 0);
  ui.input.scrollTop = 0;
});

ui.clearButton.addEventListener('click', () => {
  ui.input.value = '';
  analyzeNow();
  ui.input.focus();
});

// First analysis: loads the WebAssembly module and handles text the browser
// may have restored into the textarea.
analyzeNow();
