//! The instructor's verification of a completion record: the same code in
//! the app's verifier and in `firstaid verify`.
//!
//! Checks, in order (each with a reason when it fails):
//! 1. **Signature** — the record's bytes are signed by the key it carries.
//!    If not, nothing else it says can be trusted and no other check runs.
//! 2. **Content version** — the learner's content is the verifier's;
//!    otherwise exams cannot be re-scored.
//! 3. **Exams** — each exam is drawn again from (content version,
//!    blueprint, seed), every answer re-scored, the time rules applied
//!    (`crate::quiz::transcript`), and the claimed percent and pass must be
//!    what the answers earn. Scores are recomputed, never trusted.
//! 4. With the instructor's assignment: **assignment** (the record answers
//!    this assignment, by its id and this instructor's key), **lessons**
//!    (every required lesson completed), **exam** (a re-scored exam of the
//!    required blueprint at or above the pass mark), **trainer** (a session
//!    score at or above the minimum) and **due date** (issued by then).
//!
//! What this cannot prove: who held the phone. A record is bound to one
//! device key; the practical exam remains the real test of skill.

use std::fmt;

use super::assignment::Assignment;
use super::record::{exam_seed, Record};
use crate::content::Curriculum;
use crate::quiz::exam::draw;
use crate::quiz::scoring::{score, Response};
use crate::quiz::transcript::{answer_time, Rejection, Score};

/// What is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    Signature,
    /// Lessons, exams and the trainer session come before the issue time.
    Times,
    ContentVersion,
    /// Exam n (1-based) of the record.
    Exam(usize),
    Assignment,
    Lessons,
    RequiredExam,
    Trainer,
    DueDate,
}

impl Check {
    /// A requirement of the assignment the record is checked against.
    pub fn is_requirement(&self) -> bool {
        matches!(
            self,
            Check::Lessons | Check::RequiredExam | Check::Trainer | Check::DueDate
        )
    }
}

/// Why a check failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Signature,
    ContentVersion {
        record: String,
        ours: String,
    },
    /// The exam names a blueprint this content does not ship.
    UnknownBlueprint(String),
    /// The exam's seed is not the one this device's key gives for it: it
    /// was copied from another learner's record, or made up.
    Seed,
    /// A time is after the record was issued (lessons, exams and trainer
    /// sessions come before it).
    AfterIssue,
    /// The assignment given to check against is not validly signed.
    AssignmentSignature,
    /// The exam's answers do not check out (the transcript rules).
    Rescore(Rejection),
    /// The claimed score is not what the answers earn.
    Claim {
        claimed_percent: u32,
        actual_percent: u32,
        claimed_passed: bool,
        actual_passed: bool,
    },
    /// The record answers no assignment, or another one (its id).
    OtherAssignment(Option<String>),
    /// The record answers an assignment with this id by another instructor.
    OtherInstructor,
    MissingLessons(Vec<String>),
    /// No exam of the blueprint re-scored at or above the pass mark (the
    /// best re-scored percent, if any).
    NoPassingExam {
        blueprint: String,
        pass_percent: u32,
        best: Option<u32>,
    },
    TrainerMissing {
        min: u32,
    },
    TrainerBelow {
        min: u32,
        score: u32,
    },
    Late {
        due_at_ms: u64,
        issued_at_ms: u64,
    },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Signature => write!(f, "the signature does not match: the record was changed"),
            Failure::ContentVersion { record, ours } => write!(
                f,
                "cannot re-score: learner uses content version {record}, this verifier {ours}"
            ),
            Failure::UnknownBlueprint(b) => write!(f, "unknown exam blueprint {b:?}"),
            Failure::Seed => write!(
                f,
                "the exam was not drawn for this device (copied from another record?)"
            ),
            Failure::AfterIssue => write!(f, "it records something after the time it was issued"),
            Failure::AssignmentSignature => {
                write!(f, "the assignment's own signature does not match")
            }
            Failure::Rescore(r) => write!(f, "{r}"),
            Failure::Claim {
                claimed_percent,
                actual_percent,
                claimed_passed,
                actual_passed,
            } => write!(
                f,
                "claims {claimed_percent}% ({}), the answers earn {actual_percent}% ({})",
                if *claimed_passed {
                    "passed"
                } else {
                    "not passed"
                },
                if *actual_passed {
                    "passed"
                } else {
                    "not passed"
                }
            ),
            Failure::OtherAssignment(None) => write!(f, "answers no assignment"),
            Failure::OtherAssignment(Some(id)) => write!(f, "answers another assignment ({id})"),
            Failure::OtherInstructor => write!(f, "answers an assignment of another instructor"),
            Failure::MissingLessons(l) => write!(f, "lessons not completed: {}", l.join(", ")),
            Failure::NoPassingExam {
                blueprint,
                pass_percent,
                best,
            } => match best {
                Some(b) => write!(
                    f,
                    "best {blueprint} exam {b}%, below the pass mark {pass_percent}%"
                ),
                None => write!(f, "no {blueprint} exam taken"),
            },
            Failure::TrainerMissing { min } => {
                write!(f, "no trainer session (a score of {min} is required)")
            }
            Failure::TrainerBelow { min, score } => {
                write!(f, "trainer score {score}, below the required {min}")
            }
            Failure::Late { .. } => write!(f, "issued after the due date"),
        }
    }
}

/// One check and its result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub check: Check,
    pub result: Result<(), Failure>,
}

/// Every check run on a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub outcomes: Vec<Outcome>,
    /// The re-scored percent of each exam (`None` where it could not be).
    pub exam_percents: Vec<Option<u32>>,
}

impl Verdict {
    pub fn ok(&self) -> bool {
        self.outcomes.iter().all(|o| o.result.is_ok())
    }

    /// Each exam of `record` as "blueprint percent%" with its re-scored
    /// percent ("blueprint ?" where it could not be re-scored), in the
    /// record's order: the exams column of `firstaid verify` and the
    /// roster's CSV file.
    pub fn exam_summaries(&self, record: &Record) -> Vec<String> {
        exam_summaries(record, &self.exam_percents)
    }

    /// The checks that failed, and why. A record that answers another
    /// assignment, or another instructor's, fails on that alone: what
    /// this assignment requires (its lessons, exam, trainer score and due
    /// date) is not listed, since the record was never meant to meet it
    /// (an instructor reading "no exam of this assignment" under "another
    /// assignment" looks for two problems where there is one).
    pub fn failures(&self) -> impl Iterator<Item = (&Check, &Failure)> {
        let elsewhere = self.outcomes.iter().any(|o| {
            matches!(
                o.result,
                Err(Failure::OtherAssignment(Some(_)) | Failure::OtherInstructor)
            )
        });
        self.outcomes
            .iter()
            .filter(move |o| !(elsewhere && o.check.is_requirement()))
            .filter_map(|o| o.result.as_ref().err().map(|e| (&o.check, e)))
    }
}

/// Each exam of `record` as "blueprint percent%" with its re-scored
/// percent from `percents` ("blueprint ?" where it could not be
/// re-scored), in the record's order.
pub fn exam_summaries(record: &Record, percents: &[Option<u32>]) -> Vec<String> {
    record
        .body
        .exams
        .iter()
        .zip(percents.iter().chain(std::iter::repeat(&None)))
        .map(|(e, p)| match p {
            Some(p) => format!("{} {p}%", e.blueprint),
            None => format!("{} ?", e.blueprint),
        })
        .collect()
}

/// Re-scores one exam of a record: its percent and pass, or why not.
fn rescore_exam(
    c: &Curriculum,
    content_version: &str,
    record: &Record,
    attempt: usize,
) -> Result<(u32, bool), Failure> {
    let exam = &record.body.exams[attempt];
    let b = &record.body;
    if exam.seed != exam_seed(&b.key, b.assignment.as_ref(), attempt) {
        return Err(Failure::Seed);
    }
    let bp = c
        .blueprint(&exam.blueprint)
        .ok_or_else(|| Failure::UnknownBlueprint(exam.blueprint.clone()))?;
    if exam.pass_percent != bp.pass_percent {
        return Err(Failure::Rescore(Rejection::BlueprintChanged(
            exam.blueprint.clone(),
        )));
    }
    let items = draw(c, content_version, bp, exam.seed)
        .map_err(|e| Failure::Rescore(Rejection::Blueprint(e)))?;
    if items.len() != exam.answers.len() {
        return Err(Failure::Rescore(Rejection::QuestionCount {
            expected: items.len(),
            found: exam.answers.len(),
        }));
    }
    // The transcript's rules, applied to the record's fields directly:
    // times within the exam and its limit, every answer scored.
    let to_ms = |x: u64| x.min(i64::MAX as u64) as i64;
    let started = to_ms(exam.started_at_ms);
    let finished = started.saturating_add(to_ms(exam.duration_ms));
    let limit_ms = bp.time_limit_minutes.map(|m| i64::from(m) * 60_000);
    let mut points = Vec::with_capacity(items.len());
    for (i, (item, answer)) in items.iter().zip(&exam.answers).enumerate() {
        let Some(a) = answer else {
            points.push(0);
            continue;
        };
        let at = started.saturating_add(to_ms(a.after_ms));
        answer_time(i + 1, at, started, finished, limit_ms)
            .map_err(|t| Failure::Rescore(Rejection::Time(t)))?;
        let q = c
            .question(&item.question)
            .expect("drawn from the curriculum");
        points.push(
            score(q, &Response::from(&a.answer))
                .map_err(|error| Failure::Rescore(Rejection::Answer { item: i + 1, error }))?,
        );
    }
    let score = Score::of(&points, bp.pass_percent);
    if score.percent != exam.percent || score.passed != exam.passed {
        return Err(Failure::Claim {
            claimed_percent: exam.percent,
            actual_percent: score.percent,
            claimed_passed: exam.passed,
            actual_passed: score.passed,
        });
    }
    Ok((score.percent, score.passed))
}

/// Verifies a record against this content and, optionally, the
/// instructor's own assignment.
pub fn verify(
    record: &Record,
    c: &Curriculum,
    content_version: &str,
    assignment: Option<&Assignment>,
) -> Verdict {
    let mut outcomes = Vec::new();
    let mut exam_percents = Vec::new();
    let signed = record.verify_signature().map_err(|_| Failure::Signature);
    let trusted = signed.is_ok();
    outcomes.push(Outcome {
        check: Check::Signature,
        result: signed,
    });
    if !trusted {
        return Verdict {
            outcomes,
            exam_percents,
        };
    }
    let b = &record.body;
    let same_content = b.content_version == content_version;
    outcomes.push(Outcome {
        check: Check::ContentVersion,
        result: if same_content {
            Ok(())
        } else {
            Err(Failure::ContentVersion {
                record: b.content_version.clone(),
                ours: content_version.to_owned(),
            })
        },
    });
    let issued = b.issued_at_ms;
    let in_time = b.lessons.iter().all(|l| l.completed_at_ms <= issued)
        && b.exams
            .iter()
            .all(|e| e.started_at_ms.saturating_add(e.duration_ms) <= issued)
        && b.trainer.as_ref().is_none_or(|t| t.at_ms <= issued);
    outcomes.push(Outcome {
        check: Check::Times,
        result: if in_time {
            Ok(())
        } else {
            Err(Failure::AfterIssue)
        },
    });
    for (i, _) in b.exams.iter().enumerate() {
        let result = if same_content {
            rescore_exam(c, content_version, record, i)
        } else {
            Err(Failure::ContentVersion {
                record: b.content_version.clone(),
                ours: content_version.to_owned(),
            })
        };
        exam_percents.push(result.as_ref().ok().map(|r| r.0));
        outcomes.push(Outcome {
            check: Check::Exam(i + 1),
            result: result.map(|_| ()),
        });
    }
    if let Some(signed) = assignment {
        let a = &signed.body;
        outcomes.push(Outcome {
            check: Check::Assignment,
            result: match &b.assignment {
                _ if signed.verify_signature().is_err() => Err(Failure::AssignmentSignature),
                Some(r) if r.id == a.id && r.instructor == a.key => Ok(()),
                Some(r) if r.id == a.id => Err(Failure::OtherInstructor),
                Some(r) => Err(Failure::OtherAssignment(Some(r.id.clone()))),
                None => Err(Failure::OtherAssignment(None)),
            },
        });
        let missing: Vec<String> = a
            .lessons
            .iter()
            .filter(|l| !b.lessons.iter().any(|d| &d.lesson == *l))
            .cloned()
            .collect();
        outcomes.push(Outcome {
            check: Check::Lessons,
            result: if missing.is_empty() {
                Ok(())
            } else {
                Err(Failure::MissingLessons(missing))
            },
        });
        if let Some(req) = &a.exam {
            let best = b
                .exams
                .iter()
                .zip(&exam_percents)
                .filter(|(e, _)| e.blueprint == req.blueprint)
                .filter_map(|(_, p)| *p)
                .max();
            outcomes.push(Outcome {
                check: Check::RequiredExam,
                result: match best {
                    Some(p) if p >= req.pass_percent => Ok(()),
                    best => Err(Failure::NoPassingExam {
                        blueprint: req.blueprint.clone(),
                        pass_percent: req.pass_percent,
                        best,
                    }),
                },
            });
        }
        if let Some(min) = a.min_trainer_score {
            outcomes.push(Outcome {
                check: Check::Trainer,
                result: match b.trainer.as_ref().and_then(|t| t.score) {
                    Some(s) if s >= min => Ok(()),
                    Some(score) => Err(Failure::TrainerBelow { min, score }),
                    None => Err(Failure::TrainerMissing { min }),
                },
            });
        }
        if let Some(due) = a.due_at_ms {
            outcomes.push(Outcome {
                check: Check::DueDate,
                result: if b.issued_at_ms <= due {
                    Ok(())
                } else {
                    Err(Failure::Late {
                        due_at_ms: due,
                        issued_at_ms: b.issued_at_ms,
                    })
                },
            });
        }
    }
    Verdict {
        outcomes,
        exam_percents,
    }
}

/// Without the assignment itself, only who issued it can be checked: the
/// record must answer an assignment of the instructor with this key.
pub fn instructor_check(record: &Record, instructor: &super::keys::PublicKey) -> Outcome {
    Outcome {
        check: Check::Assignment,
        result: match &record.body.assignment {
            Some(a) if a.instructor == *instructor => Ok(()),
            Some(_) => Err(Failure::OtherInstructor),
            None => Err(Failure::OtherAssignment(None)),
        },
    }
}
