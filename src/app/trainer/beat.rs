//! The metronome as the pages use it: the audio clock's clicks, plus a
//! visual beat and a short vibration for every click *as it is heard* (the
//! animation frame compares the audio clock, less the output latency, with
//! the scheduled events).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_render::AnimationFrame;

use crate::adapters::audio::{AudioError, LiveMetronome};
use crate::adapters::haptics;
use crate::trainer::metronome::{Cue, Mode};

/// A running metronome and its visual beat; everything stops when dropped.
pub struct Beat {
    metronome: Rc<LiveMetronome>,
    _frame: Rc<RefCell<Option<AnimationFrame>>>,
}

fn next_frame(
    metronome: Weak<LiveMetronome>,
    on_cue: Rc<dyn Fn(Cue)>,
    slot: Weak<RefCell<Option<AnimationFrame>>>,
) {
    let Some(strong) = slot.upgrade() else { return };
    let again = slot.clone();
    let handle = gloo_render::request_animation_frame(move |_| {
        let Some(m) = metronome.upgrade() else { return };
        for e in m.take_heard() {
            if matches!(e.cue, Cue::Compression { .. }) {
                haptics::pulse(25);
            }
            on_cue(e.cue);
        }
        next_frame(metronome, on_cue, again);
    });
    *strong.borrow_mut() = Some(handle);
}

impl Beat {
    /// Starts the metronome (call from a tap: browsers allow sound only
    /// then) and calls `on_cue` for every click as it is heard.
    pub fn start(bpm: u32, mode: Mode, on_cue: impl Fn(Cue) + 'static) -> Result<Beat, AudioError> {
        let metronome = Rc::new(LiveMetronome::start(bpm, mode)?);
        let frame = Rc::new(RefCell::new(None));
        next_frame(
            Rc::downgrade(&metronome),
            Rc::new(on_cue),
            Rc::downgrade(&frame),
        );
        Ok(Beat {
            metronome,
            _frame: frame,
        })
    }

    /// Whether sound is playing (a browser may hold it until a tap).
    pub fn is_running(&self) -> bool {
        self.metronome.is_running()
    }

    /// Resumes held sound (from a tap).
    pub fn resume(&self) {
        self.metronome.resume();
    }
}
