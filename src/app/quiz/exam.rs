//! The exam page: question n of N, no feedback, previous / next, finish
//! (with a warning about unanswered questions), and the time left. Every
//! change of an answer is saved at once with its time; the questions are
//! drawn again from the attempt's seed on every visit, so a reload resumes
//! at the same question in the same order.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::question::{shown_options, Answer, QuestionView};
use crate::adapters::platform;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::with_curriculum;
use crate::app::state::{use_state, AppState};
use crate::content::{Curriculum, QuestionType, CONTENT_VERSION};
use crate::quiz::attempt::AttemptError;
use crate::quiz::exam::ExamItem;

/// `/quiz/exam`.
#[component]
pub fn ExamPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    crate::app::page_title(move || t_string!(i18n, quiz.exam_heading));
    view! {
        <section class="page quiz-exam">
            {with_curriculum(state, move |c| view! { <ExamGate curriculum=c /> })}
        </section>
    }
}

/// Draws the attempt's questions again, or explains why it cannot go on.
///
/// Props: `curriculum`.
#[component]
fn ExamGate(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let has_attempt = Memo::new(move |_| state.quiz.with(|q| q.exam.is_some()));
    move || {
        if !has_attempt.get() {
            return view! {
                <h1>{t!(i18n, quiz.exam_heading)}</h1>
                <p>{t!(i18n, quiz.no_exam)}</p>
                <p><A href="/quiz" attr:class="button">{t!(i18n, quiz.back_to_quiz)}</A></p>
            }
            .into_any();
        }
        let attempt = state
            .quiz
            .with_untracked(|q| q.exam.clone())
            .expect("checked");
        match attempt.exam(&curriculum, CONTENT_VERSION) {
            Ok(items) => {
                view! { <Runner curriculum=curriculum.clone() items=Arc::new(items) /> }.into_any()
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("exam attempt: {e:?}").into());
                view! {
                    <h1>{t!(i18n, quiz.exam_heading)}</h1>
                    <p class="error" role="alert" data-testid="exam-stale">{t!(i18n, quiz.stale)}</p>
                    <button type="button" class="primary" on:click=move |_| state.update_quiz(|q| q.exam = None)>
                        {t!(i18n, quiz.discard)}
                    </button>
                }
                .into_any()
            }
        }
    }
}

/// Saves the answer to question `index`, or takes it back when nothing is
/// chosen any more (every box unticked). An ordering counts as answered once
/// the learner has moved a step; one left as shown stays unanswered, like a
/// skipped choice. Returns false when the time is up.
fn save(
    state: AppState,
    c: &Curriculum,
    items: &[ExamItem],
    index: usize,
    answer: &Answer,
) -> bool {
    let now = platform::now_ms();
    state.update_quiz(|q| match q.exam.as_mut() {
        Some(a) => {
            let result = match answer.response() {
                Some(response) => a.answer(c, items, index, response, now),
                None => a.clear(index, now),
            };
            !matches!(result, Err(AttemptError::TimeUp))
        }
        None => true,
    })
}

/// Finishes the attempt: scores it, keeps the transcript, shows the result
/// (`go_to` navigates; timers cannot look the router up themselves).
fn finish(state: AppState, c: &Curriculum, items: &[ExamItem], go_to: &dyn Fn(&str)) {
    let now = platform::now_ms();
    // The exam as saved, with answers given in another tab a moment ago.
    state.catch_up();
    let transcript = state
        .quiz
        .with_untracked(|q| q.exam.as_ref().map(|a| a.finish(c, items, now)));
    match transcript {
        Some(Ok(t)) => {
            let seed = t.seed.clone();
            super::keep_result(state, t);
            go_to(&format!("/quiz/results/{seed}"));
        }
        Some(Err(e)) => web_sys::console::warn_1(&format!("finish: {e}").into()),
        None => {}
    }
}

/// What the exam's parts share: where the learner is, how many are
/// answered, moving between questions and finishing.
#[derive(Clone, Copy)]
struct Exam {
    state: AppState,
    /// The number of questions.
    total: usize,
    /// The question shown.
    index: RwSignal<usize>,
    /// Asking whether to finish with questions unanswered.
    confirming: RwSignal<bool>,
    answered: Memo<usize>,
    /// Moves to a question (answers are saved as they change).
    go: StoredValue<Arc<dyn Fn(usize) + Send + Sync>>,
    /// Scores the exam and shows the result.
    finish_now: StoredValue<Arc<dyn Fn() + Send + Sync>>,
}

/// The clock: once a second while there is a time limit. The interval
/// stops itself when time is up or the page has gone (ticks can come
/// faster than the page is torn down, e.g. after the device slept). Called
/// in the runner's body: the interval is cleared when the runner goes.
fn start_clock(
    deadline: i64,
    now: RwSignal<i64>,
    warned: RwSignal<Option<u32>>,
    finish_now: StoredValue<Arc<dyn Fn() + Send + Sync>>,
) {
    let own: std::rc::Rc<std::cell::Cell<Option<IntervalHandle>>> = Default::default();
    let own2 = own.clone();
    let stop = move || {
        if let Some(h) = own2.take() {
            h.clear();
        }
    };
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let t = platform::now_ms();
            if now.try_set(t).is_some() {
                stop();
                return;
            }
            if t > deadline {
                stop();
                finish_now.try_with_value(|f| f());
                return;
            }
            let left = deadline - t;
            let due = if left <= 60_000 {
                Some(1)
            } else if left <= 5 * 60_000 {
                Some(5)
            } else {
                None
            };
            if due.is_some() && warned.try_get_untracked().flatten() != due {
                warned.try_set(due);
            }
        },
        std::time::Duration::from_secs(1),
    ) {
        own.set(Some(handle));
        on_cleanup(move || handle.clear());
    }
}

/// The exam in progress.
///
/// Props: `curriculum`, `items` — the drawn questions.
#[component]
fn Runner(curriculum: Arc<Curriculum>, items: Arc<Vec<ExamItem>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let total = items.len();
    let (start_index, deadline, title) = state.quiz.with_untracked(|q| {
        let a = q.exam.as_ref().expect("gate checked");
        (
            a.current.min(total.saturating_sub(1)),
            a.deadline_ms(),
            a.blueprint.title.clone(),
        )
    });
    let index = RwSignal::new(start_index);
    let confirming = RwSignal::new(false);
    // Minutes left when the last warning was announced (5, then 1).
    let warned = RwSignal::new(None::<u32>);
    let now = RwSignal::new(platform::now_ms());
    let heading = NodeRef::<leptos::html::H2>::new();
    let answered = Memo::new(move |_| {
        state
            .quiz
            .with(|q| q.exam.as_ref().map_or(0, |a| a.answered()))
    });
    // The answer being edited, per question shown.
    let answer = RwSignal::new(Answer::Bool(None));

    let (c1, items1) = (curriculum.clone(), items.clone());
    let navigate = use_navigate();
    let go_to = move |path: &str| navigate(path, Default::default());
    let finish_now = move || finish(state, &c1, &items1, &go_to);
    let finish_now = StoredValue::new(Arc::new(finish_now) as Arc<dyn Fn() + Send + Sync>);

    if let Some(deadline) = deadline {
        start_clock(deadline, now, warned, finish_now);
    }

    // Moves to question `to` (answers are saved as they change).
    let go = move |to: usize| {
        state.update_quiz(|q| {
            if let Some(e) = q.exam.as_mut() {
                e.current = to;
            }
        });
        confirming.set(false);
        index.set(to);
    };
    let go = StoredValue::new(Arc::new(go) as Arc<dyn Fn(usize) + Send + Sync>);
    crate::app::focus::focus_on_change(heading, move || index.track());
    let exam = Exam {
        state,
        total,
        index,
        confirming,
        answered,
        go,
        finish_now,
    };

    let (c3, items3) = (curriculum.clone(), items.clone());
    let question = move || {
        let i = index.get();
        let item = items3.get(i)?.clone();
        let q = Arc::new(c3.question(&item.question)?.clone());
        let stored = state.quiz.with_untracked(|d| {
            d.exam
                .as_ref()
                .and_then(|a| a.answers.get(i).cloned().flatten())
        });
        answer.set(match stored {
            Some(s) => Answer::from_response(&s.response),
            None => Answer::initial(&q, &shown_options(&q, &item.options)),
        });
        let (c, items) = (c3.clone(), items3.clone());
        let on_change = Callback::new(move |()| {
            if !save(state, &c, &items, i, &answer.get_untracked()) {
                finish_now.with_value(|f| f());
            }
        });
        let ordering = q.kind == QuestionType::Order;
        Some(view! {
            <QuestionView curriculum=c3.clone() question=q options=item.options.clone() answer=answer on_change=on_change />
            {ordering.then(|| view! { <KeepOrder index=i on_change=on_change /> })}
        })
    };
    view! {
        <h1>{move || title.as_ref().map(|t| t.get(lang()).to_owned()).unwrap_or_else(|| t_string!(i18n, quiz.exam_heading).to_owned())}</h1>
        <ExamStatus exam deadline now warned heading />
        <progress class="step-progress" max=total value=move || index.get() + 1 aria-hidden="true"></progress>
        {question}
        <ExamNav exam />
    }
}

/// An ordering counts as answered once a step is moved; a learner who
/// thinks the order shown is right says so here (else it would score as
/// no answer, without a word).
///
/// Props: `index` — the question's place in the exam; `on_change` — saves
/// the answer shown.
#[component]
fn KeepOrder(index: usize, on_change: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let saved = Memo::new(move |_| {
        state.quiz.with(|q| {
            q.exam
                .as_ref()
                .is_some_and(|a| a.answers.get(index).is_some_and(Option::is_some))
        })
    });
    let note = NodeRef::<leptos::html::P>::new();
    let keep = move |_| {
        on_change.run(());
        crate::app::focus::focus_later(note);
    };
    view! {
        <div class="keep-order" data-testid="keep-order">
            <Show when=move || saved.get() fallback=move || view! {
                <p>{t!(i18n, quiz.keep_order_q)}</p>
                <button type="button" data-testid="keep-order-button" on:click=keep>{t!(i18n, quiz.keep_order)}</button>
            }>
                <p role="status" tabindex="-1" node_ref=note data-testid="order-kept">{t!(i18n, quiz.order_kept)}</p>
            </Show>
        </div>
    }
}

/// Where the learner is: question n of N (the heading focused on every
/// move), how many are answered, the time left and its spoken warnings.
///
/// Props: `exam` — the exam's shared state; `deadline` — the time limit's
/// end, if any; `now` — the clock; `warned` — minutes left when the last
/// warning was announced; `heading` — the position's heading.
#[component]
fn ExamStatus(
    exam: Exam,
    deadline: Option<i64>,
    now: RwSignal<i64>,
    warned: RwSignal<Option<u32>>,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Exam {
        total,
        index,
        answered,
        ..
    } = exam;
    let time_left = move || {
        deadline.map(|d| {
            let left = ((d - now.get()).max(0) / 1000) as u64;
            format!("{:02}:{:02}", left / 60, left % 60)
        })
    };
    view! {
        <div class="exam-status">
            <h2 class="step-count" tabindex="-1" node_ref=heading data-testid="exam-position">
                {t!(i18n, quiz.question_of, n = move || index.get() + 1, total = move || total)}
            </h2>
            <p data-testid="answered-count">{t!(i18n, quiz.answered_count, n = move || answered.get(), total = move || total)}</p>
            {move || time_left().map(|left| view! {
                <p class="timer" data-testid="time-left">{t!(i18n, quiz.time_left, time = move || left.clone())}</p>
            })}
            <p class="visually-hidden" role="status" data-testid="time-warning">
                {move || warned.get().map(|n| view! { {t!(i18n, quiz.minutes_left, n = move || n)} })}
            </p>
        </div>
    }
}

/// The questions of the running exam not answered yet (from 0), tracked.
fn unanswered(state: AppState) -> Vec<usize> {
    state.quiz.with(|q| {
        q.exam.as_ref().map_or_else(Vec::new, |a| {
            (0..a.answers.len())
                .filter(|&i| a.answers[i].is_none())
                .collect()
        })
    })
}

/// Previous, next and finish, and the question whether to finish with
/// questions unanswered (each one listed, to go back to).
///
/// Props: `exam` — the exam's shared state.
#[component]
fn ExamNav(exam: Exam) -> impl IntoView {
    let i18n = use_i18n();
    let Exam {
        state,
        total,
        index,
        confirming,
        answered,
        go,
        finish_now,
    } = exam;
    let finish_button = NodeRef::<leptos::html::Button>::new();
    let finish_anyway = NodeRef::<leptos::html::Button>::new();
    view! {
        <div class="exam-nav">
            <Show when=move || { index.get() > 0 }>
                <button type="button" data-testid="exam-previous" on:click=move |_| go.with_value(|g| g(index.get_untracked() - 1))>
                    {t!(i18n, quiz.previous)}
                </button>
            </Show>
            <Show when=move || { index.get() + 1 < total }>
                <button type="button" class="primary" data-testid="exam-next" on:click=move |_| go.with_value(|g| g(index.get_untracked() + 1))>
                    {t!(i18n, quiz.next)}
                </button>
            </Show>
            <Show when=move || { index.get() + 1 == total }>
                <button type="button" class="primary" data-testid="exam-finish" on:click=move |_| {
                    let i = index.get_untracked();
                    go.with_value(|g| g(i));
                    let left = state.quiz.with_untracked(|q| q.exam.as_ref().map_or(0, |a| a.answers.len() - a.answered()));
                    if left == 0 {
                        finish_now.with_value(|f| f());
                    } else {
                        confirming.set(true);
                        crate::app::focus::focus_later(finish_anyway);
                    }
                } node_ref=finish_button>{t!(i18n, quiz.finish)}</button>
            </Show>
        </div>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alertdialog" aria-labelledby="unanswered-q" data-testid="confirm-finish">
                <p id="unanswered-q">{t!(i18n, quiz.unanswered, n = move || total - answered.get())}</p>
                // Each one, to go back to (an ordering left as shown is not
                // answered until it is moved or confirmed).
                <p class="unanswered-list">
                    {move || unanswered(state).into_iter().map(|i| view! {
                        <button type="button" data-testid="unanswered-go" on:click=move |_| go.with_value(|g| g(i))>
                            {t!(i18n, quiz.go_to, n = move || i + 1)}
                        </button>
                    }).collect_view()}
                </p>
                <button type="button" class="primary" data-testid="finish-anyway" node_ref=finish_anyway on:click=move |_| finish_now.with_value(|f| f())>
                    {t!(i18n, quiz.finish_anyway)}
                </button>
                " "
                <button type="button" data-testid="finish-go-back" on:click=move |_| { confirming.set(false); crate::app::focus::focus_later(finish_button); }>
                    {t!(i18n, quiz.go_back)}
                </button>
            </div>
        </Show>
    }
}
