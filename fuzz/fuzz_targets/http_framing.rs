//! libFuzzer's entry to [`site_fuzz::http_framing`].
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| site_fuzz::http_framing(data));
