//! Blueprint errors, inclusive limits, JSON round trips and foreign
//! documents.

use super::*;

#[test]
fn blueprint_errors_are_reported() {
    type Mutation = fn(&mut Blueprint);
    let cases: Vec<(&str, Mutation, BlueprintError)> = vec![
        (
            "pool too small",
            |b| b.sections[0].count = 10,
            BlueprintError::PoolTooSmall {
                section: 1,
                wanted: 10,
                available: 9,
            },
        ),
        (
            "pool emptied by an earlier section",
            |b| {
                // Every RCSC question of the AED lesson.
                b.sections[3].count = 14;
                b.sections[4] = Section {
                    lessons: vec![],
                    objectives: vec!["aed.adult-pads".into()],
                    count: 1,
                };
            },
            BlueprintError::PoolTooSmall {
                section: 5,
                wanted: 1,
                available: 0,
            },
        ),
        (
            "unknown lesson",
            |b| b.sections[1].lessons.push("no-such-lesson".into()),
            BlueprintError::UnknownLesson {
                section: 2,
                id: "no-such-lesson".into(),
            },
        ),
        (
            "unknown objective",
            |b| b.sections[2].objectives.push("adult-cpr.nope".into()),
            BlueprintError::UnknownObjective {
                section: 3,
                id: "adult-cpr.nope".into(),
            },
        ),
        (
            "a lesson id is not an objective id",
            |b| b.sections[0].objectives.push("adult-cpr".into()),
            BlueprintError::UnknownObjective {
                section: 1,
                id: "adult-cpr".into(),
            },
        ),
        (
            "empty section",
            |b| b.sections[2].lessons.clear(),
            BlueprintError::EmptySection(3),
        ),
        (
            "zero count",
            |b| b.sections[1].count = 0,
            BlueprintError::ZeroCount(2),
        ),
        (
            "pass mark 0",
            |b| b.pass_percent = 0,
            BlueprintError::PassPercent(0),
        ),
        (
            "pass mark 101",
            |b| b.pass_percent = 101,
            BlueprintError::PassPercent(101),
        ),
        (
            "time limit 0",
            |b| b.time_limit_minutes = Some(0),
            BlueprintError::TimeLimit(0),
        ),
        (
            "time limit 601",
            |b| b.time_limit_minutes = Some(601),
            BlueprintError::TimeLimit(601),
        ),
        (
            "another format",
            |b| b.format = "firstaid-transcript".into(),
            BlueprintError::Format {
                format: "firstaid-transcript".into(),
                version: 1,
            },
        ),
        (
            "another version",
            |b| b.version = 2,
            BlueprintError::Format {
                format: "firstaid-blueprint".into(),
                version: 2,
            },
        ),
        ("empty id", |b| b.id.clear(), BlueprintError::Id("".into())),
        (
            "id with a space",
            |b| b.id = "course rcsc".into(),
            BlueprintError::Id("course rcsc".into()),
        ),
        (
            "id with a slash",
            |b| b.id = "../course".into(),
            BlueprintError::Id("../course".into()),
        ),
        (
            "id too long",
            |b| b.id = "a".repeat(65),
            BlueprintError::Id("a".repeat(65)),
        ),
        (
            "too many questions",
            |b| b.sections[0].count = MAX_QUESTIONS - 16,
            BlueprintError::TooManyQuestions(MAX_QUESTIONS + 1),
        ),
        (
            "too many questions without overflow",
            |b| {
                b.sections[0].count = u32::MAX;
                b.sections[1].count = u32::MAX;
            },
            BlueprintError::TooManyQuestions(u32::MAX),
        ),
        (
            "no sections",
            |b| b.sections.clear(),
            BlueprintError::NoSections,
        ),
    ];
    let c = embedded();
    let base = c.blueprint("course-rcsc").unwrap().clone();
    assert_eq!(base.question_count(), 20);
    assert_eq!(base.check(&c), Ok(()));
    for (what, mutate, want) in cases {
        let mut bp = base.clone();
        mutate(&mut bp);
        assert_eq!(
            draw(&c, FIXED_VERSION, &bp, 1),
            Err(want.clone()),
            "{what}: draw"
        );
        let checked = bp.check(&c);
        if matches!(want, BlueprintError::PoolTooSmall { .. }) {
            assert_eq!(checked, Ok(()), "{what}: check leaves pools to draw");
        } else {
            assert_eq!(checked, Err(want.clone()), "{what}: check");
        }
        assert!(!want.to_string().is_empty());
    }
}

#[test]
fn blueprint_limits_are_inclusive() {
    let c = embedded();
    let base = c.blueprint("course-erc").unwrap().clone();
    type Mutation = fn(&mut Blueprint);
    let fine: [(&str, Mutation); 8] = [
        ("pass mark 1", |b| b.pass_percent = 1),
        ("pass mark 100", |b| b.pass_percent = 100),
        ("time limit 1", |b| b.time_limit_minutes = Some(1)),
        ("time limit 600", |b| b.time_limit_minutes = Some(600)),
        ("no time limit", |b| b.time_limit_minutes = None),
        ("id of 64", |b| b.id = "a".repeat(64)),
        ("id characters", |b| b.id = "Exam.2026-v2".into()),
        ("objectives only", |b| {
            b.sections = vec![Section {
                lessons: vec![],
                objectives: vec!["aed.adult-pads".into(), "adult-cpr.rate-depth".into()],
                count: 2,
            }]
        }),
    ];
    for (what, mutate) in fine {
        let mut bp = base.clone();
        mutate(&mut bp);
        assert!(draw(&c, FIXED_VERSION, &bp, 1).is_ok(), "{what}");
    }
}

#[test]
fn blueprints_round_trip_through_json_and_reject_foreign_documents() {
    let c = embedded();
    for id in SHIPPED {
        let bp = c.blueprint(id).unwrap();
        let json = serde_json::to_string(bp).unwrap();
        assert_eq!(&Blueprint::from_json(&json).unwrap(), bp, "{id}");
    }
    let minimal = r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"aha",
        "sections":[{"lessons":["aed"],"count":1}]}"#;
    let bp = Blueprint::from_json(minimal).unwrap();
    assert_eq!(bp.pass_percent, 80, "default pass mark");
    assert_eq!(bp.time_limit_minutes, None);
    assert_eq!(bp.title, None);
    let bad = [
        (
            r#"{"format":"firstaid-transcript","version":1,"id":"x","profile":"aha","sections":[]}"#,
            "not a firstaid-blueprint version 1 document",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":2,"id":"x","profile":"aha","sections":[]}"#,
            "version 2",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"who","sections":[]}"#,
            "who",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"aha","sections":[],"colour":1}"#,
            "colour",
        ),
        (
            r#"{"format":"firstaid-blueprint","version":1,"id":"x","profile":"aha","sections":[{"count":1,"topics":[]}]}"#,
            "topics",
        ),
        ("[]", "invalid length"),
        ("{", "EOF"),
    ];
    for (text, words) in bad {
        let err = Blueprint::from_json(text).unwrap_err();
        assert!(err.contains(words), "{text}: {err}");
    }
}
