//! The metronome as the pages use it: the audio clock's clicks, plus a
//! visual beat and a short vibration for every click *as it is heard* (the
//! animation frame compares the audio clock, less the output latency, with
//! the scheduled events). Where there is no sound at all — or while the
//! browser holds the sound until a tap (a page opened from a link or a
//! home-screen shortcut) — the same beat is shown and vibrated from the
//! page's clock, so it never waits for a tap to start.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_render::AnimationFrame;

use crate::adapters::audio::LiveMetronome;
use crate::adapters::{haptics, platform};
use crate::trainer::metronome::{Cue, Event, Metronome, Mode};

/// Delay from starting to the first beat without sound (s).
const VISUAL_LEAD_IN_S: f64 = 0.15;

/// The beat by the page's clock.
struct Visual {
    metronome: Metronome,
    seen_until: Cell<f64>,
}

impl Visual {
    fn new(bpm: u32, mode: Mode, lead_in_s: f64) -> Visual {
        Visual {
            metronome: Metronome::new(bpm, mode, platform::monotonic_ms() / 1000.0 + lead_in_s)
                .expect("the pages offer only valid settings"),
            seen_until: Cell::new(0.0),
        }
    }

    fn due(&self) -> Vec<Event> {
        let now = platform::monotonic_ms() / 1000.0;
        let events = self.metronome.events_between(self.seen_until.get(), now);
        self.seen_until.set(now);
        events
    }
}

/// What keeps time.
enum Clock {
    /// Sound: events as they reach the speaker; while the sound is held
    /// (`running` false), the page's clock.
    Audio {
        live: LiveMetronome,
        running: Rc<Cell<bool>>,
        held: Visual,
    },
    /// No sound: events by the page's clock.
    Visual(Visual),
}

impl Clock {
    fn due(&self) -> Vec<Event> {
        match self {
            Clock::Audio {
                live,
                running,
                held,
            } => {
                if running.get() {
                    live.take_heard()
                } else {
                    held.due()
                }
            }
            Clock::Visual(v) => v.due(),
        }
    }
}

/// A running metronome and its visual beat; everything stops when dropped.
pub struct Beat {
    clock: Rc<Clock>,
    _frame: Rc<RefCell<Option<AnimationFrame>>>,
}

fn next_frame(
    clock: Weak<Clock>,
    on_cue: Rc<dyn Fn(Cue)>,
    slot: Weak<RefCell<Option<AnimationFrame>>>,
) {
    let Some(strong) = slot.upgrade() else { return };
    let again = slot.clone();
    let handle = gloo_render::request_animation_frame(move |_| {
        let Some(c) = clock.upgrade() else { return };
        for e in c.due() {
            if matches!(e.cue, Cue::Compression { .. }) {
                haptics::pulse(25);
            }
            on_cue(e.cue);
        }
        next_frame(clock, on_cue, again);
    });
    *strong.borrow_mut() = Some(handle);
}

impl Beat {
    /// Starts the metronome (call from a tap: browsers allow sound only
    /// then) and calls `on_cue` for every click as it is heard, or as it is
    /// due where there is no sound. `on_running` hears whether sound is
    /// playing, now and whenever that changes.
    pub fn start(
        bpm: u32,
        mode: Mode,
        on_cue: impl Fn(Cue) + 'static,
        on_running: impl Fn(bool) + 'static,
    ) -> Beat {
        Beat::start_in(bpm, mode, None, on_cue, on_running)
    }

    /// Like [`Beat::start`], with the first beat `lead_in_s` seconds from
    /// now (`None`: at once). The sound is set up now, inside the tap that
    /// browsers require; the clicks wait.
    pub fn start_in(
        bpm: u32,
        mode: Mode,
        lead_in_s: Option<f64>,
        on_cue: impl Fn(Cue) + 'static,
        on_running: impl Fn(bool) + 'static,
    ) -> Beat {
        let running = Rc::new(Cell::new(false));
        let heard = running.clone();
        let on_running = move |r| {
            heard.set(r);
            on_running(r);
        };
        let live = match lead_in_s {
            Some(s) => LiveMetronome::start_in(bpm, mode, s, on_running),
            None => LiveMetronome::start(bpm, mode, on_running),
        };
        let visual_lead = lead_in_s.unwrap_or(VISUAL_LEAD_IN_S);
        let clock = match live {
            Ok(live) => Clock::Audio {
                live,
                running,
                held: Visual::new(bpm, mode, visual_lead),
            },
            Err(_) => Clock::Visual(Visual::new(bpm, mode, visual_lead)),
        };
        let clock = Rc::new(clock);
        let frame = Rc::new(RefCell::new(None));
        next_frame(
            Rc::downgrade(&clock),
            Rc::new(on_cue),
            Rc::downgrade(&frame),
        );
        Beat {
            clock,
            _frame: frame,
        }
    }

    /// Whether the beat can be heard at all (false: shown only).
    pub fn has_sound(&self) -> bool {
        matches!(*self.clock, Clock::Audio { .. })
    }

    /// Resumes held sound (from a tap or click).
    pub fn resume(&self) {
        if let Clock::Audio { live, .. } = &*self.clock {
            live.resume();
        }
    }

    /// Silences the clicks; the visual beat and vibration go on.
    pub fn set_muted(&self, muted: bool) {
        if let Clock::Audio { live, .. } = &*self.clock {
            live.set_muted(muted);
        }
    }
}
