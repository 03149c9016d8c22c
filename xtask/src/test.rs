//! `cargo xtask test`: the whole suite, in the order that fails fastest.
//!
//! 1. `cargo fmt --check`; clippy with `-D warnings` on the native and the
//!    wasm32 target, and on the wasm32 library with `--cfg firstaid_split`
//!    (the split points of `app::lazy`, as `cargo xtask dist` builds it).
//! 2. Native tests (`cargo test --workspace`): the pure core and xtask.
//! 3. A smoke run of every fuzz target (an unoptimised build, 5 s each).
//! 4. Browser component tests (wasm-bindgen-test in headless Chromium).
//! 5. The release build, assembled twice (builds "a" and "b", for the update
//!    test); the size guard on build "a" (what `bench --sizes --check` does:
//!    the first load against `xtask/size-budget.toml`); the Playwright
//!    end-to-end tests on a phone and a desktop viewport, with axe-core. The specs run the `firstaid` CLI from
//!    `FIRSTAID_CLI`: the debug build in the target directory `cargo
//!    metadata` names ([`sh::target_dir`]), so `CARGO_TARGET_DIR` works.
//!
//! At the end, and also when a stage fails, a table gives the time each
//! stage took.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::{dist, sh, tools};

/// `cargo test` of the crate's wasm32 test files `args` in headless
/// Chromium (wasm-bindgen-test-runner, Debian's chromedriver), each test
/// given `timeout_s` seconds.
pub fn browser_tests(args: &[&str], timeout_s: u32) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args([
        "test",
        "-p",
        "firstaid",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .args(args)
    .env("CHROMEDRIVER", "/usr/bin/chromedriver")
    .env("WASM_BINDGEN_TEST_TIMEOUT", timeout_s.to_string());
    cmd
}

pub fn run() -> Result<()> {
    let mut stages = Stages::default();
    let result = run_stages(&mut stages);
    stages.print(result.is_ok());
    result
}

/// The suite, stage by stage; each stage's time goes into `stages`.
fn run_stages(stages: &mut Stages) -> Result<()> {
    let cargo = || Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));

    stages.run("test tools", tools::ensure_test_tools)?;

    stages.run("formatting and lints", || {
        section("formatting");
        sh::run(cargo().args(["fmt", "--all", "--", "--check"]))?;
        section("lints (native, then wasm32)");
        sh::run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        sh::run(cargo().args([
            "clippy",
            "-p",
            "firstaid",
            // The QR decoder's worker module.
            "-p",
            "firstaid-scan",
            "--lib",
            "--tests",
            // Also the benchmark behind the `bench` feature.
            "--all-features",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))?;
        // The app as `cargo xtask dist` builds it, its pages behind split
        // points (app::lazy): the cfg goes to the workspace's crates only,
        // and the packages and features are those above, so the
        // dependencies checked above are reused.
        sh::run(cargo().args([
            "clippy",
            "-p",
            "firstaid",
            "-p",
            "firstaid-scan",
            "--lib",
            "--tests",
            "--all-features",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
            "--cfg",
            "firstaid_split",
        ]))
    })?;

    stages.run("native tests (compile and run)", || {
        section("native tests");
        sh::run(cargo().args(["test", "--workspace"]))
    })?;

    stages.run("fuzzing smoke run", || {
        section(
            "fuzzing (smoke: an unoptimised build, 5 s per target; `cargo xtask fuzz` runs longer)",
        );
        crate::fuzz::run(5, &[], crate::fuzz::Build::Dev)
    })?;

    stages.run("browser component tests (wasm)", || {
        section("browser component tests (headless Chromium)");
        sh::run(&mut browser_tests(
            &[
                "--test",
                "web",
                "--test",
                "web_audio",
                "--test",
                "web_adapters",
                "--test",
                "web_store",
            ],
            120,
        ))
    })?;

    let root = sh::root();
    let dist_a = root.join("target/e2e/a");
    let dist_b = root.join("target/e2e/b");
    stages.run("release build", || {
        section("release build");
        dist::compile()?;
        let pkg = Path::new("target/wasm-pack");
        let first_paint = dist::assemble(pkg, &dist_a, "a")?;
        dist::assemble_like(pkg, &dist_b, "b", (&dist_a, &first_paint))
    })?;

    stages.run("size budget", || {
        section("size budget (the first load of the release build above)");
        let total = crate::sizes::report(&dist_a)?;
        crate::sizes::check(total.brotli)
    })?;

    stages.run("end-to-end tests", || {
        section("end-to-end tests (Playwright, axe-core)");
        // The e2e tests re-score a downloaded exam transcript with the CLI,
        // built where Cargo builds (CARGO_TARGET_DIR may move it).
        sh::run(cargo().args(["build", "-p", "firstaid", "--bin", "firstaid"]))?;
        let cli = sh::target_dir().join("debug").join("firstaid");
        sh::run(
            Command::new("npx")
                .args(["playwright", "test"])
                .current_dir("tests/e2e")
                .env("FIRSTAID_DIST_A", &dist_a)
                .env("FIRSTAID_DIST_B", &dist_b)
                .env("FIRSTAID_XTASK", std::env::current_exe()?)
                .env("FIRSTAID_CLI", cli)
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        )
    })?;
    println!("\nxtask: all tests passed");
    Ok(())
}

/// The time each stage took, printed as a table at the end — also when a
/// stage fails, with the stages so far.
#[derive(Default)]
struct Stages {
    done: Vec<(&'static str, Duration, bool)>,
}

impl Stages {
    /// Runs one stage and records its time and whether it passed.
    fn run(&mut self, name: &'static str, stage: impl FnOnce() -> Result<()>) -> Result<()> {
        let start = Instant::now();
        let result = stage();
        self.done.push((name, start.elapsed(), result.is_ok()));
        result
    }

    fn print(&self, all_passed: bool) {
        if all_passed {
            section("time per stage");
        } else {
            section("time per stage (until the failure)");
        }
        let mut total = Duration::ZERO;
        for (name, took, ok) in &self.done {
            total += *took;
            let mark = if *ok { "" } else { "  FAILED" };
            println!("{name:<34} {:>9}{mark}", minutes(*took));
        }
        println!("{:<34} {:>9}", "total", minutes(total));
    }
}

/// `1m 05.3s`, or `5.3s` under a minute.
fn minutes(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 60.0 {
        format!("{s:.1}s")
    } else {
        format!("{}m {:04.1}s", (s / 60.0).floor(), s % 60.0)
    }
}

fn section(name: &str) {
    println!("\n==== {name} ====");
}
