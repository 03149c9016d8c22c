//! A short celebration when a lesson is finished or an exam passed: a check
//! mark that pops in with a burst of dots around it, drawn by CSS
//! (`style/components/quiz.css`). Under reduced motion it shows still.

use leptos::prelude::*;

/// The burst and check mark; decoration only (the words beside it say
/// what happened), so hidden from assistive technology.
#[component]
pub fn Celebrate() -> impl IntoView {
    view! {
        <div class="celebrate" aria-hidden="true" data-testid="celebrate">
            {(0..8).map(|i| view! { <span class=format!("ray ray-{i}")></span> }).collect_view()}
            <span class="celebrate-check">"✓"</span>
        </div>
    }
}
