"""Typed results: one class per core result, built from the core's serde form.

The Rust binding turns any core result into its JSON form and hands it to the class named
here (``convert::typed`` in ``bindings-python/src/convert.rs``); the class converts its fields
by their annotations: lists of numbers become float arrays, nested records their own classes,
lists of records a :class:`Records` list with ``to_pandas()``. So a new core result needs one
class here (its fields, as in the core) and one line in the binding.

Every result reads by attribute (``impact.output.total``) and, like SciPy's
``OptimizeResult``, also by key (``impact["output"]["total"]``); ``to_dict()`` gives the plain
JSON form back, ``to_pandas()`` a labelled DataFrame, and Jupyter shows the DataFrame.
Results pickle as plain Python objects.
"""

from __future__ import annotations

import html
import json
import types
import typing
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import numpy as np
from numpy.typing import NDArray

from . import _localecon

if TYPE_CHECKING:
    import pandas as pd

Vector = NDArray[np.float64]



R = TypeVar("R", bound="Record")

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = {k: v for k, v in typing.get_type_hints(cls).items() if not k.startswith("_")}
    return _HINTS[cls]


def _convert(hint: Any, value: Any) -> Any:
    if value is None or hint is None:
        return value
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        return _convert(real[0], value) if len(real) == 1 else value
    if origin is np.ndarray:
        return np.asarray(value, dtype=np.float64)
    if hint is RegionReport:
        return RegionReport._from_json(json.dumps(value))
    if isinstance(hint, type) and issubclass(hint, Result):
        return hint(value)
    if isinstance(origin, type) and issubclass(origin, Records):
        return origin(args[0], value)
    if origin is list and args and isinstance(args[0], type) and issubclass(args[0], Result):
        return Records(args[0], value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Result):
        return value.to_dict()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, RegionReport):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Result(Mapping[str, Any]):
    """A result of localecon: fields by attribute or by key, ``to_dict``, ``to_pandas``."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        hints = _hints(type(self))
        self._keys = tuple(k for k in data if not k.startswith("_"))
        for key, value in data.items():
            setattr(self, key, _convert(hints.get(key), value))

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return json.dumps(self.to_dict(), sort_keys=True) == json.dumps(
            _plain(dict(other)), sort_keys=True, default=_plain
        )

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> dict[str, Any]:
        """The result as plain Python values: the core's JSON form."""
        return {k: _plain(getattr(self, k)) for k in self._keys}

    def to_pandas(self) -> pd.DataFrame:
        """One row per field that is a number, string or flag (``field``, ``value``)."""
        import pandas as pd

        scalars = {
            k: v
            for k in self._keys
            if isinstance(v := getattr(self, k), (int, float, str, bool)) or v is None
        }
        return pd.Series(scalars, name=type(self).__name__, dtype=object).to_frame("value")

    def __repr__(self) -> str:
        shown = []
        for k in self._keys:
            v = getattr(self, k)
            if isinstance(v, float):
                shown.append(f"{k}={v:.6g}")
            elif isinstance(v, (int, str, bool)) or v is None:
                shown.append(f"{k}={v!r}")
            elif isinstance(v, np.ndarray):
                shown.append(f"{k}=<{v.size} values>")
            elif isinstance(v, list):
                shown.append(f"{k}=<{len(v)} items>")
            else:
                shown.append(f"{k}=<{type(v).__name__}>")
        return f"{type(self).__name__}({', '.join(shown)})"

    def _repr_html_(self) -> str:
        frame = self.to_pandas()
        return f"<p><b>{type(self).__name__}</b></p>" + frame._repr_html_()


class Records(list, Generic[R]):  # type: ignore[type-arg]
    """A list of records of one result type; ``to_pandas()`` gives one row per record."""

    def __init__(self, kind: type[R], data: list[Any]) -> None:
        super().__init__(kind(d) for d in data)
        self.kind = kind

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        rows = [self.kind._row(r) for r in self]
        return pd.DataFrame(rows, columns=self.kind._columns(rows))

    def to_dict(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]

    def _repr_html_(self) -> str:
        return self.to_pandas()._repr_html_()


class Record(Result):
    """A result that is one row of a table (a path, a cycle, a component …)."""

    def _row(self) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for k in self._keys:
            v = getattr(self, k)
            if isinstance(v, list) and all(isinstance(x, str) for x in v):
                row[k] = " → ".join(v) if k in ("codes", "labels") else ", ".join(v)
            elif isinstance(v, (list, np.ndarray)):
                row[k] = list(v)
            elif isinstance(v, Record):
                row.update({f"{k}_{kk}": vv for kk, vv in v._row().items()})
            else:
                row[k] = v
        return row

    @classmethod
    def _columns(cls, rows: list[dict[str, Any]]) -> list[str] | None:
        return list(rows[0]) if rows else list(_hints(cls))

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame([self._row()])


# ---- tables and their scenarios ------------------------------------------------------------


class Sector(Record):
    """A sector's code and name."""

    code: str
    name: str


class Split(Result):
    """An effect split into rounds: direct, indirect (supply chain), induced (households)."""

    direct: Vector
    indirect: Vector
    induced: Vector | None
    total_direct: float
    total_indirect: float
    total_induced: float | None
    total: float


class Impact(Result):
    """The impact of a final-demand change, by sector and round (``RegionalTable.impact``)."""

    sectors: Records[Sector]
    final_demand: Vector
    household_income: float
    output: Split
    income: Split
    value_added: Split
    employment: Split | None
    leakage: list[tuple[str, float]]
    retained_income: float

    def to_pandas(self) -> pd.DataFrame:
        """One row per sector; columns (measure, round), e.g. ``("output", "indirect")``."""
        import pandas as pd

        columns = {}
        for measure in ("output", "income", "value_added", "employment"):
            split = getattr(self, measure)
            if split is None:
                continue
            for part in ("direct", "indirect", "induced"):
                values = getattr(split, part)
                if values is not None:
                    columns[(measure, part)] = values
        frame = pd.DataFrame(columns, index=pd.Index([s.code for s in self.sectors], name="code"))
        frame.insert(0, ("final_demand", ""), self.final_demand)
        return frame


class Path(Record):
    """One structural path: the sectors a pound passes, and the value it carries."""

    nodes: list[int]
    codes: list[str]
    value: float


class StructuralPaths(Result):
    """The strongest structural paths of one injection (``RegionalTable.structural_paths``)."""

    paths: Records[Path]
    total: float
    coverage: float
    steps: int
    truncated: str | None

    def to_pandas(self) -> pd.DataFrame:
        """One row per path: the sectors joined by arrows, its value and share of the total."""
        frame = self.paths.to_pandas()
        frame["share_of_total"] = frame["value"] / self.total if self.total else np.nan
        return frame


class Headline(Result):
    """The headline numbers a scenario compares."""

    output: float
    gva: float
    compensation: float
    retained_income: float
    imports: float
    employment: float | None
    leakage_share: float
    retention_share: float
    output_multiplier_type_i: float
    output_multiplier_type_ii: float | None
    fci: float


class StressorChange(Record):
    """How a satellite account changes under a scenario."""

    name: str
    unit: str
    production: float
    consumption: float
    embodied_in_imports: float
    embodied_in_exports: float


class ScenarioResult(Result):
    """A scenario evaluated: headlines before, after, the difference, the report after."""

    scenario: dict[str, Any]
    before: Headline
    after: Headline
    difference: Headline
    report_after: RegionReport
    stressors: Records[StressorChange] | None

    def to_pandas(self) -> pd.DataFrame:
        """One row per headline; columns before, after, difference."""
        import pandas as pd

        return pd.DataFrame(
            {k: pd.Series(getattr(self, k).to_dict()) for k in ("before", "after", "difference")}
        )


class OriginAmount(Record):
    """An amount by origin of imports."""

    origin: str
    amount: float


class SubstitutionEffect(Result):
    """An import substitution computed by a rank-one update (``import_substitution``)."""

    buyer: str
    product: str
    share: float
    delta: float
    imports_substituted: float
    imports_substituted_by_origin: Records[OriginAmount]
    output_multipliers: Vector
    retention: Vector
    output_change: float
    retained_income_change: float
    import_basis: str


class LeakOpportunity(Record):
    """One import-substitution opportunity of a leak ranking, with what it would gain."""

    buyer: str
    buyer_name: str
    product: str
    product_name: str
    imports: float
    imports_substituted: float
    imports_substituted_by_origin: Records[OriginAmount]
    capacity_share: float
    capped: bool
    retained_income_gain: float
    output_gain: float
    gva_gain: float
    jobs_gain: float | None
    gain_per_unit: float


class ExcludedSupplier(Record):
    """A sector a leak ranking never proposes as a supplier, and why."""

    code: str
    name: str
    reason: str
    business_sales_share: float


class ChannelShare(Record):
    """The share of a pound leaving by one channel."""

    channel: str
    label: str
    share: float


class AtlasRow(Record):
    """One region of an atlas: its headline indicators."""

    dataset: str
    region: str
    output: float
    gva: float
    compensation: float
    employment: float | None
    output_multiplier_type_i: float
    output_multiplier_type_ii: float | None
    leakage_share: float
    retention_share: float
    resident_compensation_share: float | None
    fci: float
    leakage_by_channel: Records[ChannelShare]


class ImportedProduct(Record):
    """What a buyer imports of one product (``imported_products``)."""

    product: str
    product_name: str
    imports: float
    by_origin: Records[OriginAmount]
    local_output: float


class BusinessFootprint(Result):
    """What the region would lose without a business (``business_footprint``)."""

    name: str
    own_output: float
    supply_chain_output: float
    induced_output: float
    total_output: float
    total_value_added: float
    total_jobs: float | None


class CurrencyResult(Result):
    """What a local currency does per unit issued (``local_currency``)."""

    accounts: list[str]
    visits: Vector
    transactions: float
    lifetime_days: float
    velocity_per_year: float
    local_income_per_unit: float
    fee_per_unit_issued: float
    fee_per_year_per_unit_in_circulation: float
    multiplier_before: float
    multiplier_after: float
    retention_before: float
    retention_after: float


# ---- circulation, LM3, regionalisation, sparse networks -----------------------------------


class FlowIndicators(Result):
    """Flow indicators of a flow system (enaR's ``enaFlow`` names in snake_case)."""

    boundary: float
    tst: float
    tstp: float
    apl: float
    fci: float
    cycled_throughflow: float
    bfi: float
    dfi: float
    ifi: float
    id_f: float | None
    id_f_i: float | None
    id_f_o: float | None
    hmg_i: float | None
    hmg_o: float | None
    amp_i: float
    amp_o: float
    mode0: float
    mode1: float
    mode2: float


class InformationIndices(Result):
    """Ulanowicz's information indices of a flow system, in bits."""

    h: float
    ami: float
    hr: float
    capacity: float
    ascendency: float
    overhead: float
    ascendency_ratio: float
    overhead_ratio: float
    robustness: float
    ascendency_input: float
    ascendency_internal: float
    ascendency_export: float
    ascendency_dissipation: float


class Structure(Result):
    """The structure of a flow system: nodes, links, connectance, dominant eigenvalue."""

    n: int
    links: int
    connectance: float
    lambda1: float


class Component(Record):
    """A strongly connected component: its nodes, whether money cycles in it, its share."""

    members: list[int]
    labels: list[str]
    cyclic: bool
    throughflow_share: float


class Cycle(Record):
    """A simple cycle and its bottleneck flow."""

    nodes: list[int]
    labels: list[str]
    bottleneck: float


class EnaAnalysis(Result):
    """Everything ecological network analysis says of a flow system (``FlowSystem.analyse``,
    JavaScript's ``enaAnalysis``): the nodes' ``labels`` and ``throughflow``, the ``flow``
    indicators, the ``information`` indices, the ``structure``, the strongly connected
    ``components`` and the strongest ``cycles``. ``to_pandas()`` gives the node table."""

    labels: list[str]
    throughflow: Vector
    flow: FlowIndicators
    information: InformationIndices
    structure: Structure
    components: Records[Component]
    cycles: Records[Cycle]

    def to_pandas(self) -> pd.DataFrame:
        """One row per node: its throughflow."""
        import pandas as pd

        return pd.DataFrame({"throughflow": self.throughflow}, index=pd.Index(self.labels, name="node"))


class Lm3(Record):
    """LM3's three rounds, the local value and the ratio (``lm3``)."""

    round1: float
    round2: float
    round3: float
    local_value: float
    lm3: float


class RasResult(Result):
    """A matrix balanced by RAS to row and column targets (``ras``)."""

    matrix: Vector
    row_factors: Vector
    column_factors: Vector
    iterations: int
    converged: bool
    max_relative_gap: float

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.matrix = self.matrix.reshape(len(self.row_factors), len(self.column_factors))


class Convergence(Result):
    """How an iterative solve went."""

    iterations: int
    relative_residual: float


class SparseResult(Result):
    """Output multipliers and leakage of every account of a sparse network (``analyse``)."""

    output_multipliers: Vector
    leakage: Vector
    multipliers_convergence: Convergence
    leakage_convergence: Convergence

    def to_pandas(self) -> pd.DataFrame:
        """One row per account: its output multiplier and leakage."""
        import pandas as pd

        return pd.DataFrame(
            {"output_multiplier": self.output_multipliers, "leakage": self.leakage}
        ).rename_axis("account")


# ---- interregional systems -----------------------------------------------------------------


def _entries(region: list[str], sector: list[str]) -> pd.MultiIndex:
    import pandas as pd

    return pd.MultiIndex.from_arrays([region, sector], names=["region", "sector"])


class InterregionalDecomposition(Result):
    """Multipliers of every (region, sector) entry of a system, decomposed
    (``InterregionalTable.decomposition``); ``to_pandas()`` one row per entry."""

    region: list[str]
    sector: list[str]
    total: Vector
    intra_regional: Vector
    spillover: Vector
    single_region: Vector
    feedback: Vector
    round_intra: Vector
    round_spillover: Vector
    round_feedback: Vector
    leak_to_other_regions: Vector
    returned_per_leak: Vector

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        # Round's terms are empty when decomposition(round=False) skipped them
        columns = [k for k in self._keys if k not in ("region", "sector") and len(getattr(self, k))]
        return pd.DataFrame(
            {k: getattr(self, k) for k in columns}, index=_entries(self.region, self.sector)
        )


class RegionReturn(Record):
    """A region's leak to the other regions and the own-region output that comes back."""

    region: str
    final_demand: float
    total: float
    intra_regional: float
    single_region: float
    leak_to_other_regions: float
    feedback: float
    returned_per_leak: float


class Summary(Record):
    """One indicator over the draws of a Monte Carlo: its published value, median, mean,
    quantiles (in the order of ``MonteCarlo.quantiles``), min and max."""

    indicator: str
    published: float
    median: float
    mean: float
    quantiles: list[float]
    min: float
    max: float


class MonteCarlo(Result):
    """A Monte Carlo over a table's assumptions (``council_uncertainty``): ``inputs`` and
    ``outputs`` are draws x assumptions and draws x indicators; ``rank_correlation`` and
    ``variance_share`` are indicators x assumptions. ``to_pandas()``: one row per indicator
    with ``published``, ``median``, ``mean``, a column per quantile (``q0.05`` ...), ``min``
    and ``max``; ``draws()`` every draw; ``sensitivity()`` the variance shares."""

    assumptions: list[str]
    indicators: list[str]
    quantiles: list[float]
    seed: int
    inputs: Vector
    outputs: Vector
    summary: Records[Summary]
    rank_correlation: Vector
    variance_share: Vector
    notes: list[str]

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for s in self.summary:
            row = {"published": s.published, "median": s.median, "mean": s.mean}
            row.update({f"q{q:g}": v for q, v in zip(self.quantiles, s.quantiles)})
            row.update({"min": s.min, "max": s.max})
            rows.append(row)
        frame = pd.DataFrame(rows, index=pd.Index(self.indicators, name="indicator"))
        return frame

    def draws(self) -> pd.DataFrame:
        """Every draw: the assumptions' values, then the indicators."""
        import pandas as pd

        inputs = np.asarray(self.inputs).reshape(len(self.outputs), len(self.assumptions))
        frame = pd.DataFrame(inputs, columns=self.assumptions)
        for k, name in enumerate(self.indicators):
            frame[name] = np.asarray(self.outputs)[:, k]
        frame.index.name = "draw"
        return frame

    def sensitivity(self) -> pd.DataFrame:
        """The share of each indicator's variance each assumption explains (squared Spearman
        rank correlations, normalised): indicators x assumptions."""
        import pandas as pd

        shares = np.asarray(self.variance_share).reshape(len(self.indicators), len(self.assumptions))
        return pd.DataFrame(
            shares, index=pd.Index(self.indicators, name="indicator"),
            columns=pd.Index(self.assumptions, name="assumption"),
        )


class ClippedCell(Record):
    """A cell of an estimated table that came out negative and was set to zero."""

    part: str
    row: str
    column: str
    value: float


class BuildReport(Result):
    """How an embedded interregional table was built (``interregional_build``): the clipped
    cells (GBP million), their total, the balancing of rows and columns and the
    assumptions; ``to_pandas()`` the clipped cells, largest first."""

    name: str
    clipped: Records[ClippedCell]
    clipped_total: float
    row_balancing: float
    column_balancing: float
    assumptions: list[str]

    def to_pandas(self) -> pd.DataFrame:
        return self.clipped.to_pandas().sort_values("value").reset_index(drop=True)


class LeakDestinations(Result):
    """Where each region's first-round leak goes: ``leak`` is region × region (rows: the
    region whose final demand it is; columns: where the leak is spent), per unit of final
    demand; ``to_pandas()`` the same as a labelled frame."""

    regions: list[str]
    leak: Vector

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        frame = pd.DataFrame(self.leak, index=self.regions, columns=self.regions)
        frame.index.name = "region"
        frame.columns.name = "leaks to"
        return frame


class Interdependence(Result):
    """fio's regional interdependence measures; ``block_sums`` and ``net_spillover`` are
    region × region arrays, ``to_pandas()`` the per-region measures."""

    regions: list[str]
    block_sums: Vector
    net_spillover: Vector
    self_reliance: Vector
    spillover_out: Vector
    spillover_in: Vector
    spillover_balance: Vector
    spillover_export_share: Vector

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        columns = [
            "self_reliance", "spillover_out", "spillover_in", "spillover_balance",
            "spillover_export_share",
        ]
        frame = pd.DataFrame({k: getattr(self, k) for k in columns}, index=self.regions)
        frame.index.name = "region"
        return frame


class InterregionalImpact(Result):
    """Output of a system for a final-demand change, beside each region alone;
    ``to_pandas()`` one row per entry (``output``, ``single_region``)."""

    region: list[str]
    sector: list[str]
    regions: list[str]
    output: Vector
    single_region: Vector
    by_region: Vector

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(
            {"output": self.output, "single_region": self.single_region},
            index=_entries(self.region, self.sector),
        )


class Extraction(Result):
    """Output lost when a region's links with the other regions are cut."""

    region: str
    total: float
    backward: float
    forward: float


class Miyazawa(Result):
    """Miyazawa's internal and external multiplier matrices of one region (``sectors`` ×
    ``sectors`` arrays)."""

    region: str
    sectors: list[str]
    internal: Vector
    external: Vector
    own_block: Vector


class RoundMatrices(Result):
    """Round's multiplicative decomposition ``L = m3 · m2 · m1`` (N × N arrays)."""

    m1: Vector
    m2: Vector
    m3: Vector


class StressorAccounts(Result):
    """pymrio's accounts of stressors in a system, stressor × entry arrays;
    ``to_pandas(what)`` one of them as a DataFrame with a (region, sector) column index."""

    stressors: list[str]
    region: list[str]
    sector: list[str]
    multipliers: Vector
    production: Vector
    consumption: Vector
    imports: Vector
    exports: Vector

    def to_pandas(self, what: str = "consumption") -> pd.DataFrame:  # type: ignore[override]
        import pandas as pd

        if what not in ("multipliers", "production", "consumption", "imports", "exports"):
            from ._localecon import UnknownOptionError

            raise UnknownOptionError(
                f'unknown account "{what}" (expected: multipliers, production, consumption, '
                "imports, exports)"
            )
        frame = pd.DataFrame(
            getattr(self, what), index=self.stressors, columns=_entries(self.region, self.sector)
        )
        frame.index.name = "stressor"
        return frame


class TypeIi(Result):
    """Type I and Type II output multipliers of every (region, sector) column of a system
    closed with every region's households (``InterregionalTable.type_ii``); ``to_pandas()``
    one row per entry."""

    region: list[str]
    sector: list[str]
    regions: list[str]
    type_i: Vector
    type_ii: Vector
    type_ii_intra_regional: Vector
    induced: Vector
    induced_in_own_region: Vector
    wages_to_other_regions: Vector
    wages_beyond_system: Vector
    household_income: Vector

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        columns = ["type_i", "type_ii", "type_ii_intra_regional", "induced", "induced_in_own_region"]
        return pd.DataFrame(
            {k: getattr(self, k) for k in columns}, index=_entries(self.region, self.sector)
        )


# ---- value-based clusters ------------------------------------------------------------------


class Clustering(Result):
    """The best partition found (``ClusterGraph.cluster``, ``MapFlows.cluster``): the cluster
    of each node (``membership``), the quality optimised and its ``value`` (modularity, CPM,
    or the map equation in bits), how many of the starts found the same partition and every
    start's value. ``to_pandas()``: the membership as a Series by node."""

    membership: list[int]
    n_clusters: int
    quality: str
    value: float
    resolution: float
    starts_reaching_best: int
    start_values: Vector
    options: dict[str, Any]

    def to_pandas(self) -> pd.Series:  # type: ignore[override]
        import pandas as pd

        return pd.Series(self.membership, index=pd.RangeIndex(len(self.membership), name="node"), name="cluster")


class ScanRow(Record):
    """One resolution of a scan: the best partition there and its adjusted Rand index with the
    previous row's."""

    resolution: float
    clustering: Clustering
    similarity_to_previous: float

    def _row(self) -> dict[str, Any]:
        c = self.clustering
        return {
            "resolution": self.resolution, "n_clusters": c.n_clusters, "value": c.value,
            "starts_reaching_best": c.starts_reaching_best,
            "similarity_to_previous": self.similarity_to_previous,
        }


class Consensus(Result):
    """How stable a partition is over the starts: ``co_occurrence`` (n × n, the share of
    starts putting two nodes together) and ``attachment`` (n × clusters: the mean
    co-occurrence of a node with each cluster's members); ``to_pandas()`` the attachment."""

    best: Clustering
    co_occurrence: Vector
    attachment: Vector

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        n = len(self.best.membership)
        att = np.asarray(self.attachment).reshape(n, self.best.n_clusters)
        frame = pd.DataFrame(att, columns=pd.RangeIndex(self.best.n_clusters, name="cluster"))
        frame.index.name = "node"
        return frame

    def matrix(self) -> Vector:
        """The co-occurrence as an n × n array."""
        n = len(self.best.membership)
        return np.asarray(self.co_occurrence).reshape(n, n)


class MissingLink(Record):
    """A cluster member's imports of a product another member makes: moving ``share`` of
    them to the cluster's producer raises the cluster's retained income by
    ``cluster_income_gain`` (``gain_per_unit`` per unit substituted)."""

    buyer: str
    buyer_name: str
    product: str
    product_name: str
    imports: float
    imports_substituted: float
    cluster_income_gain: float
    gain_per_unit: float
    region_income_gain: float


class ClusterAccount(Record):
    """The accounts of one cluster: its sectors, output, GVA, jobs, the share of its
    purchases bought inside it, the within-cluster multiplier and turns, retention and
    leakage by channel per pound of its final demand, and its missing links."""

    cluster: int
    sectors: list[str]
    names: list[str]
    output: float
    gva: float
    jobs: float | None
    final_demand: float
    internal_purchase_share: float
    within_multiplier: float
    turns_inside: float
    retention: float
    leakage_by_channel: Records[ChannelShare]
    missing_links: Records[MissingLink]

    def _row(self) -> dict[str, Any]:
        row: dict[str, Any] = {"cluster": self.cluster, "n_sectors": len(self.sectors), "sectors": ", ".join(self.sectors)}
        for k in ("output", "gva", "jobs", "final_demand", "internal_purchase_share",
                  "within_multiplier", "turns_inside", "retention"):
            row[k] = getattr(self, k)
        row.update({f"leakage_{c.channel}": c.share for c in self.leakage_by_channel})
        return row


class TableClusters(Result):
    """A table's value-based clusters (``RegionalTable.clusters``): ``partition`` is the
    cluster of each sector as a Series by code; ``to_pandas()`` one row per cluster (largest
    output first); ``missing_links()`` every cluster's missing links; ``plot()`` a picture."""

    codes: list[str]
    clustering: Clustering
    clusters: Records[ClusterAccount]
    assumptions: list[str]
    options: dict[str, Any]

    @property
    def partition(self) -> pd.Series:
        """The cluster of each sector, by sector code."""
        import pandas as pd

        return pd.Series(self.clustering.membership, index=pd.Index(self.codes, name="sector"), name="cluster")

    def to_pandas(self) -> pd.DataFrame:
        return self.clusters.to_pandas().set_index("cluster")

    def missing_links(self) -> pd.DataFrame:
        """Every cluster's missing links, one row each, with the cluster's number."""
        import pandas as pd

        frames = [a.missing_links.to_pandas().assign(cluster=a.cluster) for a in self.clusters]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def plot(self, **kwargs: Any) -> Any:
        """``localecon.plot.clusters`` of these clusters."""
        from .plot import clusters

        return clusters(self, **kwargs)


# ---- results with one value per sector in each column ---------------------------------------


def _native_error(kind: str, message: str) -> Exception:
    """The exception class of an error kind with the core's message (``.code`` from the class)."""
    from . import _localecon

    error: Exception = getattr(_localecon, kind)(message)
    return error


def _sectors(codes: list[str], names: list[str]) -> list[dict[str, str]]:
    return [{"code": c, "name": n} for c, n in zip(codes, names, strict=True)]


class BySector:
    """A result with one value per sector in each of its columns.

    The binding builds it from the core's result: ``codes`` and ``names`` of the sectors and
    the columns, each an attribute named as its DataFrame column. ``to_pandas()`` is indexed by
    sector code, Jupyter shows that DataFrame, and the result pickles as a plain Python object.
    """

    _title = ""
    codes: list[str]
    names: list[str]

    def __init__(self, data: Mapping[str, Any]) -> None:
        for key, value in data.items():
            if isinstance(value, list) and value and isinstance(value[0], float):
                value = np.asarray(value, dtype=np.float64)
            setattr(self, key, value)

    def _frame_columns(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_pandas(self) -> pd.DataFrame:
        """A DataFrame indexed by sector code (``code``), the sector's ``name`` first."""
        import pandas as pd

        return pd.DataFrame({"name": self.names, **self._frame_columns()}, index=pd.Index(self.codes, name="code"))

    def _repr_html_(self) -> str:
        title = html.escape(self._title)
        try:
            table = self.to_pandas().to_html(max_rows=20)
        except ImportError:
            return f"<pre>{html.escape(repr(self))}</pre>"
        return f"<div><strong>{title}</strong>{table}</div>"


_MEASURES = {"output": "output", "income": "income", "gva": "gva", "value_added": "gva", "employment": "employment"}


class Multipliers(BySector):
    """Type I and Type II multipliers and effects, per sector (Miller & Blair 2009, §6.2–6.3).

    Effects are per unit of final demand: ``type_i`` = direct + indirect = (wᵀL)_j, ``type_ii``
    = direct + indirect + induced, from the household-closed model. Multipliers are effects
    divided by the direct coefficient (0 where that is 0). Type II attributes are None when the
    table has no household column. Every column of ``to_pandas()`` is an attribute of the same
    name (``income_multiplier_type_ii``); ``output_type_i`` and ``output_type_ii`` are the output
    multipliers under their former names. ``np.asarray`` gives sectors × columns.
    """

    _title = "Multipliers (Type I and II)"
    household_income: float | None
    warnings: list[str]
    type_ii_unavailable: str | None
    output_multiplier_type_i: Vector
    output_multiplier_type_ii: Vector | None
    income_effect_type_i: Vector
    income_effect_type_ii: Vector | None
    income_multiplier_type_i: Vector
    income_multiplier_type_ii: Vector | None
    gva_effect_type_i: Vector
    gva_effect_type_ii: Vector | None
    gva_multiplier_type_i: Vector
    gva_multiplier_type_ii: Vector | None
    employment_effect_type_i: Vector | None
    employment_effect_type_ii: Vector | None
    employment_multiplier_type_i: Vector | None
    employment_multiplier_type_ii: Vector | None
    _effects: dict[str, dict[str, Vector | None] | None]

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self._columns: dict[str, Vector] = {}
        for measure, effects in self._effects.items():
            parts = ("multiplier",) if measure == "output" else ("effect", "multiplier")
            for part in parts:
                for kind in ("type_i", "type_ii"):
                    values = None if effects is None else effects[kind if part == "effect" else f"multiplier_{kind}"]
                    setattr(self, f"{measure}_{part}_{kind}", values)
                    if values is not None:
                        self._columns[f"{measure}_{part}_{kind}"] = values

    @property
    def output_type_i(self) -> Vector:
        """The output multipliers Type I (``output_multiplier_type_i``)."""
        return self.output_multiplier_type_i

    @property
    def output_type_ii(self) -> Vector | None:
        """The output multipliers Type II (``output_multiplier_type_ii``)."""
        return self.output_multiplier_type_ii

    def effects(self, measure: str) -> dict[str, Vector | None]:
        """The effects of one measure ("output", "income", "gva", "employment") as a dict of
        arrays: direct, indirect, induced, type_i, type_ii, multiplier_type_i,
        multiplier_type_ii (indirect = Type I − direct, induced = Type II − Type I)."""
        if measure not in _MEASURES:
            expected = "output, income, gva, employment"
            raise _native_error("UnknownOptionError", f"unknown measure {measure!r}; expected one of: {expected}")
        effects = self._effects[_MEASURES[measure]]
        if effects is None:
            raise _native_error("MissingDataError", "missing data: employment (the table has none)")
        return dict(effects)

    def _frame_columns(self) -> dict[str, Any]:
        return self._columns

    def to_dict(self) -> dict[str, Vector]:
        """Every multiplier and effect as a dict of arrays (keys as in ``to_pandas``)."""
        return dict(self._columns)

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> Vector:
        """sectors × columns of ``to_dict()`` (numpy protocol)."""
        array = np.column_stack(list(self._columns.values()))
        return array if dtype is None else array.astype(dtype)

    def __repr__(self) -> str:
        type_ii = "yes" if self.output_multiplier_type_ii is not None else "no"
        return f"<Multipliers: {len(self.codes)} sectors, Type II {type_ii}>"


class _ByChannel(BySector):
    """Shares of one unit of final demand per channel (rows) and sector (columns)."""

    channels: list[str]
    by_channel: NDArray[np.float64]
    _known: list[str]
    _totals: tuple[str, ...] = ()

    def channel(self, channel: str) -> Vector:
        """The shares of one channel per sector: zeros when the table has no such channel,
        ``UnknownOptionError`` for a spelling that names no channel."""
        if channel not in self._known:
            expected = ", ".join(self._known)
            raise _native_error("UnknownOptionError", f"unknown leakage channel {channel!r}; expected one of: {expected}")
        if channel not in self.channels:
            return np.zeros(len(self.codes))
        return np.array(self.by_channel[self.channels.index(channel)])

    def _frame_columns(self) -> dict[str, Any]:
        return dict(zip(self.channels, self.by_channel, strict=True))

    def to_dict(self) -> dict[str, Any]:
        """The core's JSON form, as in Rust and JavaScript."""
        fields = {"sectors": _sectors(self.codes, self.names), "channels": list(self.channels)}
        fields["by_channel"] = self.by_channel.tolist()
        for key in self._totals:
            fields[key] = getattr(self, key).tolist()
        return fields

    def __array__(self, dtype: Any = None, copy: bool | None = None) -> NDArray[np.float64]:
        """channels × sectors (numpy protocol)."""
        return self.by_channel.copy() if dtype is None else self.by_channel.astype(dtype)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self.codes)} sectors, channels {self.channels!r}>"


class Leakage(_ByChannel):
    """The open-model leakage decomposition (Type I): for one unit of final demand per sector,
    the share leaving by each channel (row k of ``by_channel``: the channel's coefficients
    times L), the total ``leakage`` and the retained local ``retention`` (see the book's
    *Leakage* page). ``to_pandas()``: one column per channel, then leakage and retention."""

    _title = "Where each unit of final demand leaks (Type I)"
    _totals = ("leakage", "retention")
    leakage: Vector
    retention: Vector

    def _frame_columns(self) -> dict[str, Any]:
        return {**super()._frame_columns(), "leakage": self.leakage, "retention": self.retention}


class ClosedLeakage(_ByChannel):
    """The household-closed leakage decomposition: where one unit of final demand finally ends
    up, every channel including households' own spending leaks, summing to ``total`` (1 for
    every sector with output)."""

    _title = "Where each unit of final demand finally ends up (households closed)"
    _totals = ("total",)
    total: Vector


class Linkages(BySector):
    """Rasmussen–Hirschman linkage indices (mean 1) and the key-sector classification
    (Rasmussen 1956; Miller & Blair 2009, §12.2): ``backward`` n·(1ᵀL)_j / 1ᵀL1, ``forward``
    n·(L1)_i / 1ᵀL1, ``forward_ghosh`` n·(G1)_i / 1ᵀG1, and ``classification`` "key",
    "backward_oriented", "forward_oriented" or "weak" from backward and forward_ghosh."""

    _title = "Linkages and key sectors"
    backward: Vector
    forward: Vector
    forward_ghosh: Vector
    classification: list[str]

    @property
    def classes(self) -> list[str]:
        """The same as ``classification`` (its former name)."""
        return self.classification

    def _frame_columns(self) -> dict[str, Any]:
        return {
            "backward": self.backward,
            "forward": self.forward,
            "forward_ghosh": self.forward_ghosh,
            "classification": self.classification,
        }

    def to_dict(self) -> dict[str, Any]:
        """The core's JSON form, as in Rust and JavaScript (the classification as ``class``)."""
        fields: dict[str, Any] = {"sectors": _sectors(self.codes, self.names)}
        for key in ("backward", "forward", "forward_ghosh"):
            fields[key] = getattr(self, key).tolist()
        fields["class"] = list(self.classification)
        return fields

    def __repr__(self) -> str:
        return f"<Linkages: {len(self.codes)} sectors>"


class Audit:
    """The audit of a table: PASS / WARN / FAIL per check (see the book's *Audit* page).

    ``checks`` lists dicts (check, status, detail); ``row_gaps`` and ``column_gaps`` are row and
    column totals minus output per sector; ``productive``, ``max_column_sum`` (of A),
    ``spectral_radius`` (computed when a column sum of A reaches 1) and ``condition`` (1-norm
    estimate of I − A) are None when not computed; ``balance_tolerance`` is the relative
    tolerance of the balance checks. ``str()`` prints the audit as the command line does.
    """

    status: str
    checks: list[dict[str, str]]
    zero_output_sectors: list[str]
    row_gaps: Vector
    column_gaps: Vector
    productive: bool | None
    max_column_sum: float | None
    spectral_radius: float | None
    condition: float | None
    balance_tolerance: float
    _text: str

    def __init__(self, data: Mapping[str, Any]) -> None:
        for key, value in data.items():
            setattr(self, key, np.asarray(value, dtype=np.float64) if key.endswith("_gaps") else value)

    def to_dict(self) -> dict[str, Any]:
        """The audit's JSON form, as in Rust and JavaScript (without the derived ``status``)."""
        fields = {k: v for k, v in vars(self).items() if k != "status" and not k.startswith("_")}
        return {k: v.tolist() if isinstance(v, np.ndarray) else v for k, v in fields.items()}

    def to_pandas(self) -> pd.DataFrame:
        """The checks, one row each (check, status, detail)."""
        import pandas as pd

        return pd.DataFrame(self.checks, columns=["check", "status", "detail"])

    def _repr_html_(self) -> str:
        title = html.escape(f"Audit: {self.status}")
        try:
            table = self.to_pandas().to_html(max_rows=20)
        except ImportError:
            return f"<pre>{html.escape(self._text)}</pre>"
        return f"<div><strong>{title}</strong>{table}</div>"

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"<Audit {self.status}: {len(self.checks)} checks>"


class LeakRanking:
    """The leak ranking: which imported products, bought locally instead, raise retained local
    income most (exact rank-one updates; see the book's *Leak ranking* page).

    ``opportunities`` are :class:`LeakOpportunity` records, best first; ``excluded_suppliers``
    the sectors never proposed; ``options`` the options it ran with; ``import_basis`` and ``assumption`` say how the buyers' imports
    by product are known. ``to_pandas()`` gives one row per opportunity (numbered from 1), the
    imports substituted by origin as ``imports_substituted_<origin>`` columns.
    """

    opportunities: Records[LeakOpportunity]
    excluded_suppliers: Records[ExcludedSupplier]
    import_basis: str
    assumption: str
    pairs_ranked: int
    options: dict[str, Any]
    _text: str

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.options = data["options"]
        self.opportunities = Records(LeakOpportunity, data["opportunities"])
        self.excluded_suppliers = Records(ExcludedSupplier, data["excluded_suppliers"])
        self.import_basis = data["import_basis"]
        self.assumption = data["assumption"]
        self.pairs_ranked = data["pairs_ranked"]
        self._text = data["_text"]

    def to_dict(self) -> dict[str, Any]:
        """The ranking's JSON form, as in Rust and JavaScript."""
        return {
            "opportunities": self.opportunities.to_dict(),
            "import_basis": self.import_basis,
            "assumption": self.assumption,
            "excluded_suppliers": self.excluded_suppliers.to_dict(),
            "pairs_ranked": self.pairs_ranked,
            "options": self.options,
        }

    def to_pandas(self) -> pd.DataFrame:
        """One row per opportunity, best first, numbered from 1."""
        import pandas as pd

        rows = []
        for opportunity in self.opportunities:
            row = opportunity.to_dict()
            for amount in row.pop("imports_substituted_by_origin"):
                row[f"imports_substituted_{amount['origin']}"] = amount["amount"]
            rows.append(row)
        frame = pd.DataFrame(rows)
        frame.index = frame.index + 1
        return frame

    def _repr_html_(self) -> str:
        title = html.escape(f"Leak ranking ({self.import_basis})")
        return f"<div><strong>{title}</strong>{self.to_pandas().to_html(max_rows=20)}</div>"

    def __len__(self) -> int:
        return len(self.opportunities)

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return (
            f"<LeakRanking: {len(self.opportunities)} opportunities of {self.pairs_ranked} pairs, "
            f"imports by product: {self.import_basis}>"
        )


# ---- satellite accounts: stressor × sector ---------------------------------------------------


def _stressor_frame(values: NDArray[np.float64], names: list[str], codes: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(values, index=pd.Index(names, name="stressor"), columns=pd.Index(codes, name="code"))


class _Stressors:
    """What stressor × sector results share: the core's JSON form (``to_dict()``), the
    stressors' ``names`` and ``units``, the sectors' ``codes`` and the ``assumptions``."""

    names: list[str]
    units: list[str]
    codes: list[str]
    assumptions: list[str]
    _core: dict[str, Any]

    def __init__(self, data: Mapping[str, Any]) -> None:
        core = data["_core"]
        self._core = core
        self.names = [s["name"] for s in core["stressors"]]
        self.units = [s["unit"] for s in core["stressors"]]
        self.codes = [s["code"] for s in core["sectors"]]
        self.assumptions = core["assumptions"]
        for key, value in data.items():
            if key != "_core":
                setattr(self, key, value)

    def to_dict(self) -> dict[str, Any]:
        """The core's JSON form, as in Rust and JavaScript."""
        return json.loads(json.dumps(self._core))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {len(self.names)} stressors × {len(self.codes)} sectors>"


class StressorMultipliers(_Stressors):
    """Stressor multipliers per unit of the table's money (``money_unit``): ``direct``
    intensities S, ``type_i`` effects S·L, ``indirect`` S·L − S, ``type_ii`` S·L̄ and
    ``induced`` S·L̄ − S·L (None without a household closure, ``type_ii_unavailable`` saying
    why), each stressor × sector (Miller & Blair 2009, §10.2). ``to_pandas(what)`` gives one
    part as a stressor × sector DataFrame."""

    money_unit: str
    type_ii_unavailable: str | None
    direct: NDArray[np.float64]
    type_i: NDArray[np.float64]
    indirect: NDArray[np.float64]
    type_ii: NDArray[np.float64] | None
    induced: NDArray[np.float64] | None

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.money_unit = self._core["money_unit"]
        self.type_ii_unavailable = self._core.get("type_ii_unavailable")

    def to_pandas(self, what: str = "type_i") -> pd.DataFrame:
        """One part ("direct", "type_i", "indirect", "type_ii", "induced") as a stressor ×
        sector DataFrame."""
        parts = ("direct", "type_i", "indirect", "type_ii", "induced")
        if what not in parts:
            expected = ", ".join(parts)
            raise _native_error("UnknownOptionError", f"unknown multiplier part {what!r}; expected one of: {expected}")
        values = getattr(self, what)
        if values is None:
            raise _native_error("MissingDataError", f"missing data: {what}: the table has no household closure")
        return _stressor_frame(values, self.names, self.codes)

    def _repr_html_(self) -> str:
        table = self.to_pandas().to_html(max_rows=20)
        return f"<div><strong>Stressor multipliers (Type I)</strong>{table}</div>"


class Footprint(_Stressors):
    """The footprint of one unit of final demand per sector, each stressor × sector: ``local``
    (caused inside the region, Type I), ``by_origin`` (origin → what the imports cause there,
    by the origin's factors), ``total`` (inside + every origin) and ``inside_share`` (local /
    total, 0 where the total is 0). ``import_basis`` says how the imports by product were
    obtained when a per-product factor used them. ``to_pandas(stressor)`` gives one row per
    sector with a column per place."""

    local: NDArray[np.float64]
    by_origin: dict[str, NDArray[np.float64]]
    total: NDArray[np.float64]
    inside_share: NDArray[np.float64]
    import_basis: str | None
    _sector_names: list[str]

    def __init__(self, data: Mapping[str, Any]) -> None:
        super().__init__(data)
        self.import_basis = self._core.get("import_basis")
        self._sector_names = [s["name"] for s in self._core["sectors"]]

    def to_pandas(self, stressor: str) -> pd.DataFrame:  # type: ignore[override]
        """One stressor's footprint per sector: columns ``inside``, one per origin, ``total``,
        ``inside_share``."""
        import pandas as pd

        if stressor not in self.names:
            raise _native_error("UnknownLabelError", f"unknown label {stressor!r} in stressor")
        k = self.names.index(stressor)
        columns: dict[str, Any] = {"name": self._sector_names, "inside": self.local[k]}
        columns.update({origin: rows[k] for origin, rows in self.by_origin.items()})
        columns.update({"total": self.total[k], "inside_share": self.inside_share[k]})
        return pd.DataFrame(columns, index=pd.Index(self.codes, name="code"))

    def __repr__(self) -> str:
        origins = list(self.by_origin)
        return f"<Footprint: {len(self.names)} stressors × {len(self.codes)} sectors, origins {origins!r}>"


class StressorAccount(Record):
    """One stressor's production- and consumption-based account of a region (see the book's
    *Satellite* page): ``production`` = ``industries`` + ``households``; ``consumption`` what
    the region's final demand causes anywhere; ``local_for_local``, ``embodied_in_exports``,
    ``embodied_in_imports`` and ``imports_for_exports`` by origin; ``identity_gap`` the
    rounding left in production − exports + imports − consumption."""

    name: str
    unit: str
    production: float
    industries: float
    households: float
    consumption: float
    local_for_local: float
    embodied_in_exports: float
    embodied_in_imports: Records[OriginAmount]
    imports_for_exports: Records[OriginAmount]
    identity_gap: float

    def _row(self) -> dict[str, Any]:
        row = {k: getattr(self, k) for k in self._keys if k not in ("embodied_in_imports", "imports_for_exports")}
        for part in ("embodied_in_imports", "imports_for_exports"):
            row.update({f"{part}_{o.origin}": o.amount for o in getattr(self, part)})
        return row


class SatelliteAccounts(Result):
    """The region's production- and consumption-based accounts, one per stressor
    (``stressors``, ``get(name)``); ``to_pandas()`` one row per stressor, indexed by name, the
    amounts by origin as ``embodied_in_imports_<origin>`` and ``imports_for_exports_<origin>``
    columns."""

    region: str
    stressors: Records[StressorAccount]
    assumptions: list[str]

    def get(self, name: str) -> StressorAccount:  # type: ignore[override]
        """One stressor's account (``UnknownLabelError`` for a name it does not have)."""
        for account in self.stressors:
            if account.name == name:
                return account
        raise _native_error("UnknownLabelError", f"unknown label {name!r} in stressor")

    def to_pandas(self) -> pd.DataFrame:
        return self.stressors.to_pandas().set_index("name")

    def _repr_html_(self) -> str:
        title = html.escape(f"Satellite accounts ({self.region})")
        return f"<div><strong>{title}</strong>{self.to_pandas().to_html(max_rows=20)}</div>"

    def __repr__(self) -> str:
        return f"<SatelliteAccounts of {self.region}: {len(self.stressors)} stressors>"


# ---- the embedded datasets: councils, atlases, the check against the regional accounts ----------


def _count(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(x)


class CouncilCommuting(Result):
    """A council area's commuting from the 2011 census (travel to work, WU03UK): jobs at a fixed
    workplace in the council and who holds them (``live_and_work`` residents, in-commuters
    ``in_from_scotland`` and ``in_from_rest_of_uk``), with the shares the core derives:
    ``resident_share`` = live_and_work / fixed_workplace_jobs (the resident share of
    compensation the embedded council tables assume), ``in_commuter_share``,
    ``resident_share_of_workplace_population`` and ``net_ratio`` (residents in employment /
    workplace population)."""

    code: str
    council: str
    dataset: str
    fixed_workplace_jobs: float
    live_and_work: float
    in_from_scotland: float
    in_from_rest_of_uk: float
    residents_in_employment: float
    work_at_home: float
    no_fixed_place: float
    offshore: float
    outside_uk: float
    workplace_population: float
    resident_share: float
    in_commuter_share: float
    resident_share_of_workplace_population: float
    net_ratio: float

    def __repr__(self) -> str:
        return (
            f"CouncilCommuting({json.dumps(self.council, ensure_ascii=False)}: {_count(self.live_and_work)} of {_count(self.fixed_workplace_jobs)} jobs "
            f"held by residents, {100 * self.in_commuter_share:.1f} % by in-commuters)"
        )


class Atlas:
    """Many regions' headline indicators, one :class:`AtlasRow` each, in the order given
    (``rows``); ``channels`` are the leakage channels any of them has. ``to_pandas()`` gives one
    row per region indexed by dataset, each channel's share as a ``leakage_<channel>`` column (0
    where a region has no such channel); ``to_json()`` the atlas's JSON form; ``repr()`` the
    table the command line prints."""

    rows: Records[AtlasRow]
    channels: list[str]
    _text: str

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.rows = Records(AtlasRow, data["rows"])
        self.channels = data["channels"]
        self._text = data["_text"]

    def to_dict(self) -> dict[str, Any]:
        """The atlas's JSON form, as in Rust and JavaScript."""
        return {"rows": self.rows.to_dict(), "channels": self.channels}

    def to_json(self) -> str:
        """The atlas's JSON text."""
        return json.dumps(self.to_dict(), separators=(",", ":"), ensure_ascii=False)

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        frame = []
        for row in self.rows:
            shares = {c.channel: c.share for c in row.leakage_by_channel}
            plain = {k: v for k, v in row.to_dict().items() if k != "leakage_by_channel"}
            frame.append({**plain, **{f"leakage_{c}": shares.get(c, 0.0) for c in self.channels}})
        return pd.DataFrame(frame).set_index("dataset")

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return self._text

    def _repr_html_(self) -> str:
        return f"<div><strong>Atlas</strong>{self.to_pandas().to_html(max_rows=20)}</div>"


class SectionShare(typing.TypedDict):
    """A section's share of an area's GVA, from ONS and from the regionalised tables."""

    section: str
    ons: float
    regionalised: float


class GvaComparison(typing.TypedDict):
    """One ITL3 area of :class:`GvaValidation`: ONS and regionalised GVA and their shares."""

    itl3: str
    name: str
    ons_gva: float
    ons_share: float
    regionalised_gva: float
    regionalised_share: float
    ratio: float
    sections: list[SectionShare]


class GvaValidation:
    """The regionalised tables' GVA against ONS regional accounts, one area (ITL3) each:
    ``areas`` are dicts (itl3, name, ons_share, regionalised_share, ratio, …, sections);
    ``method`` and ``delta`` the location-quotient method used; ``mean_absolute_error`` of the
    GVA share. ``to_pandas()`` one row per area, ``sections_to_pandas()`` one per (area,
    section), ``markdown()`` the table the book prints."""

    areas: list[GvaComparison]
    method: str
    delta: float
    mean_absolute_error: float
    _markdown: str

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.areas = data["areas"]
        self.method = data["method"]
        self.delta = data["delta"]
        self.mean_absolute_error = data["mean_absolute_error"]
        self._markdown = data["_markdown"]

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        rows = [{k: v for k, v in a.items() if k != "sections"} for a in self.areas]
        return pd.DataFrame(rows).set_index("itl3")

    def sections_to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {"itl3": a["itl3"], "section": s["section"], "ons": s["ons"], "regionalised": s["regionalised"]}
            for a in self.areas
            for s in a["sections"]
        ]
        return pd.DataFrame(rows).set_index(["itl3", "section"])

    def markdown(self) -> str:
        """The comparison as a Markdown table."""
        return self._markdown

    def to_dict(self) -> dict[str, Any]:
        """The core's JSON form, as in Rust and JavaScript."""
        fields = ("method", "delta", "areas", "mean_absolute_error")
        return json.loads(json.dumps({k: getattr(self, k) for k in fields}))  # type: ignore[no-any-return]

    def __len__(self) -> int:
        return len(self.areas)

    def __repr__(self) -> str:
        return (
            f"GvaValidation({len(self.areas)} areas, {self.method.upper()} δ={self.delta}: "
            f"mean absolute error of the GVA share {100 * self.mean_absolute_error:.1f} %)"
        )


# ---- the report -------------------------------------------------------------------------------


class _OriginAmount(typing.TypedDict):
    origin: str
    amount: float


class _StressorAccount(typing.TypedDict):
    name: str
    unit: str
    production: float
    industries: float
    households: float
    consumption: float
    local_for_local: float
    embodied_in_exports: float
    embodied_in_imports: list[_OriginAmount]
    imports_for_exports: list[_OriginAmount]
    identity_gap: float


class _StressorInfo(typing.TypedDict):
    name: str
    unit: str


class _SatelliteSummary(typing.TypedDict):
    source: str | None
    stressors: list[_StressorInfo]
    accounts: list[_StressorAccount]
    assumptions: list[str]


class _HouseholdClosure(typing.TypedDict):
    income_sources: str
    household_income: float | None


class _ChannelShare(typing.TypedDict):
    channel: str
    label: str
    share: float


class RegionReport:
    """The headline indicators of a region (see the book's *Report* page): where its money
    leaks, how much stays as local income, its multipliers and how money circulates.

    The headline numbers are attributes: ``leakage_share`` and ``retention_share``
    (final-demand-weighted shares of a unit of final demand leaving and staying as local
    income), ``output_multiplier_type_i`` and ``_type_ii``, ``household_income`` (H of the
    Type II closure), ``warnings`` (WARN and FAIL audit checks, ill-conditioning, a household
    closure that cannot be formed) and ``type_ii_unavailable``. The nested parts are dicts and
    lists as in the report's JSON: ``totals``, ``circulation`` (fci, apl, robustness, …, open
    and closed), ``leakage_by_channel`` (largest first), ``sectors`` (every sector's
    indicators), ``retention_assumptions``, ``household_closure``, ``audit`` and ``satellite``
    (None without one). ``str(report)`` is the command line's text, ``to_json()`` the report's
    JSON file, ``to_dict()`` the same as Python values, ``to_pandas()`` the sector table.
    """

    format: str
    version: int
    region: str
    unit: str
    employment_unit: str | None
    source: str | None
    n_sectors: int
    household_income: float | None
    warnings: list[str]
    type_ii_unavailable: str | None
    leakage_share: float
    retention_share: float
    output_multiplier_type_i: float
    output_multiplier_type_ii: float | None
    _native: Any

    def __init__(self, data: Mapping[str, Any]) -> None:
        for key, value in data.items():
            setattr(self, key, value)

    @classmethod
    def _from_json(cls, text: str) -> RegionReport:
        report: RegionReport = _localecon._Report.from_json(text)
        return report

    def __reduce__(self) -> tuple[Any, ...]:
        return (RegionReport._from_json, (self.to_json(),))

    def _part(self, key: str) -> Any:
        return json.loads(self._native.part(key))

    @property
    def totals(self) -> dict[str, float]:
        """Regional totals: output, gva, compensation, imports, final_demand,
        household_consumption."""
        return self._part("totals")

    @property
    def circulation(self) -> dict[str, float | None]:
        """How money circulates (fci, apl, robustness, …, open and closed)."""
        return self._part("circulation")

    @property
    def leakage_by_channel(self) -> list[_ChannelShare]:
        """The leakage share by channel (channel, label, share), largest first."""
        return self._part("leakage_by_channel")

    @property
    def sectors(self) -> list[dict[str, Any]]:
        """Every sector's indicators, in table order (``to_pandas()`` for a DataFrame)."""
        return self._part("sectors")

    @property
    def retention_assumptions(self) -> dict[str, float | list[float]]:
        """The retention shares the table assumes (taxes_on_products, taxes_on_production,
        compensation, operating_surplus, other: one number, or one per sector)."""
        return self._part("retention_assumptions")

    @property
    def household_closure(self) -> _HouseholdClosure:
        """How households are closed into the Type II model (income_sources,
        household_income)."""
        return self._part("household_closure")

    @property
    def audit(self) -> list[dict[str, str]]:
        """The table's audit checks (check, status, detail)."""
        return self._part("audit")

    @property
    def satellite(self) -> _SatelliteSummary | None:
        """The satellite accounts (source, stressors, accounts, assumptions) when the report was
        made with a satellite; None otherwise."""
        return self._part("satellite")

    def to_json(self) -> str:
        """The report as pretty-printed JSON text (the same file in every language)."""
        text: str = self._native.to_json()
        return text

    def to_dict(self) -> dict[str, Any]:
        """The report as plain Python dicts and lists."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    def to_pandas(self) -> pd.DataFrame:
        """The sector table, indexed by code; each leakage channel as ``leak_<channel>``."""
        import pandas as pd

        sectors = self._part("sectors")
        columns: dict[str, Any] = {"name": [s["name"] for s in sectors]}
        for key in (
            "output",
            "output_multiplier_type_i",
            "output_multiplier_type_ii",
            "income_effect_type_i",
            "gva_effect_type_i",
            "leakage_share",
            "retention_share",
            "local_purchase_coefficient",
        ):
            columns[key] = np.array([np.nan if s[key] is None else s[key] for s in sectors], dtype=np.float64)
        for channel in sectors[0]["leakage_by_channel"] if sectors else ():
            columns[f"leak_{channel}"] = np.array([s["leakage_by_channel"][channel] for s in sectors])
        return pd.DataFrame(columns, index=pd.Index([s["code"] for s in sectors], name="code"))

    def _repr_html_(self) -> str:
        """The report as a page in a notebook: headline, leakage channels, circulation, and the
        sector table."""
        esc = html.escape
        c = self.circulation
        type_ii = self.output_multiplier_type_ii
        parts = [f"<div><h3>{esc(self.region)} — {self.n_sectors} sectors ({esc(self.unit)})</h3>"]
        if self.source is not None:
            parts.append(f"<p><small>{esc(self.source)}</small></p>")
        parts.append(
            f"<p>Of every unit of final demand <b>{100 * self.retention_share:.1f}%</b> stays as local "
            f"income and <b>{100 * self.leakage_share:.1f}%</b> leaks. Output multiplier: Type I "
            f"<b>{self.output_multiplier_type_i:.3f}</b>"
            + ("" if type_ii is None else f", Type II <b>{type_ii:.3f}</b>")
            + f". Finn cycling index {c['fci']:.4f}, average path length {c['apl']:.3f}, "
            f"robustness {c['robustness']:.3f}.</p>"
        )
        parts.append("<table><tr><th>where it leaks</th><th>share</th></tr>")
        for ch in self.leakage_by_channel:
            parts.append(f"<tr><td>{esc(ch['label'])}</td><td>{100 * ch['share']:.1f}%</td></tr>")
        parts.append("</table>")
        try:
            parts.append(f"<div><strong>Sectors</strong>{self.to_pandas().to_html(max_rows=20)}</div>")
        except ImportError:
            pass
        parts.append("</div>")
        return "".join(parts)

    def __str__(self) -> str:
        text: str = self._native.text()
        return text

    def __repr__(self) -> str:
        return f"<RegionReport {json.dumps(self.region, ensure_ascii=False)}: {self.n_sectors} sectors, leakage {100 * self.leakage_share:.1f}%>"
