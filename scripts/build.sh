#!/usr/bin/env bash
# Builds the optimized web package into pkg/ (wasm-bindgen --target web, then wasm-opt -Oz) and
# prints its size. Runs the setup first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # npm's wasm-opt before any other

cargo build --release --target wasm32-unknown-unknown --lib
rm -rf pkg
wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/article_analyzer.wasm
wasm-opt -Oz pkg/article_analyzer_bg.wasm -o pkg/article_analyzer_bg.wasm

node scripts/size.mjs
