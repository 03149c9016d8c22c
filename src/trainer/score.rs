//! The CPR quality score, 0–100, and its published formula.
//!
//! The score rewards closeness to the targets rather than counting hits and
//! misses (in the spirit of the non-binary scoring of feedback manikins,
//! whose formulas are not published; ours is, here and on the app's "How is
//! this scored?" page, which renders the same constants and worked examples
//! computed by this code, [`super::examples`]). It scores what the session
//! asked for: its mode (30:2 or continuous) and the time it was meant to
//! last.
//!
//! ## Formula
//!
//! Each part is a mean of *closeness* values between 0 and 1:
//!
//! - **Rate** — for every interval between two compressions of the same
//!   cycle, its rate `r = 60000 / gap_ms` per minute:
//!   `1` inside 100–120/min, falling linearly to `0` at
//!   [`RATE_TOLERANCE`] (20/min) outside the range (80 or 140/min).
//! - **Depth** (motion sessions only) — for every compression, its depth
//!   `d`: `1` inside 50–60 mm, falling linearly to `0` at
//!   [`DEPTH_TOLERANCE_MM`] (10 mm) outside (40 or 70 mm).
//! - **Pauses** — for every pause between cycles (a gap of 2 s or more, see
//!   [`super::taps`]), its length `p` against what the mode allows `A`:
//!   `1` up to `A`, falling linearly to `0` at `A +`
//!   [`PAUSE_TOLERANCE_S`] (10 s). In 30:2, `A` is the limit for the pause
//!   for two breaths, [`PAUSE_LIMIT_S`] (10 s, [`pause_limit`]); in
//!   continuous mode nothing is allowed (`A = 0`: the session asked for no
//!   pauses). In 30:2, a pause for breaths is **due** after every 30
//!   compressions (32 allowed): `due = ⌊(N − 1) / 32⌋` for `N`
//!   compressions; every due pause that never came (`due − pauses`, if
//!   positive) counts as a pause with closeness `0`. A continuous session
//!   without pauses has no pause part.
//! - **Cycles** (30:2 only) — every cycle of `n` compressions: `1` for
//!   28–32 ([`CYCLE_COMPRESSIONS`] ± [`CYCLE_SLACK`]), falling linearly to
//!   `0` at [`CYCLE_TOLERANCE`] (10) compressions outside (18 or 42); the
//!   last cycle, cut by the session's end, has no lower bound. The part is
//!   the mean over compressions of their cycle's value (a cycle weighs as
//!   many compressions as it has): every compression given through the
//!   breaths counts against it.
//! - **Time** — the share of the planned time `P` the session covered:
//!   `covered = min(P, t_last + G) − max(0, t_first − G) − Σ max(0, p − A)`
//!   with the grace `G` = [`GRACE_MS`] (2 s) for starting and stopping:
//!   the time from the start to the last compression, less a slow start
//!   and the part of every pause beyond what the mode allows.
//!   `time = clamp(covered / P, 0, 1)`.
//!
//! `score = round(100 × time × Σ wᵢ·partᵢ / Σ wᵢ)` over the parts the
//! session has, with weights [`W_RATE`] 0.4, [`W_DEPTH`] 0.4, [`W_PAUSES`]
//! 0.2 and [`W_CYCLES`] 0.2. A session stopped early is scored by the time
//! it was meant to last: half the time gives at most 50. A session with
//! fewer than [`MIN_COMPRESSIONS`] compressions, or without two
//! compressions close enough to give a rate, gets no score ([`NoScore`]).
//!
//! What the score cannot see: leaning (incomplete recoil) and hand position,
//! which need a manikin or an instructor; and with taps, depth.

use serde::Serialize;

use super::taps;
use super::{RATE_MAX, RATE_MIN};
use crate::profile::ProfileId;

/// Depth range taught by AHA 2025 and ERC 2025 for adults (mm).
pub const DEPTH_MIN_MM: f64 = 50.0;
pub const DEPTH_MAX_MM: f64 = 60.0;
/// Closeness reaches 0 this far outside the rate range (per minute).
pub const RATE_TOLERANCE: f64 = 20.0;
/// Closeness reaches 0 this far outside the depth range (mm).
pub const DEPTH_TOLERANCE_MM: f64 = 10.0;
/// The pause for two breaths (s) that counts in full: AHA's limit, under 10
/// seconds [A4]; see [`pause_limit`].
pub const PAUSE_LIMIT_S: f64 = 10.0;
/// A pause's closeness reaches 0 this far beyond what is allowed (s).
pub const PAUSE_TOLERANCE_S: f64 = 10.0;
/// A 30:2 cycle is "held" when it has this many compressions, give or take
/// [`CYCLE_SLACK`].
pub const CYCLE_COMPRESSIONS: usize = 30;
pub const CYCLE_SLACK: usize = 2;
/// A cycle's closeness reaches 0 this many compressions outside 28–32.
pub const CYCLE_TOLERANCE: f64 = 10.0;
/// Grace for starting and for stopping (ms), in the time part.
pub const GRACE_MS: f64 = 2000.0;
pub const W_RATE: f64 = 0.4;
pub const W_DEPTH: f64 = 0.4;
pub const W_PAUSES: f64 = 0.2;
pub const W_CYCLES: f64 = 0.2;
/// Fewer compressions than this: no score.
pub const MIN_COMPRESSIONS: usize = 10;

/// Where a profile's limit for the pause for two breaths comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitSource {
    /// The profile's own guideline gives it (AHA: under 10 s [A4]).
    Own,
    /// The profile's guideline gives no figure (ERC 2025: "minimise"; RCSC:
    /// not verified): the nearest verified guideline's, AHA's, is used.
    Aha,
}

/// The limit (s) for the pause for two breaths under a profile, and where
/// it comes from. Every profile's is [`PAUSE_LIMIT_S`] (the tests check
/// it), so a stored session needs no profile to be scored.
pub fn pause_limit(profile: ProfileId) -> (f64, LimitSource) {
    match profile {
        ProfileId::Aha => (PAUSE_LIMIT_S, LimitSource::Own),
        ProfileId::Erc | ProfileId::Rcsc => (PAUSE_LIMIT_S, LimitSource::Aha),
    }
}

/// Closeness of `x` to the range `[lo, hi]`: 1 inside, linear to 0 at
/// `tolerance` outside.
pub fn closeness(x: f64, lo: f64, hi: f64, tolerance: f64) -> f64 {
    let d = if x < lo {
        lo - x
    } else if x > hi {
        x - hi
    } else {
        0.0
    };
    (1.0 - d / tolerance).clamp(0.0, 1.0)
}

/// Closeness of one interval's rate.
pub fn rate_closeness(rate: f64) -> f64 {
    closeness(rate, RATE_MIN, RATE_MAX, RATE_TOLERANCE)
}

/// Closeness of one compression's depth.
pub fn depth_closeness(depth_mm: f64) -> f64 {
    closeness(depth_mm, DEPTH_MIN_MM, DEPTH_MAX_MM, DEPTH_TOLERANCE_MM)
}

/// Closeness of one pause (s) when `allowed_s` is allowed.
pub fn pause_closeness(pause_s: f64, allowed_s: f64) -> f64 {
    closeness(pause_s, 0.0, allowed_s, PAUSE_TOLERANCE_S)
}

/// Closeness of one 30:2 cycle of `n` compressions (`last`: the session
/// ended in it, so it may be short).
pub fn cycle_closeness(n: usize, last: bool) -> f64 {
    let lo = if last {
        0.0
    } else {
        (CYCLE_COMPRESSIONS - CYCLE_SLACK) as f64
    };
    let hi = (CYCLE_COMPRESSIONS + CYCLE_SLACK) as f64;
    closeness(n as f64, lo, hi, CYCLE_TOLERANCE)
}

/// What a session was set to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// 30 compressions and 2 breaths (true), or continuous compressions.
    pub thirty_two: bool,
    /// How long it was meant to last (ms); 0 when unknown (then the time
    /// part is 1).
    pub planned_ms: f64,
}

impl Plan {
    /// The pause (s) that counts in full: the breaths' limit in 30:2,
    /// nothing in continuous mode.
    pub fn allowed_pause_s(&self) -> f64 {
        if self.thirty_two {
            PAUSE_LIMIT_S
        } else {
            0.0
        }
    }
}

/// The parts of a score, each 0–1, `None` when the session has no such
/// part; `time` always applies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Parts {
    pub rate: Option<f64>,
    pub depth: Option<f64>,
    pub pauses: Option<f64>,
    pub cycles: Option<f64>,
    pub time: f64,
}

/// Why a session has no score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoScore {
    /// Fewer than [`MIN_COMPRESSIONS`] compressions.
    TooFewCompressions,
    /// No two compressions of a cycle, so no rate.
    NoRate,
}

/// A session's score with what it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub parts: Parts,
    /// 0–100, or why there is none.
    pub total: Result<u32, NoScore>,
    /// 30:2: pauses for breaths due, and how many of them never came.
    pub breaths_due: u32,
    pub breaths_missed: u32,
    /// The time covered (ms), as the time part counts it.
    pub covered_ms: f64,
}

fn mean(v: impl Iterator<Item = f64>) -> Option<f64> {
    let (n, s) = v.fold((0usize, 0.0), |(n, s), x| (n + 1, s + x));
    (n > 0).then(|| s / n as f64)
}

/// The score of compressions at `times_ms` (in order) in `cycles` (the
/// cycle of each, from 0, as [`taps::cycles`] or the tap tracker gives
/// them), with `depths_mm` (one per compression, or none for taps), for a
/// session set up as `plan`.
pub fn assess(times_ms: &[f64], cycles: &[u32], depths_mm: &[f64], plan: Plan) -> Assessment {
    let r = taps::rhythm(times_ms, cycles);
    let n = times_ms.len();
    let allowed = plan.allowed_pause_s();
    let rate = mean(
        r.intervals_ms
            .iter()
            .filter(|&&g| g > 0.0)
            .map(|g| rate_closeness(60_000.0 / g)),
    );
    let depth = mean(depths_mm.iter().map(|&d| depth_closeness(d)));
    let per_due = CYCLE_COMPRESSIONS + CYCLE_SLACK;
    let due = if plan.thirty_two && n > 0 {
        ((n - 1) / per_due) as u32
    } else {
        0
    };
    let missed = due.saturating_sub(r.pauses_ms.len() as u32);
    let pauses = mean(
        r.pauses_ms
            .iter()
            .map(|p| pause_closeness(p / 1000.0, allowed))
            .chain(std::iter::repeat_n(0.0, missed as usize)),
    );
    let cycles_part = (plan.thirty_two && n > 0).then(|| {
        let mut sizes = vec![0usize; r.cycles as usize];
        for &c in &cycles[..n.min(cycles.len())] {
            sizes[c as usize] += 1;
        }
        let last = sizes.len().saturating_sub(1);
        let sum: f64 = sizes
            .iter()
            .enumerate()
            .map(|(i, &k)| k as f64 * cycle_closeness(k, i == last))
            .sum();
        sum / n as f64
    });
    let over_ms: f64 = r
        .pauses_ms
        .iter()
        .map(|p| (p - allowed * 1000.0).max(0.0))
        .sum();
    let covered_ms = match (times_ms.first(), times_ms.last()) {
        (Some(&first), Some(&last)) => {
            let end = if plan.planned_ms > 0.0 {
                (last + GRACE_MS).min(plan.planned_ms)
            } else {
                last + GRACE_MS
            };
            (end - (first - GRACE_MS).max(0.0) - over_ms).max(0.0)
        }
        _ => 0.0,
    };
    let time = if plan.planned_ms > 0.0 {
        (covered_ms / plan.planned_ms).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let parts = Parts {
        rate,
        depth,
        pauses,
        cycles: cycles_part,
        time,
    };
    Assessment {
        parts,
        total: total(parts, n),
        breaths_due: due,
        breaths_missed: missed,
        covered_ms,
    }
}

/// The score from its parts; [`NoScore`] with fewer than
/// [`MIN_COMPRESSIONS`] compressions or without a rate part.
pub fn total(parts: Parts, compressions: usize) -> Result<u32, NoScore> {
    if compressions < MIN_COMPRESSIONS {
        return Err(NoScore::TooFewCompressions);
    }
    parts.rate.ok_or(NoScore::NoRate)?;
    let (mut num, mut den) = (0.0, 0.0);
    for (part, w) in [
        (parts.rate, W_RATE),
        (parts.depth, W_DEPTH),
        (parts.pauses, W_PAUSES),
        (parts.cycles, W_CYCLES),
    ] {
        if let Some(p) = part {
            num += w * p;
            den += w;
        }
    }
    Ok((100.0 * parts.time * num / den).round() as u32)
}
