//! The validation tables as Markdown, exactly as the book prints them (a test checks the book
//! against these).

use std::fmt::Write as _;

use super::{CommutingCheck, GvaValidation};

impl GvaValidation {
    /// One row per area: ONS GVA and share of Scotland, the regionalised GVA and share, and
    /// their ratio; the mean absolute error closes the table.
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "| area (ITL3) | ONS GVA £m | ONS share | regionalised GVA £m | regionalised share | ratio |\n|---|---|---|---|---|---|\n",
        );
        for a in &self.areas {
            let _ = writeln!(
                out,
                "| {} ({}) | {:.0} | {:.2} % | {:.0} | {:.2} % | {:.3} |",
                a.name,
                a.itl3,
                a.ons_gva,
                100.0 * a.ons_share,
                a.regionalised_gva,
                100.0 * a.regionalised_share,
                a.ratio
            );
        }
        let _ = writeln!(
            out,
            "| mean absolute error of the ratio | | | | | {:.3} |",
            self.mean_absolute_error
        );
        out
    }

    /// The named areas' shares of Scotland's GVA by section group, ONS against the
    /// regionalisation, with their ratio.
    #[must_use]
    pub fn sections_markdown(&self, itl3: &[&str]) -> String {
        let areas: Vec<_> = itl3
            .iter()
            .filter_map(|code| self.areas.iter().find(|a| a.itl3 == *code))
            .collect();
        let mut out = String::from("| section |");
        for a in &areas {
            let _ = write!(out, " {} ONS | regionalised | ratio |", a.name);
        }
        out.push_str("\n|---|");
        out.push_str(&"---|---|---|".repeat(areas.len()));
        out.push('\n');
        let Some(first) = areas.first() else {
            return out;
        };
        for (g, s) in first.sections.iter().enumerate() {
            let _ = write!(out, "| {} |", s.section);
            for a in &areas {
                let s = &a.sections[g];
                let _ = write!(
                    out,
                    " {:.1} % | {:.1} % | {:.2} |",
                    100.0 * s.ons,
                    100.0 * s.regionalised,
                    s.regionalised / s.ons
                );
            }
            out.push('\n');
        }
        out
    }
}

impl CommutingCheck {
    /// One row per area: the census net ratio of workers, the ONS net ratio of wages, and
    /// the two resident shares of jobs; the mean absolute gap between the net ratios closes
    /// the table.
    #[must_use]
    pub fn markdown(checks: &[CommutingCheck]) -> String {
        let mut out = String::from(
            "| area (ITL3) | workers: residents / workplace (census 2011) | wages: resident / workplace CoE (ONS 2018) | residents' share of fixed-workplace jobs | residents' share of the workplace population |\n|---|---|---|---|---|\n",
        );
        let mut gaps = Vec::new();
        for c in checks {
            let coe = c
                .coe_ratio
                .map_or_else(|| "—".to_string(), |r| format!("{r:.3}"));
            if let Some(r) = c.coe_ratio {
                gaps.push((r - c.census_net_ratio).abs());
            }
            let _ = writeln!(
                out,
                "| {} ({}) | {:.3} | {coe} | {:.3} | {:.3} |",
                c.name,
                c.itl3,
                c.census_net_ratio,
                c.resident_share,
                c.resident_share_of_workplace_population
            );
        }
        let mean = gaps.iter().sum::<f64>() / gaps.len().max(1) as f64;
        let _ = writeln!(
            out,
            "| mean absolute gap, workers against wages ({} areas) | | {mean:.3} | | |",
            gaps.len()
        );
        out
    }
}
