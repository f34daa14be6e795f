//! The flow systems' tests.

use super::*;
use crate::datasets;

#[test]
fn table_throughflow_is_output() {
    let t = datasets::miller_blair_2sector();
    let s = FlowSystem::from_table(&t, Closure::Open).unwrap();
    assert_eq!(s.throughflow(), &[1000.0, 2000.0]);
    assert_eq!(s.flows(), &[150.0, 200.0, 500.0, 100.0]);
}

#[test]
fn isolated_node_is_disconnected() {
    let e = FlowSystem::new(
        vec!["a".into(), "b".into()],
        vec![0.0; 4],
        vec![1.0, 0.0],
        vec![1.0, 0.0],
        vec![0.0, 0.0],
        Balance::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "disconnected");
    assert!(e.to_string().contains("(b)"), "{e}");
}

#[cfg(feature = "embedded-data")]
#[test]
fn the_cycling_index_alone_is_the_flow_indicators_one() {
    use crate::circularity::{Closure, FlowSystem, finn_cycling_index, flow_indicators};
    // Miller & Blair's two sectors: Finn's FCI 0.140092879 (published in the book's example)
    let t = crate::datasets::miller_blair_2sector();
    let s = FlowSystem::from_table(&t, Closure::Open).unwrap();
    assert!((finn_cycling_index(&s).unwrap() - 0.140_092_879).abs() < 1e-9);
    for table in [
        crate::datasets::scotland_2019(),
        crate::datasets::glasgow_2019(),
    ] {
        for closure in [Closure::Open, Closure::Households] {
            let s = FlowSystem::from_table(&table, closure).unwrap();
            let (alone, all) = (
                finn_cycling_index(&s).unwrap(),
                flow_indicators(&s).unwrap().fci,
            );
            assert!((alone / all - 1.0).abs() < 1e-14, "{alone} {all}");
        }
    }
}

/// Found by fuzzing: households alone passing on 4.7e305 gave a capacity of `∞ − ∞`. Flows
/// that add up to more than `MAX_TOTAL_FLOW` are refused; just below it every index is finite.
#[test]
fn flows_too_large_for_the_information_indices_are_refused() {
    use crate::circularity::{
        Balance, FlowSystem, MAX_TOTAL_FLOW, flow_indicators, information_indices,
    };
    let system = |v: f64| {
        FlowSystem::new(
            vec!["households".into(), "firms".into()],
            vec![0.0, v, 0.0, 0.0],
            vec![v, 0.0],
            vec![0.0, v],
            vec![0.0, 0.0],
            Balance::default(),
        )
    };
    let e = system(4.7e305).unwrap_err();
    assert_eq!(e.code(), "out_of_range", "{e}");
    assert!(e.to_string().contains("total of the flows"), "{e}");
    // three flows of v: the largest total allowed
    let s = system(MAX_TOTAL_FLOW / 3.0).unwrap();
    let i = information_indices(&s);
    let f = flow_indicators(&s).unwrap();
    let numbers = [
        i.h,
        i.ami,
        i.capacity,
        i.ascendency,
        i.overhead,
        i.robustness,
        f.tst,
        f.apl,
    ];
    assert!(numbers.iter().all(|v| v.is_finite()), "{i:?} {f:?}");
    // H of three equal flows is log₂ 3 bits
    assert!((i.h - 3f64.log2()).abs() < 1e-12, "{i:?}");
}
