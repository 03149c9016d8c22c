//! What a certificate says was assessed (version 3): the achievement's
//! criteria, its result descriptions, and the learner's results.
//!
//! - `criteria.narrative` names what was required, Chinese paragraph then
//!   English ([`criteria_narrative`]): the theory exam with its pass mark
//!   and every skills checklist of the practical exam, by title, under the
//!   profile's guideline. The pass mark and the checklists come from the
//!   caller ([`Assessed`]: the class's requirement, whose default is the
//!   content's blueprint, and the curriculum's checklists —
//!   [`crate::credentials::roster`]); nothing here knows a number.
//! - `achievement.resultDescription`: the theory exam (`#theory`),
//!   `resultType` `Percent` with `valueMin` `0`, `valueMax` `100` and the
//!   pass mark as `requiredValue`; then one per checklist
//!   (`#checklist-<id>`), `resultType` `Status`. Their ids are the
//!   achievement's id with a fragment: they belong to it, and they cost the
//!   QR code little. Open Badges 3.0's `ResultType` has `Percent` ("a
//!   percent score") and `Status` (the status of an achievement, which a
//!   `Result` then must give); a checklist is passed or not, which is a
//!   status, not a score or a rubric level.
//! - `credentialSubject.result`: the learner's percent (`value`, whole
//!   percent as text) when their record has a passing exam, and `status`
//!   `Completed` ("the learner has successfully completed") for each
//!   checklist they passed. A checklist not passed has no result: a
//!   certificate never records a failure, and a learner assessed before
//!   checklists existed has none.
//!
//! [`read`] takes results back out of any credential (a verifier's side),
//! each with its description.

use serde_json::{Map, Value};

use super::wire::{ResultDescriptionV3, ResultV3};
use super::{Guideline, LANGUAGE_SEPARATOR};
use crate::content::Text;

/// A `Percent` result type.
pub const PERCENT: &str = "Percent";
/// A `Status` result type.
pub const STATUS: &str = "Status";
/// The status of a checklist passed.
pub const COMPLETED: &str = "Completed";
/// The theory exam's result description's fragment.
pub const THEORY_FRAGMENT: &str = "#theory";
/// The prefix of a checklist's result description's fragment.
pub const CHECKLIST_FRAGMENT: &str = "#checklist-";
/// The theory exam's name.
pub const THEORY_NAME: &str = "理论考试 · Theory exam";

/// What was required and how the learner did (an input of a certificate).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessed {
    /// The theory exam's pass mark, 1–100 (%).
    pub pass_percent: u32,
    /// The learner's (best re-scored) percent on that exam, if their record
    /// has one at or above the pass mark.
    pub exam_percent: Option<u32>,
    /// The practical exam's skills checklists, in the curriculum's order.
    pub checklists: Vec<AssessedChecklist>,
}

/// One skills checklist and whether the learner passed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessedChecklist {
    /// The checklist's stable id (content).
    pub id: String,
    /// Its title in both languages (content).
    pub title: Text,
    /// Every item marked passed.
    pub passed: bool,
}

/// Whether `a` can go into a certificate: a pass mark of 1–100, a percent
/// of at most 100 and not below it, at least one checklist, with
/// kebab-case ids used once and titles in both languages.
pub fn is_valid(a: &Assessed) -> bool {
    let ids_ok = a.checklists.iter().enumerate().all(|(i, c)| {
        !c.id.is_empty()
            && c.id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !a.checklists[..i].iter().any(|d| d.id == c.id)
            && !c.title.zh.trim().is_empty()
            && !c.title.en.trim().is_empty()
    });
    (1..=100).contains(&a.pass_percent)
        && a.exam_percent
            .is_none_or(|p| (a.pass_percent..=100).contains(&p))
        && !a.checklists.is_empty()
        && ids_ok
}

/// The achievement's `criteria.narrative` (Markdown: a Chinese paragraph,
/// then an English one): what this learner was required to pass and
/// passed — the theory exam with its pass mark only when their record has
/// it (a class without an exam has none), the skills checklists passed by
/// title, or, for a learner assessed before checklists existed (none
/// passed), the instructor's in-person practical assessment. A certificate
/// never states more than was assessed.
pub fn criteria_narrative(a: &Assessed, g: &Guideline) -> String {
    let passed: Vec<&AssessedChecklist> = a.checklists.iter().filter(|c| c.passed).collect();
    let zh: Vec<&str> = passed.iter().map(|c| c.title.zh.as_str()).collect();
    let en: Vec<&str> = passed.iter().map(|c| c.title.en.as_str()).collect();
    let every = passed.len() == a.checklists.len();
    let (practical_zh, practical_en) = if passed.is_empty() {
        (
            "导师现场实操考核".to_owned(),
            "the instructor's in-person practical assessment".to_owned(),
        )
    } else {
        (
            format!(
                "导师现场实操考核的{}技能考核表：{}",
                if every { "每一份" } else { "" },
                zh.join("、")
            ),
            format!(
                "{} of the instructor's in-person practical exam: {}",
                if every {
                    "every skills checklist"
                } else {
                    "the skills checklists"
                },
                en.join("; ")
            ),
        )
    };
    match a.exam_percent {
        Some(_) => format!(
            "通过理论考试（及格线 {p}%）和{practical_zh}（{}）。\n\n\
             Passed the theory exam (pass mark {p}%) and {practical_en} ({}).",
            g.short_zh,
            g.short_en,
            p = a.pass_percent,
        ),
        None => format!(
            "通过{practical_zh}（{}）。\n\nPassed {practical_en} ({}).",
            g.short_zh, g.short_en,
        ),
    }
}

/// The achievement's result descriptions, of the results the certificate
/// has: the theory exam (when the record has it), then each checklist
/// passed.
pub fn result_descriptions(a: &Assessed, achievement_id: &str) -> Vec<ResultDescriptionV3> {
    let theory = a.exam_percent.map(|_| ResultDescriptionV3 {
        id: format!("{achievement_id}{THEORY_FRAGMENT}"),
        kind: vec!["ResultDescription".into()],
        name: THEORY_NAME.into(),
        result_type: PERCENT.into(),
        required_value: Some(a.pass_percent.to_string()),
        value_min: Some("0".into()),
        value_max: Some("100".into()),
    });
    let lists = a
        .checklists
        .iter()
        .filter(|c| c.passed)
        .map(|c| ResultDescriptionV3 {
            id: format!("{achievement_id}{CHECKLIST_FRAGMENT}{}", c.id),
            kind: vec!["ResultDescription".into()],
            name: format!(
                "实操：{}{LANGUAGE_SEPARATOR}Practical: {}",
                c.title.zh, c.title.en
            ),
            result_type: STATUS.into(),
            required_value: None,
            value_min: None,
            value_max: None,
        });
    theory.into_iter().chain(lists).collect()
}

/// The learner's results: the exam's percent, if any, then `Completed` for
/// each checklist passed.
pub fn results(a: &Assessed, achievement_id: &str) -> Vec<ResultV3> {
    let theory = a.exam_percent.map(|p| ResultV3 {
        kind: vec!["Result".into()],
        result_description: format!("{achievement_id}{THEORY_FRAGMENT}"),
        value: Some(p.to_string()),
        status: None,
    });
    let lists = a.checklists.iter().filter(|c| c.passed).map(|c| ResultV3 {
        kind: vec!["Result".into()],
        result_description: format!("{achievement_id}{CHECKLIST_FRAGMENT}{}", c.id),
        value: None,
        status: Some(COMPLETED.into()),
    });
    theory.into_iter().chain(lists).collect()
}

/// One result as a verifier reads it, with what its description says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultRead {
    /// The result description's `id`.
    pub description_id: String,
    /// Its `name` (both languages in a certificate of this app:
    /// [`super::split_languages`]).
    pub name: String,
    /// Its `resultType` (`Percent`, `Status` …).
    pub result_type: String,
    /// Its `requiredValue` (a `Percent`'s pass mark).
    pub required_value: Option<String>,
    /// The result's `value`.
    pub value: Option<String>,
    /// The result's `status`.
    pub status: Option<String>,
}

impl ResultRead {
    /// Whether it is a `Status` result `Completed` (a checklist passed).
    pub fn completed(&self) -> bool {
        self.result_type == STATUS && self.status.as_deref() == Some(COMPLETED)
    }

    /// Whether it is a `Percent` result (the theory exam's).
    pub fn percent(&self) -> bool {
        self.result_type == PERCENT
    }
}

/// Why [`read`] refuses: the path of the offending property.
pub type ReadError = &'static str;

/// The results of a credential subject, each with its description from the
/// achievement, in the subject's order (none when it has no `result`). A
/// `result` must be an array of `Result`s, each naming by
/// `resultDescription` one of the achievement's `resultDescription`s (an
/// array of objects with a string `id`, `name` and `resultType`), as Open
/// Badges 3.0 requires.
pub fn read(
    subject: &Map<String, Value>,
    achievement: &Map<String, Value>,
) -> Result<Vec<ResultRead>, ReadError> {
    const RESULT: ReadError = "credentialSubject.result";
    const DESCRIPTION: ReadError = "credentialSubject.achievement.resultDescription";
    let descriptions = match achievement.get("resultDescription") {
        None => &[][..],
        Some(Value::Array(items)) => items.as_slice(),
        Some(_) => return Err(DESCRIPTION),
    };
    let text = |o: &Map<String, Value>, name: &str| -> Option<Option<String>> {
        match o.get(name) {
            None => Some(None),
            Some(Value::String(s)) => Some(Some(s.clone())),
            Some(_) => None,
        }
    };
    let mut described = Vec::new();
    for d in descriptions {
        let o = d.as_object().ok_or(DESCRIPTION)?;
        let field = |name| {
            o.get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or(DESCRIPTION)
        };
        let required = text(o, "requiredValue").ok_or(DESCRIPTION)?;
        described.push((field("id")?, field("name")?, field("resultType")?, required));
    }
    let results = match subject.get("result") {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => return Err(RESULT),
    };
    results
        .iter()
        .map(|r| {
            let o = r.as_object().ok_or(RESULT)?;
            if !super::verify::has_type(o.get("type"), "Result") {
                return Err(RESULT);
            }
            let id = o
                .get("resultDescription")
                .and_then(Value::as_str)
                .ok_or(RESULT)?;
            let (description_id, name, result_type, required_value) = described
                .iter()
                .find(|d| d.0 == id)
                .cloned()
                .ok_or(RESULT)?;
            Ok(ResultRead {
                description_id,
                name,
                result_type,
                required_value,
                value: text(o, "value").ok_or(RESULT)?,
                status: text(o, "status").ok_or(RESULT)?,
            })
        })
        .collect()
}
