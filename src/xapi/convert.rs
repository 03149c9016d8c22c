//! From the app's data to statements: the plain inputs a caller fills
//! ([`LearnerActivity`]), who the actor is ([`ActorConfig`]), where the
//! activity ids live ([`ExportOptions`]), and the two exports — the
//! learner's own ([`learner_statements`]) and the instructor's, from
//! verified records ([`verified_statements`], [`class_export`], in
//! [`super::class`] and re-exported here).

pub use super::class::{
    class_export, export_file, record_activity, verified_statements, ClassExport,
};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::statement::{
    bilingual, duration, statement_id, Account, Activity, ActivityDefinition, Agent, Context,
    ContextActivities, Score, Statement, StatementResult, VerbId, CATEGORY_CMI5, CATEGORY_MOVEON,
    EXT_MASTERY_SCORE, TYPE_ASSESSMENT, TYPE_LESSON,
};
use crate::content::Curriculum;
use crate::progress::Progress;
use crate::quiz::transcript::{parse_seed, Transcript};
use crate::records::keys::PublicKey;
use crate::records::record::{hex, AssignmentRef, MAX_TIME_MS};
use crate::time::{format_iso, parse_iso};

/// The activity base used when a school sets none. `.example` is reserved
/// (RFC 2606): it can never be someone else's domain, but it does not
/// resolve either — a school that hosts the app should pass its own
/// address (see the module documentation of [`super`]).
pub const DEFAULT_ACTIVITY_BASE: &str = "https://firstaid.example/xapi";
/// The account home page used when a school sets none.
pub const DEFAULT_HOME_PAGE: &str = "https://firstaid.example";
/// The `context.platform` of every statement.
pub const PLATFORM: &str = "First Aid Hero (急救英雄)";

/// Who the statements are about, as the caller passes it: nothing else
/// about the learner goes into a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerIdentity {
    /// The name the learner chose (`actor.name`, if the configuration
    /// includes it).
    pub name: String,
    /// The learner number the learner entered, if any.
    pub number: Option<String>,
    /// The device key's fingerprint (`XXXX-XXXX-XXXX-XXXX`), if there is a
    /// key.
    pub fingerprint: Option<String>,
}

/// A completed lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonCompletion {
    /// The lesson's id (content ids never change).
    pub lesson: String,
    /// When its knowledge check was passed, ms since the epoch (UTC).
    pub completed_at_ms: u64,
    /// The time spent in it until then, if measured (the statement's
    /// `duration`, cmi5 9.5.4.1).
    pub duration_ms: Option<u64>,
}

/// A finished exam.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamResult {
    /// The blueprint's id (`course-rcsc`, …).
    pub blueprint: String,
    pub seed: u64,
    /// When it was handed in, ms since the epoch (UTC).
    pub finished_at_ms: u64,
    /// How long it took, if known.
    pub duration_ms: Option<u64>,
    /// The percent scored (0–100, the floor of points × 100 / maximum).
    pub percent: u32,
    /// The pass mark (1–100). Passed is `percent ≥ pass_percent`, which is
    /// the app's rule `points × 100 ≥ pass_percent × maximum` (the pass
    /// mark is a whole number, so flooring the percent changes nothing).
    pub pass_percent: u32,
}

impl ExamResult {
    /// Passed the pass mark.
    pub fn passed(&self) -> bool {
        self.percent >= self.pass_percent
    }

    /// A finished exam's transcript, as kept by the app (`None` if a time
    /// or the seed does not read).
    pub fn from_transcript(t: &Transcript) -> Option<ExamResult> {
        let started = u64::try_from(parse_iso(&t.started_at)?).ok()?;
        let finished = u64::try_from(parse_iso(&t.finished_at)?).ok()?;
        Some(ExamResult {
            blueprint: t.blueprint.id.clone(),
            seed: parse_seed(&t.seed)?,
            finished_at_ms: finished,
            duration_ms: finished.checked_sub(started),
            percent: t.percent,
            pass_percent: t.blueprint.pass_percent,
        })
    }
}

impl LessonCompletion {
    /// The completed lessons of the app's progress (lessons whose
    /// completion time does not read are left out).
    pub fn from_progress(p: &Progress) -> Vec<LessonCompletion> {
        p.lessons
            .iter()
            .filter_map(|(id, l)| {
                Some(LessonCompletion {
                    lesson: id.clone(),
                    completed_at_ms: u64::try_from(parse_iso(l.completed_at.as_deref()?)?).ok()?,
                    duration_ms: l.time_to_complete_ms,
                })
            })
            .collect()
    }
}

/// Everything one learner's statements are made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerActivity {
    pub learner: LearnerIdentity,
    /// The content version the learner used (`context.revision`).
    pub content_version: String,
    /// The registration of every statement (see [`registration`]), if any.
    pub registration: Option<String>,
    pub lessons: Vec<LessonCompletion>,
    pub exams: Vec<ExamResult>,
}

/// What an account's name is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountName {
    /// The learner number (a learner without one cannot be exported).
    LearnerNumber,
    /// The device key's fingerprint: pseudonymous, and every record has it.
    Fingerprint,
}

/// The actor's identifier, as the instructor (or school) configures it.
/// xAPI requires exactly one; there is no "none".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorId {
    /// `account: {homePage, name}`.
    Account {
        /// The school's system the accounts belong to (an http(s) IRL).
        home_page: String,
        name_from: AccountName,
    },
    /// `mbox`: a `mailto:` IRI from a template in which `{number}` and
    /// `{fingerprint}` stand for the learner's number and fingerprint,
    /// e.g. `mailto:{number}@students.school.example`. (cmi5 requires an
    /// account; an mbox makes the statements plain xAPI.)
    Mbox { template: String },
}

/// How the actor of every statement is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorConfig {
    pub id: ActorId,
    /// Put the learner's chosen name in `actor.name`.
    pub include_name: bool,
}

/// The export's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// The base of the activity and extension IRIs, without a trailing
    /// slash: lessons are `<base>/activities/lesson/<id>`, exams
    /// `<base>/activities/exam/<blueprint id>`, the seed extension
    /// `<base>/extensions/exam-seed`.
    pub activity_base: String,
    pub actor: ActorConfig,
}

impl Default for ExportOptions {
    /// [`DEFAULT_ACTIVITY_BASE`]; accounts on [`DEFAULT_HOME_PAGE`] named
    /// by the fingerprint; the learner's name included.
    fn default() -> ExportOptions {
        ExportOptions {
            activity_base: DEFAULT_ACTIVITY_BASE.to_owned(),
            actor: ActorConfig {
                id: ActorId::Account {
                    home_page: DEFAULT_HOME_PAGE.to_owned(),
                    name_from: AccountName::Fingerprint,
                },
                include_name: true,
            },
        }
    }
}

/// Why statements cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The activity base is not an absolute http(s) IRI.
    ActivityBase(String),
    /// The account home page is not an http(s) IRL.
    HomePage(String),
    /// The mbox template does not give a valid `mailto:` IRI (what it gave).
    Mbox(String),
    /// The actor is named by the learner number and the learner gave none.
    NoLearnerNumber,
    /// The actor is named by the fingerprint and there is no device key.
    NoFingerprint,
    /// The record does not pass verification (the failed checks' reasons).
    NotVerified(Vec<String>),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::ActivityBase(b) => {
                write!(f, "the activity base {b:?} is not an absolute http(s) IRI")
            }
            ExportError::HomePage(h) => {
                write!(f, "the account home page {h:?} is not an http(s) IRL")
            }
            ExportError::Mbox(m) => write!(f, "the mbox template gives {m:?}, not a mailto: IRI"),
            ExportError::NoLearnerNumber => {
                write!(f, "no learner number (the actor's account is named by it)")
            }
            ExportError::NoFingerprint => {
                write!(
                    f,
                    "no device key (the actor's account is named by its fingerprint)"
                )
            }
            ExportError::NotVerified(reasons) => {
                write!(f, "does not verify: {}", reasons.join("; "))
            }
        }
    }
}

impl std::error::Error for ExportError {}

/// A registration for a learner's work on an assignment: the version 5
/// UUID, in [`super::statement::STATEMENT_NAMESPACE`], of the text
/// `firstaid-xapi-registration-v1`, the assignment's id, the instructor's
/// key and the learner's device key (hex), one per line. The same learner
/// and assignment always give the same registration; no LMS issued it.
pub fn registration(assignment: &AssignmentRef, learner: &PublicKey) -> String {
    super::statement::uuid_v5(
        &super::statement::STATEMENT_NAMESPACE,
        &format!(
            "firstaid-xapi-registration-v1\n{}\n{}\n{}",
            assignment.id,
            hex(&assignment.instructor.0),
            hex(&learner.0)
        ),
    )
}

/// An http(s) IRI with a host: what the validator accepts as an IRL, and
/// what bases and home pages must be.
pub(super) fn is_http_iri(s: &str) -> bool {
    super::validate::is_irl(s)
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so an
/// id of any text makes one path segment.
pub(super) fn segment(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(super) fn actor(learner: &LearnerIdentity, cfg: &ActorConfig) -> Result<Agent, ExportError> {
    let name = cfg.include_name.then(|| learner.name.clone());
    let (mbox, account) = match &cfg.id {
        ActorId::Account {
            home_page,
            name_from,
        } => {
            if !is_http_iri(home_page) {
                return Err(ExportError::HomePage(home_page.clone()));
            }
            let name = match name_from {
                AccountName::LearnerNumber => learner
                    .number
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .ok_or(ExportError::NoLearnerNumber)?,
                AccountName::Fingerprint => learner
                    .fingerprint
                    .clone()
                    .ok_or(ExportError::NoFingerprint)?,
            };
            (
                None,
                Some(Account {
                    home_page: home_page.clone(),
                    name,
                }),
            )
        }
        ActorId::Mbox { template } => {
            let mut m = template.clone();
            if m.contains("{number}") {
                let n = learner
                    .number
                    .as_deref()
                    .filter(|n| !n.trim().is_empty())
                    .ok_or(ExportError::NoLearnerNumber)?;
                m = m.replace("{number}", n);
            }
            if m.contains("{fingerprint}") {
                let f = learner
                    .fingerprint
                    .as_deref()
                    .ok_or(ExportError::NoFingerprint)?;
                m = m.replace("{fingerprint}", f);
            }
            if !super::validate::is_mbox(&m) {
                return Err(ExportError::Mbox(m));
            }
            (Some(m), None)
        }
    };
    Ok(Agent {
        object_type: "Agent",
        name,
        mbox,
        account,
    })
}

/// The activity base (checked, without a trailing slash) and the actor of
/// a learner's statements.
pub(super) fn base_and_actor<'a>(
    a: &LearnerActivity,
    opts: &'a ExportOptions,
) -> Result<(&'a str, Agent), ExportError> {
    let base = opts.activity_base.trim_end_matches('/');
    if !is_http_iri(base) {
        return Err(ExportError::ActivityBase(opts.activity_base.clone()));
    }
    Ok((base, actor(&a.learner, &opts.actor)?))
}

/// A time as a statement's timestamp (times past the year 9999, which no
/// record holds, are written as its last millisecond).
pub(super) fn iso(ms: u64) -> String {
    format_iso(ms.min(MAX_TIME_MS) as i64)
}

/// A statement before its cmi5 category is decided.
struct Draft {
    verb: VerbId,
    activity: String,
    at_ms: u64,
    statement: Statement,
}

/// The statements of one learner: a "completed" statement per completed
/// lesson, a "passed" or "failed" statement per exam, in time order (then
/// lessons before exams, then the order given). Names and descriptions
/// come from `c` (a lesson or blueprint it does not know is named by its
/// id).
///
/// Per activity, the statements cmi5 allows once per registration are
/// "cmi5 defined" (with the cmi5 and moveOn categories): the first
/// completion of a lesson; an exam's failures up to its first pass, and
/// that pass. The others (a lesson completed again, any attempt after a
/// pass) are exported as "cmi5 allowed" statements, without the
/// categories, so nothing the learner did is left out and nothing breaks
/// cmi5's ordering rules. Statements with the same id (the same event
/// twice) are exported once.
pub fn learner_statements(
    a: &LearnerActivity,
    c: &Curriculum,
    opts: &ExportOptions,
) -> Result<Vec<Statement>, ExportError> {
    let (base, agent) = base_and_actor(a, opts)?;
    let registration = a.registration.as_deref();
    let context = |extensions: BTreeMap<String, serde_json::Value>| Context {
        registration: registration.map(str::to_owned),
        context_activities: None,
        revision: Some(a.content_version.clone()),
        platform: Some(PLATFORM.to_owned()),
        extensions: (!extensions.is_empty()).then_some(extensions),
    };
    let mut drafts = Vec::new();
    for l in &a.lessons {
        let id = format!("{base}/activities/lesson/{}", segment(&l.lesson));
        let definition = match c.lesson(&l.lesson) {
            Some(lesson) => ActivityDefinition {
                name: bilingual(&lesson.title.en, &lesson.title.zh),
                description: Some(bilingual(&lesson.summary.en, &lesson.summary.zh)),
                kind: TYPE_LESSON.to_owned(),
            },
            None => ActivityDefinition {
                name: bilingual(&l.lesson, &l.lesson),
                description: None,
                kind: TYPE_LESSON.to_owned(),
            },
        };
        let timestamp = iso(l.completed_at_ms);
        let verb = VerbId::Completed;
        drafts.push(Draft {
            verb,
            activity: id.clone(),
            at_ms: l.completed_at_ms,
            statement: Statement {
                id: statement_id(&agent, verb, &id, &timestamp, registration, None),
                actor: agent.clone(),
                verb: verb.verb(),
                object: Activity {
                    object_type: "Activity",
                    id,
                    definition: Some(definition),
                },
                // cmi5 9.5.4.1 requires a duration in "completed"
                // statements: the time spent in the lesson until it was
                // completed, absent only for a lesson begun before the app
                // measured it (see the module documentation).
                result: Some(StatementResult {
                    score: None,
                    success: None,
                    completion: Some(true),
                    duration: l.duration_ms.map(duration),
                    response: None,
                }),
                context: Some(context(BTreeMap::new())),
                timestamp,
            },
        });
    }
    for e in &a.exams {
        let id = format!("{base}/activities/exam/{}", segment(&e.blueprint));
        let bp = c.blueprint(&e.blueprint);
        let (en, zh) = match bp.and_then(|b| b.title.as_ref()) {
            Some(t) => (t.en.clone(), t.zh.clone()),
            None => (e.blueprint.clone(), e.blueprint.clone()),
        };
        let description = bp.map(|b| {
            let n = b.question_count();
            bilingual(
                &format!("Theory exam: {n} questions, pass mark {}%.", e.pass_percent),
                &format!("理论考试：{n} 题，及格线 {}%。", e.pass_percent),
            )
        });
        let passed = e.passed();
        let verb = if passed {
            VerbId::Passed
        } else {
            VerbId::Failed
        };
        let timestamp = iso(e.finished_at_ms);
        let percent = e.percent.min(100);
        let mut extensions = BTreeMap::new();
        extensions.insert(
            EXT_MASTERY_SCORE.to_owned(),
            serde_json::json!(f64::from(e.pass_percent.min(100)) / 100.0),
        );
        extensions.insert(
            format!("{base}/extensions/exam-seed"),
            serde_json::json!(e.seed.to_string()),
        );
        drafts.push(Draft {
            verb,
            activity: id.clone(),
            at_ms: e.finished_at_ms,
            statement: Statement {
                id: statement_id(&agent, verb, &id, &timestamp, registration, Some(e.seed)),
                actor: agent.clone(),
                verb: verb.verb(),
                object: Activity {
                    object_type: "Activity",
                    id,
                    definition: Some(ActivityDefinition {
                        name: bilingual(&en, &zh),
                        description,
                        kind: TYPE_ASSESSMENT.to_owned(),
                    }),
                },
                result: Some(StatementResult {
                    score: Some(Score {
                        scaled: f64::from(percent) / 100.0,
                        raw: percent,
                        min: 0,
                        max: 100,
                    }),
                    success: Some(passed),
                    completion: None,
                    duration: e.duration_ms.map(duration),
                    response: None,
                }),
                context: Some(context(extensions)),
                timestamp,
            },
        });
    }
    // Stable: lessons before exams at the same time, each in input order.
    drafts.sort_by_key(|d| d.at_ms);
    let mut seen_ids = BTreeSet::new();
    let mut completed = BTreeSet::new();
    let mut passed = BTreeSet::new();
    let mut out = Vec::new();
    for mut d in drafts {
        if !seen_ids.insert(d.statement.id.clone()) {
            continue;
        }
        let defined = match d.verb {
            VerbId::Completed => completed.insert(d.activity.clone()),
            VerbId::Passed => passed.insert(d.activity.clone()),
            VerbId::Failed => !passed.contains(&d.activity),
        };
        if defined {
            if let Some(ctx) = d.statement.context.as_mut() {
                ctx.context_activities = Some(ContextActivities {
                    category: vec![
                        Activity::reference(CATEGORY_CMI5),
                        Activity::reference(CATEGORY_MOVEON),
                    ],
                });
            }
        }
        out.push(d.statement);
    }
    Ok(out)
}
