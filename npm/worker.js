// The module worker behind createAnalyzer({ worker: true }) (index.js).
//
//   page → worker  { id, method: 'init', args: [wasm] }       load the module (wasm: what init takes)
//                  { id, method: 'analyze', args: [text, options] }
//                  { id, method: 'compare', args: [textA, textB, options] }
//                  { cancel: id }                              skip that request if not started
//   worker → page  { id, result }                              the result, structured-cloned
//                  { id, error: { name, message } }
//
// The result goes back as it is: on a 1 MB article Chromium's structured clone costs the page
// 20-30 ms, less than JSON.parse of the same result sent as a transferred UTF-8 buffer (26-37 ms),
// which also cost the worker 65-200 ms of JSON.stringify.
//
// Requests wait in a queue and run one at a time. A request runs from a timer, after the messages
// already received: so a cancel sent right behind it is seen first, and a page that cancels each
// request when it sends the next one costs the worker one analysis, not one per request.

import init, { analyze, compare } from './article_analyzer.js';

const methods = {
  async init(wasm) {
    await init(wasm === undefined ? undefined : { module_or_path: wasm });
  },
  analyze(text, options) {
    return analyze(text, options);
  },
  compare(textA, textB, options) {
    return compare(textA, textB, options);
  },
};

const queue = [];
let running = false;
let scheduled = false;

function schedule() {
  if (scheduled || running) return;
  scheduled = true;
  setTimeout(run, 0);
}

async function run() {
  scheduled = false;
  const request = queue.shift();
  if (!request) return;
  running = true;
  const { id, method, args } = request;
  try {
    const call = Object.hasOwn(methods, method) ? methods[method] : null;
    if (!call) throw new Error(`unknown method ${method}`);
    const result = await call(...(Array.isArray(args) ? args : []));
    self.postMessage({ id, result });
  } catch (err) {
    const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
    self.postMessage({ id, error });
  } finally {
    running = false;
    if (queue.length) schedule();
  }
}

self.addEventListener('message', (event) => {
  const data = event.data ?? {};
  if (data.cancel !== undefined) {
    const at = queue.findIndex((r) => r.id === data.cancel);
    if (at >= 0) queue.splice(at, 1);
    return;
  }
  queue.push(data);
  schedule();
});
