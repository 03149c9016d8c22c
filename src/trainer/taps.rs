//! Compressions marked by taps: the learner presses a cushion and taps the
//! screen (or a key) with each compression. From the tap times this module
//! finds the compressions, the live rate and prompt, the pauses and cycles,
//! and the session's figures.
//!
//! ## Rules
//!
//! - **Double taps**: a tap less than [`DEBOUNCE_MS`] after the last counted
//!   one is the same compression (at 120/min compressions are 500 ms apart;
//!   even 200/min leaves 300 ms).
//! - **Pauses**: a gap longer than [`PAUSE_MS`] (or three times the typical
//!   interval, if that is longer) is a pause — for breaths, or a stop. It
//!   ends a cycle; the rate does not span it.
//! - **A missed tap**: a gap between 1.7 and 2.3 times the typical interval
//!   (the median of the last intervals, at least three of them) that is not a
//!   pause holds one compression the learner did not tap; it is counted, at
//!   the gap's middle, and marked as inferred.
//! - **Live rate**: over the last five compressions of the current cycle,
//!   `4 × 60000 / (t₅ − t₁)` per minute; none before the third compression
//!   (then over what there is).
//! - **Prompt**: slower than 100/min "faster", above 120/min "slower",
//!   otherwise "good" (the guideline range, see [`super::RATE_MIN`]).

use super::{RATE_MAX, RATE_MIN};

/// Taps closer than this to the last counted one are the same compression.
pub const DEBOUNCE_MS: f64 = 200.0;
/// A gap at least this long is a pause.
pub const PAUSE_MS: f64 = 2000.0;
/// Compressions the live rate is taken over.
pub const RATE_WINDOW: usize = 5;

/// One compression found from the taps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Compression {
    pub t_ms: f64,
    /// True when it was not tapped but inferred from a gap (a missed tap).
    pub inferred: bool,
    /// The cycle (from 0): cycles are separated by pauses.
    pub cycle: u32,
}

/// What the learner is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    Faster,
    Slower,
    Good,
}

/// The live state after a tap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Live {
    /// Per minute, over the last compressions of this cycle.
    pub rate: Option<f64>,
    pub prompt: Option<Prompt>,
    /// Compressions in the current cycle.
    pub in_cycle: u32,
    pub total: u32,
}

/// The prompt for a rate.
pub fn prompt_for(rate: f64) -> Prompt {
    if rate < RATE_MIN {
        Prompt::Faster
    } else if rate > RATE_MAX {
        Prompt::Slower
    } else {
        Prompt::Good
    }
}

/// Finds compressions in taps as they come.
#[derive(Debug, Clone, Default)]
pub struct TapTracker {
    compressions: Vec<Compression>,
    cycle: u32,
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let m = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    })
}

impl TapTracker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn compressions(&self) -> &[Compression] {
        &self.compressions
    }

    /// The typical interval: the median of the last (up to eight) intervals
    /// of the current cycle, once there are three.
    fn typical(&self) -> Option<f64> {
        let cycle: Vec<f64> = self
            .compressions
            .iter()
            .rev()
            .take_while(|c| c.cycle == self.cycle)
            .map(|c| c.t_ms)
            .collect();
        let mut gaps: Vec<f64> = cycle.windows(2).take(8).map(|w| w[0] - w[1]).collect();
        if gaps.len() < 3 {
            return None;
        }
        median(&mut gaps)
    }

    /// Takes a tap at `t_ms` (milliseconds on any steady clock; taps must
    /// come in time order — an earlier one is ignored) and returns the live
    /// state.
    pub fn tap(&mut self, t_ms: f64) -> Live {
        if let Some(last) = self.compressions.last().copied() {
            let gap = t_ms - last.t_ms;
            if gap < DEBOUNCE_MS {
                return self.live();
            }
            let typical = self.typical();
            let pause = typical.map_or(PAUSE_MS, |t| (3.0 * t).max(PAUSE_MS));
            if gap >= pause {
                self.cycle += 1;
            } else if let Some(t) = typical {
                if (1.7 * t..=2.3 * t).contains(&gap) {
                    self.compressions.push(Compression {
                        t_ms: last.t_ms + gap / 2.0,
                        inferred: true,
                        cycle: self.cycle,
                    });
                }
            }
        }
        self.compressions.push(Compression {
            t_ms,
            inferred: false,
            cycle: self.cycle,
        });
        self.live()
    }

    /// The live state now.
    pub fn live(&self) -> Live {
        let in_cycle: Vec<&Compression> = self
            .compressions
            .iter()
            .rev()
            .take_while(|c| c.cycle == self.cycle)
            .collect();
        let window: Vec<f64> = in_cycle.iter().take(RATE_WINDOW).map(|c| c.t_ms).collect();
        let rate = (window.len() >= 3)
            .then(|| (window.len() - 1) as f64 * 60_000.0 / (window[0] - window[window.len() - 1]));
        Live {
            rate,
            prompt: rate.map(prompt_for),
            in_cycle: in_cycle.len() as u32,
            total: self.compressions.len() as u32,
        }
    }
}

/// A session's figures from its taps.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub compressions: u32,
    pub inferred: u32,
    /// Mean rate per minute over the intervals within cycles.
    pub mean_rate: Option<f64>,
    /// Share (0–1) of intervals within cycles whose rate is 100–120/min.
    pub in_range: Option<f64>,
    pub cycles: u32,
    pub pauses: u32,
    pub pause_ms: f64,
    /// Time compressing over the session's time (first to last compression),
    /// 0–1: pauses count against it.
    pub compression_fraction: Option<f64>,
}

/// Analyses a whole session's taps (in time order).
pub fn analyze(taps: &[f64]) -> (Vec<Compression>, Summary) {
    let mut tracker = TapTracker::new();
    for &t in taps {
        tracker.tap(t);
    }
    let c = tracker.compressions;
    let mut intervals = Vec::new();
    let (mut pauses, mut pause_ms) = (0u32, 0.0f64);
    for w in c.windows(2) {
        let gap = w[1].t_ms - w[0].t_ms;
        if w[1].cycle == w[0].cycle {
            intervals.push(gap);
        } else {
            pauses += 1;
            pause_ms += gap;
        }
    }
    let mean_rate = (!intervals.is_empty())
        .then(|| 60_000.0 * intervals.len() as f64 / intervals.iter().sum::<f64>());
    let in_range = (!intervals.is_empty()).then(|| {
        intervals
            .iter()
            .filter(|g| (RATE_MIN..=RATE_MAX).contains(&(60_000.0 / **g)))
            .count() as f64
            / intervals.len() as f64
    });
    let span = match (c.first(), c.last()) {
        (Some(a), Some(b)) if b.t_ms > a.t_ms => Some(b.t_ms - a.t_ms),
        _ => None,
    };
    let summary = Summary {
        compressions: c.len() as u32,
        inferred: c.iter().filter(|x| x.inferred).count() as u32,
        mean_rate,
        in_range,
        cycles: c.last().map_or(0, |x| x.cycle + 1),
        pauses,
        pause_ms,
        compression_fraction: span.map(|s| ((s - pause_ms) / s).clamp(0.0, 1.0)),
    };
    (c, summary)
}
