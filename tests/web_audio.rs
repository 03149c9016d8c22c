//! The metronome's audio graph, rendered through an `OfflineAudioContext`
//! in headless Chromium: every click starts within one sample of its ideal
//! time, none is lost or repeated, in both modes and at common sample rates.
#![cfg(target_arch = "wasm32")]

use firstaid::adapters::audio::{click_onsets, render};
use firstaid::trainer::metronome::{Cue, Mode};
use firstaid::trainer::onsets::grid_error;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders and returns (max, mean) onset error in samples and the counts
/// of (compression, breath) events.
async fn check(bpm: u32, mode: Mode, seconds: f64, rate: f32) -> ((f64, f64), (usize, usize)) {
    let (buffer, events) = render(bpm, mode, 0.1, seconds, rate).await.unwrap();
    let onsets = click_onsets(&buffer).unwrap();
    let ideal: Vec<f64> = events.iter().map(|e| e.time).collect();
    let err = grid_error(&onsets, &ideal, rate as f64)
        .unwrap_or_else(|| panic!("{} onsets for {} events", onsets.len(), ideal.len()));
    let breaths = events
        .iter()
        .filter(|e| matches!(e.cue, Cue::Breath { .. }))
        .count();
    (err, (events.len() - breaths, breaths))
}

#[wasm_bindgen_test]
async fn continuous_clicks_land_on_the_grid() {
    for rate in [44_100.0, 48_000.0] {
        let ((max, _), (compressions, breaths)) = check(110, Mode::Continuous, 30.0, rate).await;
        assert!(max <= 1.0, "{rate} Hz: {max} samples");
        // Beats at 0.1 + k·60/110 s within 30 s.
        assert_eq!((compressions, breaths), (55, 0));
    }
}

#[wasm_bindgen_test]
async fn thirty_two_has_thirty_clicks_then_two_breaths() {
    let ((max, _), (compressions, breaths)) =
        check(120, Mode::ThirtyTwo { pause_s: 5.0 }, 40.0, 48_000.0).await;
    assert!(max <= 1.0, "{max} samples");
    // One cycle: 30 beats in 15 s, a 5 s pause with two breath prompts, then
    // the next 30 beats start at 20.1 s (the last at 34.6 s).
    assert_eq!((compressions, breaths), (60, 4));
}
