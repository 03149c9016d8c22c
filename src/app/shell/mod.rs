//! The frame around every page: skip link, the top bar and navigation
//! (`nav.rs`), the banners (offline, update available, data notices), the
//! `<main>` landmark and the footer.

mod nav;

use nav::{Footer, TopBar};

use std::cell::RefCell;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use super::i18n::{t, t_string, use_i18n};
use super::state::{use_state, Notice};

/// Props: `children` — the routed page.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // After a navigation (not the first load), move focus to <main> so
    // keyboard and screen-reader users start at the new page's content.
    let pathname = leptos_router::hooks::use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|p| p != path) {
            focus_main();
        }
        path
    });
    // Under the emergency coach (a full-screen overlay) the header and the
    // banners must not take focus.
    let in_emergency = move || pathname.with(|p| p == "/emergency" || p.starts_with("/emergency/"));
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>{t!(i18n, skip_to_content)}</a>
        {in_a_task_of_its_own(move || view! {
            <TopBar inert=Signal::derive(in_emergency) />
            <div inert=in_emergency><Banners /></div>
        }.into_any())}
        <main id="main" tabindex="-1">{in_a_task_of_its_own(move || children().into_any())}</main>
        <Footer inert=Signal::derive(in_emergency) />
    }
}

/// A part of the frame (the top bar and banners, then the routed page):
/// drawn at once, or — drawn out of sight beside a prerendered page
/// ([`super::takeover`]) — a task after the one before it, so the app's
/// first drawing is three shorter tasks instead of one long one (a long
/// task holds up a tap on the page in the HTML; the first call of each
/// wasm function also compiles it). Meanwhile the part holds a `.loading`
/// mark, so the takeover does not take a page that is not whole.
fn in_a_task_of_its_own(part: impl FnOnce() -> AnyView + 'static) -> impl IntoView {
    let shown = RwSignal::new(!super::takeover::out_of_sight());
    if !shown.get_untracked() {
        wasm_bindgen_futures::spawn_local(async move {
            crate::adapters::idle::next_task().await;
            shown.set(true);
        });
    }
    let part = SendWrapper::new(RefCell::new(Some(part)));
    // Runs twice at most (`shown` goes from false to true once).
    move || {
        if !shown.get() {
            return view! { <div class="loading" aria-hidden="true"></div> }.into_any();
        }
        let part = part.borrow_mut().take();
        untrack(|| part.map(|p| p()).into_any())
    }
}

/// Moves focus to `<main>` (the router would otherwise treat the fragment
/// link as a navigation and leave focus on the link).
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_main();
}

fn focus_main() {
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

/// Offline indicator, update prompt and data notices. Each is a live region
/// so screen readers announce it when it appears.
#[component]
fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let notice_text = move || {
        state.notice.get().map(|n| match n {
            Notice::Unreadable => t_string!(i18n, notice.unreadable),
            Notice::Newer => t_string!(i18n, notice.newer),
            Notice::Unavailable => t_string!(i18n, notice.unavailable),
            Notice::SaveFailed => t_string!(i18n, notice.save_failed),
            Notice::NewerTab => t_string!(i18n, notice.newer_tab),
        })
    };
    // What the notice offers besides dismissing it.
    let action = move || match state.notice.get() {
        Some(Notice::SaveFailed) => Some(
            view! {
                <button type="button" data-testid="notice-backup" on:click=move |_| {
                    state.download_backup();
                }>{t!(i18n, notice.save_backup)}</button>
            }
            .into_any(),
        ),
        Some(Notice::NewerTab) => Some(
            view! {
                <button type="button" data-testid="notice-reload" on:click=move |_| {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }>{t!(i18n, notice.reload)}</button>
            }
            .into_any(),
        ),
        _ => None,
    };
    view! {
        <div class="banners">
            <div role="status" class="banner-slot">
                <Show when=move || !state.online.get()>
                    <p class="banner offline" data-testid="offline">{t!(i18n, offline)}</p>
                </Show>
            </div>
            <div role="status" class="banner-slot">
                <Show when=move || state.update_ready.get()>
                    <div class="banner update" data-testid="update">
                        <p>{t!(i18n, update.available)}</p>
                        <button type="button" on:click=move |_| state.apply_update()>
                            {t!(i18n, update.reload)}
                        </button>
                    </div>
                </Show>
            </div>
            <div role="alert" class="banner-slot">
                {move || notice_text().map(|text| view! {
                    <div class="banner notice" data-testid="notice">
                        <p>{text}</p>
                        {action}
                        <button type="button" on:click=move |_| state.notice.set(None)>
                            {t!(i18n, notice.dismiss)}
                        </button>
                    </div>
                })}
            </div>
        </div>
    }
}
