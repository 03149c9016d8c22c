//! One question of any type, as practice, exams and the knowledge check
//! show it: the scenario (if any), the prompt as the fieldset's legend, and
//! the answering controls — radio buttons, checkboxes, an ordering list
//! (arrow buttons and drag by a handle) or a picture whose places are a
//! keyboard-operable radio group (or, with several right places, a group
//! of checkboxes). Checking, feedback and navigation belong
//! to the page using it.

use std::sync::Arc;

use leptos::prelude::*;

mod hotspot;
mod order;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::{Curriculum, Question, QuestionType, SourceRef};
use crate::profile::ProfileId;
use crate::quiz::scoring::{several_places, Response};
use hotspot::hotspot;
use order::order_list;
pub use order::{RightOrder, StepsInOrder};

/// What the learner has chosen so far.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Choices(Vec<String>),
    Bool(Option<bool>),
    Order(Vec<String>),
    Region(Option<String>),
}

impl Answer {
    /// Nothing chosen; an ordering starts in the order shown.
    pub fn initial(q: &Question, options: &[String]) -> Answer {
        match q.kind {
            QuestionType::TrueFalse => Answer::Bool(None),
            QuestionType::Order => Answer::Order(options.to_vec()),
            QuestionType::Hotspot if several_places(q) => Answer::Choices(Vec::new()),
            QuestionType::Hotspot => Answer::Region(None),
            QuestionType::Single | QuestionType::Multiple => Answer::Choices(Vec::new()),
        }
    }

    /// A stored response, shown again.
    pub fn from_response(r: &Response) -> Answer {
        match r {
            Response::Choices(v) => Answer::Choices(v.clone()),
            Response::TrueFalse(b) => Answer::Bool(Some(*b)),
            Response::Order(v) => Answer::Order(v.clone()),
            Response::Region(id) => Answer::Region(Some(id.clone())),
        }
    }

    /// The response to score, or `None` while nothing is chosen.
    pub fn response(&self) -> Option<Response> {
        match self {
            Answer::Choices(v) if v.is_empty() => None,
            Answer::Choices(v) => Some(Response::Choices(v.clone())),
            Answer::Bool(b) => b.map(Response::TrueFalse),
            Answer::Order(v) => Some(Response::Order(v.clone())),
            Answer::Region(r) => r.clone().map(Response::Region),
        }
    }
}

/// The option ids in the order to show: `options` when given, else as
/// authored.
pub fn shown_options(q: &Question, options: &[String]) -> Vec<String> {
    if options.is_empty() {
        q.options.iter().map(|o| o.id.clone()).collect()
    } else {
        options.to_vec()
    }
}

/// The citations of a question that back a profile, as readable lines.
pub fn source_lines(c: &Curriculum, refs: &[SourceRef], p: ProfileId) -> Vec<(String, String)> {
    refs.iter()
        .filter(|s| s.backs(p))
        .map(|s| crate::app::pages::source_label(c, s))
        .collect()
}

/// A question's answering controls.
///
/// Props: `curriculum` (illustrations and scenarios); `question`;
/// `options` — option ids in the order shown (empty: as authored);
/// `answer` — the learner's choice, read and written by the controls;
/// `disabled` — true once the answer is final; `reveal` — true once the
/// answer is checked and the right options are to be marked (choices and
/// true/false: the right one "right", a chosen wrong one "wrong", by
/// colour, icon and words; a picture: its right places and a chosen wrong
/// one, the same way); `on_change` — called after
/// every change the learner makes; `children` — what follows the controls
/// (the page's buttons and feedback), inside the same card.
#[component]
pub fn QuestionView(
    curriculum: Arc<Curriculum>,
    question: Arc<Question>,
    #[prop(optional)] options: Vec<String>,
    answer: RwSignal<Answer>,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(into, optional)] reveal: Signal<bool>,
    #[prop(optional)] on_change: Option<Callback<()>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let lang = move || state.settings.get().lang;
    let q = question;
    let changed = move || {
        if let Some(cb) = on_change {
            cb.run(());
        }
    };
    let scenario = q
        .scenario
        .as_deref()
        .and_then(|s| curriculum.scenario(s))
        .map(|s| s.text.clone());
    let legend_id = format!("q-{}-legend", q.id.replace('.', "-"));
    let scenario_id = format!("q-{}-scenario", q.id.replace('.', "-"));
    let name = format!("q-{}", q.id.replace('.', "-"));
    let prompt = q.prompt.clone();
    let multiple = q.kind == QuestionType::Multiple;
    let kind = match q.kind {
        QuestionType::Single => "single",
        QuestionType::Multiple => "multiple",
        QuestionType::TrueFalse => "true_false",
        QuestionType::Order => "order",
        QuestionType::Hotspot => "hotspot",
    };
    let shown = shown_options(&q, &options);
    let body = match q.kind {
        QuestionType::Single | QuestionType::Multiple => {
            let marks = Marks { disabled, reveal };
            choices(&q, shown, answer, marks, name, multiple, changed).into_any()
        }
        QuestionType::TrueFalse => {
            let marks = Marks { disabled, reveal };
            true_false(q.answer, answer, marks, name, changed).into_any()
        }
        QuestionType::Order => order_list(&q, answer, disabled, changed).into_any(),
        QuestionType::Hotspot => hotspot(
            &curriculum,
            &q,
            answer,
            disabled,
            reveal,
            legend_id.clone(),
            changed,
        )
        .into_any(),
    };
    view! {
        <div class="question-card" data-testid="question" data-question=q.id.clone() data-type=kind>
            {scenario.clone().map(|s| view! { <p class="scenario" id=scenario_id.clone() data-testid="scenario">{move || state.say(s.get(lang()))}</p> })}
            <fieldset class="question" aria-describedby=scenario.is_some().then(|| scenario_id.clone())>
                <legend id=legend_id.clone()>{move || state.say(prompt.get(lang()))}</legend>
                {multiple.then(|| view! { <p class="help">{t!(i18n, check.select_all)}</p> })}
                {body}
            </fieldset>
            {children.map(|c| c())}
        </div>
    }
}

/// Whether the controls are locked, and whether the right options show.
#[derive(Clone, Copy)]
struct Marks {
    disabled: Signal<bool>,
    reveal: Signal<bool>,
}

impl Marks {
    /// The option's class: marked right or wrong once revealed.
    fn class(self, right: bool, chosen: impl Fn() -> bool) -> &'static str {
        match (self.reveal.get(), right, chosen()) {
            (true, true, _) => "choice right",
            (true, false, true) => "choice wrong",
            _ => "choice",
        }
    }
}

/// The icon and words beside an option once the answer is revealed.
fn mark(
    marks: Marks,
    right: bool,
    chosen: impl Fn() -> bool + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        if !marks.reveal.get() {
            return None;
        }
        let (icon, text) = match (right, chosen()) {
            (true, true) => ("✓", t_string!(i18n, quiz.mark_chosen_right)),
            (true, false) => ("✓", t_string!(i18n, quiz.mark_right)),
            (false, true) => ("✗", t_string!(i18n, quiz.mark_chosen_wrong)),
            (false, false) => return None,
        };
        Some(view! {
            <span class="choice-mark" data-testid="choice-mark">
                <span class="mark-icon" aria-hidden="true">{icon}</span>{text}
            </span>
        })
    }
}

fn choices(
    q: &Question,
    shown: Vec<String>,
    answer: RwSignal<Answer>,
    marks: Marks,
    name: String,
    multiple: bool,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let lang = move || state.settings.get().lang;
    shown
        .into_iter()
        .filter_map(|id| q.options.iter().find(|o| o.id == id).cloned())
        .map(|o| {
            let id = o.id.clone();
            let id2 = o.id.clone();
            let text = o.text.clone();
            let right = o.correct == Some(true);
            let chosen =
                Memo::new(move |_| matches!(answer.get(), Answer::Choices(ref v) if v.contains(&id)));
            let checked = move || chosen.get();
            view! {
                <label class=move || marks.class(right, checked)>
                    <input type=if multiple { "checkbox" } else { "radio" } name=name.clone() value=o.id.clone()
                        prop:checked=checked
                        disabled=move || marks.disabled.get()
                        on:change=move |_| {
                            answer.update(|a| if let Answer::Choices(v) = a {
                                if multiple {
                                    if let Some(i) = v.iter().position(|x| *x == id2) { v.remove(i); } else { v.push(id2.clone()); }
                                } else {
                                    *v = vec![id2.clone()];
                                }
                            });
                            changed();
                        } />
                    <span class="choice-text">
                        <span>{move || state.say(text.get(lang()))}</span>
                        {mark(marks, right, checked)}
                    </span>
                </label>
            }
        })
        .collect_view()
}

fn true_false(
    key: Option<bool>,
    answer: RwSignal<Answer>,
    marks: Marks,
    name: String,
    changed: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    [true, false]
        .into_iter()
        .map(|value| {
            let right = key == Some(value);
            let checked = move || answer.get() == Answer::Bool(Some(value));
            view! {
                <label class=move || marks.class(right, checked)>
                    <input type="radio" name=name.clone() value=value.to_string()
                        prop:checked=checked
                        disabled=move || marks.disabled.get()
                        on:change=move |_| { answer.set(Answer::Bool(Some(value))); changed(); } />
                    <span class="choice-text">
                        <span>{move || if value { t_string!(i18n, check.true_label) } else { t_string!(i18n, check.false_label) }}</span>
                        {mark(marks, right, checked)}
                    </span>
                </label>
            }
        })
        .collect_view()
}

/// The sources of a question for the learner's profile, as a list.
pub fn sources_view(c: &Curriculum, q: &Question, p: ProfileId) -> impl IntoView {
    let i18n = use_i18n();
    let lines = source_lines(c, &q.sources, p);
    view! {
        <details class="source">
            <summary>{t!(i18n, quiz.sources)}</summary>
            <ul>
                {lines.into_iter().map(|(label, url)| view! {
                    <li>{label}{(!url.is_empty()).then(|| view! { " " <a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a> })}</li>
                }).collect_view()}
            </ul>
        </details>
    }
}
