//! `cargo xtask screenshots`: photographs every route and state of the app
//! (tests/e2e/screens/screens.spec.ts) on a 390 × 844 phone in both
//! languages, light and dark, at 100% and 200% text, and the main routes at
//! a desktop width, then draws a contact sheet per language
//! (tests/e2e/screens/sheet.mjs). A review tool a person looks at; the test
//! suite does not run it.

use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::{dist, sh, tools};

/// Builds the app into target/e2e/a (unless `no_build`), takes the pictures
/// into `out` and draws the contact sheets there.
pub fn run(out: &Path, no_build: bool) -> Result<()> {
    let root = sh::root();
    let dist_a = root.join("target/e2e/a");
    if !no_build || !dist_a.join("index.html").exists() {
        tools::ensure_build_tools()?;
        dist::build(&dist_a, "a")?;
    }
    let out = root.join(out);
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    sh::run(
        Command::new("npx")
            .args(["playwright", "test", "-c", "screens/playwright.config.ts"])
            .current_dir("tests/e2e")
            .env("FIRSTAID_DIST_A", &dist_a)
            .env("FIRSTAID_DIST_B", &dist_a)
            .env("FIRSTAID_XTASK", std::env::current_exe()?)
            .env("FIRSTAID_SCREENS_OUT", &out)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )?;
    sh::run(
        Command::new("node")
            .arg("screens/sheet.mjs")
            .arg(&out)
            .current_dir("tests/e2e"),
    )?;
    println!("xtask: screenshots and contact sheets in {}", out.display());
    Ok(())
}
