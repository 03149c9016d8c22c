//! Certificates: Open Badges 3.0 `OpenBadgeCredential`s (1EdTech Open
//! Badges 3.0, a W3C Verifiable Credentials 2.0 credential) that an
//! instructor issues to a learner who passed the course, signed with the
//! instructor's Ed25519 key ([`super::proof`], `eddsa-jcs-2022`).
//!
//! What a credential says ([`wire`] has the exact shape):
//!
//! - `@context`: exactly [`CONTEXT`] — the VC 2.0 base context and the Open
//!   Badges context 3.0.3. Copies of both documents ship in
//!   `public/contexts/` (served and precached with the app) with their
//!   SHA-256 in [`CONTEXT_DOCUMENTS`]; nothing is ever fetched, and since
//!   the proof canonicalizes with JCS, no JSON-LD processing is needed.
//! - `issuer`: a `Profile` whose `id` is the `did:key` of the instructor's
//!   key and whose `name` is the instructor's name.
//! - `credentialSubject`: an `AchievementSubject`. Open Badges 3.0 has no
//!   `name` for the subject: a recipient is named by `id` and/or
//!   `identifier`, a list of `IdentityObject`s whose `identityType` may be
//!   `name` ("Either `id` or at least one `identifier` MUST be supplied").
//!   The learner's name is the first one, in plain text (`hashed: false`,
//!   since it is printed on the certificate anyway); an optional second one
//!   is hashed (`hashed: true`, `identityHash` = `sha256$` + hex(SHA-256 of
//!   identifier + salt), the model's `IdentityHash`), for an identifier the
//!   learner may prove later without it being readable (a student number,
//!   an e-mail address).
//! - `credentialSubject.achievement`: the course, one `Achievement` per
//!   guideline profile with a fixed id ([`achievement_id`]),
//!   `achievementType` `Certificate`, `criteria.narrative` (what was
//!   required: the theory exam with its pass mark, every skills checklist
//!   by title), an `alignment` to the guideline (RCSC, AHA 2025 or ERC
//!   2025) whose `targetCode` is the profile's id, and `resultDescription`s:
//!   the theory exam (`Percent`, the pass mark as `requiredValue`) and each
//!   checklist (`Status`).
//! - `credentialSubject.result`: what the learner achieved — their exam
//!   percent and `Completed` for each checklist passed ([`assessed`] has
//!   the rules and why these result types).
//! - `validFrom` (whole seconds, UTC) and optionally `validUntil`
//!   (commonly two years later: [`crate::time::add_years`]); `id` a
//!   `urn:uuid:` made from 16 random bytes the caller passes.
//! - `credentialSchema`: 1EdTech's Open Badges 3.0 JSON Schema
//!   ([`CREDENTIAL_SCHEMA_ID`]), which every credential issued passes
//!   (natively, `schema` checks it against a copy of that schema).
//! - `proof`: an array of one `eddsa-jcs-2022` proof
//!   ([`proof::sign_in_set`]), as that schema requires.
//!
//! This is version 3 of the shape ([`wire`] has all three). Version 1
//! certificates (the proof one object, no `credentialSchema`) and version 2
//! ones (no results, criteria without the pass mark and checklists) still
//! verify.
//!
//! **Both languages in one string.** VC 2.0 allows language value objects
//! (`{"@value", "@language"}`) for a credential's `name` and
//! `description`, but the Open Badges 3.0 data model types `name`,
//! `description`, `narrative` and the alignment texts as `String` (its
//! JSON Schemas, generated from that model, accept only strings, and its
//! context gives these terms no language container), and `inLanguage`
//! takes one language code. So a conforming credential
//! carries Chinese and English in the same string, Chinese first,
//! separated by ` · ` ([`split_languages`] takes them apart again), and
//! has no `inLanguage`. These texts are signed data, not UI strings.
//!
//! The credential's QR text ([`to_qr_text`]) is `FAC3:` (`FAC2:`, `FAC1:`
//! for a version 2 or 1 credential) + base45(deflate(the JCS canonical
//! bytes of the signed credential)), the scheme of records
//! ([`crate::records::payload`]); a reader insists on the canonical bytes,
//! so the QR code holds exactly the signed credential, and reads all three
//! prefixes. It is large: the example ([`example`], 3,781 bytes of
//! canonical JSON) is 2,339 characters, QR version 33 at level M (32
//! without the hashed identifier; 34 under the AHA profile, whose names
//! are longer). Version 2's was 2,242 bytes, 1,826 characters, version 29;
//! version 1's 2,076 bytes, 1,747 characters, version 29. What was
//! assessed costs about 510 characters — the criteria sentence with the
//! checklists' titles in both languages, four result descriptions and
//! four results — and was kept to that: no rubric levels, result
//! descriptions whose ids are the achievement's with a fragment (repeated
//! text deflates to almost nothing), one sentence a language. Version 40 at
//! level M holds 3,391 characters, so a certificate still fits with about
//! a thousand to spare. The bilingual texts, the proof and the random
//! identifiers do not deflate much. [`verify`] checks a credential from its
//! JSON or its QR text.

pub mod assessed;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod verify;
pub mod wire;

use std::fmt;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::did_key;
use super::jcs::{self, JcsError};
use super::proof::{self, ProofError, ProofOptions};
use crate::profile::ProfileId;
use crate::records::keys::KeyPair;
use crate::records::payload;
use assessed::Assessed;
use wire::{
    AchievementSubjectV3, AchievementV3, AlignmentV1, CredentialSchemaV2, CriteriaV1,
    IdentityObjectV1, OpenBadgeCredentialV3, ProfileV1,
};

pub use verify::{verify_credential, verify_value, CredentialError, VerifiedCredential};

/// The version of the credential shape this module issues ([`wire`]).
pub const VERSION: u32 = 3;

/// The credential's `@context`, exactly, in this order.
pub const CONTEXT: [&str; 2] = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];

/// A context document shipped with the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextDocument {
    /// The URL the credential names.
    pub url: &'static str,
    /// The copy's path in the repository (served without `public/`).
    pub path: &'static str,
    /// SHA-256 of the copy, lowercase hex.
    pub sha256: &'static str,
}

/// The documents of [`CONTEXT`], copied byte for byte from their sources
/// (`public/contexts/README.md` names the repositories and commits).
pub const CONTEXT_DOCUMENTS: [ContextDocument; 2] = [
    ContextDocument {
        url: CONTEXT[0],
        path: "public/contexts/credentials-v2.json",
        sha256: "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734",
    },
    ContextDocument {
        url: CONTEXT[1],
        path: "public/contexts/ob-v3p0-context-3.0.3.json",
        sha256: "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
    },
];

/// The credential's `type`.
pub const TYPE: [&str; 2] = ["VerifiableCredential", "OpenBadgeCredential"];

/// The prefix of a credential's QR text (version 3: with results).
pub const QR_PREFIX: &str = "FAC3:";

/// The prefix of a version 2 credential's QR text (the proof in an array,
/// no results), still read.
pub const QR_PREFIX_V2: &str = "FAC2:";

/// The prefix of a version 1 credential's QR text (the proof one object),
/// still read.
pub const QR_PREFIX_V1: &str = "FAC1:";

/// The QR prefixes a reader accepts, newest first.
pub const QR_PREFIXES: [&str; 3] = [QR_PREFIX, QR_PREFIX_V2, QR_PREFIX_V1];

/// The prefix `text` starts with, if it is a credential's QR text.
pub fn qr_prefix(text: &str) -> Option<&'static str> {
    QR_PREFIXES.into_iter().find(|p| text.starts_with(p))
}

/// The `id` of the credential's `credentialSchema`: 1EdTech's JSON Schema
/// of an Open Badges 3.0 `AchievementCredential`.
pub const CREDENTIAL_SCHEMA_ID: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

/// The `type` of the credential's `credentialSchema`.
pub const CREDENTIAL_SCHEMA_TYPE: &str = "1EdTechJsonSchemaValidator2019";

/// The largest credential accepted, in bytes of JSON text (and of the
/// inflated QR payload): far above what this app issues (about 2 kB).
pub const MAX_BYTES: usize = 64 * 1024;

/// The separator between the Chinese and the English text in one string.
pub const LANGUAGE_SEPARATOR: &str = " · ";

/// The credential's display name.
pub const CREDENTIAL_NAME: &str = "急救英雄证书 · First Aid Hero certificate";

/// The achievement's name.
pub const ACHIEVEMENT_NAME: &str =
    "心肺复苏、AED 与气道异物梗阻急救（理论 + 实操） · CPR, AED and choking relief (theory + practical)";

/// The achievement's description.
pub const ACHIEVEMENT_DESCRIPTION: &str =
    "成人心肺复苏、AED 使用与气道异物梗阻急救。 · Adult CPR, AED use and choking relief.";

/// The achievement's `achievementType`.
pub const ACHIEVEMENT_TYPE: &str = "Certificate";

/// The guideline a profile's achievement is aligned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guideline {
    /// Chinese name.
    pub name_zh: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Its home page.
    pub url: &'static str,
    /// Short Chinese name, for the criteria.
    pub short_zh: &'static str,
    /// Short English name, for the criteria.
    pub short_en: &'static str,
}

/// The guideline of `profile`.
pub fn guideline(profile: ProfileId) -> Guideline {
    match profile {
        ProfileId::Rcsc => Guideline {
            name_zh: "中国红十字会应急救护培训",
            name_en: "Red Cross Society of China first aid training",
            url: "https://www.redcross.org.cn/",
            short_zh: "中国红十字会",
            short_en: "Red Cross Society of China",
        },
        ProfileId::Aha => Guideline {
            name_zh: "美国心脏协会 2025 心肺复苏及心血管急救指南",
            name_en: "2025 AHA Guidelines for CPR and ECC",
            url: "https://cpr.heart.org/en/resuscitation-science/cpr-and-ecc-guidelines",
            short_zh: "AHA 2025 指南",
            short_en: "AHA 2025 guidelines",
        },
        ProfileId::Erc => Guideline {
            name_zh: "欧洲复苏委员会 2025 指南",
            name_en: "European Resuscitation Council Guidelines 2025",
            url: "https://cprguidelines.eu",
            short_zh: "ERC 2025 指南",
            short_en: "ERC 2025 guidelines",
        },
    }
}

/// The achievement's `id` for `profile`: a fixed `urn:uuid:` of version 8
/// (RFC 9562, custom): the first 16 bytes of SHA-256 of
/// `firstaid-achievement/v1/cpr-aed-choking/<profile id>`, with the version
/// and variant bits set. The same course under the same guideline always
/// has the same id, so credentials of different learners name one
/// achievement.
pub fn achievement_id(profile: ProfileId) -> String {
    let digest = Sha256::digest(format!(
        "firstaid-achievement/v1/cpr-aed-choking/{}",
        profile.as_str()
    ));
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    format!("urn:uuid:{}", crate::uuid::text(bytes, 8))
}

/// The profile whose [`achievement_id`] is `id`, if any.
pub fn profile_of_achievement(id: &str) -> Option<ProfileId> {
    ProfileId::ALL
        .into_iter()
        .find(|p| achievement_id(*p) == id)
}

/// A random (version 4) `urn:uuid:` from 16 random bytes (the version and
/// variant bits are overwritten).
pub fn random_urn_uuid(bytes: [u8; 16]) -> String {
    format!("urn:uuid:{}", crate::uuid::text(bytes, 4))
}

/// `(Chinese, English)` of a text written `中文 · English`; `None` when the
/// text has no separator (a credential from elsewhere, in one language).
pub fn split_languages(text: &str) -> Option<(&str, &str)> {
    text.split_once(LANGUAGE_SEPARATOR)
}

/// The Open Badges `IdentityHash` of an identifier: `sha256$` and the
/// lowercase hex SHA-256 of the identifier followed by the salt (UTF-8).
pub fn identity_hash(identifier: &str, salt: &str) -> String {
    let digest = Sha256::digest(format!("{identifier}{salt}"));
    let hex: String = digest.iter().map(|x| format!("{x:02x}")).collect();
    format!("sha256${hex}")
}

/// The kind of a learner's identifier (Open Badges `IdentifierTypeEnum`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityType {
    /// `name`.
    Name,
    /// `emailAddress`.
    EmailAddress,
    /// `identifier`: any other identifier, such as a student number.
    Identifier,
}

impl IdentityType {
    /// The `identityType` value.
    pub fn as_str(self) -> &'static str {
        match self {
            IdentityType::Name => "name",
            IdentityType::EmailAddress => "emailAddress",
            IdentityType::Identifier => "identifier",
        }
    }
}

/// A learner's identifier that goes into the credential hashed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedIdentifier {
    pub identity_type: IdentityType,
    /// The plain identifier (not written into the credential).
    pub identifier: String,
    /// The salt, written into the credential; random, so the hash cannot
    /// be looked up in a table of likely identifiers.
    pub salt: String,
}

/// What a certificate is made from.
#[derive(Debug, Clone)]
pub struct CertificateInput {
    /// The instructor's name, as the issuer's `name`.
    pub instructor_name: String,
    /// The learner's name, as their `name` identifier.
    pub learner_name: String,
    pub learner_identifier: Option<HashedIdentifier>,
    /// The guideline the course followed.
    pub profile: ProfileId,
    /// When the certificate starts to be valid (ms since the epoch; the
    /// credential keeps whole seconds).
    pub valid_from_ms: i64,
    /// When it stops being valid, if ever.
    pub valid_until_ms: Option<i64>,
    /// 16 random bytes for the credential's `urn:uuid:` id.
    pub id_bytes: [u8; 16],
    /// What was required and the learner's results.
    pub assessed: Assessed,
}

/// The most characters of a name.
pub const MAX_NAME_CHARS: usize = 200;

/// Why a certificate cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueError {
    /// The instructor's name is empty (after trimming) or too long.
    InstructorName,
    /// The learner's name is empty (after trimming) or too long.
    LearnerName,
    /// The hashed identifier or its salt is empty.
    Identifier,
    /// A date is outside the years 1970–9999.
    DateOutOfRange,
    /// `valid_until_ms` is not after `valid_from_ms`.
    EndsBeforeStart,
    /// What was assessed is not valid ([`assessed::is_valid`]).
    Assessed,
    /// Signing failed (cannot happen for a document made here).
    Proof(ProofError),
}

impl fmt::Display for IssueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IssueError::InstructorName => write!(
                f,
                "the instructor's name must have 1 to {MAX_NAME_CHARS} characters"
            ),
            IssueError::LearnerName => write!(
                f,
                "the learner's name must have 1 to {MAX_NAME_CHARS} characters"
            ),
            IssueError::Identifier => write!(f, "the identifier and its salt must not be empty"),
            IssueError::DateOutOfRange => write!(f, "a date is outside the years 1970 to 9999"),
            IssueError::EndsBeforeStart => {
                write!(f, "the end of validity is not after its start")
            }
            IssueError::Assessed => write!(
                f,
                "what was assessed is not valid (pass mark, percent or checklists)"
            ),
            IssueError::Proof(e) => write!(f, "cannot sign: {e}"),
        }
    }
}

impl std::error::Error for IssueError {}

/// The latest time a credential date may have (9999-12-31T23:59:59Z).
const MAX_MS: i64 = 253_402_300_799_000;

fn checked_name(name: &str, error: IssueError) -> Result<String, IssueError> {
    let name = name.trim();
    let n = name.chars().count();
    if n == 0 || n > MAX_NAME_CHARS {
        return Err(error);
    }
    Ok(name.to_owned())
}

/// The unsigned credential of `input` issued by `instructor` (the wire
/// struct; [`issue`] signs it).
pub fn unsigned(
    input: &CertificateInput,
    instructor: &KeyPair,
) -> Result<OpenBadgeCredentialV3, IssueError> {
    let instructor_name = checked_name(&input.instructor_name, IssueError::InstructorName)?;
    let learner_name = checked_name(&input.learner_name, IssueError::LearnerName)?;
    let in_range = |ms: i64| (0..=MAX_MS).contains(&ms);
    if !in_range(input.valid_from_ms) || !input.valid_until_ms.is_none_or(in_range) {
        return Err(IssueError::DateOutOfRange);
    }
    let valid_from = crate::time::format_iso_seconds(input.valid_from_ms);
    let valid_until = input.valid_until_ms.map(crate::time::format_iso_seconds);
    if let Some(until) = input.valid_until_ms {
        if until.div_euclid(1000) <= input.valid_from_ms.div_euclid(1000) {
            return Err(IssueError::EndsBeforeStart);
        }
    }
    let mut identifier = vec![IdentityObjectV1 {
        kind: "IdentityObject".into(),
        hashed: false,
        identity_hash: learner_name,
        identity_type: IdentityType::Name.as_str().into(),
        salt: None,
    }];
    if let Some(h) = &input.learner_identifier {
        if h.identifier.is_empty() || h.salt.is_empty() {
            return Err(IssueError::Identifier);
        }
        identifier.push(IdentityObjectV1 {
            kind: "IdentityObject".into(),
            hashed: true,
            identity_hash: identity_hash(&h.identifier, &h.salt),
            identity_type: h.identity_type.as_str().into(),
            salt: Some(h.salt.clone()),
        });
    }
    if !assessed::is_valid(&input.assessed) {
        return Err(IssueError::Assessed);
    }
    let g = guideline(input.profile);
    let achievement = achievement_id(input.profile);
    Ok(OpenBadgeCredentialV3 {
        context: CONTEXT.iter().map(|s| (*s).to_owned()).collect(),
        id: random_urn_uuid(input.id_bytes),
        kind: TYPE.iter().map(|s| (*s).to_owned()).collect(),
        name: CREDENTIAL_NAME.into(),
        issuer: ProfileV1 {
            id: did_key::did_from_key(&instructor.public()),
            kind: vec!["Profile".into()],
            name: instructor_name,
        },
        valid_from,
        valid_until,
        credential_subject: AchievementSubjectV3 {
            kind: vec!["AchievementSubject".into()],
            identifier,
            result: assessed::results(&input.assessed, &achievement),
            achievement: AchievementV3 {
                result_description: assessed::result_descriptions(&input.assessed, &achievement),
                id: achievement.clone(),
                kind: vec!["Achievement".into()],
                achievement_type: ACHIEVEMENT_TYPE.into(),
                name: ACHIEVEMENT_NAME.into(),
                description: ACHIEVEMENT_DESCRIPTION.into(),
                criteria: CriteriaV1 {
                    narrative: assessed::criteria_narrative(&input.assessed, &g),
                },
                alignment: vec![AlignmentV1 {
                    kind: vec!["Alignment".into()],
                    target_code: input.profile.as_str().into(),
                    target_name: format!("{}{LANGUAGE_SEPARATOR}{}", g.name_zh, g.name_en),
                    target_url: g.url.into(),
                }],
            },
        },
        credential_schema: vec![CredentialSchemaV2 {
            id: CREDENTIAL_SCHEMA_ID.into(),
            kind: CREDENTIAL_SCHEMA_TYPE.into(),
        }],
    })
}

/// The signed credential of `input`: [`unsigned`], then an
/// `eddsa-jcs-2022` proof by `instructor` created at `validFrom`, in an
/// array ([`proof::sign_in_set`]).
pub fn issue(input: &CertificateInput, instructor: &KeyPair) -> Result<Value, IssueError> {
    let credential = unsigned(input, instructor)?;
    let created = credential.valid_from.clone();
    let document = serde_json::to_value(&credential).expect("the wire structs serialize");
    proof::sign_in_set(
        &document,
        instructor,
        ProofOptions {
            created: Some(created),
        },
    )
    .map_err(IssueError::Proof)
}

/// The QR text of a (signed) credential: [`QR_PREFIX`] + base45(deflate(its
/// JCS canonical bytes)); [`QR_PREFIX_V1`] when its `proof` is not an array
/// (a version 1 credential), [`QR_PREFIX_V2`] when its achievement has no
/// `resultDescription` (version 2).
pub fn to_qr_text(credential: &Value) -> Result<String, JcsError> {
    let described = credential
        .pointer("/credentialSubject/achievement/resultDescription")
        .is_some();
    let prefix = match credential.get("proof") {
        Some(p) if !p.is_array() => QR_PREFIX_V1,
        _ if !described => QR_PREFIX_V2,
        _ => QR_PREFIX,
    };
    Ok(payload::wrap(
        prefix,
        jcs::canonicalize(credential)?.as_bytes(),
    ))
}

/// The fixed example: a certificate for 王小明 from 李老师 (RCSC profile,
/// valid two years from 2026-11-29T03:00:00Z, a hashed student number,
/// the content's RCSC course exam passed with 90%, every checklist of the
/// content passed), signed with [`example_key`]. For the tests, the fuzz corpus and
/// `firstaid credential example`.
pub fn example() -> Value {
    issue(&example_input(), &example_key()).expect("the example is valid")
}

/// The inputs of [`example`].
pub fn example_input() -> CertificateInput {
    let valid_from_ms = 1_795_921_200_000; // 2026-11-29T03:00:00Z
    CertificateInput {
        instructor_name: "李老师 (Li Wei)".into(),
        learner_name: "王小明".into(),
        learner_identifier: Some(HashedIdentifier {
            identity_type: IdentityType::Identifier,
            identifier: "2026-0142".into(),
            salt: "q7Xv3k9PzR2mLw8a".into(),
        }),
        profile: ProfileId::Rcsc,
        valid_from_ms,
        valid_until_ms: Some(crate::time::add_years(valid_from_ms, 2)),
        id_bytes: [
            0x3f, 0x8a, 0x51, 0x0c, 0x9e, 0x27, 0x4b, 0xd6, 0x81, 0x5a, 0x20, 0x7e, 0xc4, 0x19,
            0x6d, 0xb2,
        ],
        assessed: example_assessed(),
    }
}

/// What [`example`] says was assessed: the embedded content's RCSC course
/// exam pass mark and its checklists, all passed, and 90% (parsed once).
fn example_assessed() -> Assessed {
    static ASSESSED: std::sync::OnceLock<Assessed> = std::sync::OnceLock::new();
    ASSESSED
        .get_or_init(|| {
            let c = crate::content::Curriculum::embedded().expect("the embedded content parses");
            crate::credentials::roster::course_assessed(
                &c,
                ProfileId::Rcsc,
                None,
                Some(90),
                &|_| true,
            )
        })
        .clone()
}

/// The instructor key of [`example`] (seed 32 × `0x17`; never a real key).
pub fn example_key() -> KeyPair {
    KeyPair::from_seed([0x17; 32])
}
