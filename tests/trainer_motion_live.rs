//! The motion trainer's provisional depths (stage 7 of
//! `trainer::motion`): fed sample by sample as the app does, each stroke's
//! depth comes soon after the stroke ends and is close to the truth; the
//! final values are exactly those of the estimator without it.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::trainer::accuracy::{
    estimate, live_latency, live_strokes, quantile, Accuracy, Tally,
};
use firstaid::trainer::motion::{analyze, MotionCompression, MotionTracker, LOOK_S};
use firstaid::trainer::synth::{generate, Trace, TraceSpec};

/// A minute of a kind of trace (short, to keep the suite fast).
fn minute(spec: TraceSpec) -> TraceSpec {
    TraceSpec {
        duration_s: 60.0,
        ..spec
    }
}

/// Hard traces, seeds apart from the benchmark's.
fn hard() -> Vec<Trace> {
    (0..4)
        .map(|i| generate(&minute(TraceSpec::hard()), 700 + i))
        .collect()
}

/// The benchmark's hard traces (`cargo xtask bench --motion`: 20 traces of
/// two minutes, seeds 20 251 000 on).
fn bench_hard() -> Vec<Trace> {
    (0..20)
        .map(|i| generate(&TraceSpec::hard(), 20_251_000 + i))
        .collect()
}

/// The first provisional value of every stroke and the final values, scored.
fn first_and_final(traces: &[Trace]) -> (Accuracy, Accuracy) {
    let (mut first, mut fin) = (Tally::new(), Tally::new());
    for tr in traces {
        let (finals, live) = live_strokes(&tr.samples);
        let est: Vec<_> = live
            .iter()
            .map(|l| (l.first.t_ms, Some(l.first.depth_mm)))
            .collect();
        first.add(&est, &tr.truth);
        fin.add(&estimate(&finals), &tr.truth);
    }
    (first.accuracy(), fin.accuracy())
}

#[test]
fn provisional_depths_on_the_benchmark_hard_traces_are_within_1_5_mm() {
    let (a, f) = first_and_final(&bench_hard());
    assert!(a.truth > 3000, "{a:?}");
    // Nearly every compression gets a provisional value, and no extra ones.
    assert!(a.sensitivity >= 0.995 && a.ppv >= 0.995, "{a:?}");
    assert!(
        a.depth_mean_mm.unwrap() <= 1.5,
        "provisional {a:?}\nfinal {f:?}"
    );
    assert!(
        a.depth_p95_mm.unwrap() <= 4.0,
        "provisional {a:?}\nfinal {f:?}"
    );
}

#[test]
fn provisional_depths_on_other_hard_traces_are_near_the_final_ones() {
    let (a, f) = first_and_final(&hard());
    assert!(a.truth > 300, "{a:?}");
    assert!(a.sensitivity >= 0.99 && a.ppv >= 0.99, "{a:?}");
    // These four minutes are harder than the benchmark's (the final values
    // are 1.6 mm off on average): the provisional ones stay within 0.3 mm
    // of that.
    let (pm, fm) = (a.depth_mean_mm.unwrap(), f.depth_mean_mm.unwrap());
    assert!(
        pm <= fm + 0.3 && pm <= 2.0,
        "provisional {a:?}\nfinal {f:?}"
    );
}

#[test]
fn a_provisional_depth_comes_within_0_6_s_of_the_stroke_end() {
    for tr in hard()
        .into_iter()
        .chain((0..4).map(|i| generate(&TraceSpec::steady(), 20_250_000 + i)))
    {
        let (_, live) = live_strokes(&tr.samples);
        let lat = live_latency(&live, &tr.truth);
        assert!(lat.len() as f64 >= 0.97 * tr.truth.len() as f64);
        let worst = quantile(&lat, 1.0).unwrap();
        assert!(worst <= 600.0, "{worst} ms");
        // Not before the chest is back up (the stroke's end, less the
        // look-ahead and what the solved end can be early by).
        let soonest = lat.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(soonest >= -1000.0 * LOOK_S, "{soonest} ms");
    }
}

#[test]
fn feeding_sample_by_sample_leaves_the_final_values_unchanged() {
    for (spec, seed) in [(TraceSpec::hard(), 731), (TraceSpec::steady(), 732)] {
        let tr = generate(&minute(spec), seed);
        let (finals, _) = live_strokes(&tr.samples);
        assert_eq!(finals, analyze(&tr.samples).0);
    }
}

/// A fingerprint of the final compressions (every bit of every time and
/// depth, FNV-1a).
fn fingerprint(c: &[MotionCompression]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for x in c.iter().flat_map(|c| [c.t_ms, c.depth_mm]) {
        for b in x.to_bits().to_le_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The final values are those of the estimator before provisional depths
/// were added (fingerprints computed with that code, commit aa51e41), but
/// for one fix since: at the end of a run, the top that ends the last
/// stroke already reported is no longer moved (moving it could report
/// that stroke's bottom a second time, out of time order; the property
/// test `any_samples_never_panic` found it). Same compressions, the last
/// of each run a little different.
#[test]
fn final_values_are_those_of_the_estimator_before() {
    let got: Vec<(usize, u64)> = [
        (TraceSpec::steady(), 100u64),
        (TraceSpec::hard(), 200),
        (TraceSpec::hard(), 31),
    ]
    .into_iter()
    .map(|(spec, seed)| {
        let c = analyze(&generate(&minute(spec), seed).samples).0;
        (c.len(), fingerprint(&c))
    })
    .collect();
    println!("{got:?}");
    assert_eq!(got, PINNED);
}

const PINNED: [(usize, u64); 3] = [
    (90, 9_307_908_815_989_468_762),
    (86, 7_926_238_283_351_358_686),
    (69, 2_478_358_882_118_590_872),
];

#[test]
fn the_live_display_shows_the_provisional_value_then_the_final_one() {
    let tr = generate(&minute(TraceSpec::hard()), 741);
    let mut t = MotionTracker::new();
    let (mut saw_provisional, mut saw_final_replace) = (false, false);
    let mut last_shown: Option<(f64, bool)> = None;
    for &s in &tr.samples {
        let finals = t.push(s);
        // Nothing final is ever still pending.
        for f in &finals {
            assert!(t
                .provisional()
                .iter()
                .all(|p| p.t_ms < f.t_ms - 150.0 || p.t_ms > f.t_ms + 150.0));
        }
        let shown = t.latest();
        if let Some((d, provisional)) = shown {
            assert!(d.is_finite() && d >= 5.0);
            saw_provisional |= provisional;
            if matches!(last_shown, Some((_, true))) && !provisional {
                saw_final_replace = true;
            }
        }
        last_shown = shown;
    }
    t.finish();
    assert!(t.provisional().is_empty());
    assert_eq!(
        t.latest(),
        t.compressions().last().map(|c| (c.depth_mm, false))
    );
    assert!(saw_provisional && saw_final_replace);
}

#[test]
fn a_session_that_starts_mid_stroke_shows_no_depth_before_a_final_one() {
    // The trace cut 100 ms before its first bottom: there is no moment at
    // rest to start a provisional depth from, so the display waits for the
    // first final value rather than show a wrong one; later strokes of the
    // run get provisional values from the final tops.
    let tr = generate(&minute(TraceSpec::steady()), 7);
    let cut = tr.truth[0].t_ms - 100.0;
    let mut t = MotionTracker::new();
    let (mut finals, mut provisional_after) = (0, false);
    for &s in tr.samples.iter().filter(|s| s.t_ms >= cut) {
        finals += t.push(s).len();
        match t.latest() {
            None => {}
            Some((_, true)) if finals == 0 => panic!("a provisional depth before any final one"),
            Some((_, true)) => provisional_after = true,
            Some((_, false)) => assert!(finals > 0),
        }
    }
    assert!(finals > 0 && provisional_after);
}
