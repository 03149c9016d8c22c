//! "How is this scored?" (`/train/scoring`): the score's formula in plain
//! language, with the figures taken from the code that computes it
//! (`crate::trainer::score`), so the page and the score cannot disagree.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::trainer::score::*;
use crate::trainer::{RATE_MAX, RATE_MIN};

fn fill(text: &str, pairs: &[(&str, f64)]) -> String {
    pairs.iter().fold(text.to_owned(), |acc, (k, v)| {
        acc.replace(&format!("%{k}%"), &format!("{v}"))
    })
}

#[component]
pub fn ScoringPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, scoring.title));
    let figures = [
        ("rate_min", RATE_MIN),
        ("rate_max", RATE_MAX),
        ("rate_tol", RATE_TOLERANCE),
        ("rate_zero_low", RATE_MIN - RATE_TOLERANCE),
        ("rate_zero_high", RATE_MAX + RATE_TOLERANCE),
        ("depth_min", DEPTH_MIN_MM / 10.0),
        ("depth_max", DEPTH_MAX_MM / 10.0),
        ("depth_tol", DEPTH_TOLERANCE_MM / 10.0),
        ("pause", PAUSE_LIMIT_S),
        ("pause_zero", 2.0 * PAUSE_LIMIT_S),
        ("w_rate", W_RATE * 100.0),
        ("w_depth", W_DEPTH * 100.0),
        ("w_pauses", W_PAUSES * 100.0),
        ("min", MIN_COMPRESSIONS as f64),
        ("pause_min", crate::trainer::taps::PAUSE_MS / 1000.0),
        ("w_rate_f", W_RATE),
        ("w_depth_f", W_DEPTH),
        ("w_pauses_f", W_PAUSES),
        ("ex1", examples().0 as f64),
        ("ex2", examples().1 as f64),
    ];
    let f = move |s: &'static str| fill(s, &figures);
    view! {
        <section class="page scoring">
            <h1>{t!(i18n, scoring.title)}</h1>
            <p class="lead">{t!(i18n, scoring.intro)}</p>
            <ul class="formula" data-testid="formula">
                <li>{move || f(t_string!(i18n, scoring.rate))}</li>
                <li>{move || f(t_string!(i18n, scoring.depth))}</li>
                <li>{move || f(t_string!(i18n, scoring.pauses))}</li>
            </ul>
            <p>{move || f(t_string!(i18n, scoring.total))}</p>
            <p>{move || f(t_string!(i18n, scoring.minimum))}</p>
            <p class="formula-math"><code>{move || f(t_string!(i18n, scoring.formula))}</code></p>
            <h2>{t!(i18n, scoring.example_heading)}</h2>
            <p data-testid="example">{move || f(t_string!(i18n, scoring.example))}</p>
            <h2>{t!(i18n, scoring.limits_heading)}</h2>
            <p>{t!(i18n, scoring.limits)}</p>
            <p class="help">{t!(i18n, scoring.sources)}</p>
            <p><A href="/train">{t!(i18n, scoring.back)}</A></p>
        </section>
    }
}
