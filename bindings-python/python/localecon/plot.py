"""Pictures of a region's economy (matplotlib, an optional extra: ``pip install localecon[plot]``).

Every function takes localecon objects, draws on a new figure (or the ``ax`` given) and
returns ``(fig, ax)``, so that notebooks show it and scripts can save it.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import localecon
>>> from localecon import plot
>>> fig, ax = plot.where_a_pound_goes(localecon.datasets.scotland_2019(), "10.7")
>>> ax.get_title()
'Where £1 of final demand for Bakery & farinaceous ends up — Scotland 2019'
"""

from __future__ import annotations

from typing import Any

import numpy as np

from localecon._localecon import FlowSystem, RegionalTable

__all__ = ["atlas", "bands", "clusters", "currency", "cycles", "flow_matrix", "flows", "footprint", "gva_validation", "leaks", "linkages", "lm_rounds", "multipliers", "regionalisation", "regionalisation_errors", "returns", "where_a_pound_goes"]


def _axes(ax: Any = None, size: tuple[float, float] = (8, 4)) -> tuple[Any, Any]:
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=size)
    return fig, ax


def atlas(result: Any, *, label: int = 6, ax: Any = None) -> tuple[Any, Any]:
    """Every area of an atlas (``scotland_council_atlas()``, ``australia_lga_atlas()``): its
    output (log scale) across and the share of a pound of its final demand that stays as
    local income up; the ``label`` areas that keep the most and the least are named."""
    frame = result.to_pandas()
    fig, ax = _axes(ax, (7, 4.5))
    ax.scatter(frame["output"], frame["retention_share"], s=10, color="#2c6e91", alpha=0.7)
    ax.set_xscale("log")
    ordered = frame.sort_values("retention_share")
    for _, row in list(ordered.head(label // 2).iterrows()) + list(ordered.tail(label - label // 2).iterrows()):
        ax.annotate(row["region"].rsplit(" ", 1)[0], (row["output"], row["retention_share"]), textcoords="offset points", xytext=(4, 2), fontsize=7)
    ax.set_xlabel("output (log scale)")
    ax.set_ylabel("share of £1 of final demand kept as local income")
    ax.set_title(f"{len(frame)} areas: how much of a pound stays")
    fig.tight_layout()
    return fig, ax


def gva_validation(result: Any, *, ax: Any = None) -> tuple[Any, Any]:
    """The council tables' GVA against the ONS regional accounts (``gva_validation()``): each
    area's share of Scotland's GVA, published across and regionalised up, with the diagonal
    (points above it: the regionalisation overstates the area); the three largest gaps in
    share are named."""
    frame = result.to_pandas()
    fig, ax = _axes(ax, (5.5, 5.5))
    ons = 100 * frame["ons_share"].to_numpy()
    ours = 100 * frame["regionalised_share"].to_numpy()
    ax.scatter(ons, ours, s=16, color="#d62728")
    hi = max(ons.max(), ours.max()) * 1.05
    ax.plot([0, hi], [0, hi], color="grey", linewidth=0.8)
    for k in np.argsort(np.abs(ours - ons))[::-1][:3]:  # the three largest gaps in share
        ax.annotate(frame["name"].iloc[k][:28], (ons[k], ours[k]), textcoords="offset points", xytext=(4, -8), fontsize=7)
    ax.set_xlabel("ONS share of Scotland's GVA (%)")
    ax.set_ylabel("regionalised share (%)")
    ax.set_title(f"GVA by area: mean absolute error of the ratio {result.mean_absolute_error:.3f}")
    fig.tight_layout()
    return fig, ax


def regionalisation_errors(frame: Any, *, ax: Any = None) -> tuple[Any, Any]:
    """Which location-quotient method to trust (``datasets.regionalisation_validation()``):
    the mean absolute error of the Type I output multipliers against the real table, for FLQ
    and AFLQ at each δ (lines), and for the table not regionalised, SLQ and CILQ (dashed
    levels)."""
    fig, ax = _axes(ax, (7, 4.2))
    for method, colour in (("flq", "#c0392b"), ("aflq", "#2c6e91")):
        rows = frame[frame["method"] == method].sort_values("delta")
        ax.plot(rows["delta"], rows["mean_absolute_error"], marker="o", color=colour, label=method.upper())
    styles = {"UK table, not regionalised": "#7f8c8d", "SLQ": "#8e44ad", "CILQ": "#16a085"}
    for label, colour in styles.items():
        if label in frame.index:
            ax.axhline(frame.loc[label, "mean_absolute_error"], color=colour, linestyle="--", linewidth=1, label=label)
    ax.set_xlabel("δ (FLQ and AFLQ)")
    ax.set_ylabel("mean absolute error of the Type I multipliers")
    ax.set_ylim(bottom=0)
    ax.set_title("Regionalised UK table against the real Scottish table, 20 sections")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig, ax


def returns(rows: Any, *, ax: Any = None) -> tuple[Any, Any]:
    """The leak that comes back (``InterregionalTable.returns()``): for each region, what its
    supply chains spend in the other regions per unit of its final demand (left) and how much
    of each unit so leaked comes back as orders for its own sectors (right), ranked by the
    latter."""
    import matplotlib.pyplot as plt

    ordered = sorted(rows, key=lambda r: r.returned_per_leak)
    names = [r.region for r in ordered]
    fig, (left, right) = plt.subplots(1, 2, sharey=True, figsize=(9, 0.22 * len(ordered) + 1.6)) if ax is None else (ax.figure, ax)
    left.barh(names, [r.leak_to_other_regions for r in ordered], color="#e59866")
    left.set_xlabel("leaks to the other regions, per £1")
    left.tick_params(axis="y", labelsize=8)
    right.barh(names, [r.returned_per_leak for r in ordered], color="#27ae60")
    right.set_xlabel("comes back, per £1 leaked")
    fig.suptitle("The leak that comes back")
    fig.tight_layout()
    return fig, (left, right)


def where_a_pound_goes(table: RegionalTable, sector: str, *, closed: bool = True, ax: Any = None) -> tuple[Any, Any]:
    """Where one unit of final demand for ``sector`` finally ends up: a horizontal bar per
    channel (household-closed by default, so the bars sum to 1; ``closed=False`` shows the
    open model's leakage channels and the retained local income)."""
    j = table.sector_index(sector)
    if closed:
        result = table.closed_leakage()
        labels = list(result.channels)
        values = np.asarray(result.by_channel)[:, j]
    else:
        leak = table.leakage()
        labels = list(leak.channels) + ["retained as local income"]
        values = np.append(np.asarray(leak.by_channel)[:, j], leak.retention[j])
    fig, ax = _axes(ax)
    order = np.argsort(values)
    names = [labels[k].replace("_", " ") for k in order]
    bars = ax.barh(names, values[order], color="#3b7a57")
    ax.bar_label(bars, labels=[f"{100 * v:.1f}p" for v in values[order]], padding=3)
    ax.set_xlabel("share of £1")
    ax.set_title(f"Where £1 of final demand for {table.names[j]} ends up — {table.name}")
    fig.tight_layout()
    return fig, ax


def multipliers(table: RegionalTable, *, top: int = 20, ax: Any = None) -> tuple[Any, Any]:
    """The ``top`` largest Type I output multipliers, with the Type II induced part stacked
    on top where the table has a household closure."""
    m = table.multipliers()
    t1 = np.asarray(m.output_type_i)
    t2 = m.output_type_ii
    order = np.argsort(t1)[::-1][:top]
    fig, ax = _axes(ax, (9, 4))
    codes = [table.codes[k] for k in order]
    ax.bar(codes, t1[order], color="#2c6e91", label="Type I (supply chains)")
    if t2 is not None:
        ax.bar(codes, np.asarray(t2)[order] - t1[order], bottom=t1[order], color="#a3c4dc", label="induced (households)")
    ax.set_ylabel("output per £1 of final demand")
    ax.set_title(f"Largest output multipliers — {table.name}")
    ax.tick_params(axis="x", rotation=90)
    ax.legend()
    fig.tight_layout()
    return fig, ax


def flows(system: FlowSystem, *, top: int = 15, ax: Any = None) -> tuple[Any, Any]:
    """The ``top`` strongest money flows between accounts of a flow system, and its
    strongest cycles listed in the title area."""
    f = np.asarray(system.flows)
    labels = system.labels
    n = len(labels)
    pairs = sorted(((f[i, j], labels[i], labels[j]) for i in range(n) for j in range(n) if f[i, j] > 0), reverse=True)[:top]
    fig, ax = _axes(ax, (8, 5))
    names = [f"{a} → {b}" for _, a, b in pairs][::-1]
    ax.barh(names, [v for v, _, _ in pairs][::-1], color="#8c564b")
    ax.set_xlabel("money per period")
    cycles = system.strongest_cycles(max_length=3, top_k=3)
    ax.set_title("Strongest flows; cycles: " + "; ".join(" → ".join(c["labels"]) for c in cycles), fontsize=9)
    fig.tight_layout()
    return fig, ax


def cycles(system: FlowSystem, *, max_length: int = 3, top: int = 10, ax: Any = None) -> tuple[Any, Any]:
    """The ``top`` strongest simple cycles of at most ``max_length`` accounts of a flow
    system (``FlowSystem.strongest_cycles``): one bar per cycle, its length the cycle's
    bottleneck, the smallest flow along it (what can go round the whole loop)."""
    found = list(system.strongest_cycles(max_length=max_length, top_k=top))
    fig, ax = _axes(ax, (8, 0.45 * max(len(found), 1) + 1.4))
    names = [" → ".join([*c.labels, c.labels[0]]) for c in found][::-1]
    values = [c.bottleneck for c in found][::-1]
    bars = ax.barh(names, values, color="#8c564b")
    ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], padding=3, fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("bottleneck: the smallest flow along the cycle")
    ax.set_title(f"The {len(found)} strongest cycles of at most {max_length} accounts")
    fig.tight_layout()
    return fig, ax


def currency(result: Any, *, top: int = 12, ax: Any = None) -> tuple[Any, Any]:
    """How a local currency circulates (``RegionalTable.local_currency``): the expected
    number of times one unit issued passes through each account before it is redeemed
    (the ``top`` accounts it visits most), with the transactions per unit, and the Type II
    multiplier before and after, in the title. Accounts it never reaches are left out."""
    visits = np.asarray(result.visits)
    accounts = list(result.accounts)
    order = [k for k in np.argsort(visits)[::-1][:top] if visits[k] > 0][::-1]
    fig, ax = _axes(ax, (8, 0.4 * len(order) + 1.6))
    bars = ax.barh([accounts[k] for k in order], visits[order], color="#16a085")
    ax.bar_label(bars, labels=[f"{v:.3f}" for v in visits[order]], padding=3, fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("expected visits per unit issued, before it is redeemed")
    ax.set_title(
        f"{result.transactions:.2f} transactions per unit; Type II multiplier "
        f"{result.multiplier_before:.4f} → {result.multiplier_after:.4f}",
        fontsize=10,
    )
    fig.tight_layout()
    return fig, ax


def footprint(result: Any, stressor: str, *, sectors: list[str] | None = None, top: int = 12, ax: Any = None) -> tuple[Any, Any]:
    """What one unit of final demand for each sector causes of ``stressor`` (a
    ``Satellite.footprint`` result): a bar per sector split into what is caused inside the
    region and at each origin of its imports; the ``sectors`` given, or the ``top`` largest."""
    frame = result.to_pandas(stressor)
    origins = [c for c in frame.columns if c not in ("name", "inside", "total", "inside_share")]
    rows = frame.loc[sectors] if sectors is not None else frame.sort_values("total", ascending=False).head(top)
    rows = rows.iloc[::-1]
    fig, ax = _axes(ax, (8, 0.4 * len(rows) + 1.6))
    labels = [f"{code} {name[:30]}" for code, name in zip(rows.index, rows["name"])]
    left = np.zeros(len(rows))
    colours = ["#27ae60", "#2c6e91", "#7fb3d5", "#e59866", "#8e44ad"]
    for k, column in enumerate(["inside", *origins]):
        values = rows[column].to_numpy()
        ax.barh(labels, values, left=left, color=colours[k % len(colours)], label="inside the region" if column == "inside" else f"imports: {column}")
        left += values
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(f"{stressor} per unit of final demand")
    ax.set_title(f"{stressor} caused per unit of final demand, inside and outside")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig, ax


def leaks(ranking: Any, *, top: int = 10, ax: Any = None) -> tuple[Any, Any]:
    """Which leak to plug first (``RegionalTable.leak_ranking``): the ``top`` import
    substitutions by the local income they would keep, one bar each, labelled with the buyer
    and the product it would buy locally instead, and the income kept per unit moved."""
    rows = list(ranking.opportunities)[:top]
    fig, ax = _axes(ax, (9, 0.45 * max(len(rows), 1) + 1.4))
    names = [f"{r.buyer_name[:28]} ← {r.product_name[:28]}" for r in rows][::-1]
    gains = [r.retained_income_gain for r in rows][::-1]
    bars = ax.barh(names, gains, color="#c0392b")
    ax.bar_label(bars, labels=[f"{r.gain_per_unit * 100:.0f}p per £" for r in rows][::-1], padding=3, fontsize=8)
    ax.tick_params(axis="y", labelsize=8)
    ax.margins(x=0.18)  # room for the labels
    ax.set_xlabel("local income kept if the share of the buyer's imports is bought locally")
    ax.set_title("Which leak to plug first: the largest import substitutions")
    fig.tight_layout()
    return fig, ax


def lm_rounds(table: RegionalTable, sectors: list[str], *, rounds: int = 10, ax: Any = None) -> tuple[Any, Any]:
    """The model LMk of ``sectors`` for k = 1 … ``rounds`` (``RegionalTable.model_lm``): how
    the local money counted grows round by round, LM3 marked, towards the household-closed
    multiplier that counts every local transaction."""
    ks = np.arange(1, rounds + 1)
    values = np.array([np.asarray(table.model_lm(int(k))) for k in ks])
    fig, ax = _axes(ax, (7, 4))
    for code in sectors:
        j = table.sector_index(code)
        ax.plot(ks, values[:, j], marker="o", label=f"{code} {table.names[j]}")
        ax.annotate(f"LM3 {values[2, j]:.2f}", (3, values[2, j]), textcoords="offset points", xytext=(6, -12), fontsize=8)
    ax.axvline(3, color="grey", linewidth=0.8, linestyle=":")
    ax.set_xticks(ks)
    ax.set_xlabel("rounds counted (k)")
    ax.set_ylabel("local money per £1 (LMk)")
    ax.set_title(f"LMk, round by round — {table.name}")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig, ax


def flow_matrix(table: RegionalTable, *, ax: Any = None) -> tuple[Any, Any]:
    """The table's local flows ``Z`` as a picture: a cell per (selling sector ``i``, buying
    sector ``j``), coloured by ``log10`` of what ``j`` buys from ``i`` (blank where nothing is
    bought), rows and columns in the table's order — Miller & Blair's orientation, money
    flowing from the column to the row."""
    from matplotlib.colors import LogNorm

    z = np.asarray(table.z)
    shown = np.where(z > 0, z, np.nan)
    fig, ax = _axes(ax, (6.4, 5.6))
    positive = z[z > 0]
    image = ax.imshow(shown, norm=LogNorm(vmin=positive.min(), vmax=positive.max()), cmap="viridis", interpolation="nearest")
    fig.colorbar(image, ax=ax, label=f"purchases ({table.unit}, log scale)", shrink=0.8)
    ax.set_xlabel("buying sector j (column)")
    ax.set_ylabel("selling sector i (row)")
    step = max(1, table.n // 10)
    ticks = list(range(0, table.n, step))
    ax.set_xticks(ticks, [table.codes[k] for k in ticks], rotation=90, fontsize=7)
    ax.set_yticks(ticks, [table.codes[k] for k in ticks], fontsize=7)
    ax.set_title(f"Who buys from whom — {table.name}: {int((z > 0).sum()):,} of {z.size:,} flows")
    fig.tight_layout()
    return fig, ax


def linkages(table: RegionalTable, *, label: int = 8, ax: Any = None) -> tuple[Any, Any]:
    """Rasmussen–Hirschman linkages (``RegionalTable.linkages``): each sector's backward index
    against its Ghosh forward index, the lines at 1 dividing key, backward-oriented,
    forward-oriented and weak sectors; the ``label`` sectors with the largest backward plus
    forward index are named."""
    links = table.linkages()
    back = np.asarray(links.backward)
    forward = np.asarray(links.forward_ghosh)
    fig, ax = _axes(ax, (6, 5))
    key = np.array([c == "key" for c in links.classification])
    ax.scatter(back[~key], forward[~key], s=14, color="#7f8c8d", label="other sectors")
    ax.scatter(back[key], forward[key], s=18, color="#c0392b", label=f"key sectors ({int(key.sum())})")
    ax.axvline(1.0, color="grey", linewidth=0.8)
    ax.axhline(1.0, color="grey", linewidth=0.8)
    for k in np.argsort(back + forward)[::-1][:label]:
        ax.annotate(table.codes[k], (back[k], forward[k]), textcoords="offset points", xytext=(4, 3), fontsize=7)
    ax.set_xlabel("backward linkage (pull on local suppliers)")
    ax.set_ylabel("forward linkage, Ghosh (push to local buyers)")
    ax.set_title(f"Key sectors — {table.name}")
    ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig, ax


def regionalisation(national: RegionalTable, regional: RegionalTable, *, ax: Any = None) -> tuple[Any, Any]:
    """Type I output multipliers of a regional table against the national table it was
    derived from (points below the diagonal: the region leaks more)."""
    a = np.asarray(national.multipliers().output_type_i)
    b = np.asarray(regional.multipliers().output_type_i)
    fig, ax = _axes(ax, (5, 5))
    ax.scatter(a, b, s=12, color="#d62728")
    lo, hi = min(a.min(), b.min()), max(a.max(), b.max())
    ax.plot([lo, hi], [lo, hi], color="grey", linewidth=0.8)
    ax.set_xlabel(f"{national.name} multiplier")
    ax.set_ylabel(f"{regional.name} multiplier")
    ax.set_title("Regionalised against national output multipliers")
    fig.tight_layout()
    return fig, ax


def bands(result: Any, *, low: float | None = None, high: float | None = None, ax: Any = None) -> tuple[Any, Any]:
    """The band of every indicator of a Monte Carlo (``council_uncertainty``), each relative to
    its published value so that multipliers and shares share one axis: a bar from the ``low``
    to the ``high`` quantile (default: the smallest and largest reported), a dot at the
    median and a line at the published value (1)."""
    quantiles = list(result.quantiles)
    lo = quantiles.index(low) if low is not None else int(np.argmin(quantiles))
    hi = quantiles.index(high) if high is not None else int(np.argmax(quantiles))
    fig, ax = _axes(ax, (8, 0.6 * len(result.summary) + 1.2))
    names = [s.indicator.replace("_", " ") for s in result.summary]
    for k, s in enumerate(result.summary):
        base = s.published if s.published != 0 else 1.0
        a, b = s.quantiles[lo] / base, s.quantiles[hi] / base
        ax.barh(k, b - a, left=a, height=0.5, color="#9cc3a8")
        ax.plot([s.median / base], [k], "o", color="#3b7a57")
    ax.axvline(1.0, color="#555555", linewidth=1)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel(f"relative to the published value (bars: {quantiles[lo]:g} to {quantiles[hi]:g} quantiles; dots: medians)")
    ax.set_title(f"How sure are these numbers? {len(result.outputs)} draws")
    fig.tight_layout()
    return fig, ax


def clusters(result: Any, *, top: int = 10, ax: Any = None) -> tuple[Any, Any]:
    """A table's value-based clusters (``RegionalTable.clusters``): one bar per cluster (the
    ``top`` largest by output), the part bought inside the cluster shaded, each labelled with
    its largest sectors and how many times a pound of its final demand changes hands inside
    it."""
    accounts = list(result.clusters)[:top]
    fig, ax = _axes(ax, (9, 0.55 * len(accounts) + 1.5))
    names = []
    for a in accounts:
        first = ", ".join(a.names[:2]) + (f" +{len(a.names) - 2}" if len(a.names) > 2 else "")
        names.append(f"{a.cluster}: {first[:48]}")
    output = np.array([a.output for a in accounts])
    inside = np.array([a.output * a.internal_purchase_share for a in accounts])
    y = np.arange(len(accounts))[::-1]
    ax.barh(y, output, color="#9cc3a8", label="output")
    ax.barh(y, inside, color="#3b7a57", label="of which bought inside the cluster (share of purchases × output)")
    for yy, a in zip(y, accounts):
        ax.text(a.output, yy, f"  {a.turns_inside:.2f} turns", va="center", fontsize=8)
    ax.set_yticks(y, names, fontsize=8)
    ax.set_xlabel("output")
    c = result.clustering
    ax.set_title(f"{c.n_clusters} clusters ({c.quality} {c.value:.4f})")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig, ax
