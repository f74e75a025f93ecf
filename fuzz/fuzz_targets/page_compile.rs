//! libFuzzer's entry to [`site_fuzz::page_compile`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| site_fuzz::page_compile(data));
