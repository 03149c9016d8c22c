//! The compression trainer's pure core: the metronome's timing (exact over
//! an hour, windows of a look-ahead scheduler never lose or repeat an
//! event) and the analysis of taps (debounce, missed taps, pauses, rate and
//! prompts, session figures).
#![cfg(not(target_arch = "wasm32"))]

use firstaid::trainer::metronome::{Cue, Metronome, Mode, SettingError};
use firstaid::trainer::taps::{analyze, prompt_for, Prompt, TapTracker};
use proptest::prelude::*;

const THIRTY_TWO: Mode = Mode::ThirtyTwo { pause_s: 5.0 };

#[test]
fn settings_outside_the_guideline_range_are_refused() {
    assert_eq!(
        Metronome::new(99, Mode::Continuous, 0.0),
        Err(SettingError::Bpm(99))
    );
    assert_eq!(
        Metronome::new(121, Mode::Continuous, 0.0),
        Err(SettingError::Bpm(121))
    );
    assert_eq!(
        Metronome::new(110, Mode::ThirtyTwo { pause_s: 10.0 }, 0.0),
        Err(SettingError::Pause(10.0))
    );
    for bpm in [100, 110, 120] {
        assert!(Metronome::new(bpm, THIRTY_TWO, 0.0).is_ok());
    }
}

/// Beat n's exact time in nanoseconds, by integer arithmetic.
fn exact_ns(start_ns: i128, bpm: i128, n: i128) -> f64 {
    (start_ns as f64 + (n * 60_000_000_000) as f64 / bpm as f64) / 1e9
}

#[test]
fn an_hour_of_beats_does_not_drift() {
    for bpm in [100u32, 110, 117, 120] {
        let m = Metronome::new(bpm, Mode::Continuous, 12.5).unwrap();
        // An hour and a half of beats.
        let n_max = u64::from(bpm) * 90;
        for n in (0..=n_max).step_by(7).chain([n_max]) {
            let exact = exact_ns(12_500_000_000, i128::from(bpm), i128::from(n));
            let err = (m.beat_time(n) - exact).abs();
            // Far below one sample at 48 kHz (20.8 µs).
            assert!(err < 1e-9, "bpm {bpm} beat {n}: off by {err} s");
        }
    }
    // Adding periods up, the naive way, drifts measurably over the same hour.
    let m = Metronome::new(110, Mode::Continuous, 0.0).unwrap();
    let mut naive = 0.0f64;
    let period = (60.0f32 / 110.0) as f64; // a period kept in single precision
    for _ in 0..9900 {
        naive += period;
    }
    assert!((naive - m.beat_time(9900)).abs() > 1e-6);
}

#[test]
fn thirty_two_leaves_a_pause_for_two_breaths_after_every_thirty() {
    let m = Metronome::new(120, THIRTY_TWO, 0.0).unwrap();
    assert_eq!(m.period(), 0.5);
    assert_eq!(m.beat_time(0), 0.0);
    assert_eq!(m.beat_time(29), 14.5);
    // The next cycle starts one period plus the pause after the 30th.
    assert_eq!(m.beat_time(30), 14.5 + 0.5 + 5.0);
    assert_eq!(m.beat_time(31), 20.5);
    assert_eq!(m.count(0), 1);
    assert_eq!(m.count(29), 30);
    assert_eq!(m.count(30), 1);
    let events = m.events_between(14.0, 20.1);
    let cues: Vec<(f64, Cue)> = events.iter().map(|e| (e.time, e.cue)).collect();
    assert_eq!(
        cues,
        [
            (14.0, Cue::Compression { count: 29 }),
            (14.5, Cue::Compression { count: 30 }),
            (15.0, Cue::Breath { number: 1 }),
            (17.5, Cue::Breath { number: 2 }),
            (20.0, Cue::Compression { count: 1 }),
        ]
    );
    // Continuous mode counts to 30 and starts again, without pauses.
    let c = Metronome::new(120, Mode::Continuous, 0.0).unwrap();
    assert_eq!(c.beat_time(30), 15.0);
    assert!(c
        .events_between(0.0, 60.0)
        .iter()
        .all(|e| matches!(e.cue, Cue::Compression { .. })));
}

fn all_events(m: &Metronome, until: f64) -> Vec<(u64, Cue)> {
    m.events_between(-1.0, until)
        .iter()
        .map(|e| ((e.time * 1e9).round() as u64, e.cue))
        .collect()
}

proptest! {
    /// A look-ahead scheduler asks for consecutive windows of any sizes:
    /// together they give every event exactly once, in order.
    #[test]
    fn consecutive_windows_give_every_event_once(
        bpm in 100u32..=120,
        pause in 3.0f64..=9.0,
        continuous in any::<bool>(),
        start in 0.0f64..100.0,
        steps in proptest::collection::vec(0.001f64..3.0, 1..200),
    ) {
        let mode = if continuous { Mode::Continuous } else { Mode::ThirtyTwo { pause_s: pause } };
        let m = Metronome::new(bpm, mode, start).unwrap();
        let mut from = start - 0.5;
        let mut got = Vec::new();
        for s in &steps {
            let until = from + s;
            for e in m.events_between(from, until) {
                prop_assert!(e.time >= from && e.time < until);
                got.push(((e.time * 1e9).round() as u64, e.cue));
            }
            from = until;
        }
        let want: Vec<_> = all_events(&m, from).into_iter().filter(|e| e.0 as f64 >= ((start - 0.5) * 1e9).round()).collect();
        prop_assert_eq!(got, want);
    }
}

#[test]
fn steady_taps_give_the_rate_and_a_good_prompt() {
    let mut t = TapTracker::new();
    let period = 60_000.0 / 110.0;
    let mut live = t.tap(1000.0);
    assert_eq!(live.rate, None, "no rate from one tap");
    for i in 1..10 {
        live = t.tap(1000.0 + i as f64 * period);
    }
    let rate = live.rate.unwrap();
    assert!((rate - 110.0).abs() < 1e-9, "{rate}");
    assert_eq!(live.prompt, Some(Prompt::Good));
    assert_eq!((live.in_cycle, live.total), (10, 10));
}

#[test]
fn prompts_follow_the_guideline_range() {
    for (rate, want) in [
        (80.0, Prompt::Faster),
        (99.9, Prompt::Faster),
        (100.0, Prompt::Good),
        (120.0, Prompt::Good),
        (120.1, Prompt::Slower),
        (150.0, Prompt::Slower),
    ] {
        assert_eq!(prompt_for(rate), want, "{rate}");
    }
    // The live prompt reacts to the last five compressions only.
    let mut t = TapTracker::new();
    let mut at = 0.0;
    for _ in 0..10 {
        at += 500.0; // 120/min
        t.tap(at);
    }
    for _ in 0..4 {
        at += 700.0; // about 86/min
        t.tap(at);
    }
    let live = t.live();
    assert_eq!(live.prompt, Some(Prompt::Faster), "{live:?}");
}

#[test]
fn a_double_tap_counts_once() {
    let taps = [0.0, 545.0, 600.0, 1090.0, 1140.0, 1636.0, 2181.0];
    let (c, s) = analyze(&taps);
    assert_eq!(s.compressions, 5, "{c:?}");
    assert_eq!(s.inferred, 0);
}

#[test]
fn a_missed_tap_is_inferred_once_the_rhythm_is_known() {
    let p = 545.0;
    let mut taps: Vec<f64> = (0..6).map(|i| i as f64 * p).collect();
    // Tap 6 is missed.
    taps.extend((7..12).map(|i| i as f64 * p));
    let (c, s) = analyze(&taps);
    assert_eq!((s.compressions, s.inferred), (12, 1));
    let inferred = c.iter().find(|x| x.inferred).unwrap();
    assert!((inferred.t_ms - 6.0 * p).abs() < 1e-9);
    assert_eq!(s.rhythm.cycles, 1);
    // Before the rhythm is known (three intervals), a long gap is not guessed.
    let (_, s) = analyze(&[0.0, 545.0, 1635.0]);
    assert_eq!((s.compressions, s.inferred), (3, 0));
}

#[test]
fn pauses_split_cycles_and_count_against_the_compression_fraction() {
    // Two cycles of 30 at 120/min with a 5-second pause between them.
    let mut taps: Vec<f64> = (0..30).map(|i| i as f64 * 500.0).collect();
    let second = 14_500.0 + 5_500.0;
    taps.extend((0..30).map(|i| second + i as f64 * 500.0));
    let (c, s) = analyze(&taps);
    assert_eq!(s.compressions, 60);
    assert_eq!((s.rhythm.cycles, s.rhythm.pauses), (2, 1));
    assert_eq!(s.rhythm.pause_ms, 5_500.0);
    assert_eq!(c[30].cycle, 1);
    assert!((s.rhythm.mean_rate.unwrap() - 120.0).abs() < 1e-9);
    assert_eq!(s.rhythm.in_range, Some(1.0));
    let span = second + 29.0 * 500.0;
    assert!((s.rhythm.compression_fraction.unwrap() - (span - 5_500.0) / span).abs() < 1e-12);
    // The live rate starts again after a pause.
    let mut t = TapTracker::new();
    for &x in &taps[..31] {
        t.tap(x);
    }
    assert_eq!(t.live().rate, None);
    assert_eq!(t.live().in_cycle, 1);
}

#[test]
fn nothing_to_analyse_gives_empty_figures() {
    let (c, s) = analyze(&[]);
    assert!(c.is_empty());
    assert_eq!(
        (
            s.compressions,
            s.rhythm.mean_rate,
            s.rhythm.in_range,
            s.rhythm.cycles,
            s.rhythm.compression_fraction
        ),
        (0, None, None, 0, None)
    );
    let (_, s) = analyze(&[100.0]);
    assert_eq!(
        (
            s.compressions,
            s.rhythm.cycles,
            s.rhythm.compression_fraction
        ),
        (1, 1, None)
    );
}

proptest! {
    #[test]
    fn tap_analysis_never_panics_and_stays_in_bounds(
        gaps in proptest::collection::vec(0.0f64..5000.0, 0..300),
    ) {
        let mut t = 0.0;
        let taps: Vec<f64> = gaps.iter().map(|g| { t += g; t }).collect();
        let (c, s) = analyze(&taps);
        prop_assert!(c.windows(2).all(|w| w[1].t_ms >= w[0].t_ms));
        prop_assert!(s.compressions as usize <= 2 * taps.len());
        if let Some(f) = s.rhythm.in_range { prop_assert!((0.0..=1.0).contains(&f)); }
        if let Some(f) = s.rhythm.compression_fraction { prop_assert!((0.0..=1.0 + 1e-12).contains(&f)); }
    }
}

mod csv {
    use firstaid::trainer::csv::{parse_motion, parse_taps, CsvError};
    use proptest::prelude::*;

    #[test]
    fn good_files_parse() {
        assert_eq!(
            parse_taps("\u{feff}t_ms\r\n0\r\n545.5\n\n 1090 \n").unwrap(),
            [0.0, 545.5, 1090.0]
        );
        assert_eq!(parse_taps("t_ms\n").unwrap(), Vec::<f64>::new());
        let m = parse_motion("t_ms, ax, ay, az\n0,0.1,-9.8,0.2\n10.5,0,9.81,-1e-3\n").unwrap();
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].t_ms, 10.5);
        assert_eq!(m[1].a, [0.0, 9.81, -0.001]);
    }

    #[test]
    fn malformed_files_name_the_line_and_what_was_expected() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 0, "the file is empty"),
            ("time\n1\n", 1, "expected the header `t_ms`"),
            ("t_ms\n1\nabc\n", 3, "`abc` is not a number"),
            ("t_ms\n1\n0.5\n", 3, "earlier than the line before"),
            ("t_ms\n-1\n", 2, "negative"),
            ("t_ms\nNaN\n", 2, "not a finite number"),
            ("t_ms\n1,2\n", 2, "expected one field"),
        ];
        for (text, line, what) in cases {
            let e: CsvError = parse_taps(text).unwrap_err();
            assert_eq!(e.line, *line, "{text:?}: {e}");
            assert!(e.to_string().contains(what), "{text:?}: {e}");
        }
        let motion: &[(&str, usize, &str)] = &[
            ("t_ms,ax,ay\n", 1, "expected the header `t_ms,ax,ay,az`"),
            ("t_ms,ax,ay,az\n0,1,2\n", 2, "expected 4 fields"),
            ("t_ms,ax,ay,az\n0,1,x,3\n", 2, "ay: `x` is not a number"),
            ("t_ms,ax,ay,az\n5,1,2,3\n4,1,2,3\n", 3, "earlier"),
            (
                "t_ms,ax,ay,az\n0,inf,2,3\n",
                2,
                "ax: `inf` is not a finite number",
            ),
        ];
        for (text, line, what) in motion {
            let e = parse_motion(text).unwrap_err();
            assert_eq!(e.line, *line, "{text:?}: {e}");
            assert!(e.to_string().contains(what), "{text:?}: {e}");
        }
    }

    proptest! {
        /// Any text: a result or an error with a line, never a panic.
        #[test]
        fn parsers_never_panic(text in "\\PC{0,200}", lines in proptest::collection::vec("[-0-9.,eE \\t]{0,20}", 0..20)) {
            let _ = parse_taps(&text);
            let _ = parse_motion(&text);
            let joined = format!("t_ms\n{}", lines.join("\n"));
            match parse_taps(&joined) {
                Ok(v) => prop_assert!(v.windows(2).all(|w| w[0] <= w[1])),
                Err(e) => prop_assert!(e.line >= 2 && e.line <= lines.len() + 1),
            }
            let joined = format!("t_ms,ax,ay,az\n{}", lines.join("\n"));
            if let Err(e) = parse_motion(&joined) {
                prop_assert!(e.line >= 2 && e.line <= lines.len() + 1);
            }
        }
    }
}

#[test]
fn prompts_change_only_once_steady() {
    use firstaid::trainer::taps::{PromptSmoother, STEADY_UPDATES};
    let mut s = PromptSmoother::default();
    assert_eq!(s.update(None), None);
    assert_eq!(s.update(Some(Prompt::Good)), Some(Prompt::Good));
    // A rate on the edge: good, faster, good, faster… stays "good".
    for p in [Prompt::Faster, Prompt::Good, Prompt::Faster, Prompt::Good] {
        assert_eq!(s.update(Some(p)), Some(Prompt::Good));
    }
    // Faster for STEADY_UPDATES updates in a row: shown on the last.
    for i in 1..=STEADY_UPDATES {
        let want = if i == STEADY_UPDATES {
            Prompt::Faster
        } else {
            Prompt::Good
        };
        assert_eq!(s.update(Some(Prompt::Faster)), Some(want), "update {i}");
    }
    // No rate (a pause) keeps what is shown.
    assert_eq!(s.update(None), Some(Prompt::Faster));
    // An interrupted run starts again.
    s.update(Some(Prompt::Slower));
    s.update(Some(Prompt::Slower));
    s.update(Some(Prompt::Good));
    assert_eq!(s.update(Some(Prompt::Slower)), Some(Prompt::Faster));
    // Pressing stopped: nothing is shown, and the next prompt shows at once.
    s.reset();
    assert_eq!(s.update(None), None);
    assert_eq!(s.update(Some(Prompt::Slower)), Some(Prompt::Slower));
}

/// A learner who slows down is not a learner who misses every other tap:
/// after two long gaps in a row nothing is inferred (the first gap's
/// guess is taken back), the rate is the real one and the prompt says
/// "faster" (it said "slower", counting each slow tap twice).
#[test]
fn slowing_down_is_not_taken_for_missed_taps() {
    let cases: [(f64, f64); 3] = [(520.0, 900.0), (500.0, 1000.0), (545.0, 1200.0)];
    for (fast, slow) in cases {
        let mut t = TapTracker::new();
        let mut at = 0.0;
        t.tap(at);
        for _ in 0..19 {
            at += fast;
            t.tap(at);
        }
        for _ in 0..12 {
            at += slow;
            t.tap(at);
        }
        let live = t.live();
        assert_eq!(live.total, 32, "{fast}/{slow}: {:?}", t.compressions());
        assert!(
            t.compressions().iter().all(|c| !c.inferred),
            "{fast}/{slow}"
        );
        let rate = live.rate.unwrap();
        assert!(
            (rate - 60_000.0 / slow).abs() < 1.0,
            "{fast}/{slow}: {rate}"
        );
        assert_eq!(live.prompt, Some(Prompt::Faster), "{fast}/{slow}");
    }
}

/// One missed tap in a steady rhythm is still inferred, and so are two
/// that are apart.
#[test]
fn missed_taps_apart_are_each_inferred() {
    let p = 500.0;
    let missed = [8, 15];
    let taps: Vec<f64> = (0..25)
        .filter(|i| !missed.contains(i))
        .map(|i| i as f64 * p)
        .collect();
    let (c, s) = analyze(&taps);
    assert_eq!((s.compressions, s.inferred), (25, 2), "{c:?}");
}
