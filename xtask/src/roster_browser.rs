//! `cargo xtask bench --roster --browser [--dir DIR]`: the scan on a phone.
//! `tests/e2e/bench/roster-scan.mjs` opens the class page of a roster of
//! N−1 learners (each with a certificate; seeded into `localStorage` as the
//! app's own store writes it, see [`crate::roster_bench::stored`]) on a
//! 390×844 phone with Chromium's 4× CPU slowdown, pastes the N-th learner's
//! record and times the tap on "Check" until the roster shows N rows and
//! that frame is painted (a fresh page each run; release build). Printed:
//! the median of [`RUNS`] runs at 10, 50 and 200 rows, the fastest and
//! slowest, the characters the scan wrote to `localStorage` and how many
//! it holds. Opt-in: it needs Chromium, `npm ci` in tests/e2e and a dist
//! (built into target/bench/dist unless `--dir` names one).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use serde_json::{json, Value};

use firstaid::content::Curriculum;

use crate::roster_bench::{day, stored, SIZES, TARGET_MS};
use crate::{lighthouse, route_change::median, sh};

/// Runs per roster size.
const RUNS: usize = 5;

/// Writes `roster-N.json` for every size into `dir`: what `localStorage`
/// holds, the assignment's id and the next learner's record.
fn write_seeds(dir: &Path) -> Result<()> {
    let c = Curriculum::embedded().map_err(|e| anyhow::anyhow!("{e:?}"))?;
    std::fs::create_dir_all(dir)?;
    for n in SIZES {
        let d = day(&c, n)?;
        let seed = json!({
            "storage": stored(&d.doc)?,
            "id": d.assignment.body.id,
            "next": d.next,
        });
        std::fs::write(dir.join(format!("roster-{n}.json")), seed.to_string())?;
    }
    Ok(())
}

/// One size's runs: milliseconds, characters written, stored.
struct Size {
    n: u64,
    ms: Vec<f64>,
    written: f64,
    writes: f64,
    stored: f64,
}

fn parse(text: &str) -> Result<Vec<Size>> {
    let v: Value = serde_json::from_str(text).context("the roster-scan output is not JSON")?;
    v.as_array()
        .context("no sizes")?
        .iter()
        .map(|s| {
            let runs = s["runs"].as_array().context("no runs")?;
            let all = |k: &str| -> Vec<f64> { runs.iter().filter_map(|r| r[k].as_f64()).collect() };
            let one = |k: &str| median(&all(k)).with_context(|| format!("no {k}"));
            Ok(Size {
                n: s["n"].as_u64().context("no n")?,
                ms: all("ms"),
                written: one("written")?,
                writes: one("writes")?,
                stored: one("stored")?,
            })
        })
        .collect()
}

/// The browser figures of the dist folder `dir`.
pub fn report(dir: &Path) -> Result<()> {
    anyhow::ensure!(
        Path::new("tests/e2e/node_modules/@playwright/test").exists(),
        "Playwright is missing: run `npm ci` in tests/e2e"
    );
    let seeds = PathBuf::from("target/bench/roster");
    write_seeds(&seeds)?;
    let server = lighthouse::Server::start(dir)?;
    let text = sh::output(
        Command::new("node")
            .arg("tests/e2e/bench/roster-scan.mjs")
            .arg(&server.origin)
            .arg(&seeds)
            .arg(RUNS.to_string())
            .args(SIZES.map(|n| n.to_string())),
    )?;
    println!(
        "\n== One more learner on the roster, in the browser (phone 390×844, 4× CPU through DevTools, \
         release build; median of {RUNS} runs) =="
    );
    println!(
        "{:>6} {:>14} {:>20} {:>18} {:>16}   target",
        "rows", "tap → shown", "fastest – slowest", "written per scan", "stored"
    );
    for s in parse(&text)? {
        let lo = s.ms.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = s.ms.iter().copied().fold(0.0, f64::max);
        println!(
            "{:>6} {:>11.0} ms {:>20} {:>18} {:>13.0} KB   ≤ {TARGET_MS} ms",
            s.n,
            median(&s.ms).unwrap_or(f64::NAN),
            format!("{lo:.0} – {hi:.0} ms"),
            format!("{:.1} KB in {:.0}", s.written / 1000.0, s.writes),
            s.stored / 1000.0,
        );
    }
    println!(
        "written and stored: characters of localStorage values (keys included in stored); \
         tap → shown: the tap on Check until the frame with the new row is painted"
    );
    Ok(())
}
