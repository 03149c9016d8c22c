//! What a text given to the verifier is when it is not a record
//! (`pasted`): every kind of file and code the app makes, as the app makes
//! it, and as a link where it has one.

use firstaid::content::{Curriculum, CONTENT_VERSION};
use firstaid::credentials::badge;
use firstaid::pasted::{is_damaged_record_file, other_than_record, Other};
use firstaid::records::example;
use serde_json::json;

#[test]
fn each_text_is_named_for_what_it_is() {
    let c = Curriculum::embedded().unwrap();
    let assignment = example::assignment(&c, CONTENT_VERSION);
    let record = example::record(&c, CONTENT_VERSION);
    let certificate = badge::example();
    let certificate_code = badge::to_qr_text(&certificate).unwrap();
    let transcript = serde_json::to_string_pretty(&json!({
        "format": "firstaid-transcript",
        "version": 1,
        "seed": "12",
    }))
    .unwrap();
    let cases: Vec<(&str, String, Option<Other>)> = vec![
        ("nothing", String::new(), Some(Other::Empty)),
        ("blank lines", " \n\t\n".into(), Some(Other::Empty)),
        ("a record's code", record.to_qr_text(), None),
        ("a record's file", record.to_json(), None),
        (
            "a damaged record's code",
            format!("{}AB$%", &record.to_qr_text()[..9]),
            None,
        ),
        ("a transcript", transcript.clone(), Some(Other::Transcript)),
        (
            "a transcript with a BOM",
            format!("\u{feff}{transcript}"),
            Some(Other::Transcript),
        ),
        (
            "an assignment's code",
            assignment.to_qr_text(),
            Some(Other::Assignment),
        ),
        (
            "an assignment's link",
            assignment.link("https://aid.example"),
            Some(Other::Assignment),
        ),
        (
            "a certificate's code",
            certificate_code.clone(),
            Some(Other::Certificate),
        ),
        (
            "a certificate's link",
            format!("https://aid.example/certificate#{certificate_code}"),
            Some(Other::Certificate),
        ),
        (
            "a certificate's file",
            certificate.to_string(),
            Some(Other::Certificate),
        ),
        ("words", "Li Hua passed".into(), None),
        (
            "other JSON",
            r#"{"format": "firstaid-backup"}"#.into(),
            None,
        ),
        // A backup holds the learner's exams, transcripts and all: it is
        // a backup, not an exam's answer file.
        (
            "a backup with an exam in it",
            serde_json::to_string_pretty(&json!({
                "format": "firstaid-backup",
                "version": 1,
                "store": {"data": {"quiz": {"results": [{"format": "firstaid-transcript"}]}}},
            }))
            .unwrap(),
            None,
        ),
        (
            "a transcript cut short",
            transcript[..transcript.len() - 8].to_string(),
            None,
        ),
        (
            "a spreadsheet",
            "name,number\nLi Hua,2026-0142\n".into(),
            None,
        ),
    ];
    for (what, text, want) in cases {
        assert_eq!(other_than_record(&text), want, "{what}: {text:.60}");
    }
}

#[test]
fn a_record_file_cut_short_is_damaged_and_nothing_else_is() {
    let c = Curriculum::embedded().unwrap();
    let file = example::record(&c, CONTENT_VERSION).to_json();
    let cut = &file[..file.len() / 2];
    assert!(is_damaged_record_file(cut), "{cut}");
    assert!(is_damaged_record_file(&format!("\u{feff}{cut}")));
    assert!(!is_damaged_record_file(&file), "it reads");
    let transcript = r#"{"format": "firstaid-transcript", "version": 1"#;
    assert!(!is_damaged_record_file(transcript), "not a record");
    assert!(!is_damaged_record_file("FAR2:ABC"), "a code, not a file");
    assert!(!is_damaged_record_file(""));
}
