//! The practical exam in the class export: one statement per skills
//! checklist a learner was assessed on to the end — `passed` when every
//! item was, `failed` (with the items that need practice as the result's
//! `response`) when not. The activity is
//! `<base>/activities/checklist/<checklist id>`, of the ADL type
//! "assessment", named from the curriculum in both languages; the
//! timestamp is when its last item was marked. These are "cmi5 allowed"
//! statements (no cmi5 categories): no LMS launched a practical exam, and
//! it has no score, which cmi5 asks of its passed and failed.
//!
//! A checklist not marked to the end is not exported: "needs practice" on
//! one item before the others are marked is not yet a result.

use super::convert::{base_and_actor, iso, segment, ExportError, ExportOptions, PLATFORM};
use super::statement::{
    bilingual, statement_id, Activity, ActivityDefinition, Context, Statement, StatementResult,
    VerbId, TYPE_ASSESSMENT,
};
use crate::content::Curriculum;
use crate::records::assess::{Assessments, Outcome};
use crate::records::record::Record;

/// The practical exam's statements of the learner whose record is `r`,
/// from their marks on the roster, in the curriculum's checklist order.
pub fn practical_statements(
    r: &Record,
    marks: &Assessments,
    c: &Curriculum,
    opts: &ExportOptions,
) -> Result<Vec<Statement>, ExportError> {
    let a = super::record_activity(r);
    let (base, agent) = base_and_actor(&a, opts)?;
    let registration = a.registration.as_deref();
    let mut out = Vec::new();
    for list in &c.checklists {
        let (passed, response, at_ms) = match marks.outcome(list) {
            Outcome::Passed { at_ms } => (true, None, at_ms),
            Outcome::NeedsPractice(items) => {
                let at_ms = marks
                    .of(&list.id)
                    .map(|m| m.marks.iter().map(|x| x.at_ms).max().unwrap_or(0))
                    .unwrap_or(0);
                (
                    false,
                    Some(format!("needs practice: {}", items.join(" "))),
                    at_ms,
                )
            }
            Outcome::InProgress { .. } => continue,
        };
        let id = format!("{base}/activities/checklist/{}", segment(&list.id));
        let verb = if passed {
            VerbId::Passed
        } else {
            VerbId::Failed
        };
        let timestamp = iso(u64::try_from(at_ms).unwrap_or(0));
        out.push(Statement {
            id: statement_id(&agent, verb, &id, &timestamp, registration, None),
            actor: agent.clone(),
            verb: verb.verb(),
            object: Activity {
                object_type: "Activity",
                id,
                definition: Some(ActivityDefinition {
                    name: bilingual(
                        &format!("Practical exam: {}", list.title.en),
                        &format!("实操考核：{}", list.title.zh),
                    ),
                    description: None,
                    kind: TYPE_ASSESSMENT.to_owned(),
                }),
            },
            result: Some(StatementResult {
                score: None,
                success: Some(passed),
                completion: None,
                duration: None,
                response,
            }),
            context: Some(Context {
                registration: registration.map(str::to_owned),
                context_activities: None,
                revision: Some(a.content_version.clone()),
                platform: Some(PLATFORM.to_owned()),
                extensions: None,
            }),
            timestamp,
        });
    }
    Ok(out)
}
