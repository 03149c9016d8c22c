//! A running training session: the metronome and its visual beat, the
//! live rate (and, with motion, depth) against the targets, prompts shown
//! and optionally spoken, the time left; saved when it ends.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

use gloo_timers::callback::Interval;
use leptos::prelude::*;

mod parts;

use super::beat::Beat;
use super::Setup;
use crate::adapters::motion::MotionListener;
use crate::adapters::wake_lock::ScreenAwake;
use crate::adapters::{platform, speech};
use crate::app::focus::focus_later;
use crate::app::i18n::{t, t_string, use_i18n, Locale};
use crate::app::state::{use_state, AppState};
use crate::trainer::csv::MotionSample;
use crate::trainer::metronome::Cue;
use crate::trainer::motion::MotionTracker;
use crate::trainer::session::{SessionRecord, Source};
use crate::trainer::taps::{prompt_for, Live, Prompt, PromptSmoother, TapTracker, PAUSE_MS};
use leptos_i18n::I18nContext;
use parts::{
    BeatCircle, LiveFigures, MotionHelp, RunActions, RunCount, SoundBanners, TapPad, TimeLeft,
};

type Permission = Pin<Box<dyn Future<Output = bool>>>;

thread_local! {
    /// The motion permission asked for by the start button's tap.
    pub(crate) static MOTION_PERMISSION: RefCell<Option<Permission>> = const { RefCell::new(None) };
    /// The raw motion trace of the last session (at_ms, samples), kept in
    /// memory for export: it is too large to store.
    pub(crate) static LAST_MOTION_TRACE: RefCell<Option<(i64, Vec<MotionSample>)>> = const { RefCell::new(None) };
}

/// The countdown before a session starts (ms): 3, 2, 1.
pub(crate) const COUNTDOWN_MS: f64 = 3000.0;
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
    if recent.len() < 3 || recent.windows(2).any(|w| w[0] - w[1] > PAUSE_MS) {
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

/// What the running page's parts show, set by the session as it goes.
#[derive(Clone, Copy)]
struct Shown {
    live: RwSignal<Live>,
    /// The prompt once it is steady.
    shown_prompt: RwSignal<Option<Prompt>>,
    cue: RwSignal<Option<Cue>>,
    /// Compressions the metronome has beaten.
    beats: RwSignal<u64>,
    /// Milliseconds since the start (negative during the countdown).
    elapsed: RwSignal<f64>,
    /// The learner pressed during the countdown: the prompt says to wait
    /// for the first beat (those presses do not count).
    early: RwSignal<bool>,
    /// The newest compression's depth (mm) and whether it is still
    /// provisional (the final value replaces it a few strokes later).
    last_depth: RwSignal<Option<f64>>,
    depth_provisional: RwSignal<bool>,
    motion_status: RwSignal<MotionStatus>,
    /// The browser holds the sound until a tap.
    sound_held: RwSignal<bool>,
    audio_failed: RwSignal<bool>,
}

impl Shown {
    /// Nothing yet, the countdown about to start.
    fn new() -> Shown {
        Shown {
            live: RwSignal::new(Live {
                rate: None,
                prompt: None,
                in_cycle: 0,
                total: 0,
            }),
            shown_prompt: RwSignal::new(None::<Prompt>),
            cue: RwSignal::new(None::<Cue>),
            beats: RwSignal::new(0u64),
            elapsed: RwSignal::new(-COUNTDOWN_MS),
            early: RwSignal::new(false),
            last_depth: RwSignal::new(None::<f64>),
            depth_provisional: RwSignal::new(false),
            motion_status: RwSignal::new(MotionStatus::Waiting),
            sound_held: RwSignal::new(false),
            audio_failed: RwSignal::new(false),
        }
    }
}

/// A running session: its setup and clock, what it records, and the
/// browser resources it holds (beat, screen wake lock, timer, motion
/// listener), dropped when it finishes or the page goes away.
#[derive(Clone, Copy)]
struct Session {
    setup: Setup,
    on_end: Callback<End>,
    i18n: I18nContext<Locale>,
    state: AppState,
    /// The language prompts are spoken in.
    lang: &'static str,
    /// The page clock at the start.
    t0: f64,
    /// When it started (ms since the epoch): the stored session's id.
    at_ms: i64,
    duration_ms: f64,
    shown: Shown,
    taps: StoredValue<Vec<f64>, LocalStorage>,
    tracker: StoredValue<TapTracker, LocalStorage>,
    motion: StoredValue<MotionTracker, LocalStorage>,
    samples: StoredValue<Vec<MotionSample>, LocalStorage>,
    beat: StoredValue<Option<Beat>, LocalStorage>,
    awake: StoredValue<Option<ScreenAwake>, LocalStorage>,
    timer: StoredValue<Option<Interval>, LocalStorage>,
    listener: StoredValue<Option<MotionListener>, LocalStorage>,
    spoken: StoredValue<(Option<Prompt>, f64), LocalStorage>,
    smoother: StoredValue<PromptSmoother, LocalStorage>,
    done: StoredValue<bool, LocalStorage>,
}

impl Session {
    /// Shows (and speaks) the prompt once it is steady.
    fn prompt(self, latest: Option<Prompt>, now: f64) {
        let Session {
            setup,
            i18n,
            lang,
            shown,
            spoken,
            smoother,
            ..
        } = self;
        let shown_prompt = shown.shown_prompt;
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
    }

    /// Ends the session once: drops what it holds, saves it (unless not
    /// `save`) and says how it ended.
    fn finish(self, save: bool) {
        let Session {
            setup,
            on_end,
            state,
            t0,
            at_ms,
            duration_ms,
            taps,
            tracker,
            motion,
            samples,
            beat,
            awake,
            timer,
            listener,
            done,
            ..
        } = self;
        if done.get_value() {
            return;
        }
        done.set_value(true);
        timer.set_value(None);
        listener.set_value(None);
        beat.set_value(None);
        awake.set_value(None);
        speech::stop();
        let end = (platform::monotonic_ms() - t0).clamp(0.0, duration_ms) as u32;
        let planned = duration_ms as u32;
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
                    SessionRecord::from_taps(
                        at_ms,
                        bpm,
                        pause,
                        planned,
                        end,
                        &taps,
                        t.compressions(),
                    )
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
                SessionRecord::from_motion(at_ms, bpm, pause, planned, end, &comps)
            }
        };
        if rec.times_ms.is_empty() {
            on_end.run(End::Empty);
        } else {
            state.update_trainer(|d| d.add(rec));
            on_end.run(End::Saved(at_ms));
        }
    }

    /// Every quarter second: the time, pressing that stopped, a motion
    /// sensor that says nothing, the end.
    fn tick(self) {
        let Session {
            setup,
            t0,
            duration_ms,
            shown,
            taps,
            smoother,
            ..
        } = self;
        let Shown {
            elapsed,
            motion_status,
            live,
            shown_prompt,
            ..
        } = shown;
        let now = platform::monotonic_ms() - t0;
        elapsed.set(now);
        // No tap for a pause's length: the rate and its prompt go, rather
        // than a "good" rate no one keeps up. (Not with the motion sensor:
        // its strokes are final about 2.2 s late, longer than a pause.)
        let last = match setup.source {
            Source::Taps => taps.with_value(|t| t.last().copied()),
            Source::Motion => None,
        };
        if live.with_untracked(|l| l.rate.is_some()) && last.is_some_and(|t| now - t > PAUSE_MS) {
            live.update(|l| {
                l.rate = None;
                l.prompt = None;
            });
            smoother.update_value(|s| s.reset());
            shown_prompt.set(None);
        }
        if setup.source == Source::Motion
            && motion_status.get_untracked() == MotionStatus::Waiting
            && now > NO_MOTION_S * 1000.0
        {
            motion_status.set(MotionStatus::Missing);
        }
        if now >= duration_ms {
            self.finish(true);
        }
    }

    /// Asks for the motion sensor (the permission the start button's tap
    /// asked for, if any) and reads it until the session ends.
    fn listen_motion(self) {
        let Session {
            t0,
            duration_ms,
            shown,
            motion,
            samples,
            listener,
            done,
            ..
        } = self;
        let Shown {
            live,
            last_depth,
            depth_provisional,
            motion_status,
            ..
        } = shown;
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
                // The newest depth: provisional at first, then final (only
                // the final values are stored and scored).
                if let Some((d, provisional)) = motion.with_value(|m| m.latest()) {
                    if last_depth.get_untracked() != Some(d) {
                        last_depth.set(Some(d));
                    }
                    if depth_provisional.get_untracked() != provisional {
                        depth_provisional.set(provisional);
                    }
                }
                if !new.is_empty() {
                    let times: Vec<f64> =
                        motion.with_value(|m| m.compressions().iter().map(|c| c.t_ms).collect());
                    let rate = live_rate(&times);
                    live.set(Live {
                        rate,
                        prompt: rate.map(prompt_for),
                        in_cycle: 0,
                        total: times.len() as u32,
                    });
                    self.prompt(rate.map(prompt_for), s.t_ms);
                }
            });
            listener.set_value(l);
        });
    }

    /// Starts the metronome now (inside the start button's tap, which
    /// browsers require for sound), its first beat when the countdown ends.
    fn start_beat(self) {
        let Shown {
            cue,
            beats,
            sound_held,
            audio_failed,
            ..
        } = self.shown;
        let b = Beat::start_in(
            self.setup.bpm,
            self.setup.mode(),
            Some(COUNTDOWN_MS / 1000.0),
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
        self.beat.set_value(Some(b));
    }

    fn resume(self) {
        self.beat.with_value(|b| {
            if let Some(b) = b {
                b.resume();
            }
        });
    }

    /// A tap at this page time.
    fn tap(self, t: f64) {
        let rel = t - self.t0;
        if rel < 0.0 && !self.done.get_value() {
            self.shown.early.set(true);
        }
        if rel < 0.0 || rel > self.duration_ms || self.done.get_value() {
            return;
        }
        self.taps.update_value(|v| v.push(rel));
        let l = self.tracker.write_value().tap(rel);
        self.shown.live.set(l);
        self.prompt(l.prompt, rel);
    }
}

/// The running session's page, a modal dialog over the whole screen (so
/// the page behind never scrolls it away): on top, always in view, the
/// time, the beat, the rate and the prompt; below, the count, the tap pad
/// (or the motion sensor's notes), finish and cancel. A 3-2-1 countdown
/// comes first (the sound is set up at once, inside the start button's
/// tap; the clicks start with the session). The session ends, unsaved, if
/// the page goes away first.
///
/// Props: `setup` — what to run; `on_end` — called once when it ends.
#[component]
pub fn Run(setup: Setup, on_end: Callback<End>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = state.settings.get_untracked().lang.tag();
    let t0 = platform::monotonic_ms() + COUNTDOWN_MS;
    let at_ms = platform::now_ms() + COUNTDOWN_MS as i64;
    let duration_ms = setup.duration_s as f64 * 1000.0;

    let shown = Shown::new();

    let session = Session {
        setup,
        on_end,
        i18n,
        state,
        lang,
        t0,
        at_ms,
        duration_ms,
        shown,
        taps: StoredValue::new_local(Vec::<f64>::new()),
        tracker: StoredValue::new_local(TapTracker::new()),
        motion: StoredValue::new_local(MotionTracker::new()),
        samples: StoredValue::new_local(Vec::<MotionSample>::new()),
        beat: StoredValue::new_local(None::<Beat>),
        awake: StoredValue::new_local(ScreenAwake::request()),
        timer: StoredValue::new_local(None::<Interval>),
        listener: StoredValue::new_local(None::<MotionListener>),
        spoken: StoredValue::new_local((None::<Prompt>, f64::NEG_INFINITY)),
        smoother: StoredValue::new_local(PromptSmoother::default()),
        done: StoredValue::new_local(false),
    };

    if setup.metronome {
        session.start_beat();
    }

    session
        .timer
        .set_value(Some(Interval::new(250, move || session.tick())));

    if setup.source == Source::Motion {
        session.listen_motion();
    }

    let Session {
        done,
        timer,
        listener,
        beat,
        awake,
        ..
    } = session;
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

    let dialog = NodeRef::<leptos::html::Dialog>::new();
    dialog.on_load(|d| {
        if !d.open() {
            let _ = d.show_modal();
        }
    });
    let pad = NodeRef::<leptos::html::Button>::new();
    let heading = NodeRef::<leptos::html::H1>::new();
    if setup.source == Source::Taps {
        focus_later(pad);
    } else {
        focus_later(heading);
    }
    let confirm_cancel = RwSignal::new(false);
    let elapsed = shown.elapsed;
    let phase = move || {
        if elapsed.get() < 0.0 {
            "countdown"
        } else {
            "running"
        }
    };

    view! {
        <dialog
            class="run"
            node_ref=dialog
            aria-labelledby="run-title"
            data-testid="run"
            data-state=phase
            // Escape asks whether to stop, as the cancel button does.
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                confirm_cancel.set(true);
            }
            // A browser may close it anyway (a second Escape without a tap
            // between): while the session runs, it opens again and asks.
            on:close=move |_| {
                if done.try_get_value() == Some(false) {
                    if let Some(d) = dialog.get_untracked() {
                        let _ = d.show_modal();
                    }
                    confirm_cancel.set(true);
                }
            }
        >
            <div class="run-stage">
                <div class="run-top">
                    <h1 id="run-title" node_ref=heading tabindex="-1">{t!(i18n, trainer.running_title)}</h1>
                    <TimeLeft duration_ms shown />
                </div>
                <div class="run-live">
                    <BeatCircle shown />
                    <LiveFigures setup shown />
                </div>
            </div>
            <div class="run-rest">
                <SoundBanners session />
                <RunCount shown />
                {(setup.source == Source::Taps).then(|| view! { <TapPad session pad /> })}
                {(setup.source == Source::Motion).then(|| view! { <MotionHelp shown /> })}
                <RunActions session confirm_cancel />
            </div>
        </dialog>
    }
}
