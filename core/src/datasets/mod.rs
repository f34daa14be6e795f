//! Embedded real tables and their attribution.
//!
//! | name | what |
//! |---|---|
//! | `scotland-2019` | Scottish Government IxI table 2019, 98 industries (the default) |
//! | `scotland-2019-sections` | the same table summed to the 20 SIC 2007 sections A–T |
//! | `glasgow-2019` | Glasgow City 2019, regionalised from Scotland 2019 by FLQ (δ = 0.3) with BRES 2019 employment, 2011 census commuting and the ownership assumption (the same as `scotland-council-2019:glasgow-city`) |
//! | `scotland-council-2019:<council>` | each of Scotland's 32 council areas, built the same way ([`Sources::council_2019`]; names from [`Sources::council_names`]; all at once in [`Sources::scotland_council_atlas`]; checked against ONS regional accounts by [`Sources::gva_validation`] and [`Sources::commuting_cross_check`]) |
//! | `scotland-ruk-2019` | an interregional table ([`Sources::scotland_ruk_2019`], [`scotland_ruk_2019`]): Scotland and the rest of the UK at the 20 SIC sections, by double entry from the ONS UK table and the Scottish table |
//! | `scotland-councils-2019` | an interregional table ([`Sources::scotland_council_system_2019`]): Scotland's 32 council areas as one system of 3,136 entries, trade between councils from what each buys from the rest of Scotland |
//! | `miller-blair-2sector` | the two-sector teaching example of Miller & Blair (2009, §2.3) |
//!
//! The Scottish tables are Crown copyright, published under the Open Government Licence
//! v3.0; show [`SCOTLAND_2019_ATTRIBUTION`] wherever results from them are used. Household
//! closure as the Scottish Government publishes Type II results: compensation of employees as
//! household income, household consumption divided by total household income £156,241 m.

mod australia;
mod council_ruk;
mod council_system;
mod councils;
mod embedded;
mod read;
mod satellite;
mod two_region;
mod validation;

pub use australia::{
    AUSTRALIA_115_PREFIX, AUSTRALIA_2021_ATTRIBUTION, AUSTRALIA_PREFIX, LGA_ASSUMPTIONS,
    LgaEmployment, lga_options,
};
pub use embedded::*;
use read::{columns_by_sector, number, records, source_error};

pub use council_ruk::{COUNCILS_RUK_ASSUMPTIONS, REST_OF_SCOTLAND, THREE_REGION_PREFIX};
pub use council_system::{COUNCIL_SYSTEM_ASSUMPTIONS, UNALLOCATED_REST_OF_NATION};
pub use councils::{
    CENSUS_2011_ATTRIBUTION, COUNCIL_ASSUMPTIONS, COUNCIL_DEFAULT_RANGES, COUNCIL_PREFIX,
    COUNCIL_UNCERTAIN_ASSUMPTIONS, COUNCIL_UNCERTAIN_INDICATORS, CouncilCommuting,
    OUTSIDE_OWNED_PROFIT_SHARE, council_dataset_name,
};

pub use satellite::{
    GLASGOW_RESIDENTS_2019, SCOTLAND_2019_GHG_ASSUMPTIONS, SCOTLAND_RESIDENTS_2019,
    UK_2019_GHG_ATTRIBUTION, UK_RESIDENTS_2019,
};
#[cfg(feature = "embedded-data")]
pub use satellite::{glasgow_2019_satellite, scotland_2019_satellite};
pub use two_region::{
    BuildReport, Classification, ClippedCell, INTERREGIONAL_NAMES, InterregionalBuild, REST_OF_UK,
    SCOTLAND, SCOTLAND_RUK_ASSUMPTIONS, SCOTLAND_RUK_ATTRIBUTION, TwoRegionOptions,
};
pub use validation::{
    CommutingCheck, GvaComparison, GvaValidation, Itl3Area, MethodErrors, ONS_REGIONAL_ATTRIBUTION,
    RegionalisationValidation, SectionShare, VALIDATION_DELTAS,
};

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
/// Census 2011 travel to work between Scotland's councils and the rest of the UK.
#[cfg(feature = "embedded-data")]
const COUNCIL_OD_CSV: &str = include_str!("../../data/census_2011_council_od.csv");
/// BRES 2019 jobs of the UK and of Scotland by SIC division.
#[cfg(feature = "embedded-data")]
const BRES_UK_SCOTLAND_CSV: &str = include_str!("../../data/bres_2019_uk_scotland_division.csv");
/// The UK 2019 table summed to the 20 SIC sections.
#[cfg(feature = "embedded-data")]
const UK_2019_SECTIONS_CSV: &str = include_str!("../../data/uk_2019_sections.csv");
/// The UK 2019 table summed to the 94 groups it shares with the Scottish 98 industries.
#[cfg(feature = "embedded-data")]
const UK_2019_SHARED_CSV: &str = include_str!("../../data/uk_2019_shared.csv");
/// The shared group of each Scottish industry.
#[cfg(feature = "embedded-data")]
const IOC098_SHARED_CSV: &str = include_str!("../../data/ioc098_shared.csv");
/// Scotland's 2019 purchases from the rest of the UK by final-use column.
#[cfg(feature = "embedded-data")]
const SCOTLAND_RUK_FINAL_CSV: &str =
    include_str!("../../data/scotland_2019_ruk_purchases_by_final_use.csv");
#[cfg(feature = "embedded-data")]
const SIC_TO_IOC098_CSV: &str = include_str!("../../data/sic2007_to_ioc098.csv");
#[cfg(feature = "embedded-data")]
const BRES_SCOTLAND_SUBCLASS_CSV: &str = include_str!("../../data/bres_2019_scotland_subclass.csv");
#[cfg(feature = "embedded-data")]
const BRES_COUNCIL_DIVISION_CSV: &str = include_str!("../../data/bres_2019_council_division.csv");
#[cfg(feature = "embedded-data")]
const COUNCIL_COMMUTING_CSV: &str = include_str!("../../data/census_2011_council_commuting.csv");
#[cfg(feature = "embedded-data")]
const SURPLUS_BY_INDUSTRY_CSV: &str =
    include_str!("../../data/ons_2019_scotland_surplus_by_industry.csv");
#[cfg(feature = "embedded-data")]
const ITL3_CSV: &str = include_str!("../../data/ons_scotland_itl3.csv");
#[cfg(feature = "embedded-data")]
const AUSTRALIA_CSV: &str = include_str!("../../data/australia_2021_22.csv");
#[cfg(feature = "embedded-data")]
const AUSTRALIA_LGA_CSV: &str = include_str!("../../data/australia_2021_lga_employment.csv");
#[cfg(feature = "embedded-data")]
const AUSTRALIA_115_CSV: &str = include_str!("../../data/australia_2021_22_115.csv");

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
    "australia-2021",
    "australia-2021-115",
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
    /// `bres_2019_council_division.csv`: BRES 2019 jobs in each of the 32 council areas by
    /// SIC division.
    pub bres_2019_council_division: String,
    /// `census_2011_council_commuting.csv`: travel to work per council area (2011 census).
    pub census_2011_council_commuting: String,
    /// `ons_2019_scotland_surplus_by_industry.csv`: Scotland's 2019 operating surplus by
    /// recipient (mixed income, rent, profits, …) per industry group.
    pub ons_2019_scotland_surplus_by_industry: String,
    /// `ons_scotland_itl3.csv`: Scotland's ITL3 areas as unions of whole councils, with ONS
    /// balanced GVA 2019 by section group and resident over workplace compensation 2018.
    pub ons_scotland_itl3: String,
    /// `australia_2021_22.csv`: the ABS national table 2021-22 at the 19 ANZSIC divisions.
    pub australia_2021_22: String,
    /// `australia_2021_lga_employment.csv`: census 2021 employment by LGA of work and of those
    /// who live and work in the same LGA, by division.
    pub australia_2021_lga_employment: String,
    /// `australia_2021_22_115.csv`: the same national table at 115 IOIG industries.
    pub australia_2021_22_115: String,
    /// `uk_2019_ghg_by_ioc098.csv`: UK 2019 greenhouse-gas intensities (direct and UK Type I)
    /// by gas and Scottish industry.
    pub uk_2019_ghg_by_ioc098: String,
    /// `uk_2019_ghg_households.csv`: UK 2019 households' direct emissions by gas.
    pub uk_2019_ghg_households: String,
    /// `uk_2019_sections.csv`: the ONS UK 2019 table (domestic use, basic prices) summed to
    /// the 20 SIC sections.
    pub uk_2019_sections: String,
    /// `uk_2019_shared.csv`: the same UK table summed to the 94 groups it shares with the
    /// Scottish 98 industries (the connected components of the ONS IOAT 105 → IOC098
    /// concordance).
    pub uk_2019_shared: String,
    /// `ioc098_shared.csv`: the shared group of each Scottish industry.
    pub ioc098_shared: String,
    /// `scotland_2019_ruk_purchases_by_final_use.csv`: Scotland's purchases from the rest of
    /// the UK by final-use column (the `RUKImp` row of the 2019 table).
    pub scotland_2019_ruk_purchases_by_final_use: String,
    /// `census_2011_council_od.csv`: 2011 census travel to work between the 32 council areas
    /// and the rest of the UK (rows residence, columns workplace).
    pub census_2011_council_od: String,
    /// `bres_2019_uk_scotland_division.csv`: BRES 2019 jobs of the UK and of Scotland by SIC
    /// division (the regionalisation validation).
    pub bres_2019_uk_scotland_division: String,
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
            bres_2019_council_division: BRES_COUNCIL_DIVISION_CSV.into(),
            census_2011_council_commuting: COUNCIL_COMMUTING_CSV.into(),
            ons_2019_scotland_surplus_by_industry: SURPLUS_BY_INDUSTRY_CSV.into(),
            ons_scotland_itl3: ITL3_CSV.into(),
            australia_2021_22: AUSTRALIA_CSV.into(),
            australia_2021_lga_employment: AUSTRALIA_LGA_CSV.into(),
            australia_2021_22_115: AUSTRALIA_115_CSV.into(),
            uk_2019_ghg_by_ioc098: UK_2019_GHG_CSV.into(),
            uk_2019_ghg_households: UK_2019_GHG_HOUSEHOLDS_CSV.into(),
            uk_2019_sections: UK_2019_SECTIONS_CSV.into(),
            uk_2019_shared: UK_2019_SHARED_CSV.into(),
            ioc098_shared: IOC098_SHARED_CSV.into(),
            scotland_2019_ruk_purchases_by_final_use: SCOTLAND_RUK_FINAL_CSV.into(),
            census_2011_council_od: COUNCIL_OD_CSV.into(),
            bres_2019_uk_scotland_division: BRES_UK_SCOTLAND_CSV.into(),
        }
    }
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
        self.council_employment(scotland, "Glasgow City")
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

    /// Glasgow City 2019: the council table of Glasgow City ([`Sources::council_2019`]), with
    /// its commuting and ownership leaks.
    ///
    /// # Errors
    ///
    /// The errors of reading the sources and of [`crate::regionalize::regionalize`].
    pub fn glasgow_2019(&self) -> Result<RegionalTable> {
        self.council_2019("Glasgow City")
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
            "australia-2021" => self.australia_2021(),
            "australia-2021-115" => self.australia_2021_115(),
            other if other.starts_with(AUSTRALIA_115_PREFIX) => {
                self.australia_lga_2021_115(&other[AUSTRALIA_115_PREFIX.len()..])
            }
            other if other.starts_with(COUNCIL_PREFIX) => self.council_2019(other),
            other if other.starts_with(AUSTRALIA_PREFIX) => self.australia_lga_2021(other),
            other => Err(unknown_dataset(other)),
        }
    }

    /// Every dataset name: [`NAMES`], then the 32 council areas, then Australia's LGAs with
    /// jobs.
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::council_names`] and [`Sources::australia_lga_names`].
    pub fn names(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = NAMES.iter().map(|n| (*n).to_string()).collect();
        names.extend(self.council_names()?);
        names.extend(self.australia_lga_names()?);
        Ok(names)
    }
}

fn unknown_dataset(name: &str) -> Error {
    Error::UnknownOption {
        what: "dataset".into(),
        value: name.into(),
        expected: NAMES.join(", "),
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests;
