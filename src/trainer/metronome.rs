//! The metronome's arithmetic: when every beat and every breath prompt
//! falls, as an exact function of its index — never by adding periods up, so
//! an hour of beats has no drift.
//!
//! The browser side does Web Audio look-ahead scheduling: a timer wakes up
//! every few tens of milliseconds and asks [`Metronome::events_between`] for
//! the events in `[scheduled_until, now + look_ahead)`, then schedules each
//! on `AudioContext.currentTime`'s clock. The timer only decides *which*
//! events to schedule; *when* they sound is the audio clock's exact time,
//! so timer jitter (a busy main thread, a background tab) cannot move a
//! click.
//!
//! ## Timing
//!
//! With `period = 60 / bpm` seconds and the first beat at `start`:
//! - continuous mode: beat `n` is at `start + n × period`;
//! - 30:2 mode: cycles of 30 compressions and a pause for two breaths.
//!   A cycle lasts `30 × period + pause`; beat `n` is compression
//!   `k = n mod 30` of cycle `c = n div 30`, at
//!   `start + c × (30 × period + pause) + k × period`. The pause starts one
//!   period after the 30th compression; its two breath prompts are at the
//!   pause's start and half-way through it.
//!
//! The pause is the app's choice (5 s by default, adjustable 3–9 s): AHA's
//! course material limits the interruption for two breaths to under 10
//! seconds [A4], each breath taking about a second [A4, E1].

use serde::{Deserialize, Serialize};

/// Compressions per cycle in 30:2 mode.
pub const COMPRESSIONS_PER_CYCLE: u32 = 30;
/// Default pause for two breaths, seconds.
pub const DEFAULT_PAUSE_S: f64 = 5.0;
/// Range the learner can set the pause in, seconds (under AHA's 10-second
/// maximum interruption).
pub const PAUSE_RANGE_S: (f64, f64) = (3.0, 9.0);
/// Range of tempos offered, per minute (the guideline range).
pub const BPM_RANGE: (u32, u32) = (100, 120);
/// Default tempo: the middle of the range.
pub const DEFAULT_BPM: u32 = 110;

/// Continuous compressions, or 30 compressions and two breaths.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Mode {
    Continuous,
    /// 30:2 with this pause for the two breaths, in seconds.
    ThirtyTwo {
        pause_s: f64,
    },
}

/// What sounds (or shows) at an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A compression: its count in the cycle, 1 to 30 (1 is accented).
    Compression { count: u32 },
    /// A breath prompt during the 30:2 pause: 1 or 2.
    Breath { number: u32 },
}

/// One scheduled event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Event {
    /// Seconds on the clock `start` was given in.
    pub time: f64,
    pub cue: Cue,
}

/// Why a metronome setting is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SettingError {
    Bpm(u32),
    Pause(f64),
}

/// A running metronome's timing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metronome {
    bpm: u32,
    mode: Mode,
    start: f64,
}

impl Metronome {
    /// A metronome whose first beat is at `start` (seconds).
    pub fn new(bpm: u32, mode: Mode, start: f64) -> Result<Metronome, SettingError> {
        if !(BPM_RANGE.0..=BPM_RANGE.1).contains(&bpm) {
            return Err(SettingError::Bpm(bpm));
        }
        if let Mode::ThirtyTwo { pause_s } = mode {
            if !(PAUSE_RANGE_S.0..=PAUSE_RANGE_S.1).contains(&pause_s) {
                return Err(SettingError::Pause(pause_s));
            }
        }
        Ok(Metronome { bpm, mode, start })
    }

    pub fn bpm(&self) -> u32 {
        self.bpm
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Seconds between compressions.
    pub fn period(&self) -> f64 {
        60.0 / f64::from(self.bpm)
    }

    fn cycle(&self) -> Option<(u64, f64)> {
        match self.mode {
            Mode::Continuous => None,
            Mode::ThirtyTwo { pause_s } => Some((
                u64::from(COMPRESSIONS_PER_CYCLE),
                f64::from(COMPRESSIONS_PER_CYCLE) * self.period() + pause_s,
            )),
        }
    }

    /// The time of compression `n` (from 0).
    pub fn beat_time(&self, n: u64) -> f64 {
        match self.cycle() {
            // n × 60 / bpm, with one rounding: exact for any n below 2^53.
            None => self.start + (n as f64 * 60.0) / f64::from(self.bpm),
            Some((per, len)) => {
                let (c, k) = (n / per, n % per);
                self.start + c as f64 * len + (k as f64 * 60.0) / f64::from(self.bpm)
            }
        }
    }

    /// The count (1 to 30) of compression `n`.
    pub fn count(&self, n: u64) -> u32 {
        (n % u64::from(COMPRESSIONS_PER_CYCLE)) as u32 + 1
    }

    /// The first compression at or after `t`.
    fn first_beat_from(&self, t: f64) -> u64 {
        if t <= self.start {
            return 0;
        }
        let guess = match self.cycle() {
            None => ((t - self.start) / self.period()).floor() as u64,
            Some((per, len)) => {
                let c = ((t - self.start) / len).floor() as u64;
                let within = (t - self.start - c as f64 * len) / self.period();
                c * per + (within.max(0.0).floor() as u64).min(per)
            }
        };
        // Step back and forth over the exact times (floating point may put
        // the guess one off).
        let mut n = guess.saturating_sub(1);
        while self.beat_time(n) < t {
            n += 1;
        }
        while n > 0 && self.beat_time(n - 1) >= t {
            n -= 1;
        }
        n
    }

    /// Every event with `from ≤ time < until`, in time order.
    pub fn events_between(&self, from: f64, until: f64) -> Vec<Event> {
        let mut out = Vec::new();
        if until <= from {
            return out;
        }
        let mut n = self.first_beat_from(from);
        loop {
            let t = self.beat_time(n);
            if t >= until {
                break;
            }
            out.push(Event {
                time: t,
                cue: Cue::Compression {
                    count: self.count(n),
                },
            });
            n += 1;
        }
        // Breath prompts of every pause that overlaps the window.
        if let (Mode::ThirtyTwo { pause_s }, Some((per, len))) = (self.mode, self.cycle()) {
            let first_cycle = self.first_beat_from(from) / per;
            let first_cycle = first_cycle.saturating_sub(1);
            let mut c = first_cycle;
            loop {
                let pause_start =
                    self.start + c as f64 * len + f64::from(COMPRESSIONS_PER_CYCLE) * self.period();
                if pause_start >= until {
                    break;
                }
                for (i, t) in [pause_start, pause_start + pause_s / 2.0]
                    .into_iter()
                    .enumerate()
                {
                    if t >= from && t < until {
                        out.push(Event {
                            time: t,
                            cue: Cue::Breath {
                                number: i as u32 + 1,
                            },
                        });
                    }
                }
                c += 1;
            }
            out.sort_by(|a, b| a.time.total_cmp(&b.time));
        }
        out
    }
}
