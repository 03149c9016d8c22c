//! How the app takes the page over from the page in the HTML.
//!
//! The app is drawn into a `<div>` of its own inside `#app`, out of the
//! document, beside the page in the HTML, which stays on screen: on a
//! first visit the prerendered page (`xtask prerender`), else the loading
//! shell (a returning visitor, a page the build did not prerender), whose
//! call button then stays until the app's page is whole, instead of a
//! chain of loading screens (the app's top bar with the page's
//! placeholder, then the lessons' "loading", then the page). The app's
//! `<div>` takes the copy's place when the page in it is whole —
//! what the prerender waited for before it kept the page: nothing loading,
//! neither a page's module nor the lessons; and its images (the logo) have
//! come, or they would blink — or after
//! [`max_wait_ms`]. So a page loaded on demand (a lesson) never shows its
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
//! tapped again in the app's page once it has taken the copy's place, and
//! what the visitor did on the copy (scrolled, opened, chose) is done again
//! there first ([`Touched`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::adapters::{idle, platform};

/// How long the page in the HTML stays at most while the app's page is
/// not whole (a page module or the lessons still loading on a slow
/// network): the page is the app's then, placeholder and all, and answers
/// taps. A prerendered page is the real page, so it stays up to 8 s; the
/// loading shell is only a wait with a call button, so after 3 s the app's
/// own page, whose tabs work, is worth more than a shorter chain of
/// loading screens.
fn max_wait_ms() -> f64 {
    if prerendered() {
        8000.0
    } else {
        3000.0
    }
}

/// What is still loading in a page drawn by the app (the same as
/// `xtask/npm/prerender.mjs` waits for).
const LOADING: &str = ".loading, .lazy-loading";

/// Whether the app is drawn out of sight, beside the page in the HTML: a
/// prerendered page, or the loading shell (read once, as the app starts,
/// while the shell is still there).
pub fn out_of_sight() -> bool {
    thread_local! {
        static OUT: bool = prerendered()
            || document()
                .query_selector("#app [data-static-shell]")
                .ok()
                .flatten()
                .is_some();
    }
    OUT.with(|out| *out)
}

/// Whether the page in the HTML is a prerendered page (first-paint.js
/// kept one for this visitor), not the loading shell.
fn prerendered() -> bool {
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
        let touched = if moved {
            None
        } else {
            Touched::read(&root, &holder)
        };
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
        // After the focus, which may have scrolled: the page as far down
        // as the visitor had scrolled the copy; or, where they had not (or
        // the loading shell was the page, or a link tapped on the copy
        // opened another), the place the address names, which a page
        // loaded on demand could not scroll to out of sight, or the top.
        if !moved {
            let (x, y) = touched.map_or((0.0, 0.0), |t| t.redo(&holder));
            if (x, y) != (0.0, 0.0) || !crate::app::lazy::scroll_to_fragment() {
                window().scroll_to_with_x_and_y(x, y);
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

/// What the visitor did on the copy before the app ran, done again in the
/// app's page once it has taken the copy's place: how far down they had
/// scrolled (the copy's removal would otherwise pull the page up), the
/// `<details>` they opened ("Why?" in a lesson) and what they chose or
/// typed (the quiz's practice topic, which Start practice, tapped again,
/// must start with; first-paint.js marks a control the visitor changed
/// `data-touched`). The app's page is the same page drawn by the same
/// components, so its details and controls come in the same order; where
/// their number differs, nothing of that kind is redone.
struct Touched {
    scroll: (f64, f64),
    open: Vec<u32>,
    /// Index among the controls, value, checked.
    controls: Vec<(u32, String, bool)>,
}

/// A page's form controls, in document order.
const CONTROLS: &str = "input, select, textarea";

impl Touched {
    /// What the visitor did on the copy in `root`, if the app's page in
    /// `holder` is the copy's: not where the loading shell was the page, nor
    /// where a link tapped on the copy (before the app read the address)
    /// opened another page.
    fn read(root: &web_sys::Element, holder: &web_sys::HtmlElement) -> Option<Touched> {
        let copy = root.query_selector("[data-first-paint-path]").ok()??;
        if copy.get_attribute("data-first-paint-path")? != copy_path() {
            return None;
        }
        let w = window();
        let scroll = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
        let theirs = |sel: &str| elements(&copy, sel);
        let (details, ours) = (theirs("details"), elements(holder, "details"));
        let open = if details.len() == ours.len() {
            (0u32..)
                .zip(&details)
                .filter(|(_, d)| d.has_attribute("open"))
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        let (controls, ours) = (theirs(CONTROLS), elements(holder, CONTROLS));
        let controls = if controls.len() == ours.len() {
            (0u32..)
                .zip(controls.iter().zip(&ours))
                .filter(|(_, (c, o))| c.has_attribute("data-touched") && same_control(c, o))
                .map(|(i, (c, _))| (i, js_string(c, "value"), js_bool(c, "checked")))
                .collect()
        } else {
            Vec::new()
        };
        Some(Touched {
            scroll,
            open,
            controls,
        })
    }

    /// Opens and chooses again in `holder`; returns the scroll to restore.
    fn redo(self, holder: &web_sys::HtmlElement) -> (f64, f64) {
        let details = elements(holder, "details");
        for i in self.open {
            if let Some(d) = details.get(i as usize) {
                let _ = d.set_attribute("open", "");
            }
        }
        let controls = elements(holder, CONTROLS);
        for (i, value, checked) in self.controls {
            let Some(c) = controls.get(i as usize) else {
                continue;
            };
            let checkable = matches!(
                c.get_attribute("type").as_deref(),
                Some("checkbox" | "radio")
            );
            if checkable {
                // A click checks it as the visitor did, and tells the app.
                if js_bool(c, "checked") != checked {
                    if let Some(c) = c.dyn_ref::<web_sys::HtmlElement>() {
                        c.click();
                    }
                }
            } else if js_string(c, "value") != value {
                let _ = js_sys::Reflect::set(c, &"value".into(), &value.into());
                for kind in ["input", "change"] {
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    if let Ok(e) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                        let _ = c.dispatch_event(&e);
                    }
                }
            }
        }
        self.scroll
    }
}

/// The address's path as first-paint.js names a copy's
/// (`data-first-paint-path`): no trailing slash but for `/`.
fn copy_path() -> String {
    let path = window().location().pathname().unwrap_or_default();
    match path.strip_suffix('/') {
        Some(p) if !p.is_empty() => p.to_owned(),
        _ => path,
    }
}

fn elements(scope: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = scope.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into().ok()))
        .collect()
}

/// Whether two controls are the same one of the same page (a file input's
/// value cannot be set, so it is never the same).
fn same_control(a: &web_sys::Element, b: &web_sys::Element) -> bool {
    a.tag_name() == b.tag_name()
        && a.get_attribute("type") == b.get_attribute("type")
        && a.get_attribute("name") == b.get_attribute("name")
        && a.get_attribute("type").as_deref() != Some("file")
}

fn js_string(e: &web_sys::Element, key: &str) -> String {
    js_sys::Reflect::get(e, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn js_bool(e: &web_sys::Element, key: &str) -> bool {
    js_sys::Reflect::get(e, &key.into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Waits, a task at a time, until nothing in `holder` is loading (or for
/// [`max_wait_ms`]); tells the router when a tap on the copy has changed
/// the address since `address` was read. True when it has.
async fn until_whole(holder: &web_sys::HtmlElement, mut address: String) -> bool {
    let (since, most) = (platform::monotonic_ms(), max_wait_ms());
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
        // An image still on its way (the top bar's logo) would blink as
        // the page goes in.
        let loading = holder.query_selector(LOADING).ok().flatten().is_some()
            || elements(holder, "img")
                .iter()
                .any(|i| !js_bool(i, "complete"));
        if !loading || platform::monotonic_ms() - since > most {
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
