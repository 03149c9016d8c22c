//! The credential as this app issues it: the JSON shape of an Open Badges
//! 3.0 `OpenBadgeCredential` with the properties we fill in, serialized as
//! is (before the proof is added). Nothing internal is serialized straight
//! out: [`super::unsigned`] builds these structs from its inputs. A change
//! of shape is a new version (`…V2` structs and a new QR prefix), never an
//! edit of the older ones.
//!
//! - Version 1 ([`OpenBadgeCredentialV1`], QR text `FAC1:`): signed with
//!   the proof as one object. Issued until version 2; such certificates
//!   still verify.
//! - Version 2 ([`OpenBadgeCredentialV2`], QR text `FAC2:`): version 1 and
//!   a `credentialSchema` naming 1EdTech's JSON Schema, signed with the
//!   proof in an array (`proof: [{…}]`), as that schema requires. Its
//!   parts are version 1's.
//!
//! Property names and cardinalities follow the Open Badges 3.0 data model
//! (`AchievementCredential`, `Profile`, `AchievementSubject`,
//! `IdentityObject`, `Achievement`, `Criteria`, `Alignment`).

use serde::Serialize;

/// An `OpenBadgeCredential` without its proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenBadgeCredentialV1 {
    /// Always [`super::CONTEXT`].
    #[serde(rename = "@context")]
    pub context: Vec<String>,
    /// `urn:uuid:…`, random per credential.
    pub id: String,
    /// `["VerifiableCredential", "OpenBadgeCredential"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// The credential's display name (both languages).
    pub name: String,
    pub issuer: ProfileV1,
    /// XML Schema `dateTime` with `Z`, whole seconds.
    pub valid_from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    pub credential_subject: AchievementSubjectV1,
}

/// An `OpenBadgeCredential` without its proof, version 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenBadgeCredentialV2 {
    /// Always [`super::CONTEXT`].
    #[serde(rename = "@context")]
    pub context: Vec<String>,
    /// `urn:uuid:…`, random per credential.
    pub id: String,
    /// `["VerifiableCredential", "OpenBadgeCredential"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// The credential's display name (both languages).
    pub name: String,
    pub issuer: ProfileV1,
    /// XML Schema `dateTime` with `Z`, whole seconds.
    pub valid_from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    pub credential_subject: AchievementSubjectV1,
    /// One entry: [`super::CREDENTIAL_SCHEMA_ID`] of type
    /// [`super::CREDENTIAL_SCHEMA_TYPE`].
    pub credential_schema: Vec<CredentialSchemaV2>,
}

/// A schema the credential conforms to (VC 2.0 `credentialSchema`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CredentialSchemaV2 {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
}

/// The issuer: the instructor, identified by the `did:key` of their key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileV1 {
    pub id: String,
    /// `["Profile"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    pub name: String,
}

/// The learner and what they achieved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AchievementSubjectV1 {
    /// `["AchievementSubject"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// The learner's name (plain), then an optional hashed identifier.
    pub identifier: Vec<IdentityObjectV1>,
    pub achievement: AchievementV1,
}

/// One identifier of the learner (Open Badges 3.0 `IdentityObject`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityObjectV1 {
    /// `"IdentityObject"` (a single IRI, not an array, as the model says).
    #[serde(rename = "type")]
    pub kind: String,
    pub hashed: bool,
    /// The plain value, or `sha256$<hex>` when `hashed`.
    pub identity_hash: String,
    /// `name`, `emailAddress`, `identifier` …
    pub identity_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
}

/// The course passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementV1 {
    /// One fixed `urn:uuid:` per guideline profile
    /// ([`super::achievement_id`]).
    pub id: String,
    /// `["Achievement"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// `Certificate`.
    pub achievement_type: String,
    pub name: String,
    pub description: String,
    pub criteria: CriteriaV1,
    /// The guideline the course follows.
    pub alignment: Vec<AlignmentV1>,
}

/// How the achievement is earned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CriteriaV1 {
    /// Markdown; Chinese paragraph, then English.
    pub narrative: String,
}

/// The guideline the achievement follows (Open Badges 3.0 `Alignment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AlignmentV1 {
    /// `["Alignment"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// The profile's stable id: `rcsc`, `aha` or `erc`.
    pub target_code: String,
    pub target_name: String,
    pub target_url: String,
}
