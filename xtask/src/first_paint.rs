//! The script every HTML page carries inline (`public/first-paint.js`: the
//! language, the call buttons' number, the choice of the prerendered home
//! page) and the Content Security Policy, which allows exactly that script
//! by its hash and no other inline script.
//!
//! Inline, because it must run before the first paint without a request of
//! its own (on slow 4G a round trip is 150 ms or more); by hash, because the
//! policy keeps `'unsafe-inline'` out.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The script's source (compiled in, so the server's policy and the pages a
/// build writes always agree).
const SOURCE: &str = include_str!("../../public/first-paint.js");

/// The script's text as shipped: [`SOURCE`] without its comment lines,
/// blank lines and indentation ([`shipped`]). Every HTML page carries it,
/// so its comments cost every first visit (about 1.5 KB brotli).
pub fn script() -> &'static str {
    static SCRIPT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| shipped(SOURCE));
    &SCRIPT
}

/// `source` without the lines that are only a comment (`// …`, or a
/// `/* … */` that starts its line, over one line or more), blank lines and
/// each line's indentation. Written here rather than run through a
/// JavaScript minifier: the server computes the policy's hash from this
/// text at run time, with no Node step on the way, and the one file it
/// handles is ours — code and a comment never share a line in it except
/// the tables' `/* name:begin */` markers, which stay (a test checks).
fn shipped(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_block = false;
    for line in source.lines() {
        let line = line.trim();
        if in_block {
            in_block = !line.ends_with("*/");
            continue;
        }
        if line.starts_with("/*") {
            match line.find("*/") {
                // A comment that is the whole line.
                Some(end) if end + 2 == line.len() => continue,
                // Code after a comment: kept, comment and all.
                Some(_) => {}
                None => {
                    in_block = true;
                    continue;
                }
            }
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The policy, with `{script-hash}` for the inline script's hash.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script-hash}; style-src 'self'; \
img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The CSP source that allows [`script`] inline: `'sha256-…'`.
pub fn script_hash() -> String {
    let digest = Sha256::digest(script().as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The Content Security Policy, shared by the server, `_headers` and the
/// `<meta>` in each page (which cannot carry frame-ancestors).
pub fn csp() -> String {
    POLICY.replace("{script-hash}", &script_hash())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_script_is_the_source_without_its_comments() {
        let src = "/** One line. */\nconst a = 1; // not a whole-line comment: kept\n\n  // gone\n  /* a block\n   * over lines */\n  if (a) {\n    b(`//x`);\n  }\nconst T = /* t:begin */{}/* t:end */;\n/* x */ c();\n";
        assert_eq!(
            shipped(src),
            "const a = 1; // not a whole-line comment: kept\nif (a) {\nb(`//x`);\n}\nconst T = /* t:begin */{}/* t:end */;\n/* x */ c();\n"
        );
        // The real script: every line of code is kept, in order, and no
        // comment line; it is smaller by its comments.
        let code: Vec<&str> = SOURCE
            .lines()
            .map(str::trim)
            .filter(|l| {
                !l.is_empty() && !l.starts_with("//") && !l.starts_with("/*") && !l.starts_with('*')
            })
            .collect();
        assert_eq!(script().lines().collect::<Vec<_>>(), code);
        assert!(
            script().len() < SOURCE.len() * 3 / 4,
            "{} of {}",
            script().len(),
            SOURCE.len()
        );
        assert!(
            script().contains("/* regions:begin */") && script().contains("/* profiles:end */")
        );
    }

    #[test]
    fn the_policy_allows_the_inline_script_by_its_hash_and_nothing_else_inline() {
        let csp = csp();
        let script_src = csp
            .split("; ")
            .find(|d| d.starts_with("script-src "))
            .expect("a script-src");
        assert!(script_src.contains(&script_hash()));
        assert!(!csp.contains("unsafe-inline"));
        // A changed byte changes the hash (sha256 of the exact text).
        let other = Sha256::digest(format!("{} ", script()).as_bytes());
        let other = base64::engine::general_purpose::STANDARD.encode(other);
        assert!(!csp.contains(&other));
        // The known answer for the empty script (as `openssl dgst -sha256 -binary | base64`).
        let empty = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b""));
        assert_eq!(empty, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }
}
