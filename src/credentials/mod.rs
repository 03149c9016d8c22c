//! Certificates as verifiable credentials (issue #7), pure: [`jcs`] (the
//! JSON Canonicalization Scheme, RFC 8785), [`multibase`] (base58btc,
//! multibase and Ed25519 multikeys), [`did_key`] (`did:key` identifiers),
//! [`proof`] (Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite)
//! and [`badge`] (the Open Badges 3.0 certificate: issuing, verifying, its
//! QR text).
//!
//! Certificates are Open Badges 3.0 credentials secured with an embedded
//! Data Integrity proof (`eddsa-jcs-2022`) rather than as a VC-JWT: the
//! credential stays plain, readable JSON with the proof beside it, which is
//! what the Open Badges 3.0 examples use. JCS canonicalization needs no
//! JSON-LD processing and so no fetching of `@context` documents, and the
//! issuer's key is a `did:key`, resolved from the identifier itself with no
//! network — so the app can issue and check certificates offline.

pub mod badge;
pub mod did_key;
pub mod jcs;
pub mod link;
pub mod multibase;
pub mod proof;
pub mod roster;
