//! Lesson progress: resume positions by stable step ids, completion.

use firstaid::progress::{NextUp, Progress, Resume};

const STEPS: [&str; 3] = ["safety", "check", "call"];

#[test]
fn resume_follows_step_ids() {
    let mut p = Progress::default();
    // (action, expected resume, expected seen count)
    type Action = fn(&mut Progress);
    let cases: [(Action, Resume, usize); 5] = [
        (|_| {}, Resume::Step(0), 0),
        (|p| p.visit_step("l", "check"), Resume::Step(1), 1),
        (|p| p.visit_step("l", "call"), Resume::Step(2), 2),
        (|p| p.visit_check("l"), Resume::Check, 2),
        (|p| p.visit_step("l", "safety"), Resume::Step(0), 3),
    ];
    for (i, (act, resume, seen)) in cases.into_iter().enumerate() {
        act(&mut p);
        assert_eq!(p.resume("l", &STEPS), resume, "after action {i}");
        assert_eq!(p.seen_count("l", &STEPS), seen, "after action {i}");
    }
}

#[test]
fn a_removed_step_resumes_at_the_start_and_does_not_count() {
    let mut p = Progress::default();
    p.visit_step("l", "old-step");
    assert_eq!(p.resume("l", &STEPS), Resume::Step(0));
    assert_eq!(p.seen_count("l", &STEPS), 0);
}

#[test]
fn completion_keeps_the_first_time() {
    let mut p = Progress::default();
    assert!(!p.is_complete("l"));
    p.complete("l", "2026-11-29T01:00:00.000Z");
    p.complete("l", "2026-11-30T01:00:00.000Z");
    assert!(p.is_complete("l"));
    assert_eq!(
        p.lesson("l").unwrap().completed_at.as_deref(),
        Some("2026-11-29T01:00:00.000Z")
    );
    assert!(!p.is_complete("other"));
}

fn course() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("a", vec!["a1", "a2", "a3"]),
        ("b", vec!["b1", "b2"]),
        ("c", vec!["c1"]),
    ]
}

#[test]
fn next_up_starts_a_new_visitor_at_the_first_lesson() {
    let p = Progress::default();
    assert!(!p.started(&["a", "b", "c"]));
    assert_eq!(p.next_up(&course()), NextUp::Start("a".into()));
    let empty: Vec<(&str, Vec<&str>)> = vec![];
    assert_eq!(p.next_up(&empty), NextUp::AllDone);
}

#[test]
fn next_up_continues_the_lesson_begun_where_it_was_left() {
    let mut p = Progress::default();
    p.visit_step("a", "a1");
    p.complete("a", "2026-01-01T00:00:00Z");
    p.visit_step("b", "b1");
    p.visit_step("b", "b2");
    assert!(p.started(&["a", "b", "c"]));
    assert_eq!(
        p.next_up(&course()),
        NextUp::Continue("b".into(), Resume::Step(1))
    );
    p.visit_check("b");
    assert_eq!(
        p.next_up(&course()),
        NextUp::Continue("b".into(), Resume::Check)
    );
}

#[test]
fn next_up_offers_the_next_lesson_then_says_all_done() {
    let mut p = Progress::default();
    p.visit_step("a", "a1");
    p.complete("a", "2026-01-01T00:00:00Z");
    assert_eq!(p.next_up(&course()), NextUp::Next("b".into()));
    // A lesson of an older curriculum does not count as begun.
    let mut old = Progress::default();
    old.visit_step("gone", "x");
    assert_eq!(old.next_up(&course()), NextUp::Start("a".into()));
    for l in ["b", "c"] {
        p.visit_step(l, "x");
        p.complete(l, "2026-01-02T00:00:00Z");
    }
    assert_eq!(p.next_up(&course()), NextUp::AllDone);
}

#[test]
fn time_in_a_lesson_adds_up_in_capped_stretches_and_stops_counting_at_completion() {
    use firstaid::progress::MAX_STRETCH_MS;
    let mut p = Progress::default();
    // (stretch added, time so far): a stretch beyond the cap counts as the cap.
    let cases = [
        (0, 0),
        (40_000, 40_000),
        (MAX_STRETCH_MS + 1, 40_000 + MAX_STRETCH_MS),
        (u64::MAX, 40_000 + 2 * MAX_STRETCH_MS),
        (1, 40_001 + 2 * MAX_STRETCH_MS),
    ];
    for (add, want) in cases {
        p.add_time("l", add);
        assert_eq!(
            p.lesson("l").unwrap().time_ms,
            Some(want),
            "after adding {add}"
        );
    }
    p.complete("l", "2026-12-05T01:00:00.000Z");
    p.add_time("l", 5_000);
    p.complete("l", "2026-12-06T01:00:00.000Z");
    let l = p.lesson("l").unwrap();
    assert_eq!(l.time_to_complete_ms, Some(40_001 + 2 * MAX_STRETCH_MS));
    assert_eq!(l.time_ms, Some(45_001 + 2 * MAX_STRETCH_MS));
}

#[test]
fn a_lesson_begun_before_timing_stays_untimed() {
    // Stored by an app that did not measure time (no `time_ms`).
    let mut p: Progress =
        serde_json::from_str(r#"{"lessons":{"l":{"current":"check","seen":["safety","check"]}}}"#)
            .unwrap();
    p.add_time("l", 60_000);
    p.visit_step("l", "call");
    p.complete("l", "2026-12-05T01:00:00.000Z");
    let l = p.lesson("l").unwrap();
    assert_eq!((l.time_ms, l.time_to_complete_ms), (None, None));
    // A lesson begun now is timed from its first step.
    p.visit_step("m", "safety");
    p.add_time("m", 1_000);
    p.complete("m", "2026-12-05T01:00:00.000Z");
    assert_eq!(p.lesson("m").unwrap().time_to_complete_ms, Some(1_000));
    // And the fields round-trip through the store's JSON.
    let back: Progress = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
}
