//! "How is this scored?" (`/train/scoring`): the score's formula in plain
//! language, with the figures taken from the code that computes it
//! (`crate::trainer::score`) and worked examples scored by the app's own
//! path (`crate::trainer::examples`), so the page and the score cannot
//! disagree.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::trainer::examples::Case;
use crate::trainer::score::*;
use crate::trainer::{RATE_MAX, RATE_MIN};

/// Replaces every `%name%` in `text` with its figure.
fn fill(text: &str, pairs: &[(&str, f64)]) -> String {
    pairs.iter().fold(text.to_owned(), |acc, (k, v)| {
        acc.replace(&format!("%{k}%"), &format!("{v}"))
    })
}

/// The formula's figures, by the names the texts use.
fn figures() -> [(&'static str, f64); 27] {
    let lo = (CYCLE_COMPRESSIONS - CYCLE_SLACK) as f64;
    let hi = (CYCLE_COMPRESSIONS + CYCLE_SLACK) as f64;
    [
        ("rate_min", RATE_MIN),
        ("rate_max", RATE_MAX),
        ("rate_zero_low", RATE_MIN - RATE_TOLERANCE),
        ("rate_zero_high", RATE_MAX + RATE_TOLERANCE),
        ("depth_min", DEPTH_MIN_MM / 10.0),
        ("depth_max", DEPTH_MAX_MM / 10.0),
        ("depth_tol", DEPTH_TOLERANCE_MM / 10.0),
        ("pause_zero", PAUSE_LIMIT_S + PAUSE_TOLERANCE_S),
        ("pause_tol", PAUSE_TOLERANCE_S),
        ("pause", PAUSE_LIMIT_S),
        ("pause_min", crate::trainer::taps::PAUSE_MS / 1000.0),
        ("cycle_n", CYCLE_COMPRESSIONS as f64),
        ("cycle_lo", lo),
        ("cycle_hi", hi),
        ("cycle_step", 100.0 / CYCLE_TOLERANCE),
        ("cycle_zero_low", lo - CYCLE_TOLERANCE),
        ("cycle_zero_high", hi + CYCLE_TOLERANCE),
        ("grace", GRACE_MS / 1000.0),
        ("w_rate_f", W_RATE),
        ("w_depth_f", W_DEPTH),
        ("w_pauses_f", W_PAUSES),
        ("w_cycles_f", W_CYCLES),
        ("w_rate", W_RATE * 100.0),
        ("w_depth", W_DEPTH * 100.0),
        ("w_pauses", W_PAUSES * 100.0),
        ("w_cycles", W_CYCLES * 100.0),
        ("min", MIN_COMPRESSIONS as f64),
    ]
}

#[component]
pub fn ScoringPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    crate::app::page_title(move || t_string!(i18n, scoring.title));
    let figures = figures();
    let f = move |s: &'static str| fill(s, &figures);
    let limit = move || {
        let profile = state.settings.get().profile;
        let text = match pause_limit(profile).1 {
            LimitSource::Own => t_string!(i18n, scoring.limit_own),
            LimitSource::Aha => t_string!(i18n, scoring.limit_aha),
        };
        fill(text, &[("pause", pause_limit(profile).0)])
            .replace("%profile%", crate::app::pages::profile_name(i18n, profile))
    };
    view! {
        <section class="page scoring">
            <h1>{t!(i18n, scoring.title)}</h1>
            <p class="lead">{t!(i18n, scoring.intro)}</p>
            <ul class="formula" data-testid="formula">
                <li>{move || f(t_string!(i18n, scoring.rate))}</li>
                <li>{move || f(t_string!(i18n, scoring.depth))}</li>
                <li>{move || f(t_string!(i18n, scoring.pauses))}</li>
                <li>{move || f(t_string!(i18n, scoring.cycles))}</li>
                <li data-testid="formula-time">{move || f(t_string!(i18n, scoring.time))}</li>
            </ul>
            <p data-testid="pause-limit">{limit}</p>
            <p>{move || f(t_string!(i18n, scoring.total))}</p>
            <p>{move || f(t_string!(i18n, scoring.minimum))}</p>
            <p class="formula-math"><code>{move || f(t_string!(i18n, scoring.formula))}</code></p>
            <h2>{t!(i18n, scoring.example_heading)}</h2>
            <Examples />
            <h2>{t!(i18n, scoring.limits_heading)}</h2>
            <p>{t!(i18n, scoring.limits)}</p>
            <p class="help">{t!(i18n, scoring.sources)}</p>
            <p><A href="/train" attr:class="inline-link">{t!(i18n, scoring.back)}</A></p>
        </section>
    }
}

/// The worked examples: each example session scored by the app's code,
/// with its parts.
#[component]
fn Examples() -> impl IntoView {
    let i18n = use_i18n();
    let item = move |case: Case| {
        let s = case.summary();
        let what = move || match case {
            Case::GoodThirtyTwo => t_string!(i18n, scoring.ex_good_thirty_two),
            Case::ThroughBreaths => t_string!(i18n, scoring.ex_through_breaths),
            Case::StoppedEarly => t_string!(i18n, scoring.ex_stopped_early),
            Case::GoodContinuous => t_string!(i18n, scoring.ex_good_continuous),
        };
        let total = s.score.map_or_else(|| "—".to_owned(), |x| x.to_string());
        let parts = move || super::results::parts_line(i18n, s.parts);
        let (due, missed) = (s.assessment.breaths_due, s.assessment.breaths_missed);
        let breaths = move || {
            crate::app::fill(
                t_string!(i18n, scoring.ex_breaths),
                &[("due", &due), ("missed", &missed)],
            )
        };
        let thirty_two = case.thirty_two();
        view! {
            <li data-testid="example">
                <span class="line">{what}</span>
                <span class="line">{parts}</span>
                {thirty_two.then(|| view! { <span class="line">{breaths}</span> })}
                <strong class="line">{move || crate::app::fill(t_string!(i18n, scoring.ex_total), &[("total", &total)])}</strong>
            </li>
        }
    };
    view! {
        <p>{t!(i18n, scoring.examples_intro)}</p>
        <ol class="examples" data-testid="examples">{Case::ALL.map(item).collect_view()}</ol>
    }
}
