#![no_main]
//! Fuzz target: see localecon_conformance::fuzzing::builder.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| localecon_conformance::fuzzing::builder(data));
