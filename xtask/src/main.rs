//! Build and test tasks for First Aid Hero: `cargo xtask <command>`.
//!
//! - `serve [--port N] [--dir DIR] [--no-build]` — install what is missing,
//!   build the release app and serve it on http://127.0.0.1:8080.
//! - `test` — formatting, lints (native and wasm32), native tests, browser
//!   component tests, end-to-end tests.
//! - `dist [--out DIR] [--label L]` — the deployable static folder.
//! - `bench --roster [--browser [--dir DIR]]` — an instructor's training
//!   day: taking one more learner onto rosters of 10, 50 and 200, the bytes
//!   a save writes and the stored size, natively; with `--browser` also on
//!   a phone (Chromium, 4× CPU, release dist: DIR or a new build).
//! - `bench [--motion|--records|--sizes|--lighthouse]` — motion analysis
//!   accuracy on generated traces, records verified per second, the
//!   metronome's timing, shipped sizes (raw, gzip, brotli), Lighthouse
//!   mobile on `/` and a lesson page (performance, LCP, TBT, CLS, FCP, Speed
//!   Index, TTI, bytes, beside the targets and `/` before splitting) and the
//!   time from a tap to a page whose chunk is not loaded yet; `--motion`,
//!   `--records`, `--sizes` or `--lighthouse` only that one. `--sizes --dir
//!   DIR` and `--lighthouse --dir DIR` measure an existing dist; `--sizes
//!   --check` fails when the first load exceeds the budget in
//!   `xtask/size-budget.toml`.
//! - `fuzz [--seconds N] [TARGET…]` — the fuzz targets (cargo-fuzz), N seconds each.
//! - `screenshots [--out DIR] [--no-build]` — every route and state on a
//!   phone (both languages, light and dark, 100% and 200% text) and a
//!   contact sheet per language, for a person to review.

mod bench;
mod css;
mod dist;
mod first_paint;
mod fuzz;
mod lighthouse;
mod pack;
mod prerender;
mod roster_bench;
mod roster_browser;
mod route_change;
mod screens;
mod server;
mod sh;
mod sizes;
mod split;
mod test;
mod tools;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask <serve|test|dist|bench|fuzz|screenshots> [options]
  serve [--port N] [--dir DIR] [--no-build]   build and serve on 127.0.0.1 (default port 8080)
  test                                        the whole test suite
  dist [--out DIR] [--label LABEL] [--no-build]  build the deployable folder (default dist/)
  bench [--motion|--records|--sizes|--lighthouse]
                                              motion accuracy, records per second, metronome
                                              timing, sizes, Lighthouse and tap-to-content figures
                                              (--motion / --records / --sizes / --lighthouse: only that one)
  bench --roster [--browser [--dir DIR]]      one more learner on rosters of 10, 50, 200: time, bytes written,
                                              stored size; --browser: also on a phone (Chromium, 4× CPU)
  bench --sizes [--dir DIR] [--check]         sizes of DIR (an existing dist; default: build one),
                                              --check: fail over the budget in xtask/size-budget.toml
  bench --lighthouse [--dir DIR]              Lighthouse mobile on / and a lesson page, and tap to content
                                              on a not-yet-loaded route, of DIR (default: build one)
  fuzz [--seconds N] [TARGET…]               every decoder (or these) under libFuzzer, N s each (default 300)
  screenshots [--out DIR] [--no-build]        every route and state on a phone, both languages, light and
                                              dark, 100% and 200% text, with contact sheets (default
                                              target/screens)";

fn main() {
    if let Err(e) = run() {
        eprintln!("xtask: error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        bail!("{USAGE}");
    }
    let cmd = args.remove(0);
    std::env::set_current_dir(sh::root()).context("cannot enter the repository root")?;
    match cmd.as_str() {
        "serve" => {
            let port: u16 = opt(&mut args, "--port")?
                .map(|p| p.parse())
                .transpose()?
                .unwrap_or(8080);
            let dir = opt(&mut args, "--dir")?.map(PathBuf::from);
            let no_build = flag(&mut args, "--no-build");
            no_more(&args)?;
            let dir = match (dir, no_build) {
                (Some(d), true) => d,
                (dir, _) => {
                    let out = dir.unwrap_or_else(|| PathBuf::from("dist"));
                    tools::ensure_build_tools()?;
                    dist::build(&out, "local")?;
                    out
                }
            };
            server::serve(&dir, port)
        }
        "dist" => {
            let out = opt(&mut args, "--out")?
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("dist"));
            let label = opt(&mut args, "--label")?.unwrap_or_else(|| "release".into());
            // --no-build: assemble from the last build's modules.
            let no_build = flag(&mut args, "--no-build");
            no_more(&args)?;
            if no_build {
                dist::assemble(Path::new("target/wasm-pack"), &out, &label)?;
            } else {
                tools::ensure_build_tools()?;
                dist::build(&out, &label)?;
            }
            println!("xtask: deployable folder ready in {}", out.display());
            Ok(())
        }
        "test" => {
            no_more(&args)?;
            test::run()
        }
        "bench" => {
            let motion_only = flag(&mut args, "--motion");
            let records_only = flag(&mut args, "--records");
            let sizes_only = flag(&mut args, "--sizes");
            let lighthouse_only = flag(&mut args, "--lighthouse");
            let dir = opt(&mut args, "--dir")?.map(PathBuf::from);
            if flag(&mut args, "--roster") {
                let browser = flag(&mut args, "--browser");
                if dir.is_some() && !browser {
                    bail!("--dir goes with --roster --browser\n{USAGE}");
                }
                no_more(&args)?;
                roster_bench::run_optimised()?;
                return if browser {
                    tools::ensure_test_tools()?;
                    roster_browser::report(bench::built(dir.as_deref())?)
                } else {
                    Ok(())
                };
            }
            let check = flag(&mut args, "--check");
            if (dir.is_some() && !sizes_only && !lighthouse_only) || (check && !sizes_only) {
                bail!("--dir goes with --sizes or --lighthouse, --check with --sizes\n{USAGE}");
            }
            no_more(&args)?;
            match (motion_only, records_only, sizes_only, lighthouse_only) {
                (true, false, false, false) => bench::motion_accuracy(),
                (false, true, false, false) => bench::records(),
                (false, false, true, false) => bench::build_sizes(dir.as_deref(), check),
                (false, false, false, true) => bench::build_lighthouse(dir.as_deref()),
                (false, false, false, false) => bench::run(),
                _ => bail!("give one of --motion, --records, --sizes and --lighthouse\n{USAGE}"),
            }
        }
        "fuzz" => {
            let seconds = match opt(&mut args, "--seconds")? {
                Some(s) => s
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .context("--seconds must be a positive whole number")?,
                None => 300,
            };
            // The rest: target names (all targets when none).
            let only: Vec<String> = std::mem::take(&mut args);
            if let Some(flag) = only.iter().find(|a| a.starts_with('-')) {
                bail!("unknown option {flag}\n{USAGE}");
            }
            fuzz::run(seconds, &only, fuzz::Build::Release)
        }
        "screenshots" => {
            let out = opt(&mut args, "--out")?
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("target/screens"));
            let no_build = flag(&mut args, "--no-build");
            no_more(&args)?;
            screens::run(&out, no_build)
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command {other:?}\n{USAGE}"),
    }
}

fn opt(args: &mut Vec<String>, name: &str) -> Result<Option<String>> {
    let Some(i) = args.iter().position(|a| a == name) else {
        return Ok(None);
    };
    if i + 1 >= args.len() {
        bail!("{name} needs a value");
    }
    let v = args.remove(i + 1);
    args.remove(i);
    Ok(Some(v))
}

fn flag(args: &mut Vec<String>, name: &str) -> bool {
    let found = args.iter().position(|a| a == name);
    if let Some(i) = found {
        args.remove(i);
    }
    found.is_some()
}

fn no_more(args: &[String]) -> Result<()> {
    if let Some(a) = args.first() {
        bail!("unexpected argument {a:?}\n{USAGE}");
    }
    Ok(())
}
