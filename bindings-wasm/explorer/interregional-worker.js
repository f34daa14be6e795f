// Scotland's 32 council areas as one interregional system (3,136 industries), built and
// decomposed off the page's main thread (about 3 s of WebAssembly); like the atlas worker, it
// imports the package by relative path and posts its result once, as soon as it has loaded.
import { buildInterregionalDataset } from "../index.browser.js";
import { SOURCES } from "../pkg/data.js";

const t0 = performance.now();
try {
  const table = buildInterregionalDataset("scotland-councils-2019", SOURCES);
  try {
    self.postMessage({ returns: table.returns(), ms: performance.now() - t0 });
  } finally {
    table.free();
  }
} catch (e) {
  self.postMessage({ error: `${e.name}: ${e.message}` });
}
