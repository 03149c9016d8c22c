//! The quiz's and the trainer's parts of the stored document and the
//! records, kept as JSON until a page reads them (`store::Lazy`): written
//! back exactly as they were read, typed to what was stored, a damaged one
//! kept as a recovery copy, and the home page's questions (has the learner
//! practised or trained? accepted a class assignment?) answered the same
//! typed or not.

use firstaid::settings::{Lang, Settings};
use firstaid::store::{
    schema, Document, KeyValue, Lazy, LoadNotice, MemoryKv, Store, DOC_KEY, SCHEMA_VERSION,
};
use serde_json::{json, Value};

fn defaults() -> Document {
    Document::with_settings(Settings::default())
}

const CARDS: &str =
    r#"{"aed.pads":{"box":2,"due_ms":1800000000000,"reviews":1,"lapses":0,"last_correct":true}}"#;
const SESSION: &str = r#"{"at_ms":1800000000000,"source":"taps","bpm":110,"pause_s":5,
    "duration_ms":21000,"planned_ms":120000,"times_ms":[0,545,1090],"taps_ms":[0,545,1090]}"#;

/// A stored document of this version with a quiz part `quiz` and a
/// trainer part `trainer`.
fn stored(quiz: Value, trainer: Value) -> String {
    json!({
        "schema": SCHEMA_VERSION,
        "data": {
            "settings": {"lang": "en", "profile": "aha", "theme": "light", "text_size": 125},
            "progress": {"lessons": {}},
            "quiz": quiz,
            "trainer": trainer,
            "records": {}
        }
    })
    .to_string()
}

fn practised_and_trained() -> String {
    let cards: Value = serde_json::from_str(CARDS).unwrap();
    let session: Value = serde_json::from_str(SESSION).unwrap();
    stored(
        json!({"schedule": {"cards": cards}}),
        json!({"sessions": [session]}),
    )
}

fn open(raw: &str) -> Store<MemoryKv> {
    let mut kv = MemoryKv::new();
    kv.set(DOC_KEY, raw).unwrap();
    let opened = Store::open(kv, defaults);
    assert!(opened.notice.is_none(), "{:?}", opened.notice);
    opened.store
}

fn stored_data(store: &Store<MemoryKv>) -> Value {
    let head: Value = serde_json::from_str(&store.kv().get(DOC_KEY).unwrap().unwrap()).unwrap();
    head["data"].clone()
}

#[test]
fn the_parts_stay_untyped_until_asked_and_a_save_writes_them_back_as_read() {
    let raw = practised_and_trained();
    let mut store = open(&raw);
    assert!(store.doc().quiz.raw().is_some() && store.doc().trainer.raw().is_some());
    let before = stored_data(&store);
    store.update(|d| d.settings.lang = Lang::ZhCn).unwrap();
    let after = stored_data(&store);
    assert_eq!(after["quiz"], before["quiz"]);
    assert_eq!(after["trainer"], before["trainer"]);
    assert_eq!(after["settings"]["lang"], "zh-CN");
}

#[test]
fn typing_the_parts_gives_what_was_stored() {
    let mut store = open(&practised_and_trained());
    assert_eq!(store.type_parts(), None);
    let quiz = store.doc().quiz.get().expect("typed");
    assert_eq!(quiz.schedule.card("aed.pads").map(|c| c.box_), Some(2));
    let trainer = store.doc().trainer.get().expect("typed");
    assert_eq!(trainer.sessions[0].times_ms, [0, 545, 1090]);
    // Typed, the same document is written.
    let before = stored_data(&store);
    store.update(|d| d.settings.lang = Lang::ZhCn).unwrap();
    let reopened = open(&store.kv().get(DOC_KEY).unwrap().unwrap());
    assert_eq!(
        reopened.doc().quiz,
        store.doc().quiz,
        "untyped equals typed"
    );
    assert_eq!(stored_data(&reopened)["trainer"], before["trainer"]);
    // Typing again changes nothing.
    assert_eq!(store.type_parts(), None);
}

#[test]
fn a_damaged_part_is_kept_as_a_copy_and_starts_again_empty() {
    let session: Value = serde_json::from_str(SESSION).unwrap();
    let raw = stored(
        json!({"schedule": {"cards": 5}}),
        json!({"sessions": [session]}),
    );
    // The settings and the progress are read as ever: no notice yet.
    let mut store = open(&raw);
    assert_eq!(store.doc().settings.lang, Lang::En);
    let Some(LoadNotice::Unreadable { kept_as, reason }) = store.type_parts() else {
        panic!("a damaged quiz part is reported");
    };
    assert!(reason.starts_with("quiz:"), "{reason}");
    // The copy holds the damaged part as it was.
    let copy: Value = serde_json::from_str(&store.kv().get(&kept_as).unwrap().unwrap()).unwrap();
    assert_eq!(copy["data"]["quiz"], json!({"schedule": {"cards": 5}}));
    assert_eq!(store.recovered().unwrap().len(), 1);
    // The quiz starts again; the trainer's sessions are kept.
    assert_eq!(store.doc().quiz, Lazy::default());
    assert_eq!(store.doc().trainer.get().unwrap().sessions.len(), 1);
    store.update(|d| d.settings.lang = Lang::ZhCn).unwrap();
    let reopened = open(&store.kv().get(DOC_KEY).unwrap().unwrap());
    assert_eq!(reopened.doc().trainer, store.doc().trainer);
}

#[test]
fn has_history_reads_the_parts_typed_or_not() {
    let session: Value = serde_json::from_str(SESSION).unwrap();
    let cards: Value = serde_json::from_str(CARDS).unwrap();
    let cases = [
        (json!({}), json!({}), false),
        (
            json!({"schedule": {"cards": {}}}),
            json!({"sessions": []}),
            false,
        ),
        (json!({"schedule": {"cards": cards}}), json!({}), true),
        (json!({}), json!({"sessions": [session]}), true),
    ];
    for (quiz, trainer, expected) in cases {
        let raw = stored(quiz, trainer);
        let mut doc = schema::read_document(&raw).unwrap();
        assert_eq!(doc.has_history(), expected, "untyped: {raw}");
        doc.quiz.typed().unwrap();
        doc.trainer.typed().unwrap();
        assert_eq!(doc.has_history(), expected, "typed: {raw}");
    }
}

#[test]
fn a_backup_with_a_damaged_part_is_refused_whole() {
    let session: Value = serde_json::from_str(SESSION).unwrap();
    let store: Value = serde_json::from_str(&stored(
        json!({"results": "none"}),
        json!({"sessions": [session]}),
    ))
    .unwrap();
    assert_refused(store);
}

/// A stored document of this version with a records part `records` (the
/// quiz's and the trainer's empty).
fn with_records(records: Value) -> String {
    let mut doc: Value = serde_json::from_str(&stored(json!({}), json!({}))).unwrap();
    doc["data"]["records"] = records;
    doc.to_string()
}

const KEY: &str = "0707070707070707070707070707070707070707070707070707070707070707";

#[test]
fn the_records_stay_untyped_until_asked_and_type_to_what_was_stored() {
    let records = json!({
        "learner": {
            "profile": {"name": "Li Hua", "class": "3B"},
            "key": KEY,
            "assignments": [{"assignment": "FAA1:X", "accepted_at_ms": 7}]
        },
        "instructor": {"name": "Ms Chen"}
    });
    let mut store = open(&with_records(records.clone()));
    assert!(store.doc().records.raw().is_some());
    store.update(|d| d.settings.lang = Lang::ZhCn).unwrap();
    assert_eq!(
        stored_data(&store)["records"],
        records,
        "written back as read"
    );
    assert_eq!(store.type_parts(), None);
    let typed = store.doc().records.get().expect("typed");
    assert_eq!(typed.learner.profile.name, "Li Hua");
    assert_eq!(typed.learner.key.as_deref(), Some(KEY));
    assert_eq!(typed.learner.assignments[0].accepted_at_ms, 7);
    assert_eq!(typed.instructor.name, "Ms Chen");
}

#[test]
fn damaged_records_are_kept_as_a_copy_and_the_other_parts_survive() {
    // A key that is not 64 hex digits is damage, not a key to replace.
    let session: Value = serde_json::from_str(SESSION).unwrap();
    let mut raw: Value =
        serde_json::from_str(&stored(json!({}), json!({"sessions": [session]}))).unwrap();
    raw["data"]["records"] = json!({"learner": {"profile": {"name": "Li Hua"}, "key": "07"}});
    let mut store = open(&raw.to_string());
    let Some(LoadNotice::Unreadable { kept_as, reason }) = store.type_parts() else {
        panic!("damaged records are reported");
    };
    assert!(reason.starts_with("records:"), "{reason}");
    let copy: Value = serde_json::from_str(&store.kv().get(&kept_as).unwrap().unwrap()).unwrap();
    assert_eq!(
        copy["data"]["records"]["learner"]["profile"]["name"],
        "Li Hua"
    );
    assert_eq!(store.doc().records, Lazy::default());
    assert_eq!(store.doc().trainer.get().unwrap().sessions.len(), 1);
}

#[test]
fn has_assignments_reads_the_records_typed_or_not() {
    let cases = [
        (json!({}), false),
        (json!({"learner": {"assignments": []}}), false),
        (
            json!({"learner": {"assignments": [{"assignment": "FAA1:X", "accepted_at_ms": 7}]}}),
            true,
        ),
        // An instructor's classes are not the learner's assignments.
        (
            json!({"instructor": {"assignments": [{"assignment": "FAA1:Y"}]}}),
            false,
        ),
    ];
    for (records, expected) in cases {
        let raw = with_records(records);
        let mut doc = schema::read_document(&raw).unwrap();
        assert_eq!(doc.has_assignments(), expected, "untyped: {raw}");
        doc.records.typed().unwrap();
        assert_eq!(doc.has_assignments(), expected, "typed: {raw}");
    }
}

#[test]
fn a_backup_with_damaged_records_is_refused_whole() {
    let store: Value =
        serde_json::from_str(&with_records(json!({"learner": {"key": "not hex"}}))).unwrap();
    assert_refused(store);
}

#[test]
fn a_damaged_part_whose_copy_cannot_be_kept_stays_as_it_was_read() {
    // Storage full: the recovery copy does not fit. The damaged part is
    // not started again (a save would then write the empty part over the
    // stored one): it stays as read, and saves write it back as it is.
    let session: Value = serde_json::from_str(SESSION).unwrap();
    let damaged = json!({"schedule": {"cards": 5}});
    let raw = stored(damaged.clone(), json!({"sessions": [session]}));
    let mut full = MemoryKv::new();
    full.map.insert(DOC_KEY.into(), raw);
    full.max_value_len = Some(16);
    let mut store = Store::open(full, defaults).store;
    let notice = store.type_parts();
    assert!(
        matches!(notice, Some(LoadNotice::StorageUnavailable { .. })),
        "{notice:?}"
    );
    assert_eq!(store.doc().quiz.raw(), Some(&damaged), "kept as read");
    assert!(store.recovered().unwrap().is_empty(), "no copy was kept");
    assert_eq!(store.doc().trainer.get().unwrap().sessions.len(), 1);
    // Once there is room, typing keeps the copy and starts the quiz again.
    let mut kv = store.into_kv();
    kv.max_value_len = None;
    let mut store = Store::open(kv, defaults).store;
    assert!(matches!(
        store.type_parts(),
        Some(LoadNotice::Unreadable { .. })
    ));
    assert_eq!(store.doc().quiz, Lazy::default());
    assert_eq!(store.recovered().unwrap().len(), 1);
}

/// Imports a backup file holding the stored document `store`: refused
/// whole, as a damaged store.
fn assert_refused(store: Value) {
    let file = json!({
        "format": "firstaid-backup",
        "version": 1,
        "app_version": "test",
        "exported_at": "2026-12-06T00:00:00.000Z",
        "store": store,
        "recovered": []
    });
    let err = firstaid::backup::import(&file.to_string()).expect_err("refused");
    assert!(
        matches!(err, firstaid::backup::BackupError::BadStore(_)),
        "{err:?}"
    );
}
