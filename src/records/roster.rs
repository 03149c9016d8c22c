//! A class roster: one row per learner's device, whatever the number of
//! scans, and the CSV file an instructor takes to a spreadsheet.
//!
//! Rows are keyed by the record's device key (the one thing a learner
//! cannot share with another device by accident): scanning the same
//! learner again updates their row, never adds one. A record older than
//! the one already kept (issued earlier — a replayed screenshot, an old
//! file) does not replace it. The roster keeps the records themselves (as
//! QR text, compact), when each was verified and the verdict of that check
//! ([`Checked`]). Wherever a row is shown its verdict is computed again, so
//! it reflects this build's checks — except when this build cannot re-score
//! the record (the app's content was updated since, and the record was made
//! with the earlier content): then the verdict kept from when it was read
//! stands, labelled with the content it was checked with ([`Status`]), so a
//! class's results survive an app update. The instructor's mark that a
//! learner passed the practical exam (issue #7's certificates; since
//! schema 11, "assessed before checklists existed") and their marks on the
//! skills checklists ([`super::assess`]) are kept with the row and survive
//! newer records of the same learner. Each row keeps its record's device
//! key beside the record (since schema 13), so finding a learner's row is a
//! comparison of keys, never a decoding of every record on the roster.

use serde::{Deserialize, Serialize};

use super::assess::Assessments;
use super::csv;
use super::keys::PublicKey;
use super::record::Record;
use super::verify::{exam_summaries, Check, Failure, Verdict};

/// One learner's row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The record as QR text (`FAR2:…`, or `FAR1:…` for a version 1 record).
    pub record: String,
    /// The record's device key (`None` only if the stored record cannot be
    /// read: such a row is nobody's and never found). Always the key of
    /// `record`: set with it ([`Roster::add`]) or, for a row stored before
    /// schema 13 or restored from a backup (whose keys are not trusted:
    /// [`crate::backup::import`] drops them), by [`Roster::fill_keys`].
    #[serde(default, with = "key_hex", skip_serializing_if = "Option::is_none")]
    pub key: Option<PublicKey>,
    pub verified_at_ms: i64,
    /// The verdict when the record was read, by a build that could re-score
    /// it (`None`: rows read before store version 7, or read by a build
    /// that could not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Checked>,
    /// When the instructor ticked this learner's practical exam passed, on
    /// a roster from before the skills checklists (schema 11): kept, shown
    /// as "assessed before checklists existed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practical_passed_at_ms: Option<i64>,
    /// The learner's marks on the skills checklists.
    #[serde(default, skip_serializing_if = "Assessments::is_empty")]
    pub assessments: Assessments,
    /// The certificate issued to this learner (its QR text, `FAC3:…`, or
    /// `FAC2:…`, `FAC1:…` from before versions 3 and 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
}

/// A verdict as kept with a roster row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checked {
    /// The content version the record was re-scored with (the record's own).
    pub content_version: String,
    /// Every check passed.
    pub ok: bool,
    /// The re-scored percent of each exam (`None` where it could not be).
    pub exam_percents: Vec<Option<u32>>,
}

impl Checked {
    /// What to keep of `verdict`, the checks of `record`; `None` when the
    /// build that made the verdict could not re-score the record (another
    /// content version): such a verdict says nothing lasting.
    pub fn of(record: &Record, verdict: &Verdict) -> Option<Checked> {
        (!cannot_rescore(verdict)).then(|| Checked {
            content_version: record.body.content_version.clone(),
            ok: verdict.ok(),
            exam_percents: verdict.exam_percents.clone(),
        })
    }
}

/// Whether a verdict failed because the build checking it has another
/// content version than the record.
fn cannot_rescore(verdict: &Verdict) -> bool {
    verdict
        .failures()
        .any(|(_, f)| matches!(f, Failure::ContentVersion { .. }))
}

/// A row's verdict as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Checked now, by this build.
    Now(Verdict),
    /// This build cannot re-score the record; this is the verdict kept from
    /// when it was read, with the content version it was checked with.
    Earlier(Checked),
}

impl Status {
    pub fn ok(&self) -> bool {
        match self {
            Status::Now(v) => v.ok(),
            Status::Earlier(c) => c.ok,
        }
    }

    /// The re-scored percent of each exam.
    pub fn exam_percents(&self) -> &[Option<u32>] {
        match self {
            Status::Now(v) => &v.exam_percents,
            Status::Earlier(c) => &c.exam_percents,
        }
    }
}

impl Entry {
    /// The record (stored rows always hold a readable one; `None` if the
    /// stored text was damaged).
    pub fn record(&self) -> Option<Record> {
        Record::from_qr_text(&self.record).ok()
    }

    /// Whether this is the row of the learner whose device key is `key`.
    pub fn is_of(&self, key: &PublicKey) -> bool {
        self.key.as_ref() == Some(key)
    }

    /// The row's status given `now`, this build's verdict on its record:
    /// that verdict, unless it could not re-score the record and the row
    /// keeps a verdict made with the record's content.
    pub fn status(&self, record: &Record, now: Verdict) -> Status {
        match &self.checked {
            Some(c) if cannot_rescore(&now) && c.content_version == record.body.content_version => {
                Status::Earlier(c.clone())
            }
            _ => Status::Now(now),
        }
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
    /// The row of the learner whose device key is `key`: by the key kept
    /// with each row, else (a row stored before schema 13 whose key was not
    /// filled in yet: [`Roster::fill_keys`]) by reading its record.
    pub fn row(&self, key: &PublicKey) -> Option<&Entry> {
        self.position(key).map(|i| &self.entries[i])
    }

    /// Like [`Roster::row`]; a row found by reading its record keeps its key.
    fn row_mut(&mut self, key: &PublicKey) -> Option<&mut Entry> {
        let i = self.position(key)?;
        let e = &mut self.entries[i];
        e.key = Some(*key);
        Some(e)
    }

    fn position(&self, key: &PublicKey) -> Option<usize> {
        self.entries.iter().position(|e| e.is_of(key)).or_else(|| {
            self.entries
                .iter()
                .position(|e| e.key.is_none() && e.record().is_some_and(|r| r.body.key == *key))
        })
    }

    /// Whether a row lacks the key its record names (rows stored before
    /// schema 13: the store does not read records when it migrates them, as
    /// the first load does not carry the record decoder).
    pub fn lacks_keys(&self) -> bool {
        self.entries
            .iter()
            .any(|e| e.key.is_none() && e.record().is_some())
    }

    /// Drops every row's stored device key (a backup's, not trusted):
    /// [`Roster::fill_keys`] reads them from the records again.
    pub fn forget_keys(&mut self) {
        for e in &mut self.entries {
            e.key = None;
        }
    }

    /// Keeps with each row the device key its record names, where it lacks
    /// it; a row whose record cannot be read stays without (nobody's row).
    pub fn fill_keys(&mut self) {
        for e in self.entries.iter_mut().filter(|e| e.key.is_none()) {
            e.key = e.record().map(|r| r.body.key);
        }
    }

    /// Adds or updates the row of the record's device key (only a record
    /// whose signature holds).
    pub fn add(&mut self, record: &Record, now_ms: i64) -> Added {
        if record.verify_signature().is_err() {
            return Added::Unsigned;
        }
        self.put(record, now_ms, None)
    }

    /// [`Roster::add`], keeping `checked` with the row.
    fn put(&mut self, record: &Record, now_ms: i64, checked: Option<Checked>) -> Added {
        let key = record.body.key;
        let mut entry = Entry {
            record: record.to_qr_text(),
            key: Some(key),
            verified_at_ms: now_ms,
            checked,
            practical_passed_at_ms: None,
            assessments: Assessments::default(),
            certificate: None,
        };
        match self.row_mut(&key) {
            None => {
                self.entries.push(entry);
                Added::New
            }
            Some(e) => {
                let kept = e.record().map_or(0, |r| r.body.issued_at_ms);
                if record.body.issued_at_ms < kept {
                    Added::Older
                } else {
                    // The practical exam was this learner's, whatever record
                    // they show next.
                    entry.practical_passed_at_ms = e.practical_passed_at_ms;
                    entry.assessments = std::mem::take(&mut e.assessments);
                    entry.certificate = e.certificate.take();
                    *e = entry;
                    Added::Updated
                }
            }
        }
    }
}

impl Roster {
    /// Adds like [`Roster::add`], with the verifier's verdict (`verdict_of`)
    /// kept in the row, except that a record that fails its checks never
    /// replaces one that passes (as shown: see [`Entry::status`]).
    pub fn add_verified(
        &mut self,
        record: &Record,
        now_ms: i64,
        verdict_of: &dyn Fn(&Record) -> Verdict,
    ) -> Added {
        if record.verify_signature().is_err() {
            return Added::Unsigned;
        }
        let verdict = verdict_of(record);
        if !verdict.ok() {
            let kept_passes = self.row(&record.body.key).is_some_and(|e| {
                e.record()
                    .is_some_and(|r| e.status(&r, verdict_of(&r)).ok())
            });
            if kept_passes {
                return Added::KeptPassing;
            }
        }
        self.put(record, now_ms, Checked::of(record, &verdict))
    }

    /// Keeps the certificate issued to the learner whose device key is
    /// `key` (its QR text); false when no row holds that key.
    pub fn set_certificate(&mut self, key: &PublicKey, qr_text: String) -> bool {
        match self.row_mut(key) {
            Some(e) => {
                e.certificate = Some(qr_text);
                true
            }
            None => false,
        }
    }

    /// Changes the checklist marks of the learner whose device key is
    /// `key` with `change`; false when no row holds that key.
    pub fn assess(&mut self, key: &PublicKey, change: impl FnOnce(&mut Assessments)) -> bool {
        match self.row_mut(key) {
            Some(e) => {
                change(&mut e.assessments);
                true
            }
            None => false,
        }
    }

    /// Marks (or, with `None`, unmarks) the practical exam of the learner
    /// whose device key is `key` as passed at `at_ms`; false when no row
    /// holds that key.
    pub fn set_practical(&mut self, key: &PublicKey, at_ms: Option<i64>) -> bool {
        match self.row_mut(key) {
            Some(e) => {
                e.practical_passed_at_ms = at_ms;
                true
            }
            None => false,
        }
    }
}

/// A row's device key as stored: 64 lowercase hex digits.
mod key_hex {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    use crate::records::keys::PublicKey;
    use crate::records::record::{hex, unhex};

    pub fn serialize<S: Serializer>(key: &Option<PublicKey>, s: S) -> Result<S::Ok, S::Error> {
        match key {
            Some(k) => s.serialize_str(&hex(&k.0)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PublicKey>, D::Error> {
        let text = String::deserialize(d)?;
        unhex(&text)
            .map(|key| Some(PublicKey(key)))
            .ok_or_else(|| D::Error::custom("a device key is 64 hex digits"))
    }
}

/// The words a CSV file is written in (the app passes its translations).
pub struct CsvLabels<'a> {
    /// Column headers: name, number, class, device key, status, lessons,
    /// exams, trainer score, practical exam passed at, the checklists'
    /// outcomes, verified at, reasons.
    pub headers: [&'a str; 12],
    pub ok: &'a str,
    pub fail: &'a str,
    /// The reasons column of a row whose verdict was kept from an earlier
    /// check ([`Status::Earlier`]); `{version}` stands for its content version.
    pub earlier: &'a str,
}

impl CsvLabels<'static> {
    /// English, as `firstaid verify --csv` writes.
    pub const EN: CsvLabels<'static> = CsvLabels {
        headers: [
            "name",
            "number",
            "class",
            "key",
            "status",
            "lessons",
            "exams",
            "trainer",
            "practical",
            "checklists",
            "verified",
            "reasons",
        ],
        ok: "OK",
        fail: "FAIL",
        earlier: "checked when read, with content {version}: this build cannot re-score it",
    };
}

/// The CSV line of one verified record (with the reasons in whatever words
/// `reason` gives, and the times as `time` writes them: the app writes the
/// phone's local time with its offset, `firstaid verify` UTC);
/// `practical_passed_at_ms` is when the roster's learner passed the
/// practical exam and `checklists` the outcome of each checklist
/// ([`super::assess::summary`]; none outside a roster).
#[allow(clippy::too_many_arguments)]
pub fn csv_row(
    record: &Record,
    status: &Status,
    practical_passed_at_ms: Option<i64>,
    checklists: &str,
    verified_at_ms: i64,
    labels: &CsvLabels,
    reason: &dyn Fn(&Check, &Failure) -> String,
    time: &dyn Fn(i64) -> String,
) -> String {
    let b = &record.body;
    let exams = exam_summaries(record, status.exam_percents());
    let reasons: Vec<String> = match status {
        Status::Now(v) => v.failures().map(|(c, f)| reason(c, f)).collect(),
        Status::Earlier(c) => vec![labels.earlier.replace("{version}", &c.content_version)],
    };
    csv::row(&[
        b.learner.name.clone(),
        b.learner.number.clone().unwrap_or_default(),
        b.learner.class.clone().unwrap_or_default(),
        b.key.fingerprint(),
        if status.ok() { labels.ok } else { labels.fail }.to_owned(),
        b.lessons.len().to_string(),
        exams.join(" "),
        b.trainer
            .as_ref()
            .and_then(|t| t.score)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        practical_passed_at_ms.map(time).unwrap_or_default(),
        checklists.to_owned(),
        time(verified_at_ms),
        reasons.join("; "),
    ])
}

/// The header line, after the byte-order mark.
pub fn csv_header(labels: &CsvLabels) -> String {
    format!("{}{}", csv::BOM, csv::row(&labels.headers))
}
