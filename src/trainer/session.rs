//! Training sessions: what is stored of one, and its figures and score.
//!
//! A session is stored as the compressions it found (times and, with motion,
//! depths) plus, for taps, the raw taps, all in whole milliseconds since the
//! session's start and depths in tenths of a millimetre: integers, so the
//! stored document stays exact and compact (a two-minute session is a few
//! kilobytes). The figures and the score are recomputed from that, by
//! [`summarize`], wherever they are shown. The raw motion trace is not
//! stored (about 200 kB for two minutes); it can be exported right after
//! the session.

use serde::{Deserialize, Serialize};

use super::score::{self, Assessment, NoScore, Parts, Plan};
use super::taps::{self, Compression};

pub use super::score::{CYCLE_COMPRESSIONS, CYCLE_SLACK};

/// Sessions kept; the oldest go first.
pub const MAX_SESSIONS: usize = 30;
/// A session's default length (s), as in a class.
pub const DEFAULT_DURATION_S: u32 = 120;

/// How the compressions were marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Taps,
    Motion,
}

/// One stored session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    /// Wall-clock start, ms since the Unix epoch; also the session's id.
    pub at_ms: i64,
    pub source: Source,
    /// The metronome's rate; `None` when it was off.
    pub bpm: Option<u32>,
    /// 30:2 pause (s) or `None` for continuous compressions.
    pub pause_s: Option<u32>,
    /// How long it ran (ms): the planned time, or less when stopped early.
    pub duration_ms: u32,
    /// How long it was meant to last (ms); `None` in sessions stored
    /// before schema 9, which are scored as if they ran their course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_ms: Option<u32>,
    /// Compression times, ms since the start.
    pub times_ms: Vec<u32>,
    /// Depths in tenths of a millimetre, one per compression (motion only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depths_dmm: Vec<u16>,
    /// Indices of compressions inferred from a missed tap.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<u32>,
    /// Index of the first compression of every cycle after the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycle_starts: Vec<u32>,
    /// The raw taps, ms since the start (tap sessions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taps_ms: Vec<u32>,
}

fn ms(t: f64) -> u32 {
    t.round().clamp(0.0, u32::MAX as f64) as u32
}

impl SessionRecord {
    /// A tap session from its raw taps and the compressions the tap
    /// analysis found (times relative to the start).
    pub fn from_taps(
        at_ms: i64,
        bpm: Option<u32>,
        pause_s: Option<u32>,
        planned_ms: u32,
        duration_ms: u32,
        taps: &[f64],
        compressions: &[Compression],
    ) -> Self {
        let cycles: Vec<u32> = compressions.iter().map(|c| c.cycle).collect();
        let cycle_starts = starts(&cycles);
        SessionRecord {
            at_ms,
            source: Source::Taps,
            bpm,
            pause_s,
            duration_ms,
            planned_ms: Some(planned_ms),
            times_ms: compressions.iter().map(|c| ms(c.t_ms)).collect(),
            depths_dmm: Vec::new(),
            inferred: (0..compressions.len() as u32)
                .filter(|&i| compressions[i as usize].inferred)
                .collect(),
            cycle_starts,
            taps_ms: taps.iter().map(|&t| ms(t)).collect(),
        }
    }

    /// A motion session from its compressions (time ms since the start,
    /// depth mm); cycles split where a gap is a pause by the same rule as
    /// taps ([`taps::cycles`]).
    pub fn from_motion(
        at_ms: i64,
        bpm: Option<u32>,
        pause_s: Option<u32>,
        planned_ms: u32,
        duration_ms: u32,
        compressions: &[(f64, f64)],
    ) -> Self {
        let times: Vec<f64> = compressions.iter().map(|c| c.0).collect();
        SessionRecord {
            at_ms,
            source: Source::Motion,
            bpm,
            pause_s,
            duration_ms,
            planned_ms: Some(planned_ms),
            times_ms: times.iter().map(|&t| ms(t)).collect(),
            depths_dmm: compressions
                .iter()
                .map(|c| (c.1 * 10.0).round().clamp(0.0, u16::MAX as f64) as u16)
                .collect(),
            inferred: Vec::new(),
            cycle_starts: starts(&taps::cycles(&times)),
            taps_ms: Vec::new(),
        }
    }

    /// The cycle of each compression.
    pub fn cycles(&self) -> Vec<u32> {
        let mut cycle = 0;
        let mut next = self.cycle_starts.iter().peekable();
        (0..self.times_ms.len() as u32)
            .map(|i| {
                while next.peek().is_some_and(|&&s| s <= i) {
                    next.next();
                    cycle += 1;
                }
                cycle
            })
            .collect()
    }

    /// What the session was set to do: 30:2 when it has a pause, and the
    /// planned time (the time it ran, for sessions stored without one).
    pub fn plan(&self) -> Plan {
        Plan {
            thirty_two: self.pause_s.is_some(),
            planned_ms: f64::from(self.planned_ms.unwrap_or(self.duration_ms)),
        }
    }

    /// Depths in mm (empty for taps).
    pub fn depths_mm(&self) -> Vec<f64> {
        self.depths_dmm.iter().map(|&d| d as f64 / 10.0).collect()
    }
}

/// Indices of the compressions that start a new cycle, from each
/// compression's cycle.
fn starts(cycles: &[u32]) -> Vec<u32> {
    (1..cycles.len())
        .filter(|&i| cycles[i] != cycles[i - 1])
        .map(|i| i as u32)
        .collect()
}

/// A session's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSummary {
    pub compressions: u32,
    pub inferred: u32,
    /// The rate, cycle and pause figures, as for taps and motion.
    pub rhythm: taps::Rhythm,
    pub mean_depth_mm: Option<f64>,
    /// Share (0–1) of compressions 50–60 mm deep.
    pub depth_in_range: Option<f64>,
    /// Cycles of 30 ± 2 compressions.
    pub cycles_held: u32,
    pub longest_pause_s: Option<f64>,
    /// The score and what it is made of ([`score::assess`]).
    pub assessment: Assessment,
    pub parts: Parts,
    pub score: Option<u32>,
    /// Why there is no score.
    pub no_score: Option<NoScore>,
}

/// One point of the rate-over-time chart: seconds since the start and the
/// rate over the last five compressions of the cycle.
pub fn rate_series(rec: &SessionRecord) -> Vec<(f64, f64)> {
    let cycles = rec.cycles();
    let t = &rec.times_ms;
    let mut out = Vec::new();
    for i in 0..t.len() {
        let mut first = i;
        while first > 0 && i - first + 1 < taps::RATE_WINDOW && cycles[first - 1] == cycles[i] {
            first -= 1;
        }
        let n = i - first;
        if n >= 2 && t[i] > t[first] {
            out.push((
                t[i] as f64 / 1000.0,
                n as f64 * 60_000.0 / (t[i] - t[first]) as f64,
            ));
        }
    }
    out
}

/// The figures and the score of a stored session.
pub fn summarize(rec: &SessionRecord) -> SessionSummary {
    let cycles = rec.cycles();
    let t: Vec<f64> = rec.times_ms.iter().map(|&x| x as f64).collect();
    let r = taps::rhythm(&t, &cycles);
    let depths = rec.depths_mm();
    let mean_depth_mm =
        (!depths.is_empty()).then(|| depths.iter().sum::<f64>() / depths.len() as f64);
    let depth_in_range = (!depths.is_empty()).then(|| {
        depths
            .iter()
            .filter(|d| (score::DEPTH_MIN_MM..=score::DEPTH_MAX_MM).contains(*d))
            .count() as f64
            / depths.len() as f64
    });
    let mut sizes = vec![0usize; r.cycles as usize];
    for &c in &cycles {
        sizes[c as usize] += 1;
    }
    let cycles_held = sizes
        .iter()
        .filter(|&&n| n.abs_diff(CYCLE_COMPRESSIONS) <= CYCLE_SLACK)
        .count() as u32;
    let assessment = score::assess(&t, &cycles, &depths, rec.plan());
    SessionSummary {
        compressions: t.len() as u32,
        inferred: rec.inferred.len() as u32,
        mean_depth_mm,
        depth_in_range,
        cycles_held,
        longest_pause_s: r.pauses_ms.iter().map(|p| p / 1000.0).reduce(f64::max),
        parts: assessment.parts,
        score: assessment.total.ok(),
        no_score: assessment.total.err(),
        assessment,
        rhythm: r,
    }
}

/// The stored sessions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainerData {
    /// Oldest first.
    #[serde(default)]
    pub sessions: Vec<SessionRecord>,
}

impl TrainerData {
    /// Keeps a finished session (the oldest go beyond [`MAX_SESSIONS`]).
    pub fn add(&mut self, rec: SessionRecord) {
        self.sessions.push(rec);
        if self.sessions.len() > MAX_SESSIONS {
            let extra = self.sessions.len() - MAX_SESSIONS;
            self.sessions.drain(..extra);
        }
    }

    pub fn latest(&self) -> Option<&SessionRecord> {
        self.sessions.last()
    }

    /// The session with the highest score (the later one on a tie).
    pub fn best(&self) -> Option<&SessionRecord> {
        self.sessions
            .iter()
            .filter_map(|s| summarize(s).score.map(|sc| (sc, s)))
            .max_by_key(|(sc, s)| (*sc, s.at_ms))
            .map(|(_, s)| s)
    }

    pub fn get(&self, at_ms: i64) -> Option<&SessionRecord> {
        self.sessions.iter().find(|s| s.at_ms == at_ms)
    }
}
