//! The backup file: round trip, and rejection of everything that is not a
//! valid backup, before anything is overwritten.

use firstaid::backup::{self, BackupError, RecoveredCopy};
use firstaid::profile::ProfileId;
use firstaid::records::assignment::AssignmentBody;
use firstaid::records::{example, stored};
use firstaid::settings::{Lang, Settings, TextSize, Theme};
use firstaid::store::{Document, MigrateError, SCHEMA_VERSION};
use serde_json::{json, Value};

/// A document with settings and records: the learner's key and profile,
/// and an instructor's assignment whose roster holds the example record.
fn sample() -> Document {
    let mut doc = Document::with_settings(Settings {
        lang: Lang::En,
        profile: ProfileId::Erc,
        theme: Theme::Dark,
        text_size: TextSize::P200,
        emergency_number: None,
        region: Some(firstaid::region::RegionId::Hk),
    });
    let c = firstaid::content::Curriculum::embedded().unwrap();
    let record = example::record(&c, firstaid::content::CONTENT_VERSION);
    let learner = &mut doc.records.learner;
    learner.key = Some(stored::key_to_hex(&example::learner_key()));
    learner.profile = stored::Profile::from_fields("王小明", "2026-0142", "");
    let assignment = AssignmentBody {
        id: "A7K2-9QX4".into(),
        class: "初二(3)班".into(),
        instructor_name: "李老师".into(),
        content_version: firstaid::content::CONTENT_VERSION.into(),
        created_at_ms: example::T0,
        due_at_ms: None,
        lessons: vec![],
        exam: None,
        min_trainer_score: None,
        key: example::instructor_key().public(),
    }
    .sign(&example::instructor_key());
    let mut roster = firstaid::records::roster::Roster::default();
    roster.add(&record, example::T0 as i64 + 90_000_000);
    doc.records.instructor = stored::InstructorData {
        name: "李老师".into(),
        key: Some(stored::key_to_hex(&example::instructor_key())),
        assignments: vec![stored::Issued {
            assignment: assignment.to_qr_text(),
            roster,
        }],
        xapi: Some(firstaid::xapi::settings::XapiSettings {
            home_page: "https://lrs.school.example".into(),
            by_number: true,
            include_names: true,
        }),
    };
    doc
}

fn exported() -> String {
    backup::export(
        &sample(),
        vec![RecoveredCopy {
            key: "firstaid/recovered/1".into(),
            text: "{broken".into(),
        }],
        "0.1.0",
        "2026-11-29T03:00:00.000Z",
    )
}

#[test]
fn export_then_import_round_trips() {
    let b = backup::import(&exported()).unwrap();
    assert_eq!(b.document, sample());
    assert_eq!(
        b.recovered,
        [RecoveredCopy {
            key: "firstaid/recovered/1".into(),
            text: "{broken".into()
        }]
    );
    assert_eq!(b.app_version, "0.1.0");
    assert_eq!(b.exported_at, "2026-11-29T03:00:00.000Z");
}

#[test]
fn export_format_is_pinned() {
    let v: Value = serde_json::from_str(&exported()).unwrap();
    assert_eq!(v["format"], "firstaid-backup");
    assert_eq!(v["version"], 1);
    assert_eq!(v["store"]["schema"], 9);
    assert_eq!(v["store"]["data"]["settings"]["profile"], "erc");
    // Where the learner said they are travels too.
    assert_eq!(v["store"]["data"]["settings"]["region"], "hk");
    // Keys, assignments and rosters travel in the backup.
    let records = &v["store"]["data"]["records"];
    assert_eq!(records["learner"]["key"], "2a".repeat(32));
    assert_eq!(records["instructor"]["key"], "09".repeat(32));
    assert_eq!(
        records["instructor"]["xapi"]["home_page"],
        "https://lrs.school.example"
    );
    let roster = &records["instructor"]["assignments"][0]["roster"]["entries"];
    assert!(roster[0]["record"].as_str().unwrap().starts_with("FAR1:"));
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    assert!(backup::import(&format!("\u{feff}{}", exported())).is_ok());
}

/// Whether an error is the expected one.
type Check = fn(&BackupError) -> bool;

#[test]
fn malformed_backups_are_rejected_with_their_reason() {
    let good: Value = serde_json::from_str(&exported()).unwrap();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, Check)> = vec![
        ("empty file", String::new(), |e| {
            matches!(e, BackupError::NotJson(_))
        }),
        ("a picture", "\u{89}PNG\r\n".into(), |e| {
            matches!(e, BackupError::NotJson(_))
        }),
        ("truncated", exported()[..40].to_string(), |e| {
            matches!(e, BackupError::NotJson(_))
        }),
        ("other JSON", json!({"name": "x"}).to_string(), |e| {
            matches!(e, BackupError::NotABackup)
        }),
        (
            "wrong format",
            with(&|v| v["format"] = json!("other-app")),
            |e| matches!(e, BackupError::NotABackup),
        ),
        ("newer version", with(&|v| v["version"] = json!(2)), |e| {
            matches!(e, BackupError::UnsupportedVersion(2))
        }),
        (
            "no version",
            with(&|v| {
                v.as_object_mut().unwrap().remove("version");
            }),
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        ("unknown field", with(&|v| v["extra"] = json!(1)), |e| {
            matches!(e, BackupError::Malformed(_))
        }),
        (
            "missing store",
            with(&|v| {
                v.as_object_mut().unwrap().remove("store");
            }),
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        (
            "bad recovered",
            with(&|v| v["recovered"] = json!([1])),
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        (
            "bad setting",
            with(&|v| v["store"]["data"]["settings"]["lang"] = json!("fr")),
            |e| matches!(e, BackupError::BadStore(MigrateError::Invalid(_))),
        ),
        (
            "store from the future",
            with(&|v| v["store"]["schema"] = json!(SCHEMA_VERSION + 1)),
            |e| matches!(e, BackupError::BadStore(MigrateError::NewerVersion(n)) if *n == SCHEMA_VERSION + 1),
        ),
        ("too large", " ".repeat(backup::MAX_BYTES + 1), |e| {
            matches!(e, BackupError::TooLarge(_))
        }),
    ];
    for (name, text, check) in cases {
        match backup::import(&text) {
            Ok(_) => panic!("{name}: accepted"),
            Err(e) => assert!(check(&e), "{name}: wrong reason {e:?}"),
        }
    }
}
