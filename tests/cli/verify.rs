//! `firstaid verify` on records and certificates, and
//! `firstaid credential example`.

use super::*;

fn instructor() -> firstaid::records::keys::KeyPair {
    firstaid::records::keys::KeyPair::from_seed([9; 32])
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn verify_checks_json_and_qr_records_in_bulk() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let json = TempFile::new("record.json", &r.to_json());
    let qr = TempFile::new("record.txt", &format!("{}\n", r.to_qr_text()));
    let (code, out, err) = firstaid(&["verify", json.arg(), qr.arg()]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(out.lines().count(), 2);
    assert!(out.lines().all(|l| l.contains(": OK — 王小明")), "{out}");
    assert!(out.contains("course-rcsc 100%"), "{out}");
    // The instructor who issued the assignment, by key.
    let key = hex(&instructor().public().0);
    let (code, _, _) = firstaid(&["verify", json.arg(), "--instructor-key", &key]);
    assert_eq!(code, 0);
    let other = hex(&[1; 32]);
    let (code, out, _) = firstaid(&["verify", json.arg(), "--instructor-key", &other]);
    assert_eq!(code, 1);
    assert!(
        out.contains("FAIL: answers an assignment of another instructor"),
        "{out}"
    );
}

#[test]
fn verify_reports_each_failing_record_and_exits_1() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let good = TempFile::new("good.json", &r.to_json());
    let tampered = TempFile::new(
        "tampered.json",
        &r.to_json().replace("\"percent\": 100", "\"percent\": 99"),
    );
    let garbage = TempFile::new("garbage.txt", "FAR1:not a record");
    let (code, out, err) = firstaid(&["verify", good.arg(), tampered.arg(), garbage.arg()]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains(": OK"), "{out}");
    assert!(
        lines[1].contains("FAIL: the signature does not match"),
        "{out}"
    );
    assert!(lines[2].contains("UNREADABLE"), "{out}");
    // In CSV, unreadable files are reported on standard error.
    let (code, out, err) = firstaid(&["verify", good.arg(), garbage.arg(), "--csv"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(err.contains("garbage.txt: UNREADABLE"), "{err}");
    // Content this build does not have: cannot re-score.
    let old = TempFile::new("old.json", &common::records::typical().to_json());
    let (code, out, _) = firstaid(&["verify", old.arg()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("cannot re-score: learner uses content version sha256:0000000000000000"),
        "{out}"
    );
}

#[test]
fn verify_with_the_assignment_checks_its_requirements_and_writes_csv() {
    use firstaid::records::assignment::{AssignmentBody, ExamRequirement};
    let r = common::records::typical_for(CONTENT_VERSION);
    let a = AssignmentBody {
        id: "A7K2-9QX4".into(),
        class: "初二(3)班".into(),
        instructor_name: "李老师".into(),
        content_version: CONTENT_VERSION.into(),
        created_at_ms: 0,
        due_at_ms: None,
        lessons: vec!["aed".into(), "adult-cpr".into()],
        exam: Some(ExamRequirement {
            blueprint: "course-rcsc".into(),
            pass_percent: 80,
        }),
        min_trainer_score: Some(95),
        key: instructor().public(),
    }
    .sign(&instructor());
    let json = TempFile::new("assigned.json", &r.to_json());
    let link = a.link("https://firstaid.example");
    let (code, out, _) = firstaid(&["verify", json.arg(), "--assignment", &link, "--csv"]);
    assert_eq!(code, 1, "trainer score 91 is below 95");
    assert!(
        out.starts_with(
            "\u{feff}name,number,class,key,status,lessons,exams,trainer,practical,checklists,verified,reasons\r\n"
        ),
        "{out}"
    );
    let row = out.lines().nth(1).unwrap();
    assert!(row.starts_with("王小明,2026-0142,初二(3)班,"), "{row}");
    assert!(row.contains(",FAIL,8,course-rcsc 100%,91,"), "{row}");
    // A reason with a comma is quoted.
    assert!(
        row.trim_end_matches('\r')
            .ends_with("Z,\"trainer score 91, below the required 95\""),
        "{row}"
    );
    let file = TempFile::new("assignment.txt", &a.to_qr_text());
    let (code, _, err) = firstaid(&[
        "verify",
        json.arg(),
        "--assignment",
        file.arg(),
        "--repeat",
        "3",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("records per second"), "{err}");
}

#[test]
fn verify_usage_errors_exit_2() {
    for args in [
        &["verify"][..],
        &["verify", "x.json", "--instructor-key", "abc"],
        // 64 bytes, but not hex (and not one byte per character).
        &["verify", "x.json", "--instructor-key", &"é".repeat(32)],
        &["verify", "x.json", "--assignment", "FAA1:garbage"],
        &["verify", "x.json", "--repeat", "0"],
        &["verify", "x.json", "--bogus"],
    ] {
        let (code, _, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.is_empty());
    }
}

/// A certificate of the example's shape valid over `[from, until]` (ISO
/// times), so the tests do not depend on today's date.
fn certificate(from: &str, until: Option<&str>) -> serde_json::Value {
    use firstaid::credentials::badge;
    let mut input = badge::example_input();
    input.valid_from_ms = firstaid::time::parse_iso(from).unwrap();
    input.valid_until_ms = until.map(|u| firstaid::time::parse_iso(u).unwrap());
    badge::issue(&input, &badge::example_key()).unwrap()
}

#[test]
fn verify_checks_certificates_beside_records() {
    use firstaid::credentials::badge;
    let valid = certificate("2020-01-01T00:00:00Z", None);
    let json = TempFile::new("certificate.json", &valid.to_string());
    let qr = TempFile::new(
        "certificate.txt",
        &format!("{}\n", badge::to_qr_text(&valid).unwrap()),
    );
    let r = common::records::typical_for(CONTENT_VERSION);
    let record = TempFile::new("with-certificates.json", &r.to_json());
    let (code, out, err) = firstaid(&["verify", json.arg(), record.arg(), qr.arg()]);
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let fingerprint = badge::example_key().public().fingerprint();
    for line in [lines[0], lines[2]] {
        assert!(line.contains(": OK — certificate \""), "{line}");
        assert!(line.contains("CPR, AED and choking relief"), "{line}");
        assert!(
            line.contains("learner 王小明 · issuer 李老师 (Li Wei)"),
            "{line}"
        );
        assert!(line.contains(&fingerprint), "{line}");
        assert!(
            line.contains("valid 2020-01-01T00:00:00Z to no end · profile rcsc · results: "),
            "{line}"
        );
        assert!(
            line.ends_with("; Practical: Choking Completed · schema: OK"),
            "{line}"
        );
    }
    assert!(lines[1].contains(": OK — 王小明"), "{out}");
    // Each failing certificate with its reason; exit 1.
    let expired = TempFile::new(
        "expired.json",
        &certificate("2020-01-01T00:00:00Z", Some("2022-01-01T00:00:00Z")).to_string(),
    );
    let future = TempFile::new(
        "future.json",
        &certificate("9000-01-01T00:00:00Z", None).to_string(),
    );
    let tampered = TempFile::new(
        "tampered.json",
        &valid.to_string().replace("王小明", "王大明"),
    );
    let damaged = TempFile::new("damaged.txt", "FAC1:%%%");
    let (code, out, _) = firstaid(&[
        "verify",
        json.arg(),
        expired.arg(),
        future.arg(),
        tampered.arg(),
        damaged.arg(),
    ]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains(": OK"), "{out}");
    // The schema is reported beside the signature's result, whatever it is.
    assert!(
        lines[1].ends_with("FAIL: certificate: expired on 2022-01-01T00:00:00Z · schema: OK"),
        "{out}"
    );
    assert!(
        lines[2].ends_with(
            "FAIL: certificate: not valid yet: valid from 9000-01-01T00:00:00Z · schema: OK"
        ),
        "{out}"
    );
    assert!(lines[3].contains("the signature does not match"), "{out}");
    assert!(lines[3].ends_with(" · schema: OK"), "{out}");
    // Nothing to check a schema against in a damaged QR text.
    assert!(lines[4].contains("QR text is damaged"), "{out}");
    assert!(!lines[4].contains("schema"), "{out}");
    // With --csv, certificates go to standard error; the roster to output.
    let (code, out, err) = firstaid(&["verify", record.arg(), expired.arg(), "--csv"]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        err.contains("expired.json: FAIL: certificate: expired"),
        "{err}"
    );
}

#[test]
fn verify_reports_the_open_badges_schema_beside_the_signature() {
    use firstaid::credentials::badge;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden = |name: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(root.join("tests/golden").join(name)).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let (v1, v2) = (golden("credential-v1.json"), golden("credential-v2.json"));
    let v1_json = TempFile::new("v1.json", &v1["credential"].to_string());
    let v1_qr = TempFile::new("v1.txt", v1["qr"].as_str().unwrap());
    let v2_json = TempFile::new("v2.json", &v2["credential"].to_string());
    let v2_qr = TempFile::new("v2.txt", v2["qr"].as_str().unwrap());
    // A certificate that verifies but fails the schema (its credentialSchema
    // without a type), signed again so only the schema objects.
    let mut odd = badge::example();
    let odd_map = odd.as_object_mut().unwrap();
    odd_map.remove("proof");
    odd_map["credentialSchema"][0]
        .as_object_mut()
        .unwrap()
        .remove("type");
    let created = Some("2026-11-29T03:00:00Z".to_owned());
    let options = firstaid::credentials::proof::ProofOptions { created };
    let odd =
        firstaid::credentials::proof::sign_in_set(&odd, &badge::example_key(), options).unwrap();
    let odd_json = TempFile::new("odd.json", &odd.to_string());
    let v3 = golden("credential-v3.json");
    let v3_qr = TempFile::new("v3.txt", v3["qr"].as_str().unwrap());
    let (code, out, err) = firstaid(&[
        "verify",
        v1_json.arg(),
        v1_qr.arg(),
        v2_json.arg(),
        v2_qr.arg(),
        odd_json.arg(),
        v3_qr.arg(),
    ]);
    // The schema does not decide: all six verify (exit 0).
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    // Version 3 says what was assessed, in English; versions 1 and 2 have
    // no results.
    assert!(
        lines[5].contains(
            " · results: Theory exam 90% (pass mark 80%); Practical: Adult CPR with an AED \
             Completed; Practical: Child and baby CPR Completed; Practical: Choking Completed · \
             schema: OK"
        ),
        "{}",
        lines[5]
    );
    assert!(lines[..4].iter().all(|l| !l.contains("results:")), "{out}");
    for line in &lines {
        assert!(line.contains(": OK — certificate \""), "{line}");
    }
    // Version 1 (the proof one object) fails it, for its proof alone.
    for line in &lines[..2] {
        let (_, schema) = line.split_once(" · schema: ").unwrap();
        assert!(schema.starts_with("FAIL: /proof: "), "{line}");
        assert!(schema.contains("\"array\""), "{line}");
        assert!(!schema.contains("credentialSchema"), "{line}");
    }
    for line in &lines[2..4] {
        assert!(line.ends_with(" · schema: OK"), "{line}");
    }
    assert!(
        lines[4].contains(" · schema: FAIL: /credentialSchema/0: "),
        "{}",
        lines[4]
    );
    assert!(lines[4].contains("\"type\""), "{}", lines[4]);
}

#[test]
fn credential_example_prints_json_or_qr_text() {
    use firstaid::credentials::badge;
    let (code, out, err) = firstaid(&["credential", "example"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v, badge::example());
    let (code, out, err) = firstaid(&["credential", "example", "--format", "qr"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim_end(),
        badge::to_qr_text(&badge::example()).unwrap()
    );
    assert!(
        err.contains("QR version") && err.contains("at level M"),
        "{err}"
    );
    for args in [
        &["credential"][..],
        &["credential", "example", "--format", "pdf"],
        &["credential", "example", "--bogus"],
    ] {
        let (code, _, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(
            err.starts_with("error: ") || err.contains("Usage: firstaid credential <COMMAND>"),
            "{err}"
        );
    }
}
