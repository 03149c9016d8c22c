//! An exam transcript given to the instructor: never a panic.
#![no_main]

use firstaid::content::{Curriculum, CONTENT_VERSION};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static CONTENT: OnceLock<Curriculum> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let c = CONTENT.get_or_init(|| Curriculum::embedded().expect("content"));
        let _ = firstaid::quiz::transcript::rescore_json(c, CONTENT_VERSION, text);
    }
});
