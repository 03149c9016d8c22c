//! Preload adapter: the curriculum the boot script fetches at the same time
//! as the wasm module (so a page that needs it does not wait for one more
//! round trip after the app starts). On a first visit of a page rendered at
//! build time (with the lessons it shows), the boot script waits for it and
//! hands over the text, so the app's first frame is that page again; else it
//! hands over the fetch still under way.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static CURRICULUM: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
}

/// Keeps what the boot script passed: the text, a promise of it, or nothing.
pub fn set_curriculum(value: JsValue) {
    CURRICULUM.with(|c| *c.borrow_mut() = value);
}

/// The curriculum's text, if the boot script already had it (taken once).
pub fn take_text() -> Option<String> {
    CURRICULUM.with(|c| {
        let text = c.borrow().as_string()?;
        *c.borrow_mut() = JsValue::UNDEFINED;
        Some(text)
    })
}

/// The boot script's fetch, if one was handed over (taken once): `Some` of
/// its text when it arrives, `None` when there is none or it failed (the
/// caller then fetches itself).
pub async fn take_pending() -> Option<String> {
    let promise = CURRICULUM.with(|c| {
        let promise = c.borrow().clone().dyn_into::<js_sys::Promise>().ok()?;
        *c.borrow_mut() = JsValue::UNDEFINED;
        Some(promise)
    })?;
    JsFuture::from(promise).await.ok()?.as_string()
}
