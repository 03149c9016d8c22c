//! Browser component tests (wasm-bindgen-test, headless Chromium): the app
//! mounts, the language switch changes the text and `<html lang>`, and
//! settings persist in the real store (localStorage) across a remount.
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
    assert!(el
        .query_selector("nav a[href='/settings']")
        .unwrap()
        .is_some());
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
    settle().await;
    assert_eq!(html_attr("data-theme").as_deref(), Some("dark"));
    assert_eq!(html_attr("data-text-size").as_deref(), Some("150"));
    drop(handle);
    el.set_inner_html("");

    let stored = storage().get_item(DOC_KEY).unwrap().expect("saved");
    assert!(stored.contains("\"profile\":\"erc\""), "{stored}");

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
