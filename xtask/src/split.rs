//! The app's wasm, split into chunks loaded on demand (issue 16).
//!
//! 1. `cargo build` of the app (release, opt-level z) with `--cfg
//!    firstaid_split`, which turns the pages of `app::lazy` into split
//!    points, and `--emit-relocs`, so the linked module keeps the
//!    relocations the splitter needs to move code and data.
//! 2. `wasm_split_cli_support::transform` on that raw module (before
//!    wasm-bindgen): the main module, one wasm module per split point (and
//!    shared chunks), and the loader `__wasm_split.js`, which the main
//!    module imports as `./__wasm_split.js`.
//! 3. wasm-bindgen (the CLI pinned to `Cargo.lock`'s version) on the main
//!    module: the glue `firstaid.js` and `firstaid_bg.wasm`.
//! 4. wasm-opt on every module (`dist::compile`); `dist::assemble` then
//!    packs the small shared chunks into one file (`crate::pack`).
//!
//! wasm-pack is not used for the app: it would run wasm-bindgen on the
//! module before the split, and the split main module would need a second
//! wasm-bindgen run anyway; cargo and wasm-bindgen directly are one step
//! each. The loader names the glue as [`GLUE_PLACEHOLDER`] and the chunks
//! by their plain names; `dist::assemble` replaces both with the hashed
//! names.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::sh;

/// The loader's import of the glue, replaced by its hashed name.
pub const GLUE_PLACEHOLDER: &str = "./__FIRSTAID_GLUE__.js";
/// The loader's file name, as the main module imports it.
pub const LOADER: &str = "__wasm_split.js";

/// Builds, splits and binds the app into `pkg` (`firstaid.js`,
/// `firstaid_bg.wasm`, and `split/` with the loader and the chunks); returns
/// the chunks' paths.
pub fn build_app(pkg: &Path) -> Result<Vec<PathBuf>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    sh::run(
        Command::new(cargo)
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z")
            // Replaces the rustflags of .cargo/config.toml, so it repeats
            // erase_components.
            .env(
                "RUSTFLAGS",
                "--cfg erase_components --cfg firstaid_split -C link-arg=--emit-relocs",
            )
            .args([
                "build",
                "--lib",
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "firstaid",
            ]),
    )?;
    let raw = sh::target_dir().join("wasm32-unknown-unknown/release/firstaid.wasm");
    let input = fs::read(&raw).with_context(|| format!("cannot read {}", raw.display()))?;
    let split_dir = pkg.join("split");
    if split_dir.exists() {
        fs::remove_dir_all(&split_dir)?;
    }
    fs::create_dir_all(&split_dir)?;
    let main = split_dir.join("main.wasm");
    let link_name = format!("./{LOADER}");
    let split = wasm_split_cli_support::transform({
        let mut o = wasm_split_cli_support::Options::new(&input);
        o.output_dir = &split_dir;
        o.main_out_path = &main;
        o.main_module = GLUE_PLACEHOLDER;
        o.link_name = &link_name;
        o
    })
    .map_err(|e| anyhow::anyhow!("splitting the wasm: {e:#}"))?;
    sh::run(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                // The loader hands the chunks the main module's function
                // table (`__indirect_function_table`), an export of LLD's.
                "--keep-lld-exports",
                "--out-name",
                "firstaid",
                "--out-dir",
            ])
            .arg(pkg)
            .arg(&main),
    )?;
    let chunks: Vec<PathBuf> = split.split_modules.into_iter().collect();
    Ok(chunks)
}

/// The loader as shipped: its import of the glue names the glue's hashed
/// file. (It keeps a chunk's loading promise only when the load succeeds,
/// so "Try again" after a failed load fetches again.)
pub fn patch_loader(loader: &str, glue: &str) -> Result<String> {
    anyhow::ensure!(
        loader.contains(GLUE_PLACEHOLDER),
        "the split loader does not import {GLUE_PLACEHOLDER}"
    );
    Ok(loader.replace(GLUE_PLACEHOLDER, glue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_imports_the_hashed_glue() {
        let loader = format!(
            "import {{ initSync }} from \"{GLUE_PLACEHOLDER}\";\nconst a = makeLoad(() => fetch(new URL(\"./split_quiz.wasm\", import.meta.url)), []);\n"
        );
        let out = patch_loader(&loader, "./firstaid-0123456789.js").unwrap();
        assert!(out.starts_with("import { initSync } from \"./firstaid-0123456789.js\";"));
        assert!(!out.contains(GLUE_PLACEHOLDER));
        assert!(patch_loader("import { initSync } from \"./main.js\";", "./x.js").is_err());
    }
}
