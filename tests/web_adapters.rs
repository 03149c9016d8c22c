//! Browser adapters in headless Chromium: the curriculum handed over by the
//! boot script (`adapters::preload`), waiting for idle time
//! (`adapters::idle`), the stopwatch of time on screen
//! (`adapters::visible_time`) and the device's time zone
//! (`adapters::platform`).
#![cfg(target_arch = "wasm32")]

use firstaid::adapters::{idle, platform, preload, visible_time::VisibleTime};
use wasm_bindgen::{JsCast, JsValue};
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

#[wasm_bindgen_test]
async fn the_next_task_comes_after_a_task_queued_before() {
    let fired = std::rc::Rc::new(std::cell::Cell::new(false));
    let f = fired.clone();
    let _timer = gloo_timers::callback::Timeout::new(0, move || f.set(true));
    assert!(!fired.get());
    idle::next_task().await;
    assert!(fired.get(), "the timer queued first ran before");
}

/// Makes `document.hidden` read `hidden` (an own property over the
/// prototype's getter; `None` removes it) and tells the page.
fn pretend_hidden(hidden: Option<bool>) {
    let doc = web_sys::window().unwrap().document().unwrap();
    match hidden {
        Some(h) => {
            let d = js_sys::Object::new();
            js_sys::Reflect::set(&d, &"value".into(), &h.into()).unwrap();
            js_sys::Reflect::set(&d, &"configurable".into(), &true.into()).unwrap();
            js_sys::Object::define_property(&doc, &"hidden".into(), &d);
        }
        None => {
            js_sys::Reflect::delete_property(&doc, &"hidden".into()).unwrap();
        }
    }
    doc.dispatch_event(&web_sys::Event::new("visibilitychange").unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_stopwatch_counts_time_on_screen_once_and_reports_it_when_hidden() {
    use std::{cell::RefCell, rc::Rc};
    let reported = Rc::new(RefCell::new(Vec::<u64>::new()));
    let r = reported.clone();
    let watch = VisibleTime::start(move |ms| r.borrow_mut().push(ms));
    gloo_timers::future::TimeoutFuture::new(120).await;
    let first = watch.take();
    assert!(
        (100..5_000).contains(&first),
        "{first} ms after 120 ms on screen"
    );
    // Taken time is not counted again; the watch goes on from zero.
    let second = watch.take();
    assert!(second < first, "{second} ms right after taking {first}");
    // Hidden: the time so far is reported, and the watch stops.
    gloo_timers::future::TimeoutFuture::new(80).await;
    pretend_hidden(Some(true));
    assert_eq!(reported.borrow().len(), 1);
    assert!(reported.borrow()[0] >= 60, "{:?}", reported.borrow());
    gloo_timers::future::TimeoutFuture::new(150).await;
    assert!(watch.take() < 20, "hidden time is not counted");
    // Shown again: it runs again, and nothing more is reported.
    pretend_hidden(Some(false));
    gloo_timers::future::TimeoutFuture::new(60).await;
    assert!(watch.take() >= 40);
    assert_eq!(reported.borrow().len(), 1);
    // Dropped: its listener goes with it.
    drop(watch);
    pretend_hidden(Some(true));
    pretend_hidden(None);
    assert_eq!(reported.borrow().len(), 1);
}

/// The time zone is Temporal's where the browser has it (Intl's costs the
/// first paint 12 to 30 ms), and Intl's where it has not.
#[wasm_bindgen_test]
fn the_time_zone_is_temporals_where_the_browser_has_it_else_intls() {
    use js_sys::{Function, Object, Reflect};
    let global = js_sys::global();
    let key = JsValue::from_str("Temporal");
    let real = Reflect::get(&global, &key).unwrap();
    let intl =
        js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &Object::new()).resolved_options();
    let intl = Reflect::get(&intl, &"timeZone".into()).unwrap().as_string();

    // A Temporal that names another zone than Intl's: the one taken.
    let now = Object::new();
    Reflect::set(
        &now,
        &"timeZoneId".into(),
        &Function::new_no_args("return 'Asia/Macau'"),
    )
    .unwrap();
    let fake = Object::new();
    Reflect::set(&fake, &"Now".into(), &now).unwrap();
    Reflect::set(&global, &key, &fake).unwrap();
    let with_temporal = platform::time_zone();
    // No Temporal (Safari): Intl's.
    Reflect::delete_property(global.unchecked_ref::<Object>(), &key).unwrap();
    let without = platform::time_zone();
    if !real.is_undefined() {
        Reflect::set(&global, &key, &real).unwrap();
    }

    assert_eq!(with_temporal.as_deref(), Some("Asia/Macau"));
    assert!(
        intl.as_deref().is_some_and(|z| !z.is_empty()),
        "Intl names a zone: {intl:?}"
    );
    assert_eq!(without, intl);
    if !real.is_undefined() {
        assert_eq!(
            platform::time_zone(),
            intl,
            "Temporal and Intl name the same zone"
        );
    }
}
