//! Scotland and the rest of the UK, 2019: a two-region interregional table built by double
//! entry from the ONS UK table and the Scottish Government's table, at the 20 SIC sections.
//!
//! With `S` Scotland and `R` the rest of the UK, the UK table's domestic flows are the sum of
//! four blocks, `Z_UK = Z_SS + Z_RS + Z_SR + Z_RR`, and its domestic final demand the sum of
//! four parts. Scotland's table gives `Z_SS` and its own final demand exactly; what Scotland
//! buys from `R` (its `RUKImp` row) by product; what it sells to `R` (its `EXPORTS_RUK`
//! column). The rest is estimated, each estimate one of [`SCOTLAND_RUK_ASSUMPTIONS`]:
//!
//! 1. `Z_RS`: Scotland's intermediate purchases from `R` by product and buyer — the
//!    import-proportionality estimate of the Scottish sections table (every Scottish user of
//!    product `i` buys the same share of it from `R`, scaled to each buyer's `RUKImp`).
//! 2. Scotland's final purchases from `R` by product: the same rule per final-use group,
//!    scaled to the group's `RUKImp` total (households include residents' spending on trips
//!    to the rest of the UK, spread like their other purchases from `R`).
//! 3. `Z_SR` and `R`'s final demand for Scottish products: the exports to `R` of product `i`
//!    split between intermediate and final use, and among buyers, as the UK uses product `i`
//!    (`Z_UK[i, ·]`, the UK's domestic final demand of `i`).
//! 4. `Z_RR` and `R`'s final demand: the UK's minus the three other blocks; `R`'s exports to
//!    the rest of the world: the UK's minus Scotland's (Scotland's visitors' spending counted
//!    as exports beyond the system); `R`'s primary inputs: the UK's minus Scotland's.
//!
//! A residual block can come out negative where the estimates overdraw the UK's cell: such
//! cells are clipped to zero and reported ([`InterregionalBuild::clipped`]); `R`'s changes in
//! inventories (rows) and gross operating surplus (columns) then absorb the difference, so
//! that both identities hold exactly, and the sizes of both are reported. The build fails
//! when what was clipped exceeds [`TwoRegionOptions::clip_tolerance`] of `R`'s output.

use serde::{Deserialize, Serialize};

use super::Sources;
use super::read::{number, records, source_error};
use crate::error::{Error, Result};
use crate::interchange::read_csv;
use crate::interregional::{
    InterregionalFinalDemand, InterregionalParts, InterregionalTable, Region,
};
use crate::table::{FinalDemandKind, PrimaryInputKind, PrimaryInputRow, RegionalTable};

/// The assumptions the Scotland + rest-of-UK table rests on, in the order of the module's
/// description; every result built on it should show them.
pub const SCOTLAND_RUK_ASSUMPTIONS: &[&str] = &[
    "ESTIMATE: Scotland's intermediate purchases from the rest of the UK by product follow import proportionality (each Scottish user of a product buys the same share of it from the rest of the UK), scaled to each industry's published RUKImp.",
    "ESTIMATE: Scotland's final purchases from the rest of the UK by product follow the same rule per final-use group (households, government, investment), scaled to the published RUKImp of each group; residents' spending on trips to the rest of the UK is spread like households' other purchases from there.",
    "ESTIMATE: Scotland's exports to the rest of the UK are split between intermediate and final use, and among buyers, as the UK as a whole uses each product.",
    "RESIDUAL: the rest of the UK is the UK table (ONS 2019, domestic use, basic prices) minus Scotland's blocks; visitors' spending in Scotland counts as exports beyond the system; cells that come out negative are clipped to zero and the rest of the UK's inventories (rows) and operating surplus (columns) absorb the difference.",
    "Both tables are 2019, basic prices, summed to the 20 SIC 2007 sections (ONS codes by their first letter, Scottish industries by SIC division).",
];

/// The attribution of the two-region table (both Open Government Licence v3.0 sources).
pub const SCOTLAND_RUK_ATTRIBUTION: &str = "Contains public sector information licensed under the Open Government Licence v3.0. Sources: Scottish Government, Input-Output Tables 1998-2019; ONS, UK input-output analytical tables 2019.";

/// The region names of the two-region table.
pub const SCOTLAND: &str = "Scotland";
/// The region names of the two-region table.
pub const REST_OF_UK: &str = "Rest of UK";

/// The classification both tables are summed to before the double entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Classification {
    /// The 20 SIC 2007 sections A–T (ONS codes by their first letter, Scottish industries by
    /// their SIC division).
    #[default]
    Sections,
    /// The finest classification the two tables share: 94 groups, the connected components
    /// of the ONS concordance from the UK's 105 IOAT industries to Scotland's 98 IOC098
    /// industries (most groups are one industry of each; nine join two or three). A group's
    /// code is its Scottish codes joined by `" + "`.
    Shared,
}

impl Classification {
    /// The last assumption of a table built at this classification.
    fn assumption(self) -> &'static str {
        match self {
            Self::Sections => SCOTLAND_RUK_ASSUMPTIONS[4],
            Self::Shared => {
                "Both tables are 2019, basic prices, summed to the 94 groups they share (the connected components of the ONS concordance from the UK's 105 IOAT industries to Scotland's 98 IOC098 industries)."
            }
        }
    }

    /// The words that end a table's name.
    pub(super) fn describe(self) -> &'static str {
        match self {
            Self::Sections => "SIC sections",
            Self::Shared => "94 shared groups",
        }
    }
}

/// Options of [`Sources::scotland_ruk_2019`] and the council systems with the rest of the UK.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TwoRegionOptions {
    /// The largest sum of clipped cells, as a share of the rest of the UK's output, that the
    /// build accepts (default 0.01): beyond it the estimates contradict the UK table and the
    /// build is an [`Error::InvalidInput`].
    pub clip_tolerance: f64,
    /// The classification of both tables (default: the 20 SIC sections).
    pub classification: Classification,
}

impl Default for TwoRegionOptions {
    fn default() -> Self {
        Self {
            clip_tolerance: 0.01,
            classification: Classification::Sections,
        }
    }
}

/// A cell of the rest of the UK that came out negative and was set to zero.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClippedCell {
    /// Which part: `"Z_RR"`, `"final demand <group>"`, `"exports"` or a primary input.
    pub part: String,
    /// Selling section (or the primary input's row).
    pub row: String,
    /// Buying section (or the final-demand group).
    pub column: String,
    /// The negative value that was replaced by zero (£ million).
    pub value: f64,
}

/// An embedded interregional table and how it was built ([`Sources::interregional_build`]).
#[derive(Debug, Clone)]
pub struct InterregionalBuild {
    /// The table (for the two-region table: regions [`SCOTLAND`] and [`REST_OF_UK`]).
    pub table: InterregionalTable,
    /// Every clipped cell.
    pub clipped: Vec<ClippedCell>,
    /// `Σ |value|` of the clipped cells (£ million).
    pub clipped_total: f64,
    /// `Σ |adjustment|` of the rest of the UK's inventories that closed its rows (£ million).
    pub row_balancing: f64,
    /// `Σ |adjustment|` of the rest of the UK's operating surplus that closed its columns.
    pub column_balancing: f64,
    /// [`SCOTLAND_RUK_ASSUMPTIONS`] (the last one naming the classification), and those of
    /// the council systems where they are built on it.
    pub assumptions: Vec<String>,
}

/// How an embedded interregional table was built, the table aside: what the bindings
/// return beside the table ([`InterregionalBuild::split`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildReport {
    /// The dataset's name.
    pub name: String,
    /// Every clipped cell.
    pub clipped: Vec<ClippedCell>,
    /// `Σ |value|` of the clipped cells (£ million).
    pub clipped_total: f64,
    /// `Σ |adjustment|` that closed the rest of the UK's rows (£ million).
    pub row_balancing: f64,
    /// `Σ |adjustment|` that closed the rest of the UK's columns (£ million).
    pub column_balancing: f64,
    /// The assumptions the table rests on.
    pub assumptions: Vec<String>,
}

impl InterregionalBuild {
    /// The table and the report of how it was built, under the dataset's `name`.
    #[must_use]
    pub fn split(self, name: &str) -> (InterregionalTable, BuildReport) {
        (
            self.table,
            BuildReport {
                name: name.into(),
                clipped: self.clipped,
                clipped_total: self.clipped_total,
                row_balancing: self.row_balancing,
                column_balancing: self.column_balancing,
                assumptions: self.assumptions,
            },
        )
    }
}

/// The final-use groups of both regions: (label, kind, Scottish columns, UK columns).
const GROUPS: [(&str, FinalDemandKind, &[&str], &[&str]); 3] = [
    (
        "households",
        FinalDemandKind::Households,
        &["HOUSEHOLD"],
        &["P3 S14"],
    ),
    (
        "government and NPISH",
        FinalDemandKind::OtherGovernment,
        &["NPISH", "FD_CENGOV", "FD_LOCGOV"],
        &["P3 S15", "P3 S13"],
    ),
    (
        "investment",
        FinalDemandKind::Investment,
        &["GFCF", "VALUABLES", "INVENTORIES"],
        &["P51G", "P52", "P53"],
    ),
];

/// Primary inputs beyond the system: (label, kind, Scottish row, UK row).
pub(super) const PRIMARY: [(&str, PrimaryInputKind, &str, &str); 5] = [
    (
        "imports from the rest of the world",
        PrimaryInputKind::ImportsRestOfWorld,
        "RoWImp",
        "IMP_CIF",
    ),
    (
        "taxes less subsidies on products",
        PrimaryInputKind::TaxesOnProducts,
        "TlSPrds",
        "D21X31",
    ),
    (
        "other taxes less subsidies on production",
        PrimaryInputKind::TaxesOnProduction,
        "TlSPrdn",
        "D29-D39",
    ),
    (
        "compensation of employees",
        PrimaryInputKind::Compensation,
        "CoE",
        "D1",
    ),
    (
        "gross operating surplus",
        PrimaryInputKind::OperatingSurplus,
        "GOS",
        "GOS & MI",
    ),
];

fn column_sum(t: &RegionalTable, labels: &[&str]) -> Result<Vec<f64>> {
    let mut out = vec![0.0; t.n()];
    for l in labels {
        let c = t
            .final_demand()
            .iter()
            .find(|c| c.label == *l)
            .ok_or_else(|| Error::MissingData {
                what: format!("final-demand column {l:?} of {:?}", t.name()),
            })?;
        for (o, v) in out.iter_mut().zip(&c.values) {
            *o += v;
        }
    }
    Ok(out)
}

fn primary_row<'a>(t: &'a RegionalTable, label: &str) -> Result<&'a [f64]> {
    t.primary_inputs()
        .iter()
        .find(|r| r.label == label)
        .map(|r| r.values.as_slice())
        .ok_or_else(|| Error::MissingData {
            what: format!("primary-input row {label:?} of {:?}", t.name()),
        })
}

/// Spreads `total` over products in proportion to `weights` (all zero: nothing to spread on,
/// so nothing is spread and the caller's identity check reports it).
fn spread(total: f64, weights: &[f64]) -> Vec<f64> {
    let sum: f64 = weights.iter().sum();
    if sum > 0.0 {
        weights.iter().map(|w| total * w / sum).collect()
    } else {
        vec![0.0; weights.len()]
    }
}

/// The names of the embedded interregional datasets, for [`Sources::interregional`]; the
/// three-region tables are named by [`super::THREE_REGION_PREFIX`] and a council.
pub const INTERREGIONAL_NAMES: &[&str] = &[
    "scotland-ruk-2019",
    "scotland-ruk-2019-shared",
    "scotland-councils-2019",
    "scotland-councils-ruk-2019",
    "three-region-2019:<council>",
];

impl Sources {
    /// An embedded interregional dataset by name (the default options):
    ///
    /// | name | table |
    /// |---|---|
    /// | `scotland-ruk-2019` | Scotland and the rest of the UK at the 20 SIC sections ([`Sources::scotland_ruk_2019`]) |
    /// | `scotland-ruk-2019-shared` | the same at the 94 groups both tables share ([`Classification::Shared`]) |
    /// | `scotland-councils-2019` | the 32 council areas as one system, 98 industries ([`Sources::scotland_council_system_2019`]) |
    /// | `scotland-councils-ruk-2019` | the 32 council areas and the rest of the UK, 94 shared groups ([`Sources::scotland_councils_ruk_2019`]) |
    /// | `three-region-2019:<council>` | a council, the rest of Scotland and the rest of the UK, 94 shared groups ([`Sources::council_scotland_ruk_2019`]), e.g. `three-region-2019:Glasgow City` |
    ///
    /// # Errors
    ///
    /// [`Error::UnknownOption`] for another name; [`Error::UnknownLabel`] for a three-region
    /// name whose council is not one of the 32; the errors of the builders.
    pub fn interregional(&self, name: &str) -> Result<InterregionalTable> {
        Ok(self.interregional_build(name)?.table)
    }

    /// An embedded interregional dataset by name ([`Sources::interregional`]) with how it was
    /// built: the cells clipped, the balancing and the assumptions (for
    /// `scotland-councils-2019`: nothing clipped or balanced, [`COUNCIL_SYSTEM_ASSUMPTIONS`]).
    ///
    /// # Errors
    ///
    /// As [`Sources::interregional`].
    ///
    /// [`COUNCIL_SYSTEM_ASSUMPTIONS`]: super::COUNCIL_SYSTEM_ASSUMPTIONS
    pub fn interregional_build(&self, name: &str) -> Result<InterregionalBuild> {
        let shared = TwoRegionOptions {
            classification: Classification::Shared,
            ..TwoRegionOptions::default()
        };
        if let Some(council) = name.strip_prefix(super::THREE_REGION_PREFIX) {
            return self.council_scotland_ruk_2019(council, shared);
        }
        match name {
            "scotland-ruk-2019" => self.scotland_ruk_2019(TwoRegionOptions::default()),
            "scotland-ruk-2019-shared" => self.scotland_ruk_2019(shared),
            "scotland-councils-2019" => Ok(InterregionalBuild {
                table: self.scotland_council_system_2019()?,
                clipped: Vec::new(),
                clipped_total: 0.0,
                row_balancing: 0.0,
                column_balancing: 0.0,
                assumptions: super::COUNCIL_SYSTEM_ASSUMPTIONS
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            }),
            "scotland-councils-ruk-2019" => self.scotland_councils_ruk_2019(shared),
            other => Err(Error::UnknownOption {
                what: "interregional dataset".into(),
                value: other.into(),
                expected: INTERREGIONAL_NAMES.join(", "),
            }),
        }
    }

    /// The UK 2019 table summed to the 20 SIC sections (ONS, domestic use at basic prices).
    ///
    /// # Errors
    ///
    /// The errors of reading the embedded CSV.
    pub fn uk_2019_sections(&self) -> Result<RegionalTable> {
        read_csv(&self.uk_2019_sections)
    }

    /// The UK 2019 table summed to the 94 groups it shares with the Scottish 98 industries
    /// ([`Classification::Shared`]).
    ///
    /// # Errors
    ///
    /// The errors of reading the embedded CSV.
    pub fn uk_2019_shared(&self) -> Result<RegionalTable> {
        read_csv(&self.uk_2019_shared)
    }

    /// The shared group (an index into [`Sources::uk_2019_shared`]'s sectors) of each of the
    /// Scottish 98 industries, in the table's order.
    fn shared_groups(&self, industries: &RegionalTable, uk: &RegionalTable) -> Result<Vec<usize>> {
        let file = "ioc098_shared.csv";
        let mut group = vec![None; industries.n()];
        for r in records(&self.ioc098_shared, file, 3)? {
            let k = industries.sector_index(&r[0])?;
            group[k] = Some(uk.sector_index(&r[1])?);
        }
        group
            .into_iter()
            .enumerate()
            .map(|(k, g)| {
                g.ok_or_else(|| {
                    source_error(
                        file,
                        format!("no group for industry {:?}", industries.sectors()[k].code),
                    )
                })
            })
            .collect()
    }

    /// The Scottish 2019 table (98 industries, with its imports by product) summed to the 94
    /// groups it shares with the UK table ([`Classification::Shared`]).
    ///
    /// # Errors
    ///
    /// The errors of reading the embedded files and of aggregating.
    pub fn scotland_2019_shared(&self) -> Result<RegionalTable> {
        let industries = self.scotland_2019()?;
        let uk = self.uk_2019_shared()?;
        Ok(self.shared_tables(&industries, &uk)?.0)
    }

    /// Scotland at the shared groups, and the group of each industry.
    fn shared_tables(
        &self,
        industries: &RegionalTable,
        uk: &RegionalTable,
    ) -> Result<(RegionalTable, Vec<usize>)> {
        let group = self.shared_groups(industries, uk)?;
        let codes: Vec<String> = group
            .iter()
            .map(|&g| uk.sectors()[g].code.clone())
            .collect();
        let names = uk
            .sectors()
            .iter()
            .map(|s| (s.code.clone(), s.name.clone()))
            .collect();
        let mut parts = crate::regionalize::aggregate(industries, &codes, &names)?.into_parts();
        parts.name = "Scotland 2019 (94 shared groups)".into();
        Ok((RegionalTable::new(parts)?, group))
    }

    /// Scotland and the UK at a classification, and the sector of each Scottish industry.
    pub(super) fn two_region_sources(
        &self,
        classification: Classification,
        industries: &RegionalTable,
    ) -> Result<(RegionalTable, RegionalTable, Vec<usize>)> {
        match classification {
            Classification::Sections => {
                let scot = self.scotland_2019_sections()?;
                let uk = self.uk_2019_sections()?;
                let group = industries
                    .sectors()
                    .iter()
                    .map(|x| {
                        let letter = crate::regionalize::sic_section(&x.code).ok_or_else(|| {
                            Error::UnknownLabel {
                                what: "industry code (no SIC division)".into(),
                                label: x.code.clone(),
                            }
                        })?;
                        scot.sector_index(&letter.to_string())
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((scot, uk, group))
            }
            Classification::Shared => {
                let uk = self.uk_2019_shared()?;
                let (scot, group) = self.shared_tables(industries, &uk)?;
                Ok((scot, uk, group))
            }
        }
    }

    /// Scotland's purchases from the rest of the UK by final-use column of its 2019 table.
    fn scotland_ruk_final_purchases(&self, column: &str) -> Result<f64> {
        let file = "scotland_2019_ruk_purchases_by_final_use.csv";
        for r in records(&self.scotland_2019_ruk_purchases_by_final_use, file, 2)? {
            if &r[0] == column {
                return number(&r[1], file);
            }
        }
        Err(source_error(file, format!("no row {column:?}")))
    }

    /// Scotland and the rest of the UK, 2019, at the 20 SIC sections: an interregional table
    /// built by double entry: Scotland's table gives `Z_SS`, its own final demand, its purchases
    /// from and sales to the rest of the UK; the rest of the UK is the UK table minus those
    /// blocks; every estimate is one of [`SCOTLAND_RUK_ASSUMPTIONS`], and negative residual cells
    /// are clipped and reported in [`InterregionalBuild`] (the book's page *The region in its
    /// country* explains the steps).
    /// Cost: `O(s²)` for `s` = 20 sections, plus reading the Scottish 98-industry table.
    ///
    /// # Errors
    ///
    /// The errors of reading the sources; [`Error::InvalidInput`] when the clipped cells sum
    /// beyond `options.clip_tolerance` of the rest of the UK's output, or when the two tables
    /// do not share their sections.
    pub fn scotland_ruk_2019(&self, options: TwoRegionOptions) -> Result<InterregionalBuild> {
        let industries = self.scotland_2019()?;
        let (scot, uk, group) = self.two_region_sources(options.classification, &industries)?;
        let s = scot.n();
        let codes: Vec<&str> = scot.sectors().iter().map(|x| x.code.as_str()).collect();
        if uk
            .sectors()
            .iter()
            .map(|x| x.code.as_str())
            .ne(codes.iter().copied())
        {
            return Err(Error::InvalidInput {
                what: "the Scottish and UK section tables".into(),
                message: "they do not list the same sections in the same order".into(),
            });
        }
        let (zs, zu) = (scot.z(), uk.z());
        let (xs, xu) = (scot.output(), uk.output());
        let xr: Vec<f64> = xu.iter().zip(xs).map(|(u, s)| u - s).collect();
        let mut clipped = Vec::new();
        let mut clip = |part: &str, row: &str, column: &str, v: f64| {
            if v < 0.0 {
                clipped.push(ClippedCell {
                    part: part.into(),
                    row: row.into(),
                    column: column.into(),
                    value: v,
                });
                0.0
            } else {
                v
            }
        };

        // (1) Z_RS: what Scottish industries buy from the rest of the UK, by product
        let import_use = scot.import_use().ok_or_else(|| Error::MissingData {
            what: "Scotland's imports by product and buyer".into(),
        })?;
        let z_rs = import_use
            .blocks
            .iter()
            .find(|b| b.origin == "RUKImp")
            .map(|b| b.values.clone())
            .ok_or_else(|| Error::MissingData {
                what: "Scotland's purchases from the rest of the UK by product (RUKImp)".into(),
            })?;

        // (2) Scotland's final purchases from the rest of the UK: import proportionality,
        // rho_i = imports of i from rUK (all uses) / local uses of i
        let by_industry = self.scotland_2019_product_imports(&industries)?;
        let mut m_ruk = vec![0.0; s];
        for (k, v) in by_industry[0].values.iter().enumerate() {
            m_ruk[group[k]] += v;
        }
        let own: Vec<Vec<f64>> = GROUPS
            .iter()
            .map(|(_, _, cols, _)| column_sum(&scot, cols))
            .collect::<Result<_>>()?;
        let rho: Vec<f64> = (0..s)
            .map(|i| {
                let uses: f64 = zs[i * s..(i + 1) * s].iter().sum::<f64>()
                    + own.iter().map(|y| y[i].max(0.0)).sum::<f64>();
                if uses > 0.0 { m_ruk[i] / uses } else { 0.0 }
            })
            .collect();
        let mut f_rs = Vec::new();
        for ((_, _, cols, _), y) in GROUPS.iter().zip(&own) {
            let total = cols
                .iter()
                .map(|c| self.scotland_ruk_final_purchases(c))
                .sum::<Result<f64>>()?;
            let weights: Vec<f64> = (0..s).map(|i| y[i].max(0.0) * rho[i]).collect();
            f_rs.push(spread(total, &weights));
        }

        // (3) Scotland's exports to the rest of the UK, used as the UK uses each product
        let e_ruk = column_sum(&scot, &["EXPORTS_RUK"])?;
        let uk_final: Vec<Vec<f64>> = GROUPS
            .iter()
            .map(|(_, _, _, cols)| column_sum(&uk, cols))
            .collect::<Result<_>>()?;
        let mut z_sr = vec![0.0; s * s];
        let mut f_sr = vec![vec![0.0; s]; GROUPS.len()];
        for i in 0..s {
            let intermediate: f64 = zu[i * s..(i + 1) * s].iter().sum();
            let finals: Vec<f64> = uk_final.iter().map(|y| y[i].max(0.0)).collect();
            let total = intermediate + finals.iter().sum::<f64>();
            if total <= 0.0 {
                continue;
            }
            for j in 0..s {
                z_sr[i * s + j] = e_ruk[i] * zu[i * s + j] / total;
            }
            for (g, f) in finals.iter().enumerate() {
                f_sr[g][i] = e_ruk[i] * f / total;
            }
        }

        // (4) the rest of the UK: the UK minus Scotland's blocks
        let mut z_rr = vec![0.0; s * s];
        for k in 0..s * s {
            let v = zu[k] - zs[k] - z_rs[k] - z_sr[k];
            z_rr[k] = clip("Z_RR", codes[k / s], codes[k % s], v);
        }
        let mut f_rr = vec![vec![0.0; s]; GROUPS.len()];
        for (g, (label, ..)) in GROUPS.iter().enumerate() {
            for i in 0..s {
                let v = uk_final[g][i] - own[g][i] - f_rs[g][i] - f_sr[g][i];
                // investment holds the changes in inventories: it may be negative
                f_rr[g][i] = if g == 2 {
                    v
                } else {
                    clip(&format!("final demand {label}"), codes[i], label, v)
                };
            }
        }
        let exports_s: Vec<f64> = column_sum(&scot, &["EXPORTS_ROW", "EXPORTS_NONRES"])?;
        let exports_uk = column_sum(&uk, &["P61EU", "P61RW", "P62"])?;
        let exports_r: Vec<f64> = (0..s)
            .map(|i| {
                clip(
                    "exports",
                    codes[i],
                    "rest of the world",
                    exports_uk[i] - exports_s[i],
                )
            })
            .collect();
        let mut primary_r = Vec::new();
        for (label, kind, srow, urow) in PRIMARY {
            let (a, b) = (primary_row(&scot, srow)?, primary_row(&uk, urow)?);
            primary_r.push(
                (0..s)
                    .map(|j| {
                        let v = b[j] - a[j];
                        if kind.may_be_negative() {
                            v
                        } else {
                            clip(label, label, codes[j], v)
                        }
                    })
                    .collect::<Vec<f64>>(),
            );
        }
        // rows: inventories (in investment) close each rest-of-UK row exactly
        let mut row_balancing = 0.0;
        for i in 0..s {
            let sold: f64 = z_rr[i * s..(i + 1) * s].iter().sum::<f64>()
                + z_rs[i * s..(i + 1) * s].iter().sum::<f64>()
                + (0..GROUPS.len())
                    .map(|g| f_rr[g][i] + f_rs[g][i])
                    .sum::<f64>()
                + exports_r[i];
            row_balancing += (xr[i] - sold).abs();
            f_rr[2][i] += xr[i] - sold;
        }
        // columns: operating surplus closes each rest-of-UK column exactly
        let mut column_balancing = 0.0;
        for j in 0..s {
            let bought: f64 = (0..s)
                .map(|i| z_rr[i * s + j] + z_sr[i * s + j])
                .sum::<f64>()
                + primary_r.iter().map(|r| r[j]).sum::<f64>();
            column_balancing += (xr[j] - bought).abs();
            primary_r[4][j] += xr[j] - bought;
        }
        let clipped_total: f64 = clipped.iter().map(|c| c.value.abs()).sum();
        let rest_output: f64 = xr.iter().sum();
        if clipped_total > options.clip_tolerance * rest_output {
            return Err(Error::InvalidInput {
                what: "the Scotland + rest-of-UK table".into(),
                message: format!(
                    "£{clipped_total:.1}m of negative cells were clipped ({:.3} % of the rest of \
                     the UK's output), beyond the clip tolerance of {:.3} %",
                    100.0 * clipped_total / rest_output,
                    100.0 * options.clip_tolerance
                ),
            });
        }

        // assemble: Scotland's sections, then the rest of the UK's
        let n = 2 * s;
        let mut z = vec![0.0; n * n];
        for i in 0..s {
            for j in 0..s {
                z[i * n + j] = zs[i * s + j];
                z[i * n + s + j] = z_sr[i * s + j];
                z[(s + i) * n + j] = z_rs[i * s + j];
                z[(s + i) * n + s + j] = z_rr[i * s + j];
            }
        }
        let mut final_demand = Vec::new();
        for (g, (label, kind, ..)) in GROUPS.iter().enumerate() {
            for (region, scottish, rest) in [
                (SCOTLAND, &own[g], &f_rs[g]),
                (REST_OF_UK, &f_sr[g], &f_rr[g]),
            ] {
                final_demand.push(InterregionalFinalDemand {
                    label: format!("{region}/{label}"),
                    region: Some(region.into()),
                    kind: *kind,
                    values: scottish.iter().chain(rest.iter()).copied().collect(),
                });
            }
        }
        final_demand.push(InterregionalFinalDemand {
            label: "exports to the rest of the world".into(),
            region: None,
            kind: FinalDemandKind::ExportsRestOfWorld,
            values: exports_s.iter().chain(&exports_r).copied().collect(),
        });
        let mut primary_inputs = Vec::new();
        for ((label, kind, srow, _), rest) in PRIMARY.iter().zip(&primary_r) {
            primary_inputs.push(PrimaryInputRow {
                label: (*label).into(),
                kind: *kind,
                values: primary_row(&scot, srow)?
                    .iter()
                    .chain(rest)
                    .copied()
                    .collect(),
            });
        }
        let sectors = scot.sectors().to_vec();
        let mut parts = InterregionalParts::new(
            format!(
                "Scotland and the rest of the UK 2019 ({})",
                options.classification.describe()
            ),
            vec![
                Region {
                    name: SCOTLAND.into(),
                    sectors: sectors.clone(),
                },
                Region {
                    name: REST_OF_UK.into(),
                    sectors,
                },
            ],
            z,
            xs.iter().chain(&xr).copied().collect(),
        );
        parts.unit = "GBP million".into();
        let assumptions: Vec<String> = SCOTLAND_RUK_ASSUMPTIONS[..4]
            .iter()
            .chain(&[options.classification.assumption()])
            .map(ToString::to_string)
            .collect();
        parts.source = Some(format!(
            "{SCOTLAND_RUK_ATTRIBUTION} Built by double entry; assumptions: {}",
            assumptions.join(" ")
        ));
        parts.final_demand = final_demand;
        parts.primary_inputs = primary_inputs;
        Ok(InterregionalBuild {
            table: InterregionalTable::new(parts)?,
            clipped,
            clipped_total,
            row_balancing,
            column_balancing,
            assumptions,
        })
    }
}
