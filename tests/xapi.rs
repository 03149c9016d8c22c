//! xAPI export: the example record's statements are valid xAPI 1.0.3 and
//! pinned by a golden file, cmi5's rules for completed, passed and failed
//! hold, ids are stable, the actor carries only what is configured, every
//! rule of the validator can fail, and `firstaid xapi` exports verified
//! records only.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cli::{firstaid, TempFile};

use common::check_golden;
use firstaid::content::{Curriculum, CONTENT_VERSION};
use firstaid::progress::Progress;
use firstaid::quiz::transcript::Transcript;
use firstaid::records::example;
use firstaid::time::parse_iso;
use firstaid::xapi::statement::{
    duration, uuid_v5, Statement, CATEGORY_CMI5, CATEGORY_MOVEON, EXT_MASTERY_SCORE,
    STATEMENT_NAMESPACE, URL_NAMESPACE,
};
use firstaid::xapi::validate::{check_timestamp, is_duration, is_language_tag};
use firstaid::xapi::{
    class_export, export_file, learner_statements, record_activity, registration, validate,
    validate_export, verified_statements, AccountName, ActorConfig, ActorId, ExamResult,
    ExportError, ExportOptions, LearnerActivity, LearnerIdentity, LessonCompletion, Rule,
};
use serde_json::{json, Value};

fn curriculum() -> Curriculum {
    common::embedded()
}

fn to_json(s: &[Statement]) -> Vec<Value> {
    s.iter().map(|s| serde_json::to_value(s).unwrap()).collect()
}

/// The example record's statements (content version fixed, so only the
/// lessons' and blueprints' ids and titles can change them).
fn example_statements(opts: &ExportOptions) -> Vec<Statement> {
    let r = common::records::typical();
    learner_statements(&record_activity(&r), &curriculum(), opts).unwrap()
}

fn assert_valid(statements: &[Value]) {
    for (i, s) in statements.iter().enumerate() {
        let problems = validate(s);
        assert!(problems.is_empty(), "statement {i}: {problems:?}\n{s:#}");
    }
}

fn categories(s: &Value) -> Vec<String> {
    s["context"]["contextActivities"]["category"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| c["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_example_records_statements_are_valid_and_pinned() {
    let statements = example_statements(&ExportOptions::default());
    let values = to_json(&statements);
    assert_valid(&values);
    let file = export_file(&statements);
    assert_eq!(validate_export(&file), vec![]);
    let parsed: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(parsed, Value::Array(values.clone()));
    check_golden("xapi-example.json", &parsed);

    let r = common::records::typical();
    let c = curriculum();
    // One "completed" per lesson, one "passed" for the exam.
    assert_eq!(values.len(), r.body.lessons.len() + 1);
    let completed: Vec<&Value> = values
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed")
        .collect();
    assert_eq!(completed.len(), c.lessons.len());
    for (s, l) in completed.iter().zip(&c.lessons) {
        assert_eq!(
            s["object"]["id"],
            format!("https://firstaid.example/xapi/activities/lesson/{}", l.id)
        );
        assert_eq!(s["object"]["definition"]["name"]["zh-CN"], l.title.zh);
        assert_eq!(s["object"]["definition"]["name"]["en-US"], l.title.en);
        assert_eq!(s["result"], json!({ "completion": true }));
        assert_eq!(categories(s), [CATEGORY_CMI5, CATEGORY_MOVEON]);
    }
    let exam = values.last().unwrap();
    assert_eq!(exam["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
    assert_eq!(
        exam["verb"]["display"],
        json!({"en-US": "passed", "zh-CN": "已通过"})
    );
    assert_eq!(
        exam["object"]["id"],
        "https://firstaid.example/xapi/activities/exam/course-rcsc"
    );
    assert_eq!(
        exam["result"],
        json!({
            "score": { "scaled": 1.0, "raw": 100, "min": 0, "max": 100 },
            "success": true,
            "duration": "PT10M"
        })
    );
    assert_eq!(exam["context"]["extensions"][EXT_MASTERY_SCORE], json!(0.8));
    assert_eq!(
        exam["context"]["extensions"]["https://firstaid.example/xapi/extensions/exam-seed"],
        json!(r.body.exams[0].seed.to_string())
    );
    // The record answers an assignment: every statement has its
    // registration.
    let reg = registration(r.body.assignment.as_ref().unwrap(), &r.body.key);
    assert!(values.iter().all(|s| s["context"]["registration"] == reg));
    assert!(values
        .iter()
        .all(|s| s["context"]["revision"] == r.body.content_version));
}

#[test]
fn timestamps_are_utc_with_z_at_the_time_of_each_event() {
    let r = common::records::typical();
    let values = to_json(&example_statements(&ExportOptions::default()));
    let mut expected: Vec<u64> = r.body.lessons.iter().map(|l| l.completed_at_ms).collect();
    let e = &r.body.exams[0];
    expected.push(e.started_at_ms + e.duration_ms);
    for (s, at) in values.iter().zip(expected) {
        let ts = s["timestamp"].as_str().unwrap();
        assert!(ts.ends_with('Z') && ts.len() == 24, "{ts}");
        assert_eq!(parse_iso(ts), Some(at as i64), "{ts}");
    }
}

#[test]
fn ids_are_stable_across_exports_and_name_the_event() {
    let opts = ExportOptions::default();
    let a = example_statements(&opts);
    let b = example_statements(&opts);
    assert_eq!(a, b);
    let ids: std::collections::BTreeSet<&str> = a.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), a.len(), "ids are unique");
    // The name is not part of the id; the actor's identifier is.
    let mut no_name = opts.clone();
    no_name.actor.include_name = false;
    let c = example_statements(&no_name);
    assert_eq!(
        a.iter().map(|s| &s.id).collect::<Vec<_>>(),
        c.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
    let mut by_number = opts.clone();
    by_number.actor.id = ActorId::Account {
        home_page: "https://school.example".into(),
        name_from: AccountName::LearnerNumber,
    };
    let d = example_statements(&by_number);
    assert!(a.iter().zip(&d).all(|(x, y)| x.id != y.id));
}

#[test]
fn statement_ids_are_version_5_uuids_pinned_by_known_answers() {
    // RFC 4122's DNS namespace and a name whose v5 UUID is widely quoted.
    let dns = [
        0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
        0xc8,
    ];
    assert_eq!(
        uuid_v5(&dns, "python.org"),
        "886313e1-3b8a-5372-9b90-0c9aee199e5d"
    );
    let ns = uuid_v5(&URL_NAMESPACE, "https://firstaid.example/xapi/statement-id");
    assert_eq!(ns, "f32f8c79-c0a4-51a8-9eac-d055936b8f9d");
    let bytes: String = STATEMENT_NAMESPACE
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(bytes, ns.replace('-', ""));
    assert_eq!(
        uuid_v5(&STATEMENT_NAMESPACE, "hello"),
        "29ec8e37-d38b-5ced-888f-97d3aa6e7cee"
    );
}

fn learner(number: Option<&str>) -> LearnerIdentity {
    LearnerIdentity {
        name: "王小明".into(),
        number: number.map(str::to_owned),
        fingerprint: Some("ABCD-EFGH-JKMN-PQRS".into()),
    }
}

fn exam(percent: u32, at_ms: u64) -> ExamResult {
    ExamResult {
        blueprint: "course-rcsc".into(),
        seed: at_ms,
        finished_at_ms: at_ms,
        duration_ms: Some(754_321),
        percent,
        pass_percent: 80,
    }
}

fn activity(lessons: Vec<LessonCompletion>, exams: Vec<ExamResult>) -> LearnerActivity {
    LearnerActivity {
        learner: learner(Some("2026-0142")),
        content_version: CONTENT_VERSION.into(),
        registration: None,
        lessons,
        exams,
    }
}

const T: u64 = example::T0;

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
    p.complete("adult-cpr", "2026-11-29T05:35:14.123Z");
    p.complete("aed", "2026-11-29T06:00:00.000Z");
    p.visit_step("choking-adult-child", "x"); // started, not completed
    let lessons = LessonCompletion::from_progress(&p);
    assert_eq!(
        lessons,
        [
            LessonCompletion {
                lesson: "adult-cpr".into(),
                completed_at_ms: parse_iso("2026-11-29T05:35:14.123Z").unwrap() as u64
            },
            LessonCompletion {
                lesson: "aed".into(),
                completed_at_ms: parse_iso("2026-11-29T06:00:00.000Z").unwrap() as u64
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

/// A valid statement with every part the validator looks at.
fn full_statement() -> Value {
    let a = activity(vec![], vec![exam(90, T)]);
    let mut s = to_json(&learner_statements(&a, &curriculum(), &ExportOptions::default()).unwrap())
        .remove(0);
    s["context"]["registration"] = json!("6bdcb258-c2cd-434d-a5a4-7cb7a59d55b3");
    s["context"]["language"] = json!("zh-CN");
    s
}

/// Sets (or, with `None`, removes) the value at a JSON pointer.
fn edit(mut v: Value, pointer: &str, to: Option<Value>) -> Value {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match (target, to) {
        (Value::Object(m), Some(x)) => {
            m.insert(key, x);
        }
        (Value::Object(m), None) => {
            m.remove(&key);
        }
        (Value::Array(a), Some(x)) => a[key.parse::<usize>().unwrap()] = x,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        (other, _) => panic!("{other}"),
    }
    v
}

#[test]
fn every_rule_of_the_validator_can_fail() {
    let base = full_statement();
    assert_eq!(validate(&base), vec![], "{base:#}");
    let cases: Vec<(&str, Option<Value>, Rule)> = vec![
        ("/actor", None, Rule::Required),
        ("/verb", None, Rule::Required),
        ("/object", None, Rule::Required),
        ("/verb/id", None, Rule::Required),
        ("/object/id", None, Rule::Required),
        ("/actor/account/name", None, Rule::Required),
        ("/actor/account/homePage", None, Rule::Required),
        ("/colour", Some(json!("red")), Rule::UnknownProperty),
        ("/result/grade", Some(json!("A")), Rule::UnknownProperty),
        (
            "/object/definition/title",
            Some(json!({})),
            Rule::UnknownProperty,
        ),
        ("/actor/email", Some(json!("a@b.c")), Rule::UnknownProperty),
        ("/result/success", Some(Value::Null), Rule::Null),
        ("/timestamp", Some(Value::Null), Rule::Null),
        ("/result/success", Some(json!("true")), Rule::WrongType),
        ("/result/completion", Some(json!(1)), Rule::WrongType),
        ("/result/score/raw", Some(json!("90")), Rule::WrongType),
        ("/verb/display", Some(json!("passed")), Rule::WrongType),
        ("/verb/id", Some(json!("passed")), Rule::Iri),
        ("/verb/id", Some(json!("http://a b")), Rule::Iri),
        (
            "/object/id",
            Some(json!("/activities/lesson/aed")),
            Rule::Iri,
        ),
        (
            "/object/id",
            Some(json!("https://x.example/%zz")),
            Rule::Iri,
        ),
        ("/object/definition/type", Some(json!("lesson")), Rule::Iri),
        ("/context/extensions/seed", Some(json!("1")), Rule::Iri),
        (
            "/actor/account/homePage",
            Some(json!("school.example")),
            Rule::Irl,
        ),
        (
            "/actor/account/homePage",
            Some(json!("ftp://school.example")),
            Rule::Irl,
        ),
        (
            "/verb/display/en_US",
            Some(json!("passed")),
            Rule::LanguageTag,
        ),
        (
            "/object/definition/name/zh_CN",
            Some(json!("考试")),
            Rule::LanguageTag,
        ),
        ("/context/language", Some(json!("zh_CN")), Rule::LanguageTag),
        ("/id", Some(json!("not-a-uuid")), Rule::Uuid),
        (
            "/id",
            Some(json!("6bdcb258c2cd434da5a47cb7a59d55b3")),
            Rule::Uuid,
        ),
        (
            "/id",
            Some(json!("6bdcb258-c2cd-434d-c5a4-7cb7a59d55b3")),
            Rule::Uuid,
        ),
        ("/context/registration", Some(json!("1")), Rule::Uuid),
        (
            "/timestamp",
            Some(json!("2026-11-30T00:53:20.000")),
            Rule::Timestamp,
        ),
        (
            "/timestamp",
            Some(json!("2026-11-30T00:53:20-00:00")),
            Rule::Timestamp,
        ),
        ("/timestamp", Some(json!("30/11/2026")), Rule::Timestamp),
        (
            "/result/duration",
            Some(json!("10 minutes")),
            Rule::Duration,
        ),
        ("/result/duration", Some(json!("PT")), Rule::Duration),
        ("/result/duration", Some(json!("P4W1D")), Rule::Duration),
        ("/result/duration", Some(json!("PT0:10:00")), Rule::Duration),
        ("/result/score/scaled", Some(json!(1.5)), Rule::ScaledRange),
        (
            "/result/score/scaled",
            Some(json!(-1.01)),
            Rule::ScaledRange,
        ),
        ("/result/score/raw", Some(json!(101)), Rule::RawRange),
        ("/result/score/raw", Some(json!(-1)), Rule::RawRange),
        ("/result/score/min", Some(json!(100)), Rule::MinMax),
        (
            "/actor/mbox",
            Some(json!("mailto:a@school.example")),
            Rule::Ifi,
        ),
        ("/actor/account", None, Rule::Ifi),
        ("/actor/mbox_sha1sum", Some(json!("ab")), Rule::MboxSha1sum),
        ("/actor/openid", Some(json!("not an iri")), Rule::Iri),
        ("/actor/objectType", Some(json!("agent")), Rule::ObjectType),
        (
            "/object/objectType",
            Some(json!("activity")),
            Rule::ObjectType,
        ),
        (
            "/context/contextActivities/tags",
            Some(json!([])),
            Rule::ContextActivityKey,
        ),
        (
            "/context/contextActivities/category",
            Some(json!("cmi5")),
            Rule::WrongType,
        ),
        (
            "/context/contextActivities/category/0/id",
            Some(json!("cmi5")),
            Rule::Iri,
        ),
        ("/version", Some(json!("2.0.0")), Rule::Version),
        ("/attachments", Some(json!([])), Rule::Unsupported),
    ];
    for (pointer, to, rule) in cases {
        let bad = edit(base.clone(), pointer, to.clone());
        let problems = validate(&bad);
        assert!(
            problems.iter().any(|p| p.rule == rule),
            "{pointer} = {to:?}: expected {rule:?}, got {problems:?}"
        );
    }
    // An mbox actor: the address itself is checked.
    let mut m = edit(base.clone(), "/actor/account", None);
    m["actor"]["mbox"] = json!("a@school.example");
    assert!(validate(&m).iter().any(|p| p.rule == Rule::Mbox));
    m["actor"]["mbox"] = json!("mailto:a@school.example");
    assert_eq!(validate(&m), vec![]);
    // revision and platform belong to Activities only.
    let mut agent_object = base.clone();
    agent_object["object"] = json!({"objectType": "Agent", "mbox": "mailto:t@school.example"});
    assert!(validate(&agent_object)
        .iter()
        .any(|p| p.rule == Rule::NotAnActivity));
    agent_object["context"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "revision" && k != "platform");
    assert_eq!(validate(&agent_object), vec![]);
    // Not an object at all.
    assert_eq!(validate(&json!([1]))[0].rule, Rule::WrongType);
}

#[test]
fn the_export_file_check_finds_duplicates_and_non_arrays() {
    let s = full_statement();
    let text = serde_json::to_string(&json!([s.clone(), s])).unwrap();
    let problems = validate_export(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        (problems[0].rule, problems[0].path.as_str()),
        (Rule::DuplicateId, "[1].id")
    );
    assert_eq!(validate_export("{}")[0].rule, Rule::WrongType);
    assert_eq!(validate_export("[")[0].rule, Rule::Json);
    assert_eq!(validate_export("[]"), vec![]);
    let bad = serde_json::to_string(&json!([{"actor": {}}])).unwrap();
    let paths: Vec<String> = validate_export(&bad).into_iter().map(|p| p.path).collect();
    assert!(paths.contains(&"[0].verb".to_owned()), "{paths:?}");
}

#[test]
fn language_tags_follow_rfc_5646() {
    for good in [
        "en",
        "en-US",
        "zh-CN",
        "zh-Hans-CN",
        "es-419",
        "de-CH-1901",
        "sl-rozaj-biske",
        "en-a-bbb-x-ccc",
        "x-whatever",
        "zh-yue-HK",
        "i-klingon",
        "sgn-BE-FR",
        "EN-us",
    ] {
        assert!(is_language_tag(good), "{good}");
    }
    for bad in [
        "",
        "en_US",
        "e",
        "toolongtag",
        "en-",
        "-en",
        "zh-CN-",
        "a-DE",
        "en-a",
        "123",
        "en-x",
        "en-US-a-b",
        "中文",
    ] {
        assert!(!is_language_tag(bad), "{bad}");
    }
}

#[test]
fn durations_and_timestamps_are_checked_by_their_grammars() {
    for good in [
        "PT10M",
        "P1Y2M3DT4H5M6.7S",
        "P4W",
        "PT0S",
        "P1D",
        "PT1.5H",
        "PT0,5S",
        "P3Y",
        "P1M",
        "PT16559.14S",
    ] {
        assert!(is_duration(good), "{good}");
    }
    for bad in [
        "",
        "P",
        "PT",
        "P4W1D",
        "PT1.5H2M",
        "P1S",
        "10M",
        "PT-1S",
        "P1M1Y",
        "PT1M1H",
        "PT1.S",
        "P16559.14S",
        "pt1s",
        "P0001-02-03",
    ] {
        assert!(!is_duration(bad), "{bad}");
    }
    for good in [
        "2026-11-30T00:53:20.000Z",
        "2015-11-18T12:17:00+00:00",
        "2016-02-29T00:00:00Z",
        "2026-01-01T23:59:60.123456789+08:00",
    ] {
        assert_eq!(check_timestamp(good), Ok(()), "{good}");
    }
    for bad in [
        "2026-11-30T00:53:20",
        "2026-11-30T00:53:20-00:00",
        "2026-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-30T24:00:00Z",
        "2026-11-30 00:53:20Z",
        "2026-11-30T00:53Z",
        "2026-11-30T00:53:20.Z",
        "2026-11-30T00:53:20+8:00",
        "2026-11-30T00:53:20+24:00",
    ] {
        assert!(check_timestamp(bad).is_err(), "{bad}");
    }
}

// firstaid xapi

#[test]
fn cli_exports_json_and_qr_records_as_one_array() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let json_file = TempFile::new("record.json", &r.to_json());
    let qr = TempFile::new("record.txt", &format!("{}\n", r.to_qr_text()));
    let (code, out, err) = firstaid(&["xapi", json_file.arg(), qr.arg()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(validate_export(&out), vec![], "{out}");
    let expected = verified_statements(
        &r,
        &curriculum(),
        CONTENT_VERSION,
        None,
        &ExportOptions::default(),
    )
    .unwrap();
    // The same record twice: its statements once (one batch, ids unique).
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(v, to_json(&expected));
    assert_eq!(v[0]["actor"]["account"]["name"], r.body.key.fingerprint());
    assert_eq!(v[0]["actor"]["name"], "王小明");
}

#[test]
fn cli_options_set_the_actor_and_the_activity_base() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let f = TempFile::new("opts.json", &r.to_json());
    let (code, out, err) = firstaid(&[
        "xapi",
        f.arg(),
        "--home-page",
        "https://school.example",
        "--account-from",
        "number",
        "--activity-base",
        "https://school.example/fa",
        "--no-name",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v[0]["actor"],
        json!({"objectType": "Agent", "account": {"homePage": "https://school.example", "name": "2026-0142"}})
    );
    assert!(v.iter().all(|s| s["object"]["id"]
        .as_str()
        .unwrap()
        .starts_with("https://school.example/fa/activities/")));
    let (code, out, err) = firstaid(&["xapi", f.arg(), "--mbox", "mailto:{number}@school.example"]);
    assert_eq!(code, 0, "{err}");
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["actor"]["mbox"], "mailto:2026-0142@school.example");
}

#[test]
fn cli_leaves_out_records_that_do_not_verify_and_exits_1() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let good = TempFile::new("good.json", &r.to_json());
    let tampered = TempFile::new(
        "tampered.json",
        &r.to_json().replace("\"percent\": 100", "\"percent\": 99"),
    );
    let garbage = TempFile::new("garbage.txt", "FAR1:not a record");
    let mut no_number = r.clone();
    no_number.body.learner.number = None;
    let no_number = TempFile::new(
        "no-number.json",
        &no_number.body.sign(&example::learner_key()).to_json(),
    );
    let (code, out, err) = firstaid(&[
        "xapi",
        tampered.arg(),
        good.arg(),
        garbage.arg(),
        no_number.arg(),
        "--account-from",
        "number",
    ]);
    assert_eq!(code, 1, "{err}");
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(v.len(), r.body.lessons.len() + r.body.exams.len());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].contains("tampered.json: NOT EXPORTED: does not verify: the signature"),
        "{err}"
    );
    assert!(lines[1].contains("garbage.txt: NOT EXPORTED"), "{err}");
    assert!(
        lines[2].contains("no-number.json: NOT EXPORTED: no learner number"),
        "{err}"
    );
    // Content this build does not have cannot be re-scored: not exported.
    let old = TempFile::new("old.json", &common::records::typical().to_json());
    let (code, out, err) = firstaid(&["xapi", old.arg()]);
    assert_eq!((code, out.trim()), (1, "[]"));
    assert!(err.contains("cannot re-score"), "{err}");
}

#[test]
fn cli_usage_errors_exit_2() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let f = TempFile::new("usage.json", &r.to_json());
    let cases: &[(&[&str], &str)] = &[
        (&["xapi"], "at least one record file"),
        (
            &["xapi", f.arg(), "--account-from", "email"],
            "number or fingerprint",
        ),
        (
            &["xapi", f.arg(), "--home-page", "school"],
            "not an http(s) IRL",
        ),
        (
            &["xapi", f.arg(), "--activity-base", "fa/xapi"],
            "not an absolute http(s) IRI",
        ),
        (
            &[
                "xapi",
                f.arg(),
                "--mbox",
                "mailto:{number}@s.example",
                "--home-page",
                "https://s.example",
            ],
            "goes without --home-page",
        ),
        (&["xapi", f.arg(), "--home-page"], "needs a value"),
        (&["xapi", f.arg(), "--colour", "red"], "unknown argument"),
        (
            &[
                "xapi",
                f.arg(),
                "--activity-base",
                "https://a.example",
                "--activity-base",
                "https://b.example",
            ],
            "given twice",
        ),
    ];
    for (args, words) in cases {
        let (code, out, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

#[test]
fn the_instructors_stored_settings_give_the_export_options() {
    use firstaid::xapi::settings::XapiSettings;
    use firstaid::xapi::{AccountName, ActorId, DEFAULT_ACTIVITY_BASE};
    let s = XapiSettings {
        home_page: " https://lrs.school.example ".into(),
        by_number: true,
        include_names: false,
    };
    let o = s.options();
    assert_eq!(o.activity_base, DEFAULT_ACTIVITY_BASE);
    assert_eq!(
        o.actor.id,
        ActorId::Account {
            home_page: "https://lrs.school.example".into(),
            name_from: AccountName::LearnerNumber
        }
    );
    assert!(!o.actor.include_name);
    let by_key = XapiSettings {
        by_number: false,
        ..s
    }
    .options();
    assert!(matches!(
        by_key.actor.id,
        ActorId::Account {
            name_from: AccountName::Fingerprint,
            ..
        }
    ));
}
