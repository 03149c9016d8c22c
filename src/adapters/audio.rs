//! Audio adapter: the metronome's clicks, scheduled on the Web Audio clock.
//!
//! Clicks are never played from a timer. A timer only *schedules*: every
//! [`TICK_MS`] it asks the pure [`Metronome`] for the events in the next
//! look-ahead window and starts one short buffer per event at its exact
//! time on `AudioContext.currentTime`, so timer jitter (a busy main thread,
//! a background tab) moves nothing that is heard. Consecutive windows never
//! lose or repeat an event (proved in the metronome's tests). When the page
//! is hidden, timers are throttled, so the window grows to
//! [`LOOK_AHEAD_HIDDEN_S`].
//!
//! The graph ([`Sounds`], [`schedule`]) takes any `BaseAudioContext`, so the
//! same code renders offline ([`render`]) for the accuracy test and the
//! benchmark.
//!
//! Sounds: each click is a cosine burst that starts at full level (so its
//! first sample is its onset), decaying exponentially — a high accented
//! click on count 1, a lower click on the other counts, and a longer, lower
//! tone for each breath of the 30:2 pause.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Interval;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioBuffer, AudioContext, AudioNode, BaseAudioContext, GainNode};

use crate::trainer::metronome::{Cue, Event, Metronome, Mode};

/// Asks a context to resume, and handles the answer: a resume the browser
/// holds until a tap is still pending when the page closes the context
/// (the rhythm changed, the page went), and its rejection must not become
/// an uncaught error.
fn resume_quietly(ctx: &AudioContext) {
    if let Ok(pending) = ctx.resume() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(pending).await;
        });
    }
}

/// How often the scheduler runs (ms).
pub const TICK_MS: u32 = 25;
/// How far ahead it schedules while the page is visible (s).
pub const LOOK_AHEAD_S: f64 = 0.2;
/// How far ahead it schedules while the page is hidden (s): background
/// timers may run only once a second.
pub const LOOK_AHEAD_HIDDEN_S: f64 = 2.5;
/// Delay from starting to the first beat (s).
const LEAD_IN_S: f64 = 0.15;
/// Level of the clicks (0–1) before the master gain.
const LEVEL: f64 = 0.8;

/// Whether the browser has Web Audio.
pub fn is_supported() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w, &"AudioContext".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// The metronome's sounds, made for one context.
pub struct Sounds {
    accent: AudioBuffer,
    beat: AudioBuffer,
    breath: AudioBuffer,
}

fn burst(
    ctx: &BaseAudioContext,
    freq: f64,
    length_s: f64,
    decay_s: f64,
    level: f64,
) -> Result<AudioBuffer, JsValue> {
    let rate = ctx.sample_rate();
    let n = (length_s * rate as f64).ceil() as u32;
    let buffer = ctx.create_buffer(1, n, rate)?;
    let samples: Vec<f32> = (0..n)
        .map(|i| {
            let t = i as f64 / rate as f64;
            (level * (std::f64::consts::TAU * freq * t).cos() * (-t / decay_s).exp()) as f32
        })
        .collect();
    buffer.copy_to_channel(&samples, 0)?;
    Ok(buffer)
}

impl Sounds {
    pub fn new(ctx: &BaseAudioContext) -> Result<Self, JsValue> {
        Ok(Sounds {
            accent: burst(ctx, 1760.0, 0.06, 0.012, LEVEL)?,
            beat: burst(ctx, 1046.5, 0.05, 0.01, LEVEL)?,
            breath: burst(ctx, 587.3, 0.5, 0.15, 0.8 * LEVEL)?,
        })
    }

    fn for_cue(&self, cue: Cue) -> &AudioBuffer {
        match cue {
            Cue::Compression { count: 1 } => &self.accent,
            Cue::Compression { .. } => &self.beat,
            Cue::Breath { .. } => &self.breath,
        }
    }
}

/// Starts the sound of `event` at its time on `ctx`'s clock, into `out`.
pub fn schedule(
    ctx: &BaseAudioContext,
    out: &AudioNode,
    sounds: &Sounds,
    event: &Event,
) -> Result<(), JsValue> {
    let source = ctx.create_buffer_source()?;
    source.set_buffer(Some(sounds.for_cue(event.cue)));
    source.connect_with_audio_node(out)?;
    source.start_with_when(event.time)
}

/// Renders `seconds` of the metronome (first beat at `start` s) through an
/// `OfflineAudioContext` at `sample_rate` and returns the rendered buffer
/// and the events it holds.
pub async fn render(
    bpm: u32,
    mode: Mode,
    start: f64,
    seconds: f64,
    sample_rate: f32,
) -> Result<(AudioBuffer, Vec<Event>), JsValue> {
    let length = (seconds * sample_rate as f64).ceil() as u32;
    let ctx = web_sys::OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(
        1,
        length,
        sample_rate,
    )?;
    let metronome =
        Metronome::new(bpm, mode, start).map_err(|e| JsValue::from_str(&format!("{e:?}")))?;
    let sounds = Sounds::new(&ctx)?;
    let events = metronome.events_between(0.0, seconds);
    let out: AudioNode = ctx.destination().into();
    for e in &events {
        schedule(&ctx, &out, &sounds, e)?;
    }
    let rendered = JsFuture::from(ctx.start_rendering()?).await?;
    Ok((rendered.dyn_into()?, events))
}

/// The click onsets in a rendered buffer (sample indices), found in
/// one-second chunks by [`crate::trainer::onsets::OnsetDetector`]: the
/// clicks start at [`LEVEL`] (breaths at 0.8 of it), so 0.3 separates them
/// from silence, and 0.1 s of quiet separates two clicks.
pub fn click_onsets(buffer: &AudioBuffer) -> Result<Vec<u64>, JsValue> {
    let rate = buffer.sample_rate();
    let mut detector = crate::trainer::onsets::OnsetDetector::new(0.3, (0.1 * rate as f64) as u64);
    let mut chunk = vec![0.0f32; rate as usize];
    let mut onsets = Vec::new();
    let mut at = 0u32;
    while at < buffer.length() {
        let n = chunk.len().min((buffer.length() - at) as usize);
        buffer.copy_from_channel_with_start_in_channel(&mut chunk[..n], 0, at)?;
        onsets.extend(detector.feed(&chunk[..n]));
        at += n as u32;
    }
    Ok(onsets)
}

/// Why the live metronome could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AudioError {
    Unsupported,
    Failed(String),
}

struct Inner {
    ctx: AudioContext,
    master: GainNode,
    sounds: Sounds,
    metronome: Metronome,
    /// The scheduler has scheduled every event before this time.
    scheduled_until: Cell<f64>,
    /// Scheduled events not yet heard, for the visual beat.
    pending: RefCell<VecDeque<Event>>,
}

impl Inner {
    fn look_ahead() -> f64 {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            LOOK_AHEAD_HIDDEN_S
        } else {
            LOOK_AHEAD_S
        }
    }

    fn tick(&self) {
        let now = self.ctx.current_time();
        let from = self.scheduled_until.get().max(now);
        let until = now + Self::look_ahead();
        if until <= from {
            return;
        }
        let out: &AudioNode = self.master.as_ref();
        for e in self.metronome.events_between(from, until) {
            if schedule(&self.ctx, out, &self.sounds, &e).is_ok() {
                self.pending.borrow_mut().push_back(e);
            }
        }
        self.scheduled_until.set(until);
    }
}

/// A running metronome; it stops (and its context closes) when dropped.
pub struct LiveMetronome {
    inner: Rc<Inner>,
    _interval: Interval,
    _visibility: Option<EventListener>,
    _state: Option<EventListener>,
}

impl LiveMetronome {
    /// Starts at `bpm` in `mode`, the first beat a moment from now. Call it
    /// from a user's tap or key press: browsers start audio only then.
    /// `on_running` hears whether sound is playing, now and whenever that
    /// changes (a browser may hold sound until a tap, or suspend it for a
    /// phone call).
    pub fn start(
        bpm: u32,
        mode: Mode,
        on_running: impl Fn(bool) + 'static,
    ) -> Result<Self, AudioError> {
        Self::start_in(bpm, mode, LEAD_IN_S, on_running)
    }

    /// Like [`LiveMetronome::start`], with the first beat `lead_in_s`
    /// seconds from now (the trainer's countdown): the context is made in
    /// the tap, the clicks start later.
    pub fn start_in(
        bpm: u32,
        mode: Mode,
        lead_in_s: f64,
        on_running: impl Fn(bool) + 'static,
    ) -> Result<Self, AudioError> {
        if !is_supported() {
            return Err(AudioError::Unsupported);
        }
        let fail = |e: JsValue| AudioError::Failed(format!("{e:?}"));
        let ctx = AudioContext::new().map_err(fail)?;
        resume_quietly(&ctx);
        let master = ctx.create_gain().map_err(fail)?;
        master
            .connect_with_audio_node(&ctx.destination())
            .map_err(fail)?;
        let sounds = Sounds::new(&ctx).map_err(fail)?;
        let metronome = Metronome::new(bpm, mode, ctx.current_time() + lead_in_s)
            .map_err(|e| AudioError::Failed(format!("{e:?}")))?;
        let inner = Rc::new(Inner {
            ctx,
            master,
            sounds,
            metronome,
            scheduled_until: Cell::new(0.0),
            pending: RefCell::new(VecDeque::new()),
        });
        inner.tick();
        let ticker = inner.clone();
        let interval = Interval::new(TICK_MS, move || ticker.tick());
        // Schedule further ahead as soon as the page is hidden.
        let hider = inner.clone();
        let visibility = web_sys::window()
            .and_then(|w| w.document())
            .map(|d| EventListener::new(&d, "visibilitychange", move |_| hider.tick()));
        let watched = inner.clone();
        let on_running = Rc::new(on_running);
        let report = on_running.clone();
        let state = Some(EventListener::new(&inner.ctx, "statechange", move |_| {
            report(watched.ctx.state() == web_sys::AudioContextState::Running)
        }));
        on_running(inner.ctx.state() == web_sys::AudioContextState::Running);
        Ok(LiveMetronome {
            inner,
            _interval: interval,
            _visibility: visibility,
            _state: state,
        })
    }

    /// Whether the context is running (browsers suspend one started
    /// without a user gesture).
    pub fn is_running(&self) -> bool {
        self.inner.ctx.state() == web_sys::AudioContextState::Running
    }

    /// Resumes a suspended context (from a user gesture).
    pub fn resume(&self) {
        resume_quietly(&self.inner.ctx);
    }

    /// Silences the clicks (or brings them back) without stopping the
    /// clock, so the visual beat goes on.
    pub fn set_muted(&self, muted: bool) {
        self.inner
            .master
            .gain()
            .set_value(if muted { 0.0 } else { 1.0 });
    }

    /// Seconds from scheduling a sound at a time to hearing it: the
    /// context's base latency plus its output latency where the browser
    /// reports them.
    pub fn latency(&self) -> f64 {
        let ctx: &JsValue = self.inner.ctx.as_ref();
        ["baseLatency", "outputLatency"]
            .iter()
            .filter_map(|k| js_sys::Reflect::get(ctx, &(*k).into()).ok()?.as_f64())
            .filter(|x| x.is_finite() && *x >= 0.0)
            .sum()
    }

    /// The events heard by now (their sound has reached the speaker),
    /// oldest first: what the visual beat shows.
    pub fn take_heard(&self) -> Vec<Event> {
        let heard_by = self.inner.ctx.current_time() - self.latency();
        let mut pending = self.inner.pending.borrow_mut();
        let mut out = Vec::new();
        while pending.front().is_some_and(|e| e.time <= heard_by) {
            out.extend(pending.pop_front());
        }
        out
    }

    /// The metronome's clock (s) now, minus the output latency: the time
    /// of what is being heard, on the scale of the events' times.
    pub fn heard_time(&self) -> f64 {
        self.inner.ctx.current_time() - self.latency()
    }
}

impl Drop for LiveMetronome {
    fn drop(&mut self) {
        let _ = self.inner.master.disconnect();
        let _ = self.inner.ctx.close();
    }
}

thread_local! {
    static BEEPER: std::cell::RefCell<Option<(AudioContext, AudioBuffer)>> =
        const { std::cell::RefCell::new(None) };
}

/// Makes (once) and resumes the beep's audio context. Call it inside a tap
/// (starting the camera, choosing a file): browsers that only let sound
/// start in a user gesture (iOS) then let later beeps play.
pub fn prime_beep() {
    if !is_supported() {
        return;
    }
    BEEPER.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_none() {
            let made = AudioContext::new().and_then(|ctx| {
                let buffer = burst(&ctx, 1760.0, 0.12, 0.04, LEVEL)?;
                Ok((ctx, buffer))
            });
            *b = made.ok();
        }
        if let Some((ctx, _)) = b.as_ref() {
            resume_quietly(ctx);
        }
    });
}

/// A short high beep (the verifier's "scanned" signal), on the context
/// [`prime_beep`] made; where Web Audio is missing, nothing.
pub fn beep() {
    prime_beep();
    BEEPER.with(|b| {
        if let Some((ctx, buffer)) = b.borrow().as_ref() {
            let played = ctx.create_buffer_source().and_then(|s| {
                s.set_buffer(Some(buffer));
                s.connect_with_audio_node(&ctx.destination())?;
                s.start()
            });
            if let Err(e) = played {
                web_sys::console::warn_1(&e);
            }
        }
    });
}
