//! The backup file: round trip, and rejection of everything that is not a
//! valid backup, before anything is overwritten.

use firstaid::backup::{self, BackupError, RecoveredCopy};
use firstaid::profile::ProfileId;
use firstaid::settings::{Lang, Settings, TextSize, Theme};
use firstaid::store::{Document, MigrateError};
use serde_json::{json, Value};

fn sample() -> Document {
    Document::with_settings(Settings {
        lang: Lang::En,
        profile: ProfileId::Erc,
        theme: Theme::Dark,
        text_size: TextSize::P200,
        emergency_number: None,
    })
}

fn exported() -> String {
    backup::export(
        &sample(),
        vec![RecoveredCopy {
            key: "firstaid/recovered/1".into(),
            text: "{broken".into(),
        }],
        "0.1.0",
        "2026-11-29T03:00:00.000Z",
    )
}

#[test]
fn export_then_import_round_trips() {
    let b = backup::import(&exported()).unwrap();
    assert_eq!(b.document, sample());
    assert_eq!(
        b.recovered,
        [RecoveredCopy {
            key: "firstaid/recovered/1".into(),
            text: "{broken".into()
        }]
    );
    assert_eq!(b.app_version, "0.1.0");
    assert_eq!(b.exported_at, "2026-11-29T03:00:00.000Z");
}

#[test]
fn export_format_is_pinned() {
    let v: Value = serde_json::from_str(&exported()).unwrap();
    assert_eq!(v["format"], "firstaid-backup");
    assert_eq!(v["version"], 1);
    assert_eq!(v["store"]["schema"], 5);
    assert_eq!(v["store"]["data"]["settings"]["profile"], "erc");
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    assert!(backup::import(&format!("\u{feff}{}", exported())).is_ok());
}

/// Whether an error is the expected one.
type Check = fn(&BackupError) -> bool;

#[test]
fn malformed_backups_are_rejected_with_their_reason() {
    let good: Value = serde_json::from_str(&exported()).unwrap();
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, Check)> = vec![
        ("empty file", String::new(), |e| {
            matches!(e, BackupError::NotJson(_))
        }),
        ("a picture", "\u{89}PNG\r\n".into(), |e| {
            matches!(e, BackupError::NotJson(_))
        }),
        ("truncated", exported()[..40].to_string(), |e| {
            matches!(e, BackupError::NotJson(_))
        }),
        ("other JSON", json!({"name": "x"}).to_string(), |e| {
            matches!(e, BackupError::NotABackup)
        }),
        (
            "wrong format",
            with(&|v| v["format"] = json!("other-app")),
            |e| matches!(e, BackupError::NotABackup),
        ),
        ("newer version", with(&|v| v["version"] = json!(2)), |e| {
            matches!(e, BackupError::UnsupportedVersion(2))
        }),
        (
            "no version",
            with(&|v| {
                v.as_object_mut().unwrap().remove("version");
            }),
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        ("unknown field", with(&|v| v["extra"] = json!(1)), |e| {
            matches!(e, BackupError::Malformed(_))
        }),
        (
            "missing store",
            with(&|v| {
                v.as_object_mut().unwrap().remove("store");
            }),
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        (
            "bad recovered",
            with(&|v| v["recovered"] = json!([1])),
            |e| matches!(e, BackupError::Malformed(_)),
        ),
        (
            "bad setting",
            with(&|v| v["store"]["data"]["settings"]["lang"] = json!("fr")),
            |e| matches!(e, BackupError::BadStore(MigrateError::Invalid(_))),
        ),
        (
            "store from the future",
            with(&|v| v["store"]["schema"] = json!(7)),
            |e| matches!(e, BackupError::BadStore(MigrateError::NewerVersion(7))),
        ),
        ("too large", " ".repeat(backup::MAX_BYTES + 1), |e| {
            matches!(e, BackupError::TooLarge(_))
        }),
    ];
    for (name, text, check) in cases {
        match backup::import(&text) {
            Ok(_) => panic!("{name}: accepted"),
            Err(e) => assert!(check(&e), "{name}: wrong reason {e:?}"),
        }
    }
}
