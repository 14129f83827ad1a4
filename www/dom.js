// Small DOM utilities. Text only, never HTML strings: everything a user typed
// (or the analyzer echoed back) reaches the page through textContent or text nodes.

/** Create an element with optional class, attributes and text/children. */
export function h(tag, { className, attrs, text } = {}, children = []) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value !== null && value !== undefined) el.setAttribute(name, String(value));
    }
  }
  if (text !== undefined) el.textContent = String(text);
  for (const child of children) if (child) el.append(child);
  return el;
}

export const numberFormat = new Intl.NumberFormat('en');

export const plural = (n, one, many) => `${numberFormat.format(n)} ${n === 1 ? one : many}`;

/** Colour slot of a speaker (the palette has 8; the name is always shown too). */
export const speakerSlot = (index) => (index == null ? 'none' : String(index % 8));

/** The speaker's name for a quote, or null. */
export function speakerName(result, quote) {
  const speaker = quote.speaker == null ? null : result.speakers?.[quote.speaker];
  return speaker ? speaker.name : null;
}

/** How a quote is labelled when nobody is named: a term has no speaker by nature. */
export function speakerLabel(result, quote) {
  return speakerName(result, quote) ?? (quote.kind === 'term' ? 'term' : 'unattributed');
}

/** "12 KB", "1.2 MB" for a length in UTF-16 code units (close enough to bytes for a label). */
export function sizeLabel(length) {
  if (length < 1000) return `${numberFormat.format(length)} characters`;
  if (length < 1_000_000) return `${numberFormat.format(Math.round(length / 1000))} KB`;
  return `${(length / 1_000_000).toFixed(1)} MB`;
}

/**
 * Appends items to `container` in chunks of `size` (each made by `makeChunk`), so that adding an
 * item dirties one small box instead of a long list, and off-screen chunks can be skipped.
 */
export function chunkedAppender(container, makeChunk, size = 32) {
  let chunk = null;
  let count = 0;
  return (item) => {
    if (count % size === 0) {
      chunk = makeChunk();
      container.append(chunk);
    }
    chunk.append(item);
    count += 1;
  };
}

/** Empties `container` a chunk at a time (a generator for scheduler.js): a long list is not torn down in one task. */
export function* clearGradually(container) {
  const chunks = container.querySelectorAll('.chunk');
  if (chunks.length > 1) {
    for (const chunk of chunks) {
      chunk.remove();
      yield 0;
    }
  }
  container.replaceChildren();
}
