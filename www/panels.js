// The result panels beside the text view: counts, quotes by speaker, speakers, sentences and
// notes. The lists are generators (see scheduler.js) yielding 1 per item.

import { chunkedAppender, clearGradually, h, numberFormat, plural, speakerName, speakerSlot } from './dom.js';

/** From this many items on, a list lets the browser skip its off-screen chunks (see style.css). */
const LONG_LIST = 200;

/** Longest sentence list rendered in full (the text view shows every sentence). */
export const MAX_SENTENCE_ITEMS = 1000;

export function setEmptyState(name, isEmpty) {
  const note = document.querySelector(`[data-empty-for="${name}"]`);
  if (note) note.hidden = !isEmpty;
}

export function renderStats(stats, result) {
  const s = result.stats ?? {};
  const set = (el, value) => {
    el.textContent = String(value ?? 0);
  };
  set(stats.words, s.words);
  set(stats.uniqueWords, s.uniqueWords);
  set(stats.sentences, s.sentences);
  set(stats.paragraphs, s.paragraphs);
  set(stats.quotes, (result.quotes ?? []).length);
  set(stats.characters, s.characters);
}

function quoteItem(result, quote, index) {
  const name = speakerName(result, quote);
  const kind = String(quote.kind).replace(/[^a-z]/gi, '');
  const meta = h('p', { className: 'quote-meta' }, [
    h('span', {
      className: name ? 'quote-speaker' : 'quote-speaker unattributed',
      attrs: { 'data-testid': 'quote-speaker' },
      text: name ?? (quote.kind === 'term' ? 'no speaker' : 'unattributed'),
    }),
    h('span', { className: `badge kind kind-${kind}`, attrs: { 'data-testid': 'quote-kind', title: 'Kind of quotation' }, text: quote.kind }),
    quote.cue
      ? h('span', { className: 'badge cue', attrs: { 'data-testid': 'quote-cue', title: 'Speech verb' }, text: quote.cue.text })
      : h('span', { className: 'badge cue none', attrs: { title: 'No speech verb: the speaker was carried over or not found' }, text: 'none' }),
    h('span', { className: 'quote-where', text: `sentence ${numberFormat.format((quote.sentence ?? 0) + 1)}` }),
  ]);
  const jump = h('button', { className: 'link-button', attrs: { type: 'button', 'data-testid': 'quote-jump' } }, [
    'Show in text',
    h('span', { className: 'visually-hidden', text: ` (quotation ${index + 1})` }),
  ]);
  return h(
    'li',
    { className: 'quote', attrs: { 'data-testid': 'quote', 'data-index': index, 'data-speaker': speakerSlot(quote.speaker) } },
    [h('q', { className: 'quote-text', attrs: { 'data-testid': 'quote-text' }, text: quote.text }), meta, jump],
  );
}

/** Quotations grouped by speaker (in speaker order), then unattributed ones, then terms. */
export function* renderQuotes(container, result) {
  const quotes = result.quotes ?? [];
  const speakers = result.speakers ?? [];
  const keyOf = (quote) => (quote.kind === 'term' ? 'terms' : quote.speaker == null ? 'unattributed' : `s${quote.speaker}`);
  const counts = new Map();
  for (const quote of quotes) counts.set(keyOf(quote), (counts.get(keyOf(quote)) ?? 0) + 1);
  const groups = [];
  speakers.forEach((speaker, i) => groups.push({ key: `s${i}`, title: speaker.name, slot: speakerSlot(i) }));
  groups.push({ key: 'unattributed', title: 'Unattributed', slot: 'none' });
  groups.push({ key: 'terms', title: 'Terms and titles (no speaker)', slot: 'none' });
  yield* clearGradually(container);
  const lists = new Map();
  const sections = [];
  for (const group of groups) {
    const count = counts.get(group.key) ?? 0;
    if (count === 0) continue;
    const list = h('div', { className: 'quote-lists' });
    lists.set(group.key, chunkedAppender(list, () => h('ol', { className: 'quote-list chunk' })));
    sections.push(
      h('section', { className: 'quote-group', attrs: { 'data-testid': 'quote-group', 'data-speaker': group.slot } }, [
        h('h3', { className: 'quote-group-title' }, [
          h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }),
          h('span', { className: 'quote-group-name', text: group.title }),
          h('span', { className: 'badge subtle', text: plural(count, 'quote', 'quotes') }),
        ]),
        list,
      ]),
    );
  }
  container.replaceChildren(...sections);
  container.classList.toggle('long', quotes.length > LONG_LIST);
  setEmptyState('quotes', quotes.length === 0);
  for (let i = 0; i < quotes.length; i += 1) {
    lists.get(keyOf(quotes[i]))?.(quoteItem(result, quotes[i], i));
    yield 1;
  }
}

export function* renderSpeakers(container, result) {
  const speakers = result.speakers ?? [];
  yield* clearGradually(container);
  container.classList.toggle('long', speakers.length > LONG_LIST);
  setEmptyState('speakers', speakers.length === 0);
  const append = chunkedAppender(container, () => h('ul', { className: 'speaker-list chunk' }));
  for (let index = 0; index < speakers.length; index += 1) {
    const speaker = speakers[index];
    const quoteCount = (speaker.quotes ?? []).length;
    const mentionCount = (speaker.mentions ?? []).length;
    append(
      h('li', { className: 'speaker', attrs: { 'data-testid': 'speaker', 'data-index': index, 'data-speaker': speakerSlot(index) } }, [
        h('span', { className: 'speaker-label' }, [
          h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } }),
          h('span', { className: 'speaker-name', attrs: { 'data-testid': 'speaker-name' }, text: speaker.name }),
        ]),
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
      ]),
    );
    yield 1;
  }
}

/** Sentences as pasted (offsets are UTF-16, so slicing is exact), the first MAX_SENTENCE_ITEMS of them. */
export function* renderSentences(container, result, source) {
  const sentences = result.sentences ?? [];
  yield* clearGradually(container);
  container.classList.toggle('long', sentences.length > LONG_LIST);
  setEmptyState('sentences', sentences.length === 0);
  const append = chunkedAppender(container, () => h('ol', { className: 'sentence-list chunk' }));
  let previousParagraph = null;
  const shown = Math.min(sentences.length, MAX_SENTENCE_ITEMS);
  for (let index = 0; index < shown; index += 1) {
    const sentence = sentences[index];
    const classes = ['sentence', index % 2 === 0 ? 'even' : 'odd'];
    if (sentence.paragraph !== previousParagraph && index > 0) classes.push('paragraph-start');
    previousParagraph = sentence.paragraph;
    append(
      h('li', {
        className: classes.join(' '),
        attrs: {
          'data-testid': 'sentence',
          'data-n': index + 1,
          'data-paragraph': sentence.paragraph,
          title: `Paragraph ${numberFormat.format((sentence.paragraph ?? 0) + 1)}`,
        },
        text: source.slice(sentence.start, sentence.end),
      }),
    );
    yield 1;
  }
  if (sentences.length > shown) {
    container.append(
      h('p', {
        className: 'more-items',
        text: `…and ${numberFormat.format(sentences.length - shown)} more (the text view shades every sentence)`,
      }),
    );
  }
}

const CLEANING_CODES = new Set(['repairedEncoding', 'removedMarkup', 'decodedEntities', 'removedInvisible', 'replacedControl', 'leftOut']);

export function renderDiagnostics(ui, result) {
  const diagnostics = result.diagnostics ?? [];
  ui.diagnostics.replaceChildren(
    ...diagnostics.map((d) =>
      h('li', { className: 'diagnostic', attrs: { 'data-testid': 'diagnostic', 'data-code': d.code } }, [
        h('code', { text: d.code }),
        document.createTextNode(' '),
        h('span', { text: d.message }),
      ]),
    ),
  );
  ui.diagnosticsPanel.hidden = diagnostics.length === 0;
  // What cleaning did, in one line above the text.
  const notes = diagnostics.filter((d) => CLEANING_CODES.has(d.code)).map((d) => d.message);
  ui.cleaning.textContent = notes.length ? `Cleaned: ${notes.join('; ')}.` : '';
  ui.cleaning.hidden = notes.length === 0;
}
