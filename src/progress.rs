//! Learning progress per lesson, kept in the store. Keyed by the stable ids
//! of lessons and steps (never by position), so rewording or reordering
//! content keeps everyone's progress.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// Progress in all lessons.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub lessons: BTreeMap<String, LessonProgress>,
}

/// Progress in one lesson.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// The step to resume at; `None` before the first visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// True while the learner is at the knowledge check.
    #[serde(default)]
    pub at_check: bool,
    /// Steps seen at least once.
    #[serde(default)]
    pub seen: BTreeSet<String>,
    /// When the knowledge check was passed (ISO 8601, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    /// Time spent in the lesson so far, in ms ([`Progress::add_time`]);
    /// `None` for a lesson begun before the app measured it (schema < 12),
    /// whose time is not known and stays unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_ms: Option<u64>,
    /// The time spent until the knowledge check was first passed: what
    /// the learner's record and xAPI's "completed" statement report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_to_complete_ms: Option<u64>,
}

/// The most one stretch of time in a lesson counts
/// ([`Progress::add_time`]): 5 minutes. Longer than any step takes to
/// read and act out, so only a phone left open on a step is cut short.
pub const MAX_STRETCH_MS: u64 = 5 * 60 * 1000;

/// Where a learner resumes a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    Step(usize),
    Check,
}

impl Progress {
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.lessons.get(id)
    }

    /// The lessons opened: a step seen, the check reached or passed (by
    /// id, in id order). Time alone is not: it counts a lesson's title.
    pub fn studied(&self) -> Vec<String> {
        self.lessons
            .iter()
            .filter(|(_, l)| !l.seen.is_empty() || l.at_check || l.completed_at.is_some())
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The lesson's progress, begun now if it was not (a lesson begun by
    /// this app is timed from its start).
    fn begin(&mut self, lesson: &str) -> &mut LessonProgress {
        self.lessons
            .entry(lesson.to_owned())
            .or_insert_with(|| LessonProgress {
                time_ms: Some(0),
                ..LessonProgress::default()
            })
    }

    /// Records that the learner is at step `step_id`.
    pub fn visit_step(&mut self, lesson: &str, step_id: &str) {
        let p = self.begin(lesson);
        p.current = Some(step_id.to_owned());
        p.at_check = false;
        p.seen.insert(step_id.to_owned());
    }

    /// Records that the learner reached the knowledge check.
    pub fn visit_check(&mut self, lesson: &str) {
        self.begin(lesson).at_check = true;
    }

    /// Adds a stretch of `ms` spent in the lesson (on its screen, the page
    /// visible), counting at most [`MAX_STRETCH_MS`]. A lesson not timed
    /// from its start stays untimed.
    pub fn add_time(&mut self, lesson: &str, ms: u64) {
        if let Some(t) = self.begin(lesson).time_ms.as_mut() {
            *t = t.saturating_add(ms.min(MAX_STRETCH_MS));
        }
    }

    /// Marks the lesson complete; the first completion's time and the
    /// time spent until then are kept.
    pub fn complete(&mut self, lesson: &str, at: &str) {
        let p = self.begin(lesson);
        if p.completed_at.is_none() {
            p.completed_at = Some(at.to_owned());
            p.time_to_complete_ms = p.time_ms;
        }
    }

    pub fn is_complete(&self, lesson: &str) -> bool {
        self.lesson(lesson)
            .is_some_and(|p| p.completed_at.is_some())
    }

    /// Where to resume, given the lesson's step ids in order. A step id that
    /// no longer exists resumes at the start.
    pub fn resume<S: AsRef<str>>(&self, lesson: &str, steps: &[S]) -> Resume {
        let Some(p) = self.lesson(lesson) else {
            return Resume::Step(0);
        };
        if p.at_check {
            return Resume::Check;
        }
        let at = p
            .current
            .as_deref()
            .and_then(|c| steps.iter().position(|s| s.as_ref() == c));
        Resume::Step(at.unwrap_or(0))
    }

    /// Steps seen out of `steps` (ids that no longer exist do not count).
    pub fn seen_count<S: AsRef<str>>(&self, lesson: &str, steps: &[S]) -> usize {
        self.lesson(lesson).map_or(0, |p| {
            steps.iter().filter(|s| p.seen.contains(s.as_ref())).count()
        })
    }
}

/// What the home page offers next, given the lessons in their suggested
/// order (each as its id and step ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextUp {
    /// Nothing started yet: begin with the first lesson.
    Start(String),
    /// A lesson begun and not finished: the first such in the suggested
    /// order, where it resumes.
    Continue(String, Resume),
    /// Every lesson begun so far is finished: the next one not begun.
    Next(String),
    /// Every lesson is finished.
    AllDone,
}

impl Progress {
    /// Whether the learner has begun any lesson (the home page greets a
    /// first-time visitor with one "Start learning" action).
    pub fn started<L: AsRef<str>>(&self, lessons: &[L]) -> bool {
        lessons.iter().any(|l| self.lesson(l.as_ref()).is_some())
    }

    /// The lesson to offer next (see [`NextUp`]); lessons not in `lessons`
    /// (since removed) are ignored.
    pub fn next_up<L: AsRef<str>, S: AsRef<str>>(&self, lessons: &[(L, Vec<S>)]) -> NextUp {
        let ids: Vec<&str> = lessons.iter().map(|(l, _)| l.as_ref()).collect();
        let Some(first) = ids.first() else {
            return NextUp::AllDone;
        };
        if !self.started(&ids) {
            return NextUp::Start((*first).to_owned());
        }
        let open = lessons
            .iter()
            .find(|(l, _)| self.lesson(l.as_ref()).is_some() && !self.is_complete(l.as_ref()));
        if let Some((l, steps)) = open {
            return NextUp::Continue(l.as_ref().to_owned(), self.resume(l.as_ref(), steps));
        }
        match ids.iter().find(|l| !self.is_complete(l)) {
            Some(l) => NextUp::Next((*l).to_owned()),
            None => NextUp::AllDone,
        }
    }
}
