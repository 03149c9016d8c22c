//! A session's figures from its motion: the rhythm figures shared with
//! taps ([`taps::rhythm`]) and the depth figures.

use serde::Serialize;

use super::{MotionCompression, MotionTracker, DEPTH_MAX_MM, DEPTH_MIN_MM};
use crate::trainer::csv::MotionSample;
use crate::trainer::taps;

/// A session's figures from its motion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MotionSummary {
    pub compressions: u32,
    /// The rate, cycle and pause figures, as for taps.
    #[serde(flatten)]
    pub rhythm: taps::Rhythm,
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
    let rhythm = taps::rhythm(&times, &cycles);
    let n = c.len();
    let share = |f: &dyn Fn(f64) -> bool| {
        (n > 0).then(|| c.iter().filter(|c| f(c.depth_mm)).count() as f64 / n as f64)
    };
    let summary = MotionSummary {
        compressions: n as u32,
        rhythm,
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
