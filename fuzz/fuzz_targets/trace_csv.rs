//! Trace files given to `firstaid analyze`: never a panic, and what parses
//! can be analysed.
#![no_main]

use firstaid::trainer::{csv, motion, taps};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(t) = csv::parse_taps(text) {
        let _ = taps::analyze(&t);
    }
    if let Ok(m) = csv::parse_motion(text) {
        if m.len() < 20_000 {
            let _ = motion::analyze(&m);
        }
    }
});
