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
        motion: firstaid::settings::Motion::Off,
    });
    let c = firstaid::content::Curriculum::embedded().unwrap();
    let record = example::record(&c, firstaid::content::CONTENT_VERSION);
    let learner = &mut doc.records.typed().unwrap().learner;
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
    doc.records.typed().unwrap().instructor = stored::InstructorData {
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

/// The document as restored, once the class page has read the roster
/// rows' device keys from their records again.
fn keys_filled(mut doc: Document) -> Document {
    for a in &mut doc.records.typed().unwrap().instructor.assignments {
        a.roster.fill_keys();
    }
    doc
}

#[test]
fn export_then_import_round_trips() {
    let b = backup::import(&exported()).unwrap();
    assert_eq!(keys_filled(b.document), sample());
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
    // Schema 12 (rows under keys of their own in the store); a backup
    // holds the whole document, rosters inline.
    assert_eq!(v["store"]["schema"], 13);
    assert_eq!(v["store"]["data"]["settings"]["profile"], "erc");
    // Where the learner said they are travels too, and still pictures.
    assert_eq!(v["store"]["data"]["settings"]["region"], "hk");
    assert_eq!(v["store"]["data"]["settings"]["motion"], "off");
    // Keys, assignments and rosters travel in the backup.
    let records = &v["store"]["data"]["records"];
    assert_eq!(records["learner"]["key"], "2a".repeat(32));
    assert_eq!(records["instructor"]["key"], "09".repeat(32));
    assert_eq!(
        records["instructor"]["xapi"]["home_page"],
        "https://lrs.school.example"
    );
    let roster = &records["instructor"]["assignments"][0]["roster"]["entries"];
    assert!(roster[0]["record"].as_str().unwrap().starts_with("FAR2:"));
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
        // A backup cut short or with a byte lost is a damaged backup, not
        // "not a backup".
        ("cut after its format", exported()[..40].to_string(), |e| {
            matches!(e, BackupError::Malformed(_))
        }),
        (
            "cut in the middle",
            {
                let e = exported();
                e.chars().take(e.chars().count() * 6 / 10).collect()
            },
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        ("a brace lost", exported().replacen('}', "", 1), |e| {
            matches!(e, BackupError::Malformed(_))
        }),
        ("cut before its format", exported()[..12].to_string(), |e| {
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

// ---- Restoring onto a phone that holds a person ----

use firstaid::backup::summary::{relation, Relation, Summary};
use firstaid::store::{MemoryKv, Store, DOC_KEY};

#[test]
fn a_summary_names_the_person_and_counts_what_they_made() {
    let s = Summary::of(&sample());
    assert_eq!(s.name, "王小明");
    assert_eq!(s.instructor, "李老师");
    assert_eq!((s.classes, s.learners), (1, 1));
    assert_eq!(
        s.learner_key.as_deref(),
        Some(example::learner_key().public().fingerprint().as_str())
    );
    assert_eq!(
        s.instructor_key.as_deref(),
        Some(example::instructor_key().public().fingerprint().as_str())
    );
    assert!(!s.is_empty());
    // Settings alone are nobody's data.
    let settings_only = Document::with_settings(sample().settings);
    assert!(Summary::of(&settings_only).is_empty());
}

#[test]
fn each_kind_of_learning_makes_a_phone_someones() {
    let c = firstaid::content::Curriculum::embedded().unwrap();
    let base = || Document::with_settings(Settings::default());
    let mut lesson = base();
    let id = c.lessons[0].id.clone();
    lesson.progress.lessons.entry(id).or_default().completed_at =
        Some("2026-11-29T03:00:00Z".into());
    // A lesson begun (a step seen) and a question practised are someone's
    // learning too: a restore onto such a phone asks first and keeps a copy.
    let mut begun = base();
    begun
        .progress
        .lessons
        .entry(c.lessons[1].id.clone())
        .or_default()
        .seen
        .insert(c.lessons[1].steps[0].id.clone());
    let mut practised = base();
    practised
        .quiz
        .typed()
        .unwrap()
        .schedule
        .record("aed.pads", true, 1_800_000_000_000);
    let mut certificate = base();
    certificate
        .records
        .typed()
        .unwrap()
        .learner
        .certificates
        .push("FAC1:X".into());
    let mut named = base();
    named.records.typed().unwrap().learner.profile = stored::Profile::from_fields("Li Hua", "", "");
    let mut keyed = base();
    keyed.records.typed().unwrap().learner.key = Some(stored::key_to_hex(&example::learner_key()));
    for (what, doc, count) in [
        ("a finished lesson", &lesson, Summary::of(&lesson).lessons),
        ("a lesson begun", &begun, Summary::of(&begun).started),
        (
            "a question practised",
            &practised,
            Summary::of(&practised).practised,
        ),
        (
            "a kept certificate",
            &certificate,
            Summary::of(&certificate).certificates,
        ),
        (
            "a name",
            &named,
            usize::from(!Summary::of(&named).name.is_empty()),
        ),
        (
            "a key",
            &keyed,
            usize::from(Summary::of(&keyed).learner_key.is_some()),
        ),
    ] {
        assert_eq!(count, 1, "{what} is counted");
        assert!(
            !Summary::of(doc).is_empty(),
            "{what} makes the phone someone's"
        );
    }
}

#[test]
fn the_relation_compares_learner_keys() {
    let person = Summary::of(&sample());
    let empty = Summary::default();
    let mut other = person.clone();
    other.learner_key = Some("ZZZZ-ZZZZ-ZZZZ-ZZZZ".into());
    let mut keyless = person.clone();
    keyless.learner_key = None;
    assert_eq!(relation(&empty, &person), Relation::PhoneEmpty);
    assert_eq!(relation(&person, &person), Relation::SamePerson);
    assert_eq!(relation(&person, &other), Relation::OtherPerson);
    assert_eq!(relation(&person, &keyless), Relation::Unknown);
    assert_eq!(relation(&keyless, &person), Relation::Unknown);
}

#[test]
fn a_restore_keeps_the_phones_person_as_a_recovery_copy_in_the_next_backup() {
    let mut phone = Document::with_settings(Settings::default());
    phone.records.typed().unwrap().learner.profile = stored::Profile::from_fields("Li Hua", "", "");
    let mut store = Store::open(MemoryKv::new(), || phone.clone()).store;
    store.update(|_| {}).unwrap();
    let file = backup::import(&exported()).unwrap();
    let kept = store.replace_keeping_copy(file.document.clone()).unwrap();
    assert_eq!(store.doc(), &file.document);
    // The copy is the phone's document, readable as such.
    let copy = &store.kv().map[&kept];
    let restored = firstaid::store::schema::read_document(copy).unwrap();
    assert_eq!(restored, phone);
    // …and it travels in the next backup file.
    let recovered: Vec<RecoveredCopy> = store
        .recovered()
        .unwrap()
        .into_iter()
        .map(|(key, text)| RecoveredCopy { key, text })
        .collect();
    let next = backup::export(store.doc(), recovered, "0.1.0", "2026-11-30T00:00:00.000Z");
    let back = backup::import(&next).unwrap();
    assert_eq!(back.recovered.len(), 1);
    assert_eq!(
        firstaid::store::schema::read_document(&back.recovered[0].text).unwrap(),
        phone
    );
    assert!(store.kv().map.contains_key(DOC_KEY));
}

#[test]
fn a_restore_that_cannot_keep_the_copy_changes_nothing() {
    let mut phone = Document::with_settings(Settings::default());
    phone.records.typed().unwrap().learner.profile = stored::Profile::from_fields("Li Hua", "", "");
    let kv = MemoryKv::new();
    let mut store = Store::open(kv, || phone.clone()).store;
    store.update(|_| {}).unwrap();
    let stored_before = store.kv().map[DOC_KEY].clone();
    let mut kv = store.into_kv();
    // Room for the phone's document (and its copy), not for the file's
    // bigger one: the copy is written, the new document is refused.
    kv.max_value_len = Some(stored_before.len());
    let mut store = Store::open(kv, || phone.clone()).store;
    let file = backup::import(&exported()).unwrap();
    assert!(store.replace_keeping_copy(file.document.clone()).is_err());
    assert_eq!(store.kv().map[DOC_KEY], stored_before);
    assert_eq!(store.doc(), &phone);
    assert!(store.recovered().unwrap().is_empty(), "no stray copy");
    // Too little room even for the copy: refused before anything is written.
    let mut kv = store.into_kv();
    kv.max_value_len = Some(stored_before.len() - 1);
    let mut store = Store::open(kv, || phone.clone()).store;
    assert!(store.replace_keeping_copy(file.document).is_err());
    assert_eq!(store.kv().map[DOC_KEY], stored_before);
    assert_eq!(store.doc(), &phone);
}

#[test]
fn a_wrong_device_key_in_a_backup_does_not_send_the_learners_next_scan_elsewhere() {
    let mut v: Value = serde_json::from_str(&exported()).unwrap();
    let rows =
        &mut v["store"]["data"]["records"]["instructor"]["assignments"][0]["roster"]["entries"];
    let right = rows[0]["key"]
        .as_str()
        .expect("the exported row carries its key")
        .to_owned();
    let wrong = "07".repeat(32);
    assert_ne!(right, wrong);
    rows[0]["key"] = json!(wrong);
    let b = backup::import(&v.to_string()).unwrap();
    let roster = &b.document.records.get().unwrap().instructor.assignments[0].roster;
    assert!(
        roster.entries.iter().all(|e| e.key.is_none()),
        "restored keys are not kept"
    );
    let mut doc = keys_filled(b.document);
    assert_eq!(doc, sample());
    // The learner scans again: their own row is updated, none is added.
    let c = firstaid::content::Curriculum::embedded().unwrap();
    let record = example::record(&c, firstaid::content::CONTENT_VERSION);
    let roster = &mut doc.records.typed().unwrap().instructor.assignments[0].roster;
    roster.add(&record, example::T0 as i64 + 99_000_000);
    assert_eq!(roster.entries.len(), 1);
    assert_eq!(
        roster.entries[0].verified_at_ms,
        example::T0 as i64 + 99_000_000
    );
}
