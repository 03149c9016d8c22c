//! The stored layout since schema 12: every class roster row under a key of
//! its own, so that a scan writes one row (a few kilobytes) and not every
//! roster of the document (≈ 1 MB at 200 learners with certificates).
//!
//! - [`super::DOC_KEY`] holds the head: the envelope with every roster's
//!   `entries` empty and `"rows": {"gen": G, "counts": [n₀, n₁, …]}`, where
//!   `nᵢ` is how many rows the `i`-th of the instructor's assignments has.
//! - `firstaid/rows/G/i/j` holds row `j` of assignment `i` as JSON (an
//!   `Entry`, at the head's schema: since 13 with its device key).
//!
//! Writing order makes every state a crash can leave readable: rows first,
//! the head last (the head is the commit), and keys the head no longer
//! names are removed only after it. A save in place writes the rows that
//! changed under the head's generation (each `setItem` is atomic, so a row
//! is either old or new) and the head only when it changed. A save that
//! replaces everything (a backup restored, a migration from the single
//! document of schema 11 and before) writes every row under a new
//! generation and then the head: until the head is written the old head
//! and its rows are untouched, and if any write fails the new rows are
//! removed again — all or nothing.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::kv::{KeyValue, KvError};
use super::lazy::Lazy;
use super::schema::{Document, SCHEMA_VERSION};
use crate::records::roster::Entry;

/// Prefix of the row keys.
pub const ROWS_PREFIX: &str = "firstaid/rows/";

/// The key of row `row` of assignment `assignment` in generation `gen`.
pub fn row_key(gen: u64, assignment: usize, row: usize) -> String {
    format!("{ROWS_PREFIX}{gen}/{assignment}/{row}")
}

/// `(gen, assignment, row)` of a row key.
fn parse_key(key: &str) -> Option<(u64, usize, usize)> {
    let mut parts = key.strip_prefix(ROWS_PREFIX)?.split('/');
    let gen = parts.next()?.parse().ok()?;
    let i = parts.next()?.parse().ok()?;
    let j = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((gen, i, j))
}

/// The head's `rows`: generation and row counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rows {
    pub gen: u64,
    pub counts: Vec<usize>,
}

impl Rows {
    fn of(head: &Value) -> Option<Rows> {
        let rows = head.get("rows")?;
        Some(Rows {
            gen: rows.get("gen")?.as_u64()?,
            counts: rows
                .get("counts")?
                .as_array()?
                .iter()
                .map(|n| n.as_u64().map(|n| n as usize))
                .collect::<Option<_>>()?,
        })
    }

    fn names(&self, i: usize, j: usize) -> bool {
        self.counts.get(i).is_some_and(|&n| j < n)
    }
}

/// What the backend holds under the current layout, as this store last
/// read or wrote it: saves compare against it to write only what changed.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// The head's text and rows as stored (`None`: the stored document is
    /// not in this layout, or nothing is stored: the next save starts a
    /// new generation).
    head: Option<(String, Rows)>,
    /// The rows stored under the head's generation.
    rows: Vec<Vec<Option<Stored>>>,
}

impl Written {
    /// What a document read from `rows` (its head `head`) left stored.
    pub(crate) fn read(head: String, rows: Rows, doc: &mut Document) -> Written {
        let taken = take_rows(doc);
        let stored = (0..taken.len())
            .map(|i| taken.rows(i).map(|r| Some(r.stored())).collect())
            .collect();
        put_rows(doc, taken);
        Written {
            head: Some((head, rows)),
            rows: stored,
        }
    }

    /// Whether `head` is the head's text as this store last read or wrote
    /// it.
    pub(crate) fn has_head(&self, head: &str) -> bool {
        self.head.as_ref().is_some_and(|(h, _)| h == head)
    }

    fn row(&self, i: usize, j: usize) -> Option<&Stored> {
        self.rows.get(i)?.get(j)?.as_ref()
    }

    fn set_row(&mut self, i: usize, j: usize, e: Option<Stored>) {
        if self.rows.len() <= i {
            self.rows.resize_with(i + 1, Vec::new);
        }
        if self.rows[i].len() <= j {
            self.rows[i].resize_with(j + 1, || None);
        }
        self.rows[i][j] = e;
    }
}

/// The roster rows of a document, taken out of it while its head is
/// made: typed, or as JSON when no page has typed the records
/// ([`super::Lazy`]: the main module saves documents whose records it
/// never types). `[i][j]` is row `j` of assignment `i`.
enum Taken {
    Typed(Vec<Vec<Entry>>),
    Raw(Vec<Vec<Value>>),
}

/// One row as the document holds it.
#[derive(Clone, Copy)]
enum Row<'a> {
    Typed(&'a Entry),
    Raw(&'a Value),
}

/// One row as it was written.
#[derive(Debug)]
enum Stored {
    Typed(Entry),
    Raw(Value),
}

impl Taken {
    fn len(&self) -> usize {
        match self {
            Taken::Typed(r) => r.len(),
            Taken::Raw(r) => r.len(),
        }
    }

    /// The rows of assignment `i`.
    fn rows(&self, i: usize) -> Box<dyn Iterator<Item = Row<'_>> + '_> {
        match self {
            Taken::Typed(r) => Box::new(r[i].iter().map(Row::Typed)),
            Taken::Raw(r) => Box::new(r[i].iter().map(Row::Raw)),
        }
    }

    fn counts(&self) -> Vec<usize> {
        match self {
            Taken::Typed(r) => r.iter().map(Vec::len).collect(),
            Taken::Raw(r) => r.iter().map(Vec::len).collect(),
        }
    }
}

impl Row<'_> {
    fn text(self) -> String {
        match self {
            Row::Typed(e) => serde_json::to_string(e).expect("a roster row serializes"),
            Row::Raw(v) => v.to_string(),
        }
    }

    fn stored(self) -> Stored {
        match self {
            Row::Typed(e) => Stored::Typed(e.clone()),
            Row::Raw(v) => Stored::Raw(v.clone()),
        }
    }
}

impl Stored {
    /// Whether `row` holds what was written. A row written as JSON and now
    /// typed (or the other way round) is compared as JSON.
    fn is(&self, row: Row) -> bool {
        match (self, row) {
            (Stored::Typed(a), Row::Typed(b)) => a == b,
            (Stored::Raw(a), Row::Raw(b)) => a == b,
            (Stored::Typed(e), Row::Raw(v)) | (Stored::Raw(v), Row::Typed(e)) => {
                serde_json::to_value(e).is_ok_and(|e| &e == v)
            }
        }
    }
}

/// The roster entries of the JSON records `v`, each assignment's.
fn raw_rosters(v: &mut Value) -> impl Iterator<Item = Option<&mut Vec<Value>>> {
    v.pointer_mut("/instructor/assignments")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .map(|a| {
            a.pointer_mut("/roster/entries")
                .and_then(Value::as_array_mut)
        })
}

/// Takes every roster's rows out of `doc` (each `entries` left empty).
fn take_rows(doc: &mut Document) -> Taken {
    match &mut doc.records {
        Lazy::Typed(r) => Taken::Typed(
            r.instructor
                .assignments
                .iter_mut()
                .map(|a| std::mem::take(&mut a.roster.entries))
                .collect(),
        ),
        Lazy::Raw(v) => Taken::Raw(
            raw_rosters(v)
                .map(|e| e.map(std::mem::take).unwrap_or_default())
                .collect(),
        ),
    }
}

/// Puts the rows [`take_rows`] took back.
fn put_rows(doc: &mut Document, taken: Taken) {
    match (&mut doc.records, taken) {
        (Lazy::Typed(r), Taken::Typed(rows)) => {
            for (a, e) in r.instructor.assignments.iter_mut().zip(rows) {
                a.roster.entries = e;
            }
        }
        (Lazy::Raw(v), Taken::Raw(rows)) => {
            for (a, e) in raw_rosters(v).zip(rows) {
                if let Some(a) = a {
                    *a = e;
                }
            }
        }
        _ => unreachable!("the rows go back to the records they came from"),
    }
}

/// The head of a document (`data`, its rows taken out) at generation `gen`
/// with `counts` rows per assignment.
fn head_text(data: Value, gen: u64, counts: &[usize]) -> String {
    json!({
        "schema": SCHEMA_VERSION,
        "data": data,
        "rows": { "gen": gen, "counts": counts },
    })
    .to_string()
}

/// Saves `doc`: in place when `written` knows the stored head, else (or
/// with `fresh`) as a new generation. See the module's documentation.
pub(crate) fn save<K: KeyValue>(
    kv: &mut K,
    written: &mut Written,
    doc: &mut Document,
    fresh: bool,
) -> Result<(), KvError> {
    // The head is made without the rows (never serialized unless they
    // changed), which go back into the document after.
    let taken = take_rows(doc);
    let data = serde_json::to_value(&*doc).expect("the document serializes");
    let result = save_taken(kv, written, &taken, data, fresh);
    put_rows(doc, taken);
    result
}

/// [`save`] of a document whose rows are `taken` and head `data`.
fn save_taken<K: KeyValue>(
    kv: &mut K,
    written: &mut Written,
    taken: &Taken,
    data: Value,
    fresh: bool,
) -> Result<(), KvError> {
    let in_place = if fresh { None } else { written.head.clone() };
    let gen = match (&in_place, &written.head) {
        (Some((_, r)), _) => r.gen,
        (None, Some((_, r))) => r.gen + 1,
        (None, None) => 1,
    };
    if in_place.is_none() {
        written.rows.clear();
    }
    // Rows first; those the stored head does not name yet are undone on a
    // failure.
    let mut new_keys = Vec::new();
    let mut failed = None;
    'rows: for i in 0..taken.len() {
        for (j, e) in taken.rows(i).enumerate() {
            match written.row(i, j) {
                Some(w) if w.is(e) => {
                    // Typed since it was read: kept typed, so the next
                    // save compares it without serializing it.
                    if matches!((w, e), (Stored::Raw(_), Row::Typed(_))) {
                        written.set_row(i, j, Some(e.stored()));
                    }
                    continue;
                }
                _ => {}
            }
            if let Err(err) = kv.set(&row_key(gen, i, j), &e.text()) {
                failed = Some(err);
                break 'rows;
            }
            written.set_row(i, j, Some(e.stored()));
            if !in_place.as_ref().is_some_and(|(_, r)| r.names(i, j)) {
                new_keys.push((i, j));
            }
        }
    }
    let rows = Rows {
        gen,
        counts: taken.counts(),
    };
    let head = head_text(data, gen, &rows.counts);
    let result = match failed {
        Some(err) => Err(err),
        None if in_place.as_ref().is_some_and(|(h, _)| *h == head) => return Ok(()),
        None => kv.set(super::DOC_KEY, &head),
    };
    if let Err(err) = result {
        for (i, j) in new_keys {
            let _ = kv.remove(&row_key(gen, i, j));
            written.set_row(i, j, None);
        }
        if in_place.is_none() {
            written.rows.clear();
        }
        return Err(err);
    }
    // The head is written: keys it does not name go (other generations,
    // rows past a roster's end). Only when something can be left over.
    let shrank = in_place.as_ref().is_some_and(|(_, r)| {
        r.counts
            .iter()
            .enumerate()
            .any(|(i, &n)| rows.counts.get(i).is_none_or(|&m| m < n))
    });
    if in_place.is_none() || shrank {
        sweep(kv, &rows)?;
        for (i, n) in rows.counts.iter().enumerate() {
            if let Some(r) = written.rows.get_mut(i) {
                r.truncate(*n);
            }
        }
        written.rows.truncate(rows.counts.len());
    }
    written.head = Some((head, rows));
    Ok(())
}

/// Removes every row key that `rows` does not name.
fn sweep<K: KeyValue>(kv: &mut K, rows: &Rows) -> Result<(), KvError> {
    for k in kv.keys()? {
        let named = parse_key(&k).is_some_and(|(g, i, j)| g == rows.gen && rows.names(i, j));
        if k.starts_with(ROWS_PREFIX) && !named {
            kv.remove(&k)?;
        }
    }
    Ok(())
}

/// A stored head's envelope with its rows put back into its data (so the
/// migrations and the parser see one document), and the head's `rows`
/// (`None` for a single document, schema 11 and before). A row that is
/// missing or not JSON makes the document unreadable.
pub(crate) fn assemble<K: KeyValue>(
    kv: &K,
    mut head: Value,
) -> Result<(Value, Option<Rows>), String> {
    let Some(rows) = Rows::of(&head) else {
        if head.get("rows").is_some() {
            return Err("the row counts cannot be read".into());
        }
        return Ok((head, None));
    };
    if let Some(obj) = head.as_object_mut() {
        obj.remove("rows");
    }
    // Records no page typed are saved as they were read: without the
    // instructor's part, if it was never filled in (no assignment).
    let mut none = Vec::new();
    let assignments = match head.pointer_mut("/data/records/instructor/assignments") {
        Some(a) => a.as_array_mut(),
        None => Some(&mut none),
    };
    let Some(assignments) = assignments.filter(|a| a.len() == rows.counts.len()) else {
        return Err("the row counts do not match the assignments".into());
    };
    for (i, (a, &n)) in assignments.iter_mut().zip(&rows.counts).enumerate() {
        let mut entries = Vec::with_capacity(n);
        for j in 0..n {
            let key = row_key(rows.gen, i, j);
            let text = kv
                .get(&key)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| format!("{key} is missing"))?;
            entries.push(serde_json::from_str(&text).map_err(|e| format!("{key}: {e}"))?);
        }
        let roster = a
            .as_object_mut()
            .ok_or("an assignment is not an object")?
            .entry("roster")
            .or_insert_with(|| json!({}));
        let roster = roster.as_object_mut().ok_or("a roster is not an object")?;
        // Rows that are not a list were left in the head as they were (a
        // damaged part no page has typed yet): typing it tells.
        if n > 0 || roster.get("entries").is_none_or(Value::is_array) {
            roster.insert("entries".into(), Value::Array(entries));
        }
    }
    Ok((head, Some(rows)))
}

/// A stored text that cannot be read, made whole for its recovery copy:
/// with every row key's text beside it (`"row_texts"`), so the copy keeps
/// a roster even once the row keys are gone.
pub(crate) fn whole_copy<K: KeyValue>(kv: &K, raw: &str) -> String {
    let Ok(keys) = kv.keys() else {
        return raw.to_owned();
    };
    let texts: BTreeMap<String, String> = keys
        .into_iter()
        .filter(|k| k.starts_with(ROWS_PREFIX))
        .filter_map(|k| kv.get(&k).ok().flatten().map(|t| (k, t)))
        .collect();
    if texts.is_empty() {
        return raw.to_owned();
    }
    json!({ "head": raw, "row_texts": texts }).to_string()
}
