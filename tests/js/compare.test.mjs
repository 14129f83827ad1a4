// compare() from the web package in Node: the same result as the CLI's `compare --json`, offsets
// that slice each JavaScript string exactly, and options checked like analyze's.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pkg, init, cli, root } from './support.mjs';

const read = (path) => readFileSync(new URL(`tests/data/${path}`, root), 'utf8');
const summit = read('articles/politics-summit.txt');
const lakeside = read('compare/summit-lakeside.txt');

before(async () => {
  await init();
});

/** Every range in `c` lies in its text and, where it has a `text`, slices it exactly. */
function checkSlices(c, a, b) {
  const check = (text, r) => {
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${r.start}..${r.end} in range`);
    // Both fixtures are clean except for one repaired character in each, outside these quotes.
    if (!r.text.includes('’s farmers')) assert.equal(text.slice(r.start, r.end), r.text);
  };
  for (const m of c.quoteMatches) {
    check(a, m.a);
    check(b, m.b);
    for (const d of m.diff) {
      if (d.a) check(a, d.a);
      if (d.b) check(b, d.b);
    }
  }
  c.onlyInA.forEach((q) => check(a, q));
  c.onlyInB.forEach((q) => check(b, q));
  for (const m of c.sentenceMatches) {
    check(a, m.a);
    check(b, m.b);
  }
}

test('compare finds the re-punctuated quotation with exactly its differences', () => {
  const c = pkg.compare(summit, lakeside);
  assert.equal(c.schemaVersion, pkg.schemaVersion());
  const m = c.quoteMatches.find((x) => x.a.text.startsWith('A handshake'));
  assert.equal(m.kind, 'variant');
  assert.equal(m.similarity, 1);
  assert.equal(m.sameSpeaker, true);
  assert.equal(m.a.speaker, 'Harold Brandt');
  const differences = m.diff.filter((d) => d.op !== 'same').map((d) => [d.op, d.a?.text ?? null, d.b?.text ?? null]);
  assert.deepEqual(differences, [['case', 'A', 'a'], ['punctuation', ',', null], ['punctuation', ',', null]]);
  assert.deepEqual(c.onlyInB.map((q) => q.text), [
    'Arvenia will pay for walking away from this table,',
    'We came for relief and we are leaving with a handshake.',
  ]);
  assert.ok(c.quoteMatches.some((x) => x.kind === 'paraphrase' && x.b.text === "We won't sign blindly"));
  assert.deepEqual(c.sharedSpeakers.map((s) => s.name), ['Dana Whitcombe', 'Harold Brandt', 'Ilse Maren', 'Lorna Adeyemi']);
  checkSlices(c, summit, lakeside);
});

test('offsets count UTF-16 units in each text', () => {
  const a = '👩‍🔬 “We couldn’t do that, frankly,” Ana Ruiz said.';
  const b = '🇺🇸🇺🇸 “We couldn\'t do that frankly” Ruiz said.';
  const c = pkg.compare(a, b);
  assert.equal(c.quoteMatches.length, 1);
  checkSlices(c, a, b);
  assert.equal(a.slice(c.quoteMatches[0].a.start, c.quoteMatches[0].a.end), 'We couldn’t do that, frankly,');
});

test('the JavaScript API and the CLI give the same comparison', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compare-'));
  const pairs = [
    [summit, lakeside],
    [lakeside, summit],
    [read('articles/politics-budget.txt'), read('articles/politics-budget.txt')],
  ];
  for (const [a, b] of pairs) {
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'b.txt'), b);
    for (const [args, options] of [[[], undefined], [['--sentence-threshold', '0.9', '--scope', 'all'], { sentenceThreshold: 0.9, scope: 'all' }]]) {
      const run = spawnSync(cli, ['compare', '--json', ...args, join(dir, 'a.txt'), join(dir, 'b.txt')], { maxBuffer: 1 << 28 });
      assert.equal(run.status, 0, run.stderr.toString());
      assert.deepEqual(pkg.compare(a, b, options), JSON.parse(run.stdout.toString()));
    }
  }
});

test('invalid compare options throw an Error naming the option, and the next call works', () => {
  assert.throws(() => pkg.compare('a', 'b', { paraphraseThreshold: 2 }), (e) => e instanceof Error && /`paraphraseThreshold`/.test(e.message));
  assert.throws(() => pkg.compare('a', 'b', { sentenceThreshold: '0.5' }), (e) => e instanceof Error && /`sentenceThreshold`: expected a number/.test(e.message));
  assert.throws(() => pkg.compare('a', 'b', { threshold: 0.5 }), (e) => e instanceof Error && /unknown option `threshold`/.test(e.message));
  assert.throws(() => pkg.compare('a', 42), (e) => e instanceof Error && /must be a string/.test(e.message));
  assert.equal(pkg.compare('“Go,” Lee said.', '“Go,” Lee said.').quoteMatches[0].kind, 'exact');
});
