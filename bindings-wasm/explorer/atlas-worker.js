// The atlas of Scotland's 32 council areas, computed off the page's main thread: a module
// worker does not see the page's import map, so it imports the package by relative path.
// It computes once, as soon as the module (and the WebAssembly it awaits) has loaded, and
// posts the result: a message sent to it earlier could arrive before it listens.
import { buildCouncilAtlas } from "../index.browser.js";
import { SOURCES } from "../pkg/data.js";

const t0 = performance.now();
try {
  const atlas = buildCouncilAtlas(SOURCES);
  self.postMessage({ atlas, ms: performance.now() - t0 });
} catch (e) {
  self.postMessage({ error: `${e.name}: ${e.message}` });
}
