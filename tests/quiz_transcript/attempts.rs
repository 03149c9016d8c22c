//! The pass mark boundary; attempts: the time limit, stale content,
//! errors, answers that do not fit, stored results.

use super::*;

#[test]
fn pass_mark_boundary() {
    let full = |n: usize| vec![FULL; n];
    let cat = |a: Vec<u32>, b: &[u32]| [a, b.to_vec()].concat();
    // (item points, pass mark, percent, passed)
    let cases: Vec<(Vec<u32>, u32, u32, bool)> = vec![
        (cat(full(16), &[0; 4]), 80, 80, true),
        (cat(full(15), &[999, 0, 0, 0, 0]), 80, 79, false),
        (cat(full(15), &[500, 500, 0, 0, 0]), 80, 80, true),
        (cat(full(4), &[0]), 80, 80, true),
        (cat(full(3), &[999, 0]), 80, 79, false),
        (full(20), 100, 100, true),
        (cat(full(19), &[999]), 100, 99, false),
        (cat(full(1), &[0; 99]), 1, 1, true),
        (cat(vec![999], &[0; 99]), 1, 0, false),
        (vec![333, 333, 334], 34, 33, false),
        (vec![], 80, 0, false),
        (vec![0], 1, 0, false),
    ];
    for (points, pass, percent, passed) in cases {
        let s = Score::of(&points, pass);
        assert_eq!(s.points, points.iter().sum::<u32>());
        assert_eq!(s.max_points, FULL * points.len() as u32);
        assert_eq!(
            (s.percent, s.passed),
            (percent, passed),
            "{points:?} at {pass}%"
        );
    }
}

#[test]
fn pass_mark_boundary_in_a_taken_exam() {
    let c = embedded();
    let bp = rcsc(&c);
    // A seed whose exam has a question that allows partial credit.
    let seed = (0..100u64)
        .find(|s| {
            draw(&c, FIXED_VERSION, &bp, *s).unwrap()[..16]
                .iter()
                .any(|e| partial_response(c.question(&e.question).unwrap()).is_some())
        })
        .expect("a seed with a partial-credit question");
    let exam = draw(&c, FIXED_VERSION, &bp, seed).unwrap();
    let partial = exam
        .iter()
        .position(|e| partial_response(c.question(&e.question).unwrap()).is_some())
        .unwrap();
    let sixteen = take(&c, FIXED_VERSION, bp.clone(), seed, |i, _| {
        if i < 16 {
            Kind::Correct
        } else {
            Kind::Wrong
        }
    });
    let score = rescore(&c, FIXED_VERSION, &sixteen.transcript).unwrap();
    assert_eq!(
        (score.points, score.percent, score.passed),
        (16_000, 80, true)
    );
    let less = take(&c, FIXED_VERSION, bp, seed, |i, _| {
        if i == partial {
            Kind::Partial
        } else if i < 16 {
            Kind::Correct
        } else {
            Kind::Wrong
        }
    });
    let score = rescore(&c, FIXED_VERSION, &less.transcript).unwrap();
    assert!(score.points > 15_000 && score.points < 16_000, "{score:?}");
    assert_eq!(score.percent, score.points / 200);
    assert!(!score.passed, "{score:?}");
}

// ---------------------------------------------------------------------------
// Attempts: time limit, stale content, errors

#[test]
fn answers_after_the_deadline_are_refused() {
    let c = embedded();
    let bp = rcsc(&c);
    let (mut a, exam) = ExamAttempt::start(&c, FIXED_VERSION, bp, 3, START).unwrap();
    let deadline = START + 30 * MINUTE;
    assert_eq!(a.deadline_ms(), Some(deadline));
    let q = c.question(&exam[0].question).unwrap();
    assert!(!a.is_time_up(deadline));
    assert_eq!(
        a.answer(&c, &exam, 0, correct_response(q), deadline),
        Ok(())
    );
    assert!(a.is_time_up(deadline + 1));
    assert_eq!(
        a.answer(&c, &exam, 1, correct_response(q), deadline + 1),
        Err(AttemptError::TimeUp)
    );
    assert_eq!(a.answered(), 1);
    // Finished late, the transcript still checks out.
    let t = a.finish(&c, &exam, deadline + 10 * MINUTE).unwrap();
    assert_eq!(rescore(&c, FIXED_VERSION, &t).unwrap().points, 1000);

    // No time limit, no deadline.
    let mut open = rcsc(&c);
    open.time_limit_minutes = None;
    let (mut a, exam) = ExamAttempt::start(&c, FIXED_VERSION, open, 3, START).unwrap();
    assert_eq!(a.deadline_ms(), None);
    let q = c.question(&exam[0].question).unwrap();
    let much_later = START + 1000 * 24 * 60 * MINUTE;
    assert_eq!(
        a.answer(&c, &exam, 0, correct_response(q), much_later),
        Ok(())
    );
}

#[test]
fn a_resumed_attempt_draws_the_same_exam_unless_the_content_changed() {
    let c = embedded();
    let (a, exam) = ExamAttempt::start(&c, FIXED_VERSION, rcsc(&c), 42, START).unwrap();
    let stored = serde_json::to_string(&a).unwrap();
    let resumed: ExamAttempt = serde_json::from_str(&stored).unwrap();
    assert_eq!(resumed, a);
    assert_eq!(resumed.exam(&c, FIXED_VERSION), Ok(exam));
    assert_eq!(
        resumed.exam(&c, "sha256:9999999999999999"),
        Err(AttemptError::Stale)
    );
    // Same version string but fewer slots than questions: also stale.
    let mut short = resumed.clone();
    short.answers.pop();
    assert_eq!(short.exam(&c, FIXED_VERSION), Err(AttemptError::Stale));
    // A question that no longer exists.
    let mut gone = c.clone();
    gone.questions.retain(|q| q.id != a_question(&resumed, &c));
    let exam = resumed.exam(&c, FIXED_VERSION).unwrap();
    let mut r = resumed.clone();
    let q = c.question(&exam[0].question).unwrap();
    assert_eq!(
        r.answer(&gone, &exam, 0, correct_response(q), START),
        Err(AttemptError::Stale)
    );
}

fn a_question(a: &ExamAttempt, c: &Curriculum) -> String {
    a.exam(c, &a.content_version).unwrap()[0].question.clone()
}

#[test]
fn attempt_errors() {
    let c = embedded();
    let mut bad = rcsc(&c);
    bad.sections[0].count = 0;
    assert_eq!(
        ExamAttempt::start(&c, FIXED_VERSION, bad, 1, START).map(|_| ()),
        Err(AttemptError::Blueprint(BlueprintError::ZeroCount(1)))
    );
    let (mut a, exam) = ExamAttempt::start(&c, FIXED_VERSION, rcsc(&c), 1, START).unwrap();
    assert_eq!(a.answers.len(), 20);
    assert_eq!(
        a.answer(&c, &exam, 20, Response::TrueFalse(true), START),
        Err(AttemptError::NoSuchQuestion(20))
    );
    let i = exam
        .iter()
        .position(|e| c.question(&e.question).unwrap().kind != QuestionType::TrueFalse)
        .unwrap();
    assert_eq!(
        a.answer(&c, &exam, i, Response::TrueFalse(true), START),
        Err(AttemptError::Response(ResponseError::WrongKind))
    );
    assert_eq!(a.answered(), 0);
    // An answer stamped before the start (a clock set back) is kept at the start.
    let q = c.question(&exam[i].question).unwrap();
    a.answer(&c, &exam, i, correct_response(q), START - MINUTE)
        .unwrap();
    assert_eq!(a.answers[i].as_ref().unwrap().at_ms, START);
    // Finishing "before" the last answer finishes at the last answer.
    a.answer(&c, &exam, i, correct_response(q), START + 5 * MINUTE)
        .unwrap();
    let t = a.finish(&c, &exam, START + MINUTE).unwrap();
    assert_eq!(t.finished_at, format_iso(START + 5 * MINUTE));
    assert!(rescore(&c, FIXED_VERSION, &t).is_ok());
    // Unticking every choice takes the answer back.
    assert_eq!(a.answered(), 1);
    a.clear(i, START + 6 * MINUTE).unwrap();
    assert_eq!((a.answered(), a.answers[i].clone()), (0, None));
    assert_eq!(
        a.clear(20, START + 6 * MINUTE),
        Err(AttemptError::NoSuchQuestion(20))
    );
    assert_eq!(a.clear(i, START + 31 * MINUTE), Err(AttemptError::TimeUp));
}

#[test]
fn build_refuses_answers_that_do_not_fit() {
    let c = embedded();
    let bp = rcsc(&c);
    let exam = draw(&c, FIXED_VERSION, &bp, 8).unwrap();
    let i = exam
        .iter()
        .position(|e| c.question(&e.question).unwrap().kind == QuestionType::Single)
        .unwrap();
    let mut answers = vec![None; exam.len()];
    answers[i] = Some(Given {
        response: Response::Choices(ids(&["nope"])),
        at_ms: START,
    });
    assert_eq!(
        build(&c, FIXED_VERSION, &bp, 8, &exam, &answers, START, START).map(|_| ()),
        Err(Rejection::Answer {
            item: i + 1,
            error: ResponseError::UnknownId("nope".into())
        })
    );
    let mut fake = exam.clone();
    fake[0].question = "no-such.question".into();
    assert!(matches!(
        build(&c, FIXED_VERSION, &bp, 8, &fake, &[], START, START),
        Err(Rejection::Malformed(_))
    ));
    // Missing answers are unanswered.
    let t = build(&c, FIXED_VERSION, &bp, 8, &exam, &[], START, START).unwrap();
    assert_eq!((t.points, t.percent, t.passed), (0, 0, false));
    assert!(t.items.iter().all(|i| i.answer.is_none()));
    assert_eq!(rescore(&c, FIXED_VERSION, &t).map(|s| s.points), Ok(0));
}

#[test]
fn a_small_custom_exam_passes_at_exactly_its_mark() {
    let c = embedded();
    let mut bp = blueprint(ProfileId::Aha, &[(&["adult-cpr"], &[], 5)]);
    bp.pass_percent = 80;
    let taken = take(&c, FIXED_VERSION, bp.clone(), 77, |i, _| {
        if i == 0 {
            Kind::Wrong
        } else {
            Kind::Correct
        }
    });
    let s = rescore(&c, FIXED_VERSION, &taken.transcript).unwrap();
    assert_eq!(
        (s.points, s.max_points, s.percent, s.passed),
        (4000, 5000, 80, true)
    );
    bp.pass_percent = 81;
    let taken = take(&c, FIXED_VERSION, bp, 77, |i, _| {
        if i == 0 {
            Kind::Wrong
        } else {
            Kind::Correct
        }
    });
    assert!(!taken.transcript.passed);
    assert_eq!(
        rescore(&c, FIXED_VERSION, &taken.transcript).map(|s| s.passed),
        Ok(false)
    );
}

#[test]
fn stored_results_keep_the_latest() {
    let c = embedded();
    let t = take(&c, FIXED_VERSION, rcsc(&c), 1, mix).transcript;
    let mut data = QuizData::default();
    for n in 0..MAX_RESULTS + 5 {
        let mut t = t.clone();
        t.seed = n.to_string();
        data.add_result(t);
    }
    assert_eq!(data.results.len(), MAX_RESULTS);
    assert_eq!(data.results[0].seed, "5");
    assert_eq!(
        data.results.last().unwrap().seed,
        (MAX_RESULTS + 4).to_string()
    );
}
