#!/usr/bin/env bash
# Runs the fuzz targets in fuzz/ one after the other, each for SECONDS (default 60), and prints
# how many inputs each tried. Installs what it needs (the nightly toolchain, cargo-fuzz) once.
#   bash scripts/fuzz.sh                 every target for 60 s
#   bash scripts/fuzz.sh 600             every target for 10 minutes
#   bash scripts/fuzz.sh 600 slow_input  one target
# Corpora grow in fuzz/corpus/TARGET (seeded from tests/data/articles/*.txt); a failing input is
# saved in fuzz/artifacts/TARGET/ and replayed with `cargo +nightly fuzz run -s none TARGET FILE`.
# Exits non-zero if any target found a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze clean compare slow_input)
say() { printf '[fuzz] %s\n' "$*" >&2; }

if ! rustup toolchain list | grep -q '^nightly'; then
  say "installing the nightly toolchain (cargo-fuzz needs it)"
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz (takes a minute once)"
  cargo install cargo-fuzz
fi

mkdir -p fuzz/logs
failed=()
summary=()
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  if [ "$target" = compare ]; then
    # Two options bytes, text A, a 0xFF byte, text B: the report pair and each article with itself.
    pair() { { printf '\000\125'; cat "$1"; printf '\377'; cat "$2"; } >"$corpus/$3"; }
    [ -e "$corpus/summit" ] || pair tests/data/articles/politics-summit.txt tests/data/compare/summit-lakeside.txt summit
    for f in tests/data/articles/*.txt; do
      name="self-$(basename "$f" .txt)"
      [ -e "$corpus/$name" ] || pair "$f" "$f" "$name"
    done
  else
    cp -n tests/data/articles/*.txt "$corpus"/ 2>/dev/null || true
  fi
  extra=(-timeout=30)
  case "$target" in
    clean) extra+=(-dict=fuzz/dict/clean.dict) ;;
    slow_input) extra=(-timeout=120 -max_len=257) ;;
  esac
  log="fuzz/logs/$target.log"
  say "$target for ${seconds}s (log: $log)"
  # Safe Rust only (forbid(unsafe_code)): AddressSanitizer adds cost and finds nothing a panic
  # would not; debug assertions and overflow checks stay on.
  if cargo +nightly fuzz run -s none "$target" "$corpus" -- \
      -max_total_time="$seconds" -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$target")
  fi
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log" | tail -1)
  summary+=("$(printf '%-11s %-7s %s' "$target" "$status" "${runs:-see $log}")")
done

printf '\n%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  say "failures in: ${failed[*]} (inputs in fuzz/artifacts/; last lines of fuzz/logs/TARGET.log say why)"
  exit 1
fi
