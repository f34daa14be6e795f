// The same words in Python and JavaScript (issue 14): each class's methods and properties in
// the Python stub (bindings-python/python/localecon/_localecon.pyi) and in the JavaScript
// package are the same names, snake_case against camelCase, apart from the differences listed
// here with the ecosystem reason for each. A capability added to one binding only fails here.
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
