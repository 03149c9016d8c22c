//! The running session's page, part by part: the time left, the beat
//! circle (with the countdown), the live figures and prompt, the sound
//! banners, the count, the tap pad, the motion sensor's notes, finish and
//! cancel.

use leptos::prelude::*;

use super::{MotionStatus, Session, Shown};
use crate::adapters::platform;
use crate::app::i18n::{t, t_string, use_i18n};
use crate::app::trainer::Setup;
use crate::trainer::metronome::Cue;
use crate::trainer::score::{DEPTH_MAX_MM, DEPTH_MIN_MM};
use crate::trainer::session::Source;
use crate::trainer::taps::Prompt;

/// The seconds of the countdown still to go (3, 2, 1), or `None` once the
/// session runs.
fn countdown(elapsed: f64) -> Option<u32> {
    (elapsed < 0.0).then(|| (-elapsed / 1000.0).ceil().max(1.0) as u32)
}

/// The time left (the whole session's during the countdown).
///
/// Props: `duration_ms` — the session's length; `shown` — what the session
/// sets.
#[component]
pub(super) fn TimeLeft(duration_ms: f64, shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let elapsed = shown.elapsed;
    let left = move || {
        let s = ((duration_ms - elapsed.get().max(0.0)) / 1000.0)
            .ceil()
            .max(0.0) as u32;
        format!("{}:{:02}", s / 60, s % 60)
    };
    view! {
        <p class="time-left">
            {t!(i18n, trainer.time_left)}" "
            <strong data-testid="time-left">{left}</strong>
        </p>
    }
}

/// The visual beat: the countdown's seconds, then a compression's count
/// ("10 of 30": the beat's, not the learner's presses, which [`RunCount`]
/// shows) or the breaths. Hidden from screen readers: the prompt says the
/// same.
///
/// Props: `shown` — what the session sets.
#[component]
pub(super) fn BeatCircle(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let Shown {
        cue,
        beats,
        elapsed,
        ..
    } = shown;
    let counting = move || countdown(elapsed.get());
    let text = move || match (counting(), cue.get()) {
        (Some(n), _) => n.to_string(),
        (None, Some(Cue::Compression { count })) => count.to_string(),
        (None, Some(Cue::Breath { .. })) => t_string!(i18n, trainer.breathe).to_owned(),
        (None, None) => String::new(),
    };
    view! {
        <div
            class="beat"
            class:countdown=move || counting().is_some()
            class:breath=move || counting().is_none() && matches!(cue.get(), Some(Cue::Breath { .. }))
            class:odd=move || counting().is_none() && beats.get() % 2 == 1
            aria-hidden="true"
            data-testid="beat"
        >
            // Keyed by the countdown's second, so its animation restarts.
            {move || view! { <span class="beat-text" data-second=counting().unwrap_or(0)>{text()}</span> }}
            {move || (counting().is_none() && matches!(cue.get(), Some(Cue::Compression { .. })))
                .then(|| view! { <span class="beat-of" data-testid="beat-of">{t!(i18n, trainer.beat_of)}</span> })}
        </div>
    }
}

/// The live figures beside the beat: the rate and its gauge, the prompt
/// (during the countdown, "get ready" and the seconds, or after a press
/// that came too soon "wait for the first beat"; in a 30:2 pause,
/// the breaths), and with motion the last depth and its prompt.
///
/// Props: `setup` — what runs; `shown` — what the session sets.
#[component]
pub(super) fn LiveFigures(setup: Setup, shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let Shown {
        live,
        shown_prompt,
        elapsed,
        early,
        cue,
        ..
    } = shown;
    let breath = move || matches!(cue.get(), Some(Cue::Breath { .. }));
    let rate_text = move || {
        live.get()
            .rate
            .map(|r| format!("{r:.0}"))
            .unwrap_or_else(|| "—".into())
    };
    let prompt_class = move || match shown_prompt.get() {
        _ if countdown(elapsed.get()).is_some() || breath() => "prompt",
        Some(Prompt::Good) => "prompt good",
        Some(Prompt::Faster) => "prompt faster",
        Some(Prompt::Slower) => "prompt slower",
        None => "prompt",
    };
    let prompt_text = move || {
        if let Some(n) = countdown(elapsed.get()) {
            // A press before the first beat does not count: say so.
            let words = if early.get() {
                t_string!(i18n, trainer.wait_for_beat)
            } else {
                t_string!(i18n, trainer.get_ready)
            };
            return crate::app::fill(words, &[("n", &n)]);
        }
        if breath() {
            return t_string!(i18n, trainer.breathe).to_owned();
        }
        match shown_prompt.get() {
            Some(Prompt::Good) => t_string!(i18n, trainer.good),
            Some(Prompt::Faster) => t_string!(i18n, trainer.faster),
            Some(Prompt::Slower) => t_string!(i18n, trainer.slower),
            None => t_string!(i18n, trainer.keep_going),
        }
        .to_owned()
    };
    view! {
        <div class="live" role="group" aria-label=move || t_string!(i18n, trainer.live_label)>
            <p class="live-rate">
                <span class="label">{t!(i18n, trainer.rate)}</span>" "
                <strong data-testid="live-rate">{rate_text}</strong>" "
                <span class="unit">{t!(i18n, trainer.per_min_unit)}</span>
            </p>
            <meter min="80" max="140" low="100" high="120" optimum="110"
                class:empty=move || live.get().rate.is_none()
                value=move || live.get().rate.unwrap_or(80.0).clamp(80.0, 140.0)
                aria-label=move || t_string!(i18n, trainer.rate_gauge)></meter>
            <p class=prompt_class role="status" aria-live="polite" data-testid="prompt">{prompt_text}</p>
            {(setup.source == Source::Motion).then(|| view! { <DepthFigures shown /> })}
        </div>
    }
}

/// With motion: the last depth, its gauge and its prompt. A provisional
/// depth (the stroke's final value comes a few strokes later) is shown at
/// once, underlined with dots.
///
/// Props: `shown` — what the session sets.
#[component]
fn DepthFigures(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let last_depth = shown.last_depth;
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
        <p class="live-depth">
            <span class="label">{t!(i18n, trainer.depth)}</span>" "
            <strong data-testid="live-depth"
                class:provisional=move || shown.depth_provisional.get()
                data-provisional=move || shown.depth_provisional.get().to_string()>
                {move || last_depth.get().map(|d| format!("{:.1}", d / 10.0)).unwrap_or_else(|| "—".into())}
            </strong>" "
            <span class="unit">{t!(i18n, trainer.cm)}</span>
        </p>
        <meter min="0" max="8" low="5" high="6" optimum="5.5"
            class:empty=move || last_depth.get().is_none()
            value=move || (last_depth.get().unwrap_or(0.0) / 10.0).clamp(0.0, 8.0)
            aria-label=move || t_string!(i18n, trainer.depth_gauge)></meter>
        <p class="prompt depth-prompt" role="status" aria-live="polite">{depth_prompt}</p>
    }
}

/// With motion, below the live figures: when depths show, what the sensor
/// is doing, and what the depth can and cannot tell.
///
/// Props: `shown` — what the session sets.
#[component]
pub(super) fn MotionHelp(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let motion_status = shown.motion_status;
    view! {
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
    }
}

/// The learner's own count: every push of the session, in both rhythms.
/// (A count of this round's pushes beside the circle's count of the
/// beats read as two counts that disagree, to a child in a walkthrough;
/// the circle alone says where the round is.)
///
/// Props: `shown` — what the session sets.
#[component]
pub(super) fn RunCount(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let live = shown.live;
    view! {
        <p class="count" data-testid="run-count">
            {move || t_string!(i18n, trainer.total).replace("%n%", &live.get().total.to_string())}
        </p>
    }
}

/// The banners about sound: held by the browser until a tap (with the
/// button that starts it), or none at all.
///
/// Props: `session` — the running session.
#[component]
pub(super) fn SoundBanners(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let Shown {
        sound_held,
        audio_failed,
        ..
    } = session.shown;
    view! {
        <div role="status" class="banner-slot">
            <Show when=move || sound_held.get()>
                <div class="banner notice">
                    <p>{t!(i18n, trainer.sound_held)}</p>
                    <button type="button" on:click=move |_| session.resume()>{t!(i18n, trainer.start_sound)}</button>
                </div>
            </Show>
            <Show when=move || audio_failed.get()>
                <p class="banner notice">{t!(i18n, trainer.no_audio)}</p>
            </Show>
        </div>
    }
}

/// The tap pad: a compression per press (pointer, Space or Enter, or a
/// screen reader's click). Presses during the countdown do not count
/// (the prompt then says to wait for the first beat).
///
/// Props: `session` — the running session; `pad` — the pad's node, focused
/// when the page opens.
#[component]
pub(super) fn TapPad(session: Session, pad: NodeRef<leptos::html::Button>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="tap-pad"
            node_ref=pad
            data-testid="tap-pad"
            on:pointerdown=move |ev| {
                ev.prevent_default();
                session.tap(ev.time_stamp());
            }
            on:keydown=move |ev| {
                let k = ev.key();
                if (k == " " || k == "Enter") && !ev.repeat() {
                    ev.prevent_default();
                    session.tap(ev.time_stamp());
                } else if k == " " || k == "Enter" {
                    ev.prevent_default();
                }
            }
            on:click=move |ev| {
                // Screen readers activate with a click that has no
                // pointer or key before it (detail 0).
                if ev.detail() == 0 {
                    session.tap(platform::monotonic_ms());
                }
            }
        >
            {t!(i18n, trainer.tap_pad)}
        </button>
    }
}

/// Finish (saving) and cancel, each with its confirmation (Escape opens
/// the cancel one too): the pad is just above, and a tap that misses it
/// must not end the session. A gap keeps them apart as well.
///
/// Props: `session` — the running session; `confirm_cancel` — whether the
/// confirmation shows.
#[component]
pub(super) fn RunActions(session: Session, confirm_cancel: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let confirm_finish = RwSignal::new(false);
    view! {
        <div class="actions run-actions" data-testid="run-actions">
            {move || if confirm_finish.get() && !confirm_cancel.get() {
                view! {
                    <p>{t!(i18n, trainer.confirm_finish)}</p>
                    <button type="button" class="button primary" data-testid="confirm-finish" on:click=move |_| session.finish(true)>
                        {t!(i18n, trainer.finish_yes)}
                    </button>
                    <button type="button" class="button" data-testid="keep-going" on:click=move |_| confirm_finish.set(false)>
                        {t!(i18n, trainer.cancel_no)}
                    </button>
                }.into_any()
            } else if confirm_cancel.get() {
                view! {
                    <p>{t!(i18n, trainer.confirm_cancel)}</p>
                    <button type="button" class="button danger" data-testid="confirm-cancel" on:click=move |_| session.finish(false)>
                        {t!(i18n, trainer.cancel_yes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirm_cancel.set(false)>
                        {t!(i18n, trainer.cancel_no)}
                    </button>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button primary" data-testid="finish-training" on:click=move |_| confirm_finish.set(true)>
                        {t!(i18n, trainer.finish)}
                    </button>
                    <button type="button" class="button" data-testid="cancel-training" on:click=move |_| confirm_cancel.set(true)>
                        {t!(i18n, trainer.cancel)}
                    </button>
                }.into_any()
            }}
        </div>
    }
}
