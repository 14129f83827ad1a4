// Hostile and odd input through the web package in Node: lone surrogates, text past the limit,
// text that is not a string, options that throw, ten megabytes, and memory over many calls.
// Each case checks the result (or the error), then that the next call still works.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { pkg, init, fixtures, checkOffsets, MAX_INPUT_BYTES as MAX } from './support.mjs';

let wasm;
before(async () => {
  wasm = await init();
});

const works = () => assert.equal(pkg.analyze('“Fine,” she said. Next.').stats.sentences, 2);

function throwsError(fn, pattern) {
  assert.throws(fn, (e) => e instanceof Error && pattern.test(e.message), String(pattern));
}

test('lone surrogates read as U+FFFD and every offset still slices the string', () => {
  const texts = [
    'Ana Ruiz said “go \uD800 now,” and left. \uDC00Then 😀 came\uDBFF. Two\uD83D',
    '\uDFFF“\uD800”\uD800\uDC00\uDC00 x',
    '\uD83D\uD83D\uDE00 “Yes \uDE00,” Lee said.\n\n\uD800',
    '\uDC00'.repeat(10_000) + ' word',
  ];
  for (const text of texts) {
    const r = pkg.analyze(text);
    checkOffsets(text, r);
    // A lone surrogate and U+FFFD are both one unit: the result is the well-formed text's.
    assert.deepEqual(r, pkg.analyze(text.toWellFormed()));
  }
  const r = pkg.analyze(texts[0]);
  assert.deepEqual(r.quotes.map((q) => q.text), ['go \uFFFD now,']);
  assert.equal(r.sentences.at(-1).end, texts[0].length);
  works();
});

test('text past 64 MiB of UTF-8 is an Error giving its length, and the next call works', () => {
  const tooLong = (text, bytes) =>
    assert.throws(() => pkg.analyze(text), {
      name: 'Error',
      message: `text is too long: ${bytes} bytes; the limit is 64 MiB`,
    });
  tooLong('a'.repeat(MAX + 1), MAX + 1);
  tooLong('a'.repeat(MAX - 1) + 'é', MAX + 1); // fewer units than the limit, one byte over
  tooLong('é'.repeat(MAX / 2 + 1), MAX + 2);
  const n = Math.floor(MAX / 3) + 1;
  tooLong('\uD800'.repeat(n), 3 * n); // a lone surrogate becomes U+FFFD, three bytes
  tooLong('a' + '😀'.repeat(MAX / 4 + 1), 1 + 4 * (MAX / 4 + 1)); // pairs across measuring chunks
  works();
  // Exactly the limit is accepted.
  const r = pkg.analyze(' '.repeat(MAX - 2) + 'é');
  assert.equal(r.stats.words, 1);
  works();
});

test('text that is not a string is an Error naming it', () => {
  for (const [value, kind] of [[42, 'number'], [null, 'object'], [undefined, 'undefined'], [{}, 'object'], [new String('x'), 'object'], [Symbol('s'), 'symbol']]) {
    assert.throws(() => pkg.analyze(value), { name: 'Error', message: `text must be a string, not ${kind}` });
  }
  works();
});

test('option values that are not strings are Errors naming the option', () => {
  throwsError(() => pkg.analyze('x', { paragraphs: 3 }), /^invalid value 3 for option `paragraphs`: expected a string$/);
  throwsError(() => pkg.analyze('x', { scope: true }), /^invalid value true for option `scope`/);
  throwsError(() => pkg.analyze('x', { paragraphs: ['lines'] }), /invalid value \["lines"\] for option `paragraphs`/);
  throwsError(() => pkg.analyze('x', { scope: () => 'all' }), /invalid value function for option `scope`/);
  throwsError(() => pkg.analyze('x', { paragraphs: 'Lines' }), /invalid value "Lines" for option `paragraphs`: expected one of "auto", "blankLines", "lines"/);
  assert.equal(pkg.analyze('a\nb', { paragraphs: null, scope: undefined }).stats.paragraphs, 1);
  works();
});

test('options that throw are Errors, thousands of times over, and the module lives on', () => {
  // Before the binding caught these, each call leaked a slot and call 1,025 killed the module.
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const hostile = [
    [proxy, /options cannot be read: .*revoked/],
    [new Proxy({}, { ownKeys() { throw new Error('no keys'); } }), /options cannot be read: no keys/],
    [{ get paragraphs() { throw new Error('no getter'); } }, /no getter/],
    [new Proxy({ scope: 'all' }, { get() { throw new RangeError('trap'); } }), /trap/],
    [{ paragraphs: proxy }, /^invalid value object for option `paragraphs`: expected a string$/],
    [{ scope: { toJSON() { throw new Error('no JSON'); } } }, /^invalid value object for option `scope`/],
    [{ scope: 10n }, /^invalid value bigint for option `scope`/],
    [{ get scope() { throw proxy; } }, /^options cannot be read: an exception was thrown$/],
    [{ get scope() { throw 'a string'; } }, /^options cannot be read: a string$/],
  ];
  for (const [options, pattern] of hostile) {
    for (let i = 0; i < 3000; i++) throwsError(() => pkg.analyze('One. Two.', options), pattern);
    works();
  }
});

test('ten megabytes of articles: nothing lost, every offset exact', (t) => {
  const one = fixtures().map((a) => a.trimEnd()).join('\n\n') + '\n\n';
  const copies = Math.ceil(10_000_000 / Buffer.byteLength(one));
  const text = one.repeat(copies);
  assert.ok(Buffer.byteLength(text) >= 10_000_000);
  const started = performance.now();
  const r = pkg.analyze(text, { scope: 'all' });
  const ms = performance.now() - started;
  const single = pkg.analyze(one, { scope: 'all' });
  assert.equal(r.stats.words, copies * single.stats.words);
  assert.equal(r.quotes.length, copies * single.quotes.length);
  assert.equal(r.paragraphs.length, copies * single.paragraphs.length);
  checkOffsets(text, r);
  t.diagnostic(`${Buffer.byteLength(text)} bytes analysed in ${Math.round(ms)} ms`);
  works();
});

test('wasm memory stays flat over 10,000 analyses after warm-up', () => {
  const article = fixtures()[0];
  const texts = [article, '“Yes,” Ana Ruiz said.', '𝔸 \uFEFF<em>x</em> &amp; isnâ€™t 😀\r\nNext.', '', '\uD800 lone'];
  const expected = texts.map((text) => pkg.analyze(text).stats.words);
  const round = (i) => {
    if (i % 97 === 0) {
      throwsError(() => pkg.analyze('x', { colour: 'red' }), /colour/);
    } else {
      const k = i % texts.length;
      assert.equal(pkg.analyze(texts[k]).stats.words, expected[k]);
    }
  };
  for (let i = 0; i < 500; i++) round(i);
  const before = wasm.memory.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) round(i);
  assert.equal(wasm.memory.buffer.byteLength, before);
});
