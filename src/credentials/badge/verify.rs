//! Checking a certificate — the app's verifier and `firstaid verify` run
//! this same code.
//!
//! [`verify_credential`] takes what a user gives: the credential's JSON, or
//! its QR text (`FAC3:…`, or `FAC2:…`, `FAC1:…` for a version 2 or 1
//! credential). The checks, in order, each failing with its own
//! [`CredentialError`]:
//!
//! 1. size (at most [`MAX_BYTES`]), JSON (or a QR text whose payload is
//!    the credential's canonical JCS bytes);
//! 2. `type` has `VerifiableCredential` and `OpenBadgeCredential` (or its
//!    synonym in Open Badges 3.0, `AchievementCredential`);
//! 3. `@context` is exactly [`CONTEXT`], in order;
//! 4. the structure Open Badges 3.0 requires: an `issuer` with an `id`,
//!    `validFrom` (and any `validUntil`) an XML Schema `dateTime` with a
//!    time zone, a `credentialSubject` of type `AchievementSubject` with an
//!    `id` or an `identifier`, and its `achievement` with `id`, `type`
//!    `Achievement`, `name`, `description` and `criteria`; any `result`s,
//!    each naming one of the achievement's `resultDescription`s
//!    ([`super::assessed::read`]);
//! 5. the `eddsa-jcs-2022` proof ([`proof::verify`]): one object (version
//!    1) or an array of one (version 2);
//! 6. the proof's key is the issuer's: `issuer.id` is the `did:key` of the
//!    key that made the proof;
//! 7. `now` is within `validFrom` … `validUntil`.
//!
//! Revocation (`credentialStatus`) and refresh are not checked: they need
//! the network, and this app issues neither.

use std::fmt;

use serde_json::{Map, Value};

use super::assessed::{self, ResultRead};
use super::{profile_of_achievement, qr_prefix, CONTEXT, MAX_BYTES};
use crate::credentials::did_key;
use crate::credentials::jcs;
use crate::credentials::proof::{self, ProofError};
use crate::profile::ProfileId;
use crate::records::keys::PublicKey;
use crate::records::payload::{self, PayloadError};

/// Why a certificate is refused. The app shows each in the user's
/// language; `Display` is the English the CLI prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialError {
    /// The text is longer than [`MAX_BYTES`] (its length in bytes).
    TooLarge(usize),
    /// The text is not JSON (nor a certificate's QR text).
    NotJson,
    /// The QR text's payload is damaged (prefix, base45 or deflate).
    Qr(PayloadError),
    /// The QR text's payload is not the credential's canonical bytes.
    NotCanonical,
    /// It is a completion record or a class assignment of this app, not a
    /// certificate.
    RecordNotCredential,
    /// The JSON is not an Open Badges credential (`type` lacks
    /// `VerifiableCredential` or `OpenBadgeCredential`).
    NotACredential,
    /// `@context` is missing or not exactly [`CONTEXT`].
    UnknownContext,
    /// A required property is missing or has the wrong form (its path, as
    /// in the JSON, e.g. `credentialSubject.achievement.name`).
    Malformed(&'static str),
    /// A date is not an XML Schema `dateTime` with a time zone, or is
    /// outside the years 0000–9999 (its property name).
    InvalidDate(&'static str),
    /// The proof is missing, malformed or does not match.
    Proof(ProofError),
    /// The proof was made by a key other than the issuer's `did:key`.
    IssuerMismatch,
    /// `now` is before `validFrom` (given as written).
    NotYetValid(String),
    /// `now` is after `validUntil` (given as written).
    Expired(String),
}

impl fmt::Display for CredentialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CredentialError::TooLarge(n) => write!(
                f,
                "the certificate is too large ({n} bytes; at most {MAX_BYTES})"
            ),
            CredentialError::NotJson => write!(f, "the text is not a certificate (not JSON)"),
            CredentialError::Qr(e) => write!(f, "the certificate's QR text is damaged: {e}"),
            CredentialError::NotCanonical => write!(
                f,
                "the certificate's QR text does not hold the credential in canonical form"
            ),
            CredentialError::RecordNotCredential => write!(
                f,
                "this is a completion record or class assignment, not a certificate"
            ),
            CredentialError::NotACredential => {
                write!(f, "the JSON is not an Open Badges credential")
            }
            CredentialError::UnknownContext => write!(
                f,
                "the credential's @context is not the Open Badges 3.0 context this app knows"
            ),
            CredentialError::Malformed(path) => {
                write!(f, "the credential's {path} is missing or not valid")
            }
            CredentialError::InvalidDate(name) => write!(
                f,
                "the credential's {name} is not a date and time with a time zone"
            ),
            CredentialError::Proof(ProofError::SignatureMismatch) => write!(
                f,
                "the signature does not match: the certificate was changed after signing"
            ),
            CredentialError::Proof(e) => write!(f, "the proof: {e}"),
            CredentialError::IssuerMismatch => write!(
                f,
                "the certificate was not signed by the key of the issuer it names"
            ),
            CredentialError::NotYetValid(from) => write!(f, "not valid yet: valid from {from}"),
            CredentialError::Expired(until) => write!(f, "expired on {until}"),
        }
    }
}

impl std::error::Error for CredentialError {}

/// One identifier of the learner, as the credential states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `identityType` (`name`, `emailAddress` …).
    pub identity_type: String,
    pub hashed: bool,
    /// The plain value, or its `IdentityHash` when `hashed`.
    pub identity_hash: String,
    pub salt: Option<String>,
}

impl Identity {
    /// Whether a known plain identifier of type `identity_type` is this one
    /// (Open Badges 3.0, "Verify the Recipient Using an Identifier"): the
    /// hash of `known` + salt, or `known` itself when not hashed. Only
    /// `sha256$` hashes are computed (the hex in either case).
    pub fn matches(&self, identity_type: &str, known: &str) -> bool {
        if self.identity_type != identity_type {
            return false;
        }
        if !self.hashed {
            return self.identity_hash == known;
        }
        let expected = super::identity_hash(known, self.salt.as_deref().unwrap_or(""));
        self.identity_hash.to_ascii_lowercase() == expected
    }
}

/// What a verified certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedCredential {
    /// The credential's `id`.
    pub id: Option<String>,
    /// The credential's `name`.
    pub name: Option<String>,
    /// The achievement's `name` (both languages in a credential of this
    /// app: [`super::split_languages`]).
    pub achievement_name: String,
    pub achievement_id: String,
    pub achievement_type: Option<String>,
    /// The guideline profile, when the achievement is one of this app's
    /// ([`super::achievement_id`]).
    pub profile: Option<ProfileId>,
    /// The learner's name: the first plain `name` identifier.
    pub learner_name: Option<String>,
    /// All the learner's identifiers.
    pub identifiers: Vec<Identity>,
    /// `credentialSubject.id`, if any.
    pub subject_id: Option<String>,
    /// `issuer.name`, if any.
    pub issuer_name: Option<String>,
    /// `issuer.id`: the issuer's `did:key`.
    pub issuer_did: String,
    /// The key that signed (the issuer's).
    pub issuer_key: PublicKey,
    /// Its fingerprint, as people compare it ([`PublicKey::fingerprint`]).
    pub issuer_fingerprint: String,
    /// `validFrom` as written, and in ms since the epoch.
    pub valid_from: String,
    pub valid_from_ms: i64,
    /// `validUntil` as written, and in ms since the epoch.
    pub valid_until: Option<String>,
    pub valid_until_ms: Option<i64>,
    /// The achievement's `criteria.narrative`, if any (in a certificate of
    /// this app, a Chinese paragraph, then an English one).
    pub criteria: Option<String>,
    /// What the learner achieved: the subject's `result`s with their
    /// descriptions (none in a certificate before version 3).
    pub results: Vec<ResultRead>,
}

/// Checks a certificate given as text — its JSON or its QR text — at
/// `now_ms` (ms since the epoch). See the module documentation.
pub fn verify_credential(text: &str, now_ms: i64) -> Result<VerifiedCredential, CredentialError> {
    verify_value(&credential_value(text)?, now_ms)
}

/// The credential a text holds — its JSON or its QR text — parsed but not
/// yet verified (step 1 of the module documentation).
pub fn credential_value(text: &str) -> Result<Value, CredentialError> {
    if text.len() > MAX_BYTES {
        return Err(CredentialError::TooLarge(text.len()));
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if crate::records::record::is_qr_text(text)
        || text.starts_with(crate::records::assignment::QR_PREFIX)
    {
        return Err(CredentialError::RecordNotCredential);
    }
    if qr_prefix(text).is_some() {
        return decode_qr_text(text);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| CredentialError::NotJson)?;
    if value.get("format").and_then(Value::as_str) == Some(crate::records::record::FORMAT) {
        return Err(CredentialError::RecordNotCredential);
    }
    Ok(value)
}

/// The credential a QR text holds, if the text is well formed and holds the
/// canonical bytes of a JSON value (not yet verified).
/// The prefix is `FAC3:`, `FAC2:` or `FAC1:`; any may hold any version
/// (the credential itself tells them apart), though this app writes each
/// version's own ([`super::to_qr_text`]).
pub fn decode_qr_text(text: &str) -> Result<Value, CredentialError> {
    let prefix = qr_prefix(text.trim()).unwrap_or(super::QR_PREFIX);
    let bytes = payload::unwrap(prefix, text).map_err(CredentialError::Qr)?;
    if bytes.len() > MAX_BYTES {
        return Err(CredentialError::TooLarge(bytes.len()));
    }
    let json = std::str::from_utf8(&bytes).map_err(|_| CredentialError::NotJson)?;
    let value: Value = serde_json::from_str(json).map_err(|_| CredentialError::NotJson)?;
    match jcs::canonicalize(&value) {
        Ok(canonical) if canonical == json => Ok(value),
        _ => Err(CredentialError::NotCanonical),
    }
}

/// Whether `text` is meant as a certificate rather than a completion
/// record: a `FAC3:`, `FAC2:` or `FAC1:` QR text, or JSON with an `@context` (records and
/// assignments have none). For tools that accept both, such as
/// `firstaid verify`.
pub fn is_credential_text(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if qr_prefix(text).is_some() {
        return true;
    }
    text.starts_with('{')
        && serde_json::from_str::<Value>(text).is_ok_and(|v| v.get("@context").is_some())
}

/// Checks a parsed credential at `now_ms` (steps 2–7 of the module
/// documentation).
pub fn verify_value(value: &Value, now_ms: i64) -> Result<VerifiedCredential, CredentialError> {
    let Some(credential) = value.as_object() else {
        return Err(CredentialError::NotACredential);
    };
    check_type(credential)?;
    let context_ok = match credential.get("@context") {
        Some(Value::Array(items)) => {
            items.len() == CONTEXT.len() && items.iter().zip(CONTEXT).all(|(a, b)| a == b)
        }
        _ => false,
    };
    if !context_ok {
        return Err(CredentialError::UnknownContext);
    }
    let mut out = structure(credential)?;
    let key = proof::verify(value).map_err(CredentialError::Proof)?;
    if did_key::did_from_key(&key) != out.issuer_did {
        return Err(CredentialError::IssuerMismatch);
    }
    out.issuer_key = key;
    out.issuer_fingerprint = key.fingerprint();
    if now_ms < out.valid_from_ms {
        return Err(CredentialError::NotYetValid(out.valid_from));
    }
    if let (Some(until), Some(until_ms)) = (&out.valid_until, out.valid_until_ms) {
        if now_ms > until_ms {
            return Err(CredentialError::Expired(until.clone()));
        }
    }
    Ok(out)
}

/// Whether `value` (a string or an array of strings) contains `name`.
pub(super) fn has_type(value: Option<&Value>, name: &str) -> bool {
    match value {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(items)) => items.iter().any(|v| v == name),
        _ => false,
    }
}

fn check_type(credential: &Map<String, Value>) -> Result<(), CredentialError> {
    let t = credential.get("type");
    let badge = has_type(t, "OpenBadgeCredential") || has_type(t, "AchievementCredential");
    if has_type(t, "VerifiableCredential") && badge {
        Ok(())
    } else {
        Err(CredentialError::NotACredential)
    }
}

fn string<'a>(
    object: &'a Map<String, Value>,
    name: &str,
    path: &'static str,
) -> Result<&'a str, CredentialError> {
    object
        .get(name)
        .and_then(Value::as_str)
        .ok_or(CredentialError::Malformed(path))
}

fn optional_string(object: &Map<String, Value>, name: &str) -> Option<String> {
    object.get(name).and_then(Value::as_str).map(str::to_owned)
}

/// Steps 2 and 4 alone, for credentials from elsewhere that this app
/// cannot verify (other contexts or proofs): whether `value` is an Open
/// Badges credential with the structure the specification requires.
pub fn check_structure(value: &Value) -> Result<(), CredentialError> {
    let credential = value.as_object().ok_or(CredentialError::NotACredential)?;
    check_type(credential)?;
    structure(credential).map(|_| ())
}

/// Step 4: everything but the proof and the clock. The issuer's key and
/// fingerprint are filled in by the caller once the proof verifies.
fn structure(credential: &Map<String, Value>) -> Result<VerifiedCredential, CredentialError> {
    let (issuer_did, issuer_name) = match credential.get("issuer") {
        Some(Value::String(id)) => (id.clone(), None),
        Some(Value::Object(issuer)) => (
            string(issuer, "id", "issuer.id")?.to_owned(),
            optional_string(issuer, "name"),
        ),
        _ => return Err(CredentialError::Malformed("issuer")),
    };
    let valid_from = credential
        .get("validFrom")
        .ok_or(CredentialError::Malformed("validFrom"))?
        .as_str()
        .ok_or(CredentialError::InvalidDate("validFrom"))?
        .to_owned();
    let valid_from_ms =
        date_time_z_ms(&valid_from).ok_or(CredentialError::InvalidDate("validFrom"))?;
    let (valid_until, valid_until_ms) = match credential.get("validUntil") {
        None => (None, None),
        Some(v) => {
            let s = v
                .as_str()
                .ok_or(CredentialError::InvalidDate("validUntil"))?;
            let ms = date_time_z_ms(s).ok_or(CredentialError::InvalidDate("validUntil"))?;
            (Some(s.to_owned()), Some(ms))
        }
    };
    let subject = credential
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or(CredentialError::Malformed("credentialSubject"))?;
    if !has_type(subject.get("type"), "AchievementSubject") {
        return Err(CredentialError::Malformed("credentialSubject.type"));
    }
    let subject_id = match subject.get("id") {
        None => None,
        Some(Value::String(id)) => Some(id.clone()),
        Some(_) => return Err(CredentialError::Malformed("credentialSubject.id")),
    };
    let identifiers = match subject.get("identifier") {
        None => vec![],
        Some(v) => {
            identities(v).ok_or(CredentialError::Malformed("credentialSubject.identifier"))?
        }
    };
    if subject_id.is_none() && identifiers.is_empty() {
        return Err(CredentialError::Malformed("credentialSubject.identifier"));
    }
    let learner_name = identifiers
        .iter()
        .find(|i| i.identity_type == "name" && !i.hashed)
        .map(|i| i.identity_hash.clone());
    let achievement = subject
        .get("achievement")
        .and_then(Value::as_object)
        .ok_or(CredentialError::Malformed("credentialSubject.achievement"))?;
    let achievement_id = string(achievement, "id", "credentialSubject.achievement.id")?;
    if !has_type(achievement.get("type"), "Achievement") {
        return Err(CredentialError::Malformed(
            "credentialSubject.achievement.type",
        ));
    }
    let achievement_name = string(achievement, "name", "credentialSubject.achievement.name")?;
    string(
        achievement,
        "description",
        "credentialSubject.achievement.description",
    )?;
    let Some(criteria) = achievement.get("criteria").and_then(Value::as_object) else {
        return Err(CredentialError::Malformed(
            "credentialSubject.achievement.criteria",
        ));
    };
    let results = assessed::read(subject, achievement).map_err(CredentialError::Malformed)?;
    Ok(VerifiedCredential {
        id: optional_string(credential, "id"),
        name: optional_string(credential, "name"),
        achievement_name: achievement_name.to_owned(),
        achievement_id: achievement_id.to_owned(),
        achievement_type: optional_string(achievement, "achievementType"),
        profile: profile_of_achievement(achievement_id),
        learner_name,
        identifiers,
        subject_id,
        issuer_name,
        issuer_did,
        issuer_key: PublicKey([0; 32]),
        issuer_fingerprint: String::new(),
        valid_from,
        valid_from_ms,
        valid_until,
        valid_until_ms,
        criteria: optional_string(criteria, "narrative"),
        results,
    })
}

/// The `IdentityObject`s of an `identifier` (one object or an array).
fn identities(value: &Value) -> Option<Vec<Identity>> {
    let items = match value {
        Value::Array(items) => items.as_slice(),
        single => std::slice::from_ref(single),
    };
    items
        .iter()
        .map(|item| {
            let o = item.as_object()?;
            if !has_type(o.get("type"), "IdentityObject") {
                return None;
            }
            Some(Identity {
                identity_type: o.get("identityType")?.as_str()?.to_owned(),
                hashed: o.get("hashed")?.as_bool()?,
                identity_hash: o.get("identityHash")?.as_str()?.to_owned(),
                salt: match o.get("salt") {
                    None => None,
                    Some(s) => Some(s.as_str()?.to_owned()),
                },
            })
        })
        .collect()
}

/// Milliseconds since the epoch of an XML Schema `dateTime` that has a time
/// zone (the Open Badges `DateTimeZ`), with a year from 0000 to 9999;
/// fractions of a millisecond are dropped.
pub fn date_time_z_ms(s: &str) -> Option<i64> {
    if !proof::is_xsd_date_time(s) {
        return None;
    }
    let b = s.as_bytes();
    // Four-digit, non-negative years only: then every field is at a fixed
    // place.
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> i64 {
        b[r].iter().fold(0, |n, d| n * 10 + i64::from(d - b'0'))
    };
    let (y, mo, d) = (num(0..4), num(5..7), num(8..10));
    let (h, mi, sec) = (num(11..13), num(14..16), num(17..19));
    let mut i = 19;
    let mut ms = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let digits = &b[start..(start + 3).min(i)];
        ms = digits.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0'))
            * 10i64.pow(3 - digits.len() as u32);
    }
    let offset_minutes = match b.get(i) {
        Some(b'Z') => 0,
        Some(sign @ (b'+' | b'-')) => {
            let m = num(i + 1..i + 3) * 60 + num(i + 4..i + 6);
            if *sign == b'+' {
                m
            } else {
                -m
            }
        }
        _ => return None, // no time zone
    };
    let days = crate::time::days_from_civil(y, mo, d);
    Some(days * 86_400_000 + ((h * 60 + mi - offset_minutes) * 60 + sec) * 1000 + ms)
}
