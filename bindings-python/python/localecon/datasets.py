"""Embedded real tables and their attribution.

The Scottish tables are Crown copyright under the Open Government Licence v3.0: show
``SCOTLAND_2019_ATTRIBUTION`` wherever results from them are used.

>>> from localecon import datasets
>>> datasets.scotland_2019_sections().codes[:3]
['A', 'B', 'C']
"""

from localecon._localecon import (
    BRES_2019_ATTRIBUTION,
    DATASETS,
    SCOTLAND_2019_ATTRIBUTION,
    UK_2019_GHG_ATTRIBUTION,
    RegionalTable,
    Satellite,
    bres_2019_employment,
    dataset,
    dataset_satellite,
)

__all__ = [
    "BRES_2019_ATTRIBUTION",
    "DATASETS",
    "SCOTLAND_2019_ATTRIBUTION",
    "UK_2019_GHG_ATTRIBUTION",
    "bres_2019_employment",
    "by_name",
    "glasgow_2019",
    "miller_blair_2sector",
    "satellite",
    "scotland_2019",
    "scotland_2019_sections",
]


def by_name(name: str) -> RegionalTable:
    """An embedded table by name (one of ``DATASETS``); raises ``UnknownOptionError``."""
    return dataset(name)


def scotland_2019() -> RegionalTable:
    """Scotland 2019, 98 industries, GBP million (Scottish Government, OGL v3.0)."""
    return dataset("scotland-2019")


def scotland_2019_sections() -> RegionalTable:
    """Scotland 2019 summed to the 20 SIC 2007 sections A-T."""
    return dataset("scotland-2019-sections")


def glasgow_2019() -> RegionalTable:
    """Glasgow City 2019: Scotland 2019 regionalised by FLQ (delta 0.3) with BRES 2019 jobs.

    The same as ``localecon.regionalize(scotland_2019(), *bres_2019_employment(),
    method="flq", delta=0.3, name="Glasgow City 2019", employment_unit="jobs (BRES 2019
    employment)")``.
    """
    return dataset("glasgow-2019")


def miller_blair_2sector() -> RegionalTable:
    """The two-sector example of Miller & Blair (2009), section 2.3."""
    return dataset("miller-blair-2sector")


def satellite(name: str = "scotland-2019") -> Satellite:
    """The embedded satellite of a dataset ("scotland-2019" or "glasgow-2019"): its FTE or jobs,
    one stressor per greenhouse gas and "GHG" (kt CO2e), an ESTIMATE from the UK's 2019
    air-emission accounts (UK intensities per industry; ``UK_2019_GHG_ATTRIBUTION``). Every
    result lists its assumptions. Raises ``MissingDataError`` for other datasets.

    >>> from localecon import datasets
    >>> sat = datasets.satellite("scotland-2019")
    >>> sat.names[-1], sat.units[-1]
    ('GHG', 'kt CO2e')
    """
    return dataset_satellite(name)
