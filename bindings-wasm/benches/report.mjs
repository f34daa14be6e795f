// The 98-industry Scotland report in Node, timed: the very first report of the process
// (V8 compiles WebAssembly lazily), the median of 50 after ten warm-up reports (each on a
// fresh table, so with its factorisation and audit), and the split by stage of 50 reports on
// one table (its factor and audit kept after the first, as in the Rust and Python benches).
// Run after scripts/build-wasm.sh: node bindings-wasm/benches/report.mjs
import { dataset } from "../data.js";
import { timedReport } from "./timed-report.js";

const times = [];
for (let i = 0; i < 60; i++) {
  const table = dataset("scotland-2019");
  const t0 = performance.now();
  table.report();
  times.push(performance.now() - t0);
  table.free();
}
const warm = times.slice(10).sort((a, b) => a - b);
const median = (v) => v.slice().sort((a, b) => a - b)[v.length >> 1];
console.log(
  `Scotland 2019 report in Node: first ${times[0].toFixed(1)} ms; ` +
    `median after ten warm-up reports ${warm[warm.length >> 1].toFixed(2)} ms (min ${warm[0].toFixed(2)})`,
);

const table = dataset("scotland-2019");
const stages = new Map();
const whole = [];
for (let i = 0; i < 60; i++) {
  const { ms, stages: split } = timedReport(table);
  if (i < 10) continue;
  whole.push(ms);
  for (const [stage, t] of Object.entries(split)) {
    if (!stages.has(stage)) stages.set(stage, []);
    stages.get(stage).push(t);
  }
}
table.free();
console.log(
  `the same table again (factor and audit kept): median ${median(whole).toFixed(2)} ms; by stage: ` +
    [...stages].map(([s, v]) => `${s} ${median(v).toFixed(3)} ms`).join(", "),
);
