// The embedded datasets, as a separate entry point (`import { dataset } from "localecon/data"`):
// the WebAssembly module itself carries no data, so pages that load their own tables stay small.
import { buildDataset, buildInterregionalDataset, buildInterregionalBuild, buildCouncilUncertainty, buildCouncilDefaultUncertainty, buildLgaUncertainty, buildInterregionalHouseholds, buildSatellite, buildCouncilCommuting, buildCouncils, buildLocalSurplusShares, buildCouncilAtlas, buildAustraliaLgaAtlas, buildGvaValidation, buildCommutingCrossCheck, buildRegionalisationValidation } from "localecon";
import { NAMES, SOURCES, BRES_2019_EMPLOYMENT, SCOTLAND_2019_ATTRIBUTION, BRES_2019_ATTRIBUTION } from "./pkg/data.js";

export { SCOTLAND_2019_ATTRIBUTION, BRES_2019_ATTRIBUTION };

/** The names of the datasets: "scotland-2019", "scotland-2019-sections", "glasgow-2019",
 * "miller-blair-2sector", then Scotland's 32 council areas ("scotland-council-2019:glasgow-city", …). */
export function datasetNames() {
  return NAMES.slice();
}

/** The 32 council-area dataset names. */
export function councilNames() {
  return NAMES.filter((n) => n.startsWith("scotland-council-2019:"));
}

/** A council area's 2011 census travel to work (by dataset or council name): jobs at a fixed
 * workplace, held by residents and by in-commuters, and the resident share. */
export function councilCommuting(name) {
  return buildCouncilCommuting(name, SOURCES);
}

/** Every council area's 2011 census travel to work (one record each, alphabetical by council;
 * `dataset` is its dataset name). */
export function councils() {
  return buildCouncils(SOURCES);
}

/** The locally owned share of each industry's operating surplus in the Scotland 2019 table,
 * with `outsideOwnedProfitShare` (default 0.551) of private profits leaving Scotland. */
export function localSurplusShares(outsideOwnedProfitShare) {
  return buildLocalSurplusShares(SOURCES, outsideOwnedProfitShare);
}

/** The atlas of Scotland's 32 council areas: one row per council (about a second of work:
 * in a page, call it from a Web Worker). */
export function scotlandCouncilAtlas() {
  return buildCouncilAtlas(SOURCES);
}

/** Australia's Local Government Areas with jobs, e.g. "australia-2021:Alice Springs". */
export function australiaLgaNames() {
  return NAMES.filter((n) => n.startsWith("australia-2021:"));
}

/** The atlas of Australia's 547 Local Government Areas with jobs, 2021-22 (in a page, call it
 * from a Web Worker). */
export function australiaLgaAtlas() {
  return buildAustraliaLgaAtlas(SOURCES);
}

/** The council tables' GVA (regionalised by `method`, default "flq", and `delta`, default
 * 0.3), per ITL3 area, against ONS balanced regional GVA 2019. */
export function gvaValidation(method, delta) {
  return buildGvaValidation(SOURCES, method, delta);
}

/** The UK 2019 table regionalised to Scotland by every location-quotient method, each
 * method's Type I output multipliers against the real Scottish table's (20 SIC sections). */
export function regionalisationValidation() {
  return buildRegionalisationValidation(SOURCES);
}

/** Census 2011 commuting against the ONS money measure (resident over workplace
 * compensation), per ITL3 area. */
export function commutingCrossCheck() {
  return buildCommutingCrossCheck(SOURCES);
}

/** An interregional dataset as an InterregionalTable (free it when done): "scotland-ruk-2019",
 * Scotland and the rest of the UK 2019 at the 20 SIC sections, built by double entry from the
 * ONS UK table and the Scottish table; "scotland-ruk-2019-shared", the same at the 94 groups
 * both tables share; "scotland-councils-2019", Scotland's 32 council areas as one system of
 * 3,136 entries; "scotland-councils-ruk-2019", the councils and the rest of the UK (3,102
 * entries; these two take about a second: in a page, call them from a Web Worker); or
 * "three-region-2019:<council>", a council, the rest of Scotland and the rest of the UK.
 * Their assumptions are in the table's source. */
export function interregionalDataset(name) {
  return buildInterregionalDataset(name, SOURCES);
}

/** An interregional dataset with how it was built: `{ table, clipped, clipped_total,
 * row_balancing, column_balancing, assumptions }` (free `table` when done). */
export function interregionalBuild(name) {
  return buildInterregionalBuild(name, SOURCES);
}

/** The households of an interregional dataset built by `interregionalDataset(name)`: census
 * 2011 commuting shares and household income per region, for `table.typeII(...)`. */
export function interregionalHouseholds(name, table) {
  return buildInterregionalHouseholds(name, table, SOURCES);
}

/** A dataset as a RegionalTable (free it when done), built from its raw files by the same code
 * as in Rust and Python (Glasgow is regionalised from Scotland at load, imports by product are
 * estimated at load). */
export function dataset(name) {
  return buildDataset(name, SOURCES);
}

/** The embedded satellite of a dataset ("scotland-2019", "glasgow-2019": FTE or jobs and a
 * greenhouse-gas ESTIMATE from the UK's 2019 accounts) on its table, or undefined. Free it
 * when done. */
export function satellite(name) {
  const t = dataset(name);
  try {
    return buildSatellite(name, t, SOURCES);
  } finally {
    t.free();
  }
}

/** The report of a dataset, as a plain object (stateless: nothing to free). Scotland and
 * Glasgow come with their satellite: every sector carries its jobs and greenhouse gas per
 * unit of final demand (`footprint`), the report the region's accounts (`satellite`), as the
 * main command's JSON. */
export function datasetReport(name) {
  const t = dataset(name);
  let s;
  try {
    s = buildSatellite(name, t, SOURCES);
    return s ? t.reportWithSatellite(s) : t.report();
  } finally {
    s?.free();
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

/** A Monte Carlo over a council table's assumptions (`spec`: { assumptions: { delta: [0.2, 0.3],
 * ... }, draws, seed, quantiles }), at most 10,000 draws (on one thread: in a page, call it
 * from a Web Worker). The same draws and numbers as in Rust and Python. */
export function councilUncertainty(council, spec) {
  return buildCouncilUncertainty(council, spec, SOURCES);
}

/** The default Monte Carlo spec of a council: its assumptions' stated default ranges. */
export function councilDefaultUncertainty(council, draws = 1000, seed = 2019n) {
  return buildCouncilDefaultUncertainty(council, draws, seed, SOURCES);
}

/** A Monte Carlo over an Australian LGA table's assumptions (delta, resident_share,
 * local_surplus_share, tax_retention, flow_noise), at most 10,000 draws. */
export function lgaUncertainty(lga, spec) {
  return buildLgaUncertainty(lga, spec, SOURCES);
}
