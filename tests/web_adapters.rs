//! Browser adapters in headless Chromium: the curriculum handed over by the
//! boot script (`adapters::preload`) and waiting for idle time
//! (`adapters::idle`).
#![cfg(target_arch = "wasm32")]

use firstaid::adapters::{idle, preload};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_text_handed_over_is_taken_once() {
    preload::set_curriculum(JsValue::from_str("{\"lessons\":[]}"));
    assert_eq!(preload::take_text().as_deref(), Some("{\"lessons\":[]}"));
    assert_eq!(preload::take_text(), None);
}

#[wasm_bindgen_test]
async fn a_fetch_under_way_is_awaited_and_taken_once() {
    preload::set_curriculum(js_sys::Promise::resolve(&JsValue::from_str("text")).into());
    // Not text yet: the synchronous path leaves the promise to the async one.
    assert_eq!(preload::take_text(), None);
    assert_eq!(preload::take_pending().await.as_deref(), Some("text"));
    assert_eq!(preload::take_pending().await, None);
}

#[wasm_bindgen_test]
async fn a_failed_or_missing_fetch_gives_nothing() {
    // The boot script's fetch resolves to `undefined` when it failed.
    preload::set_curriculum(js_sys::Promise::resolve(&JsValue::UNDEFINED).into());
    assert_eq!(preload::take_pending().await, None);
    preload::set_curriculum(js_sys::Promise::reject(&JsValue::from_str("offline")).into());
    assert_eq!(preload::take_pending().await, None);
    preload::set_curriculum(JsValue::UNDEFINED);
    assert_eq!(preload::take_text(), None);
    assert_eq!(preload::take_pending().await, None);
}

#[wasm_bindgen_test]
async fn idle_comes_and_lets_a_timer_run_first() {
    let fired = std::rc::Rc::new(std::cell::Cell::new(false));
    let f = fired.clone();
    let _timer = gloo_timers::callback::Timeout::new(0, move || f.set(true));
    idle::idle(2000).await;
    assert!(fired.get(), "a task queued before the idle wait ran first");
}
