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
//!    packs the small shared chunks into two files (`crate::pack`).
//!
//! wasm-pack is not used for the app: it would run wasm-bindgen on the
//! module before the split, and the split main module would need a second
//! wasm-bindgen run anyway; cargo and wasm-bindgen directly are one step
//! each. The loader names the glue as [`GLUE_PLACEHOLDER`] and the chunks
//! by their plain names; `dist::assemble` replaces both with the hashed
//! names.

use std::collections::BTreeMap;
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
    // Which files each split point needs, for the first paint's preloads.
    fs::write(
        split_dir.join(PREFETCH),
        serde_json::to_string(&split.prefetch_map)?,
    )?;
    let chunks: Vec<PathBuf> = split.split_modules.into_iter().collect();
    Ok(chunks)
}

/// The file, beside the loader, that names the modules each split point
/// needs (the splitter's `prefetch_map`: split name → module stems, its own
/// last).
pub const PREFETCH: &str = "prefetch.json";

/// The pages whose first visit can fetch their modules beside the app's
/// own (`public/first-paint.js` adds a preload for each): an address, and
/// below it (the longest address that matches counts), and the split point
/// of `src/app/lazy.rs` its page is behind.
/// A page moved to another split point only makes a preload useless; the
/// build fails when a split point named here does not exist.
pub const PAGES: [(&str, &str); 12] = [
    ("/learn", "lessons"),
    ("/print", "print"),
    ("/quiz", "quiz"),
    ("/quiz/practice", "quiz_play"),
    ("/quiz/exam", "quiz_play"),
    ("/quiz/results", "quiz_play"),
    ("/train", "trainer"),
    ("/record", "records"),
    ("/assignment", "records"),
    ("/certificate", "certificate"),
    ("/instructor", "instructor"),
    ("/settings", "settings"),
];

/// The areas (split points of `src/app/lazy.rs`) whose small shared
/// chunks get a pack of their own (`pack`), in this order: a small chunk
/// goes into the pack of the first of them that needs it, else into the
/// last pack, shared by every other area. The lessons, the most visited
/// area and the first tap of most visits, fetch only what they need; more
/// packs cost the other areas more files and more bytes (each pack is
/// compressed alone), measured on the build of 2026-12-06: a pack for each
/// of six areas took the lessons from 77 to 36 KiB of wasm but the trainer
/// from 2 to 6 files and 122 to 131 KiB.
pub const PACK_ORDER: [&str; 1] = ["lessons"];

/// The modules each area of [`PACK_ORDER`] needs (from the splitter's
/// `prefetch` map), in that order; an area the build does not have is left
/// out.
pub fn pack_areas(prefetch: &BTreeMap<String, Vec<String>>) -> Vec<Vec<String>> {
    PACK_ORDER
        .iter()
        .filter_map(|area| prefetch.get(*area).cloned())
        .collect()
}

/// Each page of [`PAGES`] with the shipped files it needs: `prefetch` is
/// the splitter's map, `shipped` the shipped name of each module stem (the
/// pack's name for a packed one).
pub fn page_files(
    prefetch: &BTreeMap<String, Vec<String>>,
    shipped: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Vec<String>>> {
    let mut pages = BTreeMap::new();
    for (path, split) in PAGES {
        let stems = prefetch
            .get(split)
            .with_context(|| format!("the split point {split} (for {path}) does not exist"))?;
        let mut files: Vec<String> = Vec::new();
        for stem in stems {
            let name = shipped
                .get(stem)
                .with_context(|| format!("the module {stem} of {split} is not shipped"))?;
            let url = format!("/{name}");
            if !files.contains(&url) {
                files.push(url);
            }
        }
        pages.insert(path.to_string(), files);
    }
    Ok(pages)
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
    fn the_areas_with_a_pack_of_their_own_are_those_named() {
        let prefetch: BTreeMap<String, Vec<String>> = ["settings", "quiz", "lessons"]
            .iter()
            .map(|a| (a.to_string(), vec![format!("split_{a}")]))
            .collect();
        assert_eq!(pack_areas(&prefetch), [["split_lessons"]]);
        assert!(pack_areas(&BTreeMap::new()).is_empty());
    }

    #[test]
    fn each_page_names_its_shipped_files_once() {
        let mut prefetch: BTreeMap<String, Vec<String>> = PAGES
            .iter()
            .map(|(_, split)| (split.to_string(), vec![format!("split_{split}")]))
            .collect();
        prefetch.insert(
            "lessons".into(),
            vec![
                "chunk_9".into(),
                "chunk_10".into(),
                "chunk_11".into(),
                "split_lessons".into(),
            ],
        );
        let mut shipped: BTreeMap<String, String> = PAGES
            .iter()
            .map(|(_, split)| {
                (
                    format!("split_{split}"),
                    format!("split_{split}-0123456789.wasm"),
                )
            })
            .collect();
        shipped.insert("chunk_9".into(), "chunk_pack-0123456789.bin".into());
        shipped.insert("chunk_10".into(), "chunk_pack-0123456789.bin".into());
        shipped.insert("chunk_11".into(), "chunk_11-0123456789.wasm".into());
        let pages = page_files(&prefetch, &shipped).unwrap();
        assert_eq!(
            pages["/learn"],
            [
                "/chunk_pack-0123456789.bin",
                "/chunk_11-0123456789.wasm",
                "/split_lessons-0123456789.wasm"
            ]
        );
        assert_eq!(pages["/settings"], ["/split_settings-0123456789.wasm"]);
        assert_eq!(pages.len(), PAGES.len());

        // A split point that is gone, or a module not shipped: the build fails.
        let mut gone = prefetch.clone();
        gone.remove("quiz");
        assert!(page_files(&gone, &shipped).is_err());
        shipped.remove("chunk_11");
        assert!(page_files(&prefetch, &shipped).is_err());
    }

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
