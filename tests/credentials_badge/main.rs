//! Certificates (Open Badges 3.0 credentials, `credentials::badge`): the
//! builder's output pinned by golden files (version 2, and version 1 made
//! from the same inputs with the proof as one object, which still
//! verifies), sign → verify round trips in JSON and QR text, every
//! rejection reason with its fixture, every single-bit flip of the QR
//! payload rejected, the shipped JSON-LD contexts checked against their
//! recorded hashes, the specification's published examples
//! (tests/fixtures/ob3, see its README) through the structure check, and
//! every issued credential through 1EdTech's JSON Schema (`schema.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../common/mod.rs"]
mod common;

mod rejections;
mod robustness;
mod schema;

use firstaid::credentials::badge::verify::{check_structure, date_time_z_ms, is_credential_text};
use firstaid::credentials::badge::{
    self, CertificateInput, CredentialError, HashedIdentifier, IdentityType, IssueError,
};
use firstaid::credentials::did_key;
use firstaid::credentials::jcs;
use firstaid::credentials::proof::{self, ProofError, ProofOptions};
use firstaid::profile::ProfileId;
use firstaid::records::keys::KeyPair;
use firstaid::records::{base45, payload};
use proptest::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// 2027-06-01T00:00:00Z: within the example's validity.
const NOW: i64 = 1_811_808_000_000;

fn example_text() -> String {
    serde_json::to_string_pretty(&badge::example()).unwrap()
}

fn verify(text: &str, now: i64) -> Result<badge::VerifiedCredential, CredentialError> {
    badge::verify_credential(text, now)
}

/// `credential` changed by `edit` and signed again by `key` (so only the
/// edit can be what a check refuses).
fn resigned(edit: impl FnOnce(&mut Value), key: &KeyPair) -> String {
    let mut v = badge::example();
    v.as_object_mut().unwrap().remove("proof");
    edit(&mut v);
    let created = Some("2026-11-29T03:00:00Z".to_owned());
    let signed = proof::sign_in_set(&v, key, ProofOptions { created }).unwrap();
    signed.to_string()
}

/// `credential` changed by `edit`, keeping the old proof.
fn tampered(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = badge::example();
    edit(&mut v);
    v.to_string()
}

/// The golden file's content for a signed credential.
fn golden_of(credential: &Value, proof: &Value) -> Value {
    json!({
        "credential": credential,
        "jcs": jcs::canonicalize(credential).unwrap(),
        "proofValue": proof["proofValue"],
        "qr": badge::to_qr_text(credential).unwrap(),
    })
}

#[test]
fn the_example_is_pinned_by_its_golden_file() {
    let credential = badge::example();
    assert_eq!(badge::VERSION, 2);
    assert!(credential["proof"].is_array());
    let golden = golden_of(&credential, &credential["proof"][0]);
    assert!(golden["qr"].as_str().unwrap().starts_with("FAC2:"));
    common::check_golden("credential-v2.json", &golden);
}

/// The example as version 1 issued it: no `credentialSchema`, the proof one
/// object.
fn example_v1() -> Value {
    let mut unsigned = serde_json::to_value(
        badge::unsigned(&badge::example_input(), &badge::example_key()).unwrap(),
    )
    .unwrap();
    unsigned
        .as_object_mut()
        .unwrap()
        .remove("credentialSchema")
        .unwrap();
    let created = Some("2026-11-29T03:00:00Z".to_owned());
    proof::sign(&unsigned, &badge::example_key(), ProofOptions { created }).unwrap()
}

#[test]
fn version_1_certificates_are_pinned_and_still_verify() {
    // The same bytes as issued before version 2: the golden file is
    // unchanged.
    let v1 = example_v1();
    let golden = golden_of(&v1, &v1["proof"]);
    common::check_golden("credential-v1.json", &golden);
    let qr = golden["qr"].as_str().unwrap();
    assert!(qr.starts_with("FAC1:"));
    // The stored golden file itself, as JSON and as its FAC1: QR text.
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/credential-v1.json"),
    )
    .unwrap();
    let stored: Value = serde_json::from_str(&text).unwrap();
    for text in [
        stored["credential"].to_string(),
        stored["qr"].as_str().unwrap().to_owned(),
    ] {
        let v = verify(&text, NOW).unwrap();
        assert_eq!(v.learner_name.as_deref(), Some("王小明"));
        assert_eq!(v.issuer_key, badge::example_key().public());
    }
    // Version 2 signs the same document plus its credentialSchema: the
    // two signatures differ, the data otherwise is the same.
    let v2 = badge::example();
    let mut v2_data = v2.clone();
    let v2_data = v2_data.as_object_mut().unwrap();
    v2_data.remove("proof");
    v2_data.remove("credentialSchema");
    let mut v1_data = v1.clone();
    v1_data.as_object_mut().unwrap().remove("proof");
    assert_eq!(Value::Object(v2_data.clone()), v1_data);
    assert_ne!(v2["proof"][0]["proofValue"], v1["proof"]["proofValue"]);
    // Either prefix reads either version (the proof tells them apart).
    let v1_as_fac2 = payload::wrap(badge::QR_PREFIX, stored["jcs"].as_str().unwrap().as_bytes());
    assert!(verify(&v1_as_fac2, NOW).is_ok());
}

#[test]
fn the_builder_makes_an_open_badges_credential() {
    let input = badge::example_input();
    let key = badge::example_key();
    let v = badge::example();
    assert_eq!(v["@context"], json!(badge::CONTEXT));
    assert_eq!(
        v["type"],
        json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    let id = v["id"].as_str().unwrap();
    // A version 4 UUID from the given bytes.
    assert_eq!(id, "urn:uuid:3f8a510c-9e27-4bd6-815a-207ec4196db2");
    assert_eq!(v["name"], badge::CREDENTIAL_NAME);
    let did = did_key::did_from_key(&key.public());
    assert_eq!(
        v["issuer"],
        json!({"id": did, "type": ["Profile"], "name": "李老师 (Li Wei)"})
    );
    assert_eq!(v["validFrom"], "2026-11-29T03:00:00Z");
    assert_eq!(v["validUntil"], "2028-11-29T03:00:00Z");
    assert_eq!(
        v["credentialSchema"],
        json!([{
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }])
    );
    let subject = &v["credentialSubject"];
    assert_eq!(subject["type"], json!(["AchievementSubject"]));
    assert!(subject.get("id").is_none());
    assert_eq!(
        subject["identifier"][0],
        json!({"type": "IdentityObject", "hashed": false, "identityHash": "王小明", "identityType": "name"})
    );
    let hashed = &subject["identifier"][1];
    assert_eq!(hashed["hashed"], true);
    assert_eq!(hashed["identityType"], "identifier");
    assert_eq!(hashed["salt"], "q7Xv3k9PzR2mLw8a");
    let expected = format!(
        "sha256${}",
        Sha256::digest("2026-0142q7Xv3k9PzR2mLw8a")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    assert_eq!(hashed["identityHash"], expected);
    let a = &subject["achievement"];
    assert_eq!(a["id"], badge::achievement_id(ProfileId::Rcsc));
    assert_eq!(a["type"], json!(["Achievement"]));
    assert_eq!(a["achievementType"], "Certificate");
    for text in [
        &a["name"],
        &a["description"],
        &a["alignment"][0]["targetName"],
    ] {
        let (zh, en) = badge::split_languages(text.as_str().unwrap()).unwrap();
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert!(en.is_ascii(), "{en}");
    }
    let narrative = a["criteria"]["narrative"].as_str().unwrap();
    let (zh, en) = narrative.split_once("\n\n").unwrap();
    assert!(zh.contains("中国红十字会") && en.contains("Red Cross Society of China"));
    assert!(zh.contains("理论") && zh.contains("实操") && en.contains("practical"));
    assert_eq!(
        a["alignment"],
        json!([{
            "type": ["Alignment"],
            "targetCode": "rcsc",
            "targetName": "中国红十字会应急救护培训 · Red Cross Society of China first aid training",
            "targetUrl": "https://www.redcross.org.cn/",
        }])
    );
    assert_eq!(v["proof"].as_array().unwrap().len(), 1);
    let p = &v["proof"][0];
    assert_eq!(p["type"], "DataIntegrityProof");
    assert_eq!(p["cryptosuite"], "eddsa-jcs-2022");
    assert_eq!(p["created"], v["validFrom"]);
    assert_eq!(p["proofPurpose"], "assertionMethod");
    assert_eq!(
        p["verificationMethod"],
        did_key::verification_method(&key.public())
    );
    assert_eq!(p["@context"], v["@context"]);
    // The wire struct is what is signed, field for field.
    let unsigned = serde_json::to_value(badge::unsigned(&input, &key).unwrap()).unwrap();
    let mut without_proof = v.clone();
    without_proof.as_object_mut().unwrap().remove("proof");
    assert_eq!(unsigned, without_proof);
}

#[test]
fn each_profile_has_its_own_fixed_achievement_and_guideline() {
    let ids: Vec<String> = ProfileId::ALL
        .iter()
        .map(|p| badge::achievement_id(*p))
        .collect();
    assert_eq!(
        ids,
        [
            badge::achievement_id(ProfileId::Rcsc),
            badge::achievement_id(ProfileId::Aha),
            badge::achievement_id(ProfileId::Erc)
        ]
    );
    for (p, id) in ProfileId::ALL.iter().zip(&ids) {
        // urn:uuid: version 8, RFC 4122 variant.
        let uuid = id.strip_prefix("urn:uuid:").unwrap();
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "8", "{uuid}");
        assert!("89ab".contains(&uuid[19..20]), "{uuid}");
        assert_eq!(badge::profile_of_achievement(id), Some(*p));
        let g = badge::guideline(*p);
        assert!(g.url.starts_with("https://"));
        assert!(badge::criteria_narrative(*p).contains(g.short_en));
        assert!(badge::criteria_narrative(*p).contains(g.short_zh));
    }
    assert_ne!(ids[0], ids[1]);
    assert_ne!(ids[1], ids[2]);
    assert_eq!(badge::profile_of_achievement("urn:uuid:other"), None);
}

#[test]
fn identity_hashes_are_the_specifications() {
    // The IdentityHash example of the Open Badges 3.0 data model.
    assert_eq!(
        badge::identity_hash("a@example.com", "Kosher"),
        "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399"
    );
    let v = verify(&example_text(), NOW).unwrap();
    let hashed = &v.identifiers[1];
    assert!(hashed.matches("identifier", "2026-0142"));
    assert!(!hashed.matches("identifier", "2026-0143"));
    assert!(!hashed.matches("emailAddress", "2026-0142"));
    assert!(v.identifiers[0].matches("name", "王小明"));
    assert!(!v.identifiers[0].matches("name", "王小"));
}

#[test]
fn issued_certificates_verify_from_json_and_from_qr_text() {
    for profile in ProfileId::ALL {
        for (until, identifier) in [(None, None), (Some(2), Some(IdentityType::EmailAddress))] {
            let mut input = badge::example_input();
            input.profile = profile;
            input.valid_until_ms = until.map(|y| firstaid::time::add_years(input.valid_from_ms, y));
            input.learner_identifier = identifier.map(|identity_type| HashedIdentifier {
                identity_type,
                identifier: "wang@example.cn".into(),
                salt: "salt".into(),
            });
            let key = KeyPair::from_seed([profile as u8 + 1; 32]);
            let credential = badge::issue(&input, &key).unwrap();
            assert_eq!(badge::schema::check(&credential), Ok(()));
            let qr = badge::to_qr_text(&credential).unwrap();
            assert!(qr.starts_with(badge::QR_PREFIX));
            for text in [credential.to_string(), format!("\u{feff}{qr}\n")] {
                let v = verify(&text, NOW).unwrap();
                assert_eq!(v.profile, Some(profile));
                assert_eq!(v.learner_name.as_deref(), Some("王小明"));
                assert_eq!(v.issuer_name.as_deref(), Some("李老师 (Li Wei)"));
                assert_eq!(v.issuer_key, key.public());
                assert_eq!(v.issuer_did, did_key::did_from_key(&key.public()));
                assert_eq!(v.issuer_fingerprint, key.public().fingerprint());
                assert_eq!(v.achievement_name, badge::ACHIEVEMENT_NAME);
                assert_eq!(v.achievement_type.as_deref(), Some("Certificate"));
                assert_eq!(v.valid_from, "2026-11-29T03:00:00Z");
                assert_eq!(v.valid_from_ms, input.valid_from_ms);
                assert_eq!(v.valid_until_ms, input.valid_until_ms);
                assert_eq!(v.identifiers.len(), 1 + usize::from(identifier.is_some()));
                assert!(is_credential_text(&text));
            }
            // Without validUntil it never expires.
            if until.is_none() {
                assert!(verify(&credential.to_string(), i64::MAX).is_ok());
            }
        }
    }
}

#[test]
fn the_validity_bounds_are_inclusive() {
    let text = example_text();
    let v = verify(&text, NOW).unwrap();
    assert!(verify(&text, v.valid_from_ms).is_ok());
    assert!(verify(&text, v.valid_until_ms.unwrap()).is_ok());
    assert_eq!(
        verify(&text, v.valid_from_ms - 1).unwrap_err(),
        CredentialError::NotYetValid("2026-11-29T03:00:00Z".into())
    );
    assert_eq!(
        verify(&text, v.valid_until_ms.unwrap() + 1).unwrap_err(),
        CredentialError::Expired("2028-11-29T03:00:00Z".into())
    );
}
