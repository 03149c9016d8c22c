use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::{use_state, whole_curriculum, AppState};
use crate::content::{Curriculum, Group};

/// Shows `view` with the whole curriculum (question bank, blueprints and
/// checklists typed: [`whole_curriculum`]) once it is loaded; a loading
/// state and a retry button otherwise. Only pages loaded on demand call
/// this; the home page reads the lessons only ([`with_lessons`]).
pub fn with_curriculum<V: IntoView + 'static>(
    state: AppState,
    view: impl Fn(Arc<Curriculum>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_lessons(state, move |lessons| with_whole(&lessons, &view))
}

/// `view` with the whole curriculum made from `lessons`
/// ([`whole_curriculum`]), or the message that it could not be loaded:
/// what a page or a part that reads the question bank shows.
pub fn with_whole<V: IntoView + 'static>(
    lessons: &Arc<Curriculum>,
    view: impl FnOnce(Arc<Curriculum>) -> V,
) -> AnyView {
    match whole_curriculum(lessons) {
        Ok(c) => view(c).into_any(),
        Err(_) => {
            let i18n = use_i18n();
            view! { <div class="error" role="alert"><p>{t!(i18n, learn.load_failed)}</p></div> }
                .into_any()
        }
    }
}

/// Shows `view` with the curriculum's lessons (their sources and pictures;
/// the question bank, blueprints and checklists are empty) once they are
/// loaded; a loading state and a retry button otherwise.
pub fn with_lessons<V: IntoView + 'static>(
    state: AppState,
    view: impl Fn(Arc<Curriculum>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    state.load_curriculum();
    move || match state.curriculum.get() {
        None => view! { <p class="loading" role="status">{t!(i18n, learn.loading)}</p> }.into_any(),
        Some(Err(_)) => view! {
            <div class="error" role="alert">
                <p>{t!(i18n, learn.load_failed)}</p>
                <button type="button" on:click=move |_| {
                    state.curriculum.set(None);
                    state.load_curriculum();
                }>{t!(i18n, learn.retry)}</button>
            </div>
        }
        .into_any(),
        Some(Ok(c)) => view(c).into_any(),
    }
}

/// The translated name of a lesson group.
pub fn group_name(
    i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>,
    g: Group,
) -> &'static str {
    match g {
        Group::Cpr => t_string!(i18n, groups.cpr),
        Group::Aed => t_string!(i18n, groups.aed),
        Group::Choking => t_string!(i18n, groups.choking),
    }
}

/// Learn: the lessons grouped (CPR, AED, choking), in the suggested order,
/// each with its estimated time and progress.
#[component]
pub fn LearnPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    crate::app::page_title(move || t_string!(i18n, learn.title));
    view! {
        <section class="page learn">
            <h1>{t!(i18n, learn.title)}</h1>
            <p class="lead">{t!(i18n, learn.intro)}</p>
            // The links below the lessons come with them: shown while the
            // lessons are read, they would then be pushed down (a layout shift).
            {with_lessons(state, move |c| {
                let groups = Group::ALL
                    .into_iter()
                    .map(|g| {
                        let lessons: Vec<_> = c.lessons.iter().filter(|l| l.group == g).cloned().collect();
                        view! {
                            <section class="lesson-group" aria-labelledby=format!("group-{}", g.as_str())>
                                <h2 id=format!("group-{}", g.as_str())>{move || group_name(i18n, g)}</h2>
                                <ul class="lesson-list">
                                    {lessons.into_iter().map(|l| view! { <LessonCard lesson=l /> }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                    .collect_view();
                view! {
                    {groups}
                    <p><A href="/quiz" attr:class="button primary" attr:data-testid="learn-quiz">{t!(i18n, learn.quiz_link)}</A></p>
                    <p><A href="/print" attr:class="inline-link">{t!(i18n, learn.print_all)}</A></p>
                }
            })}
        </section>
    }
}

/// One lesson in the list: order, title, time and progress.
///
/// Props: `lesson` — the lesson shown.
#[component]
fn LessonCard(lesson: crate::content::Lesson) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let steps: Vec<String> = lesson.steps.iter().map(|s| s.id.clone()).collect();
    let total = steps.len();
    let id = lesson.id.clone();
    let id2 = lesson.id.clone();
    let seen = Memo::new(move |_| state.progress.with(|p| p.seen_count(&id, &steps)));
    let done = Memo::new(move |_| state.progress.with(|p| p.is_complete(&id2)));
    let title = lesson.title.clone();
    // The clinical subtitle (气道异物梗阻, "Foreign-body airway obstruction")
    // is for reviewers (the curriculum export), not for learners.
    let minutes = lesson.minutes;
    view! {
        <li>
            <A href=format!("/learn/{}", lesson.id) attr:class="lesson-card" attr:data-testid=format!("lesson-{}", lesson.id)>
                <span class="order" aria-hidden="true">{lesson.order}</span>
                <span class="lesson-text">
                    <span class="lesson-title">{move || title.get(lang()).to_owned()}</span>
                    <span class="lesson-meta">
                        {t!(i18n, learn.minutes, n = move || minutes)}
                        " · "
                        {move || if done.get() {
                            t!(i18n, learn.completed).into_any()
                        } else {
                            t!(i18n, learn.progress, seen = move || seen.get(), total = move || total).into_any()
                        }}
                    </span>
                </span>
                <Show when=move || done.get()><span class="done-mark" aria-hidden="true">"✓"</span></Show>
            </A>
        </li>
    }
}
