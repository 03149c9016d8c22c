//! Practice sessions: which questions come up, in which order, and how a
//! session moves on. Pure; the app stores a [`Session`] after every answer
//! so a reload resumes at the same question with the same answer order.
//!
//! **Choosing questions** ([`plan_for`]; [`plan`] with no lesson opened)
//! among the candidates (the scope's
//! questions for the profile): first those due in the Leitner schedule, the
//! most overdue first (ties: lower box, then id), leaving
//! [`NEW_PER_SESSION`] places for questions never answered; then those new
//! questions, in a shuffled order; then, to fill the session, the remaining
//! due questions and the rest by how soon they fall due. "Review my mistakes" takes every question whose
//! last answer was wrong, most lapses first.
//!
//! **Within a session** a question answered wrongly comes back at the end
//! of the session, up to [`MAX_RETRIES`] times, so a mistake is practised
//! again while the explanation is fresh.

use serde::{Deserialize, Serialize};

use super::leitner::Schedule;
use super::prng::SplitMix64;
use super::scoring::Response;
use crate::content::{Curriculum, Question, QuestionType};
use crate::profile::ProfileId;

/// Questions in a practice session (before retries).
pub const SESSION_LENGTH: usize = 10;
/// Places in a session kept for questions never answered (when there are
/// any), however many are due.
pub const NEW_PER_SESSION: usize = 3;
/// How often one wrong question comes back within a session.
pub const MAX_RETRIES: u8 = 2;

/// What a session practises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Scope {
    /// Every lesson.
    All,
    /// One lesson (by id).
    Lesson(String),
    /// The questions last answered wrongly.
    Mistakes,
}

/// One question of a session, with its answer order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub question: String,
    /// Option ids in the order shown (empty for true/false and hotspot).
    pub options: Vec<String>,
}

/// The answer checked at the current question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checked {
    pub response: Response,
    pub points: u32,
}

/// Where the shown question stands in a session (see [`Session::position`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Question `n` (from 1) of the `of` planned.
    Planned { n: usize, of: usize },
    /// A question answered wrongly, come back after the planned ones.
    Again,
}

/// A practice session in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The content version the session was planned from (set by the app;
    /// a session from other content is dropped, its ids may be gone).
    #[serde(default)]
    pub content_version: String,
    pub scope: Scope,
    pub profile: ProfileId,
    pub queue: Vec<Entry>,
    /// Index into `queue` of the question shown.
    pub index: usize,
    /// Set once the shown question's answer has been checked.
    #[serde(default)]
    pub checked: Option<Checked>,
    /// Fully correct answers so far, and answers checked so far.
    pub correct: u32,
    pub answered: u32,
}

/// The questions a scope covers for a profile, in bank order.
pub fn candidates<'a>(c: &'a Curriculum, profile: ProfileId, scope: &Scope) -> Vec<&'a Question> {
    c.questions
        .iter()
        .filter(|q| q.profiles.contains(&profile))
        .filter(|q| match scope {
            Scope::All | Scope::Mistakes => true,
            Scope::Lesson(l) => &q.lesson == l,
        })
        .collect()
}

/// Answer order for practice: choices shuffled; an ordering never starts
/// in the correct order.
fn entry(q: &Question, rng: &mut SplitMix64) -> Entry {
    let authored: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
    let options = match q.kind {
        QuestionType::Single | QuestionType::Multiple | QuestionType::Order => {
            let mut ids = authored.clone();
            rng.shuffle(&mut ids);
            if q.kind == QuestionType::Order && ids.len() > 1 && ids == authored {
                ids.rotate_left(1);
            }
            ids
        }
        QuestionType::TrueFalse | QuestionType::Hotspot => Vec::new(),
    };
    Entry {
        question: q.id.clone(),
        options,
    }
}

/// What a plan knows of the learner.
#[derive(Debug, Clone, Copy)]
pub struct Learner<'a> {
    /// Their spaced-repetition schedule.
    pub schedule: &'a Schedule,
    /// The lessons they have opened (by id): their new questions come
    /// before other lessons' new questions.
    pub studied: &'a [String],
}

/// Plans a session of up to `limit` questions with no lesson preferred
/// ([`plan_for`] with no lesson studied).
pub fn plan(
    c: &Curriculum,
    profile: ProfileId,
    scope: &Scope,
    schedule: &Schedule,
    now_ms: i64,
    limit: usize,
    seed: u64,
) -> Session {
    let learner = Learner {
        schedule,
        studied: &[],
    };
    plan_for(c, profile, scope, learner, now_ms, limit, seed)
}

/// Plans a session of up to `limit` questions for `learner` (see the
/// module documentation); `seed` shuffles new questions and answer orders.
pub fn plan_for(
    c: &Curriculum,
    profile: ProfileId,
    scope: &Scope,
    learner: Learner<'_>,
    now_ms: i64,
    limit: usize,
    seed: u64,
) -> Session {
    let schedule = learner.schedule;
    let mut rng = SplitMix64::new(seed);
    let pool = candidates(c, profile, scope);
    let chosen: Vec<&Question> = if *scope == Scope::Mistakes {
        let mut m: Vec<&Question> = pool
            .into_iter()
            .filter(|q| schedule.is_mistake(&q.id))
            .collect();
        m.sort_by_key(|q| {
            let card = schedule.card(&q.id).expect("mistakes have cards");
            (std::cmp::Reverse(card.lapses), card.due_ms, q.id.clone())
        });
        m.truncate(limit);
        m
    } else {
        let (mut seen, mut new): (Vec<&Question>, Vec<&Question>) = pool
            .into_iter()
            .partition(|q| schedule.card(&q.id).is_some());
        seen.sort_by_key(|q| {
            let card = schedule.card(&q.id).expect("partitioned");
            (card.due_ms, card.box_, q.id.clone())
        });
        let (due, later): (Vec<&Question>, Vec<&Question>) = seen
            .into_iter()
            .partition(|q| schedule.is_due(&q.id, now_ms));
        rng.shuffle(&mut new);
        // The opened lessons' first, each group in its shuffled order.
        new.sort_by_key(|q| !learner.studied.contains(&q.lesson));
        // Keep room for a few new questions, so a learner with many due
        // questions still moves on through the bank.
        let room = new.len().min(NEW_PER_SESSION).min(limit);
        let mut chosen: Vec<&Question> = due.iter().copied().take(limit - room).collect();
        chosen.extend(new.iter().copied().take(limit - chosen.len()));
        let missing = limit - chosen.len();
        let rest: Vec<&Question> = due
            .into_iter()
            .chain(later)
            .filter(|q| !chosen.iter().any(|c| c.id == q.id))
            .take(missing)
            .collect();
        chosen.extend(rest);
        chosen
    };
    Session {
        content_version: String::new(),
        scope: scope.clone(),
        profile,
        queue: chosen.into_iter().map(|q| entry(q, &mut rng)).collect(),
        index: 0,
        checked: None,
        correct: 0,
        answered: 0,
    }
}

impl Session {
    /// The question shown, or `None` when the session is over.
    pub fn current(&self) -> Option<&Entry> {
        self.queue.get(self.index)
    }

    pub fn is_finished(&self) -> bool {
        self.index >= self.queue.len()
    }

    /// Of the planned questions, how many were answered right the first
    /// time, and how many were planned: a question answered wrongly (or
    /// partly) came back at the end, so it is in the queue after the
    /// planned ones. What a finished session reports, rather than every
    /// answer with the retries, which outnumber the planned questions.
    pub fn first_try(&self) -> (usize, usize) {
        let planned = self.planned();
        let came_back: std::collections::BTreeSet<&str> = self.queue[planned..]
            .iter()
            .map(|e| e.question.as_str())
            .collect();
        (planned - came_back.len(), planned)
    }

    /// How many questions the session planned: the queue before its first
    /// retry (a wrong answer comes back at the end, so the queue grows but
    /// this does not). The count a learner is shown as "of N".
    pub fn planned(&self) -> usize {
        self.queue
            .iter()
            .enumerate()
            .position(|(i, e)| self.queue[..i].iter().any(|x| x.question == e.question))
            .unwrap_or(self.queue.len())
    }

    /// Where question `index` stands for the learner: one of the planned
    /// questions (its number from 1, of [`Session::planned`]), or a wrong
    /// answer come back.
    pub fn position(&self, index: usize) -> Position {
        let planned = self.planned();
        if index < planned {
            Position::Planned {
                n: index + 1,
                of: planned,
            }
        } else {
            Position::Again
        }
    }

    /// Records the checked answer of the current question (once; a second
    /// check of the same question is ignored and returns `false`). A wrong
    /// answer puts the question at the end of the queue again, unless it
    /// already came back [`MAX_RETRIES`] times.
    pub fn check(&mut self, response: Response, points: u32) -> bool {
        let Some(entry) = self.current().cloned() else {
            return false;
        };
        if self.checked.is_some() {
            return false;
        }
        let full = points == super::scoring::FULL;
        self.answered += 1;
        if full {
            self.correct += 1;
        } else {
            let times = self
                .queue
                .iter()
                .filter(|e| e.question == entry.question)
                .count();
            if times <= usize::from(MAX_RETRIES) {
                self.queue.push(entry);
            }
        }
        self.checked = Some(Checked { response, points });
        true
    }

    /// Moves on to the next question.
    pub fn advance(&mut self) {
        self.checked = None;
        if self.index < self.queue.len() {
            self.index += 1;
        }
    }
}
