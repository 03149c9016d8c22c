//! The instructor's export: a record as export input
//! ([`record_activity`]), its statements only if it verifies
//! ([`verified_statements`]), a class's records as one batch with each
//! statement once ([`class_export`]), and the export file ([`export_file`]).

use std::collections::BTreeSet;

use super::convert::{
    learner_statements, registration, ExamResult, ExportError, ExportOptions, LearnerActivity,
    LearnerIdentity, LessonCompletion,
};
use super::statement::Statement;
use crate::content::Curriculum;
use crate::records::assignment::Assignment;
use crate::records::record::Record;
use crate::records::verify::{verify, Check};

/// What a record says, as export input (its registration from its
/// assignment, if it answers one).
pub fn record_activity(r: &Record) -> LearnerActivity {
    let b = &r.body;
    LearnerActivity {
        learner: LearnerIdentity {
            name: b.learner.name.clone(),
            number: b.learner.number.clone(),
            fingerprint: Some(b.key.fingerprint()),
        },
        content_version: b.content_version.clone(),
        registration: b.assignment.as_ref().map(|a| registration(a, &b.key)),
        lessons: b
            .lessons
            .iter()
            .map(|l| LessonCompletion {
                lesson: l.lesson.clone(),
                completed_at_ms: l.completed_at_ms,
                duration_ms: l.time_spent_ms,
            })
            .collect(),
        exams: b
            .exams
            .iter()
            .map(|e| ExamResult {
                blueprint: e.blueprint.clone(),
                seed: e.seed,
                finished_at_ms: e.started_at_ms.saturating_add(e.duration_ms),
                duration_ms: Some(e.duration_ms),
                percent: e.percent,
                pass_percent: e.pass_percent,
            })
            .collect(),
    }
}

/// The statements of a record, only if it verifies
/// ([`crate::records::verify::verify`] against this content and, if
/// given, the instructor's assignment): a record that does not is refused
/// with the reasons, never exported.
pub fn verified_statements(
    r: &Record,
    c: &Curriculum,
    content_version: &str,
    assignment: Option<&Assignment>,
    opts: &ExportOptions,
) -> Result<Vec<Statement>, ExportError> {
    let v = verify(r, c, content_version, assignment);
    if !v.ok() {
        return Err(ExportError::NotVerified(
            v.failures()
                .map(|(check, f)| match check {
                    Check::Exam(n) => format!("exam {n}: {f}"),
                    _ => f.to_string(),
                })
                .collect(),
        ));
    }
    learner_statements(&record_activity(r), c, opts)
}

/// An instructor's export of a class.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassExport {
    /// The statements of every record that verified, record after record,
    /// each id once.
    pub statements: Vec<Statement>,
    /// The records left out (their index in the input) and why.
    pub refused: Vec<(usize, ExportError)>,
}

/// The statements of a class's records (a roster's, or files given to
/// `firstaid xapi`): each record is verified and only those that pass are
/// exported; the others are listed in [`ClassExport::refused`]. A
/// statement already exported (the same id: two records of one learner
/// both hold an exam, or a record given twice) is not exported again, so
/// the result is one valid batch for an LRS.
pub fn class_export(
    records: &[Record],
    c: &Curriculum,
    content_version: &str,
    assignment: Option<&Assignment>,
    opts: &ExportOptions,
) -> ClassExport {
    let mut out = ClassExport {
        statements: Vec::new(),
        refused: Vec::new(),
    };
    let mut ids = BTreeSet::new();
    for (i, r) in records.iter().enumerate() {
        match verified_statements(r, c, content_version, assignment, opts) {
            Ok(s) => out
                .statements
                .extend(s.into_iter().filter(|s| ids.insert(s.id.clone()))),
            Err(e) => out.refused.push((i, e)),
        }
    }
    out
}

/// The export file: a JSON array of statements, the body an LRS's
/// `POST /statements` accepts (sent with `Content-Type: application/json`
/// and `X-Experience-API-Version: 1.0.3`).
pub fn export_file(statements: &[Statement]) -> String {
    serde_json::to_string_pretty(statements).expect("statements serialize") + "\n"
}
