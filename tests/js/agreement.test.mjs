// Generated and odd strings: the package in Node and the CLI (`--jsonl`) give the same result,
// and every offset from JavaScript slices the string exactly. The strings come from a seeded
// generator, so a failure names a case that can be replayed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { pkg, init, cliLines, checkOffsets } from './support.mjs';

before(init);

/** mulberry32: a small seeded generator, so every run sees the same strings. */
function generator(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'said', 'Mr.', 'U.S.', 'Dr.', 'a.m.', 'He', 'she', 'The', 'Ana', 'Ruiz', 'told', 'according to',
  'couldn’t', 'leaders’', '’90s', '3.5', '$1.5', 'No.', 'e.g.', 'J.K.', ' ', '  ', '\n', '\n\n',
  '\r\n', '\r', '\t', '\u00a0', '\u2028', '\u2029', '. ', '? ', '! ', '...', '…', ', ', ': ', '—',
  '“', '”', '‘', '’', '"', "'", '«', '»', '„', '(', ')', '😀', '👩‍🔬', '👨‍👩‍👧‍👦', '🇺🇸', 'e\u0301',
  '\u200b', '\u200d', '\u00ad', '\ufeff', '\u0000', '\u0007', 'שלום', 'مرحبا', '東京では', '。',
  '<em>', '</em>', '<p>', '&amp;', '&#8217;', 'â€™', 'Ã©', '¬†', '\ud800', '\udc00', '\ufffd',
  '𝔸', '\u0301\u0308', 'By Ana Ruiz', 'HANOI –', '(AP)',
];

/** Fragments that cleaning changes: every other string goes without them. */
const DIRTY = new Set(['\r\n', '\r', '\u2028', '\u2029', '\u200b', '\u200d', '\u00ad', '\ufeff',
  '\u0000', '\u0007', '<em>', '</em>', '<p>', '&amp;', '&#8217;', 'â€™', 'Ã©', '¬†']);
const PLAIN = FRAGMENTS.filter((f) => !DIRTY.has(f));

/** A code point from one of several ranges, lone surrogates included (with `dirty`, also
 * controls and invisible characters). */
function codePoint(random, dirty) {
  const ranges = [[0x20, 0x7e], [0xc0, 0x24f], [0x300, 0x36f], [0x3040, 0x30ff], [0x4e00, 0x4e80],
    [0xd800, 0xdfff], [0x1f300, 0x1faff], [0x10000, 0x10ffff]];
  if (dirty) ranges.push([0x00, 0x1f], [0x80, 0xbf], [0x2000, 0x206f], [0xfe00, 0xffff]);
  const [lo, hi] = ranges[Math.floor(random() * ranges.length)];
  const c = lo + Math.floor(random() * (hi - lo + 1));
  return c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c);
}

function generate(count, seed) {
  const random = generator(seed);
  const texts = [];
  for (let i = 0; i < count; i++) {
    const parts = [];
    const dirty = i % 2 === 1;
    const fragments = dirty ? FRAGMENTS : PLAIN;
    const n = Math.floor(random() * 60);
    for (let k = 0; k < n; k++) {
      const r = random();
      if (r < 0.6) parts.push(fragments[Math.floor(random() * fragments.length)]);
      else if (r < 0.8) parts.push(codePoint(random, dirty));
      else parts.push('abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'.slice(Math.floor(random() * 30)).slice(0, 1 + Math.floor(random() * 8)));
    }
    texts.push(parts.join(''));
  }
  return texts;
}

const ODD = [
  '', ' ', '\n\n\n', '\u0000\u0000', '\ufeff“Hi,” she said.', 'a\rb\r\rc', 'a\r\nb\n\rc\u2029d',
  'قال «نحن مستعدون». ثم غادر.', 'הוא אמר: "שלום". אחר כך הלך.', '東京では雨が降った。明日は晴れ。',
  '👨‍👩‍👧‍👦 won. 🏳️‍🌈', 'e' + '\u0301'.repeat(500), '“'.repeat(300), '('.repeat(300) + 'x' + ')'.repeat(300),
  '!?.,;:—…'.repeat(40), '\ud800\udc00\udc00\ud800', '<html><body><article><p>“Yes,” she said.</p></article></body></html>',
];

const MODES = [[], ['--paragraphs', 'lines'], ['--paragraphs', 'blankLines', '--scope', 'all']];
const optionsOf = (args) => ({
  ...(args.includes('lines') && { paragraphs: 'lines' }),
  ...(args.includes('blankLines') && { paragraphs: 'blankLines' }),
  ...(args.includes('all') && { scope: 'all' }),
});

for (const [name, texts] of [['generated strings', generate(300, 20240611)], ['odd strings', ODD]]) {
  for (const args of MODES) {
    test(`JS and CLI agree on ${name} (${args.join(' ') || 'default options'})`, () => {
      const lines = cliLines(texts, args);
      assert.equal(lines.length, texts.length);
      const options = optionsOf(args);
      for (const [i, text] of texts.entries()) {
        const js = pkg.analyze(text, options);
        assert.deepEqual(lines[i], { id: i, result: js }, `case ${i}: ${JSON.stringify(text)}`);
        checkOffsets(text, js);
      }
    });
  }
}
