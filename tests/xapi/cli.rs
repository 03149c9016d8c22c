//! `firstaid xapi`: records exported as one array, options, records
//! left out, usage errors; the instructor's stored settings.

use super::*;

#[test]
fn cli_exports_json_and_qr_records_as_one_array() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let json_file = TempFile::new("record.json", &r.to_json());
    let qr = TempFile::new("record.txt", &format!("{}\n", r.to_qr_text()));
    let (code, out, err) = firstaid(&["xapi", json_file.arg(), qr.arg()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(validate_export(&out), vec![], "{out}");
    let expected = verified_statements(
        &r,
        &curriculum(),
        CONTENT_VERSION,
        None,
        &ExportOptions::default(),
    )
    .unwrap();
    // The same record twice: its statements once (one batch, ids unique).
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(v, to_json(&expected));
    assert_eq!(v[0]["actor"]["account"]["name"], r.body.key.fingerprint());
    assert_eq!(v[0]["actor"]["name"], "王小明");
}

#[test]
fn cli_options_set_the_actor_and_the_activity_base() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let f = TempFile::new("opts.json", &r.to_json());
    let (code, out, err) = firstaid(&[
        "xapi",
        f.arg(),
        "--home-page",
        "https://school.example",
        "--account-from",
        "number",
        "--activity-base",
        "https://school.example/fa",
        "--no-name",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v[0]["actor"],
        json!({"objectType": "Agent", "account": {"homePage": "https://school.example", "name": "2026-0142"}})
    );
    assert!(v.iter().all(|s| s["object"]["id"]
        .as_str()
        .unwrap()
        .starts_with("https://school.example/fa/activities/")));
    let (code, out, err) = firstaid(&["xapi", f.arg(), "--mbox", "mailto:{number}@school.example"]);
    assert_eq!(code, 0, "{err}");
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["actor"]["mbox"], "mailto:2026-0142@school.example");
}

#[test]
fn cli_leaves_out_records_that_do_not_verify_and_exits_1() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let good = TempFile::new("good.json", &r.to_json());
    let tampered = TempFile::new(
        "tampered.json",
        &r.to_json().replace("\"percent\": 100", "\"percent\": 99"),
    );
    let garbage = TempFile::new("garbage.txt", "FAR1:not a record");
    let mut no_number = r.clone();
    no_number.body.learner.number = None;
    let no_number = TempFile::new(
        "no-number.json",
        &no_number.body.sign(&example::learner_key()).to_json(),
    );
    let (code, out, err) = firstaid(&[
        "xapi",
        tampered.arg(),
        good.arg(),
        garbage.arg(),
        no_number.arg(),
        "--account-from",
        "number",
    ]);
    assert_eq!(code, 1, "{err}");
    let v: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(v.len(), r.body.lessons.len() + r.body.exams.len());
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].contains("tampered.json: NOT EXPORTED: does not verify: the signature"),
        "{err}"
    );
    assert!(lines[1].contains("garbage.txt: NOT EXPORTED"), "{err}");
    assert!(
        lines[2].contains("no-number.json: NOT EXPORTED: no learner number"),
        "{err}"
    );
    // Content this build does not have cannot be re-scored: not exported.
    let old = TempFile::new("old.json", &common::records::typical().to_json());
    let (code, out, err) = firstaid(&["xapi", old.arg()]);
    assert_eq!((code, out.trim()), (1, "[]"));
    assert!(err.contains("cannot re-score"), "{err}");
}

#[test]
fn cli_usage_errors_exit_2() {
    let r = common::records::typical_for(CONTENT_VERSION);
    let f = TempFile::new("usage.json", &r.to_json());
    let cases: &[(&[&str], &str)] = &[
        (&["xapi"], "not provided:\n  <FILE>..."),
        (
            &["xapi", f.arg(), "--account-from", "email"],
            "possible values: number, fingerprint",
        ),
        (
            &["xapi", f.arg(), "--home-page", "school"],
            "not an http(s) IRL",
        ),
        (
            &["xapi", f.arg(), "--activity-base", "fa/xapi"],
            "not an absolute http(s) IRI",
        ),
        (
            &[
                "xapi",
                f.arg(),
                "--mbox",
                "mailto:{number}@s.example",
                "--home-page",
                "https://s.example",
            ],
            "'--mbox <TEMPLATE>' cannot be used with '--home-page <IRI>'",
        ),
        (&["xapi", f.arg(), "--home-page"], "a value is required"),
        (
            &["xapi", f.arg(), "--colour", "red"],
            "unexpected argument '--colour'",
        ),
        (
            &[
                "xapi",
                f.arg(),
                "--activity-base",
                "https://a.example",
                "--activity-base",
                "https://b.example",
            ],
            "cannot be used multiple times",
        ),
    ];
    for (args, words) in cases {
        let (code, out, err) = firstaid(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

#[test]
fn the_instructors_stored_settings_give_the_export_options() {
    use firstaid::xapi::settings::XapiSettings;
    use firstaid::xapi::{AccountName, ActorId, DEFAULT_ACTIVITY_BASE};
    let s = XapiSettings {
        home_page: " https://lrs.school.example ".into(),
        by_number: true,
        include_names: false,
    };
    let o = s.options();
    assert_eq!(o.activity_base, DEFAULT_ACTIVITY_BASE);
    assert_eq!(
        o.actor.id,
        ActorId::Account {
            home_page: "https://lrs.school.example".into(),
            name_from: AccountName::LearnerNumber
        }
    );
    assert!(!o.actor.include_name);
    let by_key = XapiSettings {
        by_number: false,
        ..s
    }
    .options();
    assert!(matches!(
        by_key.actor.id,
        ActorId::Account {
            name_from: AccountName::Fingerprint,
            ..
        }
    ));
}
