// The statistics panel: readability scores with their bands, reading and speaking time, more
// counts, a top-words bar chart (with a stop-word switch), top phrases and names, and the
// sentence-length histogram. Everything is built with DOM calls and textContent; the charts are
// SVG elements whose sizes are attributes, so the page's CSP (no inline styles) holds.

const SVG = 'http://www.w3.org/2000/svg';
const number = new Intl.NumberFormat('en');
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

const SCORES = [
  ['fleschReadingEase', 'Flesch Reading Ease', '0–100, higher is easier; 60–70 is plain English'],
  ['fleschKincaidGrade', 'Flesch–Kincaid grade', 'U.S. school grade'],
  ['gunningFog', 'Gunning Fog', 'years of schooling'],
  ['smog', 'SMOG', 'school grade, from words of 3+ syllables'],
  ['colemanLiau', 'Coleman–Liau', 'school grade, from letters per word'],
  ['automatedReadabilityIndex', 'Automated Readability Index', 'school grade, from letters per word'],
  ['lix', 'LIX', 'under 30 very easy, over 60 very hard'],
];

function el(tag, { className, text, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

/** "2 min 05 s", "45 s". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds ?? 0));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${number.format(m)} min ${String(s % 60).padStart(2, '0')} s`;
}

function show(value) {
  return value == null ? '—' : decimal.format(value);
}

/** A horizontal bar chart of `{ text, count }` items as an SVG with a text fallback. */
function barChart(items, { label, testId }) {
  const rowHeight = 22;
  const labelWidth = 140;
  const width = 420;
  const max = Math.max(1, ...items.map((i) => i.count));
  const height = Math.max(rowHeight, items.length * rowHeight);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart bar-chart',
    role: 'img',
    'data-testid': testId,
  });
  chart.append(svg('title', {}, label));
  items.forEach((item, i) => {
    const y = i * rowHeight;
    const barWidth = ((width - labelWidth - 40) * item.count) / max;
    const row = svg('g', { class: 'bar-row', 'data-testid': `${testId}-bar` });
    row.append(
      svg('text', { x: labelWidth - 6, y: y + 15, class: 'bar-label', 'text-anchor': 'end' }, item.text),
      svg('rect', { x: labelWidth, y: y + 4, width: Math.max(2, barWidth), height: rowHeight - 8, class: 'bar', rx: 2 }),
      svg('text', { x: labelWidth + barWidth + 6, y: y + 15, class: 'bar-value' }, number.format(item.count)),
    );
    chart.append(row);
  });
  return chart;
}

/** The sentence-length histogram as vertical bars with labels and counts. */
function histogram(bins) {
  const width = 420;
  const height = 170;
  const bottom = 140;
  const slot = width / bins.length;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart histogram',
    role: 'img',
    'data-testid': 'histogram',
  });
  chart.append(svg('title', {}, 'Sentences by length in words'));
  bins.forEach((bin, i) => {
    const barHeight = ((bottom - 24) * bin.count) / max;
    const x = i * slot + slot * 0.15;
    const label = bin.max == null ? `${bin.min}+` : `${bin.min}–${bin.max}`;
    const g = svg('g', { 'data-testid': 'histogram-bin' });
    g.append(
      svg('rect', { x, y: bottom - barHeight, width: slot * 0.7, height: Math.max(barHeight, 1), class: 'bar', rx: 2 }),
      svg('text', { x: x + slot * 0.35, y: bottom - barHeight - 6, class: 'bar-value', 'text-anchor': 'middle' }, number.format(bin.count)),
      svg('text', { x: x + slot * 0.35, y: bottom + 18, class: 'bar-label', 'text-anchor': 'middle' }, label),
    );
    chart.append(g);
  });
  chart.append(svg('text', { x: width / 2, y: height - 2, class: 'axis-label', 'text-anchor': 'middle' }, 'words per sentence'));
  return chart;
}

function definitionList(rows, className) {
  const dl = el('dl', { className });
  for (const [term, value, testId, note] of rows) {
    const shown = el('span', { className: 'stat-value', text: value, attrs: testId ? { 'data-testid': testId } : {} });
    const dd = el('dd', {}, [shown]);
    if (note) dd.append(el('span', { className: 'stat-note', text: note }));
    dl.append(el('div', { className: 'stat' }, [el('dt', { text: term }), dd]));
  }
  return dl;
}

function rankedList(items, testId, empty) {
  if (!items.length) return el('p', { className: 'empty-note', text: empty });
  const ol = el('ol', { className: 'ranked-list', attrs: { 'data-testid': testId } });
  for (const item of items.slice(0, 10)) {
    ol.append(el('li', {}, [el('span', { text: item.text }), el('span', { className: 'count', text: ` ${number.format(item.count)}` })]));
  }
  return ol;
}

/**
 * Creates the panel inside `root` and returns `{ render(result), clear() }`. The stop-word switch
 * keeps its state across renders.
 */
export function createStatsPanel(root) {
  let withStopWords = false;
  let latest = null;

  const toggle = el('input', { attrs: { type: 'checkbox', id: 'stopword-toggle', 'data-testid': 'stopword-toggle' } });
  toggle.addEventListener('change', () => {
    withStopWords = toggle.checked;
    if (latest) renderTopWords(latest);
  });
  const toggleLabel = el('label', { className: 'switch', attrs: { for: 'stopword-toggle' } }, [toggle, ' Include stop words']);

  const summary = el('div', { className: 'readability-summary', attrs: { 'data-testid': 'readability-summary' } });
  const scores = el('div', { className: 'scores' });
  const times = el('div', { className: 'times' });
  const more = el('div', { className: 'more-counts' });
  const topWords = el('div', { className: 'chart-box' });
  const phrases = el('div', { className: 'phrases' });
  const lengths = el('div', { className: 'chart-box' });

  root.replaceChildren(
    summary, scores, times,
    el('h3', { text: 'More counts' }), more,
    el('div', { className: 'chart-heading' }, [el('h3', { text: 'Top words' }), toggleLabel]), topWords,
    el('h3', { text: 'Sentence lengths' }), lengths,
    el('h3', { text: 'Phrases and names' }), phrases,
  );

  function renderTopWords(stats) {
    const items = (withStopWords ? stats.topWordsWithStopWords : stats.topWords) ?? [];
    topWords.replaceChildren(
      items.length
        ? barChart(items.slice(0, 15), { label: withStopWords ? 'Most frequent words' : 'Most frequent words, stop words left out', testId: 'top-words' })
        : el('p', { className: 'empty-note', text: 'No words yet.' }),
    );
  }

  function render(result) {
    const stats = result?.stats ?? {};
    latest = stats;
    const r = stats.readability ?? {};
    summary.replaceChildren(
      r.band
        ? el('p', {}, [
          el('strong', { text: `${show(r.fleschReadingEase)} · ${r.band}` }),
          ` — needs about ${r.schooling} reading level (Flesch Reading Ease).`,
        ])
        : el('p', { className: 'empty-note', text: 'Scores appear once there is a sentence.' }),
    );
    scores.replaceChildren(definitionList(
      SCORES.map(([key, name, note]) => [name, show(r[key]), `score-${key}`, note]),
      'stats scores-list',
    ));
    times.replaceChildren(definitionList([
      ['Reading time', duration(stats.readingTimeSeconds), 'reading-time', 'at 238 words a minute'],
      ['Speaking time', duration(stats.speakingTimeSeconds), 'speaking-time', 'at 140 words a minute'],
    ], 'stats'));
    more.replaceChildren(definitionList([
      ['Characters (no spaces)', number.format(stats.charactersNoSpaces ?? 0), 'stat-characters-no-spaces'],
      ['Letters', number.format(stats.letters ?? 0), 'stat-letters'],
      ['Syllables', number.format(stats.syllables ?? 0), 'stat-syllables'],
      ['Words per sentence', show(stats.wordsPerSentence), 'stat-words-per-sentence'],
      ['Syllables per word', show(stats.syllablesPerWord), 'stat-syllables-per-word'],
      ['Letters per word', show(stats.lettersPerWord), 'stat-letters-per-word'],
      ['Longest sentence', `${number.format(stats.longestSentenceWords ?? 0)} words`, 'stat-longest-sentence'],
      ['Words of 3+ syllables', number.format(stats.polysyllabicWords ?? 0), 'stat-polysyllabic'],
      ['Long words (7+ letters)', number.format(stats.longWords ?? 0), 'stat-long-words'],
      ['Type-token ratio', show(stats.typeTokenRatio), 'stat-type-token-ratio'],
      ['Lexical density', show(stats.lexicalDensity), 'stat-lexical-density'],
    ], 'stats'));
    renderTopWords(stats);
    lengths.replaceChildren(histogram(stats.sentenceLengthHistogram ?? []));
    phrases.replaceChildren(
      el('div', {}, [el('h4', { text: 'Names' }), rankedList(stats.topNames ?? [], 'top-names', 'No names found.')]),
      el('div', {}, [el('h4', { text: 'Two-word phrases' }), rankedList(stats.topBigrams ?? [], 'top-bigrams', 'No phrase occurs twice.')]),
      el('div', {}, [el('h4', { text: 'Three-word phrases' }), rankedList(stats.topTrigrams ?? [], 'top-trigrams', 'No phrase occurs twice.')]),
    );
  }

  return { render, clear: () => render({ stats: {} }) };
}
