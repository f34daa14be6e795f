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
cargo build -p localecon-wasm --target wasm32-unknown-unknown --profile release-wasm
WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release-wasm/localecon_wasm.wasm"
rm -rf "$ROOT/bindings-wasm/pkg"
wasm-bindgen --target web --out-dir "$ROOT/bindings-wasm/pkg" --out-name localecon "$WASM"
OPT="$ROOT/bindings-wasm/node_modules/.bin/wasm-opt"
if [ -x "$OPT" ]; then
  before=$(stat -c %s "$ROOT/bindings-wasm/pkg/localecon_bg.wasm")
  "$OPT" -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$ROOT/bindings-wasm/pkg/localecon_bg.wasm" -o "$ROOT/bindings-wasm/pkg/localecon_bg.opt.wasm"
  mv "$ROOT/bindings-wasm/pkg/localecon_bg.opt.wasm" "$ROOT/bindings-wasm/pkg/localecon_bg.wasm"
  after=$(stat -c %s "$ROOT/bindings-wasm/pkg/localecon_bg.wasm")
  echo "wasm-opt -O3: $before -> $after bytes"
fi
cargo run --release --quiet -p localecon --example export_datasets -- "$ROOT/bindings-wasm/pkg/data.js"
echo "built $(stat -c %s "$ROOT/bindings-wasm/pkg/localecon_bg.wasm") bytes: bindings-wasm/pkg/localecon_bg.wasm (no data); data entry point $(stat -c %s "$ROOT/bindings-wasm/pkg/data.js") bytes"
