//! The app's chrome: the sticky top bar (app name, settings, the Emergency
//! button that is one tap from every page) and the main navigation — a
//! bottom tab bar on phones, a row in the top bar on wide screens (the
//! same `<nav>`, placed by CSS: `style/components/chrome.css`).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::i18n::{t, t_string, use_i18n};

/// One tab of the main navigation.
#[derive(Clone, Copy)]
struct Tab {
    href: &'static str,
    /// Only the exact path marks it current (home), not every path below.
    exact: bool,
    icon: Icon,
}

/// The icons of the tabs and the top bar, drawn on a 24-unit grid with
/// `currentColor`, so they follow the theme and forced colours.
#[derive(Clone, Copy)]
enum Icon {
    Home,
    Learn,
    Practise,
    Train,
    Me,
    Settings,
}

const TABS: [Tab; 5] = [
    Tab {
        href: "/",
        exact: true,
        icon: Icon::Home,
    },
    Tab {
        href: "/learn",
        exact: false,
        icon: Icon::Learn,
    },
    Tab {
        href: "/quiz",
        exact: false,
        icon: Icon::Practise,
    },
    Tab {
        href: "/train",
        exact: false,
        icon: Icon::Train,
    },
    Tab {
        href: "/record",
        exact: false,
        icon: Icon::Me,
    },
];

/// The top bar and the navigation.
///
/// Props: `inert` — true while the full-screen emergency coach is shown, so
/// nothing under it takes focus.
#[component]
pub fn TopBar(#[prop(into)] inert: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="app-header" inert=move || inert.get()>
            <A href="/" attr:class="brand">
                <img src="/icons/icon.svg" alt="" width="32" height="32" />
                <span>{t!(i18n, app_name)}</span>
            </A>
            <TabBar />
            <A href="/settings" attr:class="icon-link" attr:data-testid="settings-link">
                <IconSvg icon=Icon::Settings />
                // Named on screen: the gear alone read as a sun to an
                // elderly learner looking for the text size.
                <span class="icon-label">{t!(i18n, nav.settings)}</span>
            </A>
            <A href="/emergency" attr:class="emergency-button" attr:data-testid="emergency-button">
                {t!(i18n, nav.emergency)}
            </A>
        </header>
    }
}

/// The five main places; the current one is marked `aria-current="page"`
/// (by the router's `<A>`), with a filled pill behind its icon.
#[component]
fn TabBar() -> impl IntoView {
    let i18n = use_i18n();
    let label = move |icon: Icon| match icon {
        Icon::Home => t_string!(i18n, nav.home),
        Icon::Learn => t_string!(i18n, nav.learn),
        Icon::Practise => t_string!(i18n, nav.quiz),
        Icon::Train => t_string!(i18n, nav.train),
        Icon::Me | Icon::Settings => t_string!(i18n, nav.me),
    };
    let tab = move |tab: Tab| {
        view! {
            <li>
                <A href=tab.href exact=tab.exact>
                    <IconSvg icon=tab.icon />
                    <span class="tab-label">{move || label(tab.icon)}</span>
                </A>
            </li>
        }
    };
    view! {
        <nav class="tab-bar" aria-label=move || t_string!(i18n, nav.label)>
            <ul>{TABS.map(tab)}</ul>
        </nav>
    }
}

/// An icon, hidden from assistive technology (its link has the words).
#[component]
fn IconSvg(icon: Icon) -> impl IntoView {
    let path = match icon {
        Icon::Home => "M3 11 12 3l9 8M5 9.5V21h5v-6h4v6h5V9.5",
        Icon::Learn => "M12 6C9.5 4 6 3.5 3 4v15c3-.5 6.5 0 9 2 2.5-2 6-2.5 9-2V4c-3-.5-6.5 0-9 2zm0 0v15",
        Icon::Practise => "M4 4h16v16H4zM8 12l3 3 5-6",
        Icon::Train => "M12 20s-8-4.9-8-10.5C4 6.4 6.4 4.5 8.7 4.5c1.6 0 2.7.8 3.3 2 .6-1.2 1.7-2 3.3-2 2.3 0 4.7 1.9 4.7 5S12 20 12 20zM4 12h4l2-3 3 6 2-3h5",
        Icon::Me => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 3.6-6.5 8-6.5s8 2.5 8 6.5",
        Icon::Settings => "M12 5.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 1 0 0-13zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 1 0 0-5zM12 2v3.5M12 18.5V22M2 12h3.5M18.5 12H22M4.9 4.9l2.5 2.5M16.6 16.6l2.5 2.5M4.9 19.1l2.5-2.5M16.6 7.4l2.5-2.5",
    };
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// The page's foot: what the app is, and how it keeps your data.
#[component]
pub fn Footer(#[prop(into)] inert: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="app-footer" inert=move || inert.get()>
            <A href="/about">{t!(i18n, nav.about)}</A>
        </footer>
    }
}
