//! A practical session's class plan: the roster split into groups of up to
//! ten (one instructor each) and each group into stations of up to five
//! learners (one manikin and AED each), and the rotation at a station —
//! rounds of two minutes by default, one learner on the manikin at a time,
//! a swap prompt at the end of each round.
//!
//! Groups and stations are as even as they can be: 23 learners in groups
//! of up to ten make three groups of 8, 8 and 7, never 10, 10 and 3 (a
//! group of three would leave an instructor idle and two overworked).
//! Learners keep the roster's order, so the plan is the same on every
//! phone that reads the same roster.

use std::ops::Range;

/// The sizes an instructor may choose (the programme's: ten to an
/// instructor, five to a manikin).
pub const GROUP_SIZES: std::ops::RangeInclusive<usize> = 1..=30;
pub const STATION_SIZES: std::ops::RangeInclusive<usize> = 1..=10;

/// Defaults: one instructor to ten, one manikin and AED to five, two-minute
/// rounds (the usual swap of rescuers doing compressions).
pub const DEFAULT_GROUP: usize = 10;
pub const DEFAULT_STATION: usize = 5;
pub const DEFAULT_ROUND_MS: u64 = 120_000;

/// The metronome's rate at a station, a minute (in the guidelines' 100–120).
pub const STATION_BPM: u32 = 110;

/// One group: its stations, each a range of roster indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub stations: Vec<Range<usize>>,
}

impl Group {
    /// The roster indices of the group.
    pub fn learners(&self) -> Range<usize> {
        let start = self.stations.first().map_or(0, |s| s.start);
        let end = self.stations.last().map_or(start, |s| s.end);
        start..end
    }
}

/// `n` items in as few parts of at most `max` as possible, sizes differing
/// by at most one (larger parts first), as ranges from `offset`.
fn even(n: usize, max: usize, offset: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let parts = n.div_ceil(max);
    let mut out = Vec::with_capacity(parts);
    let mut at = offset;
    for i in 0..parts {
        let size = n / parts + usize::from(i < n % parts);
        out.push(at..at + size);
        at += size;
    }
    out
}

/// The plan for `n` learners in groups of up to `group` and stations of up
/// to `station` (each clamped to its allowed range).
pub fn plan(n: usize, group: usize, station: usize) -> Vec<Group> {
    let group = group.clamp(*GROUP_SIZES.start(), *GROUP_SIZES.end());
    let station = station.clamp(*STATION_SIZES.start(), *STATION_SIZES.end());
    even(n, group, 0)
        .into_iter()
        .map(|g| Group {
            stations: even(g.len(), station, g.start),
        })
        .collect()
}

/// Where the rotation is, `elapsed_ms` after it started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    /// The round, from 0.
    pub round: u64,
    /// Time left in it.
    pub remaining_ms: u64,
}

impl Turn {
    /// The rotation `elapsed_ms` after it started, in rounds of `round_ms`.
    pub fn at(elapsed_ms: u64, round_ms: u64) -> Turn {
        let round_ms = round_ms.max(1);
        Turn {
            round: elapsed_ms / round_ms,
            remaining_ms: round_ms - elapsed_ms % round_ms,
        }
    }

    /// Which learner of a station of `size` is on the manikin this round
    /// (their place in the station: first, second…, then round again).
    pub fn on_manikin(self, size: usize) -> Option<usize> {
        (size > 0).then(|| (self.round % size as u64) as usize)
    }
}

/// A rotation timer that can pause: the time run before the last start,
/// and when it was started if it is running.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rotation {
    pub banked_ms: u64,
    pub running_since_ms: Option<i64>,
}

impl Rotation {
    pub fn start(&mut self, now_ms: i64) {
        if self.running_since_ms.is_none() {
            self.running_since_ms = Some(now_ms);
        }
    }

    pub fn pause(&mut self, now_ms: i64) {
        self.banked_ms = self.elapsed_ms(now_ms);
        self.running_since_ms = None;
    }

    /// The time run so far (a clock set back never makes it run backwards).
    pub fn elapsed_ms(&self, now_ms: i64) -> u64 {
        let running = self
            .running_since_ms
            .map_or(0, |since| u64::try_from(now_ms - since).unwrap_or(0));
        self.banked_ms + running
    }
}
