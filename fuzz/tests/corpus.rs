//! Every fuzz target's body over every input of its committed corpus (`corpus/TARGET/`): what
//! the fuzzer found, crashes fixed since among it, is checked by a plain `cargo test`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// Runs `body` over each file of `corpus/TARGET/`, and fails naming every input that panics.
fn run_corpus(target: &str, body: fn(&[u8])) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()));
    inputs.sort();
    assert!(!inputs.is_empty(), "{} is empty", folder.display());
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
