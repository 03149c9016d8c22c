//! Synthetic accelerometer traces of chest compressions, with ground truth,
//! for testing and benchmarking the motion analysis ([`super::motion`]).
//! A trace is a pure function of its [`TraceSpec`] and a seed (the quiz's
//! [`SplitMix64`]), so a test or a benchmark figure can be reproduced.
//!
//! ## The model
//!
//! - **Chest motion** (vertical, up positive, metres): a sequence of
//!   strokes. Stroke `k` starts at the top level `−leanₖ`, goes down by its
//!   depth `Dₖ` in `T_down`, and comes back up in `T_up` to the next
//!   stroke's top level `−leanₖ₊₁` (so the upstroke's excursion is
//!   `Dₖ + leanₖ − leanₖ₊₁`), then may dwell at the top. Each half stroke is
//!   a blend of a half-cosine, `D/2·(1 − cos πs)`, and a profile smooth at
//!   the top and firm at the bottom, `D·(4s³ − 3s⁴)` going down and its
//!   mirror coming up (s from 0 to 1): both start and end at rest; the
//!   first has the acceleration jumps of a firm push and release, the
//!   second eases in and out at the top and reverses hard at the bottom. The downstroke is quicker than the upstroke (35–50 % of the
//!   period), as in real CPR. The rate drifts slowly within its range, and
//!   each interval has its own jitter; the depth drifts and varies per
//!   stroke. Rescuers pause for two breaths after 30 compressions (30:2) or
//!   compress without pausing for a long run (hands-only), then pause (a
//!   rescuer switch); the first stroke after a pause starts from the
//!   released chest (no lean).
//! - **Truth**: per stroke, the time of the bottom, the excursion `Dₖ`
//!   (what an accelerometer can observe), the lean `leanₖ` (the chest's
//!   offset below its rest level at the start of the stroke; the absolute
//!   depth is their sum) and the time the upstroke ends.
//! - **Sensor**: `accelerationIncludingGravity` = `(g + ẍ)·n(t) + l·ẍ·m(t)`
//!   on the device's axes, where `n(t)` is the world's up direction as the
//!   phone sees it (a fixed tilt plus a slow wobble), `m(t)` a horizontal
//!   direction (a little side-to-side rocking of the hands, share `l`),
//!   plus a constant bias and white noise per axis; the vertical
//!   acceleration passes the sensor's own first-order low-pass (a time
//!   constant of a few milliseconds, which also delays it by about that
//!   much); all negated for a
//!   browser with the opposite sign convention. Events come at 50, 60 or
//!   100 Hz with delivery jitter (the value is the one at the event's
//!   time), some are dropped; times are rounded to 0.1 ms and values to
//!   0.0001 m/s², as the CSV files hold them.

use super::csv::MotionSample;
use crate::quiz::prng::SplitMix64;

/// Standard gravity (m/s²).
pub const G: f64 = 9.80665;

/// What kind of trace to generate; every range is drawn from uniformly.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceSpec {
    pub duration_s: f64,
    /// The rate's range (per minute); the rate drifts within it.
    pub rate_per_min: (f64, f64),
    /// How much the rate drifts from one stroke to the next (per minute, sd).
    pub rate_drift: f64,
    /// Relative jitter of each interval (sd).
    pub interval_jitter: f64,
    /// The range the depth drifts in (mm), its per-stroke spread (sd, mm)
    /// and the limits every stroke is kept within.
    pub depth_mm: (f64, f64),
    pub depth_drift_mm: f64,
    pub depth_jitter_mm: f64,
    pub depth_limits_mm: (f64, f64),
    /// The downstroke's share of the stroke.
    pub down_share: (f64, f64),
    /// The share of the period resting at the top (scaled by the stroke's
    /// smoothness: a stroke that starts with a jump in acceleration does not
    /// start from rest).
    pub dwell_share: (f64, f64),
    /// Blend towards the smooth (minimum-jerk) stroke shape, 0–1.
    pub smoothness: (f64, f64),
    /// Chance that a run is done leaning, the most lean (mm) and how much it
    /// changes from stroke to stroke (sd, mm).
    pub lean_chance: f64,
    pub lean_max_mm: f64,
    pub lean_step_mm: f64,
    /// Chance that a run is hands-only (else 30 compressions), its length
    /// (compressions) and the pauses after runs (s).
    pub hands_only_chance: f64,
    pub hands_only_run: (u32, u32),
    pub pause_s: (f64, f64),
    /// Sampling rates to choose from (Hz), delivery jitter (sd, ms) and the
    /// chance an event is dropped.
    pub sample_hz: Vec<f64>,
    pub timing_jitter_ms: f64,
    pub drop_chance: f64,
    /// Tilt of the phone (degrees from flat), wobble amplitude (degrees)
    /// and frequency (Hz).
    pub tilt_deg: (f64, f64),
    pub wobble_deg: f64,
    pub wobble_hz: (f64, f64),
    /// Largest bias per axis (m/s²) and the noise (sd per axis, m/s²).
    pub bias_ms2: f64,
    pub noise_ms2: (f64, f64),
    /// Side-to-side acceleration as a share of the vertical one.
    pub lateral_share: f64,
    /// Time constant of the sensor's own low-pass filter (ms).
    pub sensor_tau_ms: (f64, f64),
    /// Chance that the browser reports the opposite sign convention.
    pub negated_chance: f64,
}

impl TraceSpec {
    /// Steady compressions on a firm surface: rate 105–115/min, depth
    /// 50–60 mm, 30:2, a quiet sensor at 60 or 100 Hz, a little tilt.
    pub fn steady() -> Self {
        TraceSpec {
            duration_s: 120.0,
            rate_per_min: (105.0, 115.0),
            rate_drift: 0.5,
            interval_jitter: 0.02,
            depth_mm: (51.0, 58.0),
            depth_drift_mm: 0.5,
            depth_jitter_mm: 1.5,
            depth_limits_mm: (45.0, 65.0),
            down_share: (0.42, 0.5),
            dwell_share: (0.0, 0.05),
            smoothness: (0.0, 0.3),
            lean_chance: 0.0,
            lean_max_mm: 0.0,
            lean_step_mm: 0.0,
            hands_only_chance: 0.0,
            hands_only_run: (60, 120),
            pause_s: (3.0, 5.0),
            sample_hz: vec![60.0, 100.0],
            timing_jitter_ms: 1.5,
            drop_chance: 0.005,
            tilt_deg: (0.0, 15.0),
            wobble_deg: 1.0,
            wobble_hz: (0.05, 0.2),
            bias_ms2: 0.15,
            noise_ms2: (0.02, 0.04),
            lateral_share: 0.03,
            sensor_tau_ms: (1.0, 3.0),
            negated_chance: 0.5,
        }
    }

    /// Hard traces: the rate drifting over 95–125/min, depths 35–70 mm
    /// varying per stroke, 30:2 pauses of 3–9 s and hands-only runs,
    /// 50/60/100 Hz with more jitter and dropped events, more tilt and
    /// wobble, bias and noise, leaning, smooth and sharp stroke shapes.
    pub fn hard() -> Self {
        TraceSpec {
            duration_s: 120.0,
            rate_per_min: (95.0, 125.0),
            rate_drift: 1.5,
            interval_jitter: 0.04,
            depth_mm: (38.0, 66.0),
            depth_drift_mm: 1.5,
            depth_jitter_mm: 4.0,
            depth_limits_mm: (35.0, 70.0),
            down_share: (0.35, 0.5),
            dwell_share: (0.0, 0.12),
            smoothness: (0.0, 1.0),
            lean_chance: 0.5,
            lean_max_mm: 6.0,
            lean_step_mm: 0.8,
            hands_only_chance: 0.3,
            hands_only_run: (60, 150),
            pause_s: (3.0, 9.0),
            sample_hz: vec![50.0, 60.0, 100.0],
            timing_jitter_ms: 2.5,
            drop_chance: 0.02,
            tilt_deg: (5.0, 35.0),
            wobble_deg: 3.0,
            wobble_hz: (0.05, 0.3),
            bias_ms2: 0.4,
            noise_ms2: (0.06, 0.12),
            lateral_share: 0.1,
            sensor_tau_ms: (1.0, 5.0),
            negated_chance: 0.5,
        }
    }
}

/// One true compression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrueCompression {
    /// The bottom of the stroke (ms from the trace's start).
    pub t_ms: f64,
    /// The excursion: how far the chest went down from where the stroke
    /// started (mm).
    pub depth_mm: f64,
    /// How far below its rest level the chest was when the stroke started
    /// (mm); the absolute depth is `depth_mm + lean_mm`.
    pub lean_mm: f64,
    /// The stroke's end: the top after the bottom, where the upstroke ends
    /// (ms from the trace's start).
    pub end_ms: f64,
}

/// A generated trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub samples: Vec<MotionSample>,
    pub truth: Vec<TrueCompression>,
    pub sample_hz: f64,
    /// Whether the values are in the opposite sign convention.
    pub negated: bool,
}

/// Uniform and Gaussian draws on the quiz's generator.
struct Rng(SplitMix64);

impl Rng {
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, (lo, hi): (f64, f64)) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit();
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// One half stroke (or a rest): from `t0` for `dur` seconds, the position
/// moves by `delta` metres.
#[derive(Debug, Clone, Copy)]
struct Phase {
    t0: f64,
    dur: f64,
    delta: f64,
    smooth: f64,
    /// An upstroke (its smooth end is the last).
    up: bool,
}

impl Phase {
    /// The acceleration at time `t` (inside the phase).
    fn accel(&self, t: f64) -> f64 {
        if self.delta == 0.0 || self.dur <= 0.0 {
            return 0.0;
        }
        let s = ((t - self.t0) / self.dur).clamp(0.0, 1.0);
        let pi = std::f64::consts::PI;
        // Half-cosine: D/2·(1 − cos πs).
        let cos_a = pi * pi / 2.0 * (pi * s).cos();
        // Smooth at the top, firm at the bottom: r(σ) = 4σ³ − 3σ⁴ going
        // down (r'' = 24σ − 36σ²), 1 − r(1 − s) coming up.
        let smooth_a = if self.up {
            let q = 1.0 - s;
            -(24.0 * q - 36.0 * q * q)
        } else {
            24.0 * s - 36.0 * s * s
        };
        let w = self.smooth;
        self.delta / (self.dur * self.dur) * ((1.0 - w) * cos_a + w * smooth_a)
    }
}

fn normalize(v: [f64; 3]) -> [f64; 3] {
    let n = v.iter().map(|x| x * x).sum::<f64>().sqrt();
    v.map(|x| x / n)
}

fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

/// Generates a trace; the same spec and seed always give the same trace.
pub fn generate(spec: &TraceSpec, seed: u64) -> Trace {
    let mut r = Rng(SplitMix64::new(seed));
    let end = spec.duration_s;
    // --- The chest's motion.
    let mut phases: Vec<Phase> = Vec::new();
    let mut truth = Vec::new();
    let mut t = r.range((1.0, 2.5));
    phases.push(Phase {
        t0: 0.0,
        dur: t,
        delta: 0.0,
        smooth: 0.0,
        up: false,
    });
    let smooth = r.range(spec.smoothness);
    let mut rate = r.range(spec.rate_per_min);
    let mut base_depth = r.range(spec.depth_mm);
    let down_share = r.range(spec.down_share);
    let dwell_share = r.range(spec.dwell_share);
    'runs: loop {
        let n = if r.chance(spec.hands_only_chance) {
            let (lo, hi) = spec.hands_only_run;
            lo + r.0.below(u64::from(hi.saturating_sub(lo)) + 1) as u32
        } else {
            30
        };
        let leaning = r.chance(spec.lean_chance);
        let mut lean = 0.0f64;
        for k in 0..n {
            rate = (rate + spec.rate_drift * r.normal())
                .clamp(spec.rate_per_min.0, spec.rate_per_min.1);
            base_depth = (base_depth + spec.depth_drift_mm * r.normal())
                .clamp(spec.depth_mm.0, spec.depth_mm.1);
            let depth = (base_depth + spec.depth_jitter_mm * r.normal())
                .clamp(spec.depth_limits_mm.0, spec.depth_limits_mm.1);
            let period = 60.0 / rate * (1.0 + spec.interval_jitter * r.normal()).max(0.5);
            // A rest at the top only where the stroke eases in and out of
            // it (the hands cannot go from rest to full acceleration at once).
            let dwell = period * (smooth * dwell_share * (0.5 + r.unit())).min(0.3);
            let moving = period - dwell;
            let down = moving * (down_share + 0.02 * r.normal()).clamp(0.3, 0.55);
            let up = moving - down;
            let next_lean = if leaning && k + 1 < n {
                (lean + spec.lean_step_mm * r.normal() + 0.3 * spec.lean_step_mm)
                    .clamp(0.0, spec.lean_max_mm)
            } else {
                0.0
            };
            if t + period + 1.5 > end {
                break 'runs;
            }
            let top = -lean / 1000.0;
            let bottom = top - depth / 1000.0;
            let next_top = -next_lean / 1000.0;
            phases.push(Phase {
                t0: t,
                dur: down,
                delta: bottom - top,
                smooth,
                up: false,
            });
            truth.push(TrueCompression {
                t_ms: (t + down) * 1000.0,
                depth_mm: depth,
                lean_mm: lean,
                end_ms: (t + down + up) * 1000.0,
            });
            phases.push(Phase {
                t0: t + down,
                dur: up,
                delta: next_top - bottom,
                smooth,
                up: true,
            });
            if dwell > 0.0 {
                phases.push(Phase {
                    t0: t + down + up,
                    dur: dwell,
                    delta: 0.0,
                    smooth,
                    up: false,
                });
            }
            t += period;
            lean = next_lean;
        }
        let pause = r.range(spec.pause_s);
        phases.push(Phase {
            t0: t,
            dur: pause,
            delta: 0.0,
            smooth,
            up: false,
        });
        t += pause;
        if t + 3.0 > end {
            break;
        }
    }
    phases.push(Phase {
        t0: t,
        dur: f64::INFINITY,
        delta: 0.0,
        smooth,
        up: false,
    });
    // --- The sensor.
    let hz = spec.sample_hz[r.0.below(spec.sample_hz.len().max(1) as u64) as usize];
    let negated = r.chance(spec.negated_chance);
    let sign = if negated { -1.0 } else { 1.0 };
    let tilt = r.range(spec.tilt_deg).to_radians();
    let azimuth = r.range((0.0, std::f64::consts::TAU));
    let n0 = [
        tilt.sin() * azimuth.cos(),
        tilt.sin() * azimuth.sin(),
        tilt.cos(),
    ];
    let wobble: Vec<(f64, f64, f64)> = (0..2)
        .map(|_| {
            (
                spec.wobble_deg.to_radians() * r.range((0.5, 1.0)),
                r.range(spec.wobble_hz),
                r.range((0.0, std::f64::consts::TAU)),
            )
        })
        .collect();
    let lateral_dir = r.range((0.0, std::f64::consts::TAU));
    let bias: [f64; 3] = [0; 3].map(|_| spec.bias_ms2 * (2.0 * r.unit() - 1.0));
    let noise_level = r.range(spec.noise_ms2);
    let noise: [f64; 3] = [0; 3].map(|_| noise_level * r.range((0.8, 1.2)));
    let mut samples = Vec::new();
    let period_ms = 1000.0 / hz;
    let sensor_tau = r.range(spec.sensor_tau_ms) / 1000.0;
    // The sensor's low-pass, advanced in steps of at most 0.25 ms.
    let (mut filt_t, mut filt) = (0.0f64, 0.0f64);
    let mut phase = 0;
    let mut k = 0u64;
    loop {
        let nominal = k as f64 * period_ms;
        k += 1;
        if nominal > end * 1000.0 {
            break;
        }
        let jitter = (spec.timing_jitter_ms * r.normal()).clamp(-0.4 * period_ms, 0.4 * period_ms);
        let t_ms = ((nominal + jitter).max(0.0) * 10.0).round() / 10.0;
        let dropped = r.chance(spec.drop_chance);
        let e = [r.normal(), r.normal(), r.normal()];
        if dropped
            || samples
                .last()
                .is_some_and(|s: &MotionSample| s.t_ms >= t_ms)
        {
            continue;
        }
        let ts = t_ms / 1000.0;
        while filt_t < ts {
            let step = (ts - filt_t).min(0.000_25);
            let mid = filt_t + step / 2.0;
            while phase + 1 < phases.len() && phases[phase + 1].t0 <= mid {
                phase += 1;
            }
            let target = phases[phase].accel(mid);
            filt = if sensor_tau > 0.0 {
                target + (filt - target) * (-step / sensor_tau).exp()
            } else {
                target
            };
            filt_t += step;
        }
        let acc = filt;
        let w =
            |i: usize| wobble[i].0 * (std::f64::consts::TAU * wobble[i].1 * ts + wobble[i].2).sin();
        let n = normalize([n0[0] + w(0), n0[1] + w(1), n0[2]]);
        // A horizontal direction: perpendicular to n, turned by lateral_dir.
        let h1 = normalize(cross(n, [1.0, 0.0, 0.0]));
        let h2 = cross(n, h1);
        let (s, c) = lateral_dir.sin_cos();
        let m = [0, 1, 2].map(|i| c * h1[i] + s * h2[i]);
        let a = [0, 1, 2].map(|i| {
            let v = sign * ((G + acc) * n[i] + spec.lateral_share * acc * m[i])
                + bias[i]
                + noise[i] * e[i];
            (v * 10_000.0).round() / 10_000.0
        });
        samples.push(MotionSample { t_ms, a });
    }
    Trace {
        samples,
        truth,
        sample_hz: hz,
        negated,
    }
}
