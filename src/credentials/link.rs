//! Certificates as links: `https://…/certificate#FAC3:…`, the QR text in
//! the fragment (which browsers never send to a server), as the QR code on
//! a printed certificate and the link an instructor shares. Any phone's
//! camera opens it; the app checks the certificate offline.

use super::badge::verify::{verify_credential, VerifiedCredential};
use super::badge::CredentialError;
use crate::records::payload;

/// The app's page that shows and checks a certificate.
pub const LINK_PATH: &str = "/certificate";

/// The link to a certificate's QR text on `origin`.
pub fn link(origin: &str, qr_text: &str) -> String {
    payload::link(origin, LINK_PATH, qr_text)
}

/// What to check of a pasted or scanned text: a certificate's JSON as it
/// is (its verification method has a `#` of its own), otherwise the QR
/// text of a [`link`] or the QR text itself.
pub fn credential_text(text: &str) -> String {
    let t = text.trim_start_matches('\u{feff}').trim();
    if t.starts_with('{') {
        t.to_owned()
    } else {
        payload::link_text(t)
    }
}

/// How far ahead of this phone's clock an issuing phone's clock may be: a
/// certificate checked right after it was issued is accepted up to this
/// much before its `validFrom` (phones' clocks differ by seconds to
/// minutes).
pub const CLOCK_SKEW_MS: i64 = 5 * 60_000;

/// [`verify_credential`] as the app checks a certificate at `now_ms`:
/// "not valid yet" only when it starts more than [`CLOCK_SKEW_MS`] later.
pub fn verify_on_this_phone(
    text: &str,
    now_ms: i64,
) -> Result<VerifiedCredential, CredentialError> {
    match verify_credential(text, now_ms) {
        Err(e @ CredentialError::NotYetValid(_)) => {
            verify_credential(text, now_ms.saturating_add(CLOCK_SKEW_MS)).map_err(|_| e)
        }
        other => other,
    }
}
