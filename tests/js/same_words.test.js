// The same words in Python and JavaScript (issue 14): each class's methods and properties in
// the Python stub (bindings-python/python/localecon/_localecon.pyi) and in the JavaScript
// package, and the module functions of both, are the same names, snake_case against
// camelCase, apart from the differences listed here with the ecosystem reason for each. A
// capability added to one binding only fails here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as js from "../../bindings-wasm/index.node.js";

const stub = readFileSync(new URL("../../bindings-python/python/localecon/_localecon.pyi", import.meta.url), "utf8");

/** The public methods and properties of a class of the stub. */
function python(cls) {
  const start = stub.indexOf(`\nclass ${cls}:`);
  assert.ok(start >= 0, `class ${cls} in the stub`);
  const rest = stub.slice(start + 1);
  const end = rest.search(/\n(?:class |def |@final|[A-Za-z_]+ ?[:=])/);
  const body = end < 0 ? rest : rest.slice(0, end);
  return new Set([...body.matchAll(/^ {4}def (\w+)/gm)].map((m) => m[1]).filter((n) => !n.startsWith("_")));
}

const snake = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

/** The public methods, properties and static functions of a JavaScript class, in snake_case. */
function javascript(cls) {
  const c = js[cls];
  const own = (o, builtin) => Object.getOwnPropertyNames(o).filter((n) => !builtin.includes(n) && !n.startsWith("__"));
  // a function's own `length`, `name` and `prototype` are JavaScript's, not the class's
  return new Set([...own(c.prototype, ["constructor"]), ...own(c, ["length", "name", "prototype"])].map(snake));
}

// what one language has and the other has not, by design
const ONLY = {
  RegionalTable: {
    python: {},
    javascript: {
      free: "WebAssembly memory is freed by hand",
      solve: "Python solves through the LeontiefModel class",
      leontief_inverse: "Python: LeontiefModel.leontief_inverse",
      regionalize: "Python: the module function localecon.regionalize(table, …)",
      regionalize_uncertainty: "Python: localecon.uncertainty.regionalize_uncertainty(table, …)",
      report_text: "Python: str(report)",
      report_with_satellite: "Python: report(satellite=…), a keyword argument",
      evaluate_scenario_with_satellite: "Python: evaluate_scenario(…, satellite=…)",
    },
  },
  InterregionalTable: {
    python: { from_arrays: "pandas frames with a (region, sector) MultiIndex; JavaScript: new InterregionalTable(parts)" },
    javascript: { free: "WebAssembly memory is freed by hand" },
  },
  Satellite: {
    python: { to_pandas: "a DataFrame" },
    javascript: { free: "WebAssembly memory is freed by hand", to_json: "sent to a Web Worker as JSON; Python pickles it" },
  },
  SparseNetwork: { python: {}, javascript: { free: "WebAssembly memory is freed by hand" } },
  ClusterGraph: { python: {}, javascript: { free: "WebAssembly memory is freed by hand" } },
  MapFlows: { python: {}, javascript: { free: "WebAssembly memory is freed by hand" } },
};

for (const [cls, only] of Object.entries(ONLY)) {
  test(`${cls}: the same words in Python and JavaScript`, () => {
    const py = python(cls);
    const j = javascript(cls);
    assert.ok(py.size > 2 && j.size > 2, `${cls}: ${py.size} Python and ${j.size} JavaScript names read`);
    const pythonOnly = [...py].filter((n) => !j.has(n)).sort();
    const javascriptOnly = [...j].filter((n) => !py.has(n)).sort();
    assert.deepEqual(pythonOnly, Object.keys(only.python).sort(), `${cls}: in Python only`);
    assert.deepEqual(javascriptOnly, Object.keys(only.javascript).sort(), `${cls}: in JavaScript only`);
  });
}

// the module functions: Python's `localecon`, `localecon.datasets` and `localecon.uncertainty`
// (their __all__) against the JavaScript package and its data entry point (the `build…`
// functions are the data entry point's own builders, given the raw files)
const SHORTCUT = "Python's shortcut for one embedded dataset; JavaScript: dataset(name)";
const FUNCTIONS = {
  python: {
    by_name: "an older name of datasets.dataset(name), kept for the book's examples",
    council: "a council's table by council name; JavaScript: dataset(name) with the dataset name",
    kernel_path: "the dense kernels faer chose on this CPU: native only",
    regionalize: "JavaScript: table.regionalize(…)",
    regionalize_uncertainty: "JavaScript: table.regionalizeUncertainty(…)",
    combine_monte_carlo: "chunks of draws combined after Dask ran them on many machines",
    map_councils: "Dask: the councils spread over a cluster",
    map_regions: "Dask: any regions spread over a cluster",
    ...Object.fromEntries(["glasgow_2019", "miller_blair_2sector", "scotland_2019", "scotland_2019_sections", "scotland_councils_2019",
      "scotland_councils_ruk_2019", "scotland_ruk_2019", "scotland_ruk_2019_shared", "three_region_2019"].map((n) => [n, SHORTCUT])),
  },
  javascript: {
    dataset_csv: "Python: datasets.dataset(name).to_csv()",
    dataset_report: "Python: datasets.dataset(name).report()",
    ena_analysis: "Python: FlowSystem(…).analyse()",
    error_kinds: "Python: the constant ERROR_KINDS",
    init_sync: "WebAssembly's initialisation",
    report_from_csv: "Python: RegionalTable.from_csv(text).report()",
    report_from_json: "Python: RegionalTable.from_json(text).report()",
    warm_up: "V8's lazy compilation of WebAssembly moved ahead of a page's first report: no such cost natively",
  },
};

test("module functions: the same words in Python and JavaScript", async () => {
  const data = await import("../../bindings-wasm/data.js");
  const base = new URL("../../bindings-python/python/localecon/", import.meta.url);
  const all = (file) => {
    const text = readFileSync(new URL(file, base), "utf8");
    return [...text.match(/__all__ = \[([\s\S]*?)\]/)[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  };
  const modules = ["datasets", "plot", "uncertainty"];
  const py = new Set(["__init__.py", "datasets.py", "uncertainty.py"].flatMap(all).filter((n) => /^[a-z]/.test(n) && !modules.includes(n)));
  // years stay apart as Python spells them (bres2019Employment: bres_2019_employment)
  const name = (n) => snake(n.replace(/([a-z])(\d{4})/g, "$1_$2"));
  const isFunction = (v) => typeof v === "function" && !(v.prototype && Object.getOwnPropertyNames(v.prototype).length > 1);
  const j = new Set([...Object.entries(js), ...Object.entries(data)].filter(([k, v]) => isFunction(v) && !k.startsWith("build")).map(([k]) => name(k)));
  assert.ok(py.size > 20 && j.size > 20, `${py.size} Python and ${j.size} JavaScript functions read`);
  assert.deepEqual([...py].filter((n) => !j.has(n)).sort(), Object.keys(FUNCTIONS.python).sort(), "in Python only");
  assert.deepEqual([...j].filter((n) => !py.has(n)).sort(), Object.keys(FUNCTIONS.javascript).sort(), "in JavaScript only");
});
