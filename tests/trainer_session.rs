//! Training sessions: session figures, the stored form and the trace files
//! the app exports (the score's golden cases are in `trainer_score.rs`).
#![cfg(not(target_arch = "wasm32"))]

use firstaid::trainer::csv::{parse_motion, parse_taps, write_motion, write_taps, MotionSample};
use firstaid::trainer::session::{
    rate_series, summarize, SessionRecord, Source, TrainerData, MAX_SESSIONS,
};
use firstaid::trainer::taps;
use proptest::prelude::*;

/// Compressions at `rate` per minute in `cycles` cycles of `per_cycle`,
/// `pause_ms` apart, from `start`.
fn schedule(rate: f64, cycles: usize, per_cycle: usize, pause_ms: f64) -> Vec<f64> {
    let period = 60_000.0 / rate;
    let mut out = Vec::new();
    let mut t = 1000.0;
    for _ in 0..cycles {
        for _ in 0..per_cycle {
            out.push(t);
            t += period;
        }
        t += pause_ms - period;
    }
    out
}

#[test]
fn a_tap_session_of_four_30_2_cycles_is_summarised() {
    let taps = schedule(110.0, 4, 30, 5000.0);
    let (comps, _) = taps::analyze(&taps);
    // From 1 s, four cycles of 15.8 s and three 5 s pauses: the last
    // compression at 79.3 s, within the 2 s grace of the planned 80 s.
    let rec = SessionRecord::from_taps(
        1_800_000_000_000,
        Some(110),
        Some(5),
        80_000,
        80_000,
        &taps,
        &comps,
    );
    assert_eq!(rec.cycle_starts, [30, 60, 90]);
    let s = summarize(&rec);
    assert_eq!(s.compressions, 120);
    assert_eq!(s.rhythm.cycles, 4);
    assert_eq!(s.cycles_held, 4);
    assert_eq!(s.rhythm.pauses, 3);
    let rate = s.rhythm.mean_rate.unwrap();
    assert!((rate - 110.0).abs() < 0.2, "{rate}");
    assert_eq!(s.rhythm.in_range, Some(1.0));
    assert_eq!(s.mean_depth_mm, None);
    assert!((s.longest_pause_s.unwrap() - 5.0).abs() < 0.01);
    // 29 intervals of 545 ms per cycle against a 5 s pause.
    let want = (4.0 * 29.0 * 60_000.0 / 110.0) / (4.0 * 29.0 * 60_000.0 / 110.0 + 15_000.0);
    assert!((s.rhythm.compression_fraction.unwrap() - want).abs() < 0.001);
    assert_eq!(s.score, Some(100));
    // The rate chart has a point per compression once there are three in a cycle.
    let series = rate_series(&rec);
    assert_eq!(series.len(), 4 * 28);
    assert!(series.iter().all(|(_, r)| (r - 110.0).abs() < 0.5));
}

#[test]
fn slow_shallow_motion_sessions_score_lower_and_depth_counts() {
    let times = schedule(90.0, 1, 40, 0.0);
    let good: Vec<(f64, f64)> = times.iter().map(|&t| (t, 55.0)).collect();
    let shallow: Vec<(f64, f64)> = times.iter().map(|&t| (t, 40.0)).collect();
    let a = summarize(&SessionRecord::from_motion(1, None, None, 0, 60_000, &good));
    let b = summarize(&SessionRecord::from_motion(
        2, None, None, 0, 60_000, &shallow,
    ));
    assert_eq!(a.depth_in_range, Some(1.0));
    assert_eq!(b.depth_in_range, Some(0.0));
    assert!((a.mean_depth_mm.unwrap() - 55.0).abs() < 1e-9);
    // Rate closeness 0.5 (90/min); depth 1 vs 0.
    assert_eq!(a.score, Some(75));
    assert_eq!(b.score, Some(25));
    assert_eq!(a.rhythm.in_range, Some(0.0));
}

#[test]
fn motion_cycles_split_at_pauses() {
    let at = |times: &[f64]| {
        let c: Vec<(f64, f64)> = times.iter().map(|&t| (t, 55.0)).collect();
        SessionRecord::from_motion(0, None, None, 0, 0, &c).cycle_starts
    };
    assert_eq!(at(&schedule(110.0, 3, 30, 6000.0)), [30, 60]);
    assert!(at(&schedule(110.0, 1, 60, 0.0)).is_empty());
    assert!(at(&[]).is_empty());
    assert!(at(&[5.0]).is_empty());
}

#[test]
fn inferred_taps_are_recorded() {
    let mut taps = schedule(110.0, 1, 20, 0.0);
    taps.remove(10);
    let (comps, summary) = taps::analyze(&taps);
    let rec = SessionRecord::from_taps(0, None, None, 30_000, 30_000, &taps, &comps);
    assert_eq!(rec.inferred, [10]);
    assert_eq!(summarize(&rec).inferred, summary.inferred);
    assert_eq!(rec.taps_ms.len(), 19);
    assert_eq!(rec.times_ms.len(), 20);
}

#[test]
fn stored_sessions_keep_the_latest_and_find_the_best() {
    let mut data = TrainerData::default();
    assert!(data.best().is_none() && data.latest().is_none());
    let mk = |at: i64, depth: f64| {
        let times = schedule(110.0, 1, 20, 0.0);
        let c: Vec<(f64, f64)> = times.iter().map(|&t| (t, depth)).collect();
        SessionRecord::from_motion(at, Some(110), None, 0, 20_000, &c)
    };
    data.add(mk(1, 55.0));
    data.add(mk(2, 40.0));
    assert_eq!(data.latest().unwrap().at_ms, 2);
    assert_eq!(data.best().unwrap().at_ms, 1);
    data.add(mk(3, 55.0));
    assert_eq!(data.best().unwrap().at_ms, 3, "a tie goes to the later one");
    for i in 0..MAX_SESSIONS as i64 {
        data.add(mk(10 + i, 40.0));
    }
    assert_eq!(data.sessions.len(), MAX_SESSIONS);
    assert_eq!(data.sessions[0].at_ms, 10);
    assert!(data.get(10).is_some() && data.get(3).is_none());
    // The stored form round-trips through JSON.
    let json = serde_json::to_string(&data).unwrap();
    assert_eq!(serde_json::from_str::<TrainerData>(&json).unwrap(), data);
    assert_eq!(data.sessions[0].source, Source::Motion);
}

proptest! {
    #[test]
    fn exported_traces_read_back(times in prop::collection::vec(0.0f64..1e7, 0..50),
                                 acc in prop::collection::vec(-80.0f64..80.0, 0..60)) {
        let mut times = times;
        times.sort_by(|a, b| a.total_cmp(b));
        let back = parse_taps(&write_taps(times.iter().copied())).unwrap();
        prop_assert_eq!(back.len(), times.len());
        for (a, b) in back.iter().zip(&times) {
            prop_assert!((a - b).abs() <= 0.0005 + 1e-9);
        }
        let samples: Vec<MotionSample> = acc.chunks_exact(3).enumerate()
            .map(|(i, c)| MotionSample { t_ms: i as f64 * 16.7, a: [c[0], c[1], c[2]] })
            .collect();
        let back = parse_motion(&write_motion(&samples)).unwrap();
        prop_assert_eq!(back.len(), samples.len());
        for (a, b) in back.iter().zip(&samples) {
            for k in 0..3 {
                prop_assert!((a.a[k] - b.a[k]).abs() <= 0.00005 + 1e-9);
            }
        }
    }

    #[test]
    fn summaries_never_panic_and_stay_in_range(gaps in prop::collection::vec(0u32..20_000, 0..200),
                                               depths in prop::collection::vec(0.0f64..120.0, 0..200)) {
        let mut t = 0.0;
        let comps: Vec<(f64, f64)> = gaps.iter().zip(depths.iter().chain(std::iter::repeat(&50.0)))
            .map(|(g, d)| { t += *g as f64; (t, *d) }).collect();
        let s = summarize(&SessionRecord::from_motion(0, None, None, 0, 0, &comps));
        prop_assert_eq!(s.compressions as usize, comps.len());
        if let Some(sc) = s.score { prop_assert!(sc <= 100); }
        for share in [s.rhythm.in_range, s.depth_in_range, s.rhythm.compression_fraction].into_iter().flatten() {
            prop_assert!((0.0..=1.0).contains(&share));
        }
    }
}

#[test]
fn onsets_are_found_across_chunks_and_compared_with_the_grid() {
    use firstaid::trainer::onsets::{grid_error, OnsetDetector};
    // Clicks (a decaying burst) at samples 100, 1100 and 2100.
    let mut audio = vec![0.0f32; 3000];
    for start in [100, 1100, 2100] {
        for k in 0..50 {
            audio[start + k] =
                0.9 * (-(k as f32) / 10.0).exp() * if k % 2 == 0 { 1.0 } else { -1.0 };
        }
    }
    for chunk in [1, 7, 64, 3000] {
        let mut d = OnsetDetector::new(0.5, 200);
        let found: Vec<u64> = audio.chunks(chunk).flat_map(|c| d.feed(c)).collect();
        assert_eq!(found, [100, 1100, 2100], "chunk {chunk}");
    }
    let ideal = [100.4 / 1000.0, 1099.0 / 1000.0, 2100.0 / 1000.0];
    let (max, mean) = grid_error(&[100, 1100, 2100], &ideal, 1000.0).unwrap();
    assert!((max - 1.0).abs() < 1e-9 && (mean - 1.4 / 3.0).abs() < 1e-9);
    assert_eq!(grid_error(&[100, 1100], &ideal, 1000.0), None);
}
