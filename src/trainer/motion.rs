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
//! **Cost:** per sample, the interpolation, the running mean of gravity, a
//! projection and the band-pass (about 60 additions); per stroke, a few
//! integrations over ~100 samples each. A two-minute trace takes a few
//! milliseconds natively (release build).
//!
//! The rate, cycle and pause figures of [`MotionSummary`] are computed from
//! the compression times exactly as for taps ([`super::taps::rhythm`]).

use serde::Serialize;

use super::csv::MotionSample;
use super::taps;

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

/// One integrated point: time (samples, from the window's start), the
/// acceleration, velocity and position.
#[derive(Debug, Clone, Copy)]
struct Pt {
    t: f64,
    a: f64,
    v: f64,
    x: f64,
}

/// The uniform signal of one stretch without a long gap, with absolute
/// sample indices (index 0 is the stretch's first event).
#[derive(Debug, Clone, Default)]
struct Signal {
    /// Absolute index of `u[0]` (older samples are dropped).
    off: usize,
    /// Projected acceleration (m/s²).
    u: Vec<f64>,
    /// Band-pass of `u`, computed up to `u.len() - LONG - 1`.
    bp: Vec<f64>,
}

impl Signal {
    fn len(&self) -> usize {
        self.off + self.u.len()
    }
    fn bp_len(&self) -> usize {
        self.off + self.bp.len()
    }
    fn u_at(&self, i: usize) -> f64 {
        self.u[i - self.off]
    }
    fn bp_at(&self, i: usize) -> f64 {
        self.bp[i - self.off]
    }
    /// `u` at a fractional absolute index (clamped to what is kept).
    fn u_interp(&self, t: f64) -> f64 {
        let lo = self.off as f64;
        let hi = (self.len() - 1) as f64;
        let t = t.clamp(lo, hi);
        let i = t.floor() as usize;
        let f = t - i as f64;
        if f <= 0.0 || i + 1 >= self.len() {
            self.u_at(i)
        } else {
            self.u_at(i) * (1.0 - f) + self.u_at(i + 1) * f
        }
    }
    /// Index of the band-pass's minimum over `lo..hi` (absolute, clamped).
    fn argmin_bp(&self, lo: usize, hi: usize) -> Option<usize> {
        let lo = lo.max(self.off);
        let hi = hi.min(self.bp_len());
        (lo..hi).min_by(|&a, &b| self.bp_at(a).total_cmp(&self.bp_at(b)))
    }

    /// Integrates `u` from `ta` to `tb` (fractional absolute indices) with
    /// the drift `b + c·t` removed so that velocity and position are zero at
    /// both ends (stage 4). Writes the points into `pts`.
    fn integrate(&self, ta: f64, tb: f64, pts: &mut Vec<Pt>) {
        pts.clear();
        if tb - ta < 2.0 || tb.is_nan() || ta.is_nan() {
            return;
        }
        let mut push = |t: f64| {
            pts.push(Pt {
                t: t - ta,
                a: self.u_interp(t),
                v: 0.0,
                x: 0.0,
            })
        };
        push(ta);
        let mut k = ta.floor() + 1.0;
        while k < tb - 1e-6 {
            if k > ta + 1e-6 {
                push(k);
            }
            k += 1.0;
        }
        push(tb);
        for i in 1..pts.len() {
            let (p, q) = (pts[i - 1], pts[i]);
            let h = (q.t - p.t) * DT_S;
            pts[i].v = p.v + h * (p.a + q.a) / 2.0;
            pts[i].x = p.x + h * p.v + h * h * (2.0 * p.a + q.a) / 6.0;
        }
        let end = pts[pts.len() - 1];
        let t_end = end.t * DT_S;
        let c = (6.0 * end.v * t_end - 12.0 * end.x) / t_end.powi(3);
        let b = end.v / t_end - c * t_end / 2.0;
        for p in pts.iter_mut() {
            let t = p.t * DT_S;
            p.a -= b + c * t;
            p.v -= b * t + c * t * t / 2.0;
            p.x -= b * t * t / 2.0 + c * t * t * t / 6.0;
        }
    }
}

/// The extremum of the position among `pts[lo..hi]` (a maximum when `max`),
/// located inside its step where the velocity changes sign: (time in
/// samples from the window's start, position in m).
fn extremum(pts: &[Pt], lo: usize, hi: usize, max: bool) -> Option<(f64, f64)> {
    let hi = hi.min(pts.len());
    if lo >= hi {
        return None;
    }
    let key = |x: f64| if max { x } else { -x };
    let i = (lo..hi).max_by(|&a, &b| key(pts[a].x).total_cmp(&key(pts[b].x)))?;
    // The velocity goes from + to − at a maximum, − to + at a minimum.
    let s = if max { 1.0 } else { -1.0 };
    let mut best = (pts[i].t, pts[i].x);
    for j in i.saturating_sub(2)..(i + 2).min(pts.len().saturating_sub(1)) {
        let (p, q) = (pts[j], pts[j + 1]);
        let h = (q.t - p.t) * DT_S;
        if h <= 0.0 || !(s * p.v >= 0.0 && s * q.v <= 0.0) {
            continue;
        }
        // v(τ) = v + aτ + kτ²/2 inside the step, k = (a₁ − a₀)/h.
        let k = (q.a - p.a) / h;
        let tau = root_in(p.v, p.a, k / 2.0, h).unwrap_or_else(|| {
            if (p.v - q.v).abs() > 0.0 {
                h * p.v / (p.v - q.v)
            } else {
                0.0
            }
        });
        let x = p.x + p.v * tau + p.a * tau * tau / 2.0 + k * tau.powi(3) / 6.0;
        if key(x) > key(best.1) {
            best = (p.t + tau / DT_S, x);
        }
    }
    Some(best)
}

/// The root of `c0 + c1·τ + c2·τ²` in `[0, h]`.
fn root_in(c0: f64, c1: f64, c2: f64, h: f64) -> Option<f64> {
    let ok = |t: f64| (-1e-12..=h + 1e-12).contains(&t).then_some(t.clamp(0.0, h));
    if c2.abs() < 1e-12 {
        return if c1.abs() > 1e-12 { ok(-c0 / c1) } else { None };
    }
    let d = c1 * c1 - 4.0 * c2 * c0;
    if d < 0.0 {
        return None;
    }
    let sq = d.sqrt();
    // Numerically stable pair of roots.
    let q = -0.5 * (c1 + c1.signum() * sq);
    let r1 = q / c2;
    let r2 = if q.abs() > 0.0 { c0 / q } else { r1 };
    ok(r1).or_else(|| ok(r2))
}

/// The compressions of one run (strokes between pauses) being found.
#[derive(Debug, Clone, Default)]
struct Run {
    /// Bottoms found by the band-pass (absolute indices).
    bottoms: Vec<usize>,
    /// Tops: `tops[k]` before `bottoms[k]`; one more than the bottoms once
    /// the run is closed. Fractional absolute indices, refined in place.
    tops: Vec<f64>,
    /// Strokes reported (or dropped) so far.
    done: usize,
    /// Where the chest is taken to be at rest before the first top and
    /// after the last one (fixed from the tops as first found).
    rest_before: f64,
    rest_after: Option<f64>,
}

/// Finds compressions in motion samples as they come; see the module
/// documentation.
#[derive(Debug, Clone, Default)]
pub struct MotionTracker {
    /// The event before, for the linear interpolation.
    last: Option<MotionSample>,
    /// Time (ms) of absolute index 0 of the current stretch.
    origin_ms: f64,
    /// Gravity's running mean and how many samples it has seen.
    g: [f64; 3],
    g_n: u64,
    sig: Signal,
    /// Running sums for the band-pass: next index whose band-pass is due.
    next_bp: usize,
    /// Next index to test as a bottom.
    next_peak: usize,
    /// Heights of the recent bottoms.
    recent: Vec<f64>,
    run: Run,
    pts: Vec<Pt>,
    found: Vec<MotionCompression>,
}

impl MotionTracker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every compression found so far, in time order.
    pub fn compressions(&self) -> &[MotionCompression] {
        &self.found
    }

    /// Feeds one sample (in time order: a sample not later than the one
    /// before, or with a value that is not finite, is ignored). Returns the
    /// compressions this sample finalised (about three strokes after their
    /// bottom; see stage 6).
    pub fn push(&mut self, s: MotionSample) -> Vec<MotionCompression> {
        let before = self.found.len();
        if !(s.t_ms.is_finite() && s.a.iter().all(|x| x.is_finite())) {
            return Vec::new();
        }
        match self.last {
            Some(p) if s.t_ms <= p.t_ms => return Vec::new(),
            Some(p) if s.t_ms - p.t_ms > MAX_GAP_MS => {
                self.close_stretch();
                self.start(s);
            }
            None => self.start(s),
            Some(p) => {
                // Uniform samples in (p.t, s.t].
                loop {
                    let n = self.sig.len();
                    let t = self.origin_ms + n as f64 * DT_MS;
                    if t > s.t_ms {
                        break;
                    }
                    let f = (t - p.t_ms) / (s.t_ms - p.t_ms);
                    let a = [0, 1, 2].map(|k| p.a[k] + f * (s.a[k] - p.a[k]));
                    self.sample(a);
                }
                self.last = Some(s);
            }
        }
        self.found[before..].to_vec()
    }

    /// Finalises the session: the strokes still waiting for what follows
    /// them are integrated with what there is. Returns them.
    pub fn finish(&mut self) -> Vec<MotionCompression> {
        let before = self.found.len();
        self.close_stretch();
        self.last = None;
        self.found[before..].to_vec()
    }

    fn start(&mut self, s: MotionSample) {
        self.last = Some(s);
        self.origin_ms = s.t_ms;
        self.g = [0.0; 3];
        self.g_n = 0;
        self.sig = Signal::default();
        self.next_bp = 0;
        self.next_peak = 0;
        self.run = Run::default();
        self.sample(s.a);
    }

    /// Takes one uniform sample.
    fn sample(&mut self, a: [f64; 3]) {
        self.g_n += 1;
        let alpha = (1.0 / self.g_n as f64).max(DT_S / GRAVITY_TAU_S);
        for (g, x) in self.g.iter_mut().zip(a) {
            *g += alpha * (x - *g);
        }
        let norm = self.g.iter().map(|x| x * x).sum::<f64>().sqrt();
        let u = if norm > 1e-9 {
            a.iter().zip(self.g).map(|(x, g)| x * g).sum::<f64>() / norm
        } else {
            0.0
        };
        self.sig.u.push(u);
        self.advance(false);
    }

    /// Computes the band-pass as far as the samples allow (to the end when
    /// `flush`), finds bottoms and tops and reports strokes.
    fn advance(&mut self, flush: bool) {
        let n = self.sig.len();
        while self.next_bp < n && (flush || self.next_bp + LONG < n) {
            let i = self.next_bp;
            let mean = |half: usize| {
                let lo = i.saturating_sub(half).max(self.sig.off);
                let hi = (i + half + 1).min(n);
                (lo..hi).map(|j| self.sig.u_at(j)).sum::<f64>() / (hi - lo) as f64
            };
            // Nothing before the long mean has a full window.
            let v = if i < LONG {
                0.0
            } else {
                mean(SHORT) - mean(LONG)
            };
            self.sig.bp.push(v);
            self.next_bp += 1;
        }
        let m = self.sig.bp_len();
        while self.next_peak < m && (flush || self.next_peak + PEAK_HALF < m) {
            let p = self.next_peak;
            self.next_peak += 1;
            if p < self.sig.off {
                continue;
            }
            let h = self.sig.bp_at(p);
            let threshold = MIN_PEAK.max(REL_PEAK * median(&self.recent));
            if h < threshold {
                continue;
            }
            let lo = p.saturating_sub(PEAK_HALF).max(self.sig.off);
            let hi = (p + PEAK_HALF + 1).min(m);
            let is_max = (lo..p).all(|j| self.sig.bp_at(j) < h)
                && (p + 1..hi).all(|j| self.sig.bp_at(j) <= h);
            if is_max {
                self.bottom(p, h);
            }
        }
        if let Some(&b) = self.run.bottoms.last() {
            if m > b + RUN_GAP {
                self.close_run();
            }
        }
        self.trim();
    }

    /// A new bottom at `p` with band-pass `h`.
    fn bottom(&mut self, p: usize, h: f64) {
        self.recent.push(h);
        if self.recent.len() > 5 {
            self.recent.remove(0);
        }
        if let Some(&b) = self.run.bottoms.last() {
            if p > b + RUN_GAP {
                self.close_run();
            }
        }
        let top = match self.run.bottoms.last() {
            Some(&b) => self.sig.argmin_bp(b + 1, p),
            None => self
                .sig
                .argmin_bp(p.saturating_sub(EDGE), p.saturating_sub(2)),
        };
        let Some(top) = top else { return };
        // A compression starts by accelerating down: the band-pass dips
        // before its bottom (a bump of the band-pass next to a stroke after
        // rest does not).
        if self.sig.bp_at(top) > -DIP * h {
            return;
        }
        if self.run.bottoms.is_empty() {
            self.run.rest_before = (top as f64 - REST).max(self.sig.off as f64);
        }
        self.run.bottoms.push(p);
        self.run.tops.push(top as f64);
        // Refine the tops that have a top on both sides, then report the
        // strokes whose both tops are final.
        let k = self.run.tops.len();
        if k >= 2 {
            self.refine(k.saturating_sub(3)..k - 1);
        }
        while self.run.done + 3 < k {
            self.stroke(self.run.done);
            self.run.done += 1;
        }
    }

    /// Ends the current run: the last stroke ends at the band-pass's
    /// minimum after its bottom; every remaining stroke is reported.
    fn close_run(&mut self) {
        let Some(&b) = self.run.bottoms.last() else {
            return;
        };
        let hi = (b + EDGE).min(self.sig.bp_len());
        if let Some(top) = self.sig.argmin_bp(b + 2, hi + 1) {
            self.run.tops.push(top as f64);
            self.run.rest_after = Some((top as f64 + REST).min((self.sig.len() - 1) as f64));
            let k = self.run.tops.len();
            for _ in 0..REFINE_PASSES {
                for i in self.run.done..k {
                    self.refine_one(i);
                }
            }
            while self.run.done + 1 < k {
                self.stroke(self.run.done);
                self.run.done += 1;
            }
        }
        self.run = Run::default();
    }

    /// Ends the stretch (a long gap or the end): flushes the band-pass and
    /// closes the run.
    fn close_stretch(&mut self) {
        if self.sig.u.is_empty() {
            return;
        }
        self.advance(true);
        self.close_run();
    }

    /// Refines the tops in `range` ([`REFINE_PASSES`] passes).
    fn refine(&mut self, range: std::ops::Range<usize>) {
        for _ in 0..REFINE_PASSES {
            for i in range.clone() {
                self.refine_one(i);
            }
        }
    }

    /// Moves top `i` to the maximum of the position integrated between its
    /// neighbours (stage 5).
    fn refine_one(&mut self, i: usize) {
        let tops = &self.run.tops;
        let first = self.sig.off as f64;
        let last = (self.sig.len() - 1) as f64;
        let lo = if i == 0 {
            self.run.rest_before.max(first)
        } else {
            tops[i - 1]
        };
        let hi = if i + 1 < tops.len() {
            tops[i + 1]
        } else {
            self.run.rest_after.unwrap_or(tops[i] + REST).min(last)
        };
        self.sig.integrate(lo, hi, &mut self.pts);
        // The maximum lies between the bottoms on either side.
        let b_lo = if i == 0 {
            lo
        } else {
            self.run.bottoms[i - 1] as f64
        };
        let b_hi = self.run.bottoms.get(i).map_or(hi, |&b| b as f64).min(hi);
        let index = |pts: &[Pt], t: f64| pts.partition_point(|p| p.t + lo < t);
        let (from, to) = (index(&self.pts, b_lo) + 1, index(&self.pts, b_hi));
        let Some((t, _)) = extremum(&self.pts, from, to, true) else {
            return;
        };
        self.run.tops[i] = lo + t;
    }

    /// Integrates stroke `k` (from top `k` to top `k + 1`) and reports it.
    fn stroke(&mut self, k: usize) {
        let (ta, tb) = (self.run.tops[k], self.run.tops[k + 1]);
        self.sig.integrate(ta, tb, &mut self.pts);
        let n = self.pts.len();
        let bottom = extremum(&self.pts, 1, n.saturating_sub(1), false);
        if let Some((t, x)) = bottom {
            let depth_mm = -x * 1000.0;
            if depth_mm >= MIN_DEPTH_MM {
                self.found.push(MotionCompression {
                    t_ms: self.origin_ms + (ta + t) * DT_MS,
                    depth_mm,
                });
            }
        }
    }

    /// Drops samples no longer needed.
    fn trim(&mut self) {
        const KEEP: usize = 4096;
        if self.sig.u.len() < 2 * KEEP {
            return;
        }
        let mut keep_from = self.sig.len().saturating_sub(KEEP);
        if let Some(&t) = self.run.tops.get(self.run.done.saturating_sub(1)) {
            keep_from = keep_from.min((t - REST - 2.0).max(0.0) as usize);
        }
        if let Some(&b) = self.run.bottoms.get(self.run.done.saturating_sub(1)) {
            keep_from = keep_from.min(b.saturating_sub(EDGE));
        }
        let cut = keep_from
            .saturating_sub(self.sig.off)
            .min(self.sig.bp.len());
        if cut > 0 {
            self.sig.u.drain(..cut);
            self.sig.bp.drain(..cut);
            self.sig.off += cut;
        }
    }
}

fn median(v: &[f64]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let m = s.len() / 2;
    if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    }
}

/// A session's figures from its motion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MotionSummary {
    pub compressions: u32,
    /// Mean rate per minute over the intervals within cycles.
    #[serde(rename = "mean_rate_per_min")]
    pub mean_rate: Option<f64>,
    /// Share (0–1) of intervals within cycles whose rate is 100–120/min.
    #[serde(rename = "in_range_share")]
    pub in_range: Option<f64>,
    pub cycles: u32,
    pub pauses: u32,
    pub pause_ms: f64,
    /// Time compressing over the session's time (first to last
    /// compression), 0–1.
    pub compression_fraction: Option<f64>,
    /// Mean excursion (mm).
    pub mean_depth_mm: Option<f64>,
    /// Share (0–1) of compressions 50–60 mm deep.
    #[serde(rename = "depth_in_range_share")]
    pub depth_in_range: Option<f64>,
    /// Share (0–1) of compressions shallower than 50 mm.
    #[serde(rename = "too_shallow_share")]
    pub too_shallow: Option<f64>,
    /// Share (0–1) of compressions deeper than 60 mm.
    #[serde(rename = "too_deep_share")]
    pub too_deep: Option<f64>,
}

/// The cycle (from 0) of every compression, by the taps' pause rule.
pub fn summarize(c: &[MotionCompression]) -> (Vec<u32>, MotionSummary) {
    let times: Vec<f64> = c.iter().map(|c| c.t_ms).collect();
    let cycles = taps::cycles(&times);
    let r = taps::rhythm(&times, &cycles);
    let n = c.len();
    let share = |f: &dyn Fn(f64) -> bool| {
        (n > 0).then(|| c.iter().filter(|c| f(c.depth_mm)).count() as f64 / n as f64)
    };
    let summary = MotionSummary {
        compressions: n as u32,
        mean_rate: r.mean_rate,
        in_range: r.in_range,
        cycles: r.cycles,
        pauses: r.pauses,
        pause_ms: r.pause_ms,
        compression_fraction: r.compression_fraction,
        mean_depth_mm: (n > 0).then(|| c.iter().map(|c| c.depth_mm).sum::<f64>() / n as f64),
        depth_in_range: share(&|d| (DEPTH_MIN_MM..=DEPTH_MAX_MM).contains(&d)),
        too_shallow: share(&|d| d < DEPTH_MIN_MM),
        too_deep: share(&|d| d > DEPTH_MAX_MM),
    };
    (cycles, summary)
}

/// Analyses a whole recorded trace: the tracker fed every sample, then
/// finished; and the session's figures.
pub fn analyze(samples: &[MotionSample]) -> (Vec<MotionCompression>, MotionSummary) {
    let mut t = MotionTracker::new();
    for &s in samples {
        t.push(s);
    }
    t.finish();
    let c = t.found;
    let (_, summary) = summarize(&c);
    (c, summary)
}
