//! Certificates (Open Badges 3.0 credentials, `credentials::badge`): the
//! builder's output pinned by a golden file (version 3, with results;
//! the stored version 1 and 2 goldens, as those versions issued them, still
//! verify), what was assessed read back, sign → verify round trips in JSON and QR text, every
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
    assert_eq!(badge::VERSION, 3);
    assert!(credential["proof"].is_array());
    let golden = golden_of(&credential, &credential["proof"][0]);
    assert!(golden["qr"].as_str().unwrap().starts_with("FAC3:"));
    common::check_golden("credential-v3.json", &golden);
}

/// A stored golden file (never rewritten for versions 1 and 2: they are
/// what those versions issued).
fn stored_golden(name: &str) -> Value {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn version_1_and_2_certificates_still_verify() {
    let v3 = badge::example();
    for (name, prefix) in [
        ("credential-v1.json", badge::QR_PREFIX_V1),
        ("credential-v2.json", badge::QR_PREFIX_V2),
    ] {
        let stored = stored_golden(name);
        let credential = &stored["credential"];
        // The file is consistent: its JCS, proof value and QR text are the
        // credential's.
        assert_eq!(jcs::canonicalize(credential).unwrap(), stored["jcs"]);
        let qr = badge::to_qr_text(credential).unwrap();
        assert_eq!(qr, stored["qr"], "{name}");
        assert!(qr.starts_with(prefix), "{name}");
        for text in [credential.to_string(), qr.clone()] {
            let v = verify(&text, NOW).unwrap();
            assert_eq!(v.learner_name.as_deref(), Some("王小明"), "{name}");
            assert_eq!(v.issuer_key, badge::example_key().public());
            assert_eq!(v.profile, Some(ProfileId::Rcsc));
            assert!(v.results.is_empty(), "{name}");
            assert!(v.criteria.unwrap().contains("Passed the theory exam"));
        }
        // Any prefix reads any version (the credential tells them apart).
        let as_fac3 = payload::wrap(badge::QR_PREFIX, stored["jcs"].as_str().unwrap().as_bytes());
        assert!(verify(&as_fac3, NOW).is_ok(), "{name}");
        // Version 3 is the same document, but for what was assessed: the
        // criteria, the result descriptions and the results.
        let strip = |v: &Value| {
            let mut v = v.clone();
            let o = v.as_object_mut().unwrap();
            o.remove("proof");
            o.remove("credentialSchema");
            let subject = o["credentialSubject"].as_object_mut().unwrap();
            subject.remove("result");
            let a = subject["achievement"].as_object_mut().unwrap();
            a.remove("criteria");
            a.remove("resultDescription");
            v
        };
        assert_eq!(strip(&v3), strip(credential), "{name}");
    }
    let v2 = stored_golden("credential-v2.json");
    assert_ne!(
        v3["proof"][0]["proofValue"],
        v2["credential"]["proof"][0]["proofValue"]
    );
}

#[test]
fn the_example_says_what_was_assessed() {
    let c = common::embedded();
    let pass = c.blueprint("course-rcsc").unwrap().pass_percent;
    let v = verify(&badge::to_qr_text(&badge::example()).unwrap(), NOW).unwrap();
    // The criteria: the pass mark and every checklist of the content, in
    // both languages.
    let criteria = v.criteria.unwrap();
    let (zh, en) = criteria.split_once("\n\n").unwrap();
    assert!(zh.contains(&format!("及格线 {pass}%")), "{zh}");
    assert!(en.contains(&format!("pass mark {pass}%")), "{en}");
    assert!(zh.contains("中国红十字会") && en.contains("Red Cross Society of China"));
    for list in &c.checklists {
        assert!(
            zh.contains(&list.title.zh) && en.contains(&list.title.en),
            "{}",
            list.id
        );
    }
    // The results: 90% of a pass mark from the content, then each
    // checklist completed, each with its description.
    assert_eq!(v.results.len(), 1 + c.checklists.len());
    let theory = &v.results[0];
    assert!(theory.percent() && !theory.completed());
    assert_eq!(theory.value.as_deref(), Some("90"));
    assert_eq!(theory.required_value, Some(pass.to_string()));
    assert_eq!(theory.name, badge::assessed::THEORY_NAME);
    assert_eq!(
        theory.description_id,
        format!("{}#theory", badge::achievement_id(ProfileId::Rcsc))
    );
    for (r, list) in v.results[1..].iter().zip(&c.checklists) {
        assert!(r.completed() && !r.percent());
        assert_eq!(r.result_type, "Status");
        let (zh, en) = badge::split_languages(&r.name).unwrap();
        assert_eq!(zh, format!("实操：{}", list.title.zh));
        assert_eq!(en, format!("Practical: {}", list.title.en));
        assert!(r
            .description_id
            .ends_with(&format!("#checklist-{}", list.id)));
    }
}

#[test]
fn a_certificate_states_only_what_was_assessed() {
    let c = common::embedded();
    let g = badge::guideline(ProfileId::Rcsc);
    // (exam percent, checklists passed, the theory clause, the checklists
    // named, results): a class without an exam states none; a learner
    // ticked before checklists existed is named by the old assessment.
    let cases = [
        (Some(90), true, true, true, 1 + c.checklists.len()),
        (None, true, false, true, c.checklists.len()),
        (Some(85), false, true, false, 1),
        (None, false, false, false, 0),
    ];
    for (exam, lists, theory, named, results) in cases {
        let mut input = badge::example_input();
        input.assessed.exam_percent = exam;
        for l in &mut input.assessed.checklists {
            l.passed = lists;
        }
        let narrative = badge::assessed::criteria_narrative(&input.assessed, &g);
        let (zh, en) = narrative.split_once("\n\n").unwrap();
        let case = format!("exam {exam:?}, checklists {lists}: {narrative}");
        assert_eq!(en.contains("theory exam"), theory, "{case}");
        assert_eq!(zh.contains("理论考试"), theory, "{case}");
        for l in &c.checklists {
            assert_eq!(en.contains(&l.title.en), named, "{case}");
            assert_eq!(zh.contains(&l.title.zh), named, "{case}");
        }
        assert_eq!(
            en.contains("the instructor's in-person practical assessment"),
            !named,
            "{case}"
        );
        let key = KeyPair::from_seed([7; 32]);
        let v = verify(
            &badge::to_qr_text(&badge::issue(&input, &key).unwrap()).unwrap(),
            NOW,
        )
        .unwrap();
        assert_eq!(v.results.len(), results, "{case}");
        assert_eq!(v.criteria.as_deref(), Some(narrative.as_str()), "{case}");
    }
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
    // A result description per result type, the results naming them.
    let descriptions = a["resultDescription"].as_array().unwrap();
    assert_eq!(descriptions.len(), 1 + input.assessed.checklists.len());
    assert_eq!(
        descriptions[0],
        json!({
            "id": format!("{}#theory", a["id"].as_str().unwrap()),
            "type": ["ResultDescription"],
            "name": "理论考试 · Theory exam",
            "resultType": "Percent",
            "requiredValue": input.assessed.pass_percent.to_string(),
            "valueMin": "0",
            "valueMax": "100",
        })
    );
    assert_eq!(
        subject["result"][0],
        json!({"type": ["Result"], "resultDescription": descriptions[0]["id"], "value": "90"})
    );
    for (i, d) in descriptions.iter().enumerate().skip(1) {
        assert_eq!(d["resultType"], "Status");
        assert_eq!(
            subject["result"][i],
            json!({"type": ["Result"], "resultDescription": d["id"], "status": "Completed"})
        );
    }
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
        let narrative = badge::assessed::criteria_narrative(&badge::example_input().assessed, &g);
        assert!(narrative.contains(g.short_en) && narrative.contains(g.short_zh));
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
