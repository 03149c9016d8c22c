//! The instructor area's list of questions held back from exams: each
//! question an exam never draws until an instructor has checked it
//! (`exam_hold`), with its note saying why. Knowledge checks and practice
//! still ask these questions; the notes are shown here only, never to a
//! learner.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::use_state;
use crate::content::Curriculum;
use crate::profile::ProfileId;
use leptos_i18n::I18nContext;

fn short_name(i18n: I18nContext<Locale>, p: ProfileId) -> &'static str {
    match p {
        ProfileId::Rcsc => t_string!(i18n, profiles.rcsc_short),
        ProfileId::Aha => t_string!(i18n, profiles.aha_short),
        ProfileId::Erc => t_string!(i18n, profiles.erc_short),
    }
}

/// "Questions held back from exams", each with its lesson, its guidelines
/// and its note.
#[component]
pub fn HeldQuestions(
    /// The loaded curriculum.
    curriculum: Arc<Curriculum>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let held: Vec<_> = curriculum.held_from_exams().cloned().collect();
    let c = curriculum.clone();
    let items = move || {
        let lang = lang();
        held.iter()
            .map(|q| {
                let lesson = c
                    .lesson(&q.lesson)
                    .map(|l| l.title.get(lang).to_owned())
                    .unwrap_or_default();
                let profiles: Vec<&str> =
                    q.profiles.iter().map(|p| short_name(i18n, *p)).collect();
                let note = q
                    .review
                    .as_ref()
                    .map(|r| r.get(lang).to_owned())
                    .unwrap_or_default();
                view! {
                    <li class="held-item" data-question=q.id.clone()>
                        <p class="held-prompt">{state.say(q.prompt.get(lang))}</p>
                        <p class="held-meta">{lesson}" · "{profiles.join(", ")}" · "<code>{q.id.clone()}</code></p>
                        <p class="held-note" data-testid="held-note">
                            <strong>{t!(i18n, instructor.held_why)}</strong>" "{note}
                        </p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card held-questions" aria-labelledby="held-heading" data-testid="held-questions">
            <h2 id="held-heading">{t!(i18n, instructor.held_heading)}</h2>
            <p class="help">{t!(i18n, instructor.held_help)}</p>
            <ul class="held-list">{items}</ul>
        </section>
    }
}
