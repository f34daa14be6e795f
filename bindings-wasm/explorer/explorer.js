// The Local Economy Explorer: a static page on the localecon npm package. No server code,
// no network: the WebAssembly module and the data entry point are loaded from this folder.
import { RegionalTable } from "localecon";
import { australiaLgaNames, councils, dataset, satellite, SCOTLAND_2019_ATTRIBUTION } from "localecon/data";

const $ = (id) => document.getElementById(id);
const pct = (v) => `${(100 * v).toFixed(1)}%`;
const money = (v, unit) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)} ${unit}`;
const CHANNEL_LABELS = {
  imports_rest_of_country: "imports from the rest of the country",
  imports_rest_of_world: "imports from the rest of the world",
  imports: "imports",
  taxes: "taxes to other governments",
  non_resident_compensation: "wages of in-commuters",
  external_surplus: "profits to outside owners",
  other: "other payments out",
  households: "household savings, taxes and spending outside",
  retained_not_respent: "local income not re-spent (profits, local taxes)",
};
const COLOURS = ["#2c6e91", "#7fb3d5", "#c0392b", "#e59866", "#8e44ad", "#16a085", "#7f8c8d", "#f1c40f", "#2e4053"];

const state = { table: null, name: undefined, report: null, sector: 0, unit: "" };

function setText(id, text, value) {
  const el = $(id);
  el.textContent = text;
  if (value !== undefined) el.dataset.value = String(value);
}

function showError(message) {
  const el = $("error");
  el.textContent = message;
  el.hidden = !message;
}

function svg(tag, attrs, text) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

// `name`: an embedded dataset, whose satellite (jobs, greenhouse-gas estimate) the report carries
function load(table, name) {
  const t0 = performance.now();
  const sat = name ? satellite(name) : undefined;
  let report;
  try {
    report = sat ? table.reportWithSatellite(sat) : table.report();
  } finally {
    sat?.free();
  }
  const ms = performance.now() - t0;
  if (state.table) state.table.free();
  state.table = table;
  state.name = name;
  state.report = report;
  state.unit = report.unit;
  $("timing").dataset.reportMs = ms.toFixed(2);
  $("timing").textContent = `Report computed in ${ms.toFixed(1)} ms.`;
  $("source").textContent = `${report.region}. ${report.source ?? "Source: your own table."}`;
  for (const id of ["sector", "buyer"]) {
    const select = $(id);
    select.replaceChildren(...report.sectors.map((s, k) => new Option(`${s.code} — ${s.name}`, String(k))));
  }
  const largest = report.sectors.reduce((best, s, k) => (s.output > report.sectors[best].output ? k : best), 0);
  state.sector = largest;
  $("sector").value = String(largest);
  $("buyer").value = String(largest);
  renderProducts();
  renderSector();
  renderMultipliers();
  renderRegion();
  renderScenario();
}

// the products the chosen buyer imports and a local sector makes, largest import first
function renderProducts() {
  const buyer = state.report.sectors[Number($("buyer").value)];
  const products = buyer ? state.table.importedProducts(buyer.code) : [];
  $("product").replaceChildren(
    ...products.map((p) => new Option(`${p.product} — ${p.productName} (${p.imports.toFixed(1)} ${state.unit})`, p.product)),
  );
  $("product").dataset.count = String(products.length);
  $("product-note").textContent =
    products.length === 0
      ? "This buyer imports nothing that is made here."
      : `Imports by product: ${state.table.importBasis.replaceAll("_", " ")}.`;
}

function renderRegion() {
  const r = state.report;
  setText("region-retention", pct(r.retentionShare), r.retentionShare);
  setText("region-fci", r.circulation.fci.toFixed(4), r.circulation.fci);
  setText("region-apl", r.circulation.apl.toFixed(3), r.circulation.apl);
  setText("region-robustness", r.circulation.robustness.toFixed(3), r.circulation.robustness);
}

function renderSector() {
  const s = state.report.sectors[state.sector];
  setText("sector-name", s.name);
  setText("sector-leakage", pct(s.leakageShare), s.leakageShare);
  const jobs = s.employmentEffectTypeI;
  const jobs2 = s.employmentEffectTypeII;
  setText(
    "sector-jobs",
    jobs === null ? "— (this table has no employment)" : `${jobs.toFixed(1)} / ${jobs2 === null ? "—" : jobs2.toFixed(1)}`,
    jobs ?? "",
  );
  const ghg = (s.footprint ?? []).find((f) => f.stressor === "GHG");
  setText(
    "sector-ghg",
    ghg ? `${(ghg.typeI + ghg.outside).toFixed(3)} kg CO2e, ${pct(ghg.localShare)} of it emitted in the region` : "— (no emissions data for this table)",
    ghg ? ghg.typeI + ghg.outside : "",
  );
  const t2 = s.outputMultiplierTypeII;
  setText("sector-multiplier", `${s.outputMultiplierTypeI.toFixed(3)} / ${t2 === null ? "—" : t2.toFixed(3)}`, s.outputMultiplierTypeI);
  const shares = s.closedLeakageByChannel ?? { ...s.leakageByChannel, retained_as_local_income: s.retentionShare };
  const entries = Object.entries(shares).filter(([, v]) => Math.abs(v) > 1e-9).sort((a, b) => b[1] - a[1]);
  const chart = $("pound-chart");
  chart.replaceChildren();
  let x = 0;
  const width = 600;
  entries.forEach(([channel, v], k) => {
    const w = Math.max(0, v) * width;
    chart.append(svg("rect", { x: 20 + x, y: 10, width: w, height: 40, fill: COLOURS[k % COLOURS.length], "data-channel": channel, "data-share": String(v) }));
    chart.append(svg("rect", { x: 20, y: 70 + 20 * k, width: 12, height: 12, fill: COLOURS[k % COLOURS.length] }));
    chart.append(svg("text", { x: 40, y: 81 + 20 * k }, `${(100 * v).toFixed(1)}p — ${CHANNEL_LABELS[channel] ?? channel.replaceAll("_", " ")}`));
    x += w;
  });
  const closed = s.closedLeakageByChannel !== null;
  $("pound-text").textContent = closed
    ? `Following every round of local supply chains and household spending, each pound finally leaves or comes to rest as shown; the shares add up to £1.`
    : `This table has no household closure: the bars show where £1 leaks in the supply chain and how much stays as local income.`;
}

function renderMultipliers() {
  const sectors = [...state.report.sectors].sort((a, b) => b.outputMultiplierTypeI - a.outputMultiplierTypeI).slice(0, 10);
  const chart = $("multipliers-chart");
  chart.replaceChildren();
  const max = Math.max(...sectors.map((s) => s.outputMultiplierTypeII ?? s.outputMultiplierTypeI));
  sectors.forEach((s, k) => {
    const y = 10 + 24 * k;
    const w1 = (s.outputMultiplierTypeI / max) * 380;
    const w2 = ((s.outputMultiplierTypeII ?? s.outputMultiplierTypeI) / max) * 380;
    chart.append(svg("rect", { x: 220, y, width: w2, height: 18, fill: "#a3c4dc" }));
    chart.append(svg("rect", { x: 220, y, width: w1, height: 18, fill: "#2c6e91", "data-code": s.code, "data-value": String(s.outputMultiplierTypeI) }));
    chart.append(svg("text", { x: 4, y: y + 13 }, `${s.code} ${s.name}`.slice(0, 32)));
    chart.append(svg("text", { x: 224 + w2, y: y + 13 }, s.outputMultiplierTypeI.toFixed(2)));
  });
}

function localGovernmentColumn() {
  const doc = JSON.parse(state.table.toJson());
  return doc.final_demand.find((c) => c.kind === "local_government") ?? doc.final_demand.find((c) => c.kind === "households");
}

function renderScenario() {
  const report = state.report;
  const procurement = Number($("procurement").value) / 100;
  const substitution = Number($("substitution").value) / 100;
  $("procurement-value").textContent = String(Math.round(procurement * 100));
  $("substitution-value").textContent = String(Math.round(substitution * 100));
  const changes = [];
  const column = localGovernmentColumn();
  if (procurement > 0 && column) {
    const amount = procurement * column.values.reduce((a, b) => a + Math.max(0, b), 0);
    changes.push({ type: "spending", label: "local procurement", amount, localShare: 1, pattern: column.label });
  }
  const buyer = report.sectors[Number($("buyer").value)];
  const product = $("product").value;
  if (substitution > 0 && buyer && product) {
    changes.push({ type: "import_substitution", buyer: buyer.code, product, share: substitution });
  }
  const t0 = performance.now();
  try {
    if (changes.length === 0) {
      setText("delta-output", money(0, state.unit), 0);
      setText("delta-income", money(0, state.unit), 0);
      setText("delta-leakage", "±0.0 points", 0);
    } else {
      const r = state.table.evaluateScenario({ name: "explorer", changes });
      setText("delta-output", money(r.difference.output, state.unit), r.difference.output);
      setText("delta-income", money(r.difference.retainedIncome, state.unit), r.difference.retainedIncome);
      setText("delta-leakage", `${(100 * r.difference.leakageShare).toFixed(2)} points`, r.difference.leakageShare);
    }
    renderCurrency();
    showError("");
  } catch (e) {
    showError(`${e.name}: ${e.message}`);
  }
  const ms = performance.now() - t0;
  $("timing").dataset.scenarioMs = ms.toFixed(2);
  $("timing").textContent = `Report computed in ${$("timing").dataset.reportMs} ms; last update in ${ms.toFixed(1)} ms.`;
}

function renderCurrency() {
  const acceptance = Number($("acceptance").value) / 100;
  $("acceptance-value").textContent = String(Math.round(acceptance * 100));
  const el = $("currency-text");
  const sectors = state.report.sectors;
  const hospitality = sectors.filter((s) => /retail|accommodation|food|hotel|restaurant/i.test(s.name)).map((s) => s.code);
  const codes = [...new Set([sectors[state.sector].code, ...hospitality])];
  if (acceptance === 0 || sectors.every((s) => s.outputMultiplierTypeII === null)) {
    el.textContent = "Move the slider to see how a local currency accepted in these sectors would circulate.";
    el.dataset.transactions = "0";
    return;
  }
  const c = state.table.localCurrency({ acceptance: codes.map((code) => [code, acceptance]), redemption: 0.35, fee: 0.03, holdingDays: 10, substitution: 0.1 });
  el.dataset.transactions = String(c.transactions);
  el.textContent = `Accepted by ${pct(acceptance)} of ${codes.join(", ")}, a unit changes hands ${c.transactions.toFixed(3)} times before it is redeemed (${c.velocityPerYear.toFixed(1)} times a year at 10 days' holding), and lifts the region's Type II multiplier from ${c.multiplierBefore.toFixed(4)} to ${c.multiplierAfter.toFixed(4)}.`;
}

async function loadFile(file) {
  const text = await file.text();
  try {
    const table = file.name.toLowerCase().endsWith(".csv") ? RegionalTable.fromCsv(text) : RegionalTable.fromJson(text);
    load(table);
    showError("");
  } catch (e) {
    showError(`Could not read ${file.name}: ${e.message} (${e.code})`);
  }
}

// the 32 council areas as choices of region, and the atlas of them all from a worker
const COUNCILS = councils();
$("councils").replaceChildren(...COUNCILS.map((c) => new Option(c.council, c.dataset)));

// Australia's LGAs: a searchable list (547 names are too many for a select)
const LGA_PREFIX = "australia-2021:";
const LGAS = new Set(australiaLgaNames().map((n) => n.slice(LGA_PREFIX.length)));
$("lgas").replaceChildren(...[...LGAS].map((name) => new Option(name)));
$("lga").addEventListener("change", () => {
  const name = $("lga").value.trim();
  if (!name) return;
  if (!LGAS.has(name)) {
    showError(`No Local Government Area called "${name}": choose one from the list.`);
    return;
  }
  showError("");
  $("region").value = "";
  load(dataset(LGA_PREFIX + name), LGA_PREFIX + name);
});

function renderAtlas(atlas, ms) {
  const rows = [...atlas.rows].sort((a, b) => b.retentionShare - a.retentionShare);
  const channels = atlas.channels;
  const chart = $("atlas-chart");
  const height = 30 + 18 * rows.length + 24 * (channels.length + 1);
  chart.setAttribute("viewBox", `0 0 640 ${height}`);
  chart.replaceChildren();
  const left = 180;
  const width = 440;
  rows.forEach((r, k) => {
    const y = 10 + 18 * k;
    const g = svg("g", { "data-dataset": r.dataset, "data-retention": String(r.retentionShare) });
    const link = svg("a", { href: "#choose-title", "data-open": r.dataset });
    link.append(svg("text", { x: 4, y: y + 12 }, r.region.replace(/ 2019$/, "")));
    link.addEventListener("click", () => {
      $("region").value = r.dataset;
      load(dataset(r.dataset), r.dataset);
    });
    g.append(link);
    let x = left;
    const parts = [["retained_as_local_income", r.retentionShare], ...channels.map((c) => [c, r.leakageByChannel.find((l) => l.channel === c)?.share ?? 0])];
    parts.forEach(([channel, share], j) => {
      const w = Math.max(0, share) * width;
      g.append(svg("rect", { x, y, width: w, height: 14, fill: j === 0 ? "#27ae60" : COLOURS[(j - 1) % COLOURS.length], "data-channel": channel, "data-share": String(share) }));
      x += w;
    });
    g.append(svg("text", { x: left + 2, y: y + 11, fill: "#fff" }, `${(100 * r.retentionShare).toFixed(0)}p`));
    chart.append(g);
  });
  const legendY = 30 + 18 * rows.length;
  ["retained_as_local_income", ...channels].forEach((c, j) => {
    chart.append(svg("rect", { x: left, y: legendY + 24 * j - 10, width: 12, height: 12, fill: j === 0 ? "#27ae60" : COLOURS[(j - 1) % COLOURS.length] }));
    chart.append(svg("text", { x: left + 18, y: legendY + 24 * j }, c === "retained_as_local_income" ? "stays as local income" : (CHANNEL_LABELS[c] ?? c.replaceAll("_", " "))));
  });
  $("atlas-status").textContent = `${rows.length} council areas, computed in ${ms.toFixed(0)} ms in a background worker. Most retained: ${rows[0].region.replace(/ 2019$/, "")} (${pct(rows[0].retentionShare)}); least: ${rows.at(-1).region.replace(/ 2019$/, "")} (${pct(rows.at(-1).retentionShare)}).`;
  $("atlas-status").dataset.ms = ms.toFixed(2);
  $("atlas-note").textContent = "Assumptions: residents and in-commuters earn the same per job (2011 census commuting); 55.1 % of private trading profits leave Scotland; output per job is Scotland's in every industry. Source: Scottish Government input-output tables 2019, ONS BRES 2019, 2011 Census, ONS regional accounts (Open Government Licence v3.0).";
}

$("atlas-run").addEventListener("click", () => {
  // one worker per run: it computes the atlas on loading, posts it, and is done
  const worker = new Worker(new URL("./atlas-worker.js", import.meta.url), { type: "module" });
  $("atlas-run").disabled = true;
  $("atlas-status").textContent = "Computing 32 regional tables in a background worker …";
  worker.onmessage = ({ data }) => {
    worker.terminate();
    $("atlas-run").disabled = false;
    if (data.error) {
      showError(data.error);
      $("atlas-status").textContent = "";
      return;
    }
    renderAtlas(data.atlas, data.ms);
    document.body.dataset.atlas = "ready";
  };
  worker.onerror = (e) => {
    worker.terminate();
    $("atlas-run").disabled = false;
    $("atlas-status").textContent = "";
    showError(`The atlas worker failed: ${e.message ?? "it could not start"}`);
  };
});

$("region").addEventListener("change", () => {
  $("lga").value = "";
  showError("");
  load(dataset($("region").value), $("region").value);
});
$("file").addEventListener("change", (e) => e.target.files[0] && loadFile(e.target.files[0]));
$("sector").addEventListener("change", () => {
  state.sector = Number($("sector").value);
  renderSector();
  renderCurrency();
});
$("buyer").addEventListener("change", renderProducts);
for (const id of ["procurement", "substitution", "buyer", "product", "acceptance"]) {
  $(id).addEventListener("input", renderScenario);
  $(id).addEventListener("change", renderScenario);
}
$("source").dataset.attribution = SCOTLAND_2019_ATTRIBUTION;
load(dataset($("region").value), $("region").value);
document.body.dataset.ready = "true";

// the leak that comes back: the 32 councils as one system, from a worker
function renderReturns(returns, ms) {
  const rows = [...returns].sort((a, b) => b.returnedPerLeak - a.returnedPerLeak);
  $("returns-table").tBodies[0].replaceChildren(...rows.map((r) => {
    const tr = document.createElement("tr");
    tr.dataset.region = r.region;
    tr.dataset.returned = String(r.returnedPerLeak);
    tr.dataset.leak = String(r.leakToOtherRegions);
    for (const text of [r.region, `${(100 * r.leakToOtherRegions).toFixed(1)}p`, `${(100 * r.returnedPerLeak).toFixed(2)}p`]) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
  const top = rows[0];
  $("returns-status").textContent = `Of the pound that leaks from ${top.region} to the rest of Scotland, ${(100 * top.returnedPerLeak).toFixed(1)}p comes back: the most of the 32 council areas (computed in ${ms.toFixed(0)} ms in a background worker).`;
  $("returns-status").dataset.ms = ms.toFixed(2);
  $("returns-note").textContent = "Assumptions: each council's own trade is its council table's (FLQ, δ = 0.3); what a council buys from the rest of Scotland comes from the other councils in proportion to their output of the product (no distance decay); purchases from the rest of the UK and the world leave the system. Source: Scottish Government input-output tables 2019, ONS BRES 2019, 2011 Census (Open Government Licence v3.0).";
}

$("returns-run").addEventListener("click", () => {
  const worker = new Worker(new URL("./interregional-worker.js", import.meta.url), { type: "module" });
  $("returns-run").disabled = true;
  $("returns-status").textContent = "Building and solving the 32-council system in a background worker …";
  const done = () => {
    worker.terminate();
    $("returns-run").disabled = false;
  };
  worker.onmessage = ({ data }) => {
    done();
    if (data.error) {
      showError(data.error);
      $("returns-status").textContent = "";
      return;
    }
    renderReturns(data.returns, data.ms);
    document.body.dataset.returns = "ready";
  };
  worker.onerror = (e) => {
    done();
    $("returns-status").textContent = "";
    showError(`The interregional worker failed: ${e.message ?? "it could not start"}`);
  };
});

// How sure are these numbers: the selected council's Monte Carlo in a Web Worker
const BAND_NAMES = {
  output_multiplier_type_i: "Type I output multiplier",
  output_multiplier_type_ii: "Type II output multiplier",
  retention_share: "share of £1 that stays as local income",
  leakage_share: "share of £1 that leaks",
  fci: "Finn cycling index",
};

function renderBands(data, council) {
  const lo = data.quantiles.indexOf(0.05);
  const hi = data.quantiles.indexOf(0.95);
  $("bands-table").tBodies[0].replaceChildren(...data.summary.map((s, k) => {
    const tr = document.createElement("tr");
    tr.dataset.indicator = s.indicator;
    tr.dataset.median = String(s.median);
    tr.dataset.low = String(s.quantiles[lo]);
    tr.dataset.high = String(s.quantiles[hi]);
    const shares = data.varianceShare[k];
    const best = shares.reduce((b, v, a) => (v > shares[b] ? a : b), 0);
    const most = shares[best] > 0 ? `${data.assumptions[best].replaceAll("_", " ")} (${(100 * shares[best]).toFixed(0)} %)` : "—";
    const cells = [BAND_NAMES[s.indicator] ?? s.indicator, s.published.toFixed(4), s.quantiles[lo].toFixed(4), s.median.toFixed(4), s.quantiles[hi].toFixed(4), most];
    for (const text of cells) {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
  $("bands-status").textContent = `${council}: ${data.summary.length} figures from 200 draws, computed in ${data.ms.toFixed(0)} ms in a background worker.`;
  $("bands-status").dataset.ms = data.ms.toFixed(2);
  $("bands-note").textContent = `Ranges (assumptions of ours): δ uniform on [0.2, 0.3]; residents' share of the council's wages the 2011 census value ± 0.05; the share of profits owned outside Scotland uniform on [0.4, 0.7]; tax spent locally uniform on [0, 0.2]. ${data.notes[data.notes.length - 1]}.`;
}

$("bands-run").addEventListener("click", () => {
  const name = $("region").value;
  const council = name === "glasgow-2019" ? "Glasgow City" : name;
  if (!council.startsWith("scotland-council-2019:") && council !== "Glasgow City") {
    $("bands-status").textContent = "Choose one of Scotland's council areas above: the bands are of a council table's assumptions.";
    return;
  }
  const url = new URL("./uncertainty-worker.js", import.meta.url);
  url.search = new URLSearchParams({ council, draws: "200", seed: "2019" }).toString();
  const worker = new Worker(url, { type: "module" });
  $("bands-run").disabled = true;
  $("bands-status").textContent = "Drawing 200 versions of the council's table in a background worker …";
  const done = () => {
    worker.terminate();
    $("bands-run").disabled = false;
  };
  worker.onmessage = ({ data }) => {
    done();
    if (data.error) {
      showError(data.error);
      $("bands-status").textContent = "";
      return;
    }
    renderBands(data, council);
    document.body.dataset.bands = council;
  };
  worker.onerror = (e) => {
    done();
    $("bands-status").textContent = "";
    showError(`The uncertainty worker failed: ${e.message ?? "it could not start"}`);
  };
});

// Value-based clusters of the page's table, from a Web Worker
const CLUSTER_METHODS = {
  scottish_government: (resolution) => ({ preset: "scottish_government", resolution }),
  flows: (resolution) => ({ basis: "flows", resolution, starts: 100 }),
  map_equation: () => ({ quality: "map_equation", starts: 20 }),
};

function cell(content) {
  const td = document.createElement("td");
  if (typeof content === "string") td.textContent = content;
  else td.append(content);
  return td;
}

function renderClusters(result, ms, region) {
  const total = result.clusters.reduce((a, c) => a + c.output, 0);
  $("clusters-table").tBodies[0].replaceChildren(...result.clusters.map((c, k) => {
    const tr = document.createElement("tr");
    Object.assign(tr.dataset, {
      cluster: String(c.cluster),
      sectors: c.sectors.join(" "),
      output: String(c.output),
      internal: String(c.internalPurchaseShare),
      turns: String(c.turnsInside),
      retention: String(c.retention),
    });
    // the members: the first names, all of them on opening
    const members = document.createElement("details");
    const summary = document.createElement("summary");
    const shown = c.names.slice(0, 3).join("; ");
    summary.textContent = c.names.length > 3 ? `${shown} and ${c.names.length - 3} more` : shown;
    const list = document.createElement("ul");
    list.replaceChildren(...c.sectors.map((code, j) => {
      const li = document.createElement("li");
      li.textContent = `${code} — ${c.names[j]}`;
      return li;
    }));
    members.append(summary, list);
    const link = c.missingLinks[0];
    if (link) tr.dataset.link = `${link.buyer} ${link.product}`;
    tr.append(
      cell(String(k + 1)),
      cell(members),
      cell(`${c.output.toFixed(0)} ${state.unit} (${pct(c.output / total)})`),
      cell(pct(c.internalPurchaseShare)),
      cell(c.turnsInside.toFixed(3)),
      cell(pct(c.retention)),
      cell(link ? `${link.buyerName} buys ${link.productName} from outside: ${(100 * link.gainPerUnit).toFixed(1)}p` : "— (no member imports what another makes)"),
    );
    return tr;
  }));
  const c = result.clustering;
  const measure = c.quality === "map_equation" ? `codelength ${c.value.toFixed(4)} bits` : `${c.quality === "cpm" ? "CPM" : "directed modularity"} ${c.value.toFixed(4)} at γ = ${c.resolution}`;
  const status = $("clusters-status");
  status.textContent = `${region}: ${c.nClusters} clusters, ${measure}, reached by ${c.startsReachingBest} of ${c.options.starts} starts; computed in ${ms.toFixed(0)} ms in a background worker.`;
  status.dataset.ms = ms.toFixed(2);
  status.dataset.value = String(c.value);
  status.dataset.membership = c.membership.join(" ");
  $("clusters-note").textContent = `Assumptions: ${result.assumptions.join(" ")} A cluster is what a method finds, not a fact: at high resolutions many partitions are nearly as good (compare the starts that reached the best), so read a cluster's core, not its margins.`;
}

$("clusters-method").addEventListener("change", () => {
  $("clusters-resolution").disabled = $("clusters-method").value === "map_equation";
});

$("clusters-run").addEventListener("click", () => {
  const options = CLUSTER_METHODS[$("clusters-method").value](Number($("clusters-resolution").value));
  const region = state.report.region;
  const message = state.name ? { dataset: state.name, options } : { json: state.table.toJson(), options };
  const worker = new Worker(new URL("./clusters-worker.js", import.meta.url), { type: "module" });
  $("clusters-run").disabled = true;
  $("clusters-status").textContent = `Finding the clusters of ${region} in a background worker …`;
  $("clusters-status").dataset.options = JSON.stringify(options);
  const done = () => {
    worker.terminate();
    $("clusters-run").disabled = false;
  };
  worker.onmessage = ({ data }) => {
    done();
    if (data.error) {
      showError(data.error);
      $("clusters-status").textContent = "";
      document.body.dataset.clusters = "error";
      return;
    }
    showError("");
    renderClusters(data.clusters, data.ms, region);
    document.body.dataset.clusters = $("clusters-status").dataset.options;
  };
  worker.onerror = (e) => {
    done();
    $("clusters-status").textContent = "";
    showError(`The clusters worker failed: ${e.message ?? "it could not start"}`);
  };
  worker.postMessage(message);
});
