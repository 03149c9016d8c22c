//! Network status adapter: whether the browser thinks it is online.

use gloo_events::EventListener;

/// Listens to the window's `online` and `offline` events until dropped.
pub struct OnlineWatch {
    _online: EventListener,
    _offline: EventListener,
}

/// `navigator.onLine` (true where unknown).
pub fn is_online() -> bool {
    web_sys::window()
        .map(|w| w.navigator().on_line())
        .unwrap_or(true)
}

impl OnlineWatch {
    /// Calls `on_change` with the new status on every change. `None` without a window.
    pub fn start(on_change: impl Fn(bool) + Clone + 'static) -> Option<OnlineWatch> {
        let window = web_sys::window()?;
        let on = on_change.clone();
        Some(OnlineWatch {
            _online: EventListener::new(&window, "online", move |_| on(true)),
            _offline: EventListener::new(&window, "offline", move |_| on_change(false)),
        })
    }
}
