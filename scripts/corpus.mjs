// Runs the three-language agreement corpus (tests/make_corpus.py) in JavaScript, as
// core/examples/corpus.rs does in Rust: node scripts/corpus.mjs CORPUS.json OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import { RegionalTable } from "../bindings-wasm/index.node.js";

const result = (f) => {
  try {
    return f();
  } catch (e) {
    if (typeof e.code !== "string") throw e;
    return { error: e.code };
  }
};

function run(c) {
  let t;
  try {
    t = RegionalTable.fromJson(c.table);
  } catch (e) {
    return { error: e.code };
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
    };
  } finally {
    t.free();
  }
}

const [input, output] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(input, "utf8"));
writeFileSync(output, JSON.stringify(corpus.cases.map(run)));
