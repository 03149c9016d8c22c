//! The record's JSON file: the same fields as the canonical bytes, readable
//! (ISO 8601 UTC times with milliseconds, the seed as a decimal string,
//! keys and signature in lowercase hex). Reading rebuilds the canonical
//! bytes, so one signature covers both; a value written in any other form
//! than the one written here is refused with its field named.

use serde::{Deserialize, Serialize};

use super::*;
use crate::time::{format_iso, parse_iso};

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecordJson {
    format: String,
    version: u32,
    app_version: String,
    content_version: String,
    issued_at: String,
    learner: Learner,
    assignment: Option<AssignmentJson>,
    lessons: Vec<LessonJson>,
    exams: Vec<ExamJson>,
    trainer: Option<TrainerJson>,
    key: String,
    signature: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssignmentJson {
    id: String,
    instructor: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonJson {
    lesson: String,
    completed_at: String,
    /// Version 2 only; absent when not measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    time_spent_ms: Option<u64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExamJson {
    blueprint: String,
    pass_percent: u32,
    seed: String,
    started_at: String,
    finished_at: String,
    answers: Vec<Option<AnsweredJson>>,
    percent: u32,
    passed: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnsweredJson {
    answer: Answer,
    answered_at: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrainerJson {
    at: String,
    source: Source,
    duration_ms: u64,
    compressions: u32,
    mean_rate_dpm: Option<u32>,
    rate_in_range_pct: Option<u32>,
    mean_depth_dmm: Option<u32>,
    depth_in_range_pct: Option<u32>,
    score: Option<u32>,
}

fn unhex<const N: usize>(field: &str, s: &str) -> Result<[u8; N], RecordError> {
    super::unhex(s).ok_or_else(|| RecordError::Field {
        field: field.to_owned(),
        problem: format!("expected {} lowercase hexadecimal digits", 2 * N),
    })
}

fn iso(ms: u64) -> String {
    format_iso(ms.min(i64::MAX as u64) as i64)
}

/// A time in exactly the form [`format_iso`] writes.
fn time(field: &str, s: &str) -> Result<u64, RecordError> {
    let bad = || RecordError::Field {
        field: field.to_owned(),
        problem: "expected a UTC time written as YYYY-MM-DDTHH:MM:SS.sssZ".to_owned(),
    };
    let ms = parse_iso(s).ok_or_else(bad)?;
    if ms < 0 || format_iso(ms) != s {
        return Err(bad());
    }
    Ok(ms as u64)
}

impl From<&Record> for RecordJson {
    fn from(r: &Record) -> Self {
        let b = &r.body;
        RecordJson {
            format: FORMAT.to_owned(),
            version: b.version.number(),
            app_version: b.app_version.clone(),
            content_version: b.content_version.clone(),
            issued_at: iso(b.issued_at_ms),
            learner: b.learner.clone(),
            assignment: b.assignment.as_ref().map(|a| AssignmentJson {
                id: a.id.clone(),
                instructor: hex(&a.instructor.0),
            }),
            lessons: b
                .lessons
                .iter()
                .map(|l| LessonJson {
                    lesson: l.lesson.clone(),
                    completed_at: iso(l.completed_at_ms),
                    time_spent_ms: l.time_spent_ms,
                })
                .collect(),
            exams: b
                .exams
                .iter()
                .map(|e| ExamJson {
                    blueprint: e.blueprint.clone(),
                    pass_percent: e.pass_percent,
                    seed: e.seed.to_string(),
                    started_at: iso(e.started_at_ms),
                    finished_at: iso(e.started_at_ms.saturating_add(e.duration_ms)),
                    answers: e
                        .answers
                        .iter()
                        .map(|a| {
                            a.as_ref().map(|a| AnsweredJson {
                                answer: a.answer.clone(),
                                answered_at: iso(e.started_at_ms.saturating_add(a.after_ms)),
                            })
                        })
                        .collect(),
                    percent: e.percent,
                    passed: e.passed,
                })
                .collect(),
            trainer: b.trainer.as_ref().map(|t| TrainerJson {
                at: iso(t.at_ms),
                source: t.source,
                duration_ms: t.duration_ms,
                compressions: t.compressions,
                mean_rate_dpm: t.mean_rate_dpm,
                rate_in_range_pct: t.rate_in_range_pct,
                mean_depth_dmm: t.mean_depth_dmm,
                depth_in_range_pct: t.depth_in_range_pct,
                score: t.score,
            }),
            key: hex(&b.key.0),
            signature: hex(&r.signature),
        }
    }
}

impl TryFrom<RecordJson> for Record {
    type Error = RecordError;

    fn try_from(j: RecordJson) -> Result<Record, RecordError> {
        let version = Version::from_number(j.version)
            .filter(|_| j.format == FORMAT)
            .ok_or(RecordError::Format {
                format: j.format,
                version: j.version,
            })?;
        let mut exams = Vec::with_capacity(j.exams.len());
        for (n, e) in j.exams.into_iter().enumerate() {
            let field = |f: &str| format!("exams[{n}].{f}");
            let started = time(&field("started_at"), &e.started_at)?;
            let finished = time(&field("finished_at"), &e.finished_at)?;
            let duration_ms = finished.checked_sub(started).ok_or(RecordError::Field {
                field: field("finished_at"),
                problem: "before started_at".to_owned(),
            })?;
            let seed: u64 = e
                .seed
                .parse()
                .ok()
                .filter(|s: &u64| s.to_string() == e.seed)
                .ok_or(RecordError::Field {
                    field: field("seed"),
                    problem: "expected a decimal number without leading zeros".to_owned(),
                })?;
            let mut answers = Vec::with_capacity(e.answers.len());
            for (i, a) in e.answers.into_iter().enumerate() {
                answers.push(match a {
                    None => None,
                    Some(a) => {
                        let f = field(&format!("answers[{i}].answered_at"));
                        let at = time(&f, &a.answered_at)?;
                        Some(Answered {
                            after_ms: at.checked_sub(started).ok_or(RecordError::Field {
                                field: f,
                                problem: "before started_at".to_owned(),
                            })?,
                            answer: a.answer,
                        })
                    }
                });
            }
            for (name, v) in [("pass_percent", e.pass_percent), ("percent", e.percent)] {
                if v > 100 {
                    return Err(RecordError::Field {
                        field: field(name),
                        problem: "more than 100".to_owned(),
                    });
                }
            }
            exams.push(ExamRecord {
                blueprint: e.blueprint,
                pass_percent: e.pass_percent,
                seed,
                started_at_ms: started,
                duration_ms,
                answers,
                percent: e.percent,
                passed: e.passed,
            });
        }
        let mut lessons = Vec::with_capacity(j.lessons.len());
        for (n, l) in j.lessons.into_iter().enumerate() {
            let field = |f: &str| format!("lessons[{n}].{f}");
            let time_spent_ms = match (version, l.time_spent_ms) {
                (Version::V1, Some(_)) => {
                    return Err(RecordError::Field {
                        field: field("time_spent_ms"),
                        problem: "not in a version 1 record".to_owned(),
                    })
                }
                (_, Some(t)) if t > MAX_TIME_MS => {
                    return Err(RecordError::Field {
                        field: field("time_spent_ms"),
                        problem: "too large".to_owned(),
                    })
                }
                (_, t) => t,
            };
            lessons.push(LessonDone {
                completed_at_ms: time(&field("completed_at"), &l.completed_at)?,
                lesson: l.lesson,
                time_spent_ms,
            });
        }
        let trainer = match j.trainer {
            None => None,
            Some(t) => {
                for (name, v) in [
                    ("rate_in_range_pct", t.rate_in_range_pct),
                    ("depth_in_range_pct", t.depth_in_range_pct),
                    ("score", t.score),
                ] {
                    if v.is_some_and(|v| v > 100) {
                        return Err(RecordError::Field {
                            field: format!("trainer.{name}"),
                            problem: "more than 100".to_owned(),
                        });
                    }
                }
                Some(TrainerSummary {
                    at_ms: time("trainer.at", &t.at)?,
                    source: t.source,
                    duration_ms: t.duration_ms,
                    compressions: t.compressions,
                    mean_rate_dpm: t.mean_rate_dpm,
                    rate_in_range_pct: t.rate_in_range_pct,
                    mean_depth_dmm: t.mean_depth_dmm,
                    depth_in_range_pct: t.depth_in_range_pct,
                    score: t.score,
                })
            }
        };
        let assignment = match j.assignment {
            None => None,
            Some(a) => Some(AssignmentRef {
                instructor: PublicKey(unhex("assignment.instructor", &a.instructor)?),
                id: a.id,
            }),
        };
        Ok(Record {
            body: RecordBody {
                version,
                app_version: j.app_version,
                content_version: j.content_version,
                issued_at_ms: time("issued_at", &j.issued_at)?,
                learner: j.learner,
                assignment,
                lessons,
                exams,
                trainer,
                key: PublicKey(unhex("key", &j.key)?),
            },
            signature: unhex("signature", &j.signature)?,
        })
    }
}
