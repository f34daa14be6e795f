"""Writes tests/fixtures/catalogue/bad_inputs.json: the catalogue of bad inputs that the Rust, Python
and JavaScript suites all try, each with the error code it must raise (or null: it must
succeed). Run from the repository root: python tests/make_bad_inputs.py

Numbers that JSON cannot hold are written as the strings "NaN", "Infinity", "-Infinity".
"""

import copy
import json
from pathlib import Path

BASE = {
    "format": "localecon-table", "version": 1, "name": "two sectors",
    "sectors": [{"code": "s1", "name": "farms"}, {"code": "s2", "name": "mills"}],
    "z": [[150.0, 500.0], [200.0, 100.0]],
    "final_demand": [
        {"label": "HH", "kind": "households", "values": [100.0, 600.0]},
        {"label": "EXP", "kind": "exports_rest_of_world", "values": [250.0, 1100.0]},
    ],
    "primary_inputs": [
        {"label": "IMP", "kind": "imports", "values": [100.0, 300.0]},
        {"label": "CoE", "kind": "compensation", "values": [300.0, 700.0]},
        {"label": "GOS", "kind": "operating_surplus", "values": [250.0, 400.0]},
    ],
}
BASE_TEXT = json.dumps(BASE)
# the same table with imports by product: s1 imports only its own product, s2 both
IMPORT_USE = dict(BASE, import_use={"basis": "supplied", "blocks": [{"origin": "IMP", "values": [[100.0, 200.0], [0.0, 100.0]]}]})
IMPORT_USE_TEXT = json.dumps(IMPORT_USE)
CSV = (
    "kind,code,name,s1,s2,HH,EXP\n,,,sector,sector,households,exports_rest_of_world\n"
    "sector,s1,farms,150,500,100,250\nsector,s2,mills,200,100,600,1100\n"
    "imports,IMP,Imports,100,300,,\ncompensation,CoE,Wages,300,700,,\noperating_surplus,GOS,Profits,250,400,,\n"
)


def doc(change):
    d = copy.deepcopy(BASE)
    change(d)
    return d


def arrays(z=None, codes=None, fd=None, pi=None):
    return {
        "z": z if z is not None else [150.0, 500.0, 200.0, 100.0],
        "codes": codes if codes is not None else ["s1", "s2"],
        "final_demand": fd if fd is not None else [c for c in BASE["final_demand"]],
        "primary_inputs": pi if pi is not None else [r for r in BASE["primary_inputs"]],
    }


def with_fd(values):
    return [{"label": "HH", "kind": "households", "values": values}, BASE["final_demand"][1]]


cases = []


def case(id, what, input, code, place=None, words=None):
    """place: where the value refused sits, as the message must name it in every language;
    words: what the message must say of the value, in the same words in every language."""
    c = {"id": id, "what": what, "input": input, "code": code}
    if place is not None:
        c["place"] = place
    if words is not None:
        c["words"] = words
    cases.append(c)


# the interchange JSON
case("json-valid", "the valid two-sector table (control)", {"json": BASE_TEXT}, None)
case("json-import-use", "a table with imports by product and buyer (control)", {"json": IMPORT_USE_TEXT}, None)
case("json-import-use-sum", "imports by product that do not add up to the buyer's imports", {"json": IMPORT_USE_TEXT.replace("[100.0, 200.0]", "[100.0, 250.0]")}, "inconsistent")
case("json-import-use-origin", "imports by product from an origin that is no import row", {"json": IMPORT_USE_TEXT.replace('"origin": "IMP"', '"origin": "RoW"')}, "unknown_label")
case("json-import-use-negative", "a negative import of a product", {"json": IMPORT_USE_TEXT.replace("[0.0, 100.0]", "[-10.0, 100.0]")}, "negative")
case("json-import-use-ragged", "an import-use block with a short row", {"json": IMPORT_USE_TEXT.replace("[0.0, 100.0]", "[0.0]")}, "shape")
case("json-import-use-basis", "an unknown basis of imports by product", {"json": IMPORT_USE_TEXT.replace('"supplied"', '"guessed"')}, "json")
case("json-empty", "an empty document", {"json": ""}, "json")
case("json-truncated", "a file cut off half-way", {"json": BASE_TEXT[: len(BASE_TEXT) // 2]}, "json")
case("json-trailing", "trailing garbage after the document", {"json": BASE_TEXT + " }"}, "json")
case("json-array", "a JSON array instead of a table", {"json": "[1, 2, 3]"}, "unsupported_version")
case("json-version-2", "a future version", {"json": json.dumps(doc(lambda d: d.update(version=2)))}, "unsupported_version")
case("json-version-string", 'the version as a string "1"', {"json": json.dumps(doc(lambda d: d.update(version="1")))}, "unsupported_version")
case("json-format", "another format (a pymrio file)", {"json": json.dumps(doc(lambda d: d.update(format="pymrio")))}, "unsupported_version")
case("json-typo", "a misspelt field (final_demnd)", {"json": BASE_TEXT.replace('"final_demand"', '"final_demnd"')}, "json")
case("json-kind", "an unknown primary-input kind (wages)", {"json": BASE_TEXT.replace('"compensation"', '"wages"')}, "json", place="primary_inputs[1].kind")
case("json-string-number", "a number written as a string", {"json": BASE_TEXT.replace("150.0", '"150"', 1)}, "json", place="z[0][0]")
case("json-ragged", "a ragged Z (one row short)", {"json": json.dumps(doc(lambda d: d["z"][1].pop()))}, "shape")
case("json-z-rows", "Z with too many rows", {"json": json.dumps(doc(lambda d: d["z"].append([1.0, 1.0])))}, "shape")
case("json-fd-length", "a final-demand column of the wrong length", {"json": json.dumps(doc(lambda d: d["final_demand"][0]["values"].append(1.0)))}, "shape")
case("json-duplicate-code", "two sectors with one code", {"json": json.dumps(doc(lambda d: d["sectors"][1].update(code="s1")))}, "invalid_label")
case("json-empty-code", "an empty sector code", {"json": json.dumps(doc(lambda d: d["sectors"][0].update(code=" ")))}, "invalid_label")
case("json-duplicate-column", "two final-demand columns with one label", {"json": json.dumps(doc(lambda d: d["final_demand"][1].update(label="HH")))}, "invalid_label")
case("json-no-sectors", "an empty table", {"json": json.dumps(doc(lambda d: d.update(sectors=[], z=[], final_demand=[], primary_inputs=[])))}, "empty")
case("json-negative-flow", "a negative flow in Z", {"json": json.dumps(doc(lambda d: d["z"][0].__setitem__(1, -500.0)))}, "negative")
case("json-negative-imports", "negative imports", {"json": json.dumps(doc(lambda d: d["primary_inputs"][0]["values"].__setitem__(0, -100.0)))}, "negative")
case("json-retention", "a retention share of 1.5", {"json": json.dumps(doc(lambda d: d.update(retention={"compensation": 1.5})))}, "out_of_range", place="retention.compensation")
case("json-retention-length", "per-sector retention of the wrong length", {"json": json.dumps(doc(lambda d: d.update(retention={"compensation": [1.0]})))}, "shape")
case("json-household-income", "a negative household income", {"json": json.dumps(doc(lambda d: d.update(household_closure={"household_income": -5.0})))}, "out_of_range")
case("json-tolerance", "a negative balance tolerance", {"json": json.dumps(doc(lambda d: d.update(balance_tolerance=-1.0)))}, "out_of_range")
case("json-unbalanced", "a row 10 % off its column", {"json": json.dumps(doc(lambda d: d["final_demand"][1]["values"].__setitem__(0, 350.0)))}, "unbalanced")
case("json-huge", "values whose totals overflow (1e308)", {"json": json.dumps(doc(lambda d: (d["z"][0].__setitem__(0, 1e308), d["primary_inputs"][2]["values"].__setitem__(0, 1e308))))}, "non_finite")
case("json-negative-output", "subsidies larger than costs: negative output", {"json": json.dumps(doc(lambda d: (d["z"].__setitem__(0, [0.0, 500.0]), d["z"].__setitem__(1, [0.0, 100.0]), d["primary_inputs"].__setitem__(0, {"label": "IMP", "kind": "taxes_on_products", "values": [-10.0, 300.0]}), d["primary_inputs"][1]["values"].__setitem__(0, 0.0), d["primary_inputs"][2]["values"].__setitem__(0, 0.0), d["final_demand"][0]["values"].__setitem__(0, -510.0), d["final_demand"][1]["values"].__setitem__(0, 0.0), d["final_demand"][1]["values"].__setitem__(1, 1100.0 + 200.0))))}, "negative")
case("json-bom", "a UTF-8 byte-order mark before the document (accepted)", {"json": "\ufeff" + BASE_TEXT}, None)
case("json-1x1", "a 1 × 1 table (legal)", {"json": json.dumps({"format": "localecon-table", "version": 1, "name": "one", "sectors": [{"code": "a", "name": "a"}], "z": [[10.0]], "final_demand": [{"label": "f", "kind": "other", "values": [90.0]}], "primary_inputs": [{"label": "va", "kind": "compensation", "values": [90.0]}]})}, None)

# the labelled CSV layout
case("csv-valid", "the valid table in the CSV layout (control)", {"csv": CSV}, None)
case("csv-bom", "a byte-order mark before the header (accepted)", {"csv": "\ufeff" + CSV}, None)
case("csv-empty", "an empty file", {"csv": ""}, "csv")
SEMICOLON = CSV.replace(",", ";")
case("csv-semicolon", "a spreadsheet export with semicolons (read as the comma file)", {"csv": SEMICOLON}, None)
case("csv-decimal-comma", "semicolons and a decimal comma 150,0 (read as 150.0)", {"csv": SEMICOLON.replace(";150;", ";150,0;")}, None)
case("csv-tab", "a tab-separated file (read as the comma file)", {"csv": CSV.replace(",", "\t")}, None)
case("csv-thousands", "a thousands separator 1.100,0 in a semicolon file", {"csv": SEMICOLON.replace(";1100", ";1.100,0")}, "csv")
case("csv-pipe", "another delimiter (|)", {"csv": CSV.replace(",", "|")}, "csv")
case("bytes-utf16", "the file's bytes in UTF-16 with a byte-order mark (control)", {"csv_bytes": list(CSV.encode("utf-16"))}, None)
case("bytes-utf8-bom", "the file's bytes in UTF-8 with a byte-order mark (control)", {"csv_bytes": list(CSV.encode("utf-8-sig"))}, None)
case("bytes-cp1252", "the file's bytes in Windows-1252 (é in a sector name): refused, not guessed", {"csv_bytes": list(CSV.replace("farms", "café farms").encode("cp1252"))}, "csv")
case("bytes-utf16-odd", "UTF-16 bytes cut off in the middle of a character", {"csv_bytes": list(CSV.encode("utf-16"))[:-1]}, "csv")
case("csv-decimal-comma-in-comma-file", "a decimal comma (1,5) in a comma file, which shifts the fields", {"csv": CSV.replace("150,500", "150,5,500")}, "csv")
case("csv-text", "text in a number cell", {"csv": CSV.replace("200,100", "200,n/a")}, "csv")
case("csv-no-kinds", "the column-kind row missing", {"csv": "\n".join(l for k, l in enumerate(CSV.split("\n")) if k != 1)}, "csv")
case("csv-row-kind", "an unknown row kind", {"csv": CSV.replace("compensation,CoE", "wages,CoE")}, "csv")
case("csv-column-kind", "an unknown final-demand kind", {"csv": CSV.replace(",households,", ",household,")}, "csv")
case("csv-code-mismatch", "a sector row whose code is not its column's", {"csv": CSV.replace("sector,s2,mills", "sector,s3,mills")}, "csv")
case("csv-truncated", "a file cut off in the middle of a row", {"csv": CSV[: CSV.index("compensation") + 20]}, "csv")
case("csv-final-demand-in-primary", "a value under a final-demand column in a primary row", {"csv": CSV.replace("imports,IMP,Imports,100,300,,", "imports,IMP,Imports,100,300,5,")}, "csv")

# arrays (as from numpy or typed arrays)
case("arrays-valid", "the valid table from arrays (control)", {"arrays": arrays()}, None)
case("arrays-nan", "NaN in Z", {"arrays": arrays(z=[150.0, "NaN", 200.0, 100.0])}, "non_finite")
case("arrays-inf-fd", "+∞ in final demand", {"arrays": arrays(fd=with_fd(["Infinity", 600.0]))}, "non_finite")
case("arrays-neg-inf", "−∞ in a primary input", {"arrays": arrays(pi=[{"label": "IMP", "kind": "imports", "values": ["-Infinity", 300.0]}] + BASE["primary_inputs"][1:])}, "non_finite")
case("arrays-short-z", "Z with 3 values for 2 sectors", {"arrays": arrays(z=[150.0, 500.0, 200.0])}, "shape")
case("arrays-codes", "three codes for two sectors", {"arrays": arrays(z=[150.0, 500.0, 200.0, 100.0], codes=["s1", "s2", "s3"])}, "shape")
case("arrays-fd-length", "a final-demand array of the wrong length", {"arrays": arrays(fd=with_fd([100.0]))}, "shape")

# analyses
case("analysis-non-productive", "subsidies let a sector buy more locally than it produces", {"json": json.dumps(doc(lambda d: (d["z"][0].__setitem__(0, 1050.0), d["primary_inputs"].append({"label": "SUB", "kind": "taxes_on_products", "values": [-900.0, 0.0]}), d["final_demand"][1]["values"].__setitem__(0, -650.0)))), "then": "multipliers"}, "non_productive")
case("analysis-no-households", "Type II leakage of a table without households", {"json": json.dumps(doc(lambda d: d["final_demand"][0].update(kind="other"))), "then": "closed_leakage"}, "missing_data")
case("analysis-households-spend-all-report", "a report when households would spend all their income locally: Type I, leakage and the report stay available, Type II is marked unavailable (control)", {"json": json.dumps(doc(lambda d: d.update(household_closure={"household_income": 700.0})))}, None)
case("analysis-households-spend-all-multipliers", "Type I multipliers when the household closure cannot be formed (control)", {"json": json.dumps(doc(lambda d: d.update(household_closure={"household_income": 700.0}))), "then": "multipliers"}, None)
case("analysis-households-spend-all", "households that would spend all their income locally", {"json": json.dumps(doc(lambda d: d.update(household_closure={"household_income": 700.0}))), "then": "closed_leakage"}, "out_of_range")
case("analysis-currency-acceptance", "a currency accepted by 200 % of a sector", {"json": BASE_TEXT, "then": "currency_acceptance_2"}, "out_of_range")
case("analysis-currency-account", "a currency accepted by an unknown account", {"json": BASE_TEXT, "then": "currency_unknown_account"}, "unknown_label")
case("analysis-regional-above-national", "regional employment above national", {"json": BASE_TEXT, "then": "regionalize_too_many_jobs"}, "out_of_range")
case("analysis-delta", "δ = 1.5", {"json": BASE_TEXT, "then": "regionalize_delta"}, "out_of_range")
case("analysis-zero-national", "zero national employment", {"json": BASE_TEXT, "then": "regionalize_zero_national"}, "out_of_range")
case("analysis-resident-share", "a resident share of compensation of 1.5", {"json": BASE_TEXT, "then": "regionalize_resident_share"}, "out_of_range")
case("analysis-surplus-shares-length", "three local surplus shares for two sectors", {"json": BASE_TEXT, "then": "regionalize_surplus_length"}, "shape")
case("analysis-surplus-share-negative", "a negative local surplus share", {"json": BASE_TEXT, "then": "regionalize_surplus_negative"}, "out_of_range")
case("analysis-national-jobs-sector", "a sector with no national employment: regionalised as average, flagged ASSUMPTION in the table's source (control)", {"json": BASE_TEXT, "then": "regionalize_sector_without_jobs"}, None)
case("analysis-scenario-sector", "a scenario naming an unknown sector", {"json": BASE_TEXT, "then": "scenario_unknown_sector"}, "unknown_label")
case("analysis-scenario-too-much", "substituting more imports than exist", {"json": BASE_TEXT, "then": "scenario_too_much"}, "out_of_range")
case("analysis-scenario-share", "an import-substitution share of 1.5", {"json": BASE_TEXT, "then": "scenario_share"}, "out_of_range", place="changes[0].share")
SPENDING = {"type": "spending", "label": "council", "amount": 10.0, "local_share": 0.5, "pattern": "HH"}
case("analysis-scenario-amount-text", "a scenario's spending amount written as a word", {"json": BASE_TEXT, "scenario": {"name": "bad", "changes": [{"type": "demand", "sector": "s1", "amount": 1.0}, dict(SPENDING, amount="ten")]}}, "invalid_input", place="changes[1].amount")
case("analysis-scenario-field-of-another-kind", "a spending change given a buyer (a field of an import substitution): refused, not ignored", {"json": BASE_TEXT, "scenario": {"name": "bad", "changes": [dict(SPENDING, buyer="s1")]}}, "invalid_input", place="changes[0]")
case("analysis-scenario-no-amount", "a spending change without its amount", {"json": BASE_TEXT, "scenario": {"name": "bad", "changes": [{k: v for k, v in SPENDING.items() if k != "amount"}]}}, "invalid_input", place="changes[0]")
case("analysis-scenario-data", "a spending change read from data, its type given last", {"json": BASE_TEXT, "scenario": {"name": "ok", "changes": [dict(list(SPENDING.items())[1:] + [("type", "spending")])]}}, None)
case("analysis-ranking-share", "a leak ranking that moves no imports (share 0)", {"json": BASE_TEXT, "then": "ranking_share_0"}, "out_of_range")
case("analysis-ranking-cap", "a leak-ranking cap of -10 % of a producer's output", {"json": BASE_TEXT, "then": "ranking_cap_negative"}, "out_of_range")
case("analysis-ranking-exclude", "excluding a supplier that does not exist", {"json": BASE_TEXT, "then": "ranking_exclude_unknown"}, "unknown_label")
case("analysis-ranking-control", "a leak ranking with its defaults (control)", {"json": BASE_TEXT, "then": "ranking_default"}, None)
case("analysis-substitution-not-imported", "substituting a product the buyer does not import", {"json": IMPORT_USE_TEXT, "then": "substitution_not_imported"}, "out_of_range")
case("analysis-paths-cutoff", "structural paths with cutoff 0", {"json": BASE_TEXT, "then": "paths_cutoff"}, "out_of_range")
case("analysis-unknown-sector", "a sector code that does not exist", {"json": BASE_TEXT, "then": "extract_unknown"}, "unknown_label")
case("analysis-closure-option", "an unknown closure spelling", {"json": BASE_TEXT, "then": "fci_closure_typo"}, "unknown_option")
case("other-ras-inconsistent", "RAS targets with different totals", {"ras": {"u0": [1, 1, 1, 1], "rows": 2, "cols": 2, "row_targets": [10, 2], "col_targets": [7, 6]}}, "inconsistent")
case("other-ras-infeasible", "RAS with a zero row that must reach 2", {"ras": {"u0": [1, 1, 0, 0], "rows": 2, "cols": 2, "row_targets": [10, 2], "col_targets": [7, 5]}}, "infeasible")
case("other-ras-overflow", "RAS whose column of 1e-320 must reach 1 (found by fuzzing: the factor overflowed to an infinite entry reported as converged)", {"ras": {"u0": [1e-320, 1, 0, 1e300], "rows": 2, "cols": 2, "row_targets": [1, 1], "col_targets": [1, 1]}}, "infeasible")
case("other-flows-disconnected", "a flow network with an isolated account", {"flow_system": {"labels": ["a", "b"], "flows": [0, 0, 0, 0], "inputs": [1, 0], "exports": [1, 0], "dissipation": [0, 0]}}, "disconnected")
case("other-flows-no-input", "a flow network with no boundary input", {"flow_system": {"labels": ["a", "b"], "flows": [0, 1, 1, 0], "inputs": [0, 0], "exports": [0, 0], "dissipation": [0, 0]}}, "disconnected")
case("other-flows-unbalanced", "a flow network whose account does not balance", {"flow_system": {"labels": ["a", "b"], "flows": [0, 1, 0, 0], "inputs": [2, 0], "exports": [0, 1], "dissipation": [0, 0]}}, "unbalanced")
case("other-flows-too-large", "flows that add up to more than the largest total a double's T·log₂T can hold", {"flow_system": {"labels": ["a", "b"], "flows": [0, 1e300, 0, 0], "inputs": [1e300, 0], "exports": [0, 1e300], "dissipation": [0, 0]}}, "out_of_range", "total of the flows")
case("other-flows-negative", "a negative flow between accounts", {"flow_system": {"labels": ["a", "b"], "flows": [0, -1, 0, 0], "inputs": [1, 1], "exports": [1, 1], "dissipation": [0, 0]}}, "negative")
case("other-lm3-share", "an LM3 survey with a local share of 1.2", {"lm3": {"income": 100.0, "spending": [{"label": "staff", "amount": 40.0, "local_share": 1.2, "respend_local_share": 0.5}]}}, "out_of_range", place="spending[0].local_share")
LM3_STAFF = {"label": "staff", "amount": 40.0, "local_share": 0.5, "respend_local_share": 0.5}
case("other-lm3-amount-text", "an LM3 amount written as a word", {"lm3": {"income": 100.0, "spending": [LM3_STAFF, dict(LM3_STAFF, amount="forty")]}}, "invalid_input", place="spending[1].amount", words='invalid type: string "forty", expected f64')
case("other-lm3-income-null", "an LM3 income given as null", {"lm3": {"income": None, "spending": [LM3_STAFF]}}, "invalid_input", place="income", words="invalid type: null, expected f64")
case("other-lm3-spending-object", "LM3 spending given as one object, not a list of lines", {"lm3": {"income": 100.0, "spending": LM3_STAFF}}, "invalid_input", place="spending", words="invalid type: map, expected a sequence")
case("other-lm3-misspelt", "an LM3 survey with organization_is_local (the option is organisation_is_local): refused, not ignored", {"lm3": {"income": 100.0, "organization_is_local": False, "spending": [LM3_STAFF]}}, "invalid_input")
case("other-lm3-no-amount", "an LM3 spending line without its amount", {"lm3": {"income": 100.0, "spending": [{k: v for k, v in LM3_STAFF.items() if k != "amount"}]}}, "invalid_input", place="spending[0]")
# a third sector with no output at all (legal: Scotland 2019 has one)
ZERO_OUTPUT = doc(lambda d: (
    d["sectors"].append({"code": "s3", "name": "idle"}),
    [row.append(0.0) for row in d["z"]],
    d["z"].append([0.0, 0.0, 0.0]),
    [c["values"].append(0.0) for c in d["final_demand"]],
    [r["values"].append(0.0) for r in d["primary_inputs"]],
))
case("zero-output-control", "a table with a sector that has no output (control)", {"json": json.dumps(ZERO_OUTPUT)}, None)
case("scenario-zero-output", "a demand shock to a sector with no output (its cost structure is unknown)", {"json": json.dumps(ZERO_OUTPUT), "then": "scenario_zero_output"}, "out_of_range")
case("impact-zero-output", "an impact of final demand for a sector with no output", {"json": json.dumps(ZERO_OUTPUT), "then": "impact_zero_output"}, "out_of_range")
case("substitution-zero-output", "substituting imports with a product whose local producer has no output", {"json": json.dumps(ZERO_OUTPUT), "then": "substitution_zero_output"}, "out_of_range")


# satellite accounts: stressors of the two-sector table (CO2 and FTE), with import factors
def satellite(stressors, import_factors=(), characterise=None):
    spec = {"stressors": stressors, "import_factors": list(import_factors)}
    if characterise:
        spec["characterise"] = characterise
    return {"json": BASE_TEXT, "satellite": spec}


CO2 = {"name": "CO2", "unit": "kt CO2e", "gas": "co2", "values": [10.0, 20.0], "household": 5.0}
FTE = {"name": "FTE", "unit": "FTE", "values": [30.0, 40.0]}
IMP_CO2 = {"origin": "IMP", "stressor": "CO2", "values": [0.5]}
case("satellite-valid", "stressors with an import factor, characterised (control)", satellite([CO2, FTE], [IMP_CO2], "ar5"), None)
case("satellite-length", "a stressor row of the wrong length", satellite([dict(CO2, values=[10.0])]), "shape")
case("satellite-negative", "negative emissions without removals flagged", satellite([dict(CO2, values=[10.0, -5.0])]), "negative")
case("satellite-removals", "negative emissions flagged as removals (control)", satellite([dict(CO2, values=[10.0, -5.0], removals=True)]), None)
case("satellite-nan", "a NaN stressor amount", satellite([dict(CO2, values=["NaN", 1.0])]), "non_finite")
case("satellite-gas", "an unknown gas", satellite([dict(CO2, gas="smoke")]), "unknown_option")
case("satellite-unit", "a gas in a unit that is not a mass (units that disagree)", satellite([dict(CO2, unit="FTE")], characterise="ar5"), "inconsistent")
case("satellite-hfc-mass", "HFCs as a mass of gas (no single GWP)", satellite([dict(CO2, name="HFC", gas="hfc", unit="t")], characterise="ar4"), "inconsistent")
case("satellite-gwp", "an unknown GWP set", satellite([CO2], characterise="ar9"), "unknown_option")
case("satellite-origin", "an import factor for an origin the table does not have", satellite([CO2], [dict(IMP_CO2, origin="RoW")]), "unknown_label")
case("satellite-factor-stressor", "an import factor for an unknown stressor", satellite([CO2], [dict(IMP_CO2, stressor="CH4")]), "unknown_label")
case("satellite-factor-length", "an import factor with neither one value nor one per product", satellite([CO2], [dict(IMP_CO2, values=[1.0, 2.0, 3.0])]), "shape")
case("satellite-duplicate", "two stressors with one name", satellite([CO2, CO2]), "invalid_label")
case("calibrate-cover", "a calibration whose groups do not cover the sectors", {"calibrate": {"intensities": [1.0, 2.0], "output": [1.0, 1.0], "groups": ["energy", "other"], "totals": {"energy": 5.0}}}, "missing_data")
case("calibrate-empty-group", "a calibration total for a group with no emissions to scale", {"calibrate": {"intensities": [0.0, 2.0], "output": [1.0, 1.0], "groups": ["energy", "other"], "totals": {"energy": 5.0, "other": 1.0}}}, "infeasible")
case("calibrate-overflow", "a calibration total of 5 for a group whose emissions are 1e-320 (the factor overflows)", {"calibrate": {"intensities": [1e-320, 2.0], "output": [1.0, 1.0], "groups": ["energy", "other"], "totals": {"energy": 5.0, "other": 1.0}}}, "infeasible")
case("other-dataset", "an embedded dataset that does not exist", {"dataset": "atlantis"}, "unknown_option")

assert len({c["id"] for c in cases}) == len(cases)
# interregional tables: two regions of two sectors each
IR = {
    "format": "localecon-interregional", "version": 1, "name": "two regions",
    "regions": [{"name": "r", "sectors": ["a", "b"]}, {"name": "s", "sectors": ["a", "b"]}],
    "z": [[10.0, 20.0, 5.0, 5.0], [15.0, 10.0, 5.0, 10.0], [5.0, 5.0, 20.0, 10.0], [5.0, 5.0, 10.0, 20.0]],
    "final_demand": [
        {"label": "r households", "region": "r", "kind": "households", "values": [30.0, 30.0, 20.0, 20.0]},
        {"label": "s households", "region": "s", "kind": "households", "values": [20.0, 20.0, 30.0, 30.0]},
        {"label": "exports", "kind": "exports_rest_of_world", "values": [10.0, 10.0, 10.0, 10.0]},
    ],
    "primary_inputs": [{"label": "wages", "kind": "compensation", "values": [65.0, 60.0, 60.0, 55.0]}],
}


def ir(change=None, then=None):
    d = copy.deepcopy(IR)
    if change:
        change(d)
    spec = {"json": json.dumps(d)}
    if then:
        spec["then"] = then
    return {"interregional": spec}


case("ir-valid", "an interregional table of two regions, decomposed (control)", ir(), None)
case("ir-z-rows", "Z with a row fewer than the regions' sectors (blocks whose shapes disagree)", ir(lambda d: d["z"].pop()), "shape")
case("ir-z-ragged", "a Z row of the wrong length", ir(lambda d: d["z"][2].pop()), "shape")
case("ir-region-no-sectors", "a region without sectors", ir(lambda d: d["regions"].append({"name": "t", "sectors": []})), "invalid_label")
case("ir-duplicate-region", "two regions of the same name", ir(lambda d: d["regions"][1].update(name="r")), "invalid_label")
case("ir-duplicate-sector", "a (region, sector) label twice", ir(lambda d: d["regions"][0].update(sectors=["a", "a"])), "invalid_label")
case("ir-unknown-buyer", "final demand bought by a region that is not in the system", ir(lambda d: d["final_demand"][0].update(region="x")), "unknown_label")
case("ir-z-text", "a trade flow written as text", ir(lambda d: d["z"][2].__setitem__(1, "5")), "json", place="z[2][1]")
case("ir-negative", "a negative trade flow", ir(lambda d: d["z"][2].__setitem__(1, -5.0)), "negative")
case("ir-unbalanced", "a region's row that misses its output", ir(lambda d: d["final_demand"][0]["values"].__setitem__(0, 90.0)), "unbalanced")


def overdrawn(d, allow=False):
    """r/b buys 105 of its own product per 100 of output (subsidised): A_bb = 1.05."""
    d["z"][1][1] = 105.0
    d["final_demand"][0]["values"][1] = -65.0
    d["primary_inputs"].append({"label": "subsidies", "kind": "taxes_on_products", "values": [0.0, -95.0, 0.0, 0.0]})
    d["allow_purchases_above_output"] = allow


case("ir-purchases-above-output", "a column's purchases above its output (subsidised)", ir(overdrawn), "out_of_range")
case("ir-non-productive", "a system that cannot produce its own inputs (purchases above output allowed)", ir(lambda d: overdrawn(d, True)), "non_productive")
case("ir-extraction-unknown", "extraction of a region that is not in the system", ir(then="extraction_unknown"), "unknown_label")
case("ir-impact-short", "a final-demand change shorter than the system", ir(then="impact_short"), "shape")
case("ir-type-ii-control", "Type II with commuting between the two regions (control)", ir(then="type_ii_commuting"), None)
case("ir-type-ii-shares-above-one", "commuting shares of one region's wages that sum above 1", ir(then="type_ii_over"), "out_of_range")
case("ir-type-ii-shape", "a commuting matrix for three regions in a system of two", ir(then="type_ii_shape"), "shape")
case("ir-wrong-format", "a single-region table read as an interregional one", {"interregional": {"json": BASE_TEXT}}, "unsupported_version")
case("ir-dataset-unknown", "an embedded interregional dataset that does not exist", {"interregional_dataset": "england-2019"}, "unknown_option")
case("ir-three-region-council", "a three-region table for a council that is not one of Scotland's 32", {"interregional_dataset": "three-region-2019:Atlantis"}, "unknown_label")


def mc(assumptions, **extra):
    """A council Monte Carlo of Glasgow City (5 draws unless said)."""
    return {"uncertainty": {"council": "Glasgow City", "spec": dict({"assumptions": assumptions, "draws": 5, "seed": 1}, **extra)}}


case("mc-valid", "a Monte Carlo of Glasgow's table over delta (control)", mc({"delta": [0.2, 0.3]}), None)
case("mc-low-above-high", "a range whose low is above its high", mc({"delta": [0.3, 0.2]}), "invalid_input")
case("mc-delta-one", "delta drawn up to 1 (FLQ needs delta < 1)", mc({"delta": [0.2, 1.0]}), "out_of_range")
case("mc-share-above-one", "a resident share above 1", mc({"resident_share": [0.5, 1.1]}), "out_of_range")
case("mc-mode-outside", "a triangular mode outside its range", mc({"delta": [0.2, 0.35, 0.3]}), "invalid_input")
case("mc-zero-draws", "zero draws", mc({"delta": [0.2, 0.3]}, draws=0), "out_of_range")
case("mc-quantile-one", "a quantile of 1 (quantiles lie in (0, 1))", mc({"delta": [0.2, 0.3]}, quantiles=[0.5, 1.0]), "out_of_range", place="quantiles[1]")
case("mc-unknown-assumption", "an assumption the council table does not have", mc({"beta": [0.2, 0.3]}), "unknown_option")
case("mc-too-many-draws", "more draws than any call takes (10,000,000 > 1,000,000)", mc({"delta": [0.2, 0.3]}, draws=10_000_000), "too_large")
case("mc-four-values", "a distribution of four numbers", mc({"delta": [0.1, 0.2, 0.3, 0.4]}), "invalid_input", place="assumptions.delta")


TRIANGLES = {"n": 6, "source": [0, 1, 2, 3, 4, 5, 2], "target": [1, 2, 0, 4, 5, 3, 3], "weight": [1.0] * 7}


def cl(then="cluster", options=None, **graph):
    """A clustering call on two triangles joined by one flow (or the graph given)."""
    return {"clusters": dict(TRIANGLES, **graph, then=then, options=options or {})}


case("clusters-valid", "Leiden on two joined triangles (control)", cl(), None)
case("clusters-map-valid", "the map equation's optimiser on the same flows (control)", cl("map_equation"), None)
case("clusters-gamma-zero", "a resolution of 0", cl(options={"resolution": 0.0}), "out_of_range")
case("clusters-gamma-negative", "a negative resolution", cl(options={"resolution": -1.0}), "out_of_range")
case("clusters-zero-starts", "zero starts", cl(options={"starts": 0}), "out_of_range")
case("clusters-unknown-quality", "a quality that does not exist", cl(options={"quality": "conductance"}), "unknown_option")
case("clusters-empty", "a network of no nodes", cl(n=0, source=[], target=[], weight=[]), "empty")
case("clusters-edgeless", "three nodes and no flow", cl(n=3, source=[], target=[], weight=[]), "invalid_input")
case("clusters-one-node", "a network of one node (its only flow is to itself)", cl(n=1, source=[0], target=[0], weight=[2.0]), "invalid_input")
case("clusters-negative-flow", "a negative flow", cl(weight=[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, -0.5]), "negative")
case("clusters-node-outside", "a flow to node 9 of a network of 6", cl(target=[1, 2, 0, 4, 5, 3, 9]), "out_of_range")
case("clusters-partition-short", "a partition with 4 labels for 6 nodes", cl("modularity", membership=[0, 0, 1, 1]), "shape")
case("clusters-map-partition-short", "a map-equation partition with 4 labels for 6 nodes", cl("codelength", membership=[0, 0, 1, 1]), "shape")
case("clusters-teleport-one", "a teleportation probability of 1", cl("map_equation", walker={"teleportation": 1.0}), "out_of_range")
case("clusters-seed-fraction", "a seed of 1.5", cl(options={"seed": 1.5}), "out_of_range")
case("clusters-seed-negative", "a seed of −1", cl(options={"seed": -1}), "out_of_range")
case("clusters-option-of-another-call", "an option of a table's clusters (basis) given to a graph's", cl(options={"basis": "flows"}), "invalid_input")
case("clusters-walker-undirected-teleport", "a teleportation given to an undirected walker", cl("map_equation", walker={"undirected": True, "teleportation": 0.15}), "invalid_input")


out = Path(__file__).parent / "fixtures" / "catalogue" / "bad_inputs.json"
out.write_text(json.dumps({"name": "bad_inputs", "cases": cases}, indent=1, ensure_ascii=False) + "\n")
print(f"{len(cases)} cases, {sum(c['code'] is not None for c in cases)} of them errors")

page = Path(__file__).parent.parent / "docs" / "src" / "bad-inputs.md"
lines = [
    "# A catalogue of bad inputs",
    "",
    "Official tables arrive with rounding gaps, transposed layouts, powers-of-ten mistakes and",
    "broken files. localecon answers every bad input with a typed error that names the place",
    "and the value — the same code in Rust (`Error::code()`), Python (the exception's `code`)",
    "and JavaScript (the `Error`'s `code`) — and never panics, crashes the interpreter or",
    "returns NaN. These cases live in `tests/fixtures/catalogue/bad_inputs.json` and run in all three",
    "languages; the controls (code —) must succeed with finite results. Language-specific",
    "cases (Python dtypes and layouts, JavaScript array lengths, WebAssembly memory) are in",
    "the bindings' own tests. The audit (`table.audit()`) reports the subtler problems that",
    "are not errors: a transposed table, a column in other units, rounding gaps, a zero-output",
    "sector, an ill-conditioned system.",
    "",
    "Where a case gives the place of the value refused, the message names it in the same words",
    "in the three languages: keys joined by `.`, positions in brackets from 0",
    "(`spending[0].amount`), whether the value was refused while reading the input or by the",
    "core's checks after it. JavaScript spells the keys of its objects in camelCase",
    "(`spending[0].localShare`); a file's keys (`json` errors) are the file's own.",
    "",
    "| case | what | error code | place named |",
    "|---|---|---|---|",
]
for c in cases:
    code = ("`" + c["code"] + "`") if c["code"] else "—"
    place = ("`" + c["place"] + "`") if c.get("place") else ""
    lines.append(f"| `{c['id']}` | {c['what']} | {code} | {place} |")
page.write_text("\n".join(lines) + "\n")
