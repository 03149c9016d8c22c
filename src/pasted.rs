//! What a text given to the instructor's verifier is, when it is not a
//! learner's record: the instructor is told what they have and what to
//! ask for, not only that it is not a record. Consulted only for a text
//! that is not a record at all (a damaged record is damaged, whatever it
//! holds). Pure; apart from `records`, as it knows the certificates'
//! codes too (`credentials` depends on `records`).

use crate::credentials::badge;
use crate::quiz::transcript;
use crate::records::{assignment, record};

/// A text that is something other than a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Other {
    /// Nothing was given.
    Empty,
    /// An exam's transcript (the file the results page downloads).
    Transcript,
    /// A class assignment: its link, or the text of its code.
    Assignment,
    /// A certificate: its link, the text of its code, or its file.
    Certificate,
}

/// The top-level `format` of a JSON object (a backup holds transcripts
/// inside it: only the file's own format says what it is).
fn format_of(t: &str) -> Option<String> {
    if !t.starts_with('{') {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(t).ok()?;
    Some(v.get("format")?.as_str()?.to_owned())
}

/// Whether `text` is a record's JSON file that does not read (cut short,
/// a byte lost): damaged, not "not a record".
pub fn is_damaged_record_file(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim();
    t.starts_with('{')
        && t.contains(&format!("\"{}\"", record::FORMAT))
        && serde_json::from_str::<serde_json::Value>(t).is_err()
}

/// What `text` is, if it is one of the [`Other`] kinds.
pub fn other_than_record(text: &str) -> Option<Other> {
    let t = text.trim_start_matches('\u{feff}').trim();
    // A code's text starts with its prefix; a link carries it after `#`.
    let code = |prefix: &str| t.starts_with(prefix) || t.contains(&format!("#{prefix}"));
    if t.is_empty() {
        Some(Other::Empty)
    } else if t.starts_with(record::QR_PREFIX) || t.starts_with(record::QR_PREFIX_V1) {
        None
    } else if format_of(t).as_deref() == Some(transcript::FORMAT) {
        Some(Other::Transcript)
    } else if code(assignment::QR_PREFIX) {
        Some(Other::Assignment)
    } else if [badge::QR_PREFIX, badge::QR_PREFIX_V2, badge::QR_PREFIX_V1]
        .into_iter()
        .any(code)
        || (t.starts_with('{') && t.contains("\"OpenBadgeCredential\""))
    {
        Some(Other::Certificate)
    } else {
        None
    }
}
