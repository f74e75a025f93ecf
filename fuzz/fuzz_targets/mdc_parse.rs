//! libFuzzer's entry to [`site_fuzz::mdc_parse`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| site_fuzz::mdc_parse(data));
