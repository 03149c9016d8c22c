//! QR payloads: a versioned text prefix, then the bytes deflated (raw
//! DEFLATE, RFC 1951) and written in base45 — the scheme of the EU digital
//! COVID certificate, whose prefix `HC1:` tells a scanner what it holds.
//! Our prefixes: `FAR2:` for a completion record (`FAR1:` for version 1), `FAA1:` for
//! an assignment. Everything is in the QR alphanumeric alphabet, so the
//! code uses the denser alphanumeric mode.
//!
//! Reading never trusts the input: the prefix must match, base45 must be
//! exact, and inflating stops at [`MAX_INFLATED`] bytes (no zip bombs).

use std::fmt;

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};

use super::base45::{self, Base45Error};

/// The most bytes a payload may inflate to.
pub const MAX_INFLATED: usize = 64 * 1024;

/// Why a text is not a payload of the expected kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// It does not start with the expected prefix (found: its first
    /// characters, for the message).
    Prefix {
        expected: String,
        found: String,
    },
    Base45(Base45Error),
    /// The bytes do not inflate (or inflate beyond [`MAX_INFLATED`]).
    Deflate,
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PayloadError::Prefix { expected, found } => {
                write!(f, "expected text starting with {expected}, found {found:?}")
            }
            PayloadError::Base45(e) => write!(f, "{e}"),
            PayloadError::Deflate => write!(f, "the compressed data is damaged"),
        }
    }
}

impl std::error::Error for PayloadError {}

/// The payload text of `bytes` under `prefix`.
pub fn wrap(prefix: &str, bytes: &[u8]) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(bytes, 10);
    format!("{prefix}{}", base45::encode(&deflated))
}

/// The bytes of a payload text (surrounding whitespace ignored).
pub fn unwrap(prefix: &str, text: &str) -> Result<Vec<u8>, PayloadError> {
    let text = text.trim();
    let Some(body) = text.strip_prefix(prefix) else {
        return Err(PayloadError::Prefix {
            expected: prefix.to_owned(),
            found: text.chars().take(prefix.len().max(4)).collect(),
        });
    };
    let deflated = base45::decode(body).map_err(PayloadError::Base45)?;
    miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_INFLATED)
        .map_err(|_| PayloadError::Deflate)
}

/// A link to `path` on `origin` carrying QR text in its fragment, which
/// browsers never send to a server (`https://…/assignment#FAA1:…`);
/// base45's space and `%` are percent-encoded.
pub fn link(origin: &str, path: &str, qr_text: &str) -> String {
    let fragment = qr_text.replace('%', "%25").replace(' ', "%20");
    format!("{origin}{path}#{fragment}")
}

/// The QR text in `text`: a [`link`] (anything up to the last `#` is
/// ignored, escapes decoded) or the QR text itself; trimmed.
pub fn link_text(text: &str) -> String {
    let t = text.trim();
    match t.rsplit_once('#') {
        Some((_, fragment)) => percent_decode(fragment),
        None => t.to_owned(),
    }
}

/// Decodes `%XX` escapes (a malformed escape is kept as it is, and then
/// fails as base45).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A QR code of a payload text at error-correction level M.
pub struct Qr {
    code: QrCode,
}

impl Qr {
    /// Encodes `text` in the smallest version that holds it at level M;
    /// `None` when even version 40 cannot. Alphanumeric mode (5.5 bits a
    /// character) where the text allows; a [`link`] goes in two segments,
    /// its address in byte mode and its fragment — QR text, escaped — in
    /// alphanumeric mode (a link with a version 2 certificate is then
    /// version 31 instead of 37, with a version 3 one 35); anything else in
    /// byte mode.
    pub fn new(text: &str) -> Option<Qr> {
        let segments = if QrSegment::is_alphanumeric(text) {
            vec![QrSegment::make_alphanumeric(text)]
        } else {
            match text.find('#') {
                Some(i) if QrSegment::is_alphanumeric(&text[i + 1..]) && text.len() - i > 32 => {
                    vec![
                        QrSegment::make_bytes(&text.as_bytes()[..=i]),
                        QrSegment::make_alphanumeric(&text[i + 1..]),
                    ]
                }
                _ => vec![QrSegment::make_bytes(text.as_bytes())],
            }
        };
        QrCode::encode_segments_advanced(
            &segments,
            QrCodeEcc::Medium,
            Version::MIN,
            Version::MAX,
            None,
            false,
        )
        .ok()
        .map(|code| Qr { code })
    }

    /// The QR version (1–40).
    pub fn version(&self) -> u8 {
        self.code.version().value()
    }

    /// Modules per side.
    pub fn size(&self) -> i32 {
        self.code.size()
    }

    /// Whether the module at (x, y) is dark.
    pub fn dark(&self, x: i32, y: i32) -> bool {
        self.code.get_module(x, y)
    }

    /// The code as an SVG document: one path of dark modules on white, with
    /// the standard four-module quiet zone, scaling to any size.
    pub fn svg(&self) -> String {
        let n = self.size();
        let mut path = String::new();
        for y in 0..n {
            for x in 0..n {
                if self.dark(x, y) {
                    path.push_str(&format!("M{},{}h1v1h-1z", x + 4, y + 4));
                }
            }
        }
        let side = n + 8;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\">\
             <rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
        )
    }
}
