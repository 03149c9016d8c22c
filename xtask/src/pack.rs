//! Small shared chunks travel together (issue 16, tap to content).
//!
//! The splitter makes one shared chunk per set of pages that share code, so
//! a page's first visit fetched its own module and 25–40 shared ones, most
//! under 1 KiB. On a phone over HTTP/1.1 (6 connections per host) each
//! round of 6 requests costs a network latency: 33 files for the lessons
//! page measured 3.8 s from tap to content on the throttled profile, most
//! of it waiting, not downloading.
//!
//! So `dist` puts every shared chunk whose brotli size is at most
//! [`SMALL`] into a pack (`chunk_pack-<hash>.bin`: the modules one after
//! another), and rewrites the split loader so those chunks are sliced out
//! of their pack, fetched once, instead of fetched one by one. Each chunk
//! is still its own wasm module, instantiated as before; only the
//! transport changes. The pages' own modules (`split_*`) and the larger
//! shared chunks stay separate files.
//!
//! The areas named in `split::PACK_ORDER` (the lessons) have a pack of
//! their own, holding the small chunks they need; the rest are in a last
//! pack. So the lessons fetch only what they need: with one pack for all,
//! they fetched the quiz's and the trainer's small chunks too (13 KiB more
//! when practice became a chunk of its own).
//!
//! Why not merge modules: the splitter (`wasm_split_cli_support`) has no
//! option for it, and merging wasm modules after the split would mean
//! relinking their imports and tables by hand. Concatenating is a few
//! lines of JavaScript and compresses better than the separate files.
//!
//! The loader's pack fetch keeps its promise only when it succeeds, like
//! the loader's own loads, so "Try again" after a failed fetch fetches again.

use std::fmt::Write;

use anyhow::{ensure, Result};

/// The largest shared chunk packed, in brotli bytes. Chosen on the build of
/// 2026-12-05 (80 modules): at 4 KiB every page needs at most 11 files and
/// the pack is 47 KiB; a larger limit packs chunks only some pages need.
pub const SMALL: u64 = 4096;

/// The pack's name before hashing.
pub const STEM: &str = "chunk_pack";

/// A shared chunk of the splitter's output: its plain stem and bytes.
pub struct Chunk {
    pub stem: String,
    pub bytes: Vec<u8>,
    /// Its brotli size, which decides whether it is packed.
    pub brotli: u64,
}

/// One pack: the bytes of its chunks one after another, and where each is.
#[derive(Debug, Default)]
pub struct Pack {
    pub bytes: Vec<u8>,
    /// Each packed chunk's stem, offset and length.
    pub index: Vec<(String, usize, usize)>,
}

/// The outcome: the loader to ship, the packs (none when nothing is
/// small), and the chunks still shipped as files of their own.
pub struct Packed {
    pub loader: String,
    pub packs: Vec<Pack>,
    pub separate: Vec<Chunk>,
}

/// Whether a shipped file is a pack.
pub fn is_pack(name: &str) -> bool {
    name.starts_with(&format!("{STEM}-")) && name.ends_with(".bin")
}

/// Is `stem` a shared chunk (not a page's own module)?
pub fn is_shared(stem: &str) -> bool {
    stem.strip_prefix("chunk_")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The splitter's fetch of a chunk, as its loader writes it.
fn fetch_of(stem: &str) -> String {
    format!("fetch(new URL(\"./{stem}.wasm\", import.meta.url))")
}

/// Packs the small shared chunks of `chunks` (the others stay separate)
/// and rewrites `loader` to take them from their packs; [`name_packs`]
/// then names the packs in the loader (a pack's name hashes its bytes).
/// `areas` are the modules each area needs, in the order of their packs:
/// a small chunk goes into the pack of the first area that needs it, one
/// that none needs into a last pack.
pub fn pack(loader: &str, mut chunks: Vec<Chunk>, areas: &[Vec<String>]) -> Result<Packed> {
    chunks.sort_by(|a, b| a.stem.cmp(&b.stem));
    let (small, separate): (Vec<Chunk>, Vec<Chunk>) = chunks
        .into_iter()
        .partition(|c| is_shared(&c.stem) && c.brotli <= SMALL);
    let mut loader = loader.to_string();
    let mut packs: Vec<Pack> = (0..=areas.len()).map(|_| Pack::default()).collect();
    for c in &small {
        let fetch = fetch_of(&c.stem);
        ensure!(
            loader.matches(&fetch).count() == 1,
            "the split loader does not fetch {}.wasm exactly once as `{fetch}`",
            c.stem
        );
        loader = loader.replace(&fetch, &format!("__firstaidPacked(\"{}\")", c.stem));
        let area = areas
            .iter()
            .position(|stems| stems.contains(&c.stem))
            .unwrap_or(areas.len());
        let pack = &mut packs[area];
        pack.index
            .push((c.stem.clone(), pack.bytes.len(), c.bytes.len()));
        pack.bytes.extend_from_slice(&c.bytes);
    }
    packs.retain(|p| !p.index.is_empty());
    Ok(Packed {
        loader,
        packs,
        separate,
    })
}

/// The loader with the packs' fetches added after its first line (its
/// import of the glue): `packs` are each pack's shipped name and index.
pub fn name_packs(loader: &str, packs: &[(String, &Pack)]) -> Result<String> {
    let (first, rest) = loader
        .split_once('\n')
        .filter(|(first, _)| first.starts_with("import "))
        .ok_or_else(|| anyhow::anyhow!("the split loader does not start with its import"))?;
    let mut urls = String::new();
    let mut table = String::new();
    for (p, (name, pack)) in packs.iter().enumerate() {
        let sep = if p == 0 { "" } else { ", " };
        let _ = write!(urls, "{sep}new URL(\"./{name}\", import.meta.url)");
        for (stem, at, len) in &pack.index {
            let sep = if table.is_empty() { "" } else { ", " };
            let _ = write!(table, "{sep}\"{stem}\": [{p}, {at}, {len}]");
        }
    }
    Ok(format!(
        "{first}\n\
// Small shared chunks, one after another in a file per area (xtask/src/pack.rs).\n\
const __firstaidPack = {{ urls: [{urls}], at: {{ {table} }}, loads: [] }};\n\
function __firstaidPacked(stem) {{\n\
    const [p, at, len] = __firstaidPack.at[stem];\n\
    if (__firstaidPack.loads[p] === undefined) {{\n\
        const url = __firstaidPack.urls[p];\n\
        const load = fetch(url).then((r) => {{\n\
            if (!r.ok) throw new Error(`${{url}}: ${{r.status}}`);\n\
            return r.arrayBuffer();\n\
        }});\n\
        // Kept only when it succeeds, so a retry fetches again.\n\
        load.catch(() => {{ if (__firstaidPack.loads[p] === load) __firstaidPack.loads[p] = undefined; }});\n\
        __firstaidPack.loads[p] = load;\n\
    }}\n\
    return __firstaidPack.loads[p].then((b) => new Response(b.slice(at, at + len), {{ headers: {{ 'Content-Type': 'application/wasm' }} }}));\n\
}}\n\
{rest}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loader(stems: &[&str]) -> String {
        let mut s = String::from("import { initSync } from \"./x.js\";\nfunction makeLoad() {}\n");
        for stem in stems {
            let _ = writeln!(
                s,
                "const __{stem} = makeLoad(() => {{\n    const src = {};\n}}, []);",
                fetch_of(stem)
            );
        }
        s
    }

    fn chunk(stem: &str, len: usize, brotli: u64) -> Chunk {
        Chunk {
            stem: stem.into(),
            bytes: vec![stem.len() as u8; len],
            brotli,
        }
    }

    fn stems(p: &Pack) -> Vec<&str> {
        p.index.iter().map(|(s, ..)| s.as_str()).collect()
    }

    #[test]
    fn small_shared_chunks_are_packed_by_the_first_area_that_needs_them() {
        let l = loader(&[
            "chunk_9",
            "chunk_10",
            "chunk_11",
            "chunk_12",
            "chunk_13",
            "split_quiz",
        ]);
        let chunks = vec![
            chunk("chunk_11", 5, SMALL),
            chunk("chunk_9", 3, 10),
            chunk("chunk_10", 7, SMALL + 1),
            chunk("chunk_12", 2, 1),
            chunk("chunk_13", 4, 1),
            // A page's own module stays a file however small it is.
            chunk("split_quiz", 2, 1),
        ];
        let areas = vec![
            // The lessons need 9 and 11; the quiz 9 (already in the
            // lessons' pack) and 12; the trainer nothing small; 13 no
            // area (a last pack).
            vec![
                "chunk_9".to_string(),
                "chunk_11".into(),
                "split_lessons".into(),
            ],
            vec![
                "chunk_9".to_string(),
                "chunk_12".into(),
                "split_quiz".into(),
            ],
            vec!["chunk_10".to_string(), "split_trainer".into()],
        ];
        let p = pack(&l, chunks, &areas).unwrap();
        let separate: Vec<&str> = p.separate.iter().map(|c| c.stem.as_str()).collect();
        assert_eq!(separate, ["chunk_10", "split_quiz"]);
        assert_eq!(p.packs.len(), 3, "no pack for an area with nothing small");
        assert_eq!(stems(&p.packs[0]), ["chunk_11", "chunk_9"]);
        assert_eq!(stems(&p.packs[1]), ["chunk_12"]);
        assert_eq!(stems(&p.packs[2]), ["chunk_13"]);
        assert_eq!(
            p.packs[0].index,
            [
                ("chunk_11".to_string(), 0, 5),
                ("chunk_9".to_string(), 5, 3)
            ]
        );
        assert_eq!(p.packs[0].bytes.len(), 8);
        assert_eq!(&p.packs[0].bytes[0..5], &[8; 5]);
        assert_eq!(&p.packs[0].bytes[5..8], &[7; 3]);
        for stem in ["chunk_9", "chunk_11", "chunk_12", "chunk_13"] {
            assert!(p
                .loader
                .contains(&format!("const src = __firstaidPacked(\"{stem}\");")));
        }
        assert!(p.loader.contains(&fetch_of("chunk_10")));
        assert!(p.loader.contains(&fetch_of("split_quiz")));

        let named: Vec<(String, &Pack)> = p
            .packs
            .iter()
            .enumerate()
            .map(|(i, pack)| (format!("chunk_pack-{i}123456789.bin"), pack))
            .collect();
        let named = name_packs(&p.loader, &named).unwrap();
        assert!(named.starts_with("import { initSync } from \"./x.js\";\n// Small shared"));
        assert!(named.contains(
            "urls: [new URL(\"./chunk_pack-0123456789.bin\", import.meta.url), new URL(\"./chunk_pack-1123456789.bin\", import.meta.url), new URL(\"./chunk_pack-2123456789.bin\", import.meta.url)], at: { \"chunk_11\": [0, 0, 5], \"chunk_9\": [0, 5, 3], \"chunk_12\": [1, 0, 2], \"chunk_13\": [2, 0, 4] }"
        ));
        assert!(named.ends_with(&p.loader[p.loader.find('\n').unwrap() + 1..]));
    }

    #[test]
    fn nothing_small_means_no_pack_and_the_same_loader() {
        let l = loader(&["chunk_9"]);
        let p = pack(&l, vec![chunk("chunk_9", 3, SMALL + 1)], &[]).unwrap();
        assert!(p.packs.is_empty());
        assert_eq!(p.loader, l);
    }

    #[test]
    fn a_loader_that_does_not_fetch_a_chunk_as_expected_is_an_error() {
        let l = "import { initSync } from \"./x.js\";\nconst src = fetch(\"./chunk_9.wasm\");\n";
        assert!(pack(l, vec![chunk("chunk_9", 3, 1)], &[]).is_err());
        assert!(name_packs("const x = 1;\n", &[]).is_err());
    }

    #[test]
    fn shared_chunks_and_the_pack_are_recognised() {
        assert!(is_shared("chunk_12") && !is_shared("chunk_") && !is_shared("split_quiz"));
        assert!(!is_shared("chunk_pack"));
        assert!(is_pack("chunk_pack-0123456789.bin") && !is_pack("chunk_12-0123456789.wasm"));
    }
}
