//! The curriculum's data model, as authored in `content/` (see
//! `content/README.md`). Every struct rejects unknown fields, so a misspelt
//! key in a content file is an error, not a silently missing value.

use serde::{Deserialize, Serialize};

use crate::profile::ProfileId;
use crate::settings::Lang;

/// A text in both languages. Both are required by the type itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// The lesson groups of the learn page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Cpr,
    Aed,
    Choking,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::Cpr, Group::Aed, Group::Choking];

    pub fn as_str(self) -> &'static str {
        match self {
            Group::Cpr => "cpr",
            Group::Aed => "aed",
            Group::Choking => "choking",
        }
    }
}

/// A citable source (`content/sources.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: String,
    /// The guideline body: `rcsc`, `aha`, `erc`, `ilcor` or `other`.
    pub profile: String,
    pub title: String,
    pub url: String,
}

/// A citation of a source by a step, a variant or a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    #[serde(rename = "ref")]
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The profiles this citation backs; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<ProfileId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl SourceRef {
    pub fn backs(&self, p: ProfileId) -> bool {
        self.profiles.is_empty() || self.profiles.contains(&p)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub id: String,
    pub text: Text,
}

/// Wording of a step for some profiles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Variant {
    pub profiles: Vec<ProfileId>,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    /// Set when a qualified instructor must check this wording, with the reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Text>,
    /// This profile's own picture, when the technique it teaches differs
    /// from the step's picture (for example two thumbs instead of the heel
    /// of one hand); with its own `alt` and `shows`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illustration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Text>,
    /// The technique this wording teaches (see [`Step::shows`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shows: Option<String>,
}

/// One screen of a lesson: one idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub objective: String,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub illustration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<Text>,
    /// How the guidelines differ on this step (shown to every profile).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub differs: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// A technique: the step shows what to do with your hands on a person
    /// (where to stand, how to hold, where to push, how to breathe in, how
    /// to turn). Every technique step is examinable (a native test checks
    /// that every profile has exam questions on its objective).
    #[serde(default, skip_serializing_if = "is_false")]
    pub technique: bool,
    /// The technique the wording teaches, named as the picture that shows
    /// it names it (`back-blows`, `infant-two-thumbs`…): a native test
    /// fails when a step's picture shows another technique than its text
    /// teaches. A variant may name its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shows: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub id: String,
    pub group: Group,
    pub order: u32,
    pub minutes: u32,
    pub title: Text,
    /// The clinical name under the plain title (for example 气道异物梗阻
    /// under 被噎住): the `clinical` term of the glossary entry the title
    /// uses (the validator checks it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Text>,
    pub summary: Text,
    pub objectives: Vec<Objective>,
    pub steps: Vec<Step>,
}

/// Question types. Their scoring rules belong to the quiz engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    Single,
    Multiple,
    TrueFalse,
    Order,
    Hotspot,
}

impl QuestionType {
    pub const ALL: [QuestionType; 5] = [
        QuestionType::Single,
        QuestionType::Multiple,
        QuestionType::TrueFalse,
        QuestionType::Order,
        QuestionType::Hotspot,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub label: Text,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub lesson: String,
    pub objective: String,
    pub profiles: Vec<ProfileId>,
    /// One of the lesson's end-of-lesson knowledge checks.
    #[serde(default)]
    pub check: bool,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub prompt: Text,
    pub explanation: Text,
    pub sources: Vec<SourceRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Text>,
    /// Held out of exams until an instructor has cleared its `review`: the
    /// question still appears in knowledge checks and practice, but no exam
    /// draws it. Requires a `review`; set exactly when the review says an
    /// instructor must check the question before it is used in an exam.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exam_hold: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// single, multiple, order (in the correct order for `order`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// true_false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    /// hotspot: the illustration and its regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Region>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub lesson: String,
    pub text: Text,
}
