//! A [`Satellite`] read back from its own serialisation is checked again before use.

use serde::Deserialize;

use super::{Satellite, SatelliteParts, field};
use crate::error::{Error, Result, check_finite};
use crate::table::Sector;

/// The serialised fields of a [`Satellite`], checked before they become one.
#[derive(Deserialize)]
pub(super) struct SatelliteData {
    parts: SatelliteParts,
    sectors: Vec<Sector>,
    intensities: Vec<f64>,
}

impl TryFrom<SatelliteData> for Satellite {
    type Error = Error;

    fn try_from(d: SatelliteData) -> Result<Self> {
        let (k, n) = (d.parts.stressors.len(), d.sectors.len());
        if d.intensities.len() != k * n {
            return Err(Error::Shape {
                what: "satellite intensities (stressors × sectors)".into(),
                expected: k * n,
                found: d.intensities.len(),
            });
        }
        for (i, &v) in d.intensities.iter().enumerate() {
            check_finite(v, || field(format!("satellite intensity {i}")))?;
        }
        for (i, s) in d.parts.stressors.iter().enumerate() {
            if d.parts.stressors[..i].iter().any(|t| t.name == s.name) {
                return Err(Error::InvalidLabel {
                    what: "stressor names".into(),
                    label: s.name.clone(),
                    reason: "duplicate".into(),
                });
            }
            if s.values.len() != n {
                return Err(Error::Shape {
                    what: format!("stressor \"{}\" (one value per sector)", s.name),
                    expected: n,
                    found: s.values.len(),
                });
            }
            for &v in s.values.iter().chain([&s.household]) {
                check_finite(v, || field(format!("stressor \"{}\"", s.name)))?;
            }
        }
        for f in &d.parts.import_factors {
            let what = || format!("import factor {} / {}", f.origin, f.stressor);
            if !d.parts.stressors.iter().any(|s| s.name == f.stressor) {
                return Err(Error::UnknownLabel {
                    what: "import factor stressor".into(),
                    label: f.stressor.clone(),
                });
            }
            if f.values.len() != 1 && f.values.len() != n {
                return Err(Error::Shape {
                    what: what(),
                    expected: n,
                    found: f.values.len(),
                });
            }
            for &v in &f.values {
                check_finite(v, || field(what()))?;
            }
        }
        Ok(Self {
            parts: d.parts,
            sectors: d.sectors,
            intensities: d.intensities,
        })
    }
}
