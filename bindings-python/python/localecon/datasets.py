"""Embedded real tables and their attribution.

The Scottish tables are Crown copyright under the Open Government Licence v3.0: show
``SCOTLAND_2019_ATTRIBUTION`` wherever results from them are used.

>>> from localecon import datasets
>>> datasets.scotland_2019_sections().codes[:3]
['A', 'B', 'C']
"""

from localecon._localecon import (
    AUSTRALIA_2021_ATTRIBUTION,
    BRES_2019_ATTRIBUTION,
    COUNCIL_ASSUMPTIONS,
    COUNCIL_SYSTEM_ASSUMPTIONS,
    COUNCIL_UNCERTAIN_ASSUMPTIONS,
    COUNCIL_UNCERTAIN_INDICATORS,
    COUNCILS_RUK_ASSUMPTIONS,
    DATASETS,
    INTERREGIONAL_DATASETS,
    LGA_ASSUMPTIONS,
    OUTSIDE_OWNED_PROFIT_SHARE,
    SCOTLAND_2019_ATTRIBUTION,
    SCOTLAND_RUK_ASSUMPTIONS,
    SCOTLAND_RUK_ATTRIBUTION,
    THREE_REGION_PREFIX,
    UK_2019_GHG_ATTRIBUTION,
    InterregionalTable,
    RegionalTable,
    Satellite,
    australia_lga_atlas,
    bres_2019_employment,
    commuting_cross_check,
    council_commuting,
    councils,
    dataset,
    dataset_names,
    dataset_satellite,
    gva_validation,
    interregional_dataset,
    local_surplus_shares,
    regionalisation_validation,
    scotland_council_atlas,
)
from localecon._results import Atlas, CouncilCommuting, GvaValidation

__all__ = [
    "AUSTRALIA_2021_ATTRIBUTION",
    "BRES_2019_ATTRIBUTION",
    "COUNCILS_RUK_ASSUMPTIONS",
    "COUNCIL_ASSUMPTIONS",
    "COUNCIL_SYSTEM_ASSUMPTIONS",
    "COUNCIL_UNCERTAIN_ASSUMPTIONS",
    "COUNCIL_UNCERTAIN_INDICATORS",
    "DATASETS",
    "INTERREGIONAL_DATASETS",
    "LGA_ASSUMPTIONS",
    "OUTSIDE_OWNED_PROFIT_SHARE",
    "SCOTLAND_2019_ATTRIBUTION",
    "SCOTLAND_RUK_ASSUMPTIONS",
    "SCOTLAND_RUK_ATTRIBUTION",
    "THREE_REGION_PREFIX",
    "UK_2019_GHG_ATTRIBUTION",
    "Atlas",
    "CouncilCommuting",
    "GvaValidation",
    "australia_lga_atlas",
    "australia_lga_names",
    "bres_2019_employment",
    "by_name",
    "commuting_cross_check",
    "council",
    "council_commuting",
    "council_names",
    "councils",
    "dataset",
    "dataset_names",
    "glasgow_2019",
    "gva_validation",
    "local_surplus_shares",
    "miller_blair_2sector",
    "regionalisation_validation",
    "satellite",
    "scotland_2019",
    "scotland_2019_sections",
    "scotland_council_atlas",
    "scotland_councils_2019",
    "scotland_councils_ruk_2019",
    "scotland_ruk_2019",
    "scotland_ruk_2019_shared",
    "three_region_2019",
]


def by_name(name: str) -> RegionalTable:
    """An embedded table by name (one of ``dataset_names()``); raises ``UnknownOptionError``."""
    return dataset(name)


def council_names() -> list[str]:
    """The 32 council-area datasets, e.g. ``"scotland-council-2019:glasgow-city"``.

    >>> council_names()[:2]
    ['scotland-council-2019:aberdeen-city', 'scotland-council-2019:aberdeenshire']
    """
    return [n for n in dataset_names() if n.startswith("scotland-council-2019:")]


def council(name: str) -> RegionalTable:
    """A council area of Scotland, 2019, by dataset or council name: Scotland 2019 regionalised
    by FLQ (delta 0.3) with the council's BRES 2019 jobs, its commuting (2011 census) and the
    ownership assumption (``COUNCIL_ASSUMPTIONS``) applied.

    >>> council("City of Edinburgh").name
    'City of Edinburgh 2019'
    """
    return dataset(
        name if name.startswith("scotland-council-2019:") else council_commuting(name).dataset
    )


def scotland_2019() -> RegionalTable:
    """Scotland 2019, 98 industries, GBP million (Scottish Government, OGL v3.0)."""
    return dataset("scotland-2019")


def scotland_2019_sections() -> RegionalTable:
    """Scotland 2019 summed to the 20 SIC 2007 sections A-T."""
    return dataset("scotland-2019-sections")


def scotland_ruk_2019() -> InterregionalTable:
    """Scotland and the rest of the UK 2019 at the 20 SIC sections: an interregional table
    built by double entry from the ONS UK table and the Scottish table. Its estimates are
    listed in ``SCOTLAND_RUK_ASSUMPTIONS``; show ``SCOTLAND_RUK_ATTRIBUTION`` with results."""
    return interregional_dataset("scotland-ruk-2019")


def scotland_ruk_2019_shared() -> InterregionalTable:
    """Scotland and the rest of the UK 2019 at the 94 groups both tables share (the connected
    components of the ONS concordance from the UK's 105 industries to Scotland's 98), built
    like ``scotland_ruk_2019()``; finer groups overdraw more UK cells (about GBP 7.3bn, 0.2 %
    of the rest of the UK's output, clipped and reported)."""
    return interregional_dataset("scotland-ruk-2019-shared")


def scotland_councils_ruk_2019() -> InterregionalTable:
    """Scotland's 32 council areas and the rest of the UK 2019 as one system of 33 regions at
    the 94 shared groups (3,102 entries): each council's leak splits into what goes to the
    other councils and to the rest of the UK (``leak_destinations()``). Assumptions: those of
    ``scotland_ruk_2019_shared()``, the council system's and ``COUNCILS_RUK_ASSUMPTIONS``."""
    return interregional_dataset("scotland-councils-ruk-2019")


def three_region_2019(council: str) -> InterregionalTable:
    """A council area, the rest of Scotland (the other 31 councils) and the rest of the UK,
    2019, at the 94 shared groups: the council system with the rest of the UK, the other
    councils summed into one region.

    >>> [r for r in three_region_2019("Glasgow City").regions]
    ['Glasgow City', 'Rest of Scotland', 'Rest of UK']
    """
    return interregional_dataset(THREE_REGION_PREFIX + council)


def scotland_councils_2019() -> InterregionalTable:
    """Scotland's 32 council areas 2019 as one interregional system (32 x 98 = 3,136 entries):
    each council's table, and trade between councils from what each buys from the rest of
    Scotland (``COUNCIL_SYSTEM_ASSUMPTIONS``). Building it takes about 0.3 s; its first
    analysis factors the system (about a second)."""
    return interregional_dataset("scotland-councils-2019")


def glasgow_2019() -> RegionalTable:
    """Glasgow City 2019: the council table ``scotland-council-2019:glasgow-city``.

    Scotland 2019 regionalised by FLQ (delta 0.3) with BRES 2019 jobs, the resident share of
    compensation from the 2011 census (``council_commuting("Glasgow City").resident_share``)
    and the local surplus shares (``local_surplus_shares()``).
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


def australia_lga_names() -> list[str]:
    """Australia's Local Government Areas with jobs (2021 census), e.g.
    ``"australia-2021:Alice Springs"``; each is a dataset.

    >>> names = australia_lga_names()
    >>> len(names), "australia-2021:Alice Springs" in names
    (547, True)
    >>> dataset("australia-2021:Alice Springs").name
    'Alice Springs 2021-22'
    """
    return [n for n in dataset_names() if n.startswith("australia-2021:")]
