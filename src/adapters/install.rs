//! Installing the app: the browser's own prompt where it offers one
//! (`beforeinstallprompt`, Chromium), and whether this is an iPhone or
//! iPad in Safari, where the app is added from the Share menu instead.

use std::cell::RefCell;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The deferred `beforeinstallprompt` event, until used.
    static DEFERRED: RefCell<Option<web_sys::Event>> = const { RefCell::new(None) };
}

/// Listens for `beforeinstallprompt` (keeping the event for [`prompt`]) and
/// `appinstalled` until dropped.
pub struct InstallWatch {
    _prompt: EventListener,
    _installed: EventListener,
}

impl InstallWatch {
    /// Calls `on_change(true)` when the browser offers to install the app
    /// and `on_change(false)` once it is installed. `None` without a window.
    pub fn start(on_change: impl Fn(bool) + Clone + 'static) -> Option<InstallWatch> {
        let window = web_sys::window()?;
        let on = on_change.clone();
        let options = EventListenerOptions::enable_prevent_default();
        Some(InstallWatch {
            _prompt: EventListener::new_with_options(
                &window,
                "beforeinstallprompt",
                options,
                move |e| {
                    // Keep the browser's mini-bar away: the home page offers it.
                    e.prevent_default();
                    DEFERRED.with(|d| *d.borrow_mut() = Some(e.clone()));
                    on(true);
                },
            ),
            _installed: EventListener::new(&window, "appinstalled", move |_| {
                DEFERRED.with(|d| *d.borrow_mut() = None);
                on_change(false);
            }),
        })
    }
}

/// Shows the browser's install prompt (once: the event cannot be reused).
/// False when there is none to show.
pub fn prompt() -> bool {
    let Some(event) = DEFERRED.with(|d| d.borrow_mut().take()) else {
        return false;
    };
    let f = js_sys::Reflect::get(&event, &JsValue::from_str("prompt"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    f.is_some_and(|f| f.call0(&event).is_ok())
}

/// Whether the app already runs installed (standalone display).
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let media = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let ios = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    media || ios
}

/// Whether this is an iPhone or iPad (iPadOS reports a Mac with touch),
/// where Safari installs from Share → Add to Home Screen.
pub fn is_ios() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let nav = window.navigator();
    let ua = nav.user_agent().unwrap_or_default();
    ua.contains("iPhone")
        || ua.contains("iPad")
        || ua.contains("iPod")
        || (ua.contains("Macintosh") && nav.max_touch_points() > 1)
}
