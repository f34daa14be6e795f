//! The embedded satellite accounts: Scotland's FTE and a greenhouse-gas estimate from the UK's
//! 2019 air-emission accounts.

use super::Sources;
use crate::error::{Error, Result};
use crate::satellite::{Gas, Gwp100, ImportFactor, Satellite, SatelliteParts, Stressor};
use crate::table::RegionalTable;

/// The attribution line of the greenhouse-gas estimate (ONS, Open Government Licence v3.0).
pub const UK_2019_GHG_ATTRIBUTION: &str = "Greenhouse gases: ONS, Atmospheric emissions: greenhouse gas emissions by economic sector and gas, UK 1990-2021, and UK input-output analytical tables 2019. Contains public sector information licensed under the Open Government Licence v3.0.";

/// The assumptions of the embedded greenhouse-gas estimate, in the words every result repeats.
pub const SCOTLAND_2019_GHG_ASSUMPTIONS: &[&str] = &[
    "greenhouse gases are an ESTIMATE: each industry emits at the UK's 2019 intensity (ONS air-emission accounts, residence basis, kt CO2e per £m of UK output), not calibrated to the Scottish inventory",
    "households' own emissions (heating, private cars) are the UK's 2019 households' direct emissions per resident times the region's residents",
    "imports from every origin carry the UK's 2019 Type I intensity of the product (UK supply chain; for the rest of the world this is the domestic-technology assumption)",
];

/// Residents of Scotland, mid-2019 (National Records of Scotland).
pub const SCOTLAND_RESIDENTS_2019: f64 = 5_463_300.0;
/// Residents of the United Kingdom, mid-2019 (ONS mid-year population estimates).
pub const UK_RESIDENTS_2019: f64 = 66_796_807.0;

/// Residents of Glasgow City, mid-2019 (National Records of Scotland).
pub const GLASGOW_RESIDENTS_2019: f64 = 633_120.0;

/// The gases of the files, in column order, with the names of their stressors.
const GASES: [(Gas, &str); 7] = [
    (Gas::Co2, "CO2"),
    (Gas::Ch4, "CH4"),
    (Gas::N2o, "N2O"),
    (Gas::Hfc, "HFC"),
    (Gas::Pfc, "PFC"),
    (Gas::Nf3, "NF3"),
    (Gas::Sf6, "SF6"),
];

impl Sources {
    /// The satellite of an embedded dataset, when it has one: `scotland-2019` and
    /// `glasgow-2019` get [`Sources::uk_2019_ghg`] with their residents; the others `None`.
    ///
    /// # Errors
    ///
    /// The errors of reading the sources.
    pub fn satellite(&self, name: &str, table: &RegionalTable) -> Result<Option<Satellite>> {
        let residents = match name {
            "scotland-2019" => SCOTLAND_RESIDENTS_2019,
            "glasgow-2019" => GLASGOW_RESIDENTS_2019,
            _ => return Ok(None),
        };
        self.uk_2019_ghg(table, residents).map(Some)
    }

    /// UK 2019 greenhouse-gas satellite for a table with the Scottish 98 industries: the
    /// table's employment (if any) as `"employment"`, one stressor per gas (`"CO2"` …
    /// `"SF6"`, kt CO2e: UK direct intensity × the table's output), households' direct
    /// emissions per resident × `residents`, import factors for every import row by product
    /// (the UK Type I intensity), and `"GHG"`, their sum. Every result states
    /// [`SCOTLAND_2019_GHG_ASSUMPTIONS`].
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; [`Error::UnknownLabel`]/[`Error::MissingData`]
    /// when the table's sectors are not the 98 industries; [`Error::OutOfRange`] for
    /// `residents` not positive.
    pub fn uk_2019_ghg(&self, table: &RegionalTable, residents: f64) -> Result<Satellite> {
        if !(residents.is_finite() && residents > 0.0) {
            return Err(Error::OutOfRange {
                location: crate::error::Location::Field("residents".into()),
                value: residents,
                expected: "a positive number of residents".into(),
            });
        }
        let file = "uk_2019_ghg_by_ioc098.csv";
        let columns = super::columns_by_sector(&self.uk_2019_ghg_by_ioc098, file, table, 14)?;
        let households = super::records(
            &self.uk_2019_ghg_households,
            "uk_2019_ghg_households.csv",
            2,
        )?;
        let x = table.output();
        let mut parts = SatelliteParts {
            source: Some(UK_2019_GHG_ATTRIBUTION.into()),
            assumptions: SCOTLAND_2019_GHG_ASSUMPTIONS
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
            ..Default::default()
        };
        if let Some(e) = table.employment() {
            parts.stressors.push(Stressor::employment(e));
        }
        for (k, (gas, name)) in GASES.iter().enumerate() {
            let uk_households = households
                .iter()
                .find(|r| r[0] == **name)
                .map(|r| super::number(&r[1], "uk_2019_ghg_households.csv"))
                .transpose()?
                .ok_or_else(|| Error::MissingData {
                    what: format!("uk_2019_ghg_households.csv: no row for {name}"),
                })?;
            parts.stressors.push(Stressor {
                name: (*name).into(),
                unit: "kt CO2e".into(),
                gas: Some(*gas),
                values: columns[k].iter().zip(x).map(|(s, x)| s * x).collect(),
                household: uk_households * residents / UK_RESIDENTS_2019,
                removals: false,
            });
            for row in table.primary_inputs().iter().filter(|r| r.kind.is_import()) {
                parts.import_factors.push(ImportFactor {
                    origin: row.label.clone(),
                    stressor: (*name).into(),
                    values: columns[7 + k].clone(),
                });
            }
        }
        Satellite::new(table, parts)?.characterise("GHG", "kt CO2e", Gwp100::Ar5)
    }
}

#[cfg(feature = "embedded-data")]
/// The embedded satellite of Scotland 2019 ([`super::scotland_2019`]): FTE and the UK-based
/// greenhouse-gas estimate ([`Sources::uk_2019_ghg`] with Scotland's residents).
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn scotland_2019_satellite() -> Satellite {
    Sources::embedded()
        .uk_2019_ghg(&super::scotland_2019(), SCOTLAND_RESIDENTS_2019)
        .expect("embedded greenhouse-gas files are valid")
}

#[cfg(feature = "embedded-data")]
/// The embedded satellite of Glasgow City 2019 ([`super::glasgow_2019`]): BRES jobs and the
/// UK-based greenhouse-gas estimate with Glasgow's residents.
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn glasgow_2019_satellite() -> Satellite {
    Sources::embedded()
        .uk_2019_ghg(&super::glasgow_2019(), GLASGOW_RESIDENTS_2019)
        .expect("embedded greenhouse-gas files are valid")
}
