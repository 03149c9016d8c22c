//! How well an estimate of the compressions matches the truth, and the
//! textbook estimator the motion analysis is compared with.
//!
//! ## Scoring ([`score`], [`Tally`])
//!
//! - **Matching**: the true compressions are taken in time order; each
//!   matches the nearest estimated compression within [`MATCH_MS`] (200 ms)
//!   that no earlier true compression has taken. Every compression is used
//!   at most once.
//! - **Sensitivity**: matched / true. **PPV**: matched / estimated.
//! - **Depth error**: `|estimated − true depth_mm|` over the matched pairs
//!   whose estimate has a depth: mean and 95th percentile (nearest rank).
//! - **Rate error**: for every window of six consecutive true compressions
//!   `i−5 … i` whose five gaps are all between 0.25 and 1 s and which are
//!   all matched, the rate `60·5 / (t[i] − t[i−5])` per minute from the
//!   true times against the same from the matched estimates' times:
//!   `|estimated − true|`, averaged over the windows.
//!
//! Figures pool over several traces by adding them to one [`Tally`].
//!
//! ## The baseline ([`baseline`])
//!
//! The textbook method: resample to 100 Hz, project on the mean of the
//! whole trace (gravity), remove the mean, and integrate twice in the
//! frequency domain over the whole trace — FFT (zero-padded to a power of
//! two), divide by `−ω²`, zero everything below 0.5 Hz (the high-pass that
//! keeps the drift out), inverse FFT. Bottoms are the minima of the
//! displacement over ±250 ms; the depth is the displacement's maximum since
//! the bottom before (or in the 0.6 s before) minus the bottom's.

use super::csv::MotionSample;
use super::motion::{MotionCompression, MotionTracker, Provisional};
use super::synth::TrueCompression;

/// An estimate matches a true compression this close (ms).
pub const MATCH_MS: f64 = 200.0;

/// Accuracy figures; `None` where there is nothing to measure.
#[derive(Debug, Clone, PartialEq)]
pub struct Accuracy {
    pub truth: usize,
    pub estimated: usize,
    pub matched: usize,
    pub sensitivity: f64,
    pub ppv: f64,
    pub depth_mean_mm: Option<f64>,
    pub depth_p95_mm: Option<f64>,
    /// Largest depth error (mm).
    pub depth_max_mm: Option<f64>,
    /// Mean signed depth error (estimate − truth, mm).
    pub depth_bias_mm: Option<f64>,
    pub rate_windows: usize,
    pub rate_mean_err_per_min: Option<f64>,
    /// Mean |Δt| of the matched pairs (ms).
    pub timing_mean_ms: Option<f64>,
    /// Mean signed Δt, estimate − truth (ms).
    pub timing_bias_ms: Option<f64>,
}

/// Errors collected over one or more traces.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    truth: usize,
    estimated: usize,
    matched: usize,
    depth_err: Vec<f64>,
    timing_err: Vec<f64>,
    rate_err: Vec<f64>,
}

impl Tally {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one trace: the estimate (time, depth if any) against its truth.
    pub fn add(&mut self, estimate: &[(f64, Option<f64>)], truth: &[TrueCompression]) {
        self.truth += truth.len();
        self.estimated += estimate.len();
        let mut est: Vec<(f64, Option<f64>)> = estimate.to_vec();
        est.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut used = vec![false; est.len()];
        // For each true compression, the matched estimate's index.
        let mut pair: Vec<Option<usize>> = vec![None; truth.len()];
        let mut lo = 0;
        for (i, tc) in truth.iter().enumerate() {
            while lo < est.len() && est[lo].0 < tc.t_ms - MATCH_MS {
                lo += 1;
            }
            let best = (lo..est.len())
                .take_while(|&j| est[j].0 <= tc.t_ms + MATCH_MS)
                .filter(|&j| !used[j])
                .min_by(|&a, &b| {
                    (est[a].0 - tc.t_ms)
                        .abs()
                        .total_cmp(&(est[b].0 - tc.t_ms).abs())
                });
            if let Some(j) = best {
                used[j] = true;
                pair[i] = Some(j);
                self.matched += 1;
                self.timing_err.push(est[j].0 - tc.t_ms);
                if let Some(d) = est[j].1 {
                    self.depth_err.push(d - tc.depth_mm);
                }
            }
        }
        for i in 5..truth.len() {
            let gaps_ok = (i - 4..=i).all(|k| {
                let g = truth[k].t_ms - truth[k - 1].t_ms;
                (250.0..=1000.0).contains(&g)
            });
            if let (true, Some(a), Some(b)) = (gaps_ok, pair[i - 5], pair[i]) {
                if (i - 5..=i).all(|k| pair[k].is_some()) {
                    let true_rate = 300_000.0 / (truth[i].t_ms - truth[i - 5].t_ms);
                    let span = est[b].0 - est[a].0;
                    if span > 0.0 {
                        self.rate_err.push((300_000.0 / span - true_rate).abs());
                    }
                }
            }
        }
    }

    /// The figures so far.
    pub fn accuracy(&self) -> Accuracy {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        let mean = |v: &[f64]| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
        let abs: Vec<f64> = self.depth_err.iter().map(|e| e.abs()).collect();
        let timing_abs: Vec<f64> = self.timing_err.iter().map(|e| e.abs()).collect();
        Accuracy {
            truth: self.truth,
            estimated: self.estimated,
            matched: self.matched,
            sensitivity: ratio(self.matched, self.truth),
            ppv: ratio(self.matched, self.estimated),
            depth_mean_mm: mean(&abs),
            depth_p95_mm: percentile(&abs, 0.95),
            depth_max_mm: abs.iter().copied().reduce(f64::max),
            depth_bias_mm: mean(&self.depth_err),
            rate_windows: self.rate_err.len(),
            rate_mean_err_per_min: mean(&self.rate_err),
            timing_mean_ms: mean(&timing_abs),
            timing_bias_ms: mean(&self.timing_err),
        }
    }
}

/// The `q` quantile (0–1) by nearest rank.
fn percentile(v: &[f64], q: f64) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    let rank = (q * s.len() as f64).ceil().max(1.0) as usize;
    Some(s[rank.min(s.len()) - 1])
}

/// Scores one estimate against its truth.
pub fn score(estimate: &[(f64, Option<f64>)], truth: &[TrueCompression]) -> Accuracy {
    let mut t = Tally::new();
    t.add(estimate, truth);
    t.accuracy()
}

/// Motion compressions as an estimate for [`score`].
pub fn estimate(c: &[MotionCompression]) -> Vec<(f64, Option<f64>)> {
    c.iter().map(|c| (c.t_ms, Some(c.depth_mm))).collect()
}

/// One stroke's provisional depth as a live display sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LiveStroke {
    /// The time of the sample that brought the first value (ms).
    pub issued_ms: f64,
    /// The first value, and the last before the final one.
    pub first: Provisional,
    pub last: Provisional,
}

/// Feeds the samples to a tracker one at a time, as the app does, and
/// records every stroke's provisional depths as they appear in
/// [`MotionTracker::provisional`]; with the final compressions.
pub fn live_strokes(samples: &[MotionSample]) -> (Vec<MotionCompression>, Vec<LiveStroke>) {
    let mut tracker = MotionTracker::new();
    let mut live: Vec<LiveStroke> = Vec::new();
    for &s in samples {
        tracker.push(s);
        for &p in tracker.provisional() {
            let newer = live.last().is_none_or(|l| l.first.stroke < p.stroke);
            if newer {
                live.push(LiveStroke {
                    issued_ms: s.t_ms,
                    first: p,
                    last: p,
                });
            } else if let Some(l) = live.iter_mut().rev().find(|l| l.first.stroke == p.stroke) {
                l.last = p;
            }
        }
    }
    tracker.finish();
    (tracker.compressions().to_vec(), live)
}

/// How long after each true stroke's end (the top after its bottom) its
/// first provisional depth came (ms), for the strokes matched as in
/// [`Tally::add`] (nearest within [`MATCH_MS`], each once).
pub fn live_latency(live: &[LiveStroke], truth: &[TrueCompression]) -> Vec<f64> {
    let est: Vec<(f64, Option<f64>)> = live
        .iter()
        .map(|l| (l.first.t_ms, Some(l.first.depth_mm)))
        .collect();
    let mut used = vec![false; live.len()];
    let mut out = Vec::new();
    for tc in truth {
        let best = (0..est.len())
            .filter(|&j| !used[j] && (est[j].0 - tc.t_ms).abs() <= MATCH_MS)
            .min_by(|&a, &b| {
                (est[a].0 - tc.t_ms)
                    .abs()
                    .total_cmp(&(est[b].0 - tc.t_ms).abs())
            });
        if let Some(j) = best {
            used[j] = true;
            out.push(live[j].issued_ms - tc.end_ms);
        }
    }
    out
}

/// The `q` quantile (0–1) of `v` by nearest rank.
pub fn quantile(v: &[f64], q: f64) -> Option<f64> {
    percentile(v, q)
}

/// In-place radix-2 FFT of `re`/`im` (length a power of two); `inverse`
/// computes the unscaled inverse transform.
pub fn fft(re: &mut [f64], im: &mut [f64], inverse: bool) {
    let n = re.len();
    assert!(n.is_power_of_two() && im.len() == n, "fft: length");
    let mut j = 0;
    for i in 1..n {
        let mut bit = n >> 1;
        while j & bit != 0 {
            j ^= bit;
            bit >>= 1;
        }
        j |= bit;
        if i < j {
            re.swap(i, j);
            im.swap(i, j);
        }
    }
    let sign = if inverse { 1.0 } else { -1.0 };
    let mut len = 2;
    while len <= n {
        let ang = sign * std::f64::consts::TAU / len as f64;
        let (ws, wc) = ang.sin_cos();
        for start in (0..n).step_by(len) {
            let (mut cr, mut ci) = (1.0, 0.0);
            for k in 0..len / 2 {
                let (a, b) = (start + k, start + k + len / 2);
                let tr = re[b] * cr - im[b] * ci;
                let ti = re[b] * ci + im[b] * cr;
                re[b] = re[a] - tr;
                im[b] = im[a] - ti;
                re[a] += tr;
                im[a] += ti;
                let nr = cr * wc - ci * ws;
                ci = cr * ws + ci * wc;
                cr = nr;
            }
        }
        len <<= 1;
    }
}

/// The textbook estimator; see the module documentation.
pub fn baseline(samples: &[MotionSample]) -> Vec<MotionCompression> {
    const HZ: f64 = 100.0;
    const CUTOFF_HZ: f64 = 0.5;
    let samples: Vec<MotionSample> = samples
        .iter()
        .copied()
        .filter(|s| s.t_ms.is_finite() && s.a.iter().all(|x| x.is_finite()))
        .collect();
    let (Some(first), Some(last)) = (samples.first(), samples.last()) else {
        return Vec::new();
    };
    if last.t_ms - first.t_ms < 1000.0 {
        return Vec::new();
    }
    // Resample (linear).
    let n = ((last.t_ms - first.t_ms) / 1000.0 * HZ) as usize + 1;
    let mut vecs = Vec::with_capacity(n);
    let mut j = 0;
    for k in 0..n {
        let t = first.t_ms + k as f64 * 1000.0 / HZ;
        while j + 2 < samples.len() && samples[j + 1].t_ms <= t {
            j += 1;
        }
        let (p, q) = (samples[j], samples[(j + 1).min(samples.len() - 1)]);
        let f = if q.t_ms > p.t_ms {
            ((t - p.t_ms) / (q.t_ms - p.t_ms)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        vecs.push([0, 1, 2].map(|i| p.a[i] + f * (q.a[i] - p.a[i])));
    }
    // Project on the mean, remove the mean.
    let mean = [0, 1, 2].map(|i| vecs.iter().map(|v| v[i]).sum::<f64>() / n as f64);
    let norm = mean.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-9);
    let mut u: Vec<f64> = vecs
        .iter()
        .map(|v| (0..3).map(|i| v[i] * mean[i]).sum::<f64>() / norm)
        .collect();
    let m = u.iter().sum::<f64>() / n as f64;
    u.iter_mut().for_each(|x| *x -= m);
    // Double integration in the frequency domain.
    let size = n.next_power_of_two();
    let mut re = u;
    re.resize(size, 0.0);
    let mut im = vec![0.0; size];
    fft(&mut re, &mut im, false);
    for k in 0..size {
        let kk = if k <= size / 2 { k } else { size - k };
        let f = kk as f64 * HZ / size as f64;
        if f < CUTOFF_HZ {
            re[k] = 0.0;
            im[k] = 0.0;
        } else {
            let w = std::f64::consts::TAU * f;
            re[k] /= -w * w;
            im[k] /= -w * w;
        }
    }
    fft(&mut re, &mut im, true);
    let x: Vec<f64> = re[..n].iter().map(|v| v / size as f64).collect();
    // Peak picking.
    const HALF: usize = 25;
    let mut out: Vec<MotionCompression> = Vec::new();
    let mut prev_bottom: Option<usize> = None;
    for i in 0..n {
        let lo = i.saturating_sub(HALF);
        let hi = (i + HALF + 1).min(n);
        if !((lo..i).all(|k| x[k] > x[i]) && (i + 1..hi).all(|k| x[k] >= x[i])) {
            continue;
        }
        let from = prev_bottom.map_or(i.saturating_sub(60), |b| b.max(i.saturating_sub(60)));
        let top = (from..i).map(|k| x[k]).fold(f64::NEG_INFINITY, f64::max);
        let depth_mm = (top - x[i]) * 1000.0;
        if depth_mm >= 5.0 {
            out.push(MotionCompression {
                t_ms: first.t_ms + i as f64 * 1000.0 / HZ,
                depth_mm,
            });
            prev_bottom = Some(i);
        }
    }
    out
}
