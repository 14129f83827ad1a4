// The npm package as a user gets it: what `npm pack` puts in the tarball, its package.json, and
// Node 20 importing it by name from a project that installed the tarball.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { loadPkgInNode } from '../page/support.mjs';
import { cleanUp, pack, project, REPO } from './support.mjs';

const ARTICLE = path.join(REPO, 'tests/data/articles/politics-summit.txt');
let packed;
let dir;
let pkg;

before(async () => {
  packed = pack();
  dir = project(packed.tarball);
  pkg = await loadPkgInNode();
});
after(cleanUp);

/** Runs `source` as an ES module file inside the scratch project; returns what it printed as JSON. */
function run(source) {
  const file = path.join(dir, `run-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }));
}

describe('the tarball', () => {
  test('holds the module, its JavaScript, types, worker and stylesheet, and nothing else', () => {
    assert.deepEqual(packed.files, [
      'README.md', 'annotate.css', 'article_analyzer.js', 'article_analyzer_bg.wasm', 'index.d.ts', 'index.js',
      'node.js', 'package.json', 'worker.js',
    ]);
  });

  test('package.json: ES module, exports with types first and the .wasm, files, sideEffects, license, repository', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'node_modules/article-analyzer/package.json'), 'utf8'));
    const cargo = readFileSync(path.join(REPO, 'Cargo.toml'), 'utf8');
    const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"$`, 'm'))[1];
    assert.equal(manifest.name, 'article-analyzer');
    assert.equal(manifest.version, field('version'), 'the same version as the crate');
    assert.equal(manifest.license, field('license'));
    assert.equal(manifest.repository.url, `git+${field('repository')}.git`);
    assert.equal(manifest.type, 'module');
    const root = manifest.exports['.'];
    assert.deepEqual(Object.keys(root), ['types', 'node', 'default'], 'types must come first');
    assert.deepEqual(root, { types: './index.d.ts', node: './node.js', default: './index.js' });
    assert.equal(manifest.exports['./article_analyzer_bg.wasm'], './article_analyzer_bg.wasm');
    assert.equal(manifest.exports['./annotate.css'], './annotate.css');
    for (const target of Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))) {
      assert.ok(packed.files.includes(target.slice(2)), `${target} is exported but not packed`);
    }
    // The JavaScript has no side effects on import (bundlers may drop what is unused); CSS does.
    assert.deepEqual(manifest.sideEffects, ['*.css']);
  });

  test('the worker is packed next to the entry that starts it', () => {
    const index = readFileSync(path.join(dir, 'node_modules/article-analyzer/index.js'), 'utf8');
    // The literal form bundlers recognise.
    assert.match(index, /new Worker\(new URL\('\.\/worker\.js', import\.meta\.url\), \{ type: 'module' \}\)/);
  });
});

describe('Node 20', () => {
  test('import by name, init() with no argument, analyze a file: the same result as the built package', () => {
    const out = run(`
      import init, { analyze, schemaVersion } from 'article-analyzer';
      import { readFileSync } from 'node:fs';
      let early;
      try { analyze('x'); } catch (e) { early = e.message; }
      await init();
      console.log(JSON.stringify({ early, version: schemaVersion(), result: analyze(readFileSync(${JSON.stringify(ARTICLE)}, 'utf8')) }));
    `);
    assert.equal(out.early, 'article-analyzer: await init() before calling analyze()');
    assert.equal(out.version, 1);
    assert.deepEqual(out.result, pkg.analyze(readFileSync(ARTICLE, 'utf8')));
    assert.ok(out.result.quotes.length > 5);
  });

  const inits = {
    'a file URL': `await init(new URL(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm')));`,
    'a path': `await init(fileURLToPath(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm')));`,
    bytes: `await init(readFileSync(fileURLToPath(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm'))));`,
    'a Response': `await init(new Response(readFileSync(fileURLToPath(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm'))), { headers: { 'content-type': 'application/wasm' } }));`,
    'a WebAssembly.Module': `await init(await WebAssembly.compile(readFileSync(fileURLToPath(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm')))));`,
    'initSync with bytes': `initSync(readFileSync(fileURLToPath(import.meta.resolve('article-analyzer/article_analyzer_bg.wasm'))));`,
  };
  for (const [name, load] of Object.entries(inits)) {
    test(`init with ${name}`, () => {
      const out = run(`
        import init, { analyze, initSync } from 'article-analyzer';
        import { readFileSync } from 'node:fs';
        import { fileURLToPath } from 'node:url';
        const warnings = [];
        console.warn = (...args) => warnings.push(args.join(' '));
        ${load}
        console.log(JSON.stringify({ warnings, quote: analyze('“Yes,” Ana Ruiz said.').quotes[0].text }));
      `);
      assert.deepEqual(out, { warnings: [], quote: 'Yes,' });
    });
  }

  test('createAnalyzer() gives the promise API in Node; { worker: true } says it needs a browser', () => {
    const out = run(`
      import { createAnalyzer } from 'article-analyzer';
      const analyzer = await createAnalyzer();
      const result = await analyzer.analyze('“Yes,” Ana Ruiz said.', { scope: 'all' });
      let bad, worker;
      try { await analyzer.analyze('x', { colour: 'red' }); } catch (e) { bad = e.message; }
      try { await createAnalyzer({ worker: true }); } catch (e) { worker = e.message; }
      console.log(JSON.stringify({ speaker: result.speakers[0].name, bad, worker, inWorker: analyzer.worker }));
    `);
    assert.equal(out.speaker, 'Ana Ruiz');
    assert.match(out.bad, /unknown option `colour`/);
    assert.match(out.worker, /needs Web Workers/);
    assert.equal(out.inWorker, false);
  });
});
