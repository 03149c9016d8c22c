//! The W3C test vectors of Data Integrity EdDSA Cryptosuites v1.0 for
//! `eddsa-jcs-2022` (tests/fixtures/vc-di-eddsa, see its README), every
//! intermediate value reproduced; and tampering with a signed credential.
#![cfg(not(target_arch = "wasm32"))]

use firstaid::credentials::did_key::{self, DidKeyError};
use firstaid::credentials::multibase::{self, MultibaseError};
use firstaid::credentials::proof::{self, ProofError, ProofOptions};
use firstaid::records::keys::KeyPair;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/vc-di-eddsa/", $name))
    };
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

fn object(text: &str) -> Map<String, Value> {
    match json(text) {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The vector's key pair, from its secret key multikey.
fn vector_key() -> KeyPair {
    let pair = json(fixture!("keyPair.json"));
    let secret = pair["privateKeyMultibase"].as_str().unwrap();
    KeyPair::from_seed(multibase::decode_ed25519_secret(secret).unwrap())
}

fn created() -> String {
    json(fixture!("proofConfigJCS.json"))["created"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_secret_key_gives_the_public_key() {
    let pair = json(fixture!("keyPair.json"));
    let secret = pair["privateKeyMultibase"].as_str().unwrap();
    let public = pair["publicKeyMultibase"].as_str().unwrap();
    // The multicodec prefix for an Ed25519 secret key, then the seed.
    let bytes = multibase::decode_base58btc(secret).unwrap();
    assert_eq!(bytes.len(), 34);
    assert_eq!(bytes[..2], [0x80, 0x26]);
    let key = vector_key();
    assert_eq!(key.seed()[..], bytes[2..]);
    assert_eq!(multibase::encode_ed25519_public(&key.public()), public);
    assert_eq!(
        multibase::decode_ed25519_public(public).unwrap(),
        key.public()
    );
    assert_eq!(multibase::encode_ed25519_secret(&key.seed()), secret);
    assert!(public.starts_with("z6Mk") && secret.starts_with("z3u2"));
}

#[test]
fn the_verification_method_is_the_keys_did_key() {
    let config = json(fixture!("proofConfigJCS.json"));
    let method = config["verificationMethod"].as_str().unwrap();
    let key = vector_key().public();
    assert_eq!(did_key::verification_method(&key), method);
    assert_eq!(did_key::key_from_verification_method(method).unwrap(), key);
    let did = did_key::did_from_key(&key);
    assert_eq!(
        did,
        "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    );
    assert_eq!(did_key::key_from_did(&did).unwrap(), key);
}

#[test]
fn every_intermediate_value_matches() {
    // Transformation: the canonical document and its hash.
    let unsigned = object(fixture!("unsigned.json"));
    let transformed = proof::transform(&unsigned).unwrap();
    assert_eq!(transformed, fixture!("canonDocJCS.txt"));
    assert_eq!(
        hex(&Sha256::digest(transformed.as_bytes())),
        fixture!("docHashJCS.txt")
    );
    // Proof configuration: canonical form and hash.
    let config = object(fixture!("proofConfigJCS.json"));
    let canonical_config = proof::proof_configuration(&config).unwrap();
    assert_eq!(canonical_config, fixture!("proofCanonJCS.txt"));
    assert_eq!(
        hex(&Sha256::digest(canonical_config.as_bytes())),
        fixture!("proofHashJCS.txt")
    );
    // Hashing: proof configuration hash, then document hash.
    let hash_data = proof::hash_data(&transformed, &canonical_config);
    assert_eq!(hex(&hash_data), fixture!("combinedHashJCS.txt"));
    // Proof serialization: the signature, and its multibase form.
    let signature = vector_key().sign(&hash_data);
    assert_eq!(hex(&signature), fixture!("sigHexJCS.txt"));
    assert_eq!(
        multibase::encode_base58btc(&signature),
        fixture!("sigBTC58JCS.txt")
    );
    assert_eq!(
        multibase::decode_base58btc(fixture!("sigBTC58JCS.txt")).unwrap(),
        signature
    );
}

#[test]
fn signing_the_credential_gives_the_signed_vector() {
    let unsigned = json(fixture!("unsigned.json"));
    let options = ProofOptions {
        created: Some(created()),
    };
    let signed = proof::sign(&unsigned, &vector_key(), options).unwrap();
    assert_eq!(signed, json(fixture!("signedJCS.json")));
}

#[test]
fn the_signed_vector_verifies() {
    let signed = json(fixture!("signedJCS.json"));
    assert_eq!(proof::verify(&signed).unwrap(), vector_key().public());
}

/// Every string in `value` with its path, for tampering.
fn string_paths(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::String(_) => out.push(path.clone()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                string_paths(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (name, item) in map {
                path.push(name.clone());
                string_paths(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(value: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match v {
        Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
        Value::Object(map) => map.get_mut(step).unwrap(),
        _ => unreachable!(),
    })
}

#[test]
fn every_single_character_change_is_rejected() {
    let signed = json(fixture!("signedJCS.json"));
    let mut paths = Vec::new();
    string_paths(&signed, &mut Vec::new(), &mut paths);
    let mut tried = 0;
    for path in &paths {
        let original = signed.pointer(&format!("/{}", path.join("/")));
        let original = original.unwrap().as_str().unwrap().to_owned();
        let chars: Vec<char> = original.chars().collect();
        for i in 0..chars.len() {
            // Another character from the same class, so that encodings stay
            // well-formed where they can (base58 stays base58, etc.).
            let replacement = match chars[i] {
                'a' => 'b',
                'A' => 'B',
                '1' => '2',
                c if c.is_ascii_digit() => '1',
                c if c.is_ascii_uppercase() => 'A',
                _ => 'a',
            };
            let mut changed = chars.clone();
            changed[i] = replacement;
            let mut tampered = signed.clone();
            *at(&mut tampered, path) = Value::String(changed.into_iter().collect());
            assert!(
                proof::verify(&tampered).is_err(),
                "changing character {i} of {path:?} was not noticed"
            );
            tried += 1;
        }
    }
    assert!(tried > 600, "only {tried} changes tried");
}

#[test]
fn named_changes_are_rejected_for_the_right_reason() {
    let signed = json(fixture!("signedJCS.json"));
    let with = |pointer: &str, value: Value| {
        let mut v = signed.clone();
        *v.pointer_mut(pointer).unwrap() = value;
        proof::verify(&v)
    };
    assert_eq!(
        with(
            "/credentialSubject/alumniOf",
            json!("The School of Examplez")
        ),
        Err(ProofError::SignatureMismatch)
    );
    assert_eq!(
        with("/proof/created", json!("2023-02-24T23:36:39Z")),
        Err(ProofError::SignatureMismatch)
    );
    assert_eq!(
        with("/proof/created", json!("2023-02-30T23:36:38Z")),
        Err(ProofError::InvalidCreated)
    );
    // Another valid key in the verification method.
    let other = KeyPair::from_seed([7; 32]).public();
    assert_eq!(
        with(
            "/proof/verificationMethod",
            json!(did_key::verification_method(&other))
        ),
        Err(ProofError::SignatureMismatch)
    );
    let did = did_key::did_from_key(&vector_key().public());
    assert_eq!(
        with("/proof/verificationMethod", json!(format!("{did}#key-1"))),
        Err(ProofError::VerificationMethod(
            DidKeyError::FragmentMismatch
        ))
    );
    assert_eq!(
        with("/proof/verificationMethod", json!(did)),
        Err(ProofError::VerificationMethod(DidKeyError::MissingFragment))
    );
    assert_eq!(
        with(
            "/proof/verificationMethod",
            json!("https://vc.example/issuers/5678#key-1")
        ),
        Err(ProofError::VerificationMethod(DidKeyError::NotDidKey))
    );
    assert_eq!(
        with("/proof/type", json!("Ed25519Signature2020")),
        Err(ProofError::WrongType)
    );
    assert_eq!(
        with("/proof/cryptosuite", json!("eddsa-rdfc-2022")),
        Err(ProofError::WrongCryptosuite)
    );
    assert_eq!(
        with("/proof/proofPurpose", json!("authentication")),
        Err(ProofError::WrongProofPurpose)
    );
    assert_eq!(
        with("/proof/proofValue", json!("u2HnFSSPP")),
        Err(ProofError::InvalidProofValue)
    );
    assert_eq!(
        with("/proof/@context/1", json!("https://example.org/other")),
        Err(ProofError::ContextMismatch)
    );
    assert_eq!(
        with("/@context", json!("https://www.w3.org/ns/credentials/v2")),
        Err(ProofError::ContextMismatch)
    );
    // A number where a string was: the document changed.
    assert_eq!(
        with("/validFrom", json!(2023)),
        Err(ProofError::SignatureMismatch)
    );
}

#[test]
fn adding_or_removing_members_is_rejected() {
    let signed = json(fixture!("signedJCS.json"));
    let mut added = signed.clone();
    added["credentialSubject"]["degree"] = json!("PhD");
    assert_eq!(proof::verify(&added), Err(ProofError::SignatureMismatch));
    let mut removed = signed.clone();
    removed["proof"].as_object_mut().unwrap().remove("created");
    assert_eq!(proof::verify(&removed), Err(ProofError::SignatureMismatch));
    let mut no_context = signed.clone();
    no_context["proof"]
        .as_object_mut()
        .unwrap()
        .remove("@context");
    assert_eq!(
        proof::verify(&no_context),
        Err(ProofError::SignatureMismatch)
    );
    let mut extra = signed.clone();
    extra["proof"]["nonce"] = json!("1234");
    assert_eq!(proof::verify(&extra), Err(ProofError::SignatureMismatch));
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().unwrap().remove("proof");
    assert_eq!(proof::verify(&unsigned), Err(ProofError::MissingProof));
}

#[test]
fn a_context_appended_after_signing_is_accepted_as_the_specification_says() {
    // Verify Proof step 4: the document's @context need only start with the
    // proof's; the proof's is hashed in its place.
    let mut signed = json(fixture!("signedJCS.json"));
    signed["@context"]
        .as_array_mut()
        .unwrap()
        .push(json!("https://example.org/later"));
    assert_eq!(proof::verify(&signed).unwrap(), vector_key().public());
}

#[test]
fn a_set_of_one_proof_verifies_and_larger_sets_and_odd_shapes_are_refused() {
    let signed = json(fixture!("signedJCS.json"));
    let mut set = signed.clone();
    set["proof"] = json!([signed["proof"].clone()]);
    assert_eq!(proof::verify(&set).unwrap(), vector_key().public());
    // sign_in_set makes exactly that array.
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().unwrap().remove("proof");
    let options = ProofOptions {
        created: signed["proof"]["created"].as_str().map(str::to_owned),
    };
    assert_eq!(
        proof::sign_in_set(&unsigned, &vector_key(), options).unwrap(),
        set
    );
    set["proof"] = json!([signed["proof"].clone(), signed["proof"].clone()]);
    assert_eq!(proof::verify(&set), Err(ProofError::ProofSetNotSupported));
    set["proof"] = json!([]);
    assert_eq!(proof::verify(&set), Err(ProofError::MissingProof));
    set["proof"] = json!(["proof"]);
    assert_eq!(proof::verify(&set), Err(ProofError::MalformedProof));
    let mut text = signed.clone();
    text["proof"] = json!("proof");
    assert_eq!(proof::verify(&text), Err(ProofError::MalformedProof));
    assert_eq!(
        proof::verify(&json!([signed.clone()])),
        Err(ProofError::NotAnObject)
    );
    assert_eq!(
        proof::sign(&signed, &vector_key(), ProofOptions::default()),
        Err(ProofError::AlreadySigned)
    );
    assert_eq!(
        proof::sign(&json!("text"), &vector_key(), ProofOptions::default()),
        Err(ProofError::NotAnObject)
    );
    assert_eq!(
        proof::sign(
            &json!({}),
            &vector_key(),
            ProofOptions {
                created: Some("yesterday".into())
            }
        ),
        Err(ProofError::InvalidCreated)
    );
}

#[test]
fn a_document_without_context_or_created_round_trips() {
    let key = KeyPair::from_seed([42; 32]);
    let document = json!({"name": "Hands-only CPR", "score": 0.5, "passed": true});
    let signed = proof::sign(&document, &key, ProofOptions::default()).unwrap();
    let proof = signed["proof"].as_object().unwrap();
    assert!(!proof.contains_key("@context") && !proof.contains_key("created"));
    assert_eq!(proof::verify(&signed).unwrap(), key.public());
    // Signed twice, the same bytes (Ed25519 is deterministic).
    assert_eq!(
        proof::sign(&document, &key, ProofOptions::default()).unwrap(),
        signed
    );
    let mut tampered = signed.clone();
    tampered["score"] = json!(0.51);
    assert_eq!(proof::verify(&tampered), Err(ProofError::SignatureMismatch));
}

#[test]
fn a_small_order_key_is_refused() {
    // The identity point (a small-order key) with any signature.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let method = did_key::verification_method(&firstaid::records::keys::PublicKey(identity));
    let mut signed = json(fixture!("signedJCS.json"));
    signed["proof"]["verificationMethod"] = json!(method);
    assert_eq!(proof::verify(&signed), Err(ProofError::BadKey));
}

#[test]
fn multikeys_of_the_wrong_kind_are_refused() {
    let key = vector_key();
    let secret = multibase::encode_ed25519_secret(&key.seed());
    assert_eq!(
        multibase::decode_ed25519_public(&secret),
        Err(MultibaseError::WrongCodec)
    );
    let short = multibase::encode_base58btc(&[0xed, 0x01, 1, 2, 3]);
    assert_eq!(
        multibase::decode_ed25519_public(&short),
        Err(MultibaseError::WrongLength {
            expected: 32,
            found: 3
        })
    );
    let public = multibase::encode_ed25519_public(&key.public());
    assert_eq!(
        multibase::decode_ed25519_public(&public[1..]),
        Err(MultibaseError::WrongPrefix)
    );
    assert_eq!(
        did_key::key_from_did(&format!("did:key:{}", &public.replace('M', "0"))),
        Err(DidKeyError::Multikey(MultibaseError::InvalidCharacter('0')))
    );
}

#[test]
fn created_must_be_an_xml_schema_date_time() {
    for good in [
        "2023-02-24T23:36:38Z",
        "2023-02-24T23:36:38",
        "2023-02-24T23:36:38.123+01:00",
        "2024-02-29T00:00:00-14:00",
        "2000-02-29T24:00:00Z",
        "-0044-03-15T12:00:00Z",
        "12345-01-01T00:00:00Z",
    ] {
        assert!(proof::is_xsd_date_time(good), "{good}");
    }
    for bad in [
        "",
        "2023-02-24",
        "2023-02-24 23:36:38Z",
        "2023-02-24T23:36Z",
        "2023-02-30T23:36:38Z",
        "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2023-13-01T00:00:00Z",
        "2023-00-01T00:00:00Z",
        "2023-01-01T24:00:01Z",
        "2023-01-01T23:60:00Z",
        "2023-01-01T23:00:60Z",
        "2023-01-01T23:00:00.Z",
        "2023-01-01T23:00:00+15:00",
        "2023-01-01T23:00:00+14:30",
        "2023-01-01T23:00:00+0100",
        "2023-01-01T23:00:00z",
        "02023-01-01T23:00:00Z",
        "923-01-01T23:00:00Z",
        "2023-01-01T23:00:00Zjunk",
        "２023-01-01T23:00:00Z",
    ] {
        assert!(!proof::is_xsd_date_time(bad), "{bad}");
    }
}
