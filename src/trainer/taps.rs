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
//!   (the median of the last intervals between taps, at least three of
//!   them) that is not a pause holds one compression the learner did not
//!   tap; it is counted, at the gap's middle, and marked as inferred —
//!   when the gap before it was at the usual pace. Two long gaps in a row
//!   are a learner who slowed down, not two missed taps: the first gap's
//!   inferred compression is taken back and none is inferred in the
//!   second. (Inferring in every long gap counted a learner who slowed to
//!   60 a minute twice, at about 120, and told them to go slower.)
//! - **Live rate**: over the last five compressions of the current cycle,
//!   `4 × 60000 / (t₅ − t₁)` per minute; none before the third compression
//!   (then over what there is).
//! - **Prompt**: slower than 100/min "faster", above 120/min "slower",
//!   otherwise "good" (the guideline range, see [`super::RATE_MIN`]).

use serde::Serialize;

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

/// Updates in a row a new prompt needs before it is shown.
pub const STEADY_UPDATES: u32 = 3;

/// Steadies the prompt for display and speech: a different prompt is shown
/// once it has come out of [`STEADY_UPDATES`] updates in a row, so a rate on
/// the edge of the range does not flip between "good" and "faster" with
/// every tap (screen readers announce each change; speech repeats it).
/// The first prompt shows at once.
#[derive(Debug, Clone, Default)]
pub struct PromptSmoother {
    shown: Option<Prompt>,
    candidate: Option<Prompt>,
    run: u32,
}

impl PromptSmoother {
    /// Forgets what is shown: pressing has stopped, so no rate is kept,
    /// and the next prompt shows at once.
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Takes the latest prompt and returns the one to show.
    pub fn update(&mut self, latest: Option<Prompt>) -> Option<Prompt> {
        let Some(p) = latest else { return self.shown };
        if self.shown.is_none() || self.shown == Some(p) {
            self.shown = Some(p);
            self.candidate = None;
            self.run = 0;
        } else if self.candidate == Some(p) {
            self.run += 1;
        } else {
            self.candidate = Some(p);
            self.run = 1;
        }
        if self.run >= STEADY_UPDATES {
            self.shown = self.candidate.take();
            self.run = 0;
        }
        self.shown
    }
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

/// The typical interval of a cycle from its compression times, newest
/// first: the median of the last (up to eight) intervals, once there are
/// three.
fn typical(newest_first: impl Iterator<Item = f64>) -> Option<f64> {
    let cycle: Vec<f64> = newest_first.take(9).collect();
    let mut gaps: Vec<f64> = cycle.windows(2).map(|w| w[0] - w[1]).collect();
    if gaps.len() < 3 {
        return None;
    }
    median(&mut gaps)
}

/// The shortest gap that is a pause, given the cycle's typical interval:
/// [`PAUSE_MS`], or three typical intervals if that is longer.
fn pause_for(typical: Option<f64>) -> f64 {
    typical.map_or(PAUSE_MS, |t| (3.0 * t).max(PAUSE_MS))
}

/// The cycle (from 0) of every compression, given their times in order, by
/// the pause rule of the tap analysis (for compressions found otherwise,
/// e.g. from motion; taps go through [`TapTracker`], which also handles
/// double and missed taps).
pub fn cycles(times: &[f64]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(times.len());
    let mut start = 0;
    for (i, &t) in times.iter().enumerate() {
        let mut cycle = out.last().copied().unwrap_or(0);
        if i > 0 {
            let pause = pause_for(typical(times[start..i].iter().rev().copied()));
            if t - times[i - 1] >= pause {
                cycle += 1;
                start = i;
            }
        }
        out.push(cycle);
    }
    out
}

/// The rhythm figures of a session from its compressions' times and
/// cycles: the one definition that [`Summary`] (taps),
/// [`super::motion::MotionSummary`] and [`super::session::SessionSummary`]
/// embed. Serialized (flattened into the summaries `firstaid analyze`
/// prints) as `mean_rate_per_min`, `in_range_share`, `cycles`, `pauses`,
/// `pause_ms` and `compression_fraction`; the interval and pause lists are
/// not serialized.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rhythm {
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
    /// compression), 0–1: pauses count against it.
    pub compression_fraction: Option<f64>,
    /// The intervals within cycles (ms), in order.
    #[serde(skip)]
    pub intervals_ms: Vec<f64>,
    /// The pauses between cycles (ms), in order.
    #[serde(skip)]
    pub pauses_ms: Vec<f64>,
}

/// The rhythm figures from compression times and their cycles (same
/// length, in time order).
pub fn rhythm(times: &[f64], cycles: &[u32]) -> Rhythm {
    let (mut intervals, mut pause_gaps) = (Vec::new(), Vec::new());
    for i in 1..times.len().min(cycles.len()) {
        let gap = times[i] - times[i - 1];
        if cycles[i] == cycles[i - 1] {
            intervals.push(gap);
        } else {
            pause_gaps.push(gap);
        }
    }
    let pause_ms: f64 = pause_gaps.iter().sum();
    let mean_rate = (!intervals.is_empty())
        .then(|| 60_000.0 * intervals.len() as f64 / intervals.iter().sum::<f64>());
    let in_range = (!intervals.is_empty()).then(|| {
        intervals
            .iter()
            .filter(|g| (RATE_MIN..=RATE_MAX).contains(&(60_000.0 / **g)))
            .count() as f64
            / intervals.len() as f64
    });
    let span = match (times.first(), times.last()) {
        (Some(a), Some(b)) if b > a => Some(b - a),
        _ => None,
    };
    Rhythm {
        mean_rate,
        in_range,
        cycles: cycles.last().map_or(0, |c| c + 1),
        pauses: pause_gaps.len() as u32,
        pause_ms,
        compression_fraction: span.map(|s| ((s - pause_ms) / s).clamp(0.0, 1.0)),
        intervals_ms: intervals,
        pauses_ms: pause_gaps,
    }
}

impl TapTracker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn compressions(&self) -> &[Compression] {
        &self.compressions
    }

    /// The typical interval between the taps of the current cycle (see
    /// [`typical`]; inferred compressions left out, so that a learner's
    /// own pace sets it).
    fn typical(&self) -> Option<f64> {
        typical(self.tapped_in_cycle().map(|c| c.t_ms))
    }

    /// The tapped (not inferred) compressions of the current cycle, newest
    /// first.
    fn tapped_in_cycle(&self) -> impl Iterator<Item = &Compression> {
        self.compressions
            .iter()
            .rev()
            .take_while(|c| c.cycle == self.cycle)
            .filter(|c| !c.inferred)
    }

    /// Takes back the compression inferred between the last two taps, if
    /// the gap between them was long (`long`): the learner slowed down.
    /// Returns whether that gap was long.
    fn slowed_down(&mut self, long: f64) -> bool {
        let (last, before) = {
            let mut tapped = self.tapped_in_cycle().map(|c| c.t_ms);
            match (tapped.next(), tapped.next()) {
                (Some(last), Some(before)) => (last, before),
                _ => return false,
            }
        };
        if last - before < long {
            return false;
        }
        self.compressions
            .retain(|c| !(c.inferred && c.t_ms > before && c.t_ms < last));
        true
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
            let pause = pause_for(typical);
            if gap >= pause {
                self.cycle += 1;
            } else if let Some(t) = typical {
                let long = 1.7 * t;
                if gap >= long && self.slowed_down(long) {
                    // Two long gaps in a row: the new pace, no missed tap.
                } else if (long..=2.3 * t).contains(&gap) {
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

/// A session's figures from its taps (as `firstaid analyze --taps` prints
/// them: the rhythm's figures flattened beside the counts).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub compressions: u32,
    pub inferred: u32,
    #[serde(flatten)]
    pub rhythm: Rhythm,
}

/// Analyses a whole session's taps (in time order).
pub fn analyze(taps: &[f64]) -> (Vec<Compression>, Summary) {
    let mut tracker = TapTracker::new();
    for &t in taps {
        tracker.tap(t);
    }
    let c = tracker.compressions;
    let times: Vec<f64> = c.iter().map(|x| x.t_ms).collect();
    let cycles: Vec<u32> = c.iter().map(|x| x.cycle).collect();
    let summary = Summary {
        compressions: c.len() as u32,
        inferred: c.iter().filter(|x| x.inferred).count() as u32,
        rhythm: rhythm(&times, &cycles),
    };
    (c, summary)
}
