//! An example completion record, fixed to the byte: a learner who completed
//! every lesson, answered every question of a `course-rcsc` exam right and
//! trained with taps, answering an example assignment. The benchmark
//! (`cargo xtask bench`) verifies it, the tests pin its encoding, and it
//! shows what a real record holds.

use super::assignment::{Assignment, AssignmentBody, ExamRequirement};
use super::keys::KeyPair;
use super::record::{
    exam_seed, Answered, AssignmentRef, ExamRecord, Learner, LessonDone, Record, RecordBody,
    TrainerSummary, Version,
};
use crate::content::Curriculum;
use crate::quiz::exam::draw;
use crate::quiz::scoring::correct_response;
use crate::quiz::transcript::Answer;
use crate::trainer::session::Source;

/// 2026-11-30T00:53:20.000Z, the example's clock.
pub const T0: u64 = 1_796_000_000_000;

/// The example learner's device key (a fixed seed: never a real key).
pub fn learner_key() -> KeyPair {
    KeyPair::from_seed([42; 32])
}

/// The example instructor's key.
pub fn instructor_key() -> KeyPair {
    KeyPair::from_seed([9; 32])
}

/// The example assignment the example record answers: every lesson, the
/// `course-rcsc` exam at 80%, a trainer score of 70, due a week after
/// [`T0`], by the example instructor.
pub fn assignment(c: &Curriculum, content_version: &str) -> Assignment {
    AssignmentBody {
        id: "A7K2-9QX4".into(),
        class: "初二(3)班".into(),
        instructor_name: "李老师".into(),
        content_version: content_version.into(),
        created_at_ms: T0 - 86_400_000,
        due_at_ms: Some(T0 + 7 * 86_400_000),
        lessons: c.lessons.iter().map(|l| l.id.clone()).collect(),
        exam: Some(ExamRequirement {
            blueprint: "course-rcsc".into(),
            pass_percent: 80,
        }),
        min_trainer_score: Some(70),
        key: instructor_key().public(),
    }
    .sign(&instructor_key())
}

/// The example record against `content_version`.
pub fn record(c: &Curriculum, content_version: &str) -> Record {
    try_record(c, content_version).expect("the shipped content has course-rcsc")
}

fn try_record(c: &Curriculum, content_version: &str) -> Option<Record> {
    learner_record(c, content_version, &learner_key(), "王小明", "2026-0142")
}

/// A record like the example's for another learner (their device key,
/// name and number): what a class's rosters are made of in the roster
/// benchmark (`cargo xtask bench --roster`). `None` without `course-rcsc`.
pub fn learner_record(
    c: &Curriculum,
    content_version: &str,
    key: &KeyPair,
    name: &str,
    number: &str,
) -> Option<Record> {
    let bp = c.blueprint("course-rcsc")?;
    let key = key.clone();
    let assignment = AssignmentRef {
        id: "A7K2-9QX4".into(),
        instructor: instructor_key().public(),
    };
    let seed = exam_seed(&key.public(), Some(&assignment), 0);
    let exam = draw(c, content_version, bp, seed).ok()?;
    let answers = exam
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let q = c.question(&item.question)?;
            Some(Some(Answered {
                after_ms: 20_000 * (i as u64 + 1),
                answer: Answer::from(&correct_response(q)?),
            }))
        })
        .collect::<Option<Vec<_>>>()?;
    let lessons = c
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| LessonDone {
            lesson: l.id.clone(),
            completed_at_ms: T0 + 3_600_000 * i as u64,
            // Every second lesson timed (the others begun before timing).
            time_spent_ms: (i % 2 == 0).then_some(240_000 + 30_000 * i as u64),
        })
        .collect();
    Some(
        RecordBody {
            version: Version::CURRENT,
            app_version: "0.1.0".into(),
            content_version: content_version.into(),
            issued_at_ms: T0 + 86_400_000,
            learner: Learner {
                name: name.into(),
                number: Some(number.into()),
                class: Some("初二(3)班".into()),
            },
            assignment: Some(assignment),
            lessons,
            exams: vec![ExamRecord {
                blueprint: bp.id.clone(),
                pass_percent: bp.pass_percent,
                seed,
                started_at_ms: T0 + 40_000_000,
                duration_ms: 600_000,
                answers,
                percent: 100,
                passed: true,
            }],
            trainer: Some(TrainerSummary {
                at_ms: T0 + 50_000_000,
                source: Source::Taps,
                duration_ms: 120_000,
                compressions: 214,
                mean_rate_dpm: Some(1104),
                rate_in_range_pct: Some(93),
                mean_depth_dmm: None,
                depth_in_range_pct: None,
                score: Some(91),
            }),
            key: key.public(),
        }
        .sign(&key),
    )
}
