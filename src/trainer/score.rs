//! The CPR quality score, 0–100, and its published formula.
//!
//! The score rewards closeness to the targets rather than counting hits and
//! misses (in the spirit of the non-binary scoring of feedback manikins,
//! whose formulas are not published; ours is, here and on the app's "How is
//! this scored?" page, which renders the same constants).
//!
//! ## Formula
//!
//! Each part is a mean of *closeness* values between 0 and 1:
//!
//! - **Rate** — for every interval between two compressions of the same
//!   cycle, its rate `r = 60000 / gap_ms` per minute:
//!   `1` inside 100–120/min, falling linearly to `0` at
//!   [`RATE_TOLERANCE`] (20/min) outside the range (80 or 140/min).
//! - **Depth** (motion sessions only) — for every compression, its depth
//!   `d`: `1` inside 50–60 mm, falling linearly to `0` at
//!   [`DEPTH_TOLERANCE_MM`] (10 mm) outside (40 or 70 mm).
//! - **Pauses** — for every pause between cycles, its length `p`: `1` up to
//!   [`PAUSE_LIMIT_S`] (10 s, AHA's maximum for the breaths), falling
//!   linearly to `0` at 20 s. A session without pauses (compression-only
//!   CPR) has no pause part.
//!
//! `score = round(100 × Σ wᵢ·partᵢ / Σ wᵢ)` over the parts the session
//! has, with weights [`W_RATE`] 0.4, [`W_DEPTH`] 0.4 and [`W_PAUSES`] 0.2.
//! A session with fewer than [`MIN_COMPRESSIONS`] compressions gets no
//! score.
//!
//! What the score cannot see: leaning (incomplete recoil) and hand position,
//! which need a manikin or an instructor; and with taps, depth.

use super::{RATE_MAX, RATE_MIN};

/// Depth range taught by AHA 2025 and ERC 2025 for adults (mm).
pub const DEPTH_MIN_MM: f64 = 50.0;
pub const DEPTH_MAX_MM: f64 = 60.0;
/// Closeness reaches 0 this far outside the rate range (per minute).
pub const RATE_TOLERANCE: f64 = 20.0;
/// Closeness reaches 0 this far outside the depth range (mm).
pub const DEPTH_TOLERANCE_MM: f64 = 10.0;
/// Pauses up to this length (s) are full marks; 0 at twice it.
pub const PAUSE_LIMIT_S: f64 = 10.0;
pub const W_RATE: f64 = 0.4;
pub const W_DEPTH: f64 = 0.4;
pub const W_PAUSES: f64 = 0.2;
/// Fewer compressions than this: no score.
pub const MIN_COMPRESSIONS: usize = 10;

/// Closeness of `x` to the range `[lo, hi]`: 1 inside, linear to 0 at
/// `tolerance` outside.
pub fn closeness(x: f64, lo: f64, hi: f64, tolerance: f64) -> f64 {
    let d = if x < lo {
        lo - x
    } else if x > hi {
        x - hi
    } else {
        0.0
    };
    (1.0 - d / tolerance).clamp(0.0, 1.0)
}

/// Closeness of one interval's rate.
pub fn rate_closeness(rate: f64) -> f64 {
    closeness(rate, RATE_MIN, RATE_MAX, RATE_TOLERANCE)
}

/// Closeness of one compression's depth.
pub fn depth_closeness(depth_mm: f64) -> f64 {
    closeness(depth_mm, DEPTH_MIN_MM, DEPTH_MAX_MM, DEPTH_TOLERANCE_MM)
}

/// Closeness of one pause.
pub fn pause_closeness(pause_s: f64) -> f64 {
    closeness(pause_s, 0.0, PAUSE_LIMIT_S, PAUSE_LIMIT_S)
}

/// The parts of a score, each 0–1, `None` when the session has no such part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    pub rate: Option<f64>,
    pub depth: Option<f64>,
    pub pauses: Option<f64>,
}

fn mean(v: impl Iterator<Item = f64>) -> Option<f64> {
    let (n, s) = v.fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
    (n > 0).then(|| s / n as f64)
}

/// The parts from a session's interval rates (within cycles), depths (mm,
/// motion only) and pause lengths (s).
pub fn parts(rates: &[f64], depths: &[f64], pauses_s: &[f64]) -> Parts {
    Parts {
        rate: mean(rates.iter().map(|&r| rate_closeness(r))),
        depth: mean(depths.iter().map(|&d| depth_closeness(d))),
        pauses: mean(pauses_s.iter().map(|&p| pause_closeness(p))),
    }
}

/// The score from its parts; `None` without a rate part or with fewer than
/// [`MIN_COMPRESSIONS`] compressions.
pub fn score(parts: Parts, compressions: usize) -> Option<u32> {
    if compressions < MIN_COMPRESSIONS {
        return None;
    }
    parts.rate?;
    let (mut num, mut den) = (0.0, 0.0);
    for (part, w) in [
        (parts.rate, W_RATE),
        (parts.depth, W_DEPTH),
        (parts.pauses, W_PAUSES),
    ] {
        if let Some(p) = part {
            num += w * p;
            den += w;
        }
    }
    Some((100.0 * num / den).round() as u32)
}

/// The two examples on the "How is this scored?" page, computed by the
/// formula: taps at 110/min with three 5 s pauses (100), and the same with
/// half the intervals at 90/min (83).
pub fn examples() -> (u32, u32) {
    let ex = |rates: &[f64]| score(parts(rates, &[], &[5.0, 5.0, 5.0]), 120).unwrap_or(0);
    (ex(&[110.0; 29]), ex(&[110.0, 90.0]))
}
