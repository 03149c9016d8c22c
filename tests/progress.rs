//! Lesson progress: resume positions by stable step ids, completion.

use firstaid::progress::{Progress, Resume};

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
