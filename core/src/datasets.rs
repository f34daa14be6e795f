//! Embedded real tables and their attribution.
//!
//! | name | what |
//! |---|---|
//! | `scotland-2019` | Scottish Government IxI table 2019, 98 industries (the default) |
//! | `scotland-2019-sections` | the same table summed to the 20 SIC 2007 sections A–T |
//! | `miller-blair-2sector` | the two-sector teaching example of Miller & Blair (2009, §2.3) |
//!
//! The Scottish tables are Crown copyright, published under the Open Government Licence
//! v3.0; show [`SCOTLAND_2019_ATTRIBUTION`] wherever results from them are used. Household
//! closure as the Scottish Government publishes Type II results: compensation of employees as
//! household income, household consumption divided by total household income £156,241 m.

use crate::error::{Error, Result};
use crate::interchange::read_csv;
use crate::table::{
    FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, RegionalTable, Sector,
    TableParts,
};

/// The attribution line required by the Open Government Licence for the Scottish tables.
pub const SCOTLAND_2019_ATTRIBUTION: &str = "Contains public sector information licensed under the Open Government Licence v3.0. Source: Scottish Government, Input-Output Tables 1998-2019.";

const SCOTLAND_2019_CSV: &str = include_str!("../data/scotland_2019.csv");
const SCOTLAND_2019_SECTIONS_CSV: &str = include_str!("../data/scotland_2019_sections.csv");

/// The names of the embedded datasets, for [`by_name`].
pub const NAMES: &[&str] = &[
    "scotland-2019",
    "scotland-2019-sections",
    "miller-blair-2sector",
];

/// Scotland 2019, 98 industries, £ million (Scottish Government, OGL v3.0).
///
/// # Panics
///
/// Never in a released build: the embedded file is validated by the crate's tests.
#[must_use]
pub fn scotland_2019() -> RegionalTable {
    read_csv(SCOTLAND_2019_CSV).expect("embedded Scotland 2019 table is valid")
}

/// Scotland 2019 summed to the 20 SIC 2007 sections (derived from the 98-industry table).
///
/// # Panics
///
/// Never in a released build: the embedded file is validated by the crate's tests.
#[must_use]
pub fn scotland_2019_sections() -> RegionalTable {
    read_csv(SCOTLAND_2019_SECTIONS_CSV).expect("embedded Scotland 2019 sections table is valid")
}

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
/// [`Error::UnknownOption`] for a name not in [`NAMES`].
pub fn by_name(name: &str) -> Result<RegionalTable> {
    match name {
        "scotland-2019" => Ok(scotland_2019()),
        "scotland-2019-sections" => Ok(scotland_2019_sections()),
        "miller-blair-2sector" => Ok(miller_blair_2sector()),
        other => Err(Error::UnknownOption {
            what: "dataset".into(),
            value: other.into(),
            expected: NAMES.join(", "),
        }),
    }
}

#[cfg(test)]
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
    fn unknown_dataset_names_the_choices() {
        let e = by_name("glasgow").unwrap_err();
        assert_eq!(e.code(), "unknown_option");
        assert!(e.to_string().contains("scotland-2019-sections"));
    }
}
