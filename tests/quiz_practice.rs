//! Spaced repetition (the Leitner schedule, data-driven) and practice
//! sessions: which questions come up in which order, and how a session
//! requeues mistakes and moves on.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::{ids, tiny};
use firstaid::content::QuestionType;
use firstaid::profile::ProfileId;
use firstaid::quiz::leitner::{Card, Schedule, BOXES, INTERVALS_MS};
use firstaid::quiz::practice::{
    candidates, plan, Scope, Session, MAX_RETRIES, NEW_PER_SESSION, SESSION_LENGTH,
};
use firstaid::quiz::scoring::{Response, FULL};

const DAY: i64 = 86_400_000;

// ---------------------------------------------------------------------------
// Leitner

#[test]
fn intervals_are_the_documented_ones() {
    assert_eq!(BOXES, 5);
    assert_eq!(INTERVALS_MS, [0, DAY, 3 * DAY, 7 * DAY, 30 * DAY]);
}

#[test]
fn leitner_sequences() {
    // (answers as (fully correct, at), then box, due, reviews, lapses, last correct)
    type Case = (&'static [(bool, i64)], u8, i64, u32, u32, bool);
    const T: i64 = 1_000_000;
    let cases: &[Case] = &[
        (&[(true, T)], 2, T + DAY, 1, 0, true),
        (&[(false, T)], 1, T, 1, 1, false),
        (&[(false, T), (false, T + 5)], 1, T + 5, 2, 2, false),
        (&[(false, T), (true, T + 7)], 2, T + 7 + DAY, 2, 1, true),
        (&[(true, T), (true, T + DAY)], 3, T + 4 * DAY, 2, 0, true),
        (
            &[(true, 0), (true, DAY), (true, 4 * DAY)],
            4,
            11 * DAY,
            3,
            0,
            true,
        ),
        (
            &[(true, 0), (true, DAY), (true, 4 * DAY), (true, 11 * DAY)],
            5,
            41 * DAY,
            4,
            0,
            true,
        ),
        // Box 5 is the last: further right answers stay there, 30 days on.
        (
            &[
                (true, 0),
                (true, DAY),
                (true, 4 * DAY),
                (true, 11 * DAY),
                (true, 41 * DAY),
                (true, 71 * DAY),
            ],
            5,
            101 * DAY,
            6,
            0,
            true,
        ),
        // A lapse from box 5 goes back to box 1, due at once.
        (
            &[
                (true, 0),
                (true, DAY),
                (true, 4 * DAY),
                (true, 11 * DAY),
                (false, 12 * DAY),
            ],
            1,
            12 * DAY,
            5,
            1,
            false,
        ),
        // Then climbs again from box 1.
        (
            &[(true, 0), (false, DAY), (true, 2 * DAY), (true, 3 * DAY)],
            3,
            6 * DAY,
            4,
            1,
            true,
        ),
        // Answering early still moves up (the schedule does not check due).
        (&[(true, 0), (true, 10)], 3, 10 + 3 * DAY, 2, 0, true),
        // A due time cannot overflow.
        (&[(true, i64::MAX - 5)], 2, i64::MAX, 1, 0, true),
    ];
    for (answers, box_, due, reviews, lapses, last) in cases {
        let mut s = Schedule::default();
        for (correct, at) in *answers {
            s.record("q", *correct, *at);
        }
        let want = Card {
            box_: *box_,
            due_ms: *due,
            reviews: *reviews,
            lapses: *lapses,
            last_correct: *last,
        };
        assert_eq!(s.card("q"), Some(&want), "{answers:?}");
        assert_eq!(s.cards.len(), 1);
    }
}

#[test]
fn due_and_mistakes() {
    let mut s = Schedule::default();
    assert!(!s.is_due("q", i64::MAX), "never answered is not due");
    assert!(!s.is_mistake("q"));
    s.record("q", true, 100);
    assert!(!s.is_due("q", 100 + DAY - 1));
    assert!(s.is_due("q", 100 + DAY), "due at the due time");
    assert!(s.is_due("q", 100 + 2 * DAY));
    assert!(!s.is_mistake("q"));
    s.record("q", false, 200);
    assert!(s.is_due("q", 200), "a wrong answer is due at once");
    assert!(s.is_mistake("q"));
    assert!(!s.is_due("other", 200));
    s.record("q", true, 300);
    assert!(!s.is_mistake("q"));
}

#[test]
fn the_schedule_is_stored_with_box_as_its_key() {
    let mut s = Schedule::default();
    s.record("aed.pads", true, 5);
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(
        v,
        serde_json::json!({ "cards": { "aed.pads": {
            "box": 2, "due_ms": 5 + DAY, "reviews": 1, "lapses": 0, "last_correct": true
        } } })
    );
    let back: Schedule = serde_json::from_value(v).unwrap();
    assert_eq!(back, s);
    assert_eq!(
        serde_json::from_str::<Schedule>("{}").unwrap(),
        Schedule::default()
    );
}

/// A stored card comes from the device or an imported backup file, so its
/// figures can be anything the JSON allows; recording an answer must not
/// panic (in the released app, box 255 used to wrap to an index out of
/// bounds).
#[test]
fn out_of_range_stored_cards_do_not_break_recording() {
    // (stored box, answer, box after)
    for (stored, correct, after) in [
        (255u8, true, 5u8),
        (6, true, 5),
        (0, true, 1),
        (255, false, 1),
        (0, false, 1),
    ] {
        let text = format!(
            r#"{{"cards": {{"q": {{"box": {stored}, "due_ms": 0, "reviews": 4294967295,
                "lapses": 4294967295, "last_correct": false}}}}}}"#
        );
        let mut s: Schedule = serde_json::from_str(&text).unwrap();
        s.record("q", correct, 10);
        let c = s.card("q").unwrap();
        assert_eq!(c.box_, after, "box {stored}, {correct}");
        assert_eq!(c.due_ms, 10 + INTERVALS_MS[usize::from(after - 1)]);
        assert_eq!((c.reviews, c.lapses), (u32::MAX, u32::MAX));
    }
}

// ---------------------------------------------------------------------------
// Planning

fn card(box_: u8, due_ms: i64, lapses: u32, last_correct: bool) -> Card {
    Card {
        box_,
        due_ms,
        reviews: lapses + 1,
        lapses,
        last_correct,
    }
}

fn queue_ids(s: &Session) -> Vec<&str> {
    s.queue.iter().map(|e| e.question.as_str()).collect()
}

const NOW: i64 = 100 * DAY;

/// A schedule for the AHA profile of the tiny curriculum: five due, two
/// later, and two cards for questions AHA does not have.
fn schedule() -> Schedule {
    let mut s = Schedule::default();
    for (id, c) in [
        ("beta.q1", card(3, NOW - 5 * DAY, 0, true)),
        ("alpha.q1", card(1, NOW - DAY, 1, false)),
        ("gamma.q1", card(2, NOW - DAY, 0, true)),
        ("alpha.q3", card(2, NOW - DAY, 0, true)),
        ("beta.q3", card(5, NOW, 0, true)),
        ("alpha.q4", card(4, NOW + 2 * DAY, 0, true)),
        ("gamma.q2", card(2, NOW + 1, 0, true)),
        ("alpha.q5", card(1, NOW - 9 * DAY, 4, false)),
        ("beta.q4", card(1, NOW - 9 * DAY, 4, false)),
    ] {
        s.cards.insert(id.into(), c);
    }
    s
}

const DUE: [&str; 5] = ["beta.q1", "alpha.q1", "alpha.q3", "gamma.q1", "beta.q3"];
const LATER: [&str; 2] = ["gamma.q2", "alpha.q4"];

#[test]
fn due_questions_come_first_then_new_ones_then_the_rest() {
    let c = tiny();
    let s = plan(&c, ProfileId::Aha, &Scope::All, &schedule(), NOW, 100, 1);
    let q = queue_ids(&s);
    assert_eq!(q.len(), 16, "every AHA question once: {q:?}");
    assert_eq!(q[..5], DUE, "most overdue first; ties by box, then id");
    let new: BTreeSet<&str> = q[5..14].iter().copied().collect();
    let want: BTreeSet<&str> = [
        "alpha.q2",
        "alpha.s1",
        "alpha.s2",
        "beta.q2",
        "beta.t1",
        "beta.t2",
        "beta.t3",
        "gamma.pair",
        "gamma.q3",
    ]
    .into();
    assert_eq!(new, want);
    assert_eq!(q[14..], LATER, "the rest by how soon they fall due");
    assert!(!q.contains(&"alpha.q5") && !q.contains(&"beta.q4"));
    assert_eq!(
        (s.index, s.checked.clone(), s.correct, s.answered),
        (0, None, 0, 0)
    );
    assert_eq!((s.scope.clone(), s.profile), (Scope::All, ProfileId::Aha));
}

#[test]
fn the_limit_cuts_the_plan_but_keeps_room_for_new_questions() {
    let c = tiny();
    assert_eq!(NEW_PER_SESSION, 3);
    // (limit, due questions first, then new ones)
    for (limit, due, new) in [
        (0usize, 0usize, 0usize),
        (3, 0, 3),
        (5, 2, 3),
        (8, 5, 3),
        (12, 5, 7),
    ] {
        let s = plan(&c, ProfileId::Aha, &Scope::All, &schedule(), NOW, limit, 9);
        let q = queue_ids(&s);
        assert_eq!(q.len(), limit, "limit {limit}");
        assert_eq!(q[..due], DUE[..due], "limit {limit}: most overdue first");
        assert!(
            q[due..due + new]
                .iter()
                .all(|id| !DUE.contains(id) && !LATER.contains(id)),
            "limit {limit}: then new ones: {q:?}"
        );
    }
    let s = plan(&c, ProfileId::Aha, &Scope::All, &schedule(), NOW, 15, 9);
    assert_eq!(s.queue.len(), 15);
    assert_eq!(queue_ids(&s)[14], "gamma.q2");
    // With no new questions left, due ones fill the whole session.
    let mut all_seen = schedule();
    for q in candidates(&c, ProfileId::Aha, &Scope::All) {
        all_seen
            .cards
            .entry(q.id.clone())
            .or_insert_with(|| card(2, NOW + 5 * DAY, 0, true));
    }
    let s = plan(&c, ProfileId::Aha, &Scope::All, &all_seen, NOW, 4, 9);
    assert_eq!(queue_ids(&s), DUE[..4]);
    assert_eq!(SESSION_LENGTH, 10);
    let s = plan(
        &c,
        ProfileId::Aha,
        &Scope::All,
        &schedule(),
        NOW,
        SESSION_LENGTH,
        9,
    );
    assert_eq!(s.queue.len(), SESSION_LENGTH);
}

#[test]
fn time_moves_questions_from_later_to_due() {
    let c = tiny();
    let s = plan(
        &c,
        ProfileId::Aha,
        &Scope::All,
        &schedule(),
        NOW + 1,
        100,
        0,
    );
    assert_eq!(queue_ids(&s)[..6], [&DUE[..], &["gamma.q2"]].concat());
    let s = plan(
        &c,
        ProfileId::Aha,
        &Scope::All,
        &schedule(),
        NOW - DAY - 1,
        100,
        0,
    );
    assert_eq!(queue_ids(&s)[..1], ["beta.q1"]);
    assert!(!DUE[1..].contains(&queue_ids(&s)[1]), "only one due then");
}

#[test]
fn the_seed_shuffles_new_questions_and_answer_orders_reproducibly() {
    let c = tiny();
    let empty = Schedule::default();
    let mut orders = BTreeSet::new();
    for seed in 0..30u64 {
        let s = plan(&c, ProfileId::Aha, &Scope::All, &empty, NOW, 100, seed);
        assert_eq!(
            s,
            plan(&c, ProfileId::Aha, &Scope::All, &empty, NOW, 100, seed)
        );
        let q: Vec<String> = queue_ids(&s).into_iter().map(String::from).collect();
        let mut sorted = q.clone();
        sorted.sort();
        let mut all: Vec<String> = candidates(&c, ProfileId::Aha, &Scope::All)
            .iter()
            .map(|q| q.id.clone())
            .collect();
        all.sort();
        assert_eq!(sorted, all);
        orders.insert(q);
        for e in &s.queue {
            let q = c.question(&e.question).unwrap();
            let authored: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
            match q.kind {
                QuestionType::TrueFalse | QuestionType::Hotspot => assert!(e.options.is_empty()),
                _ => {
                    let mut a = e.options.clone();
                    a.sort();
                    let mut b = authored.clone();
                    b.sort();
                    assert_eq!(a, b, "{}", q.id);
                    if q.kind == QuestionType::Order {
                        assert_ne!(e.options, authored, "{} starts in order", q.id);
                    }
                }
            }
        }
        let pair = s.queue.iter().find(|e| e.question == "gamma.pair").unwrap();
        assert_eq!(pair.options, ids(&["s2", "s1"]));
    }
    assert!(orders.len() > 20, "new questions are shuffled by the seed");
}

#[test]
fn a_lesson_scope_practises_only_that_lesson_for_the_profile() {
    let c = tiny();
    let cases = [
        (
            ProfileId::Aha,
            "beta",
            &["beta.q1", "beta.q3"][..],
            &["beta.q2", "beta.t1", "beta.t2", "beta.t3"][..],
        ),
        (
            ProfileId::Rcsc,
            "beta",
            &["beta.q4", "beta.q1", "beta.q3"],
            &["beta.t1", "beta.t2", "beta.t3"],
        ),
        (ProfileId::Erc, "gamma", &["gamma.q1"], &["gamma.pair"]),
    ];
    for (p, lesson, due, rest) in cases {
        let scope = Scope::Lesson(lesson.into());
        let s = plan(&c, p, &scope, &schedule(), NOW, 100, 4);
        let q = queue_ids(&s);
        assert_eq!(&q[..due.len()], due, "{p:?} {lesson}");
        let others: BTreeSet<&str> = q[due.len()..].iter().copied().collect();
        let mut want: BTreeSet<&str> = rest.iter().copied().collect();
        if lesson == "gamma" {
            want.insert("gamma.q2");
        }
        assert_eq!(others, want, "{p:?} {lesson}");
        assert!(q.iter().all(|id| c.question(id).unwrap().lesson == lesson));
        assert!(q
            .iter()
            .all(|id| c.question(id).unwrap().profiles.contains(&p)));
        assert_eq!(s.scope, scope);
    }
    let none = plan(
        &c,
        ProfileId::Aha,
        &Scope::Lesson("no-such-lesson".into()),
        &schedule(),
        NOW,
        10,
        0,
    );
    assert!(none.queue.is_empty() && none.is_finished() && none.current().is_none());
}

#[test]
fn mistakes_lists_only_last_wrong_questions_most_lapses_first() {
    let c = tiny();
    let mut s = Schedule::default();
    for (id, answers) in [
        ("alpha.q1", &[(false, 10), (false, 20), (false, 30)][..]),
        ("beta.q1", &[(true, 10), (false, 100)]),
        ("gamma.q1", &[(false, 50)]),
        ("beta.t2", &[(false, 50)]),
        ("alpha.q3", &[(false, 10), (false, 20), (true, 30)]),
        ("gamma.q2", &[(true, 10)]),
        ("beta.q4", &[(false, 1), (false, 2), (false, 3), (false, 4)]),
    ] {
        for (correct, at) in answers {
            s.record(id, *correct, *at);
        }
    }
    let cases = [
        (
            ProfileId::Aha,
            100,
            &["alpha.q1", "beta.t2", "gamma.q1", "beta.q1"][..],
        ),
        (ProfileId::Aha, 2, &["alpha.q1", "beta.t2"]),
        (
            ProfileId::Rcsc,
            100,
            &["beta.q4", "alpha.q1", "beta.t2", "gamma.q1", "beta.q1"],
        ),
    ];
    for (p, limit, want) in cases {
        let session = plan(&c, p, &Scope::Mistakes, &s, 1000, limit, 3);
        assert_eq!(queue_ids(&session), want, "{p:?} limit {limit}");
    }
    let nothing = plan(
        &c,
        ProfileId::Aha,
        &Scope::Mistakes,
        &Schedule::default(),
        1000,
        10,
        3,
    );
    assert!(nothing.queue.is_empty());
}

// ---------------------------------------------------------------------------
// A session in progress

fn session(n: usize) -> Session {
    let s = plan(
        &tiny(),
        ProfileId::Aha,
        &Scope::All,
        &Schedule::default(),
        NOW,
        n,
        5,
    );
    assert_eq!(s.queue.len(), n);
    s
}

#[test]
fn a_wrong_answer_comes_back_at_the_end_up_to_the_retry_limit() {
    assert_eq!(MAX_RETRIES, 2);
    let mut s = session(3);
    let first = s.queue[0].clone();
    let r = Response::TrueFalse(true);
    let mut seen_first = 0;
    let mut steps = 0;
    while let Some(e) = s.current().cloned() {
        steps += 1;
        assert!(steps < 20, "the session ends");
        let wrong = e.question == first.question;
        if wrong {
            seen_first += 1;
        }
        let before = s.queue.len();
        assert!(s.check(r.clone(), if wrong { 0 } else { FULL }));
        let requeued = s.queue.len() - before;
        assert_eq!(
            requeued,
            usize::from(wrong && seen_first <= usize::from(MAX_RETRIES)),
            "step {steps}"
        );
        if requeued == 1 {
            assert_eq!(s.queue.last(), Some(&e), "the same answer order again");
        }
        assert_eq!(
            s.checked.as_ref().map(|c| c.points),
            Some(if wrong { 0 } else { FULL })
        );
        s.advance();
        assert_eq!(s.checked, None);
    }
    assert_eq!(seen_first, 1 + usize::from(MAX_RETRIES));
    assert_eq!(s.queue.len(), 3 + usize::from(MAX_RETRIES));
    assert_eq!((s.answered, s.correct), (5, 2));
    assert_eq!(s.first_try(), (2, 3), "of the 3 planned, 2 right at once");
    assert!(s.is_finished());
}

#[test]
fn partial_credit_counts_as_wrong_and_a_later_right_answer_ends_the_retries() {
    let mut s = session(2);
    let first = s.queue[0].question.clone();
    assert!(s.check(Response::Choices(vec![]), FULL / 2));
    assert_eq!(
        queue_ids(&s),
        [first.as_str(), s.queue[1].question.as_str(), first.as_str()]
    );
    s.advance();
    assert!(s.check(Response::Choices(vec![]), FULL));
    s.advance();
    assert_eq!(
        s.current().map(|e| e.question.as_str()),
        Some(first.as_str())
    );
    assert!(s.check(Response::Choices(vec![]), FULL));
    assert_eq!(s.queue.len(), 3, "a right answer is not requeued");
    s.advance();
    assert!(s.is_finished());
    assert_eq!((s.answered, s.correct), (3, 2));
    assert_eq!(s.first_try(), (1, 2), "partly right is not right");
}

#[test]
fn a_second_check_is_ignored_and_a_finished_session_stays_finished() {
    let mut s = session(1);
    assert!(s.check(Response::TrueFalse(false), 0));
    let after_first = s.clone();
    assert!(!s.check(Response::TrueFalse(true), FULL));
    assert_eq!(s, after_first, "nothing changes");
    s.advance();
    assert_eq!(s.index, 1);
    assert!(!s.is_finished(), "the retry is still to come");
    assert!(s.check(Response::TrueFalse(true), FULL));
    s.advance();
    assert!(s.is_finished());
    assert_eq!(s.current(), None);
    let finished = s.clone();
    assert!(!s.check(Response::TrueFalse(true), FULL));
    s.advance();
    assert_eq!(s, finished, "advancing past the end does nothing");
    assert_eq!((s.answered, s.correct), (2, 1));
    assert_eq!(s.first_try(), (0, 1));
}

#[test]
fn a_session_survives_storage() {
    let mut s = plan(
        &tiny(),
        ProfileId::Erc,
        &Scope::Lesson("alpha".into()),
        &Schedule::default(),
        NOW,
        4,
        8,
    );
    s.check(Response::Region("chest".into()), FULL);
    let text = serde_json::to_string(&s).unwrap();
    let back: Session = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["scope"], serde_json::json!({ "lesson": "alpha" }));
    assert_eq!(v["profile"], "erc");
}
