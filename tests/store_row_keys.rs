//! Schema 13: each class roster row keeps its record's device key beside
//! the record, so that a scan finds the learner's row by comparing keys,
//! not by decoding every record on the roster. Rows stored under schema 12
//! are written anew under the next generation when the store opens, without
//! keys (the first load does not decode records); the roster fills them in
//! when the instructor opens the class, and finds a row without one by
//! reading its record until then.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::records::{key, typical, typical_v1};
use firstaid::records::keys::PublicKey;
use firstaid::records::roster::{Added, Entry, Roster};
use firstaid::settings::Settings;
use firstaid::store::{
    row_key, Document, KeyValue, MemoryKv, Store, DOC_KEY, ROWS_PREFIX, SCHEMA_VERSION,
};
use serde_json::{json, Value};

fn defaults() -> Document {
    Document::with_settings(Settings::default())
}

fn hex(k: &PublicKey) -> String {
    k.0.iter().map(|b| format!("{b:02x}")).collect()
}

/// A schema 12 store (rows under keys of their own, generation 4) with one
/// roster holding `rows`.
fn v12_store(rows: &[Value]) -> MemoryKv {
    let mut kv = MemoryKv::default();
    let head = json!({
        "schema": 12,
        "data": {
            "settings": {"lang": "en", "profile": "aha", "theme": "light", "text_size": 125},
            "progress": {"lessons": {}}, "quiz": {}, "trainer": {},
            "records": {"instructor": {"assignments": [
                {"assignment": "FAA1:X", "roster": {"entries": []}}
            ]}}
        },
        "rows": {"gen": 4, "counts": [rows.len()]},
    });
    kv.set(DOC_KEY, &head.to_string()).unwrap();
    for (j, row) in rows.iter().enumerate() {
        kv.set(&row_key(4, 0, j), &row.to_string()).unwrap();
    }
    kv
}

#[test]
fn schema_12_rows_gain_their_device_keys_when_the_roster_fills_them() {
    let other = PublicKey([7; 32]);
    // (the stored row, the key it has once migrated)
    let cases: Vec<(Value, Option<PublicKey>)> = vec![
        (
            json!({"record": typical().to_qr_text(), "verified_at_ms": 1}),
            Some(key().public()),
        ),
        (
            json!({"record": typical_v1().to_qr_text(), "verified_at_ms": 2, "certificate": "FAC2:C"}),
            Some(key().public()),
        ),
        // A damaged record: nobody's row, as before.
        (json!({"record": "FAR1:X", "verified_at_ms": 3}), None),
        // A row written by schema 13 before a crash keeps its key.
        (
            json!({"record": "FAR1:Y", "verified_at_ms": 4, "key": hex(&other)}),
            Some(other),
        ),
    ];
    let rows: Vec<Value> = cases.iter().map(|(r, _)| r.clone()).collect();
    let opened = Store::open(v12_store(&rows), defaults);
    assert_eq!(opened.notice, None);
    let store = opened.store;
    let records = store.doc().records.to_typed().expect("the records read");
    let entries = &records.instructor.assignments[0].roster.entries;
    assert_eq!(entries.len(), cases.len());
    for (j, ((row, want), got)) in cases.iter().zip(entries).enumerate() {
        // Opening reads no record: only a key stored with the row is there.
        let stored = row.get("key").map(|_| want.unwrap());
        assert_eq!(got.key, stored, "row {j}");
        assert_eq!(got.record, row["record"].as_str().unwrap(), "row {j}");
        assert_eq!(
            got.verified_at_ms,
            row["verified_at_ms"].as_i64().unwrap(),
            "row {j}"
        );
    }
    // Written anew at once (not in the middle of the first scan), under the
    // next generation; the old rows are gone.
    let kv = store.kv();
    let head: Value = serde_json::from_str(&kv.get(DOC_KEY).unwrap().unwrap()).unwrap();
    assert_eq!(head["schema"], json!(SCHEMA_VERSION));
    assert_eq!(head["rows"], json!({"gen": 5, "counts": [cases.len()]}));
    let mut keys: Vec<String> = kv
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(ROWS_PREFIX))
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        (0..cases.len())
            .map(|j| row_key(5, 0, j))
            .collect::<Vec<_>>()
    );
    for (j, (row, _)) in cases.iter().enumerate() {
        let stored: Value =
            serde_json::from_str(&kv.get(&row_key(5, 0, j)).unwrap().unwrap()).unwrap();
        assert_eq!(stored.get("key"), row.get("key"), "row {j}");
    }
    // The roster fills the keys in; a damaged record stays nobody's.
    let mut roster = records.instructor.assignments[0].roster.clone();
    assert!(roster.lacks_keys());
    roster.fill_keys();
    assert!(!roster.lacks_keys());
    for (j, ((_, want), got)) in cases.iter().zip(&roster.entries).enumerate() {
        assert_eq!(got.key, *want, "row {j}");
    }
    // Opened again: read as it is, nothing written.
    let doc = store.doc().clone();
    let before = store.kv().clone();
    let again = Store::open(store.into_kv(), defaults).store;
    assert_eq!(again.doc(), &doc);
    assert_eq!(again.kv().map, before.map);
}

#[test]
fn a_stored_device_key_is_64_lowercase_hex_digits() {
    let k = key().public();
    let row = json!({"record": "FAR1:X", "verified_at_ms": 1, "key": hex(&k)});
    let entry: Entry = serde_json::from_value(row.clone()).unwrap();
    assert_eq!(entry.key, Some(k));
    assert_eq!(serde_json::to_value(&entry).unwrap(), row, "round trip");
    let bad = [
        String::new(),
        hex(&k)[1..].to_owned(),
        format!("{}0", hex(&k)),
        hex(&k).to_uppercase(),
        format!("{}g", &hex(&k)[1..]),
    ];
    for text in bad {
        let row = json!({"record": "FAR1:X", "verified_at_ms": 1, "key": text});
        assert!(
            serde_json::from_value::<Entry>(row).is_err(),
            "{text:?} is not a device key"
        );
    }
}

#[test]
fn the_roster_finds_a_learner_by_the_key_kept_with_their_row() {
    let mut roster = Roster::default();
    let record = typical();
    assert_eq!(roster.add(&record, 1), Added::New);
    let k = record.body.key;
    assert_eq!(roster.entries[0].key, Some(k), "set with the record");
    assert_eq!(roster.row(&k).map(|e| e.verified_at_ms), Some(1));
    assert!(roster.set_certificate(&k, "FAC3:C".into()));
    assert!(roster.set_practical(&k, Some(5)));
    assert!(roster.assess(&k, |_| {}));
    // The same learner again: their row, by its key.
    assert_eq!(roster.add(&record, 2), Added::Updated);
    assert_eq!(roster.entries.len(), 1);
    assert_eq!(roster.entries[0].certificate.as_deref(), Some("FAC3:C"));
    // A row without a key (stored before schema 13) is found by reading its
    // record, and keeps the key; another key finds nothing.
    roster.entries[0].key = None;
    assert_eq!(roster.row(&k).map(|e| e.verified_at_ms), Some(2));
    assert!(roster.row(&PublicKey([7; 32])).is_none());
    assert!(roster.set_practical(&k, Some(6)));
    assert_eq!(roster.entries[0].key, Some(k), "kept once found");
    // A row whose record cannot be read is nobody's.
    roster.entries[0].key = None;
    roster.entries[0].record = "FAR1:X".into();
    for k in [k, PublicKey([7; 32])] {
        assert!(roster.row(&k).is_none());
        assert!(!roster.set_certificate(&k, "FAC3:D".into()));
        assert!(!roster.set_practical(&k, None));
        assert!(!roster.assess(&k, |_| {}));
    }
}
