//! The home page's dashboard: the next lesson (or one "Start learning"
//! action on a first visit), today's reviews and last training score, and
//! progress per lesson. Everything comes from the store's signals.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::adapters::platform;
use crate::app::i18n::{t, use_i18n};
use crate::app::state::use_state;
use crate::content::Curriculum;
use crate::progress::{NextUp, Resume};
use crate::quiz::practice::{self as plan, Scope};
use crate::trainer::session::summarize;

/// The lessons in their suggested order, as (id, step ids).
fn course(c: &Curriculum) -> Vec<(String, Vec<String>)> {
    let mut lessons: Vec<_> = c.lessons.iter().collect();
    lessons.sort_by_key(|l| l.order);
    lessons
        .iter()
        .map(|l| (l.id.clone(), l.steps.iter().map(|s| s.id.clone()).collect()))
        .collect()
}

/// What to do next: "Start learning" for a first visit, else the lesson to
/// continue (where it resumes) or begin, or practice once all are done.
///
/// Props: `curriculum` — the loaded lessons.
#[component]
pub fn NextCard(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let lessons = course(&curriculum);
    let next = Memo::new(move |_| state.progress.with(|p| p.next_up(&lessons)));
    let lesson_view = move |id: String, resume: Option<Resume>| {
        let l = curriculum.lesson(&id).cloned();
        let total = l.as_ref().map_or(0, |l| l.steps.len());
        let title = move || l.as_ref().map(|l| l.title.get(lang()).to_owned());
        let continuing = resume.is_some();
        view! {
            <section class="card next-card" aria-labelledby="next-heading" data-testid="continue-card">
                <h2 id="next-heading">{move || if continuing {
                    t!(i18n, home.continue_heading).into_any()
                } else {
                    t!(i18n, home.next_heading).into_any()
                }}</h2>
                <p class="next-title" data-testid="continue-title">{title}</p>
                {resume.map(|r| view! {
                    <p class="help" data-testid="continue-where">{match r {
                        Resume::Step(i) => t!(i18n, player.step_of, n = move || i + 1, total = move || total).into_any(),
                        Resume::Check => t!(i18n, player.to_check).into_any(),
                    }}</p>
                })}
                <A href=format!("/learn/{id}") attr:class="button primary wide" attr:data-testid="continue">
                    {t!(i18n, home.continue_button)}
                </A>
            </section>
        }
        .into_any()
    };
    move || {
        match next.get() {
        NextUp::Start(id) => view! {
            <div class="start" data-testid="new-visitor">
                <p class="lead">{t!(i18n, home.start_lead)}</p>
                <A href=format!("/learn/{id}") attr:class="button primary wide hero" attr:data-testid="start-learning">
                    {t!(i18n, home.start)}
                </A>
            </div>
        }
        .into_any(),
        NextUp::Continue(id, r) => lesson_view(id, Some(r)),
        NextUp::Next(id) => lesson_view(id, None),
        NextUp::AllDone => view! {
            <section class="card next-card" data-testid="all-done">
                <p>{t!(i18n, home.all_done)}</p>
                <A href="/quiz" attr:class="button primary wide">{t!(i18n, home.practise)}</A>
            </section>
        }
        .into_any(),
    }
    }
}

/// Today: questions due for review and the last training's score. The
/// home page shows it once the learner has practised or trained.
///
/// Props: `curriculum` — the loaded questions.
#[component]
pub fn Today(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let due = Memo::new(move |_| {
        let profile = state.settings.get().profile;
        let now = platform::now_ms();
        state.quiz.with(|q| {
            (!q.schedule.cards.is_empty()).then(|| {
                plan::candidates(&curriculum, profile, &Scope::All)
                    .iter()
                    .filter(|x| q.schedule.is_due(&x.id, now))
                    .count()
            })
        })
    });
    let last = Memo::new(move |_| {
        state
            .trainer
            .with(|t| t.latest().map(|r| (r.at_ms, summarize(r).score)))
    });
    view! {
        <section class="card today" aria-labelledby="today-heading" data-testid="today">
            <h2 id="today-heading">{t!(i18n, home.today_heading)}</h2>
            {move || due.get().map(|n| if n > 0 {
                view! {
                    <p data-testid="due">{t!(i18n, home.due, n = move || n)}</p>
                    <p><A href="/quiz" attr:class="button primary">{t!(i18n, home.review_now)}</A></p>
                }.into_any()
            } else {
                view! { <p data-testid="due">{t!(i18n, home.none_due)}</p> }.into_any()
            })}
            {move || last.get().map(|(at, score)| view! {
                <p data-testid="last-training">
                    <A href=format!("/train/results/{at}") attr:class="inline-link">{match score {
                        Some(s) => t!(i18n, home.last_training, score = move || s).into_any(),
                        None => t!(i18n, home.last_training_none).into_any(),
                    }}</A>
                </p>
            })}
        </section>
    }
}

/// Progress per lesson: a bar and "n of m steps" (or "Completed"), each a
/// link into the lesson. Shown once a lesson has been begun.
///
/// Props: `curriculum` — the loaded lessons.
#[component]
pub fn LessonsProgress(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let mut lessons: Vec<_> = curriculum.lessons.clone();
    lessons.sort_by_key(|l| l.order);
    let row = move |l: crate::content::Lesson| {
        let steps: Vec<String> = l.steps.iter().map(|s| s.id.clone()).collect();
        let total = steps.len();
        let (id, id2) = (l.id.clone(), l.id.clone());
        let seen = Memo::new(move |_| state.progress.with(|p| p.seen_count(&id, &steps)));
        let done = Memo::new(move |_| state.progress.with(|p| p.is_complete(&id2)));
        let title = l.title.clone();
        view! {
            <li>
                <A href=format!("/learn/{}", l.id) attr:class="lesson-row" attr:data-testid=format!("home-lesson-{}", l.id)>
                    <span class="lesson-row-title">{move || title.get(lang()).to_owned()}</span>
                    <progress max=total value=move || if done.get() { total } else { seen.get() } aria-hidden="true"></progress>
                    <span class="lesson-meta">{move || if done.get() {
                        t!(i18n, learn.completed).into_any()
                    } else {
                        t!(i18n, learn.progress, seen = move || seen.get(), total = move || total).into_any()
                    }}</span>
                </A>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="lessons-heading" data-testid="lessons-progress">
            <h2 id="lessons-heading">{t!(i18n, home.lessons_heading)}</h2>
            <ul class="lesson-rows">{lessons.into_iter().map(row).collect_view()}</ul>
        </section>
    }
}
