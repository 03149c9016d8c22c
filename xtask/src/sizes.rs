//! `cargo xtask bench --sizes [--dir DIR] [--check]`: the release build's
//! sizes, the first load of `/` and the size guard.
//!
//! - Every shipped file, raw / gzip / brotli.
//! - The first load: every file a first visit of `/` downloads before the
//!   app is interactive ([`first_load`]: the HTML, what `index.html` links
//!   as a stylesheet, module preload, preload or module script, the files
//!   the boot script loads and the static imports of every script on the
//!   way), with their total beside the target.
//! - The app's wasm modules (the main module and any chunk split from it)
//!   and the other scripts, with their total beside the single module
//!   before splitting.
//! - `--check`: fails when the first load's brotli total exceeds the budget
//!   committed in [`BUDGET_FILE`]. Only bytes are checked, never timing.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::dist;

/// The committed size budget (relative to the repository root).
pub const BUDGET_FILE: &str = "xtask/size-budget.toml";

/// Issue 16's target for the first load of `/`, brotli bytes.
const FIRST_LOAD_TARGET: u64 = 160 * 1024;

/// The app's single wasm module before code splitting (optimised, as
/// shipped; measured on commit 5972e71 with `cargo xtask bench --sizes`),
/// raw and brotli bytes: the reference for "all chunks together at most
/// 5 % more".
const SINGLE_MODULE: (u64, u64) = (2_715_858, 718_338);

/// One shipped file's sizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl std::ops::AddAssign for Sizes {
    fn add_assign(&mut self, o: Sizes) {
        self.raw += o.raw;
        self.gzip += o.gzip;
        self.brotli += o.brotli;
    }
}

/// Reads the budget file's text: one key, `first_load_brotli`, a positive
/// whole number of bytes.
pub fn parse_budget(text: &str) -> Result<u64> {
    let table: toml::Table = text.parse().context("the budget file is not TOML")?;
    if let Some(other) = table.keys().find(|k| *k != "first_load_brotli") {
        bail!("unknown key {other:?} in the budget file (only first_load_brotli)");
    }
    match table.get("first_load_brotli") {
        Some(toml::Value::Integer(n)) if *n > 0 => Ok(*n as u64),
        Some(_) => bail!("first_load_brotli must be a positive whole number of bytes"),
        None => bail!("the budget file has no first_load_brotli"),
    }
}

/// The files (names relative to the dist folder, no leading slash) that a
/// first visit of `/` downloads before the app is interactive: `index.html`;
/// the stylesheets, module preloads, preloads and module scripts it links
/// (not `nomodule` scripts, icons, the manifest or the QR decoder's worker,
/// which is named in a `<meta>`); every `.js` or `.wasm` file the boot
/// script (the module script) names — it imports the app and starts it with
/// its wasm; and the static imports of every script so found. A script's
/// dynamic imports and the files it fetches later (code-split chunks) are
/// not first load. `script(name)` returns a shipped script's text.
pub fn first_load(index: &str, script: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let mut found = vec!["index.html".to_owned()];
    let mut boot = Vec::new();
    for tag in tags(index, "link") {
        let rel = attr(tag, "rel").unwrap_or_default();
        if ["stylesheet", "modulepreload", "preload"].contains(&rel) {
            if let Some(href) = attr(tag, "href").and_then(local) {
                found.push(href);
            }
        }
    }
    for tag in tags(index, "script") {
        if has_attr(tag, "nomodule") {
            continue;
        }
        if let Some(src) = attr(tag, "src").and_then(local) {
            if attr(tag, "type") == Some("module") {
                boot.push(src.clone());
            }
            found.push(src);
        }
    }
    // The boot script is the loader: everything it names is needed to start.
    for b in &boot {
        if let Some(text) = script(b) {
            for s in quoted(&text) {
                if let Some(name) = local(s).filter(|n| n.ends_with(".js") || n.ends_with(".wasm"))
                {
                    found.push(name);
                }
            }
        }
    }
    // Static imports, transitively.
    let mut i = 0;
    while i < found.len() {
        let name = found[i].clone();
        i += 1;
        if !name.ends_with(".js") {
            continue;
        }
        if let Some(text) = script(&name) {
            for spec in static_imports(&text) {
                // Modules may import each other (the glue and the split
                // loader do): each is visited once.
                if let Some(dep) = resolve(&name, &spec).filter(|d| !found.contains(d)) {
                    found.push(dep);
                }
            }
        }
    }
    let mut seen = std::collections::BTreeSet::new();
    found.retain(|n| {
        let kind = [".html", ".css", ".js", ".mjs", ".wasm"]
            .iter()
            .any(|e| n.ends_with(e));
        kind && seen.insert(n.clone())
    });
    found
}

/// The data files (`.json`) the boot script names: the curriculum, which
/// the app reads as it starts (on a page in the HTML it waits for it).
/// Issue 16's first load is HTML, CSS, JS and wasm, so these are printed
/// beside it, not in it (the curriculum has been a file of its own since
/// before the split, so the single-module figure left it out as well).
pub fn start_data(index: &str, script: &dyn Fn(&str) -> Option<String>) -> Vec<String> {
    let mut found = Vec::new();
    for tag in tags(index, "script") {
        if attr(tag, "type") != Some("module") {
            continue;
        }
        let Some(text) = attr(tag, "src").and_then(local).and_then(|b| script(&b)) else {
            continue;
        };
        for s in quoted(&text) {
            if let Some(name) = local(s).filter(|n| n.ends_with(".json")) {
                if !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// `<name …>` tags of `html`, each as the text between `<name` and `>`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        let after = &rest[at + open.len()..];
        let end = after.find('>').unwrap_or(after.len());
        if after.starts_with(|c: char| c.is_whitespace() || c == '>') {
            out.push(&after[..end]);
        }
        rest = &after[end..];
    }
    out
}

/// The double-quoted value of attribute `name` in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut from = 0;
    while let Some(at) = tag[from..].find(&key) {
        let start = from + at;
        let boundary = start == 0 || tag[..start].ends_with(char::is_whitespace);
        let value = &tag[start + key.len()..];
        if boundary {
            return value.split('"').next();
        }
        from = start + key.len();
    }
    None
}

fn has_attr(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '/')
        .any(|w| w == name || w.starts_with(&format!("{name}=")))
}

/// A same-origin absolute path as a dist file name (`/a.js` → `a.js`).
fn local(path: &str) -> Option<String> {
    let p = path.strip_prefix('/')?;
    (!p.is_empty() && !p.starts_with('/') && !p.contains(':')).then(|| p.to_owned())
}

/// The string literals of a script (single, double or back quotes without
/// substitutions).
fn quoted(js: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = js;
    while let Some(at) = rest.find(['\'', '"', '`']) {
        let q = rest[at..].chars().next().expect("found");
        let body = &rest[at + 1..];
        let Some(end) = body.find(q) else { break };
        out.push(&body[..end]);
        rest = &body[end + 1..];
    }
    out
}

/// The modules a script imports statically: `import … from "x"`,
/// `import "x"` and `export … from "x"` (not `import("x")`).
fn static_imports(js: &str) -> Vec<String> {
    let mut out = Vec::new();
    for stmt in js.split(';').flat_map(|s| s.split('\n')) {
        let t = stmt.trim_start();
        let is_import = (t.starts_with("import ") || t.starts_with("import{"))
            || (t.starts_with("import\"") || t.starts_with("import'"));
        let is_export = t.starts_with("export ") && t.contains(" from ");
        if !(is_import || is_export) {
            continue;
        }
        let spec_part = match t.rfind(" from") {
            Some(at) => &t[at + 5..],
            None => &t["import".len()..],
        };
        if let Some(s) = quoted(spec_part).first() {
            out.push((*s).to_owned());
        }
    }
    out
}

/// A module specifier imported by `from` (a dist file name) as a dist file
/// name; `None` for bare specifiers and other origins.
fn resolve(from: &str, spec: &str) -> Option<String> {
    if spec.starts_with('/') {
        return local(spec);
    }
    let rel = spec.strip_prefix("./").or_else(|| {
        // `../x`: one folder up.
        spec.starts_with("../").then_some(spec)
    })?;
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            ".." => {
                parts.pop()?;
            }
            "." => {}
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The app's wasm modules: every `.wasm` except the QR decoder's, and the
/// pack of small shared chunks.
fn is_app_wasm(name: &str) -> bool {
    (name.ends_with(".wasm") && !name.starts_with("scan_bg")) || crate::pack::is_pack(name)
}

/// A shipped file's sizes, from the `.gz` and `.br` copies beside it when
/// the build wrote them (it compresses with the same settings).
fn file_sizes(path: &Path, name: &str) -> Result<Sizes> {
    let bytes = std::fs::read(path)?;
    let raw = bytes.len() as u64;
    if !dist::compressible(name) {
        return Ok(Sizes {
            raw,
            gzip: raw,
            brotli: raw,
        });
    }
    let beside = |ext: &str, make: &dyn Fn(&[u8]) -> Result<Vec<u8>>| -> Result<u64> {
        let mut p = path.as_os_str().to_owned();
        p.push(ext);
        match std::fs::metadata(&p) {
            Ok(m) => Ok(m.len()),
            Err(_) => Ok(make(&bytes)?.len() as u64),
        }
    };
    Ok(Sizes {
        raw,
        gzip: beside(".gz", &|b| dist::gzip(b))?,
        brotli: beside(".br", &|b| dist::brotli(b))?,
    })
}

/// Prints the tables for the dist folder `dir`; returns the first load's
/// total.
pub fn report(dir: &Path) -> Result<Sizes> {
    let mut files: BTreeMap<String, Sizes> = BTreeMap::new();
    for path in dist::walk(dir)? {
        let name = path.strip_prefix(dir)?.to_string_lossy().replace('\\', "/");
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        files.insert(name.clone(), file_sizes(&path, &name)?);
    }
    let index = std::fs::read_to_string(dir.join("index.html"))
        .with_context(|| format!("no index.html in {}: build a dist first", dir.display()))?;
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    let first = first_load(&index, &read);
    for name in &first {
        if !files.contains_key(name) {
            bail!("index.html or a script names {name}, which is not in the dist");
        }
    }

    let row = |name: &str, s: &Sizes, note: &str| {
        println!(
            "{name:<44} {:>10} {:>10} {:>10}{note}",
            s.raw, s.gzip, s.brotli
        );
    };
    let header = |title: &str| {
        println!("\n== {title} ==");
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            "file", "raw", "gzip", "brotli"
        );
    };
    header("Shipped files (bytes)");
    for (name, s) in &files {
        let note = if first.contains(name) {
            "  first load"
        } else {
            ""
        };
        row(name, s, note);
    }

    header("First load of / (downloaded before the app is interactive)");
    let mut total = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for name in &first {
        row(name, &files[name], "");
        total += files[name];
    }
    row("total", &total, "");
    println!(
        "first load, brotli: {} bytes ({:.1} KiB) — target ≤ {} KiB",
        total.brotli,
        total.brotli as f64 / 1024.0,
        FIRST_LOAD_TARGET / 1024
    );
    for name in start_data(&index, &read) {
        let Some(data) = files.get(&name) else {
            bail!("the boot script names {name}, which is not in the dist");
        };
        println!(
            "also fetched as the app starts (data, not HTML, CSS, JS or wasm): {name} {} bytes brotli; with it {} bytes ({:.1} KiB)",
            data.brotli,
            total.brotli + data.brotli,
            (total.brotli + data.brotli) as f64 / 1024.0
        );
    }

    header("App wasm modules and other scripts (not first load: loaded on demand)");
    let mut wasm = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for (name, s) in &files {
        let script = name.ends_with(".wasm") || name.ends_with(".js") || crate::pack::is_pack(name);
        if is_app_wasm(name) {
            wasm += *s;
        }
        if script && !first.contains(name) {
            row(name, s, "");
        }
    }
    let (raw0, br0) = SINGLE_MODULE;
    println!(
        "app wasm, all modules: {} bytes raw, {} brotli — target ≤ the single module before \
         splitting + 5 %: {} raw, {} brotli (single module: {raw0} raw, {br0} brotli)",
        wasm.raw,
        wasm.brotli,
        raw0 * 105 / 100,
        br0 * 105 / 100
    );
    Ok(total)
}

/// `--check`: the first load's brotli total against the committed budget.
pub fn check(total_brotli: u64) -> Result<()> {
    let path = crate::sh::root().join(BUDGET_FILE);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("cannot read {BUDGET_FILE}"))?;
    let budget = parse_budget(&text).with_context(|| format!("in {BUDGET_FILE}"))?;
    verdict(total_brotli, budget).map(|line| println!("{line}"))
}

/// The check's outcome as a line to print, or the failure.
fn verdict(total: u64, budget: u64) -> Result<String> {
    if total > budget {
        bail!(
            "the first load is {total} bytes brotli, {} over the budget of {budget} in \
             {BUDGET_FILE}; make it smaller, or raise the budget in the same commit and say why",
            total - budget
        );
    }
    Ok(format!(
        "size check: first load {total} bytes brotli, within the budget of {budget} \
         ({} to spare)",
        budget - total
    ))
}

#[cfg(test)]
#[path = "sizes_tests.rs"]
mod tests;
