//! The curriculum: lessons, their steps per guideline profile, and the
//! question bank, authored as TOML in `content/` and embedded at build time.
//!
//! The build script (`build.rs`) converts every content file to JSON — one
//! bundle, keyed by file name — and hashes it: [`CONTENT_VERSION`] changes
//! with any byte of any content file, and records cite it. Parsing the bundle
//! into the typed model ([`model`]) rejects unknown fields and names the file
//! of every problem; [`validate`] then checks everything the types cannot
//! (ids, both languages, sources per profile, illustrations, question rules)
//! and reports all problems at once. Exam blueprints ([`blueprint`]) ship
//! with the content and are checked against it, so their type lives here;
//! the quiz engine draws exams from them.

pub mod blueprint;
pub mod call;
pub mod checklist;
pub mod export;
pub mod glossary;
pub mod lint;
pub mod model;
pub mod outline;
pub mod parse;
pub mod plain;
pub mod svg;
pub mod validate;

use std::collections::BTreeMap;

pub use model::*;

use crate::profile::ProfileId;

/// The content bundle written by the build script.
pub const BUNDLE: &str = include_str!(concat!(env!("OUT_DIR"), "/content.json"));

/// `sha256:` and the first 16 hex digits of the bundle's SHA-256.
pub const CONTENT_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/content_version.txt"));

/// The name under which the build ships the bundle beside the app
/// (`content-<10 hex digits>.json`), fetched when the learner first needs it
/// so the first load stays small.
pub fn bundle_file_name() -> String {
    let hex = CONTENT_VERSION.trim_start_matches("sha256:");
    format!("content-{}.json", &hex[..10])
}

/// The whole curriculum, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Curriculum {
    pub sources: Vec<Source>,
    /// In suggested order.
    pub lessons: Vec<Lesson>,
    pub questions: Vec<Question>,
    pub scenarios: Vec<Scenario>,
    /// The exam blueprints shipped with the content, in file-name order.
    pub blueprints: Vec<blueprint::Blueprint>,
    /// The skills checklists of the practical exam, in `order`.
    pub checklists: Vec<checklist::Checklist>,
    /// SVG text by illustration name.
    pub illustrations: BTreeMap<String, String>,
    /// One term per idea (`content/glossary.toml`), for the validator.
    pub glossary: glossary::Glossary,
}

impl Curriculum {
    /// Parses a bundle; every file that does not match the model is
    /// reported (with its name), not only the first.
    pub fn parse(bundle: &str) -> Result<Curriculum, Vec<String>> {
        parse::Parsing::new(bundle)?.finish_with_glossary()
    }

    /// The curriculum compiled into this build.
    pub fn embedded() -> Result<Curriculum, Vec<String>> {
        Curriculum::parse(BUNDLE)
    }

    /// The lessons of a group, in suggested order: what the learn page
    /// lists under the group's heading. Read group after group
    /// ([`Group::ALL`]), they are [`Curriculum::lessons`] in order (the
    /// validator checks it), so the numbers on the page read 1, 2, 3…
    pub fn lessons_in(&self, group: Group) -> impl Iterator<Item = &Lesson> + '_ {
        self.lessons.iter().filter(move |l| l.group == group)
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id == id)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The shipped blueprint with this id.
    pub fn blueprint(&self, id: &str) -> Option<&blueprint::Blueprint> {
        self.blueprints.iter().find(|b| b.id == id)
    }

    /// The skills checklist with this id.
    pub fn checklist(&self, id: &str) -> Option<&checklist::Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    pub fn source(&self, key: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.key == key)
    }

    /// The questions no exam draws until an instructor has checked them
    /// (`exam_hold`), in bank order, each with its `review` saying why: the
    /// instructor area lists them with their notes; a learner never sees
    /// the notes.
    pub fn held_from_exams(&self) -> impl Iterator<Item = &Question> + '_ {
        self.questions.iter().filter(|q| q.exam_hold)
    }

    /// The questions of a lesson that apply to a profile.
    pub fn questions_for<'a>(
        &'a self,
        lesson: &'a str,
        profile: ProfileId,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions
            .iter()
            .filter(move |q| q.lesson == lesson && q.profiles.contains(&profile))
    }
}

/// The bundle key of a lesson's file: `lessons/NN-<id>.toml`, `NN` its
/// order with two digits, so the file list reads in the suggested order.
pub fn lesson_file_name(l: &Lesson) -> String {
    format!("lessons/{:02}-{}.toml", l.order, l.id)
}

/// A step as one profile sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedStep<'a> {
    pub step: &'a Step,
    pub text: &'a Text,
    /// The citations backing this profile's wording.
    pub sources: Vec<&'a SourceRef>,
    /// Why an instructor must check this wording, if they must.
    pub review: Option<&'a Text>,
    /// True when the profile has its own variant of this step.
    pub is_variant: bool,
    /// The picture this profile sees: the variant's own, or the step's.
    pub illustration: Option<&'a str>,
    /// Its description (always set with `illustration` in valid content).
    pub alt: Option<&'a Text>,
    /// The technique the wording teaches: the variant's, or the step's.
    pub shows: Option<&'a str>,
}

impl Step {
    /// The variant `profile` gets, or the default wording.
    pub fn for_profile(&self, profile: ProfileId) -> ResolvedStep<'_> {
        match self.variants.iter().find(|v| v.profiles.contains(&profile)) {
            Some(v) => ResolvedStep {
                step: self,
                text: &v.text,
                sources: v.sources.iter().filter(|s| s.backs(profile)).collect(),
                review: v.review.as_ref().or(self.review.as_ref()),
                is_variant: true,
                illustration: v.illustration.as_deref().or(self.illustration.as_deref()),
                alt: if v.illustration.is_some() {
                    v.alt.as_ref()
                } else {
                    self.alt.as_ref()
                },
                shows: v.shows.as_deref().or(self.shows.as_deref()),
            },
            None => ResolvedStep {
                step: self,
                text: &self.text,
                sources: self.sources.iter().filter(|s| s.backs(profile)).collect(),
                review: self.review.as_ref(),
                is_variant: false,
                illustration: self.illustration.as_deref(),
                alt: self.alt.as_ref(),
                shows: self.shows.as_deref(),
            },
        }
    }
}
