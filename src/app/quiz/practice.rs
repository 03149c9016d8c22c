//! The practice page: one question at a time with immediate feedback, the
//! explanation and its sources. Every checked answer updates the Leitner
//! schedule and the session, and both are saved at once, so a reload shows
//! the same question (with its feedback if it was checked).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::question::{sources_view, Answer, QuestionView, RightOrder};
use crate::adapters::platform;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::with_curriculum;
use crate::app::state::use_state;
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::quiz::scoring::{score, FULL};

/// `/quiz/practice`.
#[component]
pub fn PracticePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    crate::app::page_title(move || t_string!(i18n, quiz.practice_heading));
    view! {
        <section class="page quiz-practice">
            <h1>{t!(i18n, quiz.practice_heading)}</h1>
            {with_curriculum(state, move |c| view! { <Session curriculum=c /> })}
        </section>
    }
}

/// The session in progress (or its summary).
///
/// Props: `curriculum`.
#[component]
fn Session(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Re-render the question only when the position changes, not on every
    // save.
    let position = Memo::new(move |_| {
        state
            .quiz
            .with(|q| q.practice.as_ref().map(|p| (p.index, p.is_finished())))
    });
    // A session planned from other content (the app was updated since):
    // its question ids may be gone, so it is not continued.
    let c0 = curriculum.clone();
    let stale = Memo::new(move |_| {
        state.quiz.with(|q| {
            q.practice.as_ref().is_some_and(|p| {
                p.content_version != CONTENT_VERSION
                    || p.queue.iter().any(|e| c0.question(&e.question).is_none())
            })
        })
    });
    // The planned questions: a wrong answer comes back at the end without
    // changing it ("question 3 of 10"; then "once more").
    let total = Memo::new(move |_| {
        state
            .quiz
            .with(|q| q.practice.as_ref().map_or(0, |p| p.planned()))
    });
    // The queue's length, for tests that must not run past its end.
    let queue = Memo::new(move |_| {
        state
            .quiz
            .with(|q| q.practice.as_ref().map_or(0, |p| p.queue.len()))
    });
    let end = move |_| {
        state.update_quiz(|q| q.practice = None);
        leptos_router::hooks::use_navigate()("/quiz", Default::default());
    };
    let c = curriculum.clone();
    let again = move |_| {
        let scope = state
            .quiz
            .with_untracked(|q| q.practice.as_ref().map(|p| p.scope.clone()));
        if let Some(scope) = scope {
            super::start_practice(state, &c, scope);
        }
    };
    crate::app::focus::focus_on_change(heading, move || position.track());
    let question = move || {
        let (index, finished) = position.get()?;
        if finished {
            return None;
        }
        let (entry, checked) = state.quiz.with_untracked(|q| {
            let p = q.practice.as_ref()?;
            Some((p.queue.get(index)?.clone(), p.checked.clone()))
        })?;
        let q = Arc::new(curriculum.question(&entry.question)?.clone());
        Some(
            view! { <PracticeQuestion curriculum=curriculum.clone() question=q options=entry.options checked=checked /> },
        )
    };
    view! {
        {move || match position.get() {
            Some(_) if stale.get() => view! {
                <p class="error" role="alert" data-testid="practice-stale">{t!(i18n, quiz.practice_stale)}</p>
                <button type="button" class="primary" on:click=end>{t!(i18n, quiz.end_practice)}</button>
            }.into_any(),
            None => view! {
                <p>{t!(i18n, quiz.no_practice)}</p>
                <p><A href="/quiz" attr:class="button">{t!(i18n, quiz.back_to_quiz)}</A></p>
            }.into_any(),
            Some((_, true)) => {
                let (right, planned) = state.quiz.with_untracked(|q| q.practice.as_ref().map(|p| p.first_try()).unwrap_or((0, 0)));
                view! {
                    <div class="complete" role="status" data-testid="practice-done">
                        <h2 tabindex="-1" node_ref=heading>{t!(i18n, quiz.practice_done, right = move || right, planned = move || planned)}</h2>
                        <p class="actions">
                            <button type="button" class="primary" on:click=again.clone()>{t!(i18n, quiz.practice_again)}</button>
                            <button type="button" on:click=end>{t!(i18n, quiz.back_to_quiz)}</button>
                        </p>
                    </div>
                }.into_any()
            }
            Some((index, false)) => view! {
                <h2 class="step-count" tabindex="-1" node_ref=heading data-testid="practice-position" data-index=index data-queue=move || queue.get()>
                    {move || if index < total.get() {
                        t!(i18n, quiz.question_of, n = move || index + 1, total = move || total.get()).into_any()
                    } else {
                        t!(i18n, quiz.once_more).into_any()
                    }}
                </h2>
                <progress class="step-progress" max=move || total.get() value=move || index.min(total.get()) aria-hidden="true"></progress>
                {question.clone()}
                <p><button type="button" class="link-button" data-testid="end-practice" on:click=end>{t!(i18n, quiz.end_practice)}</button></p>
            }.into_any(),
        }}
    }
}

/// One practice question: check once, then the verdict, the explanation,
/// its sources and "next".
///
/// Props: `curriculum`, `question`, `options` (order shown), `checked` —
/// the stored checked answer when resuming after a check.
#[component]
fn PracticeQuestion(
    curriculum: Arc<Curriculum>,
    question: Arc<crate::content::Question>,
    options: Vec<String>,
    checked: Option<crate::quiz::practice::Checked>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let profile = state.settings.get_untracked().profile;
    let answer = RwSignal::new(match &checked {
        Some(c) => Answer::from_response(&c.response),
        None => Answer::initial(
            &question,
            &super::question::shown_options(&question, &options),
        ),
    });
    let points = RwSignal::new(checked.map(|c| c.points));
    let requeued = RwSignal::new(false);
    let hint = RwSignal::new(false);
    let feedback = NodeRef::<leptos::html::Div>::new();
    let q = question.clone();
    let check = move |_| {
        let Some(response) = answer.get_untracked().response() else {
            hint.set(true);
            return;
        };
        let Ok(p) = score(&q, &response) else {
            return;
        };
        let now = platform::now_ms();
        let id = q.id.clone();
        state.catch_up();
        let before = state
            .quiz
            .with_untracked(|d| d.practice.as_ref().map(|s| s.queue.len()).unwrap_or(0));
        let after = state.update_quiz(|d| {
            d.schedule.record(&id, p == FULL, now);
            // The session as saved: another tab may have moved it on.
            match d.practice.as_mut().filter(|s| on(s, &id)) {
                Some(s) => {
                    s.check(response, p);
                    s.queue.len()
                }
                None => 0,
            }
        });
        requeued.set(after > before);
        hint.set(false);
        points.set(Some(p));
        // The check button is gone: focus the feedback, so it is read and
        // the next Tab reaches the sources and "next question".
        crate::app::focus::focus_and_reveal_later(feedback);
    };
    let shown = StoredValue::new(question.id.clone());
    let next = move |_| {
        state.update_quiz(|d| {
            if let Some(s) = d
                .practice
                .as_mut()
                .filter(|s| shown.with_value(|id| on(s, id)))
            {
                s.advance();
            }
        });
    };
    let explanation = question.explanation.clone();
    let ordering = (question.kind == crate::content::QuestionType::Order).then(|| question.clone());
    let (c3, q3) = (curriculum.clone(), question.clone());
    let q4 = question.id.clone();
    // The question's Leitner box after this answer.
    let leitner_box = move |id: &str| state.quiz.with(|d| d.schedule.card(id).map(|c| c.box_));
    let box_text = move |b: u8| {
        let days =
            crate::quiz::leitner::INTERVALS_MS[usize::from(b.saturating_sub(1))] / 86_400_000;
        match days {
            0 => t!(i18n, quiz.again_next).into_any(),
            1 => t!(i18n, quiz.again_tomorrow).into_any(),
            d => t!(i18n, quiz.again_days, days = move || d).into_any(),
        }
    };
    view! {
        <QuestionView curriculum=curriculum.clone() question=question.clone() options=options answer=answer
            disabled=Signal::derive(move || points.get().is_some())
            reveal=Signal::derive(move || points.get().is_some())
            on_change=Callback::new(move |()| hint.set(false))>
            <Show when=move || points.get().is_none()>
                <button type="button" class="primary" data-testid="check-answer" on:click=check.clone()>{t!(i18n, quiz.check)}</button>
            </Show>
            <div role="status" class="feedback" data-testid="feedback" tabindex="-1" node_ref=feedback>
                {move || hint.get().then(|| view! { <p class="wrong">{t!(i18n, quiz.choose_first)}</p> })}
                {move || points.get().map(|p| {
                    let (class, icon, text) = if p == FULL {
                        ("verdict correct", "✓", t_string!(i18n, quiz.correct))
                    } else if p > 0 {
                        ("verdict partly", "◐", t_string!(i18n, quiz.partly))
                    } else {
                        ("verdict wrong", "✗", t_string!(i18n, quiz.wrong))
                    };
                    view! {
                        <p class=class><span class="mark-icon" aria-hidden="true">{icon}</span><span data-testid="verdict">{text}</span></p>
                        {(p < FULL).then(|| ordering.clone().map(|question| view! { <RightOrder question /> }))}
                        <p><strong>{t!(i18n, check.why)}</strong>" "{state.say(explanation.get(lang()))}</p>
                        // One "you will see this again": at the end of this
                        // practice when it comes back, else when the schedule
                        // brings it back.
                        {
                            let q4 = q4.clone();
                            move || if requeued.get() {
                                Some(view! { <p class="help" data-testid="comes-back">{t!(i18n, quiz.comes_back)}</p> }.into_any())
                            } else {
                                leitner_box(&q4).map(|b| view! { <p class="help" data-testid="leitner-box">{box_text(b)}</p> }.into_any())
                            }
                        }
                    }
                })}
            </div>
            {move || points.get().is_some().then(|| sources_view(&c3, &q3, profile))}
            <Show when=move || points.get().is_some()>
                <button type="button" class="primary" data-testid="next-question" on:click=next>{t!(i18n, quiz.next_question)}</button>
            </Show>
        </QuestionView>
    }
}

/// Whether the session is at the question `id`, the one on screen: a check
/// or a move is made to the session as saved, which another tab may have
/// moved on a moment ago.
fn on(s: &crate::quiz::practice::Session, id: &str) -> bool {
    s.current().is_some_and(|e| e.question == id)
}
