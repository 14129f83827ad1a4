// article-analyzer in Node: the browser entry (index.js), with an `init` that reads the .wasm
// from disk when it is given a file URL or a path, or nothing (Node's fetch cannot read files).

import { readFile } from 'node:fs/promises';
import initWeb, * as web from './index.js';

export { analyze, annotate, compare, initSync, schemaVersion, unannotate } from './index.js';

const WASM = new URL('./article_analyzer_bg.wasm', import.meta.url);

/** Reads a file URL or a path (not an http(s) URL) into bytes; passes anything else through. */
async function fromDisk(input) {
  if (input === undefined || input === null) return readFile(WASM);
  if (input instanceof URL) return input.protocol === 'file:' ? readFile(input) : input;
  if (typeof input === 'string' && !/^https?:/i.test(input)) {
    return readFile(input.startsWith('file:') ? new URL(input) : input);
  }
  return input;
}

/** As in the browser, but with no argument (or a file URL, or a path) the .wasm is read from disk. */
export default async function init(input) {
  return initWeb(await fromDisk(await input));
}

/** As in the browser; `{ worker: true }` throws (Node has no Web Workers). */
export async function createAnalyzer(options = {}) {
  if (!options.worker) await init(options.wasm);
  return web.createAnalyzer(options);
}
