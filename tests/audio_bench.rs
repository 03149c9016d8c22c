//! `cargo xtask bench` (not part of the test suite: it needs the `bench`
//! feature): the metronome's timing, measured in headless Chromium.
//!
//! 1. Ten minutes at 110/min rendered through an `OfflineAudioContext` by
//!    the app's own audio graph; click onsets found in the buffer, their
//!    error against the ideal grid in samples.
//! 2. For comparison, in the same run: a naive metronome that "clicks"
//!    from `setInterval(60000 / 110)` while the main thread is busy (40 ms
//!    of work every 100 ms, like a page rendering), its tick times
//!    (`performance.now()`) against the same grid, in samples at 48 kHz.
//!    It runs for 30 s of real time (ten minutes would make the benchmark
//!    ten minutes long); its drift only grows with time.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use firstaid::adapters::audio::{click_onsets, render};
use firstaid::trainer::metronome::Mode;
use firstaid::trainer::onsets::grid_error;
use gloo_timers::callback::Interval;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RATE: f32 = 48_000.0;
const BPM: u32 = 110;

fn now_ms() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
async fn metronome_timing() {
    let seconds = 600.0;
    let started = now_ms();
    let (buffer, events) = render(BPM, Mode::Continuous, 0.1, seconds, RATE)
        .await
        .unwrap();
    let render_ms = now_ms() - started;
    let onsets = click_onsets(&buffer).unwrap();
    let ideal: Vec<f64> = events.iter().map(|e| e.time).collect();
    let (max, mean) = grid_error(&onsets, &ideal, RATE as f64).expect("one onset per beat");

    // The naive metronome, 30 s under load.
    let ticks = Rc::new(RefCell::new(Vec::<f64>::new()));
    let t = ticks.clone();
    let period_ms = 60_000.0 / BPM as f64;
    let start = now_ms();
    let naive = Interval::new(period_ms as u32, move || t.borrow_mut().push(now_ms()));
    let busy = Interval::new(100, || {
        let until = now_ms() + 40.0;
        while now_ms() < until {}
    });
    gloo_timers::future::TimeoutFuture::new(30_000).await;
    drop((naive, busy));
    let ticks = ticks.borrow();
    let naive_ideal: Vec<f64> = (1..=ticks.len())
        .map(|k| (start + k as f64 * period_ms) / 1000.0)
        .collect();
    let errors: Vec<f64> = ticks
        .iter()
        .zip(&naive_ideal)
        .map(|(t, i)| (t / 1000.0 - i).abs() * RATE as f64)
        .collect();
    let naive_max = errors.iter().copied().fold(0.0, f64::max);
    let naive_mean = errors.iter().sum::<f64>() / errors.len().max(1) as f64;

    console_log!("== Metronome timing (samples at 48 kHz; target ≤ 1 sample) ==");
    console_log!(
        "Web Audio look-ahead, 10 min at {BPM}/min offline: {} clicks, max {max:.2}, mean {mean:.2} samples (render {render_ms:.0} ms)",
        onsets.len()
    );
    console_log!(
        "naive setInterval, 30 s under a busy main thread: {} ticks, max {naive_max:.0}, mean {naive_mean:.0} samples ({:.1} ms / {:.1} ms)",
        ticks.len(),
        naive_max / 48.0,
        naive_mean / 48.0
    );
    console_log!(
        "ratio of mean errors (naive / Web Audio): {:.0}×",
        naive_mean / mean.max(1e-9)
    );
}
