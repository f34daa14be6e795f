// The first Scotland 2019 table and report of a Node process, split by step and by the
// report's stages, to show what V8's tiers cost a first call. Run it with V8's flags
// (after scripts/build-wasm.sh):
//   node bindings-wasm/benches/first-call.mjs                                        (lazy baseline compilation, as browsers do)
//   node --no-wasm-lazy-compilation bindings-wasm/benches/first-call.mjs             (all compiled at load by the baseline tier)
//   node --no-liftoff --no-wasm-lazy-compilation bindings-wasm/benches/first-call.mjs (all optimised at load)
//   node bindings-wasm/benches/first-call.mjs --warm                                 (warmUp() first, timed apart)
import { timedReport } from "./timed-report.js";

const t0 = performance.now();
const { warmUp } = await import("../index.node.js");
const t1 = performance.now();
const { dataset } = await import("../pkg/data/scotland-2019.js");
let warm = "";
if (process.argv.includes("--warm")) {
  const a = performance.now();
  warmUp();
  warm = `warmUp() ${(performance.now() - a).toFixed(1)} ms, `;
}
const t2 = performance.now();
const table = dataset();
const t3 = performance.now();
const { ms, stages: split } = timedReport(table);
table.free();
const stages = Object.entries(split).map(([s, t]) => `${s} ${t.toFixed(1)}`);
console.log(
  `module loaded ${(t1 - t0).toFixed(1)} ms, ${warm}dataset module ${(t2 - t1).toFixed(1)} ms, ` +
    `first table ${(t3 - t2).toFixed(1)} ms, first report ${ms.toFixed(1)} ms (${stages.join(", ")})`,
);
