//! Time the page spends on screen (the Page Visibility API and
//! `performance.now()`): a stopwatch that runs while the document is
//! visible and stops while it is hidden (another tab or app, the screen
//! off). The lesson player uses it to measure the time spent in a lesson.
//!
//! Feature-detected: where `performance` is missing the stopwatch falls
//! back to `Date.now()`; where `document.hidden` is not supported it reads
//! `false`, so the time runs. The `visibilitychange` listener is removed
//! when the stopwatch is dropped.

use std::sync::{Arc, Mutex};

use gloo_events::EventListener;

/// A monotonic clock in ms (`performance.now()`, else `Date.now()`).
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

fn hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The visible time not yet taken, and since when it runs.
#[derive(Debug, Default)]
struct Watch {
    /// ms counted while visible, not yet taken.
    banked: f64,
    /// When the current visible stretch began; `None` while hidden.
    since: Option<f64>,
}

impl Watch {
    fn stop(&mut self, at: f64) {
        if let Some(s) = self.since.take() {
            self.banked += (at - s).max(0.0);
        }
    }

    /// The banked time in whole ms, reset to zero.
    fn take_banked(&mut self) -> u64 {
        let ms = self.banked.max(0.0) as u64;
        self.banked = 0.0;
        ms
    }
}

/// A stopwatch of time on screen. Cloning shares it.
#[derive(Clone)]
pub struct VisibleTime {
    watch: Arc<Mutex<Watch>>,
    /// Stops and restarts the watch as the page hides and shows.
    _listener: Option<Arc<SendListener>>,
}

/// The listener, held by the stopwatch (the app is single-threaded;
/// Leptos asks for `Send + Sync` values in contexts and cleanups).
struct SendListener(#[allow(dead_code)] send_wrapper::SendWrapper<EventListener>);

impl VisibleTime {
    /// A stopwatch started now (if the page is visible). Each time the
    /// page is hidden, the watch stops and `on_hidden` gets the time taken
    /// (as [`take`](Self::take) would): the moment to save it, since a
    /// hidden page may never run again.
    pub fn start(on_hidden: impl Fn(u64) + 'static) -> VisibleTime {
        let watch = Arc::new(Mutex::new(Watch {
            banked: 0.0,
            since: (!hidden()).then(now),
        }));
        let w = watch.clone();
        let listener = web_sys::window().and_then(|win| win.document()).map(|d| {
            EventListener::new(&d, "visibilitychange", move |_| {
                let at = now();
                let taken = {
                    let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                    if hidden() {
                        w.stop(at);
                        Some(w.take_banked())
                    } else {
                        w.since.get_or_insert(at);
                        None
                    }
                };
                if let Some(ms) = taken {
                    on_hidden(ms);
                }
            })
        });
        VisibleTime {
            watch,
            _listener: listener.map(|l| Arc::new(SendListener(send_wrapper::SendWrapper::new(l)))),
        }
    }

    /// The visible time since the last take (or the start), in whole ms;
    /// the watch goes on from zero.
    pub fn take(&self) -> u64 {
        let at = now();
        let mut w = self.watch.lock().unwrap_or_else(|e| e.into_inner());
        let running = w.since.is_some();
        w.stop(at);
        if running {
            w.since = Some(at);
        }
        w.take_banked()
    }
}
