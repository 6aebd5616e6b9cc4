//! Any bytes given to the case file parser give a case or an error, never a
//! panic; a case that parses is written back and reads as an equal case.

#![no_main]

use foi_drafter::core::case_file::{parse_case, write_case};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(case) = parse_case(text) else {
        return;
    };
    let written = write_case(&case);
    match parse_case(&written) {
        Ok(reloaded) => assert_eq!(reloaded, case, "the written case reads back equal:\n{written}"),
        Err(problem) => panic!("the written case does not parse ({problem}):\n{written}"),
    }
});
