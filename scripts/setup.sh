#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs. Every step checks first and skips
# what is already present, so a second run takes a second or two.
#   bash scripts/setup.sh          toolchain for building the page: wasm target, wasm-bindgen CLI, npm packages
#   bash scripts/setup.sh --test   also Chromium + ChromeDriver (Debian packages) and wasm-pack
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1
say() { printf '[setup] %s\n' "$*" >&2; }

command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup (https://rustup.rs) first"; exit 1; }
command -v npm >/dev/null || { say "npm not found: install Node.js 20 or newer first"; exit 1; }

# 1. The wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. The wasm-bindgen CLI, exactly the version Cargo.lock pins (a mismatch breaks the build).
wbg=$(awk '$0=="name = \"wasm-bindgen\""{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)
if [ -z "$wbg" ]; then say "cannot read the wasm-bindgen version from Cargo.lock"; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  say "installing wasm-bindgen-cli $wbg (takes a few minutes once)"
  cargo install wasm-bindgen-cli --version "$wbg" --no-default-features
fi

# 3. npm packages (wasm-opt from npm's binaryen, playwright-core), when missing or out of date.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$want_test" = 1 ]; then
  # 4. Chromium and its driver from Debian (never a browser download).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # 5. wasm-pack, for `wasm-pack test --headless --chrome`.
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack (takes a few minutes once)"
    cargo install wasm-pack
  fi
fi
