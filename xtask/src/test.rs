//! `cargo xtask test`: the whole suite, in the order that fails fastest.
//!
//! 1. `cargo fmt --check`; clippy with `-D warnings` on the native and the
//!    wasm32 target.
//! 2. Native tests (`cargo test --workspace`): the pure core and xtask.
//! 3. A smoke run of every fuzz target (`cargo xtask fuzz --seconds 5`).
//! 4. Browser component tests (wasm-bindgen-test in headless Chromium).
//! 5. The release build, assembled twice (builds "a" and "b", for the update
//!    test), and the Playwright end-to-end tests on a phone and a desktop
//!    viewport, with axe-core.

use std::path::Path;
use std::process::Command;

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
    tools::ensure_test_tools()?;
    let cargo = || Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));

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

    section("native tests");
    sh::run(cargo().args(["test", "--workspace"]))?;

    section("fuzzing (smoke: 5 s per target; `cargo xtask fuzz` runs longer)");
    crate::fuzz::run(5, &[])?;

    section("browser component tests (headless Chromium)");
    sh::run(&mut browser_tests(
        &["--test", "web", "--test", "web_audio"],
        120,
    ))?;

    section("release build");
    dist::compile()?;
    let root = sh::root();
    let dist_a = root.join("target/e2e/a");
    let dist_b = root.join("target/e2e/b");
    dist::assemble(Path::new("target/wasm-pack"), &dist_a, "a")?;
    dist::assemble(Path::new("target/wasm-pack"), &dist_b, "b")?;

    section("end-to-end tests (Playwright, axe-core)");
    // The e2e tests re-score a downloaded exam transcript with the CLI.
    sh::run(cargo().args(["build", "-p", "firstaid", "--bin", "firstaid"]))?;
    sh::run(
        Command::new("npx")
            .args(["playwright", "test"])
            .current_dir("tests/e2e")
            .env("FIRSTAID_DIST_A", &dist_a)
            .env("FIRSTAID_DIST_B", &dist_b)
            .env("FIRSTAID_XTASK", std::env::current_exe()?)
            .env("FIRSTAID_CLI", root.join("target/debug/firstaid"))
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    println!("\nxtask: all tests passed");
    Ok(())
}

fn section(name: &str) {
    println!("\n==== {name} ====");
}
