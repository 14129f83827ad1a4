// Module worker that compares two reports with the WebAssembly package, off the main thread.
//
// Protocol
//   page → worker: { id, a, b }
//   worker → page: { id, result } on success, { id, error: message } on failure
//
// Only the newest request waiting is run: replies to older ones would be ignored anyway.

const PKG_URL = '/pkg/article_analyzer.js';

let ready = null;

function load() {
  if (!ready) {
    ready = import(PKG_URL).then(async (mod) => {
      await mod.default();
      return mod.compare;
    });
    ready.catch(() => {
      ready = null; // the next request tries again
    });
  }
  return ready;
}

let pending = null;
let scheduled = false;

async function runLatest() {
  scheduled = false;
  const request = pending;
  pending = null;
  if (!request) return;
  try {
    const compare = await load();
    if (pending) {
      schedule();
      return;
    }
    self.postMessage({ id: request.id, result: compare(String(request.a ?? ''), String(request.b ?? '')) });
  } catch (err) {
    self.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) });
  }
}

function schedule() {
  if (scheduled) return;
  scheduled = true;
  setTimeout(runLatest, 0);
}

self.addEventListener('message', (event) => {
  pending = event.data ?? {};
  schedule();
});
