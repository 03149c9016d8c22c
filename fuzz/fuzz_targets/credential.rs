//! A certificate as a user may paste or scan it (JSON or `FAC3:`/`FAC2:`/`FAC1:` QR text):
//! never a panic; a certificate that verifies reads back the same from its
//! own QR text.
#![no_main]

use firstaid::credentials::badge;
use libfuzzer_sys::fuzz_target;

/// Inside the example's validity (2027-06-01T00:00:00Z).
const NOW: i64 = 1_811_808_000_000;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = badge::verify::is_credential_text(text);
    if let Ok(v) = badge::verify_credential(text, NOW) {
        let value = badge::verify::credential_value(text).expect("it verified");
        let qr = badge::to_qr_text(&value).expect("a verified credential has a canonical form");
        assert_eq!(badge::verify_credential(&qr, NOW).as_ref(), Ok(&v));
    }
});
