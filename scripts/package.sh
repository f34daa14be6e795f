#!/usr/bin/env bash
# Builds the release artifacts into dist/ and checks each as its users will meet it:
#   - the Python package: an abi3 wheel (CPython ≥ 3.9) and an sdist, both with the licence
#     texts, checked by `twine check`; the wheel installed into a fresh virtual environment
#     outside the source tree and imported, and the sdist built from source by pip into
#     another and imported;
#   - the npm package: `npm pack` of bindings-wasm (README, licences, no Explorer), installed
#     into a fresh project and imported from Node, its embedded data from `localecon/data`
#     and one dataset alone from `localecon/data/glasgow-2019`.
# Publishing is then one step each: `twine upload dist/*.whl dist/*.tar.gz` and
# `npm publish dist/localecon-<version>.tgz`. Nothing is uploaded here.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/localecon/target}"
CACHE="${LOCALECON_CACHE:-$HOME/.cache/localecon}"
PY="$CACHE/venv/bin/python"
DIST="${LOCALECON_DIST:-$ROOT/dist}"
rm -rf "$DIST" && mkdir -p "$DIST"
[ -x "$PY" ] || scripts/install.sh
"$PY" -m twine --version >/dev/null 2>&1 || "$PY" -m pip install -q "twine>=5"

# the licence texts go into both packages (kept once, at the root of the repository)
trap 'rm -f bindings-python/LICENSE-MIT bindings-python/LICENSE-APACHE bindings-wasm/LICENSE-MIT bindings-wasm/LICENSE-APACHE' EXIT
for d in bindings-python bindings-wasm; do cp LICENSE-MIT LICENSE-APACHE "$d/"; done

echo "== Python: abi3 wheel and sdist"
(cd bindings-python && "$CACHE/venv/bin/maturin" build --release --quiet -o "$DIST" \
  && "$CACHE/venv/bin/maturin" sdist -o "$DIST" >/dev/null)
"$PY" -m twine check --strict "$DIST"/*.whl "$DIST"/*.tar.gz
"$PY" - "$DIST" <<'EOF'
import sys, tarfile, zipfile, pathlib
dist = pathlib.Path(sys.argv[1])
wheel = next(dist.glob("*.whl"))
assert "abi3" in wheel.name, wheel.name
names = zipfile.ZipFile(wheel).namelist()
assert any(n.endswith("LICENSE-APACHE") for n in names) and any(n.endswith("LICENSE-MIT") for n in names), names
assert any(n.endswith("localecon/_results.py") for n in names) and any(n.endswith("py.typed") for n in names)
sdist = next(dist.glob("*.tar.gz"))
members = tarfile.open(sdist).getnames()
assert any(m.endswith("LICENSE-MIT") for m in members), members[:20]
assert any(m.endswith("core/src/lib.rs") for m in members), "the sdist must carry the core crate"
print(f"{wheel.name}: {len(names)} files; {sdist.name}: {len(members)} files")
EOF
FRESH="$(mktemp -d)"
python3 -m venv "$FRESH/venv"
"$FRESH/venv/bin/pip" install -q "$DIST"/*.whl
(cd "$FRESH" && venv/bin/python -c "
import localecon
r = localecon.datasets.scotland_2019().report()
assert r.n_sectors == 98, r.n_sectors
print('wheel installed in a fresh environment:', localecon.__version__, round(r.output_multiplier_type_i, 4))
")
echo "== Python: the sdist built from source in a fresh environment (what pip does where no wheel fits)"
# pip fetches maturin into an isolated build environment and compiles the crates; the shared
# CARGO_TARGET_DIR (exported above) lets the dependencies come from the cache
python3 -m venv "$FRESH/sdist-venv"
"$FRESH/sdist-venv/bin/pip" install -q "$DIST"/*.tar.gz
(cd "$FRESH" && sdist-venv/bin/python -c "
import localecon
r = localecon.datasets.glasgow_2019().report()
assert r.n_sectors == 98, r.n_sectors
print('sdist built from source and installed:', localecon.__version__, round(r.retention_share, 4))
")

echo "== npm: package, install into a fresh project, import"
scripts/build-wasm.sh >/dev/null
(cd bindings-wasm && npm pack --silent --pack-destination "$DIST" >/dev/null)
TARBALL="$(ls "$DIST"/localecon-*.tgz)"
CONTENTS="$(tar -tzf "$TARBALL")"
for f in package/README.md package/LICENSE-MIT package/LICENSE-APACHE package/pkg/localecon_bg.wasm package/data.js package/pkg/data/glasgow-2019.js package/pkg/data/files/glasgow-2019.js package/data-one.d.ts package/report.node.js package/report.browser.js package/report.d.ts package/report-data-one.d.ts package/pkg/report/localecon_bg.wasm package/pkg/report/localecon.js package/pkg/report/localecon.d.ts package/pkg/report/data/glasgow-2019.js; do
  grep -qx "$f" <<<"$CONTENTS" || { echo "npm package lacks $f" >&2; exit 1; }
done
if grep -q "^package/explorer/" <<<"$CONTENTS"; then echo "the npm package must not carry the Explorer" >&2; exit 1; fi
mkdir -p "$FRESH/app" && cd "$FRESH/app"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "$TARBALL"
node --input-type=module -e "
import { RegionalTable } from 'localecon';
import { datasetReport } from 'localecon/data';
import { dataset as glasgow } from 'localecon/data/glasgow-2019';
const g = glasgow();
if (g.name !== 'Glasgow City 2019') throw new Error('per-dataset entry point: ' + g.name);
g.free();
const r = datasetReport('scotland-2019');
if (r.nSectors !== 98) throw new Error('98 sectors expected, got ' + r.nSectors);
const t = RegionalTable.fromArrays(new Float64Array([150, 500, 200, 100]), ['farm', 'mill'], {
  finalDemand: [{ label: 'exports', kind: 'exports_rest_of_world', values: [350, 1700] }],
  primaryInputs: [{ label: 'wages', kind: 'compensation', values: [650, 1400] }],
});
if (Math.abs(t.multipliers().output.typeI[0] - 1.5182) > 1e-4) throw new Error('multipliers');
t.free();
console.log('npm package installed in a fresh project:', r.region, r.outputMultiplierTypeI.toFixed(4));
"
# the report's module alone: its own entry points, the same report
node --input-type=module -e "
import { RegionalTable } from 'localecon/report';
import { dataset as small } from 'localecon/report/data/glasgow-2019';
import { dataset as full } from 'localecon/data/glasgow-2019';
const [a, b] = [small(), full()];
if (!(a instanceof RegionalTable)) throw new Error('localecon/report/data: not the report module\'s table');
if (JSON.stringify(a.report()) !== JSON.stringify(b.report())) throw new Error('localecon/report: another report');
a.free();
b.free();
console.log('localecon/report installed: the same Glasgow report');
"
cd "$ROOT"
rm -rf "$FRESH"
ls -l "$DIST"
