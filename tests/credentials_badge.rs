//! Certificates (Open Badges 3.0 credentials, `credentials::badge`): the
//! builder's output pinned by a golden file, sign → verify round trips in
//! JSON and QR text, every rejection reason with its fixture, every
//! single-bit flip of the QR payload rejected, the shipped JSON-LD contexts
//! checked against their recorded hashes, and the specification's published
//! examples (tests/fixtures/ob3, see its README) through the structure
//! check.
#![cfg(not(target_arch = "wasm32"))]

mod common;

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
    let signed = proof::sign(&v, key, ProofOptions { created }).unwrap();
    signed.to_string()
}

/// `credential` changed by `edit`, keeping the old proof.
fn tampered(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = badge::example();
    edit(&mut v);
    v.to_string()
}

#[test]
fn the_example_is_pinned_by_its_golden_file() {
    let credential = badge::example();
    let canonical = jcs::canonicalize(&credential).unwrap();
    let golden = json!({
        "credential": credential,
        "jcs": canonical,
        "proofValue": credential["proof"]["proofValue"],
        "qr": badge::to_qr_text(&credential).unwrap(),
    });
    common::check_golden("credential-v1.json", &golden);
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
    let p = &v["proof"];
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
            let qr = badge::to_qr_text(&credential).unwrap();
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

#[test]
fn every_rejection_has_its_reason() {
    let key = badge::example_key();
    let other = KeyPair::from_seed([0x42; 32]);
    let record = common::records::typical();
    let good_qr = badge::to_qr_text(&badge::example()).unwrap();
    let pretty_qr = payload::wrap(badge::QR_PREFIX, example_text().as_bytes());
    let cases: Vec<(&str, String, i64, CredentialError)> = vec![
        (
            "tampered learner name",
            tampered(|v| v["credentialSubject"]["identifier"][0]["identityHash"] = json!("王大明")),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "tampered validUntil",
            tampered(|v| v["validUntil"] = json!("2099-11-29T03:00:00Z")),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "expired",
            example_text(),
            firstaid::time::parse_iso("2028-11-29T03:00:01Z").unwrap(),
            CredentialError::Expired("2028-11-29T03:00:00Z".into()),
        ),
        (
            "not yet valid",
            example_text(),
            firstaid::time::parse_iso("2026-11-29T02:59:59Z").unwrap(),
            CredentialError::NotYetValid("2026-11-29T03:00:00Z".into()),
        ),
        (
            "an older Open Badges context",
            resigned(
                |v| {
                    v["@context"][1] =
                        json!("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json")
                },
                &key,
            ),
            NOW,
            CredentialError::UnknownContext,
        ),
        (
            "contexts in the other order",
            resigned(
                |v| v["@context"] = json!([badge::CONTEXT[1], badge::CONTEXT[0]]),
                &key,
            ),
            NOW,
            CredentialError::UnknownContext,
        ),
        (
            "an extra context",
            resigned(
                |v| {
                    v["@context"].as_array_mut().unwrap().push(json!(
                        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
                    ))
                },
                &key,
            ),
            NOW,
            CredentialError::UnknownContext,
        ),
        (
            "no context",
            resigned(
                |v| drop(v.as_object_mut().unwrap().remove("@context")),
                &key,
            ),
            NOW,
            CredentialError::UnknownContext,
        ),
        (
            "issuer is not the signing key",
            resigned(
                |v| v["issuer"]["id"] = json!(did_key::did_from_key(&other.public())),
                &key,
            ),
            NOW,
            CredentialError::IssuerMismatch,
        ),
        (
            "issuer is a URL",
            resigned(
                |v| v["issuer"] = json!("https://example.com/issuers/1"),
                &key,
            ),
            NOW,
            CredentialError::IssuerMismatch,
        ),
        (
            "signed by another key than the issuer's",
            resigned(|_| {}, &other),
            NOW,
            CredentialError::IssuerMismatch,
        ),
        (
            "not an Open Badges credential",
            resigned(|v| v["type"] = json!(["VerifiableCredential"]), &key),
            NOW,
            CredentialError::NotACredential,
        ),
        (
            "not a verifiable credential",
            resigned(|v| v["type"] = json!("OpenBadgeCredential"), &key),
            NOW,
            CredentialError::NotACredential,
        ),
        (
            "a JSON array",
            "[1, 2]".into(),
            NOW,
            CredentialError::NotACredential,
        ),
        ("not JSON", "hello".into(), NOW, CredentialError::NotJson),
        ("empty", "".into(), NOW, CredentialError::NotJson),
        (
            "a record's QR text",
            record.to_qr_text(),
            NOW,
            CredentialError::RecordNotCredential,
        ),
        (
            "a record's JSON file",
            record.to_json(),
            NOW,
            CredentialError::RecordNotCredential,
        ),
        (
            "an assignment's QR text",
            firstaid::records::example::assignment(&common::embedded(), "v").to_qr_text(),
            NOW,
            CredentialError::RecordNotCredential,
        ),
        (
            "no issuer",
            resigned(|v| drop(v.as_object_mut().unwrap().remove("issuer")), &key),
            NOW,
            CredentialError::Malformed("issuer"),
        ),
        (
            "issuer without id",
            resigned(
                |v| drop(v["issuer"].as_object_mut().unwrap().remove("id")),
                &key,
            ),
            NOW,
            CredentialError::Malformed("issuer.id"),
        ),
        (
            "no credentialSubject",
            resigned(
                |v| drop(v.as_object_mut().unwrap().remove("credentialSubject")),
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject"),
        ),
        (
            "subject of another type",
            resigned(|v| v["credentialSubject"]["type"] = json!(["Person"]), &key),
            NOW,
            CredentialError::Malformed("credentialSubject.type"),
        ),
        (
            "subject with neither id nor identifier",
            resigned(
                |v| {
                    drop(
                        v["credentialSubject"]
                            .as_object_mut()
                            .unwrap()
                            .remove("identifier"),
                    )
                },
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.identifier"),
        ),
        (
            "an identifier that is not an IdentityObject",
            resigned(
                |v| v["credentialSubject"]["identifier"][0]["type"] = json!("Name"),
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.identifier"),
        ),
        (
            "no achievement",
            resigned(
                |v| {
                    drop(
                        v["credentialSubject"]
                            .as_object_mut()
                            .unwrap()
                            .remove("achievement"),
                    )
                },
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.achievement"),
        ),
        (
            "achievement without name",
            resigned(
                |v| {
                    drop(
                        v["credentialSubject"]["achievement"]
                            .as_object_mut()
                            .unwrap()
                            .remove("name"),
                    )
                },
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.achievement.name"),
        ),
        (
            "achievement without criteria",
            resigned(
                |v| {
                    drop(
                        v["credentialSubject"]["achievement"]
                            .as_object_mut()
                            .unwrap()
                            .remove("criteria"),
                    )
                },
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.achievement.criteria"),
        ),
        (
            "no validFrom",
            resigned(
                |v| drop(v.as_object_mut().unwrap().remove("validFrom")),
                &key,
            ),
            NOW,
            CredentialError::Malformed("validFrom"),
        ),
        (
            "validFrom not a date",
            resigned(|v| v["validFrom"] = json!("2026-13-01T00:00:00Z"), &key),
            NOW,
            CredentialError::InvalidDate("validFrom"),
        ),
        (
            "validFrom without a time zone",
            resigned(|v| v["validFrom"] = json!("2026-11-29T03:00:00"), &key),
            NOW,
            CredentialError::InvalidDate("validFrom"),
        ),
        (
            "validUntil a number",
            resigned(|v| v["validUntil"] = json!(1), &key),
            NOW,
            CredentialError::InvalidDate("validUntil"),
        ),
        (
            "no proof",
            tampered(|v| drop(v.as_object_mut().unwrap().remove("proof"))),
            NOW,
            CredentialError::Proof(ProofError::MissingProof),
        ),
        (
            "another cryptosuite",
            tampered(|v| v["proof"]["cryptosuite"] = json!("eddsa-rdfc-2022")),
            NOW,
            CredentialError::Proof(ProofError::WrongCryptosuite),
        ),
        (
            "a damaged proof value",
            tampered(|v| v["proof"]["proofValue"] = json!("z111")),
            NOW,
            CredentialError::Proof(ProofError::InvalidProofValue),
        ),
        (
            "a damaged QR text",
            format!("{}!", &good_qr[..good_qr.len() - 1]),
            NOW,
            CredentialError::Qr(payload::PayloadError::Base45(
                base45::Base45Error::Character(good_qr.len() - 1 - badge::QR_PREFIX.len()),
            )),
        ),
        (
            "a QR text of the credential not in canonical form",
            pretty_qr,
            NOW,
            CredentialError::NotCanonical,
        ),
        (
            "too large",
            format!("{}{}", example_text(), " ".repeat(badge::MAX_BYTES)),
            NOW,
            CredentialError::TooLarge(example_text().len() + badge::MAX_BYTES),
        ),
    ];
    for (name, text, now, expected) in cases {
        let got = verify(&text, now);
        assert_eq!(got.as_ref().err(), Some(&expected), "{name}: {got:?}");
        // Every reason reads as a sentence.
        assert!(expected.to_string().len() > 10, "{name}");
    }
    assert!(verify(&good_qr, NOW).is_ok());
}

#[test]
fn every_single_bit_flip_of_the_qr_payload_is_rejected() {
    let credential = badge::example();
    let good = badge::to_qr_text(&credential).unwrap();
    let canonical = jcs::canonicalize(&credential).unwrap().into_bytes();
    // The credential's bytes, before deflate.
    for bit in 0..canonical.len() * 8 {
        let mut b = canonical.clone();
        b[bit / 8] ^= 1 << (bit % 8);
        let text = payload::wrap(badge::QR_PREFIX, &b);
        assert!(
            verify(&text, NOW).is_err(),
            "bit {bit} of the JSON accepted"
        );
    }
    // The deflated bytes, as the QR code carries them: a flip is refused,
    // or falls in bits inflating ignores (the padding after the last
    // block) and reads as the very same credential.
    let deflated = base45::decode(good.strip_prefix(badge::QR_PREFIX).unwrap()).unwrap();
    let mut same = 0;
    for bit in 0..deflated.len() * 8 {
        let mut b = deflated.clone();
        b[bit / 8] ^= 1 << (bit % 8);
        let text = format!("{}{}", badge::QR_PREFIX, base45::encode(&b));
        if verify(&text, NOW).is_ok() {
            let inflated = payload::unwrap(badge::QR_PREFIX, &text).unwrap();
            assert_eq!(inflated, canonical, "bit {bit} of the payload accepted");
            same += 1;
        }
    }
    assert!(same < 8, "{same} flips read as the same credential");
}

proptest! {
    /// Any text after the prefix is refused with a reason, never a panic;
    /// and any cut of the QR text is refused.
    #[test]
    fn damaged_qr_texts_are_refused(body in "[0-9A-Z $%*+./:-]{0,400}", cut in 0usize..2000) {
        let text = format!("{}{body}", badge::QR_PREFIX);
        prop_assert!(verify(&text, NOW).is_err());
        let good = badge::to_qr_text(&badge::example()).unwrap();
        let cut = cut.min(good.len() - 1);
        prop_assert!(verify(&good[..cut], NOW).is_err());
    }
}

#[test]
fn the_qr_code_fits_at_level_m() {
    let credential = badge::example();
    let text = badge::to_qr_text(&credential).unwrap();
    let qr = payload::Qr::new(&text).unwrap();
    let json = jcs::canonicalize(&credential).unwrap();
    println!(
        "certificate: {} bytes of JCS, QR text {} characters, QR version {} at level M",
        json.len(),
        text.len(),
        qr.version()
    );
    assert!(qr.version() <= 29, "version {}", qr.version());
    // Without the optional hashed identifier.
    let mut input = badge::example_input();
    input.learner_identifier = None;
    let plain = badge::issue(&input, &badge::example_key()).unwrap();
    let plain_text = badge::to_qr_text(&plain).unwrap();
    let plain_qr = payload::Qr::new(&plain_text).unwrap();
    println!(
        "without the hashed identifier: {} bytes of JCS, QR text {} characters, QR version {}",
        jcs::canonicalize(&plain).unwrap().len(),
        plain_text.len(),
        plain_qr.version()
    );
    assert!(plain_qr.version() <= 29, "version {}", plain_qr.version());
    // Long names still fit: 40 characters of Chinese for each.
    let mut input = badge::example_input();
    input.learner_name = "王".repeat(40);
    input.instructor_name = "李".repeat(40);
    let long = badge::issue(&input, &badge::example_key()).unwrap();
    let long_qr = payload::Qr::new(&badge::to_qr_text(&long).unwrap()).unwrap();
    println!("with 40-character names: QR version {}", long_qr.version());
    assert!(long_qr.version() <= 31, "version {}", long_qr.version());
}

#[test]
fn the_builder_refuses_bad_input() {
    let key = badge::example_key();
    let with = |edit: fn(&mut CertificateInput)| {
        let mut input = badge::example_input();
        edit(&mut input);
        badge::issue(&input, &key).unwrap_err()
    };
    assert_eq!(
        with(|i| i.learner_name = "  ".into()),
        IssueError::LearnerName
    );
    assert_eq!(
        with(|i| i.learner_name = "x".repeat(201)),
        IssueError::LearnerName
    );
    assert_eq!(
        with(|i| i.instructor_name = String::new()),
        IssueError::InstructorName
    );
    assert_eq!(
        with(|i| i.valid_until_ms = Some(i.valid_from_ms + 999)),
        IssueError::EndsBeforeStart
    );
    assert_eq!(with(|i| i.valid_from_ms = -1), IssueError::DateOutOfRange);
    assert_eq!(
        with(|i| i.valid_until_ms = Some(253_402_300_800_000)),
        IssueError::DateOutOfRange
    );
    assert_eq!(
        with(|i| i.learner_identifier.as_mut().unwrap().salt = String::new()),
        IssueError::Identifier
    );
    // Names are trimmed; milliseconds dropped.
    let mut input = badge::example_input();
    input.learner_name = " 王小明\n".into();
    input.valid_from_ms += 999;
    let v = badge::issue(&input, &key).unwrap();
    assert_eq!(
        v["credentialSubject"]["identifier"][0]["identityHash"],
        "王小明"
    );
    assert_eq!(v["validFrom"], "2026-11-29T03:00:00Z");
}

#[test]
fn dates_with_time_zones_are_read() {
    let at = |s| date_time_z_ms(s);
    let base = firstaid::time::parse_iso("2026-11-29T03:00:00Z").unwrap();
    assert_eq!(at("2026-11-29T03:00:00Z"), Some(base));
    assert_eq!(at("2026-11-29T11:00:00+08:00"), Some(base));
    assert_eq!(at("2026-11-28T22:00:00-05:00"), Some(base));
    assert_eq!(at("2026-11-29T03:00:00.25Z"), Some(base + 250));
    assert_eq!(at("2026-11-29T03:00:00.123456Z"), Some(base + 123));
    assert_eq!(at("2026-11-28T24:00:00Z"), Some(base - 3 * 3_600_000));
    assert_eq!(at("1970-01-01T00:00:00Z"), Some(0));
    for bad in [
        "2026-11-29T03:00:00",
        "2026-11-29",
        "2026-02-29T00:00:00Z",
        "12026-11-29T03:00:00Z",
        "-2026-11-29T03:00:00Z",
        "2026-11-29T03:00:00+15:00",
        "",
    ] {
        assert_eq!(at(bad), None, "{bad}");
    }
    assert_eq!(
        firstaid::time::add_years(
            firstaid::time::parse_iso("2028-02-29T10:00:00Z").unwrap(),
            2
        ),
        firstaid::time::parse_iso("2030-02-28T10:00:00Z").unwrap()
    );
    assert_eq!(
        firstaid::time::format_iso_seconds(base + 999),
        "2026-11-29T03:00:00Z"
    );
}

#[test]
fn the_shipped_contexts_are_the_recorded_documents() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("public/contexts/README.md")).unwrap();
    for (doc, url) in badge::CONTEXT_DOCUMENTS.iter().zip(badge::CONTEXT) {
        assert_eq!(doc.url, url);
        let bytes = std::fs::read(root.join(doc.path)).unwrap();
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hash, doc.sha256, "{}", doc.path);
        assert!(readme.contains(doc.sha256) && readme.contains(url), "{url}");
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert!(v["@context"]["@protected"] == true, "{}", doc.path);
    }
    // The terms this app writes are defined there.
    let ob = std::fs::read_to_string(root.join(badge::CONTEXT_DOCUMENTS[1].path)).unwrap();
    for term in [
        "OpenBadgeCredential",
        "AchievementSubject",
        "IdentityObject",
        "identityHash",
        "achievementType",
        "targetCode",
        "narrative",
    ] {
        assert!(ob.contains(&format!("\"{term}\"")), "{term}");
    }
}

#[test]
fn the_specifications_examples_pass_the_structure_check() {
    let basic: Value =
        serde_json::from_str(include_str!("fixtures/ob3/basicOpenBadgeCredential.json")).unwrap();
    let full: Value =
        serde_json::from_str(include_str!("fixtures/ob3/fullOpenBadge.json")).unwrap();
    assert_eq!(check_structure(&basic), Ok(()));
    assert_eq!(check_structure(&full), Ok(()));
    // Neither is signed with eddsa-jcs-2022: the basic one, with our
    // context, has no proof; the full one adds the extensions context.
    assert_eq!(
        badge::verify_value(&basic, NOW).unwrap_err(),
        CredentialError::Proof(ProofError::MissingProof)
    );
    assert_eq!(
        badge::verify_value(&full, NOW).unwrap_err(),
        CredentialError::UnknownContext
    );
    // What the structure check reads in them.
    let mut without_subject = basic.clone();
    without_subject["credentialSubject"]
        .as_object_mut()
        .unwrap()
        .remove("id");
    assert_eq!(
        check_structure(&without_subject),
        Err(CredentialError::Malformed("credentialSubject.identifier"))
    );
    assert!(!is_credential_text("FAR1:ABC") && !is_credential_text("{\"format\":1}"));
    assert!(is_credential_text(include_str!(
        "fixtures/ob3/fullOpenBadge.json"
    )));
}
