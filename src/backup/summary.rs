//! What a stored document holds, in the words a person checks before a
//! restore replaces it: whose it is, how much learning it carries, and
//! which signing keys it holds.
//!
//! Restoring a backup onto a phone that holds a person's data shows the two
//! [`Summary`]s side by side and says how they relate ([`relation`]): the
//! same learner key, another person's key, or nothing to compare. A phone
//! that holds no person's data (settings alone) is replaced at once.

use crate::records::stored::key_from_hex;
use crate::store::Document;

/// The parts of a document a person recognises as theirs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The learner's name as their records carry it (may be empty).
    pub name: String,
    /// The instructor's name, when this phone has made assignments.
    pub instructor: String,
    /// Lessons finished.
    pub lessons: usize,
    /// Lessons started and not finished.
    pub started: usize,
    /// Questions practised (in the review schedule).
    pub practised: usize,
    /// Finished exams kept.
    pub exams: usize,
    /// Trainer sessions kept.
    pub sessions: usize,
    /// Certificates kept in "My certificates".
    pub certificates: usize,
    /// Assignments accepted as a learner.
    pub accepted: usize,
    /// Classes made as an instructor, and the learners on their rosters.
    pub classes: usize,
    pub learners: usize,
    /// The learner (device) key's fingerprint, if the phone has made one.
    pub learner_key: Option<String>,
    /// The instructor key's fingerprint, if the phone has made one.
    pub instructor_key: Option<String>,
}

impl Summary {
    /// The summary of `doc`.
    pub fn of(doc: &Document) -> Summary {
        let fingerprint = |hex: &Option<String>| {
            hex.as_deref()
                .and_then(key_from_hex)
                .map(|k| k.public().fingerprint())
        };
        let records = doc.records.to_typed().unwrap_or_default();
        let quiz = doc.quiz.to_typed().ok();
        let (learner, instructor) = (&records.learner, &records.instructor);
        Summary {
            name: learner.profile.name.trim().to_owned(),
            instructor: instructor.name.trim().to_owned(),
            lessons: doc
                .progress
                .lessons
                .values()
                .filter(|l| l.completed_at.is_some())
                .count(),
            started: doc
                .progress
                .lessons
                .values()
                .filter(|l| l.completed_at.is_none())
                .count(),
            practised: quiz.as_ref().map_or(0, |q| q.schedule.cards.len()),
            exams: quiz.as_ref().map_or(0, |q| q.results.len()),
            sessions: doc.trainer.to_typed().map_or(0, |t| t.sessions.len()),
            certificates: learner.certificates.len(),
            accepted: learner.assignments.len(),
            classes: instructor.assignments.len(),
            learners: instructor
                .assignments
                .iter()
                .map(|a| a.roster.entries.len())
                .sum(),
            learner_key: fingerprint(&learner.key),
            instructor_key: fingerprint(&instructor.key),
        }
    }

    /// True when the document holds nothing of a person: no name, no
    /// learning, no key, no class (settings alone). Replacing it loses
    /// nothing anyone made.
    pub fn is_empty(&self) -> bool {
        *self == Summary::default()
    }
}

/// How the file's data relates to the phone's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The phone holds no person's data: the restore replaces nothing.
    PhoneEmpty,
    /// Both hold the same learner key: an earlier state of this person.
    SamePerson,
    /// Both hold a learner key and the keys differ: another person (or
    /// another phone of theirs) — records signed after the restore come
    /// from the file's key.
    OtherPerson,
    /// One of them has no learner key: nothing to compare.
    Unknown,
}

/// How `file` relates to `phone`.
pub fn relation(phone: &Summary, file: &Summary) -> Relation {
    if phone.is_empty() {
        return Relation::PhoneEmpty;
    }
    match (&phone.learner_key, &file.learner_key) {
        (Some(a), Some(b)) if a == b => Relation::SamePerson,
        (Some(_), Some(_)) => Relation::OtherPerson,
        _ => Relation::Unknown,
    }
}
