// Module worker that runs the WebAssembly analyzer off the main thread.
//
// Protocol
//   page → worker: { id, text, options? }
//   worker → page: { id, result }            on success
//                  { id, error: message }     on failure (also when the
//                                             package fails to load)
//
// The package is loaded lazily with a dynamic import so that a missing or
// broken pkg/ is reported as an ordinary { id, error } reply instead of an
// opaque worker "error" event.

const PKG_URL = '/pkg/article_analyzer.js';

let analyzerPromise = null;

function loadAnalyzer() {
  if (!analyzerPromise) {
    analyzerPromise = (async () => {
      const mod = await import(PKG_URL);
      // wasm-bindgen --target web: the default export fetches and
      // instantiates article_analyzer_bg.wasm next to the module.
      await mod.default();
      return mod.analyze;
    })();
    // Let a later message try again after a failed load.
    analyzerPromise.catch(() => {
      analyzerPromise = null;
    });
  }
  return analyzerPromise;
}

function errorMessage(err) {
  if (err instanceof Error) return err.message || String(err);
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

// Requests that arrive while an analysis runs wait in the queue; only the
// newest of them is analyzed (the page ignores replies to older ones anyway),
// so a burst of edits to a long article costs one analysis, not one per edit.
let pending = null;
let scheduled = false;

async function runLatest() {
  scheduled = false;
  const request = pending;
  pending = null;
  if (!request) return;
  const { id, text, options } = request;
  try {
    const analyze = await loadAnalyzer();
    if (pending) {
      // A newer request came in while the package loaded: answer that one instead.
      schedule();
      return;
    }
    const result = analyze(String(text ?? ''), options ?? {});
    self.postMessage({ id, result });
  } catch (err) {
    self.postMessage({ id, error: errorMessage(err) });
  }
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  // A timer runs after the messages already queued, so they all land in `pending` first.
  setTimeout(runLatest, 0);
}

self.addEventListener('message', (event) => {
  pending = event.data ?? {};
  schedule();
});

// Start loading immediately so the first analysis is fast.
loadAnalyzer().catch(() => {
  /* reported with the first request */
});
