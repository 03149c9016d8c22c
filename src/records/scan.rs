//! Reading QR codes from pixels, pure: the fallback where the browser has no
//! `BarcodeDetector` (camera frames and chosen photos go through
//! [`decode_rgba`]), and natively the check that what [`Qr`] draws reads
//! back ([`render_luma`]). Decoding is rqrr's (no `image` crate): an
//! adaptive threshold, finder patterns, grid sampling, Reed–Solomon
//! correction. rqrr thresholds each pixel at 95% of a running mean of its
//! row, so strong per-pixel noise on light areas (± 25 on a light level of
//! 200, measured) makes it miss about half the codes; camera frames
//! downscaled by the canvas are smoother than that.
//!
//! Nothing here panics on any input: sizes that do not match the buffer,
//! zero sizes and overflowing sizes give no codes.

use super::payload::Qr;

/// The texts of every QR code found in an 8-bit greyscale image (`width` ×
/// `height` bytes, row-major, 0 black, 255 white), in the order found and
/// without repeats. Codes that are found but do not decode (damaged beyond
/// correction, not UTF-8) are skipped. Empty when `luma` is not exactly
/// `width * height` bytes or either side is zero.
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
/// background; `None` when the buffer does not match the size.
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

/// Draws `qr` as greyscale pixels: `scale` pixels a module, `quiet` light
/// modules of margin on every side, dark 0 and light 255. Returns the side
/// length in pixels and the pixels (row-major, side × side); `(0, [])` when
/// `scale` is zero.
pub fn render_luma(qr: &Qr, scale: usize, quiet: usize) -> (usize, Vec<u8>) {
    let n = qr.size().max(0) as usize;
    let side = (n + 2 * quiet) * scale;
    let mut pixels = vec![255u8; side * side];
    for my in 0..n {
        for mx in 0..n {
            if !qr.dark(mx as i32, my as i32) {
                continue;
            }
            let (x0, y0) = ((mx + quiet) * scale, (my + quiet) * scale);
            for y in y0..y0 + scale {
                pixels[y * side + x0..y * side + x0 + scale].fill(0);
            }
        }
    }
    (side, pixels)
}
