//! Every rejection reason of a certificate, each with its fixture.

use super::*;

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
            "tampered exam percent",
            tampered(|v| v["credentialSubject"]["result"][0]["value"] = json!("100")),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "tampered pass mark",
            tampered(|v| {
                v["credentialSubject"]["achievement"]["resultDescription"][0]["requiredValue"] =
                    json!("50")
            }),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "a checklist result removed",
            tampered(|v| {
                v["credentialSubject"]["result"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            }),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "tampered checklist status",
            tampered(|v| v["credentialSubject"]["result"][1]["status"] = json!("Failed")),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "tampered criteria",
            tampered(|v| {
                v["credentialSubject"]["achievement"]["criteria"]["narrative"] = json!("Attended.")
            }),
            NOW,
            CredentialError::Proof(ProofError::SignatureMismatch),
        ),
        (
            "a result naming no result description",
            resigned(
                |v| v["credentialSubject"]["result"][0]["resultDescription"] = json!("urn:x#y"),
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.result"),
        ),
        (
            "a result that is not a Result",
            resigned(
                |v| v["credentialSubject"]["result"][0]["type"] = json!(["Other"]),
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.result"),
        ),
        (
            "a result description without a name",
            resigned(
                |v| {
                    v["credentialSubject"]["achievement"]["resultDescription"][0]
                        .as_object_mut()
                        .unwrap()
                        .remove("name");
                },
                &key,
            ),
            NOW,
            CredentialError::Malformed("credentialSubject.achievement.resultDescription"),
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
            tampered(|v| v["proof"][0]["cryptosuite"] = json!("eddsa-rdfc-2022")),
            NOW,
            CredentialError::Proof(ProofError::WrongCryptosuite),
        ),
        (
            "a damaged proof value",
            tampered(|v| v["proof"][0]["proofValue"] = json!("z111")),
            NOW,
            CredentialError::Proof(ProofError::InvalidProofValue),
        ),
        (
            "a set of two proofs",
            tampered(|v| v["proof"] = json!([v["proof"][0], v["proof"][0]])),
            NOW,
            CredentialError::Proof(ProofError::ProofSetNotSupported),
        ),
        (
            "an empty proof set",
            tampered(|v| v["proof"] = json!([])),
            NOW,
            CredentialError::Proof(ProofError::MissingProof),
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
