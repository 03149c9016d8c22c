//! Drawing a [`Qr`] as greyscale pixels, natively: the tests and the fuzz
//! corpus check that what the app draws reads back through the decoder the
//! app runs in its worker (the `firstaid-scan` crate in `scan/`). Reading
//! QR codes from pixels is not in this crate: see `scan/src/lib.rs` for why.

use super::payload::Qr;

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
