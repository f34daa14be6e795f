//! The labelled CSV layout of a table.

use std::fmt::Write as _;

use crate::error::{Error, Location, Result};
use crate::table::{
    Employment, FinalDemandColumn, FinalDemandKind, HouseholdClosure, ImportBasis, ImportUse,
    ImportUseBlock, PrimaryInputKind, PrimaryInputRow, RegionalTable, Retention, Sector, Share,
    TableParts,
};

fn csv_err(line: usize, column: usize, message: impl Into<String>) -> Error {
    Error::Csv {
        location: Location::Line { line, column },
        message: message.into(),
    }
}

/// Reads a table from the labelled CSV layout.
///
/// ```text
/// # name: Miller & Blair
/// # unit: money units
/// kind,code,name,s1,s2,f
/// ,,,sector,sector,other
/// sector,s1,Agriculture,150,500,350
/// sector,s2,Manufacturing,200,100,1700
/// compensation,va,Value added,650,1400,
/// ```
///
/// * Leading lines `# key: value` set `name`, `unit`, `source`, `household_income`,
///   `income_sources` (`compensation` or `compensation_and_surplus`), `balance_tolerance`
///   and uniform retention shares (`retention.compensation: 0.9`, …); a per-sector share
///   is a row of kind `retention` with the share's name (`operating_surplus`, …) in `code`.
/// * Header row: `kind,code,name`, then the sector codes in table order, then the
///   final-demand labels.
/// * Second row: three empty cells, `sector` under every sector column, and the
///   [final-demand kind](FinalDemandKind) under each final-demand column.
/// * One `sector` row per sector, in the same order as the header.
/// * Then rows whose `kind` is a [primary-input kind](PrimaryInputKind), or `output` (the
///   published total output) or `employment` (its unit in the `name` cell); their
///   final-demand cells are empty.
/// * Imports by product and buyer: rows of kind `import_use` with the product's sector code
///   in `code`, the label of the import row (the origin) in `name` and what each buyer
///   imports of the product under the sector columns; a product without a row imports
///   nothing from that origin. `# import_basis: supplied` (or another
///   [basis](crate::table::ImportBasis)) says how they were obtained.
///
/// A UTF-8 byte-order mark is skipped. Empty cells read as 0. The delimiter is a comma;
/// a file whose header starts `kind;` or `kind<TAB>` is read with that delimiter instead
/// (what spreadsheets set to a European locale export). In a semicolon file a number with
/// one decimal comma and no point (`1234,5`) reads as `1234.5`; thousands separators are
/// refused in every file, since `1,234` and `1.234` mean different numbers in different
/// locales. For a file's bytes in other encodings, see [`read_csv_bytes`](super::read_csv_bytes).
///
/// # Errors
///
/// [`Error::Csv`] with the line and field for malformed files, unknown kinds and numbers
/// that do not parse; then every validation error of [`RegionalTable::new`].
pub fn read_csv(text: &str) -> Result<RegionalTable> {
    RegionalTable::new(read_csv_parts(text)?)
}

/// Reads the parts of a table from the CSV layout without validating them.
///
/// # Errors
///
/// [`Error::Csv`] for malformed files.
pub fn read_csv_parts(text: &str) -> Result<TableParts> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut meta: Vec<(usize, String, String)> = Vec::new();
    let mut body_start = 0;
    let mut skipped_lines = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix('#') {
            skipped_lines += 1;
            if let Some((k, v)) = rest.split_once(':') {
                meta.push((skipped_lines, k.trim().to_string(), v.trim().to_string()));
            }
            body_start += line.len();
        } else if trimmed.is_empty() {
            skipped_lines += 1;
            body_start += line.len();
        } else {
            break;
        }
    }
    let body = &text[body_start..];
    let delimiter = match body.trim_start().get(..5) {
        Some("kind;") => b';',
        Some("kind\t") => b'\t',
        _ => b',',
    };
    let decimal_comma = delimiter == b';';
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records = Vec::new();
    for (k, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| csv_err(skipped_lines + k + 1, 1, e.to_string()))?;
        records.push(rec);
    }
    let line_of = |k: usize| skipped_lines + k + 1;
    if records.len() < 3 {
        return Err(csv_err(
            line_of(records.len()),
            1,
            "expected a header row, a kind row and at least one sector row",
        ));
    }
    let header = &records[0];
    if header.len() < 4 || header[0].trim() != "kind" {
        return Err(csv_err(
            line_of(0),
            1,
            format!(
                "the header must start with kind,code,name and list the sectors (found {:?}; is the delimiter a comma?)",
                header.iter().take(4).collect::<Vec<_>>()
            ),
        ));
    }
    let kinds_row = &records[1];
    let width = header.len();
    if kinds_row.len() != width {
        return Err(csv_err(
            line_of(1),
            1,
            format!("expected {width} fields, found {}", kinds_row.len()),
        ));
    }
    let n = kinds_row
        .iter()
        .skip(3)
        .take_while(|k| k.trim() == "sector")
        .count();
    let mut fd_kinds = Vec::new();
    for (c, k) in kinds_row.iter().enumerate().skip(3 + n) {
        fd_kinds.push(
            k.trim()
                .parse::<FinalDemandKind>()
                .map_err(|e| csv_err(line_of(1), c + 1, e.to_string()))?,
        );
    }
    let codes: Vec<String> = header
        .iter()
        .skip(3)
        .take(n)
        .map(|s| s.trim().to_string())
        .collect();
    let fd_labels: Vec<String> = header
        .iter()
        .skip(3 + n)
        .map(|s| s.trim().to_string())
        .collect();
    let mut sectors = Vec::new();
    let mut z = Vec::with_capacity(n * n);
    let mut final_demand: Vec<FinalDemandColumn> = fd_labels
        .iter()
        .zip(&fd_kinds)
        .map(|(l, k)| FinalDemandColumn {
            label: l.clone(),
            kind: *k,
            values: Vec::new(),
        })
        .collect();
    let mut primary_inputs = Vec::new();
    let mut output = None;
    let mut employment = None;
    // per-sector retention shares, by field
    let mut retention_rows = RetentionRows::default();
    // imports by product: (line, origin label, product code, values by buyer)
    let mut import_rows: Vec<(usize, String, String, Vec<f64>)> = Vec::new();
    for (k, rec) in records.iter().enumerate().skip(2) {
        let line = line_of(k);
        if rec.len() != width {
            return Err(csv_err(
                line,
                1,
                format!("expected {width} fields, found {}", rec.len()),
            ));
        }
        let number = |c: usize| -> Result<f64> {
            let s = rec[c].trim();
            if s.is_empty() {
                return Ok(0.0);
            }
            let point;
            let s = if decimal_comma && s.matches(',').count() == 1 && !s.contains('.') {
                point = s.replace(',', ".");
                point.as_str()
            } else {
                s
            };
            s.parse::<f64>().map_err(|_| {
                let hint = if s.contains(',') || (decimal_comma && s.contains('.')) {
                    " (thousands separators are not read: write the number without them)"
                } else {
                    ""
                };
                csv_err(
                    line,
                    c + 1,
                    format!("{:?} is not a number{hint}", rec[c].trim()),
                )
            })
        };
        let values =
            |range: std::ops::Range<usize>| -> Result<Vec<f64>> { range.map(number).collect() };
        let kind = rec[0].trim();
        if kind == "sector" {
            let i = sectors.len();
            if i >= n {
                return Err(csv_err(
                    line,
                    1,
                    format!("more sector rows than the {n} sector columns"),
                ));
            }
            if rec[1].trim() != codes[i] {
                return Err(csv_err(
                    line,
                    2,
                    format!(
                        "sector row {} has code {:?}, but column {} is {:?}",
                        i + 1,
                        rec[1].trim(),
                        i + 1,
                        codes[i]
                    ),
                ));
            }
            sectors.push(Sector {
                code: codes[i].clone(),
                name: rec[2].trim().to_string(),
            });
            z.extend(values(3..3 + n)?);
            for (c, col) in final_demand.iter_mut().enumerate() {
                col.values.push(number(3 + n + c)?);
            }
            continue;
        }
        for c in 3 + n..width {
            if !rec[c].trim().is_empty() && number(c)? != 0.0 {
                return Err(csv_err(
                    line,
                    c + 1,
                    "a non-sector row has a value under a final-demand column",
                ));
            }
        }
        match kind {
            "output" => output = Some(values(3..3 + n)?),
            "employment" => {
                employment = Some(Employment {
                    unit: rec[2].trim().to_string(),
                    values: values(3..3 + n)?,
                });
            }
            "retention" => {
                let values = Share::PerSector(values(3..3 + n)?);
                let field = rec[1].trim();
                let r = &mut retention_rows;
                let slot = match field {
                    "taxes_on_products" => &mut r.taxes_on_products,
                    "taxes_on_production" => &mut r.taxes_on_production,
                    "compensation" => &mut r.compensation,
                    "operating_surplus" => &mut r.operating_surplus,
                    "other" => &mut r.other,
                    other => {
                        return Err(csv_err(
                            line,
                            2,
                            format!(
                                "unknown retention share {other:?}; expected taxes_on_products, taxes_on_production, compensation, operating_surplus or other"
                            ),
                        ));
                    }
                };
                if slot.replace(values).is_some() {
                    return Err(csv_err(
                        line,
                        2,
                        format!("a second retention row for {field:?}"),
                    ));
                }
            }
            "import_use" => import_rows.push((
                line,
                rec[2].trim().to_string(),
                rec[1].trim().to_string(),
                values(3..3 + n)?,
            )),
            other => {
                let kind = other.parse::<PrimaryInputKind>().map_err(|_| {
                    csv_err(
                        line,
                        1,
                        format!(
                            "unknown row kind {other:?}; expected sector, output, employment, retention, import_use or one of: {}",
                            PrimaryInputKind::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
                        ),
                    )
                })?;
                primary_inputs.push(PrimaryInputRow {
                    label: rec[1].trim().to_string(),
                    kind,
                    values: values(3..3 + n)?,
                });
            }
        }
    }
    if sectors.len() != n {
        return Err(Error::Shape {
            what: "sector rows in the CSV".into(),
            expected: n,
            found: sectors.len(),
        });
    }
    let mut parts = TableParts::new("", sectors, z);
    parts.final_demand = final_demand;
    parts.primary_inputs = primary_inputs;
    parts.output = output;
    parts.employment = employment;
    if !import_rows.is_empty() {
        let mut import_use = ImportUse {
            basis: ImportBasis::Supplied,
            blocks: Vec::new(),
        };
        for (line, origin, product, values) in import_rows {
            let i = codes.iter().position(|c| *c == product).ok_or_else(|| {
                csv_err(
                    line,
                    2,
                    format!("import_use row for {product:?}, which is no sector"),
                )
            })?;
            let k = match import_use.blocks.iter().position(|b| b.origin == origin) {
                Some(k) => k,
                None => {
                    import_use.blocks.push(ImportUseBlock {
                        origin: origin.clone(),
                        values: vec![0.0; n * n],
                    });
                    import_use.blocks.len() - 1
                }
            };
            let row = &mut import_use.blocks[k].values[i * n..(i + 1) * n];
            if row.iter().any(|v| *v != 0.0) {
                return Err(csv_err(
                    line,
                    2,
                    format!("a second import_use row for product {product:?} from {origin:?}"),
                ));
            }
            row.copy_from_slice(&values);
        }
        parts.import_use = Some(import_use);
    }
    apply_metadata(&mut parts, &meta)?;
    let r = retention_rows;
    for (slot, row) in [
        (&mut parts.retention.taxes_on_products, r.taxes_on_products),
        (
            &mut parts.retention.taxes_on_production,
            r.taxes_on_production,
        ),
        (&mut parts.retention.compensation, r.compensation),
        (&mut parts.retention.operating_surplus, r.operating_surplus),
        (&mut parts.retention.other, r.other),
    ] {
        if let Some(share) = row {
            *slot = share;
        }
    }
    Ok(parts)
}

/// Per-sector retention shares read from `retention` rows.
#[derive(Default)]
struct RetentionRows {
    taxes_on_products: Option<Share>,
    taxes_on_production: Option<Share>,
    compensation: Option<Share>,
    operating_surplus: Option<Share>,
    other: Option<Share>,
}

fn apply_metadata(parts: &mut TableParts, meta: &[(usize, String, String)]) -> Result<()> {
    for (line, key, value) in meta {
        let number = || -> Result<f64> {
            value
                .parse::<f64>()
                .map_err(|_| csv_err(*line, 1, format!("{key}: {value:?} is not a number")))
        };
        match key.as_str() {
            "name" => parts.name.clone_from(value),
            "unit" => parts.unit.clone_from(value),
            "source" => parts.source = Some(value.clone()),
            "import_basis" => {
                let basis = value
                    .parse::<ImportBasis>()
                    .map_err(|e| csv_err(*line, 1, e.to_string()))?;
                if let Some(iu) = parts.import_use.as_mut() {
                    iu.basis = basis;
                }
            }
            "household_income" => parts.household_closure.household_income = Some(number()?),
            "income_sources" => {
                parts.household_closure.income_sources =
                    serde_json::from_value(serde_json::Value::String(value.clone())).map_err(|_| {
                        csv_err(*line, 1, format!("income_sources: expected compensation or compensation_and_surplus, found {value:?}"))
                    })?;
            }
            "balance_tolerance" => parts.balance_tolerance = number()?,
            "retention.taxes_on_products" => {
                parts.retention.taxes_on_products = Share::Uniform(number()?)
            }
            "retention.taxes_on_production" => {
                parts.retention.taxes_on_production = Share::Uniform(number()?)
            }
            "retention.compensation" => parts.retention.compensation = Share::Uniform(number()?),
            "retention.operating_surplus" => {
                parts.retention.operating_surplus = Share::Uniform(number()?)
            }
            "retention.other" => parts.retention.other = Share::Uniform(number()?),
            _ => {} // free-form comments are allowed
        }
    }
    Ok(())
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with('#') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Writes a table in the labelled CSV layout ([`read_csv`] reads it back to an equal table,
/// per-sector retention shares as `retention` rows).
#[must_use]
pub fn write_csv(table: &RegionalTable) -> String {
    let p = table.parts();
    let n = table.n();
    let mut s = String::new();
    let _ = writeln!(s, "# name: {}", p.name);
    let _ = writeln!(s, "# unit: {}", p.unit);
    if let Some(src) = &p.source {
        let _ = writeln!(s, "# source: {}", src.replace('\n', " "));
    }
    let hc: &HouseholdClosure = &p.household_closure;
    if let Some(h) = hc.household_income {
        let _ = writeln!(s, "# household_income: {h}");
    }
    let sources = serde_json::to_value(hc.income_sources).ok();
    if let Some(serde_json::Value::String(src)) = sources {
        let _ = writeln!(s, "# income_sources: {src}");
    }
    let _ = writeln!(s, "# balance_tolerance: {}", p.balance_tolerance);
    if let Some(iu) = &p.import_use {
        let _ = writeln!(s, "# import_basis: {}", iu.basis);
    }
    let r: &Retention = &p.retention;
    for (name, share) in [
        ("taxes_on_products", &r.taxes_on_products),
        ("taxes_on_production", &r.taxes_on_production),
        ("compensation", &r.compensation),
        ("operating_surplus", &r.operating_surplus),
        ("other", &r.other),
    ] {
        if let Share::Uniform(v) = share {
            let _ = writeln!(s, "# retention.{name}: {v}");
        }
    }
    let mut header = vec!["kind".to_string(), "code".into(), "name".into()];
    header.extend(p.sectors.iter().map(|x| quote(&x.code)));
    header.extend(p.final_demand.iter().map(|c| quote(&c.label)));
    let _ = writeln!(s, "{}", header.join(","));
    let mut kinds = vec![String::new(); 3];
    kinds.extend(std::iter::repeat_n("sector".to_string(), n));
    kinds.extend(p.final_demand.iter().map(|c| c.kind.to_string()));
    let _ = writeln!(s, "{}", kinds.join(","));
    let blanks = ",".repeat(p.final_demand.len());
    for i in 0..n {
        let mut row = vec![
            "sector".to_string(),
            quote(&p.sectors[i].code),
            quote(&p.sectors[i].name),
        ];
        row.extend(p.z[i * n..(i + 1) * n].iter().map(f64::to_string));
        row.extend(p.final_demand.iter().map(|c| c.values[i].to_string()));
        let _ = writeln!(s, "{}", row.join(","));
    }
    let mut other_row = |kind: &str, label: &str, name: &str, values: &[f64]| {
        let mut row = vec![kind.to_string(), quote(label), quote(name)];
        row.extend(values.iter().map(f64::to_string));
        let _ = writeln!(s, "{}{blanks}", row.join(","));
    };
    for r in &p.primary_inputs {
        other_row(r.kind.as_str(), &r.label, &r.label, &r.values);
    }
    if let Some(x) = &p.output {
        other_row("output", "output", "Total output", x);
    }
    if let Some(e) = &p.employment {
        other_row("employment", "employment", &e.unit, &e.values);
    }
    for (name, share) in [
        ("taxes_on_products", &p.retention.taxes_on_products),
        ("taxes_on_production", &p.retention.taxes_on_production),
        ("compensation", &p.retention.compensation),
        ("operating_surplus", &p.retention.operating_surplus),
        ("other", &p.retention.other),
    ] {
        if let Share::PerSector(v) = share {
            other_row("retention", name, &format!("retained share of {name}"), v);
        }
    }
    if let Some(iu) = &p.import_use {
        for b in &iu.blocks {
            let empty = b.values.iter().all(|v| *v == 0.0);
            for (i, sector) in p.sectors.iter().enumerate() {
                let row = &b.values[i * n..(i + 1) * n];
                // rows of zeros are left out, but every origin keeps at least one row
                if row.iter().any(|v| *v != 0.0) || (empty && i == 0) {
                    other_row("import_use", &sector.code, &b.origin, row);
                }
            }
        }
    }
    s
}
