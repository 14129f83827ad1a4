// Shared by the Node tests: loading the web package, running the CLI, and checking that every
// offset of a result slices the JavaScript string it came from.
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const root = new URL('../../', import.meta.url);
export const pkg = await import(new URL('pkg/article_analyzer.js', root));
export const cli = new URL('target/release/article-analyzer', root).pathname;
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Instantiates the wasm module from its bytes (Node cannot fetch it by URL); returns its exports. */
export function init() {
  return pkg.default({ module_or_path: readFileSync(new URL('pkg/article_analyzer_bg.wasm', root)) });
}

/** Every plain-text fixture article (the saved HTML page is left out), in name order. */
export function fixtures() {
  const dir = new URL('tests/data/articles/', root);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .filter((text) => !text.startsWith('<'));
}

/** The CLI's `--jsonl` results for `texts` (lone surrogates made U+FFFD: JSON has no room for them). */
export function cliLines(texts, args = []) {
  const input = texts.map((text, id) => JSON.stringify({ id, text: text.toWellFormed() })).join('\n') + '\n';
  const run = spawnSync(cli, ['--jsonl', ...args], { input, maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`CLI exited ${run.status}: ${run.stderr}`);
  return run.stdout.toString().trim().split('\n').map((line) => JSON.parse(line));
}

const CLEANING = new Set([
  'repairedEncoding', 'removedMarkup', 'decodedEntities', 'removedInvisible', 'replacedControl',
  'normalizedLineEndings',
]);
const isHigh = (u) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u) => u >= 0xdc00 && u <= 0xdfff;

/**
 * Checks every range of result `r` against `text`: inside it, never between the two halves of a
 * surrogate pair, sentences and quotations in order; where cleaning changed nothing, each `text`
 * field is exactly the slice (a lone surrogate reads as U+FFFD).
 */
export function checkOffsets(text, r) {
  const cleaned = r.diagnostics.some((d) => CLEANING.has(d.code));
  const range = (what, x) => {
    if (!(Number.isInteger(x.start) && x.start >= 0 && x.start <= x.end && x.end <= text.length)) {
      throw new Error(`${what} ${x.start}..${x.end} lies outside a text of ${text.length} units`);
    }
    for (const at of [x.start, x.end]) {
      if (at > 0 && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))) {
        throw new Error(`${what} ${x.start}..${x.end} splits a surrogate pair at ${at}`);
      }
    }
    if ('text' in x && !cleaned && text.slice(x.start, x.end).toWellFormed() !== x.text) {
      throw new Error(`${what} ${x.start}..${x.end} slices ${JSON.stringify(text.slice(x.start, x.end))}, not ${JSON.stringify(x.text)}`);
    }
  };
  const ordered = (what, list) => {
    let end = 0;
    for (const x of list) {
      range(what, x);
      if (x.start < end) throw new Error(`${what} ${x.start}..${x.end} overlaps the one before`);
      end = x.end;
    }
  };
  ordered('paragraph', r.paragraphs);
  ordered('sentence', r.sentences);
  ordered('quotation', r.quotes);
  for (const p of r.paragraphs) if (p.dateline) range('dateline', p.dateline);
  for (const q of r.quotes) if (q.cue) range('cue', q.cue);
  for (const s of r.speakers) for (const m of s.mentions) range('mention', m);
  for (const d of r.diagnostics) range('diagnostic', d);
  for (const x of r.repairs) range('repair', { start: x.start, end: x.end });
}
