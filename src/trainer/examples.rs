//! The worked examples of the "How is this scored?" page: tap sessions
//! generated here and scored by the app's own path (the tap analysis, the
//! stored session, [`summarize`]), so the page shows what the code computes,
//! never hand-typed numbers. `tests/trainer_score.rs` derives the same
//! scores by hand.
//!
//! Every example taps every [`PERIOD_MS`] (550 ms, 109 a minute) from
//! [`START_MS`]; in 30:2 the stop for two breaths is [`BREATH_GAP_MS`]
//! (6 s from the last compression to the next).

use super::session::{summarize, SessionRecord, SessionSummary};
use super::taps;

/// Between two taps (ms): 109 a minute.
pub const PERIOD_MS: f64 = 550.0;
/// The first tap (ms after the start).
pub const START_MS: f64 = 500.0;
/// From the last compression of a cycle to the first of the next (ms).
pub const BREATH_GAP_MS: f64 = 6000.0;
/// The examples' planned time (ms): two minutes, the default session.
pub const PLANNED_MS: u32 = 120_000;

/// Which example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// 30:2 for the whole two minutes.
    GoodThirtyTwo,
    /// 30:2, but 40 compressions straight through the first stop for
    /// breaths; then cycles of 30.
    ThroughBreaths,
    /// 30:2 planned for two minutes, tapped straight through the stops for
    /// breaths and finished after 21 seconds.
    StoppedEarly,
    /// Continuous compressions for the whole two minutes.
    GoodContinuous,
}

impl Case {
    pub const ALL: [Case; 4] = [
        Case::GoodThirtyTwo,
        Case::ThroughBreaths,
        Case::StoppedEarly,
        Case::GoodContinuous,
    ];

    /// 30:2 (true) or continuous.
    pub fn thirty_two(self) -> bool {
        self != Case::GoodContinuous
    }

    /// When the session ended (ms).
    pub fn ended_ms(self) -> u32 {
        match self {
            Case::StoppedEarly => 21_000,
            _ => PLANNED_MS,
        }
    }

    /// The taps (ms since the start).
    pub fn taps(self) -> Vec<f64> {
        let first = match self {
            Case::GoodThirtyTwo => Some(30),
            Case::ThroughBreaths => Some(40),
            Case::StoppedEarly | Case::GoodContinuous => None,
        };
        taps(first, f64::from(self.ended_ms()))
    }

    /// The session as the app stores it.
    pub fn record(self) -> SessionRecord {
        let taps = self.taps();
        let (compressions, _) = taps::analyze(&taps);
        SessionRecord::from_taps(
            0,
            Some(110),
            self.thirty_two().then_some(5),
            PLANNED_MS,
            self.ended_ms(),
            &taps,
            &compressions,
        )
    }

    /// Its figures and score.
    pub fn summary(self) -> SessionSummary {
        summarize(&self.record())
    }
}

/// Taps every [`PERIOD_MS`] from [`START_MS`] until `end_ms`: a first cycle
/// of `first` and then cycles of 30, each followed by a stop of
/// [`BREATH_GAP_MS`]; with `None`, without stops.
fn taps(first: Option<u32>, end_ms: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut t = START_MS;
    let mut left = first;
    while t < end_ms {
        out.push(t);
        t += match &mut left {
            Some(k) if *k <= 1 => {
                *k = 30;
                BREATH_GAP_MS
            }
            Some(k) => {
                *k -= 1;
                PERIOD_MS
            }
            None => PERIOD_MS,
        };
    }
    out
}
