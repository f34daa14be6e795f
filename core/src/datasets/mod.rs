//! Embedded real tables and their attribution.
//!
//! | name | what |
//! |---|---|
//! | `scotland-2019` | Scottish Government IxI table 2019, 98 industries (the default) |
//! | `scotland-2019-sections` | the same table summed to the 20 SIC 2007 sections A–T |
//! | `glasgow-2019` | Glasgow City 2019, regionalised from Scotland 2019 by FLQ (δ = 0.3) with BRES 2019 employment |
//! | `miller-blair-2sector` | the two-sector teaching example of Miller & Blair (2009, §2.3) |
//!
//! The Scottish tables are Crown copyright, published under the Open Government Licence
//! v3.0; show [`SCOTLAND_2019_ATTRIBUTION`] wherever results from them are used. Household
//! closure as the Scottish Government publishes Type II results: compensation of employees as
//! household income, household consumption divided by total household income £156,241 m.

mod satellite;

pub use satellite::{
    GLASGOW_RESIDENTS_2019, SCOTLAND_2019_GHG_ASSUMPTIONS, SCOTLAND_RESIDENTS_2019,
    UK_2019_GHG_ATTRIBUTION, UK_RESIDENTS_2019,
};
#[cfg(feature = "embedded-data")]
pub use satellite::{glasgow_2019_satellite, scotland_2019_satellite};

use crate::error::{Error, Result};
use crate::interchange::read_csv;
use crate::table::{
    FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, RegionalTable, Sector,
    TableParts,
};

/// The attribution line required by the Open Government Licence for the Scottish tables.
pub const SCOTLAND_2019_ATTRIBUTION: &str = "Contains public sector information licensed under the Open Government Licence v3.0. Source: Scottish Government, Input-Output Tables 1998-2019.";

#[cfg(feature = "embedded-data")]
const SCOTLAND_2019_CSV: &str = include_str!("../../data/scotland_2019.csv");
#[cfg(feature = "embedded-data")]
const SCOTLAND_2019_SECTIONS_CSV: &str = include_str!("../../data/scotland_2019_sections.csv");
#[cfg(feature = "embedded-data")]
const SCOTLAND_2019_IMPORTS_CSV: &str =
    include_str!("../../data/scotland_2019_imports_by_product.csv");
#[cfg(feature = "embedded-data")]
const SCOTLAND_2019_FTE_CSV: &str = include_str!("../../data/scotland_2019_fte.csv");
/// UK 2019 greenhouse-gas intensities by the 98 industries.
#[cfg(feature = "embedded-data")]
const UK_2019_GHG_CSV: &str = include_str!("../../data/uk_2019_ghg_by_ioc098.csv");
/// UK 2019 households' direct greenhouse-gas emissions by gas.
#[cfg(feature = "embedded-data")]
const UK_2019_GHG_HOUSEHOLDS_CSV: &str = include_str!("../../data/uk_2019_ghg_households.csv");
#[cfg(feature = "embedded-data")]
const SIC_TO_IOC098_CSV: &str = include_str!("../../data/sic2007_to_ioc098.csv");
#[cfg(feature = "embedded-data")]
const BRES_SCOTLAND_SUBCLASS_CSV: &str = include_str!("../../data/bres_2019_scotland_subclass.csv");
#[cfg(feature = "embedded-data")]
const BRES_GLASGOW_DIVISION_CSV: &str = include_str!("../../data/bres_2019_glasgow_division.csv");

/// The attribution line for BRES employment (ONS, via Nomis, Open Government Licence v3.0).
pub const BRES_2019_ATTRIBUTION: &str = "Source: ONS Business Register and Employment Survey 2019 (Nomis). Contains public sector information licensed under the Open Government Licence v3.0.";

/// The employment unit of the Scottish tables: full-time equivalents, as the Scottish
/// Government's published employment effects imply them.
pub const SCOTLAND_2019_FTE_UNIT: &str =
    "FTE (Scottish Government 2019, implied by the published employment effects)";

/// The names of the embedded datasets, for [`by_name`].
pub const NAMES: &[&str] = &[
    "scotland-2019",
    "scotland-2019-sections",
    "glasgow-2019",
    "miller-blair-2sector",
];

/// The raw files the embedded datasets are built from (the files in `core/data/`, as text).
/// The Rust crate embeds them ([`Sources::embedded`]); the npm package ships them in its
/// data entry point and builds the datasets with the same code, so every language gets the
/// same tables to the last bit.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    /// `scotland_2019.csv`: the 98-industry table in the labelled CSV layout.
    pub scotland_2019: String,
    /// `scotland_2019_sections.csv`: the same summed to the 20 SIC sections.
    pub scotland_2019_sections: String,
    /// `scotland_2019_imports_by_product.csv`: imports by product and origin.
    pub scotland_2019_imports_by_product: String,
    /// `scotland_2019_fte.csv`: full-time-equivalent employment by industry.
    pub scotland_2019_fte: String,
    /// `sic2007_to_ioc098.csv`: SIC 2007 subclass → IOC098 industry.
    pub sic2007_to_ioc098: String,
    /// `bres_2019_scotland_subclass.csv`: BRES 2019 jobs in Scotland by SIC subclass.
    pub bres_2019_scotland_subclass: String,
    /// `bres_2019_glasgow_division.csv`: BRES 2019 jobs in Glasgow City by SIC division.
    pub bres_2019_glasgow_division: String,
    /// `uk_2019_ghg_by_ioc098.csv`: UK 2019 greenhouse-gas intensities (direct and UK Type I)
    /// by gas and Scottish industry.
    pub uk_2019_ghg_by_ioc098: String,
    /// `uk_2019_ghg_households.csv`: UK 2019 households' direct emissions by gas.
    pub uk_2019_ghg_households: String,
}

#[cfg(feature = "embedded-data")]
impl Sources {
    /// The files embedded in the crate.
    #[must_use]
    pub fn embedded() -> Self {
        Self {
            scotland_2019: SCOTLAND_2019_CSV.into(),
            scotland_2019_sections: SCOTLAND_2019_SECTIONS_CSV.into(),
            scotland_2019_imports_by_product: SCOTLAND_2019_IMPORTS_CSV.into(),
            scotland_2019_fte: SCOTLAND_2019_FTE_CSV.into(),
            sic2007_to_ioc098: SIC_TO_IOC098_CSV.into(),
            bres_2019_scotland_subclass: BRES_SCOTLAND_SUBCLASS_CSV.into(),
            bres_2019_glasgow_division: BRES_GLASGOW_DIVISION_CSV.into(),
            uk_2019_ghg_by_ioc098: UK_2019_GHG_CSV.into(),
            uk_2019_ghg_households: UK_2019_GHG_HOUSEHOLDS_CSV.into(),
        }
    }
}

fn source_error(file: &str, message: impl std::fmt::Display) -> Error {
    Error::Csv {
        location: crate::error::Location::Field(file.into()),
        message: message.to_string(),
    }
}

/// Rows of a CSV source after `#` comments and the header (fields may be quoted, e.g.
/// `"02.1, 02.4"`), each with at least `min_fields` fields.
fn records(text: &str, file: &str, min_fields: usize) -> Result<Vec<csv::StringRecord>> {
    let mut out = Vec::new();
    for r in csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
        .records()
    {
        let r = r.map_err(|e| source_error(file, e))?;
        if r.len() < min_fields {
            return Err(source_error(file, format!("a row with {} fields", r.len())));
        }
        out.push(r);
    }
    Ok(out)
}

/// `k` columns of numbers after a code column, one row per sector of `table` (in any
/// order), as `k` vectors in the table's sector order.
fn columns_by_sector(
    text: &str,
    file: &str,
    table: &RegionalTable,
    k: usize,
) -> Result<Vec<Vec<f64>>> {
    let n = table.n();
    let mut values = vec![vec![0.0; n]; k];
    let mut seen = vec![false; n];
    for r in records(text, file, 1 + k)? {
        let i = table.sector_index(&r[0])?;
        if std::mem::replace(&mut seen[i], true) {
            return Err(source_error(file, format!("a second row for {:?}", &r[0])));
        }
        for (c, column) in values.iter_mut().enumerate() {
            column[i] = number(&r[1 + c], file)?;
        }
    }
    if let Some(i) = seen.iter().position(|s| !s) {
        return Err(Error::MissingData {
            what: format!("{file}: no row for {}", table.sectors()[i].code),
        });
    }
    Ok(values)
}

fn number(text: &str, file: &str) -> Result<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| source_error(file, format!("{text:?} is not a finite number")))
}

impl Sources {
    /// The SIC 2007 subclass → Scottish IOC098 industry lookup, restricted to the industries
    /// of the table (SIC 98/99, households' own production and extraterritorial bodies, have
    /// no industry there). BRES's `01000` (DEFRA/Scottish Government agricultural data) is
    /// linked to agriculture.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file.
    pub fn sic2007_to_ioc098(
        &self,
        table_codes: &[String],
    ) -> Result<crate::regionalize::Concordance> {
        let mut c = crate::regionalize::Concordance::new();
        for r in records(&self.sic2007_to_ioc098, "sic2007_to_ioc098.csv", 2)? {
            if table_codes.iter().any(|t| t == &r[1]) {
                c.link(&r[0], &r[1], 1.0);
            }
        }
        c.link("01000", "01", 1.0);
        Ok(c)
    }

    /// BRES 2019 employment (jobs: employees and working owners) by the industries of
    /// `scotland` (the 98-industry table): `(scotland, glasgow_city)`. Scotland: BRES by SIC
    /// subclass, mapped with [`Sources::sic2007_to_ioc098`]. Glasgow City: BRES by SIC
    /// division (the finest published for council areas), each division split across its
    /// industries in proportion to Scotland's employment in them. Imputed rent has no
    /// employment. Source: [`BRES_2019_ATTRIBUTION`].
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; the errors of [`crate::regionalize::Concordance::apply`].
    pub fn bres_2019_employment(&self, scotland: &RegionalTable) -> Result<(Vec<f64>, Vec<f64>)> {
        let codes: Vec<String> = scotland.sectors().iter().map(|s| s.code.clone()).collect();
        let subclass = self.sic2007_to_ioc098(&codes)?;
        let file = "bres_2019_scotland_subclass.csv";
        let mut scotland_values = Vec::new();
        for r in records(&self.bres_2019_scotland_subclass, file, 2)? {
            if subclass.targets(&r[0]).is_some() {
                scotland_values.push((r[0].to_string(), number(&r[1], file)?));
            }
        }
        let national = subclass.apply(&scotland_values, &codes)?;
        let mut division = crate::regionalize::Concordance::new();
        for (sic, value) in &scotland_values {
            for (ioc, _) in subclass.targets(sic).unwrap_or(&[]) {
                division.link(sic.get(..2).unwrap_or(sic), ioc.clone(), *value);
            }
        }
        let file = "bres_2019_glasgow_division.csv";
        let mut glasgow_values = Vec::new();
        for r in records(&self.bres_2019_glasgow_division, file, 2)? {
            if division.targets(&r[0]).is_some() {
                glasgow_values.push((r[0].to_string(), number(&r[1], file)?));
            }
        }
        let regional = division.apply(&glasgow_values, &codes)?;
        Ok((national, regional))
    }

    /// Scotland's imports of each of the 98 products in 2019 from the rest of the UK
    /// (`RUKImp`) and the rest of the world (`RoWImp`), over all uses: the Scottish
    /// Government's imports detail ("other imports"; residents' spending abroad is household
    /// consumption and left out), in the sector order of `scotland`.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; [`Error::UnknownLabel`] for a product that is no
    /// sector of `scotland`; [`Error::MissingData`] for a sector without a row.
    pub fn scotland_2019_product_imports(
        &self,
        scotland: &RegionalTable,
    ) -> Result<Vec<crate::regionalize::ProductImports>> {
        let file = "scotland_2019_imports_by_product.csv";
        let values = columns_by_sector(&self.scotland_2019_imports_by_product, file, scotland, 2)?;
        let [rukimp, rowimp]: [Vec<f64>; 2] = values.try_into().expect("two columns read");
        Ok(vec![
            crate::regionalize::ProductImports {
                origin: "RUKImp".into(),
                values: rukimp,
            },
            crate::regionalize::ProductImports {
                origin: "RoWImp".into(),
                values: rowimp,
            },
        ])
    }

    /// Scotland's full-time-equivalent employment by industry in 2019, in the sector order of
    /// `scotland`: the vector the Scottish Government's published employment effects imply
    /// (`e = E·(I − A)`, FTE `= e·x`; it reproduces the published Type I and Type II effects).
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; [`Error::UnknownLabel`] for an industry that is no
    /// sector of `scotland`; [`Error::MissingData`] for a sector without a row.
    pub fn scotland_2019_fte(&self, scotland: &RegionalTable) -> Result<Vec<f64>> {
        let mut values = columns_by_sector(
            &self.scotland_2019_fte,
            "scotland_2019_fte.csv",
            scotland,
            1,
        )?;
        Ok(values.remove(0))
    }

    /// Scotland 2019, 98 industries, with full-time-equivalent employment
    /// ([`Sources::scotland_2019_fte`]) and imports by product and buyer estimated by import
    /// proportionality ([`crate::regionalize::import_use_from_products`]).
    ///
    /// # Errors
    ///
    /// The errors of reading the sources.
    pub fn scotland_2019(&self) -> Result<RegionalTable> {
        let table = read_csv(&self.scotland_2019)?;
        let products = self.scotland_2019_product_imports(&table)?;
        let import_use = crate::regionalize::import_use_from_products(&table, &products)?;
        let fte = self.scotland_2019_fte(&table)?;
        let mut parts = table.into_parts();
        parts.import_use = Some(import_use);
        parts.employment = Some(crate::table::Employment {
            unit: SCOTLAND_2019_FTE_UNIT.into(),
            values: fte,
        });
        RegionalTable::new(parts)
    }

    /// Scotland 2019 summed to the 20 SIC 2007 sections, with the 98-industry table's imports
    /// by product and buyer summed to sections.
    ///
    /// # Errors
    ///
    /// The errors of reading the sources.
    pub fn scotland_2019_sections(&self) -> Result<RegionalTable> {
        let table = read_csv(&self.scotland_2019_sections)?;
        let industries = self.scotland_2019()?;
        // the section of each industry, as an index into the sections table
        let section = industries
            .sectors()
            .iter()
            .map(|s| {
                let letter = crate::regionalize::sic_section(&s.code).ok_or_else(|| {
                    Error::UnknownLabel {
                        what: "industry code (no SIC division)".into(),
                        label: s.code.clone(),
                    }
                })?;
                table.sector_index(&letter.to_string())
            })
            .collect::<Result<Vec<_>>>()?;
        let (n, m) = (industries.n(), table.n());
        let mut import_use = industries
            .import_use()
            .ok_or_else(|| Error::MissingData {
                what: "imports by product of the 98 industries".into(),
            })?
            .clone();
        for b in &mut import_use.blocks {
            let mut values = vec![0.0; m * m];
            for i in 0..n {
                for j in 0..n {
                    values[section[i] * m + section[j]] += b.values[i * n + j];
                }
            }
            b.values = values;
        }
        let mut fte = vec![0.0; m];
        if let Some(e) = industries.employment() {
            for (i, v) in e.values.iter().enumerate() {
                fte[section[i]] += v;
            }
        }
        let mut parts = table.into_parts();
        parts.employment = Some(crate::table::Employment {
            unit: SCOTLAND_2019_FTE_UNIT.into(),
            values: fte,
        });
        let table = RegionalTable::new(parts)?;
        table.with_import_use(import_use)
    }

    /// Glasgow City 2019: Scotland 2019 regionalised by FLQ (δ = 0.3) with BRES 2019
    /// employment ([`glasgow_2019_options`]).
    ///
    /// # Errors
    ///
    /// The errors of reading the sources and of [`crate::regionalize::regionalize`].
    pub fn glasgow_2019(&self) -> Result<RegionalTable> {
        let scotland = self.scotland_2019()?;
        let (national, regional) = self.bres_2019_employment(&scotland)?;
        crate::regionalize::regionalize(&scotland, &national, &regional, &glasgow_2019_options())
    }

    /// A dataset by name (see [`NAMES`]), built from these sources.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for a name not in [`NAMES`]; the errors of reading the sources.
    pub fn build(&self, name: &str) -> Result<RegionalTable> {
        match name {
            "scotland-2019" => self.scotland_2019(),
            "scotland-2019-sections" => self.scotland_2019_sections(),
            "glasgow-2019" => self.glasgow_2019(),
            "miller-blair-2sector" => Ok(miller_blair_2sector()),
            other => Err(unknown_dataset(other)),
        }
    }
}

fn unknown_dataset(name: &str) -> Error {
    Error::UnknownOption {
        what: "dataset".into(),
        value: name.into(),
        expected: NAMES.join(", "),
    }
}

#[cfg(feature = "embedded-data")]
/// The SIC 2007 subclass → Scottish IOC098 industry lookup of [`Sources::sic2007_to_ioc098`],
/// from the embedded files.
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn sic2007_to_ioc098(table_codes: &[String]) -> crate::regionalize::Concordance {
    Sources::embedded()
        .sic2007_to_ioc098(table_codes)
        .expect("embedded lookup is valid")
}

#[cfg(feature = "embedded-data")]
/// BRES 2019 employment by the 98 industries of the Scotland 2019 table:
/// `(scotland, glasgow_city)` ([`Sources::bres_2019_employment`] of the embedded files).
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn bres_2019_employment() -> (Vec<f64>, Vec<f64>) {
    Sources::embedded()
        .bres_2019_employment(&scotland_2019())
        .expect("embedded employment is valid")
}

/// The options the embedded Glasgow table is built with: FLQ, δ = 0.3.
#[must_use]
pub fn glasgow_2019_options() -> crate::regionalize::RegionalizeOptions {
    crate::regionalize::RegionalizeOptions {
        name: "Glasgow City 2019".into(),
        method: crate::regionalize::LqMethod::Flq,
        delta: crate::regionalize::DEFAULT_DELTA,
        employment_unit: "jobs (BRES 2019 employment)".into(),
        ..Default::default()
    }
}

#[cfg(feature = "embedded-data")]
/// Glasgow City 2019: [`scotland_2019`] regionalised by FLQ (δ = 0.3) with
/// [`bres_2019_employment`]. Every step is in the book's regionalisation page and can be
/// repeated from Python and JavaScript with the same inputs.
///
/// # Panics
///
/// Never in a released build: the construction is tested.
#[must_use]
pub fn glasgow_2019() -> RegionalTable {
    Sources::embedded()
        .glasgow_2019()
        .expect("embedded Glasgow regionalisation is valid")
}

#[cfg(feature = "embedded-data")]
/// Scotland's imports by product of [`Sources::scotland_2019_product_imports`], from the
/// embedded files.
///
/// # Panics
///
/// Never in a released build: the embedded file is validated by the crate's tests.
#[must_use]
pub fn scotland_2019_product_imports() -> Vec<crate::regionalize::ProductImports> {
    Sources::embedded()
        .scotland_2019_product_imports(&read_csv(SCOTLAND_2019_CSV).expect("embedded table"))
        .expect("embedded imports by product are valid")
}

#[cfg(feature = "embedded-data")]
/// Scotland 2019, 98 industries, £ million (Scottish Government, OGL v3.0), with imports by
/// product and buyer estimated from [`scotland_2019_product_imports`] by import
/// proportionality ([`crate::regionalize::import_use_from_products`]).
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn scotland_2019() -> RegionalTable {
    Sources::embedded()
        .scotland_2019()
        .expect("embedded Scotland 2019 table is valid")
}

#[cfg(feature = "embedded-data")]
/// Scotland 2019 summed to the 20 SIC 2007 sections (derived from the 98-industry table), with
/// the 98-industry table's imports by product and buyer summed to sections.
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn scotland_2019_sections() -> RegionalTable {
    Sources::embedded()
        .scotland_2019_sections()
        .expect("embedded Scotland 2019 sections table is valid")
}

#[cfg(feature = "embedded-data")]
/// The embedded Scotland 2019 table in the labelled CSV layout, as shipped.
#[must_use]
pub fn scotland_2019_csv() -> &'static str {
    SCOTLAND_2019_CSV
}

/// The two-sector example of Miller & Blair (2009, §2.3): `Z = [[150, 500], [200, 100]]`,
/// final demand `[350, 1700]`, so `x = [1000, 2000]`. Value added is entered as
/// compensation.
///
/// # Panics
///
/// Never: the table is a constant.
#[must_use]
pub fn miller_blair_2sector() -> RegionalTable {
    let sectors = vec![
        Sector {
            code: "s1".into(),
            name: "Sector 1".into(),
        },
        Sector {
            code: "s2".into(),
            name: "Sector 2".into(),
        },
    ];
    let mut parts = TableParts::new(
        "Miller & Blair two-sector example",
        sectors,
        vec![150.0, 500.0, 200.0, 100.0],
    );
    parts.source =
        Some("Miller, R. E. & Blair, P. D. (2009) Input-Output Analysis, 2nd ed., §2.3".into());
    parts.final_demand.push(FinalDemandColumn {
        label: "f".into(),
        kind: FinalDemandKind::Other,
        values: vec![350.0, 1700.0],
    });
    parts.primary_inputs.push(PrimaryInputRow {
        label: "va".into(),
        kind: PrimaryInputKind::Compensation,
        values: vec![650.0, 1400.0],
    });
    RegionalTable::new(parts).expect("constant table is valid")
}

/// An embedded table by name (see [`NAMES`]).
///
/// # Errors
///
/// [`Error::UnknownOption`] for a name not in [`NAMES`] (or, without the `embedded-data`
/// feature, any name but `miller-blair-2sector`).
pub fn by_name(name: &str) -> Result<RegionalTable> {
    match name {
        #[cfg(feature = "embedded-data")]
        "scotland-2019" | "scotland-2019-sections" | "glasgow-2019" => {
            Sources::embedded().build(name)
        }
        "miller-blair-2sector" => Ok(miller_blair_2sector()),
        other => Err(unknown_dataset(other)),
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_load_with_their_attribution() {
        let s = scotland_2019();
        assert_eq!(s.n(), 98);
        assert_eq!(s.final_demand().len(), 10);
        assert!(s.source().unwrap().contains("Open Government Licence v3.0"));
        assert_eq!(s.household_closure().household_income, Some(156_241.0));
        let t = scotland_2019_sections();
        assert_eq!(t.n(), 20);
        assert_eq!(t.sectors()[19].code, "T");
    }

    #[test]
    fn totals_match_source_md() {
        let s = scotland_2019();
        let output: f64 = s.output().iter().sum();
        assert!((output - 268_340.0).abs() < 1.0, "{output}");
        let coe: f64 = (0..98)
            .map(|j| s.primary_input_total(PrimaryInputKind::Compensation, j))
            .sum();
        assert!((coe - 84_040.0).abs() < 1.0, "{coe}");
    }

    #[test]
    fn glasgow_employment_and_table() {
        let (scotland, glasgow) = bres_2019_employment();
        // BRES 2019: 2,601,890 jobs in Scotland, 420,680 in Glasgow City
        assert!(
            (scotland.iter().sum::<f64>() - 2_601_890.0).abs() < 1e-6,
            "{}",
            scotland.iter().sum::<f64>()
        );
        assert!((glasgow.iter().sum::<f64>() - 420_680.0).abs() < 1e-6);
        let g = glasgow_2019();
        assert_eq!(g.n(), 98);
        assert!(g.source().unwrap().contains("FLQ"));
        let ratio = g.output().iter().sum::<f64>() / scotland_2019().output().iter().sum::<f64>();
        assert!(ratio > 0.12 && ratio < 0.25, "{ratio}");
    }

    #[test]
    fn scotland_carries_the_fte_the_published_effects_imply() {
        // ../shared/data/scotland_fte_2019_derived: 2,343,596 FTE in 2019
        for t in [scotland_2019(), scotland_2019_sections()] {
            let e = t.employment().unwrap();
            assert_eq!(e.unit, SCOTLAND_2019_FTE_UNIT);
            let total: f64 = e.values.iter().sum();
            assert!((total - 2_343_596.0).abs() < 1.0, "{total}");
        }
        let m = crate::Multipliers::new(&scotland_2019()).unwrap();
        let e = m.employment.unwrap();
        // published: agriculture 12.481377547380141 (Type I), 13.539761961875971 (Type II) FTE per £1m
        assert!((e.type_i[0] / 12.481_377_547_380_141 - 1.0).abs() < 1e-6);
        assert!((e.type_ii.unwrap()[0] / 13.539_761_961_875_971 - 1.0).abs() < 1e-6);
    }

    #[test]
    fn broken_sources_are_typed_errors() {
        let good = Sources::embedded();
        let break_fte = |from: &str, to: &str| {
            let mut s = good.clone();
            s.scotland_2019_fte = s.scotland_2019_fte.replacen(from, to, 1);
            s.build("scotland-2019").unwrap_err().code()
        };
        assert_eq!(break_fte("01,32823.70559169688", "01,NaN"), "csv");
        assert_eq!(break_fte("01,32823.70559169688", "02.2-3,1"), "csv"); // a second row
        assert_eq!(break_fte("01,32823.70559169688\n", ""), "missing_data");
        assert_eq!(break_fte("01,32823.70559169688", "zz,1"), "unknown_label");
    }

    #[test]
    fn unknown_dataset_names_the_choices() {
        let e = by_name("glasgow").unwrap_err();
        assert_eq!(e.code(), "unknown_option");
        assert!(e.to_string().contains("scotland-2019-sections"));
    }
}
