//! The quiz engine's pure core: a specified, portable PRNG ([`prng`]), the
//! scoring rules of every question type ([`scoring`]), deterministic drawing
//! ([`exam`]) from the content's exam blueprints ([`blueprint`], re-exported
//! from [`crate::content::blueprint`]), transcripts and
//! their re-scoring ([`transcript`]), spaced repetition ([`leitner`]),
//! practice sessions ([`practice`]) and what the app stores between visits
//! ([`attempt`]).

pub mod attempt;
pub mod blueprint;
pub mod exam;
pub mod leitner;
pub mod practice;
pub mod prng;
pub mod scoring;
pub mod transcript;

use crate::content::Curriculum;

/// Everything wrong with a curriculum, all at once: what
/// [`crate::content::validate`] checks, and that every shipped blueprint can
/// be drawn (pool sizes are checked by drawing, since what a section can
/// draw depends on what earlier sections drew). It lives here, above
/// `content`, so that `content` never depends on the quiz engine.
pub fn validate_curriculum(c: &Curriculum) -> Vec<String> {
    let mut problems = crate::content::validate::validate(c);
    for b in &c.blueprints {
        if let Err(e) = exam::draw(c, "validate", b, 0) {
            problems.push(format!("blueprint {}: {e}", b.id));
        }
    }
    problems
}
