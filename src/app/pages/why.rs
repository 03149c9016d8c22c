//! The layer under a lesson step that the learner opens on purpose ("Why?
//! Sources"): the step's sentence carries the instruction only, and this
//! layer carries everything else — how the guidelines differ here, the
//! sources of the wording the learner's guideline gets, and the note for
//! instructors where the wording still needs checking. Read-aloud never
//! reads it.

use leptos::prelude::*;

use crate::app::i18n::{t, use_i18n};

/// One source of a step, as the layer lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    /// The key in `content/sources.toml` (`A1`, `C4`…).
    pub key: String,
    /// `[key] title — section`.
    pub label: String,
    /// The source's address; empty when it has none.
    pub url: String,
}

/// The closed "Why? Sources" layer of one step.
///
/// The lesson player patches one step's screen into the next, so the
/// `<details>` element outlives its step: its `open` state is a signal the
/// element follows, and a new step's layer starts closed even when the
/// learner had opened the last one.
#[component]
pub fn WhyLayer(
    /// How the guidelines differ on this step, in the app's language.
    differs: Option<String>,
    /// The sources backing the wording the learner's guideline gets.
    sources: Vec<Cite>,
    /// Why an instructor must check this wording, when they must.
    review: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <details class="why" data-testid="why"
            prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary>{t!(i18n, player.why)}</summary>
            {differs.map(|d| view! {
                <p class="differs" data-testid="why-differs"><strong>{t!(i18n, player.other_guidelines)}</strong>" "{d}</p>
            })}
            <p class="why-label"><strong>{t!(i18n, player.sources)}</strong></p>
            <ul class="why-sources">
                {sources.into_iter().map(|s| view! {
                    <li data-source=s.key>
                        {s.label}
                        {(!s.url.is_empty()).then(|| view! { " " <a href=s.url.clone() rel="noopener noreferrer" target="_blank">{s.url.clone()}</a> })}
                    </li>
                }).collect_view()}
            </ul>
            {review.map(|rv| view! {
                <p class="review-note" data-testid="review-note"><strong>{t!(i18n, player.review_note)}</strong>" "{rv}</p>
            })}
        </details>
    }
}
