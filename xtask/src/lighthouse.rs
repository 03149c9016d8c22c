//! `cargo xtask bench --lighthouse [--dir DIR]` (and part of `bench`): the
//! first-load figures of issue 16, never pass/fail.
//!
//! - Lighthouse mobile (its default: simulated slow 4G and 4× CPU,
//!   headless Chromium) on `/` and on a lesson page, the median of
//!   [`RUNS`] runs per page (picked as Lighthouse's own `computeMedianRun`
//!   does): performance, LCP, TBT, CLS, FCP, Speed Index, time to
//!   interactive and the bytes transferred, beside the targets and
//!   beside `/` before the app was split into chunks.
//! - Tap to content (`crate::route_change`): on the same throttling, the
//!   time from a tap on a tab to that page's content when its chunk is not
//!   loaded yet.
//!
//! Both run against `xtask serve --no-build` of the dist folder (HTTP/1.1
//! on 127.0.0.1, precompressed brotli): bytes transferred are brotli
//! bodies plus response headers (about 0.9 KiB each, mostly the CSP).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::{route_change, sh};

/// Lighthouse runs per page; the median run is shown.
const RUNS: usize = 3;

/// The pages measured: the home page, and a lesson (the first lesson,
/// `content/lessons/01-recognise-and-call.toml`, under `/learn/:lesson`).
pub const PAGES: [&str; 2] = ["/", "/learn/recognise-and-call"];

// `/` before splitting: issue 16's measurement from a clean clone with
// `cargo xtask serve` (Lighthouse mobile, simulated slow 4G and 4× CPU),
// when the app was one 642 KiB (brotli) wasm module.
/// Performance score of `/` before splitting (issue 16).
const BEFORE_PERFORMANCE: f64 = 84.0;
/// First contentful paint of `/` before splitting, in seconds (issue 16:
/// "the first paint at 1.0 s is only 'Loading…'").
const BEFORE_FCP_S: f64 = 1.0;
/// Largest contentful paint of `/` before splitting, in seconds (issue 16).
const BEFORE_LCP_S: f64 = 4.3;
/// Time to interactive of `/` before splitting, in seconds (issue 16).
const BEFORE_TTI_S: f64 = 4.5;
/// First load of `/` before splitting, KiB brotli (issue 16).
const BEFORE_FIRST_LOAD_KIB: f64 = 651.0;

/// The figures of one Lighthouse run (`None`: the report has no value).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub performance: Option<f64>,
    pub accessibility: Option<f64>,
    pub best_practices: Option<f64>,
    pub fcp_ms: Option<f64>,
    pub lcp_ms: Option<f64>,
    pub tbt_ms: Option<f64>,
    pub cls: Option<f64>,
    pub speed_index_ms: Option<f64>,
    pub tti_ms: Option<f64>,
    pub bytes: Option<f64>,
}

impl Figures {
    /// The figures of a Lighthouse JSON report; an error when Lighthouse
    /// says the run failed (`runtimeError`) or the text is not a report.
    pub fn from_report(text: &str) -> Result<Figures> {
        let v: Value = serde_json::from_str(text).context("the Lighthouse report is not JSON")?;
        if let Some(e) = v.get("runtimeError") {
            bail!(
                "Lighthouse could not measure the page: {} {}",
                e["code"].as_str().unwrap_or("?"),
                e["message"].as_str().unwrap_or("")
            );
        }
        if !v["audits"].is_object() || !v["categories"].is_object() {
            bail!("the Lighthouse report has no audits or categories");
        }
        let score = |c: &str| {
            v["categories"][c]["score"]
                .as_f64()
                .map(|s| (s * 100.0).round())
        };
        let audit = |a: &str| v["audits"][a]["numericValue"].as_f64();
        Ok(Figures {
            performance: score("performance"),
            accessibility: score("accessibility"),
            best_practices: score("best-practices"),
            fcp_ms: audit("first-contentful-paint"),
            lcp_ms: audit("largest-contentful-paint"),
            tbt_ms: audit("total-blocking-time"),
            cls: audit("cumulative-layout-shift"),
            speed_index_ms: audit("speed-index"),
            tti_ms: audit("interactive"),
            bytes: audit("total-byte-weight"),
        })
    }
}

/// The median run, as Lighthouse's `computeMedianRun` picks it: the run
/// nearest the median FCP and median time to interactive (LCP when the
/// runs have no TTI), ties to the earlier interactive. Runs without those
/// figures are left out; `None` when none is left.
pub fn median_run(runs: &[Figures]) -> Option<&Figures> {
    let late = |f: &Figures| f.tti_ms.or(f.lcp_ms);
    let valid: Vec<&Figures> = runs
        .iter()
        .filter(|f| f.fcp_ms.is_some() && late(f).is_some())
        .collect();
    let median = |xs: Vec<f64>| {
        let mut xs = xs;
        xs.sort_by(f64::total_cmp);
        let n = xs.len();
        if n % 2 == 1 {
            xs[n / 2]
        } else {
            (xs[n / 2 - 1] + xs[n / 2]) / 2.0
        }
    };
    if valid.is_empty() {
        return None;
    }
    let fcp = median(valid.iter().map(|f| f.fcp_ms.unwrap()).collect());
    let tti = median(valid.iter().map(|f| late(f).unwrap()).collect());
    let distance =
        |f: &Figures| (fcp - f.fcp_ms.unwrap()).powi(2) + (tti - late(f).unwrap()).powi(2);
    valid.into_iter().min_by(|a, b| {
        distance(a)
            .total_cmp(&distance(b))
            .then(late(a).unwrap().total_cmp(&late(b).unwrap()))
    })
}

/// A running `xtask serve --no-build`, killed when dropped.
pub struct Server {
    child: Child,
    stdout: BufReader<ChildStdout>,
    pub origin: String,
}

impl Server {
    /// Serves `dir` on FIRSTAID_BENCH_PORT (default: a free port the
    /// server picks) and waits until it answers `GET /`.
    pub fn start(dir: &Path) -> Result<Server> {
        let port = std::env::var("FIRSTAID_BENCH_PORT").unwrap_or_else(|_| "0".into());
        let mut child = Command::new(std::env::current_exe()?)
            .args(["serve", "--no-build", "--port", &port, "--dir"])
            .arg(dir)
            .stdout(Stdio::piped())
            .spawn()
            .context("cannot start the server")?;
        let stdout = child.stdout.take().context("the server's output")?;
        // From here on, `Drop` kills the server whatever fails.
        let mut server = Server {
            child,
            stdout: BufReader::new(stdout),
            origin: String::new(),
        };
        let mut line = String::new();
        while !line.contains("listening on ") {
            line.clear();
            if server.stdout.read_line(&mut line)? == 0 {
                bail!("the server stopped before it listened");
            }
        }
        let origin = line.rsplit("listening on ").next().unwrap_or("").trim();
        server.origin = origin.to_owned();
        let addr = origin
            .strip_prefix("http://")
            .context("the server's address")?
            .to_owned();
        let deadline = Instant::now() + Duration::from_secs(15);
        while !answers(&addr) {
            if Instant::now() > deadline {
                bail!("the server at {origin} did not answer within 15 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(server)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether `GET /` on `addr` gets a 200.
fn answers(addr: &str) -> bool {
    let Ok(mut s) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET / HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut head = [0u8; 12];
    s.write_all(request.as_bytes()).is_ok()
        && s.read_exact(&mut head).is_ok()
        && head.ends_with(b" 200")
}

/// One Lighthouse run of `url`, its report kept in `report`.
fn lighthouse(url: &str, report: &Path) -> Result<Figures> {
    sh::run(
        Command::new("tests/e2e/node_modules/.bin/lighthouse")
            .arg(url)
            .args([
                "--quiet",
                "--output=json",
                "--only-categories=performance,accessibility,best-practices",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", "/usr/bin/chromium"),
    )?;
    Figures::from_report(&std::fs::read_to_string(report)?)
        .with_context(|| format!("{url} ({})", report.display()))
}

/// Lighthouse on every page of [`PAGES`] and the tap-to-content figures,
/// served from the dist folder `dir`.
pub fn report(dir: &Path) -> Result<()> {
    anyhow::ensure!(
        Path::new("tests/e2e/node_modules/.bin/lighthouse").exists(),
        "Lighthouse is missing: run `npm ci` in tests/e2e"
    );
    let server = Server::start(dir)?;
    let out = PathBuf::from("target/bench");
    std::fs::create_dir_all(&out)?;
    let mut pages = Vec::new();
    for (p, page) in PAGES.iter().enumerate() {
        let mut runs = Vec::new();
        for r in 1..=RUNS {
            let report = out.join(format!("lighthouse-{p}-{r}.json"));
            // Lighthouse now and then fails a run of its own (NO_NAVSTART):
            // said, left out of the median (shown as n/a), never retried.
            match lighthouse(&format!("{}{page}", server.origin), &report) {
                Ok(f) => runs.push(f),
                Err(e) => {
                    println!("xtask: Lighthouse run {r} on {page} failed, left out: {e:#}");
                    runs.push(Figures::default());
                }
            }
        }
        anyhow::ensure!(
            median_run(&runs).is_some(),
            "every Lighthouse run on {page} failed"
        );
        pages.push(runs);
    }
    print_table(&pages);
    println!("(reports: {}/lighthouse-P-R.json)", out.display());
    route_change::report(&server.origin)
}

/// The median run of each page's runs, and every run's performance.
fn print_table(runs: &[Vec<Figures>]) {
    let pages: Vec<Figures> = runs
        .iter()
        .map(|r| median_run(r).cloned().unwrap_or_default())
        .collect();
    println!(
        "\n== Lighthouse (mobile: simulated slow 4G, 4× CPU; median of {RUNS} runs per page) =="
    );
    print!("{:<16}", "figure");
    for page in PAGES {
        print!(" {page:>26}");
    }
    println!("   {:<10} before splitting (/)", "target");
    let row = |name: &str,
               get: &dyn Fn(&Figures) -> Option<f64>,
               fmt: &dyn Fn(f64) -> String,
               target: &str,
               before: Option<f64>| {
        print!("{name:<16}");
        for f in &pages {
            print!(" {:>26}", get(f).map_or("n/a".into(), fmt));
        }
        println!("   {target:<10} {}", before.map_or(String::new(), fmt));
    };
    let score = |x: f64| format!("{x:.0}");
    let secs = |ms: f64| format!("{:.1} s", ms / 1000.0);
    let ms = |ms: f64| format!("{ms:.0} ms");
    let kib = |b: f64| format!("{:.0} KiB", b / 1024.0);
    row(
        "performance",
        &|f| f.performance,
        &score,
        "≥ 98",
        Some(BEFORE_PERFORMANCE),
    );
    row(
        "LCP",
        &|f| f.lcp_ms,
        &secs,
        "≤ 1.2 s",
        Some(BEFORE_LCP_S * 1000.0),
    );
    row("TBT", &|f| f.tbt_ms, &ms, "≤ 100 ms", None);
    row("CLS", &|f| f.cls, &|x| format!("{x:.3}"), "0", None);
    row("FCP", &|f| f.fcp_ms, &secs, "", Some(BEFORE_FCP_S * 1000.0));
    row("Speed Index", &|f| f.speed_index_ms, &secs, "", None);
    row("TTI", &|f| f.tti_ms, &secs, "", Some(BEFORE_TTI_S * 1000.0));
    row(
        "transferred",
        &|f| f.bytes,
        &kib,
        "",
        Some(BEFORE_FIRST_LOAD_KIB * 1024.0),
    );
    print!("{:<16}", "perf., each run");
    for r in runs {
        let each: Vec<String> = r
            .iter()
            .map(|f| f.performance.map_or("n/a".into(), score))
            .collect();
        print!(" {:>26}", each.join(" / "));
    }
    println!();
    row("accessibility", &|f| f.accessibility, &score, "100", None);
    row("best practices", &|f| f.best_practices, &score, "100", None);
    println!(
        "transferred: Lighthouse's total-byte-weight, everything the page fetched while it loaded \
         (brotli, with headers); before splitting: the first load of / in brotli"
    );
}

#[cfg(test)]
#[path = "lighthouse_tests.rs"]
mod tests;
