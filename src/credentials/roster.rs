//! A certificate for a learner on a class roster: what the instructor's
//! "issue a certificate" puts into it, from the learner's verified record,
//! their marks on the skills checklists and the class's assignment. Pure,
//! so the app and the tests make the same certificate from the same
//! inputs.
//!
//! What was assessed ([`course_assessed`]) comes from the content and the
//! class: the theory exam's pass mark is the assignment's (the instructor
//! sets it when making the assignment, starting from the blueprint's), or,
//! when the assignment asks for no exam, the pass mark of the profile's
//! course blueprint in the content; the checklists are the curriculum's, in
//! order, each passed when every item is marked passed. The learner's
//! percent is their best re-scored exam of that blueprint (the roster's
//! verdict), when it reaches the pass mark.

use super::badge::assessed::{Assessed, AssessedChecklist};
use super::badge::{CertificateInput, HashedIdentifier, IdentityType};
use crate::content::blueprint::{Blueprint, DEFAULT_PASS_PERCENT};
use crate::content::checklist::Checklist;
use crate::content::Curriculum;
use crate::profile::ProfileId;
use crate::records::assess::{Assessments, Outcome};
use crate::records::assignment::{Assignment, ExamRequirement};
use crate::records::record::Record;
use crate::time::add_years;

/// How long a certificate is valid: two years, the usual renewal of a
/// CPR/AED course.
pub const VALID_YEARS: i64 = 2;

/// A learner as the roster has them.
#[derive(Debug, Clone, Copy)]
pub struct RosterLearner<'a> {
    /// Their verified record.
    pub record: &'a Record,
    /// The re-scored percent of each of the record's exams, in its order
    /// (the roster's verdict; `None` where it could not be).
    pub exam_percents: &'a [Option<u32>],
    /// Their marks on the skills checklists.
    pub assessments: &'a Assessments,
}

/// The content's course exam of `profile`: the blueprint `course-<profile>`,
/// else the first shipped blueprint of that profile.
pub fn course_blueprint(c: &Curriculum, profile: ProfileId) -> Option<&Blueprint> {
    c.blueprint(&format!("course-{}", profile.as_str()))
        .or_else(|| c.blueprints.iter().find(|b| b.profile == profile))
}

/// What a certificate under `profile` says was assessed: the pass mark of
/// `required` (the assignment's exam), else of the profile's course
/// blueprint ([`course_blueprint`]); `exam_percent` when it reaches it; the
/// curriculum's checklists, each as `passed` says.
pub fn course_assessed(
    c: &Curriculum,
    profile: ProfileId,
    required: Option<&ExamRequirement>,
    exam_percent: Option<u32>,
    passed: &dyn Fn(&Checklist) -> bool,
) -> Assessed {
    let pass_percent = required
        .map(|r| r.pass_percent)
        .or_else(|| course_blueprint(c, profile).map(|b| b.pass_percent))
        .unwrap_or(DEFAULT_PASS_PERCENT);
    Assessed {
        pass_percent,
        exam_percent: exam_percent.filter(|p| (pass_percent..=100).contains(p)),
        checklists: c
            .checklists
            .iter()
            .map(|l| AssessedChecklist {
                id: l.id.clone(),
                title: l.title.clone(),
                passed: passed(l),
            })
            .collect(),
    }
}

/// The certificate input for `learner`, who passed `assignment` (checked by
/// the caller, with the practical exam), issued at `now_ms` by
/// `instructor_name`. The guideline is the assignment's exam's (its
/// blueprint's profile), else `fallback` (the instructor's setting). The
/// learner's number, when the record has one, goes in as a hashed
/// identifier (`identifier`, salted), as Open Badges does it: it can be
/// checked against a known number and is not printed in clear — but the
/// salt travels with it and learner numbers are short, so anyone holding
/// the certificate can find the number by trying them all; it hides the
/// number from a glance, not from a determined reader. What was assessed:
/// the module documentation. `random`: 32 bytes from the CSPRNG — 16 for
/// the credential's id, 16 for the salt.
pub fn certificate_input(
    learner: &RosterLearner,
    assignment: &Assignment,
    c: &Curriculum,
    instructor_name: &str,
    fallback: ProfileId,
    now_ms: i64,
    random: [u8; 32],
) -> CertificateInput {
    let record = learner.record;
    let required = assignment.body.exam.as_ref();
    let profile = required
        .and_then(|e| c.blueprint(&e.blueprint))
        .map_or(fallback, |b| b.profile);
    let blueprint = required
        .map(|e| e.blueprint.clone())
        .or_else(|| course_blueprint(c, profile).map(|b| b.id.clone()));
    let best = record
        .body
        .exams
        .iter()
        .zip(learner.exam_percents)
        .filter(|(e, _)| Some(&e.blueprint) == blueprint.as_ref())
        .filter_map(|(_, p)| *p)
        .max();
    let passed = |l: &Checklist| matches!(learner.assessments.outcome(l), Outcome::Passed { .. });
    let mut id_bytes = [0u8; 16];
    id_bytes.copy_from_slice(&random[..16]);
    let salt: String = random[16..].iter().map(|b| format!("{b:02x}")).collect();
    CertificateInput {
        instructor_name: instructor_name.to_owned(),
        learner_name: record.body.learner.name.clone(),
        learner_identifier: record
            .body
            .learner
            .number
            .as_ref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| HashedIdentifier {
                identity_type: IdentityType::Identifier,
                identifier: n.trim().to_owned(),
                salt,
            }),
        profile,
        valid_from_ms: now_ms,
        valid_until_ms: Some(add_years(now_ms, VALID_YEARS)),
        id_bytes,
        assessed: course_assessed(c, profile, required, best, &passed),
    }
}
