// article-analyzer: the package's entry for browsers and bundlers (Node gets node.js, which reads
// the .wasm from disk). Types: index.d.ts.
//
// The functions of the WebAssembly module (article_analyzer.js, written by wasm-bindgen) are
// re-exported behind an `init` that takes what users have at hand (nothing, a URL, a Response,
// bytes or a compiled module), plus `createAnalyzer`, which runs the analysis in this thread or
// in a module worker (worker.js) behind the same promise API.

import initModule, {
  analyze as analyzeText,
  annotate as annotateElement,
  compare as compareTexts,
  initSync as initModuleSync,
  schemaVersion as moduleSchemaVersion,
  unannotate as unannotateElement,
} from './article_analyzer.js';

let ready = false;

/** wasm-bindgen's init takes `{ module_or_path }`; a bare value still works but warns. */
function wrap(input) {
  if (input === undefined || input === null) return undefined;
  if (Object.getPrototypeOf(input) === Object.prototype && 'module_or_path' in input) return input;
  return { module_or_path: input };
}

/**
 * Loads the WebAssembly module once; later calls return at once. With no argument the
 * `article_analyzer_bg.wasm` beside this file is fetched; otherwise a URL (or string), a
 * `Response` (or a promise of one), bytes or a `WebAssembly.Module`.
 */
export default async function init(input) {
  const exports = await initModule(wrap(input));
  ready = true;
  return exports;
}

/** Instantiates the module synchronously from bytes or a `WebAssembly.Module`. */
export function initSync(input) {
  const exports = initModuleSync(input && Object.getPrototypeOf(input) === Object.prototype ? input : { module: input });
  ready = true;
  return exports;
}

function loaded(name) {
  if (!ready) throw new Error(`article-analyzer: await init() before calling ${name}()`);
}

/** Analyzes `text`; see index.d.ts and the README for the result. */
export function analyze(text, options) {
  loaded('analyze');
  return analyzeText(text, options);
}

/** Compares two reports of one story; see index.d.ts and the README for the result. */
export function compare(textA, textB, options) {
  loaded('compare');
  return compareTexts(textA, textB, options);
}

/** The version of the result's shape (`schemaVersion` in every result). */
export function schemaVersion() {
  loaded('schemaVersion');
  return moduleSchemaVersion();
}

/** Wraps the quotations in `element` (see index.d.ts). */
export function annotate(element, options) {
  loaded('annotate');
  return annotateElement(element, options);
}

/** Undoes `annotate` on `element`. */
export function unannotate(element) {
  loaded('unannotate');
  return unannotateElement(element);
}

function abortError(signal) {
  return signal.reason ?? new DOMException('The analysis was aborted.', 'AbortError');
}

/**
 * An analyzer with a promise API. `{ worker: true }` runs the WebAssembly module in a module
 * worker, so a long article never blocks the page; otherwise it runs in this thread.
 * `wasm` is what `init` takes. Resolves once the module is loaded (rejects if it cannot be).
 */
export async function createAnalyzer({ worker = false, wasm } = {}) {
  if (!worker) {
    await init(wasm);
    return {
      worker: false,
      async analyze(text, options, { signal } = {}) {
        if (signal?.aborted) throw abortError(signal);
        return analyze(text, options);
      },
      async compare(textA, textB, options, { signal } = {}) {
        if (signal?.aborted) throw abortError(signal);
        return compare(textA, textB, options);
      },
      terminate() {},
    };
  }
  if (typeof Worker !== 'function') {
    throw new Error('article-analyzer: { worker: true } needs Web Workers (a browser); leave it out in Node');
  }
  return startWorker(await portable(wasm));
}

/** What `init` takes, in a form postMessage can carry (a URL as its string, a Response as bytes). */
async function portable(wasm) {
  const value = await wasm;
  if (value === undefined || value === null) return undefined;
  if (typeof URL === 'function' && value instanceof URL) return value.href;
  if (typeof Request === 'function' && value instanceof Request) return value.url;
  if (typeof Response === 'function' && value instanceof Response) return value.arrayBuffer();
  if (typeof value === 'string') return new URL(value, globalThis.location?.href).href;
  return value;
}

function startWorker(wasm) {
  // This exact form lets bundlers (Vite, webpack 5, Parcel) find and emit the worker.
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const pending = new Map();
  let nextId = 0;
  let failure = null;

  const fail = (error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.terminate();
  };
  worker.addEventListener('message', (event) => {
    const { id, result, error } = event.data ?? {};
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    if (error !== undefined) {
      request.reject(new Error(error.message));
    } else {
      request.resolve(result);
    }
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(`article-analyzer: the worker failed${event.message ? `: ${event.message}` : ''}`));
  });
  worker.addEventListener('messageerror', () => {
    fail(new Error('article-analyzer: a reply from the worker could not be read'));
  });

  const call = (method, args, signal) => {
    if (failure) return Promise.reject(failure);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
      // An aborted request rejects at once; the worker skips it if it has not started it yet.
      signal?.addEventListener('abort', () => {
        if (!pending.delete(id)) return;
        worker.postMessage({ cancel: id });
        reject(abortError(signal));
      }, { once: true });
    });
  };

  const analyzer = {
    worker: true,
    analyze(text, options, { signal } = {}) {
      return call('analyze', [text, options], signal);
    },
    compare(textA, textB, options, { signal } = {}) {
      return call('compare', [textA, textB, options], signal);
    },
    terminate() {
      fail(new Error('article-analyzer: the analyzer was terminated'));
    },
  };
  return call('init', [wasm]).then(
    () => analyzer,
    (error) => {
      fail(error); // stops the worker
      throw error;
    },
  );
}
