//! Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite (W3C Data
//! Integrity EdDSA Cryptosuites v1.0, §3.3).
//!
//! The algorithms, as the specification defines them:
//!
//! - **Proof configuration**: the proof options (`type`, `cryptosuite`,
//!   optional `created`, `verificationMethod`, `proofPurpose`, and the
//!   document's `@context` when it has one), without `proofValue`; `type`
//!   must be `DataIntegrityProof`, `cryptosuite` `eddsa-jcs-2022`, and
//!   `created` an XML Schema 1.1 `dateTime`; canonicalized with JCS.
//! - **Transformation**: JCS of the document without its `proof`.
//! - **Hashing**: SHA-256 of the canonical proof configuration, followed by
//!   SHA-256 of the transformed document (64 bytes).
//! - **Proof serialization**: the Ed25519 (pure EdDSA, RFC 8032) signature of
//!   those 64 bytes; `proofValue` is its multibase base58btc (`z…`).
//! - **Verification**: the same hash data, the signature checked with the key
//!   the `verificationMethod` names. Only `did:key` verification methods are
//!   resolved (no network); signatures are checked with `verify_strict`.
//!
//! When the proof carries an `@context`, verification first checks that the
//! document's `@context` starts with the proof's, in order, and then hashes
//! the document with the proof's `@context` in place of its own (Verify
//! Proof, step 4) — so contexts appended after signing do not break the
//! proof, as the specification intends for proof sets and chains.
//!
//! A document's `proof` is one object, or an array holding one object (a
//! proof set of one: [`sign_in_set`]; Open Badges 3.0's JSON Schema wants
//! `proof` as an array). In a proof set each proof secures the document
//! without any `proof`, so both forms hash the same bytes. Sets of more
//! than one proof, and chains, are refused with
//! [`ProofError::ProofSetNotSupported`]; an empty array is a missing proof.

use std::fmt;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::did_key::{self, DidKeyError};
use super::jcs::{self, JcsError};
use super::multibase;
use crate::records::keys::{KeyPair, PublicKey, SignatureError};

/// The proof `type`.
pub const PROOF_TYPE: &str = "DataIntegrityProof";
/// The `cryptosuite`.
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
/// The `proofPurpose` of a credential's proof.
pub const PROOF_PURPOSE: &str = "assertionMethod";

/// The choices a signer makes; everything else in the proof is fixed or
/// derived from the key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProofOptions {
    /// The proof's `created`, an XML Schema `dateTime` such as
    /// `2023-02-24T23:36:38Z`; no `created` when `None`.
    pub created: Option<String>,
}

/// Why a proof cannot be made or does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// The document is not a JSON object.
    NotAnObject,
    /// The document to sign already has a `proof`.
    AlreadySigned,
    /// The secured document has no `proof`.
    MissingProof,
    /// The `proof` is an array of more than one proof (a proof set or
    /// chain).
    ProofSetNotSupported,
    /// The `proof` is not an object.
    MalformedProof,
    /// A proof property is missing or not a string (its name).
    MissingProperty(&'static str),
    /// The proof `type` is not `DataIntegrityProof`.
    WrongType,
    /// The `cryptosuite` is not `eddsa-jcs-2022`.
    WrongCryptosuite,
    /// The `proofPurpose` is not `assertionMethod`.
    WrongProofPurpose,
    /// `created` is not an XML Schema `dateTime`.
    InvalidCreated,
    /// The document's `@context` does not start with the proof's.
    ContextMismatch,
    /// The `verificationMethod` is not a usable Ed25519 `did:key`.
    VerificationMethod(DidKeyError),
    /// The `proofValue` is not a multibase base58btc 64-byte signature.
    InvalidProofValue,
    /// The key named by the verification method is not a usable Ed25519 key.
    BadKey,
    /// The signature does not match the document, the proof and the key.
    SignatureMismatch,
    /// The document or the proof has no JCS canonical form.
    Canonicalization(JcsError),
}

impl fmt::Display for ProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProofError::NotAnObject => write!(f, "the document is not a JSON object"),
            ProofError::AlreadySigned => write!(f, "the document already has a proof"),
            ProofError::MissingProof => write!(f, "the document has no proof"),
            ProofError::ProofSetNotSupported => {
                write!(
                    f,
                    "sets and chains of more than one proof are not supported"
                )
            }
            ProofError::MalformedProof => write!(f, "the proof is not a JSON object"),
            ProofError::MissingProperty(name) => {
                write!(f, "the proof's {name} is missing or not a string")
            }
            ProofError::WrongType => write!(f, "the proof type is not {PROOF_TYPE}"),
            ProofError::WrongCryptosuite => write!(f, "the cryptosuite is not {CRYPTOSUITE}"),
            ProofError::WrongProofPurpose => {
                write!(f, "the proof purpose is not {PROOF_PURPOSE}")
            }
            ProofError::InvalidCreated => {
                write!(f, "the proof's creation time is not a valid date and time")
            }
            ProofError::ContextMismatch => write!(
                f,
                "the document's @context does not start with the proof's @context"
            ),
            ProofError::VerificationMethod(e) => write!(f, "the verification method: {e}"),
            ProofError::InvalidProofValue => {
                write!(f, "the proof value is not a base58btc Ed25519 signature")
            }
            ProofError::BadKey => write!(f, "the verification method's key is not usable"),
            ProofError::SignatureMismatch => {
                write!(f, "the signature does not match the document")
            }
            ProofError::Canonicalization(e) => {
                write!(f, "the document cannot be canonicalized: {e}")
            }
        }
    }
}

impl std::error::Error for ProofError {}

impl From<JcsError> for ProofError {
    fn from(e: JcsError) -> ProofError {
        ProofError::Canonicalization(e)
    }
}

/// Signs `document` (a JSON object without `proof`) with `key` and returns
/// it with its `proof` (Create Proof, eddsa-jcs-2022). The verification
/// method is the key's `did:key`.
pub fn sign(document: &Value, key: &KeyPair, options: ProofOptions) -> Result<Value, ProofError> {
    let unsecured = document.as_object().ok_or(ProofError::NotAnObject)?;
    if unsecured.contains_key("proof") {
        return Err(ProofError::AlreadySigned);
    }
    let mut proof = Map::new();
    proof.insert("type".into(), PROOF_TYPE.into());
    proof.insert("cryptosuite".into(), CRYPTOSUITE.into());
    if let Some(created) = options.created {
        proof.insert("created".into(), created.into());
    }
    proof.insert(
        "verificationMethod".into(),
        did_key::verification_method(&key.public()).into(),
    );
    proof.insert("proofPurpose".into(), PROOF_PURPOSE.into());
    // Create Proof step 2.
    if let Some(context) = unsecured.get("@context") {
        proof.insert("@context".into(), context.clone());
    }
    let proof_config = proof_configuration(&proof)?;
    let transformed = transform(unsecured)?;
    let signature = key.sign(&hash_data(&transformed, &proof_config));
    proof.insert(
        "proofValue".into(),
        multibase::encode_base58btc(&signature).into(),
    );
    let mut secured = unsecured.clone();
    secured.insert("proof".into(), Value::Object(proof));
    Ok(Value::Object(secured))
}

/// [`sign`], with the proof in an array: `"proof": [{…}]`, a proof set of
/// one. The signature is the same as [`sign`]'s.
pub fn sign_in_set(
    document: &Value,
    key: &KeyPair,
    options: ProofOptions,
) -> Result<Value, ProofError> {
    let mut secured = sign(document, key, options)?;
    if let Some(object) = secured.as_object_mut() {
        if let Some(proof) = object.remove("proof") {
            object.insert("proof".into(), Value::Array(vec![proof]));
        }
    }
    Ok(secured)
}

/// Verifies the `proof` of `secured` (Verify Proof, eddsa-jcs-2022) and
/// returns the key that made it, named by its `did:key` verification method.
/// Also checks that the proof's `type`, `cryptosuite` and `proofPurpose`
/// are the ones this module makes.
pub fn verify(secured: &Value) -> Result<PublicKey, ProofError> {
    let secured = secured.as_object().ok_or(ProofError::NotAnObject)?;
    let proof = match secured.get("proof") {
        None => return Err(ProofError::MissingProof),
        Some(Value::Object(proof)) => proof,
        Some(Value::Array(set)) => match set.as_slice() {
            [] => return Err(ProofError::MissingProof),
            [Value::Object(proof)] => proof,
            [_] => return Err(ProofError::MalformedProof),
            _ => return Err(ProofError::ProofSetNotSupported),
        },
        Some(_) => return Err(ProofError::MalformedProof),
    };
    let mut unsecured = secured.clone();
    unsecured.remove("proof");
    let mut options = proof.clone();
    let proof_value = match options.remove("proofValue") {
        Some(Value::String(s)) => s,
        _ => return Err(ProofError::MissingProperty("proofValue")),
    };
    // Checked before anything is hashed; proof_configuration checks them
    // again, as the specification has it.
    check_type_and_suite(&options)?;
    match options.get("proofPurpose") {
        Some(Value::String(purpose)) if purpose == PROOF_PURPOSE => {}
        Some(Value::String(_)) => return Err(ProofError::WrongProofPurpose),
        _ => return Err(ProofError::MissingProperty("proofPurpose")),
    }
    let method = match options.get("verificationMethod") {
        Some(Value::String(method)) => method,
        _ => return Err(ProofError::MissingProperty("verificationMethod")),
    };
    let public =
        did_key::key_from_verification_method(method).map_err(ProofError::VerificationMethod)?;
    let signature: [u8; 64] = multibase::decode_base58btc(&proof_value)
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(ProofError::InvalidProofValue)?;
    // Verify Proof step 4.
    if let Some(context) = options.get("@context") {
        let document_context = unsecured.get("@context").unwrap_or(&Value::Null);
        if !context_starts_with(document_context, context) {
            return Err(ProofError::ContextMismatch);
        }
        unsecured.insert("@context".into(), context.clone());
    }
    let transformed = transform(&unsecured)?;
    let proof_config = proof_configuration(&options)?;
    public
        .verify(&hash_data(&transformed, &proof_config), &signature)
        .map_err(|e| match e {
            SignatureError::BadKey => ProofError::BadKey,
            SignatureError::Mismatch => ProofError::SignatureMismatch,
        })?;
    Ok(public)
}

/// The canonical proof configuration of `options` (the proof without
/// `proofValue`), after the checks of Proof Configuration (eddsa-jcs-2022):
/// `type`, `cryptosuite` and `created`.
pub fn proof_configuration(options: &Map<String, Value>) -> Result<String, ProofError> {
    check_type_and_suite(options)?;
    match options.get("created") {
        None => {}
        Some(Value::String(created)) if is_xsd_date_time(created) => {}
        Some(_) => return Err(ProofError::InvalidCreated),
    }
    Ok(jcs::canonicalize(&Value::Object(options.clone()))?)
}

/// The transformed document (Transformation, eddsa-jcs-2022): the JCS
/// canonical form of the unsecured document (without `proof`).
pub fn transform(unsecured: &Map<String, Value>) -> Result<String, ProofError> {
    Ok(jcs::canonicalize(&Value::Object(unsecured.clone()))?)
}

/// The hash data (Hashing, eddsa-jcs-2022): SHA-256 of the canonical proof
/// configuration followed by SHA-256 of the transformed document. This is
/// what gets signed.
pub fn hash_data(transformed: &str, canonical_proof_config: &str) -> [u8; 64] {
    let mut out = [0u8; 64];
    out[..32].copy_from_slice(&Sha256::digest(canonical_proof_config.as_bytes()));
    out[32..].copy_from_slice(&Sha256::digest(transformed.as_bytes()));
    out
}

fn check_type_and_suite(options: &Map<String, Value>) -> Result<(), ProofError> {
    match options.get("type") {
        Some(Value::String(t)) if t == PROOF_TYPE => {}
        Some(Value::String(_)) => return Err(ProofError::WrongType),
        _ => return Err(ProofError::MissingProperty("type")),
    }
    match options.get("cryptosuite") {
        Some(Value::String(s)) if s == CRYPTOSUITE => Ok(()),
        Some(Value::String(_)) => Err(ProofError::WrongCryptosuite),
        _ => Err(ProofError::MissingProperty("cryptosuite")),
    }
}

/// Whether the document's `@context` starts with all values of the proof's
/// `@context`, in order. A single value (not an array) counts as an array of
/// one.
fn context_starts_with(document: &Value, proof: &Value) -> bool {
    fn as_list(v: &Value) -> &[Value] {
        match v {
            Value::Array(items) => items,
            other => std::slice::from_ref(other),
        }
    }
    if document.is_null() {
        return false;
    }
    as_list(document).starts_with(as_list(proof))
}

/// Whether `s` is an XML Schema 1.1 `dateTime` lexical value:
/// `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?`, with the year at least four
/// digits (no leading zero beyond four), a day that exists in its month
/// (29 February only in leap years, year 0 being one), `24:00:00` allowed
/// as end of day, and a time zone offset of at most 14:00.
pub fn is_xsd_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        if part.is_empty() || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let mut i = usize::from(b.first() == Some(&b'-'));
    let year_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let year_len = i - year_start;
    if year_len < 4 || (year_len > 4 && b[year_start] == b'0') || year_len > 9 {
        return false;
    }
    let Some(year) = num(year_start..i) else {
        return false;
    };
    // Positions after the year: -MM-DDThh:mm:ss
    let p = i;
    if b.get(p) != Some(&b'-')
        || b.get(p + 3) != Some(&b'-')
        || b.get(p + 6) != Some(&b'T')
        || b.get(p + 9) != Some(&b':')
        || b.get(p + 12) != Some(&b':')
    {
        return false;
    }
    let (Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        num(p + 1..p + 3),
        num(p + 4..p + 6),
        num(p + 7..p + 9),
        num(p + 10..p + 12),
        num(p + 13..p + 15),
    ) else {
        return false;
    };
    let mut i = p + 15;
    let mut fraction_zero = true;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            fraction_zero &= b[i] == b'0';
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        None => {}
        Some(b'Z') => i += 1,
        Some(b'+' | b'-') => {
            if b.get(i + 3) != Some(&b':') {
                return false;
            }
            let (Some(h), Some(m)) = (num(i + 1..i + 3), num(i + 4..i + 6)) else {
                return false;
            };
            if h > 14 || m > 59 || (h == 14 && m != 0) {
                return false;
            }
            i += 6;
        }
        Some(_) => return false,
    }
    if i != b.len() {
        return false;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    let end_of_day = hour == 24 && minute == 0 && second == 0 && fraction_zero;
    (1..=days_in_month).contains(&day) && (hour < 24 || end_of_day) && minute < 60 && second < 60
}
