//! Spaced repetition: a Leitner schedule per question.
//!
//! Every question the learner has answered in practice sits in one of five
//! boxes. A fully correct answer moves it up one box (a first answer that is
//! right starts it in box 2); anything less — a wrong answer or partial
//! credit — sends it back to box 1. A question is due again after its box's
//! interval:
//!
//! | box | 1 | 2 | 3 | 4 | 5 |
//! | --- | --- | --- | --- | --- | --- |
//! | due after | at once | 1 day | 3 days | 7 days | 30 days |
//!
//! Why Leitner rather than SM-2 or FSRS: the bank is small (about a hundred
//! questions) and a learner sees each only a handful of times before their
//! class, too few reviews for a fitted model to beat fixed intervals; the
//! boxes are easy to explain ("box 3 of 5") and to test. Wrong answers also
//! come back within the same practice session (see [`super::practice`]).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const DAY_MS: i64 = 86_400_000;

/// The highest box.
pub const BOXES: u8 = 5;

/// How long after an answer a question in each box is due (box 1 first).
pub const INTERVALS_MS: [i64; BOXES as usize] = [0, DAY_MS, 3 * DAY_MS, 7 * DAY_MS, 30 * DAY_MS];

/// One question's place in the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// 1 to [`BOXES`].
    #[serde(rename = "box")]
    pub box_: u8,
    /// When it is due again (milliseconds since the epoch).
    pub due_ms: i64,
    pub reviews: u32,
    pub lapses: u32,
    /// Whether the last answer was fully correct.
    pub last_correct: bool,
}

/// The schedule of every question answered so far, by question id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    #[serde(default)]
    pub cards: BTreeMap<String, Card>,
}

impl Schedule {
    /// Records a practice answer given at `now_ms`.
    pub fn record(&mut self, id: &str, correct: bool, now_ms: i64) {
        let next_box = match (self.cards.get(id), correct) {
            (_, false) => 1,
            (None, true) => 2,
            // Saturating: a stored card (from a backup file) may carry any box.
            (Some(c), true) => c.box_.saturating_add(1).min(BOXES),
        };
        let card = self.cards.entry(id.to_owned()).or_insert(Card {
            box_: 1,
            due_ms: now_ms,
            reviews: 0,
            lapses: 0,
            last_correct: false,
        });
        card.box_ = next_box;
        card.due_ms = now_ms.saturating_add(INTERVALS_MS[usize::from(next_box - 1)]);
        card.reviews = card.reviews.saturating_add(1);
        if !correct {
            card.lapses = card.lapses.saturating_add(1);
        }
        card.last_correct = correct;
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.get(id)
    }

    /// Whether a question has been answered and is due at `now_ms`.
    pub fn is_due(&self, id: &str, now_ms: i64) -> bool {
        self.cards.get(id).is_some_and(|c| c.due_ms <= now_ms)
    }

    /// Whether the learner's last answer to a question was wrong.
    pub fn is_mistake(&self, id: &str) -> bool {
        self.cards.get(id).is_some_and(|c| !c.last_correct)
    }
}
