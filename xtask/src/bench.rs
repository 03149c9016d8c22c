//! `cargo xtask bench`: figures, never pass/fail.
//! - Motion analysis accuracy on generated traces (`--motion` runs only
//!   this): ours and the textbook baseline against the truth.
//! - The metronome's timing in headless Chromium (`tests/audio_bench.rs`,
//!   behind the `bench` feature): ten minutes rendered offline by the app's
//!   audio graph, click onsets against the ideal grid in samples, beside a
//!   naive `setInterval` metronome under a busy main thread.
//! - Records verified per second on one core (`firstaid verify --repeat`,
//!   release build) on the example record, and that record's QR size.
//! - Size of every shipped file, raw / gzip / brotli, the first load of `/`
//!   and the app's wasm modules (`crate::sizes`).
//! - Lighthouse mobile on `/` and a lesson page, and the time from a tap
//!   to a page whose chunk is not loaded yet (`crate::lighthouse`).
//!
//! Each figure is printed beside its target.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result};

use firstaid::trainer::accuracy::{self, Accuracy, Tally};
use firstaid::trainer::{motion, synth};

use crate::{dist, lighthouse, sh, sizes, tools};

/// Traces per kind and their first seed (fixed, so the figures repeat).
const MOTION_TRACES: u64 = 20;
const MOTION_SEED: u64 = 20_250_000;

/// The motion analysis against generated traces with ground truth
/// (`firstaid::trainer::synth`), scored by `firstaid::trainer::accuracy`:
/// ours and the textbook baseline, beside the targets and the literature.
pub fn motion_accuracy() -> Result<()> {
    println!(
        "\n== Motion analysis accuracy ({MOTION_TRACES} steady + {MOTION_TRACES} hard generated traces, 2 min each) =="
    );
    let kinds = [
        ("steady", synth::TraceSpec::steady(), 1.0),
        ("hard", synth::TraceSpec::hard(), 1.5),
    ];
    let (mut minutes, mut ours_time, mut base_time) = (0.0, Duration::ZERO, Duration::ZERO);
    let mut rows = Vec::new();
    let mut live_rows = Vec::new();
    for (k, (name, spec, depth_target)) in kinds.iter().enumerate() {
        let (mut ours, mut base) = (Tally::new(), Tally::new());
        let mut live = LiveFigures::default();
        for i in 0..MOTION_TRACES {
            let trace = synth::generate(spec, MOTION_SEED + 1000 * k as u64 + i);
            minutes += spec.duration_s / 60.0;
            let t = std::time::Instant::now();
            let (found, _) = motion::analyze(&trace.samples);
            ours_time += t.elapsed();
            let t = std::time::Instant::now();
            let b = accuracy::baseline(&trace.samples);
            base_time += t.elapsed();
            ours.add(&accuracy::estimate(&found), &trace.truth);
            base.add(&accuracy::estimate(&b), &trace.truth);
            live.add(&trace, &found);
        }
        rows.push((*name, ours.accuracy(), base.accuracy(), *depth_target));
        live_rows.push((*name, live));
    }
    let pct = |x: f64| format!("{:.2}%", 100.0 * x);
    let mm = |x: Option<f64>| x.map_or("n/a".into(), |v| format!("{v:.2} mm"));
    let per_min = |x: Option<f64>| x.map_or("n/a".into(), |v| format!("{v:.3}/min"));
    println!(
        "{:<8} {:<28} {:>12} {:>12}   target",
        "traces", "figure", "ours", "baseline"
    );
    for (name, o, b, depth_target) in &rows {
        let line = |figure: &str, f: &dyn Fn(&Accuracy) -> String, target: String| {
            println!(
                "{name:<8} {figure:<28} {:>12} {:>12}   {target}",
                f(o),
                f(b)
            );
        };
        line("sensitivity", &|a| pct(a.sensitivity), "≥ 99.5%".into());
        line("PPV", &|a| pct(a.ppv), "≥ 99.5%".into());
        line(
            "depth error, mean",
            &|a| mm(a.depth_mean_mm),
            format!("≤ {depth_target:.1} mm"),
        );
        line("depth error, 95th pct", &|a| mm(a.depth_p95_mm), "".into());
        line("depth error, max", &|a| mm(a.depth_max_mm), "".into());
        line(
            "depth bias (est − true)",
            &|a| mm(a.depth_bias_mm),
            "".into(),
        );
        line(
            "rate error, mean (5 comp.)",
            &|a| per_min(a.rate_mean_err_per_min),
            "≤ 0.15/min".into(),
        );
        line(
            "timing bias (est − true)",
            &|a| {
                a.timing_bias_ms
                    .map_or("n/a".into(), |v| format!("{v:+.1} ms"))
            },
            "".into(),
        );
        println!(
            "{name:<8} {:<28} {:>12} {:>12}",
            "compressions (true / found)",
            format!("{} / {}", o.truth, o.estimated),
            format!("{} / {}", b.truth, b.estimated)
        );
    }
    live_table(&rows, &live_rows);
    println!(
        "literature: published accelerometer feedback, depth error 1.4–2 mm \
         (Song et al. 2015; González-Otero et al. 2014; Aase & Myklebust 2002)"
    );
    println!(
        "runtime per trace-minute: ours {:.3} ms, baseline {:.3} ms (native, {} build)",
        ours_time.as_secs_f64() * 1000.0 / minutes,
        base_time.as_secs_f64() * 1000.0 / minutes,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    Ok(())
}

/// The provisional depths of one kind of trace, fed sample by sample.
#[derive(Default)]
struct LiveFigures {
    first: Tally,
    last: Tally,
    latency_ms: Vec<f64>,
    finals_differ: usize,
}

impl LiveFigures {
    fn add(&mut self, trace: &synth::Trace, found: &[motion::MotionCompression]) {
        let (finals, live) = accuracy::live_strokes(&trace.samples);
        if finals != found {
            self.finals_differ += 1;
        }
        let est = |f: &dyn Fn(&accuracy::LiveStroke) -> motion::Provisional| {
            live.iter()
                .map(|l| (f(l).t_ms, Some(f(l).depth_mm)))
                .collect::<Vec<_>>()
        };
        self.first.add(&est(&|l| l.first), &trace.truth);
        self.last.add(&est(&|l| l.last), &trace.truth);
        self.latency_ms
            .extend(accuracy::live_latency(&live, &trace.truth));
    }
}

/// The provisional depths (first value, last value before the final one)
/// beside the final ones, and how soon the first came after the stroke's
/// end.
fn live_table(rows: &[(&str, Accuracy, Accuracy, f64)], live: &[(&str, LiveFigures)]) {
    println!("\n-- Provisional depth (live, fed sample by sample; shown until the final value) --");
    println!(
        "{:<8} {:<28} {:>12} {:>12} {:>12}   target",
        "traces", "figure", "final", "prov. first", "prov. last"
    );
    let mm = |x: Option<f64>| x.map_or("n/a".into(), |v| format!("{v:.2} mm"));
    for ((name, fin, _, _), (_, l)) in rows.iter().zip(live) {
        let (first, last) = (l.first.accuracy(), l.last.accuracy());
        let target = if *name == "hard" {
            "≤ 1.5 mm (prov. first)"
        } else {
            ""
        };
        println!(
            "{name:<8} {:<28} {:>12} {:>12} {:>12}   {target}",
            "depth error, mean",
            mm(fin.depth_mean_mm),
            mm(first.depth_mean_mm),
            mm(last.depth_mean_mm)
        );
        println!(
            "{name:<8} {:<28} {:>12} {:>12} {:>12}",
            "depth error, 95th pct",
            mm(fin.depth_p95_mm),
            mm(first.depth_p95_mm),
            mm(last.depth_p95_mm)
        );
        println!(
            "{name:<8} {:<28} {:>12} {:>12} {:>12}",
            "depth bias (est − true)",
            mm(fin.depth_bias_mm),
            mm(first.depth_bias_mm),
            mm(last.depth_bias_mm)
        );
        println!(
            "{name:<8} {:<28} {:>12} {:>12} {:>12}",
            "compressions (true / found)",
            format!("{} / {}", fin.truth, fin.estimated),
            format!("{} / {}", first.truth, first.estimated),
            ""
        );
        let q = |p: f64| {
            accuracy::quantile(&l.latency_ms, p).map_or("n/a".into(), |v| format!("{v:.0} ms"))
        };
        println!(
            "{name:<8} {:<28} {:>12} {:>12} {:>12}   ≤ 600 ms",
            "first value after stroke end",
            format!("p50 {}", q(0.5)),
            format!("p95 {}", q(0.95)),
            format!("max {}", q(1.0)),
        );
        println!(
            "{name:<8} {:<28} {:>12}",
            "finals changed by feeding",
            format!("{} traces", l.finals_differ)
        );
    }
}

/// Records verified per second by the release CLI, and the example
/// record's QR code.
pub fn records() -> Result<()> {
    use firstaid::content::{Curriculum, CONTENT_VERSION};
    use firstaid::records::{example, payload::Qr};
    println!("\n== Records ==");
    let c = Curriculum::embedded().map_err(|p| anyhow::anyhow!(p.join("; ")))?;
    let record = example::record(&c, CONTENT_VERSION);
    let text = record.to_qr_text();
    let qr = Qr::new(&text).context("the example record fits a QR code")?;
    println!(
        "example record (8 lessons, a 20-question exam, a trainer summary): {} bytes, QR text {} characters, QR version {} at level M   target ≤ 25",
        record.to_bytes().len(),
        text.len(),
        qr.version()
    );
    let dir = sh::root().join("target/bench");
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("record.json");
    std::fs::write(&file, record.to_json())?;
    let cargo = || Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    sh::run(cargo().args(["build", "--release", "--bin", "firstaid"]))?;
    let out = Command::new(sh::target_dir().join("release").join("firstaid"))
        .args(["verify", "--repeat", "20000"])
        .arg(&file)
        .output()
        .context("running firstaid verify")?;
    let figure = String::from_utf8_lossy(&out.stderr);
    println!("{}   target ≥ 10000 records per second", figure.trim());
    Ok(())
}

/// The metronome benchmark: a wasm-bindgen test that prints its figures
/// (it asserts only that every click was found).
pub fn metronome_timing() -> Result<()> {
    println!("\n== Metronome timing (headless Chromium) ==");
    sh::run(&mut crate::test::browser_tests(
        &[
            "--features",
            "bench",
            "--test",
            "audio_bench",
            "--",
            "--nocapture",
        ],
        600,
    ))
}

pub fn run() -> Result<()> {
    motion_accuracy()?;
    records()?;
    tools::ensure_test_tools()?;
    metronome_timing()?;
    let out = built(None)?;
    sizes::report(out)?;
    lighthouse::report(out)
}

/// The dist folder `dir`, or a release build made into `target/bench/dist`.
pub(crate) fn built(dir: Option<&Path>) -> Result<&Path> {
    match dir {
        Some(d) => Ok(d),
        None => {
            let out = Path::new("target/bench/dist");
            dist::build(out, "bench")?;
            Ok(out)
        }
    }
}

/// `--lighthouse [--dir DIR]`: the Lighthouse and tap-to-content figures
/// of the dist folder `dir` (or of a release build made into
/// `target/bench/dist`).
pub fn build_lighthouse(dir: Option<&Path>) -> Result<()> {
    tools::ensure_test_tools()?;
    lighthouse::report(built(dir)?)
}

/// `--sizes [--dir DIR] [--check]`: the size tables of the dist folder
/// `dir` (or of a release build made into `target/bench/dist`), and with
/// `check` the first load against the committed budget.
pub fn build_sizes(dir: Option<&Path>, check: bool) -> Result<()> {
    let total = sizes::report(built(dir)?)?;
    if check {
        sizes::check(total.brotli)?;
    }
    Ok(())
}
