// Every conformance fixture, from JavaScript: the same checks the Rust and Python suites run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { RegionalTable, InterregionalTable, enaAnalysis, lm3, averageShare, locationQuotients, slq, fleggLambda, ras } from "../../bindings-wasm/index.node.js";
import { dataset } from "../../bindings-wasm/data.js";
import { jsName } from "../../scripts/rust-names.mjs";

const dir = new URL("../fixtures/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

const ratio = (e, d) => e.map((v, j) => (d[j] === 0 ? 0 : v / d[j]));

// the fixtures spell names as Rust and Python do; JavaScript's objects spell them in camelCase
const js = jsName;
const jsKeys = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [js(k), v]));

const camelSurvey = (s) => ({
  income: s.income,
  organisationIsLocal: s.organisation_is_local,
  spending: s.spending.map((x) => ({ label: x.label, amount: x.amount, localShare: x.local_share, respendLocalShare: x.respend_local_share })),
});

function outputMultipliers(a, n) {
  // column sums of (I − A)⁻¹ by Gauss–Jordan on this small matrix (independent of the package)
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: 2 * n }, (_, j) => (j < n ? (i === j ? 1 : 0) - a[i * n + j] : i === j - n ? 1 : 0)));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return Array.from({ length: n }, (_, j) => m.reduce((s, row) => s + row[n + j], 0));
}

function lqQuantity(lq, field) {
  const n = lq.codes.length;
  const re = new Float64Array(lq.regional);
  const ne = new Float64Array(lq.national);
  if (field === "slq") return slq(re, ne);
  if (field === "lambda") return [fleggLambda(re.reduce((a, b) => a + b), ne.reduce((a, b) => a + b), lq.delta)];
  if (field === "lambda_grid") return lq.lambda_grid.map(([r, d]) => fleggLambda(r, 1, d));
  if (field.endsWith("_matrix")) return locationQuotients(re, ne, field.replace("_matrix", ""), lq.delta);
  if (field === "multiplier_national") return outputMultipliers(lq.a_national, n);
  const [what, method] = field.split("_");
  const q = locationQuotients(re, ne, method, lq.delta);
  const a = lq.a_national.map((v, k) => v * Math.min(q[k], 1));
  return what === "a" ? a : outputMultipliers(a, n);
}

function interregionalQuantity(fx, field) {
  // one ir.* quantity of an interregional fixture (matrices flattened row by row)
  const t = InterregionalTable.fromJson(JSON.stringify(fx.interregional));
  try {
    const accounts = ["multipliers", "production", "consumption", "imports", "exports"];
    if (field === "output") return t.output;
    if (field === "leontief_inverse") return t.leontiefInverse();
    if (field === "impact_output") return t.impact(new Float64Array(fx.delta_f)).output;
    if (field === "impact_single_region") {
      const first = t.regions[0];
      return t.impact(new Float64Array(fx.delta_f)).singleRegion.slice(0, t.index.filter(([r]) => r === first).length);
    }
    if (field === "extraction") {
      const e = t.extraction(fx.extraction_region);
      return [e.total, e.backward, e.forward];
    }
    if (field === "spillover_matrix") return t.spilloverMatrix();
    if (accounts.includes(field)) return t.accounts(fx.stressors)[field].flat();
    const i = t.interdependence();
    if (js(field) in i) return [i[js(field)]].flat(2);
    const d = t.decomposition();
    assert.ok(js(field) in d, `unknown interregional quantity ${field}`);
    return d[js(field)];
  } finally {
    t.free();
  }
}

function quantity(fx, t, name) {
  if (name.startsWith("ir.")) return interregionalQuantity(fx, name.slice(3));
  if (name.startsWith("lq.")) return lqQuantity(fx.lq, name.slice(3));
  if (name.startsWith("ras.")) {
    const r = fx.ras;
    const field = name.slice(4);
    const args = field.startsWith("after_") ? [0, Number(field.slice(6))] : [];
    return ras(new Float64Array(r.u0), r.rows, r.cols, new Float64Array(r.row_targets), new Float64Array(r.col_targets), ...args).matrix;
  }
  if (name.startsWith("ena.")) {
    const a = fx.flow_system ? enaAnalysis(fx.flow_system) : t.ena("open");
    const all = { ...a.flow, ...a.information, ...a.structure };
    assert.ok(js(name.slice(4)) in all, `unknown ENA indicator ${name}`);
    return [all[js(name.slice(4))]];
  }
  if (name.startsWith("lm3.")) return fx.surveys.map((s) => lm3(camelSurvey(s))[js(name.slice(4))]);
  if (name === "average_share") return [averageShare(new Float64Array(fx.shares))];
  if (name === "scenario.substitution_multipliers") {
    const s = fx.substitution;
    return t.importSubstitution(s.buyer, s.product, s.share).outputMultipliers;
  }
  if (name === "scenario.shock_output_type_i") {
    const out = t.impact(new Float64Array(fx.shock)).output;
    return out.direct.map((d, k) => d + out.indirect[k]);
  }
  if (name.startsWith("currency.")) return [t.localCurrency(jsKeys(fx.currency))[js(name.slice(9))]];
  const m = () => t.multipliers();
  const n = t.n;
  switch (name) {
    case "fci_leontief": return [t.fci("open")];
    case "ghosh_column_0": {
      const g = t.ghoshInverse();
      return Array.from({ length: n }, (_, i) => g[i * n]);
    }
    case "ghosh_forward_linkage":
    case "ghosh_forward_linkage_selfcomputed": {
      const g = t.ghoshInverse();
      return Array.from({ length: n }, (_, i) => g.slice(i * n, (i + 1) * n).reduce((a, b) => a + b, 0));
    }
    case "rasmussen_backward": return t.linkages().backward;
    case "rasmussen_forward": return t.linkages().forward;
    case "extraction_total":
    case "extraction_backward":
      return t.codes.map((c) => t.hypotheticalExtraction(c, name.slice("extraction_".length)));
    case "output": return t.output;
    case "leontief_inverse": return t.leontiefInverse();
    case "leontief_diagonal":
    case "leontief_diagonal_published": {
      const l = t.leontiefInverse();
      return Array.from({ length: n }, (_, i) => l[i * n + i]);
    }
    case "impact": return t.solve(new Float64Array(fx.impact_final_demand));
    case "leakage_imports": {
      const l = t.leakage();
      const total = new Array(n).fill(0);
      l.channels.forEach((c, k) => {
        if (c.startsWith("imports")) l.byChannel[k].forEach((v, j) => { total[j] += v; });
      });
      return total;
    }
    default: {
      const match = name.match(/^(output|income|gva|employment)_(multiplier|effect)_(type_i|type_ii)$/);
      assert.ok(match, `unknown quantity ${name}`);
      const [, measure, what, type] = match;
      const key = measure === "gva" ? "valueAdded" : measure;
      const e = m()[key];
      const effect = e[js(type)];
      assert.ok(effect, `${name} not available`);
      return what === "multiplier" && measure !== "output" ? ratio(effect, e.direct) : effect;
    }
  }
}

test("all fixtures are found", () => {
  for (const f of ["miller_blair_2sector.json", "eurostat_de1995.json", "spicosa_nl2000.json", "scotland_2019.json", "oyster_reef.json", "lm3.json", "lq_regionalisation.json", "ras_mb.json", "scenarios_de1995.json", "ir_miller_blair_ch3.json", "ir_mb_problem_3_2.json", "ir_fio_miom.json", "ir_pymrio_small.json", "ir_ioanalysis_toy.json"]) {
    assert.ok(files.includes(f), f);
  }
});

for (const file of files) {
  test(`fixture ${file}`, () => {
    const fx = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
    const t = fx.table ? RegionalTable.fromJson(JSON.stringify(fx.table)) : fx.dataset ? dataset(fx.dataset) : null;
    try {
      assert.ok(fx.checks.length > 0);
      for (const check of fx.checks) {
        const got = quantity(fx, t, check.quantity);
        check.expected.forEach((e, k) => {
          const tol = check.atol + check.rtol * Math.abs(e);
          assert.ok(Math.abs(got[k] - e) <= tol, `${fx.name} ${check.quantity}[${k}]: expected ${e}, got ${got[k]}`);
        });
      }
    } finally {
      t?.free();
    }
  });
}
