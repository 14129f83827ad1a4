#!/usr/bin/env bash
# Sets up, builds, and runs every test; exits non-zero if any fails.
#   1. native: cargo test (unit, golden, property, CLI, tidy, doc tests)
#   2. binding: wasm-pack test --headless --chrome (the wasm build in headless Chromium)
#   3. JavaScript: node --test (the package from Node, JS/CLI agreement, the page via Playwright,
#      the packed npm package: Node, types, plain page, Vite app, workers, annotate)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/build.sh
export PATH="$PWD/node_modules/.bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }

step "cargo test"
cargo test

step "wasm-pack test --headless --chrome"
CHROMEDRIVER="$(command -v chromedriver)" wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)"

step "cargo build (CLI for the JavaScript tests)"
cargo build --release --bin article-analyzer

step "node --test"
node --test --test-reporter=spec tests/js/ tests/page/ tests/package/
