//! The end-of-lesson knowledge check: the lesson's 2–4 check questions for
//! the learner's profile, answered one by one with immediate feedback; the
//! lesson is complete when every one has been answered correctly.
//!
//! An answer passes when the quiz engine's scoring gives it full marks; tries
//! are unlimited (it is a check, not an exam).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::lesson_clock::LessonClock;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::quiz::question::{shown_options, Answer, QuestionView};
use crate::app::state::use_state;
use crate::content::{Curriculum, Lesson, Question, QuestionType};
use crate::quiz::scoring::{score, FULL};

/// Props: `curriculum` — the loaded lessons (the questions are typed
/// when the check is first shown); `lesson` — the lesson checked.
#[component]
pub fn KnowledgeCheck(curriculum: Arc<Curriculum>, lesson: Arc<Lesson>) -> impl IntoView {
    super::with_whole(
        &curriculum,
        |curriculum| view! { <Check curriculum lesson /> },
    )
}

/// The check itself.
///
/// Props: `curriculum` — the whole curriculum; `lesson` — the lesson checked.
#[component]
fn Check(curriculum: Arc<Curriculum>, lesson: Arc<Lesson>) -> impl IntoView {
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
    let lesson_id2 = lesson.id.clone();
    let heading = NodeRef::<leptos::html::H2>::new();
    // The next question starts at the check's heading: the learner tapped
    // Next at the foot of the last answer (at large text, screens below
    // it); focus brings it into view. At the end "lesson complete" itself
    // takes focus and comes into view (below the heading and the
    // celebration it was under the tab bar at 200 %).
    let complete = NodeRef::<leptos::html::Div>::new();
    let on_correct = Callback::new(move |()| {
        if index.get_untracked() + 1 >= total {
            crate::app::focus::focus_and_reveal_later(complete);
            let at = crate::adapters::platform::now_iso();
            let clock = use_context::<LessonClock>();
            state.update_progress(|p| {
                // The time until now counts towards completing it.
                if let Some(c) = &clock {
                    c.add_to(p);
                }
                p.complete(&lesson_id, &at);
            });
            done.set(true);
        } else {
            crate::app::focus::focus_later(heading);
            index.update(|i| *i += 1);
        }
    });
    let questions = Arc::new(questions);
    let curriculum2 = curriculum.clone();
    view! {
        <section class="check" aria-labelledby="check-heading" data-testid="check">
            <h2 id="check-heading" tabindex="-1" node_ref=heading>{t!(i18n, check.title)}</h2>
            <Show
                when=move || !done.get()
                fallback=move || {
                    let next = next_lesson.clone();
                    view! {
                        <div class="complete" role="status" tabindex="-1" node_ref=complete data-testid="lesson-complete">
                            <crate::app::quiz::Celebrate />
                            <p class="complete-words">{t!(i18n, check.complete)}</p>
                            {next.map(|id| view! { <A href=format!("/learn/{id}") attr:class="button primary">{t!(i18n, check.next_lesson)}</A> })}
                            " "
                            <crate::app::quiz::PractiseLessonButton lesson=lesson_id2.clone() />
                            " "
                            <A href="/quiz" attr:class="button" attr:data-testid="check-quiz">{t!(i18n, learn.quiz_link)}</A>
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
                            <CheckQuestion curriculum=curriculum.clone() question=q last={i + 1 == total} on_correct=on_correct />
                        })
                    }
                }
            </Show>
        </section>
    }
}

/// A deterministic starting order for ordering questions (so the correct
/// order is never the one shown first): rotate by one, then swap the first
/// two.
fn initial_order(q: &Question) -> Vec<String> {
    let mut ids: Vec<String> = q.options.iter().map(|o| o.id.clone()).collect();
    if ids.len() > 1 {
        ids.rotate_left(1);
        ids.swap(0, 1);
    }
    ids
}

/// One check question: the shared question view, "check my answer",
/// feedback announced in a live region, and the explanation. Once the
/// answer is right, "check my answer" gives way to the one way on: "next
/// question", or on the last question "finish the lesson".
///
/// Props: `curriculum` (illustrations), `question`, `last` — whether it
/// is the check's last question; `on_correct` — called when the learner
/// moves on from a right answer.
#[component]
fn CheckQuestion(
    curriculum: Arc<Curriculum>,
    question: Question,
    last: bool,
    on_correct: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let q = Arc::new(question);
    let options = if q.kind == QuestionType::Order {
        initial_order(&q)
    } else {
        Vec::new()
    };
    let answer = RwSignal::new(Answer::initial(&q, &shown_options(&q, &options)));
    // None: not checked yet; Some(correct).
    let verdict = RwSignal::new(None::<bool>);
    // "Check" with nothing chosen: asked to choose first, not marked
    // wrong and shown the answer (as practice does).
    let hint = RwSignal::new(false);
    let q2 = q.clone();
    let feedback = NodeRef::<leptos::html::Div>::new();
    let submit = move |_| {
        let Some(response) = answer.get_untracked().response() else {
            hint.set(true);
            crate::app::focus::reveal_later(feedback);
            return;
        };
        hint.set(false);
        let ok = score(&q2, &response) == Ok(FULL);
        verdict.set(Some(ok));
        if ok {
            // "Check my answer" is gone: focus the feedback (as practice
            // does), so it is read and the next Tab reaches the way on.
            crate::app::focus::focus_and_reveal_later(feedback);
        } else {
            crate::app::focus::reveal_later(feedback);
        }
    };
    let explanation = q.explanation.clone();
    view! {
        <QuestionView curriculum=curriculum question=q.clone() options=options answer=answer
            on_change=Callback::new(move |()| {
                verdict.set(None);
                hint.set(false);
            })>
            <Show when=move || verdict.get() != Some(true)>
                <button type="button" class="primary" on:click=submit.clone()>{t!(i18n, check.submit)}</button>
            </Show>
            <div role="status" class="feedback" data-testid="feedback" tabindex="-1" node_ref=feedback>
                {move || hint.get().then(|| view! { <p class="wrong">{t!(i18n, quiz.choose_first)}</p> })}
                {move || verdict.get().map(|ok| {
                    let explanation = state.say(explanation.get(lang()));
                    view! {
                        <p class=if ok { "verdict correct" } else { "verdict wrong" }>
                            <span class="mark-icon" aria-hidden="true">{if ok { "✓" } else { "✗" }}</span>
                            {if ok { t_string!(i18n, check.correct) } else { t_string!(i18n, check.wrong) }}
                        </p>
                        <p><strong>{t!(i18n, check.why)}</strong>" "{explanation}</p>
                        {ok.then(|| view! {
                            <button type="button" class="primary" data-testid="check-on" on:click=move |_| on_correct.run(())>
                                {if last { t_string!(i18n, check.finish) } else { t_string!(i18n, check.next_question) }}
                            </button>
                        })}
                    }
                })}
            </div>
        </QuestionView>
    }
}
