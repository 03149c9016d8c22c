//! The quiz engine's pure core: a specified, portable PRNG and the scoring
//! rules of every question type. (Blueprints, deterministic exam sampling,
//! transcripts and spaced repetition build on these.)

pub mod prng;
pub mod scoring;
