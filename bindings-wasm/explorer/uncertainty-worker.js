// How sure are a council's numbers: its Monte Carlo over the default ranges of its
// assumptions, run off the page's main thread (about 1 ms of WebAssembly per draw). The
// council, the draws and the seed come in the worker's URL (?council=…&draws=…&seed=…), so
// that, like the other workers, it starts as soon as it has loaded and posts its result once.
import { buildCouncilDefaultUncertainty, buildCouncilUncertainty } from "../index.browser.js";
import { SOURCES } from "../pkg/data.js";

const params = new URL(self.location.href).searchParams;
const t0 = performance.now();
try {
  const council = params.get("council");
  const spec = buildCouncilDefaultUncertainty(council, Number(params.get("draws")), Number(params.get("seed")), SOURCES);
  const m = buildCouncilUncertainty(council, spec, SOURCES);
  self.postMessage({ summary: m.summary, quantiles: m.quantiles, assumptions: m.assumptions, varianceShare: m.varianceShare, notes: m.notes, ms: performance.now() - t0 });
} catch (e) {
  self.postMessage({ error: `${e.name}: ${e.message}` });
}
