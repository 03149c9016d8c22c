//! xAPI export: the example record's statements are valid xAPI 1.0.3 and
//! pinned by a golden file, cmi5's rules for completed, passed and failed
//! hold, ids are stable, the actor carries only what is configured, every
//! rule of the validator can fail, and `firstaid xapi` exports verified
//! records only.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod cmi5;
mod practical;
mod validator;

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
    for (i, (s, l)) in completed.iter().zip(&c.lessons).enumerate() {
        assert_eq!(
            s["object"]["id"],
            format!("https://firstaid.example/xapi/activities/lesson/{}", l.id)
        );
        assert_eq!(s["object"]["definition"]["name"]["zh-CN"], l.title.zh);
        assert_eq!(s["object"]["definition"]["name"]["en-US"], l.title.en);
        // The example timed every second lesson (4, 5, 6, 7 minutes); the
        // others were begun before the app measured time: no duration.
        let result = match i % 2 {
            0 => json!({ "completion": true, "duration": format!("PT{}M", 4 + i / 2) }),
            _ => json!({ "completion": true }),
        };
        assert_eq!(s["result"], result);
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
