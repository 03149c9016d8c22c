//! The compression trainer's pure core: the metronome's scheduling
//! arithmetic ([`metronome`]), the analysis of compressions marked by taps
//! ([`taps`]), and compressions and depths from the accelerometer
//! ([`motion`]; with generated traces to test it, [`synth`], and its
//! scoring against the truth and a textbook baseline, [`accuracy`]). The
//! browser adapters (Web Audio, pointer and key events, device motion) feed
//! these with times and samples and play or show what they compute.

pub mod accuracy;
pub mod csv;
pub mod examples;
pub mod metronome;
pub mod motion;
pub mod onsets;
pub mod score;
pub mod session;
pub mod synth;
pub mod taps;

/// The compression rate range every profile teaches (per minute): AHA
/// 2025 and ERC 2025 give 100–120/min; RCSC's figure is not verified in the
/// reference and is taught as 100–120 with a review flag in the lessons.
pub const RATE_MIN: f64 = 100.0;
pub const RATE_MAX: f64 = 120.0;
