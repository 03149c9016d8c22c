//! A completion record as a user may paste or scan it (QR text or JSON):
//! never a panic; whatever reads must re-encode to itself and verify
//! without panicking.
#![no_main]

use firstaid::content::{Curriculum, CONTENT_VERSION};
use firstaid::records::record::Record;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CONTENT: OnceLock<Curriculum> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(r) = Record::parse(text) {
        assert_eq!(Record::from_bytes(&r.to_bytes()).as_ref(), Ok(&r));
        assert_eq!(Record::from_json(&r.to_json()).as_ref(), Ok(&r));
        let c = CONTENT.get_or_init(|| Curriculum::embedded().expect("content"));
        let _ = firstaid::records::verify::verify(&r, c, CONTENT_VERSION, None);
    }
});
