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
    path = data / "uk_bres_2019" / "bres_2019_scotland_council_areas_by_sic_division_employment.csv"
    header = next(csv.reader(open(path, newline="")))
    councils = header[2:]
    assert len(councils) == 32, councils
    council = list(csv.DictReader(open(path, newline="")))
    with open(dst / "bres_2019_council_division.csv", "w", newline="") as f:
        f.write("# source: ONS, Business Register and Employment Survey 2019, Scotland's 32 council areas, employment by SIC 2007 division (Nomis; OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["division"] + councils)
        for r in council:
            w.writerow([r["sic2007_division"]] + [r[c] for c in councils])


SURPLUS = ["mixed_income", "rental_income", "non_market_capital_consumption", "gross_trading_surplus", "gross_trading_profits", "holding_gains"]


def surplus(data, dst):
    """Scotland's 2019 operating surplus by who receives it, per industry group (ONS regional GVA
    income components, ITL1 Scotland, workplace-based): the ownership assumption of the council
    tables weighs these."""
    src = data / "ons_regional_gva_balanced_by_industry_itl" / "gva_income_components_itl1_itl2_by_industry_1998_2021.csv"
    rows = [r for r in csv.DictReader(open(src, newline="")) if r["itl_code"] == "TLM" and r["sic07_code"] != "Total"]
    groups = {}
    for r in rows:
        groups.setdefault(r["sic07_code"], {})[r["component"]] = r["2019"]
    with open(dst / "ons_2019_scotland_surplus_by_industry.csv", "w", newline="") as f:
        f.write("# source: Office for National Statistics, regional gross value added (balanced) by industry and income components, Scotland (ITL1 TLM) 2019, GBP million, current prices (OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["group", "first_division", "last_division"] + SURPLUS)
        for code, c in groups.items():
            span = code.split("(")[1].rstrip(")").split("-")
            first, last = int(span[0]), int(span[-1])
            w.writerow([code.split(" ")[0], first, last] + [c[k] for k in SURPLUS])


def commuting(data, dst):
    """Census 2011 travel to work, per council area: jobs at a fixed workplace in the area, held
    by residents (live and work there) and by in-commuters from the rest of Scotland and from
    the rest of the UK; residents in employment; and the ONS money measure where an ITL3 area is
    one council (resident compensation received / workplace compensation, 2018)."""
    src = data / "census2011_commuting_la_uk" / "scotland_council_commuting_summary_2011.csv"
    rows = list(csv.DictReader(open(src, newline="")))
    assert len(rows) == 32
    for r in rows:
        jobs = int(r["workers_fixed_workplace_in_area"])
        parts = int(r["live_and_work_in_area_fixed"]) + int(r["in_commuters_from_rest_of_scotland"]) + int(r["in_commuters_from_ruk"])
        assert jobs == parts, (r["council"], jobs, parts)
    with open(dst / "census_2011_council_commuting.csv", "w", newline="") as f:
        f.write("# source: 2011 Census, Office for National Statistics, National Records of Scotland, Northern Ireland Statistics and Research Agency: travel to work between council areas (WU03UK, all methods; OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "council", "fixed_workplace_jobs", "live_and_work", "in_from_scotland", "in_from_rest_of_uk", "residents_in_employment",
                    "work_at_home", "no_fixed_place", "offshore", "outside_uk", "workplace_population"])
        for r in rows:
            wp = int(r["workplace_population_incl_home_and_no_fixed"])
            assert wp == int(r["workers_fixed_workplace_in_area"]) + int(r["residents_mainly_work_at_home"]) + int(r["residents_no_fixed_place"]), r["council"]
            w.writerow([r["code_2019"], r["council"], r["workers_fixed_workplace_in_area"], r["live_and_work_in_area_fixed"],
                        r["in_commuters_from_rest_of_scotland"], r["in_commuters_from_ruk"], r["residents_in_employment"],
                        r["residents_mainly_work_at_home"], r["residents_no_fixed_place"], r["residents_offshore"],
                        r["residents_work_outside_uk"], wp])


# ITL3 areas of Scotland as unions of whole council areas (2019 codes). Five ITL3 areas split
# Highland, Argyll and Bute and North Ayrshire; together they are seven whole councils, so
# they are compared as one area.
ITL3_COUNCILS = [
    (["TLM50"], ["Aberdeen City", "Aberdeenshire"]),
    (["TLM61", "TLM62", "TLM63", "TLM81", "TLM93"], ["Argyll and Bute", "East Ayrshire", "East Dunbartonshire", "Highland", "Moray", "North Ayrshire", "West Dunbartonshire"]),
    (["TLM64"], ["Na h-Eileanan Siar"]),
    (["TLM65"], ["Orkney Islands"]),
    (["TLM66"], ["Shetland Islands"]),
    (["TLM71"], ["Angus", "Dundee City"]),
    (["TLM72"], ["Clackmannanshire", "Fife"]),
    (["TLM73"], ["East Lothian", "Midlothian"]),
    (["TLM75"], ["City of Edinburgh"]),
    (["TLM76"], ["Falkirk"]),
    (["TLM77"], ["Perth and Kinross", "Stirling"]),
    (["TLM78"], ["West Lothian"]),
    (["TLM82"], ["Glasgow City"]),
    (["TLM83"], ["East Renfrewshire", "Inverclyde", "Renfrewshire"]),
    (["TLM84"], ["North Lanarkshire"]),
    (["TLM91"], ["Scottish Borders"]),
    (["TLM92"], ["Dumfries and Galloway"]),
    (["TLM94"], ["South Ayrshire"]),
    (["TLM95"], ["South Lanarkshire"]),
]


def itl3(data, dst):
    """Scotland's ITL3 areas as unions of whole councils: ONS balanced GVA 2019 by section group
    (workplace-based), and the ONS money measure of commuting (resident compensation received
    2018 over estimated workplace compensation 2018) where an ITL3 area is whole councils."""
    gva = {r["itl3_code"]: r for r in csv.DictReader(open(data / "ons_regional_gva_balanced_by_industry_itl" / "scotland_itl3_gva_2019_by_section_wide.csv", newline=""))}
    assert len(gva) == 23
    sections = [k for k in next(iter(gva.values())) if k not in ("itl3_code", "itl3_name", "Total")]
    assert len(sections) == 18
    coe = {r["itl3_code"]: r for r in csv.DictReader(open(data / "ons_gdhi_components_nuts_1997_2018" / "derived_scotland_itl3_resident_vs_workplace_coe_and_census_jobs.csv", newline=""))}
    census = {r["council"]: r for r in csv.DictReader(open(data / "census2011_commuting_la_uk" / "scotland_council_commuting_summary_2011.csv", newline=""))}
    councils = set(census)
    # the census column of the derived file: residents in employment (without offshore and
    # abroad) over the workplace population, which localecon computes from the census file
    for codes, cs in ITL3_COUNCILS:
        if len(codes) == 1:
            res = sum(int(census[c]["residents_in_employment"]) - int(census[c]["residents_offshore"]) - int(census[c]["residents_work_outside_uk"]) for c in cs)
            wp = sum(int(census[c]["workplace_population_incl_home_and_no_fixed"]) for c in cs)
            assert f"{res / wp:.3f}".rstrip("0") == coe[codes[0]]["census2011_resident_jobs_over_workplace_jobs"].rstrip("0"), (codes, res / wp)
    named = [c for _, cs in ITL3_COUNCILS for c in cs]
    assert sorted(named) == sorted(councils), set(named) ^ councils
    assert sorted(k for ks, _ in ITL3_COUNCILS for k in ks) == sorted(gva)
    with open(dst / "ons_scotland_itl3.csv", "w", newline="") as f:
        f.write("# source: Office for National Statistics, Regional economic activity by GDP, UK: 1998 to 2021 (25 April 2023), balanced GVA 2019 by industry, GBP million, current basic prices, workplace-based; resident_over_workplace_coe_2018: ONS regional GDHI 1997 to 2018 (D.1 received) over workplace compensation 2018 estimated from the April 2023 regional accounts (OGL v3.0)\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["itl3", "name", "councils"] + [s.split(" ")[0] for s in sections] + ["total", "resident_over_workplace_coe_2018"])
        for codes, cs in ITL3_COUNCILS:
            by_section = [sum(float(gva[k][s]) for k in codes) for s in sections]
            total = sum(float(gva[k]["Total"]) for k in codes)
            assert abs(sum(by_section) - total) <= 4 * len(codes), (codes, sum(by_section), total)
            name = gva[codes[0]]["itl3_name"] if len(codes) == 1 else "Highland, Moray, Argyll and Bute, the Dunbartonshires, East and North Ayrshire"
            ratio = coe[codes[0]]["resident_coe_2018_over_estimated_workplace_coe_2018"] if len(codes) == 1 else ""
            w.writerow(["+".join(codes), name, ";".join(cs)] + [f"{v:g}" for v in by_section] + [f"{total:g}", ratio])


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


AUSTRALIA_SOURCE = (
    "ABS, Australian National Accounts: Input-Output Tables 2021-22 (Table 5, direct allocation of "
    "imports; Table 20 employment), 19 ANZSIC divisions as aggregated by the eiat R package "
    "(aiti-flinders/eiat, CC0). Creative Commons Attribution 4.0, Commonwealth of Australia."
)
AUSTRALIA_FINAL_DEMAND = [
    ("Households Final Consumption Expenditure", "HFCE", "households"),
    ("General Government Final Consumption Expenditure", "GGFCE", "other_government"),
    ("Gross Fixed Capital Formation", "GFCF", "investment"),
    ("Changes in Inventories", "INVENTORIES", "investment"),
    ("Exports of Goods and Services", "EXPORTS", "exports_rest_of_world"),
]
AUSTRALIA_PRIMARY = [
    ("Imports", "IMPORTS", "imports_rest_of_world"),
    ("Taxes less subsidies on products and production", "TAXES", "taxes_on_products"),
    ("Compensation of employees", "COE", "compensation"),
    ("Gross operating surplus mixed income", "GOS", "operating_surplus"),
]


AUSTRALIA_115_FINAL_DEMAND = [
    ("Households Final Consumption Expenditure", "HFCE", "households"),
    ("General Government Final Consumption Expenditure", "GGFCE", "other_government"),
    ("Private Gross Fixed Capital Formation", "GFCF_PRIVATE", "investment"),
    ("Public Corporations Gross Fixed Capital Formation", "GFCF_PUBLIC_CORPORATIONS", "investment"),
    ("General Government Gross Fixed Capital Formation", "GFCF_GOVERNMENT", "investment"),
    ("Changes in Inventories", "INVENTORIES", "investment"),
    ("Exports of Goods and Services", "EXPORTS", "exports_rest_of_world"),
]
AUSTRALIA_115_PRIMARY = [
    ("Competing imports", "IMPORTS_COMPETING", "imports_rest_of_world"),
    ("Complementary imports", "IMPORTS_COMPLEMENTARY", "imports_rest_of_world"),
    ("Taxes less subsidies on products", "TAXES_PRODUCTS", "taxes_on_products"),
    ("Other taxes less subsidies on production", "TAXES_PRODUCTION", "taxes_on_production"),
    ("Compensation of employees", "COE", "compensation"),
    ("Gross operating surplus mixed income", "GOS", "operating_surplus"),
]


def australia_115(src, dst, divisions, letters, rows19):
    """The same ABS table at 115 IOIG industries. The file names industries but gives no codes,
    and eiat's IOIG-to-division list does not align with the names, so each industry's division
    is found from the table itself: the industries are in IOIG order, which runs division by
    division, and consecutive blocks are cut where their output adds up to the division's output
    in the 19-division table; the blocks' flows must then add up to the 19-division flows.
    Codes are the division letter and the industry's place in it (C07 = bakery products)."""
    rows = list(csv.reader(open(src / "national_io_115_ioig_flows.csv", newline="")))
    header = rows[0]
    names = [r[0] for r in rows[1:116]]
    by = {r[0]: r for r in rows[1:]}
    col = {h: k for k, h in enumerate(header)}
    x = [float(by["Australian Production"][1 + i]) for i in range(115)]
    division_of, k = [], 0
    for j, d in enumerate(divisions):
        target, total = float(rows19["Australian Production"][d]), 0.0
        while k < 115 and total < target - 0.5:
            total += x[k]
            division_of.append(j)
            k += 1
        assert abs(total - target) < 0.01, (d, total, target)
    assert k == 115
    for a, da in enumerate(divisions):  # the blocks' flows add up to the 19-division flows
        for b, db in enumerate(divisions):
            z = sum(float(by[names[i]][1 + jj]) for i in range(115) if division_of[i] == a for jj in range(115) if division_of[jj] == b)
            assert abs(z - float(rows19[da][db])) < 0.01, (da, db, z)
    codes, counts = [], {}
    for i in range(115):
        letter = letters[divisions[division_of[i]]]
        counts[letter] = counts.get(letter, 0) + 1
        codes.append(f"{letter}{counts[letter]:02d}")
    coe = sum(float(by["Compensation of employees"][1 + i]) for i in range(115))
    with open(dst / "australia_2021_22_115.csv", "w", newline="") as f:
        f.write("# name: Australia 2021-22 (115 industries)\n# unit: AUD million\n")
        f.write("# source: ABS, Australian National Accounts: Input-Output Tables 2021-22 (Table 5, direct allocation of imports), 115 IOIG industries as shipped by the eiat R package (aiti-flinders/eiat, CC0); industry codes: ANZSIC division letter and place in the division. Creative Commons Attribution 4.0, Commonwealth of Australia.\n")
        f.write(f"# household_income: {coe:.4f}\n# income_sources: compensation\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "code", "name"] + codes + [c for _, c, _ in AUSTRALIA_115_FINAL_DEMAND])
        w.writerow(["", "", ""] + ["sector"] * 115 + [k for _, _, k in AUSTRALIA_115_FINAL_DEMAND])
        for i, name in enumerate(names):
            r = by[name]
            w.writerow(["sector", codes[i], name] + r[1:116] + [r[col[fd]] for fd, _, _ in AUSTRALIA_115_FINAL_DEMAND])
        for label, code, kind in AUSTRALIA_115_PRIMARY:
            w.writerow([kind, code, label] + by[label][1:116] + [""] * len(AUSTRALIA_115_FINAL_DEMAND))
        w.writerow(["output", "OUTPUT", "Australian Production"] + by["Australian Production"][1:116] + [""] * len(AUSTRALIA_115_FINAL_DEMAND))


def australia(data, dst):
    """Australia 2021-22, 19 ANZSIC divisions (the ABS national table as eiat aggregates it), in
    the CSV layout; and census 2021 employment by LGA of work and of those who live and work in
    the same LGA, by division (eiat's TableBuilder extracts)."""
    src = data / "australia_eiat_2021_22"
    letters = {r["name"]: r["letter"] for r in csv.DictReader(open(src / "anzsic_division_letters.csv", newline=""))}
    divisions = list(letters)
    assert len(divisions) == 19
    rows = {r["row"]: r for r in csv.DictReader(open(src / "national_io_19_sectors.csv", newline=""))}
    coe = sum(float(rows["Compensation of employees"][d]) for d in divisions)
    for d in divisions:  # rows and columns balance (SOURCE.md: within 0.006)
        out = float(rows["Australian Production"][d])
        col = sum(float(rows[r][d]) for r in divisions) + sum(float(rows[p][d]) for p, _, _ in AUSTRALIA_PRIMARY)
        row = sum(float(rows[d][c]) for c in divisions) + sum(float(rows[d][f]) for f, _, _ in AUSTRALIA_FINAL_DEMAND)
        assert abs(col - out) < 0.01 and abs(row - out) < 0.01, (d, out, col, row)
    with open(dst / "australia_2021_22.csv", "w", newline="") as f:
        f.write("# name: Australia 2021-22\n# unit: AUD million\n")
        f.write(f"# source: {AUSTRALIA_SOURCE}\n")
        f.write(f"# household_income: {coe:.4f}\n# income_sources: compensation\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "code", "name"] + [letters[d] for d in divisions] + [c for _, c, _ in AUSTRALIA_FINAL_DEMAND])
        w.writerow(["", "", ""] + ["sector"] * 19 + [k for _, _, k in AUSTRALIA_FINAL_DEMAND])
        for d in divisions:
            w.writerow(["sector", letters[d], d] + [rows[d][c] for c in divisions] + [rows[d][fd] for fd, _, _ in AUSTRALIA_FINAL_DEMAND])
        for label, code, kind in AUSTRALIA_PRIMARY:
            w.writerow([kind, code, label] + [rows[label][c] for c in divisions] + [""] * 5)
        w.writerow(["output", "OUTPUT", "Australian Production"] + [rows["Australian Production"][c] for c in divisions] + [""] * 5)
        w.writerow(["employment", "employment", "persons employed (ABS IO Table 20)"] + [rows["Total Employment"][c] for c in divisions] + [""] * 5)
    australia_115(src, dst, divisions, letters, rows)
    states = {r["lga"]: r["state"] for r in csv.DictReader(open(src / "lga_2022_states.csv", newline=""))}
    # the census's pseudo-areas (migratory, offshore and shipping; unincorporated areas) by the
    # state in their name
    abbreviations = {"ACT": "Australian Capital Territory", "NSW": "New South Wales", "NT": "Northern Territory",
                     "OT": "Other Territories", "Qld": "Queensland", "SA": "South Australia", "Tas.": "Tasmania",
                     "Vic.": "Victoria", "Vic": "Victoria", "Tas": "Tasmania", "WA": "Western Australia", "Other Territories": "Other Territories"}
    for name in {r["lga_pow"] for r in csv.DictReader(open(src / "employment_by_lga_of_work_census_2011_2016_2021.csv", newline=""))}:
        if name.startswith("Migratory - Offshore - Shipping ("):
            states[name] = abbreviations[name.rsplit("(", 1)[1].rstrip(")")]
        elif name.startswith("Unincorporated ") or name.startswith("Unincorp. "):
            states[name] = abbreviations[name.split(" ", 1)[1]]
    work = [r for r in csv.DictReader(open(src / "employment_by_lga_of_work_census_2011_2016_2021.csv", newline="")) if r["year"] == "2021"]
    live = {r["lga"]: r for r in csv.DictReader(open(src / "employment_live_and_work_same_lga_census.csv", newline="")) if r["year"] == "2021"}
    assert len(work) == 556, len(work)
    unclassified = ["Inadequately described", "Not stated"]
    with open(dst / "australia_2021_lga_employment.csv", "w", newline="") as f:
        f.write("# source: ABS, Census of Population and Housing 2021 (TableBuilder, via the eiat R package, CC0): employed persons by industry (ANZSIC division) by Local Government Area of work, and of them those whose usual residence is the same LGA. Creative Commons Attribution 4.0, Commonwealth of Australia.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lga", "state", "measure"] + [letters[d] for d in divisions] + ["unclassified"])
        for r in sorted(work, key=lambda r: r["lga_pow"]):
            name = r["lga_pow"]
            lw = live[name]
            for d in divisions + unclassified:
                assert float(lw[d]) <= float(r[d]) + 0.5, (name, d)
            for measure, rec in (("work", r), ("live_and_work", lw)):
                w.writerow([name, states.get(name, ""), measure] + [f"{float(rec[d]):g}" for d in divisions] + [f"{sum(float(rec[u]) for u in unclassified):g}"])


UK_SOURCE = (
    "ONS, UK input-output analytical tables 2019 (industry by industry, domestic use, basic "
    "prices), summed to SIC 2007 sections. Crown copyright, Office for National Statistics, "
    "Open Government Licence v3.0."
)
UK_FINAL_DEMAND = [
    ("P3 S14", "households"),
    ("P3 S15", "other"),
    ("P3 S13", "other_government"),
    ("P51G", "investment"),
    ("P52", "investment"),
    ("P53", "investment"),
    ("P61EU", "exports_rest_of_world"),
    ("P61RW", "exports_rest_of_world"),
    ("P62", "exports_rest_of_world"),
]
UK_PRIMARY = [
    ("IMP_CIF", "imports_rest_of_world", "Use of imported products"),
    ("D21X31", "taxes_on_products", "Taxes less subsidies on products"),
    ("D29-D39", "taxes_on_production", "Other taxes less subsidies on production"),
    ("D1", "compensation", "Compensation of employees"),
    ("GOS & MI", "operating_surplus", "Gross operating surplus and mixed income"),
]


def uk_sections(data, dst):
    """The UK 2019 domestic-use table (105 industries) summed to the 20 SIC sections A..T (the
    section is the first letter of the ONS code), in the layout of scotland_2019_sections.csv;
    and Scotland's purchases from the rest of the UK by final-demand column (the RUKImp row of
    the Scottish table, with the residents' spending in the rest of the UK), for the
    Scotland + rest-of-UK system."""
    rows = list(csv.DictReader(open(data / "uk_ioat_2019" / "ioat_2019_ixi_domestic_basic_prices.csv", newline="")))
    by_code = {r["row_code"]: r for r in rows}
    industries = [r["row_code"] for r in rows[: rows.index(by_code["_T"])]]
    assert len(industries) == 105, len(industries)
    letters = [chr(c) for c in range(ord("A"), ord("T") + 1)]
    names = {r["row"]: r["name"] for r in csv.DictReader(open(data / "scotland_io_2019" / "ixi_2019_by_sic_section.csv", newline=""))}
    members = {s: [c for c in industries if c[0] == s] for s in letters}
    assert all(members.values()) and sum(map(len, members.values())) == 105

    def total(row_codes, col_codes):
        return sum(float(by_code[r][c] or 0) for r in row_codes for c in col_codes)

    out = dst / "uk_2019_sections.csv"
    with open(out, "w", newline="") as f:
        f.write(f"# name: United Kingdom 2019 (SIC sections)\n# unit: GBP million\n# source: {UK_SOURCE}\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "code", "name"] + letters + [c for c, _ in UK_FINAL_DEMAND])
        w.writerow(["", "", ""] + ["sector"] * 20 + [k for _, k in UK_FINAL_DEMAND])
        for s in letters:
            w.writerow(["sector", s, names[s]] + [repr(total(members[s], members[t])) for t in letters]
                       + [repr(total(members[s], [c])) for c, _ in UK_FINAL_DEMAND])
        for code, kind, label in UK_PRIMARY:
            w.writerow([kind, code, label] + [repr(total([code], members[t])) for t in letters] + [""] * len(UK_FINAL_DEMAND))
        w.writerow(["output", "P1", "Output at basic prices"] + [repr(total(["P1"], members[t])) for t in letters] + [""] * len(UK_FINAL_DEMAND))
    # the check the source states: output = intermediate use + final use, per section
    for s in letters:
        use = total(members[s], industries) + total(members[s], [c for c, _ in UK_FINAL_DEMAND])
        assert abs(use - total(["P1"], members[s])) < 1e-6 * max(1.0, use), s
    scot = {r["row"]: r for r in csv.DictReader(open(data / "scotland_io_2019" / "ixi_2019_by_sic_section.csv", newline=""))}
    columns = ["HOUSEHOLD", "NPISH", "FD_CENGOV", "FD_LOCGOV", "GFCF", "VALUABLES", "INVENTORIES",
               "EXPORTS_NONRES", "EXPORTS_RUK", "EXPORTS_ROW"]
    with open(dst / "scotland_2019_ruk_purchases_by_final_use.csv", "w", newline="") as f:
        f.write(f"# source: {SOURCE} The RUKImp row of the 2019 table in its final-use columns "
                "(GBP million): what each final use buys from the rest of the UK.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["column", "RUKImp"])
        for c in columns:
            w.writerow([c, scot["RUKImp"][c]])


def uk_shared(data, dst):
    """The finest classification the UK and Scottish 2019 tables share: the 105 IOAT
    industries and the 98 IOC098 industries linked by the ONS concordance (IOAT -> IOC098, as
    in ghg()), grouped into the connected components of that many-to-many link, 94 groups.
    A group's code is its Scottish codes joined by " + " (most groups are one Scottish
    industry). Writes the UK table summed to the groups (the layout of uk_2019_sections.csv)
    and the group of every Scottish industry (ioc098_shared.csv)."""
    conc = list(csv.DictReader(open(data / "ons_aea_ghg_uk_1990_2021" / "concordance_aea_group_to_ioat105_to_ioc098.csv", newline="")))
    links = [(r["ioat_code"], int(k)) for r in conc if r["ioat_code"] != "HH_DIRECT" for k in r["ioc098_index"].split(";")]
    links.append(("L68A", 71))  # imputed rent: no AEA row (as in ghg())
    scot = [r for r in csv.DictReader(open(data / "scotland_io_2019" / "ixi_2019.csv", newline=""))][:98]
    ioc = [(r["ioc098_sic"], r["ioc098_short_description"]) for r in scot]
    rows = list(csv.DictReader(open(data / "uk_ioat_2019" / "ioat_2019_ixi_domestic_basic_prices.csv", newline="")))
    by_code = {r["row_code"]: r for r in rows}
    industries = [r["row_code"] for r in rows[: rows.index(by_code["_T"])]]
    assert len(industries) == 105 and {a for a, _ in links} == set(industries)
    assert {b for _, b in links} == set(range(1, 99))
    # union-find over ("u", ioat) and ("s", ioc index)
    parent = {}

    def find(a):
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in links:
        parent[find(("u", a))] = find(("s", b))
    groups = []  # in order of the Scottish industries
    of_root = {}
    for k in range(1, 99):
        root = find(("s", k))
        if root not in of_root:
            of_root[root] = len(groups)
            groups.append({"scottish": [], "uk": []})
        groups[of_root[root]]["scottish"].append(k)
    for c in industries:
        groups[of_root[find(("u", c))]]["uk"].append(c)
    assert len(groups) == 94, len(groups)
    codes = [" + ".join(ioc[k - 1][0] for k in g["scottish"]) for g in groups]
    names = ["; ".join(ioc[k - 1][1] for k in g["scottish"]) for g in groups]

    def total(row_codes, col_codes):
        return sum(float(by_code[r][c] or 0) for r in row_codes for c in col_codes)

    with open(dst / "uk_2019_shared.csv", "w", newline="") as f:
        source = UK_SOURCE.replace("summed to SIC 2007 sections", "summed to the 94 groups it shares with the Scottish 98 industries")
        f.write(f"# name: United Kingdom 2019 (94 shared groups)\n# unit: GBP million\n# source: {source}\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["kind", "code", "name"] + codes + [c for c, _ in UK_FINAL_DEMAND])
        w.writerow(["", "", ""] + ["sector"] * len(codes) + [k for _, k in UK_FINAL_DEMAND])
        for g, code, name in zip(groups, codes, names):
            w.writerow(["sector", code, name] + [repr(total(g["uk"], h["uk"])) for h in groups]
                       + [repr(total(g["uk"], [c])) for c, _ in UK_FINAL_DEMAND])
        for code, kind, label in UK_PRIMARY:
            w.writerow([kind, code, label] + [repr(total([code], h["uk"])) for h in groups] + [""] * len(UK_FINAL_DEMAND))
        w.writerow(["output", "P1", "Output at basic prices"] + [repr(total(["P1"], h["uk"])) for h in groups] + [""] * len(UK_FINAL_DEMAND))
    for g in groups:
        use = total(g["uk"], industries) + total(g["uk"], [c for c, _ in UK_FINAL_DEMAND])
        assert abs(use - total(["P1"], g["uk"])) < 1e-6 * max(1.0, use), g
    with open(dst / "ioc098_shared.csv", "w", newline="") as f:
        f.write("# The group of each Scottish IOC098 industry in the classification the UK IOAT 2019 and the Scottish "
                "2019 tables share (connected components of the ONS IOAT 105 -> IOC098 concordance), with the UK "
                "industries of the group; made by scripts/make_datasets.py\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ioc098", "group", "uk_industries"])
        for g, code in zip(groups, codes):
            for k in g["scottish"]:
                w.writerow([ioc[k - 1][0], code, " | ".join(g["uk"])])


def council_od(data, dst):
    """The 2011 census travel to work between Scotland's 32 council areas and the rest of the
    UK (rows = residence, columns = workplace; persons), the 33 x 33 block of the derived
    matrix in ../shared/data/census2011_commuting_la_uk (special workplaces and totals left
    out): the commuting shares of the interregional Type II."""
    src = data / "census2011_commuting_la_uk" / "scotland_council_od_2011_matrix_residence_by_workplace.csv"
    rows = list(csv.reader(open(src, newline="")))
    header, body = rows[0], rows[1:]
    places = header[1:34]
    assert places[-1] == "RUK" and len(body) == 33 and [r[0] for r in body] == places, places
    with open(dst / "census_2011_council_od.csv", "w", newline="") as f:
        f.write("# source: 2011 Census (WU03UK), Office for National Statistics, National Records of Scotland, "
                "Northern Ireland Statistics and Research Agency; Open Government Licence v3.0. Rows: place of "
                "residence; columns: place of work (persons in employment, fixed workplaces); RUK = England, "
                "Wales and Northern Ireland.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["residence"] + places)
        for r in body:
            w.writerow([r[0]] + [str(int(float(v))) for v in r[1:34]])


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
    commuting(src.parent, dst)
    itl3(src.parent, dst)
    surplus(src.parent, dst)
    imports_by_product(src, dst)
    fte(src.parent, dst)
    ghg(src.parent, dst)
    australia(src.parent, dst)
    uk_sections(src.parent, dst)
    uk_shared(src.parent, dst)
    council_od(src.parent, dst)


if __name__ == "__main__":
    main(*sys.argv[1:3])
