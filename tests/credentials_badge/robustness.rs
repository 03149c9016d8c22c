//! Damage and bad input: every bit flip of the QR payload, the QR code's
//! size, the builder's refusals, dates with time zones, the shipped
//! contexts, the specification's examples.

use super::*;

// Every bit flip of the credential's JSON (its bytes before deflate), in
// two halves that the harness runs side by side (a debug build verifies
// about a thousand a second).
fn json_bit_flips_are_rejected(half: usize) {
    let credential = badge::example();
    let canonical = jcs::canonicalize(&credential).unwrap().into_bytes();
    let bits = canonical.len() * 8;
    for bit in (half * bits / 2)..((half + 1) * bits / 2) {
        let mut b = canonical.clone();
        b[bit / 8] ^= 1 << (bit % 8);
        let text = payload::wrap(badge::QR_PREFIX, &b);
        assert!(
            verify(&text, NOW).is_err(),
            "bit {bit} of the JSON accepted"
        );
    }
}

#[test]
fn every_single_bit_flip_of_the_json_first_half_is_rejected() {
    json_bit_flips_are_rejected(0);
}

#[test]
fn every_single_bit_flip_of_the_json_second_half_is_rejected() {
    json_bit_flips_are_rejected(1);
}

#[test]
fn every_single_bit_flip_of_the_qr_payload_is_rejected() {
    let credential = badge::example();
    let good = badge::to_qr_text(&credential).unwrap();
    let canonical = jcs::canonicalize(&credential).unwrap().into_bytes();
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
    // Version 3 (the criteria with the pass mark and checklists, a result
    // description and a result per exam and checklist) is version 33; version
    // 2's was 29. Version 40 at level M holds 3,391 characters.
    assert!(qr.version() <= 33, "version {}", qr.version());
    // As a link (what the app's QR code holds): the address in byte mode,
    // the fragment, escaped, in alphanumeric mode.
    let link = firstaid::credentials::link::link("https://firstaid.example", &text);
    let link_qr = payload::Qr::new(&link).unwrap();
    println!(
        "as a link: {} characters, QR version {} at level M",
        link.len(),
        link_qr.version()
    );
    assert!(link_qr.version() <= 36, "version {}", link_qr.version());
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
    assert!(plain_qr.version() <= 33, "version {}", plain_qr.version());
    // Every profile's (the guideline's names differ).
    for profile in firstaid::profile::ProfileId::ALL {
        let mut input = badge::example_input();
        input.profile = profile;
        let text =
            badge::to_qr_text(&badge::issue(&input, &badge::example_key()).unwrap()).unwrap();
        let v = payload::Qr::new(&text).unwrap().version();
        println!(
            "{}: QR text {} characters, QR version {v}",
            profile.as_str(),
            text.len()
        );
        assert!(v <= 34, "{} version {v}", profile.as_str());
    }
    // Long names still fit: 40 characters of Chinese for each.
    let mut input = badge::example_input();
    input.learner_name = "王".repeat(40);
    input.instructor_name = "李".repeat(40);
    let long = badge::issue(&input, &badge::example_key()).unwrap();
    let long_qr = payload::Qr::new(&badge::to_qr_text(&long).unwrap()).unwrap();
    println!("with 40-character names: QR version {}", long_qr.version());
    assert!(long_qr.version() <= 35, "version {}", long_qr.version());
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
    // What was assessed: a pass mark of 1–100, a percent within it and
    // 100, checklists with distinct kebab-case ids and both titles.
    assert_eq!(with(|i| i.assessed.pass_percent = 0), IssueError::Assessed);
    assert_eq!(
        with(|i| i.assessed.pass_percent = 101),
        IssueError::Assessed
    );
    assert_eq!(
        with(|i| i.assessed.exam_percent = Some(i.assessed.pass_percent - 1)),
        IssueError::Assessed
    );
    assert_eq!(
        with(|i| i.assessed.exam_percent = Some(101)),
        IssueError::Assessed
    );
    assert_eq!(
        with(|i| i.assessed.checklists.clear()),
        IssueError::Assessed
    );
    assert_eq!(
        with(|i| i.assessed.checklists[1].id = i.assessed.checklists[0].id.clone()),
        IssueError::Assessed
    );
    assert_eq!(
        with(|i| i.assessed.checklists[0].id = "Adult CPR".into()),
        IssueError::Assessed
    );
    assert_eq!(
        with(|i| i.assessed.checklists[0].title.en = " ".into()),
        IssueError::Assessed
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
    let basic: Value = serde_json::from_str(include_str!(
        "../fixtures/ob3/basicOpenBadgeCredential.json"
    ))
    .unwrap();
    let full: Value =
        serde_json::from_str(include_str!("../fixtures/ob3/fullOpenBadge.json")).unwrap();
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
        "../fixtures/ob3/fullOpenBadge.json"
    )));
}
