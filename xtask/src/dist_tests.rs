//! Tests of `dist` (a file of their own: dist.rs is long).

use super::*;

#[test]
fn hashed_names_are_recognised() {
    let cases = [
        ("firstaid-0123456789.js", true),
        ("/firstaid_bg-abcdef0123.wasm", true),
        ("app-ABCDEF0123.css", true),
        ("index.html", false),
        ("sw.js", false),
        ("icons/icon-192.png", false),
        ("boot-012345678.js", false),
        ("boot-0123456789x.js", false),
    ];
    for (name, want) in cases {
        assert_eq!(is_hashed(name), want, "{name}");
    }
    assert_eq!(cache_control("index.html"), "no-cache");
    assert!(cache_control("firstaid-0123456789.js").contains("immutable"));
}

#[test]
fn hashed_name_follows_content() {
    let a = hashed_name("x", "js", b"one");
    assert_eq!(a, hashed_name("x", "js", b"one"));
    assert_ne!(a, hashed_name("x", "js", b"two"));
    assert!(is_hashed(&a));
}

#[test]
fn a_second_build_takes_the_compressed_copies_of_the_same_files_only() {
    let dir = std::env::temp_dir().join(format!("xtask-like-{}", std::process::id()));
    let (a, b) = (dir.join("a"), dir.join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    // Build a's copies of two files, marked so that a copy taken shows.
    for (name, text) in [("same.js", "same"), ("index.html", "label a")] {
        fs::write(a.join(name), text).unwrap();
        fs::write(a.join(format!("{name}.br")), "a's br").unwrap();
        fs::write(a.join(format!("{name}.gz")), "a's gz").unwrap();
    }
    let like = Compress { like: Some(&a) };
    for (name, text) in [("same.js", "same"), ("index.html", "label b")] {
        let path = b.join(name);
        fs::write(&path, text).unwrap();
        write_compressed(&path, name, text.as_bytes(), &like).unwrap();
    }
    let read = |n: &str| fs::read(b.join(n)).unwrap();
    assert_eq!(read("same.js.br"), b"a's br");
    assert_eq!(read("same.js.gz"), b"a's gz");
    // Different bytes: compressed afresh.
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &read("index.html.br")[..], &mut out).unwrap();
    assert_eq!(out, b"label b");
    assert_ne!(read("index.html.gz"), b"a's gz");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compression_round_trips() {
    let text = "急救英雄 First Aid Hero ".repeat(100);
    let br = brotli(text.as_bytes()).unwrap();
    let mut back = Vec::new();
    brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
    assert_eq!(back, text.as_bytes());
    assert!(br.len() < text.len() / 10);
}
