//! Browser component tests (wasm-bindgen-test, headless Chromium): the app
//! mounts, the language switch changes the text and `<html lang>`, and
//! settings persist in the real store (localStorage) across a remount; QR
//! codes in image files read back through the camera adapter.
#![cfg(target_arch = "wasm32")]

use firstaid::app::{pages, App, Providers};
use firstaid::store::{DOC_KEY, RECOVERED_PREFIX};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh container in the body, and a clean store.
fn container() -> web_sys::HtmlElement {
    storage().clear().unwrap();
    let el: web_sys::HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Lets effects and scheduled work run.
async fn settle() {
    gloo_timers::future::TimeoutFuture::new(30).await;
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

fn radio(el: &web_sys::HtmlElement, name: &str, value: &str) -> web_sys::HtmlInputElement {
    el.query_selector(&format!("input[name='{name}'][value='{value}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("radio {name}={value}"))
        .dyn_into()
        .unwrap()
}

fn html_attr(name: &str) -> Option<String> {
    document().document_element().unwrap().get_attribute(name)
}

#[wasm_bindgen_test]
async fn the_whole_app_mounts_with_its_shell() {
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), App);
    settle().await;
    assert!(el.query_selector("header.app-header").unwrap().is_some());
    // The settings gear in the top bar, the tabs in their own navigation.
    assert!(el
        .query_selector("header a[href='/settings']")
        .unwrap()
        .is_some());
    assert!(el.query_selector("nav a[href='/learn']").unwrap().is_some());
    assert!(el.query_selector("main#main").unwrap().is_some());
    drop(handle);
}

#[wasm_bindgen_test]
async fn switching_language_changes_text_and_html_lang() {
    let el = container();
    let handle = leptos::mount::mount_to(
        el.clone(),
        || view! { <Providers><pages::SettingsPage /></Providers> },
    );
    settle().await;

    radio(&el, "lang", "zh-CN").click();
    settle().await;
    assert_eq!(html_attr("lang").as_deref(), Some("zh-CN"));
    assert!(text(&el).contains("设置"), "Chinese heading: {}", text(&el));

    radio(&el, "lang", "en").click();
    settle().await;
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
    let t = text(&el);
    assert!(
        t.contains("Settings") && !t.contains("设置"),
        "English text: {t}"
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn settings_persist_in_the_real_store_across_a_remount() {
    let el = container();
    let handle = leptos::mount::mount_to(
        el.clone(),
        || view! { <Providers><pages::SettingsPage /></Providers> },
    );
    settle().await;
    radio(&el, "lang", "en").click();
    radio(&el, "profile", "erc").click();
    radio(&el, "theme", "dark").click();
    radio(&el, "text_size", "150").click();
    radio(&el, "motion", "off").click();
    settle().await;
    assert_eq!(html_attr("data-theme").as_deref(), Some("dark"));
    assert_eq!(html_attr("data-text-size").as_deref(), Some("150"));
    assert_eq!(html_attr("data-motion").as_deref(), Some("off"));
    drop(handle);
    el.set_inner_html("");

    let stored = storage().get_item(DOC_KEY).unwrap().expect("saved");
    assert!(stored.contains("\"profile\":\"erc\""), "{stored}");
    assert!(stored.contains("\"motion\":\"off\""), "{stored}");

    let handle = leptos::mount::mount_to(
        el.clone(),
        || view! { <Providers><pages::SettingsPage /></Providers> },
    );
    settle().await;
    assert!(radio(&el, "lang", "en").checked());
    assert!(radio(&el, "profile", "erc").checked());
    assert!(radio(&el, "theme", "dark").checked());
    assert!(radio(&el, "text_size", "150").checked());
    assert!(!radio(&el, "text_size", "100").checked());
    assert!(radio(&el, "motion", "off").checked());
    assert!(!radio(&el, "motion", "system").checked());
    drop(handle);
}

#[wasm_bindgen_test]
async fn corrupt_storage_shows_the_notice_and_keeps_a_copy() {
    let el = container();
    storage().set_item(DOC_KEY, "{definitely not json").unwrap();
    let handle = leptos::mount::mount_to(el.clone(), App);
    settle().await;
    let notice = el
        .query_selector("[data-testid='notice']")
        .unwrap()
        .expect("a notice is shown");
    assert!(!notice.text_content().unwrap_or_default().is_empty());
    assert_eq!(
        storage()
            .get_item(&format!("{RECOVERED_PREFIX}1"))
            .unwrap()
            .as_deref(),
        Some("{definitely not json")
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_home_page_shows_the_profile_number_as_a_call_link() {
    let el = container();
    storage()
        .set_item(
            DOC_KEY,
            r#"{"schema":1,"data":{"settings":{"lang":"en","profile":"aha","theme":"system","text_size":100}}}"#,
        )
        .unwrap();
    let handle = leptos::mount::mount_to(
        el.clone(),
        || view! { <Providers><Router><pages::HomePage /></Router></Providers> },
    );
    settle().await;
    let call = el.query_selector("a.call").unwrap().expect("call link");
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:911"));
    assert_eq!(call.text_content().as_deref(), Some("Call 911"));
    drop(handle);
}

#[wasm_bindgen_test]
fn the_crash_screen_is_translated_and_offers_a_reload_link() {
    let app = document().create_element("div").unwrap();
    app.set_id("app");
    document().body().unwrap().append_child(&app).unwrap();
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();
    firstaid::app::crash::show_crash_screen();
    let t = app.text_content().unwrap();
    assert!(
        t.contains("Something went wrong") && t.contains("Your progress is saved"),
        "{t}"
    );
    assert!(app
        .query_selector("section.crash[role='alert'] a")
        .unwrap()
        .is_some());
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "zh-CN")
        .unwrap();
    firstaid::app::crash::show_crash_screen();
    assert!(app.text_content().unwrap().contains("出了点问题"));
    app.remove();
}

/// Provides the embedded curriculum as if it had been fetched.
#[component]
fn WithCurriculum(children: Children) -> impl IntoView {
    let state = expect_context::<firstaid::app::state::AppState>();
    let c = firstaid::content::Curriculum::embedded().expect("valid content");
    state.curriculum.set(Some(Ok(std::sync::Arc::new(c))));
    children()
}

#[wasm_bindgen_test]
async fn the_learn_page_lists_the_lessons_by_group_with_progress() {
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), || {
        view! { <Providers><WithCurriculum><Router><pages::LearnPage /></Router></WithCurriculum></Providers> }
    });
    settle().await;
    assert_eq!(el.query_selector_all(".lesson-card").unwrap().length(), 8);
    assert_eq!(el.query_selector_all(".lesson-group").unwrap().length(), 3);
    let first = el
        .query_selector("[data-testid='lesson-recognise-and-call']")
        .unwrap()
        .expect("first lesson");
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("/learn/recognise-and-call")
    );
    drop(handle);
}

/// The embedded curriculum's first question of a type with at least `n`
/// options or regions.
fn question_of(kind: firstaid::content::QuestionType, n: usize) -> firstaid::content::Question {
    firstaid::content::Curriculum::embedded()
        .unwrap()
        .questions
        .into_iter()
        .find(|q| q.kind == kind && q.options.len().max(q.regions.len()) >= n)
        .expect("such a question")
}

#[wasm_bindgen_test]
async fn ordering_moves_a_step_by_button_and_announces_it() {
    use firstaid::app::quiz::question::{Answer, QuestionView};
    let el = container();
    let q = question_of(firstaid::content::QuestionType::Order, 3);
    let mut shown: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
    shown.reverse();
    let answer = RwSignal::new(Answer::Order(shown.clone()));
    let changes = RwSignal::new(0);
    let (q2, shown2) = (std::sync::Arc::new(q.clone()), shown.clone());
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let q2 = q2.clone();
        let shown2 = shown2.clone();
        view! {
            <Providers><WithCurriculum>{move || {
                let c = expect_context::<firstaid::app::state::AppState>().curriculum.get().unwrap().unwrap();
                view! { <QuestionView curriculum=c question=q2.clone() options=shown2.clone() answer=answer
                    on_change=Callback::new(move |()| changes.update(|n| *n += 1)) /> }
            }}</WithCurriculum></Providers>
        }
    });
    settle().await;
    let items = |el: &web_sys::HtmlElement| -> Vec<String> {
        let list = el.query_selector_all("li[data-option]").unwrap();
        (0..list.length())
            .map(|i| {
                list.item(i)
                    .unwrap()
                    .dyn_into::<web_sys::Element>()
                    .unwrap()
                    .get_attribute("data-option")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(items(&el), shown);
    let first_up: web_sys::HtmlButtonElement = el
        .query_selector(&format!("li[data-option='{}'] button.up", shown[0]))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(first_up.disabled(), "the first step cannot move up");
    let down: web_sys::HtmlButtonElement = el
        .query_selector(&format!("li[data-option='{}'] button.down", shown[0]))
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    down.click();
    settle().await;
    let mut want = shown.clone();
    want.swap(0, 1);
    assert_eq!(answer.get_untracked(), Answer::Order(want.clone()));
    assert_eq!(items(&el), want, "the list follows the answer");
    assert_eq!(changes.get_untracked(), 1);
    let status = el.query_selector("[role='status']").unwrap().unwrap();
    assert!(
        status
            .text_content()
            .unwrap()
            .contains(&format!("2 of {}", shown.len())),
        "announced: {:?}",
        status.text_content()
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn hotspot_places_are_a_labelled_radio_group_chosen_by_click_or_arrow_keys() {
    use firstaid::app::quiz::question::{Answer, QuestionView};
    let el = container();
    let q = question_of(firstaid::content::QuestionType::Hotspot, 2);
    let answer = RwSignal::new(Answer::Region(None));
    let q2 = std::sync::Arc::new(q.clone());
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let q2 = q2.clone();
        view! {
            <Providers><WithCurriculum>{move || {
                let c = expect_context::<firstaid::app::state::AppState>().curriculum.get().unwrap().unwrap();
                view! { <QuestionView curriculum=c question=q2.clone() answer=answer /> }
            }}</WithCurriculum></Providers>
        }
    });
    settle().await;
    let svg = el.query_selector(".hotspot svg").unwrap().unwrap();
    assert_eq!(svg.get_attribute("role").as_deref(), Some("radiogroup"));
    let region = |id: &str| {
        el.query_selector(&format!(".hotspot [id='{id}']"))
            .unwrap()
            .unwrap_or_else(|| panic!("region {id}"))
    };
    let (a, b) = (&q.regions[0], &q.regions[1]);
    assert_eq!(
        region(&a.id).get_attribute("role").as_deref(),
        Some("radio")
    );
    assert_eq!(
        region(&a.id).get_attribute("tabindex").as_deref(),
        Some("0")
    );
    assert_eq!(
        region(&b.id).get_attribute("tabindex").as_deref(),
        Some("-1")
    );
    let label = region(&a.id)
        .get_attribute("aria-label")
        .unwrap_or_default();
    assert!(
        label == a.label.zh || label == a.label.en,
        "labelled with the region's label: {label:?}"
    );
    let click = web_sys::MouseEventInit::new();
    click.set_bubbles(true);
    region(&a.id)
        .dispatch_event(
            &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &click).unwrap(),
        )
        .unwrap();
    settle().await;
    assert_eq!(answer.get_untracked(), Answer::Region(Some(a.id.clone())));
    assert_eq!(
        region(&a.id).get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    region(&a.id)
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    settle().await;
    assert_eq!(answer.get_untracked(), Answer::Region(Some(b.id.clone())));
    assert_eq!(
        region(&b.id).get_attribute("aria-checked").as_deref(),
        Some("true")
    );
    assert_eq!(
        region(&a.id).get_attribute("aria-checked").as_deref(),
        Some("false")
    );
    assert_eq!(
        region(&b.id).get_attribute("tabindex").as_deref(),
        Some("0")
    );
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_an_image_is_an_error() {
    use firstaid::adapters::camera;
    let text = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&"hello".into()), "a.txt")
        .unwrap();
    assert!(camera::decode_image_file(text).await.is_err());
    // Feature detection answers without panicking either way.
    let _ = (
        camera::camera_available(),
        camera::barcode_detector_available(),
    );
}

/// Points the page's `<meta name="firstaid-scan-worker">` at `url` (the
/// build writes it; the test page has none until this).
fn set_scan_worker(url: &str) {
    let doc = document();
    let meta = match doc
        .query_selector("meta[name=firstaid-scan-worker]")
        .unwrap()
    {
        Some(m) => m,
        None => {
            let m = doc.create_element("meta").unwrap();
            m.set_attribute("name", "firstaid-scan-worker").unwrap();
            doc.head().unwrap().append_child(&m).unwrap();
            m
        }
    };
    meta.set_attribute("content", url).unwrap();
}

/// The adapter against a stand-in for `public/scan-worker.js` speaking the
/// same protocol (the real decoder's worker is tested end to end, in
/// `records.spec.ts`): answers go to their callers, the pixels arrive, a
/// crash is reported and the next call gets a fresh worker, and a script
/// that cannot load is given up after three tries. One test: the adapter's
/// state is the page's.
#[wasm_bindgen_test]
async fn the_qr_worker_answers_survives_a_crash_and_gives_up_on_a_missing_script() {
    use firstaid::adapters::qr_worker::{available, decode, DecodeError};
    assert!(!available(), "no worker without the build's <meta>");
    assert_eq!(
        decode(1, 1, vec![0; 4]).await,
        Err(DecodeError::Unavailable)
    );

    // Answers "<width>x<height>:<bytes>:<sum of bytes>:<worker number>";
    // a 13-pixel-wide picture makes it crash as a trapped decoder does.
    let script = "const me = Math.random().toString(36).slice(2);\n\
        onmessage = (e) => {\n\
          const { id, width, height, pixels } = e.data;\n\
          const px = new Uint8Array(pixels);\n\
          if (width === 13) { postMessage({ id, crashed: 'RuntimeError: unreachable' }); close(); return; }\n\
          postMessage({ id, texts: [width + 'x' + height + ':' + px.length + ':' + px.reduce((a, b) => a + b, 0), me] });\n\
        };";
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&script.into()),
        &options,
    )
    .unwrap();
    set_scan_worker(&web_sys::Url::create_object_url_with_blob(&blob).unwrap());
    assert!(available());

    let first = decode(2, 1, vec![1, 2, 3, 4, 5, 6, 7, 8]).await.unwrap();
    assert_eq!(first[0], "2x1:8:36");
    // Two at once: each caller gets its own answer, from the same worker.
    let (a, b) = futures_join(decode(1, 1, vec![9; 4]), decode(3, 1, vec![1; 12])).await;
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a[0].as_str(), b[0].as_str()), ("1x1:4:36", "3x1:12:12"));
    assert_eq!((&a[1], &b[1]), (&first[1], &first[1]), "one worker");

    // A crash is reported; the next picture goes to a fresh worker.
    assert!(matches!(
        decode(13, 1, vec![0; 52]).await,
        Err(DecodeError::Crashed(e)) if e.contains("unreachable")
    ));
    let after = decode(1, 1, vec![0; 4]).await.unwrap();
    assert_eq!(after[0], "1x1:4:0");
    assert_ne!(after[1], first[1], "a new worker after the crash");

    // A crash while another picture waits (a photo chosen while the camera
    // scans): both callers get an answer, and the next call works.
    let (x, y) = futures_join(decode(13, 1, vec![0; 52]), decode(1, 1, vec![0; 4])).await;
    assert!(matches!(x, Err(DecodeError::Crashed(_))), "{x:?}");
    assert!(matches!(y, Err(DecodeError::Failed(_))), "{y:?}");
    assert_eq!(decode(1, 1, vec![0; 4]).await.unwrap()[0], "1x1:4:0");

    // A script that is not there: an error each time, then not tried again.
    set_scan_worker("/no-such-scan-worker.js");
    // The running stand-in still answers until it is gone: end it with a
    // crash so the next call loads the missing script.
    assert!(matches!(
        decode(13, 1, vec![0; 52]).await,
        Err(DecodeError::Crashed(_))
    ));
    for _ in 0..3 {
        assert!(available());
        assert!(matches!(
            decode(1, 1, vec![0; 4]).await,
            Err(DecodeError::Failed(_))
        ));
    }
    assert!(!available());
    assert_eq!(
        decode(1, 1, vec![0; 4]).await,
        Err(DecodeError::Unavailable)
    );
}

/// Both futures, polled together (no executor crate in the tests).
async fn futures_join<A: std::future::Future, B: std::future::Future>(
    a: A,
    b: B,
) -> (A::Output, B::Output) {
    let (a, b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut a, mut b) = (Some(a), Some(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        use std::task::Poll;
        if let Some(f) = a.as_mut() {
            if let Poll::Ready(v) = f.as_mut().poll(cx) {
                ra = Some(v);
                a = None;
            }
        }
        if let Some(f) = b.as_mut() {
            if let Poll::Ready(v) = f.as_mut().poll(cx) {
                rb = Some(v);
                b = None;
            }
        }
        if ra.is_some() && rb.is_some() {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    })
    .await;
    (ra.unwrap(), rb.unwrap())
}

/// Reads the device key's fingerprint through the app state.
#[component]
fn DeviceFingerprint(out: RwSignal<Option<String>>) -> impl IntoView {
    let state = expect_context::<firstaid::app::state::AppState>();
    out.set(state.device_key().map(|k| k.public().fingerprint()));
}

#[wasm_bindgen_test]
async fn the_device_key_is_made_from_the_csprng_once_and_kept_in_the_store_and_backup() {
    // Two seeds from crypto.getRandomValues differ and are not all zeros.
    let (a, b) = (
        firstaid::adapters::random::key_seed().expect("a CSPRNG"),
        firstaid::adapters::random::key_seed().expect("a CSPRNG"),
    );
    assert_ne!(a, b);
    assert_ne!(a, [0; 32]);

    let el = container();
    let first = RwSignal::new(None::<String>);
    let handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <Providers><DeviceFingerprint out=first /></Providers> },
    );
    settle().await;
    let fp = first.get_untracked().expect("a key");
    assert_eq!(fp.len(), 19, "{fp}");
    drop(handle);
    el.set_inner_html("");
    let stored = storage().get_item(DOC_KEY).unwrap().expect("saved");
    let doc = firstaid::store::schema::read_document(&stored).unwrap();
    let records = doc.records.to_typed().expect("the records read");
    let seed = records.learner.key.clone().expect("the key is stored");
    let key = firstaid::records::stored::key_from_hex(&seed).unwrap();
    assert_eq!(key.public().fingerprint(), fp);

    // Remounted (a reload): the same key, not a new one.
    let again = RwSignal::new(None::<String>);
    let handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <Providers><DeviceFingerprint out=again /></Providers> },
    );
    settle().await;
    assert_eq!(again.get_untracked().as_deref(), Some(fp.as_str()));
    drop(handle);
    el.set_inner_html("");

    // A backup carries it to another phone.
    let backup = firstaid::backup::export(&doc, vec![], "test", "2026-11-29T00:00:00.000Z");
    let restored = firstaid::backup::import(&backup).unwrap().document;
    let records = restored.records.get().expect("an import types the records");
    assert_eq!(records.learner.key.as_deref(), Some(seed.as_str()));
}
