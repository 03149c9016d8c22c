//! The backup file: a separate, versioned wire format holding the store.
//!
//! ```json
//! {
//!   "format": "firstaid-backup",
//!   "version": 1,
//!   "app_version": "0.1.0",
//!   "exported_at": "2026-11-29T03:00:00.000Z",
//!   "store": { "schema": 1, "data": { … } },
//!   "recovered": [ { "key": "firstaid/recovered/1", "text": "…" } ]
//! }
//! ```
//!
//! `store` is the stored document exactly as the store writes it (with its
//! own schema version), so a backup from an older app is migrated on import
//! like stored data. `recovered` carries the raw copies of unreadable data so
//! that nothing is lost by exporting and erasing. Importing validates the
//! whole file before anything is overwritten.

pub mod summary;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::store::{schema, Document, MigrateError};

/// Value of the `format` field.
pub const FORMAT: &str = "firstaid-backup";
/// The backup version this build writes and reads.
pub const VERSION: u32 = 1;
/// Files larger than this are refused before parsing (bytes).
pub const MAX_BYTES: usize = 8 * 1024 * 1024;

/// A raw copy of unreadable data, as carried in a backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveredCopy {
    pub key: String,
    pub text: String,
}

/// Version 1 of the backup file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupFileV1 {
    format: String,
    version: u32,
    app_version: String,
    exported_at: String,
    store: Value,
    #[serde(default)]
    recovered: Vec<RecoveredCopy>,
}

/// Why a file is not an importable backup. Each variant has its own
/// translated message in the UI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// Larger than [`MAX_BYTES`].
    TooLarge(usize),
    /// Not JSON (e.g. a photo or a PDF was chosen), and not a backup cut
    /// short either (that is [`BackupError::Malformed`]).
    NotJson(String),
    /// JSON, but not a First Aid Hero backup.
    NotABackup,
    /// A backup from a newer app (its version).
    UnsupportedVersion(u64),
    /// A backup whose fields are wrong.
    Malformed(String),
    /// The stored document inside is unreadable or from a newer app.
    BadStore(MigrateError),
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge(n) => write!(f, "file too large ({n} bytes)"),
            BackupError::NotJson(e) => write!(f, "not a JSON file: {e}"),
            BackupError::NotABackup => write!(f, "not a First Aid Hero backup"),
            BackupError::UnsupportedVersion(v) => write!(f, "backup version {v} is not supported"),
            BackupError::Malformed(e) => write!(f, "malformed backup: {e}"),
            BackupError::BadStore(e) => write!(f, "the data in the backup is unreadable: {e}"),
        }
    }
}

impl std::error::Error for BackupError {}

/// A validated backup, ready to replace the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub document: Document,
    pub recovered: Vec<RecoveredCopy>,
    pub app_version: String,
    pub exported_at: String,
}

/// Writes a backup of `document` (pretty-printed JSON).
pub fn export(
    document: &Document,
    recovered: Vec<RecoveredCopy>,
    app_version: &str,
    exported_at: &str,
) -> String {
    let store = schema::envelope(document);
    let file = BackupFileV1 {
        format: FORMAT.to_owned(),
        version: VERSION,
        app_version: app_version.to_owned(),
        exported_at: exported_at.to_owned(),
        store,
        recovered,
    };
    serde_json::to_string_pretty(&file).expect("backup serializes")
}

/// Reads and validates a backup file. Nothing is changed by calling this.
pub fn import(text: &str) -> Result<Backup, BackupError> {
    if text.len() > MAX_BYTES {
        return Err(BackupError::TooLarge(text.len()));
    }
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        // A backup cut short (a download or a copy that stopped) or
        // damaged is still a backup: it says so, not "not a backup".
        if text.contains(&format!("\"{FORMAT}\"")) {
            BackupError::Malformed(format!("damaged or cut short: {e}"))
        } else {
            BackupError::NotJson(e.to_string())
        }
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::NotABackup);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(BackupError::UnsupportedVersion(v)),
        None => return Err(BackupError::Malformed("missing version".into())),
    }
    let file: BackupFileV1 =
        serde_json::from_value(value).map_err(|e| BackupError::Malformed(e.to_string()))?;
    let mut document = schema::read_value(file.store).map_err(BackupError::BadStore)?;
    // Checked whole before anything is restored: the parts the app types
    // only when a page reads them (`store::Lazy`) too.
    let invalid = |e: String| BackupError::BadStore(schema::MigrateError::Invalid(e));
    document.quiz.typed().map_err(invalid)?;
    document.trainer.typed().map_err(invalid)?;
    let records = document.records.typed().map_err(invalid)?;
    // A roster row's device key is a copy of what its record names: a file
    // may carry a wrong one (edited, damaged), which would send the
    // learner's next scan to another row. The class page reads them again.
    for a in &mut records.instructor.assignments {
        a.roster.forget_keys();
    }
    Ok(Backup {
        document,
        recovered: file.recovered,
        app_version: file.app_version,
        exported_at: file.exported_at,
    })
}
