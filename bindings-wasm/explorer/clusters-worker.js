// Value-based clusters of the page's table, found off the main thread (100 Leiden starts on
// a 98-industry table take about 0.2 s of WebAssembly; a user's own table may be larger).
// The listener is set before anything loads, and the package is imported inside it by
// relative path (a module worker does not see the page's import map): the page posts one
// message, { dataset } for an embedded table or { json } for its own, with the options of
// `RegionalTable.clusters`, and gets one back.
self.onmessage = async ({ data }) => {
  const t0 = performance.now();
  let table;
  try {
    const { RegionalTable, buildDataset } = await import("../index.browser.js");
    const { SOURCES } = await import("../pkg/data.js");
    table = data.dataset ? buildDataset(data.dataset, SOURCES) : RegionalTable.fromJson(data.json);
    const clusters = table.clusters(data.options);
    self.postMessage({ clusters, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ error: `${e.name}: ${e.message}` });
  } finally {
    table?.free();
  }
};
