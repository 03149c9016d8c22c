//! A certificate for a learner on a class roster: what the instructor's
//! "issue a certificate" puts into it, from the learner's verified record
//! and the class's assignment. Pure, so the app and the tests make the same
//! certificate from the same inputs.

use super::badge::{CertificateInput, HashedIdentifier, IdentityType};
use crate::content::Curriculum;
use crate::profile::ProfileId;
use crate::records::assignment::Assignment;
use crate::records::record::Record;
use crate::time::add_years;

/// How long a certificate is valid: two years, the usual renewal of a
/// CPR/AED course.
pub const VALID_YEARS: i64 = 2;

/// The certificate input for `record`'s learner, who passed `assignment`
/// (checked by the caller, with the practical exam), issued at `now_ms` by
/// `instructor_name`. The guideline is the assignment's exam's (its
/// blueprint's profile), else `fallback` (the instructor's setting). The
/// learner's number, when the record has one, goes in as a hashed
/// identifier (`identifier`, salted), as Open Badges does it: it can be
/// checked against a known number and is not printed in clear — but the
/// salt travels with it and learner numbers are short, so anyone holding
/// the certificate can find the number by trying them all; it hides the
/// number from a glance, not from a determined reader. `random`: 32 bytes
/// from the CSPRNG —
/// 16 for the credential's id, 16 for the salt.
pub fn certificate_input(
    record: &Record,
    assignment: &Assignment,
    c: &Curriculum,
    instructor_name: &str,
    fallback: ProfileId,
    now_ms: i64,
    random: [u8; 32],
) -> CertificateInput {
    let profile = assignment
        .body
        .exam
        .as_ref()
        .and_then(|e| c.blueprint(&e.blueprint))
        .map_or(fallback, |b| b.profile);
    let mut id_bytes = [0u8; 16];
    id_bytes.copy_from_slice(&random[..16]);
    let salt: String = random[16..].iter().map(|b| format!("{b:02x}")).collect();
    CertificateInput {
        instructor_name: instructor_name.to_owned(),
        learner_name: record.body.learner.name.clone(),
        learner_identifier: record
            .body
            .learner
            .number
            .as_ref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| HashedIdentifier {
                identity_type: IdentityType::Identifier,
                identifier: n.trim().to_owned(),
                salt,
            }),
        profile,
        valid_from_ms: now_ms,
        valid_until_ms: Some(add_years(now_ms, VALID_YEARS)),
        id_bytes,
    }
}
