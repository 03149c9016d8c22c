//! The stored document, its schema version and the migrations between versions.
//!
//! On disk: `{"schema": N, "data": {…}}`. Reading runs the migrations from N
//! up to [`SCHEMA_VERSION`] on the JSON value, then parses the result into
//! [`Document`] with unknown fields rejected. Writing always writes the
//! current version.
//!
//! To change the schema: bump [`SCHEMA_VERSION`], append one function to
//! [`MIGRATIONS`] that turns a version N-1 `data` value into version N, and
//! add a fixture of the old version to the migration tests.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::lazy::Lazy;
use crate::progress::Progress;
use crate::quiz::attempt::QuizData;
use crate::records::stored::RecordsData;
use crate::settings::Settings;
use crate::trainer::session::TrainerData;

/// The version this build writes.
pub const SCHEMA_VERSION: u64 = 13;

/// A migration turns the `data` of version `i + 1` into version `i + 2`
/// (`MIGRATIONS[0]` migrates 1 → 2).
pub type Migration = fn(Value) -> Result<Value, String>;

/// The migrations of the real schema, in order.
pub const MIGRATIONS: &[Migration] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9, v9_to_v10,
    v10_to_v11, v11_to_v12, v12_to_v13,
];

/// Version 13 keeps with each class roster row its record's device key
/// (`key`, 64 hex digits), so that finding a learner's row on a scan
/// compares keys instead of decoding every record on the roster. The
/// migration does not read the records: the record decoder (deflate,
/// base45) is not part of the first load, which runs it. The roster fills
/// the keys in when the instructor opens the class
/// (`records::roster::Roster::fill_keys`, in the instructor's chunk), and
/// until then finds a row without one by reading its record.
fn v12_to_v13(data: Value) -> Result<Value, String> {
    Ok(data)
}

/// Version 12 keeps with each lesson the time spent in it (`time_ms`) and
/// the time it took until it was completed (`time_to_complete_ms`), and
/// stores each class roster row under a key of its own (`super::rows`).
/// Nothing to convert in the data: a lesson begun before has no time and
/// stays untimed (its time is not known), and the rows are the same, only
/// where they are kept changes. The version changes so that an older
/// build, which would misread the new fields and read only the head,
/// keeps a copy instead of taking the rosters for empty and writing that
/// over them.
fn v11_to_v12(data: Value) -> Result<Value, String> {
    data.as_object().ok_or("data is not an object")?;
    Ok(data)
}

/// Version 11 keeps with each roster row the learner's marks on the skills
/// checklists (`assessments`). The tick of older rows
/// (`practical_passed_at_ms`) stays as it was and now reads "assessed
/// before checklists existed": nothing to convert; the version changes so
/// that an older build keeps a copy of data with the new field instead of
/// misreading it.
fn v10_to_v11(data: Value) -> Result<Value, String> {
    data.as_object().ok_or("data is not an object")?;
    Ok(data)
}

/// Version 10 added the optional `settings.motion`: whether pictures move
/// (following the phone, on, or off). Nothing to convert (data without it
/// follows the phone); the version changes so that an older build keeps a
/// copy of data with the new field instead of misreading it.
fn v9_to_v10(data: Value) -> Result<Value, String> {
    data.as_object().ok_or("data is not an object")?;
    Ok(data)
}

/// Version 9 keeps with each trainer session the time it was meant to last
/// (`planned_ms`), so that a session stopped early is scored by it. Nothing
/// to convert (older sessions have none and are scored as if they ran
/// their course); the version changes so that an older build keeps a copy
/// of data with the new field instead of misreading it.
fn v8_to_v9(data: Value) -> Result<Value, String> {
    data.as_object().ok_or("data is not an object")?;
    Ok(data)
}

/// Version 8 added the optional `settings.region`: where the learner
/// confirmed they are, which decides the number every call button dials.
/// Nothing to convert (data without it uses the first-visit guess and asks);
/// the version changes so that an older build keeps a copy of data with the
/// new field instead of misreading it.
fn v7_to_v8(data: Value) -> Result<Value, String> {
    data.as_object().ok_or("data is not an object")?;
    Ok(data)
}

/// Version 7 keeps with each roster row the verdict of its check, the
/// instructor's mark that the practical exam was passed and the
/// certificate issued, and the learner's certificates (all optional:
/// version 6 data has none, so it is unchanged). The version
/// changes so that an older build, which would not know these fields, keeps
/// a copy of the data instead of misreading it.
fn v6_to_v7(data: Value) -> Result<Value, String> {
    data.as_object().ok_or("data is not an object")?;
    Ok(data)
}

/// Version 6 added records: the learner's profile and device key, accepted
/// assignments, and the instructor's key, assignments and rosters (none
/// for existing users).
fn v5_to_v6(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    if obj.contains_key("records") {
        return Err("version 5 data already has records".into());
    }
    obj.insert("records".into(), json!({}));
    Ok(data)
}

/// Version 5 added the compression trainer's sessions (none for existing
/// users).
fn v4_to_v5(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    if obj.contains_key("trainer") {
        return Err("version 4 data already has a trainer".into());
    }
    obj.insert("trainer".into(), json!({}));
    Ok(data)
}

/// Version 4 added the quiz: spaced-repetition schedule, attempts in
/// progress and exam results (empty for existing users).
fn v3_to_v4(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    if obj.contains_key("quiz") {
        return Err("version 3 data already has a quiz".into());
    }
    obj.insert("quiz".into(), json!({}));
    Ok(data)
}

/// Version 3 added the optional `settings.emergency_number`. Nothing to
/// convert; the version step exists so that an older app reports data with
/// the new field as "from a newer version" instead of "unreadable".
fn v2_to_v3(data: Value) -> Result<Value, String> {
    Ok(data)
}

/// Version 2 added learning progress (empty for existing users).
fn v1_to_v2(mut data: Value) -> Result<Value, String> {
    let obj = data.as_object_mut().ok_or("data is not an object")?;
    if obj.contains_key("progress") {
        return Err("version 1 data already has progress".into());
    }
    obj.insert("progress".into(), json!({ "lessons": {} }));
    Ok(data)
}

/// Everything the app keeps, as of [`SCHEMA_VERSION`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub settings: Settings,
    pub progress: Progress,
    /// Typed by the pages that read it ([`Lazy`]).
    pub quiz: Lazy<QuizData>,
    /// Typed by the pages that read it ([`Lazy`]).
    pub trainer: Lazy<TrainerData>,
    /// Typed by the pages that read it ([`Lazy`]).
    pub records: Lazy<RecordsData>,
}

impl Document {
    /// A document with these settings and nothing else yet.
    pub fn with_settings(settings: Settings) -> Self {
        Document {
            settings,
            progress: Progress::default(),
            quiz: Lazy::default(),
            trainer: Lazy::default(),
            records: Lazy::default(),
        }
    }
}

impl Document {
    /// Whether the learner has practised or trained: the home page then
    /// shows today's reviews and the last training. Read from the parts as
    /// they are, typed or not, so the home page types neither.
    pub fn has_history(&self) -> bool {
        let practised = match &self.quiz {
            Lazy::Typed(q) => !q.schedule.cards.is_empty(),
            Lazy::Raw(v) => v
                .pointer("/schedule/cards")
                .and_then(Value::as_object)
                .is_some_and(|cards| !cards.is_empty()),
        };
        let trained = match &self.trainer {
            Lazy::Typed(t) => t.latest().is_some(),
            Lazy::Raw(v) => v
                .get("sessions")
                .and_then(Value::as_array)
                .is_some_and(|s| !s.is_empty()),
        };
        practised || trained
    }

    /// Whether the learner has accepted a class assignment: the home page
    /// then shows them. Read like [`Document::has_history`].
    pub fn has_assignments(&self) -> bool {
        match &self.records {
            Lazy::Typed(r) => !r.learner.assignments.is_empty(),
            Lazy::Raw(v) => v
                .pointer("/learner/assignments")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty()),
        }
    }

    /// Whether any of the instructor's class rosters has a row.
    pub fn has_roster_rows(&self) -> bool {
        match &self.records {
            Lazy::Typed(r) => r
                .instructor
                .assignments
                .iter()
                .any(|a| !a.roster.entries.is_empty()),
            Lazy::Raw(v) => v
                .pointer("/instructor/assignments")
                .and_then(Value::as_array)
                .is_some_and(|a| {
                    a.iter().any(|a| {
                        a.pointer("/roster/entries")
                            .and_then(Value::as_array)
                            .is_some_and(|e| !e.is_empty())
                    })
                }),
        }
    }
}

/// Why a stored document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// Not JSON at all.
    NotJson(String),
    /// JSON, but without a `schema` number and a `data` object.
    NoEnvelope,
    /// Schema 0 or otherwise below the first version.
    UnknownVersion(u64),
    /// Written by a newer app (version given).
    NewerVersion(u64),
    /// A migration step failed (from-version and reason).
    Migration(u64, String),
    /// The migrated data does not match the current [`Document`].
    Invalid(String),
}

impl fmt::Display for MigrateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MigrateError::NotJson(e) => write!(f, "not JSON: {e}"),
            MigrateError::NoEnvelope => write!(f, "no schema version or data"),
            MigrateError::UnknownVersion(v) => write!(f, "unknown schema version {v}"),
            MigrateError::NewerVersion(v) => {
                write!(
                    f,
                    "schema version {v} is newer than this app's {SCHEMA_VERSION}"
                )
            }
            MigrateError::Migration(v, e) => write!(f, "migration from version {v} failed: {e}"),
            MigrateError::Invalid(e) => write!(f, "invalid data: {e}"),
        }
    }
}

impl std::error::Error for MigrateError {}

/// Serializes the document with its envelope at the current version.
pub fn write_document(doc: &Document) -> String {
    envelope(doc).to_string()
}

/// The document with its envelope at the current version, as a JSON value
/// (what backup files embed).
pub fn envelope(doc: &Document) -> Value {
    json!({ "schema": SCHEMA_VERSION, "data": doc })
}

/// The schema number of a stored text, without building its data (`None`
/// when the text is not a stored document).
pub fn peek_version(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct Peek {
        schema: u64,
    }
    serde_json::from_str::<Peek>(raw).ok().map(|p| p.schema)
}

/// Parses stored text, migrating it to the current version.
pub fn read_document(raw: &str) -> Result<Document, MigrateError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| MigrateError::NotJson(e.to_string()))?;
    read_value(value)
}

/// Like [`read_document`] for an already parsed value (backup files embed one).
pub fn read_value(value: Value) -> Result<Document, MigrateError> {
    let data = migrate_envelope(value, SCHEMA_VERSION, MIGRATIONS)?;
    serde_json::from_value(data).map_err(|e| MigrateError::Invalid(e.to_string()))
}

/// Checks the envelope and runs `migrations` from its version up to
/// `current`. Generic over the table so the mechanism itself is testable.
pub fn migrate_envelope(
    value: Value,
    current: u64,
    migrations: &[Migration],
) -> Result<Value, MigrateError> {
    let version = super::schema_of(&value).ok_or(MigrateError::NoEnvelope)?;
    let Value::Object(mut obj) = value else {
        return Err(MigrateError::NoEnvelope);
    };
    let data = match obj.remove("data") {
        Some(d @ Value::Object(_)) => d,
        _ => return Err(MigrateError::NoEnvelope),
    };
    if version == 0 {
        return Err(MigrateError::UnknownVersion(version));
    }
    if version > current {
        return Err(MigrateError::NewerVersion(version));
    }
    debug_assert_eq!(
        migrations.len() as u64,
        current - 1,
        "one migration per version step"
    );
    let mut data = data;
    for from in version..current {
        let step = migrations
            .get((from - 1) as usize)
            .ok_or_else(|| MigrateError::Migration(from, "no migration registered".into()))?;
        data = step(data).map_err(|e| MigrateError::Migration(from, e))?;
    }
    Ok(data)
}
