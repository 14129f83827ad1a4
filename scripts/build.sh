#!/usr/bin/env bash
# Builds the npm package into pkg/: the optimized web module (wasm-bindgen --target web, then
# wasm-opt -Oz) plus the package's own files from npm/ (package.json, entries, types, worker,
# stylesheet), and prints its size. `npm pack ./pkg` makes the tarball. Runs the setup first, so
# it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # npm's wasm-opt before any other

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf pkg
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/article_analyzer.wasm
# -ocimfs=20 (--one-caller-inline-max-function-size): wasm-opt inlines a function called from
# one place only when it is small. Its default inlines them all, which merges the big stages
# into a few huge functions that gzip 13 KB worse (and run no faster, measured). --converge
# repeats -Oz while it still shrinks the module.
wasm-opt -Oz -ocimfs=20 --converge --strip-debug --strip-producers \
  pkg/article_analyzer_bg.wasm -o pkg/article_analyzer_bg.wasm
cp npm/package.json npm/README.md npm/index.js npm/index.d.ts npm/node.js npm/worker.js npm/annotate.css pkg/

node scripts/size.mjs
