// The web package used from Node: init with bytes, analyze, offsets that slice exactly, errors
// for bad options, and agreement with the CLI's --json on every fixture article.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const root = new URL('../../', import.meta.url);
const pkg = await import(new URL('pkg/article_analyzer.js', root));
const cli = new URL('target/release/article-analyzer', root).pathname;
const articles = new URL('tests/data/articles/', root);

before(async () => {
  await pkg.default({ module_or_path: readFileSync(new URL('pkg/article_analyzer_bg.wasm', root)) });
});

function cliJson(text, args = []) {
  return JSON.parse(execFileSync(cli, ['--json', ...args, '-'], { input: text, maxBuffer: 1 << 28 }).toString());
}

test('JS and CLI agree on every fixture article', () => {
  const files = readdirSync(articles).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const text = readFileSync(new URL(file, articles), 'utf8');
    assert.deepEqual(pkg.analyze(text), cliJson(text), file);
  }
});

test('JS and CLI agree with options and odd text', () => {
  const text = 'Ünïcödé 😀 “Yes,” Zoë said.\r\nLine two 👩‍🔬.\rThree';
  assert.deepEqual(pkg.analyze(text, { paragraphs: 'lines' }), cliJson(text, ['--paragraphs', 'lines']));
});

test('every offset slices the JavaScript string exactly', () => {
  const text = '𝔸 “Crème brûlée,” said Zoë 👩‍🔬 Ruiz. “Again?” she asked.\n\nCafe\u0301 ‘fine’.';
  const r = pkg.analyze(text);
  for (const s of r.sentences) assert.equal(text.slice(s.start, s.end), s.text);
  for (const q of r.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
  }
  assert.equal(r.quotes[0].text, 'Crème brûlée,');
  assert.equal(r.speakers[r.quotes[0].speaker].name, 'Zoë'); // the emoji ends the name
  for (const sp of r.speakers) for (const m of sp.mentions) assert.ok(m.end <= text.length);
});

test('spans point into the pasted text while text fields carry the cleaned words', () => {
  const text = 'Mayor Quits\n\nThe <em>mayor</em> said “it isnâ€™t over,” and left.¬†Then she went home.';
  const r = pkg.analyze(text);
  const q = r.quotes[0];
  assert.equal(q.text, 'it isn’t over,');
  assert.equal(text.slice(q.start, q.end), 'it isnâ€™t over,');
  const repairs = r.repairs.filter((x) => x.kind === 'mojibake');
  assert.deepEqual(repairs.map((x) => [text.slice(x.start, x.end), x.text]), [['â€™', '’'], ['¬†', '\u00a0']]);
  assert.equal(r.sentences[1].text, 'The mayor said “it isn’t over,” and left.');
  assert.equal(text.slice(r.sentences[1].start, r.sentences[1].end), 'The <em>mayor</em> said “it isnâ€™t over,” and left.');
  assert.deepEqual(r.paragraphs.map((p) => p.kind), ['headline', 'body']);
  const codes = r.diagnostics.map((d) => d.code);
  for (const code of ['removedMarkup', 'repairedEncoding', 'leftOut']) assert.ok(codes.includes(code), code);
});

test('the result is plain data in the documented shape', () => {
  const r = pkg.analyze('“We walked away,” Mr. Lee said.');
  assert.equal(r.schemaVersion, 1);
  assert.deepEqual(Object.keys(r), [
    'schemaVersion', 'paragraphs', 'sentences', 'quotes', 'speakers', 'stats', 'diagnostics', 'repairs',
  ]);
  assert.deepEqual(r.paragraphs, [{ start: 0, end: 31, kind: 'body', dateline: null }]);
  assert.deepEqual(r.repairs, []);
  assert.deepEqual(r.quotes[0], {
    start: 1, end: 16, text: 'We walked away,', kind: 'direct', sentence: 0, speaker: 0,
    cue: { start: 26, end: 30, text: 'said' }, continues: null,
  });
  assert.deepEqual(r.speakers, [{ name: 'Lee', mentions: [{ start: 18, end: 25 }], quotes: [0] }]);
  assert.deepEqual(Object.keys(r.stats), [
    'words', 'uniqueWords', 'characters', 'charactersNoSpaces', 'letters', 'syllables', 'sentences',
    'paragraphs', 'polysyllabicWords', 'complexWords', 'longWords', 'contentWords', 'wordsPerSentence',
    'syllablesPerWord', 'lettersPerWord', 'longestSentence', 'longestSentenceWords', 'typeTokenRatio',
    'lexicalDensity', 'readingTimeSeconds', 'speakingTimeSeconds', 'sentenceLengthHistogram', 'topWords',
    'topWordsWithStopWords', 'topBigrams', 'topTrigrams', 'topNames', 'readability',
  ]);
  const { words, uniqueWords, characters, charactersNoSpaces, letters, sentences, paragraphs, contentWords } = r.stats;
  // We walked away Mr Lee said: 2 + 6 + 4 + 2 + 3 + 4 letters; "we" is the only function word.
  assert.deepEqual(
    { words, uniqueWords, characters, charactersNoSpaces, letters, sentences, paragraphs, contentWords },
    { words: 6, uniqueWords: 6, characters: 31, charactersNoSpaces: 26, letters: 21, sentences: 1, paragraphs: 1, contentWords: 5 },
  );
  assert.equal(r.stats.lexicalDensity, 0.833);
  assert.deepEqual(r.stats.sentenceLengthHistogram[0], { min: 1, max: 10, count: 1 });
  assert.deepEqual(r.stats.sentenceLengthHistogram[4], { min: 41, max: null, count: 0 });
  assert.deepEqual(r.stats.topWords.map((w) => w.text), ['Lee', 'away', 'walked']);
  assert.deepEqual(Object.keys(r.stats.readability), [
    'fleschReadingEase', 'fleschKincaidGrade', 'gunningFog', 'smog', 'colemanLiau',
    'automatedReadabilityIndex', 'lix', 'band', 'schooling',
  ]);
  assert.deepEqual(Object.keys(r.sentences[0]), [
    'start', 'end', 'text', 'paragraph', 'words', 'grade', 'hard', 'veryHard', 'adverbs', 'passive',
  ]);
  assert.deepEqual([r.sentences[0].words, r.sentences[0].hard, r.sentences[0].adverbs], [6, false, []]);
  assert.equal(JSON.stringify(JSON.parse(JSON.stringify(r))), JSON.stringify(r));
});

test('invalid options throw an Error naming the option, and the next call works', () => {
  assert.throws(() => pkg.analyze('x', { colour: 'red' }), (e) => e instanceof Error && /colour/.test(e.message));
  assert.throws(() => pkg.analyze('x', { paragraphs: 'pages' }), (e) => e instanceof Error && /paragraphs/.test(e.message) && /pages/.test(e.message));
  assert.throws(() => pkg.analyze('x', { scope: 'everything' }), (e) => e instanceof Error && /`scope`/.test(e.message));
  const article = 'Talks End Early\n\nBy Ana Ruiz\n\nThe talks ended on Friday.';
  assert.equal(pkg.analyze(article).stats.words, 5);
  assert.equal(pkg.analyze(article, { scope: 'all' }).stats.words, 11);
  assert.throws(() => pkg.analyze('x', 42), (e) => e instanceof Error && /options must be an object/.test(e.message));
  assert.equal(pkg.analyze('One. Two.', null).stats.sentences, 2);
  assert.equal(pkg.analyze('One. Two.', {}).stats.sentences, 2);
});

test('empty and whitespace-only text give an empty result, not an error', () => {
  for (const text of ['', '   \n\t ']) {
    const r = pkg.analyze(text);
    assert.deepEqual([r.paragraphs, r.sentences, r.quotes, r.speakers], [[], [], [], []]);
    assert.equal(r.stats.words, 0);
  }
});
