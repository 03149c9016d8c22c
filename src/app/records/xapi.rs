//! xAPI exports (issue #7): the learner's own lessons and exams, and a
//! class's verified results, as xAPI 1.0.3 statements shaped as cmi5 in a
//! JSON file a school's learning record store imports. Nothing is sent
//! anywhere: the file is downloaded on this phone. The statements come
//! from the pure `crate::xapi`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::adapters::{files, platform};
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::use_state;
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::records::assignment::Assignment;
use crate::time::format_iso;
use crate::xapi::settings::XapiSettings;
use crate::xapi::{
    class_export, export_file, learner_statements, practical_statements, ExamResult, ExportError,
    ExportOptions, LearnerActivity, LearnerIdentity, LessonCompletion,
};
use leptos_i18n::I18nContext;

/// Why statements could not be made, in the app's language.
fn export_error_text(i18n: I18nContext<Locale>, e: &ExportError) -> &'static str {
    match e {
        ExportError::HomePage(_) | ExportError::ActivityBase(_) | ExportError::Mbox(_) => {
            t_string!(i18n, xapi.bad_home_page)
        }
        ExportError::NoLearnerNumber => t_string!(i18n, xapi.no_number),
        ExportError::NoFingerprint => t_string!(i18n, xapi.no_key),
        ExportError::NotVerified(_) => t_string!(i18n, xapi.not_verified),
    }
}

/// The file's name: `xapi-<what>-<UTC date>.json`.
fn file_name(what: &str) -> String {
    let date = format_iso(platform::now_ms());
    format!(
        "xapi-{}-{}.json",
        what.replace(['/', '\\', ' '], "_"),
        &date[..10]
    )
}

/// The learner's export on their record page.
///
/// Props: `curriculum` — for the lessons' and exams' names.
#[component]
pub fn LearnerXapi(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let status = RwSignal::new(None::<&'static str>);
    let export = move |_| {
        let profile = state.records.with_untracked(|r| r.learner.profile.clone());
        let activity = LearnerActivity {
            learner: LearnerIdentity {
                name: profile.name.clone(),
                number: profile.number.clone(),
                fingerprint: state.device_key().map(|k| k.public().fingerprint()),
            },
            content_version: CONTENT_VERSION.to_owned(),
            registration: None,
            lessons: state
                .progress
                .with_untracked(LessonCompletion::from_progress),
            exams: state.quiz.with_untracked(|q| {
                q.results
                    .iter()
                    .filter_map(ExamResult::from_transcript)
                    .collect()
            }),
        };
        match learner_statements(&activity, &curriculum, &ExportOptions::default()) {
            Ok(statements) => {
                let name = file_name(if profile.name.is_empty() {
                    "learner"
                } else {
                    &profile.name
                });
                match files::download_text(&name, "application/json", &export_file(&statements)) {
                    Ok(()) => status.set(Some(t_string!(i18n, xapi.exported))),
                    Err(e) => web_sys::console::warn_1(&e.into()),
                }
            }
            Err(e) => status.set(Some(export_error_text(i18n, &e))),
        }
    };
    view! {
        <section class="card" aria-labelledby="xapi-heading">
            <h2 id="xapi-heading">{t!(i18n, xapi.heading)}</h2>
            <p>{t!(i18n, xapi.learner_help)}</p>
            <button type="button" data-testid="xapi-learner-export" on:click=export>{t!(i18n, xapi.export)}</button>
            <p role="status" class="status" data-testid="xapi-status">{move || status.get()}</p>
        </section>
    }
}

/// A class's export on its page, with the instructor's settings for how
/// learners are named.
///
/// Props: `assignment` — the class's; `curriculum` — to verify the records
/// again (only verified ones are exported).
#[component]
pub fn ClassXapi(assignment: Assignment, curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let saved = state.records.with_untracked(|r| r.instructor.xapi.clone());
    // Nothing personal by default: no address (the school's own must be
    // entered), accounts by key fingerprint, no names.
    let home_page = RwSignal::new(
        saved
            .as_ref()
            .map(|s| s.home_page.clone())
            .unwrap_or_default(),
    );
    let by_number = RwSignal::new(saved.as_ref().is_some_and(|s| s.by_number));
    let include_names = RwSignal::new(saved.as_ref().is_some_and(|s| s.include_names));
    let status = RwSignal::new(None::<String>);
    let id = assignment.body.id.clone();
    let class = assignment.body.class.clone();
    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let settings = XapiSettings {
            home_page: home_page.get_untracked(),
            by_number: by_number.get_untracked(),
            include_names: include_names.get_untracked(),
        };
        state.update_records(|r| r.instructor.xapi = Some(settings.clone()));
        let (records, marks): (Vec<_>, Vec<_>) = state.records.with_untracked(|r| {
            r.instructor
                .issued(&id)
                .map(|(i, _)| r.instructor.assignments[i].roster.entries.clone())
                .unwrap_or_default()
                .into_iter()
                .filter_map(|e| Some((e.record()?, e.assessments)))
                .unzip()
        });
        let mut out = class_export(
            &records,
            &curriculum,
            CONTENT_VERSION,
            Some(&assignment),
            &settings.options(),
        );
        // The practical exam of every learner whose record verified.
        let mut ids: std::collections::BTreeSet<String> =
            out.statements.iter().map(|s| s.id.clone()).collect();
        for (i, (r, m)) in records.iter().zip(&marks).enumerate() {
            if out.refused.iter().any(|(j, _)| *j == i) {
                continue;
            }
            if let Ok(s) = practical_statements(r, m, &curriculum, &settings.options()) {
                out.statements
                    .extend(s.into_iter().filter(|s| ids.insert(s.id.clone())));
            }
        }
        // Nothing to export: a setting that fails for everyone (a bad
        // address), or nobody verified yet.
        if out.statements.is_empty() {
            let e = out
                .refused
                .first()
                .map(|(_, e)| e.clone())
                .unwrap_or(ExportError::NotVerified(Vec::new()));
            status.set(Some(export_error_text(i18n, &e).to_owned()));
            return;
        }
        match files::download_text(
            &file_name(&class),
            "application/json",
            &export_file(&out.statements),
        ) {
            Ok(()) => {
                let left = out.refused.len();
                let n = records.len() - left;
                status.set(Some(if left == 0 {
                    crate::app::fill(t_string!(i18n, xapi.class_exported), &[("n", &n)])
                } else {
                    crate::app::fill(
                        t_string!(i18n, xapi.class_exported_some),
                        &[("n", &n), ("left", &left)],
                    )
                }));
            }
            Err(e) => web_sys::console::warn_1(&e.into()),
        }
    };
    view! {
        <section class="card" aria-labelledby="class-xapi-heading">
            <h2 id="class-xapi-heading">{t!(i18n, xapi.heading)}</h2>
            <p>{t!(i18n, xapi.class_help)}</p>
            <form on:submit=export>
                <label class="field">
                    <span>{t!(i18n, xapi.home_page)}</span>
                    <input type="url" required placeholder="https://" data-testid="xapi-home-page" prop:value=move || home_page.get()
                        on:input=move |ev| home_page.set(event_target_value(&ev)) />
                </label>
                <fieldset>
                    <legend>{t!(i18n, xapi.account_by)}</legend>
                    <label class="choice">
                        <input type="radio" name="xapi-account" data-testid="xapi-by-fingerprint"
                            prop:checked=move || !by_number.get() on:change=move |_| by_number.set(false) />
                        <span>{t!(i18n, xapi.by_fingerprint)}</span>
                    </label>
                    <label class="choice">
                        <input type="radio" name="xapi-account" data-testid="xapi-by-number"
                            prop:checked=move || by_number.get() on:change=move |_| by_number.set(true) />
                        <span>{t!(i18n, xapi.by_number)}</span>
                    </label>
                </fieldset>
                <label class="choice">
                    <input type="checkbox" data-testid="xapi-names" prop:checked=move || include_names.get()
                        on:change=move |ev| include_names.set(event_target_checked(&ev)) />
                    <span>{t!(i18n, xapi.include_names)}</span>
                </label>
                <button type="submit" data-testid="xapi-class-export">{t!(i18n, xapi.export_class)}</button>
            </form>
            <p role="status" class="status" data-testid="xapi-status">{move || status.get()}</p>
        </section>
    }
}
