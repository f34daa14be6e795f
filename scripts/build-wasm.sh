#!/usr/bin/env bash
# Builds the npm package in bindings-wasm/pkg with the pinned wasm-bindgen-cli.
# Usage: scripts/build-wasm.sh            (run from anywhere)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/localecon/target}"
WB_VERSION="$(grep -E '^wasm-bindgen = "=' "$ROOT/Cargo.toml" | sed -E 's/.*"=([0-9.]+)".*/\1/')"
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "wasm-bindgen-cli $WB_VERSION not on PATH; run scripts/install.sh" >&2
  exit 1
fi
rm -rf "$ROOT/bindings-wasm/pkg"
OPT="$ROOT/bindings-wasm/node_modules/.bin/wasm-opt"
# module PROFILE OUT_DIR WASM_OPT_LEVEL [cargo flags]: one WebAssembly module and its glue
module() {
  local profile="$1" out="$2" level="$3"
  shift 3
  cargo build -p localecon-wasm --target wasm32-unknown-unknown --profile "$profile" "$@"
  local wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/localecon_wasm.wasm"
  wasm-bindgen --target web --out-dir "$out" --out-name localecon "$wasm"
  # the class and string checks of arguments as typed localecon errors (not a plain Error, not a trap)
  node "$ROOT/scripts/typed-glue.mjs" "$out/localecon.js"
  if [ -x "$OPT" ]; then
    local before after
    before=$(stat -c %s "$out/localecon_bg.wasm")
    "$OPT" "$level" --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      "$out/localecon_bg.wasm" -o "$out/localecon_bg.opt.wasm"
    mv "$out/localecon_bg.opt.wasm" "$out/localecon_bg.wasm"
    after=$(stat -c %s "$out/localecon_bg.wasm")
    echo "wasm-opt $level: $before -> $after bytes ($out)"
  fi
}
# every binding (`localecon`)
module release-wasm "$ROOT/bindings-wasm/pkg" -O3
# the report alone (`localecon/report`): a table, its report, multipliers, leakage, audit
module release-wasm-report "$ROOT/bindings-wasm/pkg/report" -Os --no-default-features
cargo run --release --quiet -p localecon --example export_datasets -- "$ROOT/bindings-wasm/pkg/data.js"
echo "built $(stat -c %s "$ROOT/bindings-wasm/pkg/localecon_bg.wasm") bytes: bindings-wasm/pkg/localecon_bg.wasm (no data); $(stat -c %s "$ROOT/bindings-wasm/pkg/report/localecon_bg.wasm") bytes: bindings-wasm/pkg/report/localecon_bg.wasm; data entry point $(stat -c %s "$ROOT/bindings-wasm/pkg/data.js") bytes"
