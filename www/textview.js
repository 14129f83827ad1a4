// The text view: the article as pasted, paragraph by paragraph, with
//   - sentences shaded alternately (a translucent layer, so it shows inside quotations too),
//   - quotations highlighted in their speaker's colour and followed by the speaker's name,
//   - speaker mentions underlined and the dateline marked,
//   - repaired characters dotted, non-body paragraphs dimmed and labelled.
// All five are ranges over the same text; each paragraph is cut at every range boundary and the
// pieces are nested quote > sentence > mention > repair, so overlapping ranges still nest.
//
// Rendering is a generator (see scheduler.js): it yields after each paragraph, and inside a long
// paragraph after every few dozen pieces, so a 1 MB article never blocks the page for long.

import { h, speakerLabel, speakerSlot } from './dom.js';

export const KIND_NOTE = {
  headline: 'Headline',
  byline: 'Byline',
  caption: 'Caption or photo credit',
  meta: 'Page furniture',
  duplicate: 'Repeated line',
};

/** Pieces appended to a paragraph between two yields. */
const PIECES_PER_STEP = 48;

/** Paragraphs per chunk of the view. */
const CHUNK_SIZE = 32;

/** From this many paragraphs on, off-screen ones are left unrendered until scrolled to. */
const LONG_PARAGRAPHS = 200;

/** Closing quotation marks: a speaker label goes after them. */
const CLOSERS = '”"’\'»›」』';

/** Speaker mentions and datelines as one sorted list of non-overlapping ranges. */
function markRanges(result) {
  const ranges = [];
  (result.speakers ?? []).forEach((speaker, index) => {
    for (const m of speaker.mentions ?? []) {
      if (m.end > m.start) ranges.push({ start: m.start, end: m.end, type: 'mention', speaker: index, name: speaker.name });
    }
  });
  for (const para of result.paragraphs ?? []) {
    const d = para.dateline;
    if (d && d.end > d.start) ranges.push({ start: d.start, end: d.end, type: 'dateline' });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const r of ranges) if (kept.length === 0 || r.start >= kept[kept.length - 1].end) kept.push(r);
  return kept;
}

/** The adverbs or passive constructions of every sentence as one sorted list of ranges. */
function styleRanges(result, key) {
  const ranges = [];
  for (const sentence of result.sentences ?? []) {
    for (const r of sentence[key] ?? []) if (r.end > r.start) ranges.push(r);
  }
  ranges.sort(byStart);
  const kept = [];
  for (const r of ranges) if (kept.length === 0 || r.start >= kept[kept.length - 1].end) kept.push(r);
  return kept;
}

const nonEmpty = (list) => (list ?? []).filter((x) => x.end > x.start);
const byStart = (a, b) => a.start - b.start;

/**
 * Render `result` for `source` into `view`, replacing its paragraphs in place (the view keeps
 * its scroll position and shows the old text below the part already redrawn).
 * Yields 1 per paragraph. `onQuote(index)` is called for each quotation mark created.
 */
export function* renderTextView(view, result, source, { onQuote } = {}) {
  const paragraphs = result.paragraphs ?? [];
  // A long article lets the browser skip off-screen paragraphs (see style.css).
  view.classList.toggle('long', paragraphs.length > LONG_PARAGRAPHS);
  // Layers, in nesting order: quote, sentence, mention/dateline, repair. Each is sorted and disjoint.
  const layers = [
    nonEmpty(result.quotes),
    nonEmpty(result.sentences),
    styleRanges(result, 'passive'),
    styleRanges(result, 'adverbs'),
    markRanges(result),
    nonEmpty(result.repairs).sort(byStart),
  ];
  // Global index of each layer item (sentences keep their index for the alternating shade).
  const firstIndex = layers.map(() => 0);
  const quoteIndex = new Map((result.quotes ?? []).map((q, i) => [q, i]));
  const sentenceIndex = new Map((result.sentences ?? []).map((s, i) => [s, i]));

  const makers = [
    (quote) => {
      const q = quoteIndex.get(quote);
      const who = speakerLabel(result, quote);
      const mark = h('mark', {
        className: `text-quote kind-${String(quote.kind).replace(/[^a-z]/gi, '')}`,
        attrs: {
          id: `text-quote-${q}`,
          tabindex: '-1',
          'data-testid': 'text-quote',
          'data-quote': q,
          'data-speaker': speakerSlot(quote.speaker),
          'data-who': who,
          'data-kind': quote.kind,
          'data-cue': quote.cue ? quote.cue.text : null,
          'aria-describedby': 'quote-tip',
        },
      });
      onQuote?.(q, mark);
      return mark;
    },
    (sentence) => {
      const s = sentenceIndex.get(sentence);
      const level = sentence.veryHard ? ' very-hard' : sentence.hard ? ' hard' : '';
      const span = h('span', { className: `${s % 2 === 0 ? 'sent s-a' : 'sent s-b'}${level}`, attrs: { 'data-sentence': s } });
      if (level) span.title = `${sentence.veryHard ? 'Very hard' : 'Hard'} to read: ${sentence.words} words, grade ${sentence.grade}`;
      return span;
    },
    () => h('span', { className: 'passive', attrs: { 'data-testid': 'passive', title: 'Passive voice' } }),
    () => h('span', { className: 'adverb', attrs: { 'data-testid': 'adverb', title: 'Adverb' } }),
    (range) =>
      range.type === 'dateline'
        ? h('span', { className: 'dateline', attrs: { 'data-testid': 'dateline', title: 'Dateline' } })
        : h('span', {
            className: 'mention',
            attrs: {
              'data-testid': 'mention',
              'data-speaker': speakerSlot(range.speaker),
              title: `Mention of ${range.name}`,
            },
          }),
    (repair, original) => {
      const shown = repair.text === '' ? 'removed' : `“${repair.text}”`;
      return h('span', {
        className: repair.text === '' ? 'repair removed' : 'repair',
        attrs: { 'data-testid': 'repair', title: `Repaired (${repair.kind}): “${original}” → ${shown}` },
      });
    },
  ];

  for (let p = 0; p < paragraphs.length; p += 1) {
    const para = paragraphs[p];
    const el = h('p', {
      className: `para kind-${String(para.kind).replace(/[^a-z]/gi, '')}`,
      attrs: { 'data-testid': 'text-paragraph', 'data-kind': para.kind, 'data-paragraph': p },
    });
    if (para.kind !== 'body') el.title = `${KIND_NOTE[para.kind] ?? para.kind}: left out of the counts`;
    // Paragraphs sit in chunks of CHUNK_SIZE, so that adding one dirties a small box, not the
    // whole view, and the browser can skip chunks that are off screen.
    let chunk = view.children[Math.floor(p / CHUNK_SIZE)];
    if (!chunk) {
      chunk = h('div', { className: 'chunk' });
      view.append(chunk);
    }
    const old = chunk.children[p % CHUNK_SIZE];
    if (old) old.replaceWith(el);
    else chunk.append(el);

    // The items of each layer that overlap this paragraph.
    const { start: ps, end: pe } = para;
    const local = layers.map((list, L) => {
      let i = firstIndex[L];
      while (i < list.length && list[i].end <= ps) i += 1;
      firstIndex[L] = i;
      const items = [];
      for (let j = i; j < list.length && list[j].start < pe; j += 1) items.push(list[j]);
      return items;
    });
    // Each quotation's speaker label goes after its closing mark(s).
    const labels = local[0].map((quote) => {
      let at = Math.min(quote.end, pe);
      for (let n = 0; n < 2 && at < pe && CLOSERS.includes(source[at]); n += 1) at += 1;
      return { at, quote };
    });
    // Cut points, then the pieces between them with the covering item of each layer (or null).
    const cuts = [ps, pe];
    for (const items of local) {
      for (const it of items) {
        if (it.start > ps && it.start < pe) cuts.push(it.start);
        if (it.end > ps && it.end < pe) cuts.push(it.end);
      }
    }
    for (const label of labels) if (label.at > ps && label.at < pe) cuts.push(label.at);
    cuts.sort((a, b) => a - b);
    const pieces = [];
    const at = local.map(() => 0);
    for (let c = 0; c + 1 < cuts.length; c += 1) {
      const a = cuts[c];
      const b = cuts[c + 1];
      if (b <= a) continue;
      const cover = local.map((items, L) => {
        while (at[L] < items.length && items[at[L]].end <= a) at[L] += 1;
        const it = items[at[L]];
        return it && it.start <= a ? it : null;
      });
      pieces.push({ a, b, cover });
    }

    // Nest the pieces: group runs with the same quote, inside them the same sentence, and so on.
    const build = (from, to, depth, into) => {
      if (depth === layers.length) {
        into.append(source.slice(pieces[from].a, pieces[to - 1].b));
        return;
      }
      let k = from;
      while (k < to) {
        const item = pieces[k].cover[depth];
        let e = k + 1;
        while (e < to && pieces[e].cover[depth] === item) e += 1;
        if (item === null) {
          build(k, e, depth + 1, into);
        } else {
          const child = makers[depth](item, source.slice(pieces[k].a, pieces[e - 1].b));
          build(k, e, depth + 1, child);
          into.append(child);
        }
        k = e;
      }
    };
    // The top level is walked here: plain text is split by sentence and at label positions, and
    // a paragraph of a megabyte still yields often.
    let nextLabel = 0;
    const flushLabels = (upTo) => {
      while (nextLabel < labels.length && labels[nextLabel].at <= upTo) {
        const { quote } = labels[nextLabel];
        el.append(
          h('sup', {
            className: 'text-quote-who',
            attrs: { 'data-speaker': speakerSlot(quote.speaker) },
            text: speakerLabel(result, quote),
          }),
        );
        nextLabel += 1;
      }
    };
    let k = 0;
    let sinceYield = 0;
    while (k < pieces.length) {
      const item = pieces[k].cover[0];
      let e = k + 1;
      while (e < pieces.length && pieces[e].cover[0] === item) e += 1;
      if (item === null) {
        let s = k;
        while (s < e) {
          flushLabels(pieces[s].a);
          const sentence = pieces[s].cover[1];
          const stop = nextLabel < labels.length ? labels[nextLabel].at : Infinity;
          let t = s + 1;
          while (t < e && pieces[t].cover[1] === sentence && pieces[t].a < stop) t += 1;
          build(s, t, 1, el);
          sinceYield += t - s;
          s = t;
          if (sinceYield >= PIECES_PER_STEP) {
            sinceYield = 0;
            yield 0;
          }
        }
      } else {
        flushLabels(pieces[k].a);
        build(k, e, 0, el);
        sinceYield += e - k;
        if (sinceYield >= PIECES_PER_STEP) {
          sinceYield = 0;
          yield 0;
        }
      }
      k = e;
    }
    flushLabels(Infinity);
    yield 1;
  }
  // Drop paragraphs of an older, longer text.
  const chunks = Math.ceil(paragraphs.length / CHUNK_SIZE);
  while (view.children.length > chunks) {
    view.lastElementChild.remove();
    yield 0;
  }
  const last = view.children[chunks - 1];
  if (last) while (last.children.length > paragraphs.length - (chunks - 1) * CHUNK_SIZE) last.lastElementChild.remove();
}

/**
 * Hover and keyboard behaviour of the text view:
 *  - one quotation at a time is in the tab order (a roving tabindex); the arrow keys, Home and
 *    End move between quotations;
 *  - a quotation that has focus or the pointer shows the tooltip (`tip`, the description of
 *    every quotation mark through aria-describedby) with its speaker, kind and cue;
 *  - Escape hides the tooltip.
 */
export function setupTextView(view, tip) {
  const name = tip.querySelector('[data-part="who"]');
  const detail = tip.querySelector('[data-part="detail"]');
  let anchor = null;
  let hideTimer = null;

  const show = (mark) => {
    clearTimeout(hideTimer);
    if (anchor && anchor !== mark) anchor.classList.remove('tip-anchor');
    anchor = mark;
    const who = mark.dataset.who ?? '';
    const kind = mark.dataset.kind ?? '';
    const cue = mark.dataset.cue;
    name.textContent = who === 'term' ? 'No speaker (a term or title)' : who === 'unattributed' ? 'No speaker found' : who;
    const parts = [`${kind} quotation`];
    if (cue) parts.push(`cue: “${cue}”`);
    else if (kind !== 'term' && who !== 'unattributed') parts.push('no cue: speaker carried over');
    detail.textContent = parts.join(' · ');
    tip.dataset.speaker = mark.dataset.speaker ?? 'none';
    mark.classList.add('tip-anchor');
    tip.hidden = false;
  };
  const hide = () => {
    clearTimeout(hideTimer);
    tip.hidden = true;
    anchor?.classList.remove('tip-anchor');
    anchor = null;
  };
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      // Keep it while the quotation still has focus or the pointer is on the tooltip.
      if (anchor && (anchor === document.activeElement || tip.matches(':hover'))) return;
      hide();
    }, 200);
  };
  const markOf = (target) => (target instanceof Element ? target.closest('.text-quote') : null);

  view.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    setRoving(view, mark);
    show(mark);
  });
  view.addEventListener('focusout', (event) => {
    if (markOf(event.target)) hideSoon();
  });
  view.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  });
  view.addEventListener('mouseout', (event) => {
    const mark = markOf(event.target);
    if (mark && !mark.contains(event.relatedTarget)) hideSoon();
  });
  tip.addEventListener('mouseleave', hideSoon);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !tip.hidden) hide();
  });
  view.addEventListener('keydown', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    const all = view.querySelectorAll('.text-quote');
    const index = Array.prototype.indexOf.call(all, mark);
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = all[index + 1];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = all[index - 1];
    else if (event.key === 'Home') next = all[0];
    else if (event.key === 'End') next = all[all.length - 1];
    else return;
    event.preventDefault();
    if (next) next.focus();
  });

  return { hide };
}

/** Make `mark` the one quotation of the text view in the tab order. */
export function setRoving(view, mark) {
  for (const el of view.querySelectorAll('.text-quote[tabindex="0"]')) if (el !== mark) el.tabIndex = -1;
  mark.tabIndex = 0;
}
