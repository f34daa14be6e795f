# Type stubs of the compiled module, kept true by `python -m mypy.stubtest localecon._localecon`.
from typing import Any, Literal, TypedDict, final

import numpy as np
import numpy.typing as npt
import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # pandas-stubs, when installed, types it
from typing_extensions import TypeAlias, Unpack

from ._results import (
    Atlas,
    Audit,
    BuildReport,
    BusinessFootprint,
    ClosedLeakage,
    Clustering,
    Component,
    Consensus,
    CouncilCommuting,
    CurrencyResult,
    Cycle,
    EnaAnalysis,
    Extraction,
    FlowIndicators,
    Footprint,
    GvaValidation,
    Impact,
    ImportedProduct,
    InformationIndices,
    Interdependence,
    InterregionalDecomposition,
    InterregionalImpact,
    Leakage,
    LeakDestinations,
    LeakRanking,
    Linkages,
    Lm3,
    Miyazawa,
    MonteCarlo,
    Multipliers,
    RasResult,
    Records,
    RegionReport,
    RegionReturn,
    RoundMatrices,
    SatelliteAccounts,
    ScanRow,
    ScenarioResult,
    SparseResult,
    StressorAccounts,
    StressorMultipliers,
    StructuralPaths,
    Structure,
    SubstitutionEffect,
    TableClusters,
    TypeIi,
)

_Array: TypeAlias = npt.NDArray[np.float64]
_ArrayLike: TypeAlias = Any

# the records the scenario and report calls return (plain dicts at runtime)
class _UncertaintySpec(TypedDict):
    assumptions: list[list[str | dict[str, float | str]]]
    draws: int
    seed: int
    quantiles: list[float]
    first_draw: int

# the spellings of the options, as the core spells them (a test compares them with the core's)
_Closure: TypeAlias = Literal["open", "households"]
_Extraction: TypeAlias = Literal["backward", "forward", "total"]
_LqMethod: TypeAlias = Literal["slq", "cilq", "flq", "aflq"]
_Gwp: TypeAlias = Literal["ar4", "ar5"]
_PathTarget: TypeAlias = Literal["value_added", "income", "leakage"]

# the keyword options of the clustering calls (the core's ClusterOptions and
# TableClusterOptions; an option of another call is an InvalidInputError)
class _ClusterOptions(TypedDict, total=False):
    quality: Literal["modularity", "cpm", "map_equation"]
    resolution: float
    starts: int
    seed: int

class _TableClusterOptions(_ClusterOptions, total=False):
    basis: Literal["flows", "leontief_inverse"]
    self_loops: bool
    missing_links: int
    share: float
    rank_links_by: Literal["per_pound", "total"]

__all__ = [
    "AUSTRALIA_2021_ATTRIBUTION",
    "BRES_2019_ATTRIBUTION",
    "COUNCILS_RUK_ASSUMPTIONS",
    "COUNCIL_ASSUMPTIONS",
    "COUNCIL_DEFAULT_RANGES",
    "COUNCIL_SYSTEM_ASSUMPTIONS",
    "COUNCIL_UNCERTAIN_ASSUMPTIONS",
    "COUNCIL_UNCERTAIN_INDICATORS",
    "DATASETS",
    "DEFAULT_BALANCE_TOLERANCE",
    "DEFAULT_DELTA",
    "ERROR_KINDS",
    "INTERREGIONAL_DATASETS",
    "LGA_ASSUMPTIONS",
    "MAX_CONSENSUS_NODES",
    "MAX_DRAWS",
    "MAX_STARTS",
    "OUTSIDE_OWNED_PROFIT_SHARE",
    "REGIONALISED_UNCERTAIN_ASSUMPTIONS",
    "SCOTLAND_2019_ATTRIBUTION",
    "SCOTLAND_RUK_ASSUMPTIONS",
    "SCOTLAND_RUK_ATTRIBUTION",
    "SCOTTISH_GOVERNMENT_RESOLUTION",
    "TABLE_UNCERTAIN_ASSUMPTIONS",
    "THREE_REGION_PREFIX",
    "UK_2019_GHG_ATTRIBUTION",
    "ClusterGraph",
    "CsvError",
    "DisconnectedError",
    "EmptyTableError",
    "FlowSystem",
    "InconsistentError",
    "InfeasibleError",
    "InterregionalTable",
    "InterruptError",
    "InvalidInputError",
    "InvalidLabelError",
    "JsonError",
    "LeontiefModel",
    "LocaleconError",
    "MapFlows",
    "MissingDataError",
    "NegativeValueError",
    "NonFiniteError",
    "NonProductiveError",
    "OutOfRangeError",
    "RegionalTable",
    "Satellite",
    "ShapeError",
    "SingularError",
    "SparseNetwork",
    "TooLargeError",
    "UnbalancedError",
    "UnknownLabelError",
    "UnknownOptionError",
    "UnsupportedVersionError",
    "_Report",
    "__version__",
    "australia_lga_atlas",
    "average_share",
    "bres_2019_employment",
    "calibrate",
    "combine_monte_carlo",
    "commuting_cross_check",
    "council_commuting",
    "council_default_uncertainty",
    "council_uncertainty",
    "councils",
    "dataset",
    "dataset_names",
    "dataset_satellite",
    "flegg_lambda",
    "gva_validation",
    "interregional_build",
    "interregional_dataset",
    "interregional_households",
    "kernel_path",
    "lga_uncertainty",
    "lm3",
    "local_surplus_shares",
    "location_quotients",
    "map_concordance",
    "ras",
    "regionalisation_validation",
    "regionalize",
    "regionalize_uncertainty",
    "resident_share",
    "scotland_council_atlas",
    "slq",
]

__version__: str
DATASETS: list[str]
OUTSIDE_OWNED_PROFIT_SHARE: float
COUNCIL_ASSUMPTIONS: str
LGA_ASSUMPTIONS: str
AUSTRALIA_2021_ATTRIBUTION: str
DEFAULT_DELTA: float
DEFAULT_BALANCE_TOLERANCE: float
ERROR_KINDS: list[tuple[str, str]]
SCOTLAND_2019_ATTRIBUTION: str
BRES_2019_ATTRIBUTION: str
UK_2019_GHG_ATTRIBUTION: str

class LocaleconError(ValueError):
    code: str

class ShapeError(LocaleconError): ...
class EmptyTableError(LocaleconError): ...
class InvalidLabelError(LocaleconError): ...
class UnknownLabelError(LocaleconError): ...
class NonFiniteError(LocaleconError): ...
class NegativeValueError(LocaleconError): ...
class OutOfRangeError(LocaleconError): ...
class UnbalancedError(LocaleconError): ...
class NonProductiveError(LocaleconError): ...
class SingularError(LocaleconError): ...
class JsonError(LocaleconError): ...
class UnsupportedVersionError(LocaleconError): ...
class CsvError(LocaleconError): ...
class UnknownOptionError(LocaleconError): ...
class MissingDataError(LocaleconError): ...
class InvalidInputError(LocaleconError): ...
class DisconnectedError(LocaleconError): ...
class InconsistentError(LocaleconError): ...
class InfeasibleError(LocaleconError): ...
class TooLargeError(LocaleconError): ...
class InterruptError(LocaleconError): ...

@final
class RegionalTable:
    @staticmethod
    def from_arrays(
        z: _ArrayLike,
        *,
        sectors: list[str] | None = None,
        names: list[str] | None = None,
        final_demand: _ArrayLike | None = None,
        final_demand_labels: list[str] | None = None,
        final_demand_kinds: list[str] | dict[str, str] | None = None,
        primary_inputs: _ArrayLike | None = None,
        primary_input_labels: list[str] | None = None,
        primary_input_kinds: list[str] | dict[str, str] | None = None,
        output: _ArrayLike | None = None,
        employment: _ArrayLike | None = None,
        employment_unit: str = "jobs",
        name: str = "region",
        unit: str = "money units",
        source: str | None = None,
        household_income: float | None = None,
        balance_tolerance: float = 0.001,
    ) -> RegionalTable: ...
    @staticmethod
    def from_json(text: str | bytes | bytearray | memoryview) -> RegionalTable: ...
    @staticmethod
    def from_csv(text: str | bytes | bytearray | memoryview) -> RegionalTable: ...
    def to_json(self) -> str: ...
    def to_csv(self) -> str: ...
    @property
    def n(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def codes(self) -> list[str]: ...
    @property
    def names(self) -> list[str]: ...
    @property
    def z(self) -> _Array: ...
    @property
    def output(self) -> _Array: ...
    @property
    def final_demand_columns(self) -> list[tuple[str, str]]: ...
    @property
    def primary_input_rows(self) -> list[tuple[str, str]]: ...
    def sector_index(self, code: str) -> int: ...
    def audit(self) -> Audit: ...
    def multipliers(self) -> Multipliers: ...
    def leakage(self) -> Leakage: ...
    def closed_leakage(self) -> ClosedLeakage: ...
    def local_purchase_coefficients(self) -> _Array: ...
    def report(self, progress: Any = None, satellite: Satellite | None = None) -> RegionReport: ...
    def fci(self, closure: _Closure = "open") -> float: ...
    def ena(
        self,
        closure: _Closure = "open",
        max_cycle_length: int = 4,
        top_cycles: int = 10,
        max_cycle_steps: int = 10000000,
    ) -> EnaAnalysis: ...
    def linkages(self) -> Linkages: ...
    def ghosh_inverse(self) -> _Array: ...
    def hypothetical_extraction(self, sector: str, kind: _Extraction = "total") -> float: ...
    def structural_paths(
        self,
        sector: str,
        target: _PathTarget = "value_added",
        cutoff: float = 0.0001,
        max_depth: int = 8,
        top_k: int = 20,
        max_steps: int = 20000000,
    ) -> StructuralPaths: ...
    def model_lm(self, k: int) -> _Array: ...
    def impact(self, final_demand: _ArrayLike, household_income: float = 0.0) -> Impact: ...
    def uncertainty(self, spec: Any, max_draws: int = 1000000) -> MonteCarlo: ...
    def clusters(
        self,
        preset: Literal["scottish_government"] | None = None,
        **kwargs: Unpack[_TableClusterOptions],
    ) -> TableClusters: ...
    def cluster_graph(
        self, self_loops: bool = False, basis: Literal["flows", "leontief_inverse"] = "flows"
    ) -> ClusterGraph: ...
    def map_flows(self) -> MapFlows: ...
    def spending(self, amount: float, local_share: float, pattern: str) -> _Array: ...
    def import_substitution(
        self, buyer: str, product: str, share: float
    ) -> SubstitutionEffect: ...
    def leak_ranking(
        self,
        share: float = 0.1,
        top_k: int = 20,
        max_output_increase: float | None = None,
        exclude: list[str] | None = None,
        min_business_sales_share: float = 0.005,
    ) -> LeakRanking: ...
    def imported_products(self, buyer: str) -> Records[ImportedProduct]: ...
    @property
    def import_basis(self) -> str: ...
    def import_use(self, origin: str) -> _Array: ...
    def with_import_use(self, blocks: dict[str, _ArrayLike]) -> RegionalTable: ...
    def apply_scenario(self, scenario: dict[str, Any] | str) -> RegionalTable: ...
    def evaluate_scenario(
        self, scenario: dict[str, Any] | str, satellite: Satellite | None = None
    ) -> ScenarioResult: ...
    def business_footprint(self, business: dict[str, Any] | str) -> BusinessFootprint: ...
    def local_currency(self, design: dict[str, Any] | str) -> CurrencyResult: ...
    def __array__(self, dtype: Any = None, copy: bool | None = None) -> _Array: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __len__(self) -> int: ...

@final
class LeontiefModel:
    def __new__(cls, table: RegionalTable) -> LeontiefModel: ...
    @property
    def n(self) -> int: ...
    @property
    def coefficients(self) -> _Array: ...
    def solve(self, f: _ArrayLike) -> _Array: ...
    def solve_many(self, f: _ArrayLike) -> _Array: ...
    def solve_transpose(self, w: _ArrayLike) -> _Array: ...
    def output_multipliers(self) -> _Array: ...
    def leontief_inverse(self) -> _Array: ...

@final
class _Report:
    def to_json(self) -> str: ...
    def part(self, key: str) -> str: ...
    def text(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> RegionReport: ...

@final
class FlowSystem:
    def __new__(
        cls,
        labels: list[str],
        flows: _ArrayLike,
        inputs: _ArrayLike,
        exports: _ArrayLike,
        dissipation: _ArrayLike,
        *,
        balance_tolerance: float = 0.001,
        allow_unbalanced: bool = False,
    ) -> FlowSystem: ...
    @staticmethod
    def from_table(table: RegionalTable, closure: _Closure = "open") -> FlowSystem: ...
    @property
    def labels(self) -> list[str]: ...
    @property
    def flows(self) -> _Array: ...
    @property
    def throughflow(self) -> _Array: ...
    def flow_indicators(self) -> FlowIndicators: ...
    def information_indices(self) -> InformationIndices: ...
    def structure(self) -> Structure: ...
    def strongly_connected_components(self) -> Records[Component]: ...
    def strongest_cycles(
        self, max_length: int = 4, top_k: int = 10, max_steps: int = 10000000
    ) -> Records[Cycle]: ...
    def analyse(
        self, max_cycle_length: int = 4, top_cycles: int = 10, max_cycle_steps: int = 10000000
    ) -> EnaAnalysis: ...

@final
class SparseNetwork:
    def __new__(
        cls,
        n: int,
        payer: _ArrayLike,
        payee: _ArrayLike,
        amount: _ArrayLike,
        leaked: _ArrayLike,
        retained: _ArrayLike,
    ) -> SparseNetwork: ...
    @property
    def n(self) -> int: ...
    @property
    def flows(self) -> int: ...
    @property
    def memory_bytes(self) -> int: ...
    def cluster_graph(self, self_loops: bool = False) -> ClusterGraph: ...
    def analyse(self, tolerance: float = 1e-10, max_iterations: int = 1000) -> SparseResult: ...
    def relative_residual(self, y: _ArrayLike, w: _ArrayLike) -> float: ...

@final
class ClusterGraph:
    def __new__(
        cls,
        n: int,
        source: _ArrayLike,
        target: _ArrayLike,
        weight: _ArrayLike,
        undirected: bool = False,
        self_loops: bool = False,
    ) -> ClusterGraph: ...
    @property
    def n(self) -> int: ...
    @property
    def total_weight(self) -> float: ...
    def modularity(self, membership: list[int], resolution: float = 1.0) -> float: ...
    def cpm(self, membership: list[int], resolution: float = 1.0) -> float: ...
    def cluster(self, **kwargs: Unpack[_ClusterOptions]) -> Clustering: ...
    def scan(
        self, resolutions: list[float], **kwargs: Unpack[_ClusterOptions]
    ) -> Records[ScanRow]: ...
    def consensus(self, **kwargs: Unpack[_ClusterOptions]) -> Consensus: ...

@final
class MapFlows:
    def __new__(
        cls,
        n: int,
        source: _ArrayLike,
        target: _ArrayLike,
        weight: _ArrayLike,
        undirected: bool = False,
        teleportation: float | None = None,
    ) -> MapFlows: ...
    @property
    def n(self) -> int: ...
    @property
    def node_flow(self) -> _Array: ...
    def codelength(self, membership: list[int]) -> float: ...
    def cluster(self, **kwargs: Unpack[_ClusterOptions]) -> Clustering: ...

SCOTTISH_GOVERNMENT_RESOLUTION: float
MAX_STARTS: int
MAX_CONSENSUS_NODES: int

def dataset(name: str) -> RegionalTable: ...
def dataset_satellite(name: str) -> Satellite: ...
def calibrate(
    intensities: _ArrayLike, output: _ArrayLike, groups: list[str], totals: dict[str, float]
) -> tuple[_Array, dict[str, float]]: ...

@final
class Satellite:
    def __new__(
        cls,
        table: RegionalTable,
        stressors: _ArrayLike,
        *,
        names: list[str] | None = None,
        units: dict[str, str] | None = None,
        gases: dict[str, str] | None = None,
        household: dict[str, float] | None = None,
        removals: list[str] | None = None,
        import_factors: dict[str, dict[str, float | _ArrayLike]] | None = None,
        per_unit_of_output: bool = False,
        source: str | None = None,
        assumptions: list[str] | None = None,
    ) -> Satellite: ...
    @staticmethod
    def employment(table: RegionalTable) -> Satellite: ...
    @property
    def names(self) -> list[str]: ...
    @property
    def units(self) -> list[str]: ...
    @property
    def assumptions(self) -> list[str]: ...
    @property
    def source(self) -> str | None: ...
    @property
    def intensities(self) -> _Array: ...
    def characterise(
        self, name: str = "GHG", unit: str = "kt CO2e", gwp: _Gwp = "ar5"
    ) -> Satellite: ...
    def combine(self, name: str, unit: str, factors: dict[str, float]) -> Satellite: ...
    def multipliers(self, table: RegionalTable, type_ii: bool = True) -> StressorMultipliers: ...
    def footprint(self, table: RegionalTable) -> Footprint: ...
    def accounts(self, table: RegionalTable) -> SatelliteAccounts: ...
    def caused_by(self, table: RegionalTable, final_demand: _ArrayLike) -> _Array: ...
    def to_pandas(self) -> pd.DataFrame: ...
    @staticmethod
    def _from_json(json: str) -> Satellite: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def lm3(survey: dict[str, Any]) -> Lm3: ...
def average_share(shares: _ArrayLike, weights: _ArrayLike | None = None) -> float: ...
def regionalize(
    national: RegionalTable,
    national_employment: _ArrayLike,
    regional_employment: _ArrayLike,
    *,
    method: _LqMethod = "flq",
    delta: float = 0.3,
    name: str = "region",
    resident_compensation_share: float | _ArrayLike | None = None,
    local_surplus_share: float | _ArrayLike | None = None,
    employment_unit: str = "jobs",
) -> RegionalTable: ...
def regionalize_uncertainty(
    national: RegionalTable,
    national_employment: _ArrayLike,
    regional_employment: _ArrayLike,
    spec: Any,
    *,
    method: _LqMethod = "flq",
    delta: float = 0.3,
    name: str = "region",
    resident_compensation_share: float | _ArrayLike | None = None,
    local_surplus_share: float | _ArrayLike | None = None,
    employment_unit: str = "jobs",
    max_draws: int = 1000000,
) -> MonteCarlo: ...
def slq(regional: _ArrayLike, national: _ArrayLike) -> _Array: ...
def location_quotients(
    regional: _ArrayLike, national: _ArrayLike, method: _LqMethod = "flq", delta: float = 0.3
) -> _Array: ...
def kernel_path() -> str:
    """The SIMD paths the dense engine takes on this machine, in words (benchmarks print it)."""

def flegg_lambda(regional_total: float, national_total: float, delta: float) -> float: ...
def ras(
    matrix_: _ArrayLike,
    row_targets: _ArrayLike,
    col_targets: _ArrayLike,
    *,
    tolerance: float = 1e-10,
    max_iterations: int = 10000,
) -> RasResult: ...
def map_concordance(
    values: dict[str, float], lookup: list[tuple[Any, ...]], targets: list[str]
) -> _Array: ...
def resident_share(live_and_work: float, jobs: float) -> float: ...
def bres_2019_employment() -> tuple[_Array, _Array]: ...
def dataset_names() -> list[str]: ...
def council_commuting(name: str) -> CouncilCommuting: ...
def councils() -> list[CouncilCommuting]: ...
def local_surplus_shares(outside_owned_profit_share: float = 0.551) -> _Array: ...
def scotland_council_atlas() -> Atlas: ...
def australia_lga_atlas() -> Atlas: ...
def gva_validation(method: _LqMethod = "flq", delta: float = 0.3) -> GvaValidation: ...
def commuting_cross_check() -> pd.DataFrame: ...
def regionalisation_validation() -> pd.DataFrame: ...

@final
class InterregionalTable:
    @staticmethod
    def from_arrays(
        z: _ArrayLike,
        index: Any = None,
        names: list[str] | None = None,
        final_demand: _ArrayLike | None = None,
        final_demand_labels: list[str] | None = None,
        final_demand_regions: list[str | None] | None = None,
        final_demand_kinds: list[str] | dict[str, str] | None = None,
        primary_inputs: _ArrayLike | None = None,
        primary_input_labels: list[str] | None = None,
        primary_input_kinds: list[str] | dict[str, str] | None = None,
        output: _ArrayLike | None = None,
        name: str = "interregional table",
        unit: str = "money units",
        source: str | None = None,
        balance_tolerance: float = 0.001,
        allow_purchases_above_output: bool = False,
    ) -> InterregionalTable: ...
    @staticmethod
    def from_json(text: str | bytes | bytearray | memoryview) -> InterregionalTable: ...
    def to_json(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def regions(self) -> list[str]: ...
    @property
    def index(self) -> list[tuple[str, str]]: ...
    @property
    def n(self) -> int: ...
    @property
    def output(self) -> _Array: ...
    @property
    def z(self) -> _Array: ...
    def coefficients(self) -> _Array: ...
    def leontief_inverse(self) -> _Array: ...
    def region_table(self, region: str) -> RegionalTable: ...
    def decomposition(self, round: bool = True) -> InterregionalDecomposition: ...
    def returns(self) -> Records[RegionReturn]: ...
    def leak_destinations(self) -> LeakDestinations: ...
    def interdependence(self) -> Interdependence: ...
    def spillover_matrix(self) -> _Array: ...
    def impact(self, delta_f: _ArrayLike) -> InterregionalImpact: ...
    def extraction(self, region: str) -> Extraction: ...
    def miyazawa(self, region: str) -> Miyazawa: ...
    def round_matrices(self) -> RoundMatrices: ...
    def accounts(self, stressors: _ArrayLike | dict[str, _ArrayLike]) -> StressorAccounts: ...
    def type_ii(self, commuting: _ArrayLike, income: _ArrayLike | None = None) -> TypeIi: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

SCOTLAND_RUK_ASSUMPTIONS: list[str]
COUNCIL_SYSTEM_ASSUMPTIONS: list[str]
COUNCILS_RUK_ASSUMPTIONS: list[str]
THREE_REGION_PREFIX: str
MAX_DRAWS: int
COUNCIL_DEFAULT_RANGES: list[str]
COUNCIL_UNCERTAIN_ASSUMPTIONS: list[tuple[str, str]]
COUNCIL_UNCERTAIN_INDICATORS: list[str]
TABLE_UNCERTAIN_ASSUMPTIONS: list[tuple[str, str]]
REGIONALISED_UNCERTAIN_ASSUMPTIONS: list[tuple[str, str]]
INTERREGIONAL_DATASETS: list[str]
SCOTLAND_RUK_ATTRIBUTION: str

def interregional_dataset(name: str) -> InterregionalTable: ...
def council_uncertainty(council: str, spec: Any, max_draws: int = 1000000) -> MonteCarlo: ...
def combine_monte_carlo(runs: list[Any]) -> MonteCarlo: ...
def lga_uncertainty(lga: str, spec: Any, max_draws: int = 1000000) -> MonteCarlo: ...
def council_default_uncertainty(council: str, draws: int = 1000, seed: int = 2019) -> _UncertaintySpec: ...
def interregional_build(name: str) -> tuple[InterregionalTable, BuildReport]: ...
def interregional_households(name: str, table: InterregionalTable) -> tuple[_Array, _Array]: ...
