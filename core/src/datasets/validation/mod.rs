//! The council tables against real ground truth: their GVA against ONS balanced regional GVA
//! 2019 by industry for Scotland's ITL3 areas, and the census job-count commuting measure
//! against the ONS money measure (resident compensation received over workplace
//! compensation).
//!
//! ITL3 areas are council areas or groups of them; five of them split Highland, Argyll and
//! Bute and North Ayrshire, and together make seven whole councils, so they are compared as
//! one area: 19 areas cover the 32 councils.

use serde::{Deserialize, Serialize};

use super::{Sources, number, records, source_error};

mod methods;
mod text;
use crate::error::{Error, Result};
use crate::regionalize::{LqMethod, regionalize};
use crate::table::RegionalTable;
pub use methods::{MethodErrors, RegionalisationValidation, VALIDATION_DELTAS};

/// Attribution of the ONS regional accounts (Open Government Licence v3.0).
pub const ONS_REGIONAL_ATTRIBUTION: &str = "Source: Office for National Statistics, Regional economic activity by GDP, UK: 1998 to 2021 (25 April 2023), and Regional gross disposable household income, UK: 1997 to 2018. Contains public sector information licensed under the Open Government Licence v3.0.";

const ITL3_FILE: &str = "ons_scotland_itl3.csv";

/// One ITL3 area of Scotland (or the union of the five that split councils), as whole
/// council areas, with its ONS figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Itl3Area {
    /// ITL3 code, or codes joined by `+`.
    pub itl3: String,
    /// ITL3 name.
    pub name: String,
    /// Its council areas, by name.
    pub councils: Vec<String>,
    /// ONS balanced GVA 2019 by section group (`AB`, `C`, `DE`, `F`, …, `T`), £ million.
    pub gva_by_section: Vec<(String, f64)>,
    /// ONS balanced GVA 2019, all industries, £ million.
    pub gva: f64,
    /// Resident compensation received 2018 (GDHI D.1) over estimated workplace compensation
    /// 2018, where the area is one ITL3 area.
    pub resident_over_workplace_coe: Option<f64>,
}

/// The census commuting measures of one area against the ONS money measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommutingCheck {
    /// The area.
    pub itl3: String,
    /// Its name.
    pub name: String,
    /// Census 2011: residents in employment (without offshore and abroad) over the workplace
    /// population — the net flow of workers.
    pub census_net_ratio: f64,
    /// ONS: resident compensation received 2018 over workplace compensation 2018 — the net
    /// flow of wages (`None` for the union of five ITL3 areas).
    pub coe_ratio: Option<f64>,
    /// Census 2011: residents' share of fixed-workplace jobs (the default resident share of
    /// compensation; for an area of several councils, their jobs-weighted mean).
    pub resident_share: f64,
    /// Census 2011: residents' share of the workplace population, home and no-fixed-place
    /// workers counted as residents (the alternative).
    pub resident_share_of_workplace_population: f64,
}

/// One section group's share of Scotland's GVA in an area: ONS against the regionalisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionShare {
    /// Section group (`AB`, `C`, …).
    pub section: String,
    /// The area's share of Scotland's GVA in this group, ONS.
    pub ons: f64,
    /// The same from the regionalised council tables.
    pub regionalised: f64,
}

/// One area's GVA: ONS against the sum of its regionalised council tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GvaComparison {
    /// The area.
    pub itl3: String,
    /// Its name.
    pub name: String,
    /// ONS balanced GVA 2019, £ million.
    pub ons_gva: f64,
    /// Share of Scotland's GVA (sum of the ITL3 areas), ONS.
    pub ons_share: f64,
    /// GVA of the regionalised council tables, £ million.
    pub regionalised_gva: f64,
    /// Share of Scotland's GVA in the Scotland 2019 table.
    pub regionalised_share: f64,
    /// `regionalised_share / ons_share`: above 1 the regionalisation overstates the area.
    pub ratio: f64,
    /// By section group.
    pub sections: Vec<SectionShare>,
}

/// The council tables' GVA against ONS, for one method and δ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GvaValidation {
    /// The location-quotient method.
    pub method: LqMethod,
    /// Flegg's δ.
    pub delta: f64,
    /// One row per area, in the order of the ITL3 codes.
    pub areas: Vec<GvaComparison>,
    /// Mean absolute `ratio − 1` over the areas.
    pub mean_absolute_error: f64,
}

impl Sources {
    /// Scotland's ITL3 areas as whole councils, checked: every council in exactly one area,
    /// the section groups adding up to the total within £4m per ITL3 area.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; [`Error::Inconsistent`] for a council in no area
    /// or in two, or sections that do not add up.
    pub fn itl3_areas(&self) -> Result<Vec<Itl3Area>> {
        let text = &self.ons_scotland_itl3;
        let header: Vec<String> = text
            .lines()
            .find(|l| !l.starts_with('#'))
            .unwrap_or_default()
            .split(',')
            .map(str::to_string)
            .collect();
        let sections = header.get(3..header.len().saturating_sub(2)).unwrap_or(&[]);
        if sections.len() != 18 {
            return Err(source_error(
                ITL3_FILE,
                format!("expected 18 section groups, found {}", sections.len()),
            ));
        }
        let mut areas = Vec::new();
        for r in records(text, ITL3_FILE, 23)? {
            let gva_by_section: Vec<(String, f64)> = sections
                .iter()
                .enumerate()
                .map(|(k, s)| Ok((s.clone(), number(&r[3 + k], ITL3_FILE)?)))
                .collect::<Result<_>>()?;
            let gva = number(&r[21], ITL3_FILE)?;
            let parts = r[0].split('+').count() as f64;
            let sum: f64 = gva_by_section.iter().map(|(_, v)| v).sum();
            if (sum - gva).abs() > 4.0 * parts {
                return Err(Error::Inconsistent {
                    what: format!(
                        "{ITL3_FILE}: {}'s section groups add up to {sum}, not its total {gva}",
                        &r[1]
                    ),
                });
            }
            areas.push(Itl3Area {
                itl3: r[0].to_string(),
                name: r[1].to_string(),
                councils: r[2].split(';').map(str::to_string).collect(),
                gva_by_section,
                gva,
                resident_over_workplace_coe: match r[22].trim() {
                    "" => None,
                    v => Some(number(v, ITL3_FILE)?),
                },
            });
        }
        let mut named: Vec<&str> = areas
            .iter()
            .flat_map(|a| a.councils.iter().map(String::as_str))
            .collect();
        named.sort_unstable();
        let councils = self.council_commuting()?;
        let all: Vec<&str> = councils.iter().map(|c| c.council.as_str()).collect();
        if named != all {
            return Err(Error::Inconsistent {
                what: format!(
                    "{ITL3_FILE}: the areas' councils {named:?} are not the 32 council areas {all:?} once each"
                ),
            });
        }
        Ok(areas)
    }

    /// Census commuting against the ONS money measure, per area: the net ratio of workers
    /// (census 2011) against the net ratio of wages (ONS 2018), and the two resident shares
    /// of jobs a council table can use.
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::itl3_areas`] and [`Sources::council_commuting`].
    pub fn commuting_cross_check(&self) -> Result<Vec<CommutingCheck>> {
        let councils = self.council_commuting()?;
        self.itl3_areas()?
            .into_iter()
            .map(|a| {
                let cs: Vec<_> = councils
                    .iter()
                    .filter(|c| a.councils.contains(&c.council))
                    .collect();
                let sum = |f: &dyn Fn(&super::CouncilCommuting) -> f64| -> f64 {
                    cs.iter().map(|c| f(c)).sum()
                };
                let workplace = sum(&|c| c.workplace_population);
                Ok(CommutingCheck {
                    census_net_ratio: sum(&|c| {
                        c.residents_in_employment - c.offshore - c.outside_uk
                    }) / workplace,
                    coe_ratio: a.resident_over_workplace_coe,
                    resident_share: sum(&|c| c.live_and_work) / sum(&|c| c.fixed_workplace_jobs),
                    resident_share_of_workplace_population: sum(&|c| {
                        c.live_and_work + c.work_at_home + c.no_fixed_place
                    }) / workplace,
                    itl3: a.itl3,
                    name: a.name,
                })
            })
            .collect()
    }

    /// The GVA of the council tables regionalised by `method` and `delta`, summed per area,
    /// against ONS balanced GVA 2019: shares of Scotland's GVA (so that the 0.5 % gap between
    /// the Scottish table's GVA and the ONS total does not count), overall and by section
    /// group. Regional output per job is national output per job in every industry, whatever
    /// the method; this measures how far that holds. Cost: 32 regionalisations of 98
    /// industries, in parallel.
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::itl3_areas`], of reading the sources and of
    /// [`regionalize`] (δ outside `[0, 1)`).
    pub fn gva_validation(&self, method: LqMethod, delta: f64) -> Result<GvaValidation> {
        let scotland = self.scotland_2019()?;
        let areas = self.itl3_areas()?;
        let councils = self.council_commuting()?;
        let surplus = self.local_surplus_shares(&scotland, super::OUTSIDE_OWNED_PROFIT_SHARE)?;
        let groups: Vec<String> = areas[0]
            .gva_by_section
            .iter()
            .map(|(s, _)| s.clone())
            .collect();
        let group_of: Vec<usize> = scotland
            .sectors()
            .iter()
            .map(|s| section_group(&s.code, &groups))
            .collect::<Result<_>>()?;
        let by_group = |t: &RegionalTable| -> Vec<f64> {
            let mut out = vec![0.0; groups.len()];
            for (j, g) in group_of.iter().enumerate() {
                out[*g] += t
                    .primary_inputs()
                    .iter()
                    .filter(|r| r.kind.is_value_added())
                    .map(|r| r.values[j])
                    .sum::<f64>();
            }
            out
        };
        let national = by_group(&scotland);
        let tables = crate::atlas::map(&councils, |c| {
            let (ne, re) = self.council_employment(&scotland, &c.council)?;
            let mut options = super::councils::options(c, surplus.clone());
            options.method = method;
            options.delta = delta;
            Ok((
                c.council.clone(),
                by_group(&regionalize(&scotland, &ne, &re, &options)?),
            ))
        })?;
        let ons_total: f64 = areas.iter().map(|a| a.gva).sum();
        let ons_groups: Vec<f64> = (0..groups.len())
            .map(|g| areas.iter().map(|a| a.gva_by_section[g].1).sum())
            .collect();
        let total: f64 = national.iter().sum();
        let rows: Vec<GvaComparison> = areas
            .into_iter()
            .map(|a| {
                let mut mine = vec![0.0; groups.len()];
                for (_, v) in tables.iter().filter(|(c, _)| a.councils.contains(c)) {
                    mine.iter_mut().zip(v).for_each(|(m, x)| *m += x);
                }
                let regionalised_gva: f64 = mine.iter().sum();
                let (ons_share, regionalised_share) = (a.gva / ons_total, regionalised_gva / total);
                GvaComparison {
                    sections: groups
                        .iter()
                        .enumerate()
                        .map(|(g, s)| SectionShare {
                            section: s.clone(),
                            ons: a.gva_by_section[g].1 / ons_groups[g],
                            regionalised: mine[g] / national[g],
                        })
                        .collect(),
                    itl3: a.itl3,
                    name: a.name,
                    ons_gva: a.gva,
                    ons_share,
                    regionalised_gva,
                    regionalised_share,
                    ratio: regionalised_share / ons_share,
                }
            })
            .collect();
        let mean_absolute_error =
            rows.iter().map(|r| (r.ratio - 1.0).abs()).sum::<f64>() / rows.len() as f64;
        Ok(GvaValidation {
            method,
            delta,
            areas: rows,
            mean_absolute_error,
        })
    }
}

/// The section group (`AB`, `C`, `DE`, …) of an industry code that starts with its SIC
/// division.
fn section_group(code: &str, groups: &[String]) -> Result<usize> {
    let section = crate::regionalize::sic_section(code).ok_or_else(|| Error::MissingData {
        what: format!("{ITL3_FILE}: sector code {code:?} does not start with a SIC division"),
    })?;
    groups
        .iter()
        .position(|g| g.contains(section))
        .ok_or_else(|| Error::MissingData {
            what: format!("{ITL3_FILE}: no section group holds section {section} (sector {code})"),
        })
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests;
