//! Making a learner's completion record from what the app keeps, and the
//! progress towards an assignment shown on the home screen.
//!
//! ## Which exams a record carries
//!
//! A record's exam number *n* (from 0) must have been drawn with
//! [`exam_seed`]`(device key, assignment, n)`, which the verifier checks.
//! So the app draws every exam from that seed: the next exam for an
//! assignment (or for no assignment) is number *n* = the length of the
//! *chain* — the finished exams whose seeds are those of 0, 1, 2, … in turn.
//! Every attempt is in the record, failed ones included, and none can be
//! left out: leaving out number 0 makes number 1's seed wrong. An exam
//! abandoned before it was handed in is drawn again with the same seed
//! (the same questions), so starting over cannot pick easier questions.

use super::assignment::Assignment;
use super::keys::{KeyPair, PublicKey};
use super::record::{
    exam_seed, Answered, AssignmentRef, ExamRecord, Learner, LessonDone, Record, RecordBody,
    TrainerSummary, Version, MAX_TIME_MS,
};
use super::stored::Profile;
use crate::progress::Progress;
use crate::quiz::transcript::Transcript;
use crate::time::parse_iso;
use crate::trainer::session::{summarize, TrainerData};

/// The reference a record makes to an assignment.
pub fn reference(a: &Assignment) -> AssignmentRef {
    AssignmentRef {
        id: a.body.id.clone(),
        instructor: a.body.key,
    }
}

/// The finished exams of this content version that form the chain of
/// `(key, assignment)`, in attempt order. (A content update starts new
/// chains: exams of older content cannot be re-scored by a verifier of the
/// new one.)
pub fn chain<'a>(
    key: &PublicKey,
    assignment: Option<&AssignmentRef>,
    content_version: &str,
    results: &'a [Transcript],
) -> Vec<&'a Transcript> {
    let mut out = Vec::new();
    loop {
        let seed = exam_seed(key, assignment, out.len()).to_string();
        match results
            .iter()
            .find(|t| t.seed == seed && t.content_version == content_version)
        {
            Some(t) => out.push(t),
            None => return out,
        }
    }
}

/// The seeds of every exam in the chains of `key` for these assignments
/// (`None`: no assignment), which must never be dropped from the results.
pub fn chain_seeds(
    key: &PublicKey,
    assignments: &[Option<AssignmentRef>],
    content_version: &str,
    results: &[Transcript],
) -> std::collections::BTreeSet<String> {
    assignments
        .iter()
        .flat_map(|a| chain(key, a.as_ref(), content_version, results))
        .map(|t| t.seed.clone())
        .collect()
}

/// The seed of the next exam for `(key, assignment)`.
pub fn next_seed(
    key: &PublicKey,
    assignment: Option<&AssignmentRef>,
    content_version: &str,
    results: &[Transcript],
) -> u64 {
    exam_seed(
        key,
        assignment,
        chain(key, assignment, content_version, results).len(),
    )
}

/// Why a record cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComposeError {
    /// The learner has not entered a name.
    NoName,
    /// A stored exam result is damaged (a time or seed does not read).
    DamagedExam(String),
}

fn ms(text: &str) -> Option<u64> {
    parse_iso(text)
        .and_then(|v| u64::try_from(v).ok())
        .filter(|&v| v <= MAX_TIME_MS)
}

/// A finished exam in the record's form.
pub fn exam_record(t: &Transcript) -> Result<ExamRecord, ComposeError> {
    let bad = || ComposeError::DamagedExam(t.seed.clone());
    let started = ms(&t.started_at).ok_or_else(bad)?;
    let finished = ms(&t.finished_at).ok_or_else(bad)?;
    let answers = t
        .items
        .iter()
        .map(|item| match (&item.answer, &item.answered_at) {
            (Some(answer), Some(at)) => {
                let at = ms(at).ok_or_else(bad)?;
                Ok(Some(Answered {
                    after_ms: at.checked_sub(started).ok_or_else(bad)?,
                    answer: answer.clone(),
                }))
            }
            _ => Ok(None),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ExamRecord {
        blueprint: t.blueprint.id.clone(),
        pass_percent: t.blueprint.pass_percent,
        seed: t.seed.parse().map_err(|_| bad())?,
        started_at_ms: started,
        duration_ms: finished.checked_sub(started).ok_or_else(bad)?,
        answers,
        percent: t.percent,
        passed: t.passed,
    })
}

/// The best trainer session (highest score, the later on a tie) in the
/// record's form.
pub fn best_trainer(trainer: &TrainerData) -> Option<TrainerSummary> {
    let s = trainer.best()?;
    let sum = summarize(s);
    let round = |x: f64| x.round().clamp(0.0, u32::MAX as f64) as u32;
    Some(TrainerSummary {
        at_ms: u64::try_from(s.at_ms).ok()?,
        source: s.source,
        duration_ms: u64::from(s.duration_ms),
        compressions: sum.compressions,
        mean_rate_dpm: sum.rhythm.mean_rate.map(|r| round(r * 10.0)),
        rate_in_range_pct: sum.rhythm.in_range.map(|r| round(r * 100.0).min(100)),
        mean_depth_dmm: sum.mean_depth_mm.map(|d| round(d * 10.0)),
        depth_in_range_pct: sum.depth_in_range.map(|r| round(r * 100.0).min(100)),
        score: sum.score,
    })
}

/// What a record is made from.
pub struct Sources<'a> {
    pub app_version: &'a str,
    pub content_version: &'a str,
    pub profile: &'a Profile,
    pub progress: &'a Progress,
    pub results: &'a [Transcript],
    pub trainer: &'a TrainerData,
}

/// The learner's record, signed by the device key: every completed lesson,
/// every exam of the chain for `assignment` (or for none), the best trainer
/// session, issued at `now_ms`.
pub fn compose(
    src: &Sources,
    key: &KeyPair,
    assignment: Option<&Assignment>,
    now_ms: u64,
) -> Result<Record, ComposeError> {
    if !src.profile.is_complete() {
        return Err(ComposeError::NoName);
    }
    let public = key.public();
    let reference = assignment.map(reference);
    let exams = chain(
        &public,
        reference.as_ref(),
        src.content_version,
        src.results,
    )
    .into_iter()
    .map(exam_record)
    .collect::<Result<Vec<_>, _>>()?;
    let lessons: Vec<LessonDone> = src
        .progress
        .lessons
        .iter()
        .filter_map(|(id, p)| {
            Some(LessonDone {
                lesson: id.clone(),
                completed_at_ms: ms(p.completed_at.as_deref()?)?,
                time_spent_ms: p.time_to_complete_ms.map(|t| t.min(MAX_TIME_MS)),
            })
        })
        .collect();
    let p = src.profile;
    let trainer = best_trainer(src.trainer);
    // Issued no earlier than anything it records (a phone clock set back
    // after an exam must not make the record fail its time check).
    let latest = lessons
        .iter()
        .map(|l: &LessonDone| l.completed_at_ms)
        .chain(
            exams
                .iter()
                .map(|e| e.started_at_ms.saturating_add(e.duration_ms)),
        )
        .chain(trainer.iter().map(|t| t.at_ms))
        .max()
        .unwrap_or(0);
    Ok(RecordBody {
        version: Version::CURRENT,
        app_version: src.app_version.to_owned(),
        content_version: src.content_version.to_owned(),
        issued_at_ms: now_ms.max(latest).min(MAX_TIME_MS),
        learner: Learner {
            name: p.name.trim().to_owned(),
            number: p.number.clone(),
            class: p.class.clone(),
        },
        assignment: reference,
        lessons,
        exams,
        trainer,
        key: public,
    }
    .sign(key))
}

/// How far a learner is with an assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignmentProgress {
    pub lessons_done: usize,
    pub lessons_total: usize,
    /// The best percent among this assignment's exams of its blueprint
    /// (`None`: no exam required, or none taken).
    pub best_exam: Option<u32>,
    /// The exam requirement is met (true when there is none).
    pub exam_ok: bool,
    /// The best trainer score (any session).
    pub best_trainer: Option<u32>,
    /// The trainer requirement is met (true when there is none).
    pub trainer_ok: bool,
}

impl AssignmentProgress {
    /// Everything the assignment asks for is done.
    pub fn complete(&self) -> bool {
        self.lessons_done == self.lessons_total && self.exam_ok && self.trainer_ok
    }
}

/// The learner's progress on an assignment: what the verifier will check,
/// counted from the app's own data.
pub fn progress(
    a: &Assignment,
    key: &PublicKey,
    content_version: &str,
    progress: &Progress,
    results: &[Transcript],
    trainer: &TrainerData,
) -> AssignmentProgress {
    let b = &a.body;
    let lessons_done = b.lessons.iter().filter(|l| progress.is_complete(l)).count();
    let r = reference(a);
    let best_exam = b.exam.as_ref().and_then(|req| {
        chain(key, Some(&r), content_version, results)
            .into_iter()
            .filter(|t| t.blueprint.id == req.blueprint)
            .map(|t| t.percent)
            .max()
    });
    let exam_ok = b
        .exam
        .as_ref()
        .is_none_or(|req| best_exam.is_some_and(|p| p >= req.pass_percent));
    let best_trainer = trainer.best().and_then(|s| summarize(s).score);
    let trainer_ok = b
        .min_trainer_score
        .is_none_or(|min| best_trainer.is_some_and(|s| s >= min));
    AssignmentProgress {
        lessons_done,
        lessons_total: b.lessons.len(),
        best_exam,
        exam_ok,
        best_trainer,
        trainer_ok,
    }
}
