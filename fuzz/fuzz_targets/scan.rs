//! Pixels from a camera frame or a photo (the first two bytes give the
//! width, the rest is greyscale, row by row): reading QR codes from them
//! never panics, and whatever reads is valid UTF-8 text.
#![no_main]

use firstaid::records::scan::decode_luma;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let width = usize::from(u16::from_le_bytes([data[0], data[1]])).max(1);
    let pixels = &data[2..];
    let height = pixels.len() / width;
    let _ = decode_luma(width, height, &pixels[..width * height]);
    // The same pixels read with a wrong size must not panic either.
    let _ = decode_luma(width + 1, height, pixels);
});
