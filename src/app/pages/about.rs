use leptos::prelude::*;

use crate::app::i18n::{t, t_string, use_i18n};

/// About: what the app is, privacy, licences, version.
#[component]
pub fn AboutPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, about.title));
    view! {
        <section class="page about">
            <h1>{t!(i18n, about.title)}</h1>
            <p>{t!(i18n, about.what)}</p>
            <p>{t!(i18n, about.class)}</p>
            <h2>{t!(i18n, about.privacy_title)}</h2>
            <p>{t!(i18n, about.privacy)}</p>
            <h2>{t!(i18n, about.licence_title)}</h2>
            <p>{t!(i18n, about.licence)}</p>
            <p class="version" data-testid="version">{t!(i18n, about.version, version = || crate::APP_VERSION)}</p>
        </section>
    }
}
