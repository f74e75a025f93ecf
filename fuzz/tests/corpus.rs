//! Every fuzz target's body over every input of its committed corpus (`corpus/TARGET/`) and
//! over the inputs of the bugs it found (`regressions/TARGET/`): a plain `cargo test` checks
//! them all again.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// Runs `body` over each file of `corpus/TARGET/` and `regressions/TARGET/`, and fails naming
/// every input that panics.
fn run_corpus(target: &str, body: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<PathBuf> = Vec::new();
    for folder in ["corpus", "regressions"] {
        let folder = fuzz.join(folder).join(target);
        // Git keeps no empty folder.
        if !folder.exists() {
            continue;
        }
        let entries = std::fs::read_dir(&folder)
            .and_then(|entries| {
                entries
                    .map(|entry| Ok(entry?.path()))
                    .collect::<Result<Vec<_>, _>>()
            })
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()));
        inputs.extend(entries);
    }
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs for {target}");
    let failed: Vec<String> = inputs
        .iter()
        .filter(|input| {
            let data =
                std::fs::read(input).unwrap_or_else(|error| panic!("{}: {error}", input.display()));
            catch_unwind(AssertUnwindSafe(|| body(&data))).is_err()
        })
        .map(|input| input.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target} fails on {failed:#?}");
}

#[test]
fn mdc_parse_passes_its_corpus() {
    run_corpus("mdc_parse", site_fuzz::mdc_parse);
}

#[test]
fn page_compile_passes_its_corpus() {
    run_corpus("page_compile", site_fuzz::page_compile);
}

#[test]
fn yaml_props_passes_its_corpus() {
    run_corpus("yaml_props", site_fuzz::yaml_props);
}

#[test]
fn http_framing_passes_its_corpus() {
    run_corpus("http_framing", site_fuzz::http_framing);
}
