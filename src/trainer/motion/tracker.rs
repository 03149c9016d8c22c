//! The streaming estimator ([`MotionTracker`]): samples in, gravity and
//! the band-pass updated, bottoms and tops found, each run's strokes
//! refined and integrated to depths, compressions out in time order.

use super::provisional::Provisional;
use super::signal::{extremum, Pt, Signal};
use super::*;
use crate::trainer::csv::MotionSample;

/// The compressions of one run (strokes between pauses) being found.
#[derive(Debug, Clone, Default)]
pub(super) struct Run {
    /// Bottoms found by the band-pass (absolute indices).
    pub(super) bottoms: Vec<usize>,
    /// Tops: `tops[k]` before `bottoms[k]`; one more than the bottoms once
    /// the run is closed. Fractional absolute indices, refined in place.
    pub(super) tops: Vec<f64>,
    /// Strokes reported (or dropped) so far.
    pub(super) done: usize,
    /// Strokes given a provisional depth so far (stage 7).
    pub(super) issued: usize,
    /// The session's number of the run's first stroke.
    pub(super) first_seq: u64,
    /// Where the chest is taken to be at rest before the first top and
    /// after the last one (fixed from the tops as first found).
    pub(super) rest_before: f64,
    /// Whether a pause (or a first second with no stroke) came before the
    /// first top: only then is `rest_before` a moment at rest a provisional
    /// depth can start from (a session that starts mid-stroke waits for a
    /// final top).
    pub(super) rest_seen: bool,
    rest_after: Option<f64>,
}

/// Finds compressions in motion samples as they come; see the module
/// documentation.
#[derive(Debug, Clone, Default)]
pub struct MotionTracker {
    /// The event before, for the linear interpolation.
    last: Option<MotionSample>,
    /// Time (ms) of absolute index 0 of the current stretch.
    pub(super) origin_ms: f64,
    /// Gravity's running mean and how many samples it has seen.
    g: [f64; 3],
    g_n: u64,
    pub(super) sig: Signal,
    /// Running sums for the band-pass: next index whose band-pass is due.
    next_bp: usize,
    /// Next index to test as a bottom.
    next_peak: usize,
    /// Heights of the recent bottoms.
    recent: Vec<f64>,
    pub(super) run: Run,
    pub(super) pts: Vec<Pt>,
    pub(super) found: Vec<MotionCompression>,
    /// Strokes found so far in the session (numbers for [`Provisional`]).
    strokes: u64,
    /// The provisional depths of the strokes not yet final (stage 7).
    pub(super) pending: Vec<Provisional>,
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
        self.update_provisional();
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
            // A later run follows a pause; the first needs a second of
            // signal with no stroke before it, or the session began
            // mid-stroke.
            self.run.rest_seen = self.strokes > 0 || top as f64 >= RATE_HZ;
            self.run.first_seq = self.strokes;
        }
        self.strokes += 1;
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
        let first = self.run.first_seq + self.run.done as u64;
        self.pending.retain(|p| p.stroke >= first);
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
            // The top that ends the last stroke reported is final: moved
            // now, the next stroke would start before the bottom already
            // reported and could report it a second time, earlier.
            let from = if self.run.done > 0 {
                self.run.done + 1
            } else {
                0
            };
            for _ in 0..REFINE_PASSES {
                for i in from..k {
                    self.refine_one(i);
                }
            }
            while self.run.done + 1 < k {
                self.stroke(self.run.done);
                self.run.done += 1;
            }
        }
        self.pending.clear();
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
        // The maximum lies between the bottoms on either side.
        let b_lo = if i == 0 {
            lo
        } else {
            self.run.bottoms[i - 1] as f64
        };
        let b_hi = self.run.bottoms.get(i).map_or(hi, |&b| b as f64).min(hi);
        if let Some(t) = self.sig.top_between(lo, hi, b_lo, b_hi, &mut self.pts) {
            self.run.tops[i] = t;
        }
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
