
#[cfg(feature = "embedded-data")]
#[test]
fn the_cycling_index_alone_is_the_flow_indicators_one() {
    use crate::circularity::{Closure, FlowSystem, finn_cycling_index, flow_indicators};
    // Miller & Blair's two sectors: Finn's FCI 0.140092879 (published in the book's example)
    let t = crate::datasets::miller_blair_2sector();
    let s = FlowSystem::from_table(&t, Closure::Open).unwrap();
    assert!((finn_cycling_index(&s).unwrap() - 0.140_092_879).abs() < 1e-9);
    for table in [crate::datasets::scotland_2019(), crate::datasets::glasgow_2019()] {
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
