#!/usr/bin/env bash
# Sets up, builds and serves the page on http://127.0.0.1:8080 (PORT overrides) until stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve.mjs
