use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::i18n::{t, t_string, use_i18n};

/// Shown for any path that is not a page.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, not_found.title));
    view! {
        <section class="page">
            <h1>{t!(i18n, not_found.title)}</h1>
            <p><A href="/" attr:class="inline-link">{t!(i18n, not_found.home)}</A></p>
        </section>
    }
}
