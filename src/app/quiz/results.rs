//! An exam's result (`/quiz/results/:seed`): the score and pass/fail, the
//! transcript re-scored on the spot by the same code an instructor uses,
//! the transcript to download, and every question reviewed with the
//! learner's answer, the right answer and the explanation.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::question::{sources_view, StepsInOrder};
use super::rejection::rejection_view;
use crate::adapters::files;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::pages::with_curriculum;
use crate::app::state::{use_state, AppState};
use crate::content::{Curriculum, Question, CONTENT_VERSION};
use crate::quiz::scoring::{correct_response, several_places, FULL};
use crate::quiz::transcript::{rescore, Answer, Item, Rejection, Transcript};
use crate::records::{compose, stored};
use crate::settings::Lang;
use crate::time::parse_iso;

/// `/quiz/results/:seed`.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let params = use_params_map();
    crate::app::page_title(move || t_string!(i18n, quiz.results_heading));
    view! {
        <section class="page quiz-results">
            {with_curriculum(state, move |c| {
                let seed = params.with(|p| p.get("seed").unwrap_or_default());
                let t = state.quiz.with_untracked(|q| q.results.iter().rev().find(|r| r.seed == seed).cloned());
                match t {
                    Some(t) => view! { <Result curriculum=c transcript=Arc::new(t) /> }.into_any(),
                    None => view! {
                        <h1>{t!(i18n, quiz.results_heading)}</h1>
                        <p>{t!(i18n, quiz.no_results)}</p>
                        <p><A href="/quiz" attr:class="button">{t!(i18n, quiz.back_to_quiz)}</A></p>
                    }.into_any(),
                }
            })}
        </section>
    }
}

/// Props: `curriculum`, `transcript`.
#[component]
fn Result(curriculum: Arc<Curriculum>, transcript: Arc<Transcript>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let t = transcript.clone();
    let check = rescore(&curriculum, CONTENT_VERSION, &t);
    let (percent, pass) = (t.percent, t.blueprint.pass_percent);
    // People read their score as a percentage beside the pass mark, then
    // how many they got right (and how many partly: they are why the
    // percentage is more than the right answers alone); the points stay
    // in the transcript.
    let n = t.items.len();
    let right = t.items.iter().filter(|i| i.points == FULL).count();
    let partly = t
        .items
        .iter()
        .filter(|i| i.points > 0 && i.points < FULL)
        .count();
    let passed = t.passed;
    let timed_out = match (
        t.blueprint.time_limit_minutes,
        parse_iso(&t.started_at),
        parse_iso(&t.finished_at),
    ) {
        (Some(m), Some(a), Some(b)) => b - a >= i64::from(m) * 60_000,
        _ => false,
    };
    let bp_title = t.blueprint.clone();
    let t2 = t.clone();
    let download = move |_| {
        let text = serde_json::to_string_pretty(&*t2).expect("JSON") + "\n";
        let name = format!("firstaid-transcript-{}.json", t2.seed);
        if let Err(e) = files::download_text(&name, "application/json", &text) {
            web_sys::console::warn_1(&format!("download: {e}").into());
        }
    };
    let items: Vec<(usize, Item)> = t.items.iter().cloned().enumerate().collect();
    let class = class_of(state, &t.seed);
    view! {
        <h1 tabindex="-1">{move || bp_title.title(lang()).to_owned()}</h1>
        <div class=if passed { "result passed" } else { "result failed" } role="status" data-testid="exam-result">
            {passed.then(|| view! { <super::Celebrate /> })}
            <p class="verdict" data-testid="exam-verdict">{move || if passed { t_string!(i18n, quiz.passed) } else { t_string!(i18n, quiz.failed) }}</p>
            {timed_out.then(|| view! { <p data-testid="timed-out">{t!(i18n, quiz.time_up)}</p> })}
            <p data-testid="exam-score">{t!(i18n, quiz.score, percent = move || percent, pass = move || pass)}</p>
            <p data-testid="exam-right">
                {if partly > 0 {
                    t!(i18n, quiz.right_partly, right = move || right, n = move || n, partly = move || partly).into_any()
                } else {
                    t!(i18n, quiz.right_count, right = move || right, n = move || n).into_any()
                }}
            </p>
        </div>
        {match check {
            Ok(_) => view! { <p class="help" data-testid="rescored">{t!(i18n, quiz.rescored)}</p> }.into_any(),
            // Taken before an update of the lessons: nothing wrong with it,
            // it just cannot be re-drawn from this content.
            Err(e @ Rejection::ContentVersion { .. }) => view! {
                <p class="help" data-testid="rescore-other-version">{rejection_view(&e)}</p>
            }.into_any(),
            Err(e) => view! {
                <p class="error" role="alert" data-testid="rescore-failed">{t!(i18n, quiz.rescore_failed)}" "{rejection_view(&e)}</p>
            }.into_any(),
        }}
        {match class {
            // A class's exam goes to the instructor in the learner's
            // record (the transcript alone is not checked against the
            // class): that is the next step.
            Some(class) => view! {
                <p data-testid="exam-for-class">{t!(i18n, quiz.for_class, class = move || class.clone())}</p>
                <p class="actions">
                    <A href="/record" attr:class="button primary" attr:data-testid="go-record">{t!(i18n, records.make_for)}</A>
                    <button type="button" data-testid="download-transcript" on:click=download>{t!(i18n, quiz.download_only)}</button>
                    <A href="/quiz" attr:class="button">{t!(i18n, quiz.back_to_quiz)}</A>
                </p>
            }.into_any(),
            // No class: the way back to learning comes first; the
            // transcript is for a learner whose instructor asks for it.
            None => view! {
                <p class="actions">
                    <A href="/learn" attr:class="button primary" attr:data-testid="results-to-lessons">{t!(i18n, check.back_to_lessons)}</A>
                    <A href="/quiz" attr:class="button">{t!(i18n, quiz.back_to_quiz)}</A>
                    <button type="button" data-testid="download-transcript" on:click=download>{t!(i18n, quiz.download)}</button>
                </p>
            }.into_any(),
        }}
        <h2>{t!(i18n, quiz.review_heading)}</h2>
        <ol class="review-list" data-testid="review">
            {items.into_iter().map(|(i, item)| {
                curriculum.question(&item.question).cloned().map(|q| view! {
                    <ReviewItem curriculum=curriculum.clone() question=Arc::new(q) item=item number=i + 1 />
                })
            }).collect_view()}
        </ol>
    }
}

/// The class whose exam the exam of `seed` was (its name): an exam of an
/// accepted assignment's chain (`records::compose`), which its record
/// carries to the instructor.
fn class_of(state: AppState, seed: &str) -> Option<String> {
    state.parts();
    let key = state
        .records
        .with_untracked(|r| r.learner.key.as_deref().and_then(stored::key_from_hex))?;
    let accepted: Vec<_> = state
        .records
        .with_untracked(|r| r.learner.accepted().collect());
    state.quiz.with_untracked(|q| {
        accepted.into_iter().find_map(|a| {
            let chain = [Some(compose::reference(&a))];
            compose::chain_seeds(&key.public(), &chain, CONTENT_VERSION, &q.results)
                .contains(seed)
                .then(|| a.body.class.clone())
        })
    })
}

/// The text of an answer, in a language.
fn answer_text(q: &Question, a: &Answer, lang: Lang, yes: &str, no: &str) -> String {
    // An option's text, or a place's name (a hotspot with several right
    // places is answered with the chosen places' ids).
    let option = |id: &str| {
        q.options
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.text.get(lang).to_owned())
            .or_else(|| {
                q.regions
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.label.get(lang).to_owned())
            })
            .unwrap_or_else(|| id.to_owned())
    };
    match a {
        Answer::Choices(ids) => ids.iter().map(|i| option(i)).collect::<Vec<_>>().join("; "),
        Answer::TrueFalse(b) => if *b { yes } else { no }.to_owned(),
        Answer::Order(ids) => ids
            .iter()
            .enumerate()
            .map(|(k, i)| format!("{}. {}", k + 1, option(i)))
            .collect::<Vec<_>>()
            .join("  "),
        Answer::Region(id) => q
            .regions
            .iter()
            .find(|r| &r.id == id)
            .map(|r| r.label.get(lang).to_owned())
            .unwrap_or_else(|| id.clone()),
    }
}

/// The right answer of a question, as an [`Answer`] (the scoring's answer
/// key; a question without one shows no answer).
fn right_answer(q: &Question) -> Answer {
    correct_response(q)
        .as_ref()
        .map(Answer::from)
        .unwrap_or(Answer::Choices(Vec::new()))
}

/// For a hotspot with several right places: each place that was right or
/// chosen, marked right and chosen, chosen but wrong, or missed.
fn places_view(
    q: &Question,
    given: Option<&Answer>,
    lang: impl Fn() -> Lang + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: Vec<String> = match given {
        Some(Answer::Choices(v)) => v.clone(),
        Some(Answer::Region(r)) => vec![r.clone()],
        _ => Vec::new(),
    };
    let rows: Vec<_> = q
        .regions
        .iter()
        .filter(|r| r.correct || chosen.contains(&r.id))
        .map(|r| {
            // 0: right and chosen, 1: chosen but not right, 2: missed.
            let kind = match (r.correct, chosen.contains(&r.id)) {
                (true, true) => 0usize,
                (false, _) => 1,
                (true, false) => 2,
            };
            let label = r.label.clone();
            let class = ["place-right", "place-wrong", "place-missed"][kind];
            view! {
                <li class=class data-place=r.id.clone() data-mark=class>
                    <span class="mark-icon" aria-hidden="true">{["✓", "✗", "○"][kind]}</span>
                    <strong>{move || match kind {
                        0 => t_string!(i18n, quiz.place_right),
                        1 => t_string!(i18n, quiz.place_wrong),
                        _ => t_string!(i18n, quiz.place_missed),
                    }}</strong>
                    " "{move || label.get(lang()).to_owned()}
                </li>
            }
        })
        .collect();
    view! { <ul class="places" data-testid="review-places">{rows}</ul> }
}

/// One reviewed question.
///
/// Props: `curriculum`, `question`, `item` (from the transcript), `number`.
#[component]
fn ReviewItem(
    curriculum: Arc<Curriculum>,
    question: Arc<Question>,
    item: Item,
    number: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = move || state.settings.get().lang;
    let profile = state.settings.get_untracked().profile;
    let points = item.points;
    let (class, mark) = if points == FULL {
        ("correct", 0)
    } else if points > 0 {
        ("partly", 1)
    } else {
        ("wrong", 2)
    };
    let q = question.clone();
    let given = item.answer.clone();
    let yours = move || {
        let (yes, no) = (
            t_string!(i18n, check.true_label),
            t_string!(i18n, check.false_label),
        );
        match &given {
            Some(a) => state.say(&answer_text(&q, a, lang(), yes, no)),
            None => t_string!(i18n, quiz.no_answer).to_owned(),
        }
    };
    let q2 = question.clone();
    let right = move || {
        let (yes, no) = (
            t_string!(i18n, check.true_label),
            t_string!(i18n, check.false_label),
        );
        state.say(&answer_text(&q2, &right_answer(&q2), lang(), yes, no))
    };
    let ordering = question.kind == crate::content::QuestionType::Order;
    let given_order = match &item.answer {
        Some(Answer::Order(ids)) => Some(ids.clone()),
        _ => None,
    };
    let right_order: Vec<String> = question.options.iter().map(|o| o.id.clone()).collect();
    let prompt = question.prompt.clone();
    let explanation = question.explanation.clone();
    let scenario = question
        .scenario
        .as_deref()
        .and_then(|s| curriculum.scenario(s))
        .map(|s| s.text.clone());
    view! {
        <li class=format!("review-item {class}") data-question=item.question.clone() data-points=points data-number=number>
            {scenario.map(|s| view! { <p class="scenario">{move || state.say(s.get(lang()))}</p> })}
            <p class="review-prompt">{move || state.say(prompt.get(lang()))}</p>
            <p class="review-mark">
                <span class="mark-icon" aria-hidden="true">{["✓", "◐", "✗"][mark]}</span>
                <strong>{move || match mark { 0 => t_string!(i18n, quiz.mark_item_right), 1 => t_string!(i18n, quiz.mark_partly), _ => t_string!(i18n, quiz.mark_wrong) }}</strong>
                {(mark == 1).then(|| view! { " · "{t!(i18n, quiz.item_percent, percent = move || points / 10)} })}
            </p>
            {if ordering {
                // An ordering, yours and the right one, as numbered lists
                // (one line of "1. … 2. …" read as a run-on sentence).
                view! {
                    <p><strong>{t!(i18n, quiz.your_answer)}</strong>" "{given_order.is_none().then(|| t_string!(i18n, quiz.no_answer))}</p>
                    {given_order.map(|ids| view! { <StepsInOrder question=question.clone() ids /> })}
                    <p><strong>{t!(i18n, quiz.right_answer)}</strong></p>
                    <StepsInOrder question=question.clone() ids=right_order.clone() />
                }.into_any()
            } else {
                view! {
                    <p><strong>{t!(i18n, quiz.your_answer)}</strong>" "{yours}</p>
                    <p><strong>{t!(i18n, quiz.right_answer)}</strong>" "{right}</p>
                }.into_any()
            }}
            {several_places(&question).then(|| places_view(&question, item.answer.as_ref(), lang))}
            <p><strong>{t!(i18n, check.why)}</strong>" "{move || state.say(explanation.get(lang()))}</p>
            {sources_view(&curriculum, &question, profile)}
        </li>
    }
}
