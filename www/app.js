// Page controller for article-analyzer.
//
// The analysis runs in a module Web Worker (the package's createAnalyzer). Every request gets an
// increasing id; replies for anything but the latest request are ignored, so
// a slow reply can never overwrite newer results. Results are drawn in slices
// (scheduler.js) so that a megabyte of text never freezes the page, and a newer
// result cancels the drawing of an older one.
//
// All text that comes from the user (or from the analyzer, which echoes the
// user's text) is rendered with textContent / text nodes only.

import { EXAMPLE_ARTICLE } from './example.js';
import { plural, sizeLabel } from './dom.js';
import { analysisJson, fileStem, quotesCsv, quotesMarkdown } from './export.js';
import { renderDiagnostics, renderQuotes, renderSentences, renderSpeakers, renderStats, setEmptyState, MAX_SENTENCE_ITEMS } from './panels.js';
import { cancelJob, runJob } from './scheduler.js';
import { createTextStore } from './storage.js';
import { renderTextView, setRoving, setupTextView } from './textview.js';
import { createStatsPanel } from './stats-panel.js';

const DEBOUNCE_MS = 150;
const SAVE_DEBOUNCE_MS = 600;
/** From this length on, the stages of the work are shown with a progress bar. */
const PROGRESS_MIN_LENGTH = 100_000;
const STORAGE_KEY = 'article-analyzer:text';

const $ = (selector) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`Missing element: ${selector}`);
  return el;
};

const ui = {
  input: $('[data-testid="input"]'),
  exampleButton: $('[data-testid="example-button"]'),
  clearButton: $('[data-testid="clear-button"]'),
  fileInput: $('[data-testid="file-input"]'),
  storageNote: $('[data-testid="storage-note"]'),
  status: $('[data-testid="status"]'),
  progress: $('[data-testid="progress"]'),
  progressBar: $('[data-testid="progress"] progress'),
  progressText: $('[data-testid="progress"] .progress-text'),
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
  exportJson: $('[data-testid="export-json"]'),
  exportCsv: $('[data-testid="export-csv"]'),
  copyMarkdown: $('[data-testid="copy-markdown"]'),
  exportStatus: $('[data-testid="export-status"]'),
  markdownFallback: $('[data-testid="markdown-fallback"]'),
  textView: $('[data-testid="text-view"]'),
  quoteTip: $('[data-testid="quote-tip"]'),
  cleaning: $('[data-testid="cleaning"]'),
  quotes: $('[data-testid="quotes"]'),
  speakers: $('[data-testid="speakers"]'),
  sentences: $('[data-testid="sentences"]'),
  diagnosticsPanel: $('[data-testid="diagnostics-panel"]'),
  diagnostics: $('[data-testid="diagnostics"]'),
  statsDetail: $('[data-testid="stats-detail"]'),
  styleToggles: {
    hard: $('[data-testid="toggle-hard"]'),
    adverbs: $('[data-testid="toggle-adverbs"]'),
    passive: $('[data-testid="toggle-passive"]'),
  },
};

// ---------------------------------------------------------------------------
// Status, progress and errors

/** Sets an attribute or text only when it changes: on every key of a long text, writes cost layout. */
function setAttr(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** state: "loading" | "busy" (analyzing) | "rendering" | "idle" | "error" */
function setStatus(state, message) {
  setAttr(ui.status, 'data-state', state);
  setText(ui.status, message);
  setAttr(ui.results, 'aria-busy', String(state === 'busy' || state === 'loading' || state === 'rendering'));
  if (state === 'idle' || state === 'error') hideProgress();
}

/** fraction: 0..1, or null for "working, no estimate". */
function showProgress(label, fraction) {
  if (ui.progress.hidden) ui.progress.hidden = false;
  setAttr(ui.progress, 'data-stage', label);
  if (fraction === null) {
    if (ui.progressBar.hasAttribute('value')) ui.progressBar.removeAttribute('value');
    setText(ui.progressText, `${label}…`);
  } else {
    const percent = Math.min(100, Math.floor(fraction * 100));
    if (ui.progressBar.value !== percent || !ui.progressBar.hasAttribute('value')) ui.progressBar.value = percent;
    setText(ui.progressText, `${label} ${percent}%`);
  }
}

function hideProgress() {
  if (!ui.progress.hidden) ui.progress.hidden = true;
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

/** The result on screen and the text its offsets point into. */
let shown = { result: null, text: '' };
/** A "Show in text" for a quotation not drawn yet: done when it is. */
let pendingJump = null;

const tooltip = setupTextView(ui.textView, ui.quoteTip);
const statsPanel = createStatsPanel(ui.statsDetail);
statsPanel.clear();

// The highlight switches only add a class to the text view: the marks are always drawn, and CSS
// shows them when their switch is on.
for (const [name, box] of Object.entries(ui.styleToggles)) {
  const apply = () => ui.textView.classList.toggle(`show-${name}`, box.checked);
  box.addEventListener('change', apply);
  apply();
}

function* renderSteps(result, text) {
  yield* renderTextView(ui.textView, result, text, {
    onQuote: (index, mark) => {
      if (index === 0) mark.tabIndex = 0;
    },
  });
  setEmptyState('text', (result.paragraphs ?? []).length === 0);
  yield* renderQuotes(ui.quotes, result);
  yield* renderSpeakers(ui.speakers, result);
  yield* renderSentences(ui.sentences, result, text);
}

function renderResult(result, text, id) {
  shown = { result, text };
  tooltip.hide();
  renderStats(ui.stats, result);
  statsPanel.render(result);
  renderDiagnostics(ui, result);
  const total =
    (result.paragraphs ?? []).length +
    (result.quotes ?? []).length +
    (result.speakers ?? []).length +
    Math.min((result.sentences ?? []).length, MAX_SENTENCE_ITEMS);
  const big = text.length >= PROGRESS_MIN_LENGTH;
  setStatus('rendering', 'Rendering…');
  runJob(renderSteps(result, text), {
    total: Math.max(total, 1),
    onSlice: (done, all, finished) => {
      if (id !== latestId) return;
      if (!finished && (big || done < all)) showProgress('Rendering', done / all);
      if (pendingJump !== null && document.getElementById(`text-quote-${pendingJump}`)) {
        const index = pendingJump;
        pendingJump = null;
        showQuoteInText(index);
      }
    },
    onDone: () => {
      // Exactly one quotation of the text view is in the tab order.
      const first = ui.textView.querySelector('.text-quote');
      const current = ui.textView.querySelector('.text-quote[tabindex="0"]') ?? first;
      if (current) setRoving(ui.textView, current);
      if (id === latestId) setStatus('idle', 'Up to date');
    },
  });
}

/** Scrolls the text view to quote `index` and focuses its highlight. */
function showQuoteInText(index) {
  const mark = document.getElementById(`text-quote-${index}`);
  if (!mark) {
    pendingJump = index;
    return;
  }
  setRoving(ui.textView, mark);
  mark.scrollIntoView({ block: 'center', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth; // restart the animation
  mark.classList.add('flash');
}

ui.quotes.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-testid="quote-jump"]') : null;
  if (!button) return;
  const index = Number(button.closest('[data-testid="quote"]')?.dataset.index);
  if (Number.isInteger(index)) showQuoteInText(index);
});

// ---------------------------------------------------------------------------
// Worker communication
//
// The package runs the analysis: createAnalyzer({ worker: true }) (pkg/index.js)
// starts a module worker and answers each analyze() with a promise. The package is imported
// lazily, so a missing or broken pkg/ shows as an error on the page instead of a page that never
// starts. A new request aborts the one before it: the worker skips aborted requests it has not
// started, so a burst of edits costs one analysis, and a reply to anything but the newest
// request is ignored.

let analyzerPromise = null;
let latestId = 0;
// The text of the latest request: result offsets point into it.
let latestText = '';
let debounceTimer = null;
let loaded = false;
// Aborts the newest request still in flight.
let inFlight = null;

function getAnalyzer() {
  if (!analyzerPromise) {
    analyzerPromise = import('./pkg/index.js').then((pkg) => pkg.createAnalyzer({ worker: true }));
    // Let a later edit try again after a failed start.
    analyzerPromise.catch(() => {
      analyzerPromise = null;
    });
  }
  return analyzerPromise;
}

/** Drops the analyzer after a failure; the next edit starts a fresh one. */
async function dropAnalyzer(promise) {
  if (analyzerPromise === promise) analyzerPromise = null;
  (await promise.catch(() => null))?.terminate();
}

function cancelInFlight() {
  inFlight?.abort();
  inFlight = null;
}

function onResult(id, result) {
  if (id !== latestId) return; // stale reply: a newer request is on its way
  loaded = true;
  clearError();
  try {
    renderResult(result, latestText, id);
  } catch (err) {
    cancelJob();
    setStatus('error', 'Display failed');
    showError(`Could not display the results: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function requestAnalysis(id, text) {
  const controller = new AbortController();
  inFlight = controller;
  const started = getAnalyzer();
  let analyzer;
  try {
    analyzer = await started;
  } catch (err) {
    if (id !== latestId) return;
    cancelJob();
    setStatus('error', 'Analyzer unavailable');
    showError(`The analyzer could not start: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (controller.signal.aborted) return;
  let result;
  try {
    result = await analyzer.analyze(text, null, { signal: controller.signal });
  } catch (err) {
    if (controller.signal.aborted || id !== latestId) return;
    dropAnalyzer(started);
    cancelJob();
    setStatus('error', 'Analysis failed');
    showError(`Analysis failed: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  if (inFlight === controller) inFlight = null;
  onResult(id, result);
}

function analyzingStatus(text) {
  if (!loaded) return setStatus('loading', 'Loading analyzer…');
  setStatus('busy', text.length >= PROGRESS_MIN_LENGTH ? `Analyzing ${sizeLabel(text.length)}…` : 'Analyzing…');
  if (text.length >= PROGRESS_MIN_LENGTH) showProgress('Analyzing', null);
}

function analyzeNow() {
  clearTimeout(debounceTimer);
  debounceTimer = null;
  cancelInFlight();
  latestId += 1;
  latestText = ui.input.value;
  analyzingStatus(latestText);
  requestAnalysis(latestId, latestText);
}

function scheduleAnalysis() {
  // Invalidate any reply in flight right away, so results never describe
  // text older than what is in the box, and show that work is pending.
  // The length of the text last sent stands in for the current one: reading the value of a long
  // text box on every key costs more than the label is worth.
  cancelInFlight();
  latestId += 1;
  analyzingStatus(latestText);
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(analyzeNow, DEBOUNCE_MS);
}

// ---------------------------------------------------------------------------
// Keeping the text in this browser (localStorage only)

const store = createTextStore(STORAGE_KEY);
let saveTimer = null;

const STORAGE_NOTES = {
  saved: 'Your text is kept in this browser only, so it survives a reload. Clear removes it.',
  cleared: 'Your text is kept in this browser only, so it survives a reload. Clear removes it.',
  full: 'This text is too long for this browser’s storage: it is not kept, and a reload will not bring it back.',
  unavailable: 'This browser does not let the page keep your text: a reload will not bring it back.',
};

function setStorageNote(state) {
  ui.storageNote.dataset.state = state;
  ui.storageNote.textContent = STORAGE_NOTES[state];
}

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = null;
  setStorageNote(store.save(ui.input.value));
}

function scheduleSave() {
  clearTimeout(saveTimer);
  // Writing a long text takes a while: wait longer, then do it when the page is idle.
  const long = latestText.length >= PROGRESS_MIN_LENGTH;
  saveTimer = setTimeout(() => {
    if (long && typeof requestIdleCallback === 'function') requestIdleCallback(() => saveTimer !== null && saveNow(), { timeout: 2000 });
    else saveNow();
  }, long ? SAVE_DEBOUNCE_MS * 3 : SAVE_DEBOUNCE_MS);
}

// Save what is pending when the page goes away (a reload right after typing keeps it).
window.addEventListener('pagehide', () => {
  if (saveTimer !== null) saveNow();
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden' && saveTimer !== null) saveNow();
});

// ---------------------------------------------------------------------------
// Exports (Blob + object URL: the file never leaves the page's origin)

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function exportNote(message) {
  ui.exportStatus.textContent = message;
}

ui.exportJson.addEventListener('click', () => {
  if (!shown.result) return exportNote('Nothing to export yet.');
  download(`${fileStem(shown.result, shown.text)}-analysis.json`, analysisJson(shown.result), 'application/json');
  exportNote('Downloaded the analysis as JSON.');
});

ui.exportCsv.addEventListener('click', () => {
  if (!shown.result) return exportNote('Nothing to export yet.');
  download(`${fileStem(shown.result, shown.text)}-quotes.csv`, quotesCsv(shown.result), 'text/csv;charset=utf-8');
  exportNote(`Downloaded ${plural(shown.result.quotes?.length ?? 0, 'quotation', 'quotations')} as CSV.`);
});

/** Copy with the old selection-based command, for browsers without the clipboard API here. */
function copyWithSelection(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

ui.copyMarkdown.addEventListener('click', async () => {
  if (!shown.result) return exportNote('Nothing to copy yet.');
  const markdown = quotesMarkdown(shown.result);
  const count = plural(shown.result.quotes?.length ?? 0, 'quotation', 'quotations');
  ui.markdownFallback.hidden = true;
  let copied = false;
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard API');
    await navigator.clipboard.writeText(markdown);
    copied = true;
  } catch {
    copied = copyWithSelection(markdown);
    ui.copyMarkdown.focus();
  }
  if (copied) {
    exportNote(`Copied ${count} as Markdown.`);
    return;
  }
  // Last resort: show the Markdown, selected, for the reader to copy.
  const area = ui.markdownFallback.querySelector('textarea');
  area.value = markdown;
  ui.markdownFallback.hidden = false;
  area.focus();
  area.select();
  exportNote('Copying is blocked here: the Markdown is shown below, selected — press Ctrl+C (⌘C) to copy it.');
});

// ---------------------------------------------------------------------------
// Controls

ui.input.addEventListener('input', () => {
  scheduleAnalysis();
  scheduleSave();
});

function replaceText(text) {
  ui.input.value = text;
  analyzeNow();
  saveNow();
}

ui.exampleButton.addEventListener('click', () => {
  replaceText(EXAMPLE_ARTICLE);
  ui.input.focus();
  ui.input.setSelectionRange(0, 0);
  ui.input.scrollTop = 0;
});

/** Loads a dropped or opened file as text; HTML is cleaned by the analyzer, never rendered. */
async function loadFile(file) {
  if (!file) return;
  try {
    replaceText(await file.text());
  } catch (err) {
    showError(`Could not read ${file.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
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
  clearTimeout(saveTimer);
  saveTimer = null;
  setStorageNote(store.clear());
  ui.markdownFallback.hidden = true;
  exportNote('');
  analyzeNow();
  ui.input.focus();
});

// Start: bring back the text kept in this browser, then run the first analysis (which also
// loads the WebAssembly module).
const saved = store.load();
if (saved && ui.input.value === '') ui.input.value = saved;
setStorageNote(store.available ? 'saved' : 'unavailable');
analyzeNow();

