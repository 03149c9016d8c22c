//! The store's layout since schema 12: each class roster row under a key of
//! its own (`firstaid::store::rows`). A scan writes its row and the small
//! head, a mark only its row; the single document of schema 11 migrates on
//! opening, and neither a full disk nor a crash at any write loses data.

#[path = "common/shared_kv.rs"]
mod shared_kv;
use shared_kv::SharedKv;
use std::collections::BTreeMap;

use firstaid::records::roster::{Entry, Roster};
use firstaid::records::stored::Issued;
use firstaid::settings::{Lang, Settings};
use firstaid::store::{
    row_key, Document, KeyValue, KvError, LoadNotice, MemoryKv, Store, DOC_KEY, ROWS_PREFIX,
    SCHEMA_VERSION,
};
use serde_json::{json, Value};

fn defaults() -> Document {
    Document::with_settings(Settings::default())
}

/// A row of learner `i` (the store never reads the record's text: a
/// stand-in of a real row's size will do).
fn entry(i: usize) -> Entry {
    Entry {
        record: format!("FAR1:{i}:{}", "R".repeat(1500)),
        key: None,
        verified_at_ms: 1_700_000_000_000 + i as i64,
        checked: None,
        practical_passed_at_ms: None,
        assessments: Default::default(),
        certificate: Some(format!("FAC2:{i}:{}", "C".repeat(2500))),
    }
}

/// A document whose instructor has one assignment per roster size given.
fn doc_with(rosters: &[usize]) -> Document {
    let mut doc = defaults();
    for (a, &n) in rosters.iter().enumerate() {
        doc.records
            .typed()
            .unwrap()
            .instructor
            .assignments
            .push(Issued {
                assignment: format!("FAA1:{a}"),
                roster: Roster {
                    entries: (0..n).map(|i| entry(1000 * a + i)).collect(),
                },
            });
    }
    doc
}

/// The in-memory backend, counting what is written, failing every write
/// once `writes_left` is spent (a crash or a full disk at that write) or
/// once the values stored would exceed `quota` bytes.
#[derive(Default, Clone)]
struct Disk {
    kv: MemoryKv,
    written: usize,
    writes: usize,
    writes_left: Option<usize>,
    quota: Option<usize>,
}

impl Disk {
    fn used(&self) -> usize {
        self.kv.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValue for Disk {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.kv.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        if self.writes_left == Some(0) {
            return Err(KvError::Full("no writes left".into()));
        }
        let old = self.kv.map.get(key).map_or(0, |v| key.len() + v.len());
        if self
            .quota
            .is_some_and(|q| self.used() - old + key.len() + value.len() > q)
        {
            return Err(KvError::Full("quota".into()));
        }
        self.writes_left = self.writes_left.map(|n| n - 1);
        self.written += value.len();
        self.writes += 1;
        self.kv.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.kv.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.kv.keys()
    }
}

/// The schema 11 store of `doc`: one document, rosters inline.
fn single_document(doc: &Document) -> String {
    json!({ "schema": 11, "data": doc }).to_string()
}

fn disk_with_v11(doc: &Document) -> Disk {
    let mut disk = Disk::default();
    disk.kv.set(DOC_KEY, &single_document(doc)).unwrap();
    disk
}

fn row_keys(disk: &Disk) -> Vec<String> {
    disk.kv
        .map
        .keys()
        .filter(|k| k.starts_with(ROWS_PREFIX))
        .cloned()
        .collect()
}

fn reopen(disk: Disk) -> Store<Disk> {
    let opened = Store::open(disk, defaults);
    assert_eq!(opened.notice, None);
    opened.store
}

#[test]
fn the_head_names_the_rows_and_holds_none_of_them() {
    let mut store = Store::open(Disk::default(), defaults).store;
    store.replace(doc_with(&[2, 0, 3])).unwrap();
    let head: Value = serde_json::from_str(&store.kv().kv.map[DOC_KEY]).unwrap();
    assert_eq!(head["schema"], json!(SCHEMA_VERSION));
    assert_eq!(head["rows"], json!({"gen": 1, "counts": [2, 0, 3]}));
    let rosters = &head["data"]["records"]["instructor"]["assignments"];
    assert!(rosters
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["roster"]["entries"] == json!([])));
    assert_eq!(
        row_keys(store.kv()),
        ["1/0/0", "1/0/1", "1/2/0", "1/2/1", "1/2/2"].map(|k| format!("{ROWS_PREFIX}{k}"))
    );
    let row: Entry = serde_json::from_str(&store.kv().kv.map[&row_key(1, 2, 1)]).unwrap();
    assert_eq!(row, entry(2001));
    assert_eq!(reopen(store.into_kv()).doc(), &doc_with(&[2, 0, 3]));
}

#[test]
fn a_scan_writes_its_row_and_the_head_a_mark_only_its_row() {
    for n in [1, 10, 50, 200] {
        let mut store = Store::open(Disk::default(), defaults).store;
        store.replace(doc_with(&[n])).unwrap();
        let head_len = store.kv().kv.map[DOC_KEY].len();
        let row_len = store.kv().kv.map[&row_key(1, 0, 0)].len();

        let before = (store.kv().written, store.kv().writes);
        store
            .update(|d| {
                let roster = &mut d.records.typed().unwrap().instructor.assignments[0].roster;
                roster.entries.push(entry(n));
            })
            .unwrap();
        let (bytes, writes) = (store.kv().written - before.0, store.kv().writes - before.1);
        assert_eq!(writes, 2, "{n} rows: the new row and the head");
        assert!(bytes <= row_len + head_len + 16, "{n} rows: {bytes} bytes");

        let before = (store.kv().written, store.kv().writes);
        store
            .update(|d| {
                let roster = &mut d.records.typed().unwrap().instructor.assignments[0].roster;
                roster.entries[n / 2].practical_passed_at_ms = Some(1);
            })
            .unwrap();
        assert_eq!(store.kv().writes - before.1, 1, "{n} rows: only the row");

        let before = store.kv().writes;
        store.update(|_| {}).unwrap();
        assert_eq!(
            store.kv().writes,
            before,
            "nothing changed, nothing written"
        );

        let doc = store.doc().clone();
        assert_eq!(reopen(store.into_kv()).doc(), &doc);
    }
}

#[test]
fn a_single_document_migrates_on_opening_and_reads_the_same() {
    for rosters in [&[][..], &[0], &[1], &[3, 0, 2], &[200]] {
        let doc = doc_with(rosters);
        let opened = Store::open(disk_with_v11(&doc), defaults);
        assert_eq!(opened.notice, None);
        assert_eq!(opened.store.doc(), &doc, "{rosters:?}");
        let disk = opened.store.into_kv();
        let head: Value = serde_json::from_str(&disk.kv.map[DOC_KEY]).unwrap();
        let rows: usize = rosters.iter().sum();
        if rows == 0 {
            // Nothing to move: written at the next save, as before.
            assert_eq!(disk.writes, 0, "{rosters:?}");
            assert_eq!(head["schema"], json!(11));
        } else {
            assert_eq!(head["schema"], json!(SCHEMA_VERSION), "{rosters:?}");
            assert_eq!(row_keys(&disk).len(), rows, "{rosters:?}");
        }
        assert_eq!(reopen(disk).doc(), &doc, "{rosters:?}");
    }
}

#[test]
fn a_migration_on_a_full_disk_leaves_the_old_document() {
    let doc = doc_with(&[50]);
    let mut disk = disk_with_v11(&doc);
    // Room for the old document, not for a second copy of its rosters.
    disk.quota = Some(disk.used() * 3 / 2);
    let before = disk.kv.map.clone();
    let opened = Store::open(disk, defaults);
    assert_eq!(opened.notice, None);
    assert_eq!(opened.store.doc(), &doc, "the app runs on the data");
    let mut disk = opened.store.into_kv();
    assert_eq!(disk.kv.map, before, "the old document, and no half rows");
    // With room, the next start migrates.
    disk.quota = None;
    let store = reopen(disk);
    assert_eq!(store.doc(), &doc);
    assert_eq!(row_keys(store.kv()).len(), 50);
}

#[test]
fn a_crash_at_any_write_of_the_migration_loses_nothing() {
    let doc = doc_with(&[3, 2]);
    for crash_at in 0..=6 {
        let mut disk = disk_with_v11(&doc);
        disk.writes_left = Some(crash_at);
        // The crash: the writes so far are on disk, nothing after them.
        let mut disk = Store::open(disk, defaults).store.into_kv();
        disk.writes_left = None;
        let store = reopen(disk);
        assert_eq!(store.doc(), &doc, "crash at write {crash_at}");
        let head: Value = serde_json::from_str(&store.kv().kv.map[DOC_KEY]).unwrap();
        assert_eq!(head["schema"], json!(SCHEMA_VERSION));
        assert_eq!(row_keys(store.kv()).len(), 5, "no row left over");
    }
}

#[test]
fn a_crash_in_a_scan_keeps_the_roster_as_it_was_or_as_it_is() {
    let doc = doc_with(&[4]);
    // Three writes: row 0 (changed), row 4 (new), the head.
    for crash_at in 0..=3 {
        let mut store = Store::open(Disk::default(), defaults).store;
        store.replace(doc.clone()).unwrap();
        let mut disk = store.into_kv();
        disk.writes_left = Some(crash_at);
        let mut store = reopen(disk);
        let saved = store.update(|d| {
            let r = &mut d.records.typed().unwrap().instructor.assignments[0].roster;
            r.entries.push(entry(4));
            r.entries[0].certificate = None;
        });
        assert_eq!(saved.is_ok(), crash_at == 3);
        let mut disk = store.into_kv();
        disk.writes_left = None;
        let mut got = reopen(disk).doc().clone();
        let roster = &got.records.typed().unwrap().instructor.assignments[0]
            .roster
            .entries;
        // The rows are written in order, the head last: each row is old or
        // new, and the new learner counts only once the head says so.
        assert_eq!(roster.len(), if crash_at == 3 { 5 } else { 4 });
        assert_eq!(roster[0].certificate.is_none(), crash_at >= 1);
    }
}

#[test]
fn a_restore_that_does_not_fit_changes_nothing() {
    let mut store = Store::open(Disk::default(), defaults).store;
    store.replace(doc_with(&[20, 5])).unwrap();
    let mut disk = store.into_kv();
    disk.quota = Some(disk.used() * 3 / 2);
    let before = disk.kv.map.clone();
    let mut store = reopen(disk);
    assert!(store.replace_keeping_copy(doc_with(&[30])).is_err());
    assert_eq!(store.doc(), &doc_with(&[20, 5]));
    assert_eq!(store.kv().kv.map, before);
    // With room it goes through, and the old generation is gone.
    let mut disk = store.into_kv();
    disk.quota = None;
    let mut store = reopen(disk);
    store.replace(doc_with(&[30])).unwrap();
    assert!(row_keys(store.kv())
        .iter()
        .all(|k| k.starts_with(&format!("{ROWS_PREFIX}2/0/"))));
    assert_eq!(reopen(store.into_kv()).doc(), &doc_with(&[30]));
}

#[test]
fn a_missing_row_is_reported_and_every_row_kept_in_the_copy() {
    let mut store = Store::open(Disk::default(), defaults).store;
    store.replace(doc_with(&[3])).unwrap();
    let mut disk = store.into_kv();
    let rows: BTreeMap<String, String> = disk
        .kv
        .map
        .iter()
        .filter(|(k, _)| k.starts_with(ROWS_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    disk.kv.map.remove(&row_key(1, 0, 1));
    let opened = Store::open(disk, defaults);
    let Some(LoadNotice::Unreadable { kept_as, reason }) = opened.notice else {
        panic!("expected Unreadable, got {:?}", opened.notice);
    };
    assert!(reason.contains("firstaid/rows/1/0/1"), "{reason}");
    let copy: Value = serde_json::from_str(&opened.store.kv().kv.map[&kept_as]).unwrap();
    assert_eq!(copy["row_texts"].as_object().unwrap().len(), 2);
    for (k, v) in &copy["row_texts"].as_object().unwrap().clone() {
        assert_eq!(v.as_str(), rows.get(k).map(String::as_str));
    }
}

#[test]
fn a_mark_in_another_tab_needs_no_catching_up_and_is_kept() {
    let shared = SharedKv::default();
    let mut a = Store::open(shared.clone(), defaults).store;
    a.replace(doc_with(&[3])).unwrap();
    let mut b = Store::open(shared.clone(), defaults).store;
    a.update(|d| {
        d.records.typed().unwrap().instructor.assignments[0]
            .roster
            .entries[2]
            .verified_at_ms = 5
    })
    .unwrap();
    // A mark writes its row only: the head is as B read it.
    assert!(!b.catch_up());
    b.update(|d| {
        d.records.typed().unwrap().instructor.assignments[0]
            .roster
            .entries[0]
            .verified_at_ms = 7
    })
    .unwrap();
    let mut stored = Store::open(shared, defaults).store;
    assert_eq!(stored.type_parts(), None);
    let rows = &stored.doc().records.get().unwrap().instructor.assignments[0]
        .roster
        .entries;
    assert_eq!((rows[0].verified_at_ms, rows[2].verified_at_ms), (7, 5));
}

#[test]
fn another_tab_sees_a_mark_and_erase_removes_every_row() {
    let shared = SharedKv::default();
    let mut a = Store::open(shared.clone(), defaults).store;
    a.replace(doc_with(&[3])).unwrap();
    let mut b = Store::open(shared.clone(), defaults).store;
    assert_eq!(b.doc(), a.doc());
    a.update(|d| {
        d.records.typed().unwrap().instructor.assignments[0]
            .roster
            .entries[2]
            .certificate = None
    })
    .unwrap();
    assert!(b.reload());
    assert_eq!(b.doc(), a.doc());
    // B's next mark keeps A's, and writes only B's row.
    b.update(|d| {
        d.records.typed().unwrap().instructor.assignments[0]
            .roster
            .entries[0]
            .verified_at_ms = 7
    })
    .unwrap();
    assert!(a.reload());
    assert_eq!(a.type_parts(), None);
    let rows = &a.doc().records.get().unwrap().instructor.assignments[0]
        .roster
        .entries;
    assert_eq!(
        (rows[0].verified_at_ms, rows[2].certificate.is_none()),
        (7, true)
    );
    a.erase_all(defaults()).unwrap();
    assert!(shared
        .keys()
        .unwrap()
        .iter()
        .all(|k| !k.starts_with(ROWS_PREFIX)));
    assert_eq!(Store::open(shared, defaults).store.doc(), &defaults());
}

#[test]
fn records_no_page_typed_are_saved_as_read_and_their_rows_left_alone() {
    let mut store = Store::open(Disk::default(), defaults).store;
    store.replace(doc_with(&[3, 2])).unwrap();
    let mut store = reopen(store.into_kv());
    assert!(store.doc().records.raw().is_some(), "opened untyped");
    let rows_before: BTreeMap<_, _> = store
        .kv()
        .kv
        .map
        .iter()
        .filter(|(k, _)| k.starts_with(ROWS_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let head_before: Value = serde_json::from_str(&store.kv().kv.map[DOC_KEY]).unwrap();
    // The home page saves the settings: only the head is written.
    let writes = store.kv().writes;
    store.update(|d| d.settings.lang = Lang::En).unwrap();
    assert_eq!(store.kv().writes - writes, 1, "the head alone");
    let head: Value = serde_json::from_str(&store.kv().kv.map[DOC_KEY]).unwrap();
    assert_eq!(head["data"]["records"], head_before["data"]["records"]);
    assert_eq!(head["rows"], head_before["rows"]);
    for (k, v) in &rows_before {
        assert_eq!(&store.kv().kv.map[k], v, "{k} as it was");
    }
    // Typed later, the roster is the one stored, and a mark writes its row.
    assert_eq!(store.type_parts(), None);
    assert!(
        store.doc().records == doc_with(&[3, 2]).records,
        "the roster as stored"
    );
    let writes = store.kv().writes;
    store
        .update(|d| {
            d.records.typed().unwrap().instructor.assignments[1]
                .roster
                .entries[1]
                .verified_at_ms = 9
        })
        .unwrap();
    assert_eq!(store.kv().writes - writes, 1, "the row alone");
    let doc = reopen(store.into_kv()).doc().clone();
    let mut want = doc_with(&[3, 2]);
    want.records.typed().unwrap().instructor.assignments[1]
        .roster
        .entries[1]
        .verified_at_ms = 9;
    assert!(doc.records == want.records, "the mark is kept");
    assert_eq!(doc.settings.lang, Lang::En);
}

#[test]
fn records_never_filled_in_are_saved_and_read_back() {
    // A document migrated from before records (schema 5: `"records": {}`)
    // keeps that part as it was read until a page types it.
    let mut store = reopen(disk_with_records(json!({})));
    store.update(|d| d.settings.lang = Lang::ZhCn).unwrap();
    let head: Value = serde_json::from_str(&store.kv().kv.map[DOC_KEY]).unwrap();
    assert_eq!(head["data"]["records"], json!({}));
    assert_eq!(head["rows"], json!({"gen": 1, "counts": []}));
    let mut store = reopen(store.into_kv());
    assert_eq!(store.doc().settings.lang, Lang::ZhCn);
    assert_eq!(store.type_parts(), None);
    assert_eq!(store.doc().records, defaults().records);
}

#[test]
fn damaged_rows_no_page_typed_are_kept_until_typing_tells() {
    // Rows that are not a list: the head keeps them as they are, and the
    // records are found damaged (and kept as a copy) when a page types them.
    let mut store = reopen(disk_with_records(json!({"instructor": {"assignments": [
        {"assignment": "FAA1:0", "roster": {"entries": 5}}
    ]}})));
    store.update(|d| d.settings.lang = Lang::ZhCn).unwrap();
    let mut store = reopen(store.into_kv());
    let Some(LoadNotice::Unreadable { kept_as, .. }) = store.type_parts() else {
        panic!("the damaged rows are reported");
    };
    let copy: Value = serde_json::from_str(&store.kv().kv.map[&kept_as]).unwrap();
    let roster = &copy["data"]["records"]["instructor"]["assignments"][0]["roster"];
    assert_eq!(roster["entries"], json!(5));
    assert_eq!(store.doc().settings.lang, Lang::ZhCn);
}

/// A disk holding a document of this schema, single (no rows apart), with
/// the records part `records` as JSON.
fn disk_with_records(records: Value) -> Disk {
    let raw = json!({
        "schema": SCHEMA_VERSION,
        "data": {
            "settings": {"lang": "en", "profile": "aha", "theme": "light", "text_size": 125},
            "progress": {"lessons": {}},
            "quiz": {}, "trainer": {}, "records": records
        }
    });
    let mut disk = Disk::default();
    disk.kv.set(DOC_KEY, &raw.to_string()).unwrap();
    disk
}
