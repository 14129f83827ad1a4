// The built package (.wasm + JS glue, gzipped) stays within the budget of scripts/size.mjs. Sizes
// are deterministic for a given toolchain, so this is a plain test, not a benchmark.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BUDGET, GOAL, measure } from '../../scripts/size.mjs';

test('the package fits its gzip budget', () => {
  const size = measure();
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  assert.ok(
    size.gzip <= BUDGET,
    `pkg/ is ${kb(size.gzip)} gzipped, over the budget of ${kb(BUDGET)} (goal ${kb(GOAL)}): ` +
      size.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', '),
  );
});
