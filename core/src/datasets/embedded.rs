//! The embedded datasets as plain functions: each builds from [`Sources::embedded`] and
//! panics only if the embedded files were broken, which the crate's tests rule out.

#[allow(clippy::wildcard_imports)]
use super::*;

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

#[cfg(feature = "embedded-data")]
/// The options the embedded Glasgow table is built with: FLQ, δ = 0.3, Glasgow's resident
/// share of jobs (2011 census) and the local surplus shares ([`Sources::council_options`]).
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[must_use]
pub fn glasgow_2019_options() -> crate::regionalize::RegionalizeOptions {
    let sources = Sources::embedded();
    let glasgow = sources
        .council("Glasgow City")
        .expect("Glasgow is embedded");
    sources
        .council_options(&scotland_2019(), &glasgow)
        .expect("embedded options are valid")
}

#[cfg(feature = "embedded-data")]
/// Glasgow City 2019: [`scotland_2019`] regionalised by FLQ (δ = 0.3) with
/// [`bres_2019_employment`] and [`glasgow_2019_options`] (commuting and ownership), the
/// council table `scotland-council-2019:glasgow-city`. Every step is in the book's regionalisation page and can be
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

/// Scotland and the rest of the UK 2019 at the 20 SIC sections, an interregional table built
/// by double entry with the default options ([`Sources::scotland_ruk_2019`]; its
/// assumptions in [`super::SCOTLAND_RUK_ASSUMPTIONS`]).
///
/// # Panics
///
/// Never in a released build: the embedded files are validated by the crate's tests.
#[cfg(feature = "embedded-data")]
#[must_use]
pub fn scotland_ruk_2019() -> crate::interregional::InterregionalTable {
    Sources::embedded()
        .scotland_ruk_2019(super::TwoRegionOptions::default())
        .expect("embedded Scotland + rest-of-UK table is valid")
        .table
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
/// [`Error::UnknownOption`] for a name not in [`NAMES`], not a council area and not an
/// Australian LGA (or, without the `embedded-data` feature, any name but
/// `miller-blair-2sector`).
pub fn by_name(name: &str) -> Result<RegionalTable> {
    match name {
        #[cfg(feature = "embedded-data")]
        "scotland-2019"
        | "scotland-2019-sections"
        | "glasgow-2019"
        | "australia-2021"
        | "australia-2021-115" => Sources::embedded().build(name),
        #[cfg(feature = "embedded-data")]
        other if other.starts_with(AUSTRALIA_115_PREFIX) => Sources::embedded().build(other),
        #[cfg(feature = "embedded-data")]
        other if other.starts_with(COUNCIL_PREFIX) => Sources::embedded().council_2019(other),
        #[cfg(feature = "embedded-data")]
        other if other.starts_with(AUSTRALIA_PREFIX) => {
            Sources::embedded().australia_lga_2021(other)
        }
        "miller-blair-2sector" => Ok(miller_blair_2sector()),
        other => Err(unknown_dataset(other)),
    }
}
