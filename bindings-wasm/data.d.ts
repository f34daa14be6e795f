import type { RegionalTable, InterregionalTable, InterregionalBuild, MonteCarlo, UncertaintySpec, Commuting, RegionReport, Satellite, CouncilCommuting, Atlas, GvaValidation, CommutingCheck, RegionalisationValidation } from "./index.js";
/** Attribution for the Scottish tables (Open Government Licence v3.0). */
export declare const SCOTLAND_2019_ATTRIBUTION: string;
/** Attribution for BRES employment (ONS, Open Government Licence v3.0). */
export declare const BRES_2019_ATTRIBUTION: string;
/** The names of the datasets, then Scotland's 32 council areas. */
export declare function datasetNames(): string[];
/** The 32 council-area dataset names ("scotland-council-2019:glasgow-city", …). */
export declare function councilNames(): string[];
/** A council area's 2011 census travel to work, by dataset or council name. */
export declare function councilCommuting(name: string): CouncilCommuting;
/** The locally owned share of each industry's operating surplus in the Scotland 2019 table. */
export declare function localSurplusShares(outsideOwnedProfitShare?: number): Float64Array;
/** The atlas of Scotland's 32 council areas, one row per council. */
export declare function scotlandCouncilAtlas(): Atlas;
export declare function australiaLgaNames(): string[];
export declare function australiaLgaAtlas(): Atlas;
export declare function councils(): CouncilCommuting[];
export declare function gvaValidation(method?: "slq" | "cilq" | "flq" | "aflq", delta?: number): GvaValidation;
export declare function commutingCrossCheck(): CommutingCheck[];
export declare function regionalisationValidation(): RegionalisationValidation;
/** The names of the embedded interregional datasets; a three-region table is named by its council. */
export type InterregionalDatasetName =
  | "scotland-ruk-2019" | "scotland-ruk-2019-shared" | "scotland-councils-2019"
  | "scotland-councils-ruk-2019" | `three-region-2019:${string}`;
/** An interregional dataset as an InterregionalTable (free it when done): "scotland-ruk-2019",
 * "scotland-ruk-2019-shared", "scotland-councils-2019" or "scotland-councils-ruk-2019" (over
 * 3,000 entries: call them from a Web Worker in a page), "three-region-2019:Glasgow City". */
export declare function interregionalDataset(name: InterregionalDatasetName): InterregionalTable;
/** An interregional dataset with how it was built (clipped cells, balancing, assumptions); free `table` when done. */
export declare function interregionalBuild(name: InterregionalDatasetName): InterregionalBuild;
/** The households of an interregional dataset (census 2011 commuting shares, household income per region). */
export declare function interregionalHouseholds(name: InterregionalDatasetName, table: InterregionalTable): Commuting;
/** A dataset as a RegionalTable (free it when done). */
export declare function dataset(name: string): RegionalTable;
/** The embedded satellite of a dataset ("scotland-2019", "glasgow-2019"), or undefined (free it when done). */
export declare function satellite(name: string): Satellite | undefined;
/** The report of a dataset (stateless); Scotland and Glasgow carry their satellite's figures. */
export declare function datasetReport(name: string): RegionReport;
/** BRES 2019 jobs by the 98 industries of the Scotland table. */
export declare function bres2019Employment(): { scotland: number[]; glasgow: number[] };
/** The table text of a dataset in the labelled CSV layout. */
export declare function datasetCsv(name: string): string;
/** A Monte Carlo over a council table's assumptions (at most 10,000 draws; heavy: use a Web Worker). */
export declare function councilUncertainty(council: string, spec: UncertaintySpec): MonteCarlo;
/** The default Monte Carlo spec of a council (its assumptions' stated default ranges). */
export declare function councilDefaultUncertainty(council: string, draws?: number, seed?: number | bigint): UncertaintySpec;
/** A Monte Carlo over an Australian LGA table's assumptions (at most 10,000 draws; heavy: use a Web Worker). */
export declare function lgaUncertainty(lga: string, spec: UncertaintySpec): MonteCarlo;
