// One report timed by stage through its progress callback, shared by benches/report.mjs,
// benches/first-call.mjs and tests-browser/first-report.html (plain JavaScript: Node and
// browsers alike). `stages` maps each stage to its milliseconds, with "before the first
// stage" (entering WebAssembly) and "to a JavaScript object" (after the last stage).
export function timedReport(table) {
  const marks = [];
  const start = performance.now();
  const report = table.report((stage) => marks.push([stage, performance.now()]));
  const end = performance.now();
  const stages = { "before the first stage": marks[0][1] - start };
  for (let k = 0; k + 1 < marks.length; k++) stages[marks[k][0]] = marks[k + 1][1] - marks[k][1];
  stages["to a JavaScript object"] = end - marks.at(-1)[1];
  return { report, ms: end - start, stages };
}
