// Runs the three-language agreement corpus (tests/make_corpus.py) in JavaScript, as
// core/examples/corpus.rs does in Rust: node scripts/corpus.mjs CORPUS.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import { RegionalTable, Satellite, SparseNetwork } from "../bindings-wasm/index.node.js";
import { rustNames } from "./rust-names.mjs";

const result = (f) => {
  try {
    return f();
  } catch (e) {
    if (typeof e.code !== "string") throw e;
    return { error: e.code };
  }
};

function analyseNetwork(w) {
  const net = new SparseNetwork(w.n, new Uint32Array(w.payer), new Uint32Array(w.payee), new Float64Array(w.amount), new Float64Array(w.leaked), new Float64Array(w.retained));
  try {
    return net.analyse({ tolerance: 1e-10, maxIterations: 1000 });
  } finally {
    net.free();
  }
}

function run(c) {
  const network = result(() => analyseNetwork(c.network));
  let t;
  try {
    t = RegionalTable.fromJson(c.table);
  } catch (e) {
    return { error: e.code, network };
  }
  try {
    return {
      report: result(() => t.report()),
      ranking: result(() => t.leakRanking({ topK: 3 })),
      scenario: result(() => t.evaluateScenario(c.scenario)),
      regional: result(() => {
        const r = t.regionalize(new Float64Array(c.national), new Float64Array(c.regional), { delta: c.delta });
        try {
          return r.report();
        } finally {
          r.free();
        }
      }),
      satellite: result(() => {
        const s = Satellite.employment(t);
        try {
          return s.multipliers(t);
        } finally {
          s.free();
        }
      }),
      network,
    };
  } finally {
    t.free();
  }
}

const [input, output] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(input, "utf8"));
writeFileSync(output, JSON.stringify(corpus.cases.map((c) => rustNames(run(c)))));
