"""Converters from pymrio (an optional extra: ``pip install localecon[pymrio]``).

A pymrio ``IOSystem`` is a multi-regional table; localecon describes one region at a time.
:func:`from_pymrio` cuts one region out of it: flows among the region's own sectors become
``Z``; purchases from every other region become one import row; the region's own final
demand stays final demand, and sales to other regions (intermediate and final) become one
export column; value-added rows of the factor-input extension become primary inputs, and
a residual row ("other inputs") closes each column where the extension does not account for
all of output (pymrio computes ``A = Z·diag(x)⁻¹`` from row totals and does not require the
column identity; its bundled test system, for one, does not satisfy it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from localecon._localecon import InterregionalTable, RegionalTable

__all__ = ["from_pymrio", "from_pymrio_folder", "interregional_from_pymrio", "to_pymrio"]


def from_pymrio(
    io: Any,
    region: str,
    *,
    primary_input_kinds: dict[str, str] | None = None,
    final_demand_kinds: dict[str, str] | None = None,
    extension: str = "factor_inputs",
    balance_tolerance: float = 1e-3,
) -> RegionalTable:
    """One region of a pymrio ``IOSystem`` as a localecon table.

    ``primary_input_kinds`` maps the rows of ``extension`` (e.g. ``"Value Added"``) to
    localecon kinds (default ``"operating_surplus"``); ``final_demand_kinds`` maps
    final-demand categories (default ``"other"``). Raises ``UnknownLabelError`` for an
    unknown region.
    """
    z = io.Z
    if z is None:
        io.calc_all()
        z = io.Z
    y = io.Y
    regions = list(z.index.get_level_values(0).unique())
    if region not in regions:
        from localecon import UnknownLabelError

        raise UnknownLabelError(f'unknown label "{region}" in pymrio region (regions: {", ".join(regions)})')
    sectors = list(z.loc[region].index)
    local = z.loc[region, region].to_numpy(dtype=float)
    imports = z.drop(index=region, level=0).xs(region, axis=1, level=0).to_numpy(dtype=float).sum(axis=0)
    own_y = y.loc[region].xs(region, axis=1, level=0)
    categories = list(own_y.columns)
    exports = (
        z.loc[region].drop(columns=region, level=0).to_numpy(dtype=float).sum(axis=1)
        + y.loc[region].drop(columns=region, level=0).to_numpy(dtype=float).sum(axis=1)
    )
    ext = getattr(io, extension)
    f = ext.F.xs(region, axis=1, level=0)
    pi_kinds = primary_input_kinds or {}
    fd_kinds = final_demand_kinds or {}
    x = io.x.loc[region].to_numpy(dtype=float).ravel() if io.x is not None else local.sum(axis=1) + own_y.to_numpy(dtype=float).sum(axis=1) + exports
    residual = x - local.sum(axis=0) - imports - f.to_numpy(dtype=float).sum(axis=0)
    primary = np.vstack([imports, f.to_numpy(dtype=float), residual])
    primary_labels = ["imports (other regions)"] + [str(r) for r in f.index] + ["other inputs (residual)"]
    primary_kinds = ["imports"] + [pi_kinds.get(str(r), "operating_surplus") for r in f.index] + ["other"]
    fd = np.column_stack([own_y.to_numpy(dtype=float), exports])
    fd_labels = [str(c) for c in categories] + ["exports (other regions)"]
    fd_kinds_list = [fd_kinds.get(str(c), "other") for c in categories] + ["exports_rest_of_world"]
    return RegionalTable.from_arrays(
        local,
        sectors=[str(s) for s in sectors],
        final_demand=fd,
        final_demand_labels=fd_labels,
        final_demand_kinds=fd_kinds_list,
        primary_inputs=primary,
        primary_input_labels=primary_labels,
        primary_input_kinds=primary_kinds,
        name=f"{region} (from pymrio)",
        unit="money units",
        balance_tolerance=balance_tolerance,
    )


def from_pymrio_folder(path: str | Path, region: str, **kwargs: Any) -> RegionalTable:
    """One region of a pymrio text folder (as written by ``IOSystem.save_all``)."""
    import pymrio

    return from_pymrio(pymrio.load_all(str(path)), region, **kwargs)


def interregional_from_pymrio(
    io: Any,
    *,
    primary_input_kinds: dict[str, str] | None = None,
    final_demand_kinds: dict[str, str] | None = None,
    extension: str = "factor_inputs",
    balance_tolerance: float = 1e-3,
) -> InterregionalTable:
    """A whole pymrio ``IOSystem`` as a localecon interregional table.

    ``Z`` and ``Y`` keep pymrio's (region, sector) and (region, category) labels and are
    aligned by them; each ``Y`` column is bought by its region. The rows of ``extension``
    become primary inputs (kinds from ``primary_input_kinds``, default
    ``"operating_surplus"``) and a residual row ("other inputs") closes each column where
    they do not account for all of output, as in :func:`from_pymrio`.
    """
    if io.Z is None:
        io.calc_all()
    z, y = io.Z, io.Y
    x = io.x.to_numpy(dtype=float).ravel()
    f = getattr(io, extension).F.reindex(columns=z.columns)
    residual = x - z.to_numpy(dtype=float).sum(axis=0) - f.to_numpy(dtype=float).sum(axis=0)
    primary = np.vstack([f.to_numpy(dtype=float), residual])
    labels = [str(r) for r in f.index] + ["other inputs (residual)"]
    pi_kinds = primary_input_kinds or {}
    kinds = [pi_kinds.get(str(r), "operating_surplus") for r in f.index] + ["other"]
    return InterregionalTable.from_arrays(
        z,
        final_demand=y,
        final_demand_kinds=final_demand_kinds or {},
        primary_inputs=primary,
        primary_input_labels=labels,
        primary_input_kinds=kinds,
        output=x,
        name="from pymrio",
        balance_tolerance=balance_tolerance,
    )


def to_pymrio(table: InterregionalTable) -> Any:
    """An interregional table as a pymrio ``IOSystem`` with ``Z``, ``Y`` and ``x`` (final
    demand bought outside the system as region ``"(outside)"``), ready for ``calc_all()``."""
    import pandas as pd
    import pymrio

    doc = json.loads(table.to_json())
    index = pd.MultiIndex.from_tuples(table.index, names=["region", "sector"])
    z = pd.DataFrame(np.array(doc["z"], dtype=float), index=index, columns=index)
    columns = []
    for c in doc.get("final_demand", []):
        region = c.get("region") or "(outside)"
        columns.append((region, c["label"].removeprefix(f"{region}/")))
    y = pd.DataFrame(
        np.array([c["values"] for c in doc.get("final_demand", [])], dtype=float).reshape(
            len(columns), table.n
        ).T,
        index=index,
        columns=pd.MultiIndex.from_tuples(columns, names=["region", "category"]),
    )
    x = pd.DataFrame({"indout": table.output}, index=index)
    return pymrio.IOSystem(Z=z, Y=y, x=x, name=table.name)
