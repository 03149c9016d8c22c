//! How the app takes the page over from the page in the HTML.
//!
//! The app is drawn into a `<div>` of its own inside `#app`. Over the
//! loading shell (a returning visitor, a page the build did not
//! prerender) it goes in at once: the app's own loading placeholders are
//! that page's.
//!
//! A prerendered page (a first visit: `xtask prerender`) stays on screen
//! while the app draws the same page beside it, out of the document; the
//! app's `<div>` takes the copy's place when the page in it is whole —
//! what the prerender waited for before it kept the page: nothing loading,
//! neither a page's module nor the lessons — or after
//! [`MAX_WAIT_MS`]. So a page loaded on demand (a lesson) never shows its
//! loading placeholder over the copy, and drawing it is cut into tasks —
//! the app's state and shell, then the page when its module has loaded —
//! where it was one long task that held up a tap. Out of sight, the shell
//! draws its top bar a task after itself and the routed page a task after
//! that ([`out_of_sight`]); each holds a `.loading` mark meanwhile.
//!
//! A link tapped on the copy changes the address in place before the app
//! runs (`public/first-paint.js`); if that happens once the app's router
//! has read the address, the router is told (a `popstate` event, which it
//! answers by reading the address again). A button tapped on the copy is
//! tapped again in the app's page once it has taken the copy's place.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::{idle, platform};

/// How long a prerendered page waits at most for the app's page to be
/// whole (a page module still loading on a slow network): the page is the
/// app's then, placeholder and all, and answers taps.
const MAX_WAIT_MS: f64 = 8000.0;

/// What is still loading in a page drawn by the app (the same as
/// `xtask/npm/prerender.mjs` waits for).
const LOADING: &str = ".loading, .lazy-loading";

/// Whether the app is drawn out of sight, beside a prerendered page (read
/// once, as the app starts: the attribute stays on `<html>`).
pub fn out_of_sight() -> bool {
    platform::root_attribute("data-first-paint").is_some()
}

/// Draws `app` into `#app`: at once over the loading shell, or beside the
/// prerendered page, which it replaces when whole.
pub fn mount<F, V>(app: F)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = document();
    let root = document
        .get_element_by_id("app")
        .expect("index.html has #app");
    let holder: web_sys::HtmlElement = document
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .expect("a div");
    holder.set_class_name("app-root");
    if !out_of_sight() {
        root.set_inner_html("");
        let _ = root.append_child(&holder);
        leptos::mount::mount_to(holder, app).forget();
        taken();
        return;
    }
    let address = current_address();
    leptos::mount::mount_to(holder.clone(), app).forget();
    // Drawn out of sight (the test of a tap on the copy waits for this).
    platform::mark("firstaid:drawing");
    wasm_bindgen_futures::spawn_local(async move {
        let moved = until_whole(&holder, address).await;
        // A panic meanwhile has put up the crash screen: it stays.
        if root.query_selector(".crash").ok().flatten().is_some() {
            return;
        }
        // Focus on the copy (a tapped link, the skip link) would fall to
        // the body with it: it goes to the page's main part, as after any
        // navigation (the shell's focus went to the copy's, out of sight).
        let focused = document
            .active_element()
            .is_some_and(|e| root.contains(Some(&e)));
        root.set_inner_html("");
        let _ = root.append_child(&holder);
        if moved || focused {
            if let Some(main) = holder
                .query_selector("#main")
                .ok()
                .flatten()
                .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
        }
        tap_again(&holder, moved);
        taken();
    });
}

/// The button tapped on the copy before the app ran (one marked
/// `data-tap-again`, which first-paint.js names on `<html
/// data-tapped-button>`: Next in a lesson, say), tapped again
/// in the app's page — unless the address has changed since the app read
/// it, when the app's page is not the copy's.
fn tap_again(holder: &web_sys::HtmlElement, moved: bool) {
    let Some(name) = platform::take_root_attribute("data-tapped-button") else {
        return;
    };
    let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
    if moved || name.is_empty() || !name.bytes().all(plain) {
        return;
    }
    let button = holder
        .query_selector(&format!("button[data-tap-again=\"{name}\"]"))
        .ok()
        .flatten()
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        button.click();
    }
}

/// Waits, a task at a time, until nothing in `holder` is loading (or for
/// [`MAX_WAIT_MS`]); tells the router when a tap on the copy has changed
/// the address since `address` was read. True when it has.
async fn until_whole(holder: &web_sys::HtmlElement, mut address: String) -> bool {
    let since = platform::monotonic_ms();
    let mut moved = false;
    // The page's effects and what it spawned run first.
    idle::next_task().await;
    loop {
        let now = current_address();
        if now != address {
            address = now;
            moved = true;
            if let Ok(event) = web_sys::Event::new("popstate") {
                let _ = window().dispatch_event(&event);
            }
            idle::next_task().await;
            continue;
        }
        let loading = holder.query_selector(LOADING).ok().flatten().is_some();
        if !loading || platform::monotonic_ms() - since > MAX_WAIT_MS {
            return moved;
        }
        // About a frame: the page's module is on its way.
        idle::after(16).await;
    }
}

fn current_address() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

/// The page is the app's now (tests and the prerender wait for this; the
/// mark says when, for the first-paint test and the benchmarks).
fn taken() {
    platform::set_root_attribute("data-app", "running");
    platform::mark("firstaid:app");
}
