//! Idle adapter: waits until the browser has nothing more urgent to do
//! (`requestIdleCallback`, at most `timeout_ms` later), or, where it is
//! missing (Safari), until the next task; [`next_task`] and [`Slices`] cut
//! long work into tasks short enough not to hold up a tap.

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

/// Resolves in the next task (`setTimeout(0)`): whatever the browser has
/// waiting — input, a frame — runs first.
pub async fn next_task() {
    after(0).await;
}

/// Resolves after `ms` milliseconds (`setTimeout`), at the earliest.
pub async fn after(ms: i32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let done = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        if window
            .set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), ms)
            .is_err()
        {
            let _ = done
                .unchecked_ref::<js_sys::Function>()
                .call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Long work cut into tasks: [`Slices::pause`] gives the main thread back
/// (the next task) once the current task has run for [`SLICE_MS`], so no
/// task is long enough to hold up a tap (a task over 50 ms is a long task).
pub struct Slices {
    since: f64,
}

/// How long one task of sliced work runs at most before it yields.
pub const SLICE_MS: f64 = 30.0;

impl Slices {
    pub fn start() -> Slices {
        Slices {
            since: crate::adapters::platform::monotonic_ms(),
        }
    }

    /// Yields when this task has run long enough, else returns at once.
    pub async fn pause(&mut self) {
        if crate::adapters::platform::monotonic_ms() - self.since >= SLICE_MS {
            next_task().await;
            self.since = crate::adapters::platform::monotonic_ms();
        }
    }
}
