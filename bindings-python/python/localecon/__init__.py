"""localecon: where a region's money comes from, how long it circulates, where it leaks out.

>>> import localecon
>>> table = localecon.datasets.scotland_2019()
>>> table.n
98
>>> m = table.multipliers()
>>> round(float(m.output_type_i[0]), 4)  # Agriculture, published 1.5008
1.5008
"""

from localecon import datasets
from localecon._localecon import (
    DATASETS,
    SCOTLAND_2019_ATTRIBUTION,
    Audit,
    ClosedLeakage,
    CsvError,
    DisconnectedError,
    EmptyTableError,
    FlowSystem,
    InvalidInputError,
    InvalidLabelError,
    JsonError,
    Leakage,
    LeontiefModel,
    Linkages,
    LocaleconError,
    MissingDataError,
    Multipliers,
    NegativeValueError,
    NonFiniteError,
    NonProductiveError,
    OutOfRangeError,
    RegionalTable,
    RegionReport,
    ShapeError,
    SingularError,
    UnbalancedError,
    UnknownLabelError,
    UnknownOptionError,
    UnsupportedVersionError,
    __version__,
    average_share,
    lm3,
)

__all__ = [
    "DATASETS",
    "SCOTLAND_2019_ATTRIBUTION",
    "Audit",
    "ClosedLeakage",
    "CsvError",
    "DisconnectedError",
    "EmptyTableError",
    "FlowSystem",
    "InvalidInputError",
    "InvalidLabelError",
    "JsonError",
    "Leakage",
    "LeontiefModel",
    "Linkages",
    "LocaleconError",
    "MissingDataError",
    "Multipliers",
    "NegativeValueError",
    "NonFiniteError",
    "NonProductiveError",
    "OutOfRangeError",
    "RegionReport",
    "RegionalTable",
    "ShapeError",
    "SingularError",
    "UnbalancedError",
    "UnknownLabelError",
    "UnknownOptionError",
    "UnsupportedVersionError",
    "__version__",
    "average_share",
    "datasets",
    "lm3",
]
