//! Scoring of every question type, used identically by practice, exams, the
//! instructor's re-scoring and the CLI.
//!
//! A question is worth [`FULL`] points (1000). Integers only, so a score is
//! reproduced exactly everywhere.
//!
//! | type | points |
//! | --- | --- |
//! | single choice, true/false, hotspot with one right place | 1000 for the correct answer, else 0 |
//! | multiple choice | `1000 × max(0, right − wrong) / correct`, rounded down: `right` = correct options chosen, `wrong` = incorrect options chosen, `correct` = correct options in the question. Full marks only for exactly the correct set; choosing everything earns nothing unless everything is correct. |
//! | hotspot with several right places (two AED pads) | as multiple choice, over the places: every right place must be chosen, and a wrong one cancels a right one. The answer is `Choices` of region ids (a single `Region` counts as choosing that one place). |
//! | ordering | `1000 × concordant pairs / all pairs`, rounded down: of every pair of steps, the share placed in the right relative order. Full marks only for the exact order; the reverse order earns 0. |
//!
//! A response that does not fit its question (wrong kind, unknown or
//! repeated ids, an incomplete ordering) is an error, not a zero: a
//! transcript containing one is rejected rather than scored.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::content::{Question, QuestionType};

/// Points for a fully correct answer.
pub const FULL: u32 = 1000;

/// A learner's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Response {
    /// Single choice: one option id; multiple choice: the chosen ids; a
    /// hotspot with several right places: the chosen region ids.
    Choices(Vec<String>),
    TrueFalse(bool),
    /// Ordering: every option id, in the order given.
    Order(Vec<String>),
    /// Hotspot with one right place: the chosen region id.
    Region(String),
}

/// Why a response cannot be scored against its question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseError {
    /// The response is for another type of question.
    WrongKind,
    /// An id that is not an option or region of the question.
    UnknownId(String),
    /// The same id twice.
    Repeated(String),
    /// Single choice with other than one option chosen.
    NotOneChoice,
    /// An ordering that leaves out some of the steps.
    IncompleteOrder,
}

/// The response that earns full marks (the answer key), or `None` for a
/// question without one (invalid content, refused by validation).
pub fn correct_response(q: &Question) -> Option<Response> {
    let correct = || -> Vec<String> {
        q.options
            .iter()
            .filter(|o| o.correct == Some(true))
            .map(|o| o.id.clone())
            .collect()
    };
    Some(match q.kind {
        QuestionType::Single | QuestionType::Multiple => Response::Choices(correct()),
        QuestionType::TrueFalse => Response::TrueFalse(q.answer?),
        QuestionType::Order => Response::Order(q.options.iter().map(|o| o.id.clone()).collect()),
        QuestionType::Hotspot if several_places(q) => Response::Choices(
            q.regions
                .iter()
                .filter(|r| r.correct)
                .map(|r| r.id.clone())
                .collect(),
        ),
        QuestionType::Hotspot => Response::Region(q.regions.iter().find(|r| r.correct)?.id.clone()),
    })
}

/// Whether a hotspot question has several right places (answered by
/// choosing all of them).
pub fn several_places(q: &Question) -> bool {
    q.kind == QuestionType::Hotspot && q.regions.iter().filter(|r| r.correct).count() > 1
}

/// `1000 × max(0, right − wrong) / total`, rounded down (0 when there is
/// nothing right to choose).
fn partial(right: u32, wrong: u32, total: u32) -> u32 {
    (FULL * right.saturating_sub(wrong))
        .checked_div(total)
        .unwrap_or(0)
}

/// The points a response earns, out of [`FULL`].
pub fn score(q: &Question, r: &Response) -> Result<u32, ResponseError> {
    let option_ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
    let check_ids = |ids: &[String], known: &[&str]| -> Result<(), ResponseError> {
        let mut seen = BTreeSet::new();
        for id in ids {
            if !known.contains(&id.as_str()) {
                return Err(ResponseError::UnknownId(id.clone()));
            }
            if !seen.insert(id) {
                return Err(ResponseError::Repeated(id.clone()));
            }
        }
        Ok(())
    };
    let correct = |id: &str| {
        q.options
            .iter()
            .any(|o| o.id == id && o.correct == Some(true))
    };
    match (q.kind, r) {
        (QuestionType::Single, Response::Choices(ids)) => {
            check_ids(ids, &option_ids)?;
            match ids.as_slice() {
                [one] => Ok(if correct(one) { FULL } else { 0 }),
                _ => Err(ResponseError::NotOneChoice),
            }
        }
        (QuestionType::Multiple, Response::Choices(ids)) => {
            check_ids(ids, &option_ids)?;
            let total = q.options.iter().filter(|o| o.correct == Some(true)).count() as u32;
            let right = ids.iter().filter(|id| correct(id)).count() as u32;
            let wrong = ids.len() as u32 - right;
            // A question without a correct option earns nothing.
            Ok(partial(right, wrong, total))
        }
        (QuestionType::Hotspot, Response::Choices(_) | Response::Region(_))
            if several_places(q) =>
        {
            let ids = match r {
                Response::Choices(ids) => ids.clone(),
                Response::Region(id) => vec![id.clone()],
                _ => unreachable!("matched above"),
            };
            let region_ids: Vec<&str> = q.regions.iter().map(|r| r.id.as_str()).collect();
            check_ids(&ids, &region_ids)?;
            let right_place = |id: &str| q.regions.iter().any(|r| r.id == id && r.correct);
            let total = q.regions.iter().filter(|r| r.correct).count() as u32;
            let right = ids.iter().filter(|id| right_place(id)).count() as u32;
            Ok(partial(right, ids.len() as u32 - right, total))
        }
        (QuestionType::TrueFalse, Response::TrueFalse(b)) => {
            Ok(if q.answer == Some(*b) { FULL } else { 0 })
        }
        (QuestionType::Hotspot, Response::Region(id)) => {
            let region = q
                .regions
                .iter()
                .find(|r| &r.id == id)
                .ok_or_else(|| ResponseError::UnknownId(id.clone()))?;
            Ok(if region.correct { FULL } else { 0 })
        }
        (QuestionType::Order, Response::Order(ids)) => {
            check_ids(ids, &option_ids)?;
            if ids.len() != option_ids.len() {
                return Err(ResponseError::IncompleteOrder);
            }
            // Position of each given id in the correct order.
            let rank: Vec<usize> = ids
                .iter()
                .map(|id| option_ids.iter().position(|o| o == id).expect("checked"))
                .collect();
            let n = rank.len();
            let pairs = (n * (n - 1) / 2) as u32;
            let mut concordant = 0u32;
            for i in 0..n {
                for j in i + 1..n {
                    if rank[i] < rank[j] {
                        concordant += 1;
                    }
                }
            }
            // A single step is trivially in order.
            Ok((FULL * concordant).checked_div(pairs).unwrap_or(FULL))
        }
        _ => Err(ResponseError::WrongKind),
    }
}
