//! Any pasted text goes through the request splitter without a panic, and
//! every question it returns has some text (as tests/properties.rs asserts).

#![no_main]

use foi_drafter::core::splitter::split_request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let split = split_request(text);
    for question in &split.questions {
        assert!(!question.trim().is_empty(), "blank question in {split:?}");
    }
});
