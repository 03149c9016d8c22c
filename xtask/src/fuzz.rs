//! `cargo xtask fuzz [--seconds N]`: every decoder a user can feed, under
//! libFuzzer (cargo-fuzz, nightly Rust, AddressSanitizer), each for N
//! seconds (default 300), from a corpus seeded with valid inputs the app
//! itself makes. Prints executions and crashes per target beside the
//! target (≥ 10 M executions, 0 crashes); fails if a target crashes. `cargo
//! xtask test` runs a short smoke version.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::{sh, tools};

/// The targets in `fuzz/fuzz_targets/`.
pub const TARGETS: [&str; 8] = [
    "record",
    "record_bytes",
    "assignment",
    "backup",
    "transcript",
    "trace_csv",
    "scan",
    "credential",
];

/// Valid inputs for a target's corpus, made by the app's own code.
fn seeds(target: &str) -> Result<Vec<(String, Vec<u8>)>> {
    use firstaid::content::{Curriculum, CONTENT_VERSION};
    use firstaid::records::{example, payload, scan, stored};
    let c = Curriculum::embedded().map_err(|p| anyhow::anyhow!(p.join("; ")))?;
    let record = example::record(&c, CONTENT_VERSION);
    let assignment = example::assignment(&c, CONTENT_VERSION);
    let s = |name: &str, b: Vec<u8>| (name.to_owned(), b);
    Ok(match target {
        "record" => vec![
            s("json", record.to_json().into_bytes()),
            s("qr", record.to_qr_text().into_bytes()),
        ],
        "record_bytes" => vec![s("bytes", record.to_bytes())],
        "credential" => {
            use firstaid::credentials::badge;
            let credential = badge::example();
            vec![
                s(
                    "json",
                    serde_json::to_string_pretty(&credential)?.into_bytes(),
                ),
                s("qr", badge::to_qr_text(&credential)?.into_bytes()),
            ]
        }
        "assignment" => vec![
            s(
                "link",
                assignment.link("https://firstaid.example").into_bytes(),
            ),
            s("qr", assignment.to_qr_text().into_bytes()),
            s("bytes", assignment.to_bytes()),
        ],
        "backup" => {
            // A document with records: keys, an assignment and its roster.
            let mut doc = firstaid::store::Document::with_settings(Default::default());
            let mut roster = firstaid::records::roster::Roster::default();
            roster.add(&record, example::T0 as i64);
            let records = doc.records.typed().map_err(anyhow::Error::msg)?;
            records.learner.key = Some(stored::key_to_hex(&example::learner_key()));
            records.instructor.assignments.push(stored::Issued {
                assignment: assignment.to_qr_text(),
                roster,
            });
            vec![s(
                "backup",
                firstaid::backup::export(&doc, vec![], "0.1.0", "2026-11-29T03:00:00.000Z")
                    .into_bytes(),
            )]
        }
        "transcript" => vec![s(
            "transcript",
            std::fs::read(sh::root().join("tests/golden/transcript-course-rcsc.json"))?,
        )],
        "scan" => {
            // A small code at 2 pixels a module, width first.
            let qr = payload::Qr::new("FAR1:FUZZ").context("a QR code")?;
            let (side, pixels) = scan::render_luma(&qr, 2, 4);
            let mut b = u16::try_from(side)?.to_le_bytes().to_vec();
            b.extend(pixels);
            vec![s("qr", b)]
        }
        "trace_csv" => vec![
            s("taps", b"t_ms\n0\n545\n1090\n1636\n2181\n".to_vec()),
            s(
                "motion",
                b"t_ms,ax,ay,az\n0,0.1,0.2,9.8\n16.7,0.1,0.3,10.4\n33.3,0.1,0.2,9.1\n".to_vec(),
            ),
        ],
        other => bail!("unknown fuzz target {other}"),
    })
}

/// One target's figures.
struct Stats {
    executions: u64,
    per_second: u64,
    /// What libFuzzer reported when the target crashed (its panic message
    /// or sanitizer summary), if it did.
    crash: Option<String>,
}

fn stat(stderr: &str, name: &str) -> Option<u64> {
    stderr.lines().find_map(|l| {
        l.strip_prefix(&format!("stat::{name}:"))
            .and_then(|v| v.trim().parse().ok())
    })
}

fn run_target(target: &str, seconds: u64, profile: &[&str]) -> Result<Stats> {
    let corpus = sh::root().join("target/fuzz-corpus").join(target);
    std::fs::create_dir_all(&corpus)?;
    for (name, bytes) in seeds(target)? {
        std::fs::write(corpus.join(format!("seed-{name}")), bytes)?;
    }
    println!("xtask: fuzzing {target} for {seconds} s");
    let out = Command::new("cargo")
        .args(["+nightly", "fuzz", "run"])
        .args(profile)
        .arg(target)
        .arg(&corpus)
        .args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-print_final_stats=1",
            "-max_len=8192",
        ])
        .current_dir(sh::root())
        .output()
        .context("running cargo fuzz")?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A crash still reports its statistics; the run goes on to the next
    // target, so one crash does not lose the other targets' figures.
    let crash = (!out.status.success()).then(|| {
        stderr
            .lines()
            .find(|l| l.contains("panicked at") || l.contains("ERROR:"))
            .map_or_else(|| format!("exit {}", out.status), |l| l.trim().to_owned())
    });
    Ok(Stats {
        executions: stat(&stderr, "number_of_executed_units").unwrap_or(0),
        per_second: stat(&stderr, "average_exec_per_sec").unwrap_or(0),
        crash,
    })
}

/// How the targets are built.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Optimised (cargo-fuzz's default): the real fuzzing runs.
    Release,
    /// Unoptimised (`--dev`): a smoke run, where a few seconds per target
    /// only check that the seeds and their first mutations do not crash —
    /// building is most of its time, and an unoptimised build of the app
    /// and its dependencies takes about half as long.
    Dev,
}

/// Runs `only` (every target when empty) for `seconds` each, prints the
/// table, and fails if any target crashed.
pub fn run(seconds: u64, only: &[String], build: Build) -> Result<()> {
    tools::ensure_fuzz_tools()?;
    if !Path::new("fuzz/Cargo.toml").exists() {
        bail!("run from the repository root (fuzz/ is missing)");
    }
    for t in only {
        if !TARGETS.contains(&t.as_str()) {
            bail!("unknown fuzz target {t} (targets: {})", TARGETS.join(", "));
        }
    }
    let profile: &[&str] = match build {
        Build::Release => &[],
        Build::Dev => &["--dev"],
    };
    // Every target in one build first (one Cargo run links them in
    // parallel; each run below then finds its binary built).
    let chosen: Vec<&str> = TARGETS
        .into_iter()
        .filter(|t| only.is_empty() || only.iter().any(|o| o == t))
        .collect();
    if chosen.len() == TARGETS.len() {
        sh::run(
            Command::new("cargo")
                .args(["+nightly", "fuzz", "build"])
                .args(profile)
                .current_dir(sh::root()),
        )?;
    }
    let mut rows = Vec::new();
    for target in chosen {
        rows.push((target, run_target(target, seconds, profile)?));
    }
    println!("\n== Fuzzing ({seconds} s per target) ==");
    println!(
        "{:<14} {:>14} {:>10} {:>8}   target",
        "target", "executions", "per s", "crashes"
    );
    for (t, s) in &rows {
        println!(
            "{t:<14} {:>14} {:>10} {:>8}   ≥ 10000000 executions, 0 crashes",
            s.executions,
            s.per_second,
            u8::from(s.crash.is_some())
        );
    }
    let crashed: Vec<String> = rows
        .iter()
        .filter_map(|(t, s)| {
            s.crash
                .as_ref()
                .map(|c| format!("{t}: {c} (input under fuzz/artifacts/{t}/)"))
        })
        .collect();
    if !crashed.is_empty() {
        bail!("fuzz targets crashed:\n{}", crashed.join("\n"));
    }
    Ok(())
}
