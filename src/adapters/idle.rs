//! Idle adapter: waits until the browser has nothing more urgent to do
//! (`requestIdleCallback`, at most `timeout_ms` later), or, where it is
//! missing (Safari), until the next task.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Resolves when the main thread is idle, or after `timeout_ms` at most.
pub async fn idle(timeout_ms: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let has_idle =
        js_sys::Reflect::has(&window, &JsValue::from_str("requestIdleCallback")).unwrap_or(false);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let asked = if has_idle {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(timeout_ms);
            window
                .request_idle_callback_with_options(done.unchecked_ref(), &options)
                .is_ok()
        } else {
            false
        };
        if !asked {
            let _ = window.set_timeout_with_callback(done.unchecked_ref());
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
