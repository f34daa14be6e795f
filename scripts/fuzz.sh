#!/usr/bin/env bash
# Runs every cargo-fuzz target for a fixed number of executions (default 20000 each) on the
# nightly toolchain. The corpus grows in fuzz/corpus/<target>; a crash is saved in
# fuzz/artifacts/<target> — copy it to fuzz/regressions/ so that the normal test suite
# (tests/tests/fuzz_regressions.rs) keeps it fixed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-20000}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
cd "$ROOT/fuzz"
for target in read_json read_csv table_builder inputs; do
  echo "=== fuzz $target ($RUNS runs)"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -runs="$RUNS" -max_len=4096
done
