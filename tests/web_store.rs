//! The store on the browser's `localStorage` (`adapters::storage`) in
//! headless Chromium: a schema 11 document with a class roster moves to
//! one key per roster row when the app opens it, and on a storage that is
//! full the old document stays as it was and is still read; a change made
//! in the app keeps what another tab saved a moment before; and a change
//! to a damaged part whose recovery copy does not fit is refused, so the
//! part is not lost.
#![cfg(target_arch = "wasm32")]

use firstaid::adapters::storage::LocalStorageKv;
use firstaid::app::state::{AppState, Notice};
use firstaid::app::Providers;
use firstaid::records::roster::{Entry, Roster};
use firstaid::records::stored::Issued;
use firstaid::settings::{Lang, Settings, Theme};
use firstaid::store::{Document, KeyValue, Store, DOC_KEY, ROWS_PREFIX, SCHEMA_VERSION};
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FILLER: &str = "test-filler/";

fn defaults() -> Document {
    Document::with_settings(Settings::default())
}

/// A document with one roster of `n` rows of a real row's size.
fn roster_of(n: usize) -> Document {
    let mut doc = defaults();
    doc.records
        .typed()
        .unwrap()
        .instructor
        .assignments
        .push(Issued {
            assignment: "FAA1:test".into(),
            roster: Roster {
                entries: (0..n)
                    .map(|i| Entry {
                        record: format!("FAR1:{i}:{}", "R".repeat(1500)),
                        key: None,
                        verified_at_ms: i as i64,
                        checked: None,
                        practical_passed_at_ms: None,
                        assessments: Default::default(),
                        certificate: Some(format!("FAC2:{i}:{}", "C".repeat(2500))),
                    })
                    .collect(),
            },
        });
    doc
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn our_keys(prefix: &str) -> Vec<String> {
    let kv = LocalStorageKv::open();
    let mut keys: Vec<String> = kv
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    keys
}

fn head_schema() -> Value {
    let head: Value = serde_json::from_str(&storage().get_item(DOC_KEY).unwrap().unwrap()).unwrap();
    head["schema"].clone()
}

#[wasm_bindgen_test]
fn a_single_document_moves_to_a_key_per_row_and_reads_the_same() {
    storage().clear().unwrap();
    let doc = roster_of(30);
    let v11 = json!({"schema": 11, "data": doc}).to_string();
    storage().set_item(DOC_KEY, &v11).unwrap();
    let opened = Store::open(LocalStorageKv::open(), defaults);
    assert_eq!(opened.notice, None);
    assert_eq!(opened.store.doc(), &doc);
    assert_eq!(head_schema(), json!(SCHEMA_VERSION));
    assert_eq!(our_keys(ROWS_PREFIX).len(), 30);
    // A mark writes one row.
    let mut store = opened.store;
    store
        .update(|d| {
            d.records.typed().unwrap().instructor.assignments[0]
                .roster
                .entries[7]
                .verified_at_ms = 99
        })
        .unwrap();
    let reopened = Store::open(LocalStorageKv::open(), defaults);
    assert_eq!(reopened.notice, None);
    assert_eq!(reopened.store.doc(), store.doc());
    storage().clear().unwrap();
}

/// Fills what is left of the origin's quota, to within `margin`
/// characters.
fn fill_storage(margin: usize) {
    let mut n = 0;
    let mut size = 50_000;
    loop {
        let chunk = "x".repeat(size);
        while storage().set_item(&format!("{FILLER}{n}"), &chunk).is_ok() {
            n += 1;
            assert!(n < 20_000, "the storage never filled up");
        }
        if size <= margin {
            return;
        }
        size = (size / 10).max(margin);
    }
}

fn empty_storage_of_filler() {
    for k in our_keys(FILLER) {
        storage().remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
fn on_a_full_storage_the_old_document_stays_and_is_read() {
    storage().clear().unwrap();
    let doc = roster_of(40);
    let v11 = json!({"schema": 11, "data": doc}).to_string();
    storage().set_item(DOC_KEY, &v11).unwrap();
    fill_storage(50_000);
    let opened = Store::open(LocalStorageKv::open(), defaults);
    assert_eq!(opened.notice, None);
    assert_eq!(opened.store.doc(), &doc, "the app runs on the data");
    assert_eq!(
        storage().get_item(DOC_KEY).unwrap().as_deref(),
        Some(v11.as_str())
    );
    assert!(
        our_keys(ROWS_PREFIX).is_empty(),
        "no half-written rows left"
    );
    drop(opened);
    // With room again, the next start moves the rows.
    empty_storage_of_filler();
    let opened = Store::open(LocalStorageKv::open(), defaults);
    assert_eq!(opened.store.doc(), &doc);
    assert_eq!(head_schema(), json!(SCHEMA_VERSION));
    assert_eq!(our_keys(ROWS_PREFIX).len(), 40);
    storage().clear().unwrap();
}

/// Hands the app's state to the test.
#[component]
fn Probe(out: RwSignal<Option<AppState>>) -> impl IntoView {
    out.set(Some(expect_context::<AppState>()));
}

/// The app's providers, mounted on a detached element, and their state;
/// dropping the handle unmounts them.
fn mount_state() -> (AppState, impl Sized) {
    let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_element("div")
            .unwrap(),
    );
    let out = RwSignal::new(None);
    let handle =
        leptos::mount::mount_to(el, move || view! { <Providers><Probe out /></Providers> });
    (out.get_untracked().expect("the app's state"), handle)
}

#[wasm_bindgen_test]
async fn a_change_keeps_what_another_tab_saved_before_its_event_came() {
    storage().clear().unwrap();
    let (state, handle) = mount_state();
    state.update_settings(|s| s.lang = Lang::En);
    // Another tab saves. A tab gets no storage event for a save of its
    // own document's storage, so the app hears nothing of it: the same as
    // a change made before the other tab's event came.
    let mut other = Store::open(LocalStorageKv::open(), defaults).store;
    other.update(|d| d.settings.theme = Theme::Dark).unwrap();
    state.update_settings(|s| s.lang = Lang::ZhCn);
    let stored = Store::open(LocalStorageKv::open(), defaults).store;
    assert_eq!(
        (stored.doc().settings.theme, stored.doc().settings.lang),
        (Theme::Dark, Lang::ZhCn),
        "the other tab's theme is kept"
    );
    assert_eq!(
        state.settings.get_untracked().theme,
        Theme::Dark,
        "and shown"
    );
    drop(handle);
    storage().clear().unwrap();
}

/// The stored document with its quiz part `quiz` as it is.
fn quiz_part() -> Value {
    let head: Value = serde_json::from_str(&storage().get_item(DOC_KEY).unwrap().unwrap()).unwrap();
    head["data"]["quiz"].clone()
}

#[wasm_bindgen_test]
fn a_change_to_a_damaged_part_is_refused_while_its_copy_cannot_be_kept() {
    storage().clear().unwrap();
    let mut doc = serde_json::to_value(defaults()).unwrap();
    let damaged = json!({"schedule": {"cards": 5}});
    doc["quiz"] = damaged.clone();
    let head = json!({"schema": SCHEMA_VERSION, "data": doc}).to_string();
    storage().set_item(DOC_KEY, &head).unwrap();
    // No room for the recovery copy of the damaged part.
    fill_storage(1);
    let (state, handle) = mount_state();
    let answered = state.update_quiz(|q| {
        q.schedule.record("q-1", true, 1_000);
        "answered"
    });
    assert_eq!(answered, "answered", "the change's result is returned");
    assert_eq!(state.notice.get_untracked(), Some(Notice::SaveFailed));
    assert!(
        state.quiz.with_untracked(|q| q.schedule.cards.is_empty()),
        "the change is not shown as made"
    );
    // With room again, a save of another part writes the quiz back as it
    // was read: the refused change left nothing in memory to write over it.
    empty_storage_of_filler();
    state.update_settings(|s| s.lang = Lang::En);
    assert_eq!(quiz_part(), damaged, "the damaged part is kept");
    drop(handle);
    // The next start keeps the copy, starts the quiz again and saves.
    let (state, handle) = mount_state();
    state.update_quiz(|q| q.schedule.record("q-1", true, 1_000));
    assert_eq!(quiz_part()["schedule"]["cards"]["q-1"]["box"], json!(2));
    let recovered = Store::open(LocalStorageKv::open(), defaults)
        .store
        .recovered()
        .unwrap();
    assert_eq!(recovered.len(), 1, "{recovered:?}");
    assert!(recovered[0].1.contains(r#""cards":5"#), "{recovered:?}");
    drop(handle);
    storage().clear().unwrap();
}
