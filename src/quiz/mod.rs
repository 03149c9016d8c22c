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
