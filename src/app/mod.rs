//! The Leptos user interface (wasm32 only). Split by feature: the shell
//! (header, navigation, banners), one module per page, the app state that
//! ties the UI to the store, and the crash screen.

// The macro form is deprecated in favour of build-script code generation;
// it generates the same module, and keeps the native build free of i18n code.
#[allow(deprecated)]
mod generated {
    leptos_i18n::load_locales!();
}
pub use generated::i18n;

// The macro reads the locale files without telling the compiler, so a change
// to a translation alone would not rebuild the app (a release build then
// ships stale text). Including them makes rustc track them; the constants
// are unused and not linked.
const _: &str = include_str!("../../locales/en.json");
const _: &str = include_str!("../../locales/zh-CN.json");

pub mod crash;
pub mod emergency;
pub mod focus;
pub mod lazy;
pub mod pages;
pub mod parts;
pub mod quiz;
pub mod records;
pub mod shell;
pub mod state;
pub mod takeover;
pub mod trainer;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::prelude::*;

use crate::settings::Lang;
use i18n::{I18nContextProvider, Locale};
use state::AppState;

/// The translation locale of a language.
pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::ZhCn => Locale::zh_CN,
        Lang::En => Locale::en,
    }
}

/// Entry point, called by the boot script once the wasm module is loaded:
/// installs the crash screen, replaces the static page (the loading shell,
/// or a page rendered at build time: [`takeover`]) with the app and starts the
/// offline and update machinery. The work is cut into tasks (the
/// curriculum parsed a file at a time, the app drawn in a task of its
/// own), so that no task holds up a tap for long (issue 16: total
/// blocking time).
///
/// `curriculum`: the boot script's fetch of the curriculum bundle — its
/// text, a promise of it, or `undefined` ([`crate::adapters::preload`]).
#[wasm_bindgen]
pub fn start(curriculum: JsValue) {
    crash::install_hook();
    crate::adapters::preload::set_curriculum(curriculum);
    match crate::adapters::preload::take_text() {
        // The boot script waited for the curriculum (the page in the HTML
        // shows lessons): parse it first, in tasks short enough not to
        // hold up a tap (the page in the HTML stays meanwhile), then draw
        // the app in a task of its own.
        // (wasm-bindgen's executor: Leptos's is set up by the mount.)
        Some(text) => wasm_bindgen_futures::spawn_local(async move {
            state::parse_before_start(&text).await;
            crate::adapters::idle::next_task().await;
            state::open_store_before_start();
            crate::adapters::idle::next_task().await;
            takeover::mount(App);
        }),
        // Else the store is opened in the next task and the app drawn in
        // the one after: the module's instantiation, reading the stored
        // data and the first render are three tasks, not one long one
        // (the curriculum then arrives in tasks of its own).
        None => wasm_bindgen_futures::spawn_local(async {
            crate::adapters::idle::next_task().await;
            state::open_store_before_start();
            crate::adapters::idle::next_task().await;
            takeover::mount(App);
        }),
    }
}

/// Everything the pages need: the translation context and the app state,
/// kept in sync with `<html>` (lang, theme, text size, motion).
///
/// Props: `children` — the views that use translations and state.
#[component]
pub fn Providers(children: Children) -> impl IntoView {
    view! {
        <I18nContextProvider set_lang_attr_on_html=false set_dir_attr_on_html=false enable_cookie=false>
            <StateSync />
            {children()}
        </I18nContextProvider>
    }
}

/// Opens the store, provides [`AppState`], and mirrors the settings onto the
/// document root and the translation locale.
#[component]
fn StateSync() -> impl IntoView {
    let state = AppState::init();
    provide_context(state);
    let i18n = i18n::use_i18n();
    i18n.set_locale(locale_of(state.settings.get_untracked().lang));
    Effect::new(move |_| {
        let s = state.settings.get();
        crate::adapters::platform::set_root_attribute("lang", s.lang.tag());
        crate::adapters::platform::set_root_attribute("data-theme", s.theme.attr());
        crate::adapters::platform::set_root_attribute(
            "data-text-size",
            &s.text_size.percent().to_string(),
        );
        crate::adapters::platform::set_root_attribute("data-motion", s.motion.attr());
        let want = locale_of(s.lang);
        if i18n.get_locale() != want {
            i18n.set_locale(want);
        }
    });
}

/// Fills a translation's `{name}` placeholders (the single-brace form, used
/// by texts the app also writes into files, where leptos_i18n's `{{ name }}`
/// interpolation is only available in views). A placeholder without a
/// value is left as it is.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// Sets `document.title` to "page · app name" in the current language while
/// the calling page is shown.
pub fn page_title<S: AsRef<str>>(title: impl Fn() -> S + 'static) {
    let i18n = i18n::use_i18n();
    Effect::new(move |_| {
        let text = format!("{} · {}", title().as_ref(), i18n::t_string!(i18n, app_name));
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            d.set_title(&text);
        }
    });
}

/// The whole app: providers, shell and routes.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Providers>
            <Router>
                <shell::Shell>
                    <Routes fallback=pages::NotFound>
                        <Route path=path!("/") view=pages::HomePage />
                        <Route path=path!("/learn") view=lazy::route::learn_page />
                        <Route path=path!("/learn/:lesson") view=lazy::route::lesson_page />
                        <Route path=path!("/print") view=lazy::route::print_page />
                        <Route path=path!("/print/:lesson") view=lazy::route::print_page />
                        <Route path=path!("/quiz") view=lazy::route::quiz_page />
                        <Route path=path!("/quiz/practice") view=lazy::route::practice_page />
                        <Route path=path!("/quiz/exam") view=lazy::route::exam_page />
                        <Route path=path!("/quiz/results/:seed") view=lazy::route::quiz_results_page />
                        <Route path=path!("/train") view=lazy::route::trainer_page />
                        <Route path=path!("/train/results/:at") view=lazy::route::trainer_results_page />
                        <Route path=path!("/train/scoring") view=lazy::route::scoring_page />
                        <Route path=path!("/emergency") view=emergency::EmergencyPage />
                        <Route path=path!("/emergency/cpr") view=emergency::CprPage />
                        <Route path=path!("/emergency/choking") view=emergency::ChokingPage />
                        <Route path=path!("/emergency/recovery") view=emergency::RecoveryPage />
                        <Route path=path!("/record") view=lazy::route::record_page />
                        <Route path=path!("/assignment") view=lazy::route::assignment_page />
                        <Route path=path!("/certificate") view=lazy::route::certificate_page />
                        <Route path=path!("/instructor") view=lazy::route::instructor_page />
                        <Route path=path!("/instructor/:id") view=lazy::route::class_page />
                        <Route path=path!("/settings") view=lazy::route::settings_page />
                        <Route path=path!("/about") view=pages::AboutPage />
                    </Routes>
                </shell::Shell>
            </Router>
        </Providers>
    }
}
