//! Exam transcripts: what a learner was asked, what they answered and when,
//! and the score — the wire format an instructor re-scores.
//!
//! ## Format (`firstaid-transcript`, version 1)
//!
//! ```json
//! {
//!   "format": "firstaid-transcript",
//!   "version": 1,
//!   "content_version": "sha256:0123456789abcdef",
//!   "blueprint": { …the whole blueprint, see `blueprint`… },
//!   "seed": "12345",
//!   "started_at": "2026-11-29T05:00:00.000Z",
//!   "finished_at": "2026-11-29T05:12:31.250Z",
//!   "items": [
//!     { "question": "adult-cpr.rate", "options": ["b", "a", "c"],
//!       "answer": { "choices": ["a"] }, "answered_at": "2026-11-29T05:00:40.000Z",
//!       "points": 1000 },
//!     { "question": "aed.pads-hotspot", "options": [],
//!       "answer": null, "answered_at": null, "points": 0 }
//!   ],
//!   "points": 1000,
//!   "max_points": 2000,
//!   "percent": 50,
//!   "passed": false
//! }
//! ```
//!
//! - `seed`: a decimal string (a JSON number cannot carry every 64-bit value
//!   exactly in JavaScript).
//! - `items`: the exam's questions in the order asked, each with the option
//!   ids in the order shown (as [`super::exam::draw`] gives them), the answer
//!   — `{"choices": [ids]}` (single and multiple choice), `{"true_false": b}`,
//!   `{"order": [ids]}`, `{"region": id}`, or `null` when unanswered — the
//!   time it was last changed, and its points out of 1000
//!   ([`super::scoring`]).
//! - `points` is the sum, `max_points` 1000 × items, `percent` the floor of
//!   `points × 100 / max_points`, `passed` whether
//!   `points × 100 ≥ pass_percent × max_points`.
//! - Times are UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`.
//!
//! ## Re-scoring
//!
//! [`rescore`] recomputes everything from the content: it draws the exam
//! again from (content version, blueprint, seed), requires the items to be
//! exactly those questions with those option orders, scores every answer,
//! and requires every claimed figure to match. A blueprint named like one
//! shipped with the content must be that blueprint exactly (so a pass mark
//! cannot be lowered in the file). The first disagreement is the
//! [`Rejection`].

use std::fmt;

use serde::{Deserialize, Serialize};

use super::exam::{draw, ExamItem};
use super::scoring::{score, Response, ResponseError, FULL};
use crate::content::blueprint::{Blueprint, BlueprintError};
use crate::content::Curriculum;
use crate::time::{format_iso, parse_iso};

pub const FORMAT: &str = "firstaid-transcript";
pub const VERSION: u32 = 1;

/// An exam transcript (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transcript {
    pub format: String,
    pub version: u32,
    pub content_version: String,
    pub blueprint: Blueprint,
    pub seed: String,
    pub started_at: String,
    pub finished_at: String,
    pub items: Vec<Item>,
    pub points: u32,
    pub max_points: u32,
    pub percent: u32,
    pub passed: bool,
}

/// One question of a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub question: String,
    pub options: Vec<String>,
    pub answer: Option<Answer>,
    pub answered_at: Option<String>,
    pub points: u32,
}

/// An answer as written in a transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    Choices(Vec<String>),
    TrueFalse(bool),
    Order(Vec<String>),
    Region(String),
}

impl From<&Response> for Answer {
    fn from(r: &Response) -> Self {
        match r {
            Response::Choices(v) => Answer::Choices(v.clone()),
            Response::TrueFalse(b) => Answer::TrueFalse(*b),
            Response::Order(v) => Answer::Order(v.clone()),
            Response::Region(id) => Answer::Region(id.clone()),
        }
    }
}

impl From<&Answer> for Response {
    fn from(a: &Answer) -> Self {
        match a {
            Answer::Choices(v) => Response::Choices(v.clone()),
            Answer::TrueFalse(b) => Response::TrueFalse(*b),
            Answer::Order(v) => Response::Order(v.clone()),
            Answer::Region(id) => Response::Region(id.clone()),
        }
    }
}

/// The figures of a scored exam.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub points: u32,
    pub max_points: u32,
    pub percent: u32,
    pub passed: bool,
}

impl Score {
    /// The figures for these item points under a pass mark.
    pub fn of(item_points: &[u32], pass_percent: u32) -> Score {
        let points: u32 = item_points.iter().sum();
        let max_points = FULL * item_points.len() as u32;
        let percent = (u64::from(points) * 100)
            .checked_div(u64::from(max_points))
            .unwrap_or(0) as u32;
        Score {
            points,
            max_points,
            percent,
            passed: max_points > 0
                && u64::from(points) * 100 >= u64::from(pass_percent) * u64::from(max_points),
        }
    }
}

/// Which time in a transcript is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeProblem {
    /// A time that is not `YYYY-MM-DDTHH:MM:SS(.sss)Z` (the field named).
    Unreadable(String),
    FinishedBeforeStart,
    /// Item (1-based) answered before the exam started or after it finished.
    OutsideExam(usize),
    /// Item (1-based) answered after the time limit.
    AfterTimeLimit(usize),
    /// Item (1-based) has an answer without a time, or a time without one.
    AnswerWithoutTime(usize),
}

/// Why a transcript does not check out. Items are numbered from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Not JSON, or not shaped like a transcript.
    Malformed(String),
    /// Not a transcript of a version this build reads.
    Format {
        format: String,
        version: u32,
    },
    /// Written against content this verifier does not have.
    ContentVersion {
        transcript: String,
        ours: String,
    },
    Seed(String),
    Blueprint(BlueprintError),
    /// The blueprint has the id of a blueprint shipped with the content but
    /// differs from it (a changed pass mark, time limit or sections).
    BlueprintChanged(String),
    /// The seed and blueprint give another number of questions.
    QuestionCount {
        expected: usize,
        found: usize,
    },
    /// The seed and blueprint give another question here.
    Question {
        item: usize,
        expected: String,
        found: String,
    },
    /// The answers were not shown in the order the seed gives.
    Options {
        item: usize,
    },
    /// The answer does not fit its question.
    Answer {
        item: usize,
        error: ResponseError,
    },
    /// The item's claimed points are not what its answer earns.
    ItemPoints {
        item: usize,
        claimed: u32,
        actual: u32,
    },
    Points {
        claimed: u32,
        actual: u32,
    },
    MaxPoints {
        claimed: u32,
        actual: u32,
    },
    Percent {
        claimed: u32,
        actual: u32,
    },
    Passed {
        claimed: bool,
        actual: bool,
    },
    Time(TimeProblem),
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Malformed(e) => write!(f, "not a readable transcript: {e}"),
            Rejection::Format { format, version } => write!(
                f,
                "not a {FORMAT} version {VERSION} document (format {format:?}, version {version})"
            ),
            Rejection::ContentVersion { transcript, ours } => write!(
                f,
                "cannot re-score: the learner used content version {transcript}, this verifier has {ours}"
            ),
            Rejection::Seed(s) => write!(f, "seed {s:?} is not a number from 0 to 2^64 − 1"),
            Rejection::Blueprint(e) => write!(f, "the blueprint is not valid: {e}"),
            Rejection::BlueprintChanged(id) => write!(
                f,
                "the blueprint is named {id:?} but differs from the {id:?} shipped with this content"
            ),
            Rejection::QuestionCount { expected, found } => write!(
                f,
                "the seed and blueprint give {expected} questions, the transcript has {found}"
            ),
            Rejection::Question {
                item,
                expected,
                found,
            } => write!(
                f,
                "question {item} is {found:?}, but the seed and blueprint give {expected:?}"
            ),
            Rejection::Options { item } => write!(
                f,
                "question {item}: the answers were not shown in the order the seed gives"
            ),
            Rejection::Answer { item, error } => {
                write!(f, "question {item}: the answer does not fit the question ({error:?})")
            }
            Rejection::ItemPoints {
                item,
                claimed,
                actual,
            } => write!(
                f,
                "question {item}: claims {claimed} points, the answer earns {actual}"
            ),
            Rejection::Points { claimed, actual } => {
                write!(f, "claims {claimed} points in all, the answers earn {actual}")
            }
            Rejection::MaxPoints { claimed, actual } => {
                write!(f, "claims a maximum of {claimed} points, it is {actual}")
            }
            Rejection::Percent { claimed, actual } => {
                write!(f, "claims {claimed}%, the answers earn {actual}%")
            }
            Rejection::Passed { claimed, actual } => write!(
                f,
                "claims {}, the score {}",
                if *claimed { "a pass" } else { "a fail" },
                if *actual { "passes" } else { "fails" }
            ),
            Rejection::Time(t) => match t {
                TimeProblem::Unreadable(field) => write!(f, "{field} is not a UTC time"),
                TimeProblem::FinishedBeforeStart => write!(f, "finished before it started"),
                TimeProblem::OutsideExam(i) => {
                    write!(f, "question {i} was answered outside the exam's times")
                }
                TimeProblem::AfterTimeLimit(i) => {
                    write!(f, "question {i} was answered after the time limit")
                }
                TimeProblem::AnswerWithoutTime(i) => {
                    write!(f, "question {i} has an answer without a time or a time without an answer")
                }
            },
        }
    }
}

impl std::error::Error for Rejection {}

/// One answer given during an exam, in milliseconds since the epoch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub response: Response,
    pub at_ms: i64,
}

/// Builds the transcript of a finished exam: `answers[i]` answers
/// `exam[i]`. An answer that does not fit its question is an error (the
/// app never produces one).
#[allow(clippy::too_many_arguments)]
pub fn build(
    c: &Curriculum,
    content_version: &str,
    blueprint: &Blueprint,
    seed: u64,
    exam: &[ExamItem],
    answers: &[Option<Given>],
    started_ms: i64,
    finished_ms: i64,
) -> Result<Transcript, Rejection> {
    let mut items = Vec::with_capacity(exam.len());
    for (i, e) in exam.iter().enumerate() {
        let q = c
            .questions
            .iter()
            .find(|q| q.id == e.question)
            .ok_or_else(|| Rejection::Malformed(format!("unknown question {:?}", e.question)))?;
        let given = answers.get(i).cloned().flatten();
        let points = match &given {
            Some(g) => {
                score(q, &g.response).map_err(|error| Rejection::Answer { item: i + 1, error })?
            }
            None => 0,
        };
        items.push(Item {
            question: e.question.clone(),
            options: e.options.clone(),
            answer: given.as_ref().map(|g| Answer::from(&g.response)),
            answered_at: given.as_ref().map(|g| format_iso(g.at_ms)),
            points,
        });
    }
    let s = Score::of(
        &items.iter().map(|i| i.points).collect::<Vec<_>>(),
        blueprint.pass_percent,
    );
    Ok(Transcript {
        format: FORMAT.into(),
        version: VERSION,
        content_version: content_version.into(),
        blueprint: blueprint.clone(),
        seed: seed.to_string(),
        started_at: format_iso(started_ms),
        finished_at: format_iso(finished_ms),
        items,
        points: s.points,
        max_points: s.max_points,
        percent: s.percent,
        passed: s.passed,
    })
}

/// Parses transcript JSON, then [`rescore`]s it.
pub fn rescore_json(c: &Curriculum, content_version: &str, text: &str) -> Result<Score, Rejection> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| Rejection::Malformed(e.to_string()))?;
    // Report a foreign format or version before any shape error.
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if format != FORMAT || version != u64::from(VERSION) {
        return Err(Rejection::Format {
            format: format.into(),
            version: version.min(u64::from(u32::MAX)) as u32,
        });
    }
    let t: Transcript =
        serde_json::from_value(value).map_err(|e| Rejection::Malformed(e.to_string()))?;
    rescore(c, content_version, &t)
}

/// Re-scores a transcript from the content (see the module documentation).
/// The time rules for the answer to item `n` (1-based), given at `at` in an
/// exam from `started` to `finished` (ms) with an optional limit: within
/// the exam, and within the limit.
pub fn answer_time(
    n: usize,
    at: i64,
    started: i64,
    finished: i64,
    limit_ms: Option<i64>,
) -> Result<(), TimeProblem> {
    if at < started || at > finished {
        return Err(TimeProblem::OutsideExam(n));
    }
    if limit_ms.is_some_and(|l| at - started > l) {
        return Err(TimeProblem::AfterTimeLimit(n));
    }
    Ok(())
}

pub fn rescore(c: &Curriculum, content_version: &str, t: &Transcript) -> Result<Score, Rejection> {
    if t.format != FORMAT || t.version != VERSION {
        return Err(Rejection::Format {
            format: t.format.clone(),
            version: t.version,
        });
    }
    if t.content_version != content_version {
        return Err(Rejection::ContentVersion {
            transcript: t.content_version.clone(),
            ours: content_version.into(),
        });
    }
    if c.blueprint(&t.blueprint.id)
        .is_some_and(|shipped| *shipped != t.blueprint)
    {
        return Err(Rejection::BlueprintChanged(t.blueprint.id.clone()));
    }
    let seed = parse_seed(&t.seed).ok_or_else(|| Rejection::Seed(t.seed.clone()))?;
    let exam = draw(c, content_version, &t.blueprint, seed).map_err(Rejection::Blueprint)?;
    if exam.len() != t.items.len() {
        return Err(Rejection::QuestionCount {
            expected: exam.len(),
            found: t.items.len(),
        });
    }
    let time = |field: &str, s: &str| {
        parse_iso(s).ok_or_else(|| Rejection::Time(TimeProblem::Unreadable(field.into())))
    };
    let started = time("started_at", &t.started_at)?;
    let finished = time("finished_at", &t.finished_at)?;
    if finished < started {
        return Err(Rejection::Time(TimeProblem::FinishedBeforeStart));
    }
    let limit_ms = t
        .blueprint
        .time_limit_minutes
        .map(|m| i64::from(m) * 60_000);
    let mut points = Vec::with_capacity(exam.len());
    for (i, (e, item)) in exam.iter().zip(&t.items).enumerate() {
        let n = i + 1;
        if e.question != item.question {
            return Err(Rejection::Question {
                item: n,
                expected: e.question.clone(),
                found: item.question.clone(),
            });
        }
        if e.options != item.options {
            return Err(Rejection::Options { item: n });
        }
        let q = c
            .questions
            .iter()
            .find(|q| q.id == e.question)
            .expect("drawn from the curriculum");
        let actual = match (&item.answer, &item.answered_at) {
            (None, None) => 0,
            (Some(a), Some(at)) => {
                let at = time(&format!("items[{i}].answered_at"), at)?;
                answer_time(n, at, started, finished, limit_ms).map_err(Rejection::Time)?;
                score(q, &Response::from(a))
                    .map_err(|error| Rejection::Answer { item: n, error })?
            }
            _ => return Err(Rejection::Time(TimeProblem::AnswerWithoutTime(n))),
        };
        if item.points != actual {
            return Err(Rejection::ItemPoints {
                item: n,
                claimed: item.points,
                actual,
            });
        }
        points.push(actual);
    }
    let s = Score::of(&points, t.blueprint.pass_percent);
    if t.points != s.points {
        return Err(Rejection::Points {
            claimed: t.points,
            actual: s.points,
        });
    }
    if t.max_points != s.max_points {
        return Err(Rejection::MaxPoints {
            claimed: t.max_points,
            actual: s.max_points,
        });
    }
    if t.percent != s.percent {
        return Err(Rejection::Percent {
            claimed: t.percent,
            actual: s.percent,
        });
    }
    if t.passed != s.passed {
        return Err(Rejection::Passed {
            claimed: t.passed,
            actual: s.passed,
        });
    }
    Ok(s)
}

/// A seed as written in a transcript: decimal digits only, no sign, no
/// leading zeros (except `0` itself), at most 2^64 − 1.
pub fn parse_seed(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}
