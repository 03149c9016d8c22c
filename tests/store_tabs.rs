//! Two tabs of the app over the same storage: what one saves, the other
//! takes (on the storage event, [`Store::reload`], or before a change of
//! its own, [`Store::catch_up`]) and never writes over; an older app never
//! writes over a newer one's data.

#[path = "common/shared_kv.rs"]
mod shared_kv;
use firstaid::settings::{Lang, Settings, Theme};
use firstaid::store::{schema, Document, KeyValue, KvError, Store, DOC_KEY};
use serde_json::json;
use shared_kv::SharedKv;

fn defaults() -> Document {
    Document::with_settings(Settings::default())
}

#[test]
fn reload_takes_what_another_tab_saved_and_ignores_what_it_cannot_read() {
    let shared = SharedKv::default();
    let mut a = Store::open(shared.clone(), defaults).store;
    let mut b = Store::open(shared.clone(), defaults).store;
    a.update(|d| d.settings.theme = Theme::Dark).unwrap();
    assert_eq!(b.doc().settings.theme, Theme::System);
    assert!(b.reload());
    assert_eq!(b.doc().settings.theme, Theme::Dark);
    // B's next change keeps A's.
    b.update(|d| d.settings.lang = Lang::En).unwrap();
    assert!(a.reload());
    assert_eq!(
        (a.doc().settings.theme, a.doc().settings.lang),
        (Theme::Dark, Lang::En)
    );
    // Unreadable stored text leaves the document in memory as it was.
    shared.0.borrow_mut().set(DOC_KEY, "{broken").unwrap();
    assert!(!a.reload());
    assert_eq!(a.doc().settings.theme, Theme::Dark);
    shared.0.borrow_mut().remove(DOC_KEY).unwrap();
    assert!(!a.reload());
}

#[test]
fn an_older_tab_never_writes_over_a_newer_apps_data() {
    let shared = SharedKv::default();
    let mut older = Store::open(shared.clone(), defaults).store;
    older.update(|d| d.settings.lang = Lang::En).unwrap();
    // Another tab, running a newer version, saves its schema.
    let newer = r#"{"schema": 99, "data": {"settings": {}, "future": true}}"#;
    shared.clone().set(DOC_KEY, newer).unwrap();
    let err = older.update(|d| d.settings.lang = Lang::ZhCn).unwrap_err();
    assert_eq!(err, KvError::Newer(99));
    assert_eq!(
        shared.get(DOC_KEY).unwrap().as_deref(),
        Some(newer),
        "the newer data is untouched"
    );
    assert_eq!(
        older.doc().settings.lang,
        Lang::ZhCn,
        "the change stays in memory"
    );
    assert!(
        older.replace_keeping_copy(defaults()).is_err(),
        "nor does a restore"
    );
    assert_eq!(shared.get(DOC_KEY).unwrap().as_deref(), Some(newer));
    // The same version in another tab is no reason to refuse.
    shared
        .clone()
        .set(DOC_KEY, &schema::write_document(&defaults()))
        .unwrap();
    older.update(|d| d.settings.lang = Lang::En).unwrap();
}

#[test]
fn a_change_is_made_to_what_another_tab_saved_before_its_event_came() {
    let shared = SharedKv::default();
    let mut a = Store::open(shared.clone(), defaults).store;
    let mut b = Store::open(shared.clone(), defaults).store;
    a.update(|d| d.settings.theme = Theme::Dark).unwrap();
    // B has not had A's storage event: it catches up before its change.
    assert!(b.catch_up());
    assert_eq!(b.doc().settings.theme, Theme::Dark);
    assert!(!b.catch_up(), "nothing new since");
    b.update(|d| d.settings.lang = Lang::En).unwrap();
    assert!(!b.catch_up(), "its own save is not another tab's");
    assert!(a.catch_up());
    assert_eq!(
        (a.doc().settings.theme, a.doc().settings.lang),
        (Theme::Dark, Lang::En)
    );
    let stored = Store::open(shared.clone(), defaults).store;
    assert_eq!(stored.doc(), a.doc());
    // A tab opened before anything was stored catches up too.
    let empty = SharedKv::default();
    let mut first = Store::open(empty.clone(), defaults).store;
    let mut second = Store::open(empty.clone(), defaults).store;
    first.update(|d| d.settings.theme = Theme::Light).unwrap();
    assert!(second.catch_up());
    assert_eq!(second.doc().settings.theme, Theme::Light);
}

#[test]
fn catching_up_keeps_a_change_that_could_not_be_saved() {
    let shared = SharedKv::default();
    let mut a = Store::open(shared.clone(), defaults).store;
    a.update(|d| d.settings.theme = Theme::Dark).unwrap();
    let stored = shared.get(DOC_KEY).unwrap();
    // The disk is full: the change stays in memory only.
    shared.0.borrow_mut().max_value_len = Some(10);
    assert!(matches!(
        a.update(|d| d.settings.lang = Lang::En),
        Err(KvError::Full(_))
    ));
    assert_eq!(shared.get(DOC_KEY).unwrap(), stored);
    assert!(!a.catch_up(), "what is stored is what this tab last saved");
    assert_eq!(a.doc().settings.lang, Lang::En);
    // Room again: the next change saves both.
    shared.0.borrow_mut().max_value_len = None;
    a.update(|d| d.settings.theme = Theme::Light).unwrap();
    let reopened = Store::open(shared, defaults).store;
    assert_eq!(
        (reopened.doc().settings.theme, reopened.doc().settings.lang),
        (Theme::Light, Lang::En)
    );
}

#[test]
fn catching_up_leaves_the_document_as_it_is_when_the_stored_one_cannot_be_read() {
    let shared = SharedKv::default();
    let mut a = Store::open(shared.clone(), defaults).store;
    a.update(|d| d.settings.theme = Theme::Dark).unwrap();
    shared.0.borrow_mut().set(DOC_KEY, "{broken").unwrap();
    assert!(!a.catch_up());
    assert_eq!(a.doc().settings.theme, Theme::Dark);
    shared.0.borrow_mut().remove(DOC_KEY).unwrap();
    assert!(!a.catch_up());
    assert_eq!(a.doc().settings.theme, Theme::Dark);
}

#[test]
fn catching_up_keeps_an_unsaved_change_to_a_document_of_an_older_layout() {
    // A single document of schema 11 without rosters: opening it writes
    // nothing, so the store has written no head of its own yet.
    let shared = SharedKv::default();
    let v11 = json!({"schema": 11, "data": defaults()}).to_string();
    shared.clone().set(DOC_KEY, &v11).unwrap();
    let mut a = Store::open(shared.clone(), defaults).store;
    assert!(!a.catch_up(), "what is stored is what it read");
    shared.0.borrow_mut().max_value_len = Some(10);
    assert!(a.update(|d| d.settings.theme = Theme::Dark).is_err());
    assert_eq!(shared.get(DOC_KEY).unwrap().as_deref(), Some(v11.as_str()));
    assert!(!a.catch_up());
    assert_eq!(a.doc().settings.theme, Theme::Dark, "the change is kept");
    // Another tab saves the old layout anew: that is taken.
    shared.0.borrow_mut().max_value_len = None;
    let mut b = Store::open(shared.clone(), defaults).store;
    b.update(|d| d.settings.lang = Lang::En).unwrap();
    assert!(a.catch_up());
    assert_eq!(
        (a.doc().settings.theme, a.doc().settings.lang),
        (Theme::System, Lang::En)
    );
}
