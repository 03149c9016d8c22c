//! Completion records: canonical bytes pinned by a golden file, the three
//! representations (bytes, QR text, JSON) round-trip, the signature covers
//! every bit, malformed input is refused with a reason, and a typical
//! record fits a QR code of version ≤ 25 at level M.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::check_golden;
use firstaid::records::codec::Problem;
use firstaid::records::keys::{KeyPair, SignatureError};
use firstaid::records::payload::Qr;
use firstaid::records::record::{Record, RecordError};
use proptest::prelude::*;

use common::records::{typical, typical_v1};
use firstaid::records::payload;

#[test]
fn the_canonical_encoding_and_both_representations_are_pinned() {
    // Version 2 (what the app writes), and version 1 unchanged: a record a
    // version 1 app signed encodes to the same bytes and still verifies.
    for (name, r) in [
        ("record-v2.json", typical()),
        ("record-v1.json", typical_v1()),
    ] {
        let hex: String = r.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
        let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        check_golden(
            name,
            &serde_json::json!({ "bytes": hex, "qr_text": r.to_qr_text(), "json": json }),
        );
        assert_eq!(r.verify_signature(), Ok(()), "{name}");
    }
}

#[test]
fn version_1_records_read_and_verify_and_lesson_times_are_version_2_only() {
    let v1 = typical_v1();
    let v2 = typical();
    assert!(v1.to_qr_text().starts_with("FAR1:") && v2.to_qr_text().starts_with("FAR2:"));
    for r in [&v1, &v2] {
        assert_eq!(Record::parse(&r.to_qr_text()).unwrap(), *r);
        assert_eq!(Record::parse(&r.to_json()).unwrap(), *r);
        assert_eq!(Record::from_bytes(&r.to_bytes()).unwrap(), *r);
    }
    assert!(v1.body.lessons.iter().all(|l| l.time_spent_ms.is_none()));
    assert_eq!(v2.body.lessons[0].time_spent_ms, Some(240_000));
    assert_eq!(v2.body.lessons[1].time_spent_ms, None);
    // A prefix of one version on the bytes of the other is refused.
    let swapped = [
        payload::wrap("FAR2:", &v1.to_bytes()),
        payload::wrap("FAR1:", &v2.to_bytes()),
    ];
    for text in swapped {
        assert!(Record::parse(&text).is_err(), "{text:.12}");
    }
    // A lesson time in a version 1 JSON file is refused, by name.
    let mut j: serde_json::Value = serde_json::from_str(&v1.to_json()).unwrap();
    j["lessons"][0]["time_spent_ms"] = 1.into();
    match Record::from_json(&j.to_string()) {
        Err(RecordError::Field { field, .. }) => assert_eq!(field, "lessons[0].time_spent_ms"),
        other => panic!("{other:?}"),
    }
    // Changing a lesson's time breaks the signature.
    let mut changed = v2.clone();
    changed.body.lessons[0].time_spent_ms = Some(1);
    assert!(changed.verify_signature().is_err());
}

#[test]
fn all_three_representations_round_trip_and_verify() {
    let r = typical();
    assert_eq!(r.verify_signature(), Ok(()));
    assert_eq!(Record::from_bytes(&r.to_bytes()).unwrap(), r);
    assert_eq!(Record::from_qr_text(&r.to_qr_text()).unwrap(), r);
    assert_eq!(Record::from_json(&r.to_json()).unwrap(), r);
    // What a user may paste: either form, with a byte-order mark or spaces.
    assert_eq!(
        Record::parse(&format!("\u{feff}  {}\n", r.to_json())).unwrap(),
        r
    );
    assert_eq!(Record::parse(&format!(" {} ", r.to_qr_text())).unwrap(), r);
}

#[test]
fn a_typical_record_fits_a_qr_code_of_version_25_at_level_m() {
    let r = typical();
    let text = r.to_qr_text();
    let qr = Qr::new(&text).unwrap();
    println!(
        "typical record: {} bytes, QR text {} characters, QR version {} at level M",
        r.to_bytes().len(),
        text.len(),
        qr.version()
    );
    assert!(qr.version() <= 25, "version {}", qr.version());
}

#[test]
fn changing_anything_breaks_the_signature() {
    let r = typical();
    let mut inflated = r.clone();
    inflated.body.exams[0].percent = 100;
    inflated.body.exams[0].answers[3] = None;
    assert_eq!(inflated.verify_signature(), Err(SignatureError::Mismatch));
    let mut renamed = r.clone();
    renamed.body.learner.name = "王小明 ".into();
    assert_eq!(renamed.verify_signature(), Err(SignatureError::Mismatch));
    // Re-signed by another device: valid, but a different key (the
    // verifier binds records to keys, not to names).
    let other = KeyPair::from_seed([43; 32]);
    let mut body = r.body.clone();
    body.key = other.public();
    let resigned = body.sign(&other);
    assert_eq!(resigned.verify_signature(), Ok(()));
    assert_ne!(resigned.body.key, r.body.key);
}

#[test]
fn every_single_bit_flip_of_the_bytes_is_rejected() {
    let r = typical();
    let bytes = r.to_bytes();
    for bit in 0..bytes.len() * 8 {
        let mut b = bytes.clone();
        b[bit / 8] ^= 1 << (bit % 8);
        if let Ok(x) = Record::from_bytes(&b) {
            assert!(x.verify_signature().is_err(), "bit {bit} accepted");
        }
    }
}

#[test]
fn every_single_bit_flip_of_the_json_file_is_rejected() {
    let r = typical();
    let text = r.to_json().into_bytes();
    for bit in 0..text.len() * 8 {
        let mut t = text.clone();
        t[bit / 8] ^= 1 << (bit % 8);
        let Ok(s) = String::from_utf8(t) else {
            continue;
        };
        if let Ok(x) = Record::from_json(&s) {
            // Only a flip in insignificant whitespace may still read — as
            // the very same record.
            assert!(
                x == r || x.verify_signature().is_err(),
                "bit {bit} accepted: {s}"
            );
        }
    }
}

#[test]
fn non_canonical_json_is_refused_with_the_field_named() {
    let r = typical();
    let json = r.to_json();
    let field = |e: RecordError| match e {
        RecordError::Field { field, .. } => field,
        other => panic!("{other:?}"),
    };
    let upper = json.replace(
        &hex_of(&r.body.key.0),
        &hex_of(&r.body.key.0).to_uppercase(),
    );
    assert_eq!(field(Record::from_json(&upper).unwrap_err()), "key");
    let no_millis = json.replacen(".000Z", "Z", 1);
    assert!(matches!(
        Record::from_json(&no_millis),
        Err(RecordError::Field { .. })
    ));
    let seed = r.body.exams[0].seed;
    let padded_seed = json.replace(
        &format!("\"seed\": \"{seed}\""),
        &format!("\"seed\": \"0{seed}\""),
    );
    assert_eq!(
        field(Record::from_json(&padded_seed).unwrap_err()),
        "exams[0].seed"
    );
    let other = json.replace("\"version\": 2", "\"version\": 3");
    assert!(matches!(
        Record::from_json(&other),
        Err(RecordError::Format { version: 3, .. })
    ));
    let extra = json.replacen('{', "{\"extra\": 1,", 1);
    assert!(matches!(
        Record::from_json(&extra),
        Err(RecordError::Json(_))
    ));
    assert!(matches!(
        Record::parse("hello"),
        Err(RecordError::Payload(_))
    ));
}

fn hex_of(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn malformed_bytes_name_the_problem() {
    let bytes = typical().to_bytes();
    let err = |b: &[u8]| Record::from_bytes(b).unwrap_err().problem;
    assert_eq!(err(&bytes[..bytes.len() - 1]), Problem::Truncated);
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(err(&longer), Problem::TrailingBytes);
    for version in [0, 3, 0xff] {
        let mut wrong = bytes.clone();
        wrong[3] = version;
        assert_eq!(err(&wrong), Problem::Header);
    }
    assert_eq!(err(&[]), Problem::Header);
}

#[test]
fn times_beyond_the_year_9999_are_refused() {
    use firstaid::records::record::MAX_TIME_MS;
    let key = firstaid::records::keys::KeyPair::from_seed([42; 32]);
    let mut body = typical().body;
    body.issued_at_ms = MAX_TIME_MS;
    let ok = body.clone().sign(&key);
    assert_eq!(Record::from_json(&ok.to_json()).unwrap(), ok);
    body.issued_at_ms = MAX_TIME_MS + 1;
    let too_late = body.sign(&key);
    assert_eq!(
        Record::from_bytes(&too_late.to_bytes())
            .unwrap_err()
            .problem,
        Problem::TooLarge
    );
    let mut body = typical().body;
    body.exams[0].started_at_ms = MAX_TIME_MS - 10;
    body.exams[0].duration_ms = 11;
    let overflow = body.sign(&key);
    assert_eq!(
        Record::from_bytes(&overflow.to_bytes())
            .unwrap_err()
            .problem,
        Problem::TooLarge
    );
}

proptest! {
    #[test]
    fn decoders_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), text in ".{0,400}") {
        let _ = Record::from_bytes(&bytes);
        for magic in [b"FAR\x01", b"FAR\x02"] {
            let mut with_magic = magic.to_vec();
            with_magic.extend(&bytes);
            let _ = Record::from_bytes(&with_magic);
        }
        let _ = Record::parse(&text);
        let _ = Record::from_json(&format!("{{{text}}}"));
    }
}

#[test]
fn a_record_of_a_newer_version_is_named_as_such() {
    let json: serde_json::Value = serde_json::from_str(&typical().to_json()).unwrap();
    let cases: Vec<(String, Option<u32>)> = vec![
        ("FAR3:ABCD".into(), Some(3)),
        ("FAR2:ABCD".into(), None),
        ("FAR1:ABCD".into(), None),
        ("FAR12:ABCD".into(), Some(12)),
        ("FAA1:ABCD".into(), None),
        ("hello".into(), None),
        (typical().to_qr_text().replace("FAR2:", "FAR2:%%"), None),
        (
            {
                let mut j = json.clone();
                j["version"] = 3.into();
                j.to_string()
            },
            Some(3),
        ),
        (
            {
                let mut j = json.clone();
                j["format"] = "firstaid-transcript".into();
                j.to_string()
            },
            None,
        ),
    ];
    for (text, want) in cases {
        let e = Record::parse(&text).unwrap_err();
        assert_eq!(e.unsupported_version(), want, "{text:.40}: {e}");
    }
}
