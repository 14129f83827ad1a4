// The worker side of `npm run bench`: loads our package and analyzes the texts it is sent, timing
// the call (copy in, analyze, JS result object) inside the worker. With `reply: true` it posts the
// whole result back, as www/worker.js does, so the page can time the round trip.

let analyze = null;

self.addEventListener('message', async (event) => {
  const { id, op, text, reply } = event.data;
  try {
    if (op === 'load') {
      const mod = await import('/pkg/article_analyzer.js');
      await mod.default();
      analyze = mod.analyze;
      self.postMessage({ id });
    } else if (op === 'analyze') {
      const t0 = performance.now();
      const result = analyze(text);
      const ms = performance.now() - t0;
      self.postMessage(reply ? { id, ms, value: result.sentences.length, result } : { id, ms, value: result.sentences.length });
    }
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
});
