// Exports of an analysis: the full result as JSON, the quotations as CSV and as Markdown.
// Pure functions of the result (no DOM), so they can be tested in Node too.

/** The result exactly as the analyzer returned it. */
export function analysisJson(result) {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export const CSV_COLUMNS = ['speaker', 'quote', 'kind', 'cue', 'sentence'];

/**
 * A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula; an apostrophe in front makes it plain text.
 */
export function guardFormula(value) {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when it holds a comma, a double quote or a line break. */
export function csvField(value) {
  const text = guardFormula(String(value ?? ''));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per quotation: speaker ("" when none), quoted words, kind, cue ("" when none), its sentence. */
export function quoteRows(result) {
  const speakers = result.speakers ?? [];
  const sentences = result.sentences ?? [];
  return (result.quotes ?? []).map((quote) => ({
    speaker: quote.speaker == null ? '' : (speakers[quote.speaker]?.name ?? ''),
    quote: quote.text,
    kind: quote.kind,
    cue: quote.cue ? quote.cue.text : '',
    sentence: sentences[quote.sentence]?.text ?? '',
  }));
}

/** The quotations as CSV: a header line, CRLF line ends (RFC 4180), UTF-8 with a byte-order mark for spreadsheets. */
export function quotesCsv(result) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of quoteRows(result)) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Text that Markdown shows as written: markup characters escaped, line breaks as spaces. */
export function markdownText(text) {
  return String(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** The quotations as Markdown, grouped by speaker like the page shows them. */
export function quotesMarkdown(result) {
  const quotes = result.quotes ?? [];
  const speakers = result.speakers ?? [];
  const groups = new Map();
  for (let i = 0; i < speakers.length; i += 1) groups.set(`s${i}`, { title: speakers[i].name, items: [] });
  groups.set('unattributed', { title: 'Unattributed', items: [] });
  groups.set('terms', { title: 'Terms and titles (no speaker)', items: [] });
  for (const quote of quotes) {
    const key = quote.kind === 'term' ? 'terms' : quote.speaker == null ? 'unattributed' : `s${quote.speaker}`;
    const details = [quote.kind];
    if (quote.cue) details.push(`cue: ${markdownText(quote.cue.text)}`);
    groups.get(key)?.items.push(`- “${markdownText(quote.text)}” (${details.join('; ')})`);
  }
  const out = ['# Quotations', ''];
  if (quotes.length === 0) out.push('No quotations found.', '');
  for (const group of groups.values()) {
    if (group.items.length === 0) continue;
    out.push(`## ${markdownText(group.title)} (${group.items.length})`, '', ...group.items, '');
  }
  return out.join('\n');
}

/** A file name from the article's headline: "harbor-town-votes-analysis.json". */
export function fileStem(result, source) {
  const headline = (result.paragraphs ?? []).find((p) => p.kind === 'headline');
  const words = headline
    ? source
        .slice(headline.start, headline.end)
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()
        .split(' ')
        .slice(0, 6)
        .join('-')
    : '';
  return words || 'article';
}
