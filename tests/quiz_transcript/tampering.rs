//! Tampered transcripts: every kind of tampering rejected with its
//! specific reason; bad seeds, malformed JSON; what may change without
//! changing the exam or its score.

use super::*;

type Mutation = Box<dyn Fn(&mut Value)>;
type Check = Box<dyn Fn(&Rejection) -> bool>;

fn exactly(want: Rejection) -> Check {
    Box::new(move |r| *r == want)
}

fn answer_json(r: &Response) -> Value {
    serde_json::to_value(firstaid::quiz::transcript::Answer::from(r)).unwrap()
}

#[test]
fn tampered_transcripts_are_rejected_with_the_reason() {
    let c = embedded();
    let taken = take(&c, FIXED_VERSION, rcsc(&c), 2026, mix);
    let t = taken.transcript.clone();
    let base = serde_json::to_value(&t).unwrap();
    assert!(rescore_json(&c, FIXED_VERSION, &base.to_string()).is_ok());

    let q = |i: usize| c.question(&taken.exam[i].question).unwrap().clone();
    let find = |kind: Kind, types: &[QuestionType]| {
        (0..20)
            .find(|i| taken.kinds[*i] == kind && types.contains(&q(*i).kind))
            .unwrap_or_else(|| panic!("no {kind:?} {types:?} question in the exam"))
    };
    let single_right = find(Kind::Correct, &[QuestionType::Single]);
    let wrong = find(
        Kind::Wrong,
        &[
            QuestionType::Single,
            QuestionType::TrueFalse,
            QuestionType::Multiple,
        ],
    );
    let unanswered = find(Kind::Unanswered, &QuestionType::ALL);
    let with_options = (0..20).find(|i| taken.exam[*i].options.len() >= 2).unwrap();
    let wrong_single = wrong_response(&q(single_right));
    let (n_right, n_unanswered, n_options) = (single_right + 1, unanswered + 1, with_options + 1);
    let (points, percent, passed) = (t.points, t.percent, t.passed);
    let first_q = taken.exam[0].question.clone();
    let second_q = taken.exam[1].question.clone();
    let answered_late = (0..20)
        .rev()
        .find(|i| t.items[*i].answer.is_some())
        .unwrap();

    let cases: Vec<(&str, Mutation, Check)> = vec![
        (
            "changed answer",
            Box::new(move |v| v["items"][single_right]["answer"] = answer_json(&wrong_single)),
            exactly(Rejection::ItemPoints {
                item: n_right,
                claimed: 1000,
                actual: 0,
            }),
        ),
        (
            "changed item points",
            Box::new(move |v| v["items"][unanswered]["points"] = json!(1000)),
            exactly(Rejection::ItemPoints {
                item: n_unanswered,
                claimed: 1000,
                actual: 0,
            }),
        ),
        (
            "changed item points of a wrong answer",
            Box::new(move |v| v["items"][wrong]["points"] = json!(500)),
            exactly(Rejection::ItemPoints {
                item: wrong + 1,
                claimed: 500,
                actual: 0,
            }),
        ),
        (
            "changed total points",
            Box::new(move |v| v["points"] = json!(points + 1)),
            exactly(Rejection::Points {
                claimed: points + 1,
                actual: points,
            }),
        ),
        (
            "changed maximum",
            Box::new(|v| v["max_points"] = json!(19_000)),
            exactly(Rejection::MaxPoints {
                claimed: 19_000,
                actual: 20_000,
            }),
        ),
        (
            "changed percent",
            Box::new(move |v| v["percent"] = json!(percent + 10)),
            exactly(Rejection::Percent {
                claimed: percent + 10,
                actual: percent,
            }),
        ),
        (
            "changed pass",
            Box::new(move |v| v["passed"] = json!(!passed)),
            exactly(Rejection::Passed {
                claimed: !passed,
                actual: passed,
            }),
        ),
        (
            "lower pass mark in a shipped blueprint",
            Box::new(|v| v["blueprint"]["pass_percent"] = json!(10)),
            exactly(Rejection::BlueprintChanged("course-rcsc".into())),
        ),
        (
            "lower pass mark in a shipped blueprint, and the pass claimed to match",
            Box::new(|v| {
                v["blueprint"]["pass_percent"] = json!(10);
                v["passed"] = json!(true);
            }),
            exactly(Rejection::BlueprintChanged("course-rcsc".into())),
        ),
        (
            "lower pass mark in a renamed blueprint",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["pass_percent"] = json!(10);
            }),
            exactly(Rejection::Passed {
                claimed: false,
                actual: true,
            }),
        ),
        (
            "a longer time limit in a shipped blueprint",
            Box::new(|v| v["blueprint"]["time_limit_minutes"] = json!(600)),
            exactly(Rejection::BlueprintChanged("course-rcsc".into())),
        ),
        (
            "two questions swapped",
            Box::new(|v| v["items"].as_array_mut().unwrap().swap(0, 1)),
            exactly(Rejection::Question {
                item: 1,
                expected: first_q.clone(),
                found: second_q.clone(),
            }),
        ),
        (
            "a question removed",
            Box::new(|v| {
                v["items"].as_array_mut().unwrap().pop();
            }),
            exactly(Rejection::QuestionCount {
                expected: 20,
                found: 19,
            }),
        ),
        (
            "a question added",
            Box::new(|v| {
                let first = v["items"][0].clone();
                v["items"].as_array_mut().unwrap().push(first);
            }),
            exactly(Rejection::QuestionCount {
                expected: 20,
                found: 21,
            }),
        ),
        (
            "another seed",
            Box::new(|v| v["seed"] = json!("2027")),
            Box::new(|r| matches!(r, Rejection::Question { .. } | Rejection::Options { .. })),
        ),
        (
            "the seed as a JSON number",
            Box::new(|v| v["seed"] = json!(2026)),
            Box::new(|r| matches!(r, Rejection::Malformed(_))),
        ),
        (
            "a shipped blueprint's section changed",
            Box::new(|v| v["blueprint"]["sections"][0]["count"] = json!(4)),
            exactly(Rejection::BlueprintChanged("course-rcsc".into())),
        ),
        (
            "a section's count changed",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["sections"][0]["count"] = json!(4);
            }),
            exactly(Rejection::QuestionCount {
                expected: 21,
                found: 20,
            }),
        ),
        (
            "a section's lesson changed",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["sections"][0]["lessons"] = json!(["after-care"]);
            }),
            Box::new(|r| matches!(r, Rejection::Question { .. } | Rejection::Options { .. })),
        ),
        (
            "sections reordered",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["sections"]
                    .as_array_mut()
                    .unwrap()
                    .swap(0, 1)
            }),
            Box::new(|r| matches!(r, Rejection::Question { .. } | Rejection::Options { .. })),
        ),
        (
            "the blueprint made invalid",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["sections"][1]["count"] = json!(0);
            }),
            exactly(Rejection::Blueprint(BlueprintError::ZeroCount(2))),
        ),
        (
            "the blueprint's pool too small",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["sections"][7]["count"] = json!(50);
            }),
            exactly(Rejection::Blueprint(BlueprintError::PoolTooSmall {
                section: 8,
                wanted: 50,
                // Section 8 is after-care: its RCSC questions exams may draw.
                available: embedded()
                    .questions_for("after-care", firstaid::profile::ProfileId::Rcsc)
                    .filter(|q| !q.exam_hold)
                    .count() as u32,
            })),
        ),
        (
            "another profile",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["profile"] = json!("aha");
            }),
            Box::new(|r| matches!(r, Rejection::Question { .. } | Rejection::Options { .. })),
        ),
        (
            "option order changed",
            Box::new(move |v| {
                v["items"][with_options]["options"]
                    .as_array_mut()
                    .unwrap()
                    .swap(0, 1)
            }),
            exactly(Rejection::Options { item: n_options }),
        ),
        (
            "an option left out",
            Box::new(move |v| {
                v["items"][with_options]["options"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            }),
            exactly(Rejection::Options { item: n_options }),
        ),
        (
            "another content version",
            Box::new(|v| v["content_version"] = json!("sha256:1111111111111111")),
            exactly(Rejection::ContentVersion {
                transcript: "sha256:1111111111111111".into(),
                ours: FIXED_VERSION.into(),
            }),
        ),
        (
            "another format",
            Box::new(|v| v["format"] = json!("firstaid-blueprint")),
            exactly(Rejection::Format {
                format: "firstaid-blueprint".into(),
                version: 1,
            }),
        ),
        (
            "another version",
            Box::new(|v| v["version"] = json!(2)),
            exactly(Rejection::Format {
                format: "firstaid-transcript".into(),
                version: 2,
            }),
        ),
        (
            "no format",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("format");
            }),
            exactly(Rejection::Format {
                format: "".into(),
                version: 1,
            }),
        ),
        (
            "the version as a string",
            Box::new(|v| v["version"] = json!("1")),
            exactly(Rejection::Format {
                format: "firstaid-transcript".into(),
                version: 0,
            }),
        ),
        (
            "an unknown field",
            Box::new(|v| v["grade"] = json!("A")),
            Box::new(|r| matches!(r, Rejection::Malformed(m) if m.contains("grade"))),
        ),
        (
            "a missing field",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("items");
            }),
            Box::new(|r| matches!(r, Rejection::Malformed(m) if m.contains("items"))),
        ),
        (
            "an unknown field in an item",
            Box::new(|v| v["items"][0]["flagged"] = json!(true)),
            Box::new(|r| matches!(r, Rejection::Malformed(m) if m.contains("flagged"))),
        ),
        (
            "negative points",
            Box::new(|v| v["items"][0]["points"] = json!(-1000)),
            Box::new(|r| matches!(r, Rejection::Malformed(_))),
        ),
        (
            "an unknown kind of answer",
            Box::new(move |v| v["items"][single_right]["answer"] = json!({ "shout": "a" })),
            Box::new(|r| matches!(r, Rejection::Malformed(_))),
        ),
        (
            "an answer of the wrong kind",
            Box::new(move |v| v["items"][single_right]["answer"] = json!({ "true_false": true })),
            exactly(Rejection::Answer {
                item: n_right,
                error: ResponseError::WrongKind,
            }),
        ),
        (
            "an answer with an unknown option",
            Box::new(move |v| v["items"][single_right]["answer"] = json!({ "choices": ["zz"] })),
            exactly(Rejection::Answer {
                item: n_right,
                error: ResponseError::UnknownId("zz".into()),
            }),
        ),
        (
            "two choices to a single-choice question",
            Box::new(move |v| {
                let opts = v["items"][single_right]["options"].clone();
                v["items"][single_right]["answer"] = json!({ "choices": [opts[0], opts[1]] });
            }),
            exactly(Rejection::Answer {
                item: n_right,
                error: ResponseError::NotOneChoice,
            }),
        ),
        (
            "answered before the start",
            Box::new(move |v| {
                v["items"][single_right]["answered_at"] = json!(format_iso(START - 1))
            }),
            exactly(Rejection::Time(TimeProblem::OutsideExam(n_right))),
        ),
        (
            "answered after the finish",
            Box::new(move |v| {
                v["items"][single_right]["answered_at"] = json!(format_iso(START + 15 * MINUTE + 1))
            }),
            exactly(Rejection::Time(TimeProblem::OutsideExam(n_right))),
        ),
        (
            "answered after the time limit",
            Box::new(move |v| {
                v["finished_at"] = json!(format_iso(START + 40 * MINUTE));
                v["items"][answered_late]["answered_at"] =
                    json!(format_iso(START + 30 * MINUTE + 1));
            }),
            exactly(Rejection::Time(TimeProblem::AfterTimeLimit(
                answered_late + 1,
            ))),
        ),
        (
            "a shorter time limit in a renamed blueprint",
            Box::new(|v| {
                v["blueprint"]["id"] = json!("custom");
                v["blueprint"]["time_limit_minutes"] = json!(1);
            }),
            exactly(Rejection::Time(TimeProblem::AfterTimeLimit(2))),
        ),
        (
            "an unreadable answer time",
            Box::new(move |v| v["items"][single_right]["answered_at"] = json!("yesterday")),
            exactly(Rejection::Time(TimeProblem::Unreadable(format!(
                "items[{single_right}].answered_at"
            )))),
        ),
        (
            "a start time with an offset",
            Box::new(|v| v["started_at"] = json!("2026-11-29T13:00:00.000+08:00")),
            exactly(Rejection::Time(TimeProblem::Unreadable(
                "started_at".into(),
            ))),
        ),
        (
            "an impossible finish time",
            Box::new(|v| v["finished_at"] = json!("2026-02-30T05:15:00.000Z")),
            exactly(Rejection::Time(TimeProblem::Unreadable(
                "finished_at".into(),
            ))),
        ),
        (
            "finished before it started",
            Box::new(|v| v["finished_at"] = json!(format_iso(START - MINUTE))),
            exactly(Rejection::Time(TimeProblem::FinishedBeforeStart)),
        ),
        (
            "an answer without a time",
            Box::new(move |v| v["items"][single_right]["answered_at"] = Value::Null),
            exactly(Rejection::Time(TimeProblem::AnswerWithoutTime(n_right))),
        ),
        (
            "a time without an answer",
            Box::new(move |v| {
                v["items"][unanswered]["answered_at"] = json!(format_iso(START + MINUTE))
            }),
            exactly(Rejection::Time(TimeProblem::AnswerWithoutTime(
                n_unanswered,
            ))),
        ),
        (
            "the first problem wins: an item before the totals",
            Box::new(move |v| {
                v["points"] = json!(0);
                v["items"][unanswered]["points"] = json!(1000);
            }),
            exactly(Rejection::ItemPoints {
                item: n_unanswered,
                claimed: 1000,
                actual: 0,
            }),
        ),
        (
            "the first problem wins: the content version before the rest",
            Box::new(|v| {
                v["content_version"] = json!("sha256:2222222222222222");
                v["seed"] = json!("x");
                v["points"] = json!(0);
            }),
            Box::new(|r| matches!(r, Rejection::ContentVersion { .. })),
        ),
    ];
    for (what, mutate, check) in &cases {
        let mut v = base.clone();
        mutate(&mut v);
        assert_ne!(v, base, "{what}: the mutation changes something");
        let got = rescore_json(&c, FIXED_VERSION, &v.to_string());
        match &got {
            Err(r) => {
                assert!(check(r), "{what}: rejected for another reason: {r:?}");
                assert!(!r.to_string().is_empty());
            }
            Ok(s) => panic!("{what}: accepted with {s:?}"),
        }
        // The typed entry point agrees whenever the JSON is a transcript.
        if let Ok(t) = serde_json::from_value::<Transcript>(v) {
            assert_eq!(rescore(&c, FIXED_VERSION, &t), got, "{what}");
        }
    }
}

#[test]
fn bad_seeds_are_rejected() {
    let c = embedded();
    let t = take(&c, FIXED_VERSION, rcsc(&c), 2026, mix).transcript;
    for seed in [
        "",
        "abc",
        "07",
        "00",
        "-1",
        "+7",
        " 7",
        "7 ",
        "7.0",
        "1e3",
        "0x10",
        "18446744073709551616",
        "99999999999999999999999",
        "٣",
    ] {
        assert_eq!(parse_seed(seed), None, "{seed:?}");
        let mut bad = t.clone();
        bad.seed = seed.into();
        assert_eq!(
            rescore(&c, FIXED_VERSION, &bad),
            Err(Rejection::Seed(seed.into())),
            "{seed:?}"
        );
    }
    for (text, n) in [
        ("0", 0u64),
        ("7", 7),
        ("2026", 2026),
        ("18446744073709551615", u64::MAX),
    ] {
        assert_eq!(parse_seed(text), Some(n));
    }
}

#[test]
fn malformed_json_is_rejected() {
    let c = embedded();
    for text in [
        "",
        "{",
        "not json",
        "{\"format\": \"firstaid-transcript\",}",
    ] {
        assert!(
            matches!(
                rescore_json(&c, FIXED_VERSION, text),
                Err(Rejection::Malformed(_))
            ),
            "{text:?}"
        );
    }
    // A foreign document is reported as such before its shape.
    assert_eq!(
        rescore_json(&c, FIXED_VERSION, "[1, 2]"),
        Err(Rejection::Format {
            format: "".into(),
            version: 0
        })
    );
}

#[test]
fn the_typed_rescore_checks_format_and_content_version_too() {
    let c = embedded();
    let t = take(&c, FIXED_VERSION, rcsc(&c), 5, mix).transcript;
    let mut other = t.clone();
    other.version = 9;
    assert_eq!(
        rescore(&c, FIXED_VERSION, &other),
        Err(Rejection::Format {
            format: "firstaid-transcript".into(),
            version: 9
        })
    );
    // Re-scoring against other content is refused.
    assert_eq!(
        rescore(&c, "sha256:abcdefabcdefabcd", &t),
        Err(Rejection::ContentVersion {
            transcript: FIXED_VERSION.into(),
            ours: "sha256:abcdefabcdefabcd".into()
        })
    );
}

#[test]
fn what_does_not_affect_the_exam_or_score_may_change() {
    // Title and id are not part of drawing or scoring.
    let c = embedded();
    let t = take(&c, FIXED_VERSION, rcsc(&c), 2026, mix).transcript;
    let mut v = serde_json::to_value(&t).unwrap();
    v["blueprint"]["id"] = json!("renamed");
    v["blueprint"]["title"]["en"] = json!("Another title");
    assert_eq!(
        rescore_json(&c, FIXED_VERSION, &v.to_string()),
        rescore(&c, FIXED_VERSION, &t)
    );
    // An answer exactly at the time limit counts.
    let mut v = serde_json::to_value(&t).unwrap();
    v["finished_at"] = json!(format_iso(START + 30 * MINUTE));
    let last = t.items.iter().rposition(|i| i.answer.is_some()).unwrap();
    v["items"][last]["answered_at"] = json!(format_iso(START + 30 * MINUTE));
    assert!(rescore_json(&c, FIXED_VERSION, &v.to_string()).is_ok());
}
