//! The fuzz targets' bodies: ordinary functions that panic when an invariant breaks.
//!
//! `fuzz_targets/` hands each to libFuzzer (`cargo fuzz run --features libfuzzer TARGET`,
//! FUZZING.md); `tests/corpus.rs` runs each over its committed corpus (`corpus/TARGET/`) in a
//! plain `cargo test`, so the inputs the fuzzer found keep passing without cargo-fuzz or an
//! instrumented build.

mod checks;
mod http;
mod mdc;
mod page;
mod yaml;

pub use http::http_framing;
pub use mdc::mdc_parse;
pub use page::page_compile;
pub use yaml::yaml_props;
