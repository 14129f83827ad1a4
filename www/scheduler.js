// Runs rendering work in slices so that no main-thread task grows long.
//
// A job is a generator that yields after each small piece of work; the value
// it yields is how many units of progress that piece was worth (0 is fine).
// The first slice runs at once (a small result renders in the same task that
// received it, without flicker); the rest run one slice per animation frame,
// so style and layout of each slice happen before the next one starts. A new
// job cancels the one before it.

/** Milliseconds of script work per slice; style and layout come on top. */
const SLICE_MS = 8;

let current = null;

function nextSlice(fn) {
  // Animation frames stop in a hidden tab; timers do not.
  if (document.hidden || typeof requestAnimationFrame !== 'function') setTimeout(fn, 0);
  else requestAnimationFrame(fn);
}

/**
 * Start `steps` (a generator). `total` units make 100%.
 * onSlice(done, total, finished) is called after every slice; onDone() once at the end.
 */
export function runJob(steps, { total, onSlice, onDone }) {
  cancelJob();
  const job = { cancelled: false, done: 0, slices: 0 };
  current = job;
  const slice = () => {
    if (job.cancelled) return;
    const deadline = performance.now() + SLICE_MS;
    let finished = false;
    for (;;) {
      const step = steps.next();
      if (step.done) {
        finished = true;
        break;
      }
      job.done += step.value ?? 0;
      if (performance.now() >= deadline) break;
    }
    job.slices += 1;
    onSlice?.(job.done, total, finished);
    if (finished) {
      if (current === job) current = null;
      onDone?.();
    } else {
      nextSlice(slice);
    }
  };
  slice();
  return job;
}

export function cancelJob() {
  if (current) current.cancelled = true;
  current = null;
}
