//! Wake-lock adapter: keeps the screen on while the metronome or the
//! emergency coach runs (Screen Wake Lock API, where the browser has it).
//! The browser drops the lock whenever the page is hidden; it is asked for
//! again when the page comes back. Dropping the guard releases it.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};

fn wake_lock_api() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let api = js_sys::Reflect::get(&navigator, &"wakeLock".into()).ok()?;
    (!api.is_undefined() && !api.is_null()).then_some(api)
}

/// Whether the browser can keep the screen on.
pub fn is_supported() -> bool {
    wake_lock_api().is_some()
}

/// The lock once granted, and whether the guard is gone (a lock granted
/// after that is released at once).
#[derive(Default)]
struct Slot {
    sentinel: Option<JsValue>,
    dropped: bool,
}

/// Holds the screen awake while it lives.
pub struct ScreenAwake {
    slot: Rc<RefCell<Slot>>,
    _visibility: Option<EventListener>,
}

fn request(slot: Rc<RefCell<Slot>>) {
    let Some(api) = wake_lock_api() else { return };
    let Ok(request) = js_sys::Reflect::get(&api, &"request".into()) else {
        return;
    };
    let Ok(request) = request.dyn_into::<js_sys::Function>() else {
        return;
    };
    let Ok(promise) = request.call1(&api, &"screen".into()) else {
        return;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return;
    };
    spawn_local(async move {
        // Refused (no user activation, battery saver): the app still works.
        if let Ok(sentinel) = JsFuture::from(promise).await {
            let mut slot = slot.borrow_mut();
            if slot.dropped {
                release(&sentinel);
            } else if let Some(old) = slot.sentinel.replace(sentinel) {
                release(&old);
            }
        }
    });
}

fn release(sentinel: &JsValue) {
    if let Ok(f) = js_sys::Reflect::get(sentinel, &"release".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call0(sentinel);
        }
    }
}

impl ScreenAwake {
    /// Asks for the lock (and again whenever the page becomes visible).
    /// `None` where the browser has no wake lock.
    pub fn request() -> Option<Self> {
        wake_lock_api()?;
        let slot = Rc::new(RefCell::new(Slot::default()));
        request(slot.clone());
        let again = slot.clone();
        let visibility = web_sys::window().and_then(|w| w.document()).map(|d| {
            let doc = d.clone();
            EventListener::new(&d, "visibilitychange", move |_| {
                if !doc.hidden() {
                    request(again.clone());
                }
            })
        });
        Some(ScreenAwake {
            slot,
            _visibility: visibility,
        })
    }
}

impl Drop for ScreenAwake {
    fn drop(&mut self) {
        let mut slot = self.slot.borrow_mut();
        slot.dropped = true;
        if let Some(s) = slot.sentinel.take() {
            release(&s);
        }
    }
}
