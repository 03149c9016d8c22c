//! Moving focus, and the view, to what a render just put on the page: the
//! next frame, after Leptos has drawn it. An element may be gone by then
//! (the learner moved on), so each step does nothing rather than fail.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What `node` holds once the page has rendered, as an element.
fn element<E>(node: NodeRef<E>) -> Option<web_sys::HtmlElement>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    node.try_get_untracked()
        .flatten()
        .map(|el| el.unchecked_into::<web_sys::HtmlElement>())
}

/// Scrolls `el` into view as little as needed: an answer's feedback shown
/// below the check button must not stay under the tab bar (the page's
/// scroll-padding keeps it above the bar). A part taller than the screen
/// shows its top.
fn reveal(el: &web_sys::HtmlElement) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Runs `then` on what `node` holds after the next render, if it is
/// still there.
fn later<E>(node: NodeRef<E>, then: impl FnOnce(&web_sys::HtmlElement) + 'static)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    request_animation_frame(move || {
        if let Some(el) = element(node) {
            then(&el);
        }
    });
}

/// Focuses `node` after the next render.
pub(crate) fn focus_later<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    later(node, |el| {
        let _ = el.focus();
    });
}

/// Scrolls `node` into view after the next render, without moving focus.
pub(crate) fn reveal_later<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    later(node, reveal);
}

/// Focuses `node` and scrolls all of it into view after the next render
/// (focus alone shows its first line only).
pub(crate) fn focus_and_reveal_later<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    later(node, |el| {
        let _ = el.focus();
        reveal(el);
    });
}

/// Focuses the element with this id after the next render: for what a
/// list rebuilds (the roster's rows) or another component draws.
pub(crate) fn focus_id_later(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        let el = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id));
        if let Some(el) = el {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Moves focus to `heading` each time `track` changes (a new question),
/// but not when the page first shows (the shell focuses the page then).
pub(crate) fn focus_on_change(heading: NodeRef<leptos::html::H2>, track: impl Fn() + 'static) {
    let first = std::cell::Cell::new(true);
    Effect::new(move |_| {
        track();
        if !first.replace(false) {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        }
    });
}
