//! The trainer's score (issue #17): golden sessions with their scores
//! derived by hand from the published formula (`firstaid::trainer::score`),
//! the rules that keep it from praising wrong practice, and the scoring
//! page's worked examples.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::profile::ProfileId;
use firstaid::trainer::examples::Case;
use firstaid::trainer::score::{
    self, assess, closeness, cycle_closeness, pause_closeness, LimitSource, NoScore, Parts, Plan,
    PAUSE_LIMIT_S,
};
use firstaid::trainer::session::{summarize, SessionRecord, SessionSummary};
use firstaid::trainer::taps;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Taps 550 ms apart (109.09 a minute: every interval in range) from
/// 0.5 s, before `end_ms`. `cycles` gives the number of compressions of
/// each cycle in turn (the last repeats), each cycle followed by a 6 s gap
/// to the next compression; an empty `cycles` taps straight on.
fn tapping(cycles: &[usize], end_ms: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let (mut t, mut in_cycle, mut k) = (500.0, 0, 0);
    while t < end_ms {
        out.push(t);
        in_cycle += 1;
        let size = cycles.get(k).or(cycles.last()).copied();
        if size == Some(in_cycle) {
            t += 6000.0;
            in_cycle = 0;
            k += 1;
        } else {
            t += 550.0;
        }
    }
    out
}

/// A tap session as the app stores and scores it.
fn session(taps: &[f64], thirty_two: bool, planned_ms: u32, ended_ms: u32) -> SessionSummary {
    let (comps, _) = taps::analyze(taps);
    let pause = thirty_two.then_some(5);
    summarize(&SessionRecord::from_taps(
        0,
        Some(110),
        pause,
        planned_ms,
        ended_ms,
        taps,
        &comps,
    ))
}

fn assert_parts(s: &SessionSummary, want: (Option<f64>, Option<f64>, Option<f64>, f64)) {
    let p = s.parts;
    let eq = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-6,
        (a, b) => a == b,
    };
    assert!(eq(p.rate, want.0), "rate {:?}", p.rate);
    assert!(eq(p.pauses, want.1), "pauses {:?}", p.pauses);
    assert!(eq(p.cycles, want.2), "cycles {:?}", p.cycles);
    assert!((p.time - want.3).abs() < 1e-6, "time {}", p.time);
    assert_eq!(p.depth, None, "taps have no depth");
}

#[test]
fn golden_a_21_second_stop_of_a_2_minute_30_2_session_tapped_through_the_breaths() {
    // What the user did: 30:2 planned for 2 minutes, tapped straight on at
    // 109/min and finished after 21 s. Taps at 0.5 s + k × 0.55 s below
    // 21 s: k = 0..=37, 38 compressions, the last at 20.85 s.
    let taps = tapping(&[], 21_000.0);
    assert_eq!(taps.len(), 38);
    let s = session(&taps, true, 120_000, 21_000);
    // Rate: every interval 109/min, in range: 1.
    // Pauses: due ⌊(38 − 1) / 32⌋ = 1, made 0, so one missed pause: 0.
    // Cycles: one cycle of 38, the last (no lower bound): 1 − (38 − 32)/10
    // = 0.4 for each of its 38 compressions: 0.4.
    // Time: covered min(120, 20.85 + 2) − max(0, 0.5 − 2) = 22.85 s of
    // 120 s = 0.1904167.
    assert_parts(&s, (Some(1.0), Some(0.0), Some(0.4), 22.85 / 120.0));
    assert_eq!(
        (s.assessment.breaths_due, s.assessment.breaths_missed),
        (1, 1)
    );
    // (0.4 × 1 + 0.2 × 0 + 0.2 × 0.4) / 0.8 = 0.6; × 0.1904167 = 0.11425.
    assert_eq!(s.score, Some(11));
    assert_eq!(s.cycles_held, 0);
    // The old formula (rate only, no time, no breaths) gave this session
    // 100: the rate part alone is still perfect.
    assert_eq!(s.parts.rate, Some(1.0));
}

#[test]
fn golden_b_40_compressions_straight_through_the_breath_pause() {
    // A 2-minute 30:2 session at 109/min with 6 s pauses, except that the
    // first cycle runs on through the breaths to 40. Cycles 40, 30, 30,
    // 30, 30 and the last one cut by the end: it starts at 0.5 + 39 × 0.55
    // + 6 + 4 × (29 × 0.55 + 6) = 115.75 s and has 8 compressions before
    // 120 s (the last at 119.6 s). 168 compressions.
    let taps = tapping(&[40, 30], 120_000.0);
    assert_eq!(taps.len(), 168);
    let s = session(&taps, true, 120_000, 120_000);
    // Pauses: five of 6 s (each ≤ 10 s: 1); due ⌊167 / 32⌋ = 5, none
    // missed: 1.
    // Cycles: the 40 is not the last: 1 − (40 − 32)/10 = 0.2; the others
    // 1. Per compression: (40 × 0.2 + 4 × 30 + 8) / 168 = 136/168.
    // Time: min(120, 119.6 + 2) − 0 = 120 s: 1.
    assert_parts(&s, (Some(1.0), Some(1.0), Some(136.0 / 168.0), 1.0));
    // (0.4 + 0.2 + 0.2 × 136/168) / 0.8 = 0.952381: 95.
    assert_eq!(s.score, Some(95));
    assert_eq!(s.cycles_held, 4);
}

#[test]
fn golden_c_a_good_30_2_session() {
    // Cycles of 30 at 109/min with 6 s pauses: each cycle takes 29 × 0.55
    // + 6 = 21.95 s; the sixth starts at 0.5 + 5 × 21.95 = 110.25 s and
    // has 18 compressions before 120 s (the last at 119.6 s). 168
    // compressions, 5 pauses.
    let taps = tapping(&[30], 120_000.0);
    assert_eq!(taps.len(), 168);
    let s = session(&taps, true, 120_000, 120_000);
    // Rate 1; pauses 6 s ≤ 10 s, 5 made of ⌊167 / 32⌋ = 5 due: 1; cycles
    // of 30 and the last of 18 (cut by the end): 1; time 1.
    assert_parts(&s, (Some(1.0), Some(1.0), Some(1.0), 1.0));
    assert_eq!(s.score, Some(100));
    assert_eq!(s.cycles_held, 5);
}

#[test]
fn golden_d_a_good_continuous_session() {
    // Compressions only, 109/min for 2 minutes: 218 compressions, the last
    // at 0.5 + 217 × 0.55 = 119.85 s.
    let taps = tapping(&[], 120_000.0);
    assert_eq!(taps.len(), 218);
    let s = session(&taps, false, 120_000, 120_000);
    // Rate 1; no pauses and no cycles in continuous mode; time
    // min(120, 121.85) / 120 = 1.
    assert_parts(&s, (Some(1.0), None, None, 1.0));
    assert_eq!(s.score, Some(100));
}

#[test]
fn the_scoring_page_examples_are_the_golden_sessions() {
    let got: Vec<(Case, Option<u32>)> = Case::ALL.iter().map(|&c| (c, c.summary().score)).collect();
    assert_eq!(
        got,
        [
            (Case::GoodThirtyTwo, Some(100)),
            (Case::ThroughBreaths, Some(95)),
            (Case::StoppedEarly, Some(11)),
            (Case::GoodContinuous, Some(100)),
        ]
    );
    assert_eq!(Case::StoppedEarly.taps(), tapping(&[], 21_000.0));
    assert_eq!(Case::ThroughBreaths.taps(), tapping(&[40, 30], 120_000.0));
}

#[test]
fn stopping_early_scales_the_score_by_the_time_planned() {
    // A good continuous minute, planned as one minute or as two.
    let taps = tapping(&[], 60_000.0);
    assert_eq!(session(&taps, false, 60_000, 60_000).score, Some(100));
    // The last compression at 59.9 s, + 2 s grace = 61.9 s of 120.
    let half = session(&taps, false, 120_000, 60_000);
    assert!(close(half.parts.time, 61.9 / 120.0));
    assert_eq!(half.score, Some(52));
    // Waiting before the first compression does not count either: the
    // same taps starting 30 s late, in a 90 s plan.
    let late: Vec<f64> = taps.iter().map(|t| t + 30_000.0).collect();
    let s = session(&late, false, 90_000, 90_000);
    // min(90, 89.9 + 2) − (30.5 − 2) = 61.5 s of 90.
    assert!(close(s.parts.time, 61.5 / 90.0));
    // Stored before schema 9 (no planned time): scored as if complete.
    let (comps, _) = taps::analyze(&taps);
    let mut old = SessionRecord::from_taps(0, None, None, 0, 60_000, &taps, &comps);
    old.planned_ms = None;
    assert_eq!(summarize(&old).score, Some(100));
}

#[test]
fn pauses_count_against_what_the_mode_allows() {
    // 30:2 pauses of 6 s are fine, of 15 s half (and 5 s of each is lost
    // from the time); continuous mode allows none.
    assert!(close(pause_closeness(6.0, PAUSE_LIMIT_S), 1.0));
    assert!(close(pause_closeness(15.0, PAUSE_LIMIT_S), 0.5));
    assert!(close(pause_closeness(25.0, PAUSE_LIMIT_S), 0.0));
    assert!(close(pause_closeness(6.0, 0.0), 0.4));
    let plan = |thirty_two| Plan {
        thirty_two,
        planned_ms: 60_000.0,
    };
    // Two cycles of 30, 550 ms apart, with a 15 s gap between them.
    let mut times: Vec<f64> = (0..30).map(|i| 500.0 + 550.0 * i as f64).collect();
    let second = times[29] + 15_000.0;
    times.extend((0..30).map(|i| second + 550.0 * i as f64));
    let cycles: Vec<u32> = (0..60).map(|i| (i / 30) as u32).collect();
    let a = assess(&times, &cycles, &[], plan(true));
    assert!(close(a.parts.pauses.unwrap(), 0.5));
    // Covered: 0.5 + 2 × 15.95 + 15 + 2 = 49.4 s (from 0), less the 5 s
    // beyond 10: 44.4 s of 60.
    assert!(close(a.covered_ms, 44_400.0));
    // (0.4 + 0.2 × 0.5 + 0.2) / 0.8 × 44.4/60 = 0.6475: 65.
    assert_eq!(a.total, Ok(65));
    let c = assess(&times, &cycles, &[], plan(false));
    assert!(close(c.parts.pauses.unwrap(), 0.0));
    assert_eq!(c.parts.cycles, None);
    // The whole 15 s is lost: 34.4 s of 60; (0.4 + 0) / 0.6 × 0.5733 = 38.
    assert!(close(c.covered_ms, 34_400.0));
    assert_eq!(c.total, Ok(38));
}

#[test]
fn a_whole_session_without_the_breaths_cannot_score_well_in_30_2() {
    let taps = tapping(&[], 120_000.0);
    let s = session(&taps, true, 120_000, 120_000);
    // 218 compressions: ⌊217 / 32⌋ = 6 pauses due, none made: pauses 0;
    // one cycle of 218: cycles 0; rate 1: 0.4 / 0.8 = 50.
    assert_eq!(s.assessment.breaths_missed, 6);
    assert_eq!(s.score, Some(50));
    // A cycle of 20 (too few) between good ones counts against it too.
    assert!(close(cycle_closeness(20, false), 0.2));
    assert!(close(cycle_closeness(20, true), 1.0));
    assert!(close(cycle_closeness(42, true), 0.0));
    assert!(close(cycle_closeness(29, false), 1.0));
}

#[test]
fn sessions_without_a_score_say_why() {
    let nine = tapping(&[], 5_000.0);
    assert_eq!(nine.len(), 9);
    let s = session(&nine, false, 60_000, 5_000);
    assert_eq!(
        (s.score, s.no_score),
        (None, Some(NoScore::TooFewCompressions))
    );
    // Twelve taps 3 s apart: every gap a pause, no rate.
    let apart: Vec<f64> = (0..12).map(|i| 3000.0 * i as f64).collect();
    let s = session(&apart, false, 60_000, 60_000);
    assert_eq!((s.score, s.no_score), (None, Some(NoScore::NoRate)));
    assert_eq!(
        serde_json::to_value(NoScore::TooFewCompressions).unwrap(),
        "too_few_compressions"
    );
}

#[test]
fn the_parts_combine_by_their_weights() {
    let parts = |rate, depth, pauses, cycles, time| Parts {
        rate,
        depth,
        pauses,
        cycles,
        time,
    };
    assert!(close(
        score::W_RATE + score::W_DEPTH + score::W_PAUSES + score::W_CYCLES,
        1.2
    ));
    let all = parts(Some(1.0), Some(1.0), Some(1.0), Some(1.0), 1.0);
    assert_eq!(score::total(all, 100), Ok(100));
    // Depth 0.5 with rate 1 (a motion session in continuous mode):
    // (0.4 + 0.2) / 0.8.
    let half_depth = parts(Some(1.0), Some(0.5), None, None, 1.0);
    assert_eq!(score::total(half_depth, 100), Ok(75));
    // The time part multiplies: 75 × 0.4.
    let part_time = parts(Some(1.0), Some(0.5), None, None, 0.4);
    assert_eq!(score::total(part_time, 100), Ok(30));
    assert_eq!(score::total(all, 9), Err(NoScore::TooFewCompressions));
}

#[test]
fn closeness_is_one_inside_and_falls_linearly_outside() {
    // (x, lo, hi, tolerance, expected)
    let cases = [
        (110.0, 100.0, 120.0, 20.0, 1.0),
        (100.0, 100.0, 120.0, 20.0, 1.0),
        (120.0, 100.0, 120.0, 20.0, 1.0),
        (90.0, 100.0, 120.0, 20.0, 0.5),
        (130.0, 100.0, 120.0, 20.0, 0.5),
        (80.0, 100.0, 120.0, 20.0, 0.0),
        (60.0, 100.0, 120.0, 20.0, 0.0),
        (45.0, 50.0, 60.0, 10.0, 0.5),
        (62.5, 50.0, 60.0, 10.0, 0.75),
    ];
    for (x, lo, hi, tol, want) in cases {
        assert!(close(closeness(x, lo, hi, tol), want), "{x} in {lo}–{hi}");
    }
}

#[test]
fn every_profile_limits_the_breaths_pause_to_the_scored_limit() {
    // Stored sessions do not keep the profile: every profile's limit must
    // be the one the score uses (a profile with its own figure would need
    // the profile stored with the session).
    for p in ProfileId::ALL {
        assert_eq!(score::pause_limit(p).0, PAUSE_LIMIT_S, "{p:?}");
    }
    assert_eq!(score::pause_limit(ProfileId::Aha).1, LimitSource::Own);
    assert_eq!(score::pause_limit(ProfileId::Erc).1, LimitSource::Aha);
    assert_eq!(score::pause_limit(ProfileId::Rcsc).1, LimitSource::Aha);
}
