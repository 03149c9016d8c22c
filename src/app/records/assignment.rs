//! Opening a class assignment (`/assignment#FAA1:…`): who issued it (name
//! and key fingerprint), what it asks for, and accepting it. The payload is
//! in the fragment, which browsers never send to a server.

use leptos::prelude::*;

use super::contents::local_time;
use super::reasons::{assignment_error_text, blueprint_title, lesson_title};
use crate::adapters::platform;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::{use_state, whole_curriculum};
use crate::content::CONTENT_VERSION;
use crate::records::assignment::{Assignment, AssignmentError};

fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `/assignment`.
#[component]
pub fn AssignmentPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, assignment.title));
    let state = use_state();
    state.load_curriculum();
    let parsed = RwSignal::new({
        let h = location_hash();
        (!h.trim_start_matches('#').is_empty()).then(|| Assignment::parse(&h))
    });
    // A link opened while the app is already on this page changes only the
    // fragment.
    let listener = gloo_events::EventListener::new(
        &web_sys::window().expect("window"),
        "hashchange",
        move |_| {
            let h = location_hash();
            parsed.set((!h.trim_start_matches('#').is_empty()).then(|| Assignment::parse(&h)));
        },
    );
    let listener = StoredValue::new_local(Some(listener));
    on_cleanup(move || listener.update_value(|l| drop(l.take())));
    let pasted = RwSignal::new(String::new());
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        parsed.set(Some(Assignment::parse(&pasted.get_untracked())));
    };
    view! {
        <section class="page assignment-page">
            <h1>{t!(i18n, assignment.title)}</h1>
            {move || match parsed.get() {
                None => view! { <p>{t!(i18n, assignment.missing)}</p> }.into_any(),
                Some(Err(e)) => error_view(e).into_any(),
                Some(Ok(a)) => view! { <AssignmentDetails assignment=a /> }.into_any(),
            }}
            <form class="card" on:submit=open>
                <label class="field">
                    <span>{t!(i18n, assignment.paste_label)}</span>
                    <textarea rows="3" data-testid="assignment-paste" prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit">{t!(i18n, assignment.open)}</button>
            </form>
        </section>
    }
}

fn error_view(e: AssignmentError) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="error" role="alert" data-testid="assignment-error">{move || assignment_error_text(i18n, &e)}</p> }
}

/// What an assignment asks for, and the accept button.
///
/// Props: `assignment` — signed and checked.
#[component]
fn AssignmentDetails(assignment: Assignment) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let b = assignment.body.clone();
    let accepted = {
        let a = assignment.clone();
        move || state.records.with(|r| r.learner.has(&a))
    };
    let just_accepted = RwSignal::new(false);
    let go_record = NodeRef::<leptos::html::A>::new();
    let a2 = assignment.clone();
    let accept = move |_| {
        state.update_records(|r| r.learner.accept(&a2, platform::now_ms()));
        just_accepted.set(true);
        // The accept button is gone: focus moves on to what comes next.
        crate::app::focus::focus_later(go_record);
    };
    let curriculum = move || state.curriculum.get().and_then(|c| c.ok());
    let lessons = b.lessons.clone();
    let lessons_view = move || {
        let c = curriculum();
        let l = lang();
        lessons
            .iter()
            .map(|id| view! { <li>{lesson_title(c.as_deref(), id, l)}</li> })
            .collect_view()
    };
    let exam = b.exam.clone();
    let exam_view = move || match &exam {
        Some(req) => {
            // A blueprint is the question bank's: the whole curriculum.
            let whole = curriculum().and_then(|l| whole_curriculum(&l).ok());
            let title = blueprint_title(whole.as_deref(), &req.blueprint, lang());
            let pass = req.pass_percent;
            t!(
                i18n,
                assignment.exam_line,
                blueprint = move || title.clone(),
                pass = move || pass
            )
            .into_any()
        }
        None => t!(i18n, assignment.no_exam).into_any(),
    };
    let due = b.due_at_ms;
    let (name, class) = (b.instructor_name.clone(), b.class.clone());
    view! {
        <section class="card" aria-labelledby="assignment-class" data-testid="assignment-details">
            <h2 id="assignment-class">{class}</h2>
            <p data-testid="assignment-from">{t!(i18n, assignment.from, name = move || name.clone())}</p>
            <p>{t!(i18n, records.fingerprint)}{t!(i18n, records.colon)}<strong class="fingerprint" data-testid="instructor-fingerprint">{b.key.fingerprint()}</strong></p>
            <p class="help">{t!(i18n, assignment.fingerprint_help)}</p>
            {(b.content_version != CONTENT_VERSION).then(|| view! { <p class="review-flag">{t!(i18n, records.other_content)}</p> })}
            <dl class="record-contents">
                <dt>{t!(i18n, assignment.lessons)}</dt><dd><ul>{lessons_view}</ul></dd>
                <dt>{t!(i18n, assignment.exam)}</dt><dd>{exam_view}</dd>
                <dt>{t!(i18n, assignment.trainer)}</dt>
                <dd>{match b.min_trainer_score {
                    Some(min) => t!(i18n, assignment.trainer_line, min = move || min).into_any(),
                    None => t!(i18n, assignment.no_trainer).into_any(),
                }}</dd>
                <dt>{t!(i18n, assignment.due)}</dt>
                <dd>{move || match due {
                    Some(d) => local_time(d, lang().tag()),
                    None => t_string!(i18n, assignment.no_due).to_owned(),
                }}</dd>
            </dl>
            {move || if accepted() {
                view! {
                    <p role="status" class="status" data-testid="assignment-accepted">{move || if just_accepted.get() {
                        t_string!(i18n, assignment.accepted)
                    } else {
                        t_string!(i18n, assignment.already)
                    }}</p>
                    <p><a href="/record" class="button primary" node_ref=go_record data-testid="go-record">{t!(i18n, assignment.go_record)}</a></p>
                }.into_any()
            } else {
                view! { <button type="button" class="primary" data-testid="accept-assignment" on:click=accept.clone()>{t!(i18n, assignment.accept)}</button> }.into_any()
            }}
        </section>
    }
}
