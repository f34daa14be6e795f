//! Australia 2021-22, the second country: the ABS national table at the 19 ANZSIC divisions,
//! and any of the census's Local Government Areas (LGAs) regionalised from it by FLQ with
//! its 2021 census employment by place of work, its commuting leak industry by industry
//! (the share of each division's jobs held by people who live in the LGA).
//!
//! The same path as Scotland's council areas; what differs is stated: the resident shares are
//! per industry (the census has them), and ownership is not modelled (no data).

use serde::{Deserialize, Serialize};

use super::{Sources, number, read::edit_distance, records, source_error};
use crate::atlas::{Atlas, AtlasRow};
use crate::error::{Error, Location, Result};
use crate::interchange::read_csv;
use crate::regionalize::{LqMethod, RegionalizeOptions};
use crate::table::{RegionalTable, Share};

/// The prefix of the LGA datasets' names, followed by the LGA's name as in the 2021 census:
/// `australia-2021:Alice Springs`.
pub const AUSTRALIA_PREFIX: &str = "australia-2021:";

/// The prefix of the LGA datasets at 115 industries: `australia-2021-115:Alice Springs`.
pub const AUSTRALIA_115_PREFIX: &str = "australia-2021-115:";

/// Attribution of the Australian data (ABS, Creative Commons Attribution 4.0).
pub const AUSTRALIA_2021_ATTRIBUTION: &str = "Source: ABS, Australian National Accounts: Input-Output Tables 2021-22; ABS Census of Population and Housing 2021 (TableBuilder), via the eiat R package (aiti-flinders/eiat, CC0). © Commonwealth of Australia, Creative Commons Attribution 4.0.";

/// The assumptions every LGA table rests on, in words: its source line repeats them.
pub const LGA_ASSUMPTIONS: &str = "ASSUMPTIONS: commuting: division by division, the resident share of compensation is the share of the LGA's jobs in that division held by people who live in the LGA (2021 census; a division without jobs there takes the LGA's overall share), so residents and in-commuters are taken to earn the same per job; ownership: not modelled, as no data say who owns the firms of an LGA: all operating surplus is counted as local, so retention is an upper bound; output per job is national in every division; jobs not classified to a division (inadequately described, not stated) are left out; the national employment of the quotients is the census total over all LGAs; the census year 2021 is taken for the table's year 2021-22";

const TABLE_FILE: &str = "australia_2021_22.csv";
const LGA_FILE: &str = "australia_2021_lga_employment.csv";
const TABLE_115_FILE: &str = "australia_2021_22_115.csv";

/// Census 2021 employment of one LGA by the 19 ANZSIC divisions (in the table's order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LgaEmployment {
    /// LGA name as in the 2021 census (e.g. `Alice Springs`).
    pub lga: String,
    /// State or territory.
    pub state: String,
    /// The dataset name: [`AUSTRALIA_PREFIX`] and the LGA name.
    pub dataset: String,
    /// Persons employed with their place of work in the LGA, by division.
    pub work: Vec<f64>,
    /// Of those, persons who also live in the LGA, by division.
    pub live_and_work: Vec<f64>,
    /// Persons working in the LGA whose industry is not classified.
    pub unclassified: f64,
}

impl LgaEmployment {
    /// Whether this is a place with a table in the names and the atlas: it has jobs
    /// classified to a division and is not one of the census's "Migratory - Offshore -
    /// Shipping" pseudo-areas (which can still be built by name).
    #[must_use]
    pub fn is_listed(&self) -> bool {
        self.work.iter().sum::<f64>() > 0.0
            && !self.lga.starts_with("Migratory - Offshore - Shipping")
    }

    /// Residents' share of all classified jobs in the LGA: `Σ live_and_work / Σ work`.
    #[must_use]
    pub fn resident_share(&self) -> f64 {
        self.live_and_work.iter().sum::<f64>() / self.work.iter().sum::<f64>()
    }

    /// Residents' share of each division's jobs, `live_and_work_i / work_i`; a division
    /// without jobs in the LGA takes [`Self::resident_share`].
    #[must_use]
    pub fn resident_shares(&self) -> Vec<f64> {
        let overall = self.resident_share();
        self.work
            .iter()
            .zip(&self.live_and_work)
            .map(|(w, l)| if *w > 0.0 { l / w } else { overall })
            .collect()
    }
}

impl Sources {
    /// The ABS national table 2021-22 at the 19 ANZSIC divisions (AUD million), with ABS
    /// employment (persons) and a household closure on compensation of employees.
    ///
    /// # Errors
    ///
    /// The errors of [`read_csv`] for a malformed file.
    pub fn australia_2021(&self) -> Result<RegionalTable> {
        read_csv(&self.australia_2021_22).map_err(|e| source_error(TABLE_FILE, e))
    }

    /// Census 2021 employment of every LGA (alphabetical), checked: counts are finite and
    /// non-negative, and in every division those who live and work in the LGA are no more
    /// than those who work there.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] for a malformed file, [`Error::Negative`] for a negative count,
    /// [`Error::Inconsistent`] for more residents than jobs in a division or an LGA without
    /// both measures.
    pub fn australia_lgas(&self) -> Result<Vec<LgaEmployment>> {
        let mut out: Vec<LgaEmployment> = Vec::new();
        for r in records(&self.australia_2021_lga_employment, LGA_FILE, 23)? {
            let mut v = Vec::with_capacity(20);
            for k in 0..20 {
                let value = number(&r[3 + k], LGA_FILE)?;
                if value < 0.0 {
                    return Err(Error::Negative {
                        location: Location::Field(format!("{LGA_FILE}: {} ({})", &r[0], &r[2])),
                        value,
                    });
                }
                v.push(value);
            }
            let unclassified = v.pop().unwrap_or(0.0);
            match &r[2] {
                "work" => out.push(LgaEmployment {
                    lga: r[0].to_string(),
                    state: r[1].to_string(),
                    dataset: format!("{AUSTRALIA_PREFIX}{}", &r[0]),
                    work: v,
                    live_and_work: Vec::new(),
                    unclassified,
                }),
                "live_and_work" => {
                    let Some(last) = out.last_mut().filter(|l| l.lga == r[0]) else {
                        return Err(Error::Inconsistent {
                            what: format!(
                                "{LGA_FILE}: live_and_work of {} does not follow its work row",
                                &r[0]
                            ),
                        });
                    };
                    if let Some(k) = (0..19).find(|&k| v[k] > last.work[k] + 0.5) {
                        return Err(Error::Inconsistent {
                            what: format!(
                                "{LGA_FILE}: {} has {} residents working in division {} but only {} jobs there",
                                last.lga,
                                v[k],
                                k + 1,
                                last.work[k]
                            ),
                        });
                    }
                    last.live_and_work = v;
                }
                other => {
                    return Err(source_error(
                        LGA_FILE,
                        format!("measure {other:?} is neither work nor live_and_work"),
                    ));
                }
            }
        }
        if let Some(l) = out.iter().find(|l| l.live_and_work.is_empty()) {
            return Err(Error::Inconsistent {
                what: format!("{LGA_FILE}: {} has no live_and_work row", l.lga),
            });
        }
        out.sort_by(|a, b| a.lga.cmp(&b.lga));
        Ok(out)
    }

    /// The names of the LGA datasets ([`LgaEmployment::is_listed`]: with jobs, not a
    /// migratory, offshore or shipping pseudo-area), alphabetical.
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::australia_lgas`].
    pub fn australia_lga_names(&self) -> Result<Vec<String>> {
        Ok(self
            .australia_lgas()?
            .into_iter()
            .filter(LgaEmployment::is_listed)
            .map(|l| l.dataset)
            .collect())
    }

    /// An LGA's employment by its dataset name or its census name (exact, else ignoring
    /// case).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] listing the three closest names.
    pub fn australia_lga(&self, name: &str) -> Result<LgaEmployment> {
        let key = name.strip_prefix(AUSTRALIA_PREFIX).unwrap_or(name);
        let all = self.australia_lgas()?;
        if let Some(l) = all
            .iter()
            .find(|l| l.lga == key)
            .or_else(|| all.iter().find(|l| l.lga.eq_ignore_ascii_case(key)))
        {
            return Ok(l.clone());
        }
        let lower = key.to_lowercase();
        let mut close: Vec<(usize, &str)> = all
            .iter()
            .map(|l| {
                let candidate = l.lga.to_lowercase();
                let score = if !lower.is_empty() && candidate.contains(&lower) {
                    0
                } else {
                    1 + edit_distance(&lower, &candidate)
                };
                (score, l.lga.as_str())
            })
            .collect();
        close.sort_unstable();
        Err(Error::UnknownOption {
            what: "Local Government Area".into(),
            value: name.into(),
            expected: close
                .iter()
                .take(3)
                .map(|(_, n)| format!("{AUSTRALIA_PREFIX}{n}"))
                .collect::<Vec<_>>()
                .join(", ")
                + &format!(" (the closest of the {})", all.len()),
        })
    }

    /// National employment for the quotients: the census total of every division over all
    /// LGAs (place of work), so that regional and national counts come from one source.
    ///
    /// # Errors
    ///
    /// The errors of [`Sources::australia_lgas`].
    pub fn australia_2021_employment(&self) -> Result<Vec<f64>> {
        let mut total = vec![0.0; 19];
        for l in self.australia_lgas()? {
            total.iter_mut().zip(&l.work).for_each(|(t, w)| *t += w);
        }
        Ok(total)
    }

    /// An LGA 2021-22 by its dataset name (`australia-2021:Alice Springs`) or census name:
    /// Australia 2021-22 regionalised by FLQ (δ = 0.3) with the LGA's census employment by
    /// place of work, the resident share of compensation per division from the census's
    /// live-and-work counts; the source line states [`LGA_ASSUMPTIONS`]. Cost: reading the
    /// sources and one regionalisation of 19 divisions.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for an unknown LGA (listing the closest names);
    /// [`Error::OutOfRange`] for an LGA without classified jobs; the errors of reading the
    /// sources and of [`crate::regionalize::regionalize`].
    pub fn australia_lga_2021(&self, name: &str) -> Result<RegionalTable> {
        let lga = self.australia_lga(name)?;
        let national = self.australia_2021()?;
        let employment = self.australia_2021_employment()?;
        lga_table(&national, &employment, &lga)
    }

    /// A Monte Carlo over an LGA table's assumptions
    /// ([`crate::uncertainty::REGIONALISED_UNCERTAIN_ASSUMPTIONS`]: δ, the resident share,
    /// the locally owned surplus share, tax retention, noise on the national flows), the
    /// table built as [`Sources::australia_lga_2021`] builds it
    /// ([`crate::uncertainty::regionalised`]).
    ///
    /// # Errors
    ///
    /// As [`Sources::australia_lga_2021`] and [`crate::uncertainty::regionalised`].
    pub fn australia_lga_uncertainty(
        &self,
        name: &str,
        spec: &crate::uncertainty::UncertaintySpec,
        max_draws: usize,
    ) -> Result<crate::uncertainty::MonteCarlo> {
        let lga = self.australia_lga(name)?;
        if lga.work.iter().sum::<f64>() <= 0.0 {
            return Err(Error::OutOfRange {
                location: Location::Field(format!("{LGA_FILE}: {}", lga.lga)),
                value: 0.0,
                expected: "an LGA with jobs classified to a division".into(),
            });
        }
        let national = self.australia_2021()?;
        let employment = self.australia_2021_employment()?;
        crate::uncertainty::regionalised(
            &national,
            &employment,
            &lga.work,
            &lga_options(&lga),
            spec,
            max_draws,
        )
    }

    /// The atlas of every listed LGA ([`LgaEmployment::is_listed`], alphabetical), built and
    /// reported in parallel.
    /// Cost: one regionalisation and report of 19 divisions per LGA.
    ///
    /// # Errors
    ///
    /// The errors of reading the sources, of regionalising and of reporting.
    pub fn australia_lga_atlas(&self) -> Result<Atlas> {
        let national = self.australia_2021()?;
        let employment = self.australia_2021_employment()?;
        let lgas: Vec<LgaEmployment> = self
            .australia_lgas()?
            .into_iter()
            .filter(LgaEmployment::is_listed)
            .collect();
        let rows = crate::atlas::map(&lgas, |l| {
            AtlasRow::new(&l.dataset, &lga_table(&national, &employment, l)?)
        })?;
        Ok(Atlas::from_rows(rows))
    }
}

impl Sources {
    /// The ABS national table 2021-22 at 115 IOIG industries (AUD million), codes the
    /// division letter and the industry's place in it (`C07` bakery products); the industries
    /// of each division add up to the 19-division table ([`Sources::australia_2021`]). No
    /// employment: the ABS publishes it by division only.
    ///
    /// # Errors
    ///
    /// The errors of [`read_csv`] for a malformed file.
    pub fn australia_2021_115(&self) -> Result<RegionalTable> {
        read_csv(&self.australia_2021_22_115).map_err(|e| source_error(TABLE_115_FILE, e))
    }

    /// An LGA at 115 industries: Australia 2021-22 (115 industries) regionalised by FLQ
    /// (δ = 0.3). The census counts jobs by division only, so each division's national and
    /// LGA employment is split across its industries in proportion to national output — the
    /// quotients are the division's, the coefficients the industry's — and each industry
    /// takes its division's resident share; the source line says so. Each division's output
    /// equals that of the 19-division LGA table.
    ///
    /// # Errors
    ///
    /// As [`Sources::australia_lga_2021`]; [`Error::MissingData`] for an industry code that
    /// does not start with a division letter.
    pub fn australia_lga_2021_115(&self, name: &str) -> Result<RegionalTable> {
        let lga = self.australia_lga(name)?;
        let national = self.australia_2021_115()?;
        let division_employment = self.australia_2021_employment()?;
        let x = national.output();
        let division: Vec<usize> = national
            .sectors()
            .iter()
            .map(|s| {
                s.code
                    .bytes()
                    .next()
                    .filter(|b| (b'A'..=b'S').contains(b))
                    .map(|b| usize::from(b - b'A'))
                    .ok_or_else(|| Error::MissingData {
                        what: format!("{TABLE_115_FILE}: industry code {:?} does not start with a division letter A-S", s.code),
                    })
            })
            .collect::<Result<_>>()?;
        let mut division_output = [0.0; 19];
        for (j, d) in division.iter().enumerate() {
            division_output[*d] += x[j];
        }
        let split = |by_division: &[f64]| -> Vec<f64> {
            division
                .iter()
                .enumerate()
                .map(|(j, d)| {
                    if division_output[*d] > 0.0 {
                        by_division[*d] * x[j] / division_output[*d]
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        let detailed = LgaEmployment {
            work: split(&lga.work),
            live_and_work: split(&lga.live_and_work),
            ..lga.clone()
        };
        let mut table = lga_table(&national, &split(&division_employment), &detailed)?.into_parts();
        table.name = format!("{} 2021-22 (115 industries)", lga.lga);
        table.source = Some(format!(
            "{}; ASSUMPTION: 115 industries: each division's jobs split across its industries in proportion to national output (the census counts jobs by division only)",
            table.source.unwrap_or_default()
        ));
        RegionalTable::new(table)
    }
}

/// The options of an LGA table: FLQ (δ = 0.3) and the resident share per division.
#[must_use]
pub fn lga_options(lga: &LgaEmployment) -> RegionalizeOptions {
    RegionalizeOptions {
        name: format!("{} 2021-22", lga.lga),
        method: LqMethod::Flq,
        delta: crate::regionalize::DEFAULT_DELTA,
        resident_compensation_share: Some(Share::PerSector(lga.resident_shares())),
        local_surplus_share: None,
        employment_unit: "persons employed (census 2021, place of work)".into(),
    }
}

fn lga_table(
    national: &RegionalTable,
    employment: &[f64],
    lga: &LgaEmployment,
) -> Result<RegionalTable> {
    if lga.work.iter().sum::<f64>() <= 0.0 {
        return Err(Error::OutOfRange {
            location: Location::Field(format!("{LGA_FILE}: {}", lga.lga)),
            value: 0.0,
            expected: "an LGA with jobs classified to a division".into(),
        });
    }
    let table =
        crate::regionalize::regionalize(national, employment, &lga.work, &lga_options(lga))?;
    let mut parts = table.into_parts();
    parts.source = Some(format!(
        "{}; {}, {}: {} jobs classified to a division ({} unclassified, left out), {:.1} % held by residents (2021 census); {LGA_ASSUMPTIONS}; {AUSTRALIA_2021_ATTRIBUTION}",
        parts.source.unwrap_or_default(),
        lga.lga,
        lga.state,
        lga.work.iter().sum::<f64>(),
        lga.unclassified,
        100.0 * lga.resident_share(),
    ));
    RegionalTable::new(parts)
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests;
