"""Monte Carlo over many regions and draws, on one machine or many.

``map_regions`` (``map_councils`` for Scotland's councils; ``lga_uncertainty`` for
Australia's LGAs) splits every region's draws into chunks (``first_draw`` and ``draws`` of
the spec) and submits each chunk to an executor: a ``dask.distributed.Client`` (one machine
with ``LocalCluster``, or a cluster of many) or any ``concurrent.futures`` executor. Each
draw has its own random stream, so the chunks combined (``combine_monte_carlo``) equal the
run in one piece to the last bit, whichever worker ran them.

>>> from localecon.uncertainty import map_councils
>>> spec = {"assumptions": {"delta": [0.2, 0.3]}, "draws": 20, "seed": 1}
>>> runs = map_councils(["Fife", "Moray"], spec, chunk_draws=8)
>>> sorted(runs), len(runs["Fife"].outputs)
(['Fife', 'Moray'], 20)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from localecon._localecon import (
    COUNCIL_DEFAULT_RANGES,
    REGIONALISED_UNCERTAIN_ASSUMPTIONS,
    TABLE_UNCERTAIN_ASSUMPTIONS,
    combine_monte_carlo,
    council_default_uncertainty,
    council_uncertainty,
    lga_uncertainty,
    regionalize_uncertainty,
)
from localecon._results import MonteCarlo

__all__ = [
    "COUNCIL_DEFAULT_RANGES",
    "REGIONALISED_UNCERTAIN_ASSUMPTIONS",
    "TABLE_UNCERTAIN_ASSUMPTIONS",
    "combine_monte_carlo",
    "council_default_uncertainty",
    "council_uncertainty",
    "lga_uncertainty",
    "map_councils",
    "map_regions",
    "regionalize_uncertainty",
]


class _Future(Protocol):
    def result(self) -> Any: ...


class Executor(Protocol):
    """Anything with ``submit(fn, *args)`` returning a future with ``result()``: a
    ``dask.distributed.Client`` or a ``concurrent.futures`` executor."""

    def submit(self, fn: Any, /, *args: Any) -> _Future: ...


def map_regions(
    run: Any,
    regions: Iterable[str],
    spec: Mapping[str, Any],
    executor: Executor | None = None,
    chunk_draws: int | None = None,
) -> dict[str, MonteCarlo]:
    """Every region's Monte Carlo ``run(region, spec)`` (``council_uncertainty`` for Scotland's
    councils, ``lga_uncertainty`` for Australia's LGAs) for one spec, the draws split into
    chunks of ``chunk_draws`` (default: one chunk per region) and run on ``executor`` (default:
    here, one after the other). Returns the runs by region, each equal digit for digit to
    ``run(region, spec)``. Work: regions x draws headline computations (about 1 ms each on
    one core)."""
    spec = dict(spec)
    draws = int(spec["draws"])
    first = int(spec.get("first_draw", 0))
    size = draws if chunk_draws is None else int(chunk_draws)
    if size < 1:
        raise ValueError(f"chunk_draws must be at least 1, not {chunk_draws}")
    jobs = []
    for region in regions:
        for start in range(first, first + draws, size):
            chunk = dict(spec, first_draw=start, draws=min(size, first + draws - start))
            jobs.append((region, chunk))
    if executor is None:
        results = [run(r, s) for r, s in jobs]
    else:
        futures = [executor.submit(run, r, s) for r, s in jobs]
        results = [f.result() for f in futures]
    by_region: dict[str, list[MonteCarlo]] = {}
    for (region, _), result in zip(jobs, results):
        by_region.setdefault(region, []).append(result)
    return {r: runs[0] if len(runs) == 1 else combine_monte_carlo(runs) for r, runs in by_region.items()}


def map_councils(
    councils: Iterable[str],
    spec: Mapping[str, Any],
    executor: Executor | None = None,
    chunk_draws: int | None = None,
) -> dict[str, MonteCarlo]:
    """``map_regions(council_uncertainty, councils, ...)``: Scotland's councils."""
    return map_regions(council_uncertainty, councils, spec, executor, chunk_draws)
