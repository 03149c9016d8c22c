//! Pixels from a camera frame or a photo (the first two bytes give the
//! width, the rest is greyscale, row by row), read by the decoder the app
//! runs in its worker (`firstaid-scan`).
//!
//! rqrr, inside it, can panic on degenerate pictures (WanzenBug/rqrr#54;
//! `fuzz/known-crashes`): the app contains that — the worker's wasm traps,
//! the worker reports it and a fresh one reads the next frame (tested end
//! to end in `tests/e2e/specs/records.spec.ts`). So here a panic raised in
//! rqrr's own source is contained the same way (caught, and the first one
//! printed), and any other panic — in our code — is a crash.
#![no_main]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use firstaid_scan::decode_luma;
use libfuzzer_sys::fuzz_target;

/// Wraps libFuzzer's panic hook (print, then abort) so that panics raised
/// in rqrr's source unwind to [`contained`] instead.
fn contain_rqrr_panics() {
    static HOOK: Once = Once::new();
    static REPORTED: AtomicBool = AtomicBool::new(false);
    HOOK.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let in_rqrr = info
                .location()
                .is_some_and(|l| l.file().replace('\\', "/").contains("/rqrr-"));
            if !in_rqrr {
                fuzzer_hook(info);
            } else if !REPORTED.swap(true, Ordering::Relaxed) {
                eprintln!("scan: rqrr panicked (contained, as the app's worker does): {info}");
            }
        }));
    });
}

fn contained(width: usize, height: usize, pixels: &[u8]) {
    let _ = std::panic::catch_unwind(|| decode_luma(width, height, pixels));
}

fuzz_target!(|data: &[u8]| {
    contain_rqrr_panics();
    if data.len() < 2 {
        return;
    }
    let width = usize::from(u16::from_le_bytes([data[0], data[1]])).max(1);
    let pixels = &data[2..];
    let height = pixels.len() / width;
    contained(width, height, &pixels[..width * height]);
    // The same pixels read with a wrong size must not panic either.
    contained(width + 1, height, pixels);
});
