//! `cargo xtask bench`: figures, never pass/fail.
//! - Size of every shipped file, raw / gzip / brotli, and the first-load total.
//! - Lighthouse (mobile profile, headless Chromium): performance,
//!   accessibility, best practices, LCP, TBT, CLS.
//!
//! Each figure is printed beside its target.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result};

use crate::{dist, sh, tools};

/// The shell's first-load target, brotli bytes.
const FIRST_LOAD_TARGET: u64 = 120 * 1024;

pub fn run() -> Result<()> {
    tools::ensure_test_tools()?;
    let out = Path::new("target/bench/dist");
    dist::build(out, "bench")?;
    sizes(out)?;
    lighthouse(out)
}

/// Prints the size table and returns the first-load brotli total.
pub fn sizes(dir: &Path) -> Result<u64> {
    println!("\n== Shipped files (bytes) ==");
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let index = std::fs::read_to_string(dir.join("index.html"))?;
    let mut first_load = 0;
    for path in dist::walk(dir)? {
        let name = path.strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let (gz, br) = if dist::compressible(&name) {
            (
                dist::gzip(&bytes)?.len() as u64,
                dist::brotli(&bytes)?.len() as u64,
            )
        } else {
            (bytes.len() as u64, bytes.len() as u64)
        };
        // First load: the document and everything it references directly
        // (an upper bound: browsers fetch the touch icon only when installing).
        let on_first_load = name == "index.html" || index.contains(&format!("/{name}\""));
        if on_first_load {
            first_load += br;
        }
        println!(
            "{:<40} {:>10} {:>10} {:>10}{}",
            name,
            bytes.len(),
            gz,
            br,
            if on_first_load {
                "  (referenced by index.html)"
            } else {
                ""
            }
        );
    }
    println!(
        "first load, brotli: {first_load} bytes ({:.1} KiB) — target ≤ {} KiB",
        first_load as f64 / 1024.0,
        FIRST_LOAD_TARGET / 1024
    );
    Ok(first_load)
}

fn lighthouse(dir: &Path) -> Result<()> {
    let exe = std::env::current_exe()?;
    let mut server = Command::new(exe)
        .args(["serve", "--no-build", "--port", "8097", "--dir"])
        .arg(dir)
        .stdout(Stdio::null())
        .spawn()
        .context("cannot start the server")?;
    std::thread::sleep(Duration::from_millis(800));
    let report = Path::new("target/bench/lighthouse.json");
    let result = sh::run(
        Command::new("tests/e2e/node_modules/.bin/lighthouse")
            .arg("http://127.0.0.1:8097/")
            .args([
                "--quiet",
                "--output=json",
                "--only-categories=performance,accessibility,best-practices",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", "/usr/bin/chromium"),
    );
    let _ = server.kill();
    let _ = server.wait();
    result?;
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(report)?)?;
    let score = |c: &str| {
        v["categories"][c]["score"]
            .as_f64()
            .map(|s| (s * 100.0).round())
    };
    let audit = |a: &str| v["audits"][a]["numericValue"].as_f64();
    println!("\n== Lighthouse (mobile profile, simulated throttling) ==");
    let show = |name: &str, value: Option<f64>, unit: &str, target: &str| {
        let v = value.map_or("n/a".to_owned(), |x| format!("{x:.0}{unit}"));
        println!("{name:<20} {v:>10}   target {target}");
    };
    show("performance", score("performance"), "", "100");
    show("accessibility", score("accessibility"), "", "100");
    show("best-practices", score("best-practices"), "", "100");
    show("LCP", audit("largest-contentful-paint"), " ms", "≤ 1000 ms");
    show("TBT", audit("total-blocking-time"), " ms", "0 ms");
    let cls = audit("cumulative-layout-shift").map_or("n/a".into(), |x| format!("{x:.3}"));
    println!("{:<20} {:>10}   target 0", "CLS", cls);
    println!("(full report: {})", report.display());
    Ok(())
}
