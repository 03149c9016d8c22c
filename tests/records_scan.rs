//! Reading QR codes back from pixels (`firstaid-scan`, the decoder the app
//! runs in its worker): every text we put in a QR code — short text, a whole signed record, an assignment — reads back
//! exactly at every scale a screen or a photo gives, through the RGBA path
//! with noise and poor contrast, and inside a larger picture; garbage gives
//! no codes and never a panic in our code (a panic raised in rqrr's own
//! source, WanzenBug/rqrr#54, is contained as the app's worker contains it).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{embedded, FIXED_VERSION};
use firstaid::content::CONTENT_VERSION;
use firstaid::quiz::prng::SplitMix64;
use firstaid::records::example;
use firstaid::records::payload::Qr;
use firstaid::records::scan::render_luma;
use firstaid_scan::{decode_luma, decode_rgba, rgba_to_luma};
use proptest::prelude::*;

/// The texts every test reads back: `(what, text)`.
fn texts() -> Vec<(&'static str, String)> {
    let c = embedded();
    let record = example::record(&c, CONTENT_VERSION).to_qr_text();
    let fixed_record = example::record(&c, FIXED_VERSION).to_qr_text();
    let assignment = example::assignment(&c, CONTENT_VERSION).to_qr_text();
    assert!(record.starts_with("FAR2:") && assignment.starts_with("FAA1:"));
    vec![
        ("short ASCII", "HELLO".to_owned()),
        ("short bytes", "First Aid Hero, v1!".to_owned()),
        ("record", record),
        ("record (fixed version)", fixed_record),
        ("assignment", assignment),
        // Read by the app from a photo of a printed certificate (an
        // assignment's link is opened by the phone's own camera app).
        (
            "certificate link",
            firstaid::credentials::link::link(
                "https://firstaid.example",
                &firstaid::credentials::badge::to_qr_text(&firstaid::credentials::badge::example())
                    .unwrap(),
            ),
        ),
    ]
}

#[test]
fn a_link_puts_its_fragment_in_alphanumeric_mode() {
    // A certificate link: its QR text after the '#' stays in alphanumeric
    // mode (byte mode for all of it would need a larger code). A version 3
    // certificate, which says what was assessed, is version 35 at level M.
    let qr_text =
        firstaid::credentials::badge::to_qr_text(&firstaid::credentials::badge::example()).unwrap();
    let link = firstaid::credentials::link::link("https://firstaid.example", &qr_text);
    let mixed = qr(&link).version();
    let plain = qr(&qr_text).version();
    assert!(mixed <= plain + 2, "link {mixed}, QR text {plain}");
    assert!(mixed <= 35, "{mixed}");
    // A short text after a '#' stays in one segment.
    assert_eq!(qr("https://x.example/#AB").version(), 2);
}

fn qr(text: &str) -> Qr {
    Qr::new(text).expect("fits in a QR code")
}

/// Greyscale pixels as RGBA with `dark` and `light` levels (instead of 0
/// and 255) and uniform noise of ± `noise`, opaque.
fn to_rgba(luma: &[u8], dark: u8, light: u8, noise: u8, rng: &mut SplitMix64) -> Vec<u8> {
    let mut out = Vec::with_capacity(luma.len() * 4);
    for &l in luma {
        let base = if l < 128 { dark } else { light } as i32;
        let mut jitter = || {
            let n = i32::from(noise);
            base + rng.below(2 * n as u64 + 1) as i32 - n
        };
        let (r, g, b) = (jitter(), jitter(), jitter());
        out.extend([r, g, b].map(|v| v.clamp(0, 255) as u8));
        out.push(255);
    }
    out
}

/// `side` × `side` pixels pasted at (`x0`, `y0`) into a `w` × `h` frame of
/// grey `background`.
fn framed(
    pixels: &[u8],
    side: usize,
    (w, h): (usize, usize),
    (x0, y0): (usize, usize),
    background: u8,
) -> Vec<u8> {
    let mut frame = vec![background; w * h];
    for y in 0..side {
        frame[(y0 + y) * w + x0..(y0 + y) * w + x0 + side]
            .copy_from_slice(&pixels[y * side..(y + 1) * side]);
    }
    frame
}

#[test]
fn every_text_reads_back_at_every_scale() {
    for (what, text) in texts() {
        let code = qr(&text);
        for scale in 2..=5 {
            let (side, luma) = render_luma(&code, scale, 4);
            assert_eq!(side, (code.size() as usize + 8) * scale);
            assert_eq!(
                decode_luma(side, side, &luma),
                std::slice::from_ref(&text),
                "{what} (version {}) at scale {scale}",
                code.version()
            );
        }
    }
}

#[test]
fn rendering_puts_modules_where_the_code_has_them() {
    let code = qr("HELLO");
    let (side, luma) = render_luma(&code, 3, 2);
    assert_eq!(side, (code.size() as usize + 4) * 3);
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x as i32 / 3 - 2, y as i32 / 3 - 2);
            let inside = (0..code.size()).contains(&mx) && (0..code.size()).contains(&my);
            let dark = inside && code.dark(mx, my);
            assert_eq!(luma[y * side + x], if dark { 0 } else { 255 }, "({x}, {y})");
        }
    }
    assert_eq!(render_luma(&code, 0, 4), (0, vec![]));
}

#[test]
fn rgba_reads_back_with_noise_and_poor_contrast() {
    let mut rng = SplitMix64::new(6);
    for (what, text) in texts() {
        let code = qr(&text);
        for scale in 2..=5 {
            let (side, luma) = render_luma(&code, scale, 4);
            for (dark, light, noise) in [
                (0, 255, 0),
                (60, 200, 0),
                (60, 200, 10),
                (30, 230, 10),
                (90, 170, 10),
            ] {
                let rgba = to_rgba(&luma, dark, light, noise, &mut rng);
                assert_eq!(
                    decode_rgba(side, side, &rgba),
                    std::slice::from_ref(&text),
                    "{what} at scale {scale}, dark {dark}, light {light}, noise ±{noise}"
                );
            }
        }
    }
}

#[test]
fn a_code_inside_a_larger_picture_reads_back() {
    // The same generator for every text, so the positions and the noise a
    // text gets do not change when an earlier text (a record carrying the
    // content version, whose compressed length varies with it) changes size.
    for (what, text) in texts() {
        let mut rng = SplitMix64::new(7);
        let code = qr(&text);
        for scale in 2..=5 {
            let (side, luma) = render_luma(&code, scale, 4);
            let (w, h) = (side + 173, side + 91);
            let at = (rng.below(174) as usize, rng.below(92) as usize);
            let frame = framed(&luma, side, (w, h), at, 150);
            assert_eq!(
                decode_luma(w, h, &frame),
                std::slice::from_ref(&text),
                "{what} at scale {scale}, at {at:?} in {w}×{h}"
            );
            let rgba = to_rgba(&frame, 50, 210, 15, &mut rng);
            assert_eq!(
                decode_rgba(w, h, &rgba),
                std::slice::from_ref(&text),
                "{what} RGBA at scale {scale}"
            );
        }
    }
}

#[test]
fn two_codes_in_one_picture_both_read() {
    let (a, b) = ("HELLO", "FAA1:WORLD");
    let (sa, la) = render_luma(&qr(a), 3, 4);
    let (sb, lb) = render_luma(&qr(b), 3, 4);
    let (w, h) = (sa + sb + 20, sa.max(sb) + 20);
    let mut frame = framed(&la, sa, (w, h), (5, 5), 255);
    for y in 0..sb {
        let row = (10 + y) * w + sa + 10;
        frame[row..row + sb].copy_from_slice(&lb[y * sb..(y + 1) * sb]);
    }
    let mut found = decode_luma(w, h, &frame);
    found.sort();
    assert_eq!(found, [b.to_owned(), a.to_owned()]);
}

#[test]
fn transparent_pixels_count_as_white() {
    let code = qr("HELLO");
    let (side, luma) = render_luma(&code, 4, 4);
    // Light modules fully transparent black, as a PNG with no background.
    let rgba: Vec<u8> = luma
        .iter()
        .flat_map(|&l| if l == 0 { [0, 0, 0, 255] } else { [0, 0, 0, 0] })
        .collect();
    assert_eq!(decode_rgba(side, side, &rgba), ["HELLO"]);
    assert_eq!(
        rgba_to_luma(2, 1, &[0, 0, 0, 0, 255, 255, 255, 255]),
        Some(vec![255, 255])
    );
    assert_eq!(
        rgba_to_luma(3, 1, &[255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]),
        Some(vec![76, 149, 28])
    );
}

#[test]
fn mismatched_and_empty_inputs_give_no_codes() {
    let code = qr("HELLO");
    let (side, luma) = render_luma(&code, 3, 4);
    let rgba = to_rgba(&luma, 0, 255, 0, &mut SplitMix64::new(1));
    // The real code, with the wrong sizes.
    for (w, h) in [
        (side, side - 1),
        (side - 1, side),
        (side + 1, side),
        (0, side),
    ] {
        assert!(decode_luma(w, h, &luma).is_empty(), "{w}×{h}");
        assert!(decode_rgba(w, h, &rgba).is_empty(), "{w}×{h}");
    }
    assert!(decode_luma(side, side, &luma[1..]).is_empty());
    assert!(decode_rgba(side, side, &rgba[1..]).is_empty());
    assert!(decode_rgba(side, side, &luma).is_empty());
    for (w, h) in [
        (0, 0),
        (0, 5),
        (5, 0),
        (1, 1),
        (usize::MAX, 2),
        (2, usize::MAX),
    ] {
        assert!(decode_luma(w, h, &[]).is_empty());
        assert!(decode_luma(w, h, &[0]).is_empty());
        assert!(decode_rgba(w, h, &[]).is_empty());
        assert!(decode_rgba(w, h, &[0, 0, 0, 0]).is_empty());
    }
    assert!(decode_luma(usize::MAX, usize::MAX, &[1]).is_empty());
    assert!(decode_rgba(usize::MAX / 4 + 1, 1, &[1]).is_empty());
    // A blank picture and a black one.
    assert!(decode_luma(64, 48, &[255; 64 * 48]).is_empty());
    assert!(decode_luma(64, 48, &[0; 64 * 48]).is_empty());
}

thread_local! {
    /// Where this thread's last panic was raised.
    static PANICKED_AT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Reads pixels as the app's worker does: a panic raised in rqrr's own
/// source (it asserts on some degenerate grids, WanzenBug/rqrr#54) is
/// contained — in the app the worker traps, reports "no code read" and is
/// replaced — while a panic anywhere else fails the test.
fn decode_contained(width: usize, height: usize, pixels: &[u8]) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let file = info.location().map(|l| l.file().replace('\\', "/"));
            let in_rqrr = file.as_deref().is_some_and(|f| f.contains("/rqrr-"));
            PANICKED_AT.with(|p| *p.borrow_mut() = file);
            if !in_rqrr {
                previous(info);
            }
        }));
    });
    if std::panic::catch_unwind(|| decode_luma(width, height, pixels)).is_err() {
        let file = PANICKED_AT
            .with(|p| p.borrow_mut().take())
            .unwrap_or_default();
        assert!(file.contains("/rqrr-"), "a panic outside rqrr, at {file}");
    }
}

proptest! {
    #[test]
    fn random_pixels_never_panic(w in 0usize..80, h in 0usize..80,
                                 bytes in prop::collection::vec(any::<u8>(), 0..26_000)) {
        decode_contained(w, h, &bytes);
        let _ = decode_rgba(w, h, &bytes);
        if let Some(luma) = bytes.get(..w * h) {
            decode_contained(w, h, luma);
        }
        if let Some(rgba) = bytes.get(..w * h * 4) {
            let _ = decode_rgba(w, h, rgba);
        }
    }

    /// Damaged codes reach rqrr's grid sampling and error correction, where
    /// random bytes seldom do.
    #[test]
    fn damaged_codes_never_panic(seed in any::<u64>(), scale in 1usize..4, damage in 0u64..400,
                                 crop in 0usize..30, text in "[A-Z0-9:]{1,80}") {
        damage_and_read(seed, scale, damage, crop, &text);
    }
}

/// A code drawn, damaged at random, cut and stretched, then read.
fn damage_and_read(seed: u64, scale: usize, damage: u64, crop: usize, text: &str) {
    let code = qr(text);
    let (side, mut luma) = render_luma(&code, scale, 2);
    let mut rng = SplitMix64::new(seed);
    for _ in 0..damage {
        let i = rng.below(luma.len() as u64) as usize;
        luma[i] = rng.below(256) as u8;
    }
    decode_contained(side, side, &luma);
    // Cut rows from the bottom (the code's finder patterns may go).
    let rows = side.saturating_sub(crop * scale);
    decode_contained(side, rows, &luma[..side * rows]);
    // Stretched horizontally by repeating columns.
    let wide: Vec<u8> = luma.iter().flat_map(|&l| [l, l]).collect();
    decode_contained(2 * side, side, &wide);
}

/// The damaged code on which rqrr once asserted during the property test
/// (`x <= i32::MAX as f64`): contained, as in the app.
#[test]
fn the_damaged_code_rqrr_asserted_on_is_contained() {
    damage_and_read(
        16787866920494224631,
        1,
        50,
        0,
        "BN1JAYT8TD9RG85S7XKXDRJPVWYF3YRAD7W1770W362XLU1PSPGYP7:6DF9K:",
    );
}
