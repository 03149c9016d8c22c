//! A picture whose places are answered by tapping them.
//!
//! One right place: the places are a radio group (tapping one chooses it;
//! arrow keys move and choose, as radio groups do). Several right places
//! (the two AED pads): a group of checkboxes — tapping a place chooses it
//! or takes it back, arrow keys move between places without choosing, and
//! Space or Enter chooses or takes back the focused one. The SVG's shapes
//! carry the roles, names, checked state and the one tab stop.
//!
//! Each place in the picture is a group (`<g id=…>`) of an invisible hit
//! area, at least 44 CSS px on a 390 px phone, and the dashed mark drawn.
//! Once the answer is revealed, every right place is marked right (colour,
//! a ✓ in the picture and a line of words under it, chosen or not) and a
//! chosen wrong one wrong (✗). The keyboard help shows only where there is
//! a fine pointer or the picture has keyboard focus; it is also the
//! picture's accessible description.

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
    reveal: Signal<bool>,
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
    let right: Arc<Vec<String>> = Arc::new(
        q.regions
            .iter()
            .filter(|r| r.correct)
            .map(|r| r.id.clone())
            .collect(),
    );
    let keys_id = format!("{legend_id}-keys");
    let image = NodeRef::<leptos::html::Div>::new();
    // The place holding the tab stop (several places: moved by the arrow
    // keys without choosing).
    let focused = RwSignal::new(None::<String>);
    {
        let (regions, right, keys_id) = (regions.clone(), right.clone(), keys_id.clone());
        Effect::new(move |_| {
            let picked = chosen(&answer.get());
            let lang = lang();
            let off = disabled.get();
            let shown = reveal.get();
            let Some(div) = image.get() else { return };
            if let Ok(Some(svg)) = div.query_selector("svg") {
                let _ = svg.set_attribute("role", if multi { "group" } else { "radiogroup" });
                let _ = svg.set_attribute("aria-labelledby", &legend_id);
                let _ = svg.set_attribute("aria-describedby", &keys_id);
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
                let mark = shown.then(|| place_mark(right.contains(id), is)).flatten();
                let _ = e.set_attribute("role", if multi { "checkbox" } else { "radio" });
                let name = match mark {
                    Some(m) => format!("{} ({})", label.get(lang), m.words(i18n)),
                    None => label.get(lang).to_owned(),
                };
                let _ = e.set_attribute("aria-label", &name);
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
                let classes = e.class_list();
                let _ = classes.remove_2("right", "wrong");
                if let Some(m) = mark {
                    let _ = classes.add_1(m.class());
                }
                icon(&e, mark);
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
    let named = regions.clone();
    let caption = move || {
        let lang = lang();
        let names: Vec<String> = chosen(&answer.get())
            .iter()
            .filter_map(|r| named.iter().find(|x| x.0 == *r))
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
            line.replace("%place%", &names.join(t_string!(i18n, quiz.list_separator)))
        }
    };
    let marks = move || {
        if !reveal.get() {
            return None;
        }
        let lang = lang();
        let picked = chosen(&answer.get());
        let lines = regions
            .iter()
            .filter_map(|(id, label)| {
                let m = place_mark(right.contains(id), picked.contains(id))?;
                let (class, icon) = (m.class(), m.icon());
                let words = format!("{} — {}", label.get(lang), m.words(i18n));
                Some(view! {
                    <li class=format!("choice-mark {class}") data-place=id.clone()>
                        <span class="mark-icon" aria-hidden="true">{icon}</span>{words}
                    </li>
                })
            })
            .collect_view();
        Some(view! { <ul class="hotspot-marks" data-testid="hotspot-marks">{lines}</ul> })
    };
    view! {
        <p class="help" data-testid="hotspot-help">
            {move || if multi { t_string!(i18n, quiz.hotspot_help_many) } else { t_string!(i18n, quiz.hotspot_help) }}
        </p>
        <p class="help hotspot-keys" id=keys_id data-testid="hotspot-keys">
            {move || if multi { t_string!(i18n, quiz.hotspot_keys_many) } else { t_string!(i18n, quiz.hotspot_keys) }}
        </p>
        <div class="hotspot" node_ref=image on:click=on_click on:keydown=on_key inner_html=svg></div>
        // Once revealed, the marks below say what was chosen.
        <Show when=move || !reveal.get()>
            <p class="hotspot-caption" data-testid="hotspot-caption">{caption.clone()}</p>
        </Show>
        {marks}
    }
}

/// How a place is marked once the answer is revealed.
#[derive(Clone, Copy)]
enum PlaceMark {
    /// A right place the learner chose.
    ChosenRight,
    /// A right place the learner did not choose.
    Right,
    /// A wrong place the learner chose.
    ChosenWrong,
}

/// The mark of a place: right places always, wrong ones only if chosen.
fn place_mark(right: bool, chosen: bool) -> Option<PlaceMark> {
    match (right, chosen) {
        (true, true) => Some(PlaceMark::ChosenRight),
        (true, false) => Some(PlaceMark::Right),
        (false, true) => Some(PlaceMark::ChosenWrong),
        (false, false) => None,
    }
}

impl PlaceMark {
    fn class(self) -> &'static str {
        match self {
            PlaceMark::ChosenRight | PlaceMark::Right => "right",
            PlaceMark::ChosenWrong => "wrong",
        }
    }

    fn icon(self) -> &'static str {
        match self {
            PlaceMark::ChosenRight | PlaceMark::Right => "✓",
            PlaceMark::ChosenWrong => "✗",
        }
    }

    fn words(self, i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>) -> String {
        match self {
            PlaceMark::ChosenRight => t_string!(i18n, quiz.mark_chosen_right),
            PlaceMark::Right => t_string!(i18n, quiz.mark_right),
            PlaceMark::ChosenWrong => t_string!(i18n, quiz.mark_chosen_wrong),
        }
        .to_owned()
    }
}

/// The ✓ or ✗ drawn in the middle of a place's hit area (none before the
/// answer is revealed).
fn icon(place: &web_sys::Element, mark: Option<PlaceMark>) {
    if let Ok(Some(old)) = place.query_selector(".spot-icon") {
        old.remove();
    }
    let (Some(mark), Ok(Some(hit))) = (mark, place.query_selector(".hit")) else {
        return;
    };
    let num = |name: &str| {
        hit.get_attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (x, y) = (
        num("x") + num("width") / 2.0,
        num("y") + num("height") / 2.0,
    );
    let Some(doc) = place.owner_document() else {
        return;
    };
    let Ok(text) = doc.create_element_ns(Some("http://www.w3.org/2000/svg"), "text") else {
        return;
    };
    for (k, v) in [
        ("class", "spot-icon"),
        ("aria-hidden", "true"),
        ("x", &x.to_string()),
        ("y", &y.to_string()),
        ("text-anchor", "middle"),
        ("dominant-baseline", "central"),
    ] {
        let _ = text.set_attribute(k, v);
    }
    text.set_text_content(Some(mark.icon()));
    let _ = place.append_child(&text);
}
