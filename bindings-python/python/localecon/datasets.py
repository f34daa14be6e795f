"""Embedded real tables and their attribution.

The Scottish tables are Crown copyright under the Open Government Licence v3.0: show
``SCOTLAND_2019_ATTRIBUTION`` wherever results from them are used.

>>> from localecon import datasets
>>> datasets.scotland_2019_sections().codes[:3]
['A', 'B', 'C']
"""

from localecon._localecon import DATASETS, SCOTLAND_2019_ATTRIBUTION, RegionalTable, dataset

__all__ = [
    "DATASETS",
    "SCOTLAND_2019_ATTRIBUTION",
    "by_name",
    "miller_blair_2sector",
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


def miller_blair_2sector() -> RegionalTable:
    """The two-sector example of Miller & Blair (2009), section 2.3."""
    return dataset("miller-blair-2sector")
