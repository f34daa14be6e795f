"""The book's figures, drawn by ``localecon.plot`` from the embedded data when the book is
built (``scripts/build-docs.sh``), so that the pictures and the library cannot drift apart.

    python docs/figures.py OUT_DIR

Each figure is an SVG named as the pages reference it (``figures/NAME.svg``); the alt text
is in the page. A figure that fails to draw fails the build.
"""

import sys
from pathlib import Path

import localecon
import matplotlib
import matplotlib.pyplot as plt
from localecon import plot

matplotlib.use("Agg")

# the same fonts and sizes on every machine, and SVG text as paths (no font needed to view)
plt.rcParams.update({"svg.fonttype": "path", "font.size": 9, "svg.hashsalt": "localecon"})

# the scenarios page's wider Glasgow pound: shops, hospitality, their suppliers and wages
CURRENCY = {
    "acceptance": [("47", 0.3), ("55", 0.3), ("56", 0.3), ("46", 0.3), ("10.7", 0.3), ("households", 0.3)],
    "redemption": 0.35,
    "fee": 0.03,
    "holding_days": 10,
    "substitution": 0.1,
}


def figures():
    """(name, draw) pairs: ``draw()`` returns the figure."""
    scotland = localecon.datasets.scotland_2019()
    glasgow = localecon.datasets.glasgow_2019()

    def bands():
        spec = localecon.uncertainty.council_default_uncertainty("Glasgow City", draws=1000, seed=2019)
        return plot.bands(localecon.council_uncertainty("Glasgow City", spec), low=0.05, high=0.95)[0]

    return [
        ("pound-bakery", lambda: plot.where_a_pound_goes(scotland, "10.7")[0]),
        ("pound-bakery-glasgow", lambda: plot.where_a_pound_goes(glasgow, "10.7")[0]),
        ("flow-matrix", lambda: plot.flow_matrix(scotland)[0]),
        ("linkages", lambda: plot.linkages(scotland)[0]),
        ("multipliers", lambda: plot.multipliers(scotland)[0]),
        ("regionalisation-glasgow", lambda: plot.regionalisation(scotland, glasgow)[0]),
        ("cycles", lambda: plot.cycles(localecon.FlowSystem.from_table(scotland, "households"), top=8)[0]),
        ("currency-glasgow", lambda: plot.currency(glasgow.local_currency(CURRENCY))[0]),
        ("leaks-glasgow", lambda: plot.leaks(glasgow.leak_ranking(top_k=10))[0]),
        ("lm-rounds", lambda: plot.lm_rounds(scotland, ["10.7", "47"])[0]),
        (
            "footprint-glasgow",
            lambda: plot.footprint(
                localecon.datasets.satellite("glasgow-2019").footprint(glasgow), "GHG", top=12
            )[0],
        ),
        ("returns-councils", lambda: plot.returns(localecon.datasets.scotland_councils_2019().returns())[0]),
        ("atlas-australia", lambda: plot.atlas(localecon.datasets.australia_lga_atlas())[0]),
        ("gva-validation", lambda: plot.gva_validation(localecon.datasets.gva_validation())[0]),
        ("regionalisation-errors", lambda: plot.regionalisation_errors(localecon.datasets.regionalisation_validation())[0]),
        ("clusters", lambda: plot.clusters(scotland.clusters(preset="scottish_government"))[0]),
        ("bands-glasgow", bands),
    ]


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, draw in figures():
        fig = draw()
        fig.savefig(out / f"{name}.svg", metadata={"Date": None})
        plt.close(fig)
    print(f"{len(figures())} figures written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
