// Type-checked by `tsc` (npm run typecheck): the published definitions describe the API.
import { RegionalTable, InterregionalTable, locationQuotients, ras, type RegionReport, type Multipliers, type TableOptions, type InterregionalDecomposition, type RegionReturn, type Extraction, ClusterGraph, type Clustering, type TableClusters, type LeakRanking } from "../index.js";
import { dataset, datasetReport } from "../data.js";
import { dataset as glasgowAlone, NAME } from "localecon/data/glasgow-2019";
const alone: RegionalTable = glasgowAlone();
const aloneName: string = NAME;
alone.free();
export { aloneName };

// `localecon/report`: the report's module alone, its own RegionalTable, the same result types
import * as reportOnly from "localecon/report";
import { dataset as glasgowReportOnly } from "localecon/report/data/glasgow-2019";
const small: reportOnly.RegionalTable = glasgowReportOnly();
const smallReport: RegionReport = small.report();
const smallReportAgain: reportOnly.RegionReport = smallReport;
const smallMultipliers: Multipliers = small.multipliers();
small.free();
export { smallReportAgain, smallMultipliers };
// optional arguments may be left out (the .d.ts marks them `?`, as the runtime has them)
const bare = glasgowAlone();
const bareRanking: LeakRanking = bare.leakRanking();
const bareClusters: TableClusters = bare.clusters();
// an optional argument that others follow may be left out too (wasm-bindgen would write it
// as a required `T | null | undefined`)
const barePaths = bare.structuralPaths("C");
const bareEna = bare.ena();
const bareGraph = bare.clusterGraph();
const bareQuotients: Float64Array = locationQuotients([1, 2], [3, 4]);
const bareRas = ras([1, 1, 1, 1], 2, 2, [2, 2], [2, 2]);
bareGraph.free();
bare.free();
export { bareRanking, bareClusters, barePaths, bareEna, bareQuotients, bareRas };
// @ts-expect-error: the clusters are not in the report's module
reportOnly.RegionalTable.prototype.clusters;

const options: TableOptions = {
  finalDemand: [{ label: "f", kind: "other", values: [350, 1700] }],
  primaryInputs: [{ label: "va", kind: "compensation", values: new Float64Array([650, 1400]) }],
};
const table: RegionalTable = RegionalTable.fromArrays(new Float64Array([150, 500, 200, 100]), ["s1", "s2"], options);
const m: Multipliers = table.multipliers();
const first: number = m.output.typeI[0];
const typeII: number[] | null = m.output.typeII;
const report: RegionReport = datasetReport("scotland-2019");
const leak: number = report.sectors[0].leakageShare;
// everything the report holds is declared (tests/dts.test.js checks the runtime side)
const reportFci: number = report.circulation.fci;
const closedFci: number | null = report.circulation.fciClosed;
const sources: "compensation" | "compensation_and_surplus" = report.householdClosure.incomeSources;
const compensationShare: number | number[] = report.retentionAssumptions.compensation;
const stressorNames: string[] | undefined = report.satellite?.stressors.map((s) => s.name);
export { reportFci, closedFci, sources, compensationShare, stressorNames };
const n: number = table.n;
table.free();
export { first, typeII, leak, n };

import { enaAnalysis, lm3, type EnaAnalysis, type Lm3Result, type Linkages } from "../index.js";
const ena: EnaAnalysis = enaAnalysis({ labels: ["a"], flows: [0], inputs: [1], exports: [1], dissipation: [0] }, { topCycles: 2 });
const fci: number = ena.flow.fci;
const r: Lm3Result = lm3({ income: 1, spending: [{ label: "x", amount: 1, localShare: 0.5, respendLocalShare: 0.5 }] });
const t2 = dataset("scotland-2019");
const l: Linkages = t2.linkages();
t2.free();
export { fci, r, l };

import { SparseNetwork, type SparseResult, type Convergence } from "../index.js";
const net = new SparseNetwork(2, new Uint32Array([0, 1]), [1, 0], [60, 60], new Float64Array([30, 30]), [10, 10]);
const sr: SparseResult = net.analyse({ tolerance: 1e-12, maxIterations: 50 });
const conv: Convergence = sr.multipliersConvergence;
const its: number = conv.iterations;
const bytes: number = net.memoryBytes;
net.free();
export { sr, its, bytes };

import { Satellite, type StressorMultipliers, type SatelliteAccounts, type Footprint } from "../index.js";
import { satellite } from "../data.js";
const t3 = dataset("scotland-2019");
const sat: Satellite | undefined = satellite("scotland-2019");
if (sat) {
  const sm: StressorMultipliers = sat.multipliers(t3);
  const jobsPerMillion: number = sm.effects[0].typeI[0];
  const fp: Footprint = sat.footprint(t3);
  const acc: SatelliteAccounts = sat.accounts(t3);
  const ghg: number | undefined = t3.reportWithSatellite(sat).sectors[0].footprint?.[0].typeI;
  const own = new Satellite(t3, { stressors: [{ name: "jobs", unit: "jobs", values: Array.from(t3.output) }] });
  own.free();
  sat.free();
  void [jobsPerMillion, fp.local, acc.region, ghg];
}
t3.free();

import { scotlandCouncilAtlas, councilCommuting, gvaValidation, commutingCrossCheck } from "../data.js";
import type { Atlas, GvaValidation, CommutingCheck, CouncilCommuting } from "../index.js";
const atlas: Atlas = scotlandCouncilAtlas();
const stays: number = atlas.rows[0].retentionShare;
const commuting: CouncilCommuting = councilCommuting("Fife");
const netRatio: number = commuting.netRatio;
const validation: GvaValidation = gvaValidation("flq", 0.3);
const ratio: number = validation.areas[0].sections[0].regionalised;
const checks: CommutingCheck[] = commutingCrossCheck();
const coe: number | null = checks[0].coeRatio;
export { stays, netRatio, ratio, coe };

// interregional systems: parts in, typed results out
{
  const t = new InterregionalTable({ regions: [{ name: "r", sectors: ["a"] }, { name: "s", sectors: ["a"] }], z: [0, 1, 1, 0], output: [10, 10] });
  const d: InterregionalDecomposition = t.decomposition();
  const share: number = d.returnedPerLeak[0];
  const back: RegionReturn[] = t.returns();
  const cut: Extraction = t.extraction("r");
  const index: [string, string][] = t.index;
  void [share, back, cut, index];
  t.free();
}

// value-based clusters: typed options in, typed results out
{
  const g = new ClusterGraph(4, new Uint32Array([0, 1, 2]), [1, 2, 3], [1, 1, 1], true);
  const c: Clustering = g.cluster({ quality: "modularity", resolution: 1, starts: 2, seed: 1 });
  const labels: number[] = c.membership;
  const tc: TableClusters = table.clusters({ preset: "scottish_government", missingLinks: 3 });
  const within: number = tc.clusters[0].withinMultiplier;
  // the options a result ran with are typed, every one filled in
  const seed: number = c.options.seed;
  const basis: "flows" | "leontief_inverse" = tc.options.basis;
  const ranking: "per_pound" | "total" = tc.options.rankLinksBy;
  void [labels, within, seed, basis, ranking];
  g.free();
}
