//! Scotland's 32 council areas, each a regional table with its commuting and ownership leaks
//! from real data: Scotland 2019 regionalised by FLQ (δ = 0.3) with the council's BRES 2019
//! employment; the resident share of compensation from the 2011 census's travel to work; the
//! locally owned share of operating surplus from ONS income components and the outside-owned
//! share of turnover in *Businesses in Scotland*.

use serde::{Deserialize, Serialize};

use super::{Sources, number, read::edit_distance, records, source_error};
use crate::atlas::{Atlas, AtlasRow};
use crate::error::{Error, Location, Result};
use crate::regionalize::{LqMethod, RegionalizeOptions};
use crate::table::{RegionalTable, Share};

/// The prefix of the council datasets' names: `scotland-council-2019:glasgow-city`.
pub const COUNCIL_PREFIX: &str = "scotland-council-2019:";

/// Share of the trading profits of Scotland's private sector that goes to owners outside
/// Scotland: firms based outside Scotland hold 55.1 % of the private sector's turnover
/// (and 35.6 % of its jobs) — Scottish Government, *Businesses in Scotland 2022*. Profits are
/// taken to leave in proportion to turnover.
pub const OUTSIDE_OWNED_PROFIT_SHARE: f64 = 0.551;

/// Attribution of the census commuting counts (Open Government Licence v3.0).
pub const CENSUS_2011_ATTRIBUTION: &str = "Source: 2011 Census, Office for National Statistics, National Records of Scotland, Northern Ireland Statistics and Research Agency (travel to work, WU03UK). Contains public sector information licensed under the Open Government Licence v3.0.";

/// The assumptions every council table rests on, in words: its source line repeats them.
pub const COUNCIL_ASSUMPTIONS: &str = "ASSUMPTIONS: commuting: the resident share of compensation is the residents' share of jobs at a fixed workplace in the council (2011 census), so residents and in-commuters are taken to earn the same per job and 2011 commuting to hold in 2019; ownership: of each industry's operating surplus, mixed income, rental income, public corporations' surplus and non-market capital consumption stay local, and 55.1 % of private trading profits (and holding gains) leave Scotland (Businesses in Scotland 2022: outside-owned share of turnover), the rest staying in the council (ONS regional income components, Scotland 2019)";

/// Travel to work of one council area, 2011 census (persons aged 16+ in employment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CouncilCommuting {
    /// GSS code in use from 2019 (e.g. `S12000049` Glasgow City).
    pub code: String,
    /// Council name as in the census and BRES (e.g. `Glasgow City`).
    pub council: String,
    /// The dataset name: [`COUNCIL_PREFIX`] and the name in lower-case kebab form.
    pub dataset: String,
    /// Jobs at a fixed workplace in the council.
    pub fixed_workplace_jobs: f64,
    /// Of those, held by the council's residents.
    pub live_and_work: f64,
    /// Held by in-commuters from the rest of Scotland.
    pub in_from_scotland: f64,
    /// Held by in-commuters from the rest of the UK.
    pub in_from_rest_of_uk: f64,
    /// Residents in employment, wherever they work.
    pub residents_in_employment: f64,
    /// Residents who mainly work at or from home (counted in the council's workplace
    /// population, not in its fixed-workplace jobs).
    pub work_at_home: f64,
    /// Residents with no fixed place of work (counted where they live).
    pub no_fixed_place: f64,
    /// Residents working offshore.
    pub offshore: f64,
    /// Residents working outside the UK.
    pub outside_uk: f64,
    /// Workplace population: fixed-workplace jobs, home workers and no-fixed-place workers.
    pub workplace_population: f64,
}

impl CouncilCommuting {
    /// Residents' share of the council's fixed-workplace jobs: `live_and_work / jobs`.
    #[must_use]
    pub fn resident_share(&self) -> f64 {
        self.live_and_work / self.fixed_workplace_jobs
    }

    /// In-commuters' share of the council's fixed-workplace jobs: `1 − resident share`.
    #[must_use]
    pub fn in_commuter_share(&self) -> f64 {
        (self.in_from_scotland + self.in_from_rest_of_uk) / self.fixed_workplace_jobs
    }

    /// Residents' share of the whole workplace population, home and no-fixed-place workers
    /// counted as residents: `(live_and_work + work_at_home + no_fixed_place) /
    /// workplace_population`. The alternative to [`Self::resident_share`]; higher, because
    /// the census puts every home and no-fixed-place worker where they live.
    #[must_use]
    pub fn resident_share_of_workplace_population(&self) -> f64 {
        (self.live_and_work + self.work_at_home + self.no_fixed_place) / self.workplace_population
    }

    /// Net commuting ratio: residents in employment (without offshore and abroad) over the
    /// workplace population. Below 1 the council imports workers, above 1 it exports them;
    /// the job-count counterpart of resident compensation received over workplace
    /// compensation.
    #[must_use]
    pub fn net_ratio(&self) -> f64 {
        (self.residents_in_employment - self.offshore - self.outside_uk) / self.workplace_population
    }
}

/// A council's dataset name from its name: lower case, every run of other characters a
/// hyphen (`Na h-Eileanan Siar` → `scotland-council-2019:na-h-eileanan-siar`).
#[must_use]
pub fn council_dataset_name(council: &str) -> String {
    let mut slug = String::new();
    for c in council.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("{COUNCIL_PREFIX}{}", slug.trim_end_matches('-'))
}

const COMMUTING_FILE: &str = "census_2011_council_commuting.csv";
const BRES_FILE: &str = "bres_2019_council_division.csv";
const SURPLUS_FILE: &str = "ons_2019_scotland_surplus_by_industry.csv";

impl Sources {
    /// The 2011 census travel to work of the 32 council areas, checked: counts are finite and
    /// non-negative, and each council's jobs are its residents' plus its in-commuters'.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file, [`Error::Negative`] for a negative count,
    /// [`Error::Inconsistent`] when the parts do not add up to the jobs or there are no jobs.
    pub fn council_commuting(&self) -> Result<Vec<CouncilCommuting>> {
        let mut out = Vec::new();
        for r in records(&self.census_2011_council_commuting, COMMUTING_FILE, 12)? {
            let mut v = [0.0; 10];
            for (k, value) in v.iter_mut().enumerate() {
                *value = number(&r[2 + k], COMMUTING_FILE)?;
                if *value < 0.0 {
                    return Err(Error::Negative {
                        location: Location::Field(format!("{COMMUTING_FILE}: {}", &r[1])),
                        value: *value,
                    });
                }
            }
            let [
                jobs,
                live,
                scot,
                ruk,
                residents,
                home,
                no_fixed,
                offshore,
                abroad,
                workplace,
            ] = v;
            if jobs <= 0.0 || (live + scot + ruk - jobs).abs() > 0.5 {
                return Err(Error::Inconsistent {
                    what: format!(
                        "{COMMUTING_FILE}: {}'s {jobs} jobs are not its residents' {live} plus its in-commuters' {scot} + {ruk}",
                        &r[1]
                    ),
                });
            }
            if (jobs + home + no_fixed - workplace).abs() > 0.5
                || live + home + no_fixed + offshore + abroad > residents + 0.5
            {
                return Err(Error::Inconsistent {
                    what: format!(
                        "{COMMUTING_FILE}: {}'s workplace population {workplace} is not its {jobs} fixed-workplace jobs plus {home} home and {no_fixed} no-fixed-place workers, or more residents work in the council than it has in employment ({residents})",
                        &r[1]
                    ),
                });
            }
            out.push(CouncilCommuting {
                code: r[0].to_string(),
                council: r[1].to_string(),
                dataset: council_dataset_name(&r[1]),
                fixed_workplace_jobs: jobs,
                live_and_work: live,
                in_from_scotland: scot,
                in_from_rest_of_uk: ruk,
                residents_in_employment: residents,
                work_at_home: home,
                no_fixed_place: no_fixed,
                offshore,
                outside_uk: abroad,
                workplace_population: workplace,
            });
        }
        out.sort_by(|a, b| a.council.cmp(&b.council));
        Ok(out)
    }

    /// The names of the council datasets, alphabetical by council.
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::council_commuting`].
    pub fn council_names(&self) -> Result<Vec<String>> {
        Ok(self
            .council_commuting()?
            .into_iter()
            .map(|c| c.dataset)
            .collect())
    }

    /// A council's commuting by its dataset name or its council name.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] listing the closest names.
    pub fn council(&self, name: &str) -> Result<CouncilCommuting> {
        let all = self.council_commuting()?;
        let key = if name.starts_with(COUNCIL_PREFIX) {
            name.to_string()
        } else {
            council_dataset_name(name)
        };
        if let Some(c) = all.iter().find(|c| c.dataset == key) {
            return Ok(c.clone());
        }
        let mut close: Vec<(usize, &str)> = all
            .iter()
            .map(|c| {
                // a name that holds the query (`edinburgh`) comes first, then by edit distance
                let slug = &key[COUNCIL_PREFIX.len()..];
                let score = if !slug.is_empty() && c.dataset.contains(slug) {
                    0
                } else {
                    1 + edit_distance(&key, &c.dataset)
                };
                (score, c.dataset.as_str())
            })
            .collect();
        close.sort_unstable();
        Err(Error::UnknownOption {
            what: "council area".into(),
            value: name.into(),
            expected: close
                .iter()
                .take(3)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", ")
                + " (the closest of the 32)",
        })
    }

    /// BRES 2019 employment by the industries of `scotland`: `(scotland, council)`. Scotland
    /// by SIC subclass; the council by SIC division (the finest published for council
    /// areas), each division split across its industries in proportion to Scotland's
    /// employment in them. Imputed rent has no employment.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; [`Error::UnknownLabel`] for a council without a
    /// column; the errors of [`crate::regionalize::Concordance::apply`].
    pub fn council_employment(
        &self,
        scotland: &RegionalTable,
        council: &str,
    ) -> Result<(Vec<f64>, Vec<f64>)> {
        let codes: Vec<String> = scotland.sectors().iter().map(|s| s.code.clone()).collect();
        let subclass = self.sic2007_to_ioc098(&codes)?;
        let file = "bres_2019_scotland_subclass.csv";
        let mut scotland_values = Vec::new();
        let mut unmapped = Unmapped::default();
        for r in records(&self.bres_2019_scotland_subclass, file, 2)? {
            let value = number(&r[1], file)?;
            if subclass.targets(&r[0]).is_some() {
                scotland_values.push((r[0].to_string(), value));
            } else {
                unmapped.add(&r[0], value);
            }
        }
        unmapped.check(file, "SIC subclass")?;
        let national = subclass.apply(&scotland_values, &codes)?;
        let mut division = crate::regionalize::Concordance::new();
        for (sic, value) in &scotland_values {
            for (ioc, _) in subclass.targets(sic).unwrap_or(&[]) {
                division.link(sic.get(..2).unwrap_or(sic), ioc.clone(), *value);
            }
        }
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(self.bres_2019_council_division.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| source_error(BRES_FILE, e))?
            .clone();
        let column =
            header
                .iter()
                .position(|h| h == council)
                .ok_or_else(|| Error::UnknownLabel {
                    what: format!("council column of {BRES_FILE}"),
                    label: council.into(),
                })?;
        let mut values = Vec::new();
        let mut unmapped = Unmapped::default();
        for r in records(&self.bres_2019_council_division, BRES_FILE, header.len())? {
            let value = number(&r[column], BRES_FILE)?;
            if division.targets(&r[0]).is_some() {
                values.push((r[0].to_string(), value));
            } else {
                unmapped.add(&r[0], value);
            }
        }
        unmapped.check(BRES_FILE, &format!("SIC division of {council}"))?;
        let regional = division.apply(&values, &codes)?;
        Ok((national, regional))
    }

    /// The locally owned share of each industry's operating surplus (in the sector order of
    /// `scotland`, by the SIC division its code starts with):
    /// `(M + R + K + S + (1 − o)·(P + H)) / (M + R + K + S + P + H)` with mixed income `M`,
    /// rental income `R`, non-market capital consumption `K`, public corporations' trading
    /// surplus `S`, private trading profits `P` and holding gains `H` of its industry group
    /// (ONS, Scotland 2019), and `o` the outside-owned share of profits. A group without
    /// surplus gets `1 − o`.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file; [`Error::OutOfRange`] for `o` outside `[0, 1]`;
    /// [`Error::MissingData`] for a sector whose division no group covers.
    pub fn local_surplus_shares(
        &self,
        scotland: &RegionalTable,
        outside_owned_profit_share: f64,
    ) -> Result<Vec<f64>> {
        let o = outside_owned_profit_share;
        if !(0.0..=1.0).contains(&o) {
            return Err(Error::OutOfRange {
                location: Location::Field("outside-owned profit share".into()),
                value: o,
                expected: "a share in [0, 1]".into(),
            });
        }
        let mut groups = Vec::new();
        for r in records(&self.ons_2019_scotland_surplus_by_industry, SURPLUS_FILE, 9)? {
            let first = number(&r[1], SURPLUS_FILE)?;
            let last = number(&r[2], SURPLUS_FILE)?;
            let mut v = [0.0; 6];
            for (k, value) in v.iter_mut().enumerate() {
                *value = number(&r[3 + k], SURPLUS_FILE)?;
            }
            let [m, rent, k, s, p, h] = v;
            let local = m + rent + k + s + (1.0 - o) * (p + h);
            let total = m + rent + k + s + p + h;
            let share = if total > 0.0 {
                (local / total).clamp(0.0, 1.0)
            } else {
                1.0 - o
            };
            groups.push((first, last, share));
        }
        scotland
            .sectors()
            .iter()
            .map(|sector| {
                let division = sector
                    .code
                    .get(..2)
                    .and_then(|d| d.parse::<f64>().ok())
                    .ok_or_else(|| source_error(SURPLUS_FILE, format!("sector code {:?} does not start with a SIC division", sector.code)))?;
                groups
                    .iter()
                    .find(|(first, last, _)| (*first..=*last).contains(&division))
                    .map(|g| g.2)
                    .ok_or_else(|| Error::MissingData {
                        what: format!("{SURPLUS_FILE}: no industry group covers division {division} (sector {})", sector.code),
                    })
            })
            .collect()
    }

    /// The options a council table is built with: FLQ (δ = 0.3), the council's resident
    /// share of jobs as the resident share of compensation, and the local surplus shares
    /// ([`Sources::local_surplus_shares`] with [`OUTSIDE_OWNED_PROFIT_SHARE`]).
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::local_surplus_shares`].
    pub fn council_options(
        &self,
        scotland: &RegionalTable,
        council: &CouncilCommuting,
    ) -> Result<RegionalizeOptions> {
        Ok(options(
            council,
            self.local_surplus_shares(scotland, OUTSIDE_OWNED_PROFIT_SHARE)?,
        ))
    }

    /// A council area 2019 by its dataset name (`scotland-council-2019:glasgow-city`) or its
    /// name (`Glasgow City`): Scotland 2019 regionalised by FLQ with the council's BRES 2019
    /// employment, with commuting and ownership applied ([`Sources::council_options`]); the
    /// source line states [`COUNCIL_ASSUMPTIONS`] and the resident share used. Cost: reading
    /// Scotland 2019 and one regionalisation, `O(n²)` for its `n = 98` industries.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for an unknown council (listing the closest names); the
    /// errors of reading the sources and of [`crate::regionalize::regionalize`].
    pub fn council_2019(&self, name: &str) -> Result<RegionalTable> {
        let council = self.council(name)?;
        let scotland = self.scotland_2019()?;
        let surplus = self.local_surplus_shares(&scotland, OUTSIDE_OWNED_PROFIT_SHARE)?;
        self.council_table(&scotland, surplus, &council)
    }

    pub(super) fn council_table(
        &self,
        scotland: &RegionalTable,
        surplus: Vec<f64>,
        council: &CouncilCommuting,
    ) -> Result<RegionalTable> {
        let (national, regional) = self.council_employment(scotland, &council.council)?;
        let options = options(council, surplus);
        let table = crate::regionalize::regionalize(scotland, &national, &regional, &options)?;
        let mut parts = table.into_parts();
        parts.source = Some(format!(
            "{}; resident share of compensation {:.4} ({} of {} fixed-workplace jobs held by residents, 2011 census); {COUNCIL_ASSUMPTIONS}; {CENSUS_2011_ATTRIBUTION}",
            parts.source.unwrap_or_default(),
            council.resident_share(),
            council.live_and_work,
            council.fixed_workplace_jobs,
        ));
        RegionalTable::new(parts)
    }

    /// The atlas of Scotland's 32 council areas ([`Sources::council_2019`] each), one row per
    /// council in alphabetical order, the councils built and reported in parallel. Cost: 32
    /// regionalisations and reports of 98 industries (see the benchmark `atlas_scotland`).
    ///
    /// # Errors
    ///
    /// The errors of reading the sources, of regionalising and of reporting.
    pub fn scotland_council_atlas(&self) -> Result<Atlas> {
        let scotland = self.scotland_2019()?;
        let councils = self.council_commuting()?;
        let surplus = self.local_surplus_shares(&scotland, OUTSIDE_OWNED_PROFIT_SHARE)?;
        let rows = crate::atlas::map(&councils, |c| {
            let t = self.council_table(&scotland, surplus.clone(), c)?;
            AtlasRow::new(&c.dataset, &t)
        })?;
        Ok(Atlas::from_rows(rows))
    }
}

/// Employment in codes that no industry of the table takes.
#[derive(Default)]
struct Unmapped {
    codes: Vec<String>,
    jobs: f64,
}

impl Unmapped {
    fn add(&mut self, code: &str, jobs: f64) {
        if jobs != 0.0 {
            self.codes.push(code.to_string());
            self.jobs += jobs;
        }
    }

    /// [`Error::MissingData`] naming the codes and the jobs they hold, if any.
    fn check(&self, file: &str, what: &str) -> Result<()> {
        if self.codes.is_empty() {
            return Ok(());
        }
        Err(Error::MissingData {
            what: format!(
                "{file}: {} jobs in {what} {} map to no industry of the table (add them to the concordance)",
                self.jobs,
                self.codes.join(", ")
            ),
        })
    }
}

pub(super) fn options(council: &CouncilCommuting, surplus: Vec<f64>) -> RegionalizeOptions {
    RegionalizeOptions {
        name: format!("{} 2019", council.council),
        method: LqMethod::Flq,
        delta: crate::regionalize::DEFAULT_DELTA,
        resident_compensation_share: Some(Share::Uniform(council.resident_share())),
        local_surplus_share: Some(Share::PerSector(surplus)),
        employment_unit: "jobs (BRES 2019 employment)".into(),
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests;
mod uncertainty;

pub use uncertainty::{
    COUNCIL_DEFAULT_RANGES, COUNCIL_UNCERTAIN_ASSUMPTIONS, COUNCIL_UNCERTAIN_INDICATORS,
};
