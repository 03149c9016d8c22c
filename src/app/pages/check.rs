//! The end-of-lesson knowledge check: the lesson's 2–4 check questions for
//! the learner's profile, answered one by one with immediate feedback; the
//! lesson is complete when every one has been answered correctly.
//!
//! An answer passes when the quiz engine's scoring gives it full marks; tries
//! are unlimited (it is a check, not an exam).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::content::{Curriculum, Lesson, Question, QuestionType};
use crate::quiz::scoring::{score, Response, FULL};
use crate::settings::Lang;

/// Props: `curriculum` — the loaded curriculum; `lesson` — the lesson checked.
#[component]
pub fn KnowledgeCheck(curriculum: Arc<Curriculum>, lesson: Arc<Lesson>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let questions: Vec<Question> = curriculum
        .questions_for(&lesson.id, state.settings.get_untracked().profile)
        .filter(|q| q.check)
        .cloned()
        .collect();
    let total = questions.len();
    let index = RwSignal::new(0usize);
    let done =
        RwSignal::new(state.progress.with_untracked(|p| p.is_complete(&lesson.id)) && total > 0);
    let next_lesson = curriculum
        .lessons
        .iter()
        .find(|l| l.order == lesson.order + 1)
        .map(|l| l.id.clone());
    let lesson_id = lesson.id.clone();
    let on_correct = Callback::new(move |()| {
        if index.get_untracked() + 1 >= total {
            let at = crate::adapters::platform::now_iso();
            state.update_progress(|p| p.complete(&lesson_id, &at));
            done.set(true);
        } else {
            index.update(|i| *i += 1);
        }
    });
    let questions = Arc::new(questions);
    let curriculum2 = curriculum.clone();
    view! {
        <section class="check" aria-labelledby="check-heading" data-testid="check">
            <h2 id="check-heading" tabindex="-1">{t!(i18n, check.title)}</h2>
            <Show
                when=move || !done.get()
                fallback=move || {
                    let next = next_lesson.clone();
                    view! {
                        <div class="complete" role="status" data-testid="lesson-complete">
                            <p>{t!(i18n, check.complete)}</p>
                            {next.map(|id| view! { <A href=format!("/learn/{id}") attr:class="button primary">{t!(i18n, check.next_lesson)}</A> })}
                            " "
                            <A href="/learn" attr:class="button">{t!(i18n, check.back_to_lessons)}</A>
                        </div>
                    }
                }
            >
                <p>{t!(i18n, check.intro)}</p>
                {
                    let questions = questions.clone();
                    let curriculum = curriculum2.clone();
                    move || {
                        let i = index.get();
                        questions.get(i).cloned().map(|q| view! {
                            <p class="step-count">{t!(i18n, check.question_of, n = move || i + 1, total = move || total)}</p>
                            <QuestionView curriculum=curriculum.clone() question=q on_correct=on_correct />
                        })
                    }
                }
            </Show>
        </section>
    }
}

/// What the learner has chosen so far.
#[derive(Clone, Debug, PartialEq)]
enum Answer {
    Choices(Vec<String>),
    Bool(Option<bool>),
    Order(Vec<String>),
}

/// Right when the quiz engine gives full marks (its scoring rules, not a
/// second copy of them).
fn is_correct(q: &Question, a: &Answer) -> bool {
    let response = match (q.kind, a) {
        (QuestionType::Hotspot, Answer::Choices(v)) => match v.first() {
            Some(id) => Response::Region(id.clone()),
            None => return false,
        },
        (_, Answer::Choices(v)) => Response::Choices(v.clone()),
        (_, Answer::Bool(Some(b))) => Response::TrueFalse(*b),
        (_, Answer::Bool(None)) => return false,
        (_, Answer::Order(v)) => Response::Order(v.clone()),
    };
    score(q, &response) == Ok(FULL)
}

/// A deterministic shuffle of the options for ordering questions (so the
/// correct order is never the one shown first): rotate by one.
fn initial_order(q: &Question) -> Vec<String> {
    let mut ids: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
    if ids.len() > 1 {
        ids.rotate_left(1);
        ids.swap(0, 1);
    }
    ids
}

/// One question of any type, with "check my answer", feedback announced in a
/// live region, and the explanation.
///
/// Props: `curriculum` (illustrations), `question`, `on_correct` — called
/// once the answer is right.
#[component]
fn QuestionView(
    curriculum: Arc<Curriculum>,
    question: Question,
    on_correct: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let q = Arc::new(question);
    let answer = RwSignal::new(match q.kind {
        QuestionType::TrueFalse => Answer::Bool(None),
        QuestionType::Order => Answer::Order(initial_order(&q)),
        _ => Answer::Choices(Vec::new()),
    });
    // None: not checked yet; Some(correct).
    let verdict = RwSignal::new(None::<bool>);
    let name = format!("q-{}", q.id.replace('.', "-"));
    let q2 = q.clone();
    let submit = move |_| {
        let ok = is_correct(&q2, &answer.get_untracked());
        verdict.set(Some(ok));
    };
    let input = body(&curriculum, &q, answer, verdict, name, lang(), i18n);
    let prompt = q.prompt.clone();
    let explanation = q.explanation.clone();
    let multiple = q.kind == QuestionType::Multiple;
    view! {
        <fieldset class="question" data-testid="question" data-question=q.id.clone()>
            <legend>{move || prompt.get(lang()).to_owned()}</legend>
            {multiple.then(|| view! { <p class="help">{t!(i18n, check.select_all)}</p> })}
            {input}
            <button type="button" class="primary" on:click=submit>{t!(i18n, check.submit)}</button>
            <div role="status" class="feedback" data-testid="feedback">
                {move || verdict.get().map(|ok| {
                    let explanation = explanation.get(lang()).to_owned();
                    view! {
                        <p class=if ok { "correct" } else { "wrong" }>
                            {if ok { t_string!(i18n, check.correct) } else { t_string!(i18n, check.wrong) }}
                        </p>
                        <p><strong>{t!(i18n, check.why)}</strong>" "{explanation}</p>
                        {ok.then(|| view! {
                            <button type="button" class="primary" on:click=move |_| on_correct.run(())>{t!(i18n, player.next)}</button>
                        })}
                    }
                })}
            </div>
        </fieldset>
    }
}

/// The answering controls of a question, by type.
fn body(
    c: &Curriculum,
    q: &Arc<Question>,
    answer: RwSignal<Answer>,
    verdict: RwSignal<Option<bool>>,
    name: String,
    lang: Lang,
    i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>,
) -> AnyView {
    let reset = move || verdict.set(None);
    match q.kind {
        QuestionType::Single | QuestionType::Multiple => {
            let multiple = q.kind == QuestionType::Multiple;
            q.options
                .iter()
                .map(|o| {
                    let id = o.id.clone();
                    let id2 = o.id.clone();
                    let text = o.text.get(lang).to_owned();
                    let checked = move || matches!(answer.get(), Answer::Choices(ref v) if v.contains(&id));
                    view! {
                        <label class="choice">
                            <input type=if multiple { "checkbox" } else { "radio" } name=name.clone() value=o.id.clone()
                                prop:checked=checked
                                on:change=move |_| {
                                    answer.update(|a| if let Answer::Choices(v) = a {
                                        if multiple {
                                            if let Some(i) = v.iter().position(|x| *x == id2) { v.remove(i); } else { v.push(id2.clone()); }
                                        } else {
                                            *v = vec![id2.clone()];
                                        }
                                    });
                                    reset();
                                } />
                            <span>{text}</span>
                        </label>
                    }
                })
                .collect_view()
                .into_any()
        }
        QuestionType::TrueFalse => [
            (true, t_string!(i18n, check.true_label)),
            (false, t_string!(i18n, check.false_label)),
        ]
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="choice">
                    <input type="radio" name=name.clone() value=value.to_string()
                        prop:checked=move || answer.get() == Answer::Bool(Some(value))
                        on:change=move |_| { answer.set(Answer::Bool(Some(value))); reset(); } />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view()
        .into_any(),
        QuestionType::Order => {
            let texts: Vec<(String, String)> = q
                .options
                .iter()
                .map(|o| (o.id.clone(), o.text.get(lang).to_owned()))
                .collect();
            let texts = Arc::new(texts);
            view! {
                <ol class="order-list">
                    {move || {
                        let Answer::Order(order) = answer.get() else { return Vec::new() };
                        let n = order.len();
                        order.iter().enumerate().map(|(i, id)| {
                            let text = texts.iter().find(|(x, _)| x == id).map(|(_, t)| t.clone()).unwrap_or_default();
                            let swap = move |j: usize| {
                                answer.update(|a| if let Answer::Order(v) = a { v.swap(i, j); });
                                reset();
                            };
                            view! {
                                <li class="order-item" data-option=id.clone()>
                                    <span class="order-text">{text.clone()}</span>
                                    <span class="order-buttons">
                                        <button type="button" disabled=i == 0 on:click=move |_| swap(i - 1)
                                            aria-label=format!("{} — {}", t_string!(i18n, check.move_up), text)>"↑"</button>
                                        <button type="button" disabled=i + 1 == n on:click=move |_| swap(i + 1)
                                            aria-label=format!("{} — {}", t_string!(i18n, check.move_down), text)>"↓"</button>
                                    </span>
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    }}
                </ol>
            }
            .into_any()
        }
        QuestionType::Hotspot => {
            let svg = q
                .image
                .as_ref()
                .and_then(|i| c.illustrations.get(i))
                .cloned()
                .unwrap_or_default();
            let region_ids: Vec<String> = q.regions.iter().map(|r| r.id.clone()).collect();
            let image = NodeRef::<leptos::html::Div>::new();
            // Marks the chosen shape in the picture (the shapes come from the
            // SVG text, so this is done on the DOM directly).
            let pick = move |id: String| {
                if let Some(div) = image.get_untracked() {
                    if let Ok(list) = div.query_selector_all(".selected") {
                        for i in 0..list.length() {
                            if let Some(e) = list.item(i).and_then(|n| {
                                wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok()
                            }) {
                                let _ = e.class_list().remove_1("selected");
                            }
                        }
                    }
                    if let Ok(Some(e)) = div.query_selector(&format!("[id='{id}']")) {
                        let _ = e.class_list().add_1("selected");
                    }
                }
                answer.set(Answer::Choices(vec![id]));
                reset();
            };
            let on_image_click = move |ev: leptos::ev::MouseEvent| {
                let target = ev
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
                let mut el = target;
                while let Some(e) = el {
                    if region_ids.contains(&e.id()) {
                        pick(e.id());
                        return;
                    }
                    el = e.parent_element();
                }
            };
            view! {
                <p class="help">{t!(i18n, check.choose_place)}</p>
                <div class="hotspot" node_ref=image aria-hidden="true" on:click=on_image_click inner_html=svg></div>
                {q.regions.iter().map(|r| {
                    let id = r.id.clone();
                    let id2 = r.id.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() value=r.id.clone()
                                prop:checked=move || matches!(answer.get(), Answer::Choices(ref v) if v.first() == Some(&id))
                                on:change=move |_| pick(id2.clone()) />
                            <span>{r.label.get(lang).to_owned()}</span>
                        </label>
                    }
                }).collect_view()}
            }
            .into_any()
        }
    }
}
