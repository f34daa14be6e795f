//! The fuzz corpus and every saved crash, replayed by the normal test suite.

use localecon_conformance::{fuzz_inputs, fuzzing};

#[test]
fn the_fuzz_corpus_and_regressions_run_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut count = 0;
    for (folder, harness) in [
        ("corpus/read_json", fuzzing::json as fn(&[u8])),
        ("corpus/read_csv", fuzzing::csv),
        ("corpus/table_builder", fuzzing::builder),
        ("regressions/read_json", fuzzing::json),
        ("regressions/read_csv", fuzzing::csv),
        ("regressions/table_builder", fuzzing::builder),
        ("corpus/inputs", fuzz_inputs::inputs),
        ("regressions/inputs", fuzz_inputs::inputs),
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| harness(&data));
            assert!(outcome.is_ok(), "{} panics", path.display());
            count += 1;
        }
    }
    assert!(count >= 40, "only {count} corpus files");
}
