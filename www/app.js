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
  textView: $('[data-testid="text-view"]'),
  cleaning: $('[data-testid="cleaning"]'),
  fileInput: $('[data-testid="file-input"]'),
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

/** Colour slot of a speaker (the palette has 8; the name is always shown too). */
const speakerSlot = (index) => (index == null ? 'none' : String(index % 8));

const KIND_NOTE = {
  headline: 'Headline',
  byline: 'Byline',
  caption: 'Caption or photo credit',
  meta: 'Page furniture',
  duplicate: 'Repeated line',
};

/** Scrolls the text view to quote `index` and focuses its highlight. */
function showQuoteInText(index) {
  const mark = document.getElementById(`text-quote-${index}`);
  if (!mark) return;
  mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
}

function quoteItem(result, quote, index) {
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
  const jump = h('button', {
    className: 'link-button',
    attrs: { type: 'button', 'data-testid': 'quote-jump', 'aria-label': `Show quotation ${index + 1} in the text` },
    text: 'Show in text',
  });
  jump.addEventListener('click', () => showQuoteInText(index));
  return h('li', {
    className: 'quote',
    attrs: { 'data-testid': 'quote', 'data-index': index, 'data-speaker': speakerSlot(quote.speaker) },
  }, [
    h('q', { className: 'quote-text', attrs: { 'data-testid': 'quote-text' }, text: quote.text }),
    meta,
    jump,
  ]);
}

function renderQuotes(result) {
  const quotes = (result.quotes ?? []).slice(0, MAX_LIST_ITEMS);
  // Groups: each speaker in order, then unattributed quotations, then terms.
  const groups = new Map();
  const groupFor = (quote) => {
    if (quote.kind === 'term') return 'terms';
    return quote.speaker == null ? 'unattributed' : `s${quote.speaker}`;
  };
  for (const [i, speaker] of (result.speakers ?? []).entries()) {
    groups.set(`s${i}`, { title: speaker.name, slot: speakerSlot(i), items: [] });
  }
  groups.set('unattributed', { title: 'Unattributed', slot: 'none', items: [] });
  groups.set('terms', { title: 'Terms and titles (no speaker)', slot: 'none', items: [] });
  quotes.forEach((quote, index) => groups.get(groupFor(quote))?.items.push(quoteItem(result, quote, index)));
  const sections = [];
  for (const group of groups.values()) {
    if (group.items.length === 0) continue;
    sections.push(
      h('section', { className: 'quote-group', attrs: { 'data-testid': 'quote-group', 'data-speaker': group.slot } }, [
        h('h3', { className: 'quote-group-title' }, [
          h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }),
          h('span', { text: group.title }),
          h('span', { className: 'badge subtle', text: plural(group.items.length, 'quote', 'quotes') }),
        ]),
        h('ol', { className: 'quote-list' }, group.items),
      ]),
    );
  }
  const more = moreItemsNote((result.quotes ?? []).length);
  ui.quotes.replaceChildren(...sections, ...(more ? [h('ul', {}, [more])] : []));
  setEmptyState('quotes', quotes.length === 0);
}

/** Longest text rendered in the text view, in UTF-16 code units; the rest is summarised. */
const MAX_TEXT_VIEW = 400_000;

/**
 * The article as pasted, paragraph by paragraph: quotations highlighted per speaker and
 * followed by the speaker's name, repaired characters marked, non-body paragraphs dimmed.
 */
function renderTextView(result, source) {
  const quotes = result.quotes ?? [];
  const repairs = result.repairs ?? [];
  let q = 0;
  let r = 0;
  const paragraphs = [];
  const inside = (start, end, into) => {
    // Text of source[start, end) with repairs marked.
    let at = start;
    while (r < repairs.length && repairs[r].end <= start && repairs[r].start < start) r += 1;
    for (let k = r; k < repairs.length && repairs[k].start < end; k += 1) {
      const rep = repairs[k];
      if (rep.start < at) continue;
      if (rep.start > at) into.append(source.slice(at, rep.start));
      const original = source.slice(rep.start, Math.min(rep.end, end));
      const shown = rep.text === '' ? 'removed' : `“${rep.text}”`;
      into.append(
        h('span', {
          className: rep.text === '' ? 'repair removed' : 'repair',
          attrs: { 'data-testid': 'repair', title: `Repaired (${rep.kind}): “${original}” → ${shown}` },
          text: original,
        }),
      );
      at = Math.min(rep.end, end);
    }
    if (at < end) into.append(source.slice(at, end));
  };
  for (const [p, para] of (result.paragraphs ?? []).entries()) {
    if (para.start >= MAX_TEXT_VIEW) break;
    const el = h('p', {
      className: `para kind-${para.kind}`,
      attrs: { 'data-testid': 'text-paragraph', 'data-kind': para.kind, 'data-paragraph': p },
    });
    if (para.kind !== 'body') el.title = `${KIND_NOTE[para.kind] ?? para.kind}: left out of the counts`;
    let at = para.start;
    while (q < quotes.length && quotes[q].start < para.end) {
      const quote = quotes[q];
      if (quote.start >= at) {
        inside(at, quote.start, el);
        const name = speakerName(result, quote);
        const who = name ?? (quote.kind === 'term' ? 'term' : 'unattributed');
        const mark = h('mark', {
          className: 'text-quote',
          attrs: {
            id: `text-quote-${q}`,
            tabindex: '-1',
            'data-testid': 'text-quote',
            'data-speaker': speakerSlot(quote.speaker),
            title: `${who} · ${quote.kind}${quote.cue ? ` · “${quote.cue.text}”` : ''}`,
          },
        });
        inside(quote.start, Math.min(quote.end, para.end), mark);
        el.append(mark, h('sup', { className: 'text-quote-who', attrs: { 'data-speaker': speakerSlot(quote.speaker) }, text: who }));
        at = Math.min(quote.end, para.end);
      }
      q += 1;
    }
    inside(at, para.end, el);
    paragraphs.push(el);
  }
  if (source.length > MAX_TEXT_VIEW) {
    paragraphs.push(h('p', { className: 'more-items', text: `…the text view stops after ${numberFormat.format(MAX_TEXT_VIEW)} characters.` }));
  }
  ui.textView.replaceChildren(...paragraphs);
  setEmptyState('text', paragraphs.length === 0);
  // What cleaning did, in one line.
  const cleaningCodes = new Set(['repairedEncoding', 'removedMarkup', 'decodedEntities', 'removedInvisible', 'replacedControl', 'leftOut']);
  const notes = (result.diagnostics ?? []).filter((d) => cleaningCodes.has(d.code)).map((d) => d.message);
  ui.cleaning.textContent = notes.length ? `Cleaned: ${notes.join('; ')}.` : '';
  ui.cleaning.hidden = notes.length === 0;
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
  renderTextView(result, source);
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

/** Loads a dropped or opened file as text; HTML is cleaned by the analyzer, never rendered. */
async function loadFile(file) {
  if (!file) return;
  try {
    ui.input.value = await file.text();
  } catch (err) {
    showError(`Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  analyzeNow();
}

ui.fileInput.addEventListener('change', () => {
  loadFile(ui.fileInput.files?.[0]);
  ui.fileInput.value = '';
});
ui.input.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types?.includes('Files')) {
    event.preventDefault();
    ui.input.classList.add('dropping');
  }
});
ui.input.addEventListener('dragleave', () => ui.input.classList.remove('dropping'));
ui.input.addEventListener('drop', (event) => {
  const file = event.dataTransfer?.files?.[0];
  ui.input.classList.remove('dropping');
  if (!file) return;
  event.preventDefault();
  loadFile(file);
});

ui.clearButton.addEventListener('click', () => {
  ui.input.value = '';
  analyzeNow();
  ui.input.focus();
});

// First analysis: loads the WebAssembly module and handles text the browser
// may have restored into the textarea.
analyzeNow();
