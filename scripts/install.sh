#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine; skips what is already present.
#   Rust target wasm32-unknown-unknown, wasm-bindgen-cli (pinned), a Python virtual
#   environment with maturin, pytest, numpy, pandas, ruff, mkdocs, and the npm dev tools.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${LOCALECON_CACHE:-$HOME/.cache/localecon}"
mkdir -p "$CACHE"

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  rustup target add wasm32-unknown-unknown
fi

WB_VERSION="$(grep -E '^wasm-bindgen = "=' "$ROOT/Cargo.toml" | sed -E 's/.*"=([0-9.]+)".*/\1/')"
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (takes several minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

VENV="$CACHE/venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import maturin, pytest, numpy, pandas, mkdocs, ruff, matplotlib, pymrio, mypy, nbconvert, nbclient, ipykernel, hypothesis, scipy" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet -r "$ROOT/scripts/requirements-dev.txt"
fi

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "installing Debian's chromium for the browser test"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium
fi

if [ ! -x "$ROOT/bindings-wasm/node_modules/.bin/tsc" ] || [ ! -x "$ROOT/bindings-wasm/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/bindings-wasm/node_modules/playwright-core" ]; then
  (cd "$ROOT/bindings-wasm" && npm ci --no-audit --no-fund)
fi
