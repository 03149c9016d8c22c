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

/// The script's text, as shipped (the file is compiled in, so the server's
/// policy and the pages a build writes always agree).
pub const SCRIPT: &str = include_str!("../../public/first-paint.js");

/// The policy, with `{script-hash}` for the inline script's hash.
const POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script-hash}; style-src 'self'; \
img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; \
media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The CSP source that allows [`SCRIPT`] inline: `'sha256-…'`.
pub fn script_hash() -> String {
    let digest = Sha256::digest(SCRIPT.as_bytes());
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
    fn the_policy_allows_the_inline_script_by_its_hash_and_nothing_else_inline() {
        let csp = csp();
        let script_src = csp
            .split("; ")
            .find(|d| d.starts_with("script-src "))
            .expect("a script-src");
        assert!(script_src.contains(&script_hash()));
        assert!(!csp.contains("unsafe-inline"));
        // A changed byte changes the hash (sha256 of the exact text).
        let other = Sha256::digest(format!("{SCRIPT} ").as_bytes());
        let other = base64::engine::general_purpose::STANDARD.encode(other);
        assert!(!csp.contains(&other));
        // The known answer for the empty script (as `openssl dgst -sha256 -binary | base64`).
        let empty = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b""));
        assert_eq!(empty, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }
}
