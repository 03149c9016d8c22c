//! The time spent in a lesson: its screen on view, from the first step to
//! the passed knowledge check (what the learner's record and xAPI's
//! "completed" statement report). Kept in the lesson's progress
//! ([`crate::progress::Progress::add_time`], which counts each stretch up
//! to 5 minutes) at every step, when the page is hidden, when the check is
//! passed and when the learner leaves the lesson.

use std::sync::Arc;

use leptos::prelude::*;

use crate::adapters::visible_time::VisibleTime;
use crate::app::state::AppState;
use crate::progress::Progress;

/// A lesson's clock, provided as context by the lesson player.
#[derive(Clone)]
pub struct LessonClock {
    watch: VisibleTime,
    lesson: Arc<str>,
}

impl LessonClock {
    /// Starts the clock of `lesson` and saves its time when the page is
    /// hidden and when the calling component goes away.
    pub fn start(state: AppState, lesson: &str) -> LessonClock {
        let id: Arc<str> = lesson.into();
        let on_hide = id.clone();
        // Nothing to add is nothing to save (a page hidden and shown again
        // at once, or left right after a step saved its time).
        let watch = VisibleTime::start(move |ms| {
            if ms > 0 {
                state.update_progress(|p| p.add_time(&on_hide, ms));
            }
        });
        let clock = LessonClock { watch, lesson: id };
        let on_leave = clock.clone();
        on_cleanup(move || {
            let ms = on_leave.watch.take();
            if ms > 0 {
                state.update_progress(|p| p.add_time(&on_leave.lesson, ms));
            }
        });
        clock
    }

    /// Adds the time since the last call to the lesson's progress (to be
    /// called inside [`AppState::update_progress`], before what changes).
    pub fn add_to(&self, p: &mut Progress) {
        p.add_time(&self.lesson, self.watch.take());
    }
}
