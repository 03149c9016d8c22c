//! A class roster: one row per learner's device, whatever the number of
//! scans, and the CSV file an instructor takes to a spreadsheet.
//!
//! Rows are keyed by the record's device key (the one thing a learner
//! cannot share with another device by accident): scanning the same
//! learner again updates their row, never adds one. A record older than
//! the one already kept (issued earlier — a replayed screenshot, an old
//! file) does not replace it. The roster keeps the records themselves (as
//! QR text, compact) and when each was verified; the verdict is computed
//! again wherever it is shown, so it always reflects this build's content.

use serde::{Deserialize, Serialize};

use super::csv;
use super::record::Record;
use super::verify::{Check, Failure, Verdict};
use crate::time::format_iso;

/// One learner's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The record as QR text (`FAR1:…`).
    pub record: String,
    pub verified_at_ms: i64,
}

impl Entry {
    /// The record (stored rows always hold a readable one; `None` if the
    /// stored text was damaged).
    pub fn record(&self) -> Option<Record> {
        Record::from_qr_text(&self.record).ok()
    }
}

/// What adding a record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// A learner not on the roster yet.
    New,
    /// The learner's row now holds this record (as new as, or newer than,
    /// the one it replaces).
    Updated,
    /// The roster already holds a newer record of this learner: kept.
    Older,
    /// The record fails its checks and the roster holds a record of this
    /// learner that passes: kept (a learner who shows an older app's or
    /// another class's code by mistake does not lose their row).
    KeptPassing,
    /// The record's signature does not match: never put on the roster
    /// (a forged record could otherwise push out a learner's real one).
    Unsigned,
}

/// A class roster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    /// In the order learners were first added.
    pub entries: Vec<Entry>,
}

impl Roster {
    /// Adds or updates the row of the record's device key (only a record
    /// whose signature holds).
    pub fn add(&mut self, record: &Record, now_ms: i64) -> Added {
        if record.verify_signature().is_err() {
            return Added::Unsigned;
        }
        let key = record.body.key;
        let entry = Entry {
            record: record.to_qr_text(),
            verified_at_ms: now_ms,
        };
        let existing = self
            .entries
            .iter_mut()
            .find(|e| e.record().is_some_and(|r| r.body.key == key));
        match existing {
            None => {
                self.entries.push(entry);
                Added::New
            }
            Some(e) => {
                let kept = e.record().map_or(0, |r| r.body.issued_at_ms);
                if record.body.issued_at_ms < kept {
                    Added::Older
                } else {
                    *e = entry;
                    Added::Updated
                }
            }
        }
    }
}

impl Roster {
    /// Adds like [`Roster::add`], except that a record that fails its
    /// checks (`passes`, the verifier's verdict) never replaces one that
    /// passes.
    pub fn add_verified(
        &mut self,
        record: &Record,
        now_ms: i64,
        passes: &dyn Fn(&Record) -> bool,
    ) -> Added {
        if record.verify_signature().is_ok() && !passes(record) {
            let key = record.body.key;
            let kept_passes = self
                .entries
                .iter()
                .filter_map(Entry::record)
                .any(|r| r.body.key == key && passes(&r));
            if kept_passes {
                return Added::KeptPassing;
            }
        }
        self.add(record, now_ms)
    }
}

/// The words a CSV file is written in (the app passes its translations).
pub struct CsvLabels<'a> {
    /// Column headers: name, number, class, device key, status, lessons,
    /// exams, trainer score, verified at, reasons.
    pub headers: [&'a str; 10],
    pub ok: &'a str,
    pub fail: &'a str,
}

impl CsvLabels<'static> {
    /// English, as `firstaid verify --csv` writes.
    pub const EN: CsvLabels<'static> = CsvLabels {
        headers: [
            "name", "number", "class", "key", "status", "lessons", "exams", "trainer", "verified",
            "reasons",
        ],
        ok: "OK",
        fail: "FAIL",
    };
}

/// The CSV line of one verified record (with the reasons in whatever words
/// `reason` gives).
pub fn csv_row(
    record: &Record,
    verdict: &Verdict,
    verified_at_ms: i64,
    labels: &CsvLabels,
    reason: &dyn Fn(&Check, &Failure) -> String,
) -> String {
    let b = &record.body;
    let exams = verdict.exam_summaries(record);
    let reasons: Vec<String> = verdict.failures().map(|(c, f)| reason(c, f)).collect();
    csv::row(&[
        b.learner.name.clone(),
        b.learner.number.clone().unwrap_or_default(),
        b.learner.class.clone().unwrap_or_default(),
        b.key.fingerprint(),
        if verdict.ok() { labels.ok } else { labels.fail }.to_owned(),
        b.lessons.len().to_string(),
        exams.join(" "),
        b.trainer
            .as_ref()
            .and_then(|t| t.score)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        format_iso(verified_at_ms),
        reasons.join("; "),
    ])
}

/// The header line, after the byte-order mark.
pub fn csv_header(labels: &CsvLabels) -> String {
    format!("{}{}", csv::BOM, csv::row(&labels.headers))
}
