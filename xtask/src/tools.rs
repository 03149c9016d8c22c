//! Installs what the build and the tests need, idempotently, saying what it
//! does. Only registries are used (rustup's own target, crates.io, npm,
//! Debian's apt); nothing downloads a binary of its own at run time.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::sh;

/// Everything `serve` and `dist` need.
pub fn ensure_build_tools() -> Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool("wasm-pack", "wasm-pack", None, true)?;
    let version = wasm_bindgen_version()?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", Some(&version), false)?;
    ensure_npm(Path::new("xtask/npm"))?;
    // The build draws the home page with the app in headless Chromium
    // (the first paint: crate::prerender).
    ensure_apt(&[("chromium", "/usr/bin/chromium")])?;
    Ok(())
}

/// Everything `test` and `bench` need on top of the build tools.
pub fn ensure_test_tools() -> Result<()> {
    ensure_build_tools()?;
    ensure_apt(&[
        ("chromium", "/usr/bin/chromium"),
        ("chromium-driver", "/usr/bin/chromedriver"),
    ])?;
    ensure_npm(Path::new("tests/e2e"))?;
    Ok(())
}

/// Nightly Rust and cargo-fuzz, for `cargo xtask fuzz`.
pub fn ensure_fuzz_tools() -> Result<()> {
    let toolchains = sh::output(Command::new("rustup").args(["toolchain", "list"]))
        .context("rustup is needed: install Rust from https://rustup.rs")?;
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        println!("xtask: installing the nightly toolchain (for libFuzzer's sanitizers)");
        sh::run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    ensure_cargo_tool("cargo-fuzz", "cargo-fuzz", None, true)
}

fn ensure_wasm_target() -> Result<()> {
    let installed = sh::output(Command::new("rustup").args(["target", "list", "--installed"]))
        .context("rustup is needed: install Rust from https://rustup.rs")?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target");
    sh::run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The `wasm-bindgen` version in Cargo.lock: the CLI must be exactly it.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string("Cargo.lock").context("Cargo.lock is missing")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    bail!("wasm-bindgen is not in Cargo.lock")
}

/// Installs a crates.io binary unless the right version is on the PATH.
fn ensure_cargo_tool(bin: &str, krate: &str, version: Option<&str>, locked: bool) -> Result<()> {
    if sh::has(bin) {
        let Some(want) = version else { return Ok(()) };
        let have = sh::output(Command::new(bin).arg("--version")).unwrap_or_default();
        if have.split_whitespace().any(|w| w == want) {
            return Ok(());
        }
        println!("xtask: {bin} is {have:?}, but Cargo.lock needs {want}: reinstalling");
    }
    println!("xtask: installing {krate} from crates.io (this takes a few minutes, once)");
    let mut cmd = Command::new("cargo");
    cmd.args(["install", krate]);
    if let Some(v) = version {
        cmd.args(["--version", v, "--force"]);
    }
    if locked {
        cmd.arg("--locked");
    }
    sh::run(&mut cmd).with_context(|| format!("install it by hand with `cargo install {krate}`"))
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lockfile.
fn ensure_npm(dir: &Path) -> Result<()> {
    if !sh::has("npm") {
        bail!("npm is needed (Node.js 20 or newer): install it with `apt-get install nodejs npm` or from nodejs.org");
    }
    let lock = dir.join("package-lock.json");
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => s.modified()? >= l.modified()?,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    println!("xtask: installing npm packages in {}", dir.display());
    sh::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

/// Installs Debian packages whose file is missing.
fn ensure_apt(packages: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(p, _)| *p)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    if !sh::has("apt-get") {
        bail!(
            "{} must be installed (Debian packages {}); no apt-get here",
            missing.join(", "),
            missing.join(" ")
        );
    }
    println!("xtask: installing {} with apt-get", missing.join(", "));
    let sudo = if sh::output(Command::new("id").arg("-u")).unwrap_or_default() == "0" {
        None
    } else {
        Some("sudo")
    };
    let apt = |args: &[&str]| {
        let mut cmd = match sudo {
            Some(s) => {
                let mut c = Command::new(s);
                c.arg("apt-get");
                c
            }
            None => Command::new("apt-get"),
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    sh::run(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq"]);
    install.args(&missing);
    sh::run(&mut install)
        .with_context(|| format!("install by hand: apt-get install {}", missing.join(" ")))
}
