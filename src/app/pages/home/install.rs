//! The home page's hint to install the app: the browser's own prompt where
//! it offers one (`beforeinstallprompt`), the Share-menu steps on an
//! iPhone or iPad. "Not now" hides it until the app is opened again.

use std::cell::Cell;

use leptos::prelude::*;

use crate::adapters::install;
use crate::app::i18n::{t, use_i18n};
use crate::app::state::use_state;

thread_local! {
    /// "Not now" was chosen since the app was opened.
    static LATER: Cell<bool> = const { Cell::new(false) };
}

/// The hint, shown only where the app can be installed and is not yet.
#[component]
pub fn InstallHint() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let later = RwSignal::new(LATER.with(Cell::get));
    let ios = install::is_ios() && !install::is_standalone();
    let shown = move || !later.get() && (state.installable.get() || ios);
    let not_now = move |_| {
        LATER.with(|l| l.set(true));
        later.set(true);
    };
    view! {
        <Show when=shown>
            <aside class="card install-hint" aria-labelledby="install-heading" data-testid="install-hint">
                <h2 id="install-heading">{t!(i18n, home.install_heading)}</h2>
                <p>{t!(i18n, home.install_text)}</p>
                {move || if state.installable.get() {
                    view! {
                        <div class="actions">
                            <button type="button" data-testid="install" on:click=move |_| {
                                if install::prompt() {
                                    state.installable.set(false);
                                }
                            }>{t!(i18n, home.install_button)}</button>
                            <button type="button" class="link-button" on:click=not_now>{t!(i18n, home.install_later)}</button>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <p data-testid="install-ios">{t!(i18n, home.install_ios)}</p>
                        <div class="actions">
                            <button type="button" class="link-button" on:click=not_now>{t!(i18n, home.install_later)}</button>
                        </div>
                    }.into_any()
                }}
            </aside>
        </Show>
    }
}
