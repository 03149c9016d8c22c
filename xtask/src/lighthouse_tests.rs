use super::*;

/// A Lighthouse report cut down to what `Figures` reads (the shape of
/// Lighthouse 12's JSON), with `performance`, FCP and TTI to vary.
fn report(performance: f64, fcp: f64, tti: Option<f64>) -> String {
    let tti = tti.map_or(String::new(), |t| {
        format!(r#""interactive": {{"numericValue": {t}, "numericUnit": "millisecond"}},"#)
    });
    format!(
        r#"{{
  "lighthouseVersion": "12.2.3",
  "categories": {{
    "performance": {{"score": {performance}}},
    "accessibility": {{"score": 1}},
    "best-practices": {{"score": 0.963}}
  }},
  "audits": {{
    "first-contentful-paint": {{"numericValue": {fcp}}},
    "largest-contentful-paint": {{"numericValue": 1180.5}},
    "total-blocking-time": {{"numericValue": 42}},
    "cumulative-layout-shift": {{"numericValue": 0}},
    "speed-index": {{"numericValue": 990}},
    {tti}
    "total-byte-weight": {{"numericValue": 163840, "numericUnit": "byte"}}
  }}
}}"#
    )
}

#[test]
fn a_report_gives_scores_out_of_100_and_the_audits_values() {
    let f = Figures::from_report(&report(0.97, 850.0, Some(2100.0))).unwrap();
    assert_eq!(
        f,
        Figures {
            performance: Some(97.0),
            accessibility: Some(100.0),
            best_practices: Some(96.0),
            fcp_ms: Some(850.0),
            lcp_ms: Some(1180.5),
            tbt_ms: Some(42.0),
            cls: Some(0.0),
            speed_index_ms: Some(990.0),
            tti_ms: Some(2100.0),
            bytes: Some(163_840.0),
        }
    );
}

#[test]
fn a_missing_audit_is_none_and_a_failed_run_is_an_error() {
    let f = Figures::from_report(&report(0.5, 900.0, None)).unwrap();
    assert_eq!(f.tti_ms, None);
    assert_eq!(f.performance, Some(50.0));
    let failed = r#"{"runtimeError": {"code": "NO_FCP", "message": "The page did not paint"},
        "categories": {}, "audits": {}}"#;
    let e = Figures::from_report(failed).unwrap_err().to_string();
    assert!(e.contains("NO_FCP"), "{e}");
    for bad in ["", "[]", r#"{"audits": {}}"#, "not json"] {
        assert!(Figures::from_report(bad).is_err(), "{bad:?}");
    }
}

fn run(fcp: f64, tti: Option<f64>, lcp: f64) -> Figures {
    Figures {
        fcp_ms: Some(fcp),
        tti_ms: tti,
        lcp_ms: Some(lcp),
        ..Figures::default()
    }
}

#[test]
fn the_median_run_is_the_one_nearest_the_median_fcp_and_tti() {
    // Medians: FCP 1000, TTI 3000. The second run is nearest both.
    let runs = [
        run(900.0, Some(3000.0), 0.0),
        run(1000.0, Some(3050.0), 1.0),
        run(1100.0, Some(2000.0), 2.0),
    ];
    assert_eq!(median_run(&runs), Some(&runs[1]));
    // A tie goes to the earlier interactive.
    let tie = [
        run(1000.0, Some(3100.0), 0.0),
        run(1000.0, Some(2900.0), 1.0),
    ];
    assert_eq!(median_run(&tie), Some(&tie[1]));
}

#[test]
fn the_median_run_leaves_out_runs_without_figures_and_falls_back_to_lcp() {
    let no_fcp = Figures {
        fcp_ms: None,
        ..run(1000.0, Some(3000.0), 0.0)
    };
    assert_eq!(median_run(std::slice::from_ref(&no_fcp)), None);
    assert_eq!(median_run(&[]), None);
    let one = run(1200.0, Some(4000.0), 0.0);
    assert_eq!(median_run(&[no_fcp, one.clone()]), Some(&one));
    // Without TTI (a Lighthouse that dropped it), LCP stands in.
    let runs = [
        run(1000.0, None, 5000.0),
        run(1000.0, None, 1500.0),
        run(1000.0, None, 1400.0),
    ];
    assert_eq!(median_run(&runs), Some(&runs[1]));
}

#[test]
fn the_lesson_page_measured_is_a_lesson_of_the_curriculum() {
    let c = firstaid::content::Curriculum::embedded().unwrap();
    let lessons: Vec<&str> = PAGES
        .iter()
        .filter_map(|p| p.strip_prefix("/learn/"))
        .collect();
    assert_eq!(lessons.len(), 1, "{PAGES:?}");
    assert!(c.lesson(lessons[0]).is_some(), "{lessons:?}");
}

#[test]
fn route_change_output_gives_each_routes_times_and_bytes() {
    let text = r#"{"network": {"latency": 562.5}, "cpu_slowdown": 4, "routes": [
        {"route": "/learn", "runs": [
            {"ms": 2874.1, "heading": "Learn", "chunk_bytes": 120389, "bytes_after_tap": 121106,
             "chunks": ["/chunk_9-a.wasm", "/split_lessons-b.wasm"], "encodings": ["gzip"]},
            {"ms": 2500, "chunk_bytes": 120389, "chunks": ["/split_lessons-b.wasm"],
             "encodings": ["gzip", "identity"]}]},
        {"route": "/quiz", "runs": [{"ms": 3518.2, "chunk_bytes": 0, "chunks": [], "encodings": []}]}
    ]}"#;
    let routes = route_change::parse(text).unwrap();
    assert_eq!(
        routes,
        vec![
            route_change::Route {
                route: "/learn".into(),
                ms: vec![2874.1, 2500.0],
                chunk_bytes: vec![120_389.0, 120_389.0],
                chunks: 2,
                encodings: vec!["gzip".into(), "identity".into()],
                heading: "Learn".into(),
            },
            route_change::Route {
                route: "/quiz".into(),
                ms: vec![3518.2],
                chunk_bytes: vec![0.0],
                chunks: 0,
                encodings: vec![],
                heading: String::new(),
            },
        ]
    );
    for bad in [
        "",
        r#"{"routes": [{"route": "/learn", "runs": []}]}"#,
        r#"{"routes": [{"route": "/learn", "runs": [{"chunk_bytes": 1}]}]}"#,
        r#"{"routes": [{"runs": [{"ms": 1, "chunk_bytes": 1}]}]}"#,
    ] {
        assert!(route_change::parse(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn median_of_odd_and_even_counts() {
    assert_eq!(route_change::median(&[]), None);
    assert_eq!(route_change::median(&[5.0, 1.0, 3.0]), Some(3.0));
    assert_eq!(route_change::median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
}
