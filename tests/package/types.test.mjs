// The package's TypeScript types: a user's example checks under `tsc --strict --noEmit`, and the
// declared result types match what the analyzer really returns, so they cannot drift apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { loadPkgInNode } from '../page/support.mjs';
import { cleanUp, FIXTURES, pack, project, REPO } from './support.mjs';

const TSC = path.join(REPO, 'node_modules/.bin/tsc');
const COMMON = ['--strict', '--noEmit', '--target', 'es2022', '--lib', 'es2022,dom,dom.iterable', '--skipLibCheck', 'false'];
let dir;
let pkg;

before(async () => {
  dir = project(pack().tarball);
  pkg = await loadPkgInNode();
});
after(cleanUp);

/** Runs tsc in the scratch project; fails the test with tsc's own report. */
function tsc(args) {
  try {
    execFileSync(TSC, [...COMMON, ...args], { cwd: dir, encoding: 'utf8' });
  } catch (err) {
    assert.fail(`tsc ${args.join(' ')} failed:\n${err.stdout}${err.stderr}`);
  }
}

test('a strict TypeScript example type-checks (Node and bundler module resolution, with and without the DOM lib)', () => {
  copyFileSync(path.join(FIXTURES, 'types/example.ts'), path.join(dir, 'example.ts'));
  tsc(['--module', 'nodenext', 'example.ts']);
  tsc(['--module', 'preserve', '--moduleResolution', 'bundler', 'example.ts']);
  tsc(['--module', 'nodenext', 'example.ts', '--lib', 'es2022']);
});

test('tsc rejects the example once a line is wrong (the check has teeth)', () => {
  writeFileSync(path.join(dir, 'wrong.ts'), `import { analyze } from 'article-analyzer';\nconst n: number = analyze('x').quotes[0]!.speaker;\n`);
  assert.throws(
    () => execFileSync(TSC, [...COMMON, '--module', 'nodenext', 'wrong.ts'], { cwd: dir, encoding: 'utf8' }),
    (err) => /Type 'number \| null' is not assignable to type 'number'/.test(err.stdout),
  );
});

// Texts that give every diagnostic code, repair kind and paragraph kind, beside the fixtures.
const EDGE_TEXTS = [
  '',
  '“Open and never closed. Then more.',
  'A stray closing mark” here.',
  'It isnâ€™t over, the <em>mayor</em> said &amp; left.\u200b Bell\u0007 rang.\r\nDone.',
  'Talks End Early\n\nBy Ana Ruiz\n\n3-min read\n\nPhoto: Ana Ruiz\n\nThe talks ended.\n\nThe talks ended.',
  '¶ 😀 “Oui,” dit-il.\n\nHANOI – “Yes,” Lee said.',
];

/** Each sentence of every fixture alone: short and long ones give every readability band. */
function sentencesAlone(texts) {
  return texts.flatMap((text) => pkg.analyze(text).sentences.map((s) => text.slice(s.start, s.end)));
}

test('the declared result types match real results of every fixture article, both ways', () => {
  const dirUrl = new URL('tests/data/articles/', `file://${REPO}/`);
  const fixtures = readdirSync(dirUrl).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, dirUrl), 'utf8'));
  assert.ok(fixtures.length >= 15);
  const results = [...fixtures, ...EDGE_TEXTS].flatMap((text) => [pkg.analyze(text), pkg.analyze(text, { scope: 'all', paragraphs: 'lines' })]);
  const all = [...results, ...sentencesAlone(fixtures).map((s) => pkg.analyze(s))];

  // Every value each closed set takes in these results.
  const seen = {
    ParagraphKind: all.flatMap((r) => r.paragraphs.map((p) => p.kind)),
    QuoteKind: all.flatMap((r) => r.quotes.map((q) => q.kind)),
    DiagnosticCode: all.flatMap((r) => r.diagnostics.map((d) => d.code)),
    RepairKind: all.flatMap((r) => r.repairs.map((x) => x.kind)),
    Band: all.map((r) => r.stats.readability.band).filter((b) => b !== null),
    Schooling: all.map((r) => r.stats.readability.schooling).filter((b) => b !== null),
  };
  const lines = [
    `import type { Analysis, ${Object.keys(seen).join(', ')} } from 'article-analyzer';`,
    // Object literals are checked for missing fields, wrong types and fields the types do not declare.
    `export const results: Analysis[] = ${JSON.stringify(results)};`,
    // A declared value that no result ever takes is drift too.
    'type Unseen<T, S> = [Exclude<T, S>] extends [never] ? true : Exclude<T, S>;',
  ];
  for (const [name, values] of Object.entries(seen)) {
    lines.push(`const seen${name} = ${JSON.stringify([...new Set(values)].sort())} as const satisfies readonly ${name}[];`);
    lines.push(`export const all${name}Seen: Unseen<${name}, (typeof seen${name})[number]> = true;`);
  }
  writeFileSync(path.join(dir, 'results.ts'), lines.join('\n') + '\n');
  tsc(['--module', 'nodenext', 'results.ts']);
});

test('the declared comparison types match real comparisons, both ways', () => {
  const read = (p) => readFileSync(new URL(p, `file://${REPO}/`), 'utf8');
  const summit = read('tests/data/articles/politics-summit.txt');
  const lakeside = read('tests/data/compare/summit-lakeside.txt');
  const results = [
    pkg.compare(summit, lakeside),
    pkg.compare(lakeside, summit, { sentenceThreshold: 0.3, paraphraseThreshold: 0.2 }),
    pkg.compare('', '“Yes,” Lee said.', { scope: 'all' }),
  ];
  const seen = {
    MatchKind: results.flatMap((r) => r.quoteMatches.map((m) => m.kind)),
    DiffOp: results.flatMap((r) => r.quoteMatches.flatMap((m) => m.diff.map((d) => d.op))),
  };
  const lines = [
    `import type { Comparison, ${Object.keys(seen).join(', ')} } from 'article-analyzer';`,
    `export const comparisons: Comparison[] = ${JSON.stringify(results)};`,
    'type Unseen<T, S> = [Exclude<T, S>] extends [never] ? true : Exclude<T, S>;',
  ];
  for (const [name, values] of Object.entries(seen)) {
    lines.push(`const seen${name} = ${JSON.stringify([...new Set(values)].sort())} as const satisfies readonly ${name}[];`);
    lines.push(`export const all${name}Seen: Unseen<${name}, (typeof seen${name})[number]> = true;`);
  }
  writeFileSync(path.join(dir, 'comparisons.ts'), lines.join('\n') + '\n');
  tsc(['--module', 'nodenext', 'comparisons.ts']);
});
