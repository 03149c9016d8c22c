//! A session's results (`/train/results/:at`): the score and its parts,
//! the figures, charts of rate (and depth) over time, and the trace as CSV.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::chart::Chart;
use super::run::LAST_MOTION_TRACE;
use crate::adapters::files;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::trainer::csv::{write_motion, write_taps};
use crate::trainer::score::{NoScore, Parts, DEPTH_MAX_MM, DEPTH_MIN_MM};
use crate::trainer::session::{rate_series, summarize, SessionRecord, Source};
use crate::trainer::{RATE_MAX, RATE_MIN};

#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let params = use_params_map();
    crate::app::page_title(move || t_string!(i18n, trainer.results_title));
    view! {
        <section class="page trainer-results">
            <h1>{t!(i18n, trainer.results_title)}</h1>
            {move || {
                let at: Option<i64> = params.with(|p| p.get("at").and_then(|a| a.parse().ok()));
                match at.and_then(|at| state.trainer.with(|d| d.get(at).cloned())) {
                    Some(rec) => view! { <Results rec=rec /> }.into_any(),
                    None => view! {
                        <p data-testid="session-missing">{t!(i18n, trainer.session_missing)}</p>
                        <p><A href="/train" attr:class="inline-link">{t!(i18n, trainer.train_again)}</A></p>
                    }.into_any(),
                }
            }}
        </section>
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |v| format!("{:.0}%", v * 100.0))
}

fn number(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "—".into(), |v| format!("{v:.decimals$}"))
}

/// The parts of a score the session has, each out of 100, and the time
/// counted: "Rate 100 · pauses 0 · cycles 40 (each out of 100) · time 19%".
pub(super) fn parts_line(
    i18n: leptos_i18n::I18nContext<crate::app::i18n::Locale>,
    p: Parts,
) -> String {
    let whole = |v: f64| format!("{:.0}", v * 100.0);
    let named = [
        (p.rate, t_string!(i18n, trainer.part_rate)),
        (p.depth, t_string!(i18n, trainer.part_depth)),
        (p.pauses, t_string!(i18n, trainer.part_pauses)),
        (p.cycles, t_string!(i18n, trainer.part_cycles)),
    ];
    let each: Vec<String> = named
        .into_iter()
        .filter_map(|(v, text)| v.map(|v| crate::app::fill(text, &[("n", &whole(v))])))
        .collect();
    format!(
        "{}{} · {}",
        each.join(" · "),
        t_string!(i18n, trainer.parts_out_of),
        crate::app::fill(t_string!(i18n, trainer.part_time), &[("n", &whole(p.time))]),
    )
}

/// Milliseconds as minutes and seconds, `m:ss`.
fn clock(ms: f64) -> String {
    let s = (ms / 1000.0).round().max(0.0) as u32;
    format!("{}:{:02}", s / 60, s % 60)
}

/// Props: `rec` — the stored session.
#[component]
fn Results(rec: SessionRecord) -> impl IntoView {
    let i18n = use_i18n();
    let s = summarize(&rec);
    let motion = rec.source == Source::Motion;
    let seconds = rec.duration_ms as f64 / 1000.0;
    let rates = rate_series(&rec);
    let depths: Vec<(f64, f64)> = rec
        .times_ms
        .iter()
        .zip(rec.depths_mm())
        .map(|(&t, d)| (t as f64 / 1000.0, d / 10.0))
        .collect();
    let stamp = crate::time::format_iso(rec.at_ms).replace([':', '.'], "-");
    let raw_motion = LAST_MOTION_TRACE.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(at, _)| *at == rec.at_ms)
            .map(|(_, t)| write_motion(t))
    });
    let csv = match rec.source {
        Source::Taps => Some((
            format!("firstaid-taps-{stamp}.csv"),
            write_taps(rec.taps_ms.iter().map(|&t| t as f64)),
        )),
        Source::Motion => raw_motion.map(|text| (format!("firstaid-motion-{stamp}.csv"), text)),
    };
    let parts_line = parts_line(i18n, s.parts);
    let time_pct = format!("{:.0}", s.parts.time * 100.0);
    let plan = rec.plan();
    let stopped_early = f64::from(rec.duration_ms) < plan.planned_ms;
    let time_cut = stopped_early.then(|| {
        crate::app::fill(
            t_string!(i18n, trainer.time_cut),
            &[
                ("ran", &clock(f64::from(rec.duration_ms))),
                ("planned", &clock(plan.planned_ms)),
                ("time", &time_pct),
            ],
        )
    });
    // A personal best: scored higher than every earlier scored session.
    let personal_best = s.score.is_some_and(|score| {
        let earlier: Vec<u32> = use_state().trainer.with_untracked(|t| {
            t.sessions
                .iter()
                .filter(|r| r.at_ms < rec.at_ms)
                .filter_map(|r| summarize(r).score)
                .collect()
        });
        !earlier.is_empty() && earlier.iter().all(|&e| score > e)
    });
    let a = &s.assessment;
    let missed = (a.breaths_missed > 0).then(|| {
        crate::app::fill(
            t_string!(i18n, trainer.breaths_missed),
            &[("missed", &a.breaths_missed), ("due", &a.breaths_due)],
        )
    });
    view! {
        {personal_best.then(|| view! {
            <div class="complete" role="status" data-testid="personal-best">
                <crate::app::quiz::Celebrate />
                <p class="complete-words">{t!(i18n, trainer.personal_best)}</p>
            </div>
        })}
        <div class="card score-card">
            // A session stopped early says so before its score: a short
            // try scored on the time it was meant to last reads as a
            // failure without it.
            {time_cut.map(|text| view! { <p data-testid="time-cut">{text}</p> })}
            {match s.score {
                Some(score) => view! {
                    <p class="score" data-testid="session-score">
                        <strong>{score}</strong>
                        <span>{t!(i18n, trainer.out_of_100)}</span>
                    </p>
                }.into_any(),
                None => view! {
                    <p data-testid="session-score">
                        {match s.no_score {
                            Some(NoScore::NoRate) => t_string!(i18n, trainer.no_score_rate),
                            _ => t_string!(i18n, trainer.no_score),
                        }}
                    </p>
                }.into_any(),
            }}
            {s.score.is_some().then(|| view! { <p class="parts" data-testid="score-parts">{parts_line}</p> })}
            {missed.map(|text| view! { <p data-testid="breaths-missed">{text}</p> })}
            <p><A href="/train/scoring" attr:class="inline-link">{t!(i18n, trainer.how_scored)}</A></p>
        </div>
        <div class="figures-wrap">
        <table class="figures" data-testid="session-figures">
            <caption class="visually-hidden">{t!(i18n, trainer.figures_caption)}</caption>
            <tbody>
                <tr><th scope="row">{t!(i18n, trainer.f_compressions)}</th><td data-testid="f-compressions">{s.compressions}</td></tr>
                <tr><th scope="row">{t!(i18n, trainer.f_mean_rate)}</th><td data-testid="f-rate">{number(s.rhythm.mean_rate, 0)}</td></tr>
                <tr><th scope="row">{t!(i18n, trainer.f_rate_in_range)}</th><td>{percent(s.rhythm.in_range)}</td></tr>
                {motion.then(|| view! {
                    <tr><th scope="row">{t!(i18n, trainer.f_mean_depth)}</th><td data-testid="f-depth">{number(s.mean_depth_mm.map(|d| d / 10.0), 1)}</td></tr>
                    <tr><th scope="row">{t!(i18n, trainer.f_depth_in_range)}</th><td>{percent(s.depth_in_range)}</td></tr>
                })}
                <tr><th scope="row">{t!(i18n, trainer.f_pauses)}</th><td>{s.rhythm.pauses}</td></tr>
                <tr><th scope="row">{t!(i18n, trainer.f_longest_pause)}</th><td>{number(s.longest_pause_s, 1)}</td></tr>
                <tr><th scope="row">{t!(i18n, trainer.f_fraction)}</th><td>{percent(s.rhythm.compression_fraction)}</td></tr>
                <tr><th scope="row">{t!(i18n, trainer.f_time)}</th><td data-testid="f-time">{percent(Some(s.parts.time))}</td></tr>
                {rec.pause_s.is_some().then(|| view! {
                    <tr><th scope="row">{t!(i18n, trainer.f_cycles_held)}</th><td data-testid="f-cycles-held">{format!("{} / {}", s.cycles_held, s.rhythm.cycles)}</td></tr>
                })}
                {(s.inferred > 0).then(|| view! {
                    <tr><th scope="row">{t!(i18n, trainer.f_inferred)}</th><td>{s.inferred}</td></tr>
                })}
            </tbody>
        </table>
        </div>
        <h2>{t!(i18n, trainer.chart_rate)}</h2>
        <Chart label=t_string!(i18n, trainer.chart_rate) points=rates band=(RATE_MIN, RATE_MAX) y_range=(70.0, 150.0) seconds=seconds />
        {motion.then(|| view! {
            <h2>{t!(i18n, trainer.chart_depth)}</h2>
            <Chart label=t_string!(i18n, trainer.chart_depth) points=depths band=(DEPTH_MIN_MM / 10.0, DEPTH_MAX_MM / 10.0) y_range=(2.0, 8.0) seconds=seconds />
            <p class="help honest">{t!(i18n, trainer.honest_motion)}</p>
        })}
        <div class="actions">
            {match csv {
                Some((name, text)) => view! {
                    <button type="button" class="button" data-testid="export-csv" on:click=move |_| {
                        if let Err(e) = files::download_text(&name, "text/csv", &text) {
                            web_sys::console::warn_1(&format!("download: {e}").into());
                        }
                    }>{t!(i18n, trainer.export_csv)}</button>
                }.into_any(),
                None => view! { <p class="help">{t!(i18n, trainer.trace_gone)}</p> }.into_any(),
            }}
            <A href="/train" attr:class="button primary">{t!(i18n, trainer.train_again)}</A>
        </div>
    }
}
