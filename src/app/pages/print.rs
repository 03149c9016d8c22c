use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::learn::with_lessons;
use super::profile_name;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::svg::scoped_ids;
use crate::content::Curriculum;

/// A clean handout of the whole curriculum (`/print`) or one lesson
/// (`/print/:lesson`), for the selected profile and language.
#[component]
pub fn PrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let params = use_params_map();
    crate::app::page_title(move || t_string!(i18n, print.title));
    let lang = move || state.settings.get().lang;
    let profile = move || state.settings.get().profile;
    view! {
        <section class="page print-page">
            <h1>{t!(i18n, print.title)}</h1>
            <p class="no-print">
                <button type="button" class="primary" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.print();
                    }
                }>{t!(i18n, print.button)}</button>
            </p>
            <p>{t!(i18n, print.guideline, profile = move || profile_name(i18n, profile()), number = move || state.call_number())}</p>
            {with_lessons(state, move |c: Arc<Curriculum>| {
                let only = params.read().get("lesson");
                let lang = lang();
                let p = profile();
                let mut keys = Vec::new();
                let lessons = c
                    .lessons
                    .iter()
                    .filter(|l| only.as_deref().is_none_or(|id| id == l.id))
                    .map(|l| {
                        let steps = l
                            .steps
                            .iter()
                            .map(|s| {
                                let r = s.for_profile(p);
                                let cites: Vec<String> = r.sources.iter().map(|x| x.key.clone()).collect();
                                keys.extend(cites.iter().cloned());
                                // A picture may be printed more than once (on several
                                // steps): each copy's ids are its own.
                                let svg = r
                                    .illustration
                                    .and_then(|n| c.illustrations.get(n))
                                    .map(|svg| scoped_ids(svg, &format!("{}-{}", l.id, s.id)));
                                let alt = r.alt.map(|a| a.get(lang).to_owned()).unwrap_or_default();
                                // The text first: the step's number stands beside
                                // its first line, not beside the picture's foot.
                                view! {
                                    <li>
                                        <p>{state.say(r.text.get(lang))}" "<span class="cite">"[" {cites.join(", ")} "]"</span></p>
                                        {svg.map(|svg| view! { <div class="illustration small" role="img" aria-label=alt inner_html=svg></div> })}
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="handout-lesson">
                                <h2>{l.order}". "{l.title.get(lang).to_owned()}</h2>
                                <ol>{steps}</ol>
                            </section>
                        }
                    })
                    .collect_view();
                keys.sort();
                keys.dedup();
                let sources = keys
                    .into_iter()
                    .filter_map(|k| c.source(&k).cloned())
                    .map(|s| view! { <li>"[" {s.key.clone()} "] " {s.title.clone()} " — " {s.url.clone()}</li> })
                    .collect_view();
                view! {
                    {lessons}
                    <section class="handout-sources">
                        <h2>{t!(i18n, print.sources)}</h2>
                        <ul>{sources}</ul>
                    </section>
                }
            })}
        </section>
    }
}
