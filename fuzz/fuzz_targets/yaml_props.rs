//! libFuzzer's entry to [`site_fuzz::yaml_props`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| site_fuzz::yaml_props(data));
