//! xAPI export (issue #7): learners' completed lessons and exams as xAPI
//! 1.0.3 statements shaped as cmi5 defines them, for schools that keep a
//! Learning Record Store (LRS). Pure: no browser dependency, the same code
//! in the app and in `firstaid xapi`.
//!
//! - [`statement`] — the wire structs (separate from the app's types),
//!   name-based statement ids, ISO 8601 durations, the vocabulary.
//! - [`convert`] — the plain inputs ([`LearnerActivity`]), the actor
//!   configuration ([`ActorConfig`]), the learner's own export
//!   ([`learner_statements`]), the instructor's export of verified records
//!   ([`verified_statements`], [`class_export`]) and the file
//!   ([`export_file`]).
//! - [`practical`] — the practical exam's checklists in the class export
//!   ([`practical_statements`]).
//! - [`validate`] — the xAPI 1.0.3 statement rules that can be checked
//!   without an LRS.
//!
//! ## What is exported
//!
//! | event | verb | result | timestamp |
//! |---|---|---|---|
//! | a lesson completed | `http://adlnet.gov/expapi/verbs/completed` | `completion: true`, duration | when its knowledge check was passed |
//! | an exam at or above its pass mark | `…/verbs/passed` | `success: true`, score, duration | when it was handed in |
//! | an exam below its pass mark | `…/verbs/failed` | `success: false`, score, duration | when it was handed in |
//! | a skills checklist, every item passed (class export) | `…/verbs/passed` | `success: true` | its last mark |
//! | a skills checklist with items that need practice | `…/verbs/failed` | `success: false`, `response` naming them | its last mark |
//!
//! The score is `raw` = the percent, `min` 0, `max` 100, `scaled` =
//! raw / max (0 to 1, which is what cmi5 allows of xAPI's −1 to 1);
//! the pass mark goes into the cmi5 `masteryscore` context extension as a
//! decimal (0.8 for 80%), so `scaled ≥ masteryscore` exactly when passed.
//! Every statement has `context.revision` = the learner's content version
//! and `context.platform` = "First Aid Hero (急救英雄)"; exams also carry
//! their seed (`<base>/extensions/exam-seed`, a decimal string), with
//! which anyone holding the same content draws the same questions again.
//! Verb displays and activity names and descriptions are in English
//! (`en-US`) and Simplified Chinese (`zh-CN`), from the curriculum.
//!
//! ## Activity ids
//!
//! Lessons are `<base>/activities/lesson/<lesson id>` and exams
//! `<base>/activities/exam/<blueprint id>`: content ids never change, so
//! the same lesson is the same activity in every export. The app has no
//! server, so there is no address it owns: `<base>` is a parameter
//! ([`ExportOptions::activity_base`]) whose default,
//! [`DEFAULT_ACTIVITY_BASE`] (`https://firstaid.example/xapi`), is on a
//! reserved domain (RFC 2606) that can never be someone else's, but does
//! not resolve. A school that serves the app from its own site should use
//! an address under it, and keep it: another base makes other activities.
//!
//! ## The actor
//!
//! Only what the caller passes goes in: the learner's chosen name (unless
//! [`ActorConfig::include_name`] is off) and one identifier the instructor
//! chooses ([`ActorId`]) — an `account` on the school's system named by
//! the learner number or by the device key's fingerprint (pseudonymous,
//! and every record has one), or an `mbox` made from a template. xAPI
//! requires exactly one identifier, so "none" is not an option; leaving
//! the name out and naming the account by the fingerprint is the least
//! personal choice.
//!
//! ## Statement ids
//!
//! Each id is a name-based UUID (version 5) of the actor's identifier, the
//! verb, the activity, the time, the registration and the exam's seed
//! ([`statement::statement_id`]): exporting again gives the same ids, so an
//! LRS that already has a statement does not store it twice. The names of
//! things are not part of the id: if a learner renames themselves or the
//! content's wording changes, a re-export reuses the ids with different
//! text, which an LRS keeps as it was and may answer with 409 Conflict
//! (xAPI Communication 2.1.2) — the event is already recorded. One export
//! never holds two statements with the same id (an LRS rejects such a
//! batch with 400).
//!
//! ## cmi5-shaped, not cmi5
//!
//! cmi5 is a contract between an LMS that launches content and the content
//! it launches. First Aid Hero is a standalone offline app: no LMS
//! launched it, so some of what cmi5 requires cannot be there.
//! Exactly:
//!
//! - **Followed**: the verbs and their IRIs (cmi5 9.3.3–9.3.5); `completion:
//!   true` in completed and no `success` or score there; `success` true in
//!   passed and false in failed, with no `completion` (9.5.2, 9.5.3); the
//!   score only in passed and failed, `scaled` from 0 to 1, integer `raw`
//!   with `min` and `max` (9.5.1); the duration in passed and failed
//!   (9.5.4.1); the `masteryscore` extension on passed and failed
//!   (9.6.3.2); the cmi5 and moveOn category activities on every cmi5
//!   defined statement (9.6.2.1, 9.6.2.2); a UUID `id` and a UTC
//!   `timestamp` on every statement (9.1, 9.7); an Agent actor (9.2, with
//!   an account unless an mbox is configured). cmi5's once-per-registration
//!   rules (9.3) hold: per activity, only the first completion of a
//!   lesson, the failures before an exam's first pass and that pass are
//!   "cmi5 defined"; later ones (a retaken exam after a pass) are exported
//!   as "cmi5 allowed" statements — the same statement without the two
//!   categories (7.1.3) — so no attempt is hidden.
//! - **Different**: no `launched`, `initialized`, `terminated`,
//!   `satisfied` statements and no sessions — nothing was launched, so
//!   there is no session id extension (9.6.3.1), no `launchMode`,
//!   `launchURL`, `moveOn` or publisher-id grouping (9.6.2.3); the
//!   `registration` is not issued by an LMS (9.6.1) but derived
//!   ([`registration`]) from the assignment a record answers and the
//!   learner's key, and absent without an assignment; the activities are
//!   not AUs of an imported course structure, so their ids are ours
//!   (9.4); "completed" statements carry the time spent in the lesson
//!   until it was completed as their duration (cmi5 9.5.4.1: the lesson's
//!   screen visible, each stretch counted up to 5 minutes,
//!   [`crate::progress::MAX_STRETCH_MS`]), except for a lesson begun
//!   before the app measured it (and in version 1 records), whose time is
//!   not known and is not made up; an
//!   mbox actor, if configured, is not the account cmi5 9.2 requires; and
//!   statements are exported after the fact, not sent as they happen.
//!
//! An LMS that imports these statements sees cmi5-shaped results for
//! activities it did not launch; an LRS sees valid xAPI 1.0.3.
//!
//! ## Sending (later)
//!
//! The export file ([`export_file`]) is a JSON array of statements — the
//! body `POST <endpoint>/statements` accepts. A later `send` posts the
//! same text with `Content-Type: application/json` and
//! `X-Experience-API-Version: 1.0.3` ([`statement::XAPI_VERSION`]) and the
//! school's credentials; the app's CSP (`connect-src 'self'`) would have
//! to name the school's LRS, and the app a place to configure it, which is
//! why sending is not part of this module.

pub mod class;
pub mod convert;
pub mod practical;
pub mod settings;
pub mod statement;
pub mod validate;

pub use convert::{
    class_export, export_file, learner_statements, record_activity, registration,
    verified_statements, AccountName, ActorConfig, ActorId, ClassExport, ExamResult, ExportError,
    ExportOptions, LearnerActivity, LearnerIdentity, LessonCompletion, DEFAULT_ACTIVITY_BASE,
    DEFAULT_HOME_PAGE,
};
pub use practical::practical_statements;
pub use statement::Statement;
pub use validate::{validate, validate_export, Problem, Rule};
