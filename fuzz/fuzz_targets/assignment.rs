//! An assignment link or QR text: never a panic; the bytes of what reads
//! are canonical.
#![no_main]

use firstaid::records::assignment::Assignment;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Assignment::parse(text);
    }
    if let Ok(a) = Assignment::from_bytes(data) {
        assert_eq!(a.to_bytes(), data, "the encoding is canonical");
    }
});
