//! The estimator's signal: one stretch's projected acceleration at the
//! uniform rate and its band-pass, by absolute sample index ([`Signal`]);
//! the integration of acceleration to velocity and position between two
//! times ([`Pt`]); and the extrema of the position located inside a step.

use super::DT_S;

/// One integrated point: time (samples, from the window's start), the
/// acceleration, velocity and position.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pt {
    pub(super) t: f64,
    pub(super) a: f64,
    pub(super) v: f64,
    pub(super) x: f64,
}

/// The uniform signal of one stretch without a long gap, with absolute
/// sample indices (index 0 is the stretch's first event).
#[derive(Debug, Clone, Default)]
pub(super) struct Signal {
    /// Absolute index of `u[0]` (older samples are dropped).
    pub(super) off: usize,
    /// Projected acceleration (m/s²).
    pub(super) u: Vec<f64>,
    /// Band-pass of `u`, computed up to `u.len() - LONG - 1`.
    pub(super) bp: Vec<f64>,
}

impl Signal {
    pub(super) fn len(&self) -> usize {
        self.off + self.u.len()
    }
    pub(super) fn bp_len(&self) -> usize {
        self.off + self.bp.len()
    }
    pub(super) fn u_at(&self, i: usize) -> f64 {
        self.u[i - self.off]
    }
    pub(super) fn bp_at(&self, i: usize) -> f64 {
        self.bp[i - self.off]
    }
    /// `u` at a fractional absolute index (clamped to what is kept).
    pub(super) fn u_interp(&self, t: f64) -> f64 {
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
    pub(super) fn argmin_bp(&self, lo: usize, hi: usize) -> Option<usize> {
        let lo = lo.max(self.off);
        let hi = hi.min(self.bp_len());
        (lo..hi).min_by(|&a, &b| self.bp_at(a).total_cmp(&self.bp_at(b)))
    }

    /// Integrates `u` from `ta` to `tb` (fractional absolute indices) with
    /// the drift `b + c·t` removed so that velocity and position are zero at
    /// both ends (stage 4). Writes the points into `pts`.
    pub(super) fn integrate(&self, ta: f64, tb: f64, pts: &mut Vec<Pt>) {
        if !self.integrate_raw(ta, tb, pts) {
            return;
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

    /// Integrates `u` from `ta` to `tb` from rest (velocity and position
    /// zero at `ta`), nothing removed. False (and no points) when the span
    /// is shorter than two samples.
    pub(super) fn integrate_raw(&self, ta: f64, tb: f64, pts: &mut Vec<Pt>) -> bool {
        pts.clear();
        if tb - ta < 2.0 || tb.is_nan() || ta.is_nan() {
            return false;
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
        true
    }

    /// The top between two strokes (stage 5): the maximum of the position
    /// integrated from `lo` to `hi` with the drift removed, looked for
    /// between `b_lo` and `b_hi` (the bottoms on either side). Absolute
    /// fractional index.
    pub(super) fn top_between(
        &self,
        lo: f64,
        hi: f64,
        b_lo: f64,
        b_hi: f64,
        pts: &mut Vec<Pt>,
    ) -> Option<f64> {
        self.integrate(lo, hi, pts);
        let index = |pts: &[Pt], t: f64| pts.partition_point(|p| p.t + lo < t);
        let (from, to) = (index(pts, b_lo) + 1, index(pts, b_hi));
        let (t, _) = extremum(pts, from, to, true)?;
        Some(lo + t)
    }
}

/// The extremum of the position among `pts[lo..hi]` (a maximum when `max`),
/// located inside its step where the velocity changes sign: (time in
/// samples from the window's start, position in m).
pub(super) fn extremum(pts: &[Pt], lo: usize, hi: usize, max: bool) -> Option<(f64, f64)> {
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
pub(super) fn root_in(c0: f64, c1: f64, c2: f64, h: f64) -> Option<f64> {
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
