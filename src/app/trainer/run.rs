//! A running training session: the metronome and its visual beat, the
//! live rate (and, with motion, depth) against the targets, prompts shown
//! and optionally spoken, the time left; saved when it ends.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use gloo_timers::callback::Interval;
use leptos::prelude::*;

use super::beat::Beat;
use super::Setup;
use crate::adapters::motion::MotionListener;
use crate::adapters::wake_lock::ScreenAwake;
use crate::adapters::{platform, speech};
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::quiz::focus_later;
use crate::app::state::use_state;
use crate::trainer::csv::MotionSample;
use crate::trainer::metronome::Cue;
use crate::trainer::motion::MotionTracker;
use crate::trainer::score::{DEPTH_MAX_MM, DEPTH_MIN_MM};
use crate::trainer::session::{SessionRecord, Source};
use crate::trainer::taps::{prompt_for, Live, Prompt, PromptSmoother, TapTracker};

type Permission = Pin<Box<dyn Future<Output = bool>>>;

thread_local! {
    /// The motion permission asked for by the start button's tap.
    pub(crate) static MOTION_PERMISSION: RefCell<Option<Permission>> = const { RefCell::new(None) };
    /// The raw motion trace of the last session (at_ms, samples), kept in
    /// memory for export: it is too large to store.
    pub(crate) static LAST_MOTION_TRACE: RefCell<Option<(i64, Vec<MotionSample>)>> = const { RefCell::new(None) };
}

/// Seconds without a motion sample after which the sensor is reported missing.
const NO_MOTION_S: f64 = 3.0;
/// Spoken prompts repeat at most this often (ms), unless they change.
const SPEAK_EVERY_MS: f64 = 6000.0;

/// What the motion sensor is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MotionStatus {
    Waiting,
    Reading,
    Denied,
    Missing,
}

/// The live rate over the last five compressions of a run (no pause among
/// them), per minute.
fn live_rate(times: &[f64]) -> Option<f64> {
    let recent: Vec<f64> = times.iter().rev().take(5).copied().collect();
    if recent.len() < 3 || recent.windows(2).any(|w| w[0] - w[1] > 2000.0) {
        return None;
    }
    Some((recent.len() - 1) as f64 * 60_000.0 / (recent[0] - recent[recent.len() - 1]))
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// Saved, with this id.
    Saved(i64),
    /// Nothing was recorded.
    Empty,
    /// The learner stopped it without saving.
    Cancelled,
}

/// Props: `setup` — what to run; `on_end` — called once when it ends.
#[component]
pub fn Run(setup: Setup, on_end: Callback<End>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = state.settings.get_untracked().lang.tag();
    let t0 = platform::monotonic_ms();
    let at_ms = platform::now_ms();
    let duration_ms = setup.duration_s as f64 * 1000.0;

    let live = RwSignal::new(Live {
        rate: None,
        prompt: None,
        in_cycle: 0,
        total: 0,
    });
    let shown_prompt = RwSignal::new(None::<Prompt>);
    let cue = RwSignal::new(None::<Cue>);
    let beats = RwSignal::new(0u64);
    let elapsed = RwSignal::new(0.0f64);
    let last_depth = RwSignal::new(None::<f64>);
    let motion_status = RwSignal::new(MotionStatus::Waiting);
    let sound_held = RwSignal::new(false);
    let audio_failed = RwSignal::new(false);
    let confirm_cancel = RwSignal::new(false);

    let taps = StoredValue::new_local(Vec::<f64>::new());
    let tracker = StoredValue::new_local(TapTracker::new());
    let motion = StoredValue::new_local(MotionTracker::new());
    let samples = StoredValue::new_local(Vec::<MotionSample>::new());
    let beat = StoredValue::new_local(None::<Beat>);
    let awake = StoredValue::new_local(ScreenAwake::request());
    let timer = StoredValue::new_local(None::<Interval>);
    let listener = StoredValue::new_local(None::<MotionListener>);
    let spoken = StoredValue::new_local((None::<Prompt>, f64::NEG_INFINITY));
    let smoother = StoredValue::new_local(PromptSmoother::default());
    let done = StoredValue::new_local(false);

    if setup.metronome {
        let b = Beat::start(
            setup.bpm,
            setup.mode(),
            move |c| {
                cue.set(Some(c));
                if matches!(c, Cue::Compression { .. }) {
                    beats.update(|b| *b += 1);
                }
            },
            move |running| {
                let _ = sound_held.try_set(!running);
            },
        );
        audio_failed.set(!b.has_sound());
        beat.set_value(Some(b));
    }

    // Shows (and speaks) the prompt once it is steady.
    let prompt = move |latest: Option<Prompt>, now: f64| {
        let p = smoother.write_value().update(latest);
        if shown_prompt.get_untracked() != p {
            shown_prompt.set(p);
        }
        let Some(p) = p else { return };
        if !setup.speak {
            return;
        }
        let (last, at) = spoken.get_value();
        if last != Some(p) || now - at >= SPEAK_EVERY_MS {
            spoken.set_value((Some(p), now));
            let text = match p {
                Prompt::Faster => t_string!(i18n, trainer.faster),
                Prompt::Slower => t_string!(i18n, trainer.slower),
                Prompt::Good => t_string!(i18n, trainer.good),
            };
            speech::speak(text, lang);
        }
    };

    let finish = move |save: bool| {
        if done.get_value() {
            return;
        }
        done.set_value(true);
        timer.set_value(None);
        listener.set_value(None);
        beat.set_value(None);
        awake.set_value(None);
        speech::stop();
        let end = (platform::monotonic_ms() - t0).min(duration_ms) as u32;
        let bpm = setup.metronome.then_some(setup.bpm);
        let pause = setup
            .thirty_two
            .then_some(crate::trainer::metronome::DEFAULT_PAUSE_S as u32);
        if !save {
            on_end.run(End::Cancelled);
            return;
        }
        let rec = match setup.source {
            Source::Taps => {
                let taps = taps.get_value();
                tracker.with_value(|t| {
                    SessionRecord::from_taps(at_ms, bpm, pause, end, &taps, t.compressions())
                })
            }
            Source::Motion => {
                let comps: Vec<(f64, f64)> = {
                    let mut m = motion.write_value();
                    m.finish();
                    m.compressions()
                        .iter()
                        .map(|c| (c.t_ms, c.depth_mm))
                        .collect()
                };
                let trace = samples.get_value();
                LAST_MOTION_TRACE.with(|l| *l.borrow_mut() = Some((at_ms, trace)));
                SessionRecord::from_motion(at_ms, bpm, pause, end, &comps)
            }
        };
        if rec.times_ms.is_empty() {
            on_end.run(End::Empty);
        } else {
            state.update_trainer(|d| d.add(rec));
            on_end.run(End::Saved(at_ms));
        }
    };

    timer.set_value(Some(Interval::new(250, move || {
        let now = platform::monotonic_ms() - t0;
        elapsed.set(now);
        if setup.source == Source::Motion
            && motion_status.get_untracked() == MotionStatus::Waiting
            && now > NO_MOTION_S * 1000.0
        {
            motion_status.set(MotionStatus::Missing);
        }
        if now >= duration_ms {
            finish(true);
        }
    })));

    if setup.source == Source::Motion {
        let permission = MOTION_PERMISSION.with(|p| p.borrow_mut().take());
        leptos::task::spawn_local(async move {
            let allowed = match permission {
                Some(p) => p.await,
                None => crate::adapters::motion::request_permission().await,
            };
            if done.try_get_value() != Some(false) {
                return;
            }
            if !allowed {
                motion_status.set(MotionStatus::Denied);
                return;
            }
            let l = MotionListener::start(move |s| {
                let s = MotionSample {
                    t_ms: s.t_ms - t0,
                    a: s.a,
                };
                if s.t_ms < 0.0 || s.t_ms > duration_ms {
                    return;
                }
                samples.update_value(|v| v.push(s));
                if motion_status.get_untracked() != MotionStatus::Reading {
                    motion_status.set(MotionStatus::Reading);
                }
                let new = motion.write_value().push(s);
                if let Some(c) = new.last() {
                    last_depth.set(Some(c.depth_mm));
                    let times: Vec<f64> =
                        motion.with_value(|m| m.compressions().iter().map(|c| c.t_ms).collect());
                    let rate = live_rate(&times);
                    live.set(Live {
                        rate,
                        prompt: rate.map(prompt_for),
                        in_cycle: 0,
                        total: times.len() as u32,
                    });
                    prompt(rate.map(prompt_for), s.t_ms);
                }
            });
            listener.set_value(l);
        });
    }

    on_cleanup(move || {
        // Leaving the page ends the session without saving.
        if done.try_get_value() == Some(false) {
            let _ = done.try_set_value(true);
            let _ = timer.try_set_value(None);
            let _ = listener.try_set_value(None);
            let _ = beat.try_set_value(None);
            let _ = awake.try_set_value(None);
        }
    });

    let resume = move || {
        beat.with_value(|b| {
            if let Some(b) = b {
                b.resume();
            }
        });
    };
    let tap = move |t: f64| {
        let rel = t - t0;
        if rel < 0.0 || rel > duration_ms || done.get_value() {
            return;
        }
        taps.update_value(|v| v.push(rel));
        let l = tracker.write_value().tap(rel);
        live.set(l);
        prompt(l.prompt, rel);
    };

    let pad = NodeRef::<leptos::html::Button>::new();
    let heading = NodeRef::<leptos::html::H1>::new();
    if setup.source == Source::Taps {
        focus_later(pad);
    } else {
        focus_later(heading);
    }
    let left = move || {
        let s = ((duration_ms - elapsed.get()) / 1000.0).ceil().max(0.0) as u32;
        format!("{}:{:02}", s / 60, s % 60)
    };
    let rate_text = move || {
        live.get()
            .rate
            .map(|r| format!("{r:.0}"))
            .unwrap_or_else(|| "—".into())
    };
    let prompt_class = move || match shown_prompt.get() {
        Some(Prompt::Good) => "prompt good",
        Some(Prompt::Faster) => "prompt faster",
        Some(Prompt::Slower) => "prompt slower",
        None => "prompt",
    };
    let prompt_text = move || match shown_prompt.get() {
        Some(Prompt::Good) => t_string!(i18n, trainer.good),
        Some(Prompt::Faster) => t_string!(i18n, trainer.faster),
        Some(Prompt::Slower) => t_string!(i18n, trainer.slower),
        None => t_string!(i18n, trainer.keep_going),
    };
    let beat_text = move || match cue.get() {
        Some(Cue::Compression { count }) => count.to_string(),
        Some(Cue::Breath { .. }) => t_string!(i18n, trainer.breathe).to_owned(),
        None => String::new(),
    };
    let depth_prompt = move || {
        last_depth.get().map(|d| {
            if d < DEPTH_MIN_MM {
                t_string!(i18n, trainer.deeper)
            } else if d > DEPTH_MAX_MM {
                t_string!(i18n, trainer.shallower)
            } else {
                t_string!(i18n, trainer.depth_good)
            }
        })
    };

    view! {
        <h1 node_ref=heading tabindex="-1">{t!(i18n, trainer.running_title)}</h1>
        <div class="run-status">
            <p class="time-left">
                {t!(i18n, trainer.time_left)}" "
                <strong data-testid="time-left">{left}</strong>
            </p>
            <div
                class="beat"
                class:breath=move || matches!(cue.get(), Some(Cue::Breath { .. }))
                class:odd=move || beats.get() % 2 == 1
                aria-hidden="true"
                data-testid="beat"
            >
                {beat_text}
            </div>
        </div>
        <div role="status" class="banner-slot">
            <Show when=move || sound_held.get()>
                <div class="banner notice">
                    <p>{t!(i18n, trainer.sound_held)}</p>
                    <button type="button" on:click=move |_| resume()>{t!(i18n, trainer.start_sound)}</button>
                </div>
            </Show>
            <Show when=move || audio_failed.get()>
                <p class="banner notice">{t!(i18n, trainer.no_audio)}</p>
            </Show>
        </div>
        <div class="live card" role="group" aria-label=move || t_string!(i18n, trainer.live_label)>
            <p class="live-rate">
                <span class="label">{t!(i18n, trainer.rate)}</span>
                <strong data-testid="live-rate">{rate_text}</strong>
                <span class="unit">{t!(i18n, trainer.per_min_unit)}</span>
            </p>
            <Show when=move || live.get().rate.is_some()>
                <meter min="80" max="140" low="100" high="120" optimum="110"
                    value=move || live.get().rate.unwrap_or(0.0).clamp(80.0, 140.0)
                    aria-label=move || t_string!(i18n, trainer.rate_gauge)></meter>
            </Show>
            <p class=prompt_class role="status" aria-live="polite" data-testid="prompt">{prompt_text}</p>
            {(setup.source == Source::Motion).then(|| view! {
                <p class="live-depth">
                    <span class="label">{t!(i18n, trainer.depth)}</span>
                    <strong data-testid="live-depth">
                        {move || last_depth.get().map(|d| format!("{:.1}", d / 10.0)).unwrap_or_else(|| "—".into())}
                    </strong>
                    <span class="unit">{t!(i18n, trainer.cm)}</span>
                </p>
                <Show when=move || last_depth.get().is_some()>
                    <meter min="0" max="8" low="5" high="6" optimum="5.5"
                        value=move || (last_depth.get().unwrap_or(0.0) / 10.0).clamp(0.0, 8.0)
                        aria-label=move || t_string!(i18n, trainer.depth_gauge)></meter>
                </Show>
                <p class="prompt" role="status" aria-live="polite">{depth_prompt}</p>
                <p class="help">{t!(i18n, trainer.depth_lag)}</p>
                <p class="help">
                    {move || match motion_status.get() {
                        MotionStatus::Waiting => t_string!(i18n, trainer.motion_waiting),
                        MotionStatus::Reading => t_string!(i18n, trainer.motion_reading),
                        MotionStatus::Denied => t_string!(i18n, trainer.motion_denied),
                        MotionStatus::Missing => t_string!(i18n, trainer.motion_missing),
                    }}
                </p>
                <p class="help honest">{t!(i18n, trainer.honest_motion)}</p>
            })}
            <p class="count">
                {move || if setup.source == Source::Taps && setup.thirty_two {
                    t_string!(i18n, trainer.in_cycle).replace("%n%", &live.get().in_cycle.to_string())
                } else {
                    t_string!(i18n, trainer.total).replace("%n%", &live.get().total.to_string())
                }}
            </p>
        </div>
        {(setup.source == Source::Taps).then(|| view! {
            <button
                type="button"
                class="tap-pad"
                node_ref=pad
                data-testid="tap-pad"
                on:pointerdown=move |ev| {
                    ev.prevent_default();
                    tap(ev.time_stamp());
                }
                on:keydown=move |ev| {
                    let k = ev.key();
                    if (k == " " || k == "Enter") && !ev.repeat() {
                        ev.prevent_default();
                        tap(ev.time_stamp());
                    } else if k == " " || k == "Enter" {
                        ev.prevent_default();
                    }
                }
                on:click=move |ev| {
                    // Screen readers activate with a click that has no
                    // pointer or key before it (detail 0).
                    if ev.detail() == 0 {
                        tap(platform::monotonic_ms());
                    }
                }
            >
                {t!(i18n, trainer.tap_pad)}
            </button>
        })}
        <div class="actions">
            <button type="button" class="button primary" data-testid="finish-training" on:click=move |_| finish(true)>
                {t!(i18n, trainer.finish)}
            </button>
        </div>
        <div class="actions cancel-row">
            {move || if confirm_cancel.get() {
                view! {
                    <p>{t!(i18n, trainer.confirm_cancel)}</p>
                    <button type="button" class="button danger" data-testid="confirm-cancel" on:click=move |_| finish(false)>
                        {t!(i18n, trainer.cancel_yes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirm_cancel.set(false)>
                        {t!(i18n, trainer.cancel_no)}
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button" data-testid="cancel-training" on:click=move |_| confirm_cancel.set(true)>
                        {t!(i18n, trainer.cancel)}
                    </button>
                }.into_any()
            }}
        </div>
    }
}
