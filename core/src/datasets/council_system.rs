//! Scotland's 32 council areas as one interregional system, 2019: each council's own
//! trade from its council table ([`Sources::council_2019`]), the trade between councils from
//! what each council buys from the rest of Scotland.

use super::Sources;
use super::councils::OUTSIDE_OWNED_PROFIT_SHARE;
use crate::error::{Error, Result};
use crate::interregional::{
    InterregionalFinalDemand, InterregionalParts, InterregionalTable, Region,
};
use crate::table::{FinalDemandKind, PrimaryInputKind, PrimaryInputRow, RegionalTable};

/// The assumptions the 32-council system rests on, beyond those of each council table
/// ([`super::COUNCIL_ASSUMPTIONS`]).
pub const COUNCIL_SYSTEM_ASSUMPTIONS: &[&str] = &[
    "ESTIMATE: each council's own trade is its council table's (FLQ, δ = 0.3, from Scotland 2019 and BRES 2019 jobs).",
    "ESTIMATE: what a council's industry buys of a product from the rest of Scotland (the Scottish coefficient minus the council's) comes from the other councils in proportion to their output of that product (a pool: no distance decay).",
    "ESTIMATE: each council's households buy locally what their council table says, and the rest of their share of Scotland's household spending on Scottish products (their share of Scotland's residents in employment, 2011 census) from the other councils, pooled like the industries' purchases.",
    "RESIDUAL: the rest of each entry's final demand (government, investment, exports, visitors) is its output minus its sales to industries and households in the system, by no region in particular.",
    "Purchases from the rest of the UK and the rest of the world, taxes, wages and surplus are each council table's primary inputs: payments beyond the system.",
];

/// The label of the primary input that holds purchases from the rest of Scotland of products
/// that no other council makes (zero in the embedded data; kept for other inputs).
pub const UNALLOCATED_REST_OF_NATION: &str = "rest of Scotland (no producer among the councils)";

/// Councils grouped into regions, and the 98 industries into sectors, for building a council
/// system (every council its own region and every industry its own sector for
/// [`Sources::scotland_council_system_2019`]).
pub(super) struct Layout {
    /// The regions' names.
    pub names: Vec<String>,
    /// The region of each council (in [`Sources::council_commuting`]'s order).
    pub region_of: Vec<usize>,
    /// The sector of each industry.
    pub sector_of: Vec<usize>,
    /// The sectors.
    pub sectors: Vec<crate::table::Sector>,
}

/// The councils' trade summed by a [`Layout`]: `G` regions of `m` sectors, `N = G·m` entries.
pub(super) struct CouncilBlocks {
    /// `Z` among the councils (`N × N`, row-major).
    pub z: Vec<f64>,
    /// Output per entry.
    pub output: Vec<f64>,
    /// Each region's households' purchases from every entry.
    pub households: Vec<Vec<f64>>,
    /// The council tables' primary inputs other than the rest of Scotland, by label.
    pub primary: Vec<PrimaryInputRow>,
    /// Purchases from the rest of Scotland that no other council makes, per entry.
    pub unallocated: Vec<f64>,
    /// Each region's purchases from the rest of the UK by product and buyer (`m × m`).
    pub ruk_use: Vec<Vec<f64>>,
    /// Each region's sales to the rest of the UK by product (`EXPORTS_RUK`).
    pub exports_ruk: Vec<Vec<f64>>,
    /// Each region's share of Scotland's residents in employment.
    pub resident_share: Vec<f64>,
}

impl Sources {
    /// Scotland's 32 council areas 2019 as one interregional system of `32 × 98 = 3,136`
    /// entries (the assumptions in [`COUNCIL_SYSTEM_ASSUMPTIONS`]). With `x_c` a council's
    /// output and `M_c[i, j]` what its industry `j` buys of product `i` from the rest of
    /// Scotland (its table's `IMPORTS_REST_OF_NATION` by product, exact by the
    /// regionalisation), the block of council `s` selling to council `c ≠ s` is
    /// `Z_sc[i, j] = M_c[i, j] · x_s[i] / Σ_{k ≠ c} x_k[i]`. Final demand is `x − Z·1` per
    /// entry, and the council tables' other primary inputs are kept, so that both identities
    /// hold. Cost: 32 regionalisations of 98 industries (in parallel), then `N²` values
    /// (9.8 million, 79 MB); analyses of the system factor it once (`2N³/3` flops, about a
    /// second on one core).
    ///
    /// # Errors
    ///
    /// The errors of reading the sources and of [`Sources::council_2019`];
    /// [`Error::Unbalanced`] if a council's sales to the system exceed its output beyond the
    /// tolerance.
    pub fn scotland_council_system_2019(&self) -> Result<InterregionalTable> {
        let scotland = self.scotland_2019()?;
        let councils = self.council_commuting()?;
        let layout = Layout {
            names: councils.iter().map(|c| c.council.clone()).collect(),
            region_of: (0..councils.len()).collect(),
            sector_of: (0..scotland.n()).collect(),
            sectors: scotland.sectors().to_vec(),
        };
        let b = self.council_blocks(&scotland, &layout)?;
        let big = b.output.len();
        let final_demand: Vec<f64> = (0..big)
            .map(|i| {
                b.output[i]
                    - b.z[i * big..(i + 1) * big].iter().sum::<f64>()
                    - b.households.iter().map(|h| h[i]).sum::<f64>()
            })
            .collect();
        let mut primary = b.primary;
        if b.unallocated.iter().any(|v| *v != 0.0) {
            primary.push(PrimaryInputRow {
                label: UNALLOCATED_REST_OF_NATION.into(),
                kind: PrimaryInputKind::ImportsRestOfCountry,
                values: b.unallocated,
            });
        }
        let regions = layout
            .names
            .iter()
            .map(|name| Region {
                name: name.clone(),
                sectors: layout.sectors.clone(),
            })
            .collect();
        let mut parts =
            InterregionalParts::new("Scotland's 32 council areas 2019", regions, b.z, b.output);
        parts.unit = scotland.unit().to_string();
        parts.source = Some(format!(
            "{} Council tables: {}. System: {}",
            super::SCOTLAND_2019_ATTRIBUTION,
            super::COUNCIL_ASSUMPTIONS,
            COUNCIL_SYSTEM_ASSUMPTIONS.join(" ")
        ));
        parts.final_demand = layout
            .names
            .iter()
            .zip(b.households)
            .map(|(name, values)| InterregionalFinalDemand {
                label: format!("{name}/households"),
                region: Some(name.clone()),
                kind: FinalDemandKind::Households,
                values,
            })
            .collect();
        parts.final_demand.push(InterregionalFinalDemand {
            label: "other final demand (all buyers)".into(),
            region: None,
            kind: FinalDemandKind::Other,
            values: final_demand,
        });
        parts.primary_inputs = primary;
        InterregionalTable::new(parts)
    }

    /// The 32 council tables' trade with each other, summed by `layout` (see
    /// [`Sources::scotland_council_system_2019`] for the rule), with what each region buys
    /// from and sells to the rest of the UK. Cost: 32 regionalisations, then
    /// `O(32 · 98² · 32)` for the pooled purchases and `(G·m)²` values.
    pub(super) fn council_blocks(
        &self,
        scotland: &RegionalTable,
        layout: &Layout,
    ) -> Result<CouncilBlocks> {
        let councils = self.council_commuting()?;
        let surplus = self.local_surplus_shares(scotland, OUTSIDE_OWNED_PROFIT_SHARE)?;
        let tables = crate::atlas::map(&councils, |c| {
            self.council_table(scotland, surplus.clone(), c)
        })?;
        let n = scotland.n();
        let m = layout.sectors.len();
        let g = layout.names.len();
        let big = g * m;
        let (of, rg) = (&layout.sector_of, &layout.region_of);
        // output of each product over all councils
        let mut all = vec![0.0; n];
        for t in &tables {
            for (a, x) in all.iter_mut().zip(t.output()) {
                *a += x;
            }
        }
        let block = |t: &RegionalTable, origin: &str| {
            t.import_use()
                .and_then(|u| u.blocks.iter().find(|b| b.origin == origin))
                .map(|b| b.values.clone())
                .ok_or_else(|| Error::MissingData {
                    what: format!("purchases from {origin} by product of {}", t.name()),
                })
        };
        let mut z = vec![0.0; big * big];
        let mut unallocated = vec![0.0; big];
        let mut ruk_use = vec![vec![0.0; m * m]; g];
        let mut exports_ruk = vec![vec![0.0; m]; g];
        for (c, t) in tables.iter().enumerate() {
            let local = t.z();
            let rest_label = t.primary_inputs().first().map(|p| p.label.clone());
            let rest = block(t, rest_label.as_deref().unwrap_or("the rest of Scotland"))?;
            let ruk = block(t, "RUKImp")?;
            let exports = t
                .final_demand()
                .iter()
                .find(|f| f.label == "EXPORTS_RUK")
                .ok_or_else(|| Error::MissingData {
                    what: format!("sales to the rest of the UK (EXPORTS_RUK) of {}", t.name()),
                })?;
            let x_c = t.output();
            let r = rg[c];
            for i in 0..n {
                let others = all[i] - x_c[i];
                exports_ruk[r][of[i]] += exports.values[i];
                for j in 0..n {
                    let col = r * m + of[j];
                    z[(r * m + of[i]) * big + col] += local[i * n + j];
                    ruk_use[r][of[i] * m + of[j]] += ruk[i * n + j];
                    let v = rest[i * n + j];
                    if v == 0.0 {
                        continue;
                    }
                    if others <= 0.0 {
                        unallocated[col] += v;
                        continue;
                    }
                    for (s, u) in tables.iter().enumerate() {
                        if s != c {
                            z[(rg[s] * m + of[i]) * big + col] += v * u.output()[i] / others;
                        }
                    }
                }
            }
        }
        let mut output = vec![0.0; big];
        for (c, t) in tables.iter().enumerate() {
            for (i, x) in t.output().iter().enumerate() {
                output[rg[c] * m + of[i]] += x;
            }
        }
        // households of each council: what they buy locally (the council table's HOUSEHOLD
        // column), and the rest of their share of Scotland's household spending on Scottish
        // products from the other councils, pooled like the industries' purchases
        let national_households = scotland
            .final_demand()
            .iter()
            .find(|c| c.kind == FinalDemandKind::Households)
            .map(|c| c.values.clone())
            .ok_or_else(|| Error::MissingData {
                what: "Scotland's household final demand".into(),
            })?;
        let residents: f64 = councils.iter().map(|c| c.residents_in_employment).sum();
        let mut households = vec![vec![0.0; big]; g];
        let mut resident_share = vec![0.0; g];
        for (c, t) in tables.iter().enumerate() {
            let local = t
                .final_demand()
                .iter()
                .find(|f| f.kind == FinalDemandKind::Households)
                .map(|f| f.values.clone())
                .unwrap_or_else(|| vec![0.0; n]);
            let share = councils[c].residents_in_employment / residents;
            resident_share[rg[c]] += share;
            let values = &mut households[rg[c]];
            for i in 0..n {
                values[rg[c] * m + of[i]] += local[i];
                let rest = (national_households[i] * share - local[i]).max(0.0);
                let others = all[i] - t.output()[i];
                if rest > 0.0 && others > 0.0 {
                    for (s, u) in tables.iter().enumerate() {
                        if s != c {
                            values[rg[s] * m + of[i]] += rest * u.output()[i] / others;
                        }
                    }
                }
            }
        }
        // the council tables' primary inputs other than the rest of Scotland, by label
        let mut primary: Vec<PrimaryInputRow> = Vec::new();
        for (c, t) in tables.iter().enumerate() {
            for row in t.primary_inputs().iter().skip(1) {
                let k = match primary.iter().position(|p| p.label == row.label) {
                    Some(k) => k,
                    None => {
                        primary.push(PrimaryInputRow {
                            label: row.label.clone(),
                            kind: row.kind,
                            values: vec![0.0; big],
                        });
                        primary.len() - 1
                    }
                };
                for (j, v) in row.values.iter().enumerate() {
                    primary[k].values[rg[c] * m + of[j]] += v;
                }
            }
        }
        Ok(CouncilBlocks {
            z,
            output,
            households,
            primary,
            unallocated,
            ruk_use,
            exports_ruk,
            resident_share,
        })
    }
}

/// The 2011 census commuting between the 32 council areas and the rest of the UK: persons by
/// (residence, workplace), places in the file's order (the councils, then `RUK`).
struct Od {
    places: Vec<String>,
    persons: Vec<Vec<f64>>,
}

impl Sources {
    fn council_od(&self) -> Result<Od> {
        const FILE: &str = "census_2011_council_od.csv";
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(self.census_2011_council_od.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| super::read::source_error(FILE, e))?
            .clone();
        let places: Vec<String> = header.iter().skip(1).map(str::to_string).collect();
        let mut persons = Vec::new();
        for (k, r) in reader.records().enumerate() {
            let r = r.map_err(|e| super::read::source_error(FILE, e))?;
            if r.get(0) != places.get(k).map(String::as_str) || r.len() != places.len() + 1 {
                return Err(super::read::source_error(
                    FILE,
                    format!("row {} is not the residence {:?}", k + 1, places.get(k)),
                ));
            }
            persons.push(
                r.iter()
                    .skip(1)
                    .map(|v| super::read::number(v, FILE))
                    .collect::<Result<Vec<f64>>>()?,
            );
        }
        if persons.len() != places.len() {
            return Err(super::read::source_error(FILE, "not a square matrix"));
        }
        Ok(Od { places, persons })
    }

    /// Commuting shares for an interregional system whose regions are places of the census
    /// file (council names, or `"RUK"`) or unions of them (`groups[r]` the places of region
    /// `r`): `shares[s][r]` = persons living in `s` and working in `r`, over everyone working
    /// in `r` (the rest of the UK's residents included: what they earn leaves the system
    /// unless the rest of the UK is a region). Wages per job are taken equal for residents
    /// and in-commuters, as in the council tables.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownLabel`] for a place the file does not have; the errors of reading it.
    pub fn commuting_shares(
        &self,
        groups: &[Vec<String>],
    ) -> Result<crate::interregional::Commuting> {
        let od = self.council_od()?;
        let index = |name: &str| {
            od.places
                .iter()
                .position(|p| p == name)
                .ok_or_else(|| Error::UnknownLabel {
                    what: "place in the census commuting matrix".into(),
                    label: name.into(),
                })
        };
        let groups: Vec<Vec<usize>> = groups
            .iter()
            .map(|g| g.iter().map(|p| index(p)).collect::<Result<Vec<_>>>())
            .collect::<Result<_>>()?;
        let mut shares = vec![vec![0.0; groups.len()]; groups.len()];
        for (w, work) in groups.iter().enumerate() {
            let jobs: f64 = work
                .iter()
                .map(|&c| od.persons.iter().map(|row| row[c]).sum::<f64>())
                .sum();
            if jobs <= 0.0 {
                continue;
            }
            for (s, live) in groups.iter().enumerate() {
                let held: f64 = live
                    .iter()
                    .flat_map(|&l| work.iter().map(move |&c| (l, c)))
                    .map(|(l, c)| od.persons[l][c])
                    .sum();
                shares[s][w] = held / jobs;
            }
        }
        Ok(crate::interregional::Commuting {
            shares,
            income: None,
        })
    }

    /// The households of an embedded interregional dataset `table` (built by
    /// [`Sources::interregional`] from `name`), for [`InterregionalTable::type_ii`]: the
    /// commuting shares of its regions ([`Sources::commuting_shares`]: the 32 councils for
    /// `"scotland-councils-2019"`, whose in-commuters from the rest of the UK take their wages
    /// out of the system; Scotland and the rest of the UK for `"scotland-ruk-2019"` and
    /// `"scotland-ruk-2019-shared"`; the councils and the rest of the UK for
    /// `"scotland-councils-ruk-2019"`; the council, the other councils and the rest of the UK
    /// for `"three-region-2019:<council>"`), and each
    /// region's household income as the compensation its residents receive times Scotland's
    /// ratio of household income to compensation (£156,241m / £84,040m = 1.859, the
    /// Scottish Government's Type II denominator): an ASSUMPTION for the councils and the
    /// rest of the UK, whose household incomes are not embedded.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for another name; the errors of reading the files.
    pub fn interregional_households(
        &self,
        name: &str,
        table: &InterregionalTable,
    ) -> Result<crate::interregional::Commuting> {
        let councils: Vec<String> = self
            .council_commuting()?
            .into_iter()
            .map(|c| c.council)
            .collect();
        let each: Vec<Vec<String>> = councils.iter().map(|c| vec![c.clone()]).collect();
        let ruk = vec!["RUK".to_string()];
        let mut c = match name {
            "scotland-councils-2019" => self.commuting_shares(&each)?,
            "scotland-ruk-2019" | "scotland-ruk-2019-shared" => {
                self.commuting_shares(&[councils, ruk])?
            }
            "scotland-councils-ruk-2019" => self.commuting_shares(&[each, vec![ruk]].concat())?,
            three if three.starts_with(super::THREE_REGION_PREFIX) => {
                let council = &three[super::THREE_REGION_PREFIX.len()..];
                if !councils.iter().any(|c| c == council) {
                    return Err(Error::UnknownLabel {
                        what: "council area of a three-region dataset".into(),
                        label: council.into(),
                    });
                }
                let rest = councils.iter().filter(|c| *c != council).cloned().collect();
                self.commuting_shares(&[vec![council.to_string()], rest, ruk])?
            }
            other => {
                return Err(Error::UnknownOption {
                    what: "interregional dataset".into(),
                    value: other.into(),
                    expected: super::INTERREGIONAL_NAMES.join(", "),
                });
            }
        };
        let scotland = self.scotland_2019()?;
        let compensation: f64 = scotland
            .primary_inputs()
            .iter()
            .filter(|p| p.kind == PrimaryInputKind::Compensation)
            .flat_map(|p| p.values.iter())
            .sum();
        let income = scotland
            .household_closure()
            .household_income
            .ok_or_else(|| Error::MissingData {
                what: "Scotland's household income".into(),
            })?;
        let ratio = income / compensation;
        c.income = Some(
            table
                .received_compensation(&c)
                .into_iter()
                .map(|v| v * ratio)
                .collect(),
        );
        Ok(c)
    }
}
