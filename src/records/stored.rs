//! What the app keeps on the device for records (the stored document's
//! `records` part, schema version 6): the learner's profile, device key and
//! accepted assignments, and the instructor's key, name, assignments and
//! their rosters.
//!
//! These are internal types: records and assignments leave the device only
//! in their wire formats ([`super::record`], [`super::assignment`]), kept
//! here as their QR text so that what is stored is exactly what was signed.
//!
//! Secret keys are stored as their 32-byte seed in lowercase hex, in the
//! same storage as the rest of the app's data and in its backup file (so a
//! restored phone signs with the same key and its learner's roster row
//! stays one row). Anyone with the phone unlocked or the backup file can
//! sign as this device: the trust model (ARCHITECTURE.md) says so.

use serde::{Deserialize, Serialize};

use super::assignment::Assignment;
use super::keys::KeyPair;
use super::roster::Roster;

/// How the learner chose to be named on records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
}

/// The longest name, number or class the app accepts (in characters).
pub const MAX_FIELD_CHARS: usize = 80;

impl Profile {
    /// A profile from form fields: trimmed, empty optional fields dropped,
    /// each cut to [`MAX_FIELD_CHARS`] characters.
    pub fn from_fields(name: &str, number: &str, class: &str) -> Profile {
        let clean = |s: &str| -> String { s.trim().chars().take(MAX_FIELD_CHARS).collect() };
        let opt = |s: &str| Some(clean(s)).filter(|s| !s.is_empty());
        Profile {
            name: clean(name),
            number: opt(number),
            class: opt(class),
        }
    }

    /// A record needs a name.
    pub fn is_complete(&self) -> bool {
        !self.name.trim().is_empty()
    }
}

/// An assignment the learner accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accepted {
    /// The assignment as QR text (`FAA1:…`), signature included.
    pub assignment: String,
    pub accepted_at_ms: i64,
}

impl Accepted {
    /// The assignment (`None` if the stored text was damaged).
    pub fn get(&self) -> Option<Assignment> {
        Assignment::parse(&self.assignment).ok()
    }
}

/// The learner's side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnerData {
    #[serde(default)]
    pub profile: Profile,
    /// The device key's seed (hex); made on first need.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "seed_hex"
    )]
    pub key: Option<String>,
    /// Oldest first; one per assignment id and instructor.
    #[serde(default)]
    pub assignments: Vec<Accepted>,
    /// "My certificates": the certificates this learner kept, as their QR
    /// text (`FAC3:…`, or `FAC2:…`, `FAC1:…` from before versions 3 and 2), oldest first,
    /// each once. Kept as received (checked again whenever shown).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<String>,
}

impl LearnerData {
    /// The accepted assignments that read (a damaged one is left out).
    pub fn accepted(&self) -> impl Iterator<Item = Assignment> + '_ {
        self.assignments.iter().filter_map(Accepted::get)
    }
}

/// An assignment the instructor made, with its class roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issued {
    /// The assignment as QR text (`FAA1:…`).
    pub assignment: String,
    #[serde(default)]
    pub roster: Roster,
}

impl Issued {
    pub fn get(&self) -> Option<Assignment> {
        Assignment::parse(&self.assignment).ok()
    }
}

/// The instructor's side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstructorData {
    #[serde(default)]
    pub name: String,
    /// The instructor key's seed (hex); made on first need.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "seed_hex"
    )]
    pub key: Option<String>,
    /// Newest last.
    #[serde(default)]
    pub assignments: Vec<Issued>,
    /// How exports to a school's learning record store name learners
    /// (issue #7); `None` until the instructor sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xapi: Option<crate::xapi::settings::XapiSettings>,
}

impl InstructorData {
    /// The assignment with this id, if this instructor made it.
    pub fn issued(&self, id: &str) -> Option<(usize, Assignment)> {
        self.assignments
            .iter()
            .enumerate()
            .find_map(|(i, e)| e.get().filter(|a| a.body.id == id).map(|a| (i, a)))
    }
}

/// The stored `records` part.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsData {
    #[serde(default)]
    pub learner: LearnerData,
    #[serde(default)]
    pub instructor: InstructorData,
}

impl LearnerData {
    /// Keeps an accepted assignment; accepting one again (same id and
    /// instructor) replaces it rather than adding another.
    pub fn accept(&mut self, a: &Assignment, now_ms: i64) {
        let entry = Accepted {
            assignment: a.to_qr_text(),
            accepted_at_ms: now_ms,
        };
        let same = |e: &Accepted| {
            e.get()
                .is_some_and(|b| b.body.id == a.body.id && b.body.key == a.body.key)
        };
        match self.assignments.iter_mut().find(|e| same(e)) {
            Some(e) => *e = entry,
            None => self.assignments.push(entry),
        }
    }

    /// Keeps a certificate (its QR text); false when it is already kept.
    pub fn keep_certificate(&mut self, qr_text: &str) -> bool {
        if self.certificates.iter().any(|c| c == qr_text) {
            return false;
        }
        self.certificates.push(qr_text.to_owned());
        true
    }

    /// Whether this assignment (same id and instructor) was accepted.
    pub fn has(&self, a: &Assignment) -> bool {
        self.assignments.iter().any(|e| {
            e.get()
                .is_some_and(|b| b.body.id == a.body.id && b.body.key == a.body.key)
        })
    }
}

/// Reads a stored key's seed, refusing anything but 64 hex digits: a
/// damaged key makes the stored data (or a backup file) unreadable, with a
/// copy kept, rather than being replaced by a new key without a word (a new
/// key is a new learner to their instructor).
fn seed_hex<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    match &text {
        Some(t) if seed_from_hex(t).is_none() => Err(serde::de::Error::custom(
            "a signing key must be 64 hexadecimal digits",
        )),
        _ => Ok(text),
    }
}

/// A stored key's seed as hex.
pub fn key_to_hex(key: &KeyPair) -> String {
    super::record::hex(&key.seed())
}

/// The key of a stored seed (`None` if the text is not 64 hex digits).
pub fn key_from_hex(text: &str) -> Option<KeyPair> {
    seed_from_hex(text).map(KeyPair::from_seed)
}

/// A stored seed's bytes (`None` if the text is not 64 hex digits). Reading
/// the stored document checks a seed with this alone: making the key pair
/// (Ed25519's public key) waits for a page that signs, so the code for it
/// stays out of the main wasm module.
fn seed_from_hex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut seed = [0u8; 32];
    for (i, b) in seed.iter_mut().enumerate() {
        *b = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(seed)
}

/// An assignment id: 8 characters of Crockford base32 from 40 random bits,
/// grouped `XXXX-XXXX` (read aloud in a classroom without confusion).
pub fn assignment_id(random: u64) -> String {
    const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let chars: String = (0..8)
        .map(|i| CROCKFORD[((random >> (5 * (7 - i))) & 31) as usize] as char)
        .collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}
