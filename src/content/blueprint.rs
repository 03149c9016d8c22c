//! Exam blueprints: which questions an exam draws, its pass mark and its
//! time limit.
//!
//! A blueprint is a small document of its own (`firstaid-blueprint`,
//! version 1). The app ships one per guideline profile in
//! `content/blueprints/` (TOML); the CLI reads JSON or TOML files; exam
//! transcripts embed the blueprint they were drawn from (as JSON).
//!
//! ```json
//! {
//!   "format": "firstaid-blueprint",
//!   "version": 1,
//!   "id": "course-rcsc",
//!   "title": { "zh": "…", "en": "Full course exam" },
//!   "profile": "rcsc",
//!   "pass_percent": 80,
//!   "time_limit_minutes": 30,
//!   "sections": [
//!     { "lessons": ["adult-cpr"], "count": 3 },
//!     { "objectives": ["aed.pads", "aed.stand-clear"], "count": 2 }
//!   ]
//! }
//! ```
//!
//! - `id`: a stable name (letters, digits, `-`, `.`); `title` optional.
//! - `profile`: `rcsc`, `aha` or `erc`; only questions whose answer holds for
//!   that profile are drawn.
//! - `pass_percent`: 1–100, default 80. Passed means
//!   `points × 100 ≥ pass_percent × maximum`.
//! - `time_limit_minutes`: optional, 1–600.
//! - `sections`: drawn in order. A section's pool is every question of the
//!   profile whose lesson is in `lessons` **or** whose objective is in
//!   `objectives`, less the questions earlier sections drew; `count`
//!   (at least 1) questions are drawn from it. At most 200 questions in all.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Curriculum, Text};
use crate::profile::ProfileId;

/// The `format` value of a blueprint document.
pub const FORMAT: &str = "firstaid-blueprint";
/// The blueprint version this build reads and writes.
pub const VERSION: u32 = 1;
/// The most questions one exam may have.
pub const MAX_QUESTIONS: u32 = 200;

/// The pass mark of a blueprint that names none (%).
pub const DEFAULT_PASS_PERCENT: u32 = 80;

fn default_pass() -> u32 {
    DEFAULT_PASS_PERCENT
}

/// An exam blueprint (see the module documentation for the format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Blueprint {
    pub format: String,
    pub version: u32,
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    pub profile: ProfileId,
    #[serde(default = "default_pass")]
    pub pass_percent: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_minutes: Option<u32>,
    pub sections: Vec<Section>,
}

/// One part of a blueprint: how many questions from which lessons or
/// objectives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lessons: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    pub count: u32,
}

/// What is wrong with a blueprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlueprintError {
    /// Not a `firstaid-blueprint` document of a version this build reads.
    Format {
        format: String,
        version: u32,
    },
    /// The id is empty or has characters other than letters, digits, `-`, `.`.
    Id(String),
    PassPercent(u32),
    TimeLimit(u32),
    NoSections,
    /// Section (1-based) names neither lessons nor objectives.
    EmptySection(usize),
    /// Section (1-based) asks for no questions.
    ZeroCount(usize),
    TooManyQuestions(u32),
    UnknownLesson {
        section: usize,
        id: String,
    },
    UnknownObjective {
        section: usize,
        id: String,
    },
    /// Section (1-based) asks for more questions than its pool has.
    PoolTooSmall {
        section: usize,
        wanted: u32,
        available: u32,
    },
}

impl fmt::Display for BlueprintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlueprintError::Format { format, version } => write!(
                f,
                "not a {FORMAT} version {VERSION} document (format {format:?}, version {version})"
            ),
            BlueprintError::Id(id) => write!(f, "blueprint id {id:?} is not a valid id"),
            BlueprintError::PassPercent(p) => write!(f, "pass mark {p}% is not within 1–100"),
            BlueprintError::TimeLimit(m) => {
                write!(f, "time limit {m} minutes is not within 1–600")
            }
            BlueprintError::NoSections => write!(f, "the blueprint has no sections"),
            BlueprintError::EmptySection(s) => {
                write!(f, "section {s} names no lessons and no objectives")
            }
            BlueprintError::ZeroCount(s) => write!(f, "section {s} asks for no questions"),
            BlueprintError::TooManyQuestions(n) => {
                write!(f, "{n} questions in all; at most {MAX_QUESTIONS}")
            }
            BlueprintError::UnknownLesson { section, id } => {
                write!(f, "section {section}: there is no lesson {id:?}")
            }
            BlueprintError::UnknownObjective { section, id } => {
                write!(f, "section {section}: there is no objective {id:?}")
            }
            BlueprintError::PoolTooSmall {
                section,
                wanted,
                available,
            } => write!(
                f,
                "section {section} asks for {wanted} questions but only {available} are left to draw from"
            ),
        }
    }
}

impl std::error::Error for BlueprintError {}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

impl Blueprint {
    /// Parses a blueprint from JSON, checking its format and version.
    pub fn from_json(text: &str) -> Result<Blueprint, String> {
        let bp: Blueprint = serde_json::from_str(text).map_err(|e| e.to_string())?;
        bp.check_format().map_err(|e| e.to_string())?;
        Ok(bp)
    }

    fn check_format(&self) -> Result<(), BlueprintError> {
        if self.format != FORMAT || self.version != VERSION {
            return Err(BlueprintError::Format {
                format: self.format.clone(),
                version: self.version,
            });
        }
        Ok(())
    }

    /// The number of questions an exam of this blueprint has.
    pub fn question_count(&self) -> u32 {
        self.sections
            .iter()
            .fold(0u32, |n, s| n.saturating_add(s.count))
    }

    /// Checks everything but the pool sizes (which [`crate::quiz::exam::draw`]
    /// checks as it draws).
    pub fn check(&self, c: &Curriculum) -> Result<(), BlueprintError> {
        self.check_format()?;
        if !valid_id(&self.id) {
            return Err(BlueprintError::Id(self.id.clone()));
        }
        if !(1..=100).contains(&self.pass_percent) {
            return Err(BlueprintError::PassPercent(self.pass_percent));
        }
        if let Some(m) = self.time_limit_minutes {
            if !(1..=600).contains(&m) {
                return Err(BlueprintError::TimeLimit(m));
            }
        }
        if self.sections.is_empty() {
            return Err(BlueprintError::NoSections);
        }
        for (i, s) in self.sections.iter().enumerate() {
            let n = i + 1;
            if s.lessons.is_empty() && s.objectives.is_empty() {
                return Err(BlueprintError::EmptySection(n));
            }
            if s.count == 0 {
                return Err(BlueprintError::ZeroCount(n));
            }
            if let Some(id) = s.lessons.iter().find(|id| c.lesson(id).is_none()) {
                return Err(BlueprintError::UnknownLesson {
                    section: n,
                    id: id.clone(),
                });
            }
            let known = |id: &str| {
                c.lessons
                    .iter()
                    .any(|l| l.objectives.iter().any(|o| o.id == id))
            };
            if let Some(id) = s.objectives.iter().find(|id| !known(id)) {
                return Err(BlueprintError::UnknownObjective {
                    section: n,
                    id: id.clone(),
                });
            }
        }
        let total = self.question_count();
        if total > MAX_QUESTIONS {
            return Err(BlueprintError::TooManyQuestions(total));
        }
        Ok(())
    }

    /// The title in a language, or the id when there is none.
    pub fn title(&self, lang: crate::settings::Lang) -> &str {
        self.title.as_ref().map_or(&self.id, |t| t.get(lang))
    }
}
