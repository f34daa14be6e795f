#!/usr/bin/env bash
# Builds the book into $1 (default ~/.cache/localecon/site):
#   1. its figures, drawn by localecon.plot from the embedded data (docs/figures.py), so that
#      the pictures and the library cannot drift apart;
#   2. KaTeX and the iframe-worker shim of the offline search (npm packages of bindings-wasm)
#      into the site, so that formulas render and search works offline, without a CDN;
#   3. the Local Economy Explorer with the built WebAssembly package (scripts/build-wasm.sh
#      first), linked from the book;
#   4. mkdocs build --strict (Material, with the offline search), then a check that every
#      formula of the built site parses in KaTeX (scripts/check-math.mjs).
# Needs the Python package installed in the venv (scripts/test.sh does both).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CACHE="${LOCALECON_CACHE:-$HOME/.cache/localecon}"
PY="${PYTHON:-$CACHE/venv/bin/python}"
OUT="${1:-$CACHE/site}"
SRC="$ROOT/docs/src"
WASM="$ROOT/bindings-wasm"

rm -rf "$SRC/figures" "$SRC/assets/katex" "$SRC/assets/iframe-worker" "$SRC/app"
MPLBACKEND=Agg "$PY" docs/figures.py "$SRC/figures"

KATEX="$WASM/node_modules/katex/dist"
mkdir -p "$SRC/assets/katex/contrib"
cp "$KATEX/katex.min.js" "$KATEX/katex.min.css" "$SRC/assets/katex/"
cp "$KATEX/contrib/auto-render.min.js" "$SRC/assets/katex/contrib/"
cp -r "$KATEX/fonts" "$SRC/assets/katex/fonts"
mkdir -p "$SRC/assets/iframe-worker"
cp "$WASM/node_modules/iframe-worker/shim/index.js" "$SRC/assets/iframe-worker/shim.js"

if [ ! -f "$WASM/pkg/localecon_bg.wasm" ]; then
  echo "the Explorer needs the WebAssembly package: run scripts/build-wasm.sh first" >&2
  exit 1
fi
mkdir -p "$SRC/app/pkg"
cp "$WASM/index.browser.js" "$WASM/guard.js" "$WASM/data.js" "$SRC/app/"
cp "$WASM/pkg/localecon.js" "$WASM/pkg/localecon_bg.wasm" "$WASM/pkg/data.js" "$SRC/app/pkg/"
cp -r "$WASM/explorer" "$SRC/app/explorer"

NO_MKDOCS_2_WARNING=1 "$PY" -m mkdocs build --strict -q -f docs/mkdocs.yml -d "$OUT"
node scripts/check-math.mjs "$OUT"
