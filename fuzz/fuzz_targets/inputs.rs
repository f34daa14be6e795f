#![no_main]
//! Fuzz target: see localecon_conformance::fuzz_inputs::inputs.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| localecon_conformance::fuzz_inputs::inputs(data));
