//! The published Scottish Type I and Type II Leontief inverses (×1000), every entry.

use localecon::{ClosedModel, LeontiefModel, datasets};
use localecon_conformance::fixtures_dir;

/// Rows of the published file: (row label, values).
fn published(name: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let text = std::fs::read_to_string(fixtures_dir().join(name)).unwrap();
    let mut lines = text.lines();
    let header = parse_csv_line(lines.next().unwrap());
    assert_eq!(
        &header[..3],
        ["year", "ioc098_sic", "ioc098_short_description"]
    );
    let mut labels = Vec::new();
    let mut rows = Vec::new();
    for line in lines {
        let cells = parse_csv_line(line);
        labels.push(cells[1].clone());
        rows.push(
            cells[3..]
                .iter()
                .map(|c| c.parse::<f64>().unwrap())
                .collect(),
        );
    }
    (labels, rows)
}

/// A CSV line with quoted fields (the industry codes contain commas).
fn parse_csv_line(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for ch in line.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Largest |ours − published| / max(|published|, 1) over the matrix, in the ×1000 scale.
fn worst(ours: &[f64], m: usize, published: &[Vec<f64>]) -> (f64, usize, usize) {
    let mut w = (0.0, 0, 0);
    for (i, row) in published.iter().enumerate() {
        assert_eq!(row.len(), m);
        for (j, p) in row.iter().enumerate() {
            let d = (1000.0 * ours[i * m + j] - p).abs() / p.abs().max(1.0);
            if d > w.0 {
                w = (d, i, j);
            }
        }
    }
    w
}

#[test]
fn type_i_leontief_inverse_matches_every_published_entry() {
    let table = datasets::scotland_2019();
    let (mut labels, mut rows) = published("scotland_2019_leontief_type1_x1000_2019.csv");
    assert_eq!(
        labels.pop().as_deref(),
        Some("L1"),
        "last row: published column sums"
    );
    let sums = rows.pop().unwrap();
    assert_eq!(rows.len(), 98);
    let codes: Vec<&str> = table.sectors().iter().map(|s| s.code.as_str()).collect();
    assert_eq!(labels, codes);
    let l = LeontiefModel::new(&table)
        .unwrap()
        .leontief_inverse()
        .unwrap();
    let (d, i, j) = worst(&l, 98, &rows);
    assert!(d < 1e-6, "worst relative difference {d:.3e} at L[{i}, {j}]");
    let ours: Vec<f64> = (0..98)
        .map(|j| (0..98).map(|i| l[i * 98 + j]).sum::<f64>())
        .collect();
    let (d, _, j) = worst(&ours, 98, &[sums]);
    assert!(d < 1e-6, "output multiplier row: {d:.3e} at {j}");
}

#[test]
fn type_ii_leontief_inverse_matches_every_published_entry() {
    let table = datasets::scotland_2019();
    let (mut labels, mut rows) = published("scotland_2019_leontief_type2_x1000_2019.csv");
    assert_eq!(
        labels.pop().as_deref(),
        Some("L2"),
        "last row: published column sums"
    );
    let sums = rows.pop().unwrap();
    assert_eq!(rows.len(), 99, "98 industries and the household (CoE) row");
    assert_eq!(labels[98], "CoE");
    let closed = ClosedModel::new(&table).unwrap();
    assert_eq!(closed.household_income(), 156_241.0);
    let l = closed.model().unwrap().leontief_inverse().unwrap();
    let (d, i, j) = worst(&l, 99, &rows);
    assert!(d < 1e-6, "worst relative difference {d:.3e} at L̄[{i}, {j}]");
    // the published L2 row: Type II output multipliers, the first 98 rows summed
    let ours: Vec<f64> = (0..98)
        .map(|j| (0..98).map(|i| l[i * 99 + j]).sum::<f64>())
        .collect();
    let (d, _, j) = worst(&ours, 98, &[sums[..98].to_vec()]);
    assert!(d < 1e-6, "output multiplier row: {d:.3e} at {j}");
}
