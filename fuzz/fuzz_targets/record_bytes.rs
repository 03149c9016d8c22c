//! The canonical record bytes (what a QR payload inflates to): a valid
//! byte string decodes to one record that encodes back to the same bytes.
#![no_main]

use firstaid::records::record::Record;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(r) = Record::from_bytes(data) {
        assert_eq!(r.to_bytes(), data, "the encoding is canonical");
        let _ = r.verify_signature();
    }
});
