//! A table's parts from flows, sector codes and labelled vectors: what JavaScript's
//! `RegionalTable.fromArrays` takes (Python's `from_arrays` reads numpy arrays and pandas
//! labels into the same parts).

use serde::{Deserialize, Serialize};

use super::{Employment, FinalDemandColumn, PrimaryInputRow, Sector, TableParts};
use crate::error::{Error, Result};

/// Everything a table may have beside its flows and sector codes; what is not given takes the
/// defaults of [`TableParts::new`] (name `"region"`, unit `"money units"`, the default
/// balance tolerance, no final demand, primary inputs, output or employment).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArrayOptions {
    /// Sector names, one per code (default: the codes).
    pub names: Option<Vec<String>>,
    /// Final-demand columns, each with one value per sector.
    pub final_demand: Vec<FinalDemandColumn>,
    /// Primary-input rows, each with one value per sector.
    pub primary_inputs: Vec<PrimaryInputRow>,
    /// Output per sector (default: row totals).
    pub output: Option<Vec<f64>>,
    /// Employment per sector, with its unit.
    pub employment: Option<Employment>,
    /// Name of the region.
    pub name: Option<String>,
    /// Money unit.
    pub unit: Option<String>,
    /// Source and licence line.
    pub source: Option<String>,
    /// Household income H of the Type II closure (default: from the primary inputs).
    pub household_income: Option<f64>,
    /// Relative tolerance of the balance checks.
    pub balance_tolerance: Option<f64>,
}

impl TableParts {
    /// Parts from row-major flows `z` (`n × n`, sellers in rows, buyers in columns), the
    /// sector `codes` and [`ArrayOptions`]. Checked as any parts are, by
    /// [`RegionalTable::new`](crate::RegionalTable::new).
    ///
    /// # Errors
    ///
    /// [`Error::Shape`] when `names` are not one per code.
    pub fn from_arrays(z: Vec<f64>, codes: Vec<String>, options: ArrayOptions) -> Result<Self> {
        let names = options.names.unwrap_or_else(|| codes.clone());
        if names.len() != codes.len() {
            return Err(Error::Shape {
                what: "names".into(),
                expected: codes.len(),
                found: names.len(),
            });
        }
        let sectors = codes
            .into_iter()
            .zip(names)
            .map(|(code, name)| Sector { code, name })
            .collect();
        let mut parts = Self::new(options.name.unwrap_or_else(|| "region".into()), sectors, z);
        if let Some(unit) = options.unit {
            parts.unit = unit;
        }
        if let Some(tolerance) = options.balance_tolerance {
            parts.balance_tolerance = tolerance;
        }
        parts.source = options.source;
        parts.final_demand = options.final_demand;
        parts.primary_inputs = options.primary_inputs;
        parts.output = options.output;
        parts.employment = options.employment;
        parts.household_closure.household_income = options.household_income;
        Ok(parts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input_from_json;

    #[test]
    fn options_read_from_json_give_the_parts_built_by_hand() {
        let options: ArrayOptions = input_from_json(
            r#"{"names": ["farms", "mills"], "name": "two",
                "final_demand": [{"label": "households", "kind": "households", "values": [600, 1500]}],
                "primary_inputs": [{"label": "wages", "kind": "compensation", "values": [400, 300]}],
                "employment": {"unit": "jobs", "values": [10, 20]}, "balance_tolerance": 0.01}"#,
            "table options",
        )
        .unwrap();
        let z = vec![150.0, 500.0, 200.0, 100.0];
        let parts =
            TableParts::from_arrays(z.clone(), vec!["s1".into(), "s2".into()], options).unwrap();
        assert_eq!(
            (parts.name.as_str(), parts.unit.as_str()),
            ("two", "money units")
        );
        assert_eq!(parts.sectors[1].name, "mills");
        assert_eq!(parts.z, z);
        assert_eq!(parts.final_demand[0].values, [600.0, 1500.0]);
        assert_eq!(parts.primary_inputs[0].kind.as_str(), "compensation");
        assert_eq!(parts.employment.as_ref().unwrap().values, [10.0, 20.0]);
        assert_eq!(parts.balance_tolerance, 0.01);
        // a wrong kind is the typed error, names not one per code a shape error
        let e = input_from_json::<ArrayOptions>(
            r#"{"final_demand": [{"label": "f", "kind": "tourists", "values": [1, 2]}]}"#,
            "table options",
        )
        .unwrap_err();
        assert_eq!(e.code(), "unknown_option", "{e}");
        let short = ArrayOptions {
            names: Some(vec!["farms".into()]),
            ..ArrayOptions::default()
        };
        let e = TableParts::from_arrays(z, vec!["s1".into(), "s2".into()], short).unwrap_err();
        assert_eq!(e.code(), "shape", "{e}");
    }
}
