//! cmi5's rules for completed, passed and failed; durations; the actor
//! carries only what is configured; the activity base; the learner's own
//! data; only records that verify are exported.

use super::*;

#[test]
fn passed_and_failed_exams_follow_cmi5() {
    let c = curriculum();
    let cases = [
        (79, false),
        (80, true),
        (0, false),
        (100, true),
        (57, false),
    ];
    for (percent, passed) in cases {
        let a = activity(vec![], vec![exam(percent, T)]);
        let s = to_json(&learner_statements(&a, &c, &ExportOptions::default()).unwrap());
        assert_valid(&s);
        let s = &s[0];
        let verb = if passed { "passed" } else { "failed" };
        assert_eq!(
            s["verb"]["id"],
            format!("http://adlnet.gov/expapi/verbs/{verb}")
        );
        assert_eq!(s["result"]["success"], json!(passed));
        assert!(s["result"].get("completion").is_none(), "cmi5 9.5.3");
        let score = &s["result"]["score"];
        assert_eq!(score["raw"], json!(percent));
        assert_eq!(
            (score["min"].clone(), score["max"].clone()),
            (json!(0), json!(100))
        );
        let scaled = score["scaled"].as_f64().unwrap();
        assert_eq!(scaled, f64::from(percent) / 100.0, "scaled = raw / max");
        // cmi5 9.3.4/9.3.5: passed at or above the mastery score, failed below.
        let mastery = s["context"]["extensions"][EXT_MASTERY_SCORE]
            .as_f64()
            .unwrap();
        assert_eq!(scaled >= mastery, passed);
        assert_eq!(s["result"]["duration"], "PT12M34.32S");
        assert_eq!(categories(s), [CATEGORY_CMI5, CATEGORY_MOVEON]);
    }
}

#[test]
fn only_what_cmi5_allows_once_is_cmi5_defined_and_nothing_is_dropped() {
    let c = curriculum();
    let lesson = |at| LessonCompletion {
        lesson: "adult-cpr".into(),
        completed_at_ms: at,
        duration_ms: Some(400_000),
    };
    // Given out of order: exported in time order.
    let a = activity(
        vec![lesson(T + 5), lesson(T + 1), lesson(T + 1)],
        vec![
            exam(90, T + 20),
            exam(50, T + 10),
            exam(60, T + 30),
            exam(95, T + 40),
        ],
    );
    let s = to_json(&learner_statements(&a, &c, &ExportOptions::default()).unwrap());
    assert_valid(&s);
    let verbs: Vec<&str> = s
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap())
        .collect();
    // The same completion twice is one event (one id): exported once.
    assert_eq!(
        verbs,
        [
            "completed",
            "completed",
            "failed",
            "passed",
            "failed",
            "passed"
        ]
    );
    let defined: Vec<bool> = s.iter().map(|s| !categories(s).is_empty()).collect();
    assert_eq!(defined, [true, false, true, true, false, false]);
    // cmi5 9.5.4.1: a "completed" statement carries the time spent.
    assert_eq!(s[0]["result"]["duration"], "PT6M40S");
    // cmi5 allowed statements keep their results but not the categories.
    assert!(s[4]["context"].get("contextActivities").is_none());
    assert_eq!(s[4]["result"]["success"], json!(false));
}

#[test]
fn durations_are_iso_8601_to_the_hundredth_of_a_second() {
    let cases = [
        (0, "PT0S"),
        (9, "PT0S"),
        (10, "PT0.01S"),
        (1_500, "PT1.5S"),
        (61_000, "PT1M1S"),
        (600_000, "PT10M"),
        (754_321, "PT12M34.32S"),
        (3_600_000, "PT1H"),
        (3_723_450, "PT1H2M3.45S"),
        (90_000_000, "PT25H"),
    ];
    for (ms, text) in cases {
        assert_eq!(duration(ms), text, "{ms} ms");
        assert!(is_duration(text), "{text}");
    }
}

#[test]
fn a_learner_without_a_device_key_or_duration_still_gets_valid_statements() {
    let c = curriculum();
    let mut a = activity(
        vec![LessonCompletion {
            lesson: "no-such-lesson".into(),
            completed_at_ms: T,
            duration_ms: None,
        }],
        vec![ExamResult {
            duration_ms: None,
            blueprint: "other-exam".into(),
            ..exam(80, T)
        }],
    );
    a.learner.fingerprint = None;
    let opts = ExportOptions {
        actor: ActorConfig {
            id: ActorId::Account {
                home_page: "https://school.example/".into(),
                name_from: AccountName::LearnerNumber,
            },
            include_name: true,
        },
        ..ExportOptions::default()
    };
    let s = to_json(&learner_statements(&a, &c, &opts).unwrap());
    assert_valid(&s);
    // Unknown content is named by its id; no duration when none is known.
    assert_eq!(
        s[0]["object"]["definition"]["name"],
        json!({"en-US": "no-such-lesson", "zh-CN": "no-such-lesson"})
    );
    assert!(s[0]["result"].get("duration").is_none());
    assert!(s[1]["result"].get("duration").is_none());
    assert_eq!(s[1]["actor"]["account"]["name"], "2026-0142");
    // Without a key, the fingerprint cannot name the account.
    let fp = ExportOptions::default();
    assert_eq!(
        learner_statements(&a, &c, &fp),
        Err(ExportError::NoFingerprint)
    );
}

#[test]
fn the_actor_carries_only_what_is_configured() {
    let c = curriculum();
    let r = common::records::typical();
    let act = record_activity(&r);
    let fingerprint = r.body.key.fingerprint();
    let run = |id: ActorId, include_name: bool| {
        let opts = ExportOptions {
            actor: ActorConfig { id, include_name },
            ..ExportOptions::default()
        };
        learner_statements(&act, &c, &opts)
    };
    let school = "https://school.example".to_owned();
    // Fingerprint, no name: nothing the learner typed leaves.
    let s = run(
        ActorId::Account {
            home_page: school.clone(),
            name_from: AccountName::Fingerprint,
        },
        false,
    )
    .unwrap();
    let text = export_file(&s);
    for personal in ["王小明", "2026-0142", "初二"] {
        assert!(!text.contains(personal), "{personal} leaked");
    }
    assert_eq!(
        serde_json::to_value(&s[0].actor).unwrap(),
        json!({"objectType": "Agent", "account": {"homePage": school, "name": fingerprint}})
    );
    // Number and name.
    let s = run(
        ActorId::Account {
            home_page: school.clone(),
            name_from: AccountName::LearnerNumber,
        },
        true,
    )
    .unwrap();
    assert_eq!(
        serde_json::to_value(&s[0].actor).unwrap(),
        json!({"objectType": "Agent", "name": "王小明", "account": {"homePage": school, "name": "2026-0142"}})
    );
    // An mbox from a template.
    let s = run(
        ActorId::Mbox {
            template: "mailto:{number}@students.school.example".into(),
        },
        true,
    )
    .unwrap();
    assert_valid(&to_json(&s));
    assert_eq!(
        serde_json::to_value(&s[0].actor).unwrap(),
        json!({"objectType": "Agent", "name": "王小明", "mbox": "mailto:2026-0142@students.school.example"})
    );
    // Settings that cannot make a valid actor are refused.
    assert_eq!(
        run(
            ActorId::Mbox {
                template: "{number}@school.example".into()
            },
            true
        ),
        Err(ExportError::Mbox("2026-0142@school.example".into()))
    );
    assert!(matches!(
        run(
            ActorId::Account {
                home_page: "school.example".into(),
                name_from: AccountName::Fingerprint
            },
            true
        ),
        Err(ExportError::HomePage(_))
    ));
    let mut no_number = act.clone();
    no_number.learner.number = None;
    let opts = ExportOptions {
        actor: ActorConfig {
            id: ActorId::Account {
                home_page: school,
                name_from: AccountName::LearnerNumber,
            },
            include_name: true,
        },
        ..ExportOptions::default()
    };
    assert_eq!(
        learner_statements(&no_number, &c, &opts),
        Err(ExportError::NoLearnerNumber)
    );
}

#[test]
fn the_activity_base_is_a_parameter() {
    let c = curriculum();
    let a = activity(
        vec![LessonCompletion {
            lesson: "aed".into(),
            completed_at_ms: T,
            duration_ms: Some(1),
        }],
        vec![exam(90, T + 1)],
    );
    let opts = ExportOptions {
        activity_base: "https://school.example/firstaid/xapi/".into(),
        ..ExportOptions::default()
    };
    let s = to_json(&learner_statements(&a, &c, &opts).unwrap());
    assert_valid(&s);
    assert_eq!(
        s[0]["object"]["id"],
        "https://school.example/firstaid/xapi/activities/lesson/aed"
    );
    assert!(s[1]["context"]["extensions"]
        .get("https://school.example/firstaid/xapi/extensions/exam-seed")
        .is_some());
    // Ids of any text stay one path segment.
    let odd = activity(
        vec![LessonCompletion {
            lesson: "a b/c?".into(),
            completed_at_ms: T,
            duration_ms: None,
        }],
        vec![],
    );
    let s = to_json(&learner_statements(&odd, &c, &opts).unwrap());
    assert_eq!(
        s[0]["object"]["id"],
        "https://school.example/firstaid/xapi/activities/lesson/a%20b%2Fc%3F"
    );
    for bad in ["", "firstaid/xapi", "urn:firstaid", "https://"] {
        let opts = ExportOptions {
            activity_base: bad.into(),
            ..ExportOptions::default()
        };
        assert_eq!(
            learner_statements(&a, &c, &opts),
            Err(ExportError::ActivityBase(bad.into())),
            "{bad:?}"
        );
    }
}

#[test]
fn the_learners_own_data_converts_from_what_the_app_keeps() {
    let mut p = Progress::default();
    p.visit_step("adult-cpr", "x");
    p.add_time("adult-cpr", 61_000);
    p.complete("adult-cpr", "2026-11-29T05:35:14.123Z");
    p.complete("aed", "2026-11-29T06:00:00.000Z");
    p.visit_step("choking-adult-child", "x"); // started, not completed
    let lessons = LessonCompletion::from_progress(&p);
    assert_eq!(
        lessons,
        [
            LessonCompletion {
                lesson: "adult-cpr".into(),
                completed_at_ms: parse_iso("2026-11-29T05:35:14.123Z").unwrap() as u64,
                duration_ms: Some(61_000),
            },
            LessonCompletion {
                lesson: "aed".into(),
                completed_at_ms: parse_iso("2026-11-29T06:00:00.000Z").unwrap() as u64,
                // Completed without a step visited here: timed from then, 0.
                duration_ms: Some(0),
            },
        ]
    );
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden/transcript-course-rcsc.json"
    ))
    .unwrap();
    let t: Transcript = serde_json::from_str(&text).unwrap();
    let e = ExamResult::from_transcript(&t).unwrap();
    assert_eq!(
        e,
        ExamResult {
            blueprint: "course-rcsc".into(),
            // The golden transcript's seed and figures change with the bank.
            seed: t.seed.parse().unwrap(),
            finished_at_ms: parse_iso("2026-11-29T05:15:00.000Z").unwrap() as u64,
            duration_ms: Some(900_000),
            percent: t.percent,
            pass_percent: 80,
        }
    );
    assert_eq!(e.passed(), t.passed);
    let mut damaged = t.clone();
    damaged.seed = "x".into();
    assert_eq!(ExamResult::from_transcript(&damaged), None);

    let a = LearnerActivity {
        learner: learner(None),
        content_version: t.content_version.clone(),
        registration: None,
        lessons,
        exams: vec![e],
    };
    let s = to_json(&learner_statements(&a, &curriculum(), &ExportOptions::default()).unwrap());
    assert_valid(&s);
    assert_eq!(s.len(), 3);
    // Handed in before the lessons were completed: first in time order.
    assert_eq!(s[0]["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
    assert_eq!(s[0]["result"]["duration"], "PT15M");
    assert_eq!(s[1]["result"]["duration"], "PT1M1S");
    assert!(s.iter().all(|s| s["context"].get("registration").is_none()));
}

#[test]
fn only_records_that_verify_are_exported() {
    let c = curriculum();
    let good = common::records::typical_for(CONTENT_VERSION);
    let mut tampered = good.clone();
    tampered.body.learner.name = "someone else".into();
    let old_content = common::records::typical();
    let opts = ExportOptions::default();
    let s = verified_statements(&good, &c, CONTENT_VERSION, None, &opts).unwrap();
    assert_eq!(
        s,
        learner_statements(&record_activity(&good), &c, &opts).unwrap()
    );
    // The record's lesson times are the "completed" statements' durations
    // (the example timed every second lesson, the first for 4 minutes).
    let completed: Vec<Option<String>> = to_json(&s)
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .map(|s| s["result"]["duration"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(completed.len(), good.body.lessons.len());
    assert_eq!(completed[..2], [Some("PT4M".to_owned()), None]);
    // Against the instructor's own assignment too.
    let assignment = example::assignment(&c, CONTENT_VERSION);
    assert_eq!(
        verified_statements(&good, &c, CONTENT_VERSION, Some(&assignment), &opts).unwrap(),
        s
    );
    // The same learner's record twice: each statement once.
    let out = class_export(
        &[tampered.clone(), good.clone(), old_content, good.clone()],
        &c,
        CONTENT_VERSION,
        None,
        &opts,
    );
    assert_eq!(out.statements, s);
    let refused: Vec<usize> = out.refused.iter().map(|(i, _)| *i).collect();
    assert_eq!(refused, [0, 2]);
    let reasons: Vec<String> = out.refused.iter().map(|(_, e)| e.to_string()).collect();
    assert!(
        reasons[0].contains("signature does not match"),
        "{reasons:?}"
    );
    assert!(reasons[1].contains("cannot re-score"), "{reasons:?}");
}
