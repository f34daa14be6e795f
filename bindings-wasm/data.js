// The embedded datasets, as a separate entry point (`import { dataset } from "localecon/data"`):
// the WebAssembly module itself carries no data, so pages that load their own tables stay small.
import { buildDataset } from "localecon";
import { NAMES, SOURCES, BRES_2019_EMPLOYMENT, SCOTLAND_2019_ATTRIBUTION, BRES_2019_ATTRIBUTION } from "./pkg/data.js";

export { SCOTLAND_2019_ATTRIBUTION, BRES_2019_ATTRIBUTION };

/** The names of the datasets: "scotland-2019", "scotland-2019-sections", "glasgow-2019", "miller-blair-2sector". */
export function datasetNames() {
  return NAMES.slice();
}

/** A dataset as a RegionalTable (free it when done), built from its raw files by the same code
 * as in Rust and Python (Glasgow is regionalised from Scotland at load, imports by product are
 * estimated at load). */
export function dataset(name) {
  return buildDataset(name, SOURCES);
}

/** The report of a dataset, as a plain object (stateless: nothing to free). */
export function datasetReport(name) {
  const t = dataset(name);
  try {
    return t.report();
  } finally {
    t.free();
  }
}

/** BRES 2019 jobs by the 98 industries of the Scotland table: { scotland, glasgow }. */
export function bres2019Employment() {
  return { scotland: BRES_2019_EMPLOYMENT.scotland.slice(), glasgow: BRES_2019_EMPLOYMENT.glasgow.slice() };
}

/** The table text of a dataset in the labelled CSV layout (without its imports by product,
 * which only the JSON carries). */
export function datasetCsv(name) {
  const t = dataset(name);
  try {
    return t.toCsv();
  } finally {
    t.free();
  }
}
