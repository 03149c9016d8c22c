//! The crash screen: a panic logs to the console and replaces the app with a
//! translated "something went wrong — your progress is saved — reload".
//!
//! After a panic the wasm instance is dead (panics abort), so the screen is
//! built with plain DOM calls and its reload control is a link, which needs
//! no Rust code to work.

use wasm_bindgen::JsCast;

use super::i18n::{td_string, Locale};

/// Installs the panic hook. Safe to call more than once.
pub fn install_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_screen();
    }));
}

/// Replaces the content of `#app` with the crash screen in the language of
/// `<html lang>`.
pub fn show_crash_screen() {
    let locale = match crate::adapters::platform::root_attribute("lang").as_deref() {
        Some("en") => Locale::en,
        _ => Locale::zh_CN,
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let build = || -> Option<()> {
        let section = document.create_element("section").ok()?;
        section.set_class_name("crash");
        section.set_attribute("role", "alert").ok()?;
        let h1 = document.create_element("h1").ok()?;
        h1.set_text_content(Some(td_string!(locale, crash.title)));
        let p = document.create_element("p").ok()?;
        p.set_text_content(Some(td_string!(locale, crash.body)));
        let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
        a.set_href(&web_sys::window()?.location().href().ok()?);
        a.set_class_name("button");
        a.set_text_content(Some(td_string!(locale, crash.reload)));
        section.append_child(&h1).ok()?;
        section.append_child(&p).ok()?;
        section.append_child(&a).ok()?;
        root.set_inner_html("");
        root.append_child(&section).ok()?;
        Some(())
    };
    let _ = build();
}
