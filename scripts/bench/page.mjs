// The browser side of `npm run bench` (scripts/bench/run.mjs): loaded by page.html, it exposes
// `window.bench`, whose functions the driver calls one by one. Every contender is a function of
// the text that returns a number (so that no work can be skipped); times come from
// performance.now() around one call.

const OURS_JS = '/pkg/article_analyzer.js';

/** The contenders, by name: `load()` once, then `run(text)` per timed call. */
const contenders = {
  // Ours on the main thread: copy into wasm, analyze, build the JS result object.
  ours: {
    async load() {
      const mod = await import(OURS_JS);
      await mod.default();
      return (text) => mod.analyze(text).sentences.length;
    },
  },
  // Ours in a module worker, timed inside the worker around the same call.
  oursWorker: {
    async load() {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
      await call(worker, { op: 'load' });
      return async (text) => {
        const reply = await call(worker, { op: 'analyze', text });
        return { value: reply.value, ms: reply.ms };
      };
    },
  },
  // Ours in a worker, timed on the page: posting the text, analyzing, and receiving the result
  // object (structured clone), as the page does.
  oursWorkerRoundTrip: {
    async load() {
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
      await call(worker, { op: 'load' });
      return async (text) => (await call(worker, { op: 'analyze', text, reply: true })).value;
    },
  },
  // The analysis without the JS result object: copy in, analyze, and the public conversion.
  // A separate wasm build (scripts/bench/probe/), present when `npm run bench` built it.
  oursNoObjects: {
    async load() {
      const probe = await loadProbe();
      return (text) => probe.analyze_public(text);
    },
  },
  // The same result crossing as JSON text and JSON.parse instead of objects built field by field.
  oursJsonParse: {
    async load() {
      const probe = await loadProbe();
      return (text) => JSON.parse(probe.analyze_json(text)).sentences.length;
    },
  },
  // Copy in and analyze only (no public conversion, no JS objects).
  oursCore: {
    async load() {
      const probe = await loadProbe();
      return (text) => probe.analyze_core(text);
    },
  },
  intlSentences: {
    async load() {
      const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
      return (text) => {
        let n = 0;
        for (const _ of segmenter.segment(text)) n += 1;
        return n;
      };
    },
  },
  intlWords: {
    async load() {
      const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
      return (text) => {
        let n = 0;
        for (const s of segmenter.segment(text)) if (s.isWordLike) n += 1;
        return n;
      };
    },
  },
  // A floor: TextEncoder.encodeInto into wasm memory, then one pass over the bytes in wasm.
  byteScan: {
    async load() {
      const { instance } = await WebAssembly.instantiateStreaming(fetch('/out/scan.wasm'));
      const { memory, count } = instance.exports;
      const encoder = new TextEncoder();
      return (text) => {
        const need = text.length * 3;
        const have = memory.buffer.byteLength;
        if (need > have) memory.grow(Math.ceil((need - have) / 65536));
        const { written } = encoder.encodeInto(text, new Uint8Array(memory.buffer, 0, need));
        return count(0, written);
      };
    },
  },
  sbd: peer('sbd'),
  winkNlp: peer('wink'),
  compromise: peer('compromise'),
};

/** A peer bundled by run.mjs into /out/peers/NAME.js, which exports `run(text)`. */
function peer(name) {
  return {
    async load() {
      const mod = await import(`/out/peers/${name}.js`);
      return mod.run;
    },
  };
}

let probePromise = null;
function loadProbe() {
  probePromise ??= (async () => {
    const mod = await import('/out/probe/article_analyzer_probe.js');
    await mod.default();
    return mod;
  })();
  return probePromise;
}

let nextId = 0;
/** Sends `message` to `worker` and resolves with the reply to it. */
function call(worker, message) {
  const id = (nextId += 1);
  return new Promise((resolve, reject) => {
    const onMessage = (event) => {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data);
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ ...message, id });
  });
}

const loaded = new Map();
const texts = new Map();

function collect() {
  // The driver launches Chromium with --js-flags=--expose-gc: a collection between calls keeps
  // one contender's garbage out of the next one's time.
  globalThis.gc?.();
}

window.bench = {
  /** Fetches the corpus of `label` and keeps it; returns its length in UTF-16 units. */
  async text(label) {
    if (!texts.has(label)) texts.set(label, await (await fetch(`/out/corpus/${label}.txt`)).text());
    return texts.get(label).length;
  },
  /** Loads contender `name`; returns the milliseconds it took, or throws. */
  async load(name) {
    const t0 = performance.now();
    loaded.set(name, await contenders[name].load());
    return performance.now() - t0;
  },
  /** One timed call of contender `name` on the text of `label`: { ms, value }. */
  async once(name, label) {
    const run = loaded.get(name);
    const text = texts.get(label);
    collect();
    const t0 = performance.now();
    let value = await run(text);
    let ms = performance.now() - t0;
    if (value && typeof value === 'object' && 'ms' in value) ({ ms, value } = value);
    return { ms, value };
  },
  /** Milliseconds of each stage of one analysis in wasm (probe build), see probe/src/lib.rs. */
  async stageTimes(label) {
    const probe = await loadProbe();
    collect();
    return Array.from(probe.stage_times(texts.get(label)));
  },
  /** Wasm memory after each stage of one analysis, in a fresh probe module (see probe/src/lib.rs). */
  async stageMemory(label) {
    const probe = await loadProbe();
    return Array.from(probe.stage_memory(texts.get(label)));
  },
  /** Drops a text no longer needed. */
  forget(label) {
    texts.delete(label);
    collect();
  },
  /** Start-up in a fresh page: import the glue, init (fetch + compile + instantiate), and the
   * first analyze of the text of `label`; also the time to the same point without that analyze. */
  async start(label) {
    const text = texts.get(label);
    const t0 = performance.now();
    const mod = await import(OURS_JS);
    await mod.default();
    const t1 = performance.now();
    const result = mod.analyze(text);
    const t2 = performance.now();
    return { initMs: t1 - t0, firstAnalyzeMs: t2 - t1, totalMs: t2 - t0, sentences: result.sentences.length };
  },
  /** Wasm memory in a fresh page: before, and after one analyze of the text of `label`. */
  async peakMemory(label) {
    const text = texts.get(label);
    const mod = await import(OURS_JS);
    const wasm = await mod.default();
    const before = wasm.memory.buffer.byteLength;
    mod.analyze(text);
    // Wasm memory never shrinks: its size after the call is the most the call used.
    return { before, after: wasm.memory.buffer.byteLength, utf8Bytes: new TextEncoder().encode(text).length };
  },
  /** Wasm memory across `count` analyses of the text of `label` after `warm` warm-up ones. */
  async growth(label, warm, count) {
    const text = texts.get(label);
    const mod = await import(OURS_JS);
    const wasm = await mod.default();
    for (let i = 0; i < warm; i += 1) mod.analyze(text);
    collect();
    const warmBytes = wasm.memory.buffer.byteLength;
    const heapBefore = performance.memory?.usedJSHeapSize ?? null;
    const t0 = performance.now();
    for (let i = 0; i < count; i += 1) mod.analyze(text);
    const ms = performance.now() - t0;
    collect();
    return {
      warmBytes,
      afterBytes: wasm.memory.buffer.byteLength,
      heapBefore,
      heapAfter: performance.memory?.usedJSHeapSize ?? null,
      msPerAnalysis: ms / count,
    };
  },
};
