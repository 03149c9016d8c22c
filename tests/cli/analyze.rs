//! `firstaid analyze`: taps and motion traces.

use super::*;

#[test]
fn analyze_taps_prints_compressions_and_a_summary_and_names_bad_lines() {
    let mut text = String::from("t_ms\n");
    for i in 0..30 {
        text.push_str(&format!("{}\n", i * 500));
    }
    let good = TempFile::new("taps.csv", &text);
    let (code, out, err) = firstaid(&["analyze", "--taps", good.arg()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compressions"].as_array().unwrap().len(), 30);
    assert_eq!(v["compressions"][1]["t_ms"], 500.0);
    assert!(v["compressions"][1]["depth_mm"].is_null());
    assert_eq!(v["summary"]["compressions"], 30);
    assert_eq!(v["summary"]["mean_rate_per_min"], 120.0);
    let bad = TempFile::new("bad.csv", "t_ms\n0\nfast\n");
    let (code, _, err) = firstaid(&["analyze", "--taps", bad.arg()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("line 3: t_ms: `fast` is not a number"),
        "{err}"
    );
    assert_eq!(firstaid(&["analyze"]).0, 2);
}

#[test]
fn analyze_motion_prints_compressions_with_depths_and_a_summary() {
    use firstaid::trainer::csv::write_motion as to_csv;
    use firstaid::trainer::synth::{generate, TraceSpec};
    let spec = TraceSpec {
        duration_s: 30.0,
        ..TraceSpec::steady()
    };
    let trace = generate(&spec, 5);
    let good = TempFile::new("motion.csv", &to_csv(&trace.samples));
    let (code, out, err) = firstaid(&["analyze", "--motion", good.arg()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found = v["compressions"].as_array().unwrap();
    // Every true compression, each within 200 ms and 5 mm.
    assert_eq!(found.len(), trace.truth.len());
    for (c, t) in found.iter().zip(&trace.truth) {
        assert!((c["t_ms"].as_f64().unwrap() - t.t_ms).abs() < 200.0);
        assert!((c["depth_mm"].as_f64().unwrap() - t.depth_mm).abs() < 5.0);
        assert!(c["cycle"].is_u64());
    }
    // The same as the library's analysis.
    let (mine, summary) = firstaid::trainer::motion::analyze(&trace.samples);
    assert_eq!(v["summary"]["compressions"], mine.len());
    // (serde_json's parser may round the last digit differently.)
    let lib = serde_json::to_value(&summary).unwrap();
    for (k, x) in lib.as_object().unwrap() {
        let y = &v["summary"][k];
        match (x.as_f64(), y.as_f64()) {
            (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-9 * a.abs().max(1.0), "{k}"),
            _ => assert_eq!(x, y, "{k}"),
        }
    }
    let rate = v["summary"]["mean_rate_per_min"].as_f64().unwrap();
    assert!((100.0..=120.0).contains(&rate), "{rate}");
    assert!(v["summary"]["mean_depth_mm"].as_f64().unwrap() > 40.0);
    assert!(v["summary"]["depth_in_range_share"].is_number());
    assert!(v["summary"]["cycles"].as_u64().unwrap() >= 1);

    let bad = TempFile::new(
        "bad-motion.csv",
        "t_ms,ax,ay,az\n0,0,0,9.8\n10,0,nine,9.8\n",
    );
    let (code, _, err) = firstaid(&["analyze", "--motion", bad.arg()]);
    assert_eq!(code, 2);
    assert!(err.contains("line 3: ay: `nine` is not a number"), "{err}");
    let taps = TempFile::new("not-motion.csv", "t_ms\n0\n");
    let (code, _, err) = firstaid(&["analyze", "--motion", taps.arg()]);
    assert_eq!(code, 2);
    assert!(err.contains("expected the header `t_ms,ax,ay,az`"), "{err}");
    // One kind of trace at a time.
    let (code, _, err) = firstaid(&["analyze", "--motion", good.arg(), "--taps", taps.arg()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
    let (code, _, err) = firstaid(&["analyze", "--motion"]);
    assert_eq!(code, 2);
    assert!(err.contains("a value is required"), "{err}");
    // An empty trace (header only) has no compressions and no figures.
    let empty = TempFile::new("empty-motion.csv", "t_ms,ax,ay,az\n");
    let (code, out, err) = firstaid(&["analyze", "--motion", empty.arg()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["compressions"], serde_json::json!([]));
    assert!(v["summary"]["mean_depth_mm"].is_null());
}

/// The score the app gives the session of these taps (a stored session,
/// summarised), for the CLI to agree with.
fn app_score(taps: &[f64], thirty_two: bool, planned_ms: u32) -> serde_json::Value {
    use firstaid::trainer::session::{summarize, SessionRecord};
    let (comps, _) = firstaid::trainer::taps::analyze(taps);
    let pause = thirty_two.then_some(5);
    let rec = SessionRecord::from_taps(0, None, pause, planned_ms, planned_ms, taps, &comps);
    let a = summarize(&rec).assessment;
    serde_json::json!({
        "total": a.total.unwrap(),
        "parts": a.parts,
        "breaths_due": a.breaths_due,
        "breaths_missed": a.breaths_missed,
    })
}

#[test]
fn analyze_scores_a_taps_trace_as_the_app_does() {
    use firstaid::trainer::csv::{parse_taps, write_taps};
    use firstaid::trainer::examples::Case;
    // The 21-second stop of a 2-minute 30:2 session, tapped straight
    // through the breaths (tests/trainer_score.rs derives its 11).
    let text = write_taps(Case::StoppedEarly.taps());
    let file = TempFile::new("stopped.csv", &text);
    let taps = parse_taps(&text).unwrap();
    let run = |mode: &str, planned: &str| {
        let (code, out, err) = firstaid(&[
            "analyze",
            "--taps",
            file.arg(),
            "--mode",
            mode,
            "--planned-seconds",
            planned,
        ]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["summary"].clone()
    };
    let v = run("30:2", "120");
    assert_eq!(v["score"]["total"], 11);
    assert_eq!(v["score"], app_score(&taps, true, 120_000));
    assert_eq!(v["score"]["parts"]["pauses"], 0.0);
    assert!(v["score"]["parts"]["depth"].is_null());
    assert_eq!(v["score"]["breaths_missed"], 1);
    assert!(v.get("score_reason").is_none());
    // The same taps as a 21-second continuous session: nothing is missing.
    let v = run("continuous", "21");
    assert_eq!(v["score"]["total"], 100);
    assert!(v["score"]["parts"]["cycles"].is_null());
    // Planned for 2 minutes: scaled by the time it covered.
    assert_eq!(run("continuous", "120")["score"]["total"], 19);
    // The rest of the summary is as without a score.
    assert_eq!(v["compressions"], 38);

    // A good 30:2 session scores 100 by the CLI as by the app.
    let text = write_taps(Case::GoodThirtyTwo.taps());
    let good = TempFile::new("good.csv", &text);
    let (code, out, err) = firstaid(&[
        "analyze",
        "--taps",
        good.arg(),
        "--mode=30:2",
        "--planned-seconds=120",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["score"]["total"], 100);
    assert_eq!(
        v["summary"]["score"],
        app_score(&parse_taps(&text).unwrap(), true, 120_000)
    );
}

#[test]
fn analyze_says_why_a_session_has_no_score_and_checks_its_options() {
    let few = TempFile::new("few.csv", "t_ms\n0\n550\n1100\n1650\n2200\n");
    let (code, out, err) = firstaid(&[
        "analyze",
        "--taps",
        few.arg(),
        "--mode",
        "30:2",
        "--planned-seconds",
        "120",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["summary"]["score"].is_null());
    assert_eq!(v["summary"]["score_reason"], "too_few_compressions");
    // Without a setup, no score at all.
    let (_, out, _) = firstaid(&["analyze", "--taps", few.arg()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["summary"].get("score").is_none());
    // Each option needs the other, and takes only what it names.
    let (code, _, err) = firstaid(&["analyze", "--taps", few.arg(), "--mode", "30:2"]);
    assert_eq!(code, 2);
    assert!(err.contains("--planned-seconds"), "{err}");
    let (code, _, err) = firstaid(&["analyze", "--taps", few.arg(), "--planned-seconds", "60"]);
    assert_eq!(code, 2);
    assert!(err.contains("--mode"), "{err}");
    let (code, _, err) = firstaid(&[
        "analyze",
        "--taps",
        few.arg(),
        "--mode",
        "15:2",
        "--planned-seconds",
        "60",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--mode must be 30:2 or continuous"), "{err}");
    let (code, _, err) = firstaid(&[
        "analyze",
        "--taps",
        few.arg(),
        "--mode",
        "continuous",
        "--planned-seconds",
        "0",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--planned-seconds"), "{err}");
    let (code, out, _) = firstaid(&["analyze", "--help"]);
    assert_eq!(code, 0);
    for words in [
        "--mode <30:2|continuous>",
        "--planned-seconds <N>",
        "--taps",
        "--motion",
    ] {
        assert!(out.contains(words), "{words}: {out}");
    }
}

#[test]
fn analyze_scores_a_motion_trace_as_the_app_does() {
    use firstaid::trainer::csv::{parse_motion, write_motion};
    use firstaid::trainer::session::{summarize, SessionRecord};
    use firstaid::trainer::synth::{generate, TraceSpec};
    let spec = TraceSpec {
        duration_s: 30.0,
        ..TraceSpec::steady()
    };
    let text = write_motion(&generate(&spec, 7).samples);
    let file = TempFile::new("scored-motion.csv", &text);
    let (code, out, err) = firstaid(&[
        "analyze",
        "--motion",
        file.arg(),
        "--mode",
        "continuous",
        "--planned-seconds",
        "30",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let score = &v["summary"]["score"];
    assert!(score["parts"]["depth"].is_number(), "{score}");
    // The app's path: the tracker's compressions, stored and summarised.
    let (comps, _) = firstaid::trainer::motion::analyze(&parse_motion(&text).unwrap());
    let c: Vec<(f64, f64)> = comps.iter().map(|c| (c.t_ms, c.depth_mm)).collect();
    let s = summarize(&SessionRecord::from_motion(
        0, None, None, 30_000, 30_000, &c,
    ));
    assert_eq!(score["total"], s.score.unwrap());
    assert_eq!(score["parts"], serde_json::to_value(s.parts).unwrap());
}
