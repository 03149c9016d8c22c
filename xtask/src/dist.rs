//! The release build and the deployable folder.
//!
//! `build(out, label)`: the app built and split into chunks
//! ([`crate::split`]), the QR decoder's worker (wasm-pack), binaryen's
//! wasm-opt from npm on every module, then [`assemble`]: hashed file names,
//! `index.html`, the boot script and the split loader pointing at them, the service worker's precache list and
//! cache name (from the content hash of every output), brotli and gzip
//! copies, and a `_headers` file with the same headers `serve` sends.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

use crate::{first_paint, pack, prerender, sh, split};

/// Where wasm-pack writes its package.
const PKG: &str = "target/wasm-pack";

/// Security headers sent with every response.
pub fn security_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", first_paint::csp()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
        ("Referrer-Policy", "no-referrer".to_owned()),
        ("Cross-Origin-Opener-Policy", "same-origin".to_owned()),
        ("Cross-Origin-Resource-Policy", "same-origin".to_owned()),
        ("X-Frame-Options", "DENY".to_owned()),
        (
            "Permissions-Policy",
            "camera=(self), accelerometer=(self), gyroscope=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()".to_owned(),
        ),
    ]
}

/// Files whose names carry their content hash may be cached forever.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.rsplit('/').next().unwrap_or(name);
    let Some((base, _ext)) = stem.split_once('.') else {
        return false;
    };
    base.rsplit_once('-')
        .is_some_and(|(_, h)| h.len() == 10 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The Cache-Control header for a served path.
pub fn cache_control(path: &str) -> &'static str {
    if is_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Builds the release app into `out`.
pub fn build(out: &Path, label: &str) -> Result<()> {
    compile()?;
    assemble(Path::new(PKG), out, label).map(drop)
}

/// The app (built, split into chunks and bound: [`crate::split`]) and the
/// QR decoder's worker (wasm-pack), each module through wasm-opt.
pub fn compile() -> Result<()> {
    let chunks = crate::split::build_app(Path::new(PKG))?;
    // wasm-opt, two at a time: the main module (the command, the longest
    // run by far) beside every chunk (binaryen.js in one process).
    let start = Instant::now();
    std::thread::scope(|s| {
        let main = s.spawn(|| wasm_opt(&Path::new(PKG).join("firstaid_bg.wasm"), "-Oz"));
        let chunks = sh::run(
            Command::new("node")
                .arg("xtask/npm/opt-chunks.mjs")
                .args(&chunks),
        );
        main.join()
            .expect("the wasm-opt thread panicked")
            .and(chunks)
    })?;
    println!(
        "xtask: wasm-opt on the main module and {} chunks took {:.1} s",
        chunks.len(),
        start.elapsed().as_secs_f64()
    );
    // The decoder (scan/): a classic worker's script (`importScripts`, so
    // every browser with workers runs it), optimised for speed — it reads a
    // camera frame five times a second and is not part of the first load.
    let scan_out = sh::root().join(PKG).join("scan");
    sh::run(
        Command::new("wasm-pack")
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "3")
            .args([
                "build",
                "scan",
                "--target",
                "no-modules",
                "--release",
                "--mode",
                "no-install",
                "--no-typescript",
                "--no-pack",
                "--out-name",
                "scan",
                "--out-dir",
            ])
            .arg(&scan_out),
    )?;
    wasm_opt(&scan_out.join("scan_bg.wasm"), "-O3")
}

/// `work` on every item, on two threads (the suite's machines have two
/// cores; brotli uses one), the largest items (by the
/// `u64`) first, so the biggest one does not start last.
fn two_at_a_time<T: Send>(
    mut items: Vec<(u64, T)>,
    work: impl Fn(T) -> Result<()> + Sync,
) -> Result<()> {
    items.sort_by_key(|(size, _)| *size);
    let queue = Mutex::new(items);
    let next = || queue.lock().expect("no panic holding the queue").pop();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| -> Result<()> {
                    while let Some((_, item)) = next() {
                        work(item)?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers
            .into_iter()
            .try_for_each(|w| w.join().expect("a worker thread panicked"))
    })
}

/// binaryen's wasm-opt (from npm) on `wasm`, in place.
fn wasm_opt(wasm: &Path, level: &str) -> Result<()> {
    let before = fs::metadata(wasm)?.len();
    let start = Instant::now();
    sh::run(
        Command::new("xtask/npm/node_modules/.bin/wasm-opt")
            .args([
                level,
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
                "--strip-debug",
                "--strip-producers",
            ])
            .arg(wasm)
            .arg("-o")
            .arg(wasm),
    )?;
    println!(
        "xtask: wasm-opt {}: {before} → {} bytes, {:.1} s",
        wasm.display(),
        fs::metadata(wasm)?.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

fn short_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(5).fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    format!("{stem}-{}.{ext}", short_hash(bytes))
}

/// Assembles the deployable folder from a wasm-pack package, with the pages
/// of [`prerender::paths`] rendered by the app itself for the first paint: assembled once
/// without it and without the compressed copies (the server falls back to
/// the plain files), the app run in headless Chromium on that folder
/// ([`prerender::capture`]), and assembled again with the pages it drew.
pub fn assemble(pkg: &Path, out: &Path, label: &str) -> Result<FirstPaint> {
    assemble_with(pkg, out, label, &prerender::Pages::new(), None)?;
    let pages = prerender::capture(out)?;
    assemble_with(pkg, out, label, &pages, Some(Compress { like: None }))?;
    Ok(FirstPaint(pages))
}

/// The pages drawn for a build's first paint ([`assemble`]).
pub struct FirstPaint(prerender::Pages);

/// Assembles a second build of the same package under another label (the
/// suite's build "b", which differs from "a" by its label only): `like` is
/// the first build's folder and `pages` its first paint, which are the same
/// for this one, so they are not drawn again, and a file with the same
/// bytes as in `like` takes its compressed copies from there.
pub fn assemble_like(
    pkg: &Path,
    out: &Path,
    label: &str,
    like: (&Path, &FirstPaint),
) -> Result<()> {
    let (dir, pages) = like;
    assemble_with(
        pkg,
        out,
        label,
        &pages.0,
        Some(Compress { like: Some(dir) }),
    )
}

/// How `assemble_with` writes each text file's brotli and gzip copies.
struct Compress<'a> {
    /// A folder whose copies of a file with the same name and bytes are
    /// taken instead of compressing again.
    like: Option<&'a Path>,
}

/// Assembles the deployable folder; `first_paint` holds each prerendered
/// page's `#app` content per `lang/profile` (what its HTML shows a first
/// visit before the app runs; public/first-paint.js picks one); `compress`
/// (when given) writes each text file's brotli and gzip copies beside it.
fn assemble_with(
    pkg: &Path,
    out: &Path,
    label: &str,
    first_paint: &prerender::Pages,
    compress: Option<Compress>,
) -> Result<()> {
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    fs::create_dir_all(out)?;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();

    // Static files, except the templates filled in below (first-paint.js
    // goes inline into each page, never as a file) and READMEs.
    let templates = [
        "index.html",
        "first-paint.js",
        "boot.js",
        "sw.js",
        "scan-worker.js",
        "static-home.html",
        "static-emergency.html",
        "static-failed.html",
    ];
    for path in walk(Path::new("public"))? {
        let rel = path
            .strip_prefix("public")?
            .to_string_lossy()
            .replace('\\', "/");
        // READMEs document the folder they are in (public/contexts/).
        if !templates.contains(&rel.as_str()) && !rel.ends_with("README.md") {
            files.insert(rel, fs::read(&path)?);
        }
    }

    let js = fs::read(pkg.join("firstaid.js")).context("run the wasm build first")?;
    let wasm = fs::read(pkg.join("firstaid_bg.wasm"))?;
    let mut css = String::new();
    for path in walk(Path::new("style"))? {
        if path.extension().is_some_and(|e| e == "css") {
            css.push_str(&fs::read_to_string(&path)?);
            css.push('\n');
        }
    }
    let css = crate::css::shipped(&css).into_bytes();
    let js_name = hashed_name("firstaid", "js", &js);
    let wasm_name = hashed_name("firstaid_bg", "wasm", &wasm);
    let css_name = hashed_name("app", "css", &css);
    let boot = fs::read_to_string("public/boot.js")?
        .replace(
            "__CURRICULUM__",
            &format!("/{}", firstaid::content::bundle_file_name()),
        )
        .replace("__JS__", &format!("/{js_name}"))
        .replace("__WASM__", &format!("/{wasm_name}"));
    let boot_name = hashed_name("boot", "js", boot.as_bytes());
    // The QR decoder's worker, its script naming its module.
    let scan_js = fs::read(pkg.join("scan/scan.js")).context("run the wasm build first")?;
    let scan_wasm = fs::read(pkg.join("scan/scan_bg.wasm"))?;
    let scan_js_name = hashed_name("scan", "js", &scan_js);
    let scan_wasm_name = hashed_name("scan_bg", "wasm", &scan_wasm);
    let worker = fs::read_to_string("public/scan-worker.js")?
        .replace("__SCAN_JS__", &format!("/{scan_js_name}"))
        .replace("__SCAN_WASM__", &format!("/{scan_wasm_name}"));
    let worker_name = hashed_name("scan-worker", "js", worker.as_bytes());
    let index = fs::read_to_string("public/index.html")?
        .replace(
            "__CSP__",
            &first_paint::csp().replace("; frame-ancestors 'none'", ""),
        )
        .replace("__FIRST_PAINT__", first_paint::script())
        .replace("__BUILD__", label)
        .replace("__CSS__", &format!("/{css_name}"))
        .replace("__JS__", &format!("/{js_name}"))
        .replace("__WASM__", &format!("/{wasm_name}"))
        .replace("__BOOT__", &format!("/{boot_name}"))
        .replace("__SCAN_WORKER__", &format!("/{worker_name}"));
    // The split loader (imported by the glue as `./__wasm_split.js`, so its
    // name stays) and the chunks it fetches, named by their content; the
    // small shared chunks travel in packs ([`pack`]).
    let split_dir = pkg.join("split");
    let mut page_files = BTreeMap::new();
    if split_dir.join(split::LOADER).exists() {
        let loader = fs::read_to_string(split_dir.join(split::LOADER))?;
        let loader = split::patch_loader(&loader, &format!("./{js_name}"))?;
        let mut chunks = Vec::new();
        for path in walk(&split_dir)? {
            let Some(stem) = path
                .file_name()
                .and_then(|n| n.to_str()?.strip_suffix(".wasm"))
            else {
                continue;
            };
            // A module the loader never fetches (an empty split) is not shipped.
            if stem == "main" || !loader.contains(&format!("\"./{stem}.wasm\"")) {
                continue;
            }
            let bytes = fs::read(&path)?;
            let brotli = brotli(&bytes)?.len() as u64;
            chunks.push(pack::Chunk {
                stem: stem.into(),
                bytes,
                brotli,
            });
        }
        let prefetch: BTreeMap<String, Vec<String>> = serde_json::from_str(
            &fs::read_to_string(split_dir.join(split::PREFETCH))
                .context("the split build left no prefetch map: build again")?,
        )?;
        let packed = pack::pack(&loader, chunks, &split::pack_areas(&prefetch))?;
        let mut loader = packed.loader;
        // Each module's shipped name, for the pages' preloads.
        let mut shipped = BTreeMap::new();
        if !packed.packs.is_empty() {
            let named: Vec<(String, &pack::Pack)> = packed
                .packs
                .iter()
                .map(|p| (hashed_name(pack::STEM, "bin", &p.bytes), p))
                .collect();
            loader = pack::name_packs(&loader, &named)?;
            for (name, p) in named {
                for (stem, ..) in &p.index {
                    shipped.insert(stem.clone(), name.clone());
                }
                files.insert(name, p.bytes.clone());
            }
        }
        for chunk in packed.separate {
            let name = hashed_name(&chunk.stem, "wasm", &chunk.bytes);
            loader = loader.replace(
                &format!("\"./{}.wasm\"", chunk.stem),
                &format!("\"./{name}\""),
            );
            shipped.insert(chunk.stem, name.clone());
            files.insert(name, chunk.bytes);
        }
        files.insert(split::LOADER.into(), loader.into_bytes());
        page_files = split::page_files(&prefetch, &shipped)?;
    }
    // The files of each page loaded on demand, which first-paint.js
    // preloads on a first visit of that page (file names and paths only:
    // nothing to escape in a single-quoted attribute).
    let index = index.replace("__PAGE_FILES__", &serde_json::to_string(&page_files)?);
    files.insert(js_name, js);
    files.insert(wasm_name, wasm);
    files.insert(css_name, css);
    files.insert(boot_name, boot.into_bytes());
    files.insert(scan_js_name, scan_js);
    files.insert(scan_wasm_name, scan_wasm);
    files.insert(worker_name, worker.into_bytes());
    // Pages from one template: the home page's static help; each
    // prerendered page other than the home page (`learn/<id>.html`), the
    // same with its copies; and the emergency page (served for /emergency
    // and below), which works before and without the app: call button, CPR
    // steps in text, a CSS beat.
    let failed = fs::read_to_string("public/static-failed.html")?;
    let page = |main: &str| -> Result<String> {
        let main = fs::read_to_string(main)?.replace("<!-- static:failed -->", failed.trim_end());
        Ok(index.replace("<!-- static:main -->", main.trim_end()))
    };
    let home = page("public/static-home.html")?;
    let emergency = page("public/static-emergency.html")?;
    files.insert("emergency.html".into(), emergency.into_bytes());
    let mut first_visit_only = Vec::new();
    for (path, copies) in std::iter::once(("/", &BTreeMap::new()))
        .chain(first_paint.iter().map(|(p, c)| (p.as_str(), c)))
    {
        let html = home.replace("<!-- first-paint -->", &prerender::copies(path, copies));
        for name in prerender::files_for(path, first_paint.keys()) {
            if name != "index.html" {
                first_visit_only.push(name.clone());
            }
            files.insert(name, html.clone().into_bytes());
        }
    }
    // The curriculum, fetched by the app when first needed (and precached).
    files.insert(
        firstaid::content::bundle_file_name(),
        firstaid::content::BUNDLE.as_bytes().to_vec(),
    );

    // The service worker: precache everything; the cache name changes with
    // any byte of any file (and with the label).
    let mut all = Sha256::new();
    all.update(label.as_bytes());
    for (name, bytes) in &files {
        all.update(name.as_bytes());
        all.update(Sha256::digest(bytes));
    }
    let cache = format!("firstaid-{}", &short_hash(&all.finalize()));
    // The prerendered pages other than the home page help a first visit
    // only: the service worker answers every page with index.html.
    let assets: Vec<String> = files
        .keys()
        .filter(|n| !first_visit_only.contains(n))
        .map(|n| format!("/{n}"))
        .collect();
    let sw = fs::read_to_string("public/sw.js")?
        .replace("__CACHE_NAME__", &cache)
        .replace("__ASSETS__", &serde_json::to_string(&assets)?);
    files.insert("sw.js".into(), sw.into_bytes());
    files.insert("_headers".into(), headers_file(files.keys()).into_bytes());

    let sized = files.iter().map(|f| (f.1.len() as u64, f)).collect();
    two_at_a_time(sized, |(name, bytes)| {
        let path = out.join(name);
        fs::create_dir_all(path.parent().expect("inside out"))?;
        fs::write(&path, bytes)?;
        match compress.as_ref().filter(|_| compressible(name)) {
            Some(compress) => write_compressed(&path, name, bytes, compress),
            None => Ok(()),
        }
    })?;
    println!(
        "xtask: assembled {} ({} files, cache {cache}, label {label})",
        out.display(),
        files.len()
    );
    Ok(())
}

/// Writes the brotli and gzip copies of `path` (a file named `name`
/// holding `bytes`), taken from `compress.like` when it holds the same file.
fn write_compressed(path: &Path, name: &str, bytes: &[u8], compress: &Compress) -> Result<()> {
    let same = compress.like.map(|d| d.join(name)).filter(|p| {
        fs::read(p).is_ok_and(|b| b == bytes)
            && with_suffix(p, "br").exists()
            && with_suffix(p, "gz").exists()
    });
    if let Some(same) = same {
        fs::copy(with_suffix(&same, "br"), with_suffix(path, "br"))?;
        fs::copy(with_suffix(&same, "gz"), with_suffix(path, "gz"))?;
    } else {
        fs::write(with_suffix(path, "br"), brotli(bytes)?)?;
        fs::write(with_suffix(path, "gz"), gzip(bytes)?)?;
    }
    Ok(())
}

/// A `_headers` file (Netlify / Cloudflare Pages format) with the same
/// headers the local server sends.
fn headers_file<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let mut s = String::from("/*\n");
    for (k, v) in security_headers() {
        let _ = writeln!(s, "  {k}: {v}");
    }
    s.push_str("  Cache-Control: no-cache\n");
    for name in names.filter(|n| is_hashed(n)) {
        let _ = writeln!(s, "/{name}\n  Cache-Control: {}", cache_control(name));
    }
    s
}

pub fn compressible(name: &str) -> bool {
    [
        ".html",
        ".js",
        ".css",
        ".wasm",
        ".svg",
        ".webmanifest",
        ".json",
        ".bin",
    ]
    .iter()
    .any(|e| name.ends_with(e))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(bytes)?;
    }
    Ok(out)
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(bytes)?;
    Ok(w.finish()?)
}

/// Every file below `dir`, sorted.
pub fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("cannot read {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
#[path = "dist_tests.rs"]
mod tests;
