#!/usr/bin/env node
// Where the bytes of our .wasm go: code by crate and module, the largest functions, and the data
// segments (word lists, Unicode tables, strings), each raw and as a share of the gzipped module.
//
//   node scripts/bench/wasm-size.mjs [FILE.wasm] [--top 25]
//
// It reads function names from the module's "name" section, so give it a module that still has
// one: by default it runs wasm-bindgen (which keeps names) on the release build in target/, the
// same input `npm run build` optimizes with `wasm-opt -Oz` and more (which drops them). Sizes before
// wasm-opt are larger than the shipped ones; the split between parts is what this is for.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}

/** Sections, function bodies (with names) and data segments of a wasm module. */
export function parse(bytes) {
  const sections = [];
  const bodies = [];
  const data = [];
  const names = new Map();
  let importedFunctions = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id];
    if (id === 0) {
      const [len, p] = leb(bytes, start);
      name = `custom:${new TextDecoder().decode(bytes.subarray(p, p + len))}`;
      if (name === 'custom:name') readNames(bytes, p + len, end, names);
    } else if (id === 2) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i += 1) {
        let len;
        [len, p] = leb(bytes, p);
        p += len;
        [len, p] = leb(bytes, p);
        p += len;
        const kind = bytes[p++];
        if (kind === 0) {
          importedFunctions += 1;
          [, p] = leb(bytes, p);
        } else if (kind === 1) {
          p += 1;
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) {
          p += 2;
        }
      }
    } else if (id === 10) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i += 1) {
        const [len, q] = leb(bytes, p);
        bodies.push({ index: importedFunctions + i, size: q + len - p });
        p = q + len;
      }
    } else if (id === 11) {
      let [count, p] = leb(bytes, start);
      for (let i = 0; i < count; i += 1) {
        const [flags, q] = leb(bytes, p);
        p = q;
        if (flags === 2) [, p] = leb(bytes, p);
        if (flags !== 1) {
          while (bytes[p] !== 0x0b) p += 1; // the offset expression
          p += 1;
        }
        const [len, r] = leb(bytes, p);
        data.push({ offset: r, size: len, bytes: bytes.subarray(r, r + len) });
        p = r + len;
      }
    }
    sections.push({ id, name, size: end - at });
    at = end;
  }
  for (const b of bodies) b.name = names.get(b.index) ?? `func${b.index}`;
  return { sections, bodies, data };
}

function readNames(bytes, p, end, names) {
  while (p < end) {
    const kind = bytes[p];
    const [size, q] = leb(bytes, p + 1);
    if (kind === 1) {
      let [count, r] = leb(bytes, q);
      for (let i = 0; i < count; i += 1) {
        let index;
        let len;
        [index, r] = leb(bytes, r);
        [len, r] = leb(bytes, r);
        names.set(index, new TextDecoder().decode(bytes.subarray(r, r + len)));
        r += len;
      }
    }
    p = q + size;
  }
}

/** The crate and module a (demangled or legacy-mangled) Rust function name belongs to. */
export function owner(name, depth = 2) {
  let n = name;
  const m = n.match(/^_ZN(.*)E$/);
  if (m) {
    const parts = [];
    let s = m[1];
    while (s.length && /^\d/.test(s)) {
      const len = parseInt(s, 10);
      s = s.slice(String(len).length);
      parts.push(s.slice(0, len));
      s = s.slice(len);
    }
    n = parts.join('::');
  }
  n = n.replace(/^<(?:&(?:mut )?)?/, '').replace(/^impl /, '');
  const parts = n.split('::').filter((p) => !/^h[0-9a-f]{16}$/.test(p));
  return parts.slice(0, depth).join('::') || name;
}

function defaultInput() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wasm-size-'));
  const wasm = path.join(ROOT, 'target/wasm32-unknown-unknown/release/article_analyzer.wasm');
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', dir, wasm], { stdio: 'inherit' });
  return path.join(dir, 'article_analyzer_bg.wasm');
}

if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) {
  const args = process.argv.slice(2);
  const top = Number(args[args.indexOf('--top') + 1] || 25);
  const file = args.find((a) => a.endsWith('.wasm')) ?? defaultInput();
  const bytes = readFileSync(file);
  const { sections, bodies, data } = parse(bytes);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  console.log(`${file}: ${kb(bytes.length)}, ${kb(gz(bytes))} gzip`);
  console.log('sections: ' + sections.map((s) => `${s.name} ${kb(s.size)}`).join(', '));
  const code = bodies.reduce((s, b) => s + b.size, 0);
  const dataBytes = data.reduce((s, d) => s + d.size, 0);
  const dataGz = gz(Buffer.concat(data.map((d) => d.bytes)));
  console.log(`code: ${kb(code)} in ${bodies.length} functions; data: ${kb(dataBytes)} in ${data.length} segments (${kb(dataGz)} gzip alone)`);
  for (const depth of [1, 2]) {
    const by = new Map();
    for (const b of bodies) by.set(owner(b.name, depth), (by.get(owner(b.name, depth)) ?? 0) + b.size);
    const rows = [...by].sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log(`\ncode by ${depth === 1 ? 'crate' : 'module'}:`);
    for (const [k, v] of rows) console.log(`  ${kb(v).padStart(9)}  ${(100 * v / code).toFixed(1).padStart(5)}%  ${k}`);
  }
  console.log('\nlargest functions:');
  for (const b of [...bodies].sort((a, c) => c.size - a.size).slice(0, top)) console.log(`  ${kb(b.size).padStart(9)}  ${b.name.slice(0, 140)}`);
  // Data: the segments are one blob in practice; show its largest printable runs (word lists)
  // and how much of it is text.
  const blob = Buffer.concat(data.map((d) => d.bytes));
  const runs = [];
  let start = -1;
  for (let i = 0; i <= blob.length; i += 1) {
    const printable = i < blob.length && (blob[i] === 10 || (blob[i] >= 32 && blob[i] < 127) || blob[i] >= 0xc2);
    if (printable && start < 0) start = i;
    if (!printable && start >= 0) {
      if (i - start >= 256) runs.push({ at: start, size: i - start, head: blob.subarray(start, start + 60).toString('utf8').replace(/\n/g, '\\n') });
      start = -1;
    }
  }
  const textBytes = runs.reduce((s, r) => s + r.size, 0);
  console.log(`\ndata: ${kb(textBytes)} in text runs of 256+ bytes (word lists, messages), ${kb(blob.length - textBytes)} other (tables, short strings)`);
  for (const r of runs.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`  ${kb(r.size).padStart(9)}  ${r.head}`);
}
