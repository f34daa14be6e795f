//! A [`RegionReport`] with a satellite's figures: stressors per unit of final demand for every
//! sector, the region's accounts, and their text form.

use std::fmt::Write as _;

use super::RegionReport;
use crate::error::Result;
use crate::satellite::{Satellite, SatelliteSummary, SectorFootprint};
use crate::table::RegionalTable;

impl RegionReport {
    /// [`RegionReport::new`] with the satellite's figures: every sector's stressors per unit
    /// of final demand (direct, Type I, Type II, outside the region) and the region's
    /// production- and consumption-based accounts. Costs one blocked transposed solve and
    /// two solves more than the report.
    ///
    /// # Errors
    ///
    /// As [`RegionReport::new`] and [`Satellite::footprint`].
    ///
    /// # Example
    ///
    /// ```
    /// use localecon::{RegionReport, datasets};
    /// let table = datasets::scotland_2019();
    /// let report = RegionReport::with_satellite(&table, &datasets::scotland_2019_satellite())?;
    /// let ghg = report.sectors[0].footprint.iter().find(|f| f.stressor == "GHG").unwrap();
    /// assert!(ghg.type_i > ghg.direct); // agriculture's supply chain emits too
    /// # Ok::<(), localecon::Error>(())
    /// ```
    pub fn with_satellite(table: &RegionalTable, satellite: &Satellite) -> Result<Self> {
        let mut report = Self::new(table)?;
        report.add_satellite(table, satellite)?;
        Ok(report)
    }

    /// Adds a satellite's figures to a report of `table` (what [`RegionReport::with_satellite`]
    /// does after [`RegionReport::new`]).
    ///
    /// # Errors
    ///
    /// As [`Satellite::footprint`].
    pub fn add_satellite(&mut self, table: &RegionalTable, satellite: &Satellite) -> Result<()> {
        let report = self;
        let m = satellite.multipliers(table)?;
        let f = satellite.footprint(table)?;
        let accounts = satellite.accounts(table)?;
        for (j, sector) in report.sectors.iter_mut().enumerate() {
            sector.footprint = m
                .effects
                .iter()
                .enumerate()
                .map(|(k, e)| {
                    let outside: f64 = f.by_origin.iter().map(|(_, r)| r[k][j]).sum();
                    let total = e.type_i[j] + outside;
                    SectorFootprint {
                        stressor: m.stressors[k].name.clone(),
                        direct: e.direct[j],
                        type_i: e.type_i[j],
                        type_ii: e.type_ii.as_ref().map(|t| t[j]),
                        outside,
                        local_share: if total == 0.0 {
                            0.0
                        } else {
                            e.type_i[j] / total
                        },
                    }
                })
                .collect();
        }
        report.satellite = Some(SatelliteSummary {
            source: satellite.parts().source.clone(),
            stressors: m.stressors,
            accounts: accounts.stressors,
            assumptions: f.assumptions,
        });
        Ok(())
    }

    /// The satellite's section of the text report (empty without a satellite): the accounts
    /// of every stressor, and for the first `top` sectors by Type I footprint of `stressor`
    /// what one unit of final demand causes inside and outside the region.
    #[must_use]
    pub fn footprint_text(&self, stressor: &str, top: usize) -> String {
        let mut s = String::new();
        let Some(sat) = &self.satellite else {
            return s;
        };
        let _ = writeln!(s, "\nSatellite accounts ({}):", self.region);
        let _ = writeln!(
            s,
            "  {:<12} {:>14} {:>14} {:>14} {:>14}  unit",
            "stressor", "production", "consumption", "in imports", "in exports"
        );
        for a in &sat.accounts {
            let eei: f64 = a.embodied_in_imports.iter().map(|o| o.amount).sum();
            let _ = writeln!(
                s,
                "  {:<12} {:>14.1} {:>14.1} {:>14.1} {:>14.1}  {}",
                a.name, a.production, a.consumption, eei, a.embodied_in_exports, a.unit
            );
        }
        let Some(k) = sat.stressors.iter().position(|i| i.name == stressor) else {
            let _ = writeln!(s, "  (no stressor named {stressor:?})");
            return s;
        };
        let unit = &sat.stressors[k].unit;
        let _ = writeln!(
            s,
            "\n{stressor} per unit of final demand ({unit} per {}), largest Type I footprints:",
            self.unit
        );
        let _ = writeln!(
            s,
            "  {:<10} {:<34} {:>9} {:>9} {:>9} {:>9} {:>7}",
            "code", "name", "direct", "inside I", "inside II", "outside", "inside"
        );
        let mut rows: Vec<(&crate::report::SectorReport, &SectorFootprint)> = self
            .sectors
            .iter()
            .filter_map(|r| r.footprint.get(k).map(|f| (r, f)))
            .collect();
        rows.sort_by(|a, b| (b.1.type_i + b.1.outside).total_cmp(&(a.1.type_i + a.1.outside)));
        for (r, f) in rows.into_iter().take(top) {
            let _ = writeln!(
                s,
                "  {:<10} {:<34} {:>9.4} {:>9.4} {:>9} {:>9.4} {:>6.1}%",
                r.code.chars().take(10).collect::<String>(),
                r.name.chars().take(34).collect::<String>(),
                f.direct,
                f.type_i,
                f.type_ii.map_or_else(|| "-".into(), |v| format!("{v:.4}")),
                f.outside,
                100.0 * f.local_share
            );
        }
        let _ = writeln!(s, "\nAssumptions of the satellite:");
        for a in &sat.assumptions {
            let _ = writeln!(s, "  - {a}");
        }
        if let Some(src) = &sat.source {
            let _ = writeln!(s, "  {src}");
        }
        s
    }
}
