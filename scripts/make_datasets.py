"""Convert the Scottish Government's 2019 input-output table into localecon's CSV layout.

Run from the repository root with the shared data folder beside it:

    python scripts/make_datasets.py ../shared/data/scotland_io_2019 core/data

The output files are committed; this script documents how they were made. Values are copied
unchanged (full double precision); only the layout changes.
"""

import csv
import sys
from pathlib import Path

SOURCE = (
    "Scottish Government, Input-Output Tables 1998-2019 (published 26 October 2022), "
    "www.gov.scot/input-output. Contains public sector information licensed under the "
    "Open Government Licence v3.0."
)
HOUSEHOLD_INCOME = 156241  # GBP million, total Scottish household income used for Type II

FINAL_DEMAND = [
    ("HOUSEHOLD", "households"),
    ("NPISH", "other"),
    ("FD_CENGOV", "other_government"),
    ("FD_LOCGOV", "local_government"),
    ("GFCF", "investment"),
    ("VALUABLES", "investment"),
    ("INVENTORIES", "investment"),
    ("EXPORTS_NONRES", "exports_visitors"),
    ("EXPORTS_RUK", "exports_rest_of_country"),
    ("EXPORTS_ROW", "exports_rest_of_world"),
]
PRIMARY = [
    ("RUKImp", "imports_rest_of_country"),
    ("RoWImp", "imports_rest_of_world"),
    ("TlSPrds", "taxes_on_products"),
    ("TlSPrdn", "taxes_on_production"),
    ("CoE", "compensation"),
    ("GOS", "operating_surplus"),
]


def convert(rows, code_col, name_col, sector_cols, name, out):
    sectors = [r for r in rows if r[code_col] not in {p for p, _ in PRIMARY} | {"TDU", "TIU", "GVA", "TOut"}]
    by_code = {r[code_col]: r for r in rows}
    codes = [r[code_col] for r in sectors]
    assert len(sectors) == len(sector_cols), (len(sectors), len(sector_cols))
    with open(out, "w", newline="") as f:
        f.write(f"# name: {name}\n# unit: GBP million\n# source: {SOURCE}\n")
        f.write(f"# household_income: {HOUSEHOLD_INCOME}\n# income_sources: compensation\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "code", "name"] + codes + [c for c, _ in FINAL_DEMAND])
        w.writerow(["", "", ""] + ["sector"] * len(codes) + [k for _, k in FINAL_DEMAND])
        for r in sectors:
            w.writerow(["sector", r[code_col], r[name_col]] + [r[c] for c in sector_cols] + [r[c] for c, _ in FINAL_DEMAND])
        for label, kind in PRIMARY:
            r = by_code[label]
            w.writerow([kind, label, r[name_col]] + [r[c] for c in sector_cols] + [""] * len(FINAL_DEMAND))
        r = by_code["TOut"]
        w.writerow(["output", "TOut", r[name_col]] + [r[c] for c in sector_cols] + [""] * len(FINAL_DEMAND))


def employment_inputs(data, dst):
    """The inputs of the embedded Glasgow City 2019 table: the SIC 2007 -> IOC098 lookup, BRES
    2019 employment for Scotland by SIC subclass and for Glasgow City by SIC division."""
    conc = list(csv.DictReader(open(data / "scotland_io_2019" / "sic2007_to_ioc098.csv", newline="")))
    with open(dst / "sic2007_to_ioc098.csv", "w", newline="") as f:
        f.write("# source: Scottish Government, SIC(2007) to IOC098 lookup (OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sic2007", "ioc098"])
        for r in conc:
            if r["SIC"]:
                w.writerow([r["SIC"], r["IOC098_SIC"]])
    bres = list(csv.DictReader(open(data / "uk_bres_2019" / "bres_2019_scotland_by_sic_subclass.csv", newline="")))
    with open(dst / "bres_2019_scotland_subclass.csv", "w", newline="") as f:
        f.write("# source: ONS, Business Register and Employment Survey 2019, Scotland, employment by SIC 2007 subclass (Nomis; OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sic2007", "employment"])
        for r in bres:
            w.writerow([r["sic2007_subclass"], r["Employment"]])
    council = list(csv.DictReader(open(data / "uk_bres_2019" / "bres_2019_scotland_council_areas_by_sic_division_employment.csv", newline="")))
    with open(dst / "bres_2019_glasgow_division.csv", "w", newline="") as f:
        f.write("# source: ONS, Business Register and Employment Survey 2019, Glasgow City, employment by SIC 2007 division (Nomis; OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["division", "employment"])
        for r in council:
            w.writerow([r["sic2007_division"], r["Glasgow City"]])


def imports_by_product(src, dst):
    """Scotland's imports by product (all uses) from the rest of the UK and the rest of the world:
    the "other imports" of the imports-detail table; residents' spending abroad (NDom) is
    household consumption, not a product a business buys, and is left out. The two columns are
    labelled with the table's import rows."""
    rows = list(csv.DictReader(open(src / "imports_detail_2019.csv", newline="")))
    with open(dst / "scotland_2019_imports_by_product.csv", "w", newline="") as f:
        f.write(f"# source: {SOURCE} Imports detail 2019, other imports by product and origin.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["product", "RUKImp", "RoWImp"])
        for r in rows:
            if r["ioc098_sic"] != "Total":
                w.writerow([r["ioc098_sic"], r["Other_Imports_RUK"], r["Other_Imports_RoW"]])


def fte(data, dst):
    """Scotland's full-time-equivalent employment by the 98 industries in 2019, as the Scottish
    Government's published employment effects imply it (../shared/data/scotland_fte_2019_derived:
    e = Employment_E (I - A), FTE = e * output; reproduces the published Type I and II effects)."""
    rows = list(csv.DictReader(open(data / "scotland_fte_2019_derived" / "scotland_fte_by_ioc098_2019_derived.csv", newline="")))
    with open(dst / "scotland_2019_fte.csv", "w", newline="") as f:
        f.write("# source: derived from the Scottish Government's published 2019 Type I employment effects and multipliers "
                "(Input-Output Tables 1998-2019, OGL v3.0): FTE = e * output, e recovered from Employment_E (I - A)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["industry", "fte"])
        for r in rows:
            w.writerow([r["ioc098_sic"], r["fte"]])


GASES = ["CO2", "CH4", "N2O", "HFC", "PFC", "NF3", "SF6"]


def ghg(data, dst):
    """UK 2019 greenhouse-gas intensities by the Scottish 98 industries, from the ONS
    atmospheric emission accounts (residence basis, kt CO2e, direct emissions by industry
    group) and the UK input-output analytical tables 2019 (output and domestic A, 105
    industries). Two intensities per gas, both kt CO2e per GBP million (= kg CO2e per GBP):

    * direct: emissions / UK output, AEA groups summed to the 105 IOAT industries and those
      to the IOC098 industries (output-weighted where several IOAT industries make one IOC098
      industry; the same intensity where one IOAT industry feeds several);
    * uk_type_i: the UK's Type I total intensity s (I - A_UK)^-1 of each product (what a GBP
      of UK final demand for it emits along the UK supply chain), output-weighted the same
      way: the import factor for what Scotland buys from the rest of the UK.

    UK households' direct emissions by gas go to a second file."""
    import numpy as np

    aea = [r for r in csv.DictReader(open(data / "ons_aea_ghg_uk_1990_2021" / "aea_ghg_by_sic07_group_1990_2021_long_wide.csv", newline=""))]
    conc = list(csv.DictReader(open(data / "ons_aea_ghg_uk_1990_2021" / "concordance_aea_group_to_ioat105_to_ioc098.csv", newline="")))
    io = list(csv.reader(open(data / "uk_ioat_2019" / "ioat_2019_ixi_domestic_basic_prices.csv", newline="")))
    codes = io[0][2 : 2 + 105]
    by_row = {r[0]: r for r in io[1:]}
    z = np.array([[float(v) for v in by_row[c][2 : 2 + 105]] for c in codes])
    x = np.array([float(v) for v in by_row["P1"][2 : 2 + 105]])
    a = z / x
    group_to_ioat = {r["aea_sic07_group"]: r["ioat_code"] for r in conc}
    ioat_to_ioc = {r["ioat_code"]: [int(k) for k in r["ioc098_index"].split(";")] for r in conc if r["ioat_code"] != "HH_DIRECT"}
    ioat_to_ioc["L68A"] = [71]  # imputed rent: no AEA row (zero direct emissions)
    kt = {g: np.zeros(105) for g in GASES}
    households = {g: 0.0 for g in GASES}
    for r in aea:
        if r["gas"] not in kt or r["sic07_group"] not in group_to_ioat:
            continue
        ioat = group_to_ioat[r["sic07_group"]]
        if ioat == "HH_DIRECT":
            households[r["gas"]] += float(r["2019"])
        else:
            kt[r["gas"]][codes.index(ioat)] += float(r["2019"])
    total_aea = sum(float(r["2019"]) for r in aea if r["gas"] == "GHG" and r["sic07_group"] == "TOTAL")
    assert abs(sum(k.sum() for k in kt.values()) + sum(households.values()) - total_aea) < 1.0, total_aea
    direct = {g: kt[g] / x for g in GASES}
    total = {g: np.linalg.solve((np.eye(105) - a).T, direct[g]) for g in GASES}
    scot = list(csv.DictReader(open(data / "scotland_io_2019" / "ixi_2019.csv", newline="")))
    ioc_codes = [r["ioc098_sic"] for r in scot if r["ioc098_sic"] not in {"RUKImp", "RoWImp", "TlSPrds", "TlSPrdn", "CoE", "GOS", "TDU", "TIU", "GVA", "TOut"}]
    assert len(ioc_codes) == 98, len(ioc_codes)
    members = {k: [] for k in range(1, 99)}
    for ioat, iocs in ioat_to_ioc.items():
        for k in iocs:
            members[k].append(codes.index(ioat))
    with open(dst / "uk_2019_ghg_by_ioc098.csv", "w", newline="") as f:
        f.write("# source: ONS, Atmospheric emissions: greenhouse gas emissions by economic sector and gas, UK, 1990-2021 "
                "(residence basis, kt CO2e) and ONS, UK input-output analytical tables 2019; OGL v3.0. "
                "Intensities in kt CO2e per GBP million of UK output (= kg CO2e per GBP), made by scripts/make_datasets.py\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["industry"] + [f"{g}_direct" for g in GASES] + [f"{g}_uk_type_i" for g in GASES])
        for k, code in enumerate(ioc_codes, start=1):
            m = members[k]
            weight = x[m] / x[m].sum()
            w.writerow([code] + [repr(float(weight @ direct[g][m])) for g in GASES] + [repr(float(weight @ total[g][m])) for g in GASES])
    with open(dst / "uk_2019_ghg_households.csv", "w", newline="") as f:
        f.write("# source: ONS, Atmospheric emissions by economic sector and gas, UK 2019: consumer expenditure "
                "(households' direct emissions, travel and not travel), kt CO2e; OGL v3.0\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["gas", "kt"])
        for g in GASES:
            w.writerow([g, repr(households[g])])


def main(src, dst):
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    rows = list(csv.DictReader(open(src / "ixi_2019.csv", newline="")))
    cols = [f"IOC098_{k:03d}" for k in range(1, 99)]
    convert(rows, "ioc098_sic", "ioc098_short_description", cols, "Scotland 2019", dst / "scotland_2019.csv")
    rows = list(csv.DictReader(open(src / "ixi_2019_by_sic_section.csv", newline="")))
    cols = [chr(c) for c in range(ord("A"), ord("T") + 1)]
    convert(rows, "row", "name", cols, "Scotland 2019 (SIC sections)", dst / "scotland_2019_sections.csv")
    employment_inputs(src.parent, dst)
    imports_by_product(src, dst)
    fte(src.parent, dst)
    ghg(src.parent, dst)


if __name__ == "__main__":
    main(*sys.argv[1:3])
