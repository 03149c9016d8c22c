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
