//! Tap to content (issue 16), part of `cargo xtask bench --lighthouse`:
//! `tests/e2e/bench/route-change.mjs` opens `/` on a phone with
//! Lighthouse's mobile throttling, taps a tab whose page is in a chunk not
//! loaded yet (lessons, quiz, trainer; a fresh page each run) and times the
//! tap until the page's own heading shows. Printed: the median of [`RUNS`]
//! runs per route, the fastest and slowest, and the chunk bytes fetched.

use std::process::Command;

use anyhow::{Context, Result};
use serde_json::Value;

use crate::sh;

/// Runs per route.
const RUNS: usize = 5;

/// One route's runs: the time from tap to content, the wasm bytes and the
/// wasm files fetched after the tap, and their content encodings.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    pub route: String,
    pub ms: Vec<f64>,
    pub chunk_bytes: Vec<f64>,
    pub chunks: usize,
    pub encodings: Vec<String>,
    /// The heading that ended the timing (the first run's).
    pub heading: String,
}

/// The routes of the script's JSON output; an error when a route has no
/// run or a run has no time.
pub fn parse(text: &str) -> Result<Vec<Route>> {
    let v: Value = serde_json::from_str(text).context("the route-change output is not JSON")?;
    let routes = v["routes"].as_array().context("no routes")?;
    routes
        .iter()
        .map(|r| {
            let route = r["route"].as_str().context("a route without a path")?;
            let runs = r["runs"].as_array().filter(|a| !a.is_empty());
            let runs = runs.with_context(|| format!("{route}: no runs"))?;
            let num = |run: &Value, k: &str| {
                run[k]
                    .as_f64()
                    .with_context(|| format!("{route}: a run without {k}"))
            };
            let mut chunks = 0;
            let mut encodings = Vec::new();
            for run in runs {
                let names = run["chunks"].as_array().map_or(0, Vec::len);
                chunks = chunks.max(names);
                for e in run["encodings"].as_array().into_iter().flatten() {
                    let e = e.as_str().unwrap_or("?").to_owned();
                    if !encodings.contains(&e) {
                        encodings.push(e);
                    }
                }
            }
            Ok(Route {
                route: route.to_owned(),
                ms: runs.iter().map(|x| num(x, "ms")).collect::<Result<_>>()?,
                chunk_bytes: runs
                    .iter()
                    .map(|x| num(x, "chunk_bytes"))
                    .collect::<Result<_>>()?,
                chunks,
                encodings,
                heading: runs[0]["heading"].as_str().unwrap_or("").to_owned(),
            })
        })
        .collect()
}

/// The median (the mean of the middle two for an even count); `None` for
/// no values.
pub fn median(xs: &[f64]) -> Option<f64> {
    let mut xs = xs.to_vec();
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(xs[n / 2]),
        _ => Some((xs[n / 2 - 1] + xs[n / 2]) / 2.0),
    }
}

/// Runs the script against the server at `origin` and prints its table.
pub fn report(origin: &str) -> Result<()> {
    let text = sh::output(
        Command::new("node")
            .arg("tests/e2e/bench/route-change.mjs")
            .arg(origin)
            .arg(RUNS.to_string()),
    )?;
    let routes = parse(&text)?;
    println!(
        "\n== Tap to content (phone 390×844, Lighthouse's slow 4G and 4× CPU through DevTools, \
         no service worker; median of {RUNS} runs) =="
    );
    println!(
        "{:<10} {:>14} {:>18} {:>20} {:>8}   heading shown",
        "route", "tap → content", "fastest – slowest", "wasm fetched", "files"
    );
    for r in &routes {
        let s = |ms: f64| format!("{:.2} s", ms / 1000.0);
        let lo = r.ms.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = r.ms.iter().copied().fold(0.0, f64::max);
        let bytes = median(&r.chunk_bytes).unwrap_or(0.0);
        println!(
            "{:<10} {:>14} {:>18} {:>20} {:>8}   {}",
            r.route,
            median(&r.ms).map_or("n/a".into(), s),
            format!("{} – {}", s(lo), s(hi)),
            format!("{:.0} KiB {}", bytes / 1024.0, r.encodings.join("/")),
            r.chunks,
            r.heading
        );
    }
    println!(
        "wasm fetched: asked for between the tap and the content (not what the page then fetches at idle), \
         bodies as sent plus headers; xtask serve speaks HTTP/1.1, \
         so at most 6 files load at once, each after the throttled 562 ms latency"
    );
    println!(
        "before splitting: nothing to fetch on a route change (the whole app came with the first load)"
    );
    Ok(())
}
