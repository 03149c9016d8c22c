//! Practice asks first about the lessons a learner has opened: their new
//! questions come before other lessons' new questions, and questions due
//! for review still come before both.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::tiny;
use firstaid::content::Curriculum;
use firstaid::profile::ProfileId;
use firstaid::progress::Progress;
use firstaid::quiz::leitner::{Card, Schedule};
use firstaid::quiz::practice::{candidates, plan, plan_for, Learner, Scope, Session};

const NOW: i64 = 1_000_000_000;

fn queue(s: &Session) -> Vec<&str> {
    s.queue.iter().map(|e| e.question.as_str()).collect()
}

/// The lesson of question `id`.
fn lesson_of<'a>(c: &'a Curriculum, id: &str) -> &'a str {
    &c.questions.iter().find(|q| q.id == id).unwrap().lesson
}

fn questions_of(c: &Curriculum, p: ProfileId, lesson: &str) -> usize {
    candidates(c, p, &Scope::All)
        .iter()
        .filter(|q| q.lesson == lesson)
        .count()
}

#[test]
fn new_questions_of_the_opened_lessons_come_first() {
    let c = tiny();
    let empty = Schedule::default();
    // (profile, lessons opened, session length)
    for (p, studied, limit) in [
        (ProfileId::Aha, &["alpha"][..], 4),
        (ProfileId::Aha, &["beta"][..], 10),
        (ProfileId::Rcsc, &["gamma"][..], 3),
        (ProfileId::Erc, &["alpha"][..], 100),
    ] {
        let studied: Vec<String> = studied.iter().map(|s| s.to_string()).collect();
        let opened = questions_of(&c, p, &studied[0]);
        assert!(opened > 0, "{p:?}: the lesson has questions");
        for seed in 0..20 {
            let learner = Learner {
                schedule: &empty,
                studied: &studied,
            };
            let s = plan_for(&c, p, &Scope::All, learner, NOW, limit, seed);
            let q = queue(&s);
            assert_eq!(q.len(), limit.min(candidates(&c, p, &Scope::All).len()));
            let lessons: Vec<&str> = q.iter().map(|id| lesson_of(&c, id)).collect();
            let first = opened.min(limit);
            assert!(
                lessons[..first].iter().all(|l| *l == studied[0]),
                "{p:?} seed {seed}: the opened lesson's first: {lessons:?}"
            );
            assert!(
                lessons[first..].iter().all(|l| *l != studied[0]),
                "{p:?} seed {seed}: then the others: {lessons:?}"
            );
        }
    }
}

#[test]
fn with_every_lesson_opened_or_none_the_order_is_the_shuffled_one() {
    let c = tiny();
    let empty = Schedule::default();
    let every: Vec<String> = ["alpha", "beta", "gamma"].map(String::from).into();
    for seed in 0..10 {
        let plain = plan(&c, ProfileId::Aha, &Scope::All, &empty, NOW, 10, seed);
        for studied in [&every[..], &[]] {
            let learner = Learner {
                schedule: &empty,
                studied,
            };
            let s = plan_for(&c, ProfileId::Aha, &Scope::All, learner, NOW, 10, seed);
            assert_eq!(s, plain, "seed {seed}, {} opened", studied.len());
        }
    }
}

#[test]
fn questions_due_for_review_still_come_before_new_ones() {
    let c = tiny();
    let mut schedule = Schedule::default();
    // Two due questions of lesson "beta"; "alpha" is the one opened.
    for id in ["beta.q3", "beta.q1"] {
        let card = Card {
            box_: 1,
            due_ms: NOW - 10,
            reviews: 1,
            lapses: 1,
            last_correct: false,
        };
        schedule.cards.insert(id.into(), card);
    }
    let studied = vec!["alpha".to_string()];
    let learner = Learner {
        schedule: &schedule,
        studied: &studied,
    };
    let s = plan_for(&c, ProfileId::Aha, &Scope::All, learner, NOW, 6, 5);
    let q = queue(&s);
    assert_eq!(q[..2], ["beta.q1", "beta.q3"], "{q:?}");
    assert!(
        q[2..].iter().all(|id| lesson_of(&c, id) == "alpha"),
        "{q:?}"
    );
    // A scope of one lesson is that lesson, whatever was opened.
    let s = plan_for(
        &c,
        ProfileId::Aha,
        &Scope::Lesson("beta".into()),
        learner,
        NOW,
        100,
        5,
    );
    assert!(queue(&s).iter().all(|id| lesson_of(&c, id) == "beta"));
}

#[test]
fn a_lesson_counts_as_opened_once_a_step_is_seen_or_its_check_reached() {
    let mut p = Progress::default();
    assert!(p.studied().is_empty());
    // Time alone (a lesson opened on its title, no step seen) is not.
    p.add_time("timed", 1_000);
    p.visit_step("read", "s1");
    p.complete("passed", "2026-12-07T10:00:00Z");
    p.visit_check("checked");
    assert_eq!(p.studied(), ["checked", "passed", "read"]);
}
