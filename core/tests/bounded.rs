//! Bounded work: adversarial-but-legal inputs whose work explodes (dense tables with tiny
//! cutoffs and deep paths, complete graphs with long cycles, LMk far beyond convergence)
//! end within their stated work limits — counted in steps, never timed — with a truncated
//! result or a typed `too_large` error, as each call documents.

use localecon::circularity::{Balance, DEFAULT_CYCLE_STEPS, FlowSystem, strongest_cycles_bounded};
use localecon::linkages::{PathTarget, structural_paths_bounded};
use localecon::lm3::{model_lm, model_lm_bounded, model_lm_limit};
use localecon::table::{
    FinalDemandColumn, FinalDemandKind, PrimaryInputKind, PrimaryInputRow, Sector, TableParts,
};
use localecon::{RegionalTable, datasets};
use proptest::prelude::*;

/// A dense table whose every column spends `spend` locally, spread evenly: the number of
/// paths above any cutoff explodes with the depth. Its value added is half wages, half
/// imports.
fn dense(n: usize, spend: f64) -> RegionalTable {
    dense_with_wages(n, spend, 0.5)
}

/// [`dense`] with `wages` of its value added paid as local wages and the rest imported.
fn dense_with_wages(n: usize, spend: f64, wages: f64) -> RegionalTable {
    let x = 100.0;
    let z = vec![spend * x / n as f64; n * n];
    let sectors = (0..n)
        .map(|i| Sector {
            code: format!("S{i}"),
            name: format!("sector {i}"),
        })
        .collect();
    let mut parts = TableParts::new("dense", sectors, z);
    parts.final_demand.push(FinalDemandColumn {
        label: "HH".into(),
        kind: FinalDemandKind::Households,
        values: vec![x * (1.0 - spend); n],
    });
    parts.primary_inputs.push(PrimaryInputRow {
        label: "CoE".into(),
        kind: PrimaryInputKind::Compensation,
        values: vec![x * (1.0 - spend) * wages; n],
    });
    parts.primary_inputs.push(PrimaryInputRow {
        label: "IMP".into(),
        kind: PrimaryInputKind::Imports,
        values: vec![x * (1.0 - spend) * (1.0 - wages); n],
    });
    RegionalTable::new(parts).unwrap()
}

/// A complete graph of `n` accounts with flows in (1, 2): every ordering of nodes is a cycle,
/// and the bottlenecks differ just enough to defeat most pruning. Boundary flows balance
/// every node.
fn complete(n: usize) -> FlowSystem {
    let mut r: u64 = 99;
    let flows: Vec<f64> = (0..n * n)
        .map(|k| {
            r = r
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if k / n == k % n {
                0.0
            } else {
                1.0 + (r >> 11) as f64 / (1u64 << 53) as f64
            }
        })
        .collect();
    let inflow: Vec<f64> = (0..n)
        .map(|j| (0..n).map(|i| flows[i * n + j]).sum())
        .collect();
    let outflow: Vec<f64> = (0..n)
        .map(|i| flows[i * n..(i + 1) * n].iter().sum())
        .collect();
    let inputs = (0..n)
        .map(|k| (outflow[k] - inflow[k]).max(0.0) + 1.0)
        .collect();
    let exports = (0..n)
        .map(|k| (inflow[k] - outflow[k]).max(0.0) + 1.0)
        .collect();
    let labels = (0..n).map(|i| format!("a{i}")).collect();
    FlowSystem::new(
        labels,
        flows,
        inputs,
        exports,
        vec![0.0; n],
        Balance::default(),
    )
    .unwrap()
}

#[test]
fn structural_paths_stop_at_their_limit_with_a_truncated_result() {
    let t = dense(40, 0.95);
    let limit = 100_000;
    let r =
        structural_paths_bounded(&t, "S0", PathTarget::ValueAdded, 1e-15, 60, 20, limit).unwrap();
    assert_eq!(r.steps, limit);
    let why = r.truncated.expect("a search cut by its limit says so");
    assert!(why.contains("work limit of 100000 steps"), "{why}");
    assert_eq!(
        r.paths.len(),
        20,
        "the best paths found so far are still returned"
    );
    // a search within its limit is complete and says nothing
    let small =
        structural_paths_bounded(&t, "S0", PathTarget::ValueAdded, 1e-2, 3, 5, limit).unwrap();
    assert!(small.truncated.is_none() && small.steps < limit);
}

#[test]
fn strongest_cycles_refuse_a_search_beyond_their_limit() {
    let s = complete(16);
    let e = strongest_cycles_bounded(&s, 16, 10, 500).unwrap_err();
    assert_eq!(e.code(), "too_large");
    assert!(
        e.to_string().contains("up to 16 links") && e.to_string().contains("limit here is 500"),
        "{e}"
    );
    // the pruning by the best bottlenecks found makes the full search cheap enough here
    let all = strongest_cycles_bounded(&s, 16, 10, DEFAULT_CYCLE_STEPS).unwrap();
    assert_eq!(all.len(), 10);
    assert!(all.windows(2).all(|w| w[0].bottleneck >= w[1].bottleneck));
}

#[test]
fn lmk_far_beyond_convergence_stops_at_the_limit() {
    let t = datasets::scotland_2019_sections();
    let limit = model_lm_limit(&t).unwrap();
    let far = model_lm(&t, usize::MAX).unwrap();
    for (a, b) in far.iter().zip(&limit) {
        assert!((a - b).abs() <= 1e-12 * b, "{a} vs {b}");
    }
    // a budget too small for convergence is a typed error naming the rounds
    let e = model_lm_bounded(&t, 10_000, 21 * 21 * 5).unwrap_err();
    assert_eq!(e.code(), "too_large");
    assert!(e.to_string().contains("round 6"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// On any dense table, cutoff and depth, the path search does at most its limit of work,
    /// and says when it stopped there.
    #[test]
    fn path_search_work_never_exceeds_its_limit(n in 2usize..30, spend in 0.1..0.95f64, cutoff_exp in 1i32..16, depth in 1usize..40, limit in 1u64..200_000) {
        let t = dense(n, spend);
        let r = structural_paths_bounded(&t, "S0", PathTarget::Leakage, 10f64.powi(-cutoff_exp), depth, 10, limit).unwrap();
        prop_assert!(r.steps <= limit);
        prop_assert_eq!(r.truncated.is_some(), r.steps == limit && r.truncated.is_some());
        prop_assert!(r.coverage <= 1.0 + 1e-9);
    }

    /// On any complete graph and cycle length, the cycle search either answers or refuses
    /// with too_large, within its limit.
    #[test]
    fn cycle_search_answers_or_refuses(n in 2usize..14, length in 1usize..14, limit in 1u64..100_000) {
        match strongest_cycles_bounded(&complete(n), length, 5, limit) {
            Ok(c) => prop_assert!(c.len() <= 5),
            Err(e) => prop_assert_eq!(e.code(), "too_large"),
        }
    }
}

/// A large factorisation stops between its panels when its call is interrupted, and nothing
/// of the interrupted call is kept: the next call factors again and gets the uninterrupted
/// numbers (the Python binding's Ctrl-C relies on both).
#[test]
fn an_interrupted_factorisation_stops_and_leaves_no_error_in_the_caches() {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    let n = localecon::linalg::PANELS_MIN_N;
    let t = dense(n, 0.5);
    let raised = || Some(Arc::new(AtomicBool::new(true)));
    let stopped = localecon::interrupt::with_flag(raised(), || t.leontief().map(|_| ()));
    assert!(
        matches!(stopped, Err(localecon::Error::Interrupted { .. })),
        "{stopped:?}"
    );
    let stopped_audit = localecon::interrupt::with_flag(raised(), || t.audit());
    assert_eq!(stopped_audit.condition, None);
    // the next calls, not interrupted, compute and keep the real factor and audit
    let condition = t
        .audit()
        .condition
        .expect("a productive table's condition estimate");
    assert!(condition.is_finite() && condition >= 1.0);
    let fresh = dense(n, 0.5);
    assert_eq!(t.audit(), fresh.audit());
    assert_eq!(
        localecon::Multipliers::new(&t).unwrap().output.type_i,
        localecon::Multipliers::new(&fresh).unwrap().output.type_i
    );
}

/// A household closure that cannot be formed on a table of more than
/// `linalg::EIGENVALUES_MAX_N` sectors (every pound of value added is a local wage and every
/// wage is spent locally: the closed columns sum to 1) is reported with its spectral radius,
/// 1, from the power iteration's bounds: the dense eigenvalue solver it used to call took 22 s
/// at 4,500 sectors, in one call that Ctrl-C could not stop.
#[test]
fn a_closure_that_cannot_be_formed_on_a_large_table_is_reported_without_all_the_eigenvalues() {
    let t = dense_with_wages(localecon::linalg::EIGENVALUES_MAX_N + 1, 0.5, 1.0);
    match localecon::model::ClosedModel::new(&t) {
        Err(localecon::Error::NonProductive {
            spectral_radius, ..
        }) => {
            assert!((spectral_radius - 1.0).abs() < 1e-9, "{spectral_radius}");
        }
        other => panic!("expected NonProductive, got {:?}", other.map(|_| ())),
    }
}
