//! The learner's record page (`/record`) and the assignment list it shares
//! with the home screen.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::contents::{Handover, RecordContents};
use crate::adapters::platform;
use crate::app::focus::focus_id_later;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::with_curriculum;
use crate::app::state::{use_state, AppState};
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::records::assignment::Assignment;
use crate::records::compose::{self, ComposeError, Sources};
use crate::records::record::Record;
use crate::records::stored::Profile;

/// `/record`.
#[component]
pub fn RecordPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, records.title));
    let state = use_state();
    provide_context(NameMissing(RwSignal::new(false)));
    view! {
        <section class="page record-page">
            <h1>{t!(i18n, records.title)}</h1>
            <ProgressSummary />
            // The cards below the assignments come with them, once the
            // lessons are read: shown before, they would be pushed down by
            // the assignments card (a layout shift).
            {with_curriculum(state, move |c| view! {
                <Assignments curriculum=c.clone() actions=true />
                <super::certificate::MyCertificates />
                <ProfileForm />
                // The technical part (the phone's key and its check code, the
                // export for a school's system, what a record proves): closed,
                // below everything a learner looks for.
                <details class="for-instructors" data-testid="for-instructors">
                    <summary><h2 id="for-instructors-heading">{t!(i18n, records.for_instructors)}</h2></summary>
                    <p class="help">{t!(i18n, records.for_instructors_intro)}</p>
                    <p>{t!(i18n, records.intro)}</p>
                    <KeyCard />
                    <super::xapi::LearnerXapi curriculum=c />
                    <section class="card" aria-labelledby="trust-heading">
                        <h2 id="trust-heading">{t!(i18n, records.trust_heading)}</h2>
                        <p>{t!(i18n, records.trust)}</p>
                    </section>
                    <p><A href="/instructor" attr:class="inline-link" attr:data-testid="instructor-link">{t!(i18n, records.instructor_link)}</A></p>
                </details>
            })}
        </section>
    }
}

/// Progress at a glance: lessons finished, exams passed, the best
/// training score.
#[component]
fn ProgressSummary() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lessons = move || {
        state.progress.with(|p| {
            p.lessons
                .values()
                .filter(|l| l.completed_at.is_some())
                .count()
        })
    };
    let exams = move || {
        state
            .quiz
            .with(|q| q.results.iter().filter(|t| t.passed).count())
    };
    let best = move || {
        state.trainer.with(|t| {
            t.best()
                .and_then(|r| crate::trainer::session::summarize(r).score)
        })
    };
    // Sessions too short to score are still training done.
    let trained = move || state.trainer.with(|t| !t.sessions.is_empty());
    view! {
        <section class="card" aria-labelledby="summary-heading" data-testid="progress-summary">
            <h2 id="summary-heading">{t!(i18n, records.summary_heading)}</h2>
            <ul class="summary-list">
                <li>{t!(i18n, records.summary_lessons, n = lessons)}</li>
                <li>{t!(i18n, records.summary_exams, n = exams)}</li>
                <li>{move || match (best(), trained()) {
                    (Some(s), _) => t!(i18n, records.summary_training, score = move || s).into_any(),
                    (None, true) => t!(i18n, records.summary_no_score).into_any(),
                    (None, false) => t!(i18n, records.summary_no_training).into_any(),
                }}</li>
            </ul>
        </section>
    }
}

/// Set when a record could not be made for want of a name: the name's
/// field says so beside it (the record's button may be screens away).
#[derive(Clone, Copy)]
struct NameMissing(RwSignal<bool>);

/// The name field's id (also its test id).
const NAME: &str = "learner-name";
/// The learner number field's id.
const NUMBER: &str = "learner-number";

/// The learner's name, number and class.
#[component]
fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let p = state.records.with_untracked(|r| r.learner.profile.clone());
    let name = RwSignal::new(p.name);
    let number = RwSignal::new(p.number.unwrap_or_default());
    let class = RwSignal::new(p.class.unwrap_or_default());
    let saved = RwSignal::new(false);
    let missing = use_context::<NameMissing>().map(|m| m.0);
    // Kept when a field changes (it loses focus), not only with the
    // button: a learner who types their name and then taps "make a
    // record" (a field's change comes before the tap) is not told again
    // that the name is missing. Only that field: the others as stored,
    // which another tab may have changed since this form was drawn.
    let keep_field = move |id: &'static str, value: String| {
        state.update_records(|r| {
            let cur = &r.learner.profile;
            let name = cur.name.clone();
            let number = cur.number.clone().unwrap_or_default();
            let class = cur.class.clone().unwrap_or_default();
            r.learner.profile = match id {
                NAME => Profile::from_fields(&value, &number, &class),
                NUMBER => Profile::from_fields(&name, &value, &class),
                _ => Profile::from_fields(&name, &number, &value),
            };
        });
        saved.set(true);
    };
    let store = move || {
        let p = Profile::from_fields(
            &name.get_untracked(),
            &number.get_untracked(),
            &class.get_untracked(),
        );
        name.set(p.name.clone());
        state.update_records(|r| r.learner.profile = p);
        saved.set(true);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        store();
    };
    // Only the name can be missing; its error is linked to the field.
    let invalid = move || missing.is_some_and(|m| m.get());
    let field = move |label: &'static str,
                      sig: RwSignal<String>,
                      id: &'static str,
                      required: bool| {
        let flagged = move || required && invalid();
        view! {
            <label class="field">
                <span>{label}</span>
                <input type="text" id=id data-testid=id maxlength="80" required=required autocomplete="off"
                    aria-invalid=move || flagged().then_some("true")
                    aria-describedby=move || flagged().then_some("learner-name-error")
                    prop:value=move || sig.get()
                    on:input=move |ev| {
                        sig.set(event_target_value(&ev));
                        saved.set(false);
                        if required {
                            if let Some(m) = missing { m.set(false); }
                        }
                    }
                    on:change=move |ev| keep_field(id, event_target_value(&ev)) />
            </label>
            {move || flagged().then(|| view! {
                <p id="learner-name-error" class="status error" data-testid="name-error">{t!(i18n, records.name_needed)}</p>
            })}
        }
    };
    view! {
        <form class="card" aria-labelledby="profile-form-heading" on:submit=save>
            <h2 id="profile-form-heading">{t!(i18n, records.profile_heading)}</h2>
            <p class="help">{t!(i18n, records.profile_help)}</p>
            {move || field(t_string!(i18n, records.name), name, NAME, true)}
            {move || field(t_string!(i18n, records.number), number, NUMBER, false)}
            {move || field(t_string!(i18n, records.class), class, "learner-class", false)}
            <button type="submit" data-testid="save-profile">{t!(i18n, records.save)}</button>
            <p role="status" class="status">{move || saved.get().then(|| t_string!(i18n, records.saved))}</p>
        </form>
    }
}

/// The device key's fingerprint (the key is made on the first visit).
#[component]
fn KeyCard() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let fingerprint = state.device_key().map(|k| k.public().fingerprint());
    view! {
        <section class="card" aria-labelledby="key-heading">
            <h2 id="key-heading">{t!(i18n, records.key_heading)}</h2>
            <p class="help">{t!(i18n, records.key_help)}</p>
            <p>{t!(i18n, records.fingerprint)}{t!(i18n, records.colon)}
                <strong class="fingerprint" data-testid="device-fingerprint">{fingerprint}</strong></p>
        </section>
    }
}

/// Why the app could not make a record.
#[derive(Debug, Clone, PartialEq, Eq)]
enum MakeError {
    /// No CSPRNG, so no device key.
    NoKey,
    Compose(ComposeError),
}

/// The learner's record, made from the app's data as it is now.
fn make_record(state: AppState, assignment: Option<&Assignment>) -> Result<Record, MakeError> {
    let key = state.device_key().ok_or(MakeError::NoKey)?;
    let records = state.records.get_untracked();
    let progress = state.progress.get_untracked();
    let quiz = state.quiz.get_untracked();
    let trainer = state.trainer.get_untracked();
    let src = Sources {
        app_version: crate::APP_VERSION,
        content_version: CONTENT_VERSION,
        profile: &records.learner.profile,
        progress: &progress,
        results: &quiz.results,
        trainer: &trainer,
    };
    compose::compose(&src, &key, assignment, platform::now_ms().max(0) as u64)
        .map_err(MakeError::Compose)
}

/// Accepted assignments with progress; with `actions`, the buttons to take
/// the exam and make a record (for one or none).
///
/// Props: `curriculum`; `actions` — show the buttons (the record page) or
/// only the progress (the home screen).
#[component]
pub fn Assignments(curriculum: Arc<Curriculum>, actions: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let made = RwSignal::new(None::<(Record, Option<String>)>);
    let error = RwSignal::new(None::<&'static str>);
    let navigate = use_navigate();
    // Only on the record page (the home screen has no name field).
    let missing = use_context::<NameMissing>();
    let make = move |a: Option<Assignment>| {
        error.set(None);
        match make_record(state, a.as_ref()) {
            Ok(r) => {
                if let Some(NameMissing(m)) = missing {
                    m.set(false);
                }
                let name = a.map(|a| format!("{} · {}", a.body.class, a.body.instructor_name));
                made.set(Some((r, name)));
                focus_id_later("made-record");
            }
            Err(MakeError::NoKey) => error.set(Some(t_string!(i18n, records.no_key))),
            Err(MakeError::Compose(ComposeError::NoName)) => {
                error.set(Some(t_string!(i18n, records.name_needed)));
                // The name's field may be screens away: go there; it says
                // what is wrong beside it.
                if let Some(NameMissing(m)) = missing {
                    m.set(true);
                }
                focus_id_later(NAME);
            }
            Err(MakeError::Compose(ComposeError::DamagedExam(_))) => {
                error.set(Some(t_string!(i18n, records.damaged_exam)))
            }
        }
    };
    let c = curriculum.clone();
    // Made (if need be) here, not inside the list's render closure, which
    // would otherwise write the records it reads.
    let device = state.device_key().map(|k| k.public());
    let list = move || {
        let key = device;
        let accepted: Vec<Assignment> = state.records.with(|r| r.learner.accepted().collect());
        let progress = state.progress.get();
        let quiz = state.quiz.get();
        let trainer = state.trainer.get();
        let l = lang();
        accepted
            .into_iter()
            .map(|a| {
                let p = key.map(|k| compose::progress(&a, &k, CONTENT_VERSION, &progress, &quiz.results, &trainer));
                let b = a.body.clone();
                let due = b.due_at_ms.map(|d| super::contents::local_time(d, l.tag()));
                let exam = b.exam.clone();
                let p2 = p.clone();
                let other_content = b.content_version != CONTENT_VERSION;
                let c = c.clone();
                let navigate = navigate.clone();
                let a_exam = a.clone();
                let a_make = a.clone();
                let (class, instructor) = (b.class.clone(), b.instructor_name.clone());
                view! {
                    <li class="assignment-item card" data-testid="assignment-item">
                        <h3 class="keep-words">{t!(i18n, records.assignment_line, class = move || class.clone(), instructor = move || instructor.clone())}</h3>
                        {due.map(|d| view! { <p>{t!(i18n, records.due, date = move || d.clone())}</p> })}
                        {other_content.then(|| view! { <p class="review-flag">{t!(i18n, records.other_content)}</p> })}
                        {p.map(|p| {
                            let (done, total) = (p.lessons_done, p.lessons_total);
                            view! {
                                <ul class="progress-list" data-testid="assignment-progress">
                                    <li>{t!(i18n, records.lessons_progress, done = move || done, total = move || total)}</li>
                                    {exam.clone().map(|req| {
                                        let pass = req.pass_percent;
                                        match p.best_exam {
                                            Some(best) => view! { <li>{t!(i18n, records.exam_progress, best = move || best, pass = move || pass)}</li> }.into_any(),
                                            // An exam taken outside this class does not count
                                            // for it (a class's exam is drawn for that class):
                                            // say so, beside the button that takes it.
                                            None if quiz.results.iter().any(|t| t.blueprint.id == req.blueprint) => view! {
                                                <li data-testid="exam-taken-elsewhere">{t!(i18n, records.exam_not_taken, pass = move || pass)}" "{t!(i18n, records.exam_elsewhere)}</li>
                                            }.into_any(),
                                            None => view! { <li>{t!(i18n, records.exam_not_taken, pass = move || pass)}</li> }.into_any(),
                                        }
                                    })}
                                    {b.min_trainer_score.map(|min| match p.best_trainer {
                                        Some(best) => view! { <li>{t!(i18n, records.trainer_progress, best = move || best, min = move || min)}</li> }.into_any(),
                                        None => view! { <li>{t!(i18n, records.trainer_not_done, min = move || min)}</li> }.into_any(),
                                    })}
                                </ul>
                                {p.complete().then(|| view! { <p class="status" data-testid="assignment-complete">{t!(i18n, records.all_done)}</p> })}
                            }
                        })}
                        // On the home page: the way to the exam and the record.
                        {(!actions).then(|| view! {
                            <p><a href="/record" class="button" data-testid="assignment-open">{t!(i18n, records.open_class)}</a></p>
                        })}
                        {actions.then(|| view! {
                            <div class="actions">
                                {exam.clone().filter(|_| !p2.as_ref().is_some_and(|p| p.exam_ok)).and_then(|req| c.blueprint(&req.blueprint).cloned()).map(|bp| {
                                    let c = c.clone();
                                    let navigate = navigate.clone();
                                    let a = a_exam.clone();
                                    view! {
                                        <button type="button" data-testid="assignment-exam" on:click=move |_| {
                                            if crate::app::quiz::start_exam(state, &c, bp.clone(), Some(&a)) {
                                                navigate("/quiz/exam", Default::default());
                                            }
                                        }>{t!(i18n, records.take_exam)}</button>
                                    }
                                })}
                                <button type="button" class="primary" data-testid="make-record"
                                    on:click=move |_| make(Some(a_make.clone()))>{t!(i18n, records.make_for)}</button>
                            </div>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    let has_any = move || state.records.with(|r| !r.learner.assignments.is_empty());
    let c2 = curriculum.clone();
    view! {
        <section class="card" aria-labelledby="assignments-heading">
            <h2 id="assignments-heading">{move || if actions { t_string!(i18n, records.assignments_heading) } else { t_string!(i18n, home.assignments) }}</h2>
            <Show when=has_any fallback=move || actions.then(|| view! { <p class="help">{t!(i18n, records.no_assignments)}</p> })>
                <ul class="assignment-list">{list.clone()}</ul>
            </Show>
            {actions.then(|| view! {
                <div class="actions">
                    <button type="button" data-testid="make-free-record" on:click=move |_| make(None)>{t!(i18n, records.make_free)}</button>
                </div>
            })}
            <p role="alert" class="status error">{move || error.get()}</p>
        </section>
        {move || made.get().map(|(r, name)| view! {
            <section class="card" id="made-record" tabindex="-1" aria-labelledby="made-heading" data-testid="made-record">
                <h2 id="made-heading">{t!(i18n, records.record_heading)}</h2>
                <p>{t!(i18n, records.contains)}</p>
                <RecordContents record=r.clone() curriculum=c2.clone() assignment_name=name />
                <Handover record=r />
            </section>
        })}
    }
}
