//! The quiz: the hub page (`/quiz`: practice, mistakes, the exam, results),
//! practice sessions (`/quiz/practice`), the exam (`/quiz/exam`) and exam
//! results with their review (`/quiz/results/:seed`). The rules live in the
//! pure `crate::quiz`; these pages show them and save after every answer.

pub mod celebrate;
pub mod exam;
pub mod practice;
pub mod question;
pub mod rejection;
pub mod results;

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::adapters::{platform, random};
use crate::app::focus::focus_later;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::with_curriculum;
use crate::app::state::{use_state, whole_curriculum, AppState};
use crate::content::{Curriculum, CONTENT_VERSION};
use crate::quiz::attempt::ExamAttempt;
use crate::quiz::practice::{self as plan, Position, Scope, SESSION_LENGTH};

pub use celebrate::Celebrate;
pub use exam::ExamPage;
pub use practice::PracticePage;
pub use results::ResultsPage;

/// Starts an exam of `bp` and saves it (the caller opens `/quiz/exam`).
///
/// Its seed is the next of this device's chain for `assignment` (or for
/// none; `crate::records::compose`), so every exam can go into a
/// completion record and the instructor can draw it again. Only where the
/// browser cannot make a key is the seed random (such exams cannot be put
/// in a record). Returns whether the exam started.
pub fn start_exam(
    state: AppState,
    c: &Curriculum,
    bp: crate::quiz::blueprint::Blueprint,
    assignment: Option<&crate::records::assignment::Assignment>,
) -> bool {
    // One exam at a time: an exam already running is continued, never
    // replaced (that would wipe its answers and restart its clock), even
    // one started in another tab a moment ago.
    state.catch_up();
    if state.quiz.with_untracked(|q| q.exam.is_some()) {
        return true;
    }
    let seed = match state.device_key() {
        Some(key) => {
            let reference = assignment.map(crate::records::compose::reference);
            state.quiz.with_untracked(|q| {
                crate::records::compose::next_seed(
                    &key.public(),
                    reference.as_ref(),
                    CONTENT_VERSION,
                    &q.results,
                )
            })
        }
        None => random::u64(),
    };
    match ExamAttempt::start(c, CONTENT_VERSION, bp, seed, platform::now_ms()) {
        Ok((attempt, _)) => {
            state.update_quiz(|q| q.exam = Some(attempt));
            true
        }
        Err(e) => {
            web_sys::console::warn_1(&format!("exam: {e:?}").into());
            false
        }
    }
}

/// Keeps a finished exam's transcript without ever dropping an exam that a
/// completion record of this device must carry (any accepted assignment's
/// chain, or the chain of no assignment).
pub fn keep_result(state: AppState, t: crate::quiz::transcript::Transcript) {
    let key = state.device_key().map(|k| k.public());
    let mut chains: Vec<Option<crate::records::record::AssignmentRef>> =
        state.records.with_untracked(|r| {
            r.learner
                .accepted()
                .map(|a| Some(crate::records::compose::reference(&a)))
                .collect()
        });
    chains.push(None);
    state.update_quiz(|q| {
        let keep = key
            .map(|k| crate::records::compose::chain_seeds(&k, &chains, CONTENT_VERSION, &q.results))
            .unwrap_or_default();
        q.exam = None;
        q.add_result_keeping(t, |r| keep.contains(&r.seed));
    });
}

/// Hands in the running exam with the answers given so far (giving up
/// counts as an attempt: starting again draws the same questions, so a
/// fresh start must not hide the first look at them). An exam whose
/// content is gone (the app was updated) is dropped.
pub fn hand_in_running(state: AppState, c: &Curriculum) {
    let now = platform::now_ms();
    state.catch_up();
    let transcript = state.quiz.with_untracked(|q| {
        let a = q.exam.as_ref()?;
        let items = a.exam(c, CONTENT_VERSION).ok()?;
        a.finish(c, &items, now).ok()
    });
    match transcript {
        Some(t) => keep_result(state, t),
        None => state.update_quiz(|q| q.exam = None),
    }
}

/// Plans a practice session for the learner's profile, saves it and opens
/// the practice page.
pub fn start_practice(state: AppState, c: &Curriculum, scope: Scope) {
    // From a lesson's check, no page may have typed the schedule yet.
    state.parts();
    let profile = state.settings.get_untracked().profile;
    let schedule = state.quiz.with_untracked(|q| q.schedule.clone());
    let studied = state.progress.with_untracked(|p| p.studied());
    let learner = plan::Learner {
        schedule: &schedule,
        studied: &studied,
    };
    let mut session = plan::plan_for(
        c,
        profile,
        &scope,
        learner,
        platform::now_ms(),
        SESSION_LENGTH,
        random::u64(),
    );
    session.content_version = CONTENT_VERSION.to_owned();
    state.update_quiz(|q| q.practice = Some(session));
    use_navigate()("/quiz/practice", Default::default());
}

/// "Practise this lesson", shown when a lesson is complete.
///
/// Props: `lesson` — the lesson's id.
#[component]
pub fn PractiseLessonButton(lesson: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let navigate = use_navigate();
    view! {
        <button type="button" data-testid="practise-lesson" on:click=move |_| {
            let lessons = state.curriculum.get_untracked().and_then(Result::ok);
            if let Some(Ok(c)) = lessons.map(|l| whole_curriculum(&l)) {
                start_practice(state, &c, Scope::Lesson(lesson.clone()));
            } else {
                navigate("/quiz", Default::default());
            }
        }>{t!(i18n, quiz.practise_lesson)}</button>
    }
}

/// The quiz hub.
#[component]
pub fn QuizPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    crate::app::page_title(move || t_string!(i18n, quiz.title));
    // Practice and the exam are loaded on demand: fetched while this is read.
    crate::app::lazy::preload_quiz_play();
    view! {
        <section class="page quiz">
            <h1>{t!(i18n, quiz.title)}</h1>
            <p class="lead">{t!(i18n, quiz.intro)}</p>
            {with_curriculum(state, move |c| view! {
                <PracticeCard curriculum=c.clone() />
                <MistakesCard curriculum=c.clone() />
                <ExamCard curriculum=c.clone() />
                <ResultsList />
            })}
        </section>
    }
}

/// Practice: choose all lessons or one, see what is due, start or continue.
///
/// Props: `curriculum`.
#[component]
fn PracticeCard(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    // "" is every lesson, otherwise a lesson id.
    let scope = RwSignal::new(String::new());
    let c = curriculum.clone();
    let counts = Memo::new(move |_| {
        let profile = state.settings.get().profile;
        let s = scope.get();
        let sc = if s.is_empty() {
            Scope::All
        } else {
            Scope::Lesson(s)
        };
        let now = platform::now_ms();
        state.quiz.with(|q| {
            let cands = plan::candidates(&c, profile, &sc);
            let due = cands
                .iter()
                .filter(|x| q.schedule.is_due(&x.id, now))
                .count();
            let new = cands
                .iter()
                .filter(|x| q.schedule.card(&x.id).is_none())
                .count();
            (due, new)
        })
    });
    let running = Memo::new(move |_| {
        state.quiz.with(|q| {
            q.practice
                .as_ref()
                .filter(|p| !p.is_finished())
                .map(|p| p.position(p.index))
        })
    });
    let lessons: Vec<(String, crate::content::Text)> = curriculum
        .lessons
        .iter()
        .map(|l| (l.id.clone(), l.title.clone()))
        .collect();
    let c2 = curriculum.clone();
    view! {
        <section class="card" aria-labelledby="practice-heading">
            <h2 id="practice-heading">{t!(i18n, quiz.practice_heading)}</h2>
            <p>{t!(i18n, quiz.practice_intro)}</p>
            <label class="field">
                <span>{t!(i18n, quiz.scope_label)}</span>
                <select data-testid="practice-scope" on:change=move |ev| scope.set(event_target_value(&ev)) prop:value=move || scope.get()>
                    <option value="">{t!(i18n, quiz.scope_all)}</option>
                    {lessons.into_iter().map(|(id, title)| view! {
                        <option value=id.clone()>{move || title.get(lang()).to_owned()}</option>
                    }).collect_view()}
                </select>
            </label>
            <p class="help" data-testid="practice-counts">
                {move || if counts.get().0 == 0 {
                    t!(i18n, quiz.none_due_new, new = move || counts.get().1).into_any()
                } else {
                    t!(i18n, quiz.due_new, due = move || counts.get().0, new = move || counts.get().1).into_any()
                }}
            </p>
            {move || running.get().map(|at| view! {
                <p><A href="/quiz/practice" attr:class="button primary" attr:data-testid="resume-practice">
                    {match at {
                        Position::Planned { n, of } => t!(i18n, quiz.resume_practice, n = move || n, total = move || of).into_any(),
                        Position::Again => t!(i18n, quiz.resume_practice_again).into_any(),
                    }}
                </A></p>
            })}
            <button type="button" class=move || if running.get().is_some() { "" } else { "primary" } data-testid="start-practice" data-tap-again="start-practice"
                on:click=move |_| {
                    let s = scope.get_untracked();
                    let sc = if s.is_empty() { Scope::All } else { Scope::Lesson(s) };
                    start_practice(state, &c2, sc);
                }>{move || if running.get().is_some() {
                    t!(i18n, quiz.start_new_practice).into_any()
                } else {
                    t!(i18n, quiz.start_practice).into_any()
                }}</button>
        </section>
    }
}

/// Review my mistakes: the questions last answered wrongly.
///
/// Props: `curriculum`.
#[component]
fn MistakesCard(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let c = curriculum.clone();
    let count = Memo::new(move |_| {
        let profile = state.settings.get().profile;
        state.quiz.with(|q| {
            plan::candidates(&c, profile, &Scope::Mistakes)
                .iter()
                .filter(|x| q.schedule.is_mistake(&x.id))
                .count()
        })
    });
    // "Well done" only for a learner who has answered something.
    let practised = move || state.quiz.with(|q| !q.schedule.cards.is_empty());
    let none = move || {
        if practised() {
            t_string!(i18n, quiz.no_mistakes)
        } else {
            t_string!(i18n, quiz.no_mistakes_yet)
        }
    };
    view! {
        <section class="card" aria-labelledby="mistakes-heading">
            <h2 id="mistakes-heading">{t!(i18n, quiz.mistakes_heading)}</h2>
            <Show when=move || { count.get() > 0 } fallback=move || view! { <p data-testid="mistake-count">{none}</p> }>
                <p data-testid="mistake-count">{t!(i18n, quiz.mistakes_count, n = move || count.get())}</p>
                <button type="button" data-testid="start-mistakes" on:click={
                    let c = curriculum.clone();
                    move |_| start_practice(state, &c, Scope::Mistakes)
                }>{t!(i18n, quiz.start_mistakes)}</button>
            </Show>
        </section>
    }
}

/// The exam of the learner's profile: start, continue or give up.
///
/// Props: `curriculum`.
#[component]
fn ExamCard(curriculum: Arc<Curriculum>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let abandon_button = NodeRef::<leptos::html::Button>::new();
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    let start_button = NodeRef::<leptos::html::Button>::new();
    let c = curriculum.clone();
    let blueprint = Memo::new(move |_| {
        let profile = state.settings.get().profile;
        c.blueprints.iter().find(|b| b.profile == profile).cloned()
    });
    let running = Memo::new(move |_| {
        state
            .quiz
            .with(|q| q.exam.as_ref().map(|a| (a.current + 1, a.answers.len())))
    });
    let c2 = curriculum.clone();
    let c3 = StoredValue::new(curriculum.clone());
    let start = move |_| {
        let Some(bp) = blueprint.get_untracked() else {
            return;
        };
        if start_exam(state, &c2, bp, None) {
            navigate("/quiz/exam", Default::default());
        }
    };
    view! {
        <section class="card" aria-labelledby="exam-heading">
            <h2 id="exam-heading">{t!(i18n, quiz.exam_heading)}</h2>
            {move || blueprint.get().map(|bp| {
                let n = bp.question_count();
                let pass = bp.pass_percent;
                let minutes = bp.time_limit_minutes;
                let title = bp.title.clone();
                view! {
                    <p><strong>{move || title.as_ref().map(|t| t.get(lang()).to_owned()).unwrap_or_default()}</strong></p>
                    <p data-testid="exam-facts">{match minutes {
                        Some(m) => t!(i18n, quiz.exam_facts, n = move || n, pass = move || pass, minutes = move || m).into_any(),
                        None => t!(i18n, quiz.exam_facts_untimed, n = move || n, pass = move || pass).into_any(),
                    }}</p>
                }
            })}
            <p>{t!(i18n, quiz.exam_intro)}</p>
            {move || match running.get() {
                Some((n, total)) => view! {
                    <p><A href="/quiz/exam" attr:class="button primary" attr:data-testid="resume-exam">
                        {t!(i18n, quiz.resume_exam, n = move || n, total = move || total)}
                    </A></p>
                    <Show when=move || !confirming.get() fallback=move || view! {
                        <div class="confirm" role="alertdialog" aria-labelledby="abandon-q">
                            <p id="abandon-q">{t!(i18n, quiz.confirm_abandon)}</p>
                            <button type="button" class="danger" data-testid="confirm-abandon" node_ref=confirm_button on:click=move |_| {
                                c3.with_value(|c| hand_in_running(state, c));
                                confirming.set(false);
                                focus_later(start_button);
                            }>{t!(i18n, quiz.confirm_yes)}</button>
                            " "
                            <button type="button" data-testid="cancel-abandon" on:click=move |_| {
                                confirming.set(false);
                                focus_later(abandon_button);
                            }>{t!(i18n, quiz.cancel)}</button>
                        </div>
                    }>
                        <button type="button" class="danger" data-testid="abandon-exam" node_ref=abandon_button on:click=move |_| {
                            confirming.set(true);
                            focus_later(confirm_button);
                        }>
                            {t!(i18n, quiz.abandon_exam)}
                        </button>
                    </Show>
                }.into_any(),
                None => view! {
                    <button type="button" class="primary" data-testid="start-exam" data-tap-again="start-exam" node_ref=start_button on:click=start.clone()>{t!(i18n, quiz.start_exam)}</button>
                }.into_any(),
            }}
        </section>
    }
}

/// Finished exams, newest first, each linking to its review.
#[component]
fn ResultsList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    view! {
        <section class="card" aria-labelledby="results-heading">
            <h2 id="results-heading">{t!(i18n, quiz.results_heading)}</h2>
            {move || {
                let results = state.quiz.with(|q| q.results.clone());
                if results.is_empty() {
                    return view! { <p>{t!(i18n, quiz.no_results)}</p> }.into_any();
                }
                view! {
                    <ul class="results-list" data-testid="results">
                        {results.into_iter().rev().map(|r| {
                            let when = platform::local_date_time(&r.finished_at, lang().tag());
                            let verdict = if r.passed { t_string!(i18n, quiz.passed) } else { t_string!(i18n, quiz.failed) };
                            let percent = r.percent;
                            view! {
                                <li>
                                    <A href=format!("/quiz/results/{}", r.seed)>
                                        {when}" · "{r.blueprint.title(lang()).to_owned()}" · "
                                        {t!(i18n, quiz.result_line, percent = move || percent, verdict = move || verdict)}
                                    </A>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
