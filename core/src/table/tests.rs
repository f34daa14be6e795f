//! Tests of table construction and validation.
use super::*;
use crate::datasets;

#[test]
fn placeholder_compiles() {
    assert_eq!(datasets::miller_blair_2sector().n(), 2);
}
