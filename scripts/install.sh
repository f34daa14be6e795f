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

# The network-bound installs (the Python environment, Debian's chromium, the npm tools) run in
# the background while cargo compiles wasm-bindgen-cli, the longest step on a fresh machine;
# each writes its own log, shown if it fails.
LOGS="$CACHE/install-logs"
mkdir -p "$LOGS"
pids=()
names=()
background() {
  local name="$1"
  shift
  ("$@") >"$LOGS/$name.log" 2>&1 &
  pids+=("$!")
  names+=("$name")
}

python_env() {
  local venv="$CACHE/venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  if ! "$venv/bin/python" -c "import maturin, pytest, numpy, pandas, mkdocs, material, pymdownx, ruff, matplotlib, pymrio, mypy, nbconvert, nbclient, ipykernel, hypothesis, scipy, twine, dask.distributed, threadpoolctl" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet -r "$ROOT/scripts/requirements-dev.txt"
  fi
}
background python python_env

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "installing Debian's chromium for the browser test (in the background)"
  chromium_install() {
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
  }
  background chromium chromium_install
fi

if [ ! -x "$ROOT/bindings-wasm/node_modules/.bin/tsc" ] || [ ! -x "$ROOT/bindings-wasm/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/bindings-wasm/node_modules/playwright-core" ] || [ ! -d "$ROOT/bindings-wasm/node_modules/katex" ] || [ ! -d "$ROOT/bindings-wasm/node_modules/iframe-worker" ]; then
  background npm bash -c "cd '$ROOT/bindings-wasm' && npm ci --no-audit --no-fund"
fi

WB_VERSION="$(grep -E '^wasm-bindgen = "=' "$ROOT/Cargo.toml" | sed -E 's/.*"=([0-9.]+)".*/\1/')"
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WB_VERSION (takes several minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

failed=0
for k in "${!pids[@]}"; do
  if ! wait "${pids[$k]}"; then
    echo "install of ${names[$k]} failed:" >&2
    cat "$LOGS/${names[$k]}.log" >&2
    failed=1
  fi
done
exit "$failed"
