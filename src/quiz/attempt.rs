//! What the app keeps of the quiz between visits: the Leitner schedule, the
//! exam and the practice session in progress, and finished exams'
//! transcripts. Part of the stored document (`store::schema`, version 4);
//! the app saves it after every answer.
//!
//! An exam in progress stores its inputs (content version, blueprint, seed)
//! and the answers, not the drawn questions: the questions are drawn again
//! on resume, which gives the same exam because drawing is deterministic.
//! If the app was updated to other content in between, the attempt cannot
//! be resumed faithfully and is reported as stale ([`AttemptError::Stale`]).

use serde::{Deserialize, Serialize};

use super::exam::{draw, ExamItem};
use super::leitner::Schedule;
use super::practice::Session;
use super::scoring::{score, Response, ResponseError};
use super::transcript::{self, Given, Rejection, Transcript};
use crate::content::blueprint::{Blueprint, BlueprintError};
use crate::content::Curriculum;

/// Finished exams kept (the oldest are dropped first).
pub const MAX_RESULTS: usize = 50;

/// The quiz's part of the stored document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizData {
    #[serde(default)]
    pub schedule: Schedule,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exam: Option<ExamAttempt>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<Session>,
    /// Finished exams, oldest first.
    #[serde(default)]
    pub results: Vec<Transcript>,
}

impl QuizData {
    /// Keeps a finished exam's transcript.
    pub fn add_result(&mut self, t: Transcript) {
        self.add_result_keeping(t, |_| false);
    }

    /// Keeps a finished exam's transcript; beyond [`MAX_RESULTS`] the oldest
    /// go first, but never one that `keep` holds on to (exams a completion
    /// record must carry: dropping one would break its chain, see
    /// `crate::records::compose`). Only kept results left, the list grows.
    pub fn add_result_keeping(&mut self, t: Transcript, keep: impl Fn(&Transcript) -> bool) {
        self.results.push(t);
        while self.results.len() > MAX_RESULTS {
            match self.results.iter().position(|r| !keep(r)) {
                Some(i) => {
                    self.results.remove(i);
                }
                None => break,
            }
        }
    }
}

/// One stored answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answered {
    pub response: Response,
    pub at_ms: i64,
}

/// An exam in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExamAttempt {
    pub content_version: String,
    pub blueprint: Blueprint,
    pub seed: u64,
    pub started_ms: i64,
    /// The question shown (0-based).
    pub current: usize,
    /// One slot per question.
    pub answers: Vec<Option<Answered>>,
}

/// Why an exam attempt cannot go on as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttemptError {
    /// The attempt was drawn from other content than the app now has.
    Stale,
    Blueprint(BlueprintError),
    /// No question with that number.
    NoSuchQuestion(usize),
    /// The answer does not fit the question.
    Response(ResponseError),
    /// The time limit has passed; no more answers are taken.
    TimeUp,
}

impl ExamAttempt {
    /// Starts an exam, returning it with its questions.
    pub fn start(
        c: &Curriculum,
        content_version: &str,
        blueprint: Blueprint,
        seed: u64,
        now_ms: i64,
    ) -> Result<(ExamAttempt, Vec<ExamItem>), AttemptError> {
        let exam = draw(c, content_version, &blueprint, seed).map_err(AttemptError::Blueprint)?;
        let attempt = ExamAttempt {
            content_version: content_version.into(),
            blueprint,
            seed,
            started_ms: now_ms,
            current: 0,
            answers: vec![None; exam.len()],
        };
        Ok((attempt, exam))
    }

    /// The attempt's questions, drawn again (the same as when it started).
    pub fn exam(
        &self,
        c: &Curriculum,
        content_version: &str,
    ) -> Result<Vec<ExamItem>, AttemptError> {
        if self.content_version != content_version {
            return Err(AttemptError::Stale);
        }
        let exam = draw(c, content_version, &self.blueprint, self.seed)
            .map_err(AttemptError::Blueprint)?;
        if exam.len() != self.answers.len() {
            return Err(AttemptError::Stale);
        }
        Ok(exam)
    }

    /// When the time limit ends, if there is one.
    pub fn deadline_ms(&self) -> Option<i64> {
        self.blueprint
            .time_limit_minutes
            .map(|m| self.started_ms + i64::from(m) * 60_000)
    }

    pub fn is_time_up(&self, now_ms: i64) -> bool {
        self.deadline_ms().is_some_and(|d| now_ms > d)
    }

    /// Records (or changes) the answer to question `index` of `exam`.
    pub fn answer(
        &mut self,
        c: &Curriculum,
        exam: &[ExamItem],
        index: usize,
        response: Response,
        now_ms: i64,
    ) -> Result<(), AttemptError> {
        if self.is_time_up(now_ms) {
            return Err(AttemptError::TimeUp);
        }
        let item = exam.get(index).ok_or(AttemptError::NoSuchQuestion(index))?;
        let q = c
            .questions
            .iter()
            .find(|q| q.id == item.question)
            .ok_or(AttemptError::Stale)?;
        score(q, &response).map_err(AttemptError::Response)?;
        let slot = self
            .answers
            .get_mut(index)
            .ok_or(AttemptError::NoSuchQuestion(index))?;
        *slot = Some(Answered {
            response,
            at_ms: now_ms.max(self.started_ms),
        });
        Ok(())
    }

    /// Removes the answer to question `index` (the learner unticked every
    /// choice).
    pub fn clear(&mut self, index: usize, now_ms: i64) -> Result<(), AttemptError> {
        if self.is_time_up(now_ms) {
            return Err(AttemptError::TimeUp);
        }
        let slot = self
            .answers
            .get_mut(index)
            .ok_or(AttemptError::NoSuchQuestion(index))?;
        *slot = None;
        Ok(())
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// The transcript of the attempt, finished at `now_ms`.
    pub fn finish(
        &self,
        c: &Curriculum,
        exam: &[ExamItem],
        now_ms: i64,
    ) -> Result<Transcript, Rejection> {
        let given: Vec<Option<Given>> = self
            .answers
            .iter()
            .map(|a| {
                a.as_ref().map(|a| Given {
                    response: a.response.clone(),
                    at_ms: a.at_ms,
                })
            })
            .collect();
        let last = given
            .iter()
            .flatten()
            .map(|g| g.at_ms)
            .max()
            .unwrap_or(self.started_ms);
        transcript::build(
            c,
            &self.content_version,
            &self.blueprint,
            self.seed,
            exam,
            &given,
            self.started_ms,
            now_ms.max(last),
        )
    }
}
