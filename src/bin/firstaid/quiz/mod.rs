//! `firstaid quiz`: exams drawn ([`sample`]) and re-scored ([`score`]) with
//! the app's own code.

pub mod sample;
pub mod score;

/// Exams: draw one with its answer key, or re-score transcripts.
#[derive(clap::Subcommand)]
pub enum Command {
    Sample(sample::Args),
    Score(score::Args),
}
