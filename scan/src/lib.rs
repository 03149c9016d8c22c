//! Reading QR codes from pixels: the app's fallback where the browser has no
//! `BarcodeDetector` (camera frames and chosen photos). Decoding is rqrr's
//! (no `image` crate): an adaptive threshold, finder patterns, grid
//! sampling, Reed–Solomon correction. rqrr thresholds each pixel at 95% of a
//! running mean of its row, so strong per-pixel noise on light areas (± 25
//! on a light level of 200, measured) makes it miss about half the codes;
//! camera frames downscaled by the canvas are smoother than that.
//!
//! # Why a crate of its own, run in a Web Worker
//!
//! rqrr 0.11 can panic on degenerate pictures (`assertion failed: x <=
//! i32::MAX as f64` in its perspective mapping: WanzenBug/rqrr#54, found
//! again by our `scan` fuzz target). In wasm a panic cannot be caught: it
//! traps and leaves the instance unusable. So the app never runs this code
//! in its own module: it is a separate, small wasm module in a worker
//! (`public/scan-worker.js`), which reports a trap and is replaced by a
//! fresh one for the next frame ([`crate`]'s caller is the app's
//! `adapters::qr_worker`). That also keeps the decoder out of the app's
//! first load and its work off the main thread.
//!
//! Our own code here never panics: sizes that do not match the buffer, zero
//! sizes and overflowing sizes give no codes.

/// The texts of every QR code found in an 8-bit greyscale image (`width` ×
/// `height` bytes, row-major, 0 black, 255 white), in the order found and
/// without repeats. Codes that are found but do not decode (damaged beyond
/// correction, not UTF-8) are skipped. Empty when `luma` is not exactly
/// `width * height` bytes or either side is zero.
///
/// May panic inside rqrr on degenerate pictures (see the crate docs): call
/// it where a panic is contained.
pub fn decode_luma(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || width.checked_mul(height) != Some(luma.len()) {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    let mut texts: Vec<String> = Vec::new();
    for grid in image.detect_grids() {
        if let Ok((_, text)) = grid.decode() {
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    texts
}

/// [`decode_luma`] for RGBA pixels (4 bytes a pixel, as a canvas's
/// `getImageData` gives them): each pixel is composited over white, so
/// transparent pixels count as white, then weighted as Rec. 601 luma in
/// integers. Empty when `rgba` is not exactly `width * height * 4` bytes.
pub fn decode_rgba(width: usize, height: usize, rgba: &[u8]) -> Vec<String> {
    match rgba_to_luma(width, height, rgba) {
        Some(luma) => decode_luma(width, height, &luma),
        None => Vec::new(),
    }
}

/// RGBA to 8-bit luma, `(77 R + 150 G + 29 B) >> 8` over a white
/// background; `None` when the buffer does not match the size. Grey pixels
/// keep their level exactly.
pub fn rgba_to_luma(width: usize, height: usize, rgba: &[u8]) -> Option<Vec<u8>> {
    let pixels = width.checked_mul(height)?;
    if pixels.checked_mul(4) != Some(rgba.len()) {
        return None;
    }
    Some(
        rgba.chunks_exact(4)
            .map(|p| {
                let (r, g, b, a) = (p[0] as u32, p[1] as u32, p[2] as u32, p[3] as u32);
                let y = (77 * r + 150 * g + 29 * b) >> 8; // 0..=255
                ((y * a + 255 * (255 - a) + 127) / 255) as u8
            })
            .collect(),
    )
}

/// The worker's entry point (`public/scan-worker.js`): [`decode_rgba`] on
/// a canvas's `ImageData` pixels.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = decodeRgba)]
pub fn decode_rgba_js(width: u32, height: u32, rgba: &[u8]) -> Vec<String> {
    decode_rgba(width as usize, height as usize, rgba)
}
