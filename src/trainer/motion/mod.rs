//! Compressions and their depths from the phone's accelerometer.
//!
//! The phone lies on the chest or in the rescuer's interlocked hands and
//! reports `DeviceMotionEvent.accelerationIncludingGravity`: three axes in
//! m/s², gravity included, 50–100 events a second with jitter and the odd
//! dropped event. [`MotionTracker`] turns that stream into compressions —
//! the time of the bottom of each stroke and how far the chest went down
//! during it — as the samples arrive; [`analyze`] does the same for a whole
//! recorded trace (it runs the tracker, so both give exactly the same
//! compressions).
//!
//! ## What can be measured
//!
//! An accelerometer sees acceleration only. Double integration gives
//! displacement up to an unknown constant and an unknown drift, so what is
//! measured is the **excursion of each stroke**: from where the chest was at
//! the top of the stroke down to its bottom. A rescuer who leans and never
//! lets the chest come back up fully compresses a chest that is already a
//! few millimetres down; that offset is invisible here (it needs a force
//! sensor or a manikin), and the depths reported are excursions, not
//! absolute depths.
//!
//! ## Derivation
//!
//! 1. **Resampling.** Events arrive at irregular times. The acceleration is
//!    taken as linear between consecutive events and sampled at a uniform
//!    [`RATE_HZ`] (100 Hz) grid from the first event. A gap longer than
//!    [`MAX_GAP_MS`] (the sensor stopped) ends the analysis of what came
//!    before, as [`MotionTracker::finish`] would, and starts afresh.
//!
//! 2. **Gravity and projection.** The gravity vector `ĝ` on the device's
//!    axes is a running mean of the samples (an exponential mean with
//!    [`GRAVITY_TAU_S`] time constant; the plain mean of what there is for
//!    the first seconds). Each sample is projected on its direction:
//!    `u = a · ĝ/|ĝ|`. This is the acceleration along the vertical, whatever
//!    the phone's tilt, and it does not depend on the browser's sign
//!    convention: a browser that negates all axes negates `a` and `ĝ`
//!    together, and `(−a)·(−ĝ) = a·ĝ`. An error ε (radians) in the direction
//!    — lag while the phone wobbles, an accelerometer's bias, the ripple of
//!    the mean — changes `u` only by a factor `cos ε ≈ 1 − ε²/2`, second
//!    order: 2° of error is 0.06 %. The magnitude of gravity (and any bias
//!    along the vertical) is not subtracted here; stage 4 removes it.
//!
//! 3. **Finding the strokes.** At the bottom of a stroke the chest's
//!    acceleration points up the most, at the top down the most (for a
//!    sinusoid of depth `D` and angular frequency ω, `x = −D/2·(1 − cos ωt)`
//!    and `ẍ = −D/2·ω²·cos ωt`). A band-pass of `u` — a centred 70 ms mean
//!    minus a centred 510 ms mean, linear phase, 0.25 s delay — shows
//!    compressions at 1.3–2.3 Hz as a clean oscillation. A **bottom** is a
//!    maximum of the band-pass over ±280 ms (so compressions closer than
//!    280 ms, above 210/min, are one) that reaches [`MIN_PEAK`] m/s² and a
//!    quarter of the median of the last five bottoms (so a shallow stroke
//!    among deep ones still counts, and noise in a pause does not), and
//!    that is preceded by a dip of the band-pass below −0.3 times its
//!    height (a compression starts by accelerating down; the band-pass's
//!    bump just before a stroke that starts from rest does not). The
//!    **top** before a bottom is the band-pass's minimum since the bottom
//!    before (or within 0.6 s for the first stroke of a run). Bottoms more
//!    than [`RUN_GAP_S`] apart belong to different runs (a pause for
//!    breaths): the last stroke of a run ends at the band-pass's minimum
//!    within 0.6 s after its bottom.
//!
//! 4. **Integration per stroke, drift removed.** Between two tops `τ₀` and
//!    `τ₁` the chest starts and ends at rest relative to the stroke: the
//!    velocity is zero at both (they are maxima of the position), and the
//!    chest comes back to the level it started from. The acceleration is
//!    integrated exactly for a piecewise-linear signal (`v += h(aᵢ+aᵢ₊₁)/2`,
//!    `x += h·vᵢ + h²(2aᵢ+aᵢ₊₁)/6`), and an error `b + c·t` in the
//!    acceleration — gravity's magnitude, the accelerometer's bias along the
//!    vertical, slow tilt, the low-frequency part of the noise — is solved
//!    from the two end conditions `v(T) = 0`, `x(T) = 0` with `T = τ₁ − τ₀`:
//!    with `V = v(T)` and `X = x(T)` of the raw integral,
//!    `c = (6VT − 12X)/T³`, `b = V/T − cT/2`, and the corrected position is
//!    `x(t) − bt²/2 − ct³/6`. The bottom is where the corrected velocity
//!    changes sign from down to up (solved inside the 10 ms step, where the
//!    velocity is quadratic), and the depth is minus the position there.
//!    A constant or linearly drifting error in the acceleration — which is
//!    what gravity, bias and tilt contribute over half a second — is removed
//!    exactly; what is left is the noise, and the linear interpolation of
//!    the samples (at 50 Hz the acceleration's sharp reversals at the top
//!    and bottom fall between samples: the larger part of the error on
//!    hard traces).
//!
//! 5. **Refining the tops.** A top placed δ early or late leaves a velocity
//!    `ẍ·δ` (about 4 m/s² · δ) at a point the integration assumes is at
//!    rest; 20 ms costs about 2 mm of depth. So before a stroke is
//!    integrated, each top is moved to the maximum of the position
//!    integrated over the two strokes around it, from the top before to the
//!    top after (with the same drift removal): the error at the ends enters
//!    the middle of that window at about half its size, and
//!    [`REFINE_PASSES`] passes over the newest tops (each new bottom adds a
//!    raw top; the two before it are refined) leave a fraction of it. The first top of a run is refined from a point
//!    [`REST_S`] before it, and the last one to a point [`REST_S`] after it,
//!    where the chest is at rest (a pause).
//!
//! 6. **Output.** A stroke is reported once its two tops have been refined
//!    with raw tops at least two strokes beyond (reporting a stroke earlier,
//!    with a top refined against a raw neighbour only, measured 2–3 mm
//!    worse): when the bottom three strokes later is found, i.e. three
//!    periods plus the 0.53 s the band-pass and the bottom test look ahead
//!    — about 2.2 s at 110/min; at the end of a run, when the run ends
//!    ([`RUN_GAP_S`] after its last bottom). A stroke shallower than
//!    [`MIN_DEPTH_MM`] is not a compression and is dropped.
//!
//! 7. **Provisional depths.** So that the live screen need not wait
//!    for stage 6, every stroke also gets a provisional depth as soon as its
//!    bottom is found, refined as later strokes arrive
//!    ([`MotionTracker::provisional`], [`MotionTracker::latest`]); see
//!    `provisional.rs`. Only the final values of stage 6 are stored and
//!    scored.
//!
//! **Cost:** per sample, the interpolation, the running mean of gravity, a
//! projection and the band-pass (about 60 additions); per stroke, a few
//! integrations over ~100 samples each. A two-minute trace takes a few
//! milliseconds natively (release build).
//!
//! The rate, cycle and pause figures of [`MotionSummary`] are computed from
//! the compression times exactly as for taps ([`super::taps::rhythm`]).//!
//! The stages live beside this module: [`signal`] (the resampled,
//! band-passed signal and the integration between two times), [`tracker`]
//! (the streaming estimator: bottoms, tops, runs, refinement and strokes),
//! [`provisional`] (stage 7) and [`summary`] (a session's figures from its
//! compressions).

mod provisional;
mod signal;
mod summary;
mod tracker;

use serde::Serialize;

pub use provisional::{Provisional, LOOK_S};
pub use summary::{analyze, summarize, MotionSummary};
pub use tracker::MotionTracker;

/// The uniform rate the samples are resampled to.
pub const RATE_HZ: f64 = 100.0;
const DT_MS: f64 = 1000.0 / RATE_HZ;
const DT_S: f64 = 1.0 / RATE_HZ;
/// A longer gap between events ends the analysis of what came before.
pub const MAX_GAP_MS: f64 = 300.0;
/// Time constant of the running mean that estimates gravity.
pub const GRAVITY_TAU_S: f64 = 1.0;
/// Smallest band-passed acceleration at a bottom (m/s²).
pub const MIN_PEAK: f64 = 0.6;
/// Bottoms further apart than this belong to different runs.
pub const RUN_GAP_S: f64 = 1.5;
/// Passes refining the tops.
pub const REFINE_PASSES: usize = 3;
/// Rest assumed before a run's first top and after its last one.
pub const REST_S: f64 = 0.3;
/// Strokes shallower than this are not compressions.
pub const MIN_DEPTH_MM: f64 = 5.0;
/// The depth range (mm), as the score uses it.
pub use super::score::{DEPTH_MAX_MM, DEPTH_MIN_MM};

/// Half-widths (samples) of the band-pass's short and long means.
const SHORT: usize = 3;
const LONG: usize = 25;
/// A bottom is the band-pass's maximum over ± this many samples.
const PEAK_HALF: usize = 28;
/// The first top of a run is looked for this far before its bottom, the
/// last one this far after (samples).
const EDGE: usize = 60;
const RUN_GAP: usize = (RUN_GAP_S * RATE_HZ) as usize;
const REST: f64 = REST_S * RATE_HZ;
/// Relative threshold of a bottom against the median of recent ones.
const REL_PEAK: f64 = 0.25;
/// The band-pass must dip at least this share of a bottom's height before
/// it.
const DIP: f64 = 0.3;

/// One compression found in the motion.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MotionCompression {
    /// The bottom of the stroke, on the samples' clock (ms).
    pub t_ms: f64,
    /// How far the chest went down from where the stroke started (mm).
    pub depth_mm: f64,
}
