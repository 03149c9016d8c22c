//! The one versioned store for everything the app keeps on the device.
//!
//! Layout in the key-value backend (all keys start with [`PREFIX`]):
//! - [`DOC_KEY`]: the document as JSON, `{"schema": N, "data": {…}}`, with
//!   (since schema 12) the rows of the class rosters left out and counted
//!   in `"rows"`: the head.
//! - `firstaid/rows/<gen>/<assignment>/<row>`: one roster row each
//!   ([`rows`]: what a save writes, in which order, and why a crash or a
//!   full disk never leaves half a document).
//! - `firstaid/recovered/<n>`: raw copies of documents that could not be
//!   read, kept so nothing is ever silently lost (exported with the backup,
//!   removed only by "erase everything").
//!
//! [`Store::open`] never fails on bad data: it keeps the raw text, starts
//! from defaults and reports a [`LoadNotice`] for the UI to translate.

mod kv;
pub mod lazy;
pub mod rows;
pub mod schema;

pub use kv::{KeyValue, KvError, MemoryKv};
pub use lazy::Lazy;
pub use rows::{row_key, ROWS_PREFIX};
pub use schema::{Document, MigrateError, SCHEMA_VERSION};

use serde_json::Value;

/// Prefix of every key the app writes.
pub const PREFIX: &str = "firstaid/";
/// Key of the current document.
pub const DOC_KEY: &str = "firstaid/store";
/// Prefix of the raw copies of unreadable documents.
pub const RECOVERED_PREFIX: &str = "firstaid/recovered/";

/// Why the store started from defaults although something was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNotice {
    /// The stored text was not a readable document; it was kept under `kept_as`.
    Unreadable { kept_as: String, reason: String },
    /// The document was written by a newer version of the app; kept under `kept_as`.
    FromNewerVersion { version: u64, kept_as: String },
    /// The backend could not be read or written at all (private mode, disabled
    /// storage): the app runs, but nothing will survive a reload.
    StorageUnavailable { reason: String },
}

/// The opened store: the document in memory plus the backend it is saved to.
pub struct Store<K: KeyValue> {
    kv: K,
    doc: Document,
    /// What the backend holds, so a save writes only what changed.
    written: rows::Written,
    /// Refuse to save over a stored document of a newer schema. Off only
    /// when this store opened a newer document it could not read: a copy
    /// of it was kept, and the notice told the person so.
    guard_newer: bool,
    /// The stored head's text as this store last read it (on opening or
    /// catching up), until a save makes `written` know the head: a single
    /// document of schema 11 or before, or an unreadable or newer one,
    /// leaves `written` without a head. [`Store::catch_up`] reads again
    /// only a head that is neither.
    read_head: Option<String>,
}

/// Result of [`Store::open`].
pub struct Opened<K: KeyValue> {
    pub store: Store<K>,
    /// Set when the app must tell the user something about their data.
    pub notice: Option<LoadNotice>,
    /// True when nothing was stored yet (first visit).
    pub first_visit: bool,
}

impl<K: KeyValue> Store<K> {
    /// Opens the store. `defaults` builds the document for a first visit or
    /// after unreadable data (it receives nothing of the bad data).
    pub fn open(mut kv: K, defaults: impl FnOnce() -> Document) -> Opened<K> {
        let raw = match kv.get(DOC_KEY) {
            Ok(raw) => raw,
            Err(e) => {
                return Opened {
                    store: Store {
                        kv,
                        doc: defaults(),
                        written: rows::Written::default(),
                        guard_newer: true,
                        read_head: None,
                    },
                    notice: Some(LoadNotice::StorageUnavailable {
                        reason: e.to_string(),
                    }),
                    first_visit: true,
                }
            }
        };
        let Some(raw) = raw else {
            return Opened {
                store: Store {
                    kv,
                    doc: defaults(),
                    written: rows::Written::default(),
                    guard_newer: true,
                    read_head: None,
                },
                notice: None,
                first_visit: true,
            };
        };
        match read_stored(&kv, &raw) {
            Ok((doc, written, stale)) => {
                let single = written.is_none();
                let mut store = Store {
                    kv,
                    doc,
                    written: written.unwrap_or_default(),
                    guard_newer: true,
                    read_head: Some(raw),
                };
                // A single document with roster rows (schema 11 and
                // before): its rows get keys of their own now, not in the
                // middle of the first scan; rows of an older schema
                // (12: without their device keys) are written again now
                // for the same reason, under a new generation. Should that
                // fail (a full disk), the old document is as it was and
                // still read.
                let has_rows = store.doc.has_roster_rows();
                if (single || stale) && has_rows {
                    let _ = store.save_as(true);
                }
                Opened {
                    store,
                    notice: None,
                    first_visit: false,
                }
            }
            Err(err) => {
                let copy = rows::whole_copy(&kv, &raw);
                let notice = match keep_raw(&mut kv, &copy) {
                    Err(e) => LoadNotice::StorageUnavailable {
                        reason: e.to_string(),
                    },
                    Ok(kept_as) => match err {
                        MigrateError::NewerVersion(version) => {
                            LoadNotice::FromNewerVersion { version, kept_as }
                        }
                        other => LoadNotice::Unreadable {
                            kept_as,
                            reason: other.to_string(),
                        },
                    },
                };
                let guard_newer = !matches!(notice, LoadNotice::FromNewerVersion { .. });
                Opened {
                    store: Store {
                        kv,
                        doc: defaults(),
                        written: rows::Written::default(),
                        guard_newer,
                        read_head: Some(raw),
                    },
                    notice: Some(notice),
                    first_visit: false,
                }
            }
        }
    }

    /// Reads the stored document again, after another tab of the app saved
    /// it. Returns true when the document in memory was replaced; stored
    /// text that is missing or cannot be read leaves it as it is (the next
    /// save writes it back).
    pub fn reload(&mut self) -> bool {
        match self.kv.get(DOC_KEY) {
            Ok(Some(raw)) => self.read_again(raw),
            _ => false,
        }
    }

    /// Reads the stored document again if its head is not the one this
    /// store last read or wrote: another tab saved, and its storage event
    /// has not come yet. Called before a change, so that the change is
    /// made to what that tab saved, not to an older copy that would put it
    /// back (an exam's position moved on in one tab, practice started in
    /// the other). A change of roster rows alone leaves the head as it is;
    /// it needs no catching up, as a save writes only the rows that it
    /// changed. Returns true when the document in memory was replaced.
    ///
    /// A change whose save failed (a full disk) stays in memory: the head
    /// is still the one this store last read or wrote, so nothing is read
    /// again, unless another tab has saved since (then, as on its storage
    /// event, that tab's document is taken).
    pub fn catch_up(&mut self) -> bool {
        match self.kv.get(DOC_KEY) {
            Ok(Some(raw))
                if !self.written.has_head(&raw) && self.read_head.as_deref() != Some(&raw) =>
            {
                self.read_again(raw)
            }
            _ => false,
        }
    }

    /// Takes the stored head `raw` (and its rows) as the document in
    /// memory, if it can be read.
    fn read_again(&mut self, raw: String) -> bool {
        match read_stored(&self.kv, &raw) {
            Ok((doc, written, _)) => {
                self.doc = doc;
                self.written = written.unwrap_or_default();
                self.read_head = Some(raw);
                true
            }
            Err(_) => false,
        }
    }

    /// Types the parts of the document kept as JSON until a page reads
    /// them ([`Lazy`]: the quiz's, the trainer's and the records). A part that does not
    /// match its type (damaged) starts again from its default, after the
    /// document as it is was kept as a recovery copy, as [`Store::open`]
    /// does with a document it cannot read; the notice says so. If that
    /// copy cannot be written (storage full), the damaged part stays as it
    /// was read, untyped, and saves write it back as it is: it starts
    /// again only once its copy is kept. Once typed, this does nothing
    /// (until the document is read again).
    pub fn type_parts(&mut self) -> Option<LoadNotice> {
        let mut reasons = Vec::new();
        if let Err(e) = self.doc.quiz.typed() {
            reasons.push(format!("quiz: {e}"));
        }
        if let Err(e) = self.doc.trainer.typed() {
            reasons.push(format!("trainer: {e}"));
        }
        if let Err(e) = self.doc.records.typed() {
            reasons.push(format!("records: {e}"));
        }
        if reasons.is_empty() {
            return None;
        }
        let copy = schema::write_document(&self.doc);
        let kept_as = match keep_raw(&mut self.kv, &copy) {
            Ok(kept_as) => kept_as,
            Err(e) => {
                return Some(LoadNotice::StorageUnavailable {
                    reason: e.to_string(),
                })
            }
        };
        let notice = LoadNotice::Unreadable {
            kept_as,
            reason: reasons.join("; "),
        };
        if self.doc.quiz.get().is_none() {
            self.doc.quiz = Lazy::default();
        }
        if self.doc.trainer.get().is_none() {
            self.doc.trainer = Lazy::default();
        }
        if self.doc.records.get().is_none() {
            self.doc.records = Lazy::default();
        }
        Some(notice)
    }

    /// The document as it is in memory.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Changes the document and saves it at once. On a failed save the
    /// change stays in memory and the error is returned for the UI to show.
    pub fn update(&mut self, f: impl FnOnce(&mut Document)) -> Result<(), KvError> {
        f(&mut self.doc);
        self.save()
    }

    /// Replaces the whole document (backup import) and saves it.
    pub fn replace(&mut self, doc: Document) -> Result<(), KvError> {
        self.doc = doc;
        self.save_as(true)
    }

    /// Replaces the whole document after keeping what is stored now as a
    /// recovery copy (it goes into every backup file), so a restore never
    /// loses the person who was on the phone. Returns the copy's key. If
    /// the copy or the new document cannot be written, nothing changes.
    pub fn replace_keeping_copy(&mut self, doc: Document) -> Result<String, KvError> {
        self.check_not_newer()?;
        let current = schema::write_document(&self.doc);
        let kept = keep_raw(&mut self.kv, &current)?;
        let before = std::mem::replace(&mut self.doc, doc);
        if let Err(e) = self.save_as(true) {
            // All or nothing: the phone's data stays as it was.
            self.doc = before;
            let _ = self.kv.remove(&kept);
            return Err(e);
        }
        Ok(kept)
    }

    /// Saves the document, unless the stored one is newer (see
    /// [`KvError::Newer`]).
    fn save(&mut self) -> Result<(), KvError> {
        self.save_as(false)
    }

    /// Saves in place (only what changed), or with `whole` every row under
    /// a new generation: all or nothing ([`rows`]).
    fn save_as(&mut self, whole: bool) -> Result<(), KvError> {
        self.check_not_newer()?;
        rows::save(&mut self.kv, &mut self.written, &mut self.doc, whole)?;
        // `written` knows the head now.
        self.read_head = None;
        Ok(())
    }

    /// Fails with [`KvError::Newer`] when the stored document's schema is
    /// newer than this build's: another tab runs a newer version. A stored
    /// text that cannot be read is no reason to refuse (it was kept as a
    /// copy when this store opened).
    fn check_not_newer(&self) -> Result<(), KvError> {
        if !self.guard_newer {
            return Ok(());
        }
        match self
            .kv
            .get(DOC_KEY)?
            .as_deref()
            .and_then(schema::peek_version)
        {
            Some(v) if v > SCHEMA_VERSION => Err(KvError::Newer(v)),
            _ => Ok(()),
        }
    }

    /// The raw copies of unreadable documents, oldest first, as `(key, text)`.
    pub fn recovered(&self) -> Result<Vec<(String, String)>, KvError> {
        let mut keys: Vec<String> = self
            .kv
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(RECOVERED_PREFIX))
            .collect();
        keys.sort_by_key(|k| recovered_index(k));
        keys.into_iter()
            .map(|k| Ok((k.clone(), self.kv.get(&k)?.unwrap_or_default())))
            .collect()
    }

    /// Removes every key the app wrote and resets the document to `defaults`
    /// (which is then saved, so the choice of language survives the erase).
    pub fn erase_all(&mut self, defaults: Document) -> Result<(), KvError> {
        for k in self.kv.keys()? {
            if k.starts_with(PREFIX) {
                self.kv.remove(&k)?;
            }
        }
        self.doc = defaults;
        self.written = rows::Written::default();
        self.read_head = None;
        self.save()
    }

    /// The backend, for tests and adapters.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// Gives the backend back (tests use this to "reload" the app).
    pub fn into_kv(self) -> K {
        self.kv
    }
}

fn recovered_index(key: &str) -> u64 {
    key.strip_prefix(RECOVERED_PREFIX)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Stores `raw` under the next free `firstaid/recovered/<n>` key.
fn keep_raw<K: KeyValue>(kv: &mut K, raw: &str) -> Result<String, KvError> {
    let next = kv
        .keys()?
        .iter()
        .filter(|k| k.starts_with(RECOVERED_PREFIX))
        .map(|k| recovered_index(k))
        .max()
        .map_or(1, |n| n + 1);
    let key = format!("{RECOVERED_PREFIX}{next}");
    kv.set(&key, raw)?;
    Ok(key)
}

/// Reads the stored head `raw` and its rows, migrating them to the current
/// version; with what is stored in the layout of rows (`None`: a single
/// document) and whether those rows are of an older schema (to be written
/// anew).
fn read_stored<K: KeyValue>(
    kv: &K,
    raw: &str,
) -> Result<(Document, Option<rows::Written>, bool), MigrateError> {
    let head: Value =
        serde_json::from_str(raw).map_err(|e| MigrateError::NotJson(e.to_string()))?;
    let version = schema_of(&head);
    if let Some(v) = version.filter(|&v| v > SCHEMA_VERSION) {
        return Err(MigrateError::NewerVersion(v));
    }
    let (value, rows) = rows::assemble(kv, head).map_err(MigrateError::Invalid)?;
    let mut doc = schema::read_value(value)?;
    let stale = rows.is_some() && version != Some(SCHEMA_VERSION);
    let written = rows.map(|r| rows::Written::read(raw.to_owned(), r, &mut doc));
    Ok((doc, written, stale))
}

/// Reads a JSON value's `schema` field, for error messages.
pub(crate) fn schema_of(v: &Value) -> Option<u64> {
    v.get("schema").and_then(Value::as_u64)
}
