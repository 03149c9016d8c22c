//! The versioned store on the in-memory backend: first visit, save and
//! reload, migrations, corrupt and foreign data, failing backends, erase.

use firstaid::settings::{Lang, Settings, TextSize, Theme};
use firstaid::store::schema::{self, migrate_envelope, Migration};
use firstaid::store::{
    Document, KeyValue, KvError, LoadNotice, MemoryKv, MigrateError, Store, DOC_KEY, SCHEMA_VERSION,
};
use serde_json::{json, Value};

fn defaults() -> Document {
    Document::with_settings(Settings::default())
}

fn kv_with(raw: &str) -> MemoryKv {
    let mut kv = MemoryKv::new();
    kv.set(DOC_KEY, raw).unwrap();
    kv
}

#[test]
fn first_visit_starts_with_defaults_and_writes_nothing() {
    let opened = Store::open(MemoryKv::new(), defaults);
    assert!(opened.first_visit);
    assert!(opened.notice.is_none());
    assert_eq!(opened.store.doc(), &defaults());
    assert!(opened.store.kv().map.is_empty());
}

#[test]
fn a_saved_change_survives_a_reload() {
    let mut store = Store::open(MemoryKv::new(), defaults).store;
    store
        .update(|d| {
            d.settings.lang = Lang::En;
            d.settings.theme = Theme::Dark;
            d.settings.text_size = TextSize::P200;
        })
        .unwrap();
    let reopened = Store::open(store.into_kv(), defaults);
    assert!(!reopened.first_visit);
    assert!(reopened.notice.is_none());
    let s = reopened.store.doc().settings;
    assert_eq!(
        (s.lang, s.theme, s.text_size),
        (Lang::En, Theme::Dark, TextSize::P200)
    );
}

#[test]
fn stored_document_has_a_pinned_envelope() {
    let raw = schema::write_document(&defaults());
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(
        v,
        json!({"schema": SCHEMA_VERSION, "data": {
            "settings": {"lang": "zh-CN", "profile": "rcsc", "theme": "system", "text_size": 100},
            "progress": {"lessons": {}},
            "quiz": {"schedule": {"cards": {}}, "results": []},
            "trainer": {"sessions": []},
            "records": {"learner": {"profile": {"name": ""}, "assignments": []},
                        "instructor": {"name": "", "assignments": []}}}})
    );
}

#[test]
fn unreadable_data_is_kept_and_reported_never_lost() {
    let cases: &[(&str, &str)] = &[
        ("not json", "{\"schema\": 1, \"data\": {\"settings\""),
        ("binary noise", "\u{0}\u{1}garbage"),
        ("no envelope", "{\"settings\": {}}"),
        ("array", "[1,2,3]"),
        ("schema zero", "{\"schema\": 0, \"data\": {}}"),
        ("data not an object", "{\"schema\": 1, \"data\": 5}"),
        (
            "invalid setting",
            r#"{"schema":2,"data":{"progress":{"lessons":{}},"settings":{"lang":"xx","profile":"rcsc","theme":"system","text_size":100}}}"#,
        ),
        (
            "unknown field",
            r#"{"schema":2,"data":{"progress":{"lessons":{}},"settings":{"lang":"en","profile":"rcsc","theme":"system","text_size":100},"evil":1}}"#,
        ),
        ("empty", ""),
    ];
    for (name, raw) in cases {
        let opened = Store::open(kv_with(raw), defaults);
        assert_eq!(
            opened.store.doc(),
            &defaults(),
            "{name}: starts with defaults"
        );
        match &opened.notice {
            Some(LoadNotice::Unreadable { kept_as, .. }) => {
                assert_eq!(
                    opened.store.kv().map.get(kept_as).map(String::as_str),
                    Some(*raw),
                    "{name}: raw kept"
                );
            }
            other => panic!("{name}: expected Unreadable, got {other:?}"),
        }
        // The bad document is still in place until the next save, and the copy
        // is listed for export.
        assert_eq!(opened.store.recovered().unwrap().len(), 1, "{name}");
    }
}

#[test]
fn repeated_corruption_keeps_every_copy() {
    let opened = Store::open(kv_with("bad 1"), defaults);
    let mut kv = opened.store.into_kv();
    kv.set(DOC_KEY, "bad 2").unwrap();
    let opened = Store::open(kv, defaults);
    let copies: Vec<String> = opened
        .store
        .recovered()
        .unwrap()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(copies, ["bad 1", "bad 2"]);
}

#[test]
fn data_from_a_newer_app_is_kept_not_overwritten_silently() {
    let raw = r#"{"schema": 99, "data": {"settings": {}}}"#;
    let opened = Store::open(kv_with(raw), defaults);
    match opened.notice {
        Some(LoadNotice::FromNewerVersion {
            version: 99,
            ref kept_as,
        }) => {
            assert_eq!(opened.store.kv().map[kept_as], raw);
        }
        other => panic!("expected FromNewerVersion, got {other:?}"),
    }
}

#[test]
fn unavailable_storage_still_starts_the_app() {
    let kv = MemoryKv {
        unavailable: true,
        ..MemoryKv::new()
    };
    let mut opened = Store::open(kv, defaults);
    assert!(matches!(
        opened.notice,
        Some(LoadNotice::StorageUnavailable { .. })
    ));
    assert_eq!(opened.store.doc(), &defaults());
    let err = opened
        .store
        .update(|d| d.settings.lang = Lang::En)
        .unwrap_err();
    assert!(matches!(err, KvError::Unavailable(_)));
    assert_eq!(
        opened.store.doc().settings.lang,
        Lang::En,
        "the change stays in memory"
    );
}

#[test]
fn a_full_backend_reports_the_failed_save() {
    let kv = MemoryKv {
        max_value_len: Some(10),
        ..MemoryKv::new()
    };
    let mut store = Store::open(kv, defaults).store;
    assert!(matches!(
        store.update(|d| d.settings.lang = Lang::En),
        Err(KvError::Full(_))
    ));
}

#[test]
fn erase_removes_every_app_key_but_not_others() {
    let mut kv = kv_with("corrupt");
    kv.set("other-app/key", "keep me").unwrap();
    let mut store = Store::open(kv, defaults).store;
    let en = Document::with_settings(Settings {
        lang: Lang::En,
        ..Settings::default()
    });
    store.erase_all(en.clone()).unwrap();
    let keys = store.kv().keys().unwrap();
    assert_eq!(keys, ["firstaid/store", "other-app/key"]);
    assert!(store.recovered().unwrap().is_empty());
    assert_eq!(Store::open(store.into_kv(), defaults).store.doc(), &en);
}

// --- The migration mechanism, on a table of test migrations -------------

fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    // v2 renamed "size" to "text_size".
    let s = data
        .get_mut("settings")
        .and_then(Value::as_object_mut)
        .ok_or("no settings")?;
    let size = s.remove("size").ok_or("no size")?;
    s.insert("text_size".into(), size);
    Ok(data)
}

fn v2_to_v3(mut data: Value) -> Result<Value, String> {
    // v3 added a progress map.
    data.as_object_mut()
        .ok_or("not an object")?
        .insert("progress".into(), json!({}));
    Ok(data)
}

const TEST_MIGRATIONS: &[Migration] = &[v1_to_v2, v2_to_v3];

#[test]
fn migrations_run_in_order_from_any_older_version() {
    let cases = [
        (
            json!({"schema": 1, "data": {"settings": {"size": 150}}}),
            json!({"settings": {"text_size": 150}, "progress": {}}),
        ),
        (
            json!({"schema": 2, "data": {"settings": {"text_size": 125}}}),
            json!({"settings": {"text_size": 125}, "progress": {}}),
        ),
        (
            json!({"schema": 3, "data": {"settings": {"text_size": 100}, "progress": {"a": 1}}}),
            json!({"settings": {"text_size": 100}, "progress": {"a": 1}}),
        ),
    ];
    for (input, want) in cases {
        assert_eq!(
            migrate_envelope(input.clone(), 3, TEST_MIGRATIONS).unwrap(),
            want,
            "{input}"
        );
    }
}

#[test]
fn migration_failures_and_versions_out_of_range_are_reported() {
    let failing = json!({"schema": 1, "data": {"settings": {}}});
    assert_eq!(
        migrate_envelope(failing, 3, TEST_MIGRATIONS),
        Err(MigrateError::Migration(1, "no size".into()))
    );
    assert_eq!(
        migrate_envelope(json!({"schema": 4, "data": {}}), 3, TEST_MIGRATIONS),
        Err(MigrateError::NewerVersion(4))
    );
    assert_eq!(
        migrate_envelope(json!({"schema": 0, "data": {}}), 3, TEST_MIGRATIONS),
        Err(MigrateError::UnknownVersion(0))
    );
    assert_eq!(
        migrate_envelope(json!({"data": {}}), 3, TEST_MIGRATIONS),
        Err(MigrateError::NoEnvelope)
    );
}

#[test]
fn the_real_schema_reads_every_version_it_claims() {
    // One fixture per released schema version; add one with each migration.
    let fixtures = [
        (
            1,
            r#"{"schema":1,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125}}}"#,
            0,
        ),
        (
            2,
            r#"{"schema":2,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{"adult-cpr":{"current":"rate","at_check":false,"seen":["rate"]}}}}}"#,
            1,
        ),
        (
            3,
            r#"{"schema":3,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125,
               "emergency_number":"999"},"progress":{"lessons":{}}}}"#,
            0,
        ),
        (
            4,
            r#"{"schema":4,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{"aed":{"current":"pads","at_check":false,"seen":["pads"]}}},
               "quiz":{"schedule":{"cards":{"aed.pads":{"box":2,"due_ms":1800000000000,"reviews":1,"lapses":0,"last_correct":true}}},
                       "results":[]}}}"#,
            1,
        ),
        (
            5,
            r#"{"schema":5,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{}},"quiz":{},
               "trainer":{"sessions":[{"at_ms":1800000000000,"source":"taps","bpm":110,"pause_s":5,
                 "duration_ms":120000,"times_ms":[0,545,1090],"taps_ms":[0,545,1090]}]}}}"#,
            0,
        ),
        (
            6,
            r#"{"schema":6,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{}},"quiz":{},"trainer":{},
               "records":{"learner":{"profile":{"name":"Li Hua","class":"3B"},
                 "key":"2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a"},
                 "instructor":{"name":"Ms Chen"}}}}"#,
            0,
        ),
        (
            7,
            r#"{"schema":7,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{}},"quiz":{},"trainer":{},
               "records":{"learner":{"certificates":["FAC1:Y"]},
                 "instructor":{"name":"Ms Chen","xapi":{"home_page":"https://lrs.school.example","by_number":true},
                 "assignments":[{"assignment":"FAA1:X",
                 "roster":{"entries":[{"record":"FAR1:X","verified_at_ms":5,
                   "checked":{"content_version":"c1","ok":true,"exam_percents":[95,null]},
                   "practical_passed_at_ms":9,"certificate":"FAC1:Y"}]}}]}}}}"#,
            0,
        ),
        (
            8,
            r#"{"schema":8,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125,"region":"au"},
               "progress":{"lessons":{}},"quiz":{},"trainer":{},"records":{}}}"#,
            0,
        ),
        (
            9,
            r#"{"schema":9,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{}},"quiz":{},"records":{},
               "trainer":{"sessions":[{"at_ms":1800000000000,"source":"taps","bpm":110,"pause_s":5,
                 "duration_ms":21000,"planned_ms":120000,"times_ms":[0,545,1090],"taps_ms":[0,545,1090]}]}}}"#,
            0,
        ),
        (
            10,
            r#"{"schema":10,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125,"motion":"off"},
               "progress":{"lessons":{}},"quiz":{},"trainer":{},"records":{}}}"#,
            0,
        ),
        (
            11,
            r#"{"schema":11,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{}},"quiz":{},"trainer":{},
               "records":{"instructor":{"name":"Ms Chen",
                 "assignments":[{"assignment":"FAA1:X",
                 "roster":{"entries":[{"record":"FAR1:X","verified_at_ms":5,
                   "assessments":[{"checklist":"choking","marks":[
                     {"item":"back-blows","mark":"passed","at_ms":7},
                     {"item":"abdominal-thrusts","mark":"practice","note":"fist too low","at_ms":8}]}]}]}}]}}}}"#,
            0,
        ),
        // Version 12 as a backup embeds it (rows inline; in the store they
        // have keys of their own: tests/store_rows.rs), with lesson times.
        (
            12,
            r#"{"schema":12,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{"cpr-adult":{"current":"push","seen":["push"],"completed_at":"2026-12-05T01:00:00.000Z",
                 "time_ms":400000,"time_to_complete_ms":350000}}},"quiz":{},"trainer":{},
               "records":{"instructor":{"assignments":[{"assignment":"FAA1:X",
                 "roster":{"entries":[{"record":"FAR1:X","verified_at_ms":5}]}}]}}}}"#,
            1,
        ),
        // Version 13 keeps each roster row's device key beside its record
        // (tests/store_row_keys.rs).
        (
            13,
            r#"{"schema":13,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},
               "progress":{"lessons":{}},"quiz":{},"trainer":{},
               "records":{"instructor":{"assignments":[{"assignment":"FAA1:X",
                 "roster":{"entries":[{"record":"FAR1:X","verified_at_ms":5,
                   "key":"0707070707070707070707070707070707070707070707070707070707070707"}]}}]}}}}"#,
            0,
        ),
    ];
    assert_eq!(
        fixtures.len() as u64,
        SCHEMA_VERSION,
        "a fixture for every schema version"
    );
    for (version, raw, lessons) in fixtures {
        let mut doc =
            schema::read_document(raw).unwrap_or_else(|e| panic!("version {version}: {e}"));
        // The parts the app types when a page reads them match their types too.
        doc.quiz
            .typed()
            .unwrap_or_else(|e| panic!("version {version}: {e}"));
        doc.trainer
            .typed()
            .unwrap_or_else(|e| panic!("version {version}: {e}"));
        assert_eq!(doc.settings.lang, Lang::En);
        assert_eq!(doc.settings.text_size, TextSize::P125);
        assert_eq!(doc.progress.lessons.len(), lessons, "version {version}");
    }
    // Migrated versions start with an empty quiz.
    let v3 = read_whole(fixtures[2].1);
    assert_eq!(v3.quiz, Default::default());
    let v4 = read_whole(fixtures[3].1);
    assert_eq!(
        v4.quiz
            .get()
            .unwrap()
            .schedule
            .card("aed.pads")
            .map(|c| c.box_),
        Some(2)
    );
    // Migrated versions start with no training sessions.
    assert_eq!(v4.trainer, Default::default());
    let v5 = read_whole(fixtures[4].1);
    assert_eq!(
        v5.trainer.get().unwrap().sessions[0].times_ms,
        [0, 545, 1090]
    );
    // Migrated versions start with no records; version 6 keeps its own.
    assert_eq!(v5.records, Default::default());
    let v6 = read_whole(fixtures[5].1);
    assert_eq!(
        v6.records.get().unwrap().learner.profile.class.as_deref(),
        Some("3B")
    );
    assert_eq!(v6.records.get().unwrap().instructor.name, "Ms Chen");
    // Version 7 rows keep their verdict and the practical exam's mark.
    let v7 = read_whole(fixtures[6].1);
    let row = &v7.records.get().unwrap().instructor.assignments[0]
        .roster
        .entries[0];
    assert_eq!(row.practical_passed_at_ms, Some(9));
    assert_eq!(row.certificate.as_deref(), Some("FAC1:Y"));
    assert_eq!(v7.records.get().unwrap().learner.certificates, ["FAC1:Y"]);
    let xapi = v7.records.get().unwrap().instructor.xapi.as_ref().unwrap();
    assert!(xapi.by_number && !xapi.include_names);
    let checked = row.checked.as_ref().unwrap();
    assert_eq!(
        (checked.ok, &checked.exam_percents[..]),
        (true, &[Some(95), None][..])
    );
    // Version 8 keeps where the learner said they are; older data has none.
    let v8 = read_whole(fixtures[7].1);
    assert_eq!(v8.settings.region, Some(firstaid::region::RegionId::Au));
    assert_eq!(v7.settings.region, None);
    // Version 9 keeps a session's planned time; older sessions have none.
    let v9 = read_whole(fixtures[8].1);
    assert_eq!(
        v9.trainer.get().unwrap().sessions[0].planned_ms,
        Some(120_000)
    );
    assert_eq!(v5.trainer.get().unwrap().sessions[0].planned_ms, None);
    // Version 10 keeps whether pictures move; older data follows the phone.
    let v10 = read_whole(fixtures[9].1);
    assert_eq!(v10.settings.motion, firstaid::settings::Motion::Off);
    assert_eq!(v9.settings.motion, firstaid::settings::Motion::System);
    assert_eq!(
        v9.settings,
        firstaid::settings::Settings {
            motion: firstaid::settings::Motion::System,
            ..v10.settings
        },
        "an old document reads with motion following the phone, nothing else changed"
    );
    // Version 11 keeps the checklist marks; a version 7 tick stays as it was.
    let v11 = read_whole(fixtures[10].1);
    let row = &v11.records.get().unwrap().instructor.assignments[0]
        .roster
        .entries[0];
    let choking = row.assessments.of("choking").unwrap();
    assert_eq!(
        choking.mark("abdominal-thrusts"),
        Some(firstaid::records::assess::Mark::Practice)
    );
    assert_eq!(choking.note("abdominal-thrusts"), Some("fist too low"));
    assert!(v7.records.get().unwrap().instructor.assignments[0]
        .roster
        .entries[0]
        .assessments
        .is_empty());
    // Version 12 keeps the time spent in a lesson; older lessons have none.
    let v12 = read_whole(fixtures[11].1);
    let lesson = &v12.progress.lessons["cpr-adult"];
    assert_eq!(
        (lesson.time_ms, lesson.time_to_complete_ms),
        (Some(400_000), Some(350_000))
    );
    // Version 13 keeps a row's device key; a damaged record gets none.
    let v13 = read_whole(fixtures[12].1);
    let key = v13.records.get().unwrap().instructor.assignments[0]
        .roster
        .entries[0]
        .key;
    assert_eq!(key.map(|k| k.0), Some([7; 32]));
    assert_eq!(
        v12.records.get().unwrap().instructor.assignments[0]
            .roster
            .entries[0]
            .key,
        None
    );
    let odd5 = r#"{"schema":5,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},"progress":{"lessons":{}},"quiz":{},"trainer":{},"records":{}}}"#;
    assert!(matches!(
        schema::read_document(odd5),
        Err(MigrateError::Migration(5, _))
    ));
    // Version 4 data that somehow has a trainer is refused, not merged.
    let odd4 = r#"{"schema":4,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},"progress":{"lessons":{}},"quiz":{},"trainer":{}}}"#;
    assert!(matches!(
        schema::read_document(odd4),
        Err(MigrateError::Migration(4, _))
    ));
    // Version 3 data that somehow has a quiz is refused, not merged.
    let odd3 = r#"{"schema":3,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},"progress":{"lessons":{}},"quiz":{}}}"#;
    assert!(matches!(
        schema::read_document(odd3),
        Err(MigrateError::Migration(3, _))
    ));
    // Version 1 data that somehow has progress is refused, not merged.
    let odd = r#"{"schema":1,"data":{"settings":{"lang":"en","profile":"aha","theme":"light","text_size":125},"progress":{}}}"#;
    assert!(matches!(
        schema::read_document(odd),
        Err(MigrateError::Migration(1, _))
    ));
}

#[test]
fn a_phone_that_opened_newer_data_kept_a_copy_and_may_start_again() {
    // The notice said a copy was kept and the app started fresh: saving
    // the fresh start is allowed (the newer data is in the copy).
    let raw = r#"{"schema": 99, "data": {}}"#;
    let opened = Store::open(kv_with(raw), defaults);
    let kept = match &opened.notice {
        Some(LoadNotice::FromNewerVersion { kept_as, .. }) => kept_as.clone(),
        other => panic!("expected FromNewerVersion, got {other:?}"),
    };
    let mut store = opened.store;
    store.update(|d| d.settings.lang = Lang::En).unwrap();
    assert_eq!(store.kv().map[&kept], raw);
}

#[test]
fn the_schema_is_read_without_the_data() {
    assert_eq!(
        schema::peek_version(r#"{"data": {"x": [1, 2]}, "schema": 7}"#),
        Some(7)
    );
    assert_eq!(
        schema::peek_version(&schema::write_document(&defaults())),
        Some(SCHEMA_VERSION)
    );
    assert_eq!(schema::peek_version("{broken"), None);
    assert_eq!(schema::peek_version(r#"{"data": {}}"#), None);
}

/// A stored document read and typed whole: the quiz's and the trainer's
/// parts, which the app types when a page reads them, too.
fn read_whole(raw: &str) -> Document {
    let mut doc = schema::read_document(raw).unwrap();
    doc.quiz.typed().unwrap();
    doc.trainer.typed().unwrap();
    doc.records.typed().unwrap();
    doc
}
