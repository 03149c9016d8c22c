//! A picture whose places are answered by tapping them.
//!
//! One right place: the places are a radio group (tapping one chooses it;
//! arrow keys move and choose, as radio groups do). Several right places
//! (the two AED pads): a group of checkboxes — tapping a place chooses it
//! or takes it back, arrow keys move between places without choosing, and
//! Space or Enter chooses or takes back the focused one. The SVG's shapes
//! carry the roles, names, checked state and the one tab stop.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Answer;
use crate::app::i18n::{t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::{Curriculum, Question, Text};
use crate::quiz::scoring::several_places;

/// The places chosen in an answer.
fn chosen(a: &Answer) -> Vec<String> {
    match a {
        Answer::Region(Some(r)) => vec![r.clone()],
        Answer::Choices(v) => v.clone(),
        _ => Vec::new(),
    }
}

/// The answer after the learner picks `id`: chosen alone (one right
/// place), or chosen / taken back (several).
fn picked(a: &Answer, id: String, multi: bool) -> Answer {
    if !multi {
        return Answer::Region(Some(id));
    }
    let mut v = chosen(a);
    match v.iter().position(|x| *x == id) {
        Some(i) => {
            v.remove(i);
        }
        None => v.push(id),
    }
    Answer::Choices(v)
}

/// The hotspot controls of question `q`: the help line, the picture and a
/// caption naming what is chosen. `legend_id` labels the group; `changed`
/// is called after every change.
pub(super) fn hotspot(
    c: &Curriculum,
    q: &Arc<Question>,
    answer: RwSignal<Answer>,
    disabled: Signal<bool>,
    legend_id: String,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let multi = several_places(q);
    let svg = q
        .image
        .as_ref()
        .and_then(|i| c.illustrations.get(i))
        .cloned()
        .unwrap_or_default();
    let regions: Arc<Vec<(String, Text)>> = Arc::new(
        q.regions
            .iter()
            .map(|r| (r.id.clone(), r.label.clone()))
            .collect(),
    );
    let image = NodeRef::<leptos::html::Div>::new();
    // The place holding the tab stop (several places: moved by the arrow
    // keys without choosing).
    let focused = RwSignal::new(None::<String>);
    {
        let regions = regions.clone();
        Effect::new(move |_| {
            let picked = chosen(&answer.get());
            let lang = lang();
            let off = disabled.get();
            let Some(div) = image.get() else { return };
            if let Ok(Some(svg)) = div.query_selector("svg") {
                let _ = svg.set_attribute("role", if multi { "group" } else { "radiogroup" });
                let _ = svg.set_attribute("aria-labelledby", &legend_id);
                let _ = svg.set_attribute("focusable", "false");
            }
            let tab_stop = focused
                .get()
                .or_else(|| picked.first().cloned())
                .or_else(|| regions.first().map(|r| r.0.clone()));
            for (id, label) in regions.iter() {
                let Ok(Some(e)) = div.query_selector(&format!("[id='{id}']")) else {
                    continue;
                };
                let is = picked.contains(id);
                let _ = e.set_attribute("role", if multi { "checkbox" } else { "radio" });
                let _ = e.set_attribute("aria-label", label.get(lang));
                let _ = e.set_attribute("aria-checked", if is { "true" } else { "false" });
                let _ = if off {
                    e.set_attribute("aria-disabled", "true")
                } else {
                    e.remove_attribute("aria-disabled")
                };
                let stop = tab_stop.as_deref() == Some(id.as_str());
                let _ = e.set_attribute("tabindex", if stop { "0" } else { "-1" });
                let _ = if is {
                    e.class_list().add_1("selected")
                } else {
                    e.class_list().remove_1("selected")
                };
            }
        });
    }
    let ids: Arc<Vec<String>> = Arc::new(regions.iter().map(|r| r.0.clone()).collect());
    let pick = move |id: String| {
        if disabled.get_untracked() {
            return;
        }
        focused.set(Some(id.clone()));
        answer.update(|a| *a = picked(a, id, multi));
        changed();
    };
    let region_of = move |target: Option<web_sys::EventTarget>, ids: &[String]| {
        let mut el = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        while let Some(e) = el {
            if ids.contains(&e.id()) {
                return Some(e.id());
            }
            el = e.parent_element();
        }
        None
    };
    let ids_click = ids.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(id) = region_of(ev.target(), &ids_click) {
            pick(id);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(id) = region_of(ev.target(), &ids) else {
            return;
        };
        let i = ids.iter().position(|x| *x == id).unwrap_or(0);
        let n = ids.len();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (i + 1) % n,
            "ArrowLeft" | "ArrowUp" => (i + n - 1) % n,
            " " | "Enter" => {
                ev.prevent_default();
                pick(id);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let target = ids[next].clone();
        if multi {
            focused.set(Some(target.clone()));
        } else {
            pick(target.clone());
        }
        if let Some(div) = image.get_untracked() {
            if let Ok(Some(e)) = div.query_selector(&format!("[id='{target}']")) {
                if let Ok(e) = e.dyn_into::<web_sys::SvgElement>() {
                    let _ = e.focus();
                }
            }
        }
    };
    let caption = move || {
        let lang = lang();
        let names: Vec<String> = chosen(&answer.get())
            .iter()
            .filter_map(|r| regions.iter().find(|x| x.0 == *r))
            .map(|x| x.1.get(lang).to_owned())
            .collect();
        if names.is_empty() {
            t_string!(i18n, quiz.nothing_chosen).to_owned()
        } else {
            let line = if multi {
                t_string!(i18n, quiz.chosen_many)
            } else {
                t_string!(i18n, quiz.chosen)
            };
            line.replace("%place%", &names.join("; "))
        }
    };
    view! {
        <p class="help">
            {move || if multi { t_string!(i18n, quiz.hotspot_help_many) } else { t_string!(i18n, quiz.hotspot_help) }}
        </p>
        <div class="hotspot" node_ref=image on:click=on_click on:keydown=on_key inner_html=svg></div>
        <p class="hotspot-caption" data-testid="hotspot-caption">{caption}</p>
    }
}
