#!/usr/bin/env bash
# Installs what the tests need (skipping what is present) and runs every test:
# Rust (unit, property, conformance, doctests incl. the README and the book), clippy on the
# native and WebAssembly targets, the Python package (built as a wheel by maturin and
# installed in a virtual environment), the JavaScript package (built by wasm-bindgen) with
# its TypeScript check, the conformance fixtures from all three languages, the report
# example, and the book with its examples.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/localecon/target}"
# The target folder is shared between checkouts (a CI clone reuses the developer's build), and
# cargo judges the workspace's own crates fresh by comparing file times with the last build's,
# whichever checkout made it: a checkout whose files are older than another checkout's build
# would be tested with that build. When the checkout changes, forget the fingerprints of the
# workspace's crates (dependencies stay built).
if [ -d "$CARGO_TARGET_DIR" ] && [ "$(cat "$CARGO_TARGET_DIR/.localecon-root" 2>/dev/null)" != "$ROOT" ]; then
  find "$CARGO_TARGET_DIR" -maxdepth 4 -type d -path '*/.fingerprint/localecon*' -prune -exec rm -rf {} +
fi
mkdir -p "$CARGO_TARGET_DIR"
echo "$ROOT" > "$CARGO_TARGET_DIR/.localecon-root"
CACHE="${LOCALECON_CACHE:-$HOME/.cache/localecon}"
PY="$CACHE/venv/bin/python"
step() { printf '\n=== %s\n' "$*"; }

step "install"
scripts/install.sh

step "rust: format, lints (native and wasm32) and API docs"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p localecon -p localecon-wasm --target wasm32-unknown-unknown -- -D warnings
# the module of `localecon/report`: the same crate without its `full` feature
cargo clippy -p localecon-wasm --target wasm32-unknown-unknown --no-default-features -- -D warnings
# the API docs build without broken links
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p localecon --quiet

step "rust: unit, property, conformance and doc tests"
cargo test --workspace --exclude localecon-python --exclude localecon-wasm
cargo bench -p localecon --no-run --quiet

step "rust: the newcomer's command"
cargo run --release --quiet --example report > "$CACHE/report.txt"
grep -q "Scotland 2019" "$CACHE/report.txt"
cargo run --release --quiet --example report -- --json | "$PY" -c "import json,sys; r=json.load(sys.stdin); assert len(r['sectors']) == 98, len(r['sectors'])"
cargo run --release --quiet --example report -- --dataset scotland-2019-sections --json | "$PY" -c "import json,sys; assert len(json.load(sys.stdin)['sectors']) == 20"
cargo run --release --quiet --example report -- --dataset glasgow-2019 --json | "$PY" -c "import json,sys; assert json.load(sys.stdin)['region'] == 'Glasgow City 2019'"
cargo run --release --quiet --example report -- --table core/examples/two_sectors.csv --json | "$PY" -c "import json,sys; assert json.load(sys.stdin)['sectors'][1]['code'] == 's2'"
cargo run --release --quiet --example report -- --dataset glasgow-2019 --leaks 5 --json | "$PY" -c "import json,sys; r=json.load(sys.stdin); assert len(r['opportunities']) == 5 and r['import_basis'] == 'regionalised'; assert not {o['product'] for o in r['opportunities']} & {e['code'] for e in r['excluded_suppliers']}"
cargo run --release --quiet --example report -- --leaks 3 | grep "Never proposed as suppliers" > /dev/null
cargo run --release --quiet --example report -- --dataset scotland-ruk-2019 --json | "$PY" -c "import json,sys; r=json.load(sys.stdin); assert [x['region'] for x in r['returns']] == ['Scotland', 'Rest of UK'] and len(r['decomposition']['total']) == 40 and any('ESTIMATE' in a for a in r['assumptions'])"
cargo run --release --quiet --example report -- --dataset scotland-councils-2019 | grep "^Glasgow City " > /dev/null
cargo run --release --quiet --example report -- --dataset "three-region-2019:Glasgow City" --json | "$PY" -c "import json,sys; r=json.load(sys.stdin); d=r['leak_destinations']; assert d['regions'] == ['Glasgow City', 'Rest of Scotland', 'Rest of UK'] and abs(sum(d['leak'][0]) - r['returns'][0]['leak_to_other_regions']) < 1e-12 and r['clipped_cells'] > 0"
cargo run --release --quiet --example report -- --dataset scotland-councils-ruk-2019 | grep "^Rest of UK " > /dev/null
cargo run --release --quiet --example report -- --dataset scotland-council-2019:fife --uncertainty 50 --json | "$PY" -c "import json,sys; r=json.load(sys.stdin); s=r['summary'][0]; assert s['indicator'] == 'output_multiplier_type_i' and s['quantiles'][0] <= s['median'] <= s['quantiles'][-1] and len(r['ranges']) == 4"
cargo run --release --quiet --example report -- --dataset glasgow-2019 --footprint | grep "Satellite accounts (Glasgow City 2019)" > /dev/null
cargo run --release --quiet --example report -- --json | "$PY" -c "import json,sys; r=json.load(sys.stdin); s=r['sectors'][0]; assert s['employment_effect_type_i'] > 0 and s['employment_effect_type_ii'] > 0; g=[f for f in s['footprint'] if f['stressor']=='GHG'][0]; assert g['type_i'] > 0 and g['outside'] > 0; assert any('ESTIMATE' in a for a in r['satellite']['assumptions'])"
if cargo run --release --quiet --example report -- --dataset scotland-2019-sections --footprint 2>/dev/null; then echo "--footprint without a satellite must fail" >&2; exit 1; fi
mkdir -p "$CACHE/same/rust" "$CACHE/same/js"
for name in scotland-2019 glasgow-2019; do
  cargo run --release --quiet --example report -- --dataset "$name" --json > "$CACHE/same/rust/$name.json"
done
if cargo run --release --quiet --example report -- --dataset atlantis 2>/dev/null; then echo "an unknown dataset must fail" >&2; exit 1; fi
if cargo run --release --quiet --example report -- --leaks 3 --leak-cap -1 2>/dev/null; then echo "a negative leak cap must fail" >&2; exit 1; fi

step "python: build the wheel, install it, test"
WHEELS="$CACHE/wheels"
rm -rf "$WHEELS"
(cd bindings-python && "$CACHE/venv/bin/maturin" build --release --quiet -o "$WHEELS")
"$CACHE/venv/bin/pip" install --quiet --force-reinstall --no-deps "$WHEELS"/localecon-*.whl
"$CACHE/venv/bin/ruff" check bindings-python tests/python docs
(cd "$CACHE" && "$PY" -m pytest -q -p no:cacheprovider "$ROOT/bindings-python/tests" "$ROOT/tests/python" \
  --doctest-modules --pyargs localecon)
(cd "$CACHE" && "$PY" -m pytest -q -p no:cacheprovider --doctest-glob='*.md' "$ROOT/docs/src")
(cd "$CACHE" && "$PY" -m mypy.stubtest localecon._localecon)
# the typed result classes are themselves well typed
"$PY" -m mypy --ignore-missing-imports --cache-dir "$CACHE/mypy" bindings-python/python/localecon/_results.py
# and a user's type checker sees named results and refuses a misspelt option
"$PY" -m mypy --ignore-missing-imports --warn-unused-ignores --cache-dir "$CACHE/mypy" bindings-python/tests/typecheck/usage.py

step "python: notebooks (stored without outputs, executed headless)"
"$PY" scripts/check_notebooks.py bindings-python/examples
MPLBACKEND=Agg "$CACHE/venv/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.timeout=300 \
  --output-dir "$CACHE/notebooks" bindings-python/examples/*.ipynb

step "python: the wheel in a fresh virtual environment, without the source tree"
FRESH="$(mktemp -d)"
python3 -m venv "$FRESH/venv"
"$FRESH/venv/bin/pip" install --quiet "$WHEELS"/localecon-*.whl
(cd "$FRESH" && "$FRESH/venv/bin/python" -c "import localecon, sys; assert 'site-packages' in localecon.__file__, localecon.__file__; t = localecon.datasets.scotland_2019(); print('fresh venv:', t, round(float(t.multipliers().output_type_i[0]), 4))")
rm -rf "$FRESH"

step "javascript: build the package, test, type-check"
scripts/build-wasm.sh
(cd bindings-wasm && node --test tests/ && node_modules/.bin/tsc -p tests/tsconfig.json)
node --test tests/js/
for name in scotland-2019 glasgow-2019; do
  (cd bindings-wasm && node --input-type=module -e "import { datasetReport } from './data.js'; import { rustNames } from '../scripts/rust-names.mjs'; process.stdout.write(JSON.stringify(rustNames(datasetReport('$name'))))") > "$CACHE/same/js/$name.json"
done
"$PY" scripts/check_same_numbers.py "$CACHE/same/rust" "$CACHE/same/js"

step "three languages agree: 200 random tables, scenarios, rankings, regionalisations, satellites and sparse networks, to the last bit"
mkdir -p "$CACHE/corpus"
"$PY" tests/make_corpus.py "$CACHE/corpus/corpus.json"
cargo run --release --quiet --example corpus -- "$CACHE/corpus/corpus.json" "$CACHE/corpus/rust.json"
node scripts/corpus.mjs "$CACHE/corpus/corpus.json" "$CACHE/corpus/js.json"
"$PY" scripts/check_corpus.py "$CACHE/corpus/corpus.json" "$CACHE/corpus/rust.json" "$CACHE/corpus/js.json"

step "javascript: the Local Economy Explorer in headless Chromium"
(cd bindings-wasm && LOCALECON_ARTIFACTS="$ROOT/artifacts" node --test --test-timeout=180000 tests-browser/)
node scripts/run-doc-js.mjs docs/src

step "docs: build the book (figures, KaTeX, the Explorer) and read it in headless Chromium"
scripts/build-docs.sh "$CACHE/site"
(cd bindings-wasm && LOCALECON_SITE="$CACHE/site" node --test --test-timeout=180000 tests-book/)

step "packaging: wheel, sdist and npm tarball, each checked in a fresh environment"
LOCALECON_DIST="$CACHE/dist" scripts/package.sh

printf '\nall tests passed\n'
