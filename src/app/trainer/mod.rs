//! The compression trainer: the setup page (`/train`: how to mark
//! compressions, the metronome, the session's length; the best and latest
//! sessions), the running session ([`run`]), a session's results
//! (`/train/results/:at`, [`results`]) and how the score is computed
//! (`/train/scoring`, [`scoring`]). The emergency coach is in
//! [`crate::app::emergency`] and shares [`beat`].

pub mod beat;
pub mod chart;
pub mod results;
pub mod run;
pub mod scoring;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::state::use_state;
use crate::trainer::metronome::{Mode, BPM_RANGE, DEFAULT_BPM, DEFAULT_PAUSE_S};
use crate::trainer::session::{summarize, SessionRecord, Source, DEFAULT_DURATION_S};

pub use results::ResultsPage;
pub use scoring::ScoringPage;

/// What a session is set up to do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setup {
    pub source: Source,
    pub bpm: u32,
    /// 30:2 (true) or continuous compressions.
    pub thirty_two: bool,
    pub duration_s: u32,
    pub metronome: bool,
    pub speak: bool,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            source: Source::Taps,
            bpm: DEFAULT_BPM,
            thirty_two: true,
            duration_s: DEFAULT_DURATION_S,
            metronome: true,
            speak: false,
        }
    }
}

impl Setup {
    pub fn mode(&self) -> Mode {
        if self.thirty_two {
            Mode::ThirtyTwo {
                pause_s: DEFAULT_PAUSE_S,
            }
        } else {
            Mode::Continuous
        }
    }
}

/// Session lengths offered (s).
const DURATIONS: [u32; 3] = [60, 120, 300];

/// The trainer's page: the setup, or the running session.
#[component]
pub fn TrainerPage() -> impl IntoView {
    let i18n = use_i18n();
    crate::app::page_title(move || t_string!(i18n, trainer.title));
    let running = RwSignal::new(None::<Setup>);
    let ended = RwSignal::new(None::<run::End>);
    let navigate = use_navigate();
    let on_end = Callback::new(move |end: run::End| {
        running.set(None);
        match end {
            run::End::Saved(at) => navigate(&format!("/train/results/{at}"), Default::default()),
            other => ended.set(Some(other)),
        }
    });
    view! {
        <section class="page trainer">
            {move || match running.get() {
                Some(setup) => view! { <run::Run setup=setup on_end=on_end /> }.into_any(),
                None => view! {
                    <SetupForm
                        on_start=Callback::new(move |s| {
                            ended.set(None);
                            running.set(Some(s));
                        })
                        ended=ended
                    />
                }
                .into_any(),
            }}
        </section>
    }
}

/// The setup form and the stored sessions.
///
/// Props: `on_start` — called with the chosen setup; `ended` — how the
/// last session on this page ended without results (shown, and focus goes
/// to the heading, since the session's controls are gone).
#[component]
fn SetupForm(on_start: Callback<Setup>, ended: RwSignal<Option<run::End>>) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<leptos::html::H1>::new();
    if ended.get_untracked().is_some() {
        crate::app::focus::focus_later(heading);
    }
    let setup = RwSignal::new(Setup::default());
    let motion_ok = crate::adapters::motion::is_supported();
    let audio_ok = crate::adapters::audio::is_supported();
    let speech_ok = crate::adapters::speech::is_supported();
    let start = move |_| {
        let s = setup.get_untracked();
        if s.source == Source::Motion {
            // Asked inside the tap (iOS allows it only there); the running
            // session shows what became of it.
            run::MOTION_PERMISSION.with(|p| {
                *p.borrow_mut() = Some(Box::pin(crate::adapters::motion::request_permission()))
            });
        }
        on_start.run(s);
    };
    view! {
        <h1 node_ref=heading tabindex="-1">{t!(i18n, trainer.title)}</h1>
        <p class="lead">{t!(i18n, trainer.intro)}</p>
        // Pushing on a person who does not need it can hurt them: said
        // before anything else on the page (from a pupil's walkthrough).
        <p data-testid="trainer-safety"><strong>{t!(i18n, trainer.never_person)}</strong></p>
        <div role="status" class="banner-slot">
            {move || ended.get().map(|e| view! {
                <p class="banner notice" data-testid="session-ended">
                    {match e {
                        run::End::Cancelled => t_string!(i18n, trainer.cancelled),
                        _ => t_string!(i18n, trainer.nothing_recorded),
                    }}
                </p>
            })}
        </div>
        <form class="card trainer-setup" on:submit=move |ev| { ev.prevent_default(); start(()); }>
            <fieldset>
                <legend>{t!(i18n, trainer.method_label)}</legend>
                <label class="choice">
                    <input type="radio" name="method" value="taps"
                        prop:checked=move || setup.get().source == Source::Taps
                        on:change=move |_| setup.update(|s| s.source = Source::Taps) />
                    <span>{t!(i18n, trainer.method_taps)}</span>
                </label>
                <label class="choice">
                    <input type="radio" name="method" value="motion" disabled=!motion_ok
                        prop:checked=move || setup.get().source == Source::Motion
                        on:change=move |_| setup.update(|s| s.source = Source::Motion) />
                    <span>{t!(i18n, trainer.method_motion)}</span>
                </label>
                {(!motion_ok).then(|| view! { <p class="help">{t!(i18n, trainer.no_motion)}</p> })}
                <p class="help">
                    {move || match setup.get().source {
                        Source::Taps => t_string!(i18n, trainer.how_taps),
                        Source::Motion => t_string!(i18n, trainer.how_motion),
                    }}
                </p>
                // The space bar, only where there is a keyboard (style:
                // `.hint-keys`).
                <Show when=move || setup.get().source == Source::Taps>
                    <p class="help hint-keys" data-testid="taps-keys-hint">{t!(i18n, trainer.how_taps_keys)}</p>
                </Show>
                <Show when=move || setup.get().source == Source::Motion>
                    <p class="help honest">{t!(i18n, trainer.honest_motion)}</p>
                </Show>
            </fieldset>
            <fieldset>
                <legend>{t!(i18n, trainer.rhythm_label)}</legend>
                <label class="choice">
                    <input type="radio" name="rhythm" value="30-2"
                        prop:checked=move || setup.get().thirty_two
                        on:change=move |_| setup.update(|s| s.thirty_two = true) />
                    <span>{t!(i18n, trainer.rhythm_thirty_two)}</span>
                </label>
                <label class="choice">
                    <input type="radio" name="rhythm" value="continuous"
                        prop:checked=move || !setup.get().thirty_two
                        on:change=move |_| setup.update(|s| s.thirty_two = false) />
                    <span>{t!(i18n, trainer.rhythm_continuous)}</span>
                </label>
            </fieldset>
            <div class="field">
                <label for="trainer-bpm">{t!(i18n, trainer.rate_label)}</label>
                <select id="trainer-bpm"
                    on:change=move |ev| {
                        if let Ok(b) = event_target_value(&ev).parse() {
                            setup.update(|s| s.bpm = b);
                        }
                    }>
                    {(BPM_RANGE.0..=BPM_RANGE.1).step_by(5).map(|b| view! {
                        <option value=b.to_string() selected=move || setup.get().bpm == b>
                            {t!(i18n, trainer.per_minute, n = b)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="trainer-length">{t!(i18n, trainer.length_label)}</label>
                <select id="trainer-length"
                    on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).parse() {
                            setup.update(|s| s.duration_s = d);
                        }
                    }>
                    {DURATIONS.into_iter().map(|d| view! {
                        <option value=d.to_string() selected=move || setup.get().duration_s == d>
                            {t!(i18n, trainer.minutes, n = d / 60)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=move || setup.get().metronome disabled=!audio_ok
                    on:change=move |ev| { let on = event_target_checked(&ev); setup.update(|s| s.metronome = on); } />
                <span>{t!(i18n, trainer.metronome_on)}</span>
            </label>
            {(!audio_ok).then(|| view! { <p class="help">{t!(i18n, trainer.no_audio)}</p> })}
            <label class="choice">
                <input type="checkbox" prop:checked=move || setup.get().speak disabled=!speech_ok
                    on:change=move |ev| { let on = event_target_checked(&ev); setup.update(|s| s.speak = on); } />
                <span>{t!(i18n, trainer.speak_on)}</span>
            </label>
            <button type="submit" class="button primary big" data-testid="start-training">{t!(i18n, trainer.start)}</button>
        </form>
        <Sessions />
        <p><A href="/train/scoring" attr:class="inline-link">{t!(i18n, trainer.how_scored)}</A></p>
    }
}

/// The best and the latest stored sessions.
#[component]
fn Sessions() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let line = move |rec: SessionRecord| {
        let s = summarize(&rec);
        let href = format!("/train/results/{}", rec.at_ms);
        let when = crate::adapters::platform::local_date_time_ms(
            rec.at_ms,
            state.settings.get_untracked().lang.tag(),
        );
        let score = s.score.map_or_else(|| "—".to_owned(), |x| x.to_string());
        view! {
            <A href=href>{when}</A>
            " · "
            {t!(i18n, trainer.score_line, score = score.clone(), n = s.compressions)}
        }
    };
    view! {
        <section class="card" aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{t!(i18n, trainer.sessions_heading)}</h2>
            {move || {
                let data = state.trainer.get();
                match (data.best().cloned(), data.latest().cloned()) {
                    (_, None) => view! { <p data-testid="no-sessions">{t!(i18n, trainer.no_sessions)}</p> }.into_any(),
                    (best, Some(latest)) => view! {
                        <dl class="sessions">
                            <dt>{t!(i18n, trainer.latest)}</dt>
                            <dd data-testid="latest-session">{line(latest)}</dd>
                            {best.map(|b| view! {
                                <dt>{t!(i18n, trainer.best)}</dt>
                                <dd data-testid="best-session">{line(b)}</dd>
                            })}
                        </dl>
                    }.into_any(),
                }
            }}
        </section>
    }
}
