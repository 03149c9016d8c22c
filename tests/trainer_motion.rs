//! The motion analysis: compressions and depths from generated
//! accelerometer traces with ground truth (steady and hard, either sign
//! convention, dropped events), streaming equal to batch, bad input never
//! panicking; the generator's determinism and truth; the accuracy scoring
//! on hand-made cases; the textbook baseline.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::trainer::accuracy::{self, baseline, estimate, score, Tally};
use firstaid::trainer::csv::write_motion as to_csv;
use firstaid::trainer::csv::{parse_motion, MotionSample};
use firstaid::trainer::motion::{analyze, summarize, MotionCompression, MotionTracker};
use firstaid::trainer::synth::{generate, Trace, TraceSpec, TrueCompression};
use firstaid::trainer::taps;
use proptest::prelude::*;

/// A minute of a kind of trace (short, to keep the suite fast).
fn minute(spec: TraceSpec) -> TraceSpec {
    TraceSpec {
        duration_s: 60.0,
        ..spec
    }
}

fn tally(traces: &[Trace], f: impl Fn(&[MotionSample]) -> Vec<MotionCompression>) -> Tally {
    let mut t = Tally::new();
    for tr in traces {
        t.add(&estimate(&f(&tr.samples)), &tr.truth);
    }
    t
}

fn ours(s: &[MotionSample]) -> Vec<MotionCompression> {
    analyze(s).0
}

#[test]
fn steady_traces_give_every_compression_and_its_depth() {
    let traces: Vec<Trace> = (0..3)
        .map(|i| generate(&minute(TraceSpec::steady()), 100 + i))
        .collect();
    let a = tally(&traces, ours).accuracy();
    assert!(a.truth > 250, "{a:?}");
    assert!(a.sensitivity >= 0.99 && a.ppv >= 0.99, "{a:?}");
    assert!(a.depth_mean_mm.unwrap() <= 1.5, "{a:?}");
    assert!(a.depth_p95_mm.unwrap() <= 4.0, "{a:?}");
    assert!(a.rate_mean_err_per_min.unwrap() <= 0.3, "{a:?}");
}

#[test]
fn hard_traces_stay_within_looser_bounds() {
    let traces: Vec<Trace> = (0..3)
        .map(|i| generate(&minute(TraceSpec::hard()), 200 + i))
        .collect();
    let a = tally(&traces, ours).accuracy();
    assert!(a.sensitivity >= 0.97 && a.ppv >= 0.97, "{a:?}");
    assert!(a.depth_mean_mm.unwrap() <= 3.0, "{a:?}");
    assert!(a.rate_mean_err_per_min.unwrap() <= 0.5, "{a:?}");
}

#[test]
fn the_opposite_sign_convention_gives_the_same_compressions() {
    for (spec, seed) in [(TraceSpec::steady(), 7), (TraceSpec::hard(), 8)] {
        let tr = generate(&minute(spec), seed);
        let flipped: Vec<MotionSample> = tr
            .samples
            .iter()
            .map(|s| MotionSample {
                t_ms: s.t_ms,
                a: s.a.map(|x| -x),
            })
            .collect();
        let (a, b) = (ours(&tr.samples), ours(&flipped));
        assert!(!a.is_empty());
        assert_eq!(a, b);
    }
}

#[test]
fn streaming_gives_the_batch_compressions_within_seconds() {
    let tr = generate(&minute(TraceSpec::hard()), 31);
    let mut tracker = MotionTracker::new();
    let mut streamed = Vec::new();
    for &s in &tr.samples {
        for c in tracker.push(s) {
            // Reported a few strokes after its bottom at most.
            assert!(s.t_ms - c.t_ms < 3000.0, "{} at {}", c.t_ms, s.t_ms);
            streamed.push(c);
        }
    }
    streamed.extend(tracker.finish());
    assert_eq!(streamed, ours(&tr.samples));
    assert_eq!(tracker.compressions(), &streamed[..]);
    // Finishing again adds nothing.
    assert!(tracker.finish().is_empty());
}

#[test]
fn dropped_events_and_a_stalled_sensor_are_survived() {
    let tr = generate(&minute(TraceSpec::steady()), 41);
    // Every seventh event dropped.
    let thinned: Vec<MotionSample> = tr
        .samples
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 7 != 3)
        .map(|(_, s)| *s)
        .collect();
    let a = score(&estimate(&ours(&thinned)), &tr.truth);
    assert!(a.sensitivity >= 0.99 && a.ppv >= 0.99, "{a:?}");
    assert!(a.depth_mean_mm.unwrap() <= 2.0, "{a:?}");
    // The sensor stalls for a second in the middle: what comes before and
    // after is still found, and nothing panics.
    let stalled: Vec<MotionSample> = tr
        .samples
        .iter()
        .filter(|s| !(30_000.0..31_000.0).contains(&s.t_ms))
        .copied()
        .collect();
    let found = ours(&stalled);
    assert!(found.iter().any(|c| c.t_ms < 29_000.0));
    assert!(found.iter().any(|c| c.t_ms > 32_000.0));
    let a = score(&estimate(&found), &tr.truth);
    assert!(a.sensitivity >= 0.9, "{a:?}");
}

#[test]
fn empty_short_and_bad_input_give_nothing_and_do_not_panic() {
    assert!(ours(&[]).is_empty());
    let (c, s) = analyze(&[MotionSample {
        t_ms: 0.0,
        a: [0.0, 0.0, 9.8],
    }]);
    assert!(c.is_empty());
    assert_eq!(s.compressions, 0);
    assert_eq!(s.rhythm.mean_rate, None);
    assert_eq!(s.mean_depth_mm, None);
    // At rest for ten seconds: no compressions.
    let rest: Vec<MotionSample> = (0..1000)
        .map(|i| MotionSample {
            t_ms: i as f64 * 10.0,
            a: [0.3, -0.2, 9.8 + 0.01 * ((i * 7919) % 13) as f64],
        })
        .collect();
    assert!(ours(&rest).is_empty());
    // Non-finite values, time going backwards, repeated times: ignored.
    let mut t = MotionTracker::new();
    for s in [
        MotionSample {
            t_ms: 5.0,
            a: [f64::NAN, 0.0, 9.8],
        },
        MotionSample {
            t_ms: 10.0,
            a: [0.0, 0.0, 9.8],
        },
        MotionSample {
            t_ms: 10.0,
            a: [0.0, 0.0, 1e300],
        },
        MotionSample {
            t_ms: 3.0,
            a: [0.0, 0.0, 9.8],
        },
        MotionSample {
            t_ms: f64::INFINITY,
            a: [0.0, 0.0, 9.8],
        },
    ] {
        assert!(t.push(s).is_empty());
    }
    assert!(t.finish().is_empty());
    // All zeros (no gravity at all).
    let zeros: Vec<MotionSample> = (0..500)
        .map(|i| MotionSample {
            t_ms: i as f64 * 10.0,
            a: [0.0; 3],
        })
        .collect();
    assert!(ours(&zeros).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn any_samples_never_panic(
        raw in prop::collection::vec(
            (0.0f64..40.0, -50.0f64..50.0, -50.0f64..50.0, -50.0f64..50.0),
            0..400,
        )
    ) {
        let mut t = 0.0;
        let samples: Vec<MotionSample> = raw
            .iter()
            .map(|&(dt, x, y, z)| {
                t += dt;
                MotionSample { t_ms: t, a: [x, y, z] }
            })
            .collect();
        let (c, s) = analyze(&samples);
        prop_assert_eq!(s.compressions as usize, c.len());
        for w in c.windows(2) {
            prop_assert!(w[0].t_ms <= w[1].t_ms);
        }
        for x in &c {
            prop_assert!(x.t_ms.is_finite() && x.depth_mm.is_finite());
        }
        let _ = baseline(&samples);
    }
}

#[test]
fn the_summary_counts_cycles_pauses_and_depths() {
    let tr = generate(&minute(TraceSpec::steady()), 51);
    let (c, s) = analyze(&tr.samples);
    // Steady traces are 30:2: one cycle per 30 true compressions (the last
    // may be cut short by the trace's end).
    let runs = tr.truth.len().div_ceil(30) as u32;
    assert_eq!(s.rhythm.cycles, runs, "{s:?}");
    assert_eq!(s.rhythm.pauses, runs - 1);
    assert!(s.rhythm.pause_ms > 3000.0 * f64::from(s.rhythm.pauses));
    let rate = s.rhythm.mean_rate.unwrap();
    assert!((100.0..=120.0).contains(&rate), "{rate}");
    let depth = s.mean_depth_mm.unwrap();
    assert!((48.0..=62.0).contains(&depth), "{depth}");
    let shares = s.depth_in_range.unwrap() + s.too_shallow.unwrap() + s.too_deep.unwrap();
    assert!((shares - 1.0).abs() < 1e-9);
    assert!(s.rhythm.compression_fraction.unwrap() < 0.95);
    // The cycles are the taps' rule applied to the compression times.
    let (cycles, again) = summarize(&c);
    assert_eq!(again, s);
    let times: Vec<f64> = c.iter().map(|c| c.t_ms).collect();
    assert_eq!(cycles, taps::cycles(&times));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["compressions"], c.len());
    assert!(json["mean_rate_per_min"].is_number());
    assert!(json["depth_in_range_share"].is_number());
}

#[test]
fn the_taps_cycle_rule_matches_the_tap_tracker() {
    let mut times = Vec::new();
    let mut t = 0.0;
    for cycle in 0..4 {
        for k in 0..30 {
            times.push(t);
            t += 520.0 + 13.0 * ((k * 7 + cycle) % 5) as f64;
        }
        t += 4000.0;
    }
    let (c, summary) = taps::analyze(&times);
    let cycles: Vec<u32> = c.iter().map(|c| c.cycle).collect();
    assert_eq!(taps::cycles(&times), cycles);
    let r = taps::rhythm(&times, &cycles);
    assert_eq!(r.cycles, summary.rhythm.cycles);
    assert_eq!(r.pauses, 3);
    assert_eq!(r.mean_rate, summary.rhythm.mean_rate);
    assert_eq!(r.compression_fraction, summary.rhythm.compression_fraction);
}

#[test]
fn a_trace_is_a_function_of_spec_and_seed() {
    let spec = minute(TraceSpec::hard());
    let (a, b) = (generate(&spec, 9), generate(&spec, 9));
    assert_eq!(a, b);
    assert_ne!(a.samples, generate(&spec, 10).samples);
    assert_ne!(generate(&minute(TraceSpec::steady()), 9).samples, a.samples);
}

#[test]
fn generated_truth_and_samples_are_sane() {
    let mut negated = [false, false];
    for (spec, seed) in (0..6).flat_map(|i| {
        [
            (minute(TraceSpec::steady()), 300 + i),
            (minute(TraceSpec::hard()), 400 + i),
        ]
    }) {
        let tr = generate(&spec, seed);
        negated[usize::from(tr.negated)] = true;
        assert!(spec.sample_hz.contains(&tr.sample_hz));
        // Events in time order, about as many as the rate says.
        assert!(tr.samples.windows(2).all(|w| w[0].t_ms < w[1].t_ms));
        let expected = spec.duration_s * tr.sample_hz;
        let n = tr.samples.len() as f64;
        assert!(
            n > 0.9 * expected && n <= expected + 2.0,
            "{n} of {expected}"
        );
        // Gravity, on average, whatever the tilt and sign.
        let mean = [0, 1, 2].map(|i| tr.samples.iter().map(|s| s.a[i]).sum::<f64>() / n);
        let g = mean.iter().map(|x| x * x).sum::<f64>().sqrt();
        assert!((g - 9.81).abs() < 0.5, "{g}");
        // The truth: in order, at a plausible rate, within the limits.
        assert!(tr.truth.len() > 60);
        let (lo, hi) = spec.depth_limits_mm;
        for c in &tr.truth {
            assert!((lo..=hi).contains(&c.depth_mm), "{c:?}");
            assert!((0.0..=spec.lean_max_mm).contains(&c.lean_mm), "{c:?}");
            assert!(c.t_ms > 0.0 && c.t_ms < spec.duration_s * 1000.0);
        }
        for w in tr.truth.windows(2) {
            let gap = w[1].t_ms - w[0].t_ms;
            assert!(gap > 60_000.0 / 140.0, "{gap}");
        }
        if spec.lean_chance == 0.0 {
            assert!(tr.truth.iter().all(|c| c.lean_mm == 0.0));
        }
    }
    assert_eq!(negated, [true, true], "both sign conventions occur");
}

#[test]
fn csv_of_a_trace_parses_back_to_the_same_samples() {
    let tr = generate(&minute(TraceSpec::hard()), 61);
    let text = to_csv(&tr.samples);
    assert!(text.starts_with("t_ms,ax,ay,az\n"));
    assert_eq!(parse_motion(&text).unwrap(), tr.samples);
}

fn truth(times: &[f64]) -> Vec<TrueCompression> {
    times
        .iter()
        .map(|&t| TrueCompression {
            t_ms: t,
            depth_mm: 50.0,
            lean_mm: 0.0,
            end_ms: t + 300.0,
        })
        .collect()
}

#[test]
fn scoring_matches_within_200_ms_each_compression_once() {
    let t = truth(&[1000.0, 1300.0, 2000.0]);
    // 1150 and 1180 are both within 200 ms of 1000 and 1300: 1000 takes
    // the nearer (1150, depth 52: error 2), 1300 the other (1180, depth 47:
    // error 3); 2201 is 201 ms off 2000 and matches nothing.
    let est = [(1150.0, Some(52.0)), (1180.0, Some(47.0)), (2201.0, None)];
    let a = score(&est, &t);
    assert_eq!((a.truth, a.estimated, a.matched), (3, 3, 2));
    assert!((a.sensitivity - 2.0 / 3.0).abs() < 1e-12);
    assert!((a.ppv - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(a.depth_mean_mm, Some(2.5));
    assert_eq!(a.depth_p95_mm, Some(3.0));
    assert_eq!(a.depth_bias_mm, Some(-0.5));
    // One estimate between two true compressions is used once.
    let a = score(&[(1150.0, None)], &truth(&[1000.0, 1300.0]));
    assert_eq!((a.matched, a.sensitivity, a.ppv), (1, 0.5, 1.0));
    // A match without a depth counts for timing, not depth.
    let a = score(&[(1000.0, None)], &t);
    assert_eq!(a.matched, 1);
    assert_eq!(a.depth_mean_mm, None);
    // Nothing at all.
    let a = score(&[], &[]);
    assert_eq!((a.sensitivity, a.ppv), (1.0, 1.0));
    assert_eq!(a.rate_mean_err_per_min, None);
}

#[test]
fn rate_error_uses_six_matched_compressions_with_gaps_of_a_quarter_to_one_second() {
    let times: Vec<f64> = (0..8).map(|i| f64::from(i) * 500.0).collect();
    let t = truth(&times);
    // Estimates 10 ms late except the sixth, 20 ms late.
    let est: Vec<(f64, Option<f64>)> = times
        .iter()
        .enumerate()
        .map(|(i, &x)| (x + if i == 5 { 20.0 } else { 10.0 }, None))
        .collect();
    let a = score(&est, &t);
    // Windows ending at 5, 6, 7: the first spans 2510 ms (119.52/min
    // against 120), the others (from 1 to 6, 2 to 7) 2500 ms, exact.
    assert_eq!(a.rate_windows, 3);
    let expected = (120.0 - 300_000.0 / 2510.0) / 3.0;
    assert!((a.rate_mean_err_per_min.unwrap() - expected).abs() < 1e-9);
    // A gap longer than a second (a pause, after the sixth) leaves out the
    // windows across it: only the one before it is left.
    let mut times2 = times.clone();
    for x in times2.iter_mut().skip(6) {
        *x += 1000.0;
    }
    let a = score(
        &times2.iter().map(|&x| (x, None)).collect::<Vec<_>>(),
        &truth(&times2),
    );
    assert_eq!(a.rate_windows, 1);
    // An unmatched compression inside a window leaves it out too.
    let mut est3: Vec<(f64, Option<f64>)> = times.iter().map(|&x| (x, None)).collect();
    est3.remove(3);
    assert_eq!(score(&est3, &t).rate_windows, 0);
}

#[test]
fn the_fft_inverts_and_the_baseline_finds_compressions() {
    let mut re: Vec<f64> = (0..64).map(|i| ((i * 37) % 11) as f64 - 5.0).collect();
    let orig = re.clone();
    let mut im = vec![0.0; 64];
    accuracy::fft(&mut re, &mut im, false);
    // Bin 0 is the sum.
    assert!((re[0] - orig.iter().sum::<f64>()).abs() < 1e-9);
    accuracy::fft(&mut re, &mut im, true);
    for (a, b) in re.iter().zip(&orig) {
        assert!((a / 64.0 - b).abs() < 1e-9);
    }
    let tr = generate(&minute(TraceSpec::steady()), 71);
    let a = score(&estimate(&baseline(&tr.samples)), &tr.truth);
    assert!(a.sensitivity >= 0.95, "{a:?}");
    assert!(a.depth_mean_mm.unwrap() < 10.0, "{a:?}");
    assert!(baseline(&[]).is_empty());
}
