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

/// An `OpenBadgeCredential` without its proof, version 3: version 2 with
/// the subject of version 3.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpenBadgeCredentialV3 {
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
    pub credential_subject: AchievementSubjectV3,
    /// As in version 2.
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

/// The learner, what they achieved and their results (version 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AchievementSubjectV3 {
    /// `["AchievementSubject"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// As in version 1.
    pub identifier: Vec<IdentityObjectV1>,
    pub achievement: AchievementV3,
    /// One per result of [`AchievementV3::result_description`] the learner
    /// has (left out when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub result: Vec<ResultV3>,
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

/// The course passed, with the results it records (version 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementV3 {
    /// As in version 1 ([`super::achievement_id`]).
    pub id: String,
    /// `["Achievement"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// `Certificate`.
    pub achievement_type: String,
    pub name: String,
    pub description: String,
    /// What was required: the pass mark and the checklists.
    pub criteria: CriteriaV1,
    pub alignment: Vec<AlignmentV1>,
    /// The theory exam, then each skills checklist.
    pub result_description: Vec<ResultDescriptionV3>,
}

/// A possible result of the achievement (Open Badges 3.0
/// `ResultDescription`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultDescriptionV3 {
    /// The achievement's id and a fragment (`#theory`,
    /// `#checklist-<id>`).
    pub id: String,
    /// `["ResultDescription"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// Both languages.
    pub name: String,
    /// `Percent` or `Status`.
    pub result_type: String,
    /// The pass mark (a `Percent`'s), as text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_value: Option<String>,
    /// `0` for a `Percent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_min: Option<String>,
    /// `100` for a `Percent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<String>,
}

/// One of the learner's results (Open Badges 3.0 `Result`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResultV3 {
    /// `["Result"]`.
    #[serde(rename = "type")]
    pub kind: Vec<String>,
    /// The `id` of its [`ResultDescriptionV3`].
    pub result_description: String,
    /// A `Percent`'s value: the whole percent, as text (`"85"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// A `Status`'s value: `Completed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
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
