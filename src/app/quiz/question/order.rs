//! The ordering question's list: steps moved by buttons or dragged.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::Answer;
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::{use_state, AppState};
use crate::content::Question;
use leptos_i18n::I18nContext;

/// What the ordering list's steps share: the answer they move, the
/// options' texts, the list's node, the announcement of a move and the step
/// being dragged; `changed` is called after every move the learner makes.
#[derive(Clone, Copy)]
struct Ordering<F> {
    answer: RwSignal<Answer>,
    disabled: Signal<bool>,
    changed: F,
    texts: StoredValue<Vec<(String, crate::content::Text)>>,
    list: NodeRef<leptos::html::Ol>,
    announce: RwSignal<String>,
    dragging: RwSignal<Option<String>>,
    state: AppState,
    i18n: I18nContext<Locale>,
}

impl<F: Fn() + Copy + Send + Sync + 'static> Ordering<F> {
    fn text_of(self, id: &str) -> String {
        let state = self.state;
        let lang = move || state.settings.get().lang;
        self.texts.with_value(|texts| {
            texts
                .iter()
                .find(|(x, _)| x == id)
                .map(|(_, t)| state.say(t.get(lang())))
                .unwrap_or_default()
        })
    }

    /// Moves `id` to position `to`; returns whether anything moved.
    fn move_to(self, id: &str, to: usize) -> bool {
        let mut moved = false;
        self.answer.update(|a| {
            if let Answer::Order(v) = a {
                if let Some(from) = v.iter().position(|x| x == id) {
                    let to = to.min(v.len() - 1);
                    if from != to {
                        let item = v.remove(from);
                        v.insert(to, item);
                        moved = true;
                    }
                }
            }
        });
        moved
    }

    fn focus_button(self, id: String, up: bool) {
        let list = self.list;
        // After the next render; the list may be gone by then (the learner
        // moved on), hence `try_`.
        request_animation_frame(move || {
            let Some(ol) = list.try_get_untracked().flatten() else {
                return;
            };
            let selector = format!(
                "li[data-option='{id}'] button.{}",
                if up { "up" } else { "down" }
            );
            let fallback = format!(
                "li[data-option='{id}'] button.{}",
                if up { "down" } else { "up" }
            );
            for sel in [selector, fallback] {
                if let Ok(Some(el)) = ol.query_selector(&sel) {
                    if let Ok(b) = el.dyn_into::<web_sys::HtmlButtonElement>() {
                        if !b.disabled() {
                            let _ = b.focus();
                            return;
                        }
                    }
                }
            }
        });
    }

    /// Moves a step one place up or down by its button.
    fn step_by(self, id: String, up: bool) {
        let i18n = self.i18n;
        let Answer::Order(v) = self.answer.get_untracked() else {
            return;
        };
        let Some(from) = v.iter().position(|x| *x == id) else {
            return;
        };
        let to = if up { from.saturating_sub(1) } else { from + 1 };
        if self.move_to(&id, to) {
            let n = v.len();
            let pos = to.min(n - 1) + 1;
            let item = self.text_of(&id);
            self.announce.set(
                t_string!(i18n, quiz.moved)
                    .replace("%item%", &item)
                    .replace("%n%", &pos.to_string())
                    .replace("%total%", &n.to_string()),
            );
            (self.changed)();
            self.focus_button(id, up);
        }
    }

    /// Dragging: the step under the pointer takes the dragged step's place.
    fn on_move(self, ev: web_sys::PointerEvent) {
        let Some(id) = self.dragging.get_untracked() else {
            return;
        };
        // A release the list did not see (capture lost): end the drag.
        if ev.buttons() == 0 {
            self.dragging.set(None);
            (self.changed)();
            return;
        }
        ev.prevent_default();
        let doc = document();
        let Some(el) = doc.element_from_point(ev.client_x() as f32, ev.client_y() as f32) else {
            return;
        };
        let Ok(Some(li)) = el.closest("li[data-option]") else {
            return;
        };
        let Some(over) = li.get_attribute("data-option") else {
            return;
        };
        if over != id {
            if let Answer::Order(v) = self.answer.get_untracked() {
                if let Some(to) = v.iter().position(|x| *x == over) {
                    self.move_to(&id, to);
                }
            }
        }
    }

    fn end_drag(self) {
        if self.dragging.get_untracked().is_some() {
            self.dragging.set(None);
            (self.changed)();
        }
    }
}

/// The ordering list. Each step has move-up / move-down buttons and a drag
/// handle (pointer events, so it works with touch, pen and mouse). After a
/// move by button, focus follows the moved step and the new position is
/// announced.
pub(super) fn order_list(
    q: &Question,
    answer: RwSignal<Answer>,
    disabled: Signal<bool>,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let o = Ordering {
        answer,
        disabled,
        changed,
        texts: StoredValue::new(
            q.options
                .iter()
                .map(|o| (o.id.clone(), o.text.clone()))
                .collect(),
        ),
        list: NodeRef::new(),
        announce: RwSignal::new(String::new()),
        dragging: RwSignal::new(None::<String>),
        state: use_state(),
        i18n,
    };
    let announce = o.announce;
    view! {
        <p class="help">{t!(i18n, quiz.order_help)}</p>
        <ol class="order-list" node_ref=o.list
            on:pointermove=move |ev| o.on_move(ev) on:pointerup=move |_| o.end_drag() on:pointercancel=move |_| o.end_drag()>
            <For
                each=move || match answer.get() { Answer::Order(v) => v, _ => Vec::new() }
                key=|id| id.clone()
                let(id)
            >
                {order_item(o, id)}
            </For>
        </ol>
        <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
    }
}

/// One step of the ordering list: its drag handle, its text, its move-up
/// and move-down buttons (disabled at the ends).
fn order_item<F: Fn() + Copy + Send + Sync + 'static>(o: Ordering<F>, id: String) -> impl IntoView {
    let Ordering {
        answer,
        disabled,
        list,
        dragging,
        i18n,
        ..
    } = o;
    let id_text = id.clone();
    let label = move || o.text_of(&id_text);
    let pos = {
        let id = id.clone();
        Memo::new(move |_| match answer.get() {
            Answer::Order(v) => (v.iter().position(|x| *x == id).unwrap_or(0), v.len()),
            _ => (0, 0),
        })
    };
    let (id_up, id_down, id_drag, id_class) = (id.clone(), id.clone(), id.clone(), id.clone());
    let label2 = label.clone();
    let label3 = label.clone();
    view! {
        <li class="order-item" data-option=id.clone()
            class:dragging=move || dragging.get().as_deref() == Some(id_class.as_str())>
            <span class="drag-handle" aria-hidden="true" title=move || t_string!(i18n, quiz.drag_handle)
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if disabled.get_untracked() { return; }
                    ev.prevent_default();
                    // The list captures the pointer, so the drag ends
                    // wherever the pointer is released.
                    if let Some(ol) = list.get_untracked() {
                        let _ = ol.set_pointer_capture(ev.pointer_id());
                    }
                    dragging.set(Some(id_drag.clone()));
                }>"⠿"</span>
            <span class="order-text">{label}</span>
            <span class="order-buttons">
                <button type="button" class="up" disabled=move || disabled.get() || pos.get().0 == 0
                    on:click=move |_| o.step_by(id_up.clone(), true)
                    aria-label=move || format!("{} — {}", t_string!(i18n, check.move_up), label2())>"↑"</button>
                <button type="button" class="down" disabled=move || { let (p, n) = pos.get(); disabled.get() || p + 1 >= n }
                    on:click=move |_| o.step_by(id_down.clone(), false)
                    aria-label=move || format!("{} — {}", t_string!(i18n, check.move_down), label3())>"↓"</button>
            </span>
        </li>
    }
}

/// The right order of an ordering question, numbered: what practice shows
/// under a verdict that was not all right, so the learner reads the steps
/// in order once.
///
/// Props: `question` — an ordering question (its options are authored in
/// the right order).
#[component]
pub fn RightOrder(question: std::sync::Arc<Question>) -> impl IntoView {
    let i18n = use_i18n();
    let ids = question.options.iter().map(|o| o.id.clone()).collect();
    view! {
        <div class="right-order" data-testid="right-order">
            <p><strong>{t!(i18n, quiz.right_answer)}</strong></p>
            <StepsInOrder question ids />
        </div>
    }
}

/// An ordering question's steps as a numbered list, in the order of `ids`
/// (an id the question does not have is shown as it is): the right order
/// in practice, the order given and the right one in an exam's results.
///
/// Props: `question` — the ordering question; `ids` — its option ids.
#[component]
pub fn StepsInOrder(question: std::sync::Arc<Question>, ids: Vec<String>) -> impl IntoView {
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let steps = ids
        .into_iter()
        .map(|id| {
            let text = question
                .options
                .iter()
                .find(|o| o.id == id)
                .map(|o| o.text.clone());
            view! {
                <li>{move || match &text {
                    Some(t) => state.say(t.get(lang())),
                    None => id.clone(),
                }}</li>
            }
        })
        .collect_view();
    view! { <ol class="answer-order">{steps}</ol> }
}
