//! Provisional depths (stage 7): each stroke's depth as soon as its
//! bottom is found (0.53 s after it, stage 3 — about 0.1–0.3 s after the
//! chest is back up), refined as later strokes arrive, until the final
//! value of stage 6 replaces it. Nothing here changes the final values: the
//! tops are refined on a copy of the run's.
//!
//! The final value waits for the top after the stroke to be refined against
//! the strokes beyond it. The provisional value cannot wait, so the newest
//! stroke's two tops are **solved** from what has arrived. From the top
//! before them, `τ₋₁` (at rest, already refined), the acceleration is
//! integrated to now; with an error `b + c·t` removed the position is
//! `x(t) − b·t²/2 − c·t³/6`. The chest is at rest at both tops of the
//! stroke and back at the level of `τ₋₁`, so both are maxima of the
//! corrected position of exactly zero: between the bottom before and the
//! stroke's bottom (its top), and after its bottom (its end). For a given
//! `c`, the `b` that brings a stretch's maximum to zero is the largest
//! `2x/t² − c·t/3` on it; the two stretches' values cross once as `c`
//! grows (the end's stretch lies later), so `c` is found by bisection. The
//! tops are then located inside their steps as in stage 4. A stroke that
//! dwells at the top has a flat maximum, whose value — all the depth needs —
//! is still well defined. The end must lie [`LOOK_S`] before the newest
//! sample. (Measured: waiting for more samples past the end made the first
//! value worse, not better — 0.15 s of look-ahead doubled the mean error on
//! hard traces — so the first value uses what has arrived when the bottom
//! is found.)
//!
//! The other tops of the strokes not yet final are then refined as in
//! stage 5 against the solved ones and each other ([`PASSES`] passes, the
//! pair solved again after each), and every stroke not yet final is
//! integrated between its two tops as in stage 4. A previous attempt —
//! integrating each stroke causally from its top with only the bias known —
//! was 4–5 mm off on hard traces: the end condition at the stroke's end is
//! what pins the drift.

use serde::Serialize;

use super::signal::{extremum, Pt};
use super::tracker::MotionTracker;
use super::{DT_MS, DT_S, EDGE, MIN_DEPTH_MM, RATE_HZ};

/// How far past a stroke's solved end the samples must reach before its
/// provisional depth is given (s).
pub const LOOK_S: f64 = 0.05;
const LOOK: f64 = LOOK_S * RATE_HZ;
/// Passes refining the copied tops.
const PASSES: usize = 3;
/// The first stroke of a run: its top is looked for this long after the
/// rest before it (samples).
const SETTLE: f64 = 10.0;
/// The largest drift rate of the acceleration's error solved for (m/s³).
const C_MAX: f64 = 50.0;

/// A stroke's provisional depth.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Provisional {
    /// The stroke's number in the session, from 0 (stable while it is
    /// refined; strokes later dropped as too shallow keep their numbers).
    pub stroke: u64,
    /// The bottom of the stroke, on the samples' clock (ms).
    pub t_ms: f64,
    /// How far the chest went down from where the stroke started (mm).
    pub depth_mm: f64,
}

impl MotionTracker {
    /// The strokes found but not yet final, with their provisional depths
    /// (time order; each is dropped from here when its final value is
    /// reported by [`MotionTracker::push`] or [`MotionTracker::finish`]).
    pub fn provisional(&self) -> &[Provisional] {
        &self.pending
    }

    /// The newest compression's depth for a live display: its provisional
    /// value while it has one, its final value once final (`true` when
    /// provisional).
    pub fn latest(&self) -> Option<(f64, bool)> {
        let last_final = self.found.last();
        match (self.pending.last(), last_final) {
            (Some(p), Some(f)) if f.t_ms > p.t_ms => Some((f.depth_mm, false)),
            (Some(p), _) => Some((p.depth_mm, true)),
            (None, Some(f)) => Some((f.depth_mm, false)),
            (None, None) => None,
        }
    }

    /// Once the newest stroke's end can be solved: its provisional depth,
    /// and those of the run's other strokes not yet final, recomputed.
    pub(super) fn update_provisional(&mut self) {
        let n = self.run.bottoms.len();
        if self.run.done >= n || self.run.issued >= n {
            return;
        }
        let run = self.run.clone();
        let first = run.done;
        // Nothing to start from before the first final top when the run
        // began without a moment at rest: no value rather than a wrong one.
        if first == 0 && !run.rest_seen {
            return;
        }
        // Copied tops from `first − 1` (or the rest before the run) on.
        let anchor = if first == 0 {
            run.rest_before
        } else {
            run.tops[first - 1]
        };
        let mut tops: Vec<f64> = run.tops[first..n].to_vec();
        let newest = n - 1;
        // The newest stroke's top and end, solved from the top before it.
        let top_before = |tops: &[f64]| match newest {
            0 => run.rest_before,
            i if i == first => anchor,
            i => tops[i - 1 - first],
        };
        let s1_lo = if newest == 0 {
            run.rest_before + SETTLE
        } else {
            run.bottoms[newest - 1] as f64
        };
        let mut end = f64::NAN;
        for pass in 0..PASSES {
            let a = top_before(&tops);
            match self.solve_pair(a, s1_lo, run.bottoms[newest]) {
                Some((top, e)) => {
                    tops[newest - first] = top;
                    end = e;
                }
                None if pass == 0 => return,
                None => {}
            }
            for i in first..newest {
                let lo = if i == first {
                    anchor
                } else {
                    tops[i - first - 1]
                };
                let hi = tops[i + 1 - first];
                let b_lo = if i == 0 {
                    lo
                } else {
                    run.bottoms[i - 1] as f64
                };
                let b_hi = (run.bottoms[i] as f64).min(hi);
                if let Some(t) = self.sig.top_between(lo, hi, b_lo, b_hi, &mut self.pts) {
                    tops[i - first] = t;
                }
            }
        }
        let seq0 = run.first_seq;
        let mut pending = Vec::new();
        for k in first..n {
            let ta = tops[k - first];
            let tb = if k + 1 < n { tops[k + 1 - first] } else { end };
            self.sig.integrate(ta, tb, &mut self.pts);
            let m = self.pts.len();
            if let Some((t, x)) = extremum(&self.pts, 1, m.saturating_sub(1), false) {
                let depth_mm = -x * 1000.0;
                if depth_mm >= MIN_DEPTH_MM {
                    pending.push(Provisional {
                        stroke: seq0 + k as u64,
                        t_ms: self.origin_ms + (ta + t) * DT_MS,
                        depth_mm,
                    });
                }
            }
        }
        self.run.issued = n;
        self.pending = pending;
    }

    /// The newest stroke's top and end, solved from the top before it `a`
    /// (at rest): the position integrated from `a` with an error `b + c·t`
    /// removed reaches exactly zero as its maximum both between `s1_lo` (the
    /// bottom before) and `bottom` — the top — and after `bottom` — the
    /// end. `None` until the samples reach [`LOOK`] past the end.
    fn solve_pair(&mut self, a: f64, s1_lo: f64, bottom: usize) -> Option<(f64, f64)> {
        let now = (self.sig.len() - 1) as f64;
        if !self.sig.integrate_raw(a, now, &mut self.pts) {
            return None;
        }
        let split = |t: f64, pts: &[Pt]| pts.partition_point(|p| p.t + a < t);
        let (i1, i2) = (
            split(s1_lo, &self.pts).max(1),
            split(bottom as f64, &self.pts),
        );
        if i1 + 1 >= i2 || i2 + 1 >= self.pts.len() {
            return None;
        }
        // max over a segment of 2x/t² − c·t/3: the b that makes that
        // segment's maximum zero for a given c.
        let g = |pts: &[Pt], lo: usize, hi: usize, c: f64| {
            let mut best = (lo, f64::NEG_INFINITY);
            for (i, p) in pts.iter().enumerate().take(hi).skip(lo) {
                let t = p.t * DT_S;
                let r = 2.0 * p.x / (t * t) - c * t / 3.0;
                if r > best.1 {
                    best = (i, r);
                }
            }
            best
        };
        // A stroke's end lies within EDGE of its bottom (the last one of a
        // run, before a rest, is looked for there, as stage 3 does).
        let m = split(bottom as f64 + EDGE as f64, &self.pts);
        // g1 − g2 grows with c (the end's segment lies later).
        let h = |pts: &[Pt], c: f64| g(pts, i1, i2, c).1 - g(pts, i2, m, c).1;
        let (mut lo, mut hi) = (-C_MAX, C_MAX);
        if h(&self.pts, lo) > 0.0 || h(&self.pts, hi) < 0.0 {
            return None;
        }
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if h(&self.pts, mid) < 0.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let c = (lo + hi) / 2.0;
        let (j1, b) = g(&self.pts, i1, i2, c);
        let (j2, _) = g(&self.pts, i2, m, c);
        if self.pts[j2].t + a > now - LOOK {
            return None;
        }
        for p in self.pts.iter_mut() {
            let t = p.t * DT_S;
            p.a -= b + c * t;
            p.v -= b * t + c * t * t / 2.0;
            p.x -= b * t * t / 2.0 + c * t * t * t / 6.0;
        }
        let near = |j: usize, lo: usize, hi: usize| (j.saturating_sub(1).max(lo), (j + 2).min(hi));
        let (l1, h1) = near(j1, i1, i2);
        let (l2, h2) = near(j2, i2, m);
        let (t1, _) = extremum(&self.pts, l1, h1, true)?;
        let (t2, _) = extremum(&self.pts, l2, h2, true)?;
        Some((a + t1, a + t2))
    }
}
