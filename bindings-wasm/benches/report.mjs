// The 98-industry Scotland report in Node, timed: the very first report of the process
// (V8 compiles WebAssembly lazily) and the median of 50 after ten warm-up reports.
// Run after scripts/build-wasm.sh: node bindings-wasm/benches/report.mjs
import { dataset } from "../data.js";

const times = [];
for (let i = 0; i < 60; i++) {
  const table = dataset("scotland-2019");
  const t0 = performance.now();
  table.report();
  times.push(performance.now() - t0);
  table.free();
}
const warm = times.slice(10).sort((a, b) => a - b);
console.log(
  `Scotland 2019 report in Node: first ${times[0].toFixed(1)} ms; ` +
    `median after ten warm-up reports ${warm[warm.length >> 1].toFixed(2)} ms (min ${warm[0].toFixed(2)})`,
);
