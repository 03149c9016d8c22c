//! Converts the curriculum in `content/` (TOML and SVG) into one JSON bundle
//! in OUT_DIR, and its content version (a SHA-256 of the bundle). TOML syntax
//! errors in any number of files are reported together.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect(),
        Err(_) => Vec::new(),
    };
    out.sort();
    out
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("content");
    println!("cargo:rerun-if-changed=content");
    let mut errors = Vec::new();
    let mut read_toml = |path: &Path| -> serde_json::Value {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match toml::from_str::<toml::Value>(&text) {
            Ok(v) => serde_json::to_value(v).expect("TOML values are JSON values"),
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                serde_json::Value::Null
            }
        }
    };
    let name =
        |p: &Path, base: &str| format!("{base}/{}", p.file_name().unwrap().to_string_lossy());

    let sources = read_toml(&root.join("sources.toml"));
    let glossary = read_toml(&root.join("glossary.toml"));
    let mut lessons = BTreeMap::new();
    for p in files(&root.join("lessons"), "toml") {
        lessons.insert(name(&p, "lessons"), read_toml(&p));
    }
    let mut questions = BTreeMap::new();
    for p in files(&root.join("questions"), "toml") {
        questions.insert(name(&p, "questions"), read_toml(&p));
    }
    let mut blueprints = BTreeMap::new();
    for p in files(&root.join("blueprints"), "toml") {
        blueprints.insert(name(&p, "blueprints"), read_toml(&p));
    }
    let mut checklists = BTreeMap::new();
    for p in files(&root.join("checklists"), "toml") {
        checklists.insert(name(&p, "checklists"), read_toml(&p));
    }
    let mut illustrations = BTreeMap::new();
    for p in files(&root.join("illustrations"), "svg") {
        println!("cargo:rerun-if-changed={}", p.display());
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        illustrations.insert(
            stem,
            fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        );
    }
    if !errors.is_empty() {
        panic!(
            "content files that are not valid TOML:\n{}",
            errors.join("\n")
        );
    }
    let bundle = serde_json::json!({
        "sources": sources,
        "lessons": lessons,
        "questions": questions,
        "blueprints": blueprints,
        "checklists": checklists,
        "illustrations": illustrations,
        "glossary": glossary,
    })
    .to_string();
    let digest = Sha256::digest(bundle.as_bytes());
    let version = digest
        .iter()
        .take(8)
        .fold(String::from("sha256:"), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    fs::write(out.join("content.json"), bundle).unwrap();
    fs::write(out.join("content_version.txt"), version).unwrap();
}
