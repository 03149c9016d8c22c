//! 1EdTech's JSON Schema of an Open Badges 3.0 `AchievementCredential`
//! (`badge::schema`, the copy in tests/fixtures/ob3): the copy is the
//! recorded file, every credential the app issues passes it, version 1
//! certificates fail it only for their proof, and it refuses what it
//! should — offline.

use super::*;
use firstaid::credentials::badge::schema::{self, SchemaError};

fn golden(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_shipped_schema_is_the_recorded_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join(schema::SCHEMA_PATH)).unwrap();
    assert_eq!(sha256_hex(&bytes), schema::SCHEMA_SHA256);
    assert_eq!(schema::SCHEMA_TEXT.as_bytes(), bytes.as_slice());
    let readme = std::fs::read_to_string(root.join("tests/fixtures/ob3/README.md")).unwrap();
    assert!(
        readme.contains(schema::SCHEMA_SHA256),
        "README lacks the SHA-256"
    );
    let s: Value = serde_json::from_str(schema::SCHEMA_TEXT).unwrap();
    assert_eq!(
        s["$schema"],
        "https://json-schema.org/draft/2019-09/schema#"
    );
    // The schema asks for an array proof: what version 2 is for.
    assert_eq!(s["properties"]["proof"]["type"], "array");
    // Only local references: nothing to fetch.
    let text = schema::SCHEMA_TEXT;
    let refs = text.matches("\"$ref\"").count();
    assert!(refs > 0);
    assert_eq!(text.matches("\"$ref\" : \"#/$defs/").count(), refs);
}

#[test]
fn the_validator_has_no_network_resolver() {
    // A remote reference is an error when the validator is built, not a
    // download: the crate is built without its resolvers.
    let remote = json!({"$ref": "https://example.org/never-fetched.json"});
    assert!(jsonschema::validator_for(&remote).is_err());
}

#[test]
fn the_golden_version_2_certificate_passes_and_version_1_fails_only_for_its_proof() {
    let v2 = golden("credential-v2.json");
    assert_eq!(schema::check(&v2["credential"]), Ok(()));
    assert_eq!(
        schema::check(&badge::verify::decode_qr_text(v2["qr"].as_str().unwrap()).unwrap()),
        Ok(())
    );
    let v1 = golden("credential-v1.json");
    let errors = schema::check(&v1["credential"]).unwrap_err();
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|e| e.path == "/proof"), "{errors:?}");
    let line = schema::summary(&v1["credential"]);
    assert!(line.starts_with("schema: FAIL: /proof: "), "{line}");
    assert!(line.contains("\"array\""), "{line}");
    assert_eq!(schema::summary(&v2["credential"]), "schema: OK");
}

#[test]
fn the_golden_version_3_certificate_passes() {
    let v3 = golden("credential-v3.json");
    assert_eq!(schema::check(&v3["credential"]), Ok(()));
    assert_eq!(
        schema::check(&badge::verify::decode_qr_text(v3["qr"].as_str().unwrap()).unwrap()),
        Ok(())
    );
    assert_eq!(schema::summary(&v3["credential"]), "schema: OK");
    // Its results are what the schema checks: a status outside the
    // vocabulary, or a result type outside it, fails it.
    let mut bad = v3["credential"].clone();
    bad["credentialSubject"]["result"][1]["status"] = json!("Passed");
    let errors = schema::check(&bad).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path == "/credentialSubject/result/1/status"),
        "{errors:?}"
    );
    let mut bad = v3["credential"].clone();
    bad["credentialSubject"]["achievement"]["resultDescription"][0]["resultType"] =
        json!("Percentage");
    assert!(schema::check(&bad).is_err());
}

#[test]
fn every_issued_certificate_passes_the_schema() {
    let names = [
        ("李老师 (Li Wei)", "王小明"),
        ("Ms Chen", "Alex Smith"),
        ("陈老师", "O'Brien, Mary-Jane"),
    ];
    for profile in ProfileId::ALL {
        for (instructor, learner) in names {
            for identifier in [
                None,
                Some(IdentityType::Identifier),
                Some(IdentityType::EmailAddress),
            ] {
                for (until, results) in [(None, true), (Some(2), false)] {
                    let mut input = badge::example_input();
                    // Without results: no exam percent, no checklist
                    // passed (assessed before checklists existed).
                    if !results {
                        input.assessed.exam_percent = None;
                        for c in &mut input.assessed.checklists {
                            c.passed = false;
                        }
                    }
                    input.profile = profile;
                    input.instructor_name = instructor.into();
                    input.learner_name = learner.into();
                    input.valid_until_ms =
                        until.map(|y| firstaid::time::add_years(input.valid_from_ms, y));
                    input.learner_identifier = identifier.map(|identity_type| HashedIdentifier {
                        identity_type,
                        identifier: "wang@example.cn".into(),
                        salt: "salt".into(),
                    });
                    let credential = badge::issue(&input, &badge::example_key()).unwrap();
                    assert_eq!(schema::check(&credential), Ok(()), "{credential}");
                    assert_eq!(
                        credential["credentialSubject"].get("result").is_some(),
                        results
                    );
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any name, date and identifier the builder accepts makes a
    /// credential that passes the schema and verifies.
    #[test]
    fn any_accepted_input_passes_the_schema(
        learner in "\\PC{1,60}",
        instructor in "\\PC{1,60}",
        from_s in 0i64..253_402_300_000,
        years in proptest::option::of(1i64..5),
        salt in proptest::option::of("[a-zA-Z0-9]{1,24}"),
        seed in any::<[u8; 32]>(),
    ) {
        let mut input = badge::example_input();
        input.learner_name = learner;
        input.instructor_name = instructor;
        input.valid_from_ms = from_s * 1000;
        input.valid_until_ms = years.map(|y| firstaid::time::add_years(input.valid_from_ms, y));
        input.learner_identifier = salt.map(|salt| HashedIdentifier {
            identity_type: IdentityType::Identifier,
            identifier: "2026-0142".into(),
            salt,
        });
        let key = KeyPair::from_seed(seed);
        if let Ok(credential) = badge::issue(&input, &key) {
            prop_assert_eq!(schema::check(&credential), Ok(()));
            let qr = badge::to_qr_text(&credential).unwrap();
            prop_assert!(verify(&qr, input.valid_from_ms).is_ok());
        }
    }
}

#[test]
fn the_schema_refuses_what_it_should() {
    let edited = |edit: fn(&mut Value)| {
        let mut v = badge::example();
        edit(&mut v);
        schema::check(&v).unwrap_err()
    };
    let paths =
        |errors: Vec<SchemaError>| -> Vec<String> { errors.into_iter().map(|e| e.path).collect() };
    // Formats are checked, not only annotated.
    assert!(
        paths(edited(|v| v["validFrom"] = json!("29 November 2026")))
            .contains(&"/validFrom".to_owned())
    );
    assert!(paths(edited(|v| v["proof"] = v["proof"][0].clone())).contains(&"/proof".to_owned()));
    assert!(!paths(edited(|v| {
        v.as_object_mut().unwrap().remove("credentialSubject");
    }))
    .is_empty());
    assert!(paths(edited(|v| {
        v["credentialSchema"][0]
            .as_object_mut()
            .unwrap()
            .remove("type");
    }))
    .contains(&"/credentialSchema/0".to_owned()));
    assert!(
        paths(edited(|v| v["type"] = json!(["VerifiableCredential"])))
            .contains(&"/type".to_owned())
    );
    assert!(
        paths(edited(|v| v["@context"] = json!([badge::CONTEXT[1]])))
            .iter()
            .any(|p| p.starts_with("/@context"))
    );
    // The summary lists the first errors and counts the rest, values left
    // out.
    let many = edited(|v| {
        v["validFrom"] = json!("x\ny");
        v["proof"] = json!({});
        v["type"] = json!([]);
        v["credentialSchema"] = json!("none");
    });
    assert!(many.len() > schema::SUMMARY_ERRORS, "{many:?}");
    let mut v = badge::example();
    v["validFrom"] = json!("x\ny");
    v["proof"] = json!({});
    v["type"] = json!([]);
    v["credentialSchema"] = json!("none");
    let line = schema::summary(&v);
    assert!(line.starts_with("schema: FAIL: "), "{line}");
    assert!(
        line.ends_with(&format!("(and {} more)", many.len() - 3)),
        "{line}"
    );
    assert!(!line.contains('\n'), "{line}");
}

#[test]
fn the_specifications_examples_pass_it() {
    // The validator and the copy agree with the specification's own
    // examples (tests/fixtures/ob3; neither carries a proof).
    for text in [
        include_str!("../fixtures/ob3/basicOpenBadgeCredential.json"),
        include_str!("../fixtures/ob3/fullOpenBadge.json"),
    ] {
        let v: Value = serde_json::from_str(text).unwrap();
        assert_eq!(schema::check(&v), Ok(()));
    }
}
